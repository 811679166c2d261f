//! The label model: what is drawn for a person besides the symbol (the years above it,
//! badges beside it, the skill strip and the label lines under it), where, in which
//! face and size, and the box all of it takes. The layout makes room for exactly this
//! box and the renderer draws the same lines at the same places, so the two can never
//! disagree about a person's size.
//!
//! Text is measured with the fonts' own advance widths ([`super::font`]) and wrapped at
//! spaces, never cut short: only a word wider than a printed page ([`LONGEST_WORD`]) is
//! cut, to keep a pasted paragraph without spaces from making one label pages wide.
//!
//! Coordinates here are relative to the symbol's centre, y down.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::LayoutOptions;
use super::font::{self, Face};
use crate::diag::is_unsafe_char;
use crate::model::{Couple, OpenWord, PartialDate, Person, PersonKind, RelKind, Relation};

/// Font size of names, in pixels.
pub const NAME_SIZE: f64 = 12.0;
/// Font size of the other label lines (years, occupation, location), in pixels.
pub const SMALL_SIZE: f64 = 11.0;
/// Font size of the years above the symbol, in pixels.
pub const YEAR_SIZE: f64 = 11.0;
/// Line height as a multiple of the font size.
pub const LINE_HEIGHT: f64 = 1.2;
/// How far above its baseline a DejaVu Sans capital or digit reaches, in ems.
pub const ASCENT: f64 = 0.76;
/// How far below its baseline a DejaVu Sans letter reaches, in ems.
pub const DESCENT: f64 = 0.24;
/// Gap between the symbol's top and the baseline of the years above it.
pub const YEAR_GAP: f64 = 6.0;
/// The years above sit this far left (born) and right (died) of the centre.
pub const YEAR_SIDE: f64 = 2.0;

/// Side of one cell of the skill strip.
pub const CELL: f64 = 9.0;
/// Size of the skill initials in the strip.
pub const LETTER: f64 = 9.0;
/// Space between one skill's cell and the next skill's initial.
pub const CELL_GAP: f64 = 5.0;
/// Space between an initial and its cell.
pub const LETTER_GAP: f64 = 1.5;
/// Space between the strip and the first label line.
pub const STRIP_GAP: f64 = 2.0;

/// Size of the initials of a badge.
pub const BADGE_SIZE: f64 = 9.0;
/// Height of a badge.
pub const BADGE_HEIGHT: f64 = 12.0;
/// Space between the symbol and the first badge, and between badges.
pub const BADGE_GAP: f64 = 3.0;

/// A word wider than this (the printable width of an A4 page at 96 px to the inch) is
/// cut short to this width, ending in `…`, and broken into lines; every other word is
/// kept whole.
pub const LONGEST_WORD: f64 = 718.0;

/// What a label line shows, which sets its face, size and class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A line of the name: bold, 12 px.
    Name,
    /// The years under the name (when a line keeps them from above the symbol): 11 px.
    Years,
    /// Occupation or location: 11 px.
    Detail,
}

impl Role {
    /// Font size in pixels.
    pub fn size(self) -> f64 {
        match self {
            Role::Name => NAME_SIZE,
            Role::Years | Role::Detail => SMALL_SIZE,
        }
    }

    /// Font face.
    pub fn face(self) -> Face {
        match self {
            Role::Name => Face::Bold,
            Role::Years | Role::Detail => Face::Regular,
        }
    }

    /// The SVG classes of the line.
    pub fn class(self) -> &'static str {
        match self {
            Role::Name => "label name",
            Role::Years | Role::Detail => "label detail",
        }
    }
}

/// The text of one label line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineText<'a> {
    /// Text (user text, to be escaped when written).
    Text(&'a str),
    /// The years, as [`push_years_line`] writes them.
    Years,
}

