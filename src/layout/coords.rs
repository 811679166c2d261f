//! x positions.
//!
//! The objective (after kinship2's `alignped4`): each couple's line of descent over the
//! centre of its children, and the least width that keeps the gaps. Partners in a block
//! are glued at their least distance, so each row is a chain of rigid units with least
//! separations between them. Rows are solved one at a time, exactly, with every other row
//! fixed: minimising Σ w (x − target)² over a chain with least separations is isotonic
//! regression after shifting out the separations, solved by pool-adjacent-violators in
//! linear time. Sweeping down and up a fixed number of times is block-coordinate descent
//! on a convex objective, so each sweep can only improve it. Each separate family is
//! solved on its own and the families are then set side by side.

use super::LayoutOptions;
use super::blocks::Blocks;
use super::gather::Facts;
use super::order::Order;

/// Computes the x of every person's centre.
pub(super) fn place(f: &Facts, order: &Order, blocks: &Blocks, o: &LayoutOptions) -> Vec<f64> {
    let n = f.len();
    let mut x = vec![0.0; n];
    let home_of = |p: usize| order.home[blocks.of[p]];
    // The children each couple anchors that were placed under it, on the first row.
    let mut placed_kids: Vec<Vec<usize>> = vec![Vec::new(); f.partners.len()];
    let mut kid_of: Vec<Option<usize>> = vec![None; n];
    for (c, kids) in f.kids.iter().enumerate() {
        let Some(first_row) = kids.iter().map(|&k| f.row[k]).min() else {
            continue;
        };
        for &k in kids {
            if home_of(k) == Some(c) && f.primary[k] == Some(c) && f.row[k] == first_row {
                placed_kids[c].push(k);
                kid_of[k] = Some(c);
            }
        }
    }
    // Row segments of each separate family.
    let parts = order.part.iter().map(|p| p + 1).max().unwrap_or(0);
    let mut segments: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); parts];
    for (r, row) in order.rows.iter().enumerate() {
        let mut s = 0;
        while s < row.len() {
            let part = order.part[blocks.of[row[s]]];
            let mut e = s + 1;
            while e < row.len() && order.part[blocks.of[row[e]]] == part {
                e += 1;
            }
            segments[part].push((r, s, e));
            s = e;
        }
    }
    // The least distance from each person to the one before on the row (0 for the first),
    // and whether the two are glued; fixed for the whole solve.
    let seps: Vec<Vec<(f64, bool)>> = order
        .rows
        .iter()
        .map(|row| {
            (0..row.len())
                .map(|i| {
                    if i == 0 {
                        (0.0, false)
                    } else {
                        gap(f, order, blocks, row[i - 1], row[i], o)
                    }
                })
                .collect()
        })
        .collect();
    let mut solver = Solver::default();
    let mut offset = o.margin;
    for segs in &segments {
        // Least distance from each person to the next on the row, and whether it is glued.
        for &(r, s, e) in segs {
            let mut at = 0.0;
            for i in s..e {
                if i > s {
                    at += seps[r][i].0;
                }
                x[order.rows[r][i]] = at;
            }
        }
        let ctx = Ctx {
            f,
            placed_kids: &placed_kids,
            kid_of: &kid_of,
        };
        for _ in 0..o.sweeps {
            for &(r, s, e) in segs {
                solver.solve_row(&ctx, &order.rows[r][s..e], &seps[r][s..e], &mut x);
            }
            for &(r, s, e) in segs.iter().rev() {
                solver.solve_row(&ctx, &order.rows[r][s..e], &seps[r][s..e], &mut x);
            }
        }
        // Set this family to the right of the previous one.
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for &(r, s, e) in segs {
            for &p in &order.rows[r][s..e] {
                lo = lo.min(x[p] - f.half(p, o));
                hi = hi.max(x[p] + f.half(p, o));
            }
        }
        if lo.is_finite() {
            for &(r, s, e) in segs {
                for &p in &order.rows[r][s..e] {
                    x[p] += offset - lo;
                }
            }
            offset += hi - lo + o.component_gap;
        }
    }
    x
}

/// The least centre distance between two neighbours on a row, and whether they are glued
/// (members of one partner block).
pub(super) fn gap(
    f: &Facts,
    order: &Order,
    blocks: &Blocks,
    a: usize,
    b: usize,
    o: &LayoutOptions,
) -> (f64, bool) {
    let halves = f.half(a, o) + f.half(b, o);
    if blocks.of[a] == blocks.of[b] {
        return ((halves + o.partner_gap).max(o.partner_distance), true);
    }
    let (ha, hb) = (order.home[blocks.of[a]], order.home[blocks.of[b]]);
    let g = if ha.is_some() && ha == hb {
        o.sibling_gap
    } else {
        o.family_gap
    };
    (halves + g, false)
}

