//! GEDCOM lines: `level [@xref@] TAG [value]`, one per line of text.
//!
//! The reader is forgiving where the meaning is clear (spaces before the level, several
//! spaces between the parts, blank lines, lower-case tags) and refuses, with the line
//! number, what it cannot read: a line without a level, a level that skips one, a tag
//! made of other than letters, digits and `_`, a file that does not start with `0 HEAD`.

use crate::diag::{Diagnostic, LineCol, Span, short};

/// Deepest level accepted; GEDCOM 5.5 allows 99 and no real file comes close.
pub const MAX_LEVEL: usize = 99;

/// One line of a GEDCOM file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Line number in the file, from 1.
    pub number: u32,
    /// The level.
    pub level: usize,
    /// The cross-reference identifier, with its `@` signs, when the line has one.
    pub xref: Option<String>,
    /// The tag, upper-cased.
    pub tag: String,
    /// Everything after the single space that follows the tag, as written.
    pub value: Option<String>,
}

/// Splits the text of a GEDCOM file into lines.
///
/// # Errors
///
/// A diagnostic at the first line that cannot be read.
pub fn lines(text: &str) -> Result<Vec<Line>, Diagnostic> {
    let mut out: Vec<Line> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if raw.trim().is_empty() {
            continue;
        }
        let line = match line(raw, number) {
            Ok(l) => l,
            Err(_) if out.is_empty() => Line {
                number,
                level: usize::MAX,
                xref: None,
                tag: String::new(),
                value: None,
            },
            Err(e) => return Err(e),
        };
        match out.last() {
            None if line.level != 0 || line.tag != "HEAD" => {
                return Err(Diagnostic::error(
                    span(number, 1, raw.chars().count() + 1),
                    "this is not a GEDCOM file: the first line should be `0 HEAD`",
                )
                .with_help("check that this is the right file; genealogy programs export GEDCOM files ending in `.ged`"));
            }
            Some(prev) if line.level > prev.level + 1 => {
                let col = leading(raw) + 1;
                return Err(Diagnostic::error(
                    span(number, col, col + digits(raw)),
                    format!(
                        "the level jumps from {} on the line above to {}",
                        prev.level, line.level
                    ),
                )
                .with_help(format!(
                    "a line can go at most one level deeper than the line above; write `{}` here, or check for a missing line",
                    prev.level + 1
                )));
            }
            _ => {}
        }
        out.push(line);
    }
    if out.is_empty() {
        return Err(Diagnostic::error(Span::file_start(), "the file is empty")
            .with_help("export the family tree again as GEDCOM from your genealogy program"));
    }
    Ok(out)
}

fn span(line: u32, from: usize, to: usize) -> Span {
    let line = line as usize;
    Span::new(LineCol::one_based(line, from), LineCol::one_based(line, to))
}

fn leading(raw: &str) -> usize {
    raw.chars().take_while(|c| *c == ' ' || *c == '\t').count()
}

fn digits(raw: &str) -> usize {
    raw.trim_start_matches([' ', '\t'])
        .chars()
        .take_while(char::is_ascii_digit)
        .count()
}

