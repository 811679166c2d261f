//! The parsed document as the reader walks it: every node with its value and where it
//! is written, in one tree.
//!
//! Both ways of parsing end here. The fast path ([`super::onepass`]) builds the tree
//! straight from the parser's events; the full path (`serde_yaml` for anchors, aliases
//! and tags, plus the separate span tree of [`super::spans`]) is turned into it by
//! [`Yaml::from_value`]. One tree instead of a `serde_yaml::Value` beside a span tree
//! means no hashing of every key into an index map, no second tree to walk in step, and
//! half the nodes to free: on a family of 100,000 people that was a second of loading.

use std::borrow::Cow;

use serde_yaml::{Number, Value};

use crate::diag::Span;

/// The span of a YAML node and of its children, in document order.
#[derive(Clone, Debug)]
pub enum SpanNode {
    /// A scalar or an alias.
    Leaf(Span),
    /// A sequence and its items.
    Seq(Span, Vec<SpanNode>),
    /// A mapping and its (key, value) entries.
    Map(Span, Vec<(SpanNode, SpanNode)>),
}

impl SpanNode {
    /// Where the node is written.
    pub fn span(&self) -> Span {
        match self {
            SpanNode::Leaf(s) | SpanNode::Seq(s, _) | SpanNode::Map(s, _) => *s,
        }
    }
}

/// A node of the document and where it is written.
#[derive(Clone, Debug, PartialEq)]
pub struct Yaml {
    /// Where the node is written (for a collection, where it starts).
    pub span: Span,
    /// What is written there.
    pub value: Kind,
}

/// What a node holds, with scalars resolved as `serde_yaml` resolves them.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// `~`, `null` or nothing.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer or a float.
    Number(Number),
    /// Any other scalar.
    Str(String),
    /// A list, its items in order.
    Seq(Vec<Yaml>),
    /// A mapping, its (key, value) entries in order.
    Map(Vec<(Yaml, Yaml)>),
}

impl Yaml {
    /// A node at `span`.
    pub fn new(span: Span, value: Kind) -> Self {
        Yaml { span, value }
    }

    /// The tree of a value parsed by `serde_yaml`, with the places from its span tree.
    ///
    /// Tags (`!x`) carry no meaning in a family file and are looked through. Where the span
    /// tree is missing or does not have the value's shape, a node takes the place of its
    /// parent (a key) or of its key (a value), so every problem still points near itself.
    pub fn from_value(value: &Value, spans: Option<&SpanNode>, fallback: Span) -> Self {
        let value = match value {
            Value::Tagged(t) => &t.value,
            v => v,
        };
        let span = spans.map_or(fallback, SpanNode::span);
        let kind = match value {
            Value::Null => Kind::Null,
            Value::Bool(b) => Kind::Bool(*b),
            Value::Number(n) => Kind::Number(n.clone()),
            Value::String(s) => Kind::Str(s.clone()),
            Value::Sequence(seq) => {
                let span_items = match spans {
                    Some(SpanNode::Seq(_, items)) if items.len() == seq.len() => Some(items),
                    _ => None,
                };
                Kind::Seq(
                    seq.iter()
                        .enumerate()
                        .map(|(i, v)| Yaml::from_value(v, span_items.map(|s| &s[i]), span))
                        .collect(),
                )
            }
            Value::Mapping(map) => {
                let span_entries = match spans {
                    Some(SpanNode::Map(_, e)) if e.len() == map.len() => Some(e),
                    _ => None,
                };
                Kind::Map(
                    map.iter()
                        .enumerate()
                        .map(|(i, (k, v))| {
                            let (ks, vs) = span_entries
                                .map_or((None, None), |e| (Some(&e[i].0), Some(&e[i].1)));
                            let key = Yaml::from_value(k, ks, span);
                            let value = Yaml::from_value(v, vs, key.span);
                            (key, value)
                        })
                        .collect(),
                )
            }
            Value::Tagged(t) => return Yaml::from_value(&t.value, spans, fallback),
        };
        Yaml::new(span, kind)
    }

    /// The (key, value) entries of a mapping.
    pub fn entries(&self) -> Option<&[(Yaml, Yaml)]> {
        match &self.value {
            Kind::Map(entries) => Some(entries),
            _ => None,
        }
    }

    /// The items of a list.
    pub fn items(&self) -> Option<&[Yaml]> {
        match &self.value {
            Kind::Seq(items) => Some(items),
            _ => None,
        }
    }

    /// A scalar as text: texts as they are, numbers and booleans as written; `None` for
    /// empty values and collections.
    pub fn scalar_text(&self) -> Option<Cow<'_, str>> {
        match &self.value {
            Kind::Str(s) => Some(Cow::Borrowed(s)),
            Kind::Number(n) => Some(Cow::Owned(n.to_string())),
            Kind::Bool(b) => Some(Cow::Borrowed(if *b { "true" } else { "false" })),
            _ => None,
        }
    }

    /// Whether the value is empty (`~`, `null` or nothing).
    pub fn is_null(&self) -> bool {
        matches!(self.value, Kind::Null)
    }

    /// What the value is, in words, for "must be X, not Y" messages.
    pub fn describe(&self) -> &'static str {
        match self.value {
            Kind::Null => "empty",
            Kind::Bool(_) => "true/false",
            Kind::Number(_) => "a number",
            Kind::Str(_) => "a text",
            Kind::Seq(_) => "a list",
            Kind::Map(_) => "a mapping of keys to values",
        }
    }
}