/// What the label of a person shows besides the person's own fields: decided by the
/// drawing (the name may be a neutral label, the years may go above the symbol, details
/// are left out of anonymised drawings).
#[derive(Clone, Copy, Debug)]
pub struct Shown<'a> {
    /// The name line's text, note marker included; empty for none.
    pub name: &'a str,
    /// Whether the years are a line under the name.
    pub years: bool,
    /// Whether occupation and location are shown.
    pub details: bool,
}

/// What every label of a family shares: the skill initials (the strip) and the initials
/// of the conditions drawn as badges.
#[derive(Clone, Debug, Default)]
pub struct Common {
    /// The skills, cleaned, in file order.
    pub skills: Vec<String>,
    /// Their distinct initials.
    pub skill_initials: Vec<String>,
    /// Conditions without a standard fill, cleaned, in order of first use.
    pub badges: Vec<String>,
    /// Their distinct initials.
    pub badge_initials: Vec<String>,
    /// Width of the skill strip (0 without skills).
    pub strip_width: f64,
}

impl Common {
    /// What the labels of this family share.
    pub fn of(family: &crate::model::Family) -> Common {
        let skills: Vec<String> = family.skills.iter().map(|s| clean(&s.name.value)).collect();
        let skill_initials = initials(&skills);
        let mut badges: Vec<String> = Vec::new();
        for p in &family.people {
            for c in &p.conditions {
                if let OpenWord::Other(word) = &c.value {
                    let word = clean(word);
                    if !word.is_empty() && !badges.contains(&word) {
                        badges.push(word);
                    }
                }
            }
        }
        let badge_initials = initials(&badges);
        let strip_width = strip_width(&skill_initials);
        Common {
            skills,
            skill_initials,
            badges,
            badge_initials,
            strip_width,
        }
    }

    /// The badges of a person: (index into `badges`, word), in the person's order.
    pub fn badges_of<'p>(&'p self, person: &'p Person) -> impl Iterator<Item = usize> + 'p {
        person.conditions.iter().filter_map(|c| {
            let OpenWord::Other(word) = &c.value else {
                return None;
            };
            let word = clean_cow(word);
            self.badges.iter().position(|b| *b == *word)
        })
    }
}

/// Width of the skill strip for these initials.
pub fn strip_width(initials: &[String]) -> f64 {
    let letters: f64 = initials
        .iter()
        .map(|i| font::width(i, LETTER, Face::Bold) + LETTER_GAP)
        .sum();
    letters + CELL * initials.len() as f64 + CELL_GAP * initials.len().saturating_sub(1) as f64
}

/// Width of a badge with these initials.
pub fn badge_width(initials: &str) -> f64 {
    font::width(initials, BADGE_SIZE, Face::Bold) + 6.0
}

/// The name a label shows for a person of the file: the cleaned name, or nothing for a
/// loss or pregnancy without a name of its own.
pub fn own_name(person: &Person) -> Cow<'_, str> {
    if person.kind != PersonKind::Person && person.name == person.id.value {
        Cow::Borrowed("")
    } else {
        clean_cow(&person.name)
    }
}

/// The name with its note number: `Ana Lima [3]`.
pub fn with_note(name: &str, note: Option<usize>) -> Cow<'_, str> {
    match note {
        Some(n) if name.is_empty() => Cow::Owned(format!("[{n}]")),
        Some(n) => Cow::Owned(format!("{name} [{n}]")),
        None => Cow::Borrowed(name),
    }
}

/// The note number of each person, in file order, for the people with notes that
/// `--notes` shows.
pub fn note_numbers(family: &crate::model::Family) -> Vec<Option<usize>> {
    let mut n = 0;
    family
        .people
        .iter()
        .map(|p| {
            has_notes(p).then(|| {
                n += 1;
                n
            })
        })
        .collect()
}

/// Whether a person has any note that `--notes` would show.
pub fn has_notes(p: &Person) -> bool {
    p.notes.as_deref().is_some_and(|n| !clean_cow(n).is_empty())
        || p.skills
            .iter()
            .any(|s| s.note.as_deref().is_some_and(|n| !clean_cow(n).is_empty()))
}

