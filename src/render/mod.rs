//! Rendering: a laid-out family to a self-contained SVG genogram in McGoldrick notation
//! (`docs/notation.md`, genogram mode), with each person's skills and, on request, how one
//! skill was passed down.
//!
//! [`svg()`] takes the [`FamilyGraph`] (what to draw) and the [`Layout`] (where), and returns
//! the SVG text. The output is deterministic byte for byte: everything is emitted in file
//! or layout order, every number goes through [`number::num`] (or [`number::push_num`],
//! which writes the same text), and attributes are written in sorted order, by the `svg`
//! crate for the one-off parts (legend, title, definitions, trace overlay) and by
//! `markup.rs` for the parts drawn per person, couple and relationship. Large families are
//! drawn on several threads (`drawing.rs`), in pieces put back in order, so the text does
//! not depend on the threads.
//!
//! Structure of the document: a root `<title>` and `<desc>`, an embedded style sheet
//! (`css.rs`), pattern definitions, the title, the generation numerals, then the drawing
//! (trace overlay, couples `couple-N`, relationships `relationship-N`, people
//! `person-<id>` as escaped by [`ids`]), the legend `legend` and, with `--notes`, the notes.
//! Every person and every relationship has its own `<title>` for screen readers.
//!
//! User text is cleaned of control and bidirectional characters ([`text::clean`]) and
//! escaped (`write.rs`, the `svg` crate's escaping in one pass); nothing is loaded from
//! outside the file, and there are no scripts.

mod anonymize;
mod css;
mod drawing;
mod geometry;
pub mod ids;
mod legend;
mod lines;
mod marks;
mod markup;
pub mod number;
mod page;
mod relationships;
mod skills;
mod symbols;
pub mod text;
mod trace;
mod write;
mod year_rows;

/// The anonymous view the anonymised drawing is made from, also used by the workspace's
/// privacy mode (its report and questions, and which element is whom).
pub(crate) use anonymize::view as anonymous_view;
pub use page::Page;
pub use trace::{Trace, TraceLink, Transmission};

use std::borrow::Cow;
use std::collections::BTreeSet;

use svg::Node;
use svg::node::element::{
    Definitions, Description, Group, Path, Pattern, Rectangle, Style, Text, Title,
};

use crate::graph::{CoupleIx, FamilyGraph, PersonIx};
use crate::layout::{Layout, Line, LineKind, PlacedPerson};
use marks::Item;
use number::num;

/// What to draw and how; `RenderOptions::default()` draws the full genogram to fit.
#[derive(Clone, Debug, Default)]
pub struct RenderOptions {
    /// Draw the anonymous view of the family ([`anonymize`]): neutral labels (`II-3`)
    /// for names and ids, no title, notes, occupations, locations or dates, neutral
    /// words for conditions in the user's own words. Default: false.
    pub anonymize: bool,
    /// Show notes (people's, skills', relationships') as numbered notes under the legend.
    /// Default: false. Ignored with `anonymize`.
    pub notes: bool,
    /// The page size. Default: [`Page::Fit`].
    pub page: Page,
    /// Turn the page sideways (A4 and Letter only). Default: false.
    pub landscape: bool,
    /// The transmission of one skill to overlay. Default: none.
    pub trace: Option<Trace>,
    /// The key under the drawing. Default: [`Key::Compact`].
    pub key: Key,
}

/// The key under the drawing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Key {
    /// Only the marks this drawing uses beyond the universal ones (square, circle,
    /// marriage), each in a few words, laid out across the width.
    #[default]
    Compact,
    /// Every mark this drawing uses, each explained in full.
    Full,
    /// No key.
    None,
}

/// Width of the column of generation numerals, left of the drawing.
const GENERATION_COLUMN: f64 = 48.0;
/// Height of the title band above the drawing.
const TITLE_BAND: f64 = 52.0;

/// What every part of the renderer needs: the family, the layout, the options and the
/// text shown for each person.
pub(crate) struct Ctx<'a> {
    pub graph: &'a FamilyGraph,
    pub layout: &'a Layout,
    pub opts: &'a RenderOptions,
    /// Person index → index in `layout.people`.
    placed: Vec<Option<usize>>,
    /// The name shown for each person, cleaned.
    pub names: Vec<Cow<'a, str>>,
    /// What is drawn from the dates (ages at death, broken partnerships), which the
    /// anonymous view keeps without its dates.
    pub facts: anonymize::Facts,
    /// The skills, in file order, and their initials.
    pub skills: Vec<String>,
    pub skill_initials: Vec<String>,
    /// What every label shares (skills, badges), as the layout measured it.
    pub common: crate::layout::labels::Common,
    /// The options the layout was made with: the label model's sizes.
    pub layout_options: &'a crate::layout::LayoutOptions,
    /// Footnote number of each person with notes (only with `--notes`).
    pub note_numbers: Vec<Option<usize>>,
    /// Rows (the bits of their y) whose years go under the names.
    pub years_below: Vec<u64>,
    /// The structural lines of each couple, in layout order (indexed by couple).
    pub couple_lines: Vec<Vec<&'a Line>>,
}

