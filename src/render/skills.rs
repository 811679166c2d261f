//! The skill strip under each person: for every skill, its initial and one small cell.
//! An empty cell is `none`, a cell half filled along its diagonal is `some`, a full cell
//! is `strong`, and a dashed cell with `?` is `unknown`. Black on white only.

use svg::Node;
use svg::node::element::{Group, Rectangle, Title};

use crate::model::{Level, Person};

use super::legend::Item;
use super::number::num;
use super::text;
use super::{Ctx, Used, label, path};

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
pub fn strip(ctx: &Ctx, person: &Person, y: f64, used: &mut Used) -> (Group, f64) {
    let mut g = Group::new().set("class", "skills");
    let mut x = -strip_width(&ctx.skill_initials) / 2.0;
    let traced = ctx.opts.trace.as_ref().map(|t| t.skill.as_str());
    for (i, skill) in ctx.skills.iter().enumerate() {
        let initial = &ctx.skill_initials[i];
        let level = person.level(&ctx.graph.family().skills[i].name.value);
        x += text::width(initial, LETTER) + 1.5;
        g.append(label(
            initial.clone(),
            x - 1.0,
            y + CELL / 2.0,
            "skill-letter",
        ));
        let mut cell = Group::new().set("class", format!("skill skill-{}", level.as_str()));
        cell.append(Title::new(format!("{skill}: {}", level.as_str())));
        let rect = || {
            Rectangle::new()
                .set("x", num(x))
                .set("y", num(y))
                .set("width", num(CELL))
                .set("height", num(CELL))
        };
        match level {
            Level::None => cell.append(rect().set("class", "skill-cell")),
            Level::Some => {
                cell.append(rect().set("class", "skill-cell"));
                cell.append(path(
                    format!(
                        "M{},{}H{}V{}Z",
                        num(x),
                        num(y + CELL),
                        num(x + CELL),
                        num(y)
                    ),
                    "skill-fill",
                ));
            }
            Level::Strong => cell.append(rect().set("class", "skill-cell skill-fill")),
            Level::Unknown => {
                cell.append(rect().set("class", "skill-cell skill-unknown"));
                cell.append(label("?", x + CELL / 2.0, y + CELL / 2.0, "skill-q"));
            }
        }
        if traced == Some(ctx.graph.family().skills[i].name.value.as_str()) {
            cell.append(
                Rectangle::new()
                    .set("class", "skill-traced")
                    .set("x", num(x - 2.0))
                    .set("y", num(y - 2.0))
                    .set("width", num(CELL + 4.0))
                    .set("height", num(CELL + 4.0)),
            );
        }
        used.insert(Item::Level(level));
        g.append(cell);
        x += CELL + GAP;
    }
    used.insert(Item::Skills);
    (g, CELL)
}
