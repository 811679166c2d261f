//! Repeated relationship patterns: the same emotional relationship kind, or a divorce,
//! in the same structural position along one line in consecutive generations.
//!
//! Each relationship between a caregiver and the child they raised, between partners or
//! between siblings (raised by a common caregiver) is an *event*, as is each couple that
//! separated or divorced (kind `divorce`). `cutoff-repaired` counts as a `cutoff`: the
//! cutoff happened. An event follows another of the same kind and position one generation
//! down the same line: for parent and child, when the first pair's child is the second
//! pair's parent; for partners and siblings, when someone of the second pair was raised
//! by someone of the first. Directed kinds (abuse, neglect, focused-on, caretaker) repeat
//! only in the same direction (parent to child, or child to parent). The longest run of
//! events is found by dynamic programming over the events in generation order (a later
//! event always sits in a deeper generation, so there is no cycle), and each run is
//! reported once, where it ends.

use std::collections::HashMap;

use super::Context;
use super::types::{Pattern, Position};
use crate::graph::PersonIx;
use crate::model::RelKind;

/// What has to match for two events to repeat each other.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    position: Position,
    kind: String,
    /// For directed kinds between parent and child: whether it goes from the parent.
    downward: Option<bool>,
}

struct Event {
    key: Key,
    /// Parent first for parent-child; otherwise as written.
    pair: [PersonIx; 2],
    generation: u32,
}

/// Every repeated pattern, by the order of the event where it ends.
pub(super) fn find(cx: &Context<'_>) -> Vec<Pattern> {
    let events = collect(cx);
    // Lookups only: (person as the pair's child, key) and (person in the pair, key).
    let mut by_child: HashMap<(PersonIx, &Key), Vec<usize>> = HashMap::new();
    let mut by_member: HashMap<(PersonIx, &Key), Vec<usize>> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        if e.key.position == Position::ParentChild {
            by_child.entry((e.pair[1], &e.key)).or_default().push(i);
        } else {
            for &p in &e.pair {
                by_member.entry((p, &e.key)).or_default().push(i);
            }
        }
    }
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by_key(|&i| (events[i].generation, i));
    let mut len = vec![1usize; events.len()];
    let mut pred: Vec<Option<usize>> = vec![None; events.len()];
    let mut continues = vec![false; events.len()];
    for &i in &order {
        let e = &events[i];
        let mut candidates: Vec<usize> = Vec::new();
        if e.key.position == Position::ParentChild {
            candidates.extend(by_child.get(&(e.pair[0], &e.key)).into_iter().flatten());
        } else {
            for &p in &e.pair {
                for c in cx.graph.caregivers(p) {
                    candidates.extend(by_member.get(&(c, &e.key)).into_iter().flatten());
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        for j in candidates {
            if events[j].generation >= e.generation {
                continue;
            }
            continues[j] = true;
            if len[j] + 1 > len[i] {
                len[i] = len[j] + 1;
                pred[i] = Some(j);
            }
        }
    }
    let mut out = Vec::new();
    for i in 0..events.len() {
        if continues[i] || len[i] < 2 {
            continue;
        }
        let mut run = vec![i];
        while let Some(j) = pred[*run.last().unwrap_or(&i)] {
            run.push(j);
        }
        run.reverse();
        out.push(Pattern {
            kind: events[i].key.kind.clone(),
            position: events[i].key.position,
            people: run
                .iter()
                .map(|&j| events[j].pair.map(|p| cx.id(p)))
                .collect(),
        });
    }
    out
}

/// The events: relationships in file order, then separated or divorced couples.
fn collect(cx: &Context<'_>) -> Vec<Event> {
    let g = cx.graph;
    let mut events = Vec::new();
    for r in &g.family().relationships {
        let (a, b) = (g.ix(&r.a.value), g.ix(&r.b.value));
        let kind = r.kind.value;
        let word = match kind {
            RelKind::Cutoff | RelKind::CutoffRepaired => "cutoff".to_string(),
            k => k.as_str().to_string(),
        };
        let directed = kind.is_directed();
        let (position, pair, downward) = if g.caregivers(b).any(|c| c == a) {
            (Position::ParentChild, [a, b], directed.then_some(true))
        } else if g.caregivers(a).any(|c| c == b) {
            (Position::ParentChild, [b, a], directed.then_some(false))
        } else if g
            .partner_couples(a)
            .iter()
            .any(|c| g.partner_couples(b).contains(c))
        {
            (Position::Partners, [a, b], None)
        } else if g.caregivers(a).any(|c| g.caregivers(b).any(|d| d == c)) {
            (Position::Siblings, [a, b], None)
        } else {
            continue;
        };
        let generation = match position {
            Position::ParentChild => g.generation(pair[0]),
            _ => g.generation(a).min(g.generation(b)),
        };
        events.push(Event {
            key: Key {
                position,
                kind: word,
                downward,
            },
            pair,
            generation,
        });
    }
    for c in g.couples() {
        let couple = g.couple(c);
        if couple.divorced.is_none() && couple.separated.is_none() {
            continue;
        }
        if let [a, b] = g.partners(c)[..] {
            let key = Key {
                position: Position::Partners,
                kind: "divorce".to_string(),
                downward: None,
            };
            events.push(Event {
                key,
                pair: [a, b],
                generation: g.generation(a).min(g.generation(b)),
            });
        }
    }
    events
}
