//! Layout: the family graph to positions of symbols and routed lines, independent of SVG.
//!
//! One entry, [`layout`], runs the stages in order, each in its own file:
//!
//! 1. `gather` — the facts the stages need, in arrays indexed by person and couple:
//!    the couple that anchors each child (the one that raised them), siblings in birth
//!    order with twins together, label sizes;
//! 2. `rows` — one row per generation, with the generation numbers of the report;
//! 3. `blocks` — partners on a row joined into blocks that stay together: a person with
//!    several partners in the middle, partners in date order on alternating sides;
//! 4. `order` — the order of blocks in each row: a depth-first walk from the founders
//!    that keeps every sibship together in birth order under its couple and puts families
//!    joined by marriage next to each other; then other orders, each drawn and kept when
//!    it crosses fewer lines (the founding lines, `sweep`'s crossing reduction, and in
//!    small families `shift`'s runs of blocks moved along their row);
//! 5. `coords` — x positions: row-by-row exact chain least squares (pool adjacent
//!    violators) that centres couples over their children and keeps the gaps;
//! 6. `route` — orthogonal lines: partner lines (raised over the symbols between when the
//!    partners cannot be adjacent), descent lines, sibship bars on tracks in each row gap,
//!    child lines, secondary (birth) links and relationships, all clear of symbols.
//!
//! [`verify`] checks the hard invariants (also run in debug builds) and [`metrics`]
//! computes the quality measures of `docs/layout.md` ("What is measured"). Every stage is
//! linear or `n log n` in the size of the family (the searches that draw other orders run
//! up to a size of family and within a budget of people drawn), and nothing iterates a
//! hash map.

mod blocks;
mod coords;
pub mod dot;
pub mod font;
mod font_widths;
mod gather;
pub mod labels;
pub mod metrics;
mod order;
mod route;
mod rows;
mod shift;
mod sweep;
mod types;
pub mod verify;

#[cfg(test)]
mod relationship_tests;

pub use labels::{Label, label};
pub use types::{Layout, Line, LineKind, PlacedPerson, Row};

use crate::graph::FamilyGraph;

/// Sizes and gaps of the drawing, in pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutOptions {
    /// Side of a symbol (square side, circle diameter). Default: 40.
    pub symbol: f64,
    /// Widest a label may be before it wraps, as a multiple of `symbol`. Default: 2.6.
    pub label_wrap: f64,
    /// Space between a symbol and the first label line. Default: 6.
    pub label_pad: f64,
    /// Least centre-to-centre distance of two adjacent partners. Default: 100 (2.5 S).
    pub partner_distance: f64,
    /// Least space between the label boxes of two partners. Default: 16.
    pub partner_gap: f64,
    /// Least space between the label boxes of two siblings. Default: 16.
    pub sibling_gap: f64,
    /// Least space between the boxes of people of different families. Default: 32.
    pub family_gap: f64,
    /// Space between two separate (unconnected) families. Default: 80.
    pub component_gap: f64,
    /// Least distance between two horizontal line tracks in a row gap. Default: 10.
    pub track_gap: f64,
    /// Least empty space for lines between the labels of a row and the next row.
    /// Default: 40.
    pub min_line_space: f64,
    /// How far each raised partner line sits above the row's symbols. Default: 8.
    pub raise_step: f64,
    /// Margin around the drawing. Default: 40.
    pub margin: f64,
    /// Sweeps of the coordinate stage (each one down and up). Default: 8.
    pub sweeps: usize,
    /// Make room for the note numbers `--notes` adds to names (`Ana Lima [3]`).
    /// Default: false.
    pub notes: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            symbol: 40.0,
            label_wrap: 2.6,
            label_pad: 6.0,
            partner_distance: 100.0,
            partner_gap: 16.0,
            sibling_gap: 16.0,
            family_gap: 32.0,
            component_gap: 80.0,
            track_gap: 10.0,
            min_line_space: 40.0,
            raise_step: 8.0,
            margin: 40.0,
            sweeps: 8,
            notes: false,
        }
    }
}

/// Families up to this many people try the order of crossing reduction beside the walk's.
const SWEEP_LIMIT: usize = 5_000;

/// Families up to this many people try other orders of their founding lines.
const FOUNDER_LIMIT: usize = 1_000;

/// Most other orders of the founding lines drawn for one family.
const FOUNDER_TRIES: usize = 64;

/// People drawn in all for other orders of the founding lines: a family of `n` people
/// tries at most `FOUNDER_BUDGET / n` orders, so the search costs at most about as much
/// as drawing 20,000 people (some 30 ms on the test machine).
const FOUNDER_BUDGET: usize = 20_000;

/// Families up to this many people try moving runs of blocks along their rows. Above it
/// the moves seldom pay for their drawings (each costs as much as drawing the family).
const SHIFT_LIMIT: usize = 300;

/// Most moved orders drawn for one family.
const SHIFT_TRIES: usize = 64;

