//! One person: the symbol (square, circle, diamond; pregnancy and losses), the marks in it
//! (index person's doubled outline, deceased X, condition fills, age at death), the years
//! above it, the skill strip and the label lines below it, and badges for other
//! conditions. Everything is drawn around (0, 0) inside a group translated to the
//! person's centre, with the id `person-<id>` and a `<title>`.

use svg::Node;
use svg::node::element::{Group, Rectangle, Title};

use crate::graph::PersonIx;
use crate::layout::PlacedPerson;
use crate::model::{KnownCondition, KnownGender, OpenWord, Person, PersonKind, Sex};

use super::legend::{Fill, Item};
use super::number::{num, pt};
use super::text::{self, NAME_SIZE, SMALL_SIZE};
use super::{Ctx, Used, label_blob, path_blob};

/// The base shape of a person's symbol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Shape {
    /// Man, or male when no gender is given.
    Square,
    /// Woman, or female when no gender is given.
    Circle,
    /// Non-binary, another gender, intersex or unknown.
    Diamond,
}

/// The shape by gender when given, else by sex (`format.md`, People).
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
    let (n, m) = (num(r), num(-r));
    match shape {
        Shape::Square => format!("M{m},{m}H{n}V{n}H{m}Z"),
        Shape::Circle => format!("M{m},0A{n},{n} 0 1 0 {n},0A{n},{n} 0 1 0 {m},0Z"),
        Shape::Diamond => format!("M0,{m}L{n},0L0,{n}L{m},0Z"),
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
    let (n, m) = (num(r), num(-r));
    match (shape, region) {
        (Shape::Square, Region::Left) => format!("M{m},{m}H0V{n}H{m}Z"),
        (Shape::Square, Region::Lower) => format!("M{m},0H{n}V{n}H{m}Z"),
        (Shape::Square, Region::LowerRight) => format!("M0,0H{n}V{n}H0Z"),
        (Shape::Circle, Region::Left) => format!("M0,{m}A{n},{n} 0 0 0 0,{n}Z"),
        (Shape::Circle, Region::Lower) => format!("M{m},0A{n},{n} 0 0 0 {n},0Z"),
        (Shape::Circle, Region::LowerRight) => format!("M0,0L{n},0A{n},{n} 0 0 1 0,{n}Z"),
        (Shape::Diamond, Region::Left) => format!("M0,{m}L{m},0L0,{n}Z"),
        (Shape::Diamond, Region::Lower) => format!("M{m},0L{n},0L0,{n}Z"),
        (Shape::Diamond, Region::LowerRight) => format!("M0,0L{n},0L0,{n}Z"),
    }
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

/// Draws a person as a group translated to their centre.
pub fn person(ctx: &Ctx, p: PersonIx, pp: &PlacedPerson, _order: usize, used: &mut Used) -> Group {
    let person = ctx.graph.person(p);
    let s = pp.width.min(pp.height).max(8.0);
    let r = s / 2.0;
    let top = -(pp.height / 2.0).max(r);
    let shape = shape_of(person);
    let is_index = ctx.graph.index_person() == Some(p);
    let mut g = Group::new()
        .set("id", ctx.person_svg_id(p))
        .set("class", format!("person kind-{}", person.kind.as_str()))
        .set("transform", format!("translate({})", pt(pp.x, pp.y)));
    g.append(Title::new(person_title(ctx, p)));

    // The symbol, and how far down it reaches.
    let bottom = match person.kind {
        PersonKind::Person => {
            let mut k = r;
            g.append(path_blob(outline_d(shape, r), "sym-bg"));
            for (region, fill) in fills(person) {
                g.append(path_blob(region_d(shape, region, r), fill_class(fill)));
            }
            used.extend(fill_items(person));
            g.append(path_blob(outline_d(shape, r), "sym"));
            if is_index {
                k = r * 0.8;
                g.append(path_blob(outline_d(shape, k), "sym"));
                used.insert(Item::Index);
            }
            used.insert(Item::Shape(shape));
            if person.deceased {
                // A white edge keeps the X visible over a filled half.
                if !fills(person).is_empty() {
                    g.append(path_blob(cross_d(shape, k), "mark-halo"));
                }
                g.append(path_blob(cross_d(shape, k), "mark"));
                used.insert(Item::Deceased);
            }
            if let Some(age) = age_at_death(person) {
                g.append(label_blob(age.to_string(), 0.0, 0.0, "age"));
                used.insert(Item::AgeAtDeath);
            }
            r
        }
        PersonKind::Pregnancy => {
            let h = 0.26 * s;
            connector(&mut g, top, -h);
            let tri = format!(
                "M0,{}L{},{}L{},{}Z",
                num(-h),
                num(0.3 * s),
                num(h),
                num(-0.3 * s),
                num(h)
            );
            g.append(path_blob(tri.clone(), "sym-bg"));
            g.append(path_blob(tri, "sym"));
            used.insert(Item::Pregnancy);
            h
        }
        PersonKind::Miscarriage => {
            let q = 0.15 * s;
            connector(&mut g, top, -q);
            g.append(path_blob(outline_d(Shape::Circle, q), "sym-small"));
            used.insert(Item::Miscarriage);
            q
        }
        PersonKind::Abortion => {
            let q = 0.15 * s;
            connector(&mut g, top, -q);
            g.append(path_blob(
                format!("M{m},{m}L{n},{n}M{n},{m}L{m},{n}", m = num(-q), n = num(q)),
                "mark",
            ));
            used.insert(Item::Abortion);
            q
        }
        PersonKind::Stillbirth => {
            let q = 0.25 * s;
            connector(&mut g, top, -q);
            g.append(path_blob(outline_d(shape, q), "sym-bg"));
            g.append(path_blob(outline_d(shape, q), "sym"));
            g.append(path_blob(cross_d(shape, q), "mark"));
            used.insert(Item::Stillbirth);
            q
        }
    };

    let mut years_below = None;
    if !ctx.opts.anonymize {
        let (born, died) = year_texts(person);
        if !ctx.years_below.contains(&pp.y.to_bits()) {
            years_above(&mut g, born, died, r, used);
        } else {
            years_below = years_line(person);
            if years_below.is_some() {
                used.insert(Item::YearsBelow);
            }
        }
    }
    badges(ctx, &mut g, person, r, used);

    // Below the symbol: the skill strip, then the label lines.
    let mut y = bottom.max(pp.height / 2.0) + 6.0;
    if person.kind == PersonKind::Person && !ctx.skills.is_empty() {
        let (strip, h) = super::skills::strip(ctx, person, y, used);
        g.append(strip);
        y += h + 2.0;
    }
    for (line, class, size) in label_lines(ctx, p, pp, years_below) {
        y += size;
        g.append(label_blob(line, 0.0, y, class));
        y += size * (text::LINE_HEIGHT - 1.0);
    }
    g
}

/// A line from the top of the person's box down to a small glyph.
fn connector(g: &mut Group, from: f64, to: f64) {
    if to > from + 0.5 {
        g.append(path_blob(
            format!("M0,{}V{}", num(from), num(to)),
            "connector",
        ));
    }
}

/// The deceased X inside a shape whose outline (or inner outline) has half-size `k`.
fn cross_d(shape: Shape, k: f64) -> String {
    let a = match shape {
        Shape::Square => 0.84 * k,
        Shape::Circle => 0.7 * k,
        Shape::Diamond => 0.5 * k,
    };
    format!("M{m},{m}L{n},{n}M{n},{m}L{m},{n}", m = num(-a), n = num(a))
}

/// Age at death, when both dates are known.
pub fn age_at_death(p: &Person) -> Option<i32> {
    let born = p.born.as_ref()?;
    let died = p.died.as_ref()?;
    let age = born.value.years_until(&died.value);
    (0..=150).contains(&age).then_some(age)
}

/// A year as shown: `1950`, or `~1950` when approximate.
pub fn year(d: &crate::model::PartialDate) -> String {
    format!(
        "{}{}",
        if d.is_approximate() { "~" } else { "" },
        d.year_value()
    )
}

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

/// The years as one label line under the name, where they go when a line runs through
/// the place above the symbol: `1927–1999`, `b. 1950`, `d. 1999`.
fn years_line(person: &Person) -> Option<String> {
    match (&person.born, &person.died) {
        (Some(b), Some(d)) if person.kind == PersonKind::Person => {
            Some(format!("{}–{}", year(&b.value), year(&d.value)))
        }
        (Some(b), _) if person.kind == PersonKind::Person => Some(format!("b. {}", year(&b.value))),
        (Some(b), _) => Some(year(&b.value)),
        (None, Some(d)) if person.kind == PersonKind::Person => {
            Some(format!("d. {}", year(&d.value)))
        }
        _ => None,
    }
}

/// The rows (by the exact y of their centres) where some person's years would have a
/// line running through them above the symbol: there, every person's years go under
/// the name instead, so that one row reads one way.
pub fn rows_with_years_below(ctx: &Ctx) -> Vec<u64> {
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
        boxes.push((pp.x - 2.0 - text::width(t, text::SMALL_SIZE), pp.x - 2.0));
    }
    if let Some(t) = died {
        boxes.push((pp.x + 2.0, pp.x + 2.0 + text::width(t, text::SMALL_SIZE)));
    }
    !segments.iter().any(|&(a, b)| {
        boxes
            .iter()
            .any(|&(x0, x1)| segment_hits_box(a, b, x0, x1, top, bottom))
    })
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

/// Birth year above left, death year above right (McGoldrick).
fn years_above(g: &mut Group, born: Option<String>, died: Option<String>, r: f64, used: &mut Used) {
    let y = -r - 6.0;
    if let Some(t) = born {
        g.append(label_blob(t, -2.0, y, "year year-born"));
        used.insert(Item::Years);
    }
    if let Some(t) = died {
        g.append(label_blob(t, 2.0, y, "year year-died"));
        used.insert(Item::Years);
    }
}

/// Badges for conditions without a standard fill, in a row right of the symbol.
fn badges(ctx: &Ctx, g: &mut Group, person: &Person, r: f64, used: &mut Used) {
    // Outside the lower right corner: clear of the partner line at mid-height and of the
    // death year above.
    let mut x = r + 3.0;
    let top = r - 12.0;
    for c in &person.conditions {
        let OpenWord::Other(word) = &c.value else {
            continue;
        };
        let word = text::clean(word);
        let Some(i) = ctx.badges.iter().position(|b| *b == word) else {
            continue;
        };
        let initials = &ctx.badge_initials[i];
        let w = text::width(initials, 9.0) + 6.0;
        let mut b = Group::new().set("class", "badge");
        b.append(Title::new(word.clone()));
        b.append(
            Rectangle::new()
                .set("x", num(x))
                .set("y", num(top))
                .set("width", num(w))
                .set("height", "12")
                .set("rx", "2"),
        );
        b.append(label_blob(initials.clone(), x + w / 2.0, top + 6.0, ""));
        g.append(b);
        used.insert(Item::Badge(i));
        x += w + 2.0;
    }
}

/// The legend items of a person's fills.
fn fill_items(p: &Person) -> Vec<Item> {
    let f = fills(p);
    let mut items = Vec::new();
    let both = f.len() == 2;
    for (region, fill) in f {
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

/// The lines under the symbol: name (or neutral label), the years when a line keeps them
/// from their place above the symbol, then occupation and location. Losses and
/// pregnancies without a name of their own show no name.
pub fn label_lines(
    ctx: &Ctx,
    p: PersonIx,
    pp: &PlacedPerson,
    years: Option<String>,
) -> Vec<(String, &'static str, f64)> {
    let person = ctx.graph.person(p);
    // The layout wraps at 2.6 symbol sizes (`label_wrap`); `label_width` is the widest line it
    // got, so wrapping to it could add lines the layout did not make room for.
    let max = 2.6 * pp.width.max(8.0);
    let mut out = Vec::new();
    let unnamed = person.kind != PersonKind::Person && person.name == person.id.value;
    let mut name = if unnamed && !ctx.opts.anonymize {
        String::new()
    } else {
        ctx.name(p).to_string()
    };
    if let Some(n) = ctx.note_numbers[p.0] {
        name.push_str(&format!(" [{n}]"));
    }
    for line in text::wrap(&name, NAME_SIZE, max, 2) {
        out.push((line, "label name", NAME_SIZE));
    }
    if let Some(y) = years {
        out.push((y, "label detail", SMALL_SIZE));
    }
    if !ctx.opts.anonymize {
        for field in [&person.occupation, &person.location].into_iter().flatten() {
            for line in text::wrap(&text::clean(field), SMALL_SIZE, max, 2) {
                out.push((line, "label detail", SMALL_SIZE));
            }
        }
    }
    out
}

/// The person's `<title>`: everything the symbol says, in words.
pub fn person_title(ctx: &Ctx, p: PersonIx) -> String {
    let person = ctx.graph.person(p);
    let anon = ctx.opts.anonymize;
    let mut parts: Vec<String> = Vec::new();
    let kind = match person.kind {
        PersonKind::Person => None,
        PersonKind::Pregnancy => Some("pregnancy"),
        PersonKind::Miscarriage => Some("miscarriage"),
        PersonKind::Abortion => Some("abortion"),
        PersonKind::Stillbirth => Some("stillbirth"),
    };
    if let Some(k) = kind {
        parts.push(k.into());
    }
    let identity = match &person.gender {
        Some(OpenWord::Known(k)) => k.as_str().to_string(),
        Some(OpenWord::Other(t)) if !anon => text::clean(t),
        Some(OpenWord::Other(_)) => "another gender".into(),
        None => person.sex.as_str().to_string(),
    };
    if identity != "unknown" {
        parts.push(identity);
    }
    if ctx.graph.index_person() == Some(p) {
        parts.push("index person".into());
    }
    if !anon {
        if let Some(b) = &person.born {
            parts.push(format!("born {}", year(&b.value)));
        }
        if let Some(d) = &person.died {
            parts.push(format!("died {}", year(&d.value)));
        }
    }
    if let Some(age) = age_at_death(person) {
        parts.push(format!("died at age {age}"));
    } else if person.deceased && (anon || person.died.is_none()) {
        parts.push("deceased".into());
    }
    if !anon {
        for f in [&person.occupation, &person.location].into_iter().flatten() {
            parts.push(text::clean(f));
        }
    }
    if !person.conditions.is_empty() {
        let words: Vec<String> = person
            .conditions
            .iter()
            .map(|c| text::clean(&c.value.text()))
            .collect();
        parts.push(format!("conditions: {}", words.join(", ")));
    }
    let skills: Vec<String> = ctx
        .skills
        .iter()
        .map(|s| format!("{s} {}", person.level(s).as_str()))
        .collect();
    if person.kind == PersonKind::Person && !skills.is_empty() {
        parts.push(format!("skills: {}", skills.join(", ")));
    }
    if ctx.note_numbers[p.0].is_some()
        && let Some(n) = &person.notes
    {
        parts.push(format!("note: {}", text::clean(n)));
    }
    let name = if person.kind != PersonKind::Person && person.name == person.id.value && !anon {
        String::new()
    } else {
        ctx.name(p).to_string()
    };
    if name.is_empty() {
        parts.join(", ")
    } else {
        format!("{name}: {}", parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
