//! One person: the symbol (square, circle, diamond; pregnancy and losses), the marks in it
//! (index person's doubled outline, deceased X, condition fills, age at death), the years
//! above it, the skill strip and the label lines below it, and badges for other
//! conditions. Everything is drawn around (0, 0) inside a group translated to the
//! person's centre, with the id `person-<id>` and a `<title>`.

use crate::graph::PersonIx;
use crate::layout::PlacedPerson;
use crate::model::{KnownCondition, KnownGender, OpenWord, Person, PersonKind, Sex};

pub use super::marks::Shape;
use super::marks::{Fill, Item};
use super::markup::{self, child};
use super::number::{push_int, push_num, push_pt};
use super::text;
use super::write::escape_text;
use super::{Ctx, Used};
pub use crate::layout::labels::push_year;
use crate::layout::labels::{self, LineText, Shown, Stack};

/// The shape by gender when given, else by sex (`docs/format.md`, People).
pub fn shape_of(p: &Person) -> Shape {
    match &p.gender {
        Some(OpenWord::Known(KnownGender::Man)) => Shape::Square,
        Some(OpenWord::Known(KnownGender::Woman)) => Shape::Circle,
        Some(_) => Shape::Diamond,
        None => match p.sex {
            Sex::Male => Shape::Square,
            Sex::Female => Shape::Circle,
            Sex::Intersex | Sex::Unknown => Shape::Diamond,
        },
    }
}

/// Path data of a shape centred at (0, 0) with half-size `r` (the diamond has the same
/// bounding box as the square).
pub fn outline_d(shape: Shape, r: f64) -> String {
    let mut d = String::new();
    push_outline_d(&mut d, shape, r);
    d
}

/// Appends what [`outline_d`] gives.
pub fn push_outline_d(out: &mut String, shape: Shape, r: f64) {
    push_template(
        out,
        match shape {
            Shape::Square => "Mm,mHnVnHmZ",
            Shape::Circle => "Mm,0An,n 0 1 0 n,0An,n 0 1 0 m,0Z",
            Shape::Diamond => "M0,mLn,0L0,nLm,0Z",
        },
        r,
    );
}

/// Appends path data written with `n` for the number `r` and `m` for `-r` (path commands
/// are upper case, so the two letters cannot be confused with them).
fn push_template(out: &mut String, template: &str, r: f64) {
    for c in template.chars() {
        match c {
            'n' => push_num(out, r),
            'm' => push_num(out, -r),
            c => out.push(c),
        }
    }
}

/// A region of the symbol that a condition fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Region {
    /// The left half: illness.
    Left,
    /// The lower half: substance use.
    Lower,
    /// The lower right quarter: substance use next to an illness (three quarters in all).
    LowerRight,
}

/// Path data of a region of a shape of half-size `r`.
pub fn region_d(shape: Shape, region: Region, r: f64) -> String {
    let mut d = String::new();
    push_region_d(&mut d, shape, region, r);
    d
}

/// Appends what [`region_d`] gives.
fn push_region_d(out: &mut String, shape: Shape, region: Region, r: f64) {
    let template = match (shape, region) {
        (Shape::Square, Region::Left) => "Mm,mH0VnHmZ",
        (Shape::Square, Region::Lower) => "Mm,0HnVnHmZ",
        (Shape::Square, Region::LowerRight) => "M0,0HnVnH0Z",
        (Shape::Circle, Region::Left) => "M0,mAn,n 0 0 0 0,nZ",
        (Shape::Circle, Region::Lower) => "Mm,0An,n 0 0 0 n,0Z",
        (Shape::Circle, Region::LowerRight) => "M0,0Ln,0An,n 0 0 1 0,nZ",
        (Shape::Diamond, Region::Left) => "M0,mLm,0L0,nZ",
        (Shape::Diamond, Region::Lower) => "Mm,0Ln,0L0,nZ",
        (Shape::Diamond, Region::LowerRight) => "M0,0Ln,0L0,nZ",
    };
    push_template(out, template, r);
}

/// The fills a person's conditions call for: (region, fill), at most two.
pub fn fills(p: &Person) -> Vec<(Region, Fill)> {
    let mut illness = false;
    let mut substance: Option<Fill> = None;
    for c in &p.conditions {
        let OpenWord::Known(k) = c.value else {
            continue;
        };
        let fill = match k {
            KnownCondition::Illness | KnownCondition::MentalIllness => {
                illness = true;
                continue;
            }
            KnownCondition::Alcohol | KnownCondition::Drugs => Fill::Solid,
            KnownCondition::AlcoholRecovery | KnownCondition::DrugsRecovery => Fill::Hatch,
            KnownCondition::SuspectedAlcohol | KnownCondition::SuspectedDrugs => Fill::Dots,
        };
        // The strongest wins: use over recovery over suspicion.
        substance = Some(substance.map_or(fill, |f| f.min(fill)));
    }
    let mut out = Vec::new();
    if illness {
        out.push((Region::Left, Fill::Solid));
    }
    if let Some(f) = substance {
        out.push((
            if illness {
                Region::LowerRight
            } else {
                Region::Lower
            },
            f,
        ));
    }
    out
}

