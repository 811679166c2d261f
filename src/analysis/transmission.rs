//! Per link and per person: transmissions, statuses, sources and cycle breakers.

use super::kinship::Kin;
use super::types::{
    Breaker, Gendered, Id, LinkEntry, PersonEntry, SkillEntry, Status, Transmission,
};
use super::{CaregiverView, Context};
use crate::graph::{FamilyGraph, PersonIx};
use crate::model::{KnownGender, KnownSource, Level, OpenWord, Sex};

/// People ordered caregivers before the people they raised (petgraph's topological sort
/// of the caregiver view). Validation rules out caregiver cycles; should one slip through,
/// the file order is used rather than failing.
pub(super) fn topological_order(graph: &FamilyGraph, view: &CaregiverView<'_>) -> Vec<PersonIx> {
    match petgraph::algo::toposort(view, None) {
        Ok(nodes) => nodes
            .into_iter()
            .filter_map(|n| match graph.graph()[n] {
                crate::graph::Node::Person(p) => Some(p),
                crate::graph::Node::Couple(_) => None,
            })
            .collect(),
        Err(_) => graph.people().collect(),
    }
}

/// The status of person `p` for skill `s`.
pub(super) fn status(cx: &Context<'_>, s: usize, p: PersonIx) -> Status {
    let levels = cx.graph.caregivers(p).map(|c| cx.has[s][c.0]);
    Status::of_levels(cx.has[s][p.0], levels)
}

/// The words to use for a person.
pub(super) fn gendered(cx: &Context<'_>, p: PersonIx) -> Gendered {
    let person = cx.graph.person(p);
    match &person.gender {
        Some(OpenWord::Known(KnownGender::Man)) => Gendered::Male,
        Some(OpenWord::Known(KnownGender::Woman)) => Gendered::Female,
        Some(_) => Gendered::Neutral,
        None => match person.sex {
            Sex::Male => Gendered::Male,
            Sex::Female => Gendered::Female,
            Sex::Intersex | Sex::Unknown => Gendered::Neutral,
        },
    }
}

/// The name the text formats use: a nickname written in quotes, else the first word.
pub(crate) fn short_name(name: &str) -> &str {
    if let Some(start) = name.find('"')
        && let Some(len) = name[start + 1..].find('"')
        && len > 0
    {
        return &name[start + 1..start + 1 + len];
    }
    name.split_whitespace().next().unwrap_or(name)
}

/// Every person with their skills, in file order.
pub(super) fn people(cx: &Context<'_>, kin: &[Option<Kin>]) -> Vec<PersonEntry> {
    let g = cx.graph;
    // Shared words: most sources are one of a few.
    let unspecified = Id::from("unspecified");
    let known: Vec<Id> = KnownSource::ALL
        .iter()
        .map(|k| Id::from(k.as_str()))
        .collect();
    g.people()
        .filter(|p| cx.is_person[p.0])
        .map(|p| {
            let person = g.person(p);
            let skills = cx
                .skills
                .iter()
                .enumerate()
                .map(|(s, name)| {
                    let rating = person.rating(name);
                    SkillEntry {
                        skill: name.clone(),
                        level: rating.map_or(Level::Unknown, |r| r.level),
                        status: status(cx, s, p),
                        source: match rating.and_then(|r| r.learned.as_ref()) {
                            None => unspecified.clone(),
                            Some(OpenWord::Known(k)) => known[*k as usize].clone(),
                            Some(OpenWord::Other(text)) => Id::from(text.as_str()),
                        },
                        since: rating
                            .and_then(|r| r.since.as_ref())
                            .map(|d| d.value.year_value()),
                        history: rating.map_or_else(Vec::new, progress),
                    }
                })
                .collect();
            PersonEntry {
                id: cx.id(p),
                name: person.name.clone(),
                gendered: gendered(cx, p),
                kin: kin[p.0].clone(),
                deceased: person.deceased,
                generation: g.generation(p),
                born: person.born.as_ref().map(|d| d.value.year_value()),
                caregivers: g.caregivers(p).map(|c| cx.id(c)).collect(),
                skills,
            }
        })
        .collect()
}

/// Every caregiver → child link, skill by skill, children in file order.
pub(super) fn links(cx: &Context<'_>) -> Vec<LinkEntry> {
    let mut out = Vec::new();
    for (s, skill) in cx.skills.iter().enumerate() {
        for child in cx.graph.people().filter(|p| cx.is_person[p.0]) {
            for c in cx.graph.caregivers(child) {
                out.push(LinkEntry {
                    from: cx.id(c),
                    to: cx.id(child),
                    skill: skill.clone(),
                    transmission: cx.transmission(s, c, child),
                });
            }
        }
    }
    out
}

/// People with status `broke-cycle`, skill by skill, in file order.
pub(super) fn breakers(cx: &Context<'_>, people: &[PersonEntry]) -> Vec<Breaker> {
    let g = cx.graph;
    let mut out = Vec::new();
    for (s, skill) in cx.skills.iter().enumerate() {
        for (p, entry) in g.people().filter(|p| cx.is_person[p.0]).zip(people) {
            let e = &entry.skills[s];
            if e.status != Status::BrokeCycle {
                continue;
            }
            let passed_to = g
                .raised(p)
                .filter(|&c| cx.is_person[c.0] && cx.transmission(s, p, c) == Transmission::Passed)
                .map(|c| cx.id(c))
                .collect();
            let mut siblings: Vec<PersonIx> = g
                .caregivers(p)
                .flat_map(|c| g.raised(c))
                .filter(|&q| q != p && cx.is_person[q.0] && cx.has[s][q.0] == Some(false))
                .collect();
            siblings.sort_unstable();
            siblings.dedup();
            out.push(Breaker {
                skill: skill.clone(),
                person: entry.id.clone(),
                source: e.source.clone(),
                year: e.since,
                passed_to,
                siblings_without: siblings.into_iter().map(|q| cx.id(q)).collect(),
            });
        }
    }
    out
}

/// Every rating of a skill with a `history`, in date order, ending with the current one.
fn progress(r: &crate::model::SkillRating) -> Vec<super::types::Rated> {
    if r.history.is_empty() {
        return Vec::new();
    }
    let past = r.history.iter().map(|h| super::types::Rated {
        date: Some(h.date.value.to_string()),
        level: h.level,
        by: h.by.clone(),
    });
    past.chain(std::iter::once(super::types::Rated {
        date: r.since.as_ref().map(|d| d.value.to_string()),
        level: r.level,
        by: None,
    }))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_prefer_nicknames() {
        assert_eq!(short_name("Francis \"Frank\" Byrne"), "Frank");
        assert_eq!(short_name("Anna Kowalski"), "Anna");
        assert_eq!(short_name("Gabriel"), "Gabriel");
        assert_eq!(short_name("a \"\" b"), "a");
    }
}
