//! Generation numbers (docs/analysis.md).
//!
//! Founders of the oldest line are generation 1; a child is one below its parents; a
//! partner who married in takes the partner's generation. The steps:
//! 1. depth from the top: founders at their base (0 at first), everyone else one below
//!    their deepest parent, over a topological order;
//! 2. founders with partners move down to their deepest partner; repeat 1–2 until stable;
//! 3. a couple whose partners both have parents but sit at different depths moves the
//!    shallower partner's founders down by the difference (couples taken in the order of
//!    their partners' ids, so that the file's order cannot change the outcome), unless the
//!    two lines share an ancestor (a loop: moving one line might move the other);
//! 4. a couple still across generations (their lines share an ancestor, as in royal
//!    houses that marry among themselves) tries moving down only the founders of the
//!    shallower partner's line who are not also ancestors of the deeper partner. The move
//!    is kept when it brings the family's couples closer together (the sum over all
//!    couples of the difference of depth between the partners shrinks) and undone
//!    otherwise, for a few rounds. A union no move can level (a mother and her son; an
//!    uncle and his niece, whose lines meet in the grandparents) stays across generations
//!    and is drawn as such, with a stepped partner line;
//! 5. each connected family is numbered from 1.
//!
//! Each step is linear in the size of the family; steps 3 and 4 repeat it once per
//! mismatched couple, step 4 within a fixed budget of work (`LEVEL_WORK`), so that no
//! family, however tangled, takes long. Step 4 took royal92 (3,010 people of European
//! royal houses) from 208 unions across generations to 81, and the crossings of its drawn
//! lines from 5,857 to 3,625 (BENCHMARKS.md).

use std::collections::HashMap;

use super::{CoupleIx, PersonIx};
use crate::model::{Family, Link};

/// Assigns a generation (from 1) to every person.
pub(super) fn assign(
    family: &Family,
    by_id: &HashMap<String, PersonIx>,
    parent_couples: &[Vec<(CoupleIx, Link)>],
    partner_couples: &[Vec<CoupleIx>],
) -> Vec<u32> {
    let n = family.people.len();
    let ix = |id: &str| by_id[id].0;
    // Parents for generation purposes: the partners of every couple that lists the person,
    // else the people who raised them.
    let parents: Vec<Vec<usize>> = (0..n)
        .map(|p| {
            let mut list: Vec<usize> = parent_couples[p]
                .iter()
                .flat_map(|(c, _)| family.couples[c.0].partners.iter().map(|q| ix(&q.value)))
                .collect();
            if list.is_empty()
                && let Some(r) = &family.people[p].raised_by
            {
                list.extend(r.iter().map(|q| ix(&q.value)));
            }
            list.sort_unstable();
            list.dedup();
            list
        })
        .collect();
    let partners: Vec<Vec<usize>> = (0..n)
        .map(|p| {
            let mut list: Vec<usize> = partner_couples[p]
                .iter()
                .flat_map(|c| family.couples[c.0].partners.iter().map(|q| ix(&q.value)))
                .filter(|&q| q != p)
                .collect();
            list.sort_unstable();
            list.dedup();
            list
        })
        .collect();
    let order = topological_order(&parents);

    let mut base = vec![0u32; n];
    let mut depth = vec![0u32; n];
    // One set of marks for every ancestry walk below.
    let mut walk = Walk::new(n);
    settle(
        &order, &parents, &partners, &mut base, &mut depth, &mut walk,
    );

    // Couples in the order of their partners' ids, not of the file: each move changes the
    // depths the next couple sees, and the numbering must not depend on how the file is
    // arranged.
    let mut unions: Vec<(&str, &str, usize, usize)> = family
        .couples
        .iter()
        .filter_map(|couple| match couple.partners.as_slice() {
            [a, b] => {
                let (a, b) = if a.value <= b.value { (a, b) } else { (b, a) };
                Some((
                    a.value.as_str(),
                    b.value.as_str(),
                    ix(&a.value),
                    ix(&b.value),
                ))
            }
            _ => None,
        })
        .collect();
    unions.sort_unstable();
    unions.dedup();
    let unions: Vec<(usize, usize)> = unions.iter().map(|u| (u.2, u.3)).collect();
    for &(a, b) in &unions {
        let Some((shallow, deep)) = across(a, b, &depth, &parents) else {
            continue;
        };
        let deep_line = walk.ancestors(deep, &parents);
        let shallow_line = walk.ancestors(shallow, &parents);
        if shallow_line
            .iter()
            .any(|p| deep_line.binary_search(p).is_ok())
        {
            continue;
        }
        let diff = depth[deep] - depth[shallow];
        for &p in &shallow_line {
            if parents[p].is_empty() {
                base[p] += diff;
            }
        }
        settle(
            &order, &parents, &partners, &mut base, &mut depth, &mut walk,
        );
    }
    level_loops(
        &order, &parents, &partners, &unions, &mut base, &mut depth, &mut walk,
    );

    number_components(n, &parents, &partners, &depth)
}

