//! The timeline as a picture for A4 landscape: a horizontal time axis, one lane per
//! generation, each person's life span as a bar, the events as marks on the bars of the
//! people they concern, and a key.
//!
//! Built with the `svg` crate's nodes (it escapes every text); the drawing is small (one
//! bar per person, one mark per event), so its own writer is fast enough.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use svg::Document;
use svg::node::Node;
use svg::node::element::{Group, Line, Path, Rectangle, Style, Text as TextEl, Title};

use super::timeline::{Event, Kind, Timeline};
use crate::graph::FamilyGraph;
use crate::model::{Level, PartialDate, PersonKind};
use crate::render::number::num;

/// A4 landscape at 96 pixels per inch.
const PAGE_W: f64 = 1123.0;
const PAGE_H: f64 = 794.0;
/// Room for the generation numerals on the left.
const LEFT: f64 = 56.0;
const RIGHT: f64 = 28.0;
/// The title and the years of the axis.
const TOP: f64 = 84.0;
/// One row of a lane: a name above a bar.
const ROW: f64 = 42.0;
/// Space between lanes.
const LANE_GAP: f64 = 14.0;
const NAME_SIZE: f64 = 11.0;
const BAR: f64 = 7.0;

/// A year with its month and day as a fraction, for placing a date on the axis.
fn when(d: &PartialDate) -> f64 {
    let month = f64::from(d.month().unwrap_or(1)) - 1.0;
    let day = f64::from(d.day().unwrap_or(1)) - 1.0;
    f64::from(d.year_value()) + month / 12.0 + day / 365.0
}

/// The width of a text in DejaVu Sans, the font the PNG and PDF embed, measured with the
/// layout's table of advance widths (names and the key are in the regular face).
fn text_width(s: &str, size: f64) -> f64 {
    crate::layout::font::width(s, size, crate::layout::font::Face::Regular)
}

/// One person's bar.
struct Bar {
    person: usize,
    start: f64,
    end: f64,
    /// Whether the bar ends at a death (else the person is alive, or the end is unknown).
    died: bool,
    /// Deceased without a date: the bar fades out.
    unknown_end: bool,
    name: String,
    row: usize,
}

