//! The ancestral lines of the person the report is for, and where each skill entered
//! (a cycle breaker) or left (a loss) along them.
//!
//! One breadth-first search up the caregiver view, in which every ancestor is reached
//! once, from the nearest generation; the lines are the paths of that search tree from
//! each of its leaves down to the person. Where lines rejoin (cousins who married), the
//! shared ancestors stay on the first line that reached them, and the other line stops
//! at the person whose caregivers are already counted (`rejoins`).

use std::collections::VecDeque;

use super::Context;
use super::transmission::status;
use super::types::{Line, LineEvent, LineEventKind, Status};
use crate::graph::PersonIx;

/// Every line, skill by skill, in the order the search reached their oldest person.
pub(super) fn trace(cx: &Context<'_>) -> Vec<Line> {
    let Some(focus) = cx.focus else {
        return Vec::new();
    };
    let n = cx.graph.person_count();
    // below[a]: the person through whom the search reached ancestor a.
    let mut below: Vec<Option<PersonIx>> = vec![None; n];
    let mut reached = vec![false; n];
    let mut extends = vec![false; n];
    let mut order = Vec::new();
    reached[focus.0] = true;
    let mut queue = VecDeque::from([focus]);
    while let Some(p) = queue.pop_front() {
        for c in cx.carers_by_position(p) {
            if !reached[c.0] {
                reached[c.0] = true;
                below[c.0] = Some(p);
                extends[p.0] = true;
                order.push(c);
                queue.push_back(c);
            }
        }
    }
    let tops: Vec<PersonIx> = order.iter().copied().filter(|a| !extends[a.0]).collect();
    let mut out = Vec::new();
    for (s, skill) in cx.skills.iter().enumerate() {
        for &top in &tops {
            let mut path = vec![top];
            let mut at = top;
            while let Some(b) = below[at.0] {
                path.push(b);
                at = b;
            }
            let side = path[path.len() - 2];
            let events = path
                .iter()
                .filter_map(|&p| {
                    let event = match status(cx, s, p) {
                        Status::BrokeCycle => LineEventKind::Entered,
                        Status::Lost => LineEventKind::Left,
                        _ => return None,
                    };
                    Some(LineEvent {
                        person: cx.id(p),
                        generation: cx.graph.generation(p),
                        event,
                    })
                })
                .collect();
            out.push(Line {
                skill: skill.clone(),
                side: cx.id(side),
                people: path.iter().map(|&p| cx.id(p)).collect(),
                rejoins: cx
                    .carers_by_position(top)
                    .into_iter()
                    .map(|c| cx.id(c))
                    .collect(),
                at_top: cx.has[s][top.0],
                events,
            });
        }
    }
    out
}
