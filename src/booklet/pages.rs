//! The booklet's pages as SVG documents in points, one per page: text set line by line
//! in the built-in fonts (wrapped where it will be set), the genograms nested as they are
//! drawn, a running header and page numbers. Each page becomes one PDF page.

use super::Book;
use super::content::Member;
use super::group::{self, SkillCounts};
use super::key::{self, Key};
use super::metrics;

/// The side margins, in points (2 cm).
const SIDE: f64 = 56.7;
/// The top of the text area, under the running header.
const TOP: f64 = 62.0;
/// The space left under the text area, above the page number.
const BOTTOM: f64 = 52.0;
/// Points per drawing pixel at which a genogram prints at its natural size (96 px/in).
const NATURAL: f64 = 0.75;
/// The smallest scale at which a genogram stays readable: its 12-pixel names are then
/// 6 points, the size of a map's small print. Below it the drawing is split over pages.
pub const MIN_SCALE: f64 = 0.5;
/// How much neighbouring parts of a split genogram overlap, in drawing pixels, so that
/// a person cut by one edge is whole on the next page.
const OVERLAP: f64 = 60.0;

const BODY: f64 = 10.5;
const LEADING: f64 = 14.5;
const SUB: f64 = 12.5;
const HEADING: f64 = 17.0;
const TITLE: f64 = 24.0;
const SMALL: f64 = 8.5;
/// Ruled lines under each question, and their spacing.
const RULES: usize = 4;
const RULE_GAP: f64 = 24.0;

/// One page: its SVG and whether it is turned sideways.
pub struct Page {
    /// The page as an SVG document whose units are points.
    pub svg: String,
    /// The page's width and height in points.
    pub size: (f64, f64),
}

/// A page before its header and number are known: its size, the running header's right
/// side, and its content.
struct Body {
    size: (f64, f64),
    section: String,
    svg: String,
}

/// Every page of the booklet, in order.
pub fn pages(book: &Book) -> Vec<Page> {
    let paper = book.paper.size();
    let mut bodies = Vec::new();
    opening(book, paper, &mut bodies);
    for member in &book.members {
        genogram(member, paper, &mut bodies);
        worksheet(member, paper, &mut bodies);
    }
    group_page(&book.group, book.members.len(), paper, &mut bodies);
    let total = bodies.len();
    bodies
        .into_iter()
        .enumerate()
        .map(|(i, b)| frame(b, &book.title, i + 1, total))
        .collect()
}

/// The opening page: title, the skills, how to read a genogram, a note on the questions.
fn opening(book: &Book, paper: (f64, f64), out: &mut Vec<Body>) {
    let mut f = Flow::new(paper, "Introduction", out);
    f.title(&book.title);
    let members = book.members.len();
    f.para(&format!(
        "{} {}: for each, the family's genogram and a worksheet for the next session; \
         the group's counts at the end.",
        members,
        if members == 1 { "member" } else { "members" }
    ));
    f.sub("The skills");
    for (name, description) in &book.skills {
        f.term(&crate::analysis::capitalise(name), description);
    }
    f.sub("About the questions");
    f.para(
        "The questions on the worksheets are open-ended: none can be answered with yes or \
         no, and none has a right answer. Write what comes to mind in the space under each \
         one, in a few words or a few lines, and bring it to the next session. Nobody has \
         to share what they wrote.",
    );
    f.sub("How to read a genogram");
    f.para(
        "Each family is drawn over its generations, the oldest at the top. Squares are men, \
         circles women; a line joins partners and their children hang below it. The person \
         the worksheet is for has a double outline. Small boxes under each symbol show how \
         strongly that person has each skill. The key:",
    );
    match key::opening(&book.families, &book.options, f.width() / NATURAL) {
        Some(k) => f.key(&k),
        None => f.para("Each genogram page has its key beside or under the drawing."),
    }
    if key::has_own_conditions(&book.families) {
        f.para(
            "A letter in a small box beside a symbol stands for another condition; the key \
             of each genogram says which.",
        );
    }
    f.finish();
}

