//! Widths of text in the built-in fonts, so that paragraphs wrap where they will be set.
//!
//! The pages are set in DejaVu Sans, embedded, and measured with the same advance widths
//! the layout uses for the drawings' labels ([`crate::layout::font`], the fonts' own
//! advances in a table), so there is one measure of text in the program. Kerning is left
//! out: it only ever narrows a line, so a measured line always fits. Unlike a drawing's
//! label, a page's text is never cut short: a word longer than a line is broken between
//! letters, and every letter is kept.

use crate::layout::font::{self, Face};

/// The width of `s` at `size` points.
pub fn width(s: &str, size: f64, bold: bool) -> f64 {
    font::width(s, size, if bold { Face::Bold } else { Face::Regular })
}

/// `s` broken at spaces into lines no wider than `max` points; a word longer than a
/// line is cut between letters.
pub fn wrap(s: &str, size: f64, bold: bool, max: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if width(&candidate, size, bold) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone: cut it while it is wider than a line.
        let mut rest = word.to_string();
        while width(&rest, size, bold) > max {
            let mut cut = String::new();
            for c in rest.chars() {
                cut.push(c);
                if width(&cut, size, bold) > max {
                    cut.pop();
                    break;
                }
            }
            if cut.is_empty() {
                cut = rest.chars().next().map(String::from).unwrap_or_default();
            }
            rest = rest[cut.len()..].to_string();
            lines.push(cut);
        }
        line = rest;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_the_fonts() {
        // DejaVu Sans: "M" is 1767 units of 2048, so 10 pt gives about 8.6 pt.
        let w = width("M", 10.0, false);
        assert!((w - 8.63).abs() < 0.05, "{w}");
        assert!(width("Mm", 10.0, true) > width("Mm", 10.0, false));
    }

    #[test]
    fn wrap_keeps_every_word_and_each_line_fits() {
        let text = "Openness was absent for four generations on your father's side, \
                    and a Wordthatislongerthanthewholelineitself appears";
        let lines = wrap(text, 10.0, false, 120.0);
        assert!(lines.len() > 3);
        for l in &lines {
            assert!(width(l, 10.0, false) <= 120.0, "{l}");
        }
        let joined: String = lines.concat();
        let squashed: String = text.split_whitespace().collect();
        assert_eq!(joined.replace(' ', ""), squashed);
    }
}
