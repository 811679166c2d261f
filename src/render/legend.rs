//! The legend, built from what the drawing actually uses (each part of the renderer
//! records the notation it draws as an [`Item`]), with a small sample of each mark and
//! its meaning in plain words. Also the numbered notes shown with `--notes`.

use svg::Node;
use svg::node::element::{Group, Rectangle};

use crate::model::{Level, Relation};

use super::marks::{Fill, Item};
use super::number::{num, pt};
use super::relationships::{self, kind_words, recipe};
use super::symbols::{Region, Shape, fill_class, outline_d, region_d};
use super::text::{self, SMALL_SIZE};
use super::{Ctx, label_blob, path, path_blob};

const SAMPLE_W: f64 = 52.0;
const COLUMN_W: f64 = 270.0;
const LINE: f64 = 13.0;

/// The legend group (`id="legend"`) for a drawing `width` wide, and its size.
pub fn legend(ctx: &Ctx, used: &super::Used, width: f64) -> (Group, (f64, f64)) {
    let columns = ((width - 16.0) / COLUMN_W).floor().max(1.0) as usize;
    let inner_w = columns as f64 * COLUMN_W;
    let mut entries = Group::new();
    let mut y = 32.0;
    let mut col = 0;
    let mut row_h: f64 = 0.0;
    for item in used {
        let words = words(ctx, item);
        let lines = text::wrap(
            &words,
            SMALL_SIZE,
            text::Face::Regular,
            COLUMN_W - SAMPLE_W - 16.0,
        );
        let h = (lines.len() as f64 * LINE + 6.0).max(26.0);
        let x = 8.0 + col as f64 * COLUMN_W;
        let cy = y + h / 2.0;
        let mut e = Group::new().set("class", "legend-entry");
        let mut sample = Group::new().set(
            "transform",
            format!("translate({})", pt(x + SAMPLE_W / 2.0, cy)),
        );
        draw_sample(ctx, &mut sample, item);
        e.append(sample);
        let top = cy - (lines.len() as f64 - 1.0) * LINE / 2.0;
        for (i, line) in lines.into_iter().enumerate() {
            e.append(label_blob(
                line,
                x + SAMPLE_W + 8.0,
                top + i as f64 * LINE,
                "legend-text",
            ));
        }
        entries.append(e);
        row_h = row_h.max(h);
        col += 1;
        if col == columns {
            col = 0;
            y += row_h + 4.0;
            row_h = 0.0;
        }
    }
    if col > 0 {
        y += row_h + 4.0;
    }
    let height = y + 4.0;
    let g = Group::new()
        .set("id", "legend")
        .set("class", "legend")
        .add(
            Rectangle::new()
                .set("class", "legend-frame")
                .set("x", "0")
                .set("y", "0")
                .set("width", num(inner_w + 16.0))
                .set("height", num(height))
                .set("rx", "4"),
        )
        .add(label_blob("Key", 8.0, 20.0, "legend-heading"))
        .add(entries);
    (g, (inner_w + 16.0, height))
}

/// Height of a row of the compact key.
const COMPACT_ROW: f64 = 22.0;
/// Space after an entry of the compact key.
const COMPACT_GAP: f64 = 14.0;

