//! Quality measures of a placement (docs/layout.md, "What is measured"), computed from person centres
//! only, so that the same code measures this engine and Graphviz `dot` alike:
//!
//! - **crossings** (M10a): pairs of straight segments from a couple's port (the middle of
//!   its partners) to each of its children on the next row that cross;
//! - **lines crossed** (M10): points where two drawn lines cross, for this engine its
//!   routed lines and for `dot` its own edges ([`drawn_crossings`]);
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
    /// Crossings of the drawn lines ([`drawn_crossings`]); 0 when the lines are unknown.
    pub lines_crossed: u64,
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

/// Measures a layout of this engine, its drawn lines included.
pub fn of_layout(g: &FamilyGraph, layout: &Layout) -> Metrics {
    let xy: Vec<(f64, f64)> = layout.people.iter().map(|p| (p.x, p.y)).collect();
    let mut m = measure(g, &xy, LayoutOptions::default().symbol);
    m.lines_crossed = drawn_crossings(&drawn_lines(g, layout));
    m
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
        let low: Vec<usize> = ps.iter().copied().filter(|&p| row(p) == prow).collect();
        let port = low.iter().map(|&p| xy[p].0).sum::<f64>() / low.len() as f64;
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

/// A drawn line for [`drawn_crossings`]: its points, and the people and couples it joins
/// (numbered: person `p` is `p`, couple `c` is `people + c`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DrawnLine {
    /// The polyline, in pixels.
    pub points: Vec<[f64; 2]>,
    /// The people and couples the line belongs to.
    pub ends: Vec<usize>,
}

/// The family lines of a layout of this engine as [`DrawnLine`]s: partner, descent,
/// sibship and child lines (secondary links included). Relationship lines are left out,
/// because Graphviz is given none, so both tools are measured on the same lines.
pub fn drawn_lines(g: &FamilyGraph, layout: &Layout) -> Vec<DrawnLine> {
    let n = g.person_count();
    let node = |name: &str| {
        g.find(name).map(|p| p.0).or_else(|| {
            let c: usize = name.strip_prefix("couple-")?.parse().ok()?;
            Some(n + c.checked_sub(1)?)
        })
    };
    layout
        .lines
        .iter()
        .filter(|l| l.kind != super::LineKind::Relationship)
        .map(|l| {
            let mut ends: Vec<usize> = [node(&l.from), node(&l.to)]
                .into_iter()
                .flatten()
                .chain(l.couple.map(|c| n + c.0))
                .collect();
            ends.sort_unstable();
            ends.dedup();
            DrawnLine {
                points: l.points.clone(),
                ends,
            }
        })
        .collect()
}

/// Geometric crossings of drawn lines: points where a segment of one line crosses a
/// segment of another in both their interiors. Two lines that share a person or a couple
/// never count (they meet by design), nor do lines that only touch or run along each
/// other. Each crossing point counts once. Segments are bucketed in a grid, and a crossing
/// is counted in the one cell that holds it, so the cost grows with the lines, not with
/// their square.
pub fn drawn_crossings(lines: &[DrawnLine]) -> u64 {
    let mut total = 0u64;
    each_crossing(lines, |_, _| total += 1);
    total
}

/// The pairs of lines (indices into `lines`) that cross, one pair per crossing point, as
/// [`drawn_crossings`] counts them, in a deterministic order.
pub fn crossing_pairs(lines: &[DrawnLine]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    each_crossing(lines, |a, b| pairs.push((a, b)));
    pairs
}