/// Step 4: levels the couples step 3 left across generations (module docs).
fn level_loops(
    order: &[usize],
    parents: &[Vec<usize>],
    partners: &[Vec<usize>],
    unions: &[(usize, usize)],
    base: &mut [u32],
    depth: &mut [u32],
    walk: &mut Walk,
) {
    let n = parents.len();
    let apart = |depth: &[u32]| -> u64 {
        unions
            .iter()
            .map(|&(a, b)| u64::from(depth[a].abs_diff(depth[b])))
            .sum()
    };
    let mut total = apart(depth);
    // People visited so far, by the walks of ancestors and the passes of `settle`.
    let mut work = 0usize;
    for _ in 0..LEVEL_ROUNDS {
        let mut moved = false;
        for &(a, b) in unions {
            let Some((shallow, deep)) = across(a, b, depth, parents) else {
                continue;
            };
            if work >= LEVEL_WORK {
                return;
            }
            let deep_line = walk.ancestors(deep, parents);
            let shallow_line = walk.ancestors(shallow, parents);
            work += deep_line.len() + shallow_line.len();
            let movers: Vec<usize> = shallow_line
                .into_iter()
                .filter(|p| parents[*p].is_empty() && deep_line.binary_search(p).is_err())
                .collect();
            if movers.is_empty() {
                continue;
            }
            // Founders who follow a partner move in `settle` too, so an undo restores
            // every base, not only the movers'.
            let saved = base.to_vec();
            let diff = depth[deep] - depth[shallow];
            movers.iter().for_each(|&p| base[p] += diff);
            work += n * settle(order, parents, partners, base, depth, walk) + unions.len();
            let now = apart(depth);
            if now < total {
                total = now;
                moved = true;
            } else {
                base.copy_from_slice(&saved);
                work += n * settle(order, parents, partners, base, depth, walk);
            }
        }
        if !moved {
            break;
        }
    }
}

/// The two partners of a couple as (shallower, deeper) when they sit at different depths
/// and both have parents in the file (a partner without parents follows the other in
/// `settle`); steps 3 and 4 look only at such couples.
fn across(a: usize, b: usize, depth: &[u32], parents: &[Vec<usize>]) -> Option<(usize, usize)> {
    if depth[a] == depth[b] || parents[a].is_empty() || parents[b].is_empty() {
        return None;
    }
    Some(if depth[a] < depth[b] { (a, b) } else { (b, a) })
}

/// Rounds over the couples in step 4; a move can open a mismatch on a couple taken
/// before it, which the next round sees.
const LEVEL_ROUNDS: usize = 3;

/// The work step 4 may do, in people visited (by the walks of ancestors and the passes of
/// `settle`); an attempt under way is always finished. royal92 (3,010 people, 208 unions
/// across generations before this step) needs 3.3 million, about 30 ms on this project's 2-core
/// test machine; 20 million bounds the step to about 0.2 s on any family.
const LEVEL_WORK: usize = 20_000_000;