/// The genogram of a member on one page with its key, or split over several when it
/// would be too small to read on one.
fn genogram(member: &Member, paper: (f64, f64), out: &mut Vec<Body>) {
    // The drawing has no key under it; the key is laid out anew for the page.
    let drawing = strip_prolog(&member.svg);
    let (w, h) = svg_size(drawing);
    // Sideways when the drawing is wider than tall.
    let size = if w > h { (paper.1, paper.0) } else { paper };
    let aw = size.0 - 2.0 * SIDE;
    // The key as wide as the page at the drawing's natural size, and as wide as the page
    // at the smallest readable size (more columns, fewer rows).
    let key = Key::from(member.key(aw / NATURAL));
    let small = Key::from(member.key(aw / MIN_SCALE));
    let (kw, kh) = (key.width, key.height);
    let (sw, sh) = (small.width, small.height);
    let page = |note: Option<&str>| {
        let mut svg = String::new();
        let mut y = TOP + HEADING;
        text(&mut svg, SIDE, y, HEADING, true, &member.heading);
        y += 4.0;
        // The drawing shows the family's title itself.
        if let Some(line) = note {
            for l in metrics::wrap(line, BODY, false, aw) {
                y += LEADING;
                text(&mut svg, SIDE, y - 3.0, BODY, false, &l);
            }
        }
        (svg, y + GAP)
    };
    let bottom = size.1 - BOTTOM;
    let (svg, top) = page(None);
    let ah = bottom - top;
    // Where the key goes, of the ways that keep drawing and key readable on one page,
    // the one that shows the drawing largest: under it at one scale, under it as small as
    // it stays readable, or beside it in one or two columns.
    let key_small = (aw / sw).min(MIN_SCALE);
    let fit = (aw / w).min(ah / h).min(NATURAL);
    let mut best: Option<Placement> = None;
    let mut consider = |p: Placement| {
        if p.drawing >= MIN_SCALE
            && p.key >= MIN_SCALE.min(p.drawing)
            && best.as_ref().is_none_or(|b| p.drawing > b.drawing + 1e-9)
        {
            best = Some(p);
        }
    };
    {
        let s = (aw / w)
            .min(aw / kw)
            .min((ah - GAP) / (h + kh))
            .min(NATURAL);
        consider(Placement::under(&key, s, s));
    }
    {
        let s = (aw / w).min((ah - GAP - sh * key_small) / h).min(NATURAL);
        consider(Placement::under(&small, s, key_small));
    }
    {
        for width in [300.0, 580.0] {
            let k = Key::from(member.key(width));
            // At one scale, else the key at the smallest readable size.
            let same = ((aw - GAP) / (w + k.width))
                .min(ah / h)
                .min(ah / k.height)
                .min(NATURAL);
            consider(Placement::beside(&k, same, same));
            if k.height * MIN_SCALE <= ah {
                let s = ((aw - GAP - k.width * MIN_SCALE) / w)
                    .min(ah / h)
                    .min(NATURAL);
                consider(Placement::beside(&k, s, MIN_SCALE));
            }
        }
    }
    if let Some(p) = best {
        let mut svg = svg;
        let ds = p.drawing;
        match &p.content {
            (k, kw, kh) if p.beside => {
                let used = w * ds + GAP + kw * p.key;
                let x = SIDE + (aw - used) / 2.0;
                nest(&mut svg, drawing, x, top, ds, (0.0, 0.0, w, h));
                let kx = x + w * ds + GAP;
                nest(&mut svg, k, kx, top, p.key, (0.0, 0.0, *kw, *kh));
            }
            (k, kw, kh) => {
                nest(
                    &mut svg,
                    drawing,
                    SIDE + (aw - w * ds) / 2.0,
                    top,
                    ds,
                    (0.0, 0.0, w, h),
                );
                let y = top + h * ds + GAP;
                nest(
                    &mut svg,
                    k,
                    SIDE + (aw - kw * p.key) / 2.0,
                    y,
                    p.key,
                    (0.0, 0.0, *kw, *kh),
                );
            }
        }
        out.push(Body {
            size,
            section: member.heading.clone(),
            svg,
        });
        return;
    }
    // Too large for one page with its key: the drawing alone, on as many pages as it
    // takes to stay readable, then the key.
    let (scale, cols, rows) = if fit >= MIN_SCALE {
        (fit, 1, 1)
    } else {
        let s = MIN_SCALE;
        // The parts' pages carry one more line, the note, above the drawing.
        let ah = ah - 2.0 * LEADING;
        (s, parts(w, aw / s), parts(h, ah / s))
    };
    let tiles = cols * rows;
    let mut last_bottom = bottom;
    for row in 0..rows {
        for col in 0..cols {
            let note = (tiles > 1).then(|| {
                format!(
                    "Part {} of {tiles}. The drawing is too large to read on one page: lay \
                     the parts side by side, {} across and {} down; they overlap a little.",
                    row * cols + col + 1,
                    cols,
                    rows
                )
            });
            let (mut svg, top) = page(note.as_deref());
            let (ww, wh) = (((aw / scale).min(w)), ((bottom - top) / scale).min(h));
            let x = offset(col, cols, w, ww);
            let y = offset(row, rows, h, wh);
            nest(
                &mut svg,
                drawing,
                SIDE + (aw - ww * scale) / 2.0,
                top,
                scale,
                (x, y, ww, wh),
            );
            last_bottom = top + wh * scale;
            out.push(Body {
                size,
                section: member.heading.clone(),
                svg,
            });
        }
    }
    let last = out
        .last_mut()
        .filter(|_| last_bottom + GAP + sh * key_small <= bottom);
    match last {
        Some(b) => nest_key(&mut b.svg, &small, SIDE, last_bottom + GAP, key_small),
        None => {
            // A page of its own, at the drawing's natural size if it fits.
            let mut svg = String::new();
            let heading = format!("Key to the genogram of {}", member.heading);
            text(&mut svg, SIDE, TOP + HEADING, HEADING, true, &heading);
            let top = TOP + HEADING + 14.0;
            let ks = (aw / kw).min(NATURAL).min((bottom - top) / kh);
            nest_key(&mut svg, &key, SIDE, top, ks);
            out.push(Body {
                size,
                section: member.heading.clone(),
                svg,
            });
        }
    }
}

