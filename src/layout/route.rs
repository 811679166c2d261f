//! Lines, routed orthogonally and clear of symbols and label boxes, then the vertical
//! geometry of the rows.
//!
//! Horizontal segments run only at a symbol's mid-height between neighbours, just above a
//! row (raised partner lines), or on *tracks* in the empty band between the labels of one
//! row and the symbols of the next. Vertical segments run only in *free columns*: the
//! space between two neighbours' boxes, which the coordinate stage always leaves. Each
//! horizontal track segment asks for a slot in its gap, with the x of its vertical lines;
//! slots are given tracks longest first, each under the longer ones it would cross more
//! lines of above ([`stack_tracks`]), so no two overlapping segments share a height and
//! few lines cross. Raised partner lines take levels by interval partitioning. Only then are the rows' y known: each gap is as tall as its labels and
//! tracks need.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::gather::Facts;
use super::labels;
use super::order::Order;
use super::types::{Layout, Line, LineKind, PlacedPerson, Row};
use super::{LayoutOptions, round};
use crate::graph::{CoupleIx, FamilyGraph, PersonIx};
use crate::model::Link;

/// A y that is known only once the rows' heights are.
#[derive(Clone, Copy, Debug)]
enum Y {
    /// Row centre plus an offset.
    At(usize, f64),
    /// A slot on a track in the gap below a row.
    Track(usize, usize),
    /// A slot on a raised level just above a row's symbols.
    Raise(usize, usize),
}

type Pt = (f64, Y);

/// How a vertical line meets a row.
#[derive(Clone, Copy, PartialEq)]
enum Pass {
    /// It leaves a symbol low and goes down: it meets the label boxes beside it.
    Leave,
    /// It comes down from above into a symbol's side: it meets what is drawn at the
    /// symbols' height (symbols, badges) and the dates of the partner lines; the years
    /// above the symbols move under the names where it runs through them.
    Enter,
    /// It runs through the whole row: it meets the label boxes and the dates.
    Through,
}

/// How far a line passing through a row keeps from the middle of its free column.
const PASS: f64 = 6.0;

/// A line before its y values are known.
struct Draft {
    kind: LineKind,
    from: String,
    to: String,
    points: Vec<Pt>,
    couple: Option<usize>,
    child: Option<usize>,
    link: Option<Link>,
    relationship: Option<usize>,
    secondary: bool,
}

impl Draft {
    /// A line of `kind` from `from` to `to`, tied to no couple, child or relationship.
    fn new(kind: LineKind, from: String, to: String, points: Vec<Pt>) -> Draft {
        Draft {
            kind,
            from,
            to,
            points,
            couple: None,
            child: None,
            link: None,
            relationship: None,
            secondary: false,
        }
    }
}

/// Where a couple's line of descent starts.
struct Port {
    x: f64,
    y: Y,
    row: usize,
}

struct Router<'a> {
    f: &'a Facts,
    o: &'a LayoutOptions,
    rows: &'a [Vec<usize>],
    x: &'a [f64],
    pos: Vec<usize>,
    /// Slots of each gap: the horizontal segments, with their vertical lines.
    tracks: Vec<Vec<Slot>>,
    /// The couple whose lines are being routed (None for a relationship): lines of one
    /// couple meet by design, so their slots never weigh against each other.
    owner: Option<usize>,
    /// Slots of the raised levels of each row.
    raises: Vec<Vec<(f64, f64)>>,
    /// How far above each raised slot's line its dates reach (0 without dates), and how
    /// far below it its slashes reach (0 without), in the order of `raises`.
    raise_dates: Vec<Vec<(f64, f64)>>,
    /// The dates over adjacent partners on each row: their stretch, and how far above
    /// the symbols' top they reach (a raised line over them must pass above that).
    low_dates: Vec<Vec<(f64, f64, f64)>>,
    /// The x of every family (non-relationship) vertical line through or into each row,
    /// or down from it to the next row (child risers), so that relationship lines take
    /// other columns.
    busy: Vec<Vec<f64>>,
    /// The x of the relationship lines' verticals through each row so far.
    rel_busy: Vec<Vec<f64>>,
    /// The stretches of relationship lines at symbol height on each row so far:
    /// (left x, right x, height below the row's centre). Each new stretch takes a height
    /// where it meets none of them, so no two relationship lines share an end on a symbol
    /// or run along each other.
    levels: Vec<Vec<(f64, f64, f64, f64)>>,
    /// The x-intervals of each row that no vertical line from above may pass: where the
    /// dates of a partner line are written above it.
    dates: Vec<Vec<(f64, f64)>>,
    /// Half the width of the pattern of the relationship being routed (a fused band, a
    /// zigzag), which keeps that far, and a little more, from every text and symbol.
    band: f64,
}

/// Heights (in half symbols, below the centre) at which a relationship line may leave a
/// symbol's side, in order of preference: clear of the partner line at mid-height, in
/// the lower half first.
const LEVELS: [f64; 6] = [0.7, 0.35, -0.35, -0.7, 0.88, -0.88];

/// Heights for a relationship between two neighbours on a row: clear of the slashes and
/// dates on a partner line between them (which reach about 0.6 half symbols from it).
const NEIGHBOUR_LEVELS: [f64; 6] = [0.8, -0.8, 0.62, -0.62, 0.35, -0.35];

/// Heights for a relationship between two partners side by side: below their partner
/// line only, clear of its slashes (about 0.35 half symbols from it), for the union's
/// dates are written above it.
const PARTNER_LEVELS: [f64; 4] = [0.78, 0.55, 0.98, 0.42];

/// The least distance between two relationship lines' verticals in one row: the width of
/// the widest pattern (a fused or hostile band) and a little air.
const REL_APART: f64 = 12.0;

