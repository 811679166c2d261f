//! The fast path of loading: the document's [`Yaml`] tree (values and places together)
//! built in one pass over the events of `saphyr-parser`.
//!
//! Loading used to read the text three times (an alias count, `serde_yaml`, and the span
//! tree). For the files people write (plain mappings, lists and scalars, without anchors,
//! aliases or tags) one pass gives everything: the span of each node from the event, and
//! the value by resolving each scalar exactly as `serde_yaml` does (null, true/false,
//! integers, floats, else text: the same rules, copied below). Anything else (anchors,
//! aliases, tags, several documents, a key written twice or not a scalar, a number too large for 64 bits, deep
//! nesting, or text this parser refuses) returns `None`, and the caller takes the full
//! path, whose diagnostics are therefore unchanged.

use std::borrow::Cow;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span as YamlSpan};
use serde_yaml::Number;

use super::spans::{convert_span, widen};
use super::tree::{Kind, Yaml};
use crate::diag::Span;

/// Deepest nesting taken by the fast path; deeper documents take the full path, whose
/// parser has its own limit and message.
const MAX_DEPTH: usize = 100;

/// Mappings up to this size are checked for a repeated key by comparing every pair;
/// larger ones (the people of a family) through a hash set.
const SMALL_MAP: usize = 16;

/// A collection still being filled while its events arrive.
enum Open {
    Seq(Span, Vec<Yaml>),
    /// A mapping, its entries, and the key read but whose value has not arrived yet.
    Map(Span, Vec<(Yaml, Yaml)>, Option<Yaml>),
}

/// Files at least this large are parsed on a thread of their own while the tree is built
/// from its events: on a large family the two take about as long as each other.
const PIPELINE_FROM_BYTES: usize = 1 << 20;
/// Events passed from the parsing thread at a time, so that the hand-over costs little.
const BATCH: usize = 4096;

