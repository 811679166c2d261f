//! Where a large family file can be cut, so that its pieces are parsed on several threads.
//!
//! A family file is a handful of top-level sections (`people:`, `couples:`, …), each a
//! header line `name:` followed by an indented body: one entry per line at the body's
//! indentation (`  rosa: {…}`, `  - {partners: …}`), with whatever an entry needs on
//! deeper lines. Such a body can be cut before any entry line, and each run of entries
//! read as a document of its own: a mapping or list at the same indentation, on the same
//! lines and columns. The rest of the file (the [`Plan::skeleton`]) is read with the lines
//! of those bodies left empty, so every line keeps its number and the section's value is
//! empty until the pieces are put in.
//!
//! A cut can only be wrong when an entry's text runs over a line that looks like the
//! start of another entry (a quoted text continued at the entry's indentation, say). The
//! piece before such a cut then ends inside an unfinished value and fails to parse, and
//! the caller reads the whole file in one piece instead; so cutting never changes what a
//! file means, only how fast it is read.

use std::ops::Range;

/// Bodies smaller than this are left in the skeleton: cutting them gains nothing.
const MIN_BODY_BYTES: usize = 256 * 1024;

/// How a file is cut.
#[derive(Debug, PartialEq, Eq)]
pub struct Plan {
    /// The file with the lines of every cut body left empty.
    pub skeleton: String,
    /// The sections whose bodies were cut, in file order.
    pub sections: Vec<Section>,
}

/// One top-level section whose body was cut into pieces.
#[derive(Debug, PartialEq, Eq)]
pub struct Section {
    /// The key of its header line (`people`).
    pub key: String,
    /// The pieces of its body, in order: byte ranges of the file, whole lines each.
    pub pieces: Vec<Piece>,
}

/// A run of whole entry lines of a section's body.
#[derive(Debug, PartialEq, Eq)]
pub struct Piece {
    /// Where it is in the file.
    pub bytes: Range<usize>,
    /// How many lines of the file come before it.
    pub lines_before: usize,
}

/// A line of the file: where it starts and ends (line end included) and its text without
/// the line end.
struct Line<'t> {
    start: usize,
    end: usize,
    text: &'t str,
}

impl Line<'_> {
    /// Spaces before the first other character.
    fn indent(&self) -> usize {
        self.text.len() - self.text.trim_start_matches(' ').len()
    }

    /// Blank, or only a comment: means nothing wherever it is.
    fn is_neutral(&self) -> bool {
        let body = self.text.trim_start_matches([' ', '\t']);
        body.is_empty() || body.starts_with('#')
    }
}

/// Cuts `text` into about `pieces` pieces per large section, or `None` when there is
/// nothing worth cutting.
pub fn plan(text: &str, pieces: usize) -> Option<Plan> {
    let lines = lines(text);
    let mut sections = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(key) = header(lines[i].text) else {
            i += 1;
            continue;
        };
        // The body: every line up to the next one that starts at the margin with
        // something other than a comment.
        let first = i + 1;
        let mut end = first;
        while end < lines.len() && (lines[end].is_neutral() || lines[end].text.starts_with(' ')) {
            end += 1;
        }
        if let Some(section) = cut(&lines, first..end, key, pieces) {
            sections.push(section);
        }
        i = end;
    }
    if sections.is_empty() {
        return None;
    }
    // The cut lines are emptied but kept, so the lines after them keep their numbers (and
    // the parser has no spaces to step over).
    let mut skeleton = String::with_capacity(text.len() / 4);
    let mut at = 0;
    for piece in sections.iter().flat_map(|s| &s.pieces) {
        skeleton.push_str(&text[at..piece.bytes.start]);
        let lines = text[piece.bytes.clone()].matches('\n').count();
        skeleton.extend(std::iter::repeat_n('\n', lines));
        at = piece.bytes.end;
    }
    skeleton.push_str(&text[at..]);
    Some(Plan { skeleton, sections })
}

/// The file's lines with their byte ranges.
fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let end = start + raw.len();
        out.push(Line {
            start,
            end,
            text: raw.trim_end_matches(['\n', '\r']),
        });
        start = end;
    }
    out
}

/// The key of a section header: a line `name:` at the margin with nothing after the
/// colon but spaces and a comment, `name` made of letters, digits, `-` and `_`.
fn header(line: &str) -> Option<&str> {
    let (key, rest) = line.split_once(':')?;
    let rest = rest.trim_start_matches(' ');
    let plain_key = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'));
    (plain_key && (rest.is_empty() || rest.starts_with('#'))).then_some(key)
}

