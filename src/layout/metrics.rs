//! Quality measures of a placement (docs/layout.md, "What is measured"), computed from person centres
//! only, so that the same code measures this engine and Graphviz `dot` alike:
//!
//! - **crossings** (M10a): pairs of straight segments from a couple's port (the middle of
//!   its partners) to each of its children on the next row that cross;
//! - **adjacent couples** (M4): couples whose partners share a row with nobody between;
//! - **birth-order inversions** (M7): sibling pairs whose birth dates are known apart but
//!   stand in the wrong order;
//! - **parent–child offset** (M9): distance from a couple's port to the centre of its
//!   children on the next row, in symbol sizes;
//! - width and height of the placement.

use serde::Serialize;

use super::{Layout, LayoutOptions, gather};
use crate::graph::FamilyGraph;

/// The measures of one placement.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Metrics {
    /// People placed.
    pub people: usize,
    /// Couples with two partners on one row.
    pub couples: usize,
    /// Of those, couples with nobody between the partners.
    pub adjacent: usize,
    /// Crossings of port-to-child segments between consecutive rows.
    pub crossings: u64,
    /// Sibling pairs out of birth order.
    pub inversions: usize,
    /// Mean distance from port to children's centre, in symbol sizes.
    pub offset_mean: f64,
    /// Largest such distance, in symbol sizes.
    pub offset_max: f64,
    /// Width of the placement (centres), in symbol sizes.
    pub width: f64,
}

impl Metrics {
    /// Share of couples side by side, from 0 to 1 (1 when there are no couples).
    pub fn adjacency(&self) -> f64 {
        if self.couples == 0 {
            1.0
        } else {
            self.adjacent as f64 / self.couples as f64
        }
    }
}

/// Measures a layout of this engine.
pub fn of_layout(g: &FamilyGraph, layout: &Layout) -> Metrics {
    let xy: Vec<(f64, f64)> = layout.people.iter().map(|p| (p.x, p.y)).collect();
    measure(g, &xy, LayoutOptions::default().symbol)
}

/// Measures any placement given as the centre of each person (in file order); rows are
/// the distinct y values.
pub fn measure(g: &FamilyGraph, xy: &[(f64, f64)], symbol: f64) -> Metrics {
    let o = LayoutOptions::default();
    let f = gather::gather(g, &o);
    let n = xy.len().min(f.len());
    // Rows from the distinct y values (rounded to a tenth, so float noise never splits a row).
    let key = |y: f64| (y * 10.0).round() as i64;
    let mut ys: Vec<i64> = xy[..n].iter().map(|p| key(p.1)).collect();
    ys.sort_unstable();
    ys.dedup();
    let row = |p: usize| ys.binary_search(&key(xy[p].1)).unwrap_or(0);
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); ys.len()];
    for p in 0..n {
        rows[row(p)].push(p);
    }
    for r in &mut rows {
        r.sort_by(|&a, &b| xy[a].0.total_cmp(&xy[b].0));
    }
    let mut pos = vec![0usize; n];
    for r in &rows {
        for (i, &p) in r.iter().enumerate() {
            pos[p] = i;
        }
    }
    let mut m = Metrics {
        people: n,
        ..Metrics::default()
    };
    let (lo, hi) = xy[..n].iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
        (lo.min(p.0), hi.max(p.0))
    });
    m.width = if n == 0 { 0.0 } else { (hi - lo) / symbol };
    // Segments per pair of rows: (port x, child x).
    let mut segs: Vec<Vec<(f64, f64)>> = vec![Vec::new(); rows.len()];
    let mut offsets: Vec<f64> = Vec::new();
    for c in 0..f.partners.len() {
        let ps: Vec<usize> = f.partners[c].iter().copied().filter(|&p| p < n).collect();
        if ps.len() == 2 && row(ps[0]) == row(ps[1]) {
            m.couples += 1;
            if pos[ps[0]].abs_diff(pos[ps[1]]) == 1 {
                m.adjacent += 1;
            }
        }
        let Some(prow) = ps.iter().map(|&p| row(p)).max() else {
            continue;
        };
        let port = ps.iter().map(|&p| xy[p].0).sum::<f64>() / ps.len() as f64;
        let kids: Vec<usize> = f.kids[c]
            .iter()
            .copied()
            .filter(|&k| k < n && row(k) == prow + 1)
            .collect();
        if kids.is_empty() {
            continue;
        }
        for &k in &kids {
            segs[prow].push((port, xy[k].0));
        }
        let (kl, kh) = kids.iter().fold((f64::MAX, f64::MIN), |(l, h), &k| {
            (l.min(xy[k].0), h.max(xy[k].0))
        });
        offsets.push((port - (kl + kh) / 2.0).abs() / symbol);
        for (i, &a) in kids.iter().enumerate() {
            for &b in &kids[i + 1..] {
                if let (Some(ba), Some(bb)) = (f.born[a], f.born[b]) {
                    let wrong = (ba.definitely_before(&bb) && xy[a].0 > xy[b].0)
                        || (bb.definitely_before(&ba) && xy[b].0 > xy[a].0);
                    m.inversions += usize::from(wrong);
                }
            }
        }
    }
    m.crossings = segs.iter_mut().map(|s| count_crossings(s)).sum();
    if !offsets.is_empty() {
        m.offset_mean = offsets.iter().sum::<f64>() / offsets.len() as f64;
        m.offset_max = offsets.iter().copied().fold(0.0, f64::max);
    }
    m
}

/// Pairs of segments (top x, bottom x) that cross strictly: one starts left of the other
/// and ends right of it. Segments from one port never count. O(s log s) with a Fenwick tree.
pub(super) fn count_crossings(segs: &mut [(f64, f64)]) -> u64 {
    segs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut bottoms: Vec<f64> = segs.iter().map(|s| s.1).collect();
    bottoms.sort_by(f64::total_cmp);
    bottoms.dedup();
    let rank = |v: f64| bottoms.partition_point(|&b| b < v);
    let mut tree = vec![0u64; bottoms.len() + 1];
    let mut inserted = 0u64;
    let mut total = 0u64;
    let mut i = 0;
    while i < segs.len() {
        let mut j = i;
        while j < segs.len() && segs[j].0 == segs[i].0 {
            j += 1;
        }
        // Earlier ports (strictly left) whose child is strictly right of this child.
        for s in &segs[i..j] {
            let r = rank(s.1) + 1;
            let mut at_most = 0u64;
            let mut k = r;
            while k > 0 {
                at_most += tree[k];
                k -= k & k.wrapping_neg();
            }
            total += inserted - at_most;
        }
        for s in &segs[i..j] {
            let mut k = rank(s.1) + 1;
            while k < tree.len() {
                tree[k] += 1;
                k += k & k.wrapping_neg();
            }
            inserted += 1;
        }
        i = j;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::count_crossings;

    #[test]
    fn crossings_count_strict_inversions_between_ports() {
        // Port 0 → 10 and port 5 → 2 cross; port 0 → 3 shares a port with the first.
        assert_eq!(
            count_crossings(&mut [(0.0, 10.0), (5.0, 2.0), (0.0, 3.0)]),
            2
        );
        assert_eq!(
            count_crossings(&mut [(0.0, 1.0), (1.0, 2.0), (2.0, 3.0)]),
            0
        );
        assert_eq!(
            count_crossings(&mut [(0.0, 3.0), (1.0, 2.0), (2.0, 1.0)]),
            3
        );
    }
}
