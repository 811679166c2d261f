//! The `--trace SKILL` overlay: for each caregiver → child link, a wide band along the
//! family lines from the caregiver to the child, styled by the transmission (pattern and
//! colour, never colour alone); a badge on each cycle breaker naming where they learned
//! the skill; and the longest chain of absence highlighted. The analysis decides all of
//! this ([`Trace`] is filled from it); this module only draws it.

use svg::Node;
use svg::node::element::{Circle, Group, Rectangle, Title};

use crate::graph::PersonIx;
use crate::layout::{Line, LineKind};

use super::geometry::{self, P};
use super::marks::Item;
use super::number::{num, pt};
use super::text;
use super::{Ctx, Used, label_blob, path_blob, polyline_d};

/// How a skill went from one caregiver to one child: the analysis's own type.
pub use crate::analysis::Transmission;

/// What a transmission means, in the plain words of the drawing's key.
pub(crate) fn key_words(t: Transmission) -> &'static str {
    match t {
        Transmission::Passed => "passed on: caregiver and child both have it",
        Transmission::NotPassed => "not passed on: the caregiver has it, the child lacks it",
        Transmission::Gained => "gained: the child has it though this caregiver lacks it",
        Transmission::Absent => "absent: neither has it",
        Transmission::Unknown => "not known: a level is not rated",
    }
}

/// One caregiver → child link of the traced skill.
#[derive(Clone, Debug)]
pub struct TraceLink {
    /// Who raised the child.
    pub caregiver: PersonIx,
    /// The child.
    pub child: PersonIx,
    /// What happened to the skill.
    pub transmission: Transmission,
}

/// A person who has the skill though every caregiver lacks it.
#[derive(Clone, Debug)]
pub struct Breaker {
    /// The person.
    pub person: PersonIx,
    /// Where they learned it (`learned:`), if the file says.
    pub source: Option<crate::model::Source>,
}

/// What the overlay shows, from the analysis of one skill.
#[derive(Clone, Debug, Default)]
pub struct Trace {
    /// The skill's name.
    pub skill: String,
    /// Every caregiver → child link.
    pub links: Vec<TraceLink>,
    /// The cycle breakers.
    pub breakers: Vec<Breaker>,
    /// The longest chain of absence, from the oldest caregiver to the youngest child
    /// (empty when there is none).
    pub absence_chain: Vec<PersonIx>,
}

impl Trace {
    /// The overlay of `skill` from the analysis of this family: every caregiver → child
    /// link, the cycle breakers with where they learned the skill, and the longest chain
    /// of absence (the first of the longest, in the report's order).
    pub fn from_report(
        graph: &crate::graph::FamilyGraph,
        report: &crate::analysis::Report,
        skill: &str,
    ) -> Trace {
        let links = report
            .links
            .iter()
            .filter(|l| &*l.skill == skill)
            .filter_map(|l| {
                Some(TraceLink {
                    caregiver: graph.find(&l.from)?,
                    child: graph.find(&l.to)?,
                    transmission: l.transmission,
                })
            })
            .collect();
        let breakers = report
            .breakers
            .iter()
            .filter(|b| &*b.skill == skill)
            .filter_map(|b| {
                let person = graph.find(&b.person)?;
                let source = graph
                    .person(person)
                    .rating(skill)
                    .and_then(|r| r.learned.clone());
                Some(Breaker { person, source })
            })
            .collect();
        let mut absence_chain: Vec<PersonIx> = Vec::new();
        for chain in report
            .chains
            .iter()
            .filter(|c| &*c.skill == skill && c.kind == crate::analysis::ChainKind::Absent)
        {
            let people: Vec<PersonIx> = chain
                .people
                .iter()
                .filter_map(|id| graph.find(id))
                .collect();
            if people.len() > absence_chain.len() {
                absence_chain = people;
            }
        }
        Trace {
            skill: skill.to_string(),
            links,
            breakers,
            absence_chain,
        }
    }
}

