//! Couples: the partner line (style by kind of union, slashes for separation and
//! divorce, dates above), the line of descent, the sibship bar and each child's line
//! (dashed with brackets for adoption, dotted for fostering), and the twin marks. Each
//! couple is one group `couple-N` (N counts couples in file order from 1) with a `<title>`.

use svg::Node;
use svg::node::element::{Group, Title};

use crate::graph::{CoupleIx, PersonIx};
use crate::layout::{Line, LineKind};
use crate::model::{Couple, Link, Relation};

use super::geometry::{self, P};
use super::legend::Item;
use super::number::{num, pt};
use super::symbols::year;
use super::text;
use super::{Ctx, Used, label_blob, path_blob, polyline_d};

/// The symbol size of the drawing, for marks that scale with it.
pub fn symbol_size(ctx: &Ctx) -> f64 {
    ctx.layout
        .people
        .first()
        .map_or(40.0, |p| p.width.min(p.height))
        .max(8.0)
}

/// One group per couple that has lines in the layout, in file order, then one group for
/// structural lines that belong to no couple.
pub fn couples(ctx: &Ctx, used: &mut Used) -> Vec<Group> {
    let mut out = Vec::new();
    for c in ctx.graph.couples() {
        let lines = &ctx.couple_lines[c.0];
        if lines.is_empty() {
            continue;
        }
        out.push(couple(ctx, c, lines, used));
    }
    let loose: Vec<&Line> = ctx
        .layout
        .lines
        .iter()
        .filter(|l| l.couple.is_none() && l.kind != LineKind::Relationship)
        .collect();
    if !loose.is_empty() {
        let mut g = Group::new().set("id", "other-lines");
        for l in loose {
            g.append(path_blob(polyline_d(&l.points), "line"));
        }
        out.push(g);
    }
    out
}