/// The class of a fill.
pub fn fill_class(f: Fill) -> &'static str {
    match f {
        Fill::Solid => "fill-solid",
        Fill::Hatch => "fill-hatch",
        Fill::Dots => "fill-dots",
    }
}

/// Draws a person as a group translated to their centre, appended to `out` on a new line.
pub fn person(ctx: &Ctx, p: PersonIx, pp: &PlacedPerson, out: &mut String, used: &mut Used) {
    let person = ctx.graph.person(p);
    let s = pp.width.min(pp.height).max(8.0);
    let r = s / 2.0;
    let top = -(pp.height / 2.0).max(r);
    let shape = shape_of(person);
    let is_index = ctx.graph.index_person() == Some(p);
    child(out, "g")
        .with("class", |o| {
            o.push_str("person kind-");
            o.push_str(person.kind.as_str());
        })
        .with("id", |o| ctx.push_person_svg_id(o, p))
        .with("transform", |o| {
            o.push_str("translate(");
            push_pt(o, pp.x, pp.y);
            o.push(')');
        })
        .open();
    person_title(ctx, p, out);

    // The symbol, and how far down it reaches.
    let bottom = match person.kind {
        PersonKind::Person => {
            let mut k = r;
            markup::path(out, "sym-bg", |o| push_outline_d(o, shape, r));
            let fills = fills(person);
            for &(region, fill) in &fills {
                markup::path(out, fill_class(fill), |o| {
                    push_region_d(o, shape, region, r)
                });
            }
            used.extend(fill_items(&fills));
            markup::path(out, "sym", |o| push_outline_d(o, shape, r));
            if is_index {
                k = r * 0.8;
                markup::path(out, "sym", |o| push_outline_d(o, shape, k));
                used.insert(Item::Index);
            }
            used.insert(Item::Shape(shape));
            if person.deceased {
                // A white edge keeps the X visible over a filled half.
                if !fills.is_empty() {
                    markup::path(out, "mark-halo", |o| push_cross_d(o, shape, k));
                }
                markup::path(out, "mark", |o| push_cross_d(o, shape, k));
                used.insert(Item::Deceased);
            }
            if let Some(age) = ctx.age_at_death(p) {
                // On a white plate over the X and any fill, so the digits read at 100 %.
                age_plate(out, age);
                text_with(out, "age", 0.0, 0.0, |o| push_int(o, age.into()));
                used.insert(Item::AgeAtDeath);
            }
            r
        }
        PersonKind::Pregnancy => {
            let h = 0.26 * s;
            connector(out, top, -h);
            let tri = |o: &mut String| {
                o.push_str("M0,");
                push_num(o, -h);
                o.push('L');
                push_pt(o, 0.3 * s, h);
                o.push('L');
                push_pt(o, -0.3 * s, h);
                o.push('Z');
            };
            markup::path(out, "sym-bg", tri);
            markup::path(out, "sym", tri);
            used.insert(Item::Pregnancy);
            h
        }
        PersonKind::Miscarriage => {
            let q = 0.15 * s;
            connector(out, top, -q);
            markup::path(out, "sym-small", |o| push_outline_d(o, Shape::Circle, q));
            used.insert(Item::Miscarriage);
            q
        }
        PersonKind::Abortion => {
            let q = 0.15 * s;
            connector(out, top, -q);
            markup::path(out, "mark", |o| push_template(o, "Mm,mLn,nMn,mLm,n", q));
            used.insert(Item::Abortion);
            q
        }
        PersonKind::Stillbirth => {
            let q = 0.25 * s;
            connector(out, top, -q);
            markup::path(out, "sym-bg", |o| push_outline_d(o, shape, q));
            markup::path(out, "sym", |o| push_outline_d(o, shape, q));
            markup::path(out, "mark", |o| push_stillbirth_cross_d(o, q));
            used.insert(Item::Stillbirth(shape));
            q
        }
    };

    let mut years_below = false;
    if !ctx.years_below.contains(&pp.y.to_bits()) {
        years_above(out, person, r, used);
    } else {
        years_below = labels::has_years_line(person);
        if years_below {
            used.insert(Item::YearsBelow);
        }
    }
    badges(ctx, out, person, r, used);

    // Below the symbol: the skill strip, then the label lines, placed by the label model
    // the layout made room with.
    let mut stack = Stack::new(bottom.max(pp.height / 2.0), ctx.layout_options);
    if labels::has_strip(person, &ctx.common) {
        let top = stack.strip();
        super::skills::strip(ctx, person, top, out, used);
    }
    label_lines(ctx, p, years_below, |line, role| {
        let y = stack.line(role);
        match line {
            LineText::Text(t) => markup::text(out, role.class(), 0.0, y, t),
            LineText::Years => text_with(out, role.class(), 0.0, y, |o| {
                labels::push_years_line(o, person)
            }),
        }
    });
    markup::close(out, "g");
}

