//! Emotional relationships (`docs/notation.md` §3.2): each kind built from a few primitives
//! drawn along the routed polyline: parallel lines, a zigzag, a dotted or dashed line, a
//! gap with bars, a ring, and arrowheads at the target of directed kinds. Several
//! relationships between the same two people, routed on the same path, are fanned out
//! side by side. Each relationship is one group `relationship-N` (N counts the file's
//! relationships from 1) with a `<title>`.

use crate::layout::LineKind;
use crate::model::RelKind;

use super::geometry::{self, P};
use super::lines::symbol_size;
use super::marks::Item;
use super::markup::{self, child};
use super::number::{push_int, push_pt};
use super::symbols::push_year;
use super::write::escape_text;
use super::{Ctx, Used, push_polyline_d};

/// How a kind is drawn.
#[derive(Clone, Copy, Debug, Default)]
pub struct Recipe {
    /// Parallel straight lines (0 when the kind has none besides a zigzag).
    pub lines: u8,
    /// Spacing of the parallel lines, in symbol sizes.
    pub spacing: f64,
    /// Zigzag amplitude in symbol sizes (0: none).
    pub zigzag: f64,
    /// Thicker zigzag (hostility).
    pub heavy: bool,
    /// The single line is dotted.
    pub dotted: bool,
    /// The single line is dashed.
    pub dashed: bool,
    /// A gap with a bar on each side (cutoff).
    pub gap_bars: bool,
    /// A ring bridging the gap (cutoff repaired).
    pub ring: bool,
    /// Arrowheads at the target: 0, 1 or 2 (nested).
    pub heads: u8,
    /// The arrowheads are open (white) rather than filled.
    pub open_head: bool,
}

/// The recipe of each kind (`docs/notation.md` §3.2 and, for conflict and neglect, §3.3).
pub fn recipe(kind: RelKind) -> Recipe {
    let r = Recipe {
        spacing: 0.12,
        ..Recipe::default()
    };
    match kind {
        RelKind::Close => Recipe { lines: 2, ..r },
        RelKind::Fused => Recipe { lines: 3, ..r },
        RelKind::Distant => Recipe {
            lines: 1,
            dotted: true,
            ..r
        },
        RelKind::Conflict => Recipe { zigzag: 0.08, ..r },
        RelKind::Hostile => Recipe {
            zigzag: 0.13,
            heavy: true,
            ..r
        },
        RelKind::CloseHostile => Recipe {
            lines: 2,
            spacing: 0.3,
            zigzag: 0.12,
            ..r
        },
        RelKind::FusedHostile => Recipe {
            lines: 3,
            spacing: 0.17,
            zigzag: 0.12,
            ..r
        },
        RelKind::Cutoff => Recipe {
            lines: 1,
            gap_bars: true,
            ..r
        },
        RelKind::CutoffRepaired => Recipe {
            lines: 1,
            gap_bars: true,
            ring: true,
            ..r
        },
        RelKind::FocusedOn => Recipe {
            lines: 1,
            heads: 1,
            ..r
        },
        RelKind::Caretaker => Recipe {
            lines: 1,
            heads: 2,
            ..r
        },
        RelKind::Neglect => Recipe {
            lines: 1,
            dashed: true,
            heads: 1,
            open_head: true,
            ..r
        },
        RelKind::PhysicalAbuse => Recipe {
            zigzag: 0.12,
            heads: 1,
            ..r
        },
        RelKind::EmotionalAbuse => Recipe {
            zigzag: 0.12,
            heads: 1,
            open_head: true,
            ..r
        },
        RelKind::SexualAbuse => Recipe {
            lines: 2,
            spacing: 0.3,
            zigzag: 0.12,
            heads: 1,
            ..r
        },
    }
}

