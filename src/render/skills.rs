//! The skill strip under each person: for every skill, its initial and one small cell.
//! An empty cell is `none`, a cell half filled along its diagonal is `some`, a full cell
//! is `strong`, and a dashed cell with `?` is `unknown`. Black on white only.

use svg::node::Blob;

use crate::model::{Level, Person};

use super::legend::Item;
use super::number::num;
use super::text;
use super::write;
use super::{Ctx, Used};

/// Side of one cell.
pub const CELL: f64 = 9.0;
/// Size of the initials.
const LETTER: f64 = 9.0;
/// Space between one skill's cell and the next skill's initial.
const GAP: f64 = 5.0;

/// Width of the strip for these initials.
pub fn strip_width(initials: &[String]) -> f64 {
    let letters: f64 = initials.iter().map(|i| text::width(i, LETTER) + 1.5).sum();
    letters + CELL * initials.len() as f64 + GAP * initials.len().saturating_sub(1) as f64
}

/// The strip for `person`, centred on x = 0, its top at `y`; returns it and its height.
///
/// There is a strip under every person, so it is written straight into text (exactly what
/// the `svg` crate would write for the same elements, see [`super::write`]) and handed to
/// the person's group as one blob, instead of a dozen element nodes each with its own map
/// of attributes.
pub fn strip(ctx: &Ctx, person: &Person, y: f64, used: &mut Used) -> (Blob, f64) {
    let mut s = String::with_capacity(320 * ctx.skills.len().max(1));
    if ctx.skills.is_empty() {
        s.push_str("<g class=\"skills\"/>");
        used.insert(Item::Skills);
        return (Blob::new(s), CELL);
    }
    s.push_str("<g class=\"skills\">");
    let mut x = -strip_width(&ctx.skill_initials) / 2.0;
    let traced = ctx.opts.trace.as_ref().map(|t| t.skill.as_str());
    let (top, cell) = (num(y), num(CELL));
    for (i, skill) in ctx.skills.iter().enumerate() {
        let initial = &ctx.skill_initials[i];
        let level = person.level(&ctx.graph.family().skills[i].name.value);
        x += text::width(initial, LETTER) + 1.5;
        text_element(&mut s, "skill-letter", x - 1.0, y + CELL / 2.0, initial);
        s.push_str("\n<g class=\"skill skill-");
        s.push_str(level.as_str());
        s.push_str("\">\n<title>");
        write::escape_text(&mut s, skill);
        s.push_str(": ");
        s.push_str(level.as_str());
        s.push_str("</title>");
        let rect = |s: &mut String, class: &str| {
            rect_element(s, class, &cell, &cell, &num(x), &top);
        };
        match level {
            Level::None => rect(&mut s, "skill-cell"),
            Level::Some => {
                rect(&mut s, "skill-cell");
                s.push_str("\n<path class=\"skill-fill\" d=\"M");
                s.push_str(&num(x));
                s.push(',');
                s.push_str(&num(y + CELL));
                s.push('H');
                s.push_str(&num(x + CELL));
                s.push('V');
                s.push_str(&top);
                s.push_str("Z\"/>");
            }
            Level::Strong => rect(&mut s, "skill-cell skill-fill"),
            Level::Unknown => {
                rect(&mut s, "skill-cell skill-unknown");
                text_element(&mut s, "skill-q", x + CELL / 2.0, y + CELL / 2.0, "?");
            }
        }
        if traced == Some(ctx.graph.family().skills[i].name.value.as_str()) {
            let wide = num(CELL + 4.0);
            rect_element(
                &mut s,
                "skill-traced",
                &wide,
                &wide,
                &num(x - 2.0),
                &num(y - 2.0),
            );
        }
        s.push_str("\n</g>");
        used.insert(Item::Level(level));
        x += CELL + GAP;
    }
    s.push_str("\n</g>");
    used.insert(Item::Skills);
    (Blob::new(s), CELL)
}

/// A `<text>` on a new line, as the crate writes it (a text element puts its text on its
/// own line). `class` is a plain word.
fn text_element(s: &mut String, class: &str, x: f64, y: f64, content: &str) {
    s.push_str("\n<text class=\"");
    s.push_str(class);
    s.push_str("\" x=\"");
    s.push_str(&num(x));
    s.push_str("\" y=\"");
    s.push_str(&num(y));
    s.push_str("\">\n");
    write::escape_text(s, content);
    s.push_str("\n</text>");
}

/// A `<rect>` on a new line, attributes in the crate's (sorted) order.
fn rect_element(s: &mut String, class: &str, height: &str, width: &str, x: &str, y: &str) {
    for (name, value) in [
        ("\n<rect class=\"", class),
        ("\" height=\"", height),
        ("\" width=\"", width),
        ("\" x=\"", x),
        ("\" y=\"", y),
    ] {
        s.push_str(name);
        s.push_str(value);
    }
    s.push_str("\"/>");
}
