//! Where the years go: above the symbol (McGoldrick's place for them) unless a line of the
//! drawing runs through that place for some person of the row; then the whole row writes
//! its years under the names, so that one row reads one way.
//!
//! A row of a large family holds tens of thousands of people and as many line segments
//! near it; each person is checked only against the segments that reach across the x
//! range of their years, found through an index of the segments by x.

use std::collections::BTreeMap;

use crate::layout::PlacedPerson;
use crate::model::PersonKind;

use super::Ctx;
use super::symbols::push_year;
use super::text;

/// A line segment of the drawing.
type Segment = ([f64; 2], [f64; 2]);

/// Coordinates at least this large (or not finite) are never left out by the index: the
/// proof that a segment more than a pixel away cannot hit a box assumes rounding errors
/// far below a pixel.
const FAR: f64 = 1e12;

/// The rows (by the exact y of their centres) where some person's years would have a
/// line running through them above the symbol: there, every person's years go under
/// the name instead, so that one row reads one way.
pub fn rows_with_years_below(ctx: &Ctx) -> Vec<u64> {
    let segments: Vec<Segment> = ctx
        .layout
        .lines
        .iter()
        .flat_map(|l| l.points.windows(2).map(|w| (w[0], w[1])))
        .collect();
    // The rows in order of first appearance, each with its people.
    let mut row_of: BTreeMap<u64, usize> = BTreeMap::new();
    let mut rows: Vec<(u64, Vec<&PlacedPerson>)> = Vec::new();
    for pp in &ctx.layout.people {
        let bits = pp.y.to_bits();
        let i = *row_of.entry(bits).or_insert_with(|| {
            rows.push((bits, Vec::new()));
            rows.len() - 1
        });
        rows[i].1.push(pp);
    }
    let mut scratch = String::new();
    let mut below = Vec::new();
    for (bits, members) in rows {
        let r_max = members
            .iter()
            .map(|pp| pp.width.min(pp.height).max(8.0) / 2.0)
            .fold(0.0, f64::max);
        let y = f64::from_bits(bits);
        let (band_top, band_bottom) = (y - r_max - 16.0, y);
        let near: Vec<Segment> = segments
            .iter()
            .copied()
            .filter(|(a, b)| a[1].max(b[1]) >= band_top && a[1].min(b[1]) <= band_bottom)
            .collect();
        let index = ByX::new(&near);
        let hit = members.iter().any(|pp| {
            let Some(person) = ctx.graph.family().people.get(pp.person.0) else {
                return false;
            };
            let r = pp.width.min(pp.height).max(8.0) / 2.0;
            !years_fit_above(&index, pp, r, person, &mut scratch)
        });
        if hit {
            below.push(bits);
        }
    }
    below
}

/// Whether the person's years fit above the symbol without any of the indexed segments
/// running through them: birth as `1927–` left of the centre, death right of it, as
/// `symbols::years_above` writes them.
fn years_fit_above(
    index: &ByX,
    pp: &PlacedPerson,
    r: f64,
    person: &crate::model::Person,
    scratch: &mut String,
) -> bool {
    let is_person = person.kind == PersonKind::Person;
    let mut width = |d: &crate::model::PartialDate, dash: bool| {
        scratch.clear();
        push_year(scratch, d);
        if dash {
            scratch.push('–');
        }
        text::width(scratch, text::SMALL_SIZE, text::Face::Regular)
    };
    let base = pp.y - r - 6.0;
    let (top, bottom) = (base - 9.0, base + 2.0);
    let mut boxes: [Option<(f64, f64)>; 2] = [None, None];
    if let Some(b) = &person.born {
        boxes[0] = Some((pp.x - 2.0 - width(&b.value, is_person), pp.x - 2.0));
    }
    if let Some(d) = person.died.as_ref().filter(|_| is_person) {
        boxes[1] = Some((pp.x + 2.0, pp.x + 2.0 + width(&d.value, false)));
    }
    let boxes = boxes.iter().flatten();
    let (Some(lo), Some(hi)) = (
        boxes.clone().map(|b| b.0).reduce(f64::min),
        boxes.clone().map(|b| b.1).reduce(f64::max),
    ) else {
        return true;
    };
    !index.candidates(lo, hi).any(|&(a, b)| {
        boxes
            .clone()
            .any(|&(x0, x1)| segment_hits_box(a, b, x0, x1, top, bottom))
    })
}

/// Segments by x: buckets of equal width over the x range of the segments. A segment more
/// than a pixel left or right of a box cannot pass through it (`segment_hits_box` clips x
/// first and rejects it whatever the rounding), so only the buckets the box's x range
/// reaches, widened by a pixel, need checking.
struct ByX<'a> {
    segments: &'a [Segment],
    /// Segments checked for every box: too wide for the buckets, or with coordinates the
    /// index does not trust (see [`FAR`]).
    always: Vec<usize>,
    /// The x of the left edge of the first bucket, and the width of a bucket.
    lo: f64,
    width: f64,
    buckets: Vec<Vec<usize>>,
}

