//! The text under a symbol and the box it needs: name, life dates, occupation and
//! location, each wrapped to at most `label_wrap × symbol` wide.
//!
//! Text width is estimated as `char_width × font_size` per character (no font metrics are
//! available without a font). The renderer calls [`label_lines`] so that what it writes is
//! exactly what the layout made room for.

use super::LayoutOptions;
use crate::model::Person;

/// The lines under a symbol and the box they take.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelSize {
    /// The wrapped lines, top to bottom.
    pub lines: Vec<String>,
    /// Width of the widest line.
    pub width: f64,
    /// Height from the bottom of the symbol to the bottom of the last line, padding included.
    pub height: f64,
}

/// The label lines of a person, wrapped: name, then dates (`1921–1990`, `b. 1921`,
/// `d. 1990`), then occupation, then location.
pub fn label_lines(person: &Person, options: &LayoutOptions) -> Vec<String> {
    let mut raw: Vec<String> = vec![person.name.clone()];
    match (&person.born, &person.died) {
        (Some(b), Some(d)) => raw.push(format!("{}–{}", b.value, d.value)),
        (Some(b), None) => raw.push(format!("b. {}", b.value)),
        (None, Some(d)) => raw.push(format!("d. {}", d.value)),
        (None, None) => {}
    }
    raw.extend(person.occupation.iter().cloned());
    raw.extend(person.location.iter().cloned());
    let max = options.symbol * options.label_wrap;
    raw.iter()
        .filter(|l| !l.trim().is_empty())
        .flat_map(|l| at_most_lines(wrap_text(l, max, options), max, options))
        .collect()
}

/// Most lines one field of a label takes: the drawing shows at most two lines of a name,
/// an occupation or a place, the last ending in `…` when text is left out, so the layout
/// makes room for no more (a 10,000-character name would otherwise leave a blank space
/// hundreds of lines tall under its symbol).
pub const MAX_FIELD_LINES: usize = 2;

/// The first [`MAX_FIELD_LINES`] lines, the last one cut to end in `…` when lines were
/// left out, within the same width.
fn at_most_lines(mut lines: Vec<String>, max_width: f64, options: &LayoutOptions) -> Vec<String> {
    if lines.len() > MAX_FIELD_LINES {
        lines.truncate(MAX_FIELD_LINES);
        let per_char = (options.char_width * options.font_size).max(f64::MIN_POSITIVE);
        let max_chars = ((max_width / per_char).floor() as usize).max(1);
        if let Some(last) = lines.last_mut() {
            let mut cut: String = last.chars().take(max_chars.saturating_sub(1)).collect();
            cut.push('…');
            *last = cut;
        }
    }
    lines
}

/// The label of a person with its size.
pub fn label_size(person: &Person, options: &LayoutOptions) -> LabelSize {
    let lines = label_lines(person, options);
    let width = lines
        .iter()
        .map(|l| text_width(l, options))
        .fold(0.0, f64::max);
    let height = if lines.is_empty() {
        0.0
    } else {
        options.label_pad + lines.len() as f64 * options.font_size * options.line_height
    };
    LabelSize {
        lines,
        width,
        height,
    }
}

/// Estimated width of one line of text.
fn text_width(text: &str, options: &LayoutOptions) -> f64 {
    text.chars().count() as f64 * options.char_width * options.font_size
}

/// Wraps one line of text at spaces so that no line is wider than `max_width`; a word
/// longer than a whole line is cut.
pub fn wrap_text(text: &str, max_width: f64, options: &LayoutOptions) -> Vec<String> {
    let per_char = (options.char_width * options.font_size).max(f64::MIN_POSITIVE);
    let max_chars = ((max_width / per_char).floor() as usize).max(1);
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_len = 0usize;
    for word in text.split_whitespace() {
        // Walk the word once: whole lines are cut off its front as they fill, so a word
        // of any length costs time in proportion to its length.
        let mut chars = word.char_indices();
        let mut len = word.chars().count();
        let mut rest = word;
        while len > max_chars {
            if line_len > 0 {
                out.push(std::mem::take(&mut line));
                line_len = 0;
            }
            let cut = chars
                .nth(max_chars - 1)
                .and_then(|_| chars.clone().next())
                .map_or(word.len(), |(i, _)| i);
            let start = word.len() - rest.len();
            out.push(word[start..cut].to_string());
            rest = &word[cut..];
            len -= max_chars;
        }
        if rest.is_empty() {
            continue;
        }
        let needed = if line_len == 0 {
            len
        } else {
            line_len + 1 + len
        };
        if needed > max_chars {
            out.push(std::mem::take(&mut line));
            line_len = 0;
        }
        if line_len > 0 {
            line.push(' ');
            line_len += 1;
        }
        line.push_str(rest);
        line_len += len;
    }
    if line_len > 0 {
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_wraps_at_spaces_within_the_width() {
        let o = LayoutOptions::default();
        // 104 px / 7.2 px per char = 14 chars a line.
        let lines = wrap_text("librarian (retired) in the city of Utrecht", 104.0, &o);
        assert_eq!(
            lines,
            ["librarian", "(retired) in", "the city of", "Utrecht"]
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 14));
    }

    #[test]
    fn a_word_longer_than_a_line_is_cut() {
        let o = LayoutOptions::default();
        assert_eq!(
            wrap_text("Abcdefghijklmnopqrstu", 104.0, &o),
            ["Abcdefghijklmn", "opqrstu"]
        );
    }

    #[test]
    fn a_field_takes_at_most_two_lines_as_drawn() {
        let name = "x".repeat(10_000);
        let g = crate::load_str(
            "t.yaml",
            &format!("people:\n  a: {{name: {name}, occupation: one two three four five six seven eight}}\n"),
        )
        .unwrap();
        let size = label_size(g.person(g.find("a").unwrap()), &LayoutOptions::default());
        assert_eq!(
            size.lines,
            [
                "xxxxxxxxxxxxxx",
                "xxxxxxxxxxxxx…",
                "one two three",
                "four five six…"
            ]
        );
        assert!(size.lines.iter().all(|l| l.chars().count() <= 14));
    }

    #[test]
    fn label_holds_name_dates_occupation_location() {
        let g = crate::load_str(
            "t.yaml",
            "people:\n  a: {name: Ana Lima, born: 1950, died: 2001, occupation: nurse, location: Porto}\n",
        )
        .unwrap();
        let size = label_size(g.person(g.find("a").unwrap()), &LayoutOptions::default());
        assert_eq!(size.lines, ["Ana Lima", "1950–2001", "nurse", "Porto"]);
        assert!((size.width - 9.0 * 7.2).abs() < 1e-9);
        assert!((size.height - (6.0 + 4.0 * 14.4)).abs() < 1e-9);
    }
}
