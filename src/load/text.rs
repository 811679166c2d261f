//! Turns the bytes of a file into text that is safe to hand to a YAML parser.
//!
//! Everything here runs before any parsing, in one linear pass, so that hostile files
//! (huge, binary, wrongly encoded, or nested so deep that a parser would take minutes)
//! are refused in milliseconds with a message that says what is wrong.

// The largest file is also what readers of a file before loading (import, the workspace)
// stop at; they find it here.
pub use super::limits::MAX_FILE_BYTES;
use super::limits::MAX_TEXT_CHARS;
use super::limits::{MAX_DEPTH, MAX_SCALAR_CHARS};
use crate::diag::{Diagnostic, LineCol, Span};

/// Decodes the bytes of a family file, refusing what cannot be a family file.
///
/// Accepts UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark.
///
/// # Errors
///
/// A diagnostic at the offending position for files that are too large, empty, not text,
/// not valid UTF-8, holding a character YAML forbids (a control character), nested deeper
/// than [`MAX_DEPTH`], or holding a value longer than [`MAX_SCALAR_CHARS`].
pub fn decode(bytes: &[u8]) -> Result<String, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            Span::file_start(),
            format!(
                "the file is {} MiB; the largest family file accepted is {} MiB",
                bytes.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
        .with_help("split the family into several files, or check that this is the right file"));
    }
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)?
    } else {
        utf8(bytes)?
    };
    if let Some(pos) = text.find('\0') {
        return Err(Diagnostic::error(
            Span::point(position_of(&text, pos)),
            "the file contains a NUL character, so it is not a text file",
        )
        .with_help("a family file is plain text; check that this is the right file"));
    }
    if let Some((pos, c)) = first_unprintable(&text) {
        return Err(Diagnostic::error(
            Span::point(position_of(&text, pos)),
            format!(
                "the file contains an invisible control character ({}) here, which a YAML file may not hold",
                char_name(c)
            ),
        )
        .with_help(
            "delete the character (it often comes from text copied out of a terminal or a word processor); \
             to keep it on purpose, write it as an escape such as \\e inside double quotes",
        ));
    }
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(
            Diagnostic::error(Span::file_start(), "the file is empty").with_help(
                "a family file needs at least a `people:` section; see samples/ for examples",
            ),
        );
    }
    check_depth(&text)?;
    Ok(text)
}

fn utf8(bytes: &[u8]) -> Result<String, Diagnostic> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // The valid prefix is UTF-8 by construction, so this cannot fail.
            let prefix = std::str::from_utf8(good).unwrap_or_default();
            Err(Diagnostic::error(
                Span::point(position_of(prefix, prefix.len())),
                format!(
                    "the file is not valid UTF-8 text (byte 0x{:02x} cannot start a character here)",
                    bytes[e.valid_up_to()]
                ),
            )
            .with_help("save the file as UTF-8 in your text editor (\"Save with encoding\" or similar)"))
        }
    }
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<String, Diagnostic> {
    if !bytes.len().is_multiple_of(2) {
        return Err(Diagnostic::error(
            Span::file_start(),
            "the file says it is UTF-16 text but has an odd number of bytes",
        )
        .with_help("save the file as UTF-8 in your text editor"));
    }
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => text.push(c),
            Err(_) => {
                return Err(Diagnostic::error(
                    Span::point(position_of(&text, text.len())),
                    "the file is not valid UTF-16 text (a broken surrogate pair)",
                )
                .with_help("save the file as UTF-8 in your text editor"));
            }
        }
    }
    Ok(text)
}

/// The refusal of a value longer than [`MAX_SCALAR_CHARS`], pointing at its start.
pub(super) fn long_value(at: LineCol) -> Diagnostic {
    Diagnostic::error(
        Span::point(at),
        format!(
            "the value starting here is more than {MAX_SCALAR_CHARS} characters long; the longest text accepted is {} characters",
            MAX_TEXT_CHARS
        ),
    )
    .with_help(
        "shorten it (long notes belong in a separate document), or check that this is a family file",
    )
}

/// Whether YAML allows `c` in a file (its `c-printable` set, plus the byte-order mark).
/// NUL is refused separately, with its own message.
/// The first character YAML does not allow in a file, and where it is. Printable ASCII,
/// nearly all of a family file, is passed over byte by byte without decoding characters.
fn first_unprintable(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'\t' | b'\n' | b'\r' | b' '..=b'~') {
            i += 1;
            continue;
        }
        // Not printable ASCII: a control character, or the first byte of a wider one.
        let c = text.get(i..)?.chars().next()?;
        if !yaml_printable(c) {
            return Some((i, c));
        }
        i += c.len_utf8();
    }
    None
}

