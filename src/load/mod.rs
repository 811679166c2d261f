//! Loading: bytes of a family file to a [`Family`], with every problem located.
//!
//! The steps, each refusing what it cannot accept:
//! 1. [`text::decode`]: size, encoding, binary content and nesting depth, before parsing;
//! 2. for plain files, `onepass` builds the [`tree::Yaml`] tree (each value and where it is
//!    written) in one pass; any other file takes the full path: `serde_yaml` parses the
//!    YAML (syntax, anchors, limits on alias expansion), `spans::span_tree` records where
//!    every node is written, and the two become the same tree;
//! 3. the reader (`convert`) walks the tree and builds the model, collecting every problem.
//!
//! Cross-entry rules (references, cycles, dates) are [`crate::validate`]'s.

mod convert;
mod limits;
mod onepass;
mod spans;
mod split;
mod suggest;
pub mod text;
pub(crate) mod tree;

pub use suggest::{closest, closest_within, did_you_mean, list as word_list, list_all};

use crate::diag::{Diagnostic, LineCol, SourceFile, Span};
use crate::model::Family;

/// The document tree of `text` with the place of every node, for [`crate::edit`], which
/// changes the text where each value is written; `None` for a file the one-pass reader
/// does not take (anchors, aliases, tags, several documents, a key written twice, or
/// text it cannot read).
pub(crate) fn plain_tree(text: &str) -> Option<tree::Yaml> {
    onepass::tree(text)
}

/// Reads a family from the text of `source`.
///
/// # Errors
///
/// Every problem found, in the order of the file, when the YAML is malformed or does not
/// describe a family (unknown keys, wrong types, unknown words, bad dates, duplicate keys).
pub fn family(source: &SourceFile) -> Result<Family, Vec<Diagnostic>> {
    let (family, diags) = family_with_problems(source)?;
    if diags.is_empty() {
        Ok(family)
    } else {
        Err(diags)
    }
}

/// Reads as much of a family as can be read, with the problems met on the way, so that
/// validation can still look at the rest and one run lists everything to fix.
///
/// # Errors
///
/// Only when the text is not readable YAML at all (nothing can be read then).
pub fn family_with_problems(
    source: &SourceFile,
) -> Result<(Family, Vec<Diagnostic>), Vec<Diagnostic>> {
    let text = source.text();
    // Plain files (no anchors, aliases or tags; nothing refused) are read in one pass.
    if let Some(tree) = onepass::tree(text) {
        let (family, mut diags) = convert::family(&tree);
        diags.sort_by_key(|d| d.span.start);
        discard(tree, text.len());
        return Ok((family, diags));
    }
    match spans::first_pass_excess(text) {
        Some(spans::Excess::Aliases(at)) => return Err(vec![alias_bomb(Span::point(at.start))]),
        Some(spans::Excess::LongValue(at)) => return Err(vec![text::long_value(at.start)]),
        None => {}
    }
    let parsed: Result<serde_yaml::Value, serde_yaml::Error> = serde_yaml::from_str(text);
    let tree = spans::span_tree(text);
    let value = match parsed {
        Ok(v) => v,
        Err(e) => return Err(yaml_errors(&e, tree.as_ref(), text)),
    };
    // Duplicate keys that serde_yaml let through (for example in nested mappings of a
    // value it kept as a whole) would silently drop data: refuse them here too.
    if let Some(tree) = &tree {
        let dups = duplicate_key_errors(tree, text);
        if !dups.is_empty() {
            return Err(dups);
        }
    }
    let tree = tree::Yaml::from_value(&value, tree.as_ref(), Span::file_start());
    let (family, mut diags) = convert::family(&tree);
    diags.sort_by_key(|d| d.span.start);
    Ok((family, diags))
}

/// Frees the tree of a large file on a thread of its own, while the family goes on to be
/// checked and drawn: a million small nodes take a tenth of a second to free.
fn discard(tree: tree::Yaml, text_bytes: usize) {
    if text_bytes < 1 << 20 {
        return;
    }
    // Without a thread to be had, it is freed here.
    let _ = std::thread::Builder::new().spawn(move || drop(tree));
}

fn duplicate_key_errors(tree: &tree::SpanNode, text: &str) -> Vec<Diagnostic> {
    spans::duplicate_keys(tree, text)
        .into_iter()
        .map(|d| {
            let (message, help) = if d.parent == Some("people") {
                (
                    format!("two people have the id `{}`", d.key),
                    "give each person their own id, for example `rosa` and `rosa-2`; the full name goes under `name:`",
                )
            } else {
                (
                    format!("`{}` is written twice here; the second would silently replace the first", d.key),
                    "keep one of the two, or merge them",
                )
            };
            Diagnostic::error(d.again, message).with_note(d.first, "first written here").with_help(help)
        })
        .collect()
}

/// The refusal of a file whose anchors and aliases expand into far too much data.
fn alias_bomb(span: Span) -> Diagnostic {
    Diagnostic::error(
        span,
        "the file expands into far more data than a family holds (anchors and aliases repeat too much)",
    )
    .with_help("write each person out in full instead of repeating `&anchors` and `*aliases`")
}

/// Turns a `serde_yaml` error into plain words at the right place.
fn yaml_errors(
    e: &serde_yaml::Error,
    tree: Option<&tree::SpanNode>,
    text: &str,
) -> Vec<Diagnostic> {
    let raw = e.to_string();
    if raw.contains("duplicate entry")
        && let Some(tree) = tree
    {
        let dups = duplicate_key_errors(tree, text);
        if !dups.is_empty() {
            return dups;
        }
    }
    let span = e.location().map_or_else(Span::file_start, |l| {
        Span::point(LineCol::one_based(l.line(), l.column()))
    });
    // serde_yaml appends " at line L column C"; the position is printed separately.
    let cause = raw.split(" at line ").next().unwrap_or(&raw).to_string();
    let (message, help) = if cause.contains("repetition limit exceeded")
        || cause.contains("recursion limit exceeded")
    {
        (
            "the file expands into far more data than a family holds (anchors and aliases repeat too much)".to_string(),
            Some("write each person out in full instead of repeating `&anchors` and `*aliases`".to_string()),
        )
    } else if cause.contains("more than one document") {
        (
            "the file holds more than one YAML document (a line `---` starts a second one)"
                .to_string(),
            Some("keep one family per file, or remove the extra `---` line".to_string()),
        )
    } else if cause.contains("unknown anchor") {
        (
            format!("the YAML refers to an anchor that is not defined ({cause})"),
            Some("define `&name` before using `*name`".to_string()),
        )
    } else if cause.contains("found character that cannot start any token") && text.contains('\t') {
        (
            format!("the YAML cannot be read ({cause})"),
            Some("YAML does not allow tabs for indentation; indent with spaces".to_string()),
        )
    } else {
        (
            format!("the YAML cannot be read ({cause})"),
            Some(
                "check the indentation and the `:` after each key on this line or the line above"
                    .to_string(),
            ),
        )
    };
    vec![Diagnostic::error(span, message).with_help_opt(help)]
}
