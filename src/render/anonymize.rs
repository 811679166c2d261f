//! The anonymous view of a family, for `--anonymize`: built once here, then drawn like
//! any family, so that no drawing code can show what it must not (it never sees it).
//!
//! Each person becomes generation-and-position, as in pedigree numbering (`II-3` is the
//! third person from the left in generation II), as name and as id. The view keeps only
//! the structure and what is clinically needed: shapes, vital status, the conditions the
//! format defines, partnership kinds and breaks, child links, emotional relationships,
//! skill levels and ages at death ([`Facts`], taken from the real family). It has no
//! title, notes, occupations, locations, skill descriptions or dates (years included);
//! a condition, a gender or a place of learning written in the user's own words becomes
//! a neutral word (`A (condition)`, `another gender`, `elsewhere`). No text from the
//! family file is left in it but the skill names, which describe the analysis rather
//! than the person. The layout, made from the real family (siblings in order of birth),
//! is kept, with the people's ids replaced.

use std::collections::HashMap;

use crate::diag::Spanned;
use crate::graph::{FamilyGraph, PersonIx};
use crate::layout::Layout;
pub(crate) use crate::layout::labels::Break;
use crate::layout::labels::break_of;
use crate::model::{Couple, Family, OpenWord, Person, ValidFamily};

use super::Trace;
use super::text::roman;

/// What is drawn from the dates, which the anonymous view does not have: the age at
/// death of each person, and whether each couple separated, divorced or ended.
#[derive(Clone, Debug)]
pub(crate) struct Facts {
    /// Age at death, when both dates are known, indexed by person; in the family as it
    /// was at a date ([`crate::time::as_of`]), the age then of those alive.
    pub ages_at_death: Vec<Option<i32>>,
    /// How each couple's partnership broke, indexed by couple.
    pub breaks: Vec<Break>,
}

impl Facts {
    /// The facts of a family with its dates.
    pub fn of(graph: &FamilyGraph) -> Facts {
        let family = graph.family();
        Facts {
            ages_at_death: family
                .people
                .iter()
                .map(|p| age_at_death(p).or_else(|| age_then(p, family.as_of.as_ref())))
                .collect(),
            breaks: family.couples.iter().map(break_of).collect(),
        }
    }
}

/// Age at death, when both dates are known (and plausible).
fn age_at_death(p: &Person) -> Option<i32> {
    let born = p.born.as_ref()?;
    let died = p.died.as_ref()?;
    let age = born.value.years_until(&died.value);
    (0..=150).contains(&age).then_some(age)
}

/// The age of a living person at the date the family is drawn at, if it is drawn at one.
fn age_then(p: &Person, as_of: Option<&crate::model::PartialDate>) -> Option<i32> {
    let (born, then) = (p.born.as_ref()?, as_of?);
    let age = born.value.years_until(then);
    (!p.deceased && p.kind == crate::model::PersonKind::Person && (0..=150).contains(&age))
        .then_some(age)
}

/// A family to draw in place of the real one.
pub(crate) struct View {
    /// The anonymous family, with the real family's structure (same people, couples and
    /// relationships at the same indices).
    pub graph: FamilyGraph,
    /// The real layout, with the anonymous ids.
    pub layout: Layout,
    /// The trace, with no place of learning in the user's own words.
    pub trace: Option<Trace>,
}

