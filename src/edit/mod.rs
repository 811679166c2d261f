//! Changing a family file's text with operations, as a form or a script would: add a
//! person, a couple, a child, a relationship; change or remove them; set the title or
//! the index. See `docs/editing.md`.
//!
//! Every change is made where the value is written, so every other byte of the file stays
//! as it was: comments, blank lines, the order of keys, quotes, `{…}` or `key:` lines,
//! line ends. New entries are written like their neighbours (the last person, couple or
//! relationship of the file), and a missing section is added. Operations are applied in
//! order, all or none: if one is refused, or the family they make would not pass
//! `genogram check`, the text is left as it was and the error names the operation.
//!
//! ```
//! use genogram::edit::{apply, parse_ops};
//! let ops = parse_ops(r#"[
//!   {"op": "add-person", "person": {"name": "Mia Hartmann", "sex": "female", "born": 1983}},
//!   {"op": "set", "field": "index", "value": "mia"}
//! ]"#).unwrap();
//! let text = apply("", &ops).unwrap();
//! assert_eq!(text, "index: mia\npeople:\n  mia:\n    name: Mia Hartmann\n    sex: female\n    born: 1983\n");
//! ```

mod assign;
mod change;
mod check;
mod couples;
mod doc;
mod error;
mod family;
mod ids;
mod ops;
mod people;
mod relationships;
mod remove;
mod render;
mod style;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use error::EditError;
pub use ops::{Fields, Id, NAMES, Op, ops_from_value, parse_ops};

use change::Editor;
use doc::Unreadable;
use error::Refusal;

/// Applies `ops` to the family file's `text`, in order, and returns the new text.
///
/// # Errors
///
/// When an operation is refused (an unknown or repeated id, a couple that is not there, a
/// field that is not a mapping…), or the family made would not pass `genogram check`:
/// the [`EditError`] names the operation (its position) and the id concerned.
pub fn apply(text: &str, ops: &[Op]) -> Result<String, EditError> {
    let result = apply_unchecked(text, ops)?;
    if let Some(problem) = check::first_problem(&result) {
        return Err(refused_by_check(text, ops, &problem));
    }
    Ok(result)
}

/// Applies `ops` in order, without checking the family they make.
fn apply_unchecked(text: &str, ops: &[Op]) -> Result<String, EditError> {
    let mut ed = Editor::new(text.to_string()).map_err(|why| unreadable(text, why))?;
    if ed
        .doc
        .root
        .as_ref()
        .is_some_and(|r| !matches!(r.body, doc::Body::Map(_)))
    {
        return Err(EditError::general(
            "the file is not a family file: it should be made of sections such as `people:`; see samples/ for examples",
        ));
    }
    for (index, op) in ops.iter().enumerate() {
        run(&mut ed, op).map_err(|r| EditError {
            index: Some(index),
            id: r.id.or_else(|| op.subject()),
            message: r.message,
        })?;
    }
    Ok(ed.doc.text)
}

/// Runs one operation.
fn run(ed: &mut Editor, op: &Op) -> Result<(), Refusal> {
    match op {
        Op::AddPerson { id, person } => people::add(ed, id.as_ref(), person).map(drop),
        Op::UpdatePerson { id, set, unset } => people::update(ed, &id.0, set, unset),
        Op::RemovePerson { id } => people::remove(ed, &id.0),
        Op::AddCouple { couple } => couples::add(ed, couple),
        Op::UpdateCouple {
            partners,
            set,
            unset,
        } => couples::update(ed, partners, set, unset),
        Op::AddChild {
            parents,
            child,
            link,
        } => couples::add_child(ed, parents, child, link.as_deref()),
        Op::AddRelationship { relationship } => relationships::add(ed, relationship),
        Op::RemoveRelationship { relationship } => relationships::remove(ed, relationship),
        Op::Set { field, value } => set_top(ed, field, value),
    }
}

/// set: a top-level field; `null` removes it.
fn set_top(ed: &mut Editor, field: &str, value: &serde_json::Value) -> Result<(), Refusal> {
    const FIELDS: [&str; 6] = [
        "title",
        "index",
        "skills",
        "people",
        "couples",
        "relationships",
    ];
    if !FIELDS.contains(&field) {
        return Err(Refusal::new(format!(
            "`{field}` is not a field of the family file{}; set one of {}",
            hint(field, FIELDS.iter().copied()),
            FIELDS.join(", ")
        )));
    }
    if field == "index"
        && let Some(id) = value.as_str()
    {
        family::require_person(ed, id)?;
    }
    let path = doc::keys(&[field]);
    if value.is_null() {
        ed.remove(&path)?;
    } else {
        ed.assign(&path, value)?;
    }
    Ok(())
}

/// " (did you mean `x`?)" for the closest of `candidates`, or nothing.
pub(crate) fn hint<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> String {
    crate::load::did_you_mean(word, candidates).map_or_else(String::new, |h| format!(" ({h})"))
}

/// The refusal of a text the editor cannot take.
fn unreadable(text: &str, why: Unreadable) -> EditError {
    if let Some(problem) = check::first_problem(text) {
        return EditError::general(format!(
            "the file cannot be changed until it can be read: line {}, column {}: {}",
            problem.span.start.line,
            problem.span.start.col,
            check::words(&problem)
        ));
    }
    EditError::general(match why {
        Unreadable::NotPlain => "the file uses YAML anchors (&), aliases (*) or tags (!), which these operations cannot change safely; write those entries out in full".to_string(),
        Unreadable::Unplaced => "the file is written in a way these operations cannot change safely (for example `? ` keys or keys without a `:`); write each entry as `key: value`".to_string(),
    })
}

/// The refusal of operations whose family would not pass check: the operation after
/// which the problem first appears, found by halving the list (each look applies the
/// operations up to one again, as they are deterministic, instead of keeping a copy of
/// the text after each).
fn refused_by_check(before: &str, ops: &[Op], problem: &crate::diag::Diagnostic) -> EditError {
    let same =
        |text: &str| check::first_problem(text).is_some_and(|p| p.message == problem.message);
    if ops.is_empty() || same(before) {
        return EditError::general(format!(
            "the family has a problem these changes do not fix: line {}, column {}: {}",
            problem.span.start.line,
            problem.span.start.col,
            check::words(problem)
        ));
    }
    let (mut lo, mut hi) = (0, ops.len() - 1);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if apply_unchecked(before, &ops[..=mid]).is_ok_and(|t| same(&t)) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    EditError {
        index: Some(lo),
        id: ops[lo].subject(),
        message: format!(
            "the family would not pass check after this {}: {}",
            ops[lo].name(),
            check::words(problem)
        ),
    }
}