/// Steps 1 and 2 until nothing moves. Founders only ever move down, and never below their
/// deepest partner, so this ends after at most as many rounds as there are generations.
fn settle(
    order: &[usize],
    parents: &[Vec<usize>],
    partners: &[Vec<usize>],
    base: &mut [u32],
    depth: &mut [u32],
    walk: &mut Walk,
) -> usize {
    let mut rounds = 0;
    // A founder never follows a partner who descends from them (below); as a safety net
    // the rounds are bounded too: no useful move goes deeper than the family has people.
    for _ in 0..=order.len() {
        rounds += 1;
        for &p in order {
            depth[p] = match parents[p].iter().map(|&q| depth[q]).max() {
                Some(d) => d + 1,
                None => base[p],
            };
        }
        let mut moved = false;
        // Every founder decides from the depths of this round, computed above, so that the
        // outcome does not depend on which founder the file happens to list first.
        for &p in order {
            if !parents[p].is_empty() {
                continue;
            }
            // A founder takes the depth of their deepest partner, but never follows a
            // partner who descends from them (a union across generations within one line):
            // following would push both down for ever.
            let mut deeper: Vec<(u32, usize)> = partners[p]
                .iter()
                .filter(|&&q| depth[q] > base[p])
                .map(|&q| (depth[q], q))
                .collect();
            deeper.sort_unstable_by(|a, b| b.cmp(a));
            if let Some(&(d, _)) = deeper
                .iter()
                .find(|&&(_, q)| !walk.descends_from(q, p, parents))
            {
                base[p] = d;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    rounds
}

/// Reusable marks for ancestry walks.
struct Walk {
    mark: Vec<u32>,
    query: u32,
    stack: Vec<usize>,
}

impl Walk {
    fn new(n: usize) -> Self {
        Walk {
            mark: vec![0; n],
            query: 0,
            stack: Vec::new(),
        }
    }

    /// A fresh mark for a new walk.
    fn next_query(&mut self) {
        self.query = self.query.wrapping_add(1);
        if self.query == 0 {
            self.mark.iter_mut().for_each(|m| *m = 0);
            self.query = 1;
        }
        self.stack.clear();
    }

    /// `p` and all their ancestors, sorted (linear in the size of `p`'s ancestry).
    fn ancestors(&mut self, p: usize, parents: &[Vec<usize>]) -> Vec<usize> {
        self.next_query();
        self.mark[p] = self.query;
        self.stack.push(p);
        let mut seen = vec![p];
        while let Some(q) = self.stack.pop() {
            for &r in &parents[q] {
                if self.mark[r] != self.query {
                    self.mark[r] = self.query;
                    seen.push(r);
                    self.stack.push(r);
                }
            }
        }
        seen.sort_unstable();
        seen
    }

    /// Whether `p` is an ancestor of `q` (linear in the size of `q`'s ancestry).
    fn descends_from(&mut self, q: usize, p: usize, parents: &[Vec<usize>]) -> bool {
        self.next_query();
        self.stack.push(q);
        while let Some(x) = self.stack.pop() {
            for &r in &parents[x] {
                if r == p {
                    return true;
                }
                if self.mark[r] != self.query {
                    self.mark[r] = self.query;
                    self.stack.push(r);
                }
            }
        }
        false
    }
}

/// Parents before children (Kahn's algorithm; validation has ruled out cycles, and any
/// person left over by a cycle is appended so that nothing is lost).
fn topological_order(parents: &[Vec<usize>]) -> Vec<usize> {
    let n = parents.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut pending: Vec<usize> = parents.iter().map(Vec::len).collect();
    for (c, ps) in parents.iter().enumerate() {
        for &p in ps {
            children[p].push(c);
        }
    }
    let mut order: Vec<usize> = (0..n).filter(|&p| pending[p] == 0).collect();
    let mut i = 0;
    while i < order.len() {
        let p = order[i];
        i += 1;
        for &c in &children[p] {
            pending[c] -= 1;
            if pending[c] == 0 {
                order.push(c);
            }
        }
    }
    if order.len() < n {
        let mut placed = vec![false; n];
        order.iter().for_each(|&p| placed[p] = true);
        order.extend((0..n).filter(|&p| !placed[p]));
    }
    order
}

/// Numbers each connected family from 1 at its top.
fn number_components(
    n: usize,
    parents: &[Vec<usize>],
    partners: &[Vec<usize>],
    depth: &[u32],
) -> Vec<u32> {
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    for p in 0..n {
        for &q in parents[p].iter().chain(&partners[p]) {
            neighbours[p].push(q);
            neighbours[q].push(p);
        }
    }
    let mut out = vec![0u32; n];
    let mut component = vec![usize::MAX; n];
    for start in 0..n {
        if component[start] != usize::MAX {
            continue;
        }
        let mut members = vec![start];
        component[start] = start;
        let mut i = 0;
        while i < members.len() {
            let p = members[i];
            i += 1;
            for &q in &neighbours[p] {
                if component[q] == usize::MAX {
                    component[q] = start;
                    members.push(q);
                }
            }
        }
        let top = members.iter().map(|&p| depth[p]).min().unwrap_or(0);
        for &p in &members {
            out[p] = depth[p] - top + 1;
        }
    }
    out
}
