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
//!
//! A large file is cut into pieces ([`super::split`]) parsed on several threads and put
//! back together; when any piece cannot be read on its own, the file is read whole, so
//! the tree is always the one the whole file gives (tests compare the two).

use std::borrow::Cow;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span as YamlSpan};
use serde_yaml::Number;

use super::limits::MAX_DEPTH;
use super::spans::{convert_span_after, widen};
use super::split;
use super::tree::{Kind, Yaml};
use crate::diag::Span;
use crate::parallel::THREADS;

/// Mappings up to this size are checked for a repeated key by comparing every pair;
/// larger ones (the people of a family) through a hash set.
const SMALL_MAP: usize = 16;

/// A collection still being filled while its events arrive.
enum Open {
    Seq(Span, Vec<Yaml>),
    /// A mapping, its entries, and the key read but whose value has not arrived yet.
    Map(Span, Vec<(Yaml, Yaml)>, Option<Yaml>),
}

// Files at least this large are cut into pieces parsed on several threads
// ([`super::split`]); smaller ones are parsed in one go.
use crate::parallel::PARALLEL_FROM_BYTES as SPLIT_FROM_BYTES;

/// An event of the parser with its scalar already read into a value, its place counted
/// from the start of the file.
enum Step {
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

/// The step an event of the parser gives, if it matters to the tree; `lines_before`: how
/// many lines of the file come before the text being parsed.
fn step(item: Result<(Event<'_>, YamlSpan), ScanError>, lines_before: usize) -> Option<Step> {
    let Ok((event, span)) = item else {
        return Some(Step::FullPath);
    };
    let span = convert_span_after(&span, lines_before);
    Some(match event {
        Event::Scalar(text, style, anchor, tag) => {
            if anchor != 0 || tag.is_some() {
                return Some(Step::FullPath);
            }
            let value = match style {
                ScalarStyle::Plain => match resolve_plain(text) {
                    Some(v) => v,
                    None => return Some(Step::FullPath),
                },
                _ => Kind::Str(compact(text)),
            };
            Step::Scalar(Yaml::new(span, value))
        }
        Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag)
            if anchor != 0 || tag.is_some() =>
        {
            Step::FullPath
        }
        Event::SequenceStart(..) => Step::Start(span, Collection::Seq),
        Event::MappingStart(..) => Step::Start(span, Collection::Map),
        Event::SequenceEnd => Step::End(span, Collection::Seq),
        Event::MappingEnd => Step::End(span, Collection::Map),
        Event::Alias(_) => Step::FullPath,
        Event::DocumentStart(_) => Step::Document,
        Event::StreamEnd => Step::Done,
        _ => return None,
    })
}

/// The tree of a plain single-document file, or `None` when the file needs the full path
/// (see the module documentation).
pub fn tree(text: &str) -> Option<Yaml> {
    if text.len() >= SPLIT_FROM_BYTES
        && let Some(plan) = split::plan(text, 2 * THREADS)
        && let Some(tree) = tree_in_pieces(text, &plan)
    {
        return Some(tree);
    }
    parse(text, 0, MAX_DEPTH)
}

/// One text (the file, or a piece of it that starts after `lines_before` lines), nested at
/// most `max_depth` deep.
fn parse(text: &str, lines_before: usize, max_depth: usize) -> Option<Yaml> {
    build(
        Parser::new_from_str(text).filter_map(|item| step(item, lines_before)),
        max_depth,
    )
}

/// The tree of a file cut as `plan` says, its skeleton and pieces parsed on several
/// threads; `None` when any piece cannot be read on its own (the caller then reads the
/// file whole, which decides).
fn tree_in_pieces(text: &str, plan: &split::Plan) -> Option<Yaml> {
    // The skeleton first, then the pieces of each section in order. A piece's entries sit
    // one level inside the file's top mapping.
    let mut jobs: Vec<(&str, usize, usize)> = vec![(plan.skeleton.as_str(), 0, MAX_DEPTH)];
    for piece in plan.sections.iter().flat_map(|s| &s.pieces) {
        jobs.push((
            &text[piece.bytes.clone()],
            piece.lines_before,
            MAX_DEPTH - 1,
        ));
    }
    let parsed = crate::parallel::map(&jobs, THREADS, |&(text, lines_before, depth)| {
        parse(text, lines_before, depth)
    });
    let mut parsed = parsed.into_iter();
    let mut skeleton = parsed.next()??;
    let Kind::Map(entries) = &mut skeleton.value else {
        return None;
    };
    for section in &plan.sections {
        let pieces = (&mut parsed)
            .take(section.pieces.len())
            .collect::<Option<Vec<Yaml>>>()?;
        // The section's value was blanked out of the skeleton: it reads as empty there.
        let slot = entries.iter_mut().find(|(k, v)| {
            matches!(&k.value, Kind::Str(key) if *key == section.key) && v.is_null()
        })?;
        slot.1 = joined(pieces)?;
    }
    Some(skeleton)
}

/// The pieces of one section as the one mapping or list they are parts of.
fn joined(pieces: Vec<Yaml>) -> Option<Yaml> {
    let mut pieces = pieces.into_iter();
    let mut whole = pieces.next()?;
    for piece in pieces {
        match (&mut whole.value, piece.value) {
            (Kind::Map(all), Kind::Map(more)) => all.extend(more),
            (Kind::Seq(all), Kind::Seq(more)) => all.extend(more),
            _ => return None,
        }
    }
    if let Kind::Map(entries) = &whole.value
        && has_repeated_key(entries)?
    {
        return None;
    }
    Some(whole)
}

/// Builds the tree from the steps, in order.
fn build(steps: impl Iterator<Item = Step>, max_depth: usize) -> Option<Yaml> {
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<Yaml> = None;
    for step in steps {
        let finished = match step {
            Step::Scalar(node) => node,
            Step::Start(..) if stack.len() >= max_depth => return None,
            Step::Start(span, Collection::Seq) => {
                stack.push(Open::Seq(span, Vec::new()));
                continue;
            }
            Step::Start(span, Collection::Map) => {
                stack.push(Open::Map(span, Vec::new(), None));
                continue;
            }
            Step::End(span, Collection::Seq) => match stack.pop()? {
                Open::Seq(start, items) => Yaml::new(widen(start, span), Kind::Seq(items)),
                Open::Map(..) => return None,
            },
            Step::End(span, Collection::Map) => match stack.pop()? {
                Open::Map(start, entries, None) => {
                    // A key written twice: the full path reports it with both places.
                    if has_repeated_key(&entries)? {
                        return None;
                    }
                    Yaml::new(widen(start, span), Kind::Map(entries))
                }
                _ => return None,
            },
            Step::FullPath => return None,
            Step::Document if root.is_some() => return None,
            Step::Document => continue,
            Step::Done => break,
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
    fn a_large_file_read_in_pieces_gives_the_tree_of_the_whole() {
        let text = crate::generate::family_yaml(10_000, 3);
        assert!(text.len() >= SPLIT_FROM_BYTES, "{} bytes", text.len());
        let plan = split::plan(&text, 2 * THREADS).expect("cut");
        assert!(plan.sections.iter().any(|s| s.key == "people"));
        assert!(plan.sections.iter().any(|s| s.key == "couples"));
        let whole = parse(&text, 0, MAX_DEPTH).expect("a tree");
        assert_eq!(tree_in_pieces(&text, &plan).as_ref(), Some(&whole));
        assert_eq!(tree(&text), Some(whole));
    }

    /// Files written in every way the cutting must survive: each gives, in pieces, exactly
    /// the tree of the whole file (values and places), or takes the whole-file path.
    #[test]
    fn every_layout_of_a_large_file_reads_as_the_whole_file_does() {
        let base = crate::generate::family_yaml(9_000, 11);
        let variants: Vec<(&str, String)> = vec![
            ("windows line ends", base.replace('\n', "\r\n")),
            (
                "comments and blank lines between entries",
                base.replace("  p100:", "# about p100\n\n   # indented\n  p100:")
                    .replace("  p4000:", "\n  p4000:"),
            ),
            (
                "entries over several lines",
                base.replace(
                    "  p10: {",
                    "  p10:\n    notes: |\n      line one\n\n      p11: not a key\n    x: {",
                )
                .replace(
                    "  p20: {",
                    "  p20:\n    notes: >\n      folded\n      text\n    x: {",
                ),
            ),
            (
                "a quoted text over lines at the entries' indentation",
                base.replacen(
                    "  p5000: {",
                    "  p5000: {notes: \"begins\n  p5000b: ends\", ",
                    1,
                ),
            ),
            ("no line end at the end", base.trim_end().to_string()),
            ("indented by four", base.replace("\n  ", "\n    ")),
            ("sections in another order", {
                let (head, couples) = base.split_at(base.find("couples:").unwrap());
                format!("{couples}{head}")
            }),
            (
                "a repeated id in another piece",
                base.replacen("  p8999:", "  p1:", 1),
            ),
            (
                "a section written twice",
                format!("{base}people:\n  zz: {{}}\n"),
            ),
            (
                "an alias in a piece",
                base.replacen("  p7000: {", "  p7000: {x: *a, ", 1),
            ),
            (
                "an error in a piece",
                base.replacen("  p3000: {", "  p3000: {{", 1),
            ),
        ];
        for (what, text) in variants {
            let whole = parse(&text, 0, MAX_DEPTH);
            assert_eq!(tree(&text), whole, "{what}");
            let in_pieces = split::plan(&text, 2 * THREADS).and_then(|p| tree_in_pieces(&text, &p));
            if whole.is_some() {
                assert_eq!(in_pieces, whole, "{what}: in pieces");
            } else {
                assert!(in_pieces.is_none(), "{what}: in pieces");
            }
        }
    }

    /// A cut inside a value (a quoted text continued on a line that looks like an entry)
    /// leaves the piece before it unfinished: the pieces give nothing, never another tree.
    #[test]
    fn a_cut_inside_a_value_gives_no_tree() {
        let text = crate::generate::family_yaml(9_000, 5).replacen(
            "  p5000: {",
            "  p5000: {notes: \"begins\n  p5000b: ends\", ",
            1,
        );
        let whole = parse(&text, 0, MAX_DEPTH).expect("the whole file reads");
        let body = text.find("  p0:").unwrap()..text.find("couples:").unwrap();
        let cut = text.find("  p5000b:").unwrap();
        let skeleton = format!(
            "{}{}{}",
            &text[..body.start],
            "\n".repeat(text[body.clone()].matches('\n').count()),
            &text[body.end..]
        );
        let piece = |bytes: std::ops::Range<usize>| split::Piece {
            lines_before: text[..bytes.start].matches('\n').count(),
            bytes,
        };
        let plan = split::Plan {
            skeleton,
            sections: vec![split::Section {
                key: "people".into(),
                pieces: vec![piece(body.start..cut), piece(cut..body.end)],
            }],
        };
        assert_eq!(tree_in_pieces(&text, &plan), None);
        assert_eq!(tree(&text), Some(whole));
        // Cut one line later, the same plan reads exactly as the whole file.
        let next = cut + text[cut..].find('\n').unwrap() + 1;
        let plan = split::Plan {
            sections: vec![split::Section {
                key: "people".into(),
                pieces: vec![piece(body.start..next), piece(next..body.end)],
            }],
            ..plan
        };
        assert_eq!(tree_in_pieces(&text, &plan), parse(&text, 0, MAX_DEPTH));
    }

    #[test]
    fn a_large_mapping_with_a_repeated_key_takes_the_full_path() {
        let mut text: String = (0..100).map(|i| format!("k{i}: {i}\n")).collect();
        assert!(tree(&text).is_some());
        text.push_str("k42: again\n");
        assert!(tree(&text).is_none());
    }
}
