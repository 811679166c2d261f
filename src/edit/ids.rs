//! New ids made from names, in the style of the file's ids.

use std::collections::BTreeSet;

/// Whether `id` can be a person's id (letters, digits, `-` and `_`).
pub(super) fn valid(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// How the file's ids are made from names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Habit {
    /// The first name: `emmanuel`.
    First,
    /// The whole name: `mia-hartmann` (or with `_`).
    Whole(char),
}

/// A new id for a person called `name` (or, without a name, of `kind`), unique among
/// `taken`, made the way most of the file's ids are made from their names.
pub(super) fn make(
    name: Option<&str>,
    kind: Option<&str>,
    people: &[(String, Option<String>)],
) -> String {
    let taken: BTreeSet<&str> = people.iter().map(|(id, _)| id.as_str()).collect();
    let habit = habit(people);
    let sep = match habit {
        Habit::Whole(c) => c,
        Habit::First => separator(people),
    };
    let words: Vec<String> = name
        .map(words)
        .filter(|w| !w.is_empty())
        .unwrap_or_else(|| vec![kind.filter(|k| valid(k)).unwrap_or("person").to_lowercase()]);
    let whole = words.join(&sep.to_string());
    let mut candidates = Vec::new();
    if habit == Habit::First {
        candidates.push(words[0].clone());
    }
    candidates.push(whole.clone());
    for c in &candidates {
        if !taken.contains(c.as_str()) {
            return c.clone();
        }
    }
    let base = candidates[0].clone();
    (2..)
        .map(|n| format!("{base}{sep}{n}"))
        .find(|c| !taken.contains(c.as_str()))
        .unwrap_or(base)
}

/// The words of a name, lower case, keeping letters and digits only.
fn words(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether ids are mostly first names or whole names.
fn habit(people: &[(String, Option<String>)]) -> Habit {
    let (mut first, mut dash, mut under) = (0, 0, 0);
    for (id, name) in people {
        let Some(name) = name else { continue };
        let w = words(name);
        if w.len() < 2 {
            continue;
        }
        if *id == w[0] {
            first += 1;
        } else if *id == w.join("-") {
            dash += 1;
        } else if *id == w.join("_") {
            under += 1;
        }
    }
    if dash > first && dash >= under {
        Habit::Whole('-')
    } else if under > first && under > dash {
        Habit::Whole('_')
    } else {
        Habit::First
    }
}

/// `_` when the file's ids join words with it more than with `-`.
fn separator(people: &[(String, Option<String>)]) -> char {
    let under = people.iter().filter(|(id, _)| id.contains('_')).count();
    let dash = people.iter().filter(|(id, _)| id.contains('-')).count();
    if under > dash { '_' } else { '-' }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(list: &[(&str, &str)]) -> Vec<(String, Option<String>)> {
        list.iter()
            .map(|(i, n)| (i.to_string(), Some(n.to_string())))
            .collect()
    }

    #[test]
    fn ids_follow_the_file_and_never_repeat() {
        let firsts = people(&[("emmanuel", "Emmanuel Okafor"), ("grace", "Grace Okafor")]);
        assert_eq!(make(Some("Mia Hartmann"), None, &firsts), "mia");
        assert_eq!(
            make(Some("Grace Hartmann"), None, &firsts),
            "grace-hartmann"
        );
        let wholes = people(&[
            ("emmanuel-okafor", "Emmanuel Okafor"),
            ("grace-okafor", "Grace Okafor"),
        ]);
        assert_eq!(make(Some("Mia Hartmann"), None, &wholes), "mia-hartmann");
        assert_eq!(make(Some("Grace Okafor"), None, &wholes), "grace-okafor-2");
        let unders = people(&[("grace_okafor", "Grace Okafor")]);
        assert_eq!(
            make(Some("Zoë Ann O'Neil"), None, &unders),
            "zoë_ann_o_neil"
        );
        assert_eq!(make(None, Some("miscarriage"), &[]), "miscarriage");
        assert_eq!(make(Some("  "), None, &[]), "person");
        let taken = people(&[("person", "x"), ("person-2", "y")]);
        assert_eq!(make(None, None, &taken), "person-3");
    }
}
