//! The key of the opening page, taken from the renderer: a small made-up family
//! (`key_family.yaml`) is drawn anonymised, and the drawing's own key (`<g id="legend">`,
//! with the style sheet and patterns it uses) is cut out of the SVG. The booklet so never
//! keeps a second copy of what the marks mean: when the drawing's key changes, the
//! opening page's does too.

use usvg::roxmltree;

/// The example family.
const EXAMPLE: &str = include_str!("key_family.yaml");

/// The key as SVG content to nest in a page, and its size in drawing pixels.
pub struct Key {
    /// The style sheet, the pattern definitions and the key, moved to the origin.
    pub content: String,
    /// Width in pixels.
    pub width: f64,
    /// Height in pixels.
    pub height: f64,
}

/// The key of the example family's drawing; `None` if the drawing has none (which a test
/// rules out).
pub fn key() -> Option<Key> {
    let graph = crate::load_str("key_family.yaml", EXAMPLE).ok()?;
    let layout = crate::layout::layout(&graph, &crate::layout::LayoutOptions::default());
    let svg = crate::render::svg(
        &graph,
        &layout,
        &crate::render::RenderOptions {
            anonymize: true,
            ..Default::default()
        },
    );
    cut(&svg)
}

/// A drawing cut in two: the drawing without its key (its height ending above the key),
/// and the key, so that each can be placed on the page at its own scale.
pub fn split(svg: &str) -> Option<(String, Key)> {
    let key = cut(svg)?;
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
    let tag = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{h}\" viewBox=\"0 0 {width} {h}\">"
    );
    Some((format!("{tag}{}", &body[end + 1..]), key))
}

/// The key of a drawing: its `legend` group, moved to the origin, with the drawing's
/// `<style>` and `<defs>`.
fn cut(svg: &str) -> Option<Key> {
    let doc = roxmltree::Document::parse(svg).ok()?;
    let root = doc.root_element();
    let mut content = String::new();
    let mut legend = None;
    for node in root.children().filter(|n| n.is_element()) {
        match node.tag_name().name() {
            "style" | "defs" => {
                content.push_str(&svg[node.range()]);
                content.push('\n');
            }
            "g" if node.attribute("id") == Some("legend") => legend = Some(node),
            _ => {}
        }
    }
    let legend = legend?;
    let (x, y) = translate(legend.attribute("transform").unwrap_or(""))?;
    // The frame of the key is its first rectangle.
    let frame = legend
        .children()
        .find(|n| n.has_tag_name("rect"))
        .filter(|n| n.attribute("x") == Some("0") && n.attribute("y") == Some("0"))?;
    let width: f64 = frame.attribute("width")?.parse().ok()?;
    let height: f64 = frame.attribute("height")?.parse().ok()?;
    content.push_str(&format!(
        "<g transform=\"translate({} {})\">\n{}\n</g>",
        crate::render::number::num(-x),
        crate::render::number::num(-y),
        &svg[legend.range()]
    ));
    // A pixel of margin so the frame's stroke is not cut.
    Some(Key {
        content: format!("<g transform=\"translate(1 1)\">\n{content}\n</g>"),
        width: width + 2.0,
        height: height + 2.0,
    })
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
    fn the_renderer_key_is_found() {
        let k = key().expect("the example family's drawing has a key");
        assert!(k.width > 300.0 && k.height > 100.0, "{} × {}", k.width, k.height);
        assert!(k.content.contains("id=\"legend\""));
        assert!(k.content.contains("<style"));
    }

    #[test]
    fn a_drawing_splits_into_drawing_and_key() {
        let graph = crate::load_str("k.yaml", EXAMPLE).unwrap();
        let layout = crate::layout::layout(&graph, &Default::default());
        let svg = crate::render::svg(&graph, &layout, &Default::default());
        let (drawing, key) = split(&svg).unwrap();
        assert!(!drawing.contains("id=\"legend\""));
        assert!(drawing.contains("<style"));
        roxmltree::Document::parse(&drawing).expect("still an SVG document");
        assert!(key.content.contains("id=\"legend\""));
    }

    #[test]
    fn translate_offsets() {
        assert_eq!(translate("translate(8 861.2)"), Some((8.0, 861.2)));
        assert_eq!(translate("translate(3)"), Some((3.0, 0.0)));
        assert_eq!(translate("scale(2)"), None);
    }
}
