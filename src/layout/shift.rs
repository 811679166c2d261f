//! The last search of the order, for small families: a run of blocks moved along its row.
//!
//! The walk and the sweep move whole sibships, so when two sibships are joined by a
//! marriage between cousins, one cousin is pulled into the other's sibship and that
//! sibship's bar runs over it. Moving a run of one to [`RUN_MAX`] blocks to another place
//! in its row can instead stand the two sibships side by side with the married cousins
//! where they meet, which is how such a family is drawn by hand. A run is tried only when
//! one of its blocks holds a person (or a partner of a couple) whose line crosses another
//! in the current drawing, only up to [`REACH`] blocks away and only within its separate
//! family; a move must keep every sibship in one run and twins together (the invariants
//! M6 and M8 of `verify`) and put no more of the row's siblings out of birth order. The
//! moves are drawn fewest straight parent–child crossings first, and one is kept when its
//! drawing crosses fewer lines, until the budget of drawings is spent or no move helps.

use super::Layout;
use super::blocks::Blocks;
use super::gather::Facts;
use super::metrics::{crossing_pairs, drawn_crossings, drawn_lines};
use super::order::{self, Order};
use crate::graph::FamilyGraph;

/// Longest run of blocks moved at once.
const RUN_MAX: usize = 3;

/// Farthest a run moves, in blocks.
const REACH: usize = 8;

/// Most straight-line crossings a move may add and still be drawn. Straight lines between
/// places foretell the drawing poorly, but on random families of 100 to 300 people
/// (seeds 1–16) no kept move added more than 12, and the many that add more would use
/// up the budget.
const WORSE_MAX: i64 = 12;

/// An order with its drawing and the drawing's crossings.
pub(super) struct Drawn {
    /// The order of every row.
    pub order: Order,
    /// Its drawing.
    pub layout: Layout,
    /// The crossings of its drawn lines (`metrics::drawn_crossings`).
    pub crossings: u64,
}

/// Moves runs of blocks while that draws fewer crossings, drawing at most `budget`
/// orders with `draw`.
pub(super) fn improve(
    g: &FamilyGraph,
    f: &Facts,
    blocks: &Blocks,
    best: &mut Drawn,
    mut budget: usize,
    draw: impl Fn(&Order) -> Layout,
) {
    // The couples above each row gap: those whose lower partner is on the row.
    let mut couples_at: Vec<Vec<usize>> = vec![Vec::new(); best.order.rows.len()];
    for c in 0..f.partners.len() {
        if let Some(r) = order::lower_row(f, c) {
            couples_at[r].push(c);
        }
    }
    while best.crossings > 0 && budget > 0 {
        let inverted = order::inversions(f, &best.order);
        let mut moves = candidates(g, f, blocks, best, &couples_at);
        // Stable: equal counts keep the order of generation (row, run, place).
        moves.sort_by_key(|m| m.0);
        let mut kept = false;
        for (_, m) in moves {
            if budget == 0 {
                break;
            }
            let alt = moved(f, blocks, &best.order, &m);
            if order::inversions(f, &alt) > inverted {
                continue;
            }
            budget -= 1;
            let layout = draw(&alt);
            let crossings = drawn_crossings(&drawn_lines(g, &layout));
            if crossings < best.crossings {
                *best = Drawn {
                    order: alt,
                    layout,
                    crossings,
                };
                kept = true;
                break;
            }
        }
        if !kept {
            break;
        }
    }
}

