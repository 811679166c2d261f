//! Crossing reduction on the order the walk made, as Graphviz `dot` does it (Gansner et
//! al. 1993, "mincross"): sweeps down and up the rows, each sorting a row by the weighted
//! median of where its lines go on the row it looks at, then transposing neighbours while
//! that lowers the crossings, keeping the best order seen.
//!
//! What moves is not a person but a *group*: the blocks one couple's walk placed side by
//! side (a sibship, with the partners married into it), or a founder's block. A group
//! moves whole and keeps its inside, so siblings stay together in birth order under their
//! couple and partners stay side by side; groups only move among the groups of their own
//! separate family. The crossings counted are those of straight segments from a couple's
//! port (the middle of its partners on the lower partner's row) to each child on the next
//! row, the drawn child lines of both the couple that raised a child and any other couple
//! of the child included.

use super::blocks::Blocks;
use super::gather::Facts;
use super::order::Order;

/// Most sweeps (each one down or up the rows).
const MAX_SWEEPS: usize = 16;
/// Sweeps without a better order before giving up.
const PATIENCE: usize = 4;
/// Most transposition passes over one row per sweep.
const TRANSPOSE_PASSES: usize = 6;

/// Reorders the groups of every row to cross fewer lines. Returns whether it found an
/// order that crosses less; if not, `out` is left as it was.
pub(super) fn reduce(f: &Facts, blocks: &Blocks, out: &mut Order) -> bool {
    let nrows = out.rows.len();
    if nrows < 2 {
        return false;
    }
    let mut s = Sweeper::new(f, blocks, out);
    let start = s.crossings();
    let mut best = start;
    if best == 0 {
        return false;
    }
    let mut best_groups = s.groups.clone();
    let mut idle = 0;
    for sweep in 0..MAX_SWEEPS {
        if sweep % 2 == 0 {
            for r in 1..nrows {
                s.sort_row(r, true);
                s.transpose(r);
            }
        } else {
            for r in (0..nrows - 1).rev() {
                s.sort_row(r, false);
                s.transpose(r);
            }
        }
        let c = s.crossings();
        if c < best {
            best = c;
            best_groups.clone_from(&s.groups);
            idle = 0;
            if best == 0 {
                break;
            }
        } else {
            idle += 1;
            if idle >= PATIENCE {
                break;
            }
        }
    }
    if best == start {
        return false;
    }
    // Write the best order back.
    for (r, groups) in best_groups.iter().enumerate() {
        out.row_blocks[r] = groups.iter().flat_map(|g| g.iter().copied()).collect();
        out.rows[r] = out.row_blocks[r]
            .iter()
            .flat_map(|&b| blocks.members[b].iter().copied())
            .collect();
    }
    true
}

struct Sweeper<'a> {
    f: &'a Facts,
    blocks: &'a Blocks,
    /// The separate family of each block.
    part: Vec<usize>,
    /// The groups of each row, left to right, each its blocks in order.
    groups: Vec<Vec<Vec<usize>>>,
    /// Position of each person in their row.
    pos: Vec<usize>,
    /// People on each row.
    len: Vec<usize>,
    /// The row of each couple's port: its lower partner's row.
    port_row: Vec<usize>,
    /// The partners of each couple on its port row.
    port_of: Vec<Vec<usize>>,
    /// Children drawn from each couple on the row under its port (anchored or not).
    below: Vec<Vec<usize>>,
    /// Couples each person hangs from, anchored or not.
    above: Vec<Vec<usize>>,
    // Reusable buffers.
    ends: Vec<usize>,
    keys: Vec<(usize, f64, usize)>,
}