impl Router<'_> {
    fn half(&self, p: usize) -> f64 {
        self.f.half(p, self.o)
    }

    /// A height for a relationship's stretch from `x0` to `x1` at symbol height on row
    /// `r`, from `choices` (in half symbols), where it meets no other relationship's
    /// stretch; remembered.
    /// Both patterns keep their full width apart; above the centre, the stretch also
    /// keeps clear of the dates of a partner line. When no height is free, the one
    /// farthest from the others.
    fn level(&mut self, r: usize, x0: f64, x1: f64, choices: &[f64]) -> f64 {
        let s = self.o.symbol / 2.0;
        let band = self.band;
        let (lo, hi) = (x0.min(x1) - 2.0, x0.max(x1) + 2.0);
        let list = &self.levels[r];
        let dated = self.dates[r].iter().any(|&(a, b)| b >= lo && a <= hi);
        // How far the nearest other stretch is, less what both patterns need.
        let room = |dy: f64| {
            list.iter()
                .filter(|&&(a, b, _, _)| b >= lo && a <= hi)
                .map(|&(_, _, d, w)| (d - dy).abs() - (w + band + 1.0).max(0.18 * s))
                .fold(f64::MAX, f64::min)
        };
        let allowed = |dy: f64| !(dated && dy - band < 0.0);
        let dy = choices
            .iter()
            .map(|c| c * s)
            .find(|&dy| allowed(dy) && room(dy) >= 0.0)
            .unwrap_or_else(|| {
                choices
                    .iter()
                    .map(|c| c * s)
                    .filter(|&dy| allowed(dy))
                    .map(|dy| (room(dy), dy))
                    .fold(None, |best: Option<(f64, f64)>, c| match best {
                        Some(b) if b.0 >= c.0 => Some(b),
                        _ => Some(c),
                    })
                    .map_or(choices[0] * s, |b| b.1)
            });
        self.levels[r].push((lo, hi, dy, band));
        dy
    }

    /// Where a relationship line at `dy` below the centre meets `p`'s side: the edge of
    /// the symbol, or past the badges on the right when it runs at their height.
    fn side_x(&self, p: usize, right: bool, dy: f64) -> f64 {
        let s = self.o.symbol / 2.0;
        let badges = self.f.badges[p];
        if right && badges > 0.0 && dy + self.band + 1.0 >= s - super::labels::BADGE_HEIGHT {
            self.x[p] + badges + 2.0
        } else {
            self.x[p] + if right { s } else { -s }
        }
    }

    /// Asks for a slot in a gap for a horizontal segment from `a` to `b`, with the x of
    /// its vertical lines going up (to the row above) and down (to the row below).
    fn slot(&mut self, gap: usize, a: f64, b: f64, mut up: Vec<f64>, mut down: Vec<f64>) -> usize {
        up.sort_by(f64::total_cmp);
        down.sort_by(f64::total_cmp);
        let list = &mut self.tracks[gap];
        list.push(Slot {
            lo: a.min(b),
            hi: a.max(b),
            up,
            down,
            owner: self.owner,
        });
        list.len() - 1
    }

    /// A column for a relationship line through row `r` near the free column `mid`: off
    /// the middle, clear of every family line's vertical there and, when it can be, of
    /// the other relationship lines' columns.
    /// `above`: the line also comes down from the gap above the row, where the lines of
    /// descent of the row above run.
    fn rel_column(&mut self, r: usize, mid: f64, pass: Pass) -> f64 {
        let (_, c) = self.rel_column_scored(r, mid, pass);
        self.rel_busy[r].push(c);
        c
    }

    /// The column [`Router::rel_column`] would take, with its score: below 0 when it
    /// runs on another line.
    fn rel_column_scored(&self, r: usize, mid: f64, pass: Pass) -> (f64, f64) {
        let above = pass != Pass::Leave;
        // Every free x within two passes of the middle, scored by how clear it keeps of
        // the family lines (a few pixels are enough) and of the other relationship lines
        // (the width of a fused band); running on another line costs most. Near the
        // usual offset of a pass wins ties, so quiet columns look as before.
        let rows = if above && r > 0 {
            r - 1..r + 1
        } else {
            r..r + 1
        };
        let nearest = |list: &mut dyn Iterator<Item = &f64>, c: f64| {
            list.map(|&b| (b - c).abs()).fold(f64::MAX, f64::min)
        };
        let m = (self.band + 1.5).max(2.0);
        // `reach`: how far from `mid` to look, in half pixels; `strict`: never on
        // another line.
        let scan = |pass: Pass, dates: bool, penalty: f64, m: f64, reach: i32, strict: bool| {
            let mut best: Option<(f64, f64)> = None;
            for i in -reach..=reach {
                let d = f64::from(i) * 0.5;
                let c = mid + d;
                if !self.is_clear(r, c, m, pass, dates) {
                    continue;
                }
                let fam = nearest(&mut rows.clone().flat_map(|k| self.busy[k].iter()), c);
                // Verticals of the rows next to this one reach into the gaps beside it.
                let near_rows = r.saturating_sub(1)..(r + 2).min(self.rel_busy.len());
                let rel = nearest(&mut near_rows.flat_map(|k| self.rel_busy[k].iter()), c);
                let mut score = fam.min(6.0) / 6.0 + rel.min(REL_APART) / REL_APART
                    - 0.01 * (d.abs() - PASS).abs()
                    - 0.02 * (d.abs() - 2.0 * PASS).max(0.0)
                    - penalty;
                if fam < 4.0 || rel < 4.0 {
                    if strict {
                        continue;
                    }
                    score -= 10.0;
                }
                if best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, c));
                }
            }
            best
        };
        // Clear of the dates of the partner lines; failing that, beside the symbols
        // still (across dates rather than through a symbol); failing that, farther off.
        // Clear of the dates of the partner lines; a line through the row may go farther
        // off for that (its stretches between the rows are free); one that ends at a
        // symbol's side rather crosses the dates than a neighbour's symbol on its way.
        scan(pass, above, 0.0, m, 48, true)
            .or_else(|| {
                if pass == Pass::Through {
                    scan(pass, true, 1.0, m, 1000, true)
                } else {
                    None
                }
            })
            .or_else(|| scan(pass, false, 3.0, m, 48, true))
            .or_else(|| scan(pass, false, 4.0, 2.0, 48, true))
            .or_else(|| scan(pass, above, 10.0, m, 48, false))
            .unwrap_or_else(|| (-15.0, self.nearest_clear(r, mid, m, pass, false)))
    }

    /// Half the width a vertical line meeting the row as `pass` keeps clear of `q`.
    fn reach(&self, q: usize, pass: Pass) -> f64 {
        if pass == Pass::Enter {
            self.f.upper[q]
        } else {
            self.half(q)
        }
    }

    /// Whether a vertical line at `x` meeting row `r` as `pass` keeps `m` from what is
    /// drawn for the people there and, with `dates`, from the dates of the partner lines.
    fn is_clear(&self, r: usize, x: f64, m: f64, pass: Pass, dates: bool) -> bool {
        let row = &self.rows[r];
        let j = row.partition_point(|&q| self.x[q] + self.reach(q, pass) + m <= x);
        row.get(j)
            .is_none_or(|&q| self.x[q] - self.reach(q, pass) - m >= x)
            && (!dates || self.dates[r].iter().all(|&(a, b)| x <= a - m || x >= b + m))
    }

    /// The x nearest to `target` where a vertical line through row `r` is clear (see
    /// [`Router::is_clear`]), keeping off the middle of a wide free space by `PASS`.
    fn nearest_clear(&self, r: usize, target: f64, m: f64, pass: Pass, dates: bool) -> f64 {
        // The blocked intervals of the row, in order: boxes and dates, widened by `m`.
        let mut blocked: Vec<(f64, f64)> = self.rows[r]
            .iter()
            .map(|&q| {
                let h = self.reach(q, pass);
                (self.x[q] - h - m, self.x[q] + h + m)
            })
            .chain(
                self.dates[r]
                    .iter()
                    .filter(|_| dates)
                    .map(|&(a, b)| (a - m, b + m)),
            )
            .collect();
        blocked.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut best = (f64::MAX, target);
        let mut consider = |lo: f64, hi: f64| {
            if hi < lo {
                return;
            }
            let c = if hi - lo > 4.0 * PASS {
                target.clamp(lo + PASS, hi - PASS)
            } else {
                (lo + hi) / 2.0
            };
            if (c - target).abs() < best.0 {
                best = ((c - target).abs(), c);
            }
        };
        let mut start = f64::MIN;
        for &(a, b) in &blocked {
            if a > start {
                consider(
                    if start == f64::MIN {
                        a - 4.0 * PASS
                    } else {
                        start
                    },
                    a,
                );
            }
            start = start.max(b);
        }
        consider(start, start + 4.0 * PASS);
        best.1
    }

    /// For a relationship leaving `p` on one side: the free column there, or, when the
    /// free space is wide, a column close to `p`, so that its run at the symbol's height
    /// stays short and does not run along the lines to its neighbour.
    fn near_column(&self, p: usize, right: bool) -> f64 {
        let col = self.column_beside(p, right);
        let edge = self.x[p] + if right { 1.0 } else { -1.0 } * self.half(p);
        if (col - edge).abs() > 5.0 * PASS {
            edge + if right { 3.0 } else { -3.0 } * PASS
        } else {
            col
        }
    }

    /// The middle of the free space beside `p` on one side.
    fn column_beside(&self, p: usize, right: bool) -> f64 {
        let row = &self.rows[self.f.row[p]];
        let i = self.pos[p];
        let edge = |q: usize, right: bool| {
            if right {
                self.x[q] + self.half(q)
            } else {
                self.x[q] - self.half(q)
            }
        };
        let mine = edge(p, right);
        let other = if right {
            row.get(i + 1)
        } else {
            i.checked_sub(1).map(|j| &row[j])
        };
        match other {
            Some(&q) => (mine + edge(q, !right)) / 2.0,
            None => mine + if right { 1.0 } else { -1.0 } * self.o.sibling_gap / 2.0,
        }
    }

    /// Whether `p`'s neighbour on one side is a partner of `p` (a partner line is there).
    fn partner_beside(&self, p: usize, right: bool) -> bool {
        let row = &self.rows[self.f.row[p]];
        let i = self.pos[p];
        let q = if right {
            row.get(i + 1)
        } else {
            i.checked_sub(1).map(|j| &row[j])
        };
        q.is_some_and(|&q| self.f.couple_of(p, q, |_| true))
    }

    /// The free column of row `r` nearest to `target`.
    fn free_column(&self, r: usize, target: f64) -> f64 {
        let row = &self.rows[r];
        let margin = 4.0;
        let j = row.partition_point(|&q| self.x[q] + self.half(q) <= target);
        let Some(&q) = row.get(j) else {
            return target.max(
                row.last()
                    .map_or(target, |&q| self.x[q] + self.half(q) + margin),
            );
        };
        let left = self.x[q] - self.half(q);
        let prev = j.checked_sub(1).map(|i| self.x[row[i]] + self.half(row[i]));
        if target < left - margin && prev.is_none_or(|r| target > r + margin) {
            return target;
        }
        let before = self.column_beside(q, false);
        let after = self.column_beside(q, true);
        if (target - before).abs() <= (after - target).abs() {
            before
        } else {
            after
        }
    }

    /// From a free column on row `from` (at any height of that row) down to row `to`
    /// (below it), ending on the track above `to` at `end_x`. Returns the points after
    /// the start. Passing through a row, it keeps `shift` from the middle of the free
    /// column: family lines pass at `PASS`, relationship lines at `-PASS`, so neither runs
    /// on the other.
    fn descend(
        &mut self,
        start_x: f64,
        from: usize,
        to: usize,
        end_x: f64,
        shift: f64,
        out: &mut Vec<Pt>,
    ) {
        let mut cur = start_x;
        for k in from + 1..to {
            // Beside, not on, the column a couple's own line of descent would take.
            let next = self.free_column(k, end_x);
            let next = if shift < 0.0 {
                self.rel_column(k, next, Pass::Through)
            } else if self.is_clear(k, next + shift, 2.0, Pass::Through, true) {
                next + shift
            } else if self.is_clear(k, next, 2.0, Pass::Through, true) {
                next
            } else {
                self.nearest_clear(k, next, 2.0, Pass::Through, true)
            };
            if shift >= 0.0 {
                // Through the gap above, the row, and the gap below.
                self.busy[k].push(next);
                self.busy[k - 1].push(next);
            }
            let s = self.slot(k - 1, cur, next, vec![cur], vec![next]);
            out.push((cur, Y::Track(k - 1, s)));
            out.push((next, Y::Track(k - 1, s)));
            cur = next;
        }
        let s = self.slot(to - 1, cur, end_x, vec![cur], vec![end_x]);
        out.push((cur, Y::Track(to - 1, s)));
        out.push((end_x, Y::Track(to - 1, s)));
    }

    /// A line between two people that avoids every symbol: out of the side facing the
    /// other, through free columns and tracks, into the other's side, at `dy` below the
    /// centres. `shift` moves its vertical runs off the middle of the free columns, where
    /// lines of descent run (0 for a partner line, `-PASS` for a relationship).
    fn connect(&mut self, a: usize, b: usize, dy: f64, shift: f64) -> Vec<Pt> {
        let (a, b) = if (self.f.row[a], self.x[a]) <= (self.f.row[b], self.x[b]) {
            (a, b)
        } else {
            (b, a)
        };
        let (ra, rb) = (self.f.row[a], self.f.row[b]);
        let s = self.o.symbol / 2.0;
        let mut a_right = self.x[b] >= self.x[a];
        // Across rows, leave from the side where no partner line is drawn.
        if ra != rb && self.partner_beside(a, a_right) && !self.partner_beside(a, !a_right) {
            a_right = !a_right;
        }
        let (xa, xb) = (self.x[a], self.x[b]);
        if ra == rb && self.pos[b] == self.pos[a] + 1 {
            return vec![(xa + s, Y::At(ra, dy)), (xb - s, Y::At(rb, dy))];
        }
        let c1 = self.column_beside(a, a_right);
        let mut b_right = if ra == rb { false } else { c1 > xb };
        if shift < 0.0 {
            let enter = if ra != rb { Pass::Enter } else { Pass::Leave };
            let score = |rt: &Self, p: usize, right: bool, r: usize, pass: Pass| {
                rt.rel_column_scored(r, rt.near_column(p, right), pass).0
            };
            // A crowded side: the other side when it is less crowded.
            let (here, there) = (
                score(self, a, a_right, ra, Pass::Leave),
                score(self, a, !a_right, ra, Pass::Leave),
            );
            if here < 0.0 && there > here {
                a_right = !a_right;
            }
            let (here, there) = (
                score(self, b, b_right, rb, enter),
                score(self, b, !b_right, rb, enter),
            );
            if here < 0.0 && there > here {
                b_right = !b_right;
            }
        }
        let c1 = self.column_beside(a, a_right);
        let c2 = self.column_beside(b, b_right);
        let (c1, c2) = if shift < 0.0 {
            let n1 = self.near_column(a, a_right);
            let n2 = self.near_column(b, b_right);
            (
                self.rel_column(ra, n1, Pass::Leave),
                self.rel_column(rb, n2, if ra != rb { Pass::Enter } else { Pass::Leave }),
            )
        } else {
            self.busy[ra].push(c1);
            self.busy[rb].push(c2);
            if rb > ra {
                self.busy[rb - 1].push(c2);
            }
            (c1, c2)
        };
        let (dya, dyb) = if shift < 0.0 {
            let ea = xa + if a_right { s } else { -s };
            let eb = xb + if b_right { s } else { -s };
            (
                self.level(ra, ea, c1, &LEVELS),
                self.level(rb, c2, eb, &LEVELS),
            )
        } else {
            (dy, dy)
        };
        let (sa, sb) = if shift < 0.0 {
            (self.side_x(a, a_right, dya), self.side_x(b, b_right, dyb))
        } else {
            (
                xa + if a_right { s } else { -s },
                xb + if b_right { s } else { -s },
            )
        };
        let mut pts = vec![(sa, Y::At(ra, dya)), (c1, Y::At(ra, dya))];
        if ra == rb {
            let slot = self.slot(ra, c1, c2, vec![c1, c2], Vec::new());
            pts.push((c1, Y::Track(ra, slot)));
            pts.push((c2, Y::Track(ra, slot)));
        } else {
            self.descend(
                c1,
                ra,
                rb,
                c2,
                if shift < 0.0 { shift } else { PASS },
                &mut pts,
            );
        }
        pts.push((c2, Y::At(rb, dyb)));
        pts.push((sb, Y::At(rb, dyb)));
        pts
    }
}