impl<'a> Ctx<'a> {
    fn new(
        graph: &'a FamilyGraph,
        layout: &'a Layout,
        opts: &'a RenderOptions,
        facts: anonymize::Facts,
    ) -> Self {
        let family = graph.family();
        let mut placed = vec![None; family.people.len()];
        for (i, pp) in layout.people.iter().enumerate() {
            if let Some(slot) = placed.get_mut(pp.person.0) {
                *slot = Some(i);
            }
        }
        let names = family
            .people
            .iter()
            .map(|p| text::clean_cow(&p.name))
            .collect();
        let common = crate::layout::labels::Common::of(family);
        let note_numbers = if opts.notes {
            crate::layout::labels::note_numbers(family)
        } else {
            vec![None; family.people.len()]
        };
        // One pass over the lines, so that large families stay linear.
        let mut couple_lines: Vec<Vec<&Line>> = vec![Vec::new(); family.couples.len()];
        for l in &layout.lines {
            if let Some(c) = l.couple
                && l.kind != LineKind::Relationship
                && let Some(slot) = couple_lines.get_mut(c.0)
            {
                slot.push(l);
            }
        }
        Ctx {
            graph,
            layout,
            opts,
            placed,
            names,
            facts,
            skills: common.skills.clone(),
            skill_initials: common.skill_initials.clone(),
            common,
            layout_options: &layout.options,
            note_numbers,
            years_below: Vec::new(),
            couple_lines,
        }
    }

    /// Where a person was placed, if the layout placed them.
    pub fn placed(&self, p: PersonIx) -> Option<&'a PlacedPerson> {
        self.placed
            .get(p.0)
            .copied()
            .flatten()
            .map(|i| &self.layout.people[i])
    }

    /// The placed person with this id, as the layout names the ends of its lines.
    pub fn placed_by_id(&self, id: &str) -> Option<&'a PlacedPerson> {
        self.graph.find(id).and_then(|p| self.placed(p))
    }

    /// The name shown for a person.
    pub fn name(&self, p: PersonIx) -> &str {
        &self.names[p.0]
    }

    /// Appends the SVG id of a person's group, from the person's id.
    pub fn push_person_svg_id(&self, out: &mut String, p: PersonIx) {
        ids::push_person_id(out, &self.graph.person(p).id.value);
    }

    /// The age at death of a person, when the family says.
    pub fn age_at_death(&self, p: PersonIx) -> Option<i32> {
        self.facts.ages_at_death.get(p.0).copied().flatten()
    }

    /// How a couple's partnership broke.
    pub fn break_of(&self, c: CoupleIx) -> anonymize::Break {
        self.facts
            .breaks
            .get(c.0)
            .copied()
            .unwrap_or(anonymize::Break::None)
    }
}

/// The set of notation actually drawn, for the legend.
pub(crate) type Used = BTreeSet<Item>;

/// Draws the family as a self-contained SVG document.
///
/// The layout must come from this family (people are matched by index); people or lines
/// the layout does not place are not drawn.
pub fn svg(graph: &FamilyGraph, layout: &Layout, opts: &RenderOptions) -> String {
    svg_parts(graph, layout, opts).concat()
}

/// [`svg()`] as the parts whose concatenation it is, to be written out one after the
/// other: a large family's drawing is then never copied into one string (for 100,000
/// people, 133 MB less memory and copying).
pub fn svg_parts(graph: &FamilyGraph, layout: &Layout, opts: &RenderOptions) -> Vec<String> {
    svg_split(
        graph,
        layout,
        opts,
        drawing::Split::for_size(layout.people.len()),
    )
}

/// [`svg()`] with the drawing cut and spread over threads as `split` says; the text does
/// not depend on it.
fn svg_split(
    graph: &FamilyGraph,
    layout: &Layout,
    opts: &RenderOptions,
    split: drawing::Split,
) -> Vec<String> {
    shown(graph, layout, opts, |graph, layout, opts, facts| {
        draw(graph, layout, opts, facts, split)
    })
}

