//! Chains of absence and of transmission: longest caregiver → child paths along which
//! every link is `absent` (or every link `passed`).
//!
//! Longest paths in a directed acyclic graph, by dynamic programming over one
//! topological order: each person's longest chain ending at them is one more than the
//! longest among their caregivers whose link qualifies. Every person and edge is looked
//! at once per skill, so the time is linear even when intermarriage makes the number of
//! paths exponential; a chain is a path, so nobody is counted twice when lines rejoin.
//!
//! A chain is reported where it ends (a person from whom it goes no further), once per
//! caregiver through whom the longest chain to that person runs: both sides of a family
//! appear when they are equally long. Ties between equally long chains into one person
//! go to the caregiver first in the file.

use super::Context;
use super::types::{Chain, ChainKind, Transmission};
use crate::graph::PersonIx;

/// The chains of one kind, skill by skill, by where they end in file order.
pub(super) fn find(cx: &Context<'_>, kind: ChainKind) -> Vec<Chain> {
    let wanted = match kind {
        ChainKind::Absent => Transmission::Absent,
        ChainKind::Passed => Transmission::Passed,
    };
    let n = cx.graph.person_count();
    let mut out = Vec::new();
    for (s, skill) in cx.skills.iter().enumerate() {
        let qualifies = |from: PersonIx, to: PersonIx| {
            cx.is_person[to.0] && cx.is_person[from.0] && cx.transmission(s, from, to) == wanted
        };
        // len[p]: people on the longest qualifying chain ending at p; pred[p]: the
        // caregiver before p on it.
        let mut len = vec![1u32; n];
        let mut pred: Vec<Option<PersonIx>> = vec![None; n];
        let mut continues = vec![false; n];
        for &p in &cx.order {
            // In any order: ties go to the caregiver first in `people`, below.
            for c in cx.graph.caregivers(p) {
                if !qualifies(c, p) {
                    continue;
                }
                continues[c.0] = true;
                let candidate = len[c.0] + 1;
                if candidate > len[p.0]
                    || (candidate == len[p.0] && pred[p.0].is_some_and(|q| c < q))
                {
                    len[p.0] = candidate;
                    pred[p.0] = Some(c);
                }
            }
        }
        for end in cx.graph.people() {
            if continues[end.0] || len[end.0] < 2 {
                continue;
            }
            for c in cx.graph.caregivers(end) {
                if !qualifies(c, end) || len[c.0] + 1 != len[end.0] {
                    continue;
                }
                let mut people = vec![cx.id(end), cx.id(c)];
                let mut at = c;
                while let Some(q) = pred[at.0] {
                    people.push(cx.id(q));
                    at = q;
                }
                people.reverse();
                out.push(Chain {
                    skill: skill.clone(),
                    kind,
                    people,
                });
            }
        }
    }
    out
}
