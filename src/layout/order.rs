//! The order of people in each row.
//!
//! A depth-first walk from the founders' blocks: each block is appended to its row, then
//! the children of each of its couples (in date order), oldest first, each followed by its
//! own descendants. So every sibship is one run in birth order under its couple, and the
//! descendants of a sibling stay under that sibling (no crossings in a family without
//! marriages between lines).
//!
//! When the walk reaches a block with a member whose own parents have not been placed yet
//! (a marriage between two lines, a cousin marriage, a partner on another row, a birth
//! family of an adopted child), that member's founding line is queued to come right after
//! the current one, so families joined by marriage stand side by side (after Madeline's
//! ordering of descent trees). Founding lines are otherwise taken oldest first, by birth
//! date and then id, so the result does not depend on the order of the file. Unconnected
//! families come one after another.
//!
//! Finally a two-person block whose partners both have parents is turned so that each
//! partner is on the side of their own parents.

use std::collections::VecDeque;

use super::blocks::Blocks;
use super::gather::{Facts, date_first};
use super::rows::Rows;

/// The result of ordering.
#[derive(Clone)]
pub(super) struct Order {
    /// People left to right on each row.
    pub rows: Vec<Vec<usize>>,
    /// Blocks left to right on each row.
    pub row_blocks: Vec<Vec<usize>>,
    /// The couple under which each block was placed (None for founders' blocks).
    pub home: Vec<Option<usize>>,
    /// The separate family (connected part) of each block, numbered left to right.
    pub part: Vec<usize>,
}

/// The walk's order, with what walking the founding lines in another order needs.
pub(super) struct Walked {
    /// The order of the best walk.
    pub order: Order,
    pass: Pass,
}

impl Walked {
    /// The founders' blocks in the order they were walked, with their separate family.
    pub fn founders(&self) -> &[(usize, usize)] {
        &self.pass.walked
    }

    /// The order of a walk from the founders' blocks in the given order, each founding
    /// line staying in its separate family.
    pub fn with_founders(&self, f: &Facts, rows: &Rows, blocks: &Blocks, roots: &[usize]) -> Order {
        let mut out = run(f, rows, blocks, roots, Some(&self.pass)).order;
        turn_bridges(f, blocks, &mut out);
        out
    }
}

/// Orders the blocks of every row.
pub(super) fn order(f: &Facts, rows: &Rows, blocks: &Blocks) -> Walked {
    let nb = blocks.members.len();
    let has_parents = |b: usize| blocks.members[b].iter().any(|&m| f.primary[m].is_some());
    let mut roots: Vec<usize> = (0..nb).filter(|&b| !has_parents(b)).collect();
    let key = |b: usize| {
        let born = blocks.members[b].iter().filter_map(|&m| f.born[m]).min();
        let id = blocks.members[b]
            .iter()
            .map(|&m| f.id[m].as_str())
            .min()
            .unwrap_or("");
        (born, id)
    };
    roots.sort_by(|&a, &b| {
        let (ka, kb) = (key(a), key(b));
        date_first(ka.0, kb.0).then(ka.1.cmp(kb.1)).then(a.cmp(&b))
    });
    let first = run(f, rows, blocks, &roots, None);
    let mut best_cross = segment_crossings(f, &first.order);
    let mut best = first;
    // Founding lines ordered by the barycentre of the lines they marry into (after
    // docs/layout.md, "Why it works this way"); kept only when they cross less.
    for _ in 0..ROOT_ROUNDS {
        let order = barycentre_order(f, blocks, &best);
        let next = run(f, rows, blocks, &order, Some(&best));
        let cross = segment_crossings(f, &next.order);
        if cross >= best_cross {
            break;
        }
        best_cross = cross;
        best = next;
    }
    let mut out = best.order.clone();
    turn_bridges(f, blocks, &mut out);
    Walked {
        order: out,
        pass: best,
    }
}