/// The short badge text and the plain words of a source.
pub fn source_badge(source: Option<&crate::model::Source>) -> (String, String) {
    use crate::model::{KnownSource as K, OpenWord};
    match source {
        None => ("?".into(), "a place not recorded".into()),
        Some(OpenWord::Known(k)) => {
            let (b, w) = match k {
                K::Family => ("F", "family"),
                K::Therapy => ("T", "therapy"),
                K::GroupTherapy => ("GT", "group therapy"),
                K::Partner => ("P", "a partner"),
                K::Mentor => ("M", "a mentor"),
                K::Community => ("C", "community"),
                K::SelfTaught => ("S", "on their own"),
            };
            (b.into(), w.into())
        }
        Some(OpenWord::Other(t)) => {
            let t = text::clean(t);
            (text::initials(std::slice::from_ref(&t)).remove(0), t)
        }
    }
}

/// The bands under the family lines.
pub fn under(ctx: &Ctx, t: &Trace, used: &mut Used) -> Group {
    let mut g = Group::new().set("id", "trace").set("class", "trace-layer");
    // The chain of absence first, so the transmission bands sit on top of it.
    if t.absence_chain.len() >= 2 {
        let mut chain = Group::new().set("id", "trace-absence-chain");
        chain.append(Title::new(format!(
            "Longest chain of absence of {}: {}",
            text::clean(&t.skill),
            t.absence_chain
                .iter()
                .map(|&p| ctx.name(p).to_string())
                .collect::<Vec<_>>()
                .join(" → ")
        )));
        for w in t.absence_chain.windows(2) {
            if let Some(route) = route(ctx, w[0], w[1]) {
                chain.append(path_blob(route, "trace-chain"));
            }
        }
        for &p in &t.absence_chain {
            if let Some(pp) = ctx.placed(p) {
                chain.append(
                    Circle::new()
                        .set("class", "trace-chain-halo")
                        .set("cx", num(pp.x))
                        .set("cy", num(pp.y))
                        .set("r", num(pp.width.max(pp.height) * 0.7)),
                );
            }
        }
        g.append(chain);
        used.insert(Item::AbsenceChain);
    }
    // Two caregivers of one child share the child's line: set them side by side.
    let mut caregivers_of: std::collections::BTreeMap<PersonIx, Vec<PersonIx>> =
        std::collections::BTreeMap::new();
    for l in &t.links {
        caregivers_of.entry(l.child).or_default().push(l.caregiver);
    }
    for link in &t.links {
        let of_child = caregivers_of
            .get(&link.child)
            .map_or(&[][..], Vec::as_slice);
        let slot = of_child
            .iter()
            .position(|&c| c == link.caregiver)
            .unwrap_or(0) as f64;
        let shift = (slot - (of_child.len() as f64 - 1.0) / 2.0) * 5.0;
        let Some(points) = route_points(ctx, link.caregiver, link.child) else {
            continue;
        };
        let d = match points {
            Route::Lines(pts) => polyline_d(&geometry::offset(&pts, shift)),
            Route::Curve(d) => d,
        };
        let mut band = Group::new().set(
            "class",
            format!("trace-link trace-link-{}", link.transmission.as_str()),
        );
        band.append(Title::new(format!(
            "{}: {} from {} to {}",
            text::clean(&t.skill),
            link.transmission.as_str(),
            ctx.name(link.caregiver),
            ctx.name(link.child)
        )));
        band.append(path_blob(
            d,
            &format!("trace trace-{}", link.transmission.as_str()),
        ));
        g.append(band);
        used.insert(Item::Trace(link.transmission));
    }
    g
}

/// Badges and rings drawn over the people.
pub fn over(ctx: &Ctx, t: &Trace, used: &mut Used) -> Group {
    let mut g = Group::new().set("id", "trace-marks");
    for b in &t.breakers {
        let Some(pp) = ctx.placed(b.person) else {
            continue;
        };
        let (badge, words) = source_badge(b.source.as_ref());
        let w = text::width(&badge, 9.0, text::Face::Bold) + 8.0;
        // Left of the skill strip, at its height: clear of partner lines (at mid-symbol)
        // and of the years above.
        let strip = super::skills::strip_width(&ctx.skill_initials);
        let x = pp.x - strip / 2.0 - 4.0 - w;
        let y = pp.y + pp.height / 2.0 + 4.0;
        let mut bg = Group::new().set("class", "breaker");
        bg.append(Title::new(format!(
            "{} broke the cycle of {}: learned it from {words}",
            ctx.name(b.person),
            text::clean(&t.skill)
        )));
        bg.append(
            Rectangle::new()
                .set("x", num(x))
                .set("y", num(y))
                .set("width", num(w))
                .set("height", "13")
                .set("rx", "6.5"),
        );
        bg.append(label_blob(badge.clone(), x + w / 2.0, y + 6.5, ""));
        g.append(bg);
        used.insert(Item::Breaker(badge, words));
    }
    g
}