/// The compact key (`id="legend"`), at most `width` wide: only the marks the drawing
/// uses beyond the universal ones (square, circle, marriage), each a small sample and a
/// few words, flowing across the width in rows. Returns the group and its size.
pub fn compact(ctx: &Ctx, used: &super::Used, width: f64) -> (Group, (f64, f64)) {
    let heading_w = text::width("Key", 13.0, text::Face::Bold) + 12.0;
    let inner = width.max(200.0);
    let mut entries = Group::new();
    let (mut x, mut y) = (8.0 + heading_w, 4.0);
    let mut rows = 1;
    let mut widest: f64 = x;
    for item in used.iter().filter(|i| !is_universal(i)) {
        let words = short_words(ctx, item);
        let sample_w = sample_width(item);
        let text_w = text::width(&words, SMALL_SIZE, text::Face::Regular);
        let w = sample_w + 4.0 + text_w;
        if x + w > inner && x > 8.0 + heading_w {
            x = 8.0 + heading_w;
            y += COMPACT_ROW;
            rows += 1;
        }
        let cy = y + COMPACT_ROW / 2.0;
        let mut e = Group::new().set("class", "legend-entry");
        let mut sample = Group::new().set(
            "transform",
            format!("translate({})", pt(x + sample_w / 2.0, cy)),
        );
        draw_sample(ctx, &mut sample, item);
        e.append(sample);
        e.append(label_blob(words, x + sample_w + 4.0, cy, "legend-text"));
        entries.append(e);
        x += w + COMPACT_GAP;
        widest = widest.max(x - COMPACT_GAP + 8.0);
    }
    if widest <= 8.0 + heading_w {
        // Nothing beyond the universal marks: no key at all is needed, but say so.
        entries.append(label_blob(
            "square: man, circle: woman, line between: married",
            8.0 + heading_w,
            4.0 + COMPACT_ROW / 2.0,
            "legend-text",
        ));
        widest = inner;
    }
    let height = 8.0 + rows as f64 * COMPACT_ROW;
    // As wide as its widest row: an entry longer than the width alone on its row widens
    // the key rather than run out of it.
    let frame_w = widest;
    let g = Group::new()
        .set("id", "legend")
        .set("class", "legend legend-compact")
        .add(
            Rectangle::new()
                .set("class", "legend-frame")
                .set("x", "0")
                .set("y", "0")
                .set("width", num(frame_w))
                .set("height", num(height))
                .set("rx", "4"),
        )
        .add(label_blob(
            "Key",
            8.0,
            4.0 + COMPACT_ROW / 2.0,
            "legend-heading legend-text",
        ))
        .add(entries);
    (g, (frame_w, height))
}

/// The marks every reader of a genogram knows, which the compact key leaves out.
fn is_universal(item: &Item) -> bool {
    matches!(
        item,
        Item::Shape(Shape::Square | Shape::Circle) | Item::Relation(Relation::Married)
    )
}

/// The width of an item's sample in the compact key: a symbol's, a stretch of line's,
/// or the years' text.
fn sample_width(item: &Item) -> f64 {
    match item {
        Item::Years => 60.0,
        Item::YearsBelow => 44.0,
        _ if is_line(item) => 48.0,
        _ => 24.0,
    }
}

/// Whether an item's sample is a stretch of line (wider than a symbol's).
fn is_line(item: &Item) -> bool {
    matches!(
        item,
        Item::Relation(_)
            | Item::CoupleDates
            | Item::Separated
            | Item::Divorced
            | Item::Adopted
            | Item::Foster
            | Item::BirthLink
            | Item::StepLink
            | Item::Emotional(_)
            | Item::Trace(_)
            | Item::AbsenceChain
            | Item::Skills
    )
}

