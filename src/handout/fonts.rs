//! The fonts built into the program, so PNG and PDF text looks the same on every machine.

use std::sync::Arc;

/// The family name of the built-in fonts; the SVG style sheet names it first.
pub const FAMILY: &str = "DejaVu Sans";

/// DejaVu Sans, regular and bold (Bitstream Vera licence, see assets/fonts/).
pub(crate) const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub(crate) const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// SVG reading options whose only fonts are the built-in ones, for every generic family.
pub fn options() -> usvg::Options<'static> {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(REGULAR.to_vec());
    db.load_font_data(BOLD.to_vec());
    db.set_sans_serif_family(FAMILY);
    db.set_serif_family(FAMILY);
    db.set_monospace_family(FAMILY);
    db.set_cursive_family(FAMILY);
    db.set_fantasy_family(FAMILY);
    usvg::Options {
        font_family: FAMILY.to_owned(),
        fontdb: Arc::new(db),
        ..usvg::Options::default()
    }
}

/// Reads the drawing with the built-in fonts.
pub fn tree(svg: &str, what: &str) -> Result<usvg::Tree, crate::Error> {
    usvg::Tree::from_str(svg, &options()).map_err(|e| super::internal(what, e))
}