fn yaml_printable(c: char) -> bool {
    matches!(c, '\0' | '\t' | '\n' | '\r' | ' '..='~' | '\u{85}')
        || ('\u{a0}'..='\u{d7ff}').contains(&c)
        || ('\u{e000}'..='\u{fffd}').contains(&c)
        || c >= '\u{10000}'
}

/// The code point of a control character, with its common name when it has one.
fn char_name(c: char) -> String {
    let name = match c {
        '\u{1b}' => " escape",
        '\u{7f}' => " delete",
        '\u{8}' => " backspace",
        '\u{7}' => " bell",
        '\u{c}' => " form feed",
        '\u{b}' => " vertical tab",
        '\u{fffe}' | '\u{ffff}' => " not a character",
        _ => "",
    };
    format!("U+{:04X}{name}", c as u32)
}

/// The text of `bytes` for quoting in a message about a file that [`decode`] refused:
/// decoded as the file says it is (UTF-16 after its byte-order mark, else UTF-8), with
/// what cannot be decoded replaced by `�`, so that a message never shows raw bytes.
/// At most the first `max_bytes` bytes are looked at.
pub fn lossy(bytes: &[u8], max_bytes: usize) -> String {
    let bytes = &bytes[..bytes.len().min(max_bytes)];
    let utf16 = |rest: &[u8], word: fn([u8; 2]) -> u16| {
        let units = rest.chunks_exact(2).map(|c| word([c[0], c[1]]));
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)
    } else {
        let rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        String::from_utf8_lossy(rest).into_owned()
    }
}

/// Line and column of byte offset `at` in `text`.
fn position_of(text: &str, at: usize) -> LineCol {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    LineCol::one_based(line, col)
}

/// Measures how deeply the YAML nests, without parsing it, and refuses anything deeper
/// than [`MAX_DEPTH`].
///
/// Block nesting is counted from indentation (plus compact `- - -` sequences on one line)
/// and flow nesting from brackets that open where YAML allows a flow collection. Quoted
/// text and comments are skipped, so a name like `Smith [Jr` does not count. The count is
/// an upper bound on the real depth, which is all a guard needs.
fn check_depth(text: &str) -> Result<(), Diagnostic> {
    let mut indents: Vec<usize> = Vec::new();
    let mut flow = 0usize;
    // A value going on past the end of its line: a quoted text not closed yet, or a block
    // text (`|`, `>`). The lines after it that are indented deeper (or blank) are its text.
    let mut open: Option<Continued> = None;
    for (n, line) in text.lines().enumerate() {
        let body = line.trim_start_matches(' ');
        let indent = line.len() - body.len();
        let mut carried = None;
        if let Some(mut o) = open.take()
            && (body.trim().is_empty() || indent > o.indent)
        {
            if o.quote.is_none_or(|q| !body.contains(q)) {
                // Wholly inside the value: text, not structure.
                o.len += line.chars().count() + 1;
                if o.len > MAX_SCALAR_CHARS {
                    return Err(long_value(o.at));
                }
                open = Some(o);
                continue;
            }
            // The quote closes on this line: read it from inside the quote.
            carried = Some(o);
        }
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        if flow == 0 {
            while indents.last().is_some_and(|&top| top >= indent) {
                indents.pop();
            }
            indents.push(indent);
        }
        let mut depth_here = indents.len() + flow;
        let mut quote: Option<char> = carried.as_ref().and_then(|o| o.quote);
        // Whether the next character could begin a new node: brackets and quotes only
        // open a collection or a quoted scalar there, never inside a plain word.
        let mut at_node_start = true;
        let mut prev = ' ';
        // The value being read on this line: where it starts, and its length so far. A
        // quoted value runs to its closing quote; an unquoted one up to a `:`, a comma or
        // a bracket, which can only under-count it, so nothing honest is refused. (A value
        // over several lines is measured by the first pass over the YAML events.)
        let mut run: Option<(usize, usize)> = carried.as_ref().map(|o| (0, o.len));
        let run_at = |start: usize| match &carried {
            Some(o) if start == 0 => o.at,
            _ => LineCol::one_based(n + 1, indent + body[..start].chars().count() + 1),
        };
        // Where a comment starts on this line, if one does.
        let mut end = body.len();
        for (i, c) in body.char_indices() {
            let in_run = quote.is_some() || !matches!(c, ':' | ',' | '[' | ']' | '{' | '}');
            run = match run {
                Some((start, len)) if in_run => Some((start, len + 1)),
                // A value starts at its first character, never at a space or a comment.
                None if in_run
                    && !matches!(c, ' ' | '\t')
                    && !(quote.is_none() && c == '#' && matches!(prev, ' ' | '\t')) =>
                {
                    Some((i, 1))
                }
                _ => None,
            };
            if let Some((start, len)) = run
                && len > MAX_SCALAR_CHARS
            {
                return Err(long_value(run_at(start)));
            }
            match quote {
                Some(q) => {
                    if c == q {
                        quote = None;
                    }
                }
                None => match c {
                    '#' if prev == ' ' || prev == '\t' => {
                        end = i;
                        break;
                    }
                    '"' | '\'' if at_node_start => {
                        quote = Some(c);
                        at_node_start = false;
                    }
                    '-' if at_node_start && flow == 0 && body[i + 1..].starts_with(' ') => {
                        depth_here += 1;
                    }
                    '[' | '{' if at_node_start => {
                        flow += 1;
                        depth_here = depth_here.max(indents.len() + flow);
                    }
                    ']' | '}' if flow > 0 => flow -= 1,
                    ',' if flow > 0 => at_node_start = true,
                    ':' | '?' => at_node_start = true,
                    ' ' | '\t' => {}
                    _ => at_node_start = false,
                },
            }
            if depth_here > MAX_DEPTH {
                return Err(Diagnostic::error(
                    Span::point(LineCol::one_based(n + 1, indent + body[..i].chars().count() + 1)),
                    format!(
                        "the file nests more than {MAX_DEPTH} levels deep; a family file needs fewer than ten"
                    ),
                )
                .with_help("check that this is a family file; the samples/ folder has examples"));
            }
            prev = c;
        }
        if let (Some(q), Some((start, len))) = (quote, run) {
            open = Some(Continued {
                quote: Some(q),
                indent,
                at: run_at(start),
                len: len + 1,
            });
        } else if flow == 0
            && let Some(at) = block_header(&body[..end])
        {
            open = Some(Continued {
                quote: None,
                indent,
                at: LineCol::one_based(n + 1, indent + body[..at].chars().count() + 1),
                len: 0,
            });
        }
    }
    Ok(())
}