impl<'a> Sweeper<'a> {
    fn new(f: &'a Facts, blocks: &'a Blocks, out: &Order) -> Sweeper<'a> {
        let n = f.len();
        let nc = f.partners.len();
        let mut groups: Vec<Vec<Vec<usize>>> = Vec::with_capacity(out.rows.len());
        for row in &out.row_blocks {
            let mut gs: Vec<Vec<usize>> = Vec::new();
            let mut last: Option<(usize, usize)> = None;
            for &b in row {
                let key = out.home[b].map(|c| (c, out.part[b]));
                match (key, last) {
                    (Some(k), Some(l)) if k == l => gs.last_mut().expect("group").push(b),
                    _ => gs.push(vec![b]),
                }
                last = key;
            }
            groups.push(gs);
        }
        let port_row: Vec<usize> = f
            .partners
            .iter()
            .map(|ps| ps.iter().map(|&p| f.row[p]).max().unwrap_or(0))
            .collect();
        let port_of: Vec<Vec<usize>> = (0..nc)
            .map(|c| {
                f.partners[c]
                    .iter()
                    .copied()
                    .filter(|&p| f.row[p] == port_row[c])
                    .collect()
            })
            .collect();
        let mut below: Vec<Vec<usize>> = vec![Vec::new(); nc];
        let mut above: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (k, up) in above.iter_mut().enumerate() {
            let couples = f.primary[k]
                .into_iter()
                .chain(f.secondary[k].iter().map(|s| s.0));
            for c in couples {
                if !f.partners[c].is_empty() && f.row[k] == port_row[c] + 1 {
                    below[c].push(k);
                    up.push(c);
                }
            }
        }
        let mut s = Sweeper {
            f,
            blocks,
            part: out.part.clone(),
            groups,
            pos: vec![0; n],
            len: out.rows.iter().map(Vec::len).collect(),
            port_row,
            port_of,
            below,
            above,
            ends: Vec::new(),
            keys: Vec::new(),
        };
        for r in 0..s.groups.len() {
            s.renumber(r);
        }
        s
    }

    /// Positions of the people of row `r` from its groups.
    fn renumber(&mut self, r: usize) {
        let mut i = 0;
        for g in &self.groups[r] {
            for &b in g {
                for &p in &self.blocks.members[b] {
                    self.pos[p] = i;
                    i += 1;
                }
            }
        }
    }

    /// Where a couple's lines leave, in positions on its port row (twice the mean, to
    /// stay whole).
    fn port2(&self, c: usize) -> usize {
        let ps = &self.port_of[c];
        match ps.as_slice() {
            [p] => 2 * self.pos[*p],
            [a, b] => self.pos[*a] + self.pos[*b],
            _ => 0,
        }
    }

    /// The other ends of a group's lines on the row above (`up`) or below, in doubled
    /// positions, into `self.ends`, sorted.
    fn group_ends(&mut self, g: &[usize], up: bool) {
        let (f, blocks) = (self.f, self.blocks);
        let mut ends = std::mem::take(&mut self.ends);
        ends.clear();
        for &b in g {
            for &m in &blocks.members[b] {
                if up {
                    for &c in &self.above[m] {
                        ends.push(self.port2(c));
                    }
                } else {
                    for &c in &f.unions[m] {
                        if self.port_of[c].first() == Some(&m) {
                            ends.extend(self.below[c].iter().map(|&k| 2 * self.pos[k]));
                        }
                    }
                }
            }
        }
        ends.sort_unstable();
        self.ends = ends;
    }

    /// Sorts the groups of row `r` by the weighted median of their lines' other ends on
    /// the row above (`down` sweep) or below; a group with no line there keeps its place
    /// (its own position, scaled to that row).
    fn sort_row(&mut self, r: usize, down: bool) {
        let other = if down { r - 1 } else { r + 1 };
        let scale = 2.0 * self.len[other] as f64 / self.len[r].max(1) as f64;
        let mut keys = std::mem::take(&mut self.keys);
        keys.clear();
        let mut at = 0usize;
        let groups = std::mem::take(&mut self.groups[r]);
        for (i, g) in groups.iter().enumerate() {
            let size: usize = g.iter().map(|&b| self.blocks.members[b].len()).sum();
            self.group_ends(g, down);
            let key = median(&self.ends)
                .unwrap_or_else(|| (at as f64 + (size as f64 - 1.0) / 2.0) * scale / 2.0);
            keys.push((self.part[g[0]], key, i));
            at += size;
        }
        keys.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut slots: Vec<Option<Vec<usize>>> = groups.into_iter().map(Some).collect();
        self.groups[r] = keys
            .iter()
            .map(|&(_, _, i)| slots[i].take().expect("each group once"))
            .collect();
        self.keys = keys;
        self.renumber(r);
    }

    /// Swaps neighbouring groups of row `r` while that crosses fewer lines with the rows
    /// above and below (whose order stays).
    fn transpose(&mut self, r: usize) {
        let ng = self.groups[r].len();
        if ng < 2 {
            return;
        }
        let mut up: Vec<Vec<usize>> = Vec::with_capacity(ng);
        let mut down: Vec<Vec<usize>> = Vec::with_capacity(ng);
        for i in 0..ng {
            let g = std::mem::take(&mut self.groups[r][i]);
            self.group_ends(&g, true);
            up.push(self.ends.clone());
            self.group_ends(&g, false);
            down.push(self.ends.clone());
            self.groups[r][i] = g;
        }
        let mut changed = false;
        for _ in 0..TRANSPOSE_PASSES {
            let mut swapped = false;
            for i in 0..ng - 1 {
                let (a, b) = (&self.groups[r][i], &self.groups[r][i + 1]);
                if self.part[a[0]] != self.part[b[0]] {
                    continue;
                }
                let keep = above(&up[i], &up[i + 1]) + above(&down[i], &down[i + 1]);
                let swap = above(&up[i + 1], &up[i]) + above(&down[i + 1], &down[i]);
                if swap < keep {
                    self.groups[r].swap(i, i + 1);
                    up.swap(i, i + 1);
                    down.swap(i, i + 1);
                    swapped = true;
                }
            }
            changed |= swapped;
            if !swapped {
                break;
            }
        }
        if changed {
            self.renumber(r);
        }
    }

    /// Crossings of port-to-child segments over all rows.
    fn crossings(&self) -> u64 {
        let mut segs: Vec<Vec<(f64, f64)>> = vec![Vec::new(); self.groups.len()];
        for (c, kids) in self.below.iter().enumerate() {
            let port = self.port2(c) as f64;
            for &k in kids {
                segs[self.port_row[c]].push((port, 2.0 * self.pos[k] as f64));
            }
        }
        segs.iter_mut()
            .map(|s| super::metrics::count_crossings(s))
            .sum()
    }
}