/// Where a genogram's key goes on its page, and at what scales.
struct Placement {
    /// Points per pixel of the drawing.
    drawing: f64,
    /// Points per pixel of the key.
    key: f64,
    /// Whether the key is beside the drawing rather than under it.
    beside: bool,
    /// The key's SVG document, width and height in pixels.
    content: (String, f64, f64),
}

impl Placement {
    fn under(k: &Key, drawing: f64, key: f64) -> Self {
        Placement {
            drawing,
            key,
            beside: false,
            content: (k.content.clone(), k.width, k.height),
        }
    }

    fn beside(k: &Key, drawing: f64, key: f64) -> Self {
        Placement {
            drawing,
            key,
            beside: true,
            content: (k.content.clone(), k.width, k.height),
        }
    }
}

/// Space between the drawing and its key, in points.
const GAP: f64 = 10.0;

/// Appends an SVG document nested at (`x`, `y`), `scale` points per pixel, showing the
/// part `view` (x, y, width, height in pixels) of it.
fn nest(svg: &mut String, doc: &str, x: f64, y: f64, scale: f64, view: (f64, f64, f64, f64)) {
    svg.push_str(&format!(
        "<svg x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" viewBox=\"{} {} {} {}\">\n{}\n</svg>\n",
        n(x),
        n(y),
        n(view.2 * scale),
        n(view.3 * scale),
        n(view.0),
        n(view.1),
        n(view.2),
        n(view.3),
        doc
    ));
}

/// Appends a key nested at (`x`, `y`) at `scale` points per pixel.
fn nest_key(svg: &mut String, key: &Key, x: f64, y: f64, scale: f64) {
    nest(
        svg,
        &key.content,
        x,
        y,
        scale,
        (0.0, 0.0, key.width, key.height),
    );
}

/// How many overlapping windows of `window` cover `length`.
fn parts(length: f64, window: f64) -> usize {
    if length <= window {
        1
    } else {
        ((length - OVERLAP) / (window - OVERLAP).max(1.0))
            .ceil()
            .max(1.0) as usize
    }
}

