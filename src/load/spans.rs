//! The position-aware second pass: where every node of the YAML document is written.
//!
//! `serde_yaml` parses the family (it is the parser of record: scalar types, anchors and
//! aliases, and its limits on alias expansion), but it forgets positions once parsing
//! succeeds. This pass reads the same text with `saphyr-parser`, which reports a span for
//! every event, and builds a tree of spans with the same shape as the parsed value, so
//! that a problem found later (an unknown id, a cycle, a date) can point at its line.

use saphyr_parser::{Event, Parser, Span as YamlSpan};

use super::limits::{MAX_ALIAS_EXPANSION, MAX_SCALAR_CHARS};
use super::tree::SpanNode;
use crate::diag::{LineCol, Span};

/// A span of `saphyr-parser` as a span of this crate.
pub(super) fn convert_span(span: &YamlSpan) -> Span {
    convert_span_after(span, 0)
}

/// A span of `saphyr-parser` in a text that starts after `lines_before` lines of the file,
/// as a span of the file.
pub(super) fn convert_span_after(span: &YamlSpan, lines_before: usize) -> Span {
    let at = |m: &saphyr_parser::Marker| LineCol::line1_col0(m.line() + lines_before, m.col());
    let (start, end) = (at(&span.start), at(&span.end));
    Span::new(start, end.max(start))
}

/// A container still being filled while its events arrive.
enum Open {
    Seq(Span, Vec<SpanNode>),
    Map(Span, Vec<SpanNode>),
}

/// Builds the span tree of the first document in `text`, or `None` when this parser cannot
/// read it (the caller then falls back to coarser positions; it never fails the load).
pub fn span_tree(text: &str) -> Option<SpanNode> {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Open> = Vec::new();
    while let Some(event) = parser.next_event() {
        let (event, span) = event.ok()?;
        let span = convert_span(&span);
        let finished = match event {
            Event::Scalar(..) | Event::Alias(_) => SpanNode::Leaf(span),
            Event::SequenceStart(..) => {
                stack.push(Open::Seq(span, Vec::new()));
                continue;
            }
            Event::MappingStart(..) => {
                stack.push(Open::Map(span, Vec::new()));
                continue;
            }
            Event::SequenceEnd => match stack.pop()? {
                Open::Seq(start, items) => SpanNode::Seq(widen(start, span), items),
                Open::Map(..) => return None,
            },
            Event::MappingEnd => match stack.pop()? {
                Open::Map(start, flat) => {
                    let mut entries = Vec::with_capacity(flat.len() / 2);
                    let mut it = flat.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        entries.push((k, v));
                    }
                    SpanNode::Map(widen(start, span), entries)
                }
                Open::Seq(..) => return None,
            },
            Event::DocumentEnd => break,
            _ => continue,
        };
        match stack.last_mut() {
            Some(Open::Seq(_, items)) | Some(Open::Map(_, items)) => items.push(finished),
            None => return Some(finished),
        }
    }
    None
}

/// What the first pass over the events found too big to parse further.
#[derive(Clone, Copy, Debug)]
pub enum Excess {
    /// Aliases make the document expand past [`MAX_ALIAS_EXPANSION`] values here.
    Aliases(Span),
    /// This value is longer than [`MAX_SCALAR_CHARS`] characters (one the
    /// line-by-line scan of [`super::text`] cannot see whole: a block of many lines).
    LongValue(Span),
}

/// Where aliases first make the document expand past [`MAX_ALIAS_EXPANSION`] values, or
/// where a value longer than [`MAX_SCALAR_CHARS`] is, if either happens.
/// Counts in one pass over the events, without expanding anything.
pub fn first_pass_excess(text: &str) -> Option<Excess> {
    let mut parser = Parser::new_from_str(text);
    // Size of each anchored node, by anchor id; and the open collections with their
    // anchor and size so far.
    let mut sizes: std::collections::BTreeMap<usize, u64> = std::collections::BTreeMap::new();
    let mut open: Vec<(usize, u64)> = Vec::new();
    let mut added: u64 = 0;
    while let Some(event) = parser.next_event() {
        let (event, span) = event.ok()?;
        let (anchor, size) = match event {
            Event::Scalar(value, _, anchor, _) => {
                // A value has at least as many bytes as characters: only long ones are counted.
                if value.len() > MAX_SCALAR_CHARS && value.chars().count() > MAX_SCALAR_CHARS {
                    return Some(Excess::LongValue(convert_span(&span)));
                }
                (anchor, 1)
            }
            Event::Alias(id) => {
                let size = sizes.get(&id).copied().unwrap_or(1);
                added = added.saturating_add(size);
                if added > MAX_ALIAS_EXPANSION {
                    return Some(Excess::Aliases(convert_span(&span)));
                }
                (0, size)
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                open.push((anchor, 1));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => open.pop()?,
            Event::DocumentEnd => break,
            _ => continue,
        };
        if anchor != 0 {
            sizes.insert(anchor, size);
        }
        if let Some(parent) = open.last_mut() {
            parent.1 = parent.1.saturating_add(size);
        }
    }
    None
}

/// A container's span runs from its start event to its end event. Block collections end
/// where the next line starts, so the end is kept only when it stays on the first line.
pub(super) fn widen(start: Span, end: Span) -> Span {
    if end.end.line == start.start.line {
        Span::new(start.start, end.end)
    } else {
        start
    }
}

/// A key written twice in one mapping.
pub struct DuplicateKey<'t> {
    /// Where it is first written.
    pub first: Span,
    /// Where it is written again.
    pub again: Span,
    /// The key.
    pub key: &'t str,
    /// The key of the mapping that holds it (`people` for duplicate ids), if any.
    pub parent: Option<&'t str>,
}