/// The kind in plain words.
pub fn kind_words(kind: RelKind) -> &'static str {
    match kind {
        RelKind::Close => "close",
        RelKind::Fused => "fused (very close, enmeshed)",
        RelKind::Distant => "distant",
        RelKind::Conflict => "conflict",
        RelKind::Hostile => "hostile",
        RelKind::CloseHostile => "close but hostile",
        RelKind::FusedHostile => "fused and hostile",
        RelKind::Cutoff => "cut off (no contact)",
        RelKind::CutoffRepaired => "cutoff repaired",
        RelKind::FocusedOn => "focused on (arrow points to the one focused on)",
        RelKind::Caretaker => "caretaker (arrows point to the one cared for)",
        RelKind::Neglect => "neglect (arrow points to the one neglected)",
        RelKind::PhysicalAbuse => "physical abuse (arrow points to the one harmed)",
        RelKind::EmotionalAbuse => "emotional abuse (arrow points to the one harmed)",
        RelKind::SexualAbuse => "sexual abuse (arrow points to the one harmed)",
    }
}

/// Every relationship line of the layout, in layout order, each as one group on a new line.
pub fn all(ctx: &Ctx, out: &mut String, used: &mut Used) {
    let s = symbol_size(ctx);
    let rel_lines: Vec<_> = ctx
        .layout
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Relationship)
        .filter_map(|l| l.relationship.map(|r| (r, l)))
        .filter(|(r, _)| *r < ctx.graph.family().relationships.len())
        .collect();
    // Only relationships between the same two people can share a path: group them by
    // pair first, so that many relationships stay cheap.
    let mut by_pair: std::collections::BTreeMap<(&str, &str), Vec<usize>> =
        std::collections::BTreeMap::new();
    for (j, (_, l)) in rel_lines.iter().enumerate() {
        let key = if l.from <= l.to {
            (l.from.as_str(), l.to.as_str())
        } else {
            (l.to.as_str(), l.from.as_str())
        };
        by_pair.entry(key).or_default().push(j);
    }
    for (i, (r, line)) in rel_lines.iter().enumerate() {
        // Fan out relationships routed along the very same path.
        let key = if line.from <= line.to {
            (line.from.as_str(), line.to.as_str())
        } else {
            (line.to.as_str(), line.from.as_str())
        };
        let same: Vec<usize> = by_pair
            .get(&key)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(|&j| same_path(&rel_lines[j].1.points, &line.points))
            .collect();
        let k = same.len() as f64;
        let slot = same.iter().position(|&j| j == i).unwrap_or(0) as f64;
        let shift = (slot - (k - 1.0) / 2.0) * 0.4 * s;
        let ends = |id: &str| {
            ctx.placed_by_id(id)
                .map(|pp| ([pp.x, pp.y], pp.width.max(pp.height) / 2.0 + 0.1 * s))
        };
        let mut pts = geometry::trim(&line.points, ends(&line.from), ends(&line.to));
        if shift != 0.0 {
            pts = geometry::offset(&pts, shift);
        }
        let rel = ctx.graph.relationship(*r);
        let kind = rel.kind.value;
        child(out, "g")
            .with("class", |o| {
                o.push_str("relationship rel-");
                o.push_str(kind.as_str());
            })
            .with("id", |o| {
                o.push_str("relationship-");
                push_int(o, *r as i64 + 1);
            })
            .open();
        title(ctx, *r, out);
        if geometry::length(&pts) > 1.0 {
            draw(out, &pts, recipe(kind), s);
        }
        markup::close(out, "g");
        used.insert(Item::Emotional(kind));
    }
}

fn same_path(a: &[[f64; 2]], b: &[[f64; 2]]) -> bool {
    let (a, b) = (geometry::dedup(a), geometry::dedup(b));
    let fwd = a.len() == b.len()
        && a.iter()
            .zip(&b)
            .all(|(p, q)| (p[0] - q[0]).abs() < 0.5 && (p[1] - q[1]).abs() < 0.5);
    let rev = a.len() == b.len()
        && a.iter()
            .zip(b.iter().rev())
            .all(|(p, q)| (p[0] - q[0]).abs() < 0.5 && (p[1] - q[1]).abs() < 0.5);
    fwd || rev
}

