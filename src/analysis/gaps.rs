//! Gaps for the next session, each with an open-ended question phrased for the person and
//! the skill: never one that can be answered yes or no.
//!
//! In order: the report person's grandparents missing from the file, their close
//! relationships with no recorded quality, then, person by person in file order, each
//! unrated skill and a missing birth date.

use super::Context;
use super::bank::{self, Voice};
use super::kinship::{Kin, Subject};
use super::transmission::{gendered, short_name};
use super::types::{Gap, Gendered, Missing};
use crate::graph::PersonIx;
use crate::model::Level;

/// How to speak of `p` to the report's person.
pub(super) fn subject_of(cx: &Context<'_>, kin: &[Option<Kin>], p: PersonIx) -> Subject {
    let person = cx.graph.person(p);
    let side = match &kin[p.0] {
        Some(Kin::Ancestor { side, .. }) => cx
            .graph
            .find(side)
            .map_or(Gendered::Neutral, |s| gendered(cx, s)),
        _ => Gendered::Neutral,
    };
    let short = short_name(&person.name);
    Subject::new(
        kin[p.0].as_ref(),
        gendered(cx, p),
        side,
        short,
        &person.name,
    )
}

/// Every gap, in the order of the module documentation.
pub(super) fn find(cx: &Context<'_>, kin: &[Option<Kin>]) -> Vec<Gap> {
    let g = cx.graph;
    let mut out = Vec::new();
    if let Some(focus) = cx.focus {
        let caregivers: Vec<PersonIx> = g.caregivers(focus).collect();
        if caregivers.is_empty() {
            out.push(Gap {
                person: cx.id(focus),
                missing: Missing::Parents,
                skill: None,
                question: "Who raised you, and what were they like when you were small?"
                    .to_string(),
            });
        }
        for &c in &caregivers {
            if g.caregivers(c).next().is_none() && cx.is_person[c.0] {
                let who = subject_of(cx, kin, c);
                out.push(Gap {
                    person: cx.id(c),
                    missing: Missing::Parents,
                    skill: None,
                    question: format!(
                        "What do you know about the parents of {}, and what was it like for {} growing up?",
                        who.noun, who.obj
                    ),
                });
            }
        }
        let mut close: Vec<PersonIx> = caregivers.clone();
        close.extend(caregivers.iter().flat_map(|&c| g.raised(c)));
        close.extend(g.partner_couples(focus).iter().flat_map(|&c| g.partners(c)));
        close.extend(g.raised(focus));
        close.retain(|&p| p != focus && cx.is_person[p.0]);
        close.sort_unstable();
        close.dedup();
        let recorded: Vec<PersonIx> = g
            .relationships_of(focus)
            .into_iter()
            .flat_map(|r| {
                let r = g.relationship(r);
                [g.ix(&r.a.value), g.ix(&r.b.value)]
            })
            .collect();
        for p in close.into_iter().filter(|p| !recorded.contains(p)) {
            let who = subject_of(cx, kin, p);
            out.push(Gap {
                person: cx.id(p),
                missing: Missing::Relationship,
                skill: None,
                question: format!(
                    "How would you describe your relationship with {} today?",
                    who.noun
                ),
            });
        }
    }
    let descriptions = &g.family().skills;
    for p in g.people().filter(|p| cx.is_person[p.0]) {
        let person = g.person(p);
        let who = subject_of(cx, kin, p);
        for skill in &cx.skills {
            if person.level(skill) == Level::Unknown {
                let description = descriptions
                    .iter()
                    .find(|d| *d.name.value == **skill)
                    .map_or("", |d| d.description.as_str());
                out.push(Gap {
                    person: cx.id(p),
                    missing: Missing::Skills,
                    skill: Some(skill.clone()),
                    // The bank's first wording: the report asks each skill the same way.
                    question: bank::skill_question(&who, skill, description, 0, Voice::Past),
                });
            }
        }
        if person.born.is_none() {
            out.push(Gap {
                person: cx.id(p),
                missing: Missing::Born,
                skill: None,
                question: format!(
                    "When {} {} born, and what was happening in the family at the time?",
                    if who.myself { "were" } else { "was" },
                    who.noun
                ),
            });
        }
    }
    out
}
