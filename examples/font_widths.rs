//! Writes `src/layout/font_widths.rs`, the advance widths of DejaVu Sans and DejaVu Sans
//! Bold (the fonts in `assets/fonts`, which the PNG and PDF embed) for the characters
//! labels mostly use, so that text is measured without loading a font at run time.
//!
//! `cargo run --example font_widths > src/layout/font_widths.rs`; the test
//! `layout::font::tests::bundled_widths_are_the_fonts_own` checks the table against the
//! fonts.

/// The ranges of characters in the table (start, end exclusive).
const RANGES: [(u32, u32); 4] = [
    (0x20, 0x530),
    (0x1E00, 0x1F00),
    (0x2000, 0x2070),
    (0x20A0, 0x20C0),
];

fn widths(font: &[u8]) -> Vec<Vec<u16>> {
    let face = ttf_parser::Face::parse(font, 0).expect("a font");
    RANGES
        .iter()
        .map(|&(a, b)| {
            (a..b)
                .map(|c| {
                    char::from_u32(c)
                        .and_then(|c| face.glyph_index(c))
                        .and_then(|g| face.glyph_hor_advance(g))
                        .unwrap_or(u16::MAX)
                })
                .collect()
        })
        .collect()
}

fn main() {
    let regular = widths(include_bytes!("../assets/fonts/DejaVuSans.ttf"));
    let bold = widths(include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf"));
    println!(
        "//! Advance widths of DejaVu Sans and DejaVu Sans Bold in font units (2048 to the em),"
    );
    println!(
        "//! written by `cargo run --example font_widths`; `u16::MAX` where the font has no glyph."
    );
    println!();
    println!("/// The ranges of characters in the tables (start, end exclusive).");
    println!(
        "pub(super) const RANGES: [(u32, u32); {}] = [",
        RANGES.len()
    );
    for (a, b) in RANGES {
        println!("    (0x{a:X}, 0x{b:X}),");
    }
    println!("];");
    for (name, what, table) in [
        ("REGULAR", "DejaVu Sans", &regular),
        ("BOLD", "DejaVu Sans Bold", &bold),
    ] {
        println!();
        println!("/// {what}: the widths of each range of [`RANGES`], one after the other.");
        let all: Vec<u16> = table.iter().flatten().copied().collect();
        println!("pub(super) const {name}: [u16; {}] = [", all.len());
        for chunk in all.chunks(12) {
            let row: Vec<String> = chunk.iter().map(u16::to_string).collect();
            println!("    {},", row.join(", "));
        }
        println!("];");
    }
}
