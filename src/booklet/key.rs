//! The keys of the booklet, all made by the renderer's own key ([`crate::render::key_svg`]),
//! so the booklet never keeps a second copy of what the marks mean: the opening page's is
//! the key of a small made-up family (`key_family.yaml`), each genogram's is its own, laid
//! out as wide as its page allows. The genograms are drawn without the key under them
//! ([`without_key`]) so that drawing and key can each be placed at their own size.

use usvg::roxmltree;

use crate::render::RenderOptions;

/// The example family of the opening page.
const EXAMPLE: &str = include_str!("key_family.yaml");

/// A key as an SVG document to nest in a page, and its size in drawing pixels.
pub struct Key {
    /// The key as a self-contained SVG document.
    pub content: String,
    /// Width in pixels.
    pub width: f64,
    /// Height in pixels.
    pub height: f64,
}

impl Key {
    /// The key of the renderer's output: an SVG document and its size.
    pub fn from((svg, (width, height)): (String, (f64, f64))) -> Key {
        Key {
            content: svg,
            width: width.max(1.0),
            height: height.max(1.0),
        }
    }
}

/// The key of the example family, laid out for `width` pixels; `None` if the example
/// no longer loads (which a test rules out).
pub fn example(width: f64) -> Option<Key> {
    let graph = crate::load_str("key_family.yaml", EXAMPLE).ok()?;
    let layout = crate::layout::layout(&graph, &crate::layout::LayoutOptions::default());
    let opts = RenderOptions {
        anonymize: true,
        ..RenderOptions::default()
    };
    Some(Key::from(crate::render::key_svg(
        &graph, &layout, &opts, width,
    )))
}

/// The drawing `svg` without its key (`<g id="legend">`), its height ending above where
/// the key was; `None` when the drawing has no key where it is expected.
pub fn without_key(svg: &str) -> Option<String> {
    let doc = roxmltree::Document::parse(svg).ok()?;
    let root = doc.root_element();
    let legend = root
        .children()
        .find(|n| n.is_element() && n.attribute("id") == Some("legend"))?;
    let (_, top) = translate(legend.attribute("transform").unwrap_or(""))?;
    let width = root.attribute("width")?;
    let range = legend.range();
    let body = format!("{}{}", &svg[..range.start], &svg[range.end..]);
    // The root's start tag, with the height ending above the key.
    let start = body.find("<svg")?;
    let end = start + body[start..].find('>')?;
    let h = crate::render::number::num(top.ceil());
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{h}\" viewBox=\"0 0 {width} {h}\">{}",
        &body[end + 1..]
    ))
}

/// The offsets of a `translate(x y)` transform.
fn translate(t: &str) -> Option<(f64, f64)> {
    let inner = t.trim().strip_prefix("translate(")?.strip_suffix(')')?;
    let mut parts = inner.split([' ', ',']).filter(|s| !s.is_empty());
    let x: f64 = parts.next()?.parse().ok()?;
    let y: f64 = parts.next().map_or(Some(0.0), |s| s.parse().ok())?;
    Some((x, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_has_a_key_in_two_columns() {
        let k = example(560.0).expect("the example family loads");
        assert!(
            k.width > 500.0 && k.height > 100.0,
            "{} × {}",
            k.width,
            k.height
        );
        assert!(k.content.contains("id=\"legend\""));
        assert!(k.content.contains("<style"));
        roxmltree::Document::parse(&k.content).expect("an SVG document");
    }

    #[test]
    fn a_drawing_without_its_key() {
        let graph = crate::load_str("k.yaml", EXAMPLE).unwrap();
        let layout = crate::layout::layout(&graph, &Default::default());
        let svg = crate::render::svg(&graph, &layout, &Default::default());
        let drawing = without_key(&svg).unwrap();
        assert!(!drawing.contains("id=\"legend\""));
        assert!(drawing.contains("<style"));
        roxmltree::Document::parse(&drawing).expect("still an SVG document");
    }

    #[test]
    fn translate_offsets() {
        assert_eq!(translate("translate(8 861.2)"), Some((8.0, 861.2)));
        assert_eq!(translate("translate(3)"), Some((3.0, 0.0)));
        assert_eq!(translate("scale(2)"), None);
    }
}