/// Calls `f` with the family to draw (the real one, or with `opts.anonymize` its anonymous
/// view), its layout, the options to draw it with, and the facts of the real family's
/// dates: the one place the drawing and its key choose what they show.
fn shown<R>(
    graph: &FamilyGraph,
    layout: &Layout,
    opts: &RenderOptions,
    f: impl FnOnce(&FamilyGraph, &Layout, &RenderOptions, anonymize::Facts) -> R,
) -> R {
    // The dates' facts come from the real family; everything else drawn comes from the
    // family drawn, the real one or its anonymous view.
    let facts = anonymize::Facts::of(graph);
    if !opts.anonymize {
        return f(graph, layout, opts, facts);
    }
    let anonymize::View {
        graph,
        layout,
        trace,
    } = anonymize::view(graph, layout, opts.trace.as_ref());
    let opts = RenderOptions {
        notes: false,
        trace,
        ..opts.clone()
    };
    f(&graph, &layout, &opts, facts)
}

/// [`svg_split`] of the family to draw.
fn draw(
    graph: &FamilyGraph,
    layout: &Layout,
    opts: &RenderOptions,
    facts: anonymize::Facts,
    split: drawing::Split,
) -> Vec<String> {
    let mut ctx = Ctx::new(graph, layout, opts, facts);
    ctx.years_below = year_rows::rows_with_years_below(&ctx);
    let mut used = Used::new();

    // The drawing, in layer order: overlay, structural lines, emotional lines, people.
    // Each part is written straight into text (and the large ones on several threads),
    // so that a large family never holds a tree of SVG nodes in memory.
    let drawing_group = Group::new().set("id", "drawing").set(
        "transform",
        format!("translate({} {})", num(GENERATION_COLUMN), num(TITLE_BAND)),
    );
    let mut drawing: Vec<String> = Vec::new();
    if let Some(t) = &opts.trace {
        let mut under = String::new();
        under.push('\n');
        write::node(&mut under, &trace::under(&ctx, t, &mut used));
        drawing.push(under);
    }
    let (body, body_used) = drawing::draw(&ctx, split);
    drawing.extend(body);
    used.extend(body_used);
    if let Some(t) = &opts.trace {
        let mut over = String::new();
        over.push('\n');
        write::node(&mut over, &trace::over(&ctx, t, &mut used));
        drawing.push(over);
    }

    let drawing_width = GENERATION_COLUMN + layout.width.max(0.0);
    let legend_top = TITLE_BAND + layout.height.max(0.0) + 8.0;
    let legend = match opts.key {
        Key::Compact => Some(legend::compact(
            &ctx,
            &used,
            drawing_width.max(360.0) - 16.0,
        )),
        Key::Full => Some(legend::legend(&ctx, &used, drawing_width.max(360.0))),
        Key::None => None,
    };
    let mut width = drawing_width;
    let mut height = legend_top;
    if let Some((_, size)) = &legend {
        width = width.max(size.0 + 16.0);
        height += size.1 + 8.0;
    }
    let notes = legend::notes(&ctx, width).map(|(g, h)| {
        let g = g.set("transform", format!("translate(8 {})", num(height)));
        height += h + 8.0;
        g
    });
    width = width.ceil();
    height = height.ceil();

    let (page_w, page_h, view_box) = page::size(opts.page, opts.landscape, width, height);
    let mut doc = svg::Document::new()
        .set("width", page_w)
        .set("height", page_h)
        .set("viewBox", view_box)
        .set("role", "img")
        .set("aria-labelledby", "genogram-title genogram-desc");
    doc.append(Title::new(title_text(&ctx)).set("id", "genogram-title"));
    doc.append(
        Description::new()
            .set("id", "genogram-desc")
            .add(svg::node::Text::new(description(&ctx))),
    );
    doc.append(Style::new(css::style_sheet()));
    doc.append(definitions());
    doc.append(
        Rectangle::new()
            .set("class", "sym-bg")
            .set("x", "0")
            .set("y", "0")
            .set("width", num(width))
            .set("height", num(height)),
    );
    doc.append(title_band(&ctx, width));
    doc.append(generation_labels(&ctx));
    // The parts after the drawing, as the document's children would be written.
    let mut rest: Vec<Box<dyn Node>> = Vec::new();
    if let Some((legend, _)) = legend {
        rest.push(Box::new(
            legend.set("transform", format!("translate(8 {})", num(legend_top))),
        ));
    }
    if let Some(n) = notes {
        rest.push(Box::new(n));
    }
    // The document is "bareable": every child goes on its own line. The parts before
    // and after the drawing are small; they are written first so that the whole text can
    // be sized once, and the large drawing copied in without growing it piece by piece.
    let mut head = String::with_capacity(64 * 1024);
    head.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    write::start(&mut head, &doc);
    for child in doc.get_children().into_iter().flatten() {
        head.push('\n');
        write::node(&mut head, child.as_ref());
    }
    head.push('\n');
    let mut tail = String::new();
    for child in &rest {
        tail.push('\n');
        write::node(&mut tail, child.as_ref());
    }
    tail.push('\n');
    write::end(&mut tail, &doc);
    tail.push('\n');

    // The document in parts: what comes before the drawing's pieces, the pieces, and
    // what comes after them.
    if drawing.iter().all(String::is_empty) {
        write::node(&mut head, &drawing_group);
        head.push_str(&tail);
        return vec![head];
    }
    write::start(&mut head, &drawing_group);
    let mut parts = Vec::with_capacity(drawing.len() + 2);
    parts.push(head);
    parts.extend(drawing.into_iter().filter(|p| !p.is_empty()));
    let mut end = String::with_capacity(tail.len() + 8);
    end.push('\n');
    write::end(&mut end, &drawing_group);
    end.push_str(&tail);
    parts.push(end);
    parts
}