fn line(raw: &str, number: u32) -> Result<Line, Diagnostic> {
    let body = raw.trim_start_matches([' ', '\t']);
    let mut col = leading(raw) + 1;
    let n = digits(raw);
    if n == 0 {
        return Err(Diagnostic::error(
            span(number, col, col + 1),
            format!("this line does not start with a level number: `{}`", short(body)),
        )
        .with_help("every GEDCOM line starts with a number, as in `1 NAME Rosa /Moreno/`; a text that runs over several lines continues on `CONT` lines"));
    }
    let level: usize = body[..n].parse().unwrap_or(usize::MAX);
    if level > MAX_LEVEL {
        return Err(Diagnostic::error(
            span(number, col, col + n),
            format!(
                "the level {} is deeper than GEDCOM allows ({MAX_LEVEL})",
                short(&body[..n])
            ),
        )
        .with_help("check that this is a GEDCOM file"));
    }
    col += n;
    let rest = &body[n..];
    let after = rest.trim_start_matches(' ');
    if after.len() == rest.len() || after.is_empty() {
        return Err(Diagnostic::error(
            span(number, col, col + 1),
            "a tag should follow the level, after a space",
        )
        .with_help("write the line as `level TAG value`, as in `1 NAME Rosa /Moreno/`"));
    }
    col += rest.len() - after.len();
    let mut rest = after;
    let mut xref = None;
    if rest.starts_with('@') {
        let end = rest[1..].find('@').map(|i| i + 2);
        match end {
            Some(end) if rest[end..].starts_with(' ') => {
                xref = Some(rest[..end].to_string());
                col += rest[..end].chars().count();
                let after = rest[end..].trim_start_matches(' ');
                col += rest[end..].len() - after.len();
                rest = after;
            }
            _ => {
                return Err(Diagnostic::error(
                    span(number, col, col + rest.chars().count()),
                    "the cross-reference at the start of this line is not closed by `@` and a space",
                )
                .with_help("a record starts as `0 @I1@ INDI`"));
            }
        }
    }
    let tag_len = rest.find(' ').unwrap_or(rest.len());
    let tag = &rest[..tag_len];
    if tag.is_empty() || !tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(Diagnostic::error(
            span(number, col, col + tag.chars().count().max(1)),
            format!("`{}` is not a GEDCOM tag", short(tag)),
        )
        .with_help("a tag is made of letters, digits and `_`, as in `NAME`, `BIRT` or `_MILT`"));
    }
    let value = rest[tag_len..].strip_prefix(' ').map(str::to_string);
    Ok(Line {
        number,
        level,
        xref,
        tag: tag.to_ascii_uppercase(),
        value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_level_xref_tag_and_value() {
        let ls =
            lines("0 HEAD\n0 @I1@ INDI\n1 NAME  Victoria  /Hanover/\n1 sex F\n  1 DEAT\n\n0 TRLR")
                .unwrap();
        assert_eq!(ls.len(), 6);
        assert_eq!(ls[1].xref.as_deref(), Some("@I1@"));
        assert_eq!(ls[1].tag, "INDI");
        assert_eq!(ls[2].value.as_deref(), Some(" Victoria  /Hanover/"));
        assert_eq!(ls[3].tag, "SEX");
        assert_eq!(ls[4].value, None);
        assert_eq!(ls[5].number, 7);
    }

    #[test]
    fn xref_may_contain_spaces_before_the_closing_at() {
        let ls = lines("0 HEAD\n0 @NoTe ref@ NOTE x").unwrap();
        assert_eq!(ls[1].xref.as_deref(), Some("@NoTe ref@"));
    }

    fn error(text: &str) -> Diagnostic {
        lines(text).unwrap_err()
    }

    #[test]
    fn refuses_a_file_that_does_not_start_with_head() {
        let e = error("hello\n");
        assert!(e.message.contains("not a GEDCOM file"));
        assert_eq!(e.span.start.line, 1);
        assert!(error("1 HEAD\n").message.contains("0 HEAD"));
    }

    #[test]
    fn refuses_a_line_without_a_level_with_its_number() {
        let e = error("0 HEAD\n0 @I1@ INDI\n1 NAME A\nB continued\n");
        assert_eq!(e.span.start, LineCol::one_based(4, 1));
        assert!(e.message.contains("level number"));
        assert!(e.help[0].contains("CONT"));
    }

    #[test]
    fn refuses_a_level_jump() {
        let e = error("0 HEAD\n0 @I1@ INDI\n   3 NAME A\n");
        assert_eq!(e.span.start, LineCol::one_based(3, 4));
        assert!(e.message.contains("from 0"), "{}", e.message);
    }

    #[test]
    fn refuses_bad_tags_and_xrefs() {
        let e = error("0 HEAD\n1 NA-ME x\n");
        assert_eq!(e.span.start, LineCol::one_based(2, 3));
        assert!(e.message.contains("`NA-ME`"));
        assert!(
            error("0 HEAD\n0 @I1 INDI\n")
                .message
                .contains("cross-reference")
        );
        assert!(error("0 HEAD\n1\n").message.contains("tag"));
        assert!(error("0 HEAD\n100 X\n").message.contains("deeper"));
    }
}
