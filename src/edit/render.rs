//! Values written as YAML the way the file writes them: plain words where they read back
//! as the same text, the file's quotes otherwise, its indentation, its line ends.

use serde_json::Value as Json;

/// The file's habits, read once from its text.
#[derive(Clone, Debug)]
pub(super) struct Style {
    /// Spaces a nested mapping is indented by.
    pub unit: usize,
    /// Spaces the `-` of a list under a key is indented by (0 or [`Style::unit`]).
    pub seq_indent: usize,
    /// `"` or `'`.
    pub quote: char,
    /// `"\n"` or `"\r\n"`.
    pub eol: &'static str,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            unit: 2,
            seq_indent: 2,
            quote: '"',
            eol: "\n",
        }
    }
}

/// A key as written: plain when it reads back as the same text.
pub(super) fn key(k: &str, style: &Style) -> String {
    text(k, true, style)
}

/// A scalar, or a whole collection in flow style (`{a: 1}`, `[a, b]`), on one line.
pub(super) fn inline(v: &Json, style: &Style) -> String {
    let mut out = String::new();
    write_inline(v, style, &mut out, false);
    out
}

/// A value written inside `{…}` or `[…]`, where `,` and brackets end a plain word.
pub(super) fn in_flow(v: &Json, style: &Style) -> String {
    let mut out = String::new();
    write_inline(v, style, &mut out, true);
    out
}

fn write_inline(v: &Json, style: &Style, out: &mut String, in_flow: bool) {
    match v {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(&n.to_string()),
        Json::String(s) => out.push_str(&text(s, in_flow, style)),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_inline(item, style, out, true);
            }
            out.push(']');
        }
        Json::Object(map) => {
            out.push('{');
            for (i, (k, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&text(k, true, style));
                out.push(':');
                if !item.is_null() {
                    out.push(' ');
                    write_inline(item, style, out, true);
                }
            }
            out.push('}');
        }
    }
}

/// A text scalar: plain when it reads back as itself, else in the file's quotes.
pub(super) fn text(s: &str, in_flow: bool, style: &Style) -> String {
    if plain_ok(s, in_flow) {
        return s.to_string();
    }
    let printable = !s
        .chars()
        .any(|c| c.is_control() || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}'));
    if style.quote == '\'' && printable {
        return format!("'{}'", s.replace('\'', "''"));
    }
    double_quoted(s)
}

/// `s` in double quotes, with YAML's escapes.
pub(super) fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if c.is_control() || c == '\u{feff}' => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether `s` can be written without quotes and read back as the same text.
fn plain_ok(s: &str, in_flow: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s.trim() != s
        || s.chars()
            .any(|c| c.is_control() || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}'))
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || (in_flow && s.contains([',', '[', ']', '{', '}', ':']))
    {
        return false;
    }
    // A `-` starts a plain word when something other than a space follows (`-2`), outside
    // `[…]`; the other indicators never do.
    let dash_word = first == '-' && !in_flow && s.len() > 1 && !s[1..].starts_with(' ');
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) && !dash_word {
        return false;
    }
    // It must read back as this text, not as a number, true/false or empty.
    matches!(
        serde_yaml::from_str::<serde_yaml::Value>(&format!("[{s}]")),
        Ok(serde_yaml::Value::Sequence(items)) if items.len() == 1 && items[0].as_str() == Some(s)
    ) || (!in_flow
        && matches!(serde_yaml::from_str::<serde_yaml::Value>(s), Ok(serde_yaml::Value::String(t)) if t == s))
}

/// The lines of a multi-line text as a `|` block at column `col`, or `None` when the
/// text cannot be written that way (then it is quoted).
pub(super) fn literal_block(s: &str, col: usize, style: &Style) -> Option<String> {
    if !s.contains('\n')
        || s.starts_with([' ', '\t', '\n'])
        || s.chars().any(|c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}')
        })
        || s.ends_with("\n\n")
    {
        return None;
    }
    let (body, indicator) = match s.strip_suffix('\n') {
        Some(b) => (b, "|"),
        None => (s, "|-"),
    };
    let pad = " ".repeat(col);
    let mut out = String::from(indicator);
    for line in body.split('\n') {
        out.push_str(style.eol);
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
    }
    Some(out)
}

/// Whether every value of a collection is a scalar.
pub(super) fn all_scalars(v: &Json) -> bool {
    match v {
        Json::Array(items) => items.iter().all(|i| !i.is_array() && !i.is_object()),
        Json::Object(map) => map.values().all(|i| !i.is_array() && !i.is_object()),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_plain_only_when_they_read_back_the_same() {
        let s = Style::default();
        for (given, written) in [
            ("Mia Hartmann", "Mia Hartmann"),
            ("1983-07-02", "1983-07-02"),
            ("~1950", "~1950"),
            ("1950", "\"1950\""),
            ("true", "\"true\""),
            ("null", "\"null\""),
            ("", "\"\""),
            ("a: b", "\"a: b\""),
            ("a #b", "\"a #b\""),
            ("- x", "\"- x\""),
            ("Francis \"Frank\" Byrne", "Francis \"Frank\" Byrne"),
            ("O'Brien", "O'Brien"),
            ("'quoted'", "\"'quoted'\""),
            (" lead", "\" lead\""),
            ("line\nbreak", "\"line\\nbreak\""),
            ("Zoë", "Zoë"),
        ] {
            assert_eq!(text(given, false, &s), written, "{given:?}");
        }
        assert_eq!(text("a, b", true, &s), "\"a, b\"");
        assert_eq!(text("a, b", false, &s), "a, b");
        let single = Style {
            quote: '\'',
            ..Style::default()
        };
        assert_eq!(text("it's: here", false, &single), "'it''s: here'");
    }

    #[test]
    fn collections_inline() {
        let v = serde_json::json!({"between": ["paul", "anne"], "kind": "hostile", "since": 1990, "note": "x, y"});
        assert_eq!(
            inline(&v, &Style::default()),
            "{between: [paul, anne], kind: hostile, since: 1990, note: \"x, y\"}"
        );
    }
}
