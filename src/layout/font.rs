//! Text measured with the real advance widths of the fonts the PNG and PDF embed
//! (DejaVu Sans and DejaVu Sans Bold, `assets/fonts`), the first font the SVG names, so
//! that the room the layout makes for a label is the room its text takes.
//!
//! The widths are bundled as a table (`font_widths.rs`, written by `cargo run --example
//! font_widths`): looking a character up is one index, where a font parser would search
//! the font's tables for every character of 100,000 labels. Characters outside the table
//! (Chinese, Japanese, Korean, most other scripts, which DejaVu Sans does not have and a
//! viewer draws with another font) count one em when wide, 0.6 em otherwise; combining
//! marks count nothing.

use super::font_widths::{BOLD, RANGES, REGULAR};

/// The face of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Face {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
}

/// Font units to the em of both fonts.
const UNITS: f64 = 2048.0;

/// The advance of one character, in ems.
pub fn advance(c: char, face: Face) -> f64 {
    let table: &[u16] = match face {
        Face::Regular => &REGULAR,
        Face::Bold => &BOLD,
    };
    let code = c as u32;
    let mut start = 0usize;
    for &(a, b) in &RANGES {
        if code < a {
            break;
        }
        if code < b {
            let w = table[start + (code - a) as usize];
            if w != u16::MAX {
                return f64::from(w) / UNITS;
            }
            break;
        }
        start += (b - a) as usize;
    }
    fallback(code)
}

/// The advance of a character the table does not hold.
fn fallback(code: u32) -> f64 {
    let combining = (0x300..0x370).contains(&code)
        || (0x1AB0..0x1B00).contains(&code)
        || (0x20D0..0x2100).contains(&code)
        || (0xFE20..0xFE30).contains(&code)
        || code == 0x200B
        || (0xFE00..0xFE10).contains(&code);
    let wide = (0x1100..0x1160).contains(&code)
        || (0x2E80..0xA4D0).contains(&code)
        || (0xAC00..0xD7A4).contains(&code)
        || (0xF900..0xFB00).contains(&code)
        || (0xFE30..0xFE50).contains(&code)
        || (0xFF00..0xFF61).contains(&code)
        || (0xFFE0..0xFFE7).contains(&code)
        || (0x1F300..0x1FAFF).contains(&code)
        || (0x20000..0x3FFFE).contains(&code);
    if combining {
        0.0
    } else if wide {
        1.0
    } else {
        0.6
    }
}

/// The width of `s` at `size` pixels (no kerning: DejaVu's kerning only narrows, so the
/// room made is never too small).
pub fn width(s: &str, size: f64, face: Face) -> f64 {
    s.chars().map(|c| advance(c, face)).sum::<f64>() * size
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every width in the table is the font's own, and every character the fonts have in
    /// those ranges is in it.
    #[test]
    fn bundled_widths_are_the_fonts_own() {
        for (face, font) in [
            (
                Face::Regular,
                &include_bytes!("../../assets/fonts/DejaVuSans.ttf")[..],
            ),
            (
                Face::Bold,
                &include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf")[..],
            ),
        ] {
            let f = ttf_parser::Face::parse(font, 0).expect("the bundled font reads");
            assert_eq!(f.units_per_em(), 2048);
            let mut checked = 0;
            for &(a, b) in &RANGES {
                for code in a..b {
                    let c = char::from_u32(code).unwrap();
                    if let Some(w) = f.glyph_index(c).and_then(|g| f.glyph_hor_advance(g)) {
                        assert_eq!(advance(c, face), f64::from(w) / UNITS, "{c:?} {face:?}");
                        checked += 1;
                    }
                }
            }
            assert!(checked > 1500, "{checked}");
        }
    }

    #[test]
    fn bold_is_wider_and_wide_scripts_take_an_em() {
        let name = "Frank Hartmann";
        assert!(width(name, 12.0, Face::Bold) > width(name, 12.0, Face::Regular));
        // DejaVu Sans: "1" is 1303 units.
        assert!((width("1", 2048.0, Face::Regular) - 1303.0).abs() < 1e-9);
        assert_eq!(width("李小龙", 10.0, Face::Regular), 30.0);
        assert_eq!(
            width("e\u{301}", 10.0, Face::Regular),
            width("e", 10.0, Face::Regular)
        );
    }
}
