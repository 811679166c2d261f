//! A small writer of SVG elements straight into text, for the parts drawn once per person,
//! couple or relationship.
//!
//! Building a tree of `svg` crate elements (each with its own map of `String` attributes)
//! and then writing it out was most of the drawing time of large families. Here each
//! element is written where it stands, in exactly the text the crate would give (see
//! [`super::write`]): attributes in sorted order (checked in debug builds, since the order
//! is the caller's), attribute values and text escaped in one pass, numbers through
//! [`push_num`] without allocating.
//!
//! Every element is written as a child: on a new line (`\n<path …/>`), as the crate puts
//! each child of a group on its own line.

use super::number::push_num;
use super::write::{escape_attribute, escape_text};

/// A start tag being written: `<name` and the attributes so far, in sorted order.
pub struct Tag<'a> {
    out: &'a mut String,
    /// The previous attribute's name, to check the order.
    #[cfg(debug_assertions)]
    last: &'static str,
}

/// Starts an element on a new line: `\n<name`. Finish it with [`Tag::empty`] or
/// [`Tag::open`] (and then [`close`]).
pub fn child<'a>(out: &'a mut String, name: &str) -> Tag<'a> {
    out.push_str("\n<");
    out.push_str(name);
    Tag {
        out,
        #[cfg(debug_assertions)]
        last: "",
    }
}

impl Tag<'_> {
    /// ` name="`, after checking that the names come in the crate's (sorted) order.
    fn name(&mut self, name: &'static str) {
        #[cfg(debug_assertions)]
        {
            debug_assert!(
                self.last < name,
                "attribute `{name}` written after `{}`",
                self.last
            );
            self.last = name;
        }
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
    }

    /// An attribute with its value escaped.
    pub fn attr(mut self, name: &'static str, value: &str) -> Self {
        self.name(name);
        escape_attribute(self.out, value);
        self.out.push('"');
        self
    }

    /// An attribute whose value is a number.
    pub fn num(mut self, name: &'static str, x: f64) -> Self {
        self.name(name);
        push_num(self.out, x);
        self.out.push('"');
        self
    }

    /// An attribute whose value `write` appends: numbers, path commands and plain words,
    /// which escaping would leave as they are (checked in debug builds).
    pub fn with(mut self, name: &'static str, write: impl FnOnce(&mut String)) -> Self {
        self.name(name);
        let start = self.out.len();
        write(self.out);
        debug_assert!(
            !self.out[start..].contains(['&', '<', '>', '"', '\'']),
            "attribute `{name}` needs escaping: {}",
            &self.out[start..]
        );
        self.out.push('"');
        self
    }

    /// Ends an element without children: `/>`.
    pub fn empty(self) {
        self.out.push_str("/>");
    }

    /// Ends the start tag of an element with children: `>`. The children follow, each on
    /// its own line, then [`close`].
    pub fn open(self) {
        self.out.push('>');
    }
}

/// The end tag of an element with children, on a new line.
pub fn close(out: &mut String, name: &str) {
    out.push_str("\n</");
    out.push_str(name);
    out.push('>');
}

/// A `<title>` with its text escaped (a title keeps its text on the same line).
pub fn title(out: &mut String, text: &str) {
    out.push_str("\n<title>");
    escape_text(out, text);
    out.push_str("</title>");
}

/// A `<path>` with a class, whose path data `d` appends.
pub fn path(out: &mut String, class: &str, d: impl FnOnce(&mut String)) {
    child(out, "path").attr("class", class).with("d", d).empty();
}

/// A `<text>` with a class at a point; the crate puts the text of a text element on its
/// own line.
pub fn text(out: &mut String, class: &str, x: f64, y: f64, content: &str) {
    text_with(out, class, x, y, |out| escape_text(out, content));
}

/// A `<text>` with a class at a point, whose content `write` appends as it is (escaped
/// already, or with nothing to escape).
pub fn text_with(out: &mut String, class: &str, x: f64, y: f64, write: impl FnOnce(&mut String)) {
    child(out, "text")
        .attr("class", class)
        .num("x", x)
        .num("y", y)
        .open();
    out.push('\n');
    write(out);
    close(out, "text");
}

#[cfg(test)]
mod tests {
    use svg::node::element::{Group, Path, Text, Title};

    /// Each writer gives what the crate gives for the same element as a child of a group.
    #[test]
    fn writes_what_the_svg_crate_writes() {
        let mut ours = String::new();
        super::child(&mut ours, "g")
            .attr("class", "a&b \"c\"")
            .attr("id", "x'y")
            .with("transform", |s| s.push_str("translate(1,2)"))
            .open();
        super::title(&mut ours, "t < & > \" '");
        super::path(&mut ours, "sym", |s| s.push_str("M0,0H1"));
        super::text(&mut ours, "", 1.5, -0.0, "name & <more> \"q\"");
        super::child(&mut ours, "rect")
            .num("height", 12.0)
            .attr("rx", "2")
            .num("width", 3.333)
            .empty();
        super::close(&mut ours, "g");

        let crate_group = Group::new()
            .set("id", "x'y")
            .set("class", "a&b \"c\"")
            .set("transform", "translate(1,2)")
            .add(Title::new("t < & > \" '"))
            .add(Path::new().set("d", "M0,0H1").set("class", "sym"))
            .add(
                Text::new("name & <more> \"q\"")
                    .set("class", "")
                    .set("x", "1.5")
                    .set("y", "0"),
            )
            .add(
                svg::node::element::Rectangle::new()
                    .set("width", "3.33")
                    .set("rx", "2")
                    .set("height", "12"),
            );
        assert_eq!(ours, format!("\n{crate_group}"));
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "attribute `class` written after `id`")]
    fn attributes_out_of_order_are_caught() {
        let mut out = String::new();
        super::child(&mut out, "g")
            .attr("id", "a")
            .attr("class", "b");
    }
}
