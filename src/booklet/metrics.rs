//! Widths of text in the built-in fonts, so that paragraphs wrap where they will be set.
//!
//! The drawing estimates widths (it has no font of its own); the booklet's pages are set
//! in DejaVu Sans, embedded, so they can be measured exactly from the font's advances.
//! Kerning is left out: it only ever narrows a line, so a measured line always fits.

use ttf_parser::Face;

use crate::handout::fonts::{BOLD, REGULAR};

/// The advances of the regular and bold faces.
pub struct Metrics {
    regular: Option<Face<'static>>,
    bold: Option<Face<'static>>,
}

impl Metrics {
    /// Reads the built-in fonts.
    pub fn new() -> Self {
        Metrics {
            regular: Face::parse(REGULAR, 0).ok(),
            bold: Face::parse(BOLD, 0).ok(),
        }
    }

    /// The width of `s` at `size` points.
    pub fn width(&self, s: &str, size: f64, bold: bool) -> f64 {
        let face = if bold { &self.bold } else { &self.regular };
        let Some(face) = face else {
            // The fonts are built in and parse; this only keeps a wrong build from panicking.
            return s.chars().count() as f64 * size * 0.6;
        };
        let per_unit = size / f64::from(face.units_per_em());
        s.chars()
            .map(|c| {
                let glyph = face.glyph_index(c).unwrap_or_default();
                f64::from(face.glyph_hor_advance(glyph).unwrap_or(0)) * per_unit
            })
            .sum()
    }

    /// `s` broken at spaces into lines no wider than `max` points; a word longer than a
    /// line is cut between letters.
    pub fn wrap(&self, s: &str, size: f64, bold: bool, max: f64) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in s.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, size, bold) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // The word alone: cut it while it is wider than a line.
            let mut rest = word.to_string();
            while self.width(&rest, size, bold) > max {
                let mut cut = String::new();
                for c in rest.chars() {
                    cut.push(c);
                    if self.width(&cut, size, bold) > max {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_the_fonts() {
        let m = Metrics::new();
        // DejaVu Sans: "M" is 1767 units of 2048, so 10 pt gives about 8.6 pt.
        let w = m.width("M", 10.0, false);
        assert!((w - 8.63).abs() < 0.05, "{w}");
        assert!(m.width("Mm", 10.0, true) > m.width("Mm", 10.0, false));
    }

    #[test]
    fn wrap_keeps_every_word_and_each_line_fits() {
        let m = Metrics::new();
        let text = "Openness was absent for four generations on your father's side, \
                    and a Wordthatislongerthanthewholelineitself appears";
        let lines = m.wrap(text, 10.0, false, 120.0);
        assert!(lines.len() > 3);
        for l in &lines {
            assert!(m.width(l, 10.0, false) <= 120.0, "{l}");
        }
        let joined: String = lines.concat();
        let squashed: String = text.split_whitespace().collect();
        assert_eq!(joined.replace(' ', ""), squashed);
    }
}
