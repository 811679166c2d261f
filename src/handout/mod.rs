//! Handouts: the SVG drawing turned into a PNG picture or a PDF page.
//!
//! The text is set in the DejaVu Sans fonts built into the program (never the fonts of
//! the machine), so the same family gives byte-identical files everywhere. DejaVu Sans
//! covers Latin, Greek and Cyrillic; characters it lacks (CJK among them) are drawn as
//! empty boxes, while the SVG leaves them to the viewer's own fonts.
//!
//! PNG is behind the `png` cargo feature (resvg) and PDF behind `pdf` (svg2pdf); both are
//! on by default. Without them, asking for that format is a usage error that says how to
//! build with it.

#[cfg(any(feature = "png", feature = "pdf"))]
pub(crate) mod fonts;
#[cfg(feature = "pdf")]
pub(crate) mod pdf;
#[cfg(feature = "png")]
mod png;

use std::path::Path;

use crate::Error;

/// The kinds of file `render` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The SVG drawing itself.
    Svg,
    /// A PNG picture.
    Png,
    /// A one-page PDF.
    Pdf,
}

impl Format {
    /// The format named by the extension of `path` (any case); `None` for another or none.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// The format's name as typed on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
        }
    }

    /// Whether this build can write the format (PNG and PDF are cargo features).
    pub fn available(self) -> bool {
        match self {
            Format::Svg => true,
            Format::Png => cfg!(feature = "png"),
            Format::Pdf => cfg!(feature = "pdf"),
        }
    }
}

/// Pixels per inch of a PNG when none is asked for: print quality.
pub const DEFAULT_DPI: f64 = 300.0;

/// The largest PNG side in pixels; past it the picture would take gigabytes of memory.
pub const MAX_PNG_SIDE: f64 = 20_000.0;

/// The pixels per inch of the SVG's own units (CSS pixels).
const SVG_DPI: f64 = 96.0;

/// The size in pixels of the PNG of an SVG `w` × `h` CSS pixels at `dpi`, or a usage error
/// when it is too large to make.
pub fn png_size(w: f64, h: f64, dpi: f64) -> Result<(u32, u32), Error> {
    let scale = dpi / SVG_DPI;
    let (pw, ph) = ((w * scale).round().max(1.0), (h * scale).round().max(1.0));
    if !(pw.is_finite() && ph.is_finite()) || pw > MAX_PNG_SIDE || ph > MAX_PNG_SIDE {
        return Err(Error::Usage(format!(
            "the picture would be {} × {} pixels, more than {} on a side; \
             use a lower --dpi or --scale, or --page a4",
            pw.min(1e9),
            ph.min(1e9),
            MAX_PNG_SIDE
        )));
    }
    // Both are whole numbers between 1 and MAX_PNG_SIDE, so the casts are exact.
    Ok((pw as u32, ph as u32))
}

/// The SVG `svg` as a PNG at `dpi` pixels per inch, on a white background.
///
/// # Errors
///
/// [`Error::Usage`] when the picture would be too large, or this build has no PNG support
/// (the message says how to build with it).
pub fn to_png(svg: &str, dpi: f64) -> Result<Vec<u8>, Error> {
    #[cfg(feature = "png")]
    {
        png::to_png(svg, dpi)
    }
    #[cfg(not(feature = "png"))]
    {
        let _ = (svg, dpi);
        Err(missing(Format::Png))
    }
}

/// The SVG `svg` as a one-page PDF of the drawing's true size, with its text embedded
/// (selectable and searchable) in the built-in fonts.
///
/// # Errors
///
/// [`Error::Usage`] when this build has no PDF support (the message says how to build
/// with it).
pub fn to_pdf(svg: &str) -> Result<Vec<u8>, Error> {
    #[cfg(feature = "pdf")]
    {
        pdf::to_pdf(svg)
    }
    #[cfg(not(feature = "pdf"))]
    {
        let _ = svg;
        Err(missing(Format::Pdf))
    }
}

/// The error for a format this build was made without.
pub fn missing(format: Format) -> Error {
    let name = format.as_str();
    Error::Usage(format!(
        "this genogram was built without {} output; build it with \
         `cargo install --path . --features {name}` (it is on by default), \
         or write an SVG with -o family.svg",
        name.to_ascii_uppercase()
    ))
}

/// An SVG this program drew that the converter could not read: a bug, said plainly.
#[cfg(any(feature = "png", feature = "pdf"))]
fn internal(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Usage(format!(
        "could not turn the drawing into {what} ({e}); please report this, and use the SVG meanwhile"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_extension() {
        assert_eq!(Format::from_path(Path::new("a/b.PNG")), Some(Format::Png));
        assert_eq!(Format::from_path(Path::new("b.pdf")), Some(Format::Pdf));
        assert_eq!(Format::from_path(Path::new("b.svg")), Some(Format::Svg));
        assert_eq!(Format::from_path(Path::new("b.jpg")), None);
        assert_eq!(Format::from_path(Path::new("b")), None);
    }

    #[test]
    fn a4_at_300_dpi_is_2480_by_3508() {
        // 210 mm × 297 mm in CSS pixels (96 per inch).
        let (w, h) = (210.0 / 25.4 * 96.0, 297.0 / 25.4 * 96.0);
        assert_eq!(png_size(w, h, 300.0).unwrap(), (2480, 3508));
    }

    #[test]
    fn huge_png_is_refused() {
        assert!(matches!(
            png_size(10_000.0, 100.0, 300.0),
            Err(Error::Usage(_))
        ));
    }
}
