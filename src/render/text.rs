//! Text in the drawing: cleaning user text, measuring and wrapping it (with the label
//! model's font metrics, `layout::labels` and `layout::font`), Roman numerals and short
//! skill and condition initials.

pub use crate::layout::font::Face;
pub use crate::layout::labels::{
    LINE_HEIGHT, NAME_SIZE, SMALL_SIZE, clean, clean_cow, initials, wrap,
};

/// The font stack of every text: DejaVu Sans first, the font whose widths the layout
/// measures and the PNG and PDF embed; no external font is ever referenced.
pub const FONT_FAMILY: &str = "'DejaVu Sans', Arial, Helvetica, sans-serif";

/// The width of `s` at `size` pixels in `face`.
pub fn width(s: &str, size: f64, face: Face) -> f64 {
    crate::layout::font::width(s, size, face)
}

/// The first line of `s` wrapped to `max` (a title or a subtitle, which take one line):
/// ending in `…` when more was left out.
pub fn one_line(s: &str, size: f64, face: Face, max: f64) -> String {
    let lines = wrap(s, size, face, max);
    match lines.len() {
        0 => String::new(),
        1 => lines.into_iter().next().unwrap_or_default(),
        _ => {
            let mut first: String = lines.into_iter().next().unwrap_or_default();
            while !first.is_empty() && width(&first, size, face) + width("…", size, face) > max {
                first.pop();
            }
            first.push('…');
            first
        }
    }
}

/// The Roman numeral of a generation number (1 → `I`); 0 is written `0`.
pub fn roman(mut n: u32) -> String {
    if n == 0 {
        return "0".into();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(1), "I");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(9), "IX");
        assert_eq!(roman(14), "XIV");
    }

    #[test]
    fn one_line_marks_left_out_text_within_the_width() {
        let l = one_line("one two three four five six", 10.0, Face::Regular, 60.0);
        assert!(l.ends_with('…'));
        assert!(width(&l, 10.0, Face::Regular) <= 60.0);
    }
}
