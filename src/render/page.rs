//! Page sizes: the drawing at its own size, or scaled to fit an A4 or Letter page at true
//! physical size with a margin.

use super::number::num;

/// The page the drawing is made for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Page {
    /// The drawing's own size, in pixels. The default.
    #[default]
    Fit,
    /// A4, 210 mm × 297 mm.
    A4,
    /// US Letter, 8.5 in × 11 in.
    Letter,
}

/// The margin kept around the drawing on a page, in millimetres (Letter: 0.5 in).
const MARGIN_MM: f64 = 12.7;

/// The `width`, `height` and `viewBox` of the document for a drawing of `w` × `h` pixels.
/// On a page the view box is widened so that the drawing sits in the middle with at
/// least the margin on every side, and the page keeps its true size.
pub fn size(page: Page, landscape: bool, w: f64, h: f64) -> (String, String, String) {
    let (pw, ph, unit, per_mm) = match page {
        Page::Fit => return (num(w), num(h), format!("0 0 {} {}", num(w), num(h))),
        Page::A4 => (210.0, 297.0, "mm", 1.0),
        Page::Letter => (8.5, 11.0, "in", 1.0 / 25.4),
    };
    let (pw, ph) = if landscape { (ph, pw) } else { (pw, ph) };
    let margin = MARGIN_MM * per_mm;
    let w = w.max(1.0);
    let h = h.max(1.0);
    // Page units per drawing pixel, so that the drawing fits inside the margins.
    let scale = ((pw - 2.0 * margin) / w).min((ph - 2.0 * margin) / h);
    let vw = pw / scale;
    let vh = ph / scale;
    let vx = -(vw - w) / 2.0;
    let vy = -(vh - h) / 2.0;
    (
        format!("{}{unit}", num(pw)),
        format!("{}{unit}", num(ph)),
        format!("{} {} {} {}", num(vx), num(vy), num(vw), num(vh)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_is_the_drawing_size() {
        assert_eq!(
            size(Page::Fit, false, 300.0, 200.0),
            ("300".into(), "200".into(), "0 0 300 200".into())
        );
    }

    #[test]
    fn a4_is_true_size_with_margin() {
        let (w, h, vb) = size(Page::A4, false, 1000.0, 500.0);
        assert_eq!((w.as_str(), h.as_str()), ("210mm", "297mm"));
        let v: Vec<f64> = vb.split(' ').map(|s| s.parse().unwrap()).collect();
        // Width-bound: the drawing spans the page minus both margins.
        let px_per_mm = v[2] / 210.0;
        assert!((1000.0 / px_per_mm - (210.0 - 2.0 * MARGIN_MM)).abs() < 0.1);
        assert!(v[0] < 0.0 && v[1] < 0.0);
    }

    #[test]
    fn landscape_letter_swaps() {
        let (w, h, _) = size(Page::Letter, true, 100.0, 100.0);
        assert_eq!((w.as_str(), h.as_str()), ("11in", "8.5in"));
    }
}