/// The anonymous view of `graph` laid out as `layout`, with its `trace`.
pub(crate) fn view(graph: &FamilyGraph, layout: &Layout, trace: Option<&Trace>) -> View {
    let real = graph.family();
    let labels = neutral_labels(graph, layout);
    let ids: HashMap<&str, &str> = real
        .people
        .iter()
        .zip(&labels)
        .map(|(p, l)| (p.id.value.as_str(), l.as_str()))
        .collect();
    let relabel = |id: &Spanned<String>| Spanned {
        value: ids
            .get(id.value.as_str())
            .map_or_else(String::new, |l| (*l).to_string()),
        span: id.span,
    };
    let conditions = condition_words(real);
    let family = Family {
        title: None,
        // Only whether the family is drawn as it was then (the legend says what the
        // numbers in the symbols are); nothing draws the date itself.
        as_of: real.as_of,
        index: real.index.as_ref().map(relabel),
        skills: real
            .skills
            .iter()
            .map(|s| crate::model::SkillDef {
                name: s.name.clone(),
                description: String::new(),
            })
            .collect(),
        people: real
            .people
            .iter()
            .zip(&labels)
            .map(|(p, label)| Person {
                id: Spanned {
                    value: label.clone(),
                    span: p.id.span,
                },
                name: label.clone(),
                gender: p.gender.as_ref().map(|g| match g {
                    OpenWord::Known(k) => OpenWord::Known(*k),
                    OpenWord::Other(_) => OpenWord::Other("another gender".into()),
                }),
                born: None,
                died: None,
                deceased: p.deceased || p.died.is_some(),
                occupation: None,
                location: None,
                conditions: p
                    .conditions
                    .iter()
                    .map(|c| Spanned {
                        value: match &c.value {
                            OpenWord::Known(k) => OpenWord::Known(*k),
                            OpenWord::Other(w) => OpenWord::Other(
                                conditions.get(w.as_str()).cloned().unwrap_or_default(),
                            ),
                        },
                        span: c.span,
                    })
                    .collect(),
                notes: None,
                skills: p
                    .skills
                    .iter()
                    .map(|s| crate::model::SkillRating {
                        skill: s.skill.clone(),
                        level: s.level,
                        learned: s.learned.as_ref().map(neutral_source),
                        since: None,
                        note: None,
                        history: Vec::new(),
                    })
                    .collect(),
                raised_by: p
                    .raised_by
                    .as_ref()
                    .map(|ids| ids.iter().map(relabel).collect()),
                ..p.clone()
            })
            .collect(),
        couples: real
            .couples
            .iter()
            .map(|c| Couple {
                partners: c.partners.iter().map(relabel).collect(),
                married: None,
                separated: None,
                divorced: None,
                ended: None,
                since: None,
                children: c
                    .children
                    .iter()
                    .map(|ch| crate::model::Child {
                        id: relabel(&ch.id),
                        link: ch.link,
                        adopted: None,
                    })
                    .collect(),
                ..c.clone()
            })
            .collect(),
        relationships: real
            .relationships
            .iter()
            .map(|r| crate::model::Relationship {
                a: relabel(&r.a),
                b: relabel(&r.b),
                since: None,
                until: None,
                note: None,
                ..r.clone()
            })
            .collect(),
    };
    // The same structure as a family that passed validation, under other names.
    let graph = FamilyGraph::build(ValidFamily::new_unchecked(family));
    let mut layout = layout.clone();
    let swap = |id: &mut String| {
        if let Some(label) = ids.get(id.as_str()) {
            *id = (*label).to_string();
        }
    };
    for pp in &mut layout.people {
        swap(&mut pp.id);
    }
    for l in &mut layout.lines {
        swap(&mut l.from);
        swap(&mut l.to);
    }
    let trace = trace.map(|t| Trace {
        breakers: t
            .breakers
            .iter()
            .map(|b| super::trace::Breaker {
                source: b.source.as_ref().map(neutral_source),
                ..b.clone()
            })
            .collect(),
        ..t.clone()
    });
    View {
        graph,
        layout,
        trace,
    }
}

/// A place of learning without the user's own words.
fn neutral_source(s: &crate::model::Source) -> crate::model::Source {
    match s {
        OpenWord::Known(k) => OpenWord::Known(*k),
        OpenWord::Other(_) => OpenWord::Other("elsewhere".into()),
    }
}