/// Routes every line and computes the final geometry.
pub(super) fn route(
    g: &FamilyGraph,
    f: &Facts,
    order: &Order,
    x: &[f64],
    o: &LayoutOptions,
) -> Layout {
    let nrows = order.rows.len();
    let pos = super::order::positions(f, order);
    let mut rt = Router {
        f,
        o,
        rows: &order.rows,
        x,
        pos,
        tracks: vec![Vec::new(); nrows],
        owner: None,
        raises: vec![Vec::new(); nrows],
        raise_dates: vec![Vec::new(); nrows],
        low_dates: vec![Vec::new(); nrows],
        busy: vec![Vec::new(); nrows],
        rel_busy: vec![Vec::new(); nrows],
        levels: vec![Vec::new(); nrows],
        dates: vec![Vec::new(); nrows],
        band: 0.0,
    };
    let s = o.symbol / 2.0;
    let couple_name = |c: usize| format!("couple-{}", c + 1);
    let id = |p: usize| f.id[p].clone();
    let mut lines: Vec<Draft> = Vec::new();

    // Partner lines and ports.
    let mut ports: Vec<Option<Port>> = Vec::with_capacity(f.partners.len());
    for c in 0..f.partners.len() {
        let ps = &f.partners[c];
        let port = match ps.as_slice() {
            [p] => {
                // One known parent: the line of descent starts just under the parent's
                // own label, so it plainly belongs to them and crosses nothing beside.
                let p = *p;
                let r = f.row[p];
                Some(Port {
                    x: x[p],
                    y: Y::At(r, s + f.label_h[p] + 3.0),
                    row: r,
                })
            }
            [a, b] => {
                let (a, b) = if (f.row[*a], x[*a]) <= (f.row[*b], x[*b]) {
                    (*a, *b)
                } else {
                    (*b, *a)
                };
                let (ra, rb) = (f.row[a], f.row[b]);
                let dated = !labels::date_parts(g.couple(CoupleIx(c))).is_empty();
                if ra == rb && rt.pos[b] == rt.pos[a] + 1 {
                    if dated {
                        // Centred over the line (the drawing raises them over slashes
                        // rather than moving them aside).
                        let couple = g.couple(CoupleIx(c));
                        let dates = labels::date_lines(couple, x[b] - x[a] - 2.0 * s);
                        let w = dates.iter().map(|l| l.bbox()[2]).fold(0.0, f64::max);
                        let mid = (x[a] + x[b]) / 2.0;
                        rt.dates[ra].push((mid - w - 1.0, mid + w + 1.0));
                        // Lifted over slashes at most (the drawing lifts them only when
                        // the line is too short to move the slashes aside).
                        let lift = if labels::break_of(couple).slashes() > 0 {
                            labels::slash_lift(&dates, 2.0 * s)
                        } else {
                            0.0
                        };
                        let top = lift - dates.iter().map(|l| l.bbox()[1]).fold(0.0, f64::min);
                        rt.low_dates[ra].push((mid - w, mid + w, top - s));
                    }
                    lines.push(Draft {
                        couple: Some(c),
                        ..Draft::new(
                            LineKind::Partner,
                            id(a),
                            id(b),
                            vec![(x[a] + s, Y::At(ra, 0.0)), (x[b] - s, Y::At(rb, 0.0))],
                        )
                    });
                    // Midway, unless a wide label of one partner reaches past the
                    // middle: then in the space between their boxes.
                    let (lo, hi) = (x[a] + rt.half(a) + 2.0, x[b] - rt.half(b) - 2.0);
                    let mid = (x[a] + x[b]) / 2.0;
                    Some(Port {
                        x: if lo <= hi { mid.clamp(lo, hi) } else { mid },
                        y: Y::At(ra, 0.0),
                        row: ra,
                    })
                } else if ra == rb {
                    // Raised over the people between.
                    let mut top = 0.0;
                    let couple = g.couple(CoupleIx(c));
                    // Slashes lean across the line at 60°, 0.2 S each way from it
                    // (`render::lines::slash_d`).
                    let slashes = if labels::break_of(couple).slashes() > 0 {
                        0.2 * o.symbol * 0.866
                    } else {
                        0.0
                    };
                    if dated {
                        // Over the middle of the raised line; the widest the dates can be.
                        let w = labels::date_lines(couple, f64::MAX)
                            .iter()
                            .map(|l| l.bbox()[2])
                            .fold(0.0, f64::max);
                        let mid = (x[a] + x[b]) / 2.0;
                        rt.dates[ra].push((mid - w - 2.0, mid + w + 2.0));
                        // As high as they are drawn over the raised stretch.
                        top = -labels::date_lines(couple, x[b] - x[a])
                            .iter()
                            .map(|l| l.bbox()[1])
                            .fold(0.0, f64::min);
                    }
                    rt.raise_dates[ra].push((top, slashes));
                    let list = &mut rt.raises[ra];
                    list.push((x[a], x[b]));
                    let level = list.len() - 1;
                    let up = Y::Raise(ra, level);
                    lines.push(Draft {
                        couple: Some(c),
                        ..Draft::new(
                            LineKind::Partner,
                            id(a),
                            id(b),
                            vec![
                                (x[a], Y::At(ra, -s)),
                                (x[a], up),
                                (x[b], up),
                                (x[b], Y::At(rb, -s)),
                            ],
                        )
                    });
                    // The drop goes down the free column beside the far partner, unless
                    // another couple's line already hangs there.
                    let row = &order.rows[ra];
                    let pair_busy =
                        |i: usize| f.couple_of(row[i], row[i + 1], |u| !f.kids[u].is_empty());
                    let px = if pair_busy(rt.pos[b] - 1) && !pair_busy(rt.pos[a]) {
                        rt.column_beside(a, true)
                    } else {
                        rt.column_beside(b, false)
                    };
                    Some(Port {
                        x: px,
                        y: up,
                        row: ra,
                    })
                } else {
                    // Partners on different rows: a stepped line down to the lower one.
                    rt.owner = Some(c);
                    let pts = rt.connect(a, b, 0.0, 0.0);
                    let (px, _) = pts[pts.len() - 2];
                    lines.push(Draft {
                        couple: Some(c),
                        ..Draft::new(LineKind::Partner, id(a), id(b), pts)
                    });
                    Some(Port {
                        x: px,
                        y: Y::At(rb, 0.0),
                        row: rb,
                    })
                }
            }
            _ => None,
        };
        if let Some(port) = &port {
            rt.busy[port.row].push(port.x);
        }
        ports.push(port);
    }

    // Descent, sibship bars and child lines.
    for (c, port) in ports.iter().enumerate() {
        let Some(port) = port else { continue };
        let kids = &f.kids[c];
        if kids.is_empty() {
            continue;
        }
        let next_row = port.row + 1;
        let near: Vec<usize> = kids
            .iter()
            .copied()
            .filter(|&k| f.row[k] == next_row)
            .collect();
        let mut descent = vec![(port.x, port.y)];
        if !near.is_empty() {
            // Twins hang from one apex.
            let mut tops: Vec<(usize, f64)> = Vec::with_capacity(near.len());
            let mut i = 0;
            while i < near.len() {
                let mut j = i + 1;
                while j < near.len()
                    && f.twin[near[j]].is_some()
                    && f.twin[near[j]] == f.twin[near[i]]
                {
                    j += 1;
                }
                let apex = near[i..j].iter().map(|&k| x[k]).sum::<f64>() / (j - i) as f64;
                near[i..j].iter().for_each(|&k| tops.push((k, apex)));
                i = j;
            }
            let lo = tops.iter().map(|t| t.1).fold(port.x, f64::min);
            let hi = tops.iter().map(|t| t.1).fold(port.x, f64::max);
            let mut downs: Vec<f64> = tops.iter().map(|t| t.1).collect();
            downs.dedup();
            rt.owner = Some(c);
            let slot = rt.slot(port.row, lo, hi, vec![port.x], downs);
            let bar = Y::Track(port.row, slot);
            descent.push((port.x, bar));
            lines.push(Draft {
                couple: Some(c),
                ..Draft::new(LineKind::Descent, couple_name(c), couple_name(c), descent)
            });
            if hi > lo {
                let (first, last) = (near[0], near[near.len() - 1]);
                lines.push(Draft {
                    couple: Some(c),
                    ..Draft::new(
                        LineKind::Sibship,
                        id(first),
                        id(last),
                        vec![(lo, bar), (hi, bar)],
                    )
                });
            }
            for &(k, apex) in &tops {
                // The riser runs in the gap below the parents' row.
                rt.busy[port.row].push(x[k]);
                let link = child_link(g, c, k);
                lines.push(Draft {
                    couple: Some(c),
                    child: Some(k),
                    link: Some(link),
                    ..Draft::new(
                        LineKind::Child,
                        couple_name(c),
                        id(k),
                        vec![(apex, bar), (x[k], Y::At(next_row, -s))],
                    )
                });
            }
        } else {
            lines.push(Draft {
                couple: Some(c),
                ..Draft::new(LineKind::Descent, couple_name(c), couple_name(c), descent)
            });
        }
        let (px, py, prow) = (port.x, port.y, port.row);
        for &k in kids.iter().filter(|&&k| f.row[k] > next_row) {
            let mut pts = vec![(px, py)];
            rt.owner = Some(c);
            rt.descend(px, prow, f.row[k], x[k], PASS, &mut pts);
            pts.push((x[k], Y::At(f.row[k], -s)));
            rt.busy[f.row[k] - 1].push(x[k]);
            let link = child_link(g, c, k);
            lines.push(Draft {
                couple: Some(c),
                child: Some(k),
                link: Some(link),
                ..Draft::new(LineKind::Child, couple_name(c), id(k), pts)
            });
        }
    }
    // Secondary links: the couples that did not raise the child.
    for (k, links) in f.secondary.iter().enumerate() {
        for &(c, link) in links {
            let Some(port) = &ports[c] else { continue };
            if f.row[k] <= port.row {
                continue;
            }
            let end = x[k] + s / 2.0;
            let mut pts = vec![(port.x, port.y)];
            let (px, prow) = (port.x, port.row);
            rt.owner = Some(c);
            rt.descend(px, prow, f.row[k], end, PASS, &mut pts);
            pts.push((end, Y::At(f.row[k], -s)));
            rt.busy[f.row[k] - 1].push(end);
            lines.push(Draft {
                couple: Some(c),
                child: Some(k),
                link: Some(link),
                secondary: true,
                ..Draft::new(LineKind::Child, couple_name(c), id(k), pts)
            });
        }
    }
    // Emotional relationships, below the partner lines. Between two neighbours (partners
    // above all, whose partner line runs at mid-height) each relationship gets its own
    // lane in the lower half of the symbols, so none is read as the partner line.
    let rels: Vec<(usize, usize, usize)> = g
        .family()
        .relationships
        .iter()
        .enumerate()
        .filter_map(|(ri, rel)| {
            let (a, b) = (g.find(&rel.a.value)?.0, g.find(&rel.b.value)?.0);
            (a != b).then_some((ri, a, b))
        })
        .collect();
    let pair = |a: usize, b: usize| (a.min(b), a.max(b));
    let mut by_pair: std::collections::BTreeMap<(usize, usize), Vec<usize>> =
        std::collections::BTreeMap::new();
    for (i, &(_, a, b)) in rels.iter().enumerate() {
        by_pair.entry(pair(a, b)).or_default().push(i);
    }
    for &(ri, a, b) in &rels {
        rt.band = labels::relationship_band(g.relationship(ri).kind.value) * o.symbol;
        let adjacent = f.row[a] == f.row[b] && rt.pos[a].abs_diff(rt.pos[b]) == 1;
        let pts = if adjacent {
            // Straight across the gap between the two, on a height of its own.
            let (l, r) = if x[a] <= x[b] { (a, b) } else { (b, a) };
            let levels: &[f64] = if f.couple_of(l, r, |_| true) {
                &PARTNER_LEVELS
            } else {
                &NEIGHBOUR_LEVELS
            };
            let dy = rt.level(f.row[l], x[l] + s, x[r] - s, levels);
            vec![
                (rt.side_x(l, true, dy), Y::At(f.row[l], dy)),
                (x[r] - s, Y::At(f.row[r], dy)),
            ]
        } else {
            rt.owner = None;
            rt.connect(a, b, o.symbol * 0.35, -PASS)
        };
        // Keep the direction of the file: from `a` to `b`.
        let pts = if near_person(&pts[0], x[a], f.row[a], s) {
            pts
        } else {
            pts.into_iter().rev().collect()
        };
        lines.push(Draft {
            relationship: Some(ri),
            ..Draft::new(LineKind::Relationship, id(a), id(b), pts)
        });
    }

    // Tracks and raised levels, then the rows' heights.
    let track_of: Vec<Vec<usize>> = rt
        .tracks
        .iter()
        .map(|slots| stack_tracks(slots, 2.0))
        .collect();
    let raise_of: Vec<Vec<usize>> = rt
        .raises
        .iter()
        .map(|slots| partition(slots, 2.0))
        .collect();
    let count = |v: &Vec<usize>| v.iter().map(|t| t + 1).max().unwrap_or(0);
    let tracks_in: Vec<usize> = track_of.iter().map(count).collect();
    // How far above the row's symbols each raised level runs, and the room the levels
    // and the dates over them take (0 on a row without raised lines).
    let (raise_at, raises_h): (Vec<Vec<f64>>, Vec<f64>) = (0..nrows)
        .map(|r| {
            raise_heights(
                &rt.raises[r],
                &raise_of[r],
                &rt.raise_dates[r],
                &rt.low_dates[r],
                o,
            )
        })
        .unzip();
    let label_h: Vec<f64> = order
        .rows
        .iter()
        .map(|row| row.iter().map(|&p| f.label_h[p]).fold(0.0, f64::max))
        .collect();
    let mut row_y = vec![0.0; nrows];
    let mut band = vec![0.0; nrows];
    let mut y = o.margin;
    for r in 0..nrows {
        y += raises_h[r] + s;
        row_y[r] = y;
        band[r] = o
            .min_line_space
            .max((tracks_in[r] + 1) as f64 * o.track_gap);
        y += s + label_h[r] + band[r];
    }
    let height = if nrows == 0 {
        2.0 * o.margin
    } else {
        row_y[nrows - 1] + s + label_h[nrows - 1] + o.margin
    };
    let resolve = |y: Y| match y {
        Y::At(r, dy) => row_y[r] + dy,
        Y::Track(r, slot) => {
            let t = track_of[r][slot] as f64;
            let n = tracks_in[r] as f64;
            row_y[r] + s + label_h[r] + (t + 1.0) * band[r] / (n + 1.0)
        }
        Y::Raise(r, slot) => row_y[r] - s - raise_at[r][raise_of[r][slot]],
    };
    let mut width: f64 = 2.0 * o.margin;
    let people: Vec<PlacedPerson> = (0..f.len())
        .map(|p| {
            width = width.max(x[p] + f.half(p, o) + o.margin);
            PlacedPerson {
                person: PersonIx(p),
                id: f.id[p].clone(),
                x: round(x[p]),
                y: round(row_y[f.row[p]]),
                width: round(o.symbol),
                height: round(o.symbol),
                generation: f.row[p] as u32 + 1,
                label_width: round(f.label_w[p]),
                label_height: round(f.label_h[p]),
                bbox: {
                    let [x0, y0, x1, y1] = f.bbox[p];
                    let (cx, cy) = (x[p], row_y[f.row[p]]);
                    [
                        round(cx + x0),
                        round(cy + y0),
                        round(cx + x1),
                        round(cy + y1),
                    ]
                },
            }
        })
        .collect();
    let lines: Vec<Line> = lines
        .into_iter()
        .map(
            |Draft {
                 kind,
                 from,
                 to,
                 points: pts,
                 couple,
                 child,
                 link,
                 relationship,
                 secondary,
             }| {
                let mut points: Vec<[f64; 2]> = Vec::with_capacity(pts.len());
                for (px, py) in pts {
                    let pt = [round(px), round(resolve(py))];
                    // Drop repeated points (a zero-length step).
                    if points.last() != Some(&pt) {
                        points.push(pt);
                    }
                }
                if points.len() == 1 {
                    points.push(points[0]);
                }
                Line {
                    kind,
                    from,
                    to,
                    points,
                    couple: couple.map(CoupleIx),
                    child: child.map(PersonIx),
                    link,
                    relationship,
                    secondary,
                }
            },
        )
        .collect();
    let rows = (0..nrows)
        .map(|r| Row {
            generation: r as u32 + 1,
            y: round(row_y[r]),
        })
        .collect();
    Layout {
        width: round(width),
        height: round(height),
        people,
        lines,
        rows,
        options: o.clone(),
    }
}

