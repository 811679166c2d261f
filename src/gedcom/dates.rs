//! GEDCOM dates to the family file's dates (`1950`, `1950-03`, `1950-03-12`, `~1950`).
//!
//! | GEDCOM | family file |
//! |---|---|
//! | `12 MAR 1950`, `MAR 1950`, `1950`, `742` | `1950-03-12`, `1950-03`, `1950`, `742` |
//! | full month names: `29 December 1812` | `1812-12-29` |
//! | `ABT`, `CAL`, `EST` before a date | the date with `~` |
//! | `BEF 1950`, `AFT 1950` | `~1950` |
//! | `BET 1940 AND 1950`, `BET. 1940 - 1950`, `FROM 1940 TO 1950` | `~1945` (the middle year; the month too when both ends share it) |
//! | qualifiers with a full stop, as Family Tree Maker writes them: `ABT. 1816`, `BEF. 23 JUL 1930` | as without it |
//! | `FROM 1940`, `TO 1950` | `~1940`, `~1950` |
//! | `INT 1950 (phrase)` | `~1950` |
//! | dual years `1700/01`, `1815/1816` | the second (new-style) year |
//! | `@#DJULIAN@ 12 MAR 1650`, `JULIAN 12 MAR 1650` | converted to the Gregorian day; a month or year alone is kept as written |
//!
//! Not kept (the caller reports them): phrases alone `(about the war)`, dates BC
//! (`26 JUN 34 B.C.`: the family file holds years 1 to 9999 of the Common Era), dates
//! without a year, and the Hebrew and French republican calendars.

use crate::model::PartialDate;

/// Reads a GEDCOM date value.
///
/// # Errors
///
/// Why the date cannot be kept, in words that complete "the date … cannot be kept: ".
pub fn parse(value: &str) -> Result<PartialDate, String> {
    let upper = value.trim().to_ascii_uppercase();
    if upper.is_empty() {
        return Err("it is empty".into());
    }
    if upper.starts_with('(') {
        return Err("it is a phrase, not a date".into());
    }
    // A phrase after an interpreted date, or a GEDCOM 7 phrase line, is not needed.
    let main = upper.split('(').next().unwrap_or_default();
    let tokens: Vec<String> = calendar_tokens(main)
        .into_iter()
        .map(without_full_stop)
        .collect();
    let words: Vec<&str> = tokens.iter().map(String::as_str).collect();
    match words.as_slice() {
        [] => Err("it is empty".into()),
        ["ABT" | "CAL" | "EST" | "INT", rest @ ..] => Ok(simple(rest)?.approx()),
        ["BEF" | "AFT" | "FROM" | "TO", rest @ ..] if !rest.contains(&"TO") => {
            Ok(simple(rest)?.year_only().approx())
        }
        ["BET", rest @ ..] if rest.contains(&"-") && !rest.contains(&"AND") => range(rest, "-"),
        ["BET", rest @ ..] => range(rest, "AND"),
        ["FROM", rest @ ..] => range(rest, "TO"),
        _ => simple(&words),
    }
}

/// Joins `@#DFRENCH R@` into one token and splits the rest on spaces.
fn calendar_tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        if rest.starts_with("@#") {
            let end = rest[2..].find('@').map_or(rest.len(), |i| i + 3);
            out.push(rest[..end].split_whitespace().collect::<Vec<_>>().join(" "));
            rest = rest[end..].trim_start();
        } else {
            let end = rest.find([' ', '\t', '@']).unwrap_or(rest.len()).max(1);
            out.push(rest[..end].to_string());
            rest = rest[end..].trim_start();
        }
    }
    out
}

/// `ABT.` as `ABT`, `DEC.` as `DEC`: the full stop of an abbreviation, which some programs
/// write, changes nothing. `B.C.` keeps its stops (it is matched as written).
fn without_full_stop(token: String) -> String {
    match token.strip_suffix('.') {
        Some(t) if token != "B.C." && !t.is_empty() && !t.contains('.') => t.to_string(),
        _ => token,
    }
}

fn range(words: &[&str], sep: &str) -> Result<PartialDate, String> {
    let Some(i) = words.iter().position(|w| *w == sep) else {
        return Err(format!("the range has no `{sep}`"));
    };
    let a = simple(&words[..i])?;
    let b = simple(&words[i + 1..])?;
    // Both ends are exact here, so the model's order is the calendar's.
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    let (y0, y1) = (lo.year_value(), hi.year_value());
    let month = if y0 == y1 && lo.month() == hi.month() {
        lo.month()
    } else {
        None
    };
    PartialDate::from_parts(y0 + (y1 - y0) / 2, month, None, true)
        .ok_or_else(|| "the range is not a date".to_string())
}

enum Calendar {
    Gregorian,
    Julian,
}