/// Finds the keys that occur twice in one mapping, anywhere in the tree, in document order.
pub fn duplicate_keys<'t>(tree: &SpanNode, text: &'t str) -> Vec<DuplicateKey<'t>> {
    let mut out = Vec::new();
    let lines: Vec<Line<'t>> = text.lines().map(Line::new).collect();
    let mut stack: Vec<(&SpanNode, Option<&'t str>)> = vec![(tree, None)];
    while let Some((node, parent)) = stack.pop() {
        match node {
            SpanNode::Leaf(_) => {}
            SpanNode::Seq(_, items) => stack.extend(items.iter().rev().map(|i| (i, None))),
            SpanNode::Map(_, entries) => {
                let mut seen: std::collections::HashMap<&str, Span> =
                    std::collections::HashMap::new();
                for (k, v) in entries.iter().rev() {
                    stack.push((v, key_text(k.span(), &lines)));
                }
                for (k, _) in entries {
                    if let Some(key) = key_text(k.span(), &lines) {
                        if let Some(first) = seen.get(key) {
                            out.push(DuplicateKey {
                                first: *first,
                                again: k.span(),
                                key,
                                parent,
                            });
                        } else {
                            seen.insert(key, k.span());
                        }
                    }
                }
            }
        }
    }
    out.sort_by_key(|d| d.again);
    out
}

/// The text of a one-line key, as written.
fn key_text<'t>(span: Span, lines: &[Line<'t>]) -> Option<&'t str> {
    if span.start.line != span.end.line {
        return None;
    }
    let line = lines.get(usize::try_from(span.start.line).ok()?.checked_sub(1)?)?;
    let start = line.byte_of(span.start.col as usize - 1)?;
    let end = line
        .byte_of(span.end.col as usize - 1)
        .unwrap_or(line.text.len());
    line.text
        .get(start..end)
        .map(|k| k.trim_matches(|c| c == '"' || c == '\''))
}

/// A line of the file that can turn a column (in characters) into a byte offset quickly:
/// a minified file has all its keys on one line of megabytes, and counting characters
/// from the start of the line for each key took minutes.
struct Line<'t> {
    text: &'t str,
    /// For a line that is not ASCII: the byte offset of every [`Line::STEP`]th character.
    marks: Vec<usize>,
}

impl<'t> Line<'t> {
    const STEP: usize = 64;

    fn new(text: &'t str) -> Self {
        let marks = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .step_by(Self::STEP)
                .map(|(i, _)| i)
                .collect()
        };
        Line { text, marks }
    }

    /// The byte offset of character `col0` (from 0), if the line has that many.
    fn byte_of(&self, col0: usize) -> Option<usize> {
        if self.marks.is_empty() {
            return (col0 < self.text.len()).then_some(col0);
        }
        let base = *self.marks.get(col0 / Self::STEP)?;
        self.text[base..]
            .char_indices()
            .nth(col0 % Self::STEP)
            .map(|(i, _)| base + i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_duplicate_keys_far_along_a_long_line_with_accents() {
        let many: Vec<String> = (0..300).map(|i| format!("zoë{i}: é")).collect();
        let text = format!("{{{}, zoë299: x}}\n", many.join(", "));
        let tree = span_tree(&text).unwrap();
        let dups = duplicate_keys(&tree, &text);
        assert_eq!(dups.len(), 1);
        assert_eq!(dups[0].key, "zoë299");
        let col = text.split("zoë299").next().unwrap().chars().count() + 1;
        assert_eq!(dups[0].first.start, LineCol::one_based(1, col));
    }

    #[test]
    fn mirrors_the_document_shape_with_positions() {
        let tree = span_tree("a: 1\nb:\n  - {x: y}\n").unwrap();
        let SpanNode::Map(_, entries) = tree else {
            panic!("not a map")
        };
        assert_eq!(entries.len(), 2);
        let (key_b, value_b) = &entries[1];
        assert_eq!(key_b.span().start, LineCol::one_based(2, 1));
        let SpanNode::Seq(_, items) = value_b else {
            panic!("not a seq")
        };
        let SpanNode::Map(_, inner) = &items[0] else {
            panic!("not a map")
        };
        assert_eq!(inner[0].1.span().start, LineCol::one_based(3, 9));
    }

    #[test]
    fn finds_every_duplicate_key_with_both_places() {
        let text = "people:\n  a: {}\n  b: {}\n  a: {}\ncouples: []\ncouples: []\n";
        let tree = span_tree(text).unwrap();
        let dups = duplicate_keys(&tree, text);
        assert_eq!(dups.len(), 2);
        assert_eq!(dups[0].key, "a");
        assert_eq!(dups[0].parent, Some("people"));
        assert_eq!(dups[0].first.start.line, 2);
        assert_eq!(dups[0].again.start.line, 4);
        assert_eq!(dups[1].key, "couples");
        assert_eq!(dups[1].parent, None);
    }
}