fn near_person(pt: &Pt, x: f64, row: usize, s: f64) -> bool {
    // Within the symbol and its badges.
    matches!(pt.1, Y::At(r, _) if r == row) && (pt.0 - x).abs() <= 3.0 * s
}

fn child_link(g: &FamilyGraph, c: usize, k: usize) -> Link {
    g.parent_couples(PersonIx(k))
        .iter()
        .find(|(cc, _)| cc.0 == c)
        .map_or(Link::Biological, |(_, l)| *l)
}

/// The heights of a row's raised levels above its symbols' top, and the room they take
/// with the dates over the top one. The lowest level runs `raise_step` up, or higher
/// when the dates over adjacent partners under it reach higher; each level runs
/// `raise_step` above the one below and above the dates written over it, so no raised
/// line strikes through another's dates.
fn raise_heights(
    slots: &[(f64, f64)],
    level: &[usize],
    dates: &[(f64, f64)],
    low: &[(f64, f64, f64)],
    o: &LayoutOptions,
) -> (Vec<f64>, f64) {
    let levels = level.iter().map(|l| l + 1).max().unwrap_or(0);
    if levels == 0 {
        return (Vec::new(), 0.0);
    }
    let mut over = vec![0.0f64; levels];
    for (i, &l) in level.iter().enumerate() {
        over[l] = over[l].max(dates[i].0);
    }
    // Clear of the dates under a raised line, its slashes too.
    let under = low
        .iter()
        .flat_map(|&(a, b, top)| {
            slots
                .iter()
                .zip(dates)
                .filter(move |&(&(lo, hi), _)| a < hi && b > lo)
                .map(move |(_, &(_, slashes))| top + 2.0 + slashes)
        })
        .fold(0.0, f64::max);
    let mut at = Vec::with_capacity(levels);
    let mut y = o.raise_step.max(under);
    for h in &over {
        at.push(y);
        y += h + o.raise_step;
    }
    (at, y - o.raise_step)
}