/// The key of the drawing [`svg()`] makes, alone, laid out for a width of `width` pixels,
/// as a self-contained SVG document, and its width and height: for pages that place the
/// key apart from the drawing (the booklet), wider or narrower than under the drawing.
/// `opts.key` chooses the compact key or the full one.
pub fn key_svg(
    graph: &FamilyGraph,
    layout: &Layout,
    opts: &RenderOptions,
    width: f64,
) -> (String, (f64, f64)) {
    shown(graph, layout, opts, |graph, layout, opts, facts| {
        let mut ctx = Ctx::new(graph, layout, opts, facts);
        ctx.years_below = year_rows::rows_with_years_below(&ctx);
        // The key shows what the drawing uses: the drawing is made to find out, then dropped.
        let mut used = Used::new();
        if let Some(t) = &opts.trace {
            trace::under(&ctx, t, &mut used);
            trace::over(&ctx, t, &mut used);
        }
        let (_, body_used) = drawing::draw(&ctx, drawing::Split::for_size(layout.people.len()));
        used.extend(body_used);
        let (legend, size) = match opts.key {
            Key::Full => legend::legend(&ctx, &used, width),
            // A key is asked for: `Key::None` still gets the compact one.
            Key::Compact | Key::None => legend::compact(&ctx, &used, width),
        };
        key_document(legend, size)
    })
}

/// The key `legend` of `size` as a self-contained SVG document, and its size in whole
/// pixels.
fn key_document(legend: Group, (w, h): (f64, f64)) -> (String, (f64, f64)) {
    let (w, h) = (w.ceil(), h.ceil());
    let doc = svg::Document::new()
        .set("width", num(w))
        .set("height", num(h))
        .set("viewBox", format!("0 0 {} {}", num(w), num(h)));
    let mut out = String::new();
    write::start(&mut out, &doc);
    for child in [
        &Style::new(css::style_sheet()) as &dyn Node,
        &definitions(),
        &legend,
    ] {
        out.push('\n');
        write::node(&mut out, child);
    }
    out.push('\n');
    write::end(&mut out, &doc);
    out.push('\n');
    (out, (w, h))
}

/// The title shown above the drawing and in the root `<title>`.
fn title_text(ctx: &Ctx) -> String {
    let title = ctx
        .graph
        .family()
        .title
        .as_deref()
        .map(text::clean)
        .unwrap_or_default();
    if title.is_empty() {
        "Genogram".into()
    } else {
        title
    }
}

/// The root `<desc>`: what the drawing shows, in one or two sentences.
fn description(ctx: &Ctx) -> String {
    let family = ctx.graph.family();
    let people = family.people.len();
    let generations = ctx.graph.max_generation();
    let mut s = format!(
        "A genogram of {people} {} over {generations} generation{}, in McGoldrick notation, with each person's level of {}.",
        if people == 1 { "person" } else { "people" },
        if generations == 1 { "" } else { "s" },
        list_words(&ctx.skills),
    );
    if let Some(i) = ctx.graph.index_person() {
        s.push_str(&format!(" The index person is {}.", ctx.name(i)));
    }
    if let Some(t) = &ctx.opts.trace {
        s.push_str(&format!(
            " The lines from caregiver to child show how {} was passed down.",
            text::clean(&t.skill)
        ));
    }
    s
}