/// A segment wider than this many buckets is checked for every box instead.
const WIDE: usize = 1024;

impl<'a> ByX<'a> {
    fn new(segments: &'a [Segment]) -> Self {
        let trusted = |(a, b): &Segment| [a[0], a[1], b[0], b[1]].iter().all(|v| v.abs() < FAR);
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for s in segments.iter().filter(|s| trusted(s)) {
            lo = lo.min(s.0[0].min(s.1[0]));
            hi = hi.max(s.0[0].max(s.1[0]));
        }
        let count = segments.len().clamp(1, 1 << 16);
        let width = if hi > lo {
            ((hi - lo) / count as f64).max(1.0)
        } else {
            1.0
        };
        let mut index = ByX {
            segments,
            always: Vec::new(),
            lo: if lo.is_finite() { lo } else { 0.0 },
            width,
            buckets: vec![Vec::new(); count],
        };
        for (i, s) in segments.iter().enumerate() {
            if !trusted(s) {
                index.always.push(i);
                continue;
            }
            let (first, last) = (
                index.bucket(s.0[0].min(s.1[0])),
                index.bucket(s.0[0].max(s.1[0])),
            );
            if last - first >= WIDE {
                index.always.push(i);
            } else {
                for b in &mut index.buckets[first..=last] {
                    b.push(i);
                }
            }
        }
        index
    }

    /// The bucket of `x`, clamped to the buckets there are.
    fn bucket(&self, x: f64) -> usize {
        let b = ((x - self.lo) / self.width).floor();
        if b > 0.0 {
            (b as usize).min(self.buckets.len() - 1)
        } else {
            0
        }
    }

    /// Every segment that could pass through a box between `x0` and `x1` (some more than
    /// once); every segment when the box is not trusted.
    fn candidates(&self, x0: f64, x1: f64) -> Box<dyn Iterator<Item = &'a Segment> + '_> {
        if !(x0.abs() < FAR && x1.abs() < FAR) {
            return Box::new(self.segments.iter());
        }
        let (first, last) = (self.bucket(x0 - 1.0), self.bucket(x1 + 1.0));
        Box::new(
            self.always
                .iter()
                .chain(self.buckets[first..=last].iter().flatten())
                .map(|&i| &self.segments[i]),
        )
    }
}