/// An item's meaning in a few words, for the compact key.
fn short_words(ctx: &Ctx, item: &Item) -> String {
    match item {
        Item::Shape(Shape::Square) => "man".into(),
        Item::Shape(Shape::Circle) => "woman".into(),
        Item::Shape(Shape::Diamond) => "non-binary or not known".into(),
        Item::Index => "the client".into(),
        Item::Deceased => "died".into(),
        Item::Years => "years of birth, death".into(),
        Item::YearsBelow => "b. born, d. died".into(),
        Item::AgeAtDeath if ctx.graph.family().as_of.is_some() => "age then, or at death".into(),
        Item::AgeAtDeath => "age at death".into(),
        Item::Pregnancy => "pregnancy".into(),
        Item::Miscarriage => "miscarriage".into(),
        Item::Abortion => "abortion".into(),
        Item::Stillbirth(_) => "stillbirth".into(),
        Item::Illness => "illness".into(),
        Item::Substance(Fill::Solid) => "alcohol or drugs".into(),
        Item::Substance(Fill::Hatch) => "in recovery".into(),
        Item::Substance(Fill::Dots) => "suspected misuse".into(),
        Item::IllnessAndSubstance => "illness and misuse".into(),
        Item::Badge(i) => format!(
            "{}: {}",
            ctx.common.badge_initials[*i], ctx.common.badges[*i]
        ),
        Item::Relation(r) => match r {
            Relation::Married => "married",
            Relation::Cohabiting => "living together",
            Relation::Engaged => "engaged",
            Relation::Dating => "dating",
            Relation::Affair => "affair",
            Relation::Unknown => "union, kind not known",
        }
        .into(),
        Item::CoupleDates => {
            "m. married, s. separated, d. divorced, e. ended, LT living together".into()
        }
        Item::Separated => "separated".into(),
        Item::Divorced => "divorced or ended".into(),
        Item::Adopted => "adopted".into(),
        Item::Foster => "foster child".into(),
        Item::BirthLink => "birth parents".into(),
        Item::StepLink => "step-child".into(),
        Item::TwinsIdentical => "identical twins".into(),
        Item::TwinsFraternal => "fraternal twins".into(),
        Item::TwinsUnknown => "twins".into(),
        Item::Emotional(k) => {
            let w = kind_words(*k);
            w.split(" (").next().unwrap_or(w).into()
        }
        Item::Skills => {
            let pairs: Vec<String> = ctx
                .skill_initials
                .iter()
                .zip(&ctx.skills)
                .map(|(i, s)| format!("{i} {s}"))
                .collect();
            pairs.join(", ")
        }
        Item::Level(l) => match l {
            Level::None => "no skill",
            Level::Some => "some skill",
            Level::Strong => "strong skill",
            Level::Unknown => "skill not rated",
        }
        .into(),
        // The drawing shows how long it is.
        Item::AbsenceChain => "longest chain of absence".into(),
        _ => words(ctx, item),
    }
}

/// An item's meaning in plain words.
fn words(ctx: &Ctx, item: &Item) -> String {
    match item {
        Item::Shape(Shape::Square) => "man (or male, when no gender is given)".into(),
        Item::Shape(Shape::Circle) => "woman (or female, when no gender is given)".into(),
        Item::Shape(Shape::Diamond) => "non-binary, another gender, or not known".into(),
        Item::Index => "the index person (the client), drawn with a double outline".into(),
        Item::Deceased => "died".into(),
        Item::Years => "year of birth (left) and of death (right), above the symbol".into(),
        Item::YearsBelow => "under a name: 1927–1999 born and died, b. born, d. died".into(),
        Item::AgeAtDeath if ctx.graph.family().as_of.is_some() => {
            "number inside the symbol: age then, or age at death".into()
        }
        Item::AgeAtDeath => "number inside the symbol: age at death".into(),
        Item::Pregnancy => "current pregnancy".into(),
        Item::Miscarriage => "miscarriage".into(),
        Item::Abortion => "abortion".into(),
        Item::Stillbirth(_) => "stillbirth".into(),
        Item::Illness => "left half filled: physical or mental illness".into(),
        Item::Substance(Fill::Solid) => "lower half filled: alcohol or drug misuse".into(),
        Item::Substance(Fill::Hatch) => {
            "lower half hatched: in recovery from alcohol or drug misuse".into()
        }
        Item::Substance(Fill::Dots) => "lower half dotted: suspected alcohol or drug misuse".into(),
        Item::IllnessAndSubstance => "three quarters: illness and alcohol or drug misuse".into(),
        Item::Badge(i) => format!("{}: {}", ctx.common.badge_initials[*i], ctx.common.badges[*i]),
        Item::Relation(r) => match r {
            Relation::Married => "married",
            Relation::Cohabiting => "living together, not married",
            Relation::Engaged => "engaged",
            Relation::Dating => "dating, in a committed relationship",
            Relation::Affair => "affair",
            Relation::Unknown => "a union of unknown kind",
        }
        .into(),
        Item::CoupleDates => {
            "dates on a partner line: m. married, LT living together, rel. together, s. separated, d. divorced, e. ended; '93 is 1993".into()
        }
        Item::Separated => "one slash: separated".into(),
        Item::Divorced => "two slashes: divorced, or the union ended".into(),
        Item::Adopted => "dashed line and brackets: adopted child".into(),
        Item::Foster => "dotted line: foster child".into(),
        Item::BirthLink => "thin line: to the birth parents, who did not raise the child".into(),
        Item::StepLink => {
            "thin dashed line: step-child, lives with this couple (a parent and a step-parent)"
                .into()
        }
        Item::TwinsIdentical => "identical twins (joined by a bar)".into(),
        Item::TwinsFraternal => "fraternal twins".into(),
        Item::TwinsUnknown => "twins, not known whether identical".into(),
        Item::Emotional(k) => kind_words(*k).into(),
        Item::Skills => {
            let pairs: Vec<String> = ctx
                .skill_initials
                .iter()
                .zip(&ctx.skills)
                .map(|(i, s)| format!("{i} {s}"))
                .collect();
            format!("skills under each person: {}", pairs.join(", "))
        }
        Item::Level(l) => match l {
            Level::None => "skill: none",
            Level::Some => "skill: some",
            Level::Strong => "skill: strong",
            Level::Unknown => "skill: not rated",
        }
        .into(),
        Item::Trace(t) => format!(
            "{}: {}",
            ctx.opts
                .trace
                .as_ref()
                .map(|t| text::clean(&t.skill))
                .unwrap_or_default(),
            super::trace::key_words(*t)
        ),
        Item::Breaker(b, _) if b == "?" => "broke the cycle; where they learned it is not recorded".into(),
        Item::Breaker(_, w) => format!("broke the cycle: learned it from {w}"),
        Item::AbsenceChain => {
            let n = ctx.opts.trace.as_ref().map_or(0, |t| t.absence_chain.len());
            format!("longest chain of absence ({n} generations)")
        }
    }
}