/// The order after crossing reduction (`sweep`), when it found one that crosses less by
/// its own count; the caller keeps whichever draws fewer crossings.
pub(super) fn swept(f: &Facts, blocks: &Blocks, walk: &Order) -> Option<Order> {
    let mut out = walk.clone();
    if !super::sweep::reduce(f, blocks, &mut out) {
        return None;
    }
    turn_bridges(f, blocks, &mut out);
    Some(out)
}

/// Rounds of reordering the founding lines.
const ROOT_ROUNDS: usize = 4;

/// One walk: the order, and which founding line's walk placed each block.
struct Pass {
    order: Order,
    /// The founders' block whose walk placed each block.
    tree: Vec<usize>,
    /// The founders' blocks in the order they were walked, with their separate family.
    walked: Vec<(usize, usize)>,
}

/// Walks from the founders' blocks in the given order. Without `previous`, lines met
/// through a marriage are queued to come next; with it, the given order is kept and each
/// founding line stays in the separate family it had.
fn run(f: &Facts, rows: &Rows, blocks: &Blocks, roots: &[usize], previous: Option<&Pass>) -> Pass {
    let nb = blocks.members.len();
    let mut w = Walk {
        f,
        blocks,
        seen: vec![false; nb],
        couple_seen: vec![false; f.partners.len()],
        pending: VecDeque::new(),
        out: Order {
            rows: vec![Vec::new(); rows.members.len()],
            row_blocks: vec![Vec::new(); rows.members.len()],
            home: vec![None; nb],
            part: vec![0; nb],
        },
        stack: Vec::new(),
        part: 0,
        queue: previous.is_none(),
        tree: vec![usize::MAX; nb],
        current: 0,
    };
    let mut walked = Vec::new();
    // Every block is reachable from a founders' block (parents sit on higher rows), but
    // walk the rest too, so that nobody can be lost.
    for start in roots.iter().copied().chain(0..nb) {
        if w.seen[start] {
            continue;
        }
        if let Some(prev) = previous {
            w.part = prev.order.part[start];
        }
        w.pending.push_back(start);
        while let Some(b) = w.pending.pop_front() {
            if !w.seen[b] {
                walked.push((b, w.part));
                w.current = b;
                w.walk(b);
            }
        }
        if previous.is_none() {
            w.part += 1;
        }
    }
    Pass {
        order: w.out,
        tree: w.tree,
        walked,
    }
}

/// The founding lines sorted within each separate family by the mean position of what
/// they are joined to in other lines (their own mean position counted once).
fn barycentre_order(f: &Facts, blocks: &Blocks, pass: &Pass) -> Vec<usize> {
    let mut pos = vec![0.0; f.len()];
    for row in &pass.order.rows {
        let len = row.len().max(1) as f64;
        for (i, &p) in row.iter().enumerate() {
            pos[p] = i as f64 / len;
        }
    }
    let nb = blocks.members.len();
    // Per founders' block: (sum, count) of its own positions and of its links.
    let mut own = vec![(0.0, 0usize); nb];
    let mut link = vec![(0.0, 0usize); nb];
    let tree_of = |p: usize| pass.tree[blocks.of[p]];
    for p in 0..f.len() {
        let t = tree_of(p);
        own[t].0 += pos[p];
        own[t].1 += 1;
        let mut add = |q: usize| {
            if tree_of(q) != t {
                link[t].0 += pos[q];
                link[t].1 += 1;
            }
        };
        let parents = f.primary[p]
            .into_iter()
            .chain(f.secondary[p].iter().map(|s| s.0));
        for c in parents {
            f.partners[c].iter().for_each(|&q| add(q));
        }
        for &c in &f.unions[p] {
            f.partners[c]
                .iter()
                .filter(|&&q| q != p)
                .for_each(|&q| add(q));
            f.kids[c].iter().for_each(|&k| add(k));
        }
    }
    let key = |t: usize| {
        let mean = own[t].0 / own[t].1.max(1) as f64;
        (link[t].0 + mean) / (link[t].1 + 1) as f64
    };
    let mut order: Vec<(usize, usize, usize)> = pass
        .walked
        .iter()
        .enumerate()
        .map(|(i, &(t, part))| (part, i, t))
        .collect();
    order.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(key(a.2).total_cmp(&key(b.2)))
            .then(a.1.cmp(&b.1))
    });
    order.into_iter().map(|(_, _, t)| t).collect()
}