/// `a`, `a and b`, `a, b and c`.
pub(crate) fn list_words(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The title and the line under it, each cut to one line of the drawing's width.
fn title_band(ctx: &Ctx, width: f64) -> Group {
    let one_line = |s: String, size: f64, face| text::one_line(&s, size, face, width - 16.0);
    let mut g = Group::new().set("id", "title");
    g.append(
        Text::new(one_line(title_text(ctx), 18.0, text::Face::Bold))
            .set("class", "title")
            .set("x", "8")
            .set("y", "24"),
    );
    let sub = match &ctx.opts.trace {
        Some(t) => format!(
            "How {} was passed down from caregiver to child",
            text::clean(&t.skill)
        ),
        None => format!("Skills under each person: {}", list_words(&ctx.skills)),
    };
    g.append(
        Text::new(one_line(sub, 11.0, text::Face::Regular))
            .set("class", "subtitle")
            .set("x", "8")
            .set("y", "42"),
    );
    g
}

fn generation_labels(ctx: &Ctx) -> Group {
    let mut g = Group::new().set("id", "generations");
    for row in &ctx.layout.rows {
        let label = text::roman(row.generation);
        g.append(
            Text::new(label)
                .set("class", "generation")
                .set("x", num(GENERATION_COLUMN / 2.0))
                .set("y", num(TITLE_BAND + row.y))
                .add(Title::new(format!("Generation {}", row.generation))),
        );
    }
    g
}

/// Patterns for the hatched and dotted condition fills.
fn definitions() -> Definitions {
    let hatch = Pattern::new()
        .set("id", "pattern-hatch")
        .set("width", "5")
        .set("height", "5")
        .set("patternUnits", "userSpaceOnUse")
        .set("patternTransform", "rotate(45)")
        .add(
            Rectangle::new()
                .set("width", "2")
                .set("height", "5")
                .set("fill", "#111"),
        );
    let dots = Pattern::new()
        .set("id", "pattern-dots")
        .set("width", "4")
        .set("height", "4")
        .set("patternUnits", "userSpaceOnUse")
        .add(
            Path::new()
                .set("d", "M0,0h1.6v1.6h-1.6z")
                .set("fill", "#111"),
        );
    Definitions::new().add(hatch).add(dots)
}

/// A path with a class.
pub(crate) fn path(d: impl Into<String>, class: &str) -> Path {
    Path::new().set("class", class).set("d", d.into())
}

/// A path with a class, already written out: what `path(d, class)` gives once written
/// (see [`write`]), without building an element. For the many paths of large families.
pub(crate) fn path_blob(d: impl AsRef<str>, class: &str) -> svg::node::Blob {
    let d = d.as_ref();
    let mut s = String::with_capacity(24 + class.len() + d.len());
    s.push_str("<path class=\"");
    write::escape_attribute(&mut s, class);
    s.push_str("\" d=\"");
    write::escape_attribute(&mut s, d);
    s.push_str("\"/>");
    svg::node::Blob::new(s)
}

/// A text with a class at a point, already written out: what `label(..)` gives once
/// written (a text element puts its text on its own line), without building an element.
pub(crate) fn label_blob(content: impl AsRef<str>, x: f64, y: f64, class: &str) -> svg::node::Blob {
    let content = content.as_ref();
    let mut s = String::with_capacity(40 + class.len() + content.len());
    s.push_str("<text class=\"");
    write::escape_attribute(&mut s, class);
    s.push_str("\" x=\"");
    s.push_str(&num(x));
    s.push_str("\" y=\"");
    s.push_str(&num(y));
    s.push_str("\">\n");
    write::escape_text(&mut s, content);
    s.push_str("\n</text>");
    svg::node::Blob::new(s)
}

/// A polyline as path data.
pub(crate) fn polyline_d(points: &[[f64; 2]]) -> String {
    let mut d = String::new();
    push_polyline_d(&mut d, points);
    d
}

/// Appends what [`polyline_d`] gives.
pub(crate) fn push_polyline_d(out: &mut String, points: &[[f64; 2]]) {
    for (i, p) in points.iter().enumerate() {
        out.push(if i == 0 { 'M' } else { 'L' });
        number::push_pt(out, p[0], p[1]);
    }
}

#[cfg(test)]
pub(crate) mod tests;

#[cfg(test)]
mod label_box_tests;