/// Interval partitioning: the track of each slot, so that slots closer than `clear`
/// never share a track; the fewest tracks possible.
fn partition(slots: &[(f64, f64)], clear: f64) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..slots.len()).collect();
    // By left end, then right end, so that the tracks do not depend on the order of the
    // file when two slots start together.
    idx.sort_by(|&a, &b| {
        slots[a]
            .0
            .total_cmp(&slots[b].0)
            .then(slots[a].1.total_cmp(&slots[b].1))
            .then(a.cmp(&b))
    });
    let mut out = vec![0; slots.len()];
    // Busy tracks by the end of their last slot; free tracks by number.
    let mut busy: BinaryHeap<Reverse<(Key, usize)>> = BinaryHeap::new();
    let mut free: BinaryHeap<Reverse<usize>> = BinaryHeap::new();
    let mut tracks = 0;
    for i in idx {
        let (lo, hi) = slots[i];
        while let Some(Reverse((Key(end), t))) = busy.peek().copied() {
            if end + clear < lo {
                busy.pop();
                free.push(Reverse(t));
            } else {
                break;
            }
        }
        let t = free.pop().map_or_else(
            || {
                tracks += 1;
                tracks - 1
            },
            |Reverse(t)| t,
        );
        out[i] = t;
        busy.push(Reverse((Key(hi), t)));
    }
    out
}