fn draw_sample(ctx: &Ctx, g: &mut Group, item: &Item) {
    let r = 9.0;
    let square = || path(outline_d(Shape::Square, r), "sym");
    let bg = || path(outline_d(Shape::Square, r), "sym-bg");
    match item {
        Item::Shape(s) => {
            g.append(path_blob(outline_d(*s, r), "sym-bg"));
            g.append(path_blob(outline_d(*s, r), "sym"));
        }
        Item::Index => {
            g.append(bg());
            g.append(square());
            g.append(path_blob(outline_d(Shape::Square, r * 0.7), "sym"));
        }
        Item::Deceased => {
            g.append(bg());
            g.append(square());
            g.append(path_blob("M-7,-7L7,7M7,-7L-7,7", "mark"));
        }
        Item::Years => {
            g.append(label_blob(
                "1927–",
                -1.0,
                3.0,
                "year year-born legend-small",
            ));
            g.append(label_blob("1999", 1.0, 3.0, "year year-died legend-small"));
        }
        Item::YearsBelow => {
            g.append(label_blob("b. 1970", 0.0, 3.0, "label detail legend-small"));
        }
        Item::AgeAtDeath => {
            g.append(path_blob(outline_d(Shape::Square, 11.0), "sym-bg"));
            g.append(path_blob(outline_d(Shape::Square, 11.0), "sym"));
            g.append(path_blob("M-9,-9L9,9M9,-9L-9,9", "mark"));
            let mut plate = String::new();
            super::symbols::age_plate(&mut plate, 72);
            g.append(svg::node::Blob::new(plate.trim_start().to_string()));
            g.append(label_blob("72", 0.0, 0.0, "age"));
        }
        Item::Pregnancy => g.append(path_blob("M0,-8L9,8L-9,8Z", "sym")),
        Item::Miscarriage => g.append(path_blob(outline_d(Shape::Circle, 5.0), "sym-small")),
        Item::Abortion => g.append(path_blob("M-5,-5L5,5M5,-5L-5,5", "mark")),
        Item::Stillbirth(shape) => {
            g.append(path_blob(outline_d(*shape, 7.0), "sym-bg"));
            g.append(path_blob(outline_d(*shape, 7.0), "sym"));
            let mut d = String::new();
            super::symbols::push_stillbirth_cross_d(&mut d, 7.0);
            g.append(path_blob(d, "mark"));
        }
        Item::Illness | Item::Substance(_) | Item::IllnessAndSubstance => {
            g.append(bg());
            let parts: Vec<(Region, Fill)> = match item {
                Item::Illness => vec![(Region::Left, Fill::Solid)],
                Item::Substance(f) => vec![(Region::Lower, *f)],
                _ => vec![
                    (Region::Left, Fill::Solid),
                    (Region::LowerRight, Fill::Solid),
                ],
            };
            for (region, fill) in parts {
                g.append(path_blob(
                    region_d(Shape::Square, region, r),
                    fill_class(fill),
                ));
            }
            g.append(square());
        }
        Item::Badge(i) => {
            let w = crate::layout::labels::badge_width(&ctx.common.badge_initials[*i]);
            let mut b = Group::new().set("class", "badge");
            b.append(
                Rectangle::new()
                    .set("x", num(-w / 2.0))
                    .set("y", "-6")
                    .set("width", num(w))
                    .set("height", "12")
                    .set("rx", "2"),
            );
            b.append(label_blob(
                ctx.common.badge_initials[*i].clone(),
                0.0,
                0.0,
                "",
            ));
            g.append(b);
        }
        Item::Relation(rel) => g.append(path_blob(
            "M-22,0H22",
            &format!("line partner partner-{}", rel.as_str()),
        )),
        Item::CoupleDates => {
            g.append(path_blob("M-22,4H22", "line partner"));
            g.append(label_blob("m. 1970", 0.0, -1.0, "couple-date"));
        }
        Item::Separated | Item::Divorced => {
            g.append(path_blob("M-22,0H22", "line partner"));
            let n = if *item == Item::Separated { 1 } else { 2 };
            g.append(path_blob(
                super::lines::slash_d(&[[-22.0, 0.0], [22.0, 0.0]], 22.0, n, 40.0),
                "slash",
            ));
        }
        Item::Adopted => {
            g.append(path_blob("M0,-13V-6", "line child child-adopted"));
            g.append(path_blob("M-7,-10H-10V10H-7M7,-10H10V10H7", "bracket"));
            g.append(path_blob(outline_d(Shape::Square, 6.0), "sym"));
        }
        Item::Foster => g.append(path_blob("M0,-12V12", "line child child-foster")),
        Item::BirthLink => g.append(path_blob("M0,-12V12", "line child child-birth")),
        Item::StepLink => g.append(path_blob("M0,-12V12", "line child child-birth child-step")),
        Item::TwinsIdentical | Item::TwinsFraternal | Item::TwinsUnknown => {
            g.append(path_blob("M0,-11L-12,11M0,-11L12,11", "line"));
            match item {
                Item::TwinsIdentical => g.append(path_blob("M-6,0H6", "twin-bar")),
                Item::TwinsUnknown => g.append(label_blob("?", 0.0, 9.0, "twin-q")),
                _ => {}
            }
        }
        Item::Emotional(k) => {
            let mut drawn = String::new();
            relationships::draw(&mut drawn, &[[-24.0, 0.0], [24.0, 0.0]], recipe(*k), 36.0);
            // Written as children are, each on a new line: one blob without the first
            // line break gives the same text.
            if let Some(elements) = drawn.strip_prefix('\n') {
                g.append(svg::node::Blob::new(elements));
            }
        }
        Item::Skills => {
            g.append(label_blob(
                ctx.skill_initials.join(" "),
                0.0,
                0.0,
                "skill-letter legend-skills",
            ));
        }
        Item::Level(l) => {
            let c = super::skills::CELL * 1.3;
            let rect = || {
                Rectangle::new()
                    .set("x", num(-c / 2.0))
                    .set("y", num(-c / 2.0))
                    .set("width", num(c))
                    .set("height", num(c))
            };
            match l {
                Level::None => g.append(rect().set("class", "skill-cell")),
                Level::Some => {
                    g.append(rect().set("class", "skill-cell"));
                    g.append(path_blob(
                        format!("M{m},{n}H{n}V{m}Z", m = num(-c / 2.0), n = num(c / 2.0)),
                        "skill-fill",
                    ));
                }
                Level::Strong => g.append(rect().set("class", "skill-cell skill-fill")),
                Level::Unknown => {
                    g.append(rect().set("class", "skill-cell skill-unknown"));
                    g.append(label_blob("?", 0.0, 0.0, "skill-q"));
                }
            }
        }
        Item::Trace(t) => g.append(path_blob(
            "M-22,0H22",
            &format!("trace trace-{}", t.as_str()),
        )),
        Item::Breaker(badge, _) => {
            let w = text::width(badge, 9.0, text::Face::Bold) + 8.0;
            let mut b = Group::new().set("class", "breaker");
            b.append(
                Rectangle::new()
                    .set("x", num(-w / 2.0))
                    .set("y", "-6.5")
                    .set("width", num(w))
                    .set("height", "13")
                    .set("rx", "6.5"),
            );
            b.append(label_blob(badge.clone(), 0.0, 0.0, ""));
            g.append(b);
        }
        Item::AbsenceChain => {
            g.append(path_blob("M-20,0H20", "trace-chain"));
            g.append(
                svg::node::element::Circle::new()
                    .set("class", "trace-chain-halo")
                    .set("cx", "0")
                    .set("cy", "0")
                    .set("r", "11"),
            );
            g.append(path_blob(outline_d(Shape::Circle, 7.0), "sym-bg"));
            g.append(path_blob(outline_d(Shape::Circle, 7.0), "sym"));
        }
    }
}