/// The pieces of one section's body (`body`: its lines), if it is large and regular
/// enough to cut: its first meaningful line sets the entries' indentation, no line is
/// indented less, and it has entry lines enough to make several pieces.
fn cut(lines: &[Line<'_>], body: Range<usize>, key: &str, pieces: usize) -> Option<Section> {
    let meaningful = || lines[body.clone()].iter().filter(|l| !l.is_neutral());
    let indent = meaningful().next()?.indent();
    let bytes = lines[body.end - 1].end - lines[body.start].start;
    if indent == 0 || bytes < MIN_BODY_BYTES || meaningful().any(|l| l.indent() < indent) {
        return None;
    }
    let target = bytes.div_ceil(pieces.max(1));
    let mut out = Vec::new();
    let mut from = body.start;
    for n in body.clone() {
        let line = &lines[n];
        let entry = !line.is_neutral() && line.indent() == indent;
        if entry && n > from && line.start - lines[from].start >= target {
            out.push(piece(lines, from..n));
            from = n;
        }
    }
    out.push(piece(lines, from..body.end));
    (out.len() > 1).then(|| Section {
        key: key.to_string(),
        pieces: out,
    })
}

fn piece(lines: &[Line<'_>], range: Range<usize>) -> Piece {
    Piece {
        bytes: lines[range.start].start..lines[range.end - 1].end,
        lines_before: range.start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn family(people: usize) -> String {
        let mut text = String::from("title: A test\n# a comment\npeople:\n");
        for i in 0..people {
            text.push_str(&format!(
                "  p{i}: {{name: Person number {i} with a longish name, sex: female, born: 1900}}\n"
            ));
        }
        text.push_str("couples:\n  - {partners: [p0, p1]}\n");
        text
    }

    #[test]
    fn cuts_a_large_section_before_entry_lines_and_blanks_it_in_the_skeleton() {
        let text = family(20_000);
        let plan = plan(&text, 4).expect("a plan");
        assert_eq!(plan.sections.len(), 1);
        let people = &plan.sections[0];
        assert_eq!(people.key, "people");
        assert!(people.pieces.len() >= 4, "{} pieces", people.pieces.len());
        // The pieces cover the body exactly, each starting on an entry line.
        let body_start = text.find("  p0:").unwrap();
        let body_end = text.find("couples:").unwrap();
        assert_eq!(people.pieces[0].bytes.start, body_start);
        assert_eq!(people.pieces.last().unwrap().bytes.end, body_end);
        for w in people.pieces.windows(2) {
            assert_eq!(w[0].bytes.end, w[1].bytes.start);
            assert!(text[w[1].bytes.clone()].starts_with("  p"));
        }
        assert_eq!(people.pieces[0].lines_before, 3);
        let second = &people.pieces[1];
        assert_eq!(
            second.lines_before,
            text[..second.bytes.start].matches('\n').count()
        );
        // The same lines; those of the body are empty.
        assert_eq!(plan.skeleton.lines().count(), text.lines().count());
        assert!(
            plan.skeleton
                .starts_with("title: A test\n# a comment\npeople:\n\n\n")
        );
        assert!(
            plan.skeleton
                .ends_with("couples:\n  - {partners: [p0, p1]}\n")
        );
        assert!(!plan.skeleton.contains("p5"));
    }

    #[test]
    fn leaves_small_irregular_or_unindented_sections_whole() {
        assert!(plan(&family(100), 4).is_none());
        // A body whose lines are indented less than its first entry is not cut.
        let mut text = family(20_000);
        text = text.replacen("  p7:", " p7:", 1);
        assert!(plan(&text, 4).is_none());
        // A list at the margin under its key has no indented body.
        let mut text = String::from("couples:\n");
        for i in 0..20_000 {
            text.push_str(&format!("- {{partners: [p{i}, q{i}], since: 1950}}\n"));
        }
        assert!(plan(&text, 4).is_none());
        // A header with a value on its own line is not a section to cut.
        let text = family(20_000).replacen("people:\n", "people: |\n", 1);
        assert!(plan(&text, 4).is_none());
    }

    #[test]
    fn keeps_windows_line_ends_and_comments_at_the_margin() {
        let text = family(20_000)
            .replace("  p900:", "# about p900\n  p900:")
            .replace('\n', "\r\n");
        let plan = plan(&text, 4).expect("a plan");
        assert_eq!(
            plan.skeleton.matches('\n').count(),
            text.matches('\n').count()
        );
        assert!(
            plan.skeleton
                .starts_with("title: A test\r\n# a comment\r\npeople:\r\n\n")
        );
        assert!(
            plan.skeleton
                .ends_with("couples:\r\n  - {partners: [p0, p1]}\r\n")
        );
        assert_eq!(plan.sections[0].key, "people");
    }
}