/// Draws a recipe along the polyline `pts` (from the source to the target), appending its
/// elements to `out`, each on a new line.
pub fn draw(out: &mut String, pts: &[P], r: Recipe, s: f64) {
    let len = geometry::length(pts);
    let head_len = 0.3 * s;
    let body_end = if r.heads > 0 {
        (len - head_len * 0.8).max(len * 0.5)
    } else {
        len
    };
    let body = geometry::piece(pts, 0.0, body_end);
    let base = if r.dotted {
        "rel-line rel-dotted"
    } else if r.dashed {
        "rel-line rel-dashed"
    } else {
        "rel-line"
    };
    // Parallel lines (with a gap for a cutoff in the middle of the longest straight
    // stretch, so its bars never sit on a bend).
    let gap = 0.25 * s;
    let mark_at = straight_middle(pts, gap + 0.4 * s).unwrap_or(len / 2.0);
    for i in 0..r.lines {
        let off = (f64::from(i) - (f64::from(r.lines) - 1.0) / 2.0) * r.spacing * s;
        let line = geometry::offset(&body, off);
        if r.gap_bars {
            // The offset copy of the line is as long as the line itself along straight
            // stretches; its gap sits at the same place.
            let l = geometry::length(&line);
            let at = mark_at * l / len.max(f64::MIN_POSITIVE);
            markup::path(out, base, |o| {
                push_polyline_d(o, &geometry::piece(&line, 0.0, at - gap / 2.0))
            });
            markup::path(out, base, |o| {
                push_polyline_d(o, &geometry::piece(&line, at + gap / 2.0, l))
            });
        } else {
            markup::path(out, base, |o| push_polyline_d(o, &line));
        }
    }
    if r.gap_bars {
        markup::path(out, "rel-line", |d| {
            for at in [mark_at - gap / 2.0, mark_at + gap / 2.0] {
                let (p, u) = geometry::at(pts, at);
                let n = [-u[1] * 0.2 * s, u[0] * 0.2 * s];
                d.push('M');
                push_pt(d, p[0] - n[0], p[1] - n[1]);
                d.push('L');
                push_pt(d, p[0] + n[0], p[1] + n[1]);
            }
        });
        if r.ring {
            let (p, _) = geometry::at(pts, mark_at);
            child(out, "circle")
                .attr("class", "rel-ring")
                .num("cx", p[0])
                .num("cy", p[1])
                .num("r", gap / 2.0 + 1.0)
                .empty();
        }
    }
    if r.zigzag > 0.0 {
        let zl = geometry::length(&body);
        let a = r.zigzag * s;
        let half_wave = 0.15 * s;
        let m = ((zl / half_wave).round() as usize).max(4);
        let mut zz = vec![body[0]];
        for j in 1..m {
            let (p, u) = geometry::at(&body, zl * j as f64 / m as f64);
            let sign = if j % 2 == 0 { -1.0 } else { 1.0 };
            zz.push([p[0] - u[1] * a * sign, p[1] + u[0] * a * sign]);
        }
        zz.push(body[body.len() - 1]);
        let class = if r.heavy {
            "rel-line rel-zigzag rel-heavy"
        } else {
            "rel-line rel-zigzag"
        };
        markup::path(out, class, |o| push_polyline_d(o, &zz));
    }
    if r.heads > 0 {
        // The shaft runs to the tip under the head.
        markup::path(out, "rel-line", |o| {
            push_polyline_d(o, &geometry::piece(pts, body_end, len))
        });
        for h in 0..r.heads {
            let tip_at = len - f64::from(h) * head_len * 0.55;
            let (tip, u) = geometry::at(pts, tip_at);
            let back = [tip[0] - u[0] * head_len, tip[1] - u[1] * head_len];
            let w = 0.12 * s;
            let class = if r.open_head {
                "rel-head rel-head-open"
            } else {
                "rel-head"
            };
            markup::path(out, class, |d| {
                d.push('M');
                push_pt(d, tip[0], tip[1]);
                d.push('L');
                push_pt(d, back[0] - u[1] * w, back[1] + u[0] * w);
                d.push('L');
                push_pt(d, back[0] + u[1] * w, back[1] - u[0] * w);
                d.push('Z');
            });
        }
    }
}