/// `[calendar] [[day] month] year[/yy] [BC]`.
fn simple(words: &[&str]) -> Result<PartialDate, String> {
    let mut words = words;
    let mut calendar = Calendar::Gregorian;
    if let Some((first, rest)) = words.split_first() {
        let name = first
            .strip_prefix("@#D")
            .and_then(|c| c.strip_suffix('@'))
            .unwrap_or(first);
        match name {
            "GREGORIAN" => words = rest,
            "JULIAN" => {
                calendar = Calendar::Julian;
                words = rest;
            }
            "HEBREW" => return Err("it is in the Hebrew calendar, which is not converted".into()),
            "FRENCH R" | "FRENCH_R" => {
                return Err(
                    "it is in the French republican calendar, which is not converted".into(),
                );
            }
            "ROMAN" | "UNKNOWN" => {
                return Err(format!(
                    "it is in the `{name}` calendar, which is not converted"
                ));
            }
            _ if first.starts_with("@#") || first.starts_with('_') => {
                return Err(format!(
                    "its calendar `{}` is not known",
                    crate::diag::short(first)
                ));
            }
            _ => {}
        }
    }
    if let Some((last, rest)) = words.split_last()
        && matches!(*last, "BC" | "B.C." | "BCE" | "B.C.E.")
    {
        let _ = rest;
        return Err(BC.into());
    }
    let (day, month, year) = match words {
        [y] => (None, None, *y),
        [m, y] => (None, Some(*m), *y),
        [d, m, y] => (Some(*d), Some(*m), *y),
        [] => return Err("it has no year".into()),
        _ => return Err("it is not a date GEDCOM describes".into()),
    };
    let year = year_of(year)?;
    let month = match month {
        None => None,
        Some(m) => Some(month_of(m).ok_or_else(|| {
            if m.bytes().all(|b| b.is_ascii_digit()) {
                "it has a number where the month should be".to_string()
            } else {
                format!("`{}` is not a month", crate::diag::short(m))
            }
        })?),
    };
    let day = match day {
        None => None,
        Some(d) => Some(
            d.parse::<u8>()
                .ok()
                .filter(|d| (1..=31).contains(d))
                .ok_or_else(|| format!("`{}` is not a day of the month", crate::diag::short(d)))?,
        ),
    };
    let (year, month, day) = match (&calendar, month, day) {
        (Calendar::Julian, Some(m), Some(d)) => julian_to_gregorian(year, m, d),
        _ => (year, month, day),
    };
    if year < 1 {
        return Err("there is no year 0".into());
    }
    if year > 9999 {
        return Err("its year has more than four digits".into());
    }
    PartialDate::from_parts(year, month, day, false)
        .ok_or_else(|| "that day does not exist".to_string())
}

/// A year, or a dual year `1700/01` or `1815/1816`, read as the second (new-style) year.
fn year_of(text: &str) -> Result<i32, String> {
    let (first, second) = match text.split_once('/') {
        Some((a, b)) => (a, Some(b)),
        None => (text, None),
    };
    let year: i32 = if first.bytes().all(|b| b.is_ascii_digit()) && first.len() <= 6 {
        first.parse().map_err(|_| "it has no year".to_string())?
    } else if month_of(first).is_some() {
        return Err("it has no year".into());
    } else {
        return Err(format!("`{}` is not a year", crate::diag::short(first)));
    };
    match second {
        None => Ok(year),
        Some(s) if !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()) => {
            let n: i32 = s.parse().unwrap_or(0);
            let modulus = 10_i32.pow(u32::try_from(s.len()).unwrap_or(4));
            // The new-style year is the first year after `year` that ends in these digits.
            let mut candidate = year - year.rem_euclid(modulus) + n;
            if candidate < year {
                candidate += modulus;
            }
            Ok(candidate)
        }
        Some(s) => Err(format!(
            "`{}` is not the second part of a dual year",
            crate::diag::short(s)
        )),
    }
}

/// Why a date BC is not kept, in plain words.
const BC: &str =
    "it is a year before the Common Era (BC), which the family file cannot hold (years 1 to 9999)";