/// The numbered notes (`--notes`): each person's note and skill notes, then the
/// relationships' notes. `None` when there is nothing to show.
pub fn notes(ctx: &Ctx, width: f64) -> Option<(Group, f64)> {
    if !ctx.opts.notes {
        return None;
    }
    let family = ctx.graph.family();
    let mut entries: Vec<String> = Vec::new();
    for (i, p) in family.people.iter().enumerate() {
        let Some(n) = ctx.note_numbers[i] else {
            continue;
        };
        let mut parts = Vec::new();
        if let Some(note) = p
            .notes
            .as_deref()
            .map(text::clean)
            .filter(|s| !s.is_empty())
        {
            parts.push(note);
        }
        for s in &p.skills {
            if let Some(note) = s.note.as_deref().map(text::clean).filter(|s| !s.is_empty()) {
                parts.push(format!("{}: {note}", text::clean(&s.skill.value)));
            }
        }
        // A pregnancy or loss without a name of its own is called by its kind, not its id.
        let who = if p.kind != crate::model::PersonKind::Person && p.name == p.id.value {
            p.kind.as_str().to_string()
        } else {
            ctx.names[i].to_string()
        };
        entries.push(format!("[{n}] {who}: {}", parts.join("; ")));
    }
    for (r, rel) in family.relationships.iter().enumerate() {
        if let Some(note) = rel
            .note
            .as_deref()
            .map(text::clean)
            .filter(|s| !s.is_empty())
        {
            let name = |id: &str| {
                ctx.graph
                    .find(id)
                    .map_or_else(String::new, |p| ctx.name(p).to_string())
            };
            entries.push(format!(
                "{} and {} ({}): {note}",
                name(&rel.a.value),
                name(&rel.b.value),
                kind_words(rel.kind.value).split(" (").next().unwrap_or(""),
            ));
            let _ = r;
        }
    }
    if entries.is_empty() {
        return None;
    }
    let mut g = Group::new().set("id", "notes");
    g.append(label_blob("Notes", 8.0, 16.0, "legend-heading"));
    let mut y = 34.0;
    for e in entries {
        for line in text::wrap(&e, SMALL_SIZE, text::Face::Regular, width - 32.0) {
            g.append(label_blob(line, 8.0, y, "note-text"));
            y += LINE;
        }
        y += 3.0;
    }
    Some((g, y))
}
