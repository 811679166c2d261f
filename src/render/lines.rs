//! Couples: the partner line (style by kind of union, slashes for separation and
//! divorce, dates above), the line of descent, the sibship bar and each child's line
//! (dashed with brackets for adoption, dotted for fostering), and the twin marks. Each
//! couple is one group `couple-N` (N counts couples in file order from 1) with a `<title>`.

use super::anonymize::Break;
use crate::graph::{CoupleIx, PersonIx};
use crate::layout::{Line, LineKind};
use crate::model::{Couple, Link, Relation};

use super::geometry::{self, P};
use super::marks::Item;
use super::markup::{self, child};
use super::number::{push_int, push_num, push_pt};
use super::write::escape_text;
use super::{Ctx, Used, push_polyline_d};
use crate::layout::labels;

/// The symbol size of the drawing, for marks that scale with it.
pub fn symbol_size(ctx: &Ctx) -> f64 {
    ctx.layout
        .people
        .first()
        .map_or(40.0, |p| p.width.min(p.height))
        .max(8.0)
}

/// Each couple in `couples` (file order) that has lines in the layout, as one group
/// on a new line.
pub fn couples(ctx: &Ctx, couples: std::ops::Range<usize>, out: &mut String, used: &mut Used) {
    for i in couples {
        let lines = &ctx.couple_lines[i];
        if !lines.is_empty() {
            couple(ctx, CoupleIx(i), lines, out, used);
        }
    }
}

/// One group for the structural lines that belong to no couple, if there are any.
pub fn loose(ctx: &Ctx, out: &mut String) {
    let mut loose = ctx
        .layout
        .lines
        .iter()
        .filter(|l| l.couple.is_none() && l.kind != LineKind::Relationship)
        .peekable();
    if loose.peek().is_none() {
        return;
    }
    child(out, "g").attr("id", "other-lines").open();
    for l in loose {
        markup::path(out, "line", |o| push_polyline_d(o, &l.points));
    }
    markup::close(out, "g");
}

fn couple(ctx: &Ctx, c: CoupleIx, lines: &[&Line], out: &mut String, used: &mut Used) {
    let couple = ctx.graph.couple(c);
    let s = symbol_size(ctx);
    let relation = couple.relation.as_str();
    child(out, "g")
        .with("class", |o| {
            o.push_str("couple relation-");
            o.push_str(relation);
        })
        .with("id", |o| {
            o.push_str("couple-");
            push_int(o, c.0 as i64 + 1);
        })
        .open();
    couple_title(ctx, c, out);
    let has_children = lines.iter().any(|l| l.kind != LineKind::Partner);
    for l in lines {
        let pts = geometry::dedup(&l.points);
        if pts.len() < 2 {
            continue;
        }
        let path =
            |out: &mut String, class: &str| markup::path(out, class, |o| push_polyline_d(o, &pts));
        match l.kind {
            LineKind::Partner => {
                child(out, "path")
                    .with("class", |o| {
                        o.push_str("line partner partner-");
                        o.push_str(relation);
                    })
                    .with("d", |o| push_polyline_d(o, &pts))
                    .empty();
                used.insert(Item::Relation(couple.relation));
                let lift = slashes(out, ctx.break_of(c), couple, &pts, s, has_children, used);
                dates(out, couple, &pts, lift, used);
            }
            LineKind::Descent => path(out, "line descent"),
            LineKind::Sibship => path(out, "line sibship"),
            LineKind::Child if l.secondary && l.link == Some(Link::Step) => {
                // A step-parent couple: the child hangs from their own parents' bar and
                // is joined to this couple by a thin dashed line.
                path(out, "line child child-birth child-step");
                used.insert(Item::StepLink);
            }
            LineKind::Child if l.secondary => {
                // The couple did not raise the child (birth parents of an adopted child).
                path(out, "line child child-birth");
                used.insert(Item::BirthLink);
            }
            LineKind::Child => {
                let link = l.link.unwrap_or(Link::Biological);
                child(out, "path")
                    .with("class", |o| {
                        o.push_str("line child child-");
                        o.push_str(link.as_str());
                    })
                    .with("d", |o| push_polyline_d(o, &pts))
                    .empty();
                match link {
                    Link::Adopted => {
                        used.insert(Item::Adopted);
                        if let Some(child) = l.child.and_then(|p| ctx.placed(p)) {
                            brackets(out, child.x, child.y, s);
                        }
                    }
                    Link::Foster => {
                        used.insert(Item::Foster);
                    }
                    Link::Biological | Link::Step => {}
                }
            }
            LineKind::Relationship => {}
        }
    }
    twins(ctx, out, couple, lines, used);
    markup::close(out, "g");
}