/// Every move of a run holding a block of a crossing line to another place of its
/// separate family on its row that keeps sibships whole and twins together and puts no
/// more of the row's siblings out of birth order, with the change it makes to the
/// straight parent–child crossings of the gaps above and below the row (at most
/// [`WORSE_MAX`]).
///
/// A move is kept as its row and run, and the row's order is made again when it is drawn:
/// most moves are never drawn.
fn candidates(
    g: &FamilyGraph,
    f: &Facts,
    blocks: &Blocks,
    best: &Drawn,
    couples_at: &[Vec<usize>],
) -> Vec<(i64, Move)> {
    let n = f.len();
    let lines = drawn_lines(g, &best.layout);
    let mut hot = vec![false; blocks.members.len()];
    for (a, b) in crossing_pairs(&lines) {
        for &e in lines[a].ends.iter().chain(&lines[b].ends) {
            if e < n {
                hot[blocks.of[e]] = true;
            } else {
                for &p in &f.partners[e - n] {
                    hot[blocks.of[p]] = true;
                }
            }
        }
    }
    let current = &best.order;
    let mut pos = order::positions(f, current);
    let mut segs = Vec::new();
    // The row's own inversions and the segment crossings of the gaps above and below it,
    // at the places `pos`.
    let mut local = |r: usize, pos: &[usize]| {
        let above = r.checked_sub(1).map_or(&[][..], |a| &couples_at[a][..]);
        let inverted: usize = above
            .iter()
            .map(|&c| order::couple_inversions(f, c, pos))
            .sum();
        let mut crossed = 0;
        for gap in [above, &couples_at[r][..]] {
            segs.clear();
            for &c in gap {
                order::couple_segments(f, c, pos, &mut segs);
            }
            crossed += super::metrics::count_crossings(&mut segs);
        }
        (inverted, crossed as i64)
    };
    let mut out = Vec::new();
    let mut kin = vec![usize::MAX; blocks.members.len()];
    let mut people = Vec::new();
    for (r, row) in current.row_blocks.iter().enumerate() {
        if !row.iter().any(|&b| hot[b]) {
            continue;
        }
        let (inverted, crossed) = local(r, &pos);
        let starts = starts(blocks, row);
        for start in 0..row.len() {
            for len in 1..=RUN_MAX.min(row.len() - start) {
                let run = &row[start..start + len];
                let part = current.part[run[0]];
                if run.iter().any(|&b| current.part[b] != part) {
                    break;
                }
                if !run.iter().any(|&b| hot[b]) {
                    continue;
                }
                // The run goes back in at `at` among the row's other blocks; the i-th:
                let rest = |i: usize| row[if i < start { i } else { i + len }];
                let others = row.len() - len;
                let near = start.saturating_sub(REACH)..=(start + REACH).min(others);
                for at in near {
                    if at == start {
                        continue;
                    }
                    // Only beside a block of its own separate family.
                    let left = at.checked_sub(1).map(|i| current.part[rest(i)]);
                    let right = (at < others).then(|| current.part[rest(at)]);
                    if left != Some(part) && right != Some(part) {
                        continue;
                    }
                    let m = Move {
                        row: r,
                        start,
                        len,
                        at,
                    };
                    m.people(blocks, current, &starts, &mut people);
                    for (x, &p) in people.iter().enumerate() {
                        pos[p] = x;
                    }
                    // Only sibships the run leaves or joins, or lands inside (then its
                    // neighbours hold children of the couple), can be split.
                    let near = at
                        .checked_sub(1)
                        .into_iter()
                        .chain(at..(at + 1).min(others));
                    let touched = run.iter().copied().chain(near.map(rest));
                    let whole = touched
                        .flat_map(|b| &blocks.members[b])
                        .filter_map(|&p| f.primary[p])
                        .all(|c| sibship_whole(f, blocks, c, &pos, &people, &mut kin));
                    if !whole {
                        continue;
                    }
                    let (inv, cross) = local(r, &pos);
                    if inv <= inverted && cross - crossed <= WORSE_MAX {
                        out.push((cross - crossed, m));
                    }
                }
                for (i, &p) in current.rows[r].iter().enumerate() {
                    pos[p] = i;
                }
            }
        }
    }
    out
}

