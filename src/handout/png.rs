//! PNG through resvg.

use crate::Error;

/// See [`super::to_png`].
pub fn to_png(svg: &str, dpi: f64) -> Result<Vec<u8>, Error> {
    let tree = super::fonts::tree(svg, "a PNG")?;
    let size = tree.size();
    let (w, h) = super::png_size(f64::from(size.width()), f64::from(size.height()), dpi)?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| super::internal("a PNG", "no room for the picture"))?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    // Stretch to the rounded pixel size, so the page keeps its proportions to the pixel.
    #[allow(clippy::cast_precision_loss)]
    let transform =
        resvg::tiny_skia::Transform::from_scale(w as f32 / size.width(), h as f32 / size.height());
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| super::internal("a PNG", e))
}