/// Brackets around an adopted child's symbol.
fn brackets(out: &mut String, x: f64, y: f64, s: f64) {
    // Shorter than pedigreejs's 0.64 S so the brackets stay clear of the skill strip.
    let (bx, by, serif) = (0.66 * s, 0.55 * s, 0.25 * s);
    markup::path(out, "bracket", |o| {
        for (outer, inner) in [(x - bx, x - bx + serif), (x + bx, x + bx - serif)] {
            o.push('M');
            push_pt(o, inner, y - by);
            o.push('H');
            push_num(o, outer);
            o.push('V');
            push_num(o, y + by);
            o.push('H');
            push_num(o, inner);
        }
    });
}

/// How many slashes the union's end calls for: one for a separation, two for a divorce
/// or an ended union. They stay clear of the dates written over the middle of the line:
/// moved along the line past them, or, on a line too short for that, the dates are
/// raised over them (the height to raise them by is returned).
fn slashes(
    out: &mut String,
    b: Break,
    couple: &Couple,
    pts: &[P],
    s: f64,
    has_children: bool,
    used: &mut Used,
) -> f64 {
    let n = b.slashes();
    if n == 0 {
        return 0.0;
    }
    used.insert(if n == 1 {
        Item::Separated
    } else {
        Item::Divorced
    });
    let len = geometry::length(pts);
    // Away from the line of descent, which leaves from the middle.
    let mut d = len * if has_children { 0.72 } else { 0.5 };
    let mut lift = 0.0;
    let (at, room) = date_anchor(pts);
    let lines = labels::date_lines(couple, room);
    let w = lines
        .iter()
        .map(|l| l.bbox()[2])
        .fold(f64::NEG_INFINITY, f64::max);
    if w > 0.0 {
        // How far the slashes reach along the line from their middle, and a little air.
        let e = 0.1 * s + (n as f64 - 1.0) * 0.1 * s + 1.5;
        let (p, u) = geometry::at(pts, d);
        if (p[1] - at[1]).abs() < 0.5 && (p[0] - at[0]).abs() < w + e {
            let past = at[0] + w + e - p[0];
            let before = p[0] - (at[0] - w - e);
            if u[0] > 0.99 && d + past + e <= len - 2.0 {
                d += past;
            } else if u[0] > 0.99 && d - before - e >= 2.0 {
                d -= before;
            } else {
                lift = labels::slash_lift(&lines, s);
            }
        }
    }
    markup::path(out, "slash", |o| push_slash_d(o, pts, d, n, s));
    lift
}

/// Path data of `n` slashes across the polyline at distance `d`, leaning `/`.
pub fn slash_d(pts: &[P], d: f64, n: usize, s: f64) -> String {
    let mut out = String::new();
    push_slash_d(&mut out, pts, d, n, s);
    out
}

/// Appends what [`slash_d`] gives.
fn push_slash_d(out: &mut String, pts: &[P], d: f64, n: usize, s: f64) {
    let half = 0.2 * s;
    let (dx, dy) = (half * 0.5, half * 0.866);
    for i in 0..n {
        let shift = (i as f64 - (n as f64 - 1.0) / 2.0) * 0.2 * s;
        let (p, _) = geometry::at(pts, d + shift);
        out.push('M');
        push_pt(out, p[0] - dx, p[1] + dy);
        out.push('L');
        push_pt(out, p[0] + dx, p[1] - dy);
    }
}

/// The union's dates in McGoldrick's short form, e.g. `m. 1970`, `d. 1997`.
pub use crate::layout::labels::date_parts;

/// The dates on one line, e.g. `m. 1970, d. 1997`.
pub fn date_text(c: &Couple) -> String {
    date_parts(c).join(", ")
}

/// The middle and length of the longest horizontal stretch of a partner line, where its
/// dates go.
fn date_anchor(pts: &[P]) -> (P, f64) {
    let mut best: Option<(f64, P, P)> = None;
    for w in pts.windows(2) {
        if (w[0][1] - w[1][1]).abs() < 0.5 {
            let l = (w[1][0] - w[0][0]).abs();
            if best.is_none_or(|b| l > b.0) {
                best = Some((l, w[0], w[1]));
            }
        }
    }
    let (a, b) = best.map_or((pts[0], pts[pts.len() - 1]), |(_, a, b)| (a, b));
    ([(a[0] + b[0]) / 2.0, a[1].min(b[1])], (b[0] - a[0]).abs())
}

