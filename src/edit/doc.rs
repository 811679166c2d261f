//! The family file's text with the place of every value in bytes: what the edits need to
//! change a value where it is written and leave every other byte alone.
//!
//! The tree comes from the loader's one-pass reader ([`crate::load::plain_tree`]), which
//! knows where each scalar and where each collection starts; where a collection ends is
//! found here (the last value of a block collection, the closing bracket of a flow one).

use serde_json::Value as Json;

use crate::diag::LineCol;
use crate::load::tree::{Kind, Yaml};

/// How a value is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shape {
    /// Nothing after the key's colon.
    Empty,
    /// A scalar on its line(s), plain or quoted.
    Scalar,
    /// A `|` or `>` text over the following lines.
    BlockScalar,
    /// `{…}`.
    FlowMap,
    /// `[…]`.
    FlowSeq,
    /// `key: value` lines.
    BlockMap,
    /// `- item` lines.
    BlockSeq,
}

impl Shape {
    pub(super) fn is_flow(self) -> bool {
        matches!(self, Shape::FlowMap | Shape::FlowSeq)
    }
    pub(super) fn is_block_collection(self) -> bool {
        matches!(self, Shape::BlockMap | Shape::BlockSeq)
    }
}

/// A value and the bytes it is written in.
#[derive(Clone, Debug)]
pub(super) struct Node {
    /// First byte (a block collection: its first key or dash).
    pub start: usize,
    /// The byte after its last one (a block collection: after its last value).
    pub end: usize,
    /// How it is written.
    pub shape: Shape,
    /// What it holds.
    pub body: Body,
}

/// What a node holds.
#[derive(Clone, Debug)]
pub(super) enum Body {
    /// A scalar's value (or null).
    Scalar(Json),
    /// A mapping's entries, in the order written.
    Map(Vec<Entry>),
    /// A list's items, in order.
    Seq(Vec<Item>),
}

/// One `key: value` of a mapping.
#[derive(Clone, Debug)]
pub(super) struct Entry {
    /// The key as text.
    pub key: String,
    /// Where the key starts (its quote, if quoted).
    pub key_start: usize,
    /// The byte after the key's colon.
    pub colon_end: usize,
    /// The value.
    pub value: Node,
}

/// One item of a list.
#[derive(Clone, Debug)]
pub(super) struct Item {
    /// Where its `-` is (block lists only).
    pub dash: Option<usize>,
    /// The value.
    pub node: Node,
}

/// One step of a path from the top of the file to a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Seg {
    /// The value of a mapping's key.
    Key(String),
    /// An item of a list.
    Index(usize),
}

/// A path of [`Seg`]s.
pub(super) type Path = Vec<Seg>;

/// Builds a path from keys.
pub(super) fn keys(ks: &[&str]) -> Path {
    ks.iter().map(|k| Seg::Key((*k).to_string())).collect()
}

/// The text and where its values are.
#[derive(Debug)]
pub(super) struct Doc {
    /// The whole text.
    pub text: String,
    /// The top value; `None` for a text of only comments and blank lines.
    pub root: Option<Node>,
    line_starts: Vec<usize>,
}

/// Why a text cannot be edited.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Unreadable {
    /// The one-pass reader does not take it (a syntax error, anchors, aliases or tags).
    NotPlain,
    /// It is read, but a place could not be found (a construct the editor does not handle,
    /// such as `? ` keys or keys without a colon).
    Unplaced,
}

impl Doc {
    /// Reads `text`.
    pub(super) fn parse(text: String) -> Result<Doc, Unreadable> {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut doc = Doc {
            text,
            root: None,
            line_starts,
        };
        let only_comments = doc
            .text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
        if only_comments {
            return Ok(doc);
        }
        let tree = crate::load::plain_tree(&doc.text).ok_or(Unreadable::NotPlain)?;
        let root = doc.node(&tree).ok_or(Unreadable::Unplaced)?;
        doc.root = Some(root);
        Ok(doc)
    }