/// The timeline of `graph` as an SVG document, sized for A4 landscape (taller when the
/// family needs it).
pub fn svg(graph: &FamilyGraph, t: &Timeline) -> String {
    let family = graph.family();
    // The span of the axis: every dated event, rounded out to decades.
    let years: Vec<f64> = t.events.iter().map(|e| when(&e.date)).collect();
    let (lo, hi) = years
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), &y| (a.min(y), b.max(y)));
    // The lives of the living run to a year after the latest event (the file knows no
    // later "now"); the axis goes on a few years more, for the marks of that last year.
    let (lo, last) = if years.is_empty() {
        (1900.0, 2000.0)
    } else {
        ((lo / 10.0).floor() * 10.0, hi.floor() + 1.0)
    };
    let hi = (((last + 4.0) / 10.0).ceil() * 10.0).max(lo + 10.0);
    let plot_w = PAGE_W - LEFT - RIGHT;
    let x = |y: f64| LEFT + (y - lo) / (hi - lo) * plot_w;

    // Bars, lane by lane (generation), packed into rows so that no two overlap.
    let generations = graph.max_generation() as usize;
    let mut lanes: Vec<Vec<Bar>> = (0..generations.max(1)).map(|_| Vec::new()).collect();
    let mut order: Vec<usize> = (0..family.people.len())
        .filter(|&i| {
            let p = &family.people[i];
            p.kind == PersonKind::Person && p.born.is_some()
        })
        .collect();
    order.sort_by(|&a, &b| {
        let key = |i: usize| family.people[i].born.as_ref().map(|d| when(&d.value));
        key(a)
            .partial_cmp(&key(b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    // Each lane's rows, as a heap of (where the row is free again, row): a bar goes into
    // the row that frees up first if that is before it starts, else into a new row. The
    // people come in order of birth, so this packs the rows as tightly as can be, in
    // time proportional to the people (a wide family has thousands).
    let mut free: Vec<BinaryHeap<Reverse<(i64, usize)>>> =
        (0..lanes.len()).map(|_| BinaryHeap::new()).collect();
    let centi = |v: f64| (v * 100.0).round() as i64;
    for i in order {
        let p = &family.people[i];
        let Some(born) = &p.born else { continue };
        let start = when(&born.value);
        let (end, died, unknown_end) = match (&p.died, p.deceased) {
            (Some(d), _) => (when(&d.value).max(start), true, false),
            (None, true) => ((start + 10.0).min(last), false, true),
            (None, false) => (last.max(start), false, false),
        };
        let g = (graph.generation(crate::graph::PersonIx(i)) as usize).saturating_sub(1);
        let g = g.min(lanes.len() - 1);
        let name = p.name.clone();
        let reach = x(end).max(x(start) + text_width(&name, NAME_SIZE)) + 8.0;
        let heap = &mut free[g];
        let row = match heap.peek() {
            Some(Reverse((at, row))) if *at <= centi(x(start)) => {
                let row = *row;
                heap.pop();
                row
            }
            _ => heap.len(),
        };
        heap.push(Reverse((centi(reach), row)));
        lanes[g].push(Bar {
            person: i,
            start,
            end,
            died,
            unknown_end,
            name,
            row,
        });
    }

    // Where each lane starts, top to bottom.
    let mut lane_top = Vec::with_capacity(lanes.len());
    let mut y = TOP + 10.0;
    for lane in &lanes {
        lane_top.push(y);
        let rows = lane.iter().map(|b| b.row + 1).max().unwrap_or(1);
        y += rows as f64 * ROW + LANE_GAP;
    }
    let key_top = y + 6.0;
    let height = (key_top + 70.0).max(PAGE_H);

    let mut doc = Document::new()
        .set("xmlns", "http://www.w3.org/2000/svg")
        .set("width", num(PAGE_W))
        .set("height", num(height))
        .set("viewBox", format!("0 0 {} {}", num(PAGE_W), num(height)));
    doc.append(Style::new(format!(
        "text {{ font-family: {}; fill: #111; }}\n\
         .title {{ font-size: 18px; font-weight: bold; }}\n\
         .sub {{ font-size: 11px; fill: #444; }}\n\
         .year {{ font-size: 10px; text-anchor: middle; fill: #333; }}\n\
         .gen {{ font-size: 14px; font-weight: bold; text-anchor: middle; }}\n\
         .name {{ font-size: {NAME_SIZE}px; }}\n\
         .grid {{ stroke: #ccc; stroke-width: 0.6; }}\n\
         .axis {{ stroke: #333; stroke-width: 1; }}\n\
         .bar {{ fill: #d9d9d9; stroke: #111; stroke-width: 0.8; }}\n\
         .open {{ fill: #d9d9d9; stroke: #111; stroke-width: 0.8; stroke-dasharray: 2 2; }}\n\
         .mark {{ fill: #111; stroke: #111; stroke-width: 1; }}\n\
         .hollow {{ fill: #fff; stroke: #111; stroke-width: 1; }}\n\
         .cut {{ fill: none; stroke: #111; stroke-width: 1.4; }}\n\
         .key {{ font-size: 11px; }}\n\
         .lane {{ fill: #f4f4f4; }}",
        crate::render::text::FONT_FAMILY
    )));
    let heading = match &t.title {
        Some(title) => format!("Timeline of {title}"),
        None => "Timeline".to_string(),
    };
    doc.append(text("title", LEFT, 30.0, &heading));
    let mut sub =
        "Each bar is a life, from birth to death; marks show what happened when.".to_string();
    if t.undated > 0 {
        sub.push_str(&format!(
            " {} undated event{} not shown.",
            t.undated,
            if t.undated == 1 { "" } else { "s" }
        ));
    }
    doc.append(text("sub", LEFT, 48.0, &sub));

    // Lane backgrounds and generation numerals.
    for (g, top) in lane_top.iter().enumerate() {
        let rows = lanes[g].iter().map(|b| b.row + 1).max().unwrap_or(1);
        let h = rows as f64 * ROW;
        doc.append(
            Rectangle::new()
                .set("class", "lane")
                .set("x", num(LEFT))
                .set("y", num(*top))
                .set("width", num(plot_w))
                .set("height", num(h)),
        );
        doc.append(text(
            "gen",
            LEFT / 2.0,
            top + h / 2.0 + 5.0,
            &crate::render::text::roman(g as u32 + 1),
        ));
    }

    // The axis: a year label every step, a light line down the page.
    let span = hi - lo;
    let step = [5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 500.0]
        .into_iter()
        .find(|s| span / s <= 16.0)
        .unwrap_or(1000.0);
    let mut year = (lo / step).ceil() * step;
    let bottom = key_top - 12.0;
    doc.append(line("axis", LEFT, TOP, LEFT + plot_w, TOP));
    while year <= hi + 1e-9 {
        let gx = x(year);
        doc.append(line("grid", gx, TOP, gx, bottom));
        doc.append(line("axis", gx, TOP - 4.0, gx, TOP));
        doc.append(text("year", gx, TOP - 8.0, &num(year)));
        year += step;
    }

    // The bars, with the names above them.
    let mut row_y = vec![0.0; family.people.len()];
    for (g, lane) in lanes.iter().enumerate() {
        for b in lane {
            let top = lane_top[g] + b.row as f64 * ROW;
            let bar_y = top + 18.0;
            row_y[b.person] = bar_y + BAR / 2.0;
            let (x0, x1) = (x(b.start), x(b.end).max(x(b.start) + 2.0));
            let mut group = Group::new();
            group.append(Title::new(format!(
                "{}: {}",
                b.name,
                life_words(&family.people[b.person])
            )));
            group.append(
                Rectangle::new()
                    .set("class", if b.unknown_end { "open" } else { "bar" })
                    .set("x", num(x0))
                    .set("y", num(bar_y))
                    .set("width", num(x1 - x0))
                    .set("height", num(BAR)),
            );
            if b.died {
                // A cross at the end of a life, as on the genogram's symbol.
                let c = bar_y + BAR / 2.0;
                group.append(Path::new().set("class", "cut").set(
                    "d",
                    format!(
                        "M{},{}L{},{}M{},{}L{},{}",
                        num(x1 - 4.0),
                        num(c - 4.0),
                        num(x1 + 4.0),
                        num(c + 4.0),
                        num(x1 - 4.0),
                        num(c + 4.0),
                        num(x1 + 4.0),
                        num(c - 4.0)
                    ),
                ));
            }
            // A name that would run off the page ends at its right edge instead.
            let right = LEFT + plot_w;
            if x0 + text_width(&b.name, NAME_SIZE) > right {
                group.append(text("name", right, top + 13.0, &b.name).set("text-anchor", "end"));
            } else {
                group.append(text("name", x0, top + 13.0, &b.name));
            }
            doc.append(group);
        }
    }

    // The marks of the events, on the bar of each person they concern; a mark that would
    // cover another of the same person moves right until it does not (the events are in
    // date order, so the marks stay in order too).
    // The right end of the last mark on each person's bar, and under it.
    let mut last_on_bar = vec![f64::MIN; family.people.len()];
    let mut last_under = vec![f64::MIN; family.people.len()];
    for e in &t.events {
        if matches!(e.kind, Kind::Born | Kind::Died) {
            continue;
        }
        for id in &e.people {
            let Some(p) = graph.find(id) else { continue };
            let cy = row_y[p.0];
            if cy == 0.0 {
                continue;
            }
            // Ratings sit just under the bar, so that they never hide a union's mark.
            let (cy, last) = if matches!(e.kind, Kind::Learned | Kind::Rated) {
                (cy + BAR / 2.0 + 6.0, &mut last_under[p.0])
            } else {
                (cy, &mut last_on_bar[p.0])
            };
            // Events come in date order: a mark moves right of the one before it.
            let mx = x(when(&e.date)).max(*last + 10.0);
            *last = mx;
            let mut m = mark(e, mx, cy);
            m.append(Title::new(format!("{}: {}", e.date, e.text)));
            doc.append(m);
        }
    }

    doc.append(key(key_top));
    let mut out = doc.to_string();
    out.push('\n');
    out
}

/// "born 1926, died 1989", for the tooltip of a bar.
fn life_words(p: &crate::model::Person) -> String {
    let mut words = Vec::new();
    if let Some(b) = &p.born {
        words.push(format!("born {}", b.value));
    }
    match (&p.died, p.deceased) {
        (Some(d), _) => words.push(format!("died {}", d.value)),
        (None, true) => words.push("died, date not known".into()),
        (None, false) => {}
    }
    words.join(", ")
}

fn text(class: &str, x: f64, y: f64, s: &str) -> TextEl {
    TextEl::new(s)
        .set("class", class)
        .set("x", num(x))
        .set("y", num(y))
}

fn line(class: &str, x1: f64, y1: f64, x2: f64, y2: f64) -> Line {
    Line::new()
        .set("class", class)
        .set("x1", num(x1))
        .set("y1", num(y1))
        .set("x2", num(x2))
        .set("y2", num(y2))
}

/// The mark of one event at (`cx`, `cy`): unions as circles (filled for a marriage),
/// breaks as slashes, relationships as diamonds, ratings as the skill boxes of the
/// genogram (empty, half, full).
fn mark(e: &Event, cx: f64, cy: f64) -> Group {
    let mut g = Group::new();
    let circle = |class: &str| {
        Path::new().set("class", class).set(
            "d",
            format!(
                "M{},{}a4,4 0 1,0 8,0a4,4 0 1,0 -8,0Z",
                num(cx - 4.0),
                num(cy)
            ),
        )
    };
    let slashes = |n: usize| {
        let mut d = String::new();
        for i in 0..n {
            let dx = i as f64 * 4.0 - (n as f64 - 1.0) * 2.0;
            d.push_str(&format!(
                "M{},{}L{},{}",
                num(cx + dx - 2.5),
                num(cy + 6.0),
                num(cx + dx + 2.5),
                num(cy - 6.0)
            ));
        }
        Path::new().set("class", "cut").set("d", d)
    };
    let diamond = |class: &str| {
        Path::new().set("class", class).set(
            "d",
            format!("M{},{}l5,5l-5,5l-5,-5Z", num(cx), num(cy - 5.0)),
        )
    };
    match e.kind {
        Kind::Married => g.append(circle("mark")),
        Kind::Together => g.append(circle("hollow")),
        Kind::Separated => g.append(slashes(1)),
        Kind::Divorced | Kind::Ended => g.append(slashes(2)),
        Kind::Relationship => g.append(diamond("mark")),
        Kind::RelationshipEnded => g.append(diamond("hollow")),
        Kind::Learned | Kind::Rated => {
            g.append(
                Rectangle::new()
                    .set("class", "hollow")
                    .set("x", num(cx - 4.5))
                    .set("y", num(cy - 4.5))
                    .set("width", "9")
                    .set("height", "9"),
            );
            let fill = match e.level {
                Some(Level::Strong) => {
                    Some(format!("M{},{}h9v9h-9Z", num(cx - 4.5), num(cy - 4.5)))
                }
                Some(Level::Some) => Some(format!("M{},{}h9v-9Z", num(cx - 4.5), num(cy + 4.5))),
                _ => None,
            };
            if let Some(d) = fill {
                g.append(Path::new().set("class", "mark").set("d", d));
            }
        }
        Kind::Born | Kind::Died => {}
    }
    g
}

/// The key: what each mark means, in one row under the lanes.
fn key(top: f64) -> Group {
    let mut g = Group::new();
    g.append(text("key", LEFT, top + 4.0, "Key:"));
    let items: [(Kind, Option<Level>, &str); 9] = [
        (Kind::Married, None, "married"),
        (Kind::Together, None, "together, engaged"),
        (Kind::Separated, None, "separated"),
        (Kind::Divorced, None, "divorced, ended"),
        (Kind::Relationship, None, "relationship began"),
        (Kind::RelationshipEnded, None, "relationship ended"),
        (Kind::Rated, Some(Level::None), "skill: none"),
        (Kind::Rated, Some(Level::Some), "some"),
        (
            Kind::Rated,
            Some(Level::Strong),
            "strong (rated or learned)",
        ),
    ];
    let mut x = LEFT + 40.0;
    for (kind, level, words) in items {
        let e = Event {
            date: PartialDate::year(2000),
            kind,
            people: Vec::new(),
            skill: None,
            level,
            text: String::new(),
        };
        g.append(mark(&e, x, top));
        g.append(text("key", x + 10.0, top + 4.0, words));
        x += 22.0 + text_width(words, 11.0);
    }
    let mut second = Group::new();
    second.append(
        Rectangle::new()
            .set("class", "bar")
            .set("x", num(LEFT + 40.0))
            .set("y", num(top + 18.0))
            .set("width", "40")
            .set("height", num(BAR)),
    );
    second.append(text(
        "key",
        LEFT + 88.0,
        top + 25.0,
        "a life, from birth; a cross marks a death, a dashed end a death without a date; the lives of the living run to the latest event",
    ));
    g.append(second);
    g
}