/// Widest a label line may be before it wraps.
pub fn wrap_width(o: &LayoutOptions) -> f64 {
    o.symbol * o.label_wrap
}

/// Calls `line` with each label line under the symbol, top to bottom: the name's lines,
/// the years (when `shown.years`), then occupation and location (when `shown.details`),
/// each wrapped to `max` wide.
pub fn for_each_line(
    person: &Person,
    shown: Shown,
    max: f64,
    mut line: impl FnMut(LineText, Role),
) {
    for_each_wrapped(shown.name, NAME_SIZE, Face::Bold, max, |l| {
        line(LineText::Text(l), Role::Name)
    });
    if shown.years && has_years_line(person) {
        line(LineText::Years, Role::Years);
    }
    if shown.details {
        for field in [&person.occupation, &person.location].into_iter().flatten() {
            let field = clean_cow(field);
            for_each_wrapped(&field, SMALL_SIZE, Face::Regular, max, |l| {
                line(LineText::Text(l), Role::Detail)
            });
        }
    }
}

/// The whole label of a person: its lines and its box.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// The label lines under the symbol (the years as [`push_years_line`] writes them).
    pub lines: Vec<(String, Role)>,
    /// The box of everything drawn for the person, symbol included: `[x0, y0, x1, y1]`
    /// relative to the symbol's centre.
    pub bbox: [f64; 4],
    /// Height from the bottom of the symbol to the bottom of the last line.
    pub below: f64,
    /// How far right of the centre the badges reach (0 without badges): a line leaving
    /// the symbol's right side low, where the badges sit, starts past them.
    pub badges: f64,
    /// Half the width of what is drawn at the symbol's height (the symbol and its
    /// badges): a line coming down beside the symbol from above keeps clear of this, the
    /// label lines being lower; where such a line runs through the years above a
    /// symbol, the drawing writes that row's years under the names instead.
    pub upper: f64,
}

/// Where things go under a symbol of half-size `r`: the top of the skill strip (when the
/// person has one) and the baseline of each label line, in order.
pub struct Stack {
    /// The y of the next thing below.
    pub y: f64,
}

impl Stack {
    /// The stack under a symbol whose lowest point is `bottom`.
    pub fn new(bottom: f64, o: &LayoutOptions) -> Stack {
        Stack {
            y: bottom + o.label_pad,
        }
    }

    /// The top of the skill strip; moves past it.
    pub fn strip(&mut self) -> f64 {
        let top = self.y;
        self.y += CELL + STRIP_GAP;
        top
    }

    /// The baseline of a line of `role`; moves past it.
    pub fn line(&mut self, role: Role) -> f64 {
        self.y += role.size();
        let base = self.y;
        self.y += role.size() * (LINE_HEIGHT - 1.0);
        base
    }
}

/// Whether a person gets a skill strip.
pub fn has_strip(person: &Person, common: &Common) -> bool {
    person.kind == PersonKind::Person && !common.skills.is_empty()
}