/// A `<text>` whose content `write` appends: years and ages, which need no escaping
/// (checked in debug builds).
fn text_with(out: &mut String, class: &str, x: f64, y: f64, write: impl FnOnce(&mut String)) {
    markup::text_with(out, class, x, y, |out| {
        let start = out.len();
        write(out);
        debug_assert!(!out[start..].contains(['&', '<', '>']));
    });
}

/// A line from the top of the person's box down to a small glyph.
fn connector(out: &mut String, from: f64, to: f64) {
    if to > from + 0.5 {
        markup::path(out, "connector", |o| {
            o.push_str("M0,");
            push_num(o, from);
            o.push('V');
            push_num(o, to);
        });
    }
}

/// The deceased X inside a shape whose outline (or inner outline) has half-size `k`.
fn push_cross_d(out: &mut String, shape: Shape, k: f64) {
    let a = match shape {
        Shape::Square => 0.84 * k,
        Shape::Circle => 0.7 * k,
        // Through the diamond's sides: an X that stayed inside would run parallel to
        // them and read as a `+` in a square.
        Shape::Diamond => 0.75 * k,
    };
    push_template(out, "Mm,mLn,nMn,mLm,n", a);
}

/// The X of a stillbirth over its small symbol of half-size `q`: reaching past the
/// outline whatever the shape, so it reads as the X of a death and never as a `+`.
pub fn push_stillbirth_cross_d(out: &mut String, q: f64) {
    push_template(out, "Mm,mLn,nMn,mLm,n", 1.25 * q);
}

/// Height of the white plate under the age at death.
const AGE_PLATE_H: f64 = 14.0;

/// A white plate under the digits of the age at death, as wide as they are.
pub fn age_plate(out: &mut String, age: i32) {
    let digits = age.to_string();
    let w = text::width(&digits, labels::NAME_SIZE, text::Face::Bold) + 4.0;
    child(out, "rect")
        .attr("class", "age-plate")
        .num("height", AGE_PLATE_H)
        .with("rx", |o| o.push('2'))
        .num("width", w)
        .num("x", -w / 2.0)
        .num("y", -AGE_PLATE_H / 2.0)
        .empty();
}

/// Birth year above left, death year above right (McGoldrick): birth as `1927–`
/// (a plain year for losses and pregnancies), death as `1999` (people only).
fn years_above(out: &mut String, person: &Person, r: f64, used: &mut Used) {
    let y = -r - labels::YEAR_GAP;
    let is_person = person.kind == PersonKind::Person;
    if let Some(b) = &person.born {
        text_with(out, "year year-born", -labels::YEAR_SIDE, y, |o| {
            push_year(o, &b.value);
            if is_person {
                o.push('–');
            }
        });
        used.insert(Item::Years);
    }
    if let Some(d) = person.died.as_ref().filter(|_| is_person) {
        text_with(out, "year year-died", labels::YEAR_SIDE, y, |o| {
            push_year(o, &d.value)
        });
        used.insert(Item::Years);
    }
}

/// Badges for conditions without a standard fill, in a row right of the symbol.
fn badges(ctx: &Ctx, out: &mut String, person: &Person, r: f64, used: &mut Used) {
    // Outside the lower right corner: clear of the partner line at mid-height and of the
    // death year above.
    let mut x = r + labels::BADGE_GAP;
    let top = r - labels::BADGE_HEIGHT;
    for i in ctx.common.badges_of(person) {
        let word = &ctx.common.badges[i];
        let initials = &ctx.common.badge_initials[i];
        let w = labels::badge_width(initials);
        child(out, "g").attr("class", "badge").open();
        markup::title(out, word);
        child(out, "rect")
            .with("height", |o| o.push_str("12"))
            .with("rx", |o| o.push('2'))
            .num("width", w)
            .num("x", x)
            .num("y", top)
            .empty();
        markup::text(out, "", x + w / 2.0, top + 6.0, initials);
        markup::close(out, "g");
        used.insert(Item::Badge(i));
        x += w + 2.0;
    }
}