/// Most slots in one gap for which [`stack_tracks`] weighs crossings.
const STACK_LIMIT: usize = 1_500;

/// A horizontal segment in a row gap, waiting for its track.
#[derive(Clone, Debug)]
struct Slot {
    lo: f64,
    hi: f64,
    /// The x of its vertical lines going up to the row above, sorted.
    up: Vec<f64>,
    /// The x of its vertical lines going down to the row below, sorted.
    down: Vec<f64>,
    /// The couple it belongs to.
    owner: Option<usize>,
}

impl Slot {
    /// How many lines cross when `self` runs above `other`: its lines going down within
    /// `other`'s span, and `other`'s lines going up within its own.
    fn cost_above(&self, other: &Slot) -> usize {
        let inside = |xs: &[f64], lo: f64, hi: f64| {
            // Strictly inside; none when the span has no width.
            xs.partition_point(|&x| x < hi)
                .saturating_sub(xs.partition_point(|&x| x <= lo))
        };
        inside(&self.down, other.lo, other.hi) + inside(&other.up, self.lo, self.hi)
    }
}

/// The tracks of a row gap (track 0 on top), so that slots closer than `clear` never
/// share a track and few lines cross. Of two overlapping slots, the one whose lines cross
/// fewer of the other's when it runs above goes above: a family's bar under a long line
/// that passes over it crosses it once, with its line of descent, while above it every
/// child line going down would cross it; and a short bar whose line of descent comes down
/// inside a longer bar, but whose children stand outside it, goes above that bar.
/// Slots are placed in an order that puts every slot after those that should run above
/// it (longest first among the free ones; a cycle of such wishes is broken at its longest
/// slot), each on the highest track where it overlaps nothing and lies below them.
/// Otherwise slots fill the tracks as tightly as they can.
fn stack_tracks(slots: &[Slot], clear: f64) -> Vec<usize> {
    use std::collections::BTreeMap;
    // Each slot looks at the slots it overlaps; in a gap of thousands of lines that grows
    // with their square, so such a gap keeps the fewest tracks instead.
    if slots.len() > STACK_LIMIT {
        let spans: Vec<(f64, f64)> = slots.iter().map(|s| (s.lo, s.hi)).collect();
        return partition(&spans, clear);
    }
    let n = slots.len();
    // Longest first, then leftmost: the order among slots no wish constrains.
    let mut by_length: Vec<usize> = (0..n).collect();
    by_length.sort_by(|&a, &b| {
        let (sa, sb) = (&slots[a], &slots[b]);
        (sb.hi - sb.lo)
            .total_cmp(&(sa.hi - sa.lo))
            .then(sa.lo.total_cmp(&sb.lo))
            .then(a.cmp(&b))
    });
    let mut rank = vec![0usize; n];
    for (r, &i) in by_length.iter().enumerate() {
        rank[i] = r;
    }
    // Wishes between overlapping slots of different couples: `above[a]` holds the slots
    // that should run above `a`, `under[a]` those that should run below it.
    let mut above: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut under: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut by_lo: Vec<usize> = (0..n).collect();
    by_lo.sort_by(|&a, &b| slots[a].lo.total_cmp(&slots[b].lo).then(a.cmp(&b)));
    for (k, &a) in by_lo.iter().enumerate() {
        let sa = &slots[a];
        for &b in &by_lo[k + 1..] {
            let sb = &slots[b];
            if sb.lo > sa.hi + clear {
                break;
            }
            if sa.owner.is_some() && sa.owner == sb.owner {
                continue;
            }
            let (ab, ba) = (sa.cost_above(sb), sb.cost_above(sa));
            let (top, bottom) = match ab.cmp(&ba) {
                std::cmp::Ordering::Less => (a, b),
                std::cmp::Ordering::Greater => (b, a),
                std::cmp::Ordering::Equal => continue,
            };
            above[bottom].push(top);
            under[top].push(bottom);
        }
    }
    // Kahn's order, longest first among the slots whose wishes are met.
    let mut waiting: Vec<usize> = above.iter().map(Vec::len).collect();
    let mut ready: BinaryHeap<Reverse<usize>> = (0..n)
        .filter(|&i| waiting[i] == 0)
        .map(|i| Reverse(rank[i]))
        .collect();
    let mut done = vec![false; n];
    let mut next_longest = 0;
    let mut out = vec![0; n];
    // The slots on each track by left end (they do not overlap, so their right ends are
    // in order too): left end → (right end, slot).
    let mut tracks: Vec<BTreeMap<Key, (f64, usize)>> = Vec::new();
    for _ in 0..n {
        let i = loop {
            match ready.pop() {
                Some(Reverse(r)) if !done[by_length[r]] => break by_length[r],
                Some(_) => {}
                None => {
                    // A cycle of wishes: its longest slot goes first.
                    while done[by_length[next_longest]] {
                        next_longest += 1;
                    }
                    break by_length[next_longest];
                }
            }
        };
        done[i] = true;
        for &j in &under[i] {
            waiting[j] -= 1;
            if waiting[j] == 0 && !done[j] {
                ready.push(Reverse(rank[j]));
            }
        }
        let s = &slots[i];
        let (lo, hi) = (s.lo - clear, s.hi + clear);
        // Below every placed slot that should run above it.
        let least = above[i]
            .iter()
            .filter(|&&j| done[j])
            .map(|&j| out[j] + 1)
            .max()
            .unwrap_or(0);
        let fits = |track: &BTreeMap<Key, (f64, usize)>| {
            track
                .range(..=Key(hi))
                .next_back()
                .is_none_or(|(_, &(end, _))| end < lo)
        };
        let t = match (least..tracks.len()).find(|&t| fits(&tracks[t])) {
            Some(t) => t,
            None => {
                tracks.push(BTreeMap::new());
                tracks.len() - 1
            }
        };
        tracks[t].insert(Key(s.lo), (s.hi, i));
        out[i] = t;
    }
    out
}

