//! Partial dates as families remember them: `1950`, `1950-04`, `1950-04-17`, `~1900`.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// A date known to the year, the month or the day, possibly approximate (`~`).
///
/// The order is total: by year, then month (an unknown month sorts before January), then
/// day, then exact before approximate. That is the order used to sort siblings; use
/// [`PartialDate::definitely_before`] to decide whether one event must precede another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
    approximate: bool,
}

/// Why a date could not be read; the message completes "the date ... ".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl PartialDate {
    /// A date known to the year.
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
            approximate: false,
        }
    }

    /// A date from its parts, or `None` when the year is outside 1–9999 (one to four
    /// digits, of the Common Era), a day comes without its month, or the month or day does
    /// not exist.
    pub fn from_parts(
        year: i32,
        month: Option<u8>,
        day: Option<u8>,
        approximate: bool,
    ) -> Option<Self> {
        let month_ok = month.is_none_or(|m| (1..=12).contains(&m));
        let day_ok = match (month, day) {
            (_, None) => true,
            (Some(m), Some(d)) => month_ok && (1..=days_in_month(year, m)).contains(&d),
            (None, Some(_)) => false,
        };
        ((1..=9999).contains(&year) && month_ok && day_ok).then_some(PartialDate {
            year,
            month,
            day,
            approximate,
        })
    }

    /// The same date marked approximate (`~`).
    #[must_use]
    pub fn approx(self) -> Self {
        PartialDate {
            approximate: true,
            ..self
        }
    }

    /// The same date known only to the year.
    #[must_use]
    pub fn year_only(self) -> Self {
        PartialDate {
            month: None,
            day: None,
            ..self
        }
    }

    /// The year.
    pub fn year_value(&self) -> i32 {
        self.year
    }

    /// The month (1–12), when known.
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, when known.
    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// Whether the date was written with `~`.
    pub fn is_approximate(&self) -> bool {
        self.approximate
    }

    /// Earliest and latest day the date can mean, as (year, month, day).
    fn bounds(&self) -> ((i32, u8, u8), (i32, u8, u8)) {
        let (m0, m1) = self.month.map_or((1, 12), |m| (m, m));
        let (d0, d1) = self
            .day
            .map_or((1, days_in_month(self.year, m1)), |d| (d, d));
        ((self.year, m0, d0), (self.year, m1, d1))
    }

    /// Whether this date certainly falls before `other`, whatever the unknown parts are.
    /// Approximate dates never count as certain.
    pub fn definitely_before(&self, other: &PartialDate) -> bool {
        !self.approximate && !other.approximate && self.bounds().1 < other.bounds().0
    }

    /// Compares by what both dates know: the year, then the month when both give one, then
    /// the day when both give one; `~` is ignored. `1990` and `1990-06` compare equal: as
    /// far as the file says, they may be the same time. Used to place events in time
    /// (`--as-of`, the order of a rating's `history`).
    pub fn cmp_known(&self, other: &PartialDate) -> Ordering {
        let mut order = self.year.cmp(&other.year);
        if let (Some(a), Some(b)) = (self.month, other.month) {
            order = order.then(a.cmp(&b));
            if let (Some(a), Some(b)) = (self.day, other.day) {
                order = order.then(a.cmp(&b));
            }
        }
        order
    }

    /// Whole years from `self` to `later`, counting only what both dates know.
    pub fn years_until(&self, later: &PartialDate) -> i32 {
        let mut years = later.year - self.year;
        if let (Some(m0), Some(m1)) = (self.month, later.month)
            && (m1, later.day.unwrap_or(31)) < (m0, self.day.unwrap_or(1))
        {
            years -= 1;
        }
        years
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.year, self.month, self.day, self.approximate).cmp(&(
            other.year,
            other.month,
            other.day,
            other.approximate,
        ))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, DateError> {
        let text = s.trim();
        let s = &crate::diag::short(s);
        let (approximate, rest) = match text.strip_prefix('~') {
            Some(rest) => (true, rest.trim_start()),
            None => (false, text),
        };
        let mut parts = rest.split('-');
        let year_text = parts.next().unwrap_or_default();
        // One to four digits: genealogy reaches back to the early Middle Ages (`742`).
        if !(1..=4).contains(&year_text.len()) || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateError(format!(
                "`{s}` is not a date; write the year with one to four digits, as in `1950`, `1950-04`, `1950-04-17` or `742`"
            )));
        }
        let year: i32 = year_text
            .parse()
            .map_err(|_| DateError(format!("`{s}` has an unreadable year")))?;
        if year == 0 {
            return Err(DateError(format!(
                "`{s}` is not a date: there is no year 0, and years before the Common Era cannot be written"
            )));
        }
        let mut field = |name: &str, max: u8| -> Result<Option<u8>, DateError> {
            match parts.next() {
                None => Ok(None),
                Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                    let v: u8 = p.parse().unwrap_or(0);
                    if (1..=max).contains(&v) {
                        Ok(Some(v))
                    } else {
                        Err(DateError(format!("`{s}` has no {name} {v}")))
                    }
                }
                Some(_) => Err(DateError(format!(
                    "`{s}` is not a date; write the {name} with two digits, as in `1950-04-17`"
                ))),
            }
        };
        let month = field("month", 12)?;
        let day = match month {
            Some(m) => field("day", days_in_month(year, m))?,
            None => None,
        };
        if parts.next().is_some() {
            return Err(DateError(format!(
                "`{s}` is not a date; use `YYYY`, `YYYY-MM` or `YYYY-MM-DD`"
            )));
        }
        Ok(PartialDate {
            year,
            month,
            day,
            approximate,
        })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            f.write_str("~")?;
        }
        // Years as they are said (`742`); YAML would read `0742` as the same number.
        write!(f, "{}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn from_parts_keeps_only_dates_that_exist() {
        let d = PartialDate::from_parts(2000, Some(2), Some(29), false).unwrap();
        assert_eq!(d.to_string(), "2000-02-29");
        assert_eq!(d.approx().year_only().to_string(), "~2000");
        assert!(PartialDate::from_parts(1900, Some(2), Some(29), false).is_none());
        assert!(PartialDate::from_parts(1950, Some(13), None, false).is_none());
        assert!(PartialDate::from_parts(1950, None, Some(3), false).is_none());
        assert_eq!(
            PartialDate::from_parts(999, None, None, false)
                .unwrap()
                .to_string(),
            "999"
        );
        assert!(PartialDate::from_parts(0, None, None, false).is_none());
        assert!(PartialDate::from_parts(-34, None, None, false).is_none());
        assert!(PartialDate::from_parts(10_000, None, None, false).is_none());
    }

    #[test]
    fn parses_every_form_and_prints_it_back() {
        for s in [
            "1950",
            "1950-04",
            "1950-04-17",
            "~1900",
            "~1900-02",
            "2000-02-29",
            "742",
            "~814-01-28",
            "9",
        ] {
            assert_eq!(d(s).to_string(), s);
        }
        // Leading zeros are read, and not written back.
        assert_eq!(d("0742").to_string(), "742");
        assert!(d("742") < d("1066"));
        assert!(d("~1900").is_approximate());
        assert_eq!(d("1950-04").month(), Some(4));
    }

    #[test]
    fn refuses_impossible_dates() {
        for s in [
            "1950-13",
            "1950-00",
            "1950-02-30",
            "1900-02-29",
            "0",
            "0000",
            "12345",
            "-34",
            "1950-4",
            "1950/04",
            "abcd",
            "1950-04-17-1",
            "",
        ] {
            assert!(s.parse::<PartialDate>().is_err(), "{s}");
        }
    }

    #[test]
    fn orders_totally_with_less_precise_first() {
        let mut v = [
            d("1950-04-17"),
            d("1950"),
            d("~1950"),
            d("1949-12"),
            d("1950-04"),
        ];
        v.sort();
        let shown: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["1949-12", "1950", "~1950", "1950-04", "1950-04-17"]);
    }

    #[test]
    fn before_only_when_certain() {
        assert!(d("1949").definitely_before(&d("1950")));
        assert!(!d("1950").definitely_before(&d("1950-04")));
        assert!(!d("1950-04").definitely_before(&d("1950")));
        assert!(d("1950-03-31").definitely_before(&d("1950-04")));
        assert!(!d("~1940").definitely_before(&d("1950")));
    }

    #[test]
    fn compares_what_both_dates_know() {
        assert_eq!(d("1990").cmp_known(&d("1990-06")), Ordering::Equal);
        assert_eq!(d("1990-06").cmp_known(&d("1990-06-30")), Ordering::Equal);
        assert_eq!(d("1990-05-31").cmp_known(&d("1990-06")), Ordering::Less);
        assert_eq!(d("1991").cmp_known(&d("1990-12-31")), Ordering::Greater);
        assert_eq!(d("~1990").cmp_known(&d("1990")), Ordering::Equal);
        assert_eq!(
            d("1990-06-02").cmp_known(&d("1990-06-01")),
            Ordering::Greater
        );
    }

    #[test]
    fn counts_whole_years() {
        assert_eq!(d("1950-06").years_until(&d("1990-05")), 39);
        assert_eq!(d("1950").years_until(&d("1990-05")), 40);
    }
}