/// The legend items of a person's fills.
fn fill_items(f: &[(Region, Fill)]) -> Vec<Item> {
    let mut items = Vec::new();
    let both = f.len() == 2;
    for &(region, fill) in f {
        items.push(match region {
            Region::Left => Item::Illness,
            _ => Item::Substance(fill),
        });
    }
    if both {
        items.push(Item::IllnessAndSubstance);
    }
    items
}

/// The lines under the symbol, each with its role: name (or neutral label) with its note
/// number, the years when a line keeps them from their place above the symbol (`years`),
/// then occupation and location, as the label model gives them.
fn label_lines(ctx: &Ctx, p: PersonIx, years: bool, line: impl FnMut(LineText, labels::Role)) {
    let person = ctx.graph.person(p);
    // The drawn family's own name (the neutral label in the anonymous view); a loss or
    // pregnancy without a name of its own shows none, as the layout made room for.
    let own = labels::own_name(person);
    let name = labels::with_note(&own, ctx.note_numbers[p.0]);
    let shown = Shown {
        name: &name,
        years,
        details: true,
    };
    labels::for_each_line(person, shown, labels::wrap_width(ctx.layout_options), line);
}

/// The person's `<title>`, on a new line: everything the symbol says, in words, as
/// `name: part, part, …`.
fn person_title(ctx: &Ctx, p: PersonIx, out: &mut String) {
    let person = ctx.graph.person(p);
    out.push_str("\n<title>");
    let unnamed = person.kind != PersonKind::Person && person.name == person.id.value;
    if !unnamed && !ctx.name(p).is_empty() {
        escape_text(out, ctx.name(p));
        out.push_str(": ");
    }
    let mut parts = Parts { out, first: true };
    let kind = match person.kind {
        PersonKind::Person => None,
        PersonKind::Pregnancy => Some("pregnancy"),
        PersonKind::Miscarriage => Some("miscarriage"),
        PersonKind::Abortion => Some("abortion"),
        PersonKind::Stillbirth => Some("stillbirth"),
    };
    if let Some(k) = kind {
        parts.next().push_str(k);
    }
    let other;
    let identity = match &person.gender {
        Some(OpenWord::Known(k)) => k.as_str(),
        Some(OpenWord::Other(t)) => {
            other = text::clean(t);
            other.as_str()
        }
        None => person.sex.as_str(),
    };
    if identity != "unknown" {
        escape_text(parts.next(), identity);
    }
    if ctx.graph.index_person() == Some(p) {
        parts.next().push_str("index person");
    }
    if let Some(b) = &person.born {
        let o = parts.next();
        o.push_str("born ");
        push_year(o, &b.value);
    }
    if let Some(d) = &person.died {
        let o = parts.next();
        o.push_str("died ");
        push_year(o, &d.value);
    }
    if let Some(age) = ctx.age_at_death(p) {
        let o = parts.next();
        o.push_str("died at age ");
        push_int(o, age.into());
    } else if person.deceased && person.died.is_none() {
        parts.next().push_str("deceased");
    }
    for f in [&person.occupation, &person.location].into_iter().flatten() {
        escape_text(parts.next(), &text::clean(f));
    }
    if !person.conditions.is_empty() {
        let o = parts.next();
        o.push_str("conditions: ");
        for (i, c) in person.conditions.iter().enumerate() {
            if i > 0 {
                o.push_str(", ");
            }
            escape_text(o, &text::clean(&c.value.text()));
        }
    }
    if person.kind == PersonKind::Person && !ctx.skills.is_empty() {
        let o = parts.next();
        o.push_str("skills: ");
        for (i, s) in ctx.skills.iter().enumerate() {
            if i > 0 {
                o.push_str(", ");
            }
            escape_text(o, s);
            o.push(' ');
            o.push_str(person.level(s).as_str());
        }
    }
    if ctx.note_numbers[p.0].is_some()
        && let Some(n) = &person.notes
    {
        let o = parts.next();
        o.push_str("note: ");
        escape_text(o, &text::clean(n));
    }
    out.push_str("</title>");
}

/// Parts of a title, separated by commas.
struct Parts<'a> {
    out: &'a mut String,
    first: bool,
}

impl Parts<'_> {
    /// Where the next part goes, after a comma unless it is the first.
    fn next(&mut self) -> &mut String {
        if !self.first {
            self.out.push_str(", ");
        }
        self.first = false;
        self.out
    }
}