/// What the tree is built from: an event of the parser with its scalar already read into
/// a value. Scalars are read where they are parsed, so that on a large file the parsing
/// thread frees the parser's own strings and the building thread only assembles.
enum Piece {
    Scalar(Yaml),
    Start(Span, Collection),
    End(Span, Collection),
    /// A new document (a second one takes the full path).
    Document,
    /// The end of the text.
    Done,
    /// Something the full path must handle: an anchor, alias or tag, a number beyond 64
    /// bits, or text this parser refuses.
    FullPath,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Collection {
    Seq,
    Map,
}

/// The piece an event of the parser gives, if it matters to the tree.
fn piece(item: Result<(Event<'_>, YamlSpan), ScanError>) -> Option<Piece> {
    let Ok((event, span)) = item else {
        return Some(Piece::FullPath);
    };
    let span = convert_span(&span);
    Some(match event {
        Event::Scalar(text, style, anchor, tag) => {
            if anchor != 0 || tag.is_some() {
                return Some(Piece::FullPath);
            }
            let value = match style {
                ScalarStyle::Plain => match resolve_plain(text) {
                    Some(v) => v,
                    None => return Some(Piece::FullPath),
                },
                _ => Kind::Str(compact(text)),
            };
            Piece::Scalar(Yaml::new(span, value))
        }
        Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag)
            if anchor != 0 || tag.is_some() =>
        {
            Piece::FullPath
        }
        Event::SequenceStart(..) => Piece::Start(span, Collection::Seq),
        Event::MappingStart(..) => Piece::Start(span, Collection::Map),
        Event::SequenceEnd => Piece::End(span, Collection::Seq),
        Event::MappingEnd => Piece::End(span, Collection::Map),
        Event::Alias(_) => Piece::FullPath,
        Event::DocumentStart(_) => Piece::Document,
        Event::StreamEnd => Piece::Done,
        _ => return None,
    })
}

/// The tree of a plain single-document file, or `None` when the file needs the full path
/// (see the module documentation).
pub fn tree(text: &str) -> Option<Yaml> {
    if text.len() < PIPELINE_FROM_BYTES {
        return build(Parser::new_from_str(text).filter_map(piece));
    }
    std::thread::scope(|scope| {
        let (batches, arriving) = std::sync::mpsc::sync_channel::<Vec<Piece>>(8);
        let parsing = std::thread::Builder::new().spawn_scoped(scope, move || {
            let mut batch = Vec::with_capacity(BATCH);
            for piece in Parser::new_from_str(text).filter_map(piece) {
                let last = matches!(piece, Piece::FullPath | Piece::Done);
                batch.push(piece);
                if batch.len() == BATCH || last {
                    // The builder hung up: it has already decided on the full path.
                    if batches.send(std::mem::take(&mut batch)).is_err() || last {
                        return;
                    }
                    batch.reserve(BATCH);
                }
            }
            let _ = batches.send(batch);
        });
        match parsing {
            Ok(_) => build(arriving.into_iter().flatten()),
            // No thread to be had: parse here instead.
            Err(_) => build(Parser::new_from_str(text).filter_map(piece)),
        }
    })
}

/// Builds the tree from the pieces, in order.
fn build(pieces: impl Iterator<Item = Piece>) -> Option<Yaml> {
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<Yaml> = None;
    for piece in pieces {
        let finished = match piece {
            Piece::Scalar(node) => node,
            Piece::Start(..) if stack.len() >= MAX_DEPTH => return None,
            Piece::Start(span, Collection::Seq) => {
                stack.push(Open::Seq(span, Vec::new()));
                continue;
            }
            Piece::Start(span, Collection::Map) => {
                stack.push(Open::Map(span, Vec::new(), None));
                continue;
            }
            Piece::End(span, Collection::Seq) => match stack.pop()? {
                Open::Seq(start, items) => Yaml::new(widen(start, span), Kind::Seq(items)),
                Open::Map(..) => return None,
            },
            Piece::End(span, Collection::Map) => match stack.pop()? {
                Open::Map(start, entries, None) => {
                    // A key written twice: the full path reports it with both places.
                    if has_repeated_key(&entries)? {
                        return None;
                    }
                    Yaml::new(widen(start, span), Kind::Map(entries))
                }
                _ => return None,
            },
            Piece::FullPath => return None,
            Piece::Document if root.is_some() => return None,
            Piece::Document => continue,
            Piece::Done => break,
        };
        match stack.last_mut() {
            Some(Open::Seq(_, items)) => items.push(finished),
            Some(Open::Map(_, entries, pending)) => match pending.take() {
                None => *pending = Some(finished),
                Some(key) => entries.push((key, finished)),
            },
            None if root.is_none() => root = Some(finished),
            None => return None,
        }
    }
    if !stack.is_empty() {
        return None;
    }
    root
}

/// Whether two keys of a mapping read the same, as values (`1` and `01`) or as text
/// (`1` and `"1"`); either way the full path decides what to say. `None` for a key that is
/// not a scalar, which the full path handles too.
fn has_repeated_key(entries: &[(Yaml, Yaml)]) -> Option<bool> {
    let mut keys: Vec<Cow<'_, str>> = Vec::with_capacity(entries.len());
    for (k, _) in entries {
        keys.push(match &k.value {
            Kind::Null => Cow::Borrowed(""),
            Kind::Seq(_) | Kind::Map(_) => return None,
            _ => k.scalar_text()?,
        });
    }
    if keys.len() <= SMALL_MAP {
        return Some(keys.iter().enumerate().any(|(i, k)| keys[..i].contains(k)));
    }
    let mut seen = std::collections::HashSet::with_capacity(keys.len());
    Some(!keys.iter().all(|k| seen.insert(k)))
}

/// The text of a scalar in a string of its own size. The parser hands out strings with
/// room for 128 more bytes; kept in the tree, those made a family of 100,000 people take
/// 200 MB more memory, and the time to touch it.
fn compact(text: Cow<'_, str>) -> String {
    match text {
        Cow::Owned(s) if s.capacity() <= s.len() + 16 => s,
        other => other.as_ref().to_owned(),
    }
}

/// A plain scalar as `serde_yaml` reads it into a `Value` (its `visit_untagged_scalar`);
/// `None` for integers beyond 64 bits, which the full path handles.
fn resolve_plain(text: Cow<'_, str>) -> Option<Kind> {
    let v = text.as_ref();
    if v.is_empty() || matches!(v, "null" | "Null" | "NULL" | "~") {
        return Some(Kind::Null);
    }
    match v {
        "true" | "True" | "TRUE" => return Some(Kind::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Kind::Bool(false)),
        _ => {}
    }
    // Words that cannot be numbers are by far the most common: skip the number rules.
    let first = v.as_bytes()[0];
    if !(first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.')) {
        return Some(Kind::Str(compact(text)));
    }
    if let Some(int) = parse_unsigned_int(v, u64::from_str_radix) {
        return Some(Kind::Number(Number::from(int)));
    }
    if let Some(int) = parse_negative_int(v, i64::from_str_radix) {
        return Some(Kind::Number(Number::from(int)));
    }
    if parse_unsigned_int(v, u128::from_str_radix).is_some()
        || parse_negative_int(v, i128::from_str_radix).is_some()
    {
        return None;
    }
    if !digits_but_not_number(v)
        && let Some(float) = parse_f64(v)
    {
        return Some(Kind::Number(Number::from(float)));
    }
    Some(Kind::Str(compact(text)))
}

type Radix<T> = fn(&str, u32) -> Result<T, std::num::ParseIntError>;

fn parse_unsigned_int<T>(scalar: &str, from_str_radix: Radix<T>) -> Option<T> {
    let unpositive = scalar.strip_prefix('+').unwrap_or(scalar);
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = unpositive.strip_prefix(prefix) {
            if rest.starts_with(['+', '-']) {
                return None;
            }
            if let Ok(int) = from_str_radix(rest, radix) {
                return Some(int);
            }
        }
    }
    if unpositive.starts_with(['+', '-']) || digits_but_not_number(scalar) {
        return None;
    }
    from_str_radix(unpositive, 10).ok()
}