/// Whether a couple's children on `row` stand in one run and its twins side by side, as
/// the layout's invariants M6 and M8 ask (`verify`): between the leftmost and the rightmost
/// child who is not married to someone with parents, only blocks that hold one of the
/// couple's children; between twins, only blocks that hold one of the twins. `kin` is
/// scratch space by block (any values).
fn sibship_whole(
    f: &Facts,
    blocks: &Blocks,
    c: usize,
    pos: &[usize],
    row: &[usize],
    kin: &mut [usize],
) -> bool {
    let Some(r) = order::lower_row(f, c) else {
        return true;
    };
    let has_parents = |q: usize| f.primary[q].is_some() || !f.secondary[q].is_empty();
    let bridge = |k: usize| {
        f.unions[k].iter().any(|&u| {
            f.partners[u]
                .iter()
                .any(|&q| q != k && f.row[q] == f.row[k] && has_parents(q))
        })
    };
    let (mut lo, mut hi) = (usize::MAX, 0);
    for &k in f.kids[c].iter().filter(|&&k| f.row[k] == r + 1) {
        kin[blocks.of[k]] = c;
        if !bridge(k) {
            lo = lo.min(pos[k]);
            hi = hi.max(pos[k]);
        }
    }
    if lo <= hi && !row[lo..=hi].iter().all(|&p| kin[blocks.of[p]] == c) {
        return false;
    }
    // M8: twins side by side, only their own partners between.
    f.kids[c].iter().all(|&k| {
        let Some(t) = f.twin[k] else { return true };
        let (mut lo, mut hi) = (usize::MAX, 0);
        for &q in f.kids[c]
            .iter()
            .filter(|&&q| f.twin[q] == Some(t) && !bridge(q))
        {
            if f.row[q] == r + 1 {
                lo = lo.min(pos[q]);
                hi = hi.max(pos[q]);
            }
        }
        let twin_block = |b: usize| blocks.members[b].iter().any(|&m| f.twin[m] == Some(t));
        lo > hi || row[lo..=hi].iter().all(|&p| twin_block(blocks.of[p]))
    })
}

/// Where the people of each block of a row start, block by block.
fn starts(blocks: &Blocks, row: &[usize]) -> Vec<usize> {
    row.iter()
        .scan(0, |at, &b| {
            let s = *at;
            *at += blocks.members[b].len();
            Some(s)
        })
        .collect()
}

/// A run of blocks moved along its row.
struct Move {
    /// The row.
    row: usize,
    /// The place of the run's first block.
    start: usize,
    /// How many blocks it holds.
    len: usize,
    /// Where it goes among the row's other blocks (0: first).
    at: usize,
}

impl Move {
    /// The people of the row in their new order, into `out` (`starts`: where each block's
    /// people start in the current row).
    fn people(&self, blocks: &Blocks, current: &Order, starts: &[usize], out: &mut Vec<usize>) {
        let row = &current.row_blocks[self.row];
        out.clear();
        for i in self.places(row.len()) {
            let people = &current.rows[self.row][starts[i]..];
            out.extend_from_slice(&people[..blocks.members[row[i]].len()]);
        }
    }

    /// The row's places in their new order, for a row of `n` blocks.
    fn places(&self, n: usize) -> impl Iterator<Item = usize> + use<> {
        let Move { start, len, at, .. } = *self;
        // The i-th of the other blocks is at place i, or i + len past the run.
        let other = move |i: usize| if i < start { i } else { i + len };
        (0..at)
            .map(other)
            .chain(start..start + len)
            .chain((at..n - len).map(other))
    }
}

/// `current` with a run moved, each block's people in the order they had, then every
/// two-person block turned to its parents again.
fn moved(f: &Facts, blocks: &Blocks, current: &Order, m: &Move) -> Order {
    let row = &current.row_blocks[m.row];
    let mut out = current.clone();
    m.people(blocks, current, &starts(blocks, row), &mut out.rows[m.row]);
    out.row_blocks[m.row] = m.places(row.len()).map(|i| row[i]).collect();
    order::turn_bridges(f, blocks, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::Move;

    fn places(start: usize, len: usize, at: usize, n: usize) -> Vec<usize> {
        let m = Move {
            row: 0,
            start,
            len,
            at,
        };
        m.places(n).collect()
    }

    #[test]
    fn a_run_goes_back_in_among_the_other_blocks_at_its_new_place() {
        // Blocks 1 and 2 moved to place 3 among the others (0, 3, 4, 5): before 5.
        assert_eq!(places(1, 2, 3, 6), vec![0, 3, 4, 1, 2, 5]);
        // To the front and to the end.
        assert_eq!(places(4, 2, 0, 6), vec![4, 5, 0, 1, 2, 3]);
        assert_eq!(places(0, 1, 5, 6), vec![1, 2, 3, 4, 5, 0]);
        // Where it was: the row unchanged.
        assert_eq!(places(2, 3, 2, 6), vec![0, 1, 2, 3, 4, 5]);
    }
}