/// Calls `visit` with the two lines of every crossing point of [`drawn_crossings`].
fn each_crossing(lines: &[DrawnLine], mut visit: impl FnMut(usize, usize)) {
    // Segments: (line, x0, y0, x1, y1).
    let mut segs: Vec<(usize, [f64; 4])> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        for w in l.points.windows(2) {
            let s = [w[0][0], w[0][1], w[1][0], w[1][1]];
            if s.iter().all(|v| v.is_finite()) && (s[0] != s[2] || s[1] != s[3]) {
                segs.push((i, s));
            }
        }
    }
    if segs.is_empty() {
        return;
    }
    let (mut lx, mut ly) = (f64::MAX, f64::MAX);
    for (_, s) in &segs {
        lx = lx.min(s[0]).min(s[2]);
        ly = ly.min(s[1]).min(s[3]);
    }
    const CELL: f64 = 160.0;
    let cell = |v: f64, lo: f64| ((v - lo) / CELL).floor().max(0.0) as u64;
    // (cell key, segment), sorted by cell: each cell's segments are then one run.
    let mut entries: Vec<(u64, u32)> = Vec::new();
    for (k, (_, s)) in segs.iter().enumerate() {
        let (cx0, cx1) = (cell(s[0].min(s[2]), lx), cell(s[0].max(s[2]), lx));
        let (cy0, cy1) = (cell(s[1].min(s[3]), ly), cell(s[1].max(s[3]), ly));
        for cx in cx0..=cx1 {
            for cy in cy0..=cy1 {
                entries.push(((cx << 32) | cy, k as u32));
            }
        }
    }
    entries.sort_unstable();
    let shares = |a: usize, b: usize| {
        let (ea, eb) = (&lines[a].ends, &lines[b].ends);
        ea.iter().any(|e| eb.binary_search(e).is_ok())
    };
    let mut i = 0;
    while i < entries.len() {
        let key = entries[i].0;
        let mut j = i;
        while j < entries.len() && entries[j].0 == key {
            j += 1;
        }
        let run = &entries[i..j];
        for (a, &(_, sa)) in run.iter().enumerate() {
            let (la, pa) = segs[sa as usize];
            for &(_, sb) in &run[a + 1..] {
                let (lb, pb) = segs[sb as usize];
                if la == lb || shares(la, lb) {
                    continue;
                }
                if let Some((x, y)) = proper_crossing(pa, pb)
                    && (cell(x, lx) << 32 | cell(y, ly)) == key
                {
                    visit(la, lb);
                }
            }
        }
        i = j;
    }
}

/// Where two segments cross in both their interiors (not at an end, not along each other).
fn proper_crossing(a: [f64; 4], b: [f64; 4]) -> Option<(f64, f64)> {
    let orient = |p: [f64; 4], x: f64, y: f64| {
        let v = (p[2] - p[0]) * (y - p[1]) - (p[3] - p[1]) * (x - p[0]);
        // Below a hundredth of a pixel squared counts as touching.
        if v.abs() < 1e-2 { 0.0 } else { v.signum() }
    };
    let (d1, d2) = (orient(a, b[0], b[1]), orient(a, b[2], b[3]));
    let (d3, d4) = (orient(b, a[0], a[1]), orient(b, a[2], a[3]));
    if d1 * d2 >= 0.0 || d3 * d4 >= 0.0 {
        return None;
    }
    let (rx, ry) = (a[2] - a[0], a[3] - a[1]);
    let (sx, sy) = (b[2] - b[0], b[3] - b[1]);
    let t = ((b[0] - a[0]) * sy - (b[1] - a[1]) * sx) / (rx * sy - ry * sx);
    Some((a[0] + t * rx, a[1] + t * ry))
}

#[cfg(test)]
mod tests {
    use super::{DrawnLine, count_crossings, drawn_crossings};

    #[test]
    fn drawn_crossings_count_crossing_points_of_lines_that_share_nothing() {
        let line = |points: &[[f64; 2]], ends: &[usize]| DrawnLine {
            points: points.to_vec(),
            ends: ends.to_vec(),
        };
        // A bar from 0 to 100 at y 50, a drop at x 40 through it (crosses), a drop at x 0
        // ending on it (touches), one at x 60 sharing a couple (meets by design), and a
        // polyline that crosses the bar twice.
        let lines = [
            line(&[[0.0, 50.0], [100.0, 50.0]], &[7]),
            line(&[[40.0, 0.0], [40.0, 100.0]], &[1]),
            line(&[[0.0, 0.0], [0.0, 50.0]], &[2]),
            line(&[[60.0, 0.0], [60.0, 100.0]], &[3, 7]),
            line(
                &[[10.0, 0.0], [10.0, 90.0], [90.0, 90.0], [90.0, 0.0]],
                &[4],
            ),
        ];
        // Bar × x=40, bar × the polyline twice, x=40 and x=60 × the polyline's bottom.
        assert_eq!(drawn_crossings(&lines), 5);
        // Far apart in the grid: a crossing at (1000, 1000) counts once.
        let far = [
            line(&[[0.0, 1000.0], [2000.0, 1000.0]], &[1]),
            line(&[[1000.0, 0.0], [1000.0, 2000.0]], &[2]),
        ];
        assert_eq!(drawn_crossings(&far), 1);
    }

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