/// The label of a person as the layout makes room for it: the name with its note number
/// (`note`), the years both above the symbol and under the name (the drawing decides
/// which, after the lines are routed), occupation and location.
pub fn label(person: &Person, note: Option<usize>, common: &Common, o: &LayoutOptions) -> Label {
    let name = own_name(person);
    let name = with_note(&name, note);
    let shown = Shown {
        name: &name,
        years: true,
        details: true,
    };
    let r = o.symbol / 2.0;
    let max = wrap_width(o);
    let mut lines = Vec::new();
    let mut half = r;
    let mut stack = Stack::new(r, o);
    if has_strip(person, common) {
        stack.strip();
        half = half.max(common.strip_width / 2.0);
    }
    let mut scratch = String::new();
    let mut last = None;
    for_each_line(person, shown, max, |text, role| {
        let text = match text {
            LineText::Text(t) => t.to_string(),
            LineText::Years => {
                scratch.clear();
                push_years_line(&mut scratch, person);
                scratch.clone()
            }
        };
        half = half.max(font::width(&text, role.size(), role.face()) / 2.0);
        stack.line(role);
        last = Some(role);
        lines.push((text, role));
    });
    let mut bottom = stack.y;
    if let Some(role) = last {
        // The descenders of the last line reach below its line height.
        bottom += role.size() * (DESCENT - (LINE_HEIGHT - 1.0)).max(0.0);
    } else if has_strip(person, common) {
        bottom -= STRIP_GAP;
    } else {
        bottom = r;
    }
    // Above: the years.
    let mut top = -r;
    let (born, died) = years_above_widths(person);
    if born > 0.0 || died > 0.0 {
        top = -r - YEAR_GAP - YEAR_SIZE * ASCENT;
        half = half.max(YEAR_SIDE + born.max(died));
    }
    // Right: the badges, from the lower right corner.
    let mut right = half;
    let mut x = r + BADGE_GAP;
    let mut any = false;
    for i in common.badges_of(person) {
        x += badge_width(&common.badge_initials[i]) + 2.0;
        any = true;
    }
    if any {
        right = right.max(x - 2.0);
    }
    let half = half.max(right);
    Label {
        lines,
        bbox: [-half, top, half, bottom],
        below: bottom - r,
        badges: if any { x - 2.0 } else { 0.0 },
        upper: if any { r.max(x - 2.0) } else { r },
    }
}

/// The widths of the years above the symbol: birth (`1927–`) and death (`1999`), 0 when
/// absent.
pub fn years_above_widths(person: &Person) -> (f64, f64) {
    let is_person = person.kind == PersonKind::Person;
    let mut s = String::new();
    let born = person.born.as_ref().map_or(0.0, |b| {
        s.clear();
        push_year(&mut s, &b.value);
        if is_person {
            s.push('–');
        }
        font::width(&s, YEAR_SIZE, Face::Regular)
    });
    let died = person.died.as_ref().filter(|_| is_person).map_or(0.0, |d| {
        s.clear();
        push_year(&mut s, &d.value);
        font::width(&s, YEAR_SIZE, Face::Regular)
    });
    (born, died)
}

/// A year as shown: `1950`, or `~1950` when approximate.
pub fn year(d: &PartialDate) -> String {
    let mut s = String::with_capacity(6);
    push_year(&mut s, d);
    s
}

/// Appends what [`year`] gives.
pub fn push_year(out: &mut String, d: &PartialDate) {
    if d.is_approximate() {
        out.push('~');
    }
    let _ = write!(out, "{}", d.year_value());
}

/// Whether the person has years to show as a label line under the name (see
/// [`push_years_line`]).
pub fn has_years_line(person: &Person) -> bool {
    person.born.is_some() || (person.died.is_some() && person.kind == PersonKind::Person)
}

/// The years as one label line under the name, where they go when a line runs through
/// the place above the symbol: `1927–1999`, `b. 1950`, `d. 1999`. Nothing when
/// [`has_years_line`] is false.
pub fn push_years_line(out: &mut String, person: &Person) {
    let is_person = person.kind == PersonKind::Person;
    match (&person.born, &person.died) {
        (Some(b), Some(d)) if is_person => {
            push_year(out, &b.value);
            out.push('–');
            push_year(out, &d.value);
        }
        (Some(b), _) if is_person => {
            out.push_str("b. ");
            push_year(out, &b.value);
        }
        (Some(b), _) => push_year(out, &b.value),
        (None, Some(d)) if is_person => {
            out.push_str("d. ");
            push_year(out, &d.value);
        }
        _ => {}
    }
}

/// Calls `line` with each line of `s` wrapped to `max` wide (see [`wrap`]). Most labels
/// are short and already clean: they are one line as they stand, handed over without
/// building new strings, which matters for families of 100,000 people.
pub fn for_each_wrapped(s: &str, size: f64, face: Face, max: f64, mut line: impl FnMut(&str)) {
    if is_one_line(s) && font::width(s, size, face) <= max {
        line(s);
        return;
    }
    for l in wrap(s, size, face, max) {
        line(&l);
    }
}