/// Crossings of straight port-to-child segments, with positions in the row as x.
pub(super) fn segment_crossings(f: &Facts, order: &Order) -> u64 {
    let pos = positions(f, order);
    let mut segs: Vec<Vec<(f64, f64)>> = vec![Vec::new(); order.rows.len()];
    for c in 0..f.partners.len() {
        if let Some(r) = lower_row(f, c) {
            couple_segments(f, c, &pos, &mut segs[r]);
        }
    }
    segs.iter_mut()
        .map(|s| super::metrics::count_crossings(s))
        .sum()
}

/// Each person's place in their row.
pub(super) fn positions(f: &Facts, order: &Order) -> Vec<usize> {
    let mut pos = vec![0usize; f.len()];
    for row in &order.rows {
        for (i, &p) in row.iter().enumerate() {
            pos[p] = i;
        }
    }
    pos
}

/// The row of a couple's lower partner, the row above the children it anchors.
pub(super) fn lower_row(f: &Facts, c: usize) -> Option<usize> {
    f.partners[c].iter().map(|&p| f.row[p]).max()
}

/// Pushes a couple's straight segments (its partners' mean place, a child's place) to
/// each of its children on the row under its lower partner.
pub(super) fn couple_segments(f: &Facts, c: usize, pos: &[usize], out: &mut Vec<(f64, f64)>) {
    let Some(r) = lower_row(f, c) else {
        return;
    };
    let ps = &f.partners[c];
    let port = ps.iter().map(|&p| pos[p] as f64).sum::<f64>() / ps.len() as f64;
    for &k in f.kids[c].iter().filter(|&&k| f.row[k] == r + 1) {
        out.push((port, pos[k] as f64));
    }
}

struct Walk<'a> {
    f: &'a Facts,
    blocks: &'a Blocks,
    seen: Vec<bool>,
    couple_seen: Vec<bool>,
    pending: VecDeque<usize>,
    out: Order,
    stack: Vec<(usize, Option<usize>)>,
    part: usize,
    /// Whether lines met through a marriage are queued to come next.
    queue: bool,
    /// The founders' block whose walk placed each block.
    tree: Vec<usize>,
    /// The founders' block being walked.
    current: usize,
}

impl Walk<'_> {
    /// Depth-first from one block (an explicit stack: deep families must not overflow).
    fn walk(&mut self, start: usize) {
        let (f, blocks) = (self.f, self.blocks);
        self.stack.push((start, None));
        let mut next: Vec<(usize, Option<usize>)> = Vec::new();
        while let Some((b, home)) = self.stack.pop() {
            if self.seen[b] {
                continue;
            }
            self.seen[b] = true;
            self.tree[b] = self.current;
            self.out.home[b] = home;
            self.out.part[b] = self.part;
            let row = blocks.row[b];
            self.out.rows[row].extend_from_slice(&blocks.members[b]);
            self.out.row_blocks[row].push(b);
            next.clear();
            for &m in &blocks.members[b] {
                for &c in &f.unions[m] {
                    if self.couple_seen[c] {
                        continue;
                    }
                    self.couple_seen[c] = true;
                    for &k in &f.kids[c] {
                        let kb = blocks.of[k];
                        if !self.seen[kb] {
                            next.push((kb, Some(c)));
                        }
                    }
                    for &q in &f.partners[c] {
                        self.queue_line_of(q);
                    }
                }
                if let Some(c) = f.primary[m]
                    && !self.couple_seen[c]
                {
                    f.partners[c].iter().for_each(|&q| self.queue_line_of(q));
                }
                for &(c, _) in &f.secondary[m] {
                    if !self.couple_seen[c] {
                        f.partners[c].iter().for_each(|&q| self.queue_line_of(q));
                    }
                }
            }
            // Twins and siblings come out of the stack in the order they were listed.
            self.stack.extend(next.iter().rev().copied());
        }
    }

    /// Queues the founders' block above `p` when that line has not been placed yet.
    fn queue_line_of(&mut self, p: usize) {
        let (f, blocks) = (self.f, self.blocks);
        if !self.queue {
            return;
        }
        let mut b = blocks.of[p];
        // Parents sit on higher rows, so this climbs at most once per row.
        for _ in 0..=blocks.row[b] {
            if self.seen[b] {
                return;
            }
            let up = blocks.members[b]
                .iter()
                .find_map(|&m| f.primary[m])
                .and_then(|c| f.partners[c].first());
            match up {
                Some(&q) => b = blocks.of[q],
                None => {
                    self.pending.push_back(b);
                    return;
                }
            }
        }
    }
}