/// Where the `i`-th of `count` windows of `window` over `length` starts: evenly spread,
/// the first at 0 and the last at the end.
fn offset(i: usize, count: usize, length: f64, window: f64) -> f64 {
    if count <= 1 {
        0.0
    } else {
        (length - window).max(0.0) * i as f64 / (count - 1) as f64
    }
}

/// A member's worksheet: the findings, then the questions with space to write.
fn worksheet(member: &Member, paper: (f64, f64), out: &mut Vec<Body>) {
    let mut f = Flow::new(paper, &member.heading, out);
    f.heading(&format!("Worksheet for {}", member.heading));
    f.sub("What the family shows");
    if member.findings.is_empty() {
        f.para("The skill is not rated in this family's file.");
    }
    for finding in &member.findings {
        f.minor(&crate::analysis::capitalise(&finding.skill));
        if finding.paragraphs.is_empty() && finding.breakers.is_empty() {
            f.para("Nothing stands out yet: too few people are rated.");
        }
        for p in &finding.paragraphs {
            f.para(p);
        }
        for b in &finding.breakers {
            f.bullet(b);
        }
    }
    if !member.patterns.is_empty() {
        f.minor("Patterns that repeat");
        for p in &member.patterns {
            f.bullet(p);
        }
    }
    f.sub("For the next session");
    if member.questions.is_empty() {
        f.para("The file leaves no question open. What would you like to add to it?");
        f.question(
            1,
            "What would you like the group to know about your family?",
        );
    }
    for (i, q) in member.questions.iter().enumerate() {
        f.question(i + 1, q);
    }
    if member.more_questions > 0 {
        f.para(&format!(
            "The member's full report has {} more {} for later sessions.",
            member.more_questions,
            if member.more_questions == 1 {
                "question"
            } else {
                "questions"
            }
        ));
    }
    f.finish();
}

/// The group page: per skill, counts only.
fn group_page(counts: &[SkillCounts], members: usize, paper: (f64, f64), out: &mut Vec<Body>) {
    let mut f = Flow::new(paper, "The group", out);
    f.heading("The group");
    f.para(&format!(
        "Counted over the families of the {} {} of the group. The counts name nobody.",
        members,
        if members == 1 { "member" } else { "members" }
    ));
    for c in counts {
        f.sub(&crate::analysis::capitalise(&c.skill));
        for line in group::sentences(c, members) {
            f.bullet(&line);
        }
    }
    f.finish();
}

/// Text flowing down pages of one section, starting a new page when one is full.
struct Flow<'a> {
    size: (f64, f64),
    section: String,
    out: &'a mut Vec<Body>,
    svg: String,
    y: f64,
}

impl<'a> Flow<'a> {
    fn new(size: (f64, f64), section: &str, out: &'a mut Vec<Body>) -> Self {
        Flow {
            size,
            section: section.to_string(),
            out,
            svg: String::new(),
            y: TOP,
        }
    }

    fn width(&self) -> f64 {
        self.size.0 - 2.0 * SIDE
    }

    fn bottom(&self) -> f64 {
        self.size.1 - BOTTOM
    }

    /// Makes room for `h` points, on a new page when this one has less left.
    fn room(&mut self, h: f64) {
        if self.y + h > self.bottom() && self.y > TOP {
            self.new_page();
        }
    }

    fn new_page(&mut self) {
        let svg = std::mem::take(&mut self.svg);
        self.out.push(Body {
            size: self.size,
            section: self.section.clone(),
            svg,
        });
        self.y = TOP;
    }

    fn finish(mut self) {
        self.new_page();
    }

    fn lines(&mut self, s: &str, size: f64, bold: bool, x: f64, leading: f64) {
        for line in metrics::wrap(s, size, bold, self.width() - (x - SIDE)) {
            self.room(leading);
            self.y += leading;
            text(
                &mut self.svg,
                x,
                self.y - (leading - size) / 2.0,
                size,
                bold,
                &line,
            );
        }
    }