    /// The byte offset of a line and column.
    fn byte(&self, at: LineCol) -> Option<usize> {
        let line_start = *self.line_starts.get((at.line as usize).checked_sub(1)?)?;
        let col0 = (at.col as usize).checked_sub(1)?;
        let rest = &self.text[line_start..];
        if rest.is_char_boundary(col0) && rest[..col0].is_ascii() {
            return Some(line_start + col0);
        }
        let mut chars = rest.char_indices();
        match chars.nth(col0) {
            Some((i, _)) => Some(line_start + i),
            None => Some(self.text.len()),
        }
    }

    /// The start of the line holding byte `pos`.
    pub(super) fn line_start(&self, pos: usize) -> usize {
        match self.line_starts.binary_search(&pos) {
            Ok(i) => self.line_starts[i],
            Err(i) => self.line_starts[i - 1],
        }
    }

    /// The start of the line after the one holding byte `pos` (the text's length on the
    /// last line).
    pub(super) fn next_line_start(&self, pos: usize) -> usize {
        self.text[pos..]
            .find('\n')
            .map_or(self.text.len(), |i| pos + i + 1)
    }

    /// The column (in characters) of byte `pos`.
    pub(super) fn col(&self, pos: usize) -> usize {
        self.text[self.line_start(pos)..pos].chars().count()
    }

    /// Whether only spaces stand before `pos` on its line.
    pub(super) fn first_on_line(&self, pos: usize) -> bool {
        self.text[self.line_start(pos)..pos]
            .bytes()
            .all(|b| b == b' ' || b == b'\t')
    }

    fn node(&self, y: &Yaml) -> Option<Node> {
        let start = self.byte(y.span.start)?;
        match &y.value {
            Kind::Map(entries) => {
                let flow = self.text[start..].starts_with('{');
                let mut out = Vec::with_capacity(entries.len());
                for (k, v) in entries {
                    let key = k.scalar_text()?.into_owned();
                    let key_start = self.byte(k.span.start)?;
                    let key_end = self.byte(k.span.end)?;
                    let colon =
                        key_end + self.text[key_end..].find(|c: char| c != ' ' && c != '\t')?;
                    if !self.text[colon..].starts_with(':') {
                        return None;
                    }
                    let colon_end = colon + 1;
                    let value = self.value_after(v, colon_end)?;
                    out.push(Entry {
                        key,
                        key_start,
                        colon_end,
                        value,
                    });
                }
                let (start, end, shape) = if flow {
                    let from = out.last().map_or(start + 1, |e| e.value.end);
                    (start, self.close(from, '}')?, Shape::FlowMap)
                } else {
                    let first = out.first()?;
                    (first.key_start, out.last()?.value.end, Shape::BlockMap)
                };
                Some(Node {
                    start,
                    end,
                    shape,
                    body: Body::Map(out),
                })
            }
            Kind::Seq(items) => {
                let flow = self.text[start..].starts_with('[');
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    if flow {
                        out.push(Item {
                            dash: None,
                            node: self.node(item)?,
                        });
                        continue;
                    }
                    // The item's own place may be after its dash, or (an empty item) at it.
                    let at = self.byte(item.span.start)?;
                    let before = self.text[..at].trim_end_matches([' ', '\t']);
                    let dash = if self.text[at..].starts_with('-') && item.is_null() {
                        at
                    } else if before.ends_with('-') {
                        before.len() - 1
                    } else {
                        return None;
                    };
                    let node = self.value_after(item, dash + 1)?;
                    out.push(Item {
                        dash: Some(dash),
                        node,
                    });
                }
                let (start, end, shape) = if flow {
                    let from = out.last().map_or(start + 1, |i| i.node.end);
                    (start, self.close(from, ']')?, Shape::FlowSeq)
                } else {
                    (out.first()?.dash?, out.last()?.node.end, Shape::BlockSeq)
                };
                Some(Node {
                    start,
                    end,
                    shape,
                    body: Body::Seq(out),
                })
            }
            kind => {
                let end = self.byte(y.span.end)?.max(start);
                Some(Node {
                    start,
                    end,
                    shape: Shape::Scalar,
                    body: Body::Scalar(scalar_json(kind)),
                })
            }
        }
    }

    /// The value written after a key's colon or an item's dash (`after`): an empty value,
    /// a `|`/`>` text starting there, or any other node.
    fn value_after(&self, y: &Yaml, after: usize) -> Option<Node> {
        let rest = &self.text[after..];
        let lead = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let first = rest[lead..].chars().next();
        if y.is_null() {
            let at = self.byte(y.span.start)?;
            // An empty value is placed at its colon or dash, or at the next line's start.
            if at < after || !matches!(first, Some(c) if !matches!(c, '#' | '\r' | '\n')) {
                return Some(Node {
                    start: after,
                    end: after,
                    shape: Shape::Empty,
                    body: Body::Scalar(Json::Null),
                });
            }
        }
        if matches!(first, Some('|' | '>')) && matches!(y.value, Kind::Str(_)) {
            let start = after + lead;
            let span_end = self.byte(y.span.end)?;
            // The text's place runs on over trailing blank lines; they stay where they are.
            let end = start + self.text[start..span_end].trim_end().len();
            return Some(Node {
                start,
                end,
                shape: Shape::BlockScalar,
                body: Body::Scalar(scalar_json(&y.value)),
            });
        }
        self.node(y)
    }

    /// The byte after the closing `bracket` of a flow collection, looking from `from` (the
    /// end of its last value) past spaces, line ends, commas and comments.
    fn close(&self, from: usize, bracket: char) -> Option<usize> {
        let mut pos = from;
        let text = &self.text;
        loop {
            let c = text[pos..].chars().next()?;
            match c {
                ' ' | '\t' | '\r' | '\n' | ',' => pos += 1,
                '#' => pos = self.next_line_start(pos),
                c if c == bracket => return Some(pos + 1),
                _ => return None,
            }
        }
    }

    /// The node at `path`.
    pub(super) fn get(&self, path: &[Seg]) -> Option<&Node> {
        let mut node = self.root.as_ref()?;
        for seg in path {
            node = child(node, seg)?;
        }
        Some(node)
    }

    /// Every node whose path matches `pattern` (`None` segments match any key or index),
    /// in the order of the file.
    pub(super) fn matching<'d>(&'d self, pattern: &[Option<Seg>]) -> Vec<&'d Node> {
        let mut found = Vec::new();
        if let Some(root) = &self.root {
            collect(root, pattern, &mut found);
        }
        found
    }
}