/// A month by GEDCOM's three letters or its full English name (`DECEMBER`, as files made by
/// hand write it; `SEPT` too).
fn month_of(m: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "JANUARY",
        "FEBRUARY",
        "MARCH",
        "APRIL",
        "MAY",
        "JUNE",
        "JULY",
        "AUGUST",
        "SEPTEMBER",
        "OCTOBER",
        "NOVEMBER",
        "DECEMBER",
    ];
    MONTHS
        .iter()
        .position(|n| {
            m.len() >= 3 && (n.get(..3) == Some(m) || *n == m || (m == "SEPT" && n.starts_with(m)))
        })
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// The Gregorian day of a Julian calendar day, through the Julian day number.
fn julian_to_gregorian(year: i32, month: u8, day: u8) -> (i32, Option<u8>, Option<u8>) {
    let (y, m, d) = (i64::from(year), i64::from(month), i64::from(day));
    let a = (14 - m) / 12;
    let yy = y + 4800 - a;
    let mm = m + 12 * a - 3;
    let jdn = d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - 32083;
    // Gregorian from the Julian day number (Richards' algorithm).
    let f = jdn + 1401 + (((4 * jdn + 274_277) / 146_097) * 3) / 4 - 38;
    let e = 4 * f + 3;
    let g = (e % 1461) / 4;
    let h = 5 * g + 2;
    let day = (h % 153) / 5 + 1;
    let month = ((h / 153 + 2) % 12) + 1;
    let year = e / 1461 - 4716 + (14 - month) / 12;
    (
        i32::try_from(year).unwrap_or(0),
        u8::try_from(month).ok(),
        u8::try_from(day).ok(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> String {
        parse(s).unwrap_or_else(|e| panic!("{s}: {e}")).to_string()
    }

    #[test]
    fn exact_dates_to_every_precision() {
        assert_eq!(ok("12 MAR 1950"), "1950-03-12");
        assert_eq!(ok("MAR 1950"), "1950-03");
        assert_eq!(ok("1950"), "1950");
        assert_eq!(ok("  1 jan   1901 "), "1901-01-01");
        assert_eq!(ok("@#DGREGORIAN@ 2 FEB 1900"), "1900-02-02");
        assert_eq!(ok("GREGORIAN 2 FEB 1900"), "1900-02-02");
    }

    #[test]
    fn approximate_forms() {
        assert_eq!(ok("ABT 1900"), "~1900");
        assert_eq!(ok("EST MAR 1900"), "~1900-03");
        assert_eq!(ok("CAL 1 MAR 1900"), "~1900-03-01");
        assert_eq!(ok("BEF 12 JUL 1850"), "~1850");
        assert_eq!(ok("AFT 1850"), "~1850");
        assert_eq!(ok("BET 1940 AND 1950"), "~1945");
        assert_eq!(ok("BET 1950 AND 1940"), "~1945");
        assert_eq!(ok("BET 1 MAR 1950 AND 20 MAR 1950"), "~1950-03");
        assert_eq!(ok("FROM 1900 TO 1903"), "~1901");
        assert_eq!(ok("FROM 1900"), "~1900");
        assert_eq!(ok("TO 1900"), "~1900");
        assert_eq!(ok("INT 1900 (about the time of the flood)"), "~1900");
    }

    #[test]
    fn years_of_one_to_four_digits() {
        assert_eq!(ok("742"), "742");
        assert_eq!(ok("2 APR 742"), "742-04-02");
        assert_eq!(ok("ABT 900"), "~900");
        assert_eq!(ok("@#DJULIAN@ 28 JAN 814"), "814-02-01");
    }

    #[test]
    fn forms_written_by_people_and_other_programs() {
        assert_eq!(ok("29 December 1812"), "1812-12-29");
        assert_eq!(ok("September 1900"), "1900-09");
        assert_eq!(ok("4 Sept 1900"), "1900-09-04");
        assert_eq!(ok("ABT. 1816"), "~1816");
        assert_eq!(ok("BEF. 23 JUL 1930"), "~1930");
        assert_eq!(ok("AFT. 1823"), "~1823");
        assert_eq!(ok("BET. 1794 - 1796"), "~1795");
        assert_eq!(ok("EST. DEC. 1900"), "~1900-12");
        assert!(parse("Decembre 1812").is_err());
        assert!(parse("DE 1812").is_err());
    }

    #[test]
    fn dual_years_take_the_new_style_year() {
        assert_eq!(ok("1815/1816"), "1816");
        assert_eq!(ok("12 FEB 1700/01"), "1701-02-12");
        assert_eq!(ok("1699/00"), "1700");
        assert_eq!(ok("ABT 1815/16"), "~1816");
    }

    #[test]
    fn julian_days_are_converted() {
        // Shakespeare died on 23 April 1616 (Julian), 3 May 1616 (Gregorian).
        assert_eq!(ok("@#DJULIAN@ 23 APR 1616"), "1616-05-03");
        assert_eq!(ok("JULIAN 23 APR 1616"), "1616-05-03");
        assert_eq!(ok("@#DJULIAN@ 1616"), "1616");
        // 29 February exists in every fourth Julian year.
        assert_eq!(ok("@#DJULIAN@ 29 FEB 1700"), "1700-03-11");
    }

    #[test]
    fn what_cannot_be_kept_says_why() {
        let why = |s: &str| parse(s).unwrap_err();
        assert!(why("(unknown)").contains("phrase"));
        assert!(why("44 BC").contains("before the Common Era"));
        assert!(why("26 JUN 34 B.C.").contains("before the Common Era"));
        assert!(why("0").contains("no year 0"));
        assert!(why("5 JUL").contains("no year"));
        assert!(why("@#DHEBREW@ 1 TSH 5700").contains("Hebrew"));
        assert!(why("@#DFRENCH R@ 1 VEND 0001").contains("French"));
        assert!(why("@#DROMAN@ 28").contains("`ROMAN` calendar"));
        assert!(why("_MARTIAN 5 _MONTH 2000").contains("not known"));
        assert!(why("31 FEB 1900").contains("does not exist"));
        assert!(why("12 13 1900").contains("month"));
        assert!(why("BET 1900").contains("AND"));
        assert!(why("").contains("empty"));
        assert!(why("sometime").contains("not a year"));
        assert!(why("12345").contains("four digits"));
    }
}