fn couple(ctx: &Ctx, c: CoupleIx, lines: &[&Line], used: &mut Used) -> Group {
    let couple = ctx.graph.couple(c);
    let s = symbol_size(ctx);
    let mut g = Group::new().set("id", format!("couple-{}", c.0 + 1)).set(
        "class",
        format!("couple relation-{}", couple.relation.as_str()),
    );
    g.append(Title::new(couple_title(ctx, c)));
    let has_children = lines.iter().any(|l| l.kind != LineKind::Partner);
    for l in lines {
        let pts = geometry::dedup(&l.points);
        if pts.len() < 2 {
            continue;
        }
        match l.kind {
            LineKind::Partner => {
                g.append(path_blob(
                    polyline_d(&pts),
                    &format!("line partner partner-{}", couple.relation.as_str()),
                ));
                used.insert(Item::Relation(couple.relation));
                slashes(&mut g, couple, &pts, s, has_children, used);
                if !ctx.opts.anonymize {
                    dates(&mut g, couple, &pts, used);
                }
            }
            LineKind::Descent => g.append(path_blob(polyline_d(&pts), "line descent")),
            LineKind::Sibship => g.append(path_blob(polyline_d(&pts), "line sibship")),
            LineKind::Child if l.secondary && l.link == Some(Link::Step) => {
                // A step-parent couple: the child hangs from their own parents' bar and
                // is joined to this couple by a thin dashed line.
                g.append(path_blob(
                    polyline_d(&pts),
                    "line child child-birth child-step",
                ));
                used.insert(Item::StepLink);
            }
            LineKind::Child if l.secondary => {
                // The couple did not raise the child (birth parents of an adopted child).
                g.append(path_blob(polyline_d(&pts), "line child child-birth"));
                used.insert(Item::BirthLink);
            }
            LineKind::Child => {
                let link = l.link.unwrap_or(Link::Biological);
                g.append(path_blob(
                    polyline_d(&pts),
                    &format!("line child child-{}", link.as_str()),
                ));
                match link {
                    Link::Adopted => {
                        used.insert(Item::Adopted);
                        if let Some(child) = l.child.and_then(|p| ctx.placed(p)) {
                            g.append(brackets(child.x, child.y, s));
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
    twins(ctx, &mut g, couple, lines, used);
    g
}

/// Brackets around an adopted child's symbol.
fn brackets(x: f64, y: f64, s: f64) -> svg::node::element::Path {
    // Shorter than pedigreejs's 0.64 S so the brackets stay clear of the skill strip.
    let (bx, by, serif) = (0.66 * s, 0.55 * s, 0.25 * s);
    let d = format!(
        "M{}H{}V{}H{}M{}H{}V{}H{}",
        pt(x - bx + serif, y - by),
        num(x - bx),
        num(y + by),
        num(x - bx + serif),
        pt(x + bx - serif, y - by),
        num(x + bx),
        num(y + by),
        num(x + bx - serif),
    );
    super::path(d, "bracket")
}

/// How many slashes the union's end calls for: one for a separation, two for a divorce
/// or an ended union.
pub fn slash_count(c: &Couple) -> usize {
    if c.divorced.is_some() || c.ended.is_some() {
        2
    } else if c.separated.is_some() {
        1
    } else {
        0
    }
}

fn slashes(g: &mut Group, c: &Couple, pts: &[P], s: f64, has_children: bool, used: &mut Used) {
    let n = slash_count(c);
    if n == 0 {
        return;
    }
    used.insert(if n == 1 {
        Item::Separated
    } else {
        Item::Divorced
    });
    let len = geometry::length(pts);
    // Away from the line of descent, which leaves from the middle.
    let t = if has_children { 0.72 } else { 0.5 };
    g.append(super::path_blob(slash_d(pts, len * t, n, s), "slash"));
}

/// Path data of `n` slashes across the polyline at distance `d`, leaning `/`.
pub fn slash_d(pts: &[P], d: f64, n: usize, s: f64) -> String {
    let half = 0.2 * s;
    let (dx, dy) = (half * 0.5, half * 0.866);
    let mut out = String::new();
    for i in 0..n {
        let shift = (i as f64 - (n as f64 - 1.0) / 2.0) * 0.2 * s;
        let (p, _) = geometry::at(pts, d + shift);
        out.push_str(&format!(
            "M{}L{}",
            pt(p[0] - dx, p[1] + dy),
            pt(p[0] + dx, p[1] - dy)
        ));
    }
    out
}

/// The union's dates in McGoldrick's short form, e.g. `m. 1970`, `d. 1997`.
pub fn date_parts(c: &Couple) -> Vec<String> {
    let mut parts = Vec::new();
    let start = match c.relation {
        Relation::Married => c.married.as_ref().map(|d| format!("m. {}", year(&d.value))),
        Relation::Cohabiting => c.since.as_ref().map(|d| format!("LT {}", year(&d.value))),
        Relation::Engaged => c.since.as_ref().map(|d| format!("eng. {}", year(&d.value))),
        Relation::Dating | Relation::Affair | Relation::Unknown => c
            .since
            .as_ref()
            .map(|d| format!("since {}", year(&d.value))),
    };
    parts.extend(start);
    if c.relation != Relation::Married
        && let Some(m) = &c.married
    {
        parts.push(format!("m. {}", year(&m.value)));
    }
    if let Some(d) = &c.separated {
        parts.push(format!("s. {}", year(&d.value)));
    }
    if let Some(d) = &c.divorced {
        parts.push(format!("d. {}", year(&d.value)));
    }
    if let Some(d) = &c.ended {
        parts.push(format!("e. {}", year(&d.value)));
    }
    parts
}

/// The events with two-digit years and no space (`m.'93`), as McGoldrick writes them
/// where space is short.
fn short_parts(c: &Couple) -> Vec<String> {
    date_parts(c)
        .into_iter()
        .map(|p| match p.rsplit_once(' ') {
            Some((word, y)) if y.trim_start_matches('~').len() == 4 => {
                let approx = if y.starts_with('~') { "~" } else { "" };
                let digits = y.trim_start_matches('~');
                format!("{word}{approx}'{}", &digits[2..])
            }
            _ => p,
        })
        .collect()
}

/// The dates on one line, e.g. `m. 1970, d. 1997`.
pub fn date_text(c: &Couple) -> String {
    date_parts(c).join(", ")
}

fn dates(g: &mut Group, c: &Couple, pts: &[P], used: &mut Used) {
    let parts = date_parts(c);
    if parts.is_empty() {
        return;
    }
    used.insert(Item::CoupleDates);
    // Above the middle of the longest horizontal run of the line.
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
    let (x, y) = ((a[0] + b[0]) / 2.0, a[1].min(b[1]) - 5.0);
    let room = (b[0] - a[0]).abs() - 4.0;
    let one_line = parts.join(", ");
    if text::width(&one_line, text::SMALL_SIZE) <= room || parts.len() == 1 {
        g.append(label_blob(one_line, x, y, "couple-date"));
    } else {
        // Too wide for the line: the short form (`m.'93`) in smaller type, the first event
        // just above the line and the others one row higher, which stays below the years
        // written above the partners and below a partner line raised over them.
        let short = short_parts(c);
        let (first, rest) = short
            .split_first()
            .map_or((String::new(), Vec::new()), |(f, r)| {
                (f.clone(), r.to_vec())
            });
        g.append(label_blob(first, x, y, "couple-date couple-date-short"));
        if !rest.is_empty() {
            g.append(label_blob(
                rest.join(" "),
                x,
                y - 10.0,
                "couple-date couple-date-short",
            ));
        }
    }
}

/// Twin marks: a bar between the lines of identical twins, `?` under the apex when the
/// file does not say.
fn twins(ctx: &Ctx, g: &mut Group, couple: &Couple, lines: &[&Line], used: &mut Used) {
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
                g.append(super::path_blob(
                    format!("M{}H{}", pt(x_at(first), y), num(x_at(last))),
                    "twin-bar",
                ));
                used.insert(Item::TwinsIdentical);
            }
            Some(false) => {
                used.insert(Item::TwinsFraternal);
            }
            None => {
                g.append(label_blob(
                    "?",
                    (x_at(first) + x_at(last)) / 2.0,
                    y + 4.0,
                    "twin-q",
                ));
                used.insert(Item::TwinsUnknown);
            }
        }
    }
}

/// The couple's `<title>`: who, what kind of union, when, and the children.
fn couple_title(ctx: &Ctx, c: CoupleIx) -> String {
    let couple = ctx.graph.couple(c);
    let names: Vec<String> = ctx
        .graph
        .partners(c)
        .iter()
        .map(|&p| ctx.name(p).to_string())
        .collect();
    let kind = match couple.relation {
        Relation::Married => "married",
        Relation::Cohabiting => "living together",
        Relation::Engaged => "engaged",
        Relation::Dating => "dating",
        Relation::Affair => "affair",
        Relation::Unknown => "union of unknown kind",
    };
    let mut s = format!("{}: {kind}", super::list_words(&names));
    let end = match slash_count(couple) {
        1 => ", separated",
        2 if couple.divorced.is_some() => ", divorced",
        2 => ", ended",
        _ => "",
    };
    s.push_str(end);
    if !ctx.opts.anonymize {
        let d = date_text(couple);
        if !d.is_empty() {
            s.push_str(&format!(" ({d})"));
        }
    }
    let children: Vec<String> = ctx
        .graph
        .children(c)
        .iter()
        .map(|&(p, link)| match link {
            Link::Biological => ctx.name(p).to_string(),
            other => format!("{} ({})", ctx.name(p), other.as_str()),
        })
        .collect();
    if !children.is_empty() {
        s.push_str(&format!("; children: {}", children.join(", ")));
    }
    s
}