/// A neutral word for each condition written in the user's own words, in order of first
/// use: `A (condition)`, `B (condition)`, … (the letter first, so that each has its own
/// one-letter badge).
fn condition_words(family: &Family) -> HashMap<&str, String> {
    let mut words: HashMap<&str, String> = HashMap::new();
    for p in &family.people {
        for c in &p.conditions {
            if let OpenWord::Other(w) = &c.value
                && !words.contains_key(w.as_str())
            {
                let label = format!("{} (condition)", letters(words.len()));
                words.insert(w.as_str(), label);
            }
        }
    }
    words
}

/// `A`, `B`, …, `Z`, `AA`, `AB`, …: the `n`-th (from 0).
fn letters(n: usize) -> String {
    let mut n = n + 1;
    let mut s = Vec::new();
    while n > 0 {
        n -= 1;
        s.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// The `II-3` label of every person, indexed by person.
fn neutral_labels(graph: &FamilyGraph, layout: &Layout) -> Vec<String> {
    let n = graph.family().people.len();
    let mut x = vec![None; n];
    for pp in &layout.people {
        if let Some(slot) = x.get_mut(pp.person.0) {
            *slot = Some(pp.x);
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    // Left to right within a generation; people the layout left out come last, in file order.
    order.sort_by(|&a, &b| {
        let ga = graph.generation(PersonIx(a));
        let gb = graph.generation(PersonIx(b));
        ga.cmp(&gb)
            .then_with(|| match (x[a], x[b]) {
                (Some(xa), Some(xb)) => xa.total_cmp(&xb),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then(a.cmp(&b))
    });
    let mut labels = vec![String::new(); n];
    let mut current = (u32::MAX, 0usize);
    for i in order {
        let g = graph.generation(PersonIx(i));
        if g != current.0 {
            current = (g, 0);
        }
        current.1 += 1;
        labels[i] = format!("{}-{}", roman(g), current.1);
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_count_like_columns() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
    }

    #[test]
    fn the_view_holds_no_free_text_and_no_dates() {
        let text = "title: Secret Family\nindex: ana\npeople:\n  \
            ana: {name: Ana Secret, sex: female, born: 1950, died: 2001, occupation: baker, \
            location: Springfield, notes: private, conditions: [alcohol, private words], \
            gender: own words, skills: {openness: {level: strong, learned: my aunt, note: n}}}\n  \
            ben: {sex: male, born: 1975, conditions: [other words, private words]}\n\
            couples:\n  - {partners: [ana], children: [ben], married: 1970, divorced: 1980}\n\
            relationships:\n  - {between: [ana, ben], kind: close, since: 1990, note: why}\n";
        let graph = crate::load_str("f.yaml", text).unwrap();
        let layout = crate::layout::layout(&graph, &crate::layout::LayoutOptions::default());
        let v = view(&graph, &layout, None);
        let shown = format!("{:?}", v.graph.family());
        for word in [
            "Secret",
            "Ana",
            "ana",
            "ben",
            "baker",
            "Springfield",
            "private",
            "own words",
            "my aunt",
            "why",
            "1950",
            "2001",
            "1975",
            "1970",
            "1980",
            "1990",
        ] {
            assert!(!shown.contains(word), "{word} in the view");
        }
        let ana = &v.graph.family().people[0];
        assert_eq!(ana.name, "I-1");
        assert!(ana.deceased);
        let words: Vec<String> = ana.conditions.iter().map(|c| c.value.text()).collect();
        assert_eq!(words, ["alcohol", "A (condition)"]);
        let ben = &v.graph.family().people[1];
        let words: Vec<String> = ben.conditions.iter().map(|c| c.value.text()).collect();
        assert_eq!(words, ["B (condition)", "A (condition)"]);
        let facts = Facts::of(&graph);
        assert_eq!(facts.ages_at_death[0], Some(51));
        assert_eq!(facts.breaks[0], Break::Divorced);
        assert!(v.layout.people.iter().all(|p| p.id.contains('-')));
    }
}