/// A total order on f64 for the heap.
#[derive(Clone, Copy, PartialEq)]
struct Key(f64);
impl Eq for Key {}
impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Key {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::{Slot, partition, stack_tracks};

    fn slot(lo: f64, hi: f64, up: &[f64], down: &[f64], owner: usize) -> Slot {
        Slot {
            lo,
            hi,
            up: up.to_vec(),
            down: down.to_vec(),
            owner: Some(owner),
        }
    }

    #[test]
    fn a_family_bar_lies_under_a_long_line_that_passes_over_it() {
        // A child line from a couple far left to a child far right, and a family of three
        // children in between: under the long line the family's bar crosses it once (its
        // line of descent); above it, its three child lines would.
        let slots = [
            slot(400.0, 600.0, &[500.0], &[400.0, 500.0, 600.0], 2),
            slot(0.0, 1000.0, &[0.0], &[1000.0], 1),
            slot(1200.0, 1300.0, &[1250.0], &[1200.0, 1300.0], 3),
        ];
        let t = stack_tracks(&slots, 2.0);
        assert!(t[0] > t[1], "{t:?}");
        // Apart from everything, a bar takes the top track.
        assert_eq!(t[2], 0);
    }

    #[test]
    fn bars_that_only_overlap_share_the_tracks_tightly() {
        let slots: Vec<Slot> = (0..6)
            .map(|i| {
                let lo = 100.0 * i as f64;
                slot(lo, lo + 150.0, &[lo + 75.0], &[lo, lo + 150.0], i)
            })
            .collect();
        let t = stack_tracks(&slots, 2.0);
        for i in 1..6 {
            assert_ne!(t[i], t[i - 1]);
        }
        assert_eq!(t.iter().max(), Some(&1), "{t:?}");
    }

    #[test]
    fn overlapping_bars_get_different_tracks_and_the_fewest_tracks() {
        let t = partition(
            &[(0.0, 100.0), (50.0, 150.0), (120.0, 200.0), (300.0, 400.0)],
            2.0,
        );
        assert_ne!(t[0], t[1]);
        assert_ne!(t[1], t[2]);
        assert_eq!(t[0], t[2]);
        assert_eq!(t[3], 0);
        assert_eq!(t.iter().max(), Some(&1));
    }
}