/// The dates above the partner line (the label model's [`labels::date_lines`]), raised by
/// `lift` over slashes.
fn dates(out: &mut String, c: &Couple, pts: &[P], lift: f64, used: &mut Used) {
    let (at, room) = date_anchor(pts);
    let lines = labels::date_lines(c, room);
    if lines.is_empty() {
        return;
    }
    used.insert(Item::CoupleDates);
    for l in &lines {
        let class = if l.size < labels::SMALL_SIZE {
            "couple-date couple-date-short"
        } else {
            "couple-date"
        };
        markup::text(out, class, at[0], at[1] + l.dy - lift, &l.text);
    }
}

/// Twin marks: a bar between the lines of identical twins, `?` under the apex when the
/// file does not say.
fn twins(ctx: &Ctx, out: &mut String, couple: &Couple, lines: &[&Line], used: &mut Used) {
    for set in &couple.twins {
        let members: Vec<PersonIx> = set
            .members
            .iter()
            .filter_map(|&i| couple.children.get(i))
            .filter_map(|ch| ctx.graph.find(&ch.id.value))
            .collect();
        // The last segment of each twin's line: from the apex to the top of the symbol.
        let mut ends: Vec<(P, P)> = lines
            .iter()
            .filter(|l| {
                l.kind == LineKind::Child
                    && !l.secondary
                    && l.child.is_some_and(|p| members.contains(&p))
            })
            .filter_map(|l| {
                let pts = geometry::dedup(&l.points);
                (pts.len() >= 2).then(|| (pts[pts.len() - 2], pts[pts.len() - 1]))
            })
            .collect();
        if ends.len() < 2 {
            continue;
        }
        ends.sort_by(|a, b| a.1[0].total_cmp(&b.1[0]));
        let apex_y = ends.iter().map(|e| e.0[1]).fold(f64::INFINITY, f64::min);
        let top_y = ends
            .iter()
            .map(|e| e.1[1])
            .fold(f64::NEG_INFINITY, f64::max);
        let y = (apex_y + top_y) / 2.0;
        let x_at = |e: &(P, P)| {
            let dy = e.1[1] - e.0[1];
            if dy.abs() < 1e-9 {
                e.1[0]
            } else {
                e.0[0] + (e.1[0] - e.0[0]) * (y - e.0[1]) / dy
            }
        };
        let (first, last) = (&ends[0], &ends[ends.len() - 1]);
        match set.identical {
            Some(true) => {
                markup::path(out, "twin-bar", |o| {
                    o.push('M');
                    push_pt(o, x_at(first), y);
                    o.push('H');
                    push_num(o, x_at(last));
                });
                used.insert(Item::TwinsIdentical);
            }
            Some(false) => {
                used.insert(Item::TwinsFraternal);
            }
            None => {
                markup::text(
                    out,
                    "twin-q",
                    (x_at(first) + x_at(last)) / 2.0,
                    y + 4.0,
                    "?",
                );
                used.insert(Item::TwinsUnknown);
            }
        }
    }
}

/// The couple's `<title>`, on a new line: who, what kind of union, when, and the children.
fn couple_title(ctx: &Ctx, c: CoupleIx, out: &mut String) {
    let couple = ctx.graph.couple(c);
    out.push_str("\n<title>");
    // The partners as `a`, `a and b`, `a, b and c` (`list_words`).
    let partners = &couple.partners;
    for (i, p) in partners.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == partners.len() {
                " and "
            } else {
                ", "
            });
        }
        escape_text(out, ctx.name(ctx.graph.ix(&p.value)));
    }
    out.push_str(": ");
    out.push_str(match couple.relation {
        Relation::Married => "married",
        Relation::Cohabiting => "living together",
        Relation::Engaged => "engaged",
        Relation::Dating => "dating",
        Relation::Affair => "affair",
        Relation::Unknown => "union of unknown kind",
    });
    out.push_str(match ctx.break_of(c) {
        Break::Separated => ", separated",
        Break::Divorced => ", divorced",
        Break::Ended => ", ended",
        Break::None => "",
    });
    let d = date_text(couple);
    if !d.is_empty() {
        out.push_str(" (");
        escape_text(out, &d);
        out.push(')');
    }
    for (i, ch) in couple.children.iter().enumerate() {
        out.push_str(if i == 0 { "; children: " } else { ", " });
        escape_text(out, ctx.name(ctx.graph.ix(&ch.id.value)));
        if ch.link != Link::Biological {
            out.push_str(" (");
            out.push_str(ch.link.as_str());
            out.push(')');
        }
    }
    out.push_str("</title>");
}