struct Ctx<'a> {
    f: &'a Facts,
    placed_kids: &'a [Vec<usize>],
    kid_of: &'a [Option<usize>],
}

impl Ctx<'_> {
    /// Where a couple's line of descent leaves: the middle of its partners.
    fn port(&self, c: usize, x: &[f64]) -> f64 {
        let ps = &self.f.partners[c];
        ps.iter().map(|&p| x[p]).sum::<f64>() / ps.len().max(1) as f64
    }

    /// The centre of the children placed under a couple.
    fn kids_centre(&self, c: usize, x: &[f64]) -> Option<f64> {
        let k = &self.placed_kids[c];
        Some((x[*k.first()?] + x[*k.last()?]) / 2.0)
    }
}

/// Reusable buffers of the row solver.
#[derive(Default)]
struct Solver {
    unit_target: Vec<f64>,
    unit_weight: Vec<f64>,
    unit_start: Vec<usize>,
    unit_shift: Vec<f64>,
    pools: Vec<(f64, f64, usize)>,
}

impl Solver {
    /// Solves one row exactly with the others fixed.
    fn solve_row(&mut self, ctx: &Ctx<'_>, row: &[usize], seps: &[(f64, bool)], x: &mut [f64]) {
        self.unit_target.clear();
        self.unit_weight.clear();
        self.unit_start.clear();
        self.unit_shift.clear();
        // Units: runs of glued people. `shift` is the least position of each unit's first
        // person if every gap were tight (the chain's cumulative separation).
        let mut cum = 0.0;
        let mut unit_cum = 0.0;
        for i in 0..row.len() {
            let p = row[i];
            let glued = i > 0 && {
                let (d, glued) = seps[i];
                cum += d;
                glued
            };
            if !glued {
                self.unit_start.push(i);
                self.unit_shift.push(cum);
                self.unit_target.push(0.0);
                self.unit_weight.push(0.0);
                unit_cum = cum;
            }
            let off = cum - unit_cum;
            let (w, t) = pulls(ctx, p, x);
            let u = self.unit_weight.len() - 1;
            // Target for the unit's first person, in chain-shifted coordinates.
            self.unit_target[u] += w * (t - off);
            self.unit_weight[u] += w;
        }
        for u in 0..self.unit_weight.len() {
            let first = row[self.unit_start[u]];
            // A unit nothing pulls keeps its place.
            let eps = 1e-6;
            self.unit_target[u] =
                (self.unit_target[u] + eps * x[first]) / (self.unit_weight[u] + eps);
            self.unit_weight[u] += eps;
            self.unit_target[u] -= self.unit_shift[u];
        }
        // Pool adjacent violators: non-decreasing shifted positions.
        self.pools.clear();
        for u in 0..self.unit_weight.len() {
            let mut pool = (
                self.unit_weight[u],
                self.unit_weight[u] * self.unit_target[u],
                1usize,
            );
            while let Some(&(w, wt, k)) = self.pools.last() {
                if wt / w > pool.1 / pool.0 {
                    self.pools.pop();
                    pool = (pool.0 + w, pool.1 + wt, pool.2 + k);
                } else {
                    break;
                }
            }
            self.pools.push(pool);
        }
        let mut u = 0;
        for &(w, wt, k) in &self.pools {
            let value = wt / w;
            for _ in 0..k {
                let base = value + self.unit_shift[u];
                let start = self.unit_start[u];
                let end = self.unit_start.get(u + 1).copied().unwrap_or(row.len());
                let mut at = base;
                for i in start..end {
                    if i > start {
                        at += seps[i].0;
                    }
                    x[row[i]] = at;
                }
                u += 1;
            }
        }
    }
}

/// What pulls a person: the couple above (a child to its place under the line of
/// descent) and the couples below (a parent over the centre of their children). Returns
/// the total weight and the weighted mean target.
fn pulls(ctx: &Ctx<'_>, p: usize, x: &[f64]) -> (f64, f64) {
    let mut w = 0.0;
    let mut wt = 0.0;
    if let Some(c) = ctx.kid_of[p]
        && let Some(centre) = ctx.kids_centre(c, x)
    {
        // The whole sibship shares one unit of weight, so big sibships move more easily.
        let k = ctx.placed_kids[c].len() as f64;
        let weight = 1.0 / k.sqrt();
        w += weight;
        wt += weight * (ctx.port(c, x) + (x[p] - centre));
    }
    for &c in &ctx.f.unions[p] {
        if let Some(centre) = ctx.kids_centre(c, x) {
            let weight = 1.0;
            w += weight;
            wt += weight * (centre + (x[p] - ctx.port(c, x)));
        }
    }
    if w > 0.0 { (w, wt / w) } else { (0.0, 0.0) }
}
