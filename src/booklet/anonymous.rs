//! The anonymous view of a member's family: the same people, couples and relationships,
//! with every piece of the file's own text that could point at a person taken out.
//!
//! The drawing's `--anonymize` already leaves out names, the title, notes, occupations,
//! places and dates, but keeps free-text conditions and free-text genders, and the
//! report knows nothing of anonymity. Analysing and drawing this view instead of the
//! family makes both safe at once: names become the drawing's neutral labels (`II-3`),
//! so the worksheet's words and the drawing agree, and free-text conditions become
//! "condition A", "condition B"… This is the only place the booklet decides what is
//! private; when the render gains its own anonymous view of the family, [`view`] is the
//! one function to point at it.

use crate::graph::FamilyGraph;
use crate::layout::Layout;
use crate::model::{Family, OpenWord, ValidFamily};

/// What a free-text source of a skill becomes: a known word would claim a source the
/// file does not give.
const OTHER_SOURCE: &str = "another source";

/// The family of `graph` with names replaced by the neutral labels of `layout`, and no
/// title, note, occupation, place, date, free-text gender or free-text condition or
/// source. Ids are kept (the layout names people by id) and are never shown.
pub fn view(graph: &FamilyGraph, layout: &Layout) -> FamilyGraph {
    let labels = crate::render::neutral_labels(graph, layout);
    let mut family: Family = graph.family().clone();
    family.title = None;
    let mut conditions: Vec<String> = Vec::new();
    for (person, label) in family.people.iter_mut().zip(labels) {
        person.name = label;
        person.born = None;
        person.died = None;
        person.occupation = None;
        person.location = None;
        person.notes = None;
        if matches!(person.gender, Some(OpenWord::Other(_))) {
            person.gender = None;
        }
        for c in &mut person.conditions {
            if let OpenWord::Other(word) = &c.value {
                let n = match conditions.iter().position(|w| w == word) {
                    Some(n) => n,
                    None => {
                        conditions.push(word.clone());
                        conditions.len() - 1
                    }
                };
                // The letter first: the drawing's badge is the label's first letters, so
                // "condition A" and "condition B" would both be drawn "Condition".
                c.value = OpenWord::Other(format!("{} (another condition)", letters(n)));
            }
        }
        for r in &mut person.skills {
            r.since = None;
            r.note = None;
            if matches!(r.learned, Some(OpenWord::Other(_))) {
                r.learned = Some(OpenWord::Other(OTHER_SOURCE.into()));
            }
        }
    }
    for c in &mut family.couples {
        c.married = None;
        c.separated = None;
        c.divorced = None;
        c.ended = None;
        c.since = None;
        for child in &mut c.children {
            child.adopted = None;
        }
    }
    for r in &mut family.relationships {
        r.since = None;
        r.until = None;
        r.note = None;
    }
    // Only fields that no rule of validation reads were changed or emptied, so the family
    // is as valid as the one it came from.
    FamilyGraph::build(ValidFamily::new_unchecked(family))
}

/// "A" … "Z", then "AA", "AB" …: the letter of the `n`-th condition (0-based).
fn letters(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn condition_letters() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
    }

    #[test]
    fn nothing_of_the_file_is_left() {
        let text = "title: Secret Title\nindex: zed\npeople:\n  zed: {name: Zed Quill, sex: male, born: 1950, \
            occupation: Baker, location: Oslo, notes: Private, gender: wizard, \
            conditions: [gout, alcohol]}\n  amy: {name: Amy Quill, sex: female, \
            skills: {openness: {level: some, learned: Aunt Ruth, since: 1999, note: hush}}}\n\
            couples:\n  - partners: [zed]\n    married: 1970\n    children: [amy]\n";
        let graph = crate::load_str("f.yaml", text).unwrap();
        let layout = crate::layout::layout(&graph, &Default::default());
        let anon = view(&graph, &layout);
        let dump = format!("{:?}", anon.family());
        for secret in [
            "Secret", "Zed", "Quill", "Baker", "Oslo", "Private", "wizard", "gout", "Ruth", "1999",
            "1950", "1970", "hush",
        ] {
            assert!(!dump.contains(secret), "{secret} left in {dump}");
        }
        assert!(dump.contains("A (another condition)"));
        assert!(dump.contains("Alcohol"), "known words stay");
    }
}
