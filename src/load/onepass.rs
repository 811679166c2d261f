//! The fast path of loading: the parsed value and its span tree built together, in one
//! pass over the events of `saphyr-parser`.
//!
//! Loading used to read the text three times (an alias count, `serde_yaml`, and the span
//! tree). For the files people write (plain mappings, lists and scalars, without anchors,
//! aliases or tags) one pass gives everything: the span of each node from the event, and
//! the value by resolving each scalar exactly as `serde_yaml` does (null, true/false,
//! integers, floats, else text: the same rules, copied below). Anything else (anchors,
//! aliases, tags, several documents, a duplicate key, a number too large for 64 bits, deep
//! nesting, or text this parser refuses) returns `None`, and the caller takes the full
//! path, whose diagnostics are therefore unchanged.

use saphyr_parser::{Event, Parser, ScalarStyle};
use serde_yaml::{Mapping, Number, Value};

use super::spans::{SpanNode, convert_span, widen};
use crate::diag::Span;

/// Deepest nesting taken by the fast path; deeper documents take the full path, whose
/// parser has its own limit and message.
const MAX_DEPTH: usize = 100;

/// A collection still being filled while its events arrive.
enum Open {
    Seq(Span, Vec<Value>, Vec<SpanNode>),
    /// A mapping, its entries, and the key read but whose value has not arrived yet.
    Map(
        Span,
        Mapping,
        Vec<(SpanNode, SpanNode)>,
        Option<(Value, SpanNode)>,
    ),
}

/// The value and span tree of a plain single-document file, or `None` when the file needs
/// the full path (see the module documentation).
pub fn value_and_spans(text: &str) -> Option<(Value, SpanNode)> {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<(Value, SpanNode)> = None;
    while let Some(event) = parser.next_event() {
        let (event, span) = event.ok()?;
        let span = convert_span(&span);
        let finished = match event {
            Event::Scalar(text, style, anchor, tag) => {
                if anchor != 0 || tag.is_some() {
                    return None;
                }
                let value = match style {
                    ScalarStyle::Plain => resolve_plain(&text)?,
                    _ => Value::String(text.into_owned()),
                };
                (value, SpanNode::Leaf(span))
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag)
                if anchor != 0 || tag.is_some() || stack.len() >= MAX_DEPTH =>
            {
                return None;
            }
            Event::SequenceStart(..) => {
                stack.push(Open::Seq(span, Vec::new(), Vec::new()));
                continue;
            }
            Event::MappingStart(..) => {
                stack.push(Open::Map(span, Mapping::new(), Vec::new(), None));
                continue;
            }
            Event::SequenceEnd => match stack.pop()? {
                Open::Seq(start, values, spans) => (
                    Value::Sequence(values),
                    SpanNode::Seq(widen(start, span), spans),
                ),
                Open::Map(..) => return None,
            },
            Event::MappingEnd => match stack.pop()? {
                Open::Map(start, map, spans, None) => (
                    Value::Mapping(map),
                    SpanNode::Map(widen(start, span), spans),
                ),
                _ => return None,
            },
            Event::Alias(_) => return None,
            Event::DocumentStart(_) if root.is_some() => return None,
            Event::StreamEnd => break,
            _ => continue,
        };
        match stack.last_mut() {
            Some(Open::Seq(_, values, spans)) => {
                values.push(finished.0);
                spans.push(finished.1);
            }
            Some(Open::Map(_, map, spans, pending)) => match pending.take() {
                None => *pending = Some(finished),
                Some((key, key_span)) => {
                    // A duplicate key: the full path reports it with both places.
                    if map.insert(key, finished.0).is_some() {
                        return None;
                    }
                    spans.push((key_span, finished.1));
                }
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

/// A plain scalar as `serde_yaml` reads it into a [`Value`] (its `visit_untagged_scalar`);
/// `None` for integers beyond 64 bits, which the full path handles.
fn resolve_plain(v: &str) -> Option<Value> {
    if v.is_empty() || matches!(v, "null" | "Null" | "NULL" | "~") {
        return Some(Value::Null);
    }
    match v {
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        _ => {}
    }
    // Words that cannot be numbers are by far the most common: skip the number rules.
    let first = v.as_bytes()[0];
    if !(first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.')) {
        return Some(Value::String(v.to_owned()));
    }
    if let Some(int) = parse_unsigned_int(v, u64::from_str_radix) {
        return Some(Value::Number(Number::from(int)));
    }
    if let Some(int) = parse_negative_int(v, i64::from_str_radix) {
        return Some(Value::Number(Number::from(int)));
    }
    if parse_unsigned_int(v, u128::from_str_radix).is_some()
        || parse_negative_int(v, i128::from_str_radix).is_some()
    {
        return None;
    }
    if !digits_but_not_number(v)
        && let Some(float) = parse_f64(v)
    {
        return Some(Value::Number(Number::from(float)));
    }
    Some(Value::String(v.to_owned()))
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
            let (got, _) = value_and_spans(&yaml).unwrap();
            assert_eq!(got, expected, "scalar {s:?}");
        }
    }

    #[test]
    fn integers_beyond_64_bits_take_the_full_path() {
        assert!(value_and_spans("k: 18446744073709551616\n").is_none());
    }

    #[test]
    fn documents_the_full_path_handles_are_left_to_it() {
        for text in [
            "a: &x 1\nb: *x\n",
            "a: !tag 1\n",
            "a: 1\na: 2\n",
            "a: 1\n---\nb: 2\n",
            "a: [1, 2\n",
            "a: b: c\n",
        ] {
            assert!(value_and_spans(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn value_and_spans_agree_with_the_two_pass_reading() {
        let text = crate::generate::family_yaml(200, 7);
        let (value, spans) = value_and_spans(&text).unwrap();
        let expected: Value = serde_yaml::from_str(&text).unwrap();
        assert_eq!(value, expected);
        let tree = super::super::spans::span_tree(&text).unwrap();
        assert_eq!(format!("{spans:?}"), format!("{tree:?}"));
    }
}