/// A route for a link: along the family lines, or a curve when none joins the two.
enum Route {
    Lines(Vec<P>),
    Curve(String),
}

fn route(ctx: &Ctx, from: PersonIx, to: PersonIx) -> Option<String> {
    Some(match route_points(ctx, from, to)? {
        Route::Lines(pts) => polyline_d(&pts),
        Route::Curve(d) => d,
    })
}

/// From the caregiver along their partner line to the line of descent, down to the
/// sibship bar and down the child's line; or a curve from one to the other when the
/// child is not a child of a couple the caregiver belongs to (`raised_by`).
fn route_points(ctx: &Ctx, from: PersonIx, to: PersonIx) -> Option<Route> {
    let a = ctx.placed(from)?;
    let b = ctx.placed(to)?;
    let couple = ctx.graph.partner_couples(from).iter().copied().find(|&c| {
        ctx.graph.children(c).iter().any(|&(k, _)| k == to)
            && ctx.couple_lines[c.0]
                .iter()
                .any(|l| l.child == Some(to) && !l.secondary)
    });
    if let Some(c) = couple {
        let find = |kind: LineKind| -> Option<&Line> {
            ctx.couple_lines[c.0].iter().copied().find(|l| {
                l.kind == kind && !l.secondary && (kind != LineKind::Child || l.child == Some(to))
            })
        };
        let mut pts: Vec<P> = vec![[a.x, a.y]];
        let descent = find(LineKind::Descent).map(|l| geometry::dedup(&l.points));
        if let (Some(partner), Some(desc)) = (find(LineKind::Partner), &descent)
            && let Some(&start) = desc.first()
        {
            let mut line = geometry::dedup(&partner.points);
            if line.len() >= 2 {
                let near = |p: P| (p[0] - a.x).hypot(p[1] - a.y);
                if near(line[line.len() - 1]) < near(line[0]) {
                    line.reverse();
                }
                let along = closest_along(&line, start);
                pts.extend(geometry::piece(&line, 0.0, along));
            }
        }
        if let Some(desc) = descent {
            pts.extend(desc);
        }
        if let Some(child) = find(LineKind::Child) {
            pts.extend(geometry::dedup(&child.points));
        }
        pts.push([b.x, b.y]);
        return Some(Route::Lines(orthogonal(&geometry::dedup(&pts))));
    }
    // A bow to the side, so that it does not run along the family lines.
    let mid = [(a.x + b.x) / 2.0, (a.y + b.y) / 2.0];
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let l = dx.hypot(dy).max(1.0);
    let bow = 0.25 * l;
    let c = [mid[0] - dy / l * bow, mid[1] + dx / l * bow];
    Some(Route::Curve(format!(
        "M{}Q{} {}",
        pt(a.x, a.y),
        pt(c[0], c[1]),
        pt(b.x, b.y)
    )))
}

/// The distance along `line` of the point closest to `p`.
fn closest_along(line: &[P], p: P) -> f64 {
    let mut best = (f64::INFINITY, 0.0);
    let mut walked = 0.0;
    for w in line.windows(2) {
        let (a, b) = (w[0], w[1]);
        let l = (b[0] - a[0]).hypot(b[1] - a[1]);
        if l <= 0.0 {
            continue;
        }
        let t = (((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / (l * l))
            .clamp(0.0, 1.0);
        let q = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
        let d = (q[0] - p[0]).hypot(q[1] - p[1]);
        if d < best.0 {
            best = (d, walked + t * l);
        }
        walked += l;
    }
    best.1
}

/// Joins consecutive points that differ in both coordinates with an elbow, so that the
/// route follows the right-angled family lines.
fn orthogonal(pts: &[P]) -> Vec<P> {
    let mut out: Vec<P> = Vec::new();
    for &p in pts {
        if let Some(&q) = out.last()
            && (q[0] - p[0]).abs() > 0.5
            && (q[1] - p[1]).abs() > 0.5
        {
            out.push([q[0], p[1]]);
        }
        out.push(p);
    }
    geometry::dedup(&out)
}
