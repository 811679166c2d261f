//! Writes a tree of `svg` crate nodes into one `String`, byte for byte as the crate's own
//! `Display` does, in a fraction of the time.
//!
//! The crate's `Display` escapes each attribute with five `str::replace` calls (five new
//! strings), collects and sorts the attributes of every element into a new vector, and goes
//! through the formatting machinery for every piece; on a family of 100,000 people that
//! was most of the drawing time. Here the same document is written into one growing
//! buffer, escaping in one pass. The format is the crate's: attributes sorted by name,
//! `<x/>` for an element without children, a line break around every child except a bare
//! text inside an element that is not "bareable" (the crate's own rule: `svg`, `style`,
//! `text` and `script` put their text on its own line).

use svg::node::Node;

/// Appends `node` and everything under it to `out`.
pub fn node(out: &mut String, node: &dyn Node) {
    let (Some(attributes), Some(children)) = (node.get_attributes(), node.get_children()) else {
        // Text, comments and blobs: the crate's own formatting (a text escapes itself).
        use std::fmt::Write;
        let _ = write!(out, "{node}");
        return;
    };
    let name = node.get_name();
    open(out, name, attributes);
    if children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    // A bareable element is formatted "alternate" by the crate, which puts even bare
    // text on its own line; the flag does not reach the children's own formatting.
    let alternate = node.is_bareable();
    let mut bare = false;
    for child in children {
        bare = child.is_bare() && !alternate;
        if !bare {
            out.push('\n');
        }
        self::node(out, child.as_ref());
    }
    if !bare {
        out.push('\n');
    }
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// `<name` and the attributes sorted by name, without the closing `>`.
fn open(out: &mut String, name: &str, attributes: &svg::node::Attributes) {
    out.push('<');
    out.push_str(name);
    let mut sorted: Vec<(&String, &svg::node::Value)> = attributes.iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
    for (key, value) in sorted {
        out.push(' ');
        out.push_str(key);
        out.push_str("=\"");
        escape_attribute(out, value);
        out.push('"');
    }
}

/// The start tag of an element (its children are written separately).
pub fn start(out: &mut String, node: &dyn Node) {
    open(
        out,
        node.get_name(),
        node.get_attributes().unwrap_or(&Default::default()),
    );
    out.push('>');
}

/// The end tag of an element.
pub fn end(out: &mut String, node: &dyn Node) {
    out.push_str("</");
    out.push_str(node.get_name());
    out.push('>');
}

/// Appends the content of a text node with `&`, `<` and `>` escaped, as the crate does.
pub fn escape_text(out: &mut String, value: &str) {
    escape(out, value, |b| matches!(b, b'&' | b'<' | b'>'));
}

/// Appends an attribute value with `&`, `<`, `>`, `"` and `'` escaped, as the crate does.
pub fn escape_attribute(out: &mut String, value: &str) {
    escape(out, value, |b| {
        matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')
    });
}

/// Appends `value` with the bytes `special` picks replaced by their entities (all ASCII,
/// so the cuts fall between characters).
fn escape(out: &mut String, value: &str, special: impl Fn(u8) -> bool) {
    let mut rest = value;
    while let Some(i) = rest.bytes().position(&special) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&apos;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use svg::Node;
    use svg::node::element::{Group, Style, Text, Title};

    /// The writer must give exactly the crate's text, for every kind of nesting used.
    #[test]
    fn writes_what_the_svg_crate_writes() {
        let mut g = Group::new()
            .set("id", "a&b<c>\"d'")
            .set("class", "x")
            .add(Title::new("t < & > \" '"))
            .add(Text::new("name & <more>").set("x", "1").set("y", "2"))
            .add(Group::new());
        g.append(Style::new("a > b { }"));
        let mut doc = svg::Document::new()
            .set("width", 10)
            .set("viewBox", "0 0 1 1");
        doc.append(g);
        doc.append(Title::new("root"));
        let mut out = String::new();
        super::node(&mut out, &doc);
        assert_eq!(out, doc.to_string());
    }
}