/// People drawn in all for moved orders: a family of `n` people tries at most
/// `SHIFT_BUDGET / n` (33 at 300 people, about 20 ms on the test machine).
const SHIFT_BUDGET: usize = 10_000;

/// Lays out a family: one row per generation, partners side by side, children under
/// their own couple in birth order, lines routed clear of symbols.
///
/// The result is deterministic, and when every birth date is known it does not depend on
/// the order of the file. Everyone is drawn exactly once.
///
/// ```
/// let text = "people:\n  ana: {sex: female, born: 1950}\n  bo: {sex: male, born: 1948}\n  \
///             cy: {born: 1975}\ncouples:\n  - partners: [ana, bo]\n    children: [cy]\n";
/// let family = genogram::load_str("family.yaml", text).unwrap();
/// let layout = genogram::layout::layout(&family, &genogram::layout::LayoutOptions::default());
/// let x = |id: &str| layout.people.iter().find(|p| p.id == id).unwrap().x;
/// assert!(x("bo") < x("ana")); // the man on the left
/// assert_eq!(layout.rows.len(), 2);
/// ```
pub fn layout(graph: &FamilyGraph, options: &LayoutOptions) -> Layout {
    let facts = gather::gather(graph, options);
    let rows = rows::assign(&facts);
    let blocks = blocks::build(&facts, &rows);
    let walked = order::order(&facts, &rows, &blocks);
    let draw = |order: &order::Order| {
        let xs = coords::place(&facts, order, &blocks, options);
        route::route(graph, &facts, order, &xs, options)
    };
    let mut out = draw(&walked.order);
    // Above `SWEEP_LIMIT` people a second drawing would cost more time than the speed
    // targets leave, and the walk's order is kept.
    if facts.len() <= SWEEP_LIMIT {
        let crossed = |l: &Layout| metrics::drawn_crossings(&metrics::drawn_lines(graph, l));
        let mut best = crossed(&out);
        let mut order = walked.order.clone();
        // Other orders of the founding lines, each drawn and kept when its drawing crosses
        // fewer lines: which line goes left decides where the long lines between them run,
        // and no count short of the drawing foretells that well.
        // Never at the cost of more siblings out of birth order.
        let inverted = order::inversions(&facts, &order);
        let mut founders: Vec<(usize, usize)> = walked.founders().to_vec();
        let mut budget = if facts.len() <= FOUNDER_LIMIT {
            (FOUNDER_BUDGET / facts.len().max(1)).min(FOUNDER_TRIES)
        } else {
            0
        };
        'search: while best > 0 {
            let mut better = false;
            for i in 0..founders.len() {
                for j in 0..founders.len() {
                    if i == j || founders[i].1 != founders[j].1 {
                        continue;
                    }
                    if budget == 0 {
                        break 'search;
                    }
                    budget -= 1;
                    let mut moved = founders.clone();
                    let b = moved.remove(i);
                    moved.insert(j, b);
                    let roots: Vec<usize> = moved.iter().map(|r| r.0).collect();
                    let alt = walked.with_founders(&facts, &rows, &blocks, &roots);
                    if order::inversions(&facts, &alt) > inverted {
                        continue;
                    }
                    let other = draw(&alt);
                    let c = crossed(&other);
                    if c < best {
                        (best, out, order, founders) = (c, other, alt, moved);
                        better = true;
                    }
                }
            }
            if !better {
                break;
            }
        }
        // Crossing reduction proposes another order; it is kept only when its drawing
        // crosses fewer lines, which its own count (straight segments) does not always
        // foretell. (It moves whole sibships, so it puts no sibling out of order; the
        // few inversions it may bring are of a child who married out.)
        if let Some(alt) = order::swept(&facts, &blocks, &order) {
            let other = draw(&alt);
            let c = crossed(&other);
            if c < best {
                (best, out, order) = (c, other, alt);
            }
        }
        // Runs of blocks moved along their row (`shift`), within a budget like the
        // founding-order search's.
        if facts.len() <= SHIFT_LIMIT && best > 0 {
            let mut drawn = shift::Drawn {
                order,
                layout: out,
                crossings: best,
            };
            let budget = (SHIFT_BUDGET / facts.len().max(1)).min(SHIFT_TRIES);
            shift::improve(graph, &facts, &blocks, &mut drawn, budget, draw);
            out = drawn.layout;
        }
    }
    #[cfg(debug_assertions)]
    {
        let problems = verify::check(graph, &out, options);
        debug_assert!(
            std::env::var_os("GENO_NOCHECK").is_some() || problems.is_empty(),
            "layout invariants broken: {problems:?}"
        );
    }
    out
}

/// Rounds a coordinate for output: two decimals, never `-0`. Every number the layout hands
/// out goes through here, so output is byte-identical across runs and platforms.
pub fn round(v: f64) -> f64 {
    let r = (v * 100.0).round() / 100.0;
    if r == 0.0 || !r.is_finite() { 0.0 } else { r }
}
