//! Diagnostics shared by every stage: where a problem is, what it is, and how to fix it.
//!
//! Every refusal the tool makes is a [`Diagnostic`] with a [`Span`] into the family file.
//! [`render`] prints it the way compilers do (`file:line:col: error: message`, the source
//! line, a caret under the offending text, then `help:` lines), so editors and terminals
//! can jump to the spot, and so a client can read it without knowing YAML.

use std::fmt::{self, Write as _};

/// A position in the source: line and column, both counted from 1, columns in characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineCol {
    /// Line number, starting at 1.
    pub line: u32,
    /// Column in characters, starting at 1.
    pub col: u32,
}

impl LineCol {
    /// Makes a position from a line and column that both count from 1.
    pub fn one_based(line: usize, col: usize) -> Self {
        LineCol {
            line: clamp_u32(line.max(1)),
            col: clamp_u32(col.max(1)),
        }
    }

    /// Makes a position from a line counted from 1 and a column counted from 0, as the YAML
    /// scanner reports them. Kept separate from [`LineCol::one_based`] so that the two
    /// conventions are never mixed up.
    pub fn line1_col0(line: usize, col0: usize) -> Self {
        Self::one_based(line, col0 + 1)
    }
}

fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl fmt::Display for LineCol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// A stretch of source text: `start` is the first character, `end` the one after the last.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First character.
    pub start: LineCol,
    /// The character after the last one (may be on a later line).
    pub end: LineCol,
}

impl Span {
    /// A span from `start` up to (not including) `end`.
    pub fn new(start: LineCol, end: LineCol) -> Self {
        Span { start, end }
    }

    /// A one-character span at `at`.
    pub fn point(at: LineCol) -> Self {
        Span {
            start: at,
            end: LineCol {
                line: at.line,
                col: at.col.saturating_add(1),
            },
        }
    }

    /// The start of the file, for problems that concern the file as a whole.
    pub fn file_start() -> Self {
        Span::point(LineCol::one_based(1, 1))
    }
}

/// A value together with the place in the file it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Pairs a value with its span.
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file is refused.
    Error,
    /// The file is accepted, but something deserves a look.
    Warning,
}

/// One problem found in a family file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where the problem is.
    pub span: Span,
    /// What is wrong, in plain words: lower case, no trailing period, names in backticks.
    pub message: String,
    /// Other places that explain the problem, such as "first defined here".
    pub notes: Vec<(Span, String)>,
    /// How to fix it, one suggestion per entry.
    pub help: Vec<String>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            span,
            message: message.into(),
            notes: Vec::new(),
            help: Vec::new(),
        }
    }

    /// A warning at `span`.
    pub fn warning(span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(span, message)
        }
    }

    /// Adds a suggestion.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    /// Adds a suggestion when there is one.
    #[must_use]
    pub fn with_help_opt(self, help: Option<String>) -> Self {
        match help {
            Some(h) => self.with_help(h),
            None => self,
        }
    }

    /// Points at a second place that explains the problem.
    #[must_use]
    pub fn with_note(mut self, span: Span, note: impl Into<String>) -> Self {
        self.notes.push((span, note.into()));
        self
    }
}

/// A family file's name and text, kept so that diagnostics can quote it.
#[derive(Clone, Debug)]
pub struct SourceFile {
    name: String,
    text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// Wraps the text of a file; `name` is how messages refer to it.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// The name used in messages (usually the path as the user typed it).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text of line `line` (counted from 1) without its line break, if it exists.
    pub fn line(&self, line: u32) -> Option<&str> {
        let i = usize::try_from(line).ok()?.checked_sub(1)?;
        let start = *self.line_starts.get(i)?;
        let end = self
            .line_starts
            .get(i + 1)
            .map_or(self.text.len(), |next| next - 1);
        Some(self.text[start..end].trim_end_matches('\r'))
    }
}

/// Shortens user text quoted inside a message to at most 40 characters, so that a
/// pathological value cannot flood the terminal.
pub fn short(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(MAX - 1).collect();
        out.push('…');
        out
    }
}

