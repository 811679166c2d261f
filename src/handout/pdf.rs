//! PDF through svg2pdf.

use crate::Error;

/// See [`super::to_pdf`].
pub fn to_pdf(svg: &str) -> Result<Vec<u8>, Error> {
    let tree = super::fonts::tree(svg, "a PDF")?;
    // The tree is in CSS pixels (96 per inch): so the page keeps its true size in points.
    let page = svg2pdf::PageOptions { dpi: 96.0 };
    svg2pdf::to_pdf(&tree, svg2pdf::ConversionOptions::default(), page)
        .map_err(|e| super::internal("a PDF", e))
}