/// A value that goes on past the end of its line (see [`check_depth`]).
struct Continued {
    /// The quote still open, or `None` for a block text.
    quote: Option<char>,
    /// Indentation of the line the value starts on.
    indent: usize,
    /// Where the value starts.
    at: LineCol,
    /// Its length so far, in characters.
    len: usize,
}

/// Where a block text's header (`|`, `>-`, `|2+`…) ends the line `body` (comment
/// removed), if it does: the text of the value is on the lines below.
fn block_header(body: &str) -> Option<usize> {
    let value = body.trim_end();
    let head = value.trim_end_matches(|c: char| c.is_ascii_digit() || c == '+' || c == '-');
    let at = head.len().checked_sub(1)?;
    let is_header = head.ends_with(['|', '>']) && (at == 0 || head[..at].ends_with([' ', '\t']));
    is_header.then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_empty_and_comment_only_files() {
        assert!(decode(b"").unwrap_err().message.contains("empty"));
        assert!(
            decode(b"# nothing\n\n")
                .unwrap_err()
                .message
                .contains("empty")
        );
    }

    #[test]
    fn reports_the_position_of_invalid_utf8() {
        let e = decode(b"people:\n  a: {name: \xff}\n").unwrap_err();
        assert_eq!(e.span.start, LineCol::one_based(2, 13));
        assert!(e.message.contains("UTF-8"));
    }

    #[test]
    fn decodes_utf16_with_a_byte_order_mark() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "people: {}\n".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap(), "people: {}\n");
    }

    #[test]
    fn refuses_deep_flow_and_block_nesting() {
        let flow = format!("a: {}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(
            decode(flow.as_bytes())
                .unwrap_err()
                .message
                .contains("levels deep")
        );
        let mut block = String::new();
        for i in 0..200 {
            block.push_str(&" ".repeat(i));
            block.push_str("k:\n");
        }
        assert!(
            decode(block.as_bytes())
                .unwrap_err()
                .message
                .contains("levels deep")
        );
        let dashes = format!("{}x\n", "- ".repeat(1000));
        assert!(decode(dashes.as_bytes()).is_err());
    }

    #[test]
    fn refuses_a_value_too_long_to_be_text_where_it_starts() {
        let long = MAX_SCALAR_CHARS + 1;
        for (text, col) in [
            (
                format!("people:\n  a: {{name: \"{}\"}}\n", "x".repeat(long)),
                13,
            ),
            (format!("people:\n  a: {{sex: {}}}\n", "f".repeat(long)), 12),
            (
                format!("people:\n  a: {{name: {}}}\n", "word ".repeat(long / 5 + 1)),
                13,
            ),
            (
                format!("people:\n  a:\n    name: '{}'\n", "é".repeat(long)),
                11,
            ),
        ] {
            let e = decode(text.as_bytes()).unwrap_err();
            assert!(e.message.contains("characters long"), "{}", e.message);
            let line = if col == 11 { 3 } else { 2 };
            assert_eq!(e.span.start, LineCol::one_based(line, col));
        }
    }

    #[test]
    fn refuses_a_value_too_long_over_many_lines_where_it_starts() {
        let lines = MAX_SCALAR_CHARS / 10;
        for (text, at) in [
            (
                format!(
                    "people:\n  a:\n    notes: |\n{}",
                    "      line of a\n".repeat(lines)
                ),
                (3, 12),
            ),
            (
                format!(
                    "people:\n  a:\n    notes: >-\n{}",
                    "\n      line of a\n".repeat(lines)
                ),
                (3, 12),
            ),
            (
                format!(
                    "people:\n  a: {{name: \"x\n{}  \"}}\n",
                    "      line of a\n".repeat(lines)
                ),
                (2, 13),
            ),
        ] {
            let e = decode(text.as_bytes()).unwrap_err();
            assert!(e.message.contains("characters long"), "{}", e.message);
            assert_eq!(e.span.start, LineCol::one_based(at.0, at.1));
        }
        // Many short texts over several lines each are read; so is what follows them.
        let note = "    notes: |\n      one line\n      two lines\n";
        let quoted = "    name: \"Ann\n      Lee\"\n";
        let text = format!(
            "people:\n{}",
            format!("  a:\n{note}{quoted}").repeat(20_000)
        );
        assert!(decode(text.as_bytes()).is_ok());
        // A block text does not hide the nesting after it.
        let deep = format!("a: |\n  \"x\nb: {}\n", "[".repeat(100));
        assert!(
            decode(deep.as_bytes())
                .unwrap_err()
                .message
                .contains("levels deep")
        );
    }

    #[test]
    fn long_lines_of_many_short_values_or_a_long_comment_are_read() {
        let people: Vec<String> = (0..20_000)
            .map(|i| format!("p{i}: {{sex: male}}"))
            .collect();
        let text = format!(
            "# {}\npeople: {{{}}}\n",
            "comment ".repeat(MAX_SCALAR_CHARS),
            people.join(", ")
        );
        assert!(decode(text.as_bytes()).is_ok());
        let quoted: Vec<String> = (0..20_000).map(|i| format!("\"p{i}\"")).collect();
        let list = format!("people: {{}}\nx: [{}]\n", quoted.join(","));
        assert!(decode(list.as_bytes()).is_ok());
    }

    #[test]
    fn refuses_control_characters_at_their_own_position() {
        let e = decode(b"people:\n  ana: {name: \"\x1b[31mRed\"}\n").unwrap_err();
        assert_eq!(e.span.start, LineCol::one_based(2, 16));
        assert!(e.message.contains("U+001B escape"), "{}", e.message);
        let e = decode("people:\n  a: {name: \"Zoë\u{7f}\"}\n".as_bytes()).unwrap_err();
        assert_eq!(e.span.start, LineCol::one_based(2, 17));
        // Tabs, line ends, NEL, non-breaking spaces and direction marks are YAML text.
        assert!(
            decode("people:\r\n  a: {name: \"a\tb\u{85}\u{a0}\u{202e}\"}\n".as_bytes()).is_ok()
        );
    }

    #[test]
    fn the_ascii_fast_path_finds_what_a_character_scan_finds() {
        for text in [
            "plain ascii\n",
            "tab\tand\r\nends",
            "zoë \u{7f} after an accent",
            "\u{1b} first",
            "accents é ü then \u{fffe}",
            "\u{85}\u{a0}\u{d7ff}\u{e000}\u{fffd}\u{10000} all allowed",
            "\u{80} C1 control",
            "",
        ] {
            let slow = text.char_indices().find(|&(_, c)| !yaml_printable(c));
            assert_eq!(first_unprintable(text), slow, "{text:?}");
        }
    }

    #[test]
    fn lossy_text_of_a_refused_file_is_decoded_as_the_file_says() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "people:\n  zoë: {}\n".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        bytes.extend([0x00, 0xD8]);
        assert_eq!(lossy(&bytes, usize::MAX), "people:\n  zoë: {}\n\u{fffd}");
        assert_eq!(
            lossy(b"\xEF\xBB\xBFa: Jos\xe9", usize::MAX),
            "a: Jos\u{fffd}"
        );
        assert_eq!(lossy(b"abcdef", 3), "abc");
    }

    #[test]
    fn brackets_inside_names_do_not_count_as_nesting() {
        let text = format!("people:\n{}", "  a:\n    name: Smith [Jr\n".repeat(200));
        // Repeated keys are the parser's business; only depth matters here.
        assert!(decode(text.as_bytes()).is_ok());
        let quoted = format!("t: \"{}\"\n", "[".repeat(500));
        assert!(decode(quoted.as_bytes()).is_ok());
    }
}