/// Turns two-person blocks so that a twin faces their twin, and, when both partners have
/// parents on the row above, each partner faces their own parents.
pub(super) fn turn_bridges(f: &Facts, blocks: &Blocks, out: &mut Order) {
    let mut pos = positions(f, out);
    // Rows top-down, so a turned block's children see the final positions of their parents.
    for r in 0..out.rows.len() {
        let mut changed = false;
        let row_blocks = &out.row_blocks[r];
        for (j, &b) in row_blocks.iter().enumerate() {
            let m = &blocks.members[b];
            if m.len() != 2 {
                continue;
            }
            // A twin with a partner turns to face their twin.
            let set_of = |blk: Option<&usize>, t: usize| {
                blk.is_some_and(|&o| blocks.members[o].iter().any(|&q| f.twin[q] == Some(t)))
            };
            if let Some((k, t)) = m.iter().find_map(|&q| f.twin[q].map(|t| (q, t))) {
                let before = j.checked_sub(1).and_then(|i| row_blocks.get(i));
                let (left, right) = (set_of(before, t), set_of(row_blocks.get(j + 1), t));
                let other = if m[0] == k { m[1] } else { m[0] };
                let (i, wrong) = (
                    pos[k].min(pos[other]),
                    (right && pos[k] < pos[other]) || (left && pos[k] > pos[other]),
                );
                if left != right && wrong {
                    out.rows[r].swap(i, i + 1);
                    pos.swap(k, other);
                    changed = true;
                }
                continue;
            }
            let port = |p: usize| {
                let c = f.primary[p]?;
                let ps = &f.partners[c];
                if ps.iter().any(|&q| f.row[q] + 1 != r) {
                    return None;
                }
                Some(ps.iter().map(|&q| pos[q] as f64).sum::<f64>() / ps.len() as f64)
            };
            if let (Some(a), Some(c)) = (port(m[0]), port(m[1]))
                && a > c
            {
                let i = pos[m[0]].min(pos[m[1]]);
                out.rows[r].swap(i, i + 1);
                pos.swap(m[0], m[1]);
                changed = true;
            }
        }
        if changed {
            for (i, &p) in out.rows[r].iter().enumerate() {
                pos[p] = i;
            }
        }
    }
}

/// Sibling pairs out of birth order on their row, as `metrics` counts them (M7): children
/// a couple anchors on the row under its lower partner, born definitely apart.
pub(super) fn inversions(f: &Facts, order: &Order) -> usize {
    let pos = positions(f, order);
    (0..f.partners.len())
        .map(|c| couple_inversions(f, c, &pos))
        .sum()
}

/// One couple's children out of birth order, at the places `pos`.
pub(super) fn couple_inversions(f: &Facts, c: usize, pos: &[usize]) -> usize {
    let Some(r) = lower_row(f, c) else {
        return 0;
    };
    let kids = &f.kids[c];
    let mut total = 0;
    for (i, &a) in kids.iter().enumerate() {
        if f.row[a] != r + 1 {
            continue;
        }
        for &b in kids[i + 1..].iter().filter(|&&b| f.row[b] == r + 1) {
            if let (Some(ba), Some(bb)) = (f.born[a], f.born[b]) {
                let wrong = (ba.definitely_before(&bb) && pos[a] > pos[b])
                    || (bb.definitely_before(&ba) && pos[b] > pos[a]);
                total += usize::from(wrong);
            }
        }
    }
    total
}