fn collect<'d>(node: &'d Node, pattern: &[Option<Seg>], out: &mut Vec<&'d Node>) {
    let Some((first, rest)) = pattern.split_first() else {
        out.push(node);
        return;
    };
    match (first, &node.body) {
        (Some(seg), _) => {
            if let Some(c) = child(node, seg) {
                collect(c, rest, out);
            }
        }
        (None, Body::Map(entries)) => entries.iter().for_each(|e| collect(&e.value, rest, out)),
        (None, Body::Seq(items)) => items.iter().for_each(|i| collect(&i.node, rest, out)),
        (None, Body::Scalar(_)) => {}
    }
}

/// The child of `node` at `seg`.
pub(super) fn child<'n>(node: &'n Node, seg: &Seg) -> Option<&'n Node> {
    match (seg, &node.body) {
        (Seg::Key(k), Body::Map(entries)) => entries.iter().find(|e| e.key == *k).map(|e| &e.value),
        (Seg::Index(i), Body::Seq(items)) => items.get(*i).map(|i| &i.node),
        _ => None,
    }
}

/// A scalar's value as JSON.
fn scalar_json(kind: &Kind) -> Json {
    match kind {
        Kind::Null => Json::Null,
        Kind::Bool(b) => Json::Bool(*b),
        Kind::Number(n) => {
            if let Some(i) = n.as_i64() {
                Json::from(i)
            } else if let Some(u) = n.as_u64() {
                Json::from(u)
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map_or_else(|| Json::String(n.to_string()), Json::Number)
            }
        }
        Kind::Str(s) => Json::String(s.clone()),
        Kind::Seq(_) | Kind::Map(_) => Json::Null,
    }
}

/// A node's value as JSON (mappings keep the order of the file).
pub(super) fn to_json(node: &Node) -> Json {
    match &node.body {
        Body::Scalar(v) => v.clone(),
        Body::Map(entries) => Json::Object(
            entries
                .iter()
                .map(|e| (e.key.clone(), to_json(&e.value)))
                .collect(),
        ),
        Body::Seq(items) => Json::Array(items.iter().map(|i| to_json(&i.node)).collect()),
    }
}