    fn title(&mut self, s: &str) {
        self.lines(s, TITLE, true, SIDE, TITLE * 1.25);
        self.y += 8.0;
    }

    fn heading(&mut self, s: &str) {
        self.room(HEADING * 1.3 + 3.0 * LEADING);
        self.lines(s, HEADING, true, SIDE, HEADING * 1.3);
        self.y += 4.0;
    }

    fn sub(&mut self, s: &str) {
        // A heading never ends a page: it keeps a few lines of what follows with it.
        self.room(14.0 + SUB * 1.3 + 3.0 * LEADING);
        if self.y > TOP {
            self.y += 14.0;
        }
        self.lines(s, SUB, true, SIDE, SUB * 1.3);
        let y = self.y + 3.0;
        self.svg.push_str(&format!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#000\" stroke-width=\"0.6\"/>\n",
            n(SIDE),
            n(y),
            n(SIDE + self.width()),
            n(y)
        ));
        self.y += 7.0;
    }

    fn minor(&mut self, s: &str) {
        self.room(6.0 + LEADING + 2.0 * LEADING);
        self.y += 6.0;
        self.lines(s, BODY, true, SIDE, LEADING);
    }

    fn para(&mut self, s: &str) {
        self.lines(s, BODY, false, SIDE, LEADING);
        self.y += 4.0;
    }

    fn term(&mut self, term: &str, definition: &str) {
        self.room(2.0 * LEADING);
        self.lines(term, BODY, true, SIDE, LEADING);
        self.lines(definition, BODY, false, SIDE + 14.0, LEADING);
        self.y += 4.0;
    }

    fn bullet(&mut self, s: &str) {
        let indent = 14.0;
        let lines = metrics::wrap(s, BODY, false, self.width() - indent);
        for (i, line) in lines.iter().enumerate() {
            self.room(LEADING);
            self.y += LEADING;
            let base = self.y - (LEADING - BODY) / 2.0;
            if i == 0 {
                text(&mut self.svg, SIDE + 3.0, base, BODY, false, "•");
            }
            text(&mut self.svg, SIDE + indent, base, BODY, false, line);
        }
        self.y += 3.0;
    }

    /// A numbered question and ruled lines to write the answer on, kept on one page.
    fn question(&mut self, number: usize, q: &str) {
        let indent = 18.0;
        let lines = metrics::wrap(q, BODY, false, self.width() - indent);
        let h = 8.0 + lines.len() as f64 * LEADING + RULES as f64 * RULE_GAP + 6.0;
        self.room(h);
        self.y += 8.0;
        for (i, line) in lines.iter().enumerate() {
            self.y += LEADING;
            let base = self.y - (LEADING - BODY) / 2.0;
            if i == 0 {
                text(&mut self.svg, SIDE, base, BODY, true, &format!("{number}."));
            }
            text(&mut self.svg, SIDE + indent, base, BODY, false, line);
        }
        for _ in 0..RULES {
            self.y += RULE_GAP;
            self.svg.push_str(&format!(
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#555\" stroke-width=\"0.5\"/>\n",
                n(SIDE + indent),
                n(self.y),
                n(SIDE + self.width()),
                n(self.y)
            ));
        }
        self.y += 6.0;
    }

    /// The key, at most at its natural size, on this page if it fits at a readable size.
    fn key(&mut self, key: &Key) {
        let natural = (self.width() / key.width).min(NATURAL);
        let left = self.bottom() - self.y - 12.0;
        let scale = if key.height * natural <= left {
            natural
        } else if key.height * MIN_SCALE <= left {
            left / key.height
        } else {
            self.new_page();
            natural.min((self.bottom() - self.y - 8.0) / key.height)
        };
        let h = key.height * scale;
        nest_key(&mut self.svg, key, SIDE, self.y + 4.0, scale);
        self.y += h + 8.0;
    }
}