/// Whether the segment from `a` to `b` passes through the box (Liang–Barsky clipping).
fn segment_hits_box(a: [f64; 2], b: [f64; 2], x0: f64, x1: f64, y0: f64, y1: f64) -> bool {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a[0] - x0),
        (dx, x1 - a[0]),
        (-dy, a[1] - y0),
        (dy, y1 - a[1]),
    ] {
        if p.abs() < 1e-12 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::labels::year;
    use crate::model::{Person, PersonKind};
    use crate::render::{Ctx, RenderOptions};

    /// The years written above the symbol: birth (`1927–`) and death (`1999`).
    fn year_texts(person: &Person) -> (Option<String>, Option<String>) {
        let born = person.born.as_ref().map(|b| {
            if person.kind == PersonKind::Person {
                format!("{}–", year(&b.value))
            } else {
                year(&b.value)
            }
        });
        let died = person
            .died
            .as_ref()
            .filter(|_| person.kind == PersonKind::Person)
            .map(|d| year(&d.value));
        (born, died)
    }

    /// The rows with their years below, by checking every segment near the row against
    /// every person of the row: what the index must give.
    fn rows_by_scan(ctx: &Ctx) -> Vec<u64> {
        let segments: Vec<([f64; 2], [f64; 2])> = ctx
            .layout
            .lines
            .iter()
            .flat_map(|l| l.points.windows(2).map(|w| (w[0], w[1])))
            .collect();
        // Row by row (in order of first appearance), with only the segments that reach the
        // band of the row's years: rows × lines + people, not people × lines.
        let mut row_ys: Vec<u64> = Vec::new();
        for pp in &ctx.layout.people {
            if !row_ys.contains(&pp.y.to_bits()) {
                row_ys.push(pp.y.to_bits());
            }
        }
        let mut rows = Vec::new();
        for bits in row_ys {
            let members: Vec<&PlacedPerson> = ctx
                .layout
                .people
                .iter()
                .filter(|pp| pp.y.to_bits() == bits)
                .collect();
            let r_max = members
                .iter()
                .map(|pp| pp.width.min(pp.height).max(8.0) / 2.0)
                .fold(0.0, f64::max);
            let y = f64::from_bits(bits);
            let (band_top, band_bottom) = (y - r_max - 16.0, y);
            let near: Vec<([f64; 2], [f64; 2])> = segments
                .iter()
                .copied()
                .filter(|(a, b)| a[1].max(b[1]) >= band_top && a[1].min(b[1]) <= band_bottom)
                .collect();
            let hit = members.iter().any(|pp| {
                let Some(person) = ctx.graph.family().people.get(pp.person.0) else {
                    return false;
                };
                let r = pp.width.min(pp.height).max(8.0) / 2.0;
                let (born, died) = year_texts(person);
                !years_fit_above(&near, pp, r, born.as_deref(), died.as_deref())
            });
            if hit {
                rows.push(bits);
            }
        }
        rows
    }

    /// Whether the years fit above the symbol (McGoldrick's place for them) without any
    /// of these segments running through them.
    fn years_fit_above(
        segments: &[([f64; 2], [f64; 2])],
        pp: &PlacedPerson,
        r: f64,
        born: Option<&str>,
        died: Option<&str>,
    ) -> bool {
        let base = pp.y - r - 6.0;
        let (top, bottom) = (base - 9.0, base + 2.0);
        let mut boxes = Vec::new();
        if let Some(t) = born {
            boxes.push((
                pp.x - 2.0 - text::width(t, text::SMALL_SIZE, text::Face::Regular),
                pp.x - 2.0,
            ));
        }
        if let Some(t) = died {
            boxes.push((
                pp.x + 2.0,
                pp.x + 2.0 + text::width(t, text::SMALL_SIZE, text::Face::Regular),
            ));
        }
        !segments.iter().any(|&(a, b)| {
            boxes
                .iter()
                .any(|&(x0, x1)| segment_hits_box(a, b, x0, x1, top, bottom))
        })
    }

    /// The index finds exactly the rows that checking every segment finds, on generated
    /// families (with relationships) and on a hand-made layout with lines through the
    /// years of one row.
    #[test]
    fn the_index_finds_what_checking_every_segment_finds() {
        use crate::generate::{GenerateOptions, family_yaml_with};
        let opts = RenderOptions::default();
        let mut rows_found = 0;
        for (people, seed) in [(60, 1), (400, 2), (900, 3)] {
            let yaml = family_yaml_with(
                people,
                seed,
                &GenerateOptions {
                    relationships: people / 5,
                    ..GenerateOptions::default()
                },
            );
            let g = crate::load_str("generated.yaml", &yaml).unwrap();
            let l = crate::layout::layout(&g, &crate::layout::LayoutOptions::default());
            let ctx = Ctx::new(&g, &l, &opts, super::super::anonymize::Facts::of(&g));
            let rows = rows_with_years_below(&ctx);
            assert_eq!(rows, rows_by_scan(&ctx), "{people} people");
            rows_found += rows.len();
        }
        let g = crate::load_str(
            "t.yaml",
            "people:\n  a: {sex: male, born: 1950}\n  b: {sex: female, born: 1952, died: 2001}\n  c: {sex: male, born: 1980}\n",
        )
        .unwrap();
        let mut l = crate::render::tests::grid_layout(&g);
        for (i, points) in [
            // Through the death year of the second person of the first row.
            vec![[200.0 + 10.0, 10.0], [200.0 + 10.0, 40.0]],
            // Far away, and not finite.
            vec![[1e13, 30.0], [1e13 + 5.0, 30.0]],
            vec![[f64::NAN, 30.0], [5.0, 30.0]],
        ]
        .into_iter()
        .enumerate()
        {
            l.lines.push(crate::layout::Line {
                kind: crate::layout::LineKind::Partner,
                from: "a".into(),
                to: "b".into(),
                points,
                couple: None,
                child: None,
                link: None,
                relationship: None,
                secondary: false,
            });
            let ctx = Ctx::new(&g, &l, &opts, super::super::anonymize::Facts::of(&g));
            let rows = rows_with_years_below(&ctx);
            assert_eq!(rows, rows_by_scan(&ctx), "line {i}");
            rows_found += rows.len();
        }
        // Some rows did write their years below, so the comparison was not of two empty lists.
        assert!(rows_found > 0);
    }

    #[test]
    fn segments_and_boxes() {
        assert!(segment_hits_box(
            [0.0, 5.0],
            [100.0, 5.0],
            10.0,
            20.0,
            0.0,
            10.0
        ));
        assert!(!segment_hits_box(
            [0.0, 15.0],
            [100.0, 15.0],
            10.0,
            20.0,
            0.0,
            10.0
        ));
        assert!(!segment_hits_box(
            [25.0, -50.0],
            [25.0, 50.0],
            10.0,
            20.0,
            0.0,
            10.0
        ));
        assert!(segment_hits_box(
            [0.0, 0.0],
            [30.0, 10.0],
            10.0,
            20.0,
            0.0,
            10.0
        ));
    }
}
