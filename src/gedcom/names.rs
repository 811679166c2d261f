//! Personal names (`Given /Surname/ Suffix`) and the ids made from them.

/// A name read from a GEDCOM `NAME` line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Name {
    /// The name as shown: slashes removed, `_` read as a space, spaces collapsed.
    pub full: String,
    /// The given names, one entry per word as written (`Edward_VII` is one word).
    pub given: Vec<String>,
    /// The surname, between the slashes.
    pub surname: String,
}

/// Reads `Lt. Joseph "John" /de Allen/ jr.`; `Edward_VII` (the `_` that old programs
/// used to keep words together) reads as `Edward VII`.
pub fn parse(value: &str) -> Name {
    let clean = |s: &str| -> String {
        s.replace('_', " ")
            .chars()
            .filter(|c| !crate::diag::is_unsafe_char(*c))
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut parts = value.splitn(3, '/');
    let before = parts.next().unwrap_or_default();
    let surname = parts.next();
    let after = parts.next().unwrap_or_default();
    let given = before
        .split_whitespace()
        .map(clean)
        .filter(|w| !w.is_empty())
        .collect();
    let surname = surname.map(clean).unwrap_or_default();
    // A suffix after a comma (`/Smith/, Sr.`) follows the surname without a space.
    let joined = format!("{before} {surname} {after}");
    let full = clean(&joined).replace(" ,", ",");
    Name {
        full,
        given,
        surname,
    }
}

/// Lower-case ASCII letters, digits and single dashes, from any Latin text: accents are
/// dropped (`José` → `jose`), `ß` → `ss`, `Æ` → `ae`; other scripts leave nothing.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded = fold(c);
        for f in folded.chars() {
            if f.is_ascii_alphanumeric() {
                out.push(f);
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
    }
    let mut s = out.trim_end_matches('-').to_string();
    // Long ids are hard to type; cut at a dash within 40 characters.
    if s.len() > 40 {
        let cut = s[..40].rfind('-').unwrap_or(40);
        s.truncate(cut);
    }
    s
}

/// The ASCII letters a lower-case Latin letter is written with.
fn fold(c: char) -> String {
    const TABLE: &[(&str, &str)] = &[
        ("àáâãäåāăą", "a"),
        ("çćĉċč", "c"),
        ("ďđð", "d"),
        ("èéêëēĕėęě", "e"),
        ("ĝğġģ", "g"),
        ("ĥħ", "h"),
        ("ìíîïĩīĭįı", "i"),
        ("ĵ", "j"),
        ("ķ", "k"),
        ("ĺļľŀłℓ", "l"),
        ("ñńņňŉ", "n"),
        ("òóôõöøōŏőơ", "o"),
        ("ŕŗř", "r"),
        ("śŝşšș", "s"),
        ("ţťŧț", "t"),
        ("ùúûüũūŭůűųư", "u"),
        ("ŵ", "w"),
        ("ýÿŷ", "y"),
        ("źżž", "z"),
        ("ß", "ss"),
        ("æ", "ae"),
        ("œ", "oe"),
        ("þ", "th"),
    ];
    if c.is_ascii() {
        return c.to_string();
    }
    TABLE.iter().find(|(from, _)| from.contains(c)).map_or_else(
        || {
            if c.is_alphanumeric() {
                String::new()
            } else {
                " ".into()
            }
        },
        |(_, to)| (*to).to_string(),
    )
}

/// Candidate ids for a person, best first: the first given name; then with the surname
/// (or the second given name when there is no surname).
pub fn candidates(name: &Name) -> (String, String) {
    let words: Vec<&str> = name.given.iter().map(String::as_str).collect();
    // Titles such as `Lt.` are not names; skip words ending in a dot when others follow.
    let first_index = words
        .iter()
        .position(|w| !w.ends_with('.') && !w.starts_with('"'))
        .unwrap_or(0);
    let first = words.get(first_index).copied().unwrap_or_default();
    let short = if first.is_empty() {
        slug(&name.surname)
    } else {
        slug(first)
    };
    let second = if !name.surname.is_empty() && !first.is_empty() {
        slug(&format!("{first} {}", name.surname))
    } else {
        let next = words.get(first_index + 1).copied().unwrap_or_default();
        slug(&format!("{first} {next}"))
    };
    (short, second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suffix_after_a_comma_follows_the_surname() {
        assert_eq!(parse("Gustaf /Smith/, Sr.").full, "Gustaf Smith, Sr.");
        assert_eq!(parse("Gustaf /Smith/ ,Sr.").full, "Gustaf Smith,Sr.");
        assert_eq!(parse("/Smith/, Jr.").full, "Smith, Jr.");
    }

    #[test]
    fn reads_given_surname_and_suffix() {
        let n = parse("Lt. Cmndr. Joseph \"John\" /de Allen/ jr.");
        assert_eq!(n.full, "Lt. Cmndr. Joseph \"John\" de Allen jr.");
        assert_eq!(n.given, ["Lt.", "Cmndr.", "Joseph", "\"John\""]);
        assert_eq!(n.surname, "de Allen");
        assert_eq!(parse("Victoria  /Hanover/").full, "Victoria Hanover");
        assert_eq!(parse("Edward_VII  /Wettin/").given, ["Edward VII"]);
        assert_eq!(parse("Alice Maud Mary//").full, "Alice Maud Mary");
        assert_eq!(parse("/Doe/").full, "Doe");
        assert_eq!(parse("Denis R. Reid").surname, "");
        assert_eq!(parse("  ").full, "");
        assert_eq!(parse("A\u{1b}[31m /B/").full, "A[31m B");
    }

    #[test]
    fn slugs_are_lower_case_ascii() {
        assert_eq!(slug("José María"), "jose-maria");
        assert_eq!(slug("Ærø Straße"), "aero-strasse");
        assert_eq!(slug("Łódź"), "lodz");
        assert_eq!(slug("  O'Brien--Smith "), "o-brien-smith");
        assert_eq!(slug("李"), "");
        assert_eq!(slug(&"a".repeat(30).repeat(2)).len(), 40);
        assert_eq!(
            slug(&format!("{} {}", "a".repeat(30), "b".repeat(30))),
            "a".repeat(30)
        );
    }

    #[test]
    fn candidate_ids() {
        let c = |s: &str| candidates(&parse(s));
        assert_eq!(
            c("Victoria  /Hanover/"),
            ("victoria".into(), "victoria-hanover".into())
        );
        assert_eq!(
            c("Edward_VII  /Wettin/"),
            ("edward-vii".into(), "edward-vii-wettin".into())
        );
        assert_eq!(
            c("Victoria Adelaide Mary//"),
            ("victoria".into(), "victoria-adelaide".into())
        );
        assert_eq!(
            c("Lt. Cmndr. Joseph \"John\" /de Allen/ jr."),
            ("joseph".into(), "joseph-de-allen".into())
        );
        assert_eq!(c("/Doe/"), ("doe".into(), String::new()));
    }
}
