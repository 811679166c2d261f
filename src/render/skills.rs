//! The skill strip under each person: for every skill, its initial and one small cell.
//! An empty cell is `none`, a cell half filled along its diagonal is `some`, a full cell
//! is `strong`, and a dashed cell with `?` is `unknown`. Black on white only.

use crate::model::{Level, Person};

use super::marks::Item;
use super::markup;
use super::number::{push_num, push_pt};
use super::text;
use super::write;
use super::{Ctx, Used};

pub use crate::layout::labels::{CELL, strip_width};
use crate::layout::labels::{CELL_GAP, LETTER, LETTER_GAP};

/// The strip for `person`, centred on x = 0, its top at `y`, appended to `out` on a new
/// line.
///
/// There is a strip under every person, so it is written straight into text (exactly what
/// the `svg` crate would write for the same elements, see [`super::markup`]).
pub fn strip(ctx: &Ctx, person: &Person, y: f64, out: &mut String, used: &mut Used) {
    if ctx.skills.is_empty() {
        out.push_str("\n<g class=\"skills\"/>");
        used.insert(Item::Skills);
        return;
    }
    out.push_str("\n<g class=\"skills\">");
    let mut x = -strip_width(&ctx.skill_initials) / 2.0;
    let traced = ctx.opts.trace.as_ref().map(|t| t.skill.as_str());
    for (i, skill) in ctx.skills.iter().enumerate() {
        let initial = &ctx.skill_initials[i];
        let name = &ctx.graph.family().skills[i].name.value;
        let level = person.level(name);
        x += text::width(initial, LETTER, text::Face::Bold) + LETTER_GAP;
        markup::text(out, "skill-letter", x - 1.0, y + CELL / 2.0, initial);
        out.push_str("\n<g class=\"skill skill-");
        out.push_str(level.as_str());
        out.push_str("\">\n<title>");
        write::escape_text(out, skill);
        out.push_str(": ");
        out.push_str(level.as_str());
        out.push_str("</title>");
        match level {
            Level::None => cell(out, "skill-cell", x, y, CELL),
            Level::Some => {
                cell(out, "skill-cell", x, y, CELL);
                markup::path(out, "skill-fill", |o| {
                    o.push('M');
                    push_pt(o, x, y + CELL);
                    o.push('H');
                    push_num(o, x + CELL);
                    o.push('V');
                    push_num(o, y);
                    o.push('Z');
                });
            }
            Level::Strong => cell(out, "skill-cell skill-fill", x, y, CELL),
            Level::Unknown => {
                cell(out, "skill-cell skill-unknown", x, y, CELL);
                markup::text(out, "skill-q", x + CELL / 2.0, y + CELL / 2.0, "?");
            }
        }
        if traced == Some(name.as_str()) {
            cell(out, "skill-traced", x - 2.0, y - 2.0, CELL + 4.0);
        }
        markup::close(out, "g");
        used.insert(Item::Level(level));
        x += CELL + CELL_GAP;
    }
    markup::close(out, "g");
    used.insert(Item::Skills);
}

/// A square `<rect>` of side `side` with its top left corner at (`x`, `y`).
fn cell(out: &mut String, class: &str, x: f64, y: f64, side: f64) {
    markup::child(out, "rect")
        .attr("class", class)
        .num("height", side)
        .num("width", side)
        .num("x", x)
        .num("y", y)
        .empty();
}