/// Pairs (x in `a`, y in `b`) with x > y: the crossings between the lines of a group `a`
/// standing left of a group `b`, both sorted.
fn above(a: &[usize], b: &[usize]) -> u64 {
    let mut total = 0u64;
    let mut j = 0;
    for &x in a {
        while j < b.len() && b[j] < x {
            j += 1;
        }
        total += j as u64;
    }
    total
}

/// The weighted median of sorted positions (Gansner et al.): the middle one, the mean of
/// two, or between the two middle ones, nearer the side where the positions are closer
/// together.
fn median(v: &[usize]) -> Option<f64> {
    let n = v.len();
    let m = n / 2;
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[m] as f64),
        2 => Some((v[0] + v[1]) as f64 / 2.0),
        _ => {
            let left = (v[m - 1] - v[0]) as f64;
            let right = (v[n - 1] - v[m]) as f64;
            if left + right == 0.0 {
                Some((v[m - 1] + v[m]) as f64 / 2.0)
            } else {
                Some((v[m - 1] as f64 * right + v[m] as f64 * left) / (left + right))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{above, median};

    #[test]
    fn lines_of_a_left_group_that_end_right_of_a_right_groups_lines_cross_them() {
        assert_eq!(above(&[1, 5], &[2, 3]), 2);
        assert_eq!(above(&[2, 3], &[1, 5]), 2);
        assert_eq!(above(&[1, 2], &[2, 3]), 0);
        assert_eq!(above(&[], &[2, 3]), 0);
    }

    #[test]
    fn the_weighted_median_leans_to_the_closer_side() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[4]), Some(4.0));
        assert_eq!(median(&[2, 6]), Some(4.0));
        // Left pair close (1, 2), right pair far apart (3, 10): between 2 and 3, nearer 2.
        let m = median(&[1, 2, 3, 10]).unwrap();
        assert!(m > 2.0 && m < 3.0, "{m}");
        assert!(m < 2.5, "leans to the tighter side: {m}");
    }
}