/// Whether `s` is not empty and its words are separated by single spaces with no other
/// whitespace (so that splitting at whitespace and joining with spaces gives it back).
fn is_one_line(s: &str) -> bool {
    let mut after_space = true;
    for c in s.chars() {
        if c.is_whitespace() {
            if c != ' ' || after_space {
                return false;
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    !s.is_empty() && !after_space
}

/// Wraps `s` at spaces into lines no wider than `max` at `size` pixels in `face`. A word
/// wider than `max` stands whole on a line of its own; only a word wider than
/// [`LONGEST_WORD`] is cut short (ending in `…`) and broken into pieces `max` wide.
/// Nothing else is left out.
pub fn wrap(s: &str, size: f64, face: Face, max: f64) -> Vec<String> {
    let space = font::width(" ", size, face);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut used = 0.0;
    for word in s.split_whitespace() {
        let w = font::width(word, size, face);
        if w > LONGEST_WORD.max(max) {
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            // Cut short to a page's width, then broken into lines.
            let ellipsis = font::width("…", size, face);
            let mut kept = 0.0;
            let cut: String = word
                .chars()
                .take_while(|&c| {
                    kept += font::advance(c, face) * size;
                    kept + ellipsis <= LONGEST_WORD
                })
                .chain(std::iter::once('…'))
                .collect();
            let mut piece = String::new();
            let mut pw = 0.0;
            for c in cut.chars() {
                let cw = font::advance(c, face) * size;
                // The `…` stays with the last piece.
                if pw + cw > max && !piece.is_empty() && c != '…' {
                    lines.push(std::mem::take(&mut piece));
                    pw = 0.0;
                }
                piece.push(c);
                pw += cw;
            }
            current = piece;
            used = pw;
            continue;
        }
        if current.is_empty() {
            current.push_str(word);
            used = w;
        } else if used + space + w <= max {
            current.push(' ');
            current.push_str(word);
            used += space + w;
        } else {
            lines.push(std::mem::take(&mut current));
            current.push_str(word);
            used = w;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// Removes control characters and bidirectional overrides, and folds every run of
/// whitespace into one space, so user text cannot reorder or hide parts of the drawing.
pub fn clean(s: &str) -> String {
    clean_cow(s).into_owned()
}

/// [`clean`], borrowing `s` when it is clean already (most text is), so that cleaning the
/// names of a large family does not copy each of them three times.
pub fn clean_cow(s: &str) -> Cow<'_, str> {
    if is_clean(s) {
        return Cow::Borrowed(s);
    }
    let kept: String = s.chars().filter(|&c| !is_unsafe_char(c)).collect();
    Cow::Owned(kept.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Whether [`clean`] would give `s` back: no unsafe character, and words separated by
/// single spaces with no other whitespace, none at either end.
fn is_clean(s: &str) -> bool {
    let mut after_space = true;
    for c in s.chars() {
        if is_unsafe_char(c) {
            return false;
        }
        if c.is_whitespace() {
            if c != ' ' || after_space {
                return false;
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    s.is_empty() || !after_space
}

/// Short, distinct abbreviations of words: the capitalised first letter, lengthened
/// (up to the whole word) until no two words share one. Same order as `words`.
pub fn initials(words: &[String]) -> Vec<String> {
    let chars: Vec<Vec<char>> = words.iter().map(|w| clean(w).chars().collect()).collect();
    let mut len = vec![1usize; words.len()];
    for _ in 0..8 {
        let abbrevs: Vec<String> = chars
            .iter()
            .zip(&len)
            .map(|(c, &n)| abbreviate(c, n))
            .collect();
        let mut changed = false;
        for i in 0..words.len() {
            let clash = (0..words.len()).any(|j| j != i && abbrevs[j] == abbrevs[i]);
            if clash && len[i] < chars[i].len() {
                len[i] += 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    chars
        .iter()
        .zip(&len)
        .map(|(c, &n)| abbreviate(c, n))
        .collect()
}

fn abbreviate(chars: &[char], n: usize) -> String {
    let mut out = String::new();
    for (i, c) in chars.iter().take(n).enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.push(*c);
        }
    }
    if out.is_empty() { "?".into() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(yaml_fields: &str) -> crate::graph::FamilyGraph {
        crate::load_str("t.yaml", &format!("people:\n  a: {{{yaml_fields}}}\n")).unwrap()
    }

    #[test]
    fn long_text_wraps_at_spaces_within_the_width() {
        let lines = wrap(
            "librarian (retired) in the city of Utrecht",
            11.0,
            Face::Regular,
            104.0,
        );
        assert_eq!(lines, ["librarian (retired)", "in the city of", "Utrecht"]);
        assert!(
            lines
                .iter()
                .all(|l| font::width(l, 11.0, Face::Regular) <= 104.0)
        );
        assert_eq!(
            lines.join(" "),
            "librarian (retired) in the city of Utrecht"
        );
    }

    #[test]
    fn a_word_wider_than_a_line_stays_whole_and_only_a_page_wide_word_is_cut() {
        assert_eq!(
            wrap("Abcdefghijklmnopqrstu x", 12.0, Face::Bold, 104.0),
            ["Abcdefghijklmnopqrstu", "x"]
        );
        let huge = "x".repeat(1000);
        let lines = wrap(&huge, 12.0, Face::Bold, 104.0);
        assert!(lines.len() > 1);
        let all = lines.concat();
        assert!(all.ends_with('…') && huge.starts_with(all.trim_end_matches('…')));
        assert!(font::width(&all, 12.0, Face::Bold) <= LONGEST_WORD);
        assert!(
            lines
                .iter()
                .all(|l| font::width(l.trim_end_matches('…'), 12.0, Face::Bold) <= 104.0)
        );
    }

    #[test]
    fn nothing_is_cut_short() {
        let name = "one two three four five six seven eight nine ten eleven twelve";
        let g = person(&format!("name: {name}, occupation: {name}"));
        let l = label(
            g.person(g.find("a").unwrap()),
            None,
            &Common::default(),
            &LayoutOptions::default(),
        );
        let joined: Vec<&str> = l.lines.iter().map(|(t, _)| t.as_str()).collect();
        assert!(!joined.concat().contains('…'));
        assert_eq!(
            joined.join(" "),
            format!("{name} {name}"),
            "every word kept, in order"
        );
    }

    #[test]
    fn the_years_are_reserved_above_and_below_and_the_box_holds_them() {
        let g =
            person("name: Ana Lima, born: 1950, died: 2001, occupation: nurse, location: Porto");
        let l = label(
            g.person(g.find("a").unwrap()),
            None,
            &Common::default(),
            &LayoutOptions::default(),
        );
        let texts: Vec<&str> = l.lines.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Ana Lima", "1950–2001", "nurse", "Porto"]);
        let [x0, y0, x1, y1] = l.bbox;
        assert_eq!(x0, -x1);
        assert!(y0 < -20.0 - YEAR_GAP - 8.0, "{y0}");
        // 6 px pad, a 12 px line and three 11 px lines at 1.2, and the descent below.
        let below = 6.0 + 12.0 * 1.2 + 3.0 * 11.0 * 1.2 + 11.0 * 0.04;
        assert!((y1 - (20.0 + below)).abs() < 1e-9, "{y1}");
        // The widest thing: the birth year above, left of the centre.
        let born = YEAR_SIDE + font::width("1950–", YEAR_SIZE, Face::Regular);
        assert!(born > font::width("Ana Lima", 12.0, Face::Bold) / 2.0);
        assert!((x1 - born).abs() < 1e-9, "{x1} {born}");
    }

    #[test]
    fn clean_strips_controls_and_bidi() {
        assert_eq!(clean("Ann\u{202e}a\u{0007}  Lee\n"), "Anna Lee");
    }

    #[test]
    fn initials_are_distinct() {
        let words: Vec<String> = ["openness", "honesty", "humility", "directness"]
            .map(String::from)
            .into();
        assert_eq!(initials(&words), vec!["O", "Ho", "Hu", "D"]);
    }

    /// The shortcut for lines that fit gives exactly the lines of [`wrap`].
    #[test]
    fn each_line_is_what_wrap_gives() {
        for s in [
            "",
            " ",
            "Anna",
            "Anna Maria",
            "Anna  Maria",
            " Anna",
            "Anna\tMaria",
            "Anna Maria Josefina von Habsburg-Lothringen",
            "李 小龙",
        ] {
            for max in [104.0, 30.0, 1000.0] {
                let mut got = Vec::new();
                for_each_wrapped(s, 12.0, Face::Bold, max, |l| got.push(l.to_string()));
                assert_eq!(got, wrap(s, 12.0, Face::Bold, max), "{s:?} {max}");
            }
        }
    }
}

/// Size of the short form of a couple's dates (`m.'93`), used where the long one does
/// not fit on the partner line.
pub const DATE_SHORT_SIZE: f64 = 9.0;

/// How far above the partner line the baseline of its first line of dates sits.
pub const DATE_RISE: f64 = 5.0;

/// The union's dates in McGoldrick's short form, e.g. `m. 1970`, `d. 1997`.
pub fn date_parts(c: &Couple) -> Vec<String> {
    let mut parts = Vec::new();
    let start = match c.relation {
        Relation::Married => c.married.as_ref().map(|d| format!("m. {}", year(&d.value))),
        Relation::Cohabiting => c.since.as_ref().map(|d| format!("LT {}", year(&d.value))),
        Relation::Engaged => c.since.as_ref().map(|d| format!("eng. {}", year(&d.value))),
        Relation::Dating | Relation::Affair | Relation::Unknown => c
            .since
            .as_ref()
            .map(|d| format!("since {}", year(&d.value))),
    };
    parts.extend(start);
    if c.relation != Relation::Married
        && let Some(m) = &c.married
    {
        parts.push(format!("m. {}", year(&m.value)));
    }
    if let Some(d) = &c.separated {
        parts.push(format!("s. {}", year(&d.value)));
    }
    if let Some(d) = &c.divorced {
        parts.push(format!("d. {}", year(&d.value)));
    }
    if let Some(d) = &c.ended {
        parts.push(format!("e. {}", year(&d.value)));
    }
    parts
}

/// The events with two-digit years and no space (`m.'93`), as McGoldrick writes them
/// where space is short.
fn short_parts(c: &Couple) -> Vec<String> {
    date_parts(c)
        .into_iter()
        .map(|p| match p.rsplit_once(' ') {
            Some((word, y)) if y.trim_start_matches('~').len() == 4 => {
                let approx = if y.starts_with('~') { "~" } else { "" };
                let digits = y.trim_start_matches('~');
                format!("{word}{approx}'{}", &digits[2..])
            }
            _ => p,
        })
        .collect()
}

/// How a partnership broke, as drawn by slashes across the partner line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Break {
    /// It did not.
    None,
    /// One slash.
    Separated,
    /// Two slashes.
    Divorced,
    /// Two slashes (a partnership without marriage that ended).
    Ended,
}

impl Break {
    /// How many slashes cross the partner line.
    pub fn slashes(self) -> usize {
        match self {
            Break::None => 0,
            Break::Separated => 1,
            Break::Divorced | Break::Ended => 2,
        }
    }
}

/// How a couple's partnership broke, if it did: a divorce outweighs an end, an end a
/// separation.
pub fn break_of(c: &Couple) -> Break {
    if c.divorced.is_some() {
        Break::Divorced
    } else if c.ended.is_some() {
        Break::Ended
    } else if c.separated.is_some() {
        Break::Separated
    } else {
        Break::None
    }
}

/// How far a partner line's dates are lifted to clear its slashes when the line is too
/// short to move the slashes past them: just over the slashes' tops (0.17 `symbol` above
/// the line), and no higher. The drawing lifts them by this; the layout keeps a partner
/// line raised over them above that.
pub fn slash_lift(lines: &[DateLine], symbol: f64) -> f64 {
    let bottom = lines
        .iter()
        .map(|l| l.bbox()[3])
        .fold(f64::NEG_INFINITY, f64::max);
    (0.17 * symbol + 1.5 + bottom).max(0.0)
}

/// One line of a couple's dates above its partner line.
#[derive(Clone, Debug, PartialEq)]
pub struct DateLine {
    /// The words, e.g. `m. 1970, d. 1997`.
    pub text: String,
    /// Font size: [`SMALL_SIZE`], or [`DATE_SHORT_SIZE`] for the short form.
    pub size: f64,
    /// The baseline, above the partner line (negative).
    pub dy: f64,
}

impl DateLine {
    /// The box of the line's text, centred on the middle of the partner line:
    /// `[x0, y0, x1, y1]` relative to that middle.
    pub fn bbox(&self) -> [f64; 4] {
        let w = font::width(&self.text, self.size, Face::Regular) / 2.0;
        [
            -w,
            self.dy - self.size * ASCENT,
            w,
            self.dy + self.size * DESCENT,
        ]
    }
}

/// The lines of a couple's dates above a horizontal stretch of partner line `room`
/// pixels long: all on one line when they fit (or there is only one event), otherwise
/// the short form (`m.'93`) in smaller type, the first event just above the line and the
/// others one row higher, which stays below the years written above the partners and
/// below a partner line raised over them. The layout keeps other lines clear of them and
/// the renderer draws them.
pub fn date_lines(c: &Couple, room: f64) -> Vec<DateLine> {
    let parts = date_parts(c);
    if parts.is_empty() {
        return Vec::new();
    }
    let one_line = parts.join(", ");
    if font::width(&one_line, SMALL_SIZE, Face::Regular) <= room - 4.0 || parts.len() == 1 {
        return vec![DateLine {
            text: one_line,
            size: SMALL_SIZE,
            dy: -DATE_RISE,
        }];
    }
    let short = short_parts(c);
    let mut out = vec![DateLine {
        text: short[0].clone(),
        size: DATE_SHORT_SIZE,
        dy: -DATE_RISE,
    }];
    if short.len() > 1 {
        out.push(DateLine {
            text: short[1..].join(" "),
            size: DATE_SHORT_SIZE,
            dy: -DATE_RISE - 10.0,
        });
    }
    out
}

/// Half the width of a relationship's pattern, in symbol sizes: how far its parallel
/// lines, zigzag or arrowheads reach from the line it follows, which the routing keeps
/// clear of texts and symbols. A cutoff's bars and ring are left out: they sit in the
/// middle of the line's longest straight stretch, preferably one between the rows,
/// where there is no text. The drawing's recipes (`render::relationships::recipe`) stay
/// within it (tested there).
pub fn relationship_band(kind: RelKind) -> f64 {
    match kind {
        RelKind::Distant | RelKind::Cutoff | RelKind::CutoffRepaired => 0.0,
        RelKind::Close => 0.06,
        RelKind::Conflict => 0.08,
        RelKind::Fused
        | RelKind::FocusedOn
        | RelKind::Caretaker
        | RelKind::Neglect
        | RelKind::PhysicalAbuse
        | RelKind::EmotionalAbuse => 0.12,
        RelKind::Hostile => 0.13,
        RelKind::CloseHostile | RelKind::SexualAbuse => 0.15,
        RelKind::FusedHostile => 0.17,
    }
}