fn parse_negative_int<T>(scalar: &str, from_str_radix: Radix<T>) -> Option<T> {
    for (prefix, radix) in [("-0x", 16), ("-0o", 8), ("-0b", 2)] {
        if let Some(rest) = scalar.strip_prefix(prefix)
            && let Ok(int) = from_str_radix(&format!("-{rest}"), radix)
        {
            return Some(int);
        }
    }
    if digits_but_not_number(scalar) {
        return None;
    }
    from_str_radix(scalar, 10).ok()
}

fn parse_f64(scalar: &str) -> Option<f64> {
    let unpositive = if let Some(unpositive) = scalar.strip_prefix('+') {
        if unpositive.starts_with(['+', '-']) {
            return None;
        }
        unpositive
    } else {
        scalar
    };
    if let ".inf" | ".Inf" | ".INF" = unpositive {
        return Some(f64::INFINITY);
    }
    if let "-.inf" | "-.Inf" | "-.INF" = scalar {
        return Some(f64::NEG_INFINITY);
    }
    if let ".nan" | ".NaN" | ".NAN" = scalar {
        return Some(f64::NAN.copysign(1.0));
    }
    unpositive.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// Leading zeros followed by digits make a text in YAML 1.2 (`007`).
fn digits_but_not_number(scalar: &str) -> bool {
    let scalar = scalar.strip_prefix(['-', '+']).unwrap_or(scalar);
    scalar.len() > 1 && scalar.starts_with('0') && scalar[1..].bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_yaml::Value;

    /// The fast path must read every scalar exactly as `serde_yaml` does.
    #[test]
    fn scalars_resolve_as_serde_yaml_reads_them() {
        let scalars = [
            "",
            "~",
            "null",
            "Null",
            "NULL",
            "nULL",
            "true",
            "True",
            "TRUE",
            "tRUE",
            "false",
            "no",
            "yes",
            "on",
            "0",
            "1950",
            "-1950",
            "+1950",
            "007",
            "-007",
            "0x1F",
            "0o17",
            "0b101",
            "-0x1F",
            "+-1",
            "0x-1",
            "1.5",
            "-1.5",
            "1e3",
            ".5",
            "5.",
            ".inf",
            "-.inf",
            "+.inf",
            ".nan",
            ".NaN",
            "inf",
            "nan",
            "1_000",
            "1950-03",
            "1950-03-01",
            "12:30",
            "1,5",
            "18446744073709551615",
            "-9223372036854775808",
            "ana",
            "Ana María",
            ".",
            "+",
            "1.2.3",
            "0.0",
            "-0",
            "-0.0",
            "1e400",
        ];
        for s in scalars {
            let yaml = format!("k: {s}\n");
            let expected: Value = serde_yaml::from_str(&yaml).unwrap();
            let expected = Yaml::from_value(&expected, None, Span::file_start());
            let got = tree(&yaml).unwrap();
            assert_eq!(
                got.entries().unwrap()[0].1.value,
                expected.entries().unwrap()[0].1.value,
                "scalar {s:?}"
            );
        }
    }

    #[test]
    fn integers_beyond_64_bits_take_the_full_path() {
        assert!(tree("k: 18446744073709551616\n").is_none());
    }

    #[test]
    fn documents_the_full_path_handles_are_left_to_it() {
        for text in [
            "a: &x 1\nb: *x\n",
            "a: !tag 1\n",
            "a: 1\na: 2\n",
            "a: 1\n\"a\": 2\n",
            "1: x\n\"1\": y\n",
            "0x1: x\n1: y\n",
            "[a]: 1\n",
            "a: 1\n---\nb: 2\n",
            "a: [1, 2\n",
            "a: b: c\n",
        ] {
            assert!(tree(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn the_tree_agrees_with_the_two_pass_reading() {
        let text = crate::generate::family_yaml(200, 7);
        let value: Value = serde_yaml::from_str(&text).unwrap();
        let spans = super::super::spans::span_tree(&text).unwrap();
        let expected = Yaml::from_value(&value, Some(&spans), Span::file_start());
        assert_eq!(tree(&text).unwrap(), expected);
    }

    #[test]
    fn a_large_file_parsed_on_its_own_thread_gives_the_same_tree() {
        let mut text = crate::generate::family_yaml(10_000, 3);
        assert!(text.len() >= PIPELINE_FROM_BYTES, "{} bytes", text.len());
        let here = build(Parser::new_from_str(&text).filter_map(piece));
        assert!(here.is_some());
        assert_eq!(tree(&text), here);
        // A mistake near the end is still seen, and the parsing thread stops.
        text.push_str("oops: [unclosed\n");
        assert!(tree(&text).is_none());
    }

    #[test]
    fn a_large_mapping_with_a_repeated_key_takes_the_full_path() {
        let mut text: String = (0..100).map(|i| format!("k{i}: {i}\n")).collect();
        assert!(tree(&text).is_some());
        text.push_str("k42: again\n");
        assert!(tree(&text).is_none());
    }
}