/// Replaces control characters and bidirectional overrides with visible escapes, so that
/// nothing echoed back from a file can move the cursor, recolour the terminal or reorder text.
pub fn escape_for_terminal(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// Tells whether a character must never reach a terminal or a drawing as it is: control
/// characters (other than tab) and the Unicode bidirectional controls.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Formats a diagnostic with the quoted source line and a caret under the problem.
pub fn render(diag: &Diagnostic, source: &SourceFile) -> String {
    let mut out = String::new();
    let label = match diag.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let _ = writeln!(
        out,
        "{}:{}: {label}: {}",
        escape_for_terminal(source.name()),
        diag.span.start,
        shown_message(&diag.message)
    );
    // One gutter width for the whole diagnostic, so that its quotes line up.
    let gutter = std::iter::once(diag.span)
        .chain(diag.notes.iter().map(|(s, _)| *s))
        .map(|s| s.start.line.to_string().len())
        .max()
        .unwrap_or(1);
    quote(&mut out, source, diag.span, gutter);
    let pad = " ".repeat(gutter + 1);
    for (span, note) in &diag.notes {
        let _ = writeln!(
            out,
            "{pad}= note: {}:{}: {}",
            escape_for_terminal(source.name()),
            span.start,
            shown_message(note)
        );
        quote(&mut out, source, *span, gutter);
    }
    for help in &diag.help {
        let _ = writeln!(out, "{pad}= help: {}", shown_message(help));
    }
    out
}

/// Longest stretch of a source line quoted in a message, in characters.
const MAX_QUOTED: usize = 100;

/// Writes the source line of `span` and a row of carets under it.
fn quote(out: &mut String, source: &SourceFile, span: Span, gutter: usize) {
    let Some(text) = source.line(span.start.line) else {
        return;
    };
    let number = format!("{:>gutter$}", span.start.line);
    let pad = " ".repeat(gutter);
    // Tabs become single spaces so that the caret lines up in any terminal. Only the
    // part of the line that can be quoted is looked at: a line may be megabytes long.
    let wanted = (span.start.col as usize).saturating_add(MAX_QUOTED + 1);
    let shown: Vec<String> = text
        .chars()
        .take(wanted)
        .map(|c| match c {
            '\t' => " ".to_string(),
            c if is_unsafe_char(c) => format!("\\u{{{:x}}}", c as u32),
            c => c.to_string(),
        })
        .collect();
    let start = (span.start.col as usize).saturating_sub(1).min(shown.len());
    let end = if span.end.line == span.start.line {
        (span.end.col as usize)
            .saturating_sub(1)
            .clamp(start + 1, shown.len().max(start + 1))
    } else {
        shown.len().max(start + 1)
    };
    // A very long line (minified or hostile input) is quoted as a window around the spot.
    let (from, to) = if shown.len() > MAX_QUOTED {
        let from = start.saturating_sub(MAX_QUOTED / 2);
        (from, (from + MAX_QUOTED).min(shown.len()))
    } else {
        (0, shown.len())
    };
    let lead = if from > 0 { "…" } else { "" };
    let tail = if to < shown.len() { "…" } else { "" };
    let offset: usize = lead.chars().count()
        + shown[from..start.max(from)]
            .iter()
            .map(|s| s.chars().count())
            .sum::<usize>();
    let width: usize = shown
        .get(start..end.min(to).max(start))
        .map_or(1, |s| s.iter().map(|s| s.chars().count()).sum::<usize>())
        .max(1);
    let text = format!("{lead}{}{tail}", shown[from..to].concat());
    let _ = writeln!(out, "{pad} |");
    let _ = writeln!(out, "{number} | {text}");
    let _ = writeln!(out, "{pad} | {}{}", " ".repeat(offset), "^".repeat(width));
}

/// Most characters of one message, note or help line; user text quoted in a message
/// (an unknown word, a misspelt key) can be arbitrarily long.
const MESSAGE_WIDTH: usize = 400;

/// Escapes `text` for the terminal and cuts it to [`MESSAGE_WIDTH`] characters.
fn shown_message(text: &str) -> String {
    if text.chars().count() <= MESSAGE_WIDTH {
        return escape_for_terminal(text);
    }
    let cut: String = text.chars().take(MESSAGE_WIDTH).collect();
    format!("{}… (cut)", escape_for_terminal(&cut))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_file_line_col_snippet_and_caret() {
        let src = SourceFile::new("f.yaml", "people:\n  rosa:\n    nmae: Rosa\n");
        let span = Span::new(LineCol::one_based(3, 5), LineCol::one_based(3, 9));
        let d = Diagnostic::error(span, "unknown key `nmae`").with_help("did you mean `name`?");
        assert_eq!(
            render(&d, &src),
            "f.yaml:3:5: error: unknown key `nmae`\n  |\n3 |     nmae: Rosa\n  |     ^^^^\n  = help: did you mean `name`?\n"
        );
    }

    #[test]
    fn quotes_a_window_of_a_very_long_line() {
        let line = format!("{}X{}", "a".repeat(5000), "b".repeat(5000));
        let src = SourceFile::new("f", line);
        let d = Diagnostic::error(Span::point(LineCol::one_based(1, 5001)), "here");
        let out = render(&d, &src);
        assert!(out.len() < 400, "{}", out.len());
        let lines: Vec<&str> = out.lines().collect();
        let caret = lines[3].find('^').unwrap();
        assert_eq!(
            lines[2].chars().nth(lines[3][..caret].chars().count()),
            Some('X')
        );
    }

    #[test]
    fn escapes_terminal_controls_and_bidi_overrides() {
        assert_eq!(
            escape_for_terminal("a\u{1b}[31mb\u{202e}c"),
            "a\\u{1b}[31mb\\u{202e}c"
        );
        assert_eq!(escape_for_terminal("tab\tok"), "tab\tok");
    }

    #[test]
    fn line_lookup_strips_carriage_returns() {
        let src = SourceFile::new("f", "a\r\nb\r\n");
        assert_eq!(src.line(1), Some("a"));
        assert_eq!(src.line(2), Some("b"));
        assert_eq!(src.line(4), None);
        assert_eq!(src.line(0), None);
    }
}