/// The page with its running header (the booklet's title, and the section) and number.
fn frame(b: Body, title: &str, number: usize, total: usize) -> Page {
    let (w, h) = b.size;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\">\n\
         <rect width=\"{}\" height=\"{}\" fill=\"#fff\"/>\n",
        n(w),
        n(h),
        n(w),
        n(h),
        n(w),
        n(h)
    );
    // The header: the title on the left, cut to leave room for the section on the right.
    let section_w = metrics::width(&b.section, SMALL, false);
    let room = w - 2.0 * SIDE - section_w - 24.0;
    let mut head = title.to_string();
    while metrics::width(&head, SMALL, false) > room && head.chars().count() > 1 {
        head.pop();
        while head.ends_with(' ') {
            head.pop();
        }
        if metrics::width(&format!("{head}…"), SMALL, false) <= room {
            head.push('…');
            break;
        }
    }
    text(&mut svg, SIDE, 40.0, SMALL, false, &head);
    text_end(&mut svg, w - SIDE, 40.0, SMALL, &b.section);
    svg.push_str(&format!(
        "<line x1=\"{}\" y1=\"46\" x2=\"{}\" y2=\"46\" stroke=\"#000\" stroke-width=\"0.5\"/>\n",
        n(SIDE),
        n(w - SIDE)
    ));
    let page = format!("Page {number} of {total}");
    let pw = metrics::width(&page, SMALL, false);
    text(&mut svg, (w - pw) / 2.0, h - 28.0, SMALL, false, &page);
    svg.push_str(&b.svg);
    svg.push_str("</svg>\n");
    Page { svg, size: b.size }
}

/// Appends a line of text with its left end at `x` and baseline at `y`.
fn text(svg: &mut String, x: f64, y: f64, size: f64, bold: bool, s: &str) {
    svg.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" font-family=\"DejaVu Sans\" font-size=\"{}\"{} fill=\"#000\">{}</text>\n",
        n(x),
        n(y),
        n(size),
        if bold { " font-weight=\"bold\"" } else { "" },
        escape(s)
    ));
}

/// Appends a line of text ending at `x`.
fn text_end(svg: &mut String, x: f64, y: f64, size: f64, s: &str) {
    svg.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" font-family=\"DejaVu Sans\" font-size=\"{}\" text-anchor=\"end\" fill=\"#000\">{}</text>\n",
        n(x),
        n(y),
        n(size),
        escape(s)
    ));
}

/// A number as SVG text: two decimals at most.
fn n(v: f64) -> String {
    crate::render::number::num((v * 100.0).round() / 100.0)
}

/// Text made safe for SVG.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::render::text::clean(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The SVG document without its XML declaration, to nest it in a page.
fn strip_prolog(svg: &str) -> &str {
    match svg.find("<svg") {
        Some(i) => &svg[i..],
        None => svg,
    }
}

/// The `width` and `height` of an SVG document's root, in pixels.
pub fn svg_size(svg: &str) -> (f64, f64) {
    let root = strip_prolog(svg);
    let tag = &root[..root.find('>').unwrap_or(root.len())];
    let attr = |name: &str| -> f64 {
        let key = format!(" {name}=\"");
        tag.find(&key)
            .and_then(|i| {
                let rest = &tag[i + key.len()..];
                rest[..rest.find('"')?].parse().ok()
            })
            .filter(|v: &f64| v.is_finite() && *v > 0.0)
            .unwrap_or(1.0)
    };
    (attr("width"), attr("height"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cover_the_drawing_and_overlap() {
        assert_eq!(parts(500.0, 600.0), 1);
        let (len, win) = (2000.0, 700.0);
        let k = parts(len, win);
        assert_eq!(k, 4);
        assert_eq!(offset(0, k, len, win), 0.0);
        assert_eq!(offset(k - 1, k, len, win) + win, len);
        for i in 1..k {
            let gap = offset(i, k, len, win) - offset(i - 1, k, len, win);
            assert!(gap <= win - OVERLAP, "windows overlap");
        }
    }

    #[test]
    fn size_of_a_drawing() {
        let svg =
            "<?xml version=\"1.0\"?>\n<svg height=\"1255\" viewBox=\"0 0 802 1255\" width=\"802\">";
        assert_eq!(svg_size(svg), (802.0, 1255.0));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a<b & \"c\"\u{202e}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