/// The relationship's `<title>`, on a new line.
fn title(ctx: &Ctx, r: usize, out: &mut String) {
    let rel = ctx.graph.relationship(r);
    let name = |id: &str| ctx.graph.find(id).map_or("someone", |p| ctx.name(p));
    let (a, b) = (name(&rel.a.value), name(&rel.b.value));
    let kind = rel.kind.value;
    out.push_str("\n<title>");
    out.push_str(&first_words(kind));
    out.push_str(if kind.is_directed() { ": from " } else { ": " });
    escape_text(out, a);
    out.push_str(if kind.is_directed() { " to " } else { " and " });
    escape_text(out, b);
    if let Some(d) = &rel.since {
        out.push_str(", since ");
        push_year(out, &d.value);
    }
    if let Some(d) = &rel.until {
        out.push_str(", until ");
        push_year(out, &d.value);
    }
    out.push_str("</title>");
}

/// The kind's words without the explanation in brackets, capitalised.
fn first_words(kind: RelKind) -> String {
    let w = kind_words(kind);
    let w = w.split(" (").next().unwrap_or(w);
    let mut c = w.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

/// The distance along `pts` of the middle of its longest straight stretch, when that
/// stretch is at least `least` long. Horizontal stretches come first: they run in the
/// gaps between rows, where a mark is clear of the labels beside a vertical one.
fn straight_middle(pts: &[P], least: f64) -> Option<f64> {
    let mut along = 0.0;
    let mut best: Option<(bool, f64, f64)> = None;
    for w in pts.windows(2) {
        let l = (w[1][0] - w[0][0]).hypot(w[1][1] - w[0][1]);
        let flat = (w[1][1] - w[0][1]).abs() < 1e-6;
        let better = best.is_none_or(|(bf, bl, _)| (flat, l) > (bf, bl + 1e-9));
        if l >= least && better {
            best = Some((flat, l, along + l / 2.0));
        }
        along += l;
    }
    best.map(|(_, _, m)| m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::labels::relationship_band;

    /// Every y of the path data in `svg`, drawn along the x axis.
    fn ys(svg: &str) -> Vec<f64> {
        let mut out = Vec::new();
        for d in svg.split("d=\"").skip(1) {
            let d = &d[..d.find('"').unwrap()];
            for pair in d.split(|c: char| c.is_ascii_alphabetic()) {
                if let Some((_, y)) = pair.split_once(',') {
                    out.push(y.trim().parse::<f64>().unwrap());
                }
            }
        }
        out
    }

    #[test]
    fn every_pattern_stays_within_the_band_the_routing_keeps_clear() {
        let s = 40.0;
        for &kind in RelKind::ALL {
            let mut out = String::new();
            draw(&mut out, &[[0.0, 0.0], [200.0, 0.0]], recipe(kind), s);
            let reach = ys(&out).iter().fold(0.0f64, |m, y| m.max(y.abs()));
            let band = relationship_band(kind) * s;
            if matches!(kind, RelKind::Cutoff | RelKind::CutoffRepaired) {
                // Only the bars (and ring) in the middle reach across; the line itself
                // is a single one.
                assert!(band == 0.0 && reach <= 0.2 * s + 1e-6, "{kind:?}: {reach}");
            } else {
                assert!(
                    reach <= band + 1e-6,
                    "{kind:?} reaches {reach}, band {band}"
                );
            }
        }
    }
}
