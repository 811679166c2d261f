//! add-relationship, remove-relationship.

use serde_json::Value as Json;

use super::change::Editor;
use super::doc::{Seg, keys};
use super::error::Refusal;
use super::family::{self, ids_in, relationship_people, require_person};
use super::ops::{Fields, people_words};

/// Whether relationship `r` has every field of `wanted` (`between` in any order).
fn matches(r: &Json, wanted: &Fields) -> bool {
    wanted.iter().all(|(k, v)| match (k.as_str(), r.get(k)) {
        ("between", Some(have)) => {
            let (mut a, mut b) = (ids_in(have), ids_in(v));
            a.sort_unstable();
            b.sort_unstable();
            a == b
        }
        (_, Some(have)) => have == v || family::text_of(have) == family::text_of(v),
        (_, None) => false,
    })
}

/// The relationship in words: "the hostile relationship between paul and anne".
fn words(r: &Fields) -> String {
    let kind = r
        .get("kind")
        .map(family::text_of)
        .map_or_else(String::new, |k| format!("{k} "));
    match (r.get("between"), r.get("from"), r.get("to")) {
        (Some(b), _, _) => format!("the {kind}relationship between {}", people_words(b)),
        (None, Some(f), Some(t)) => format!(
            "the {kind}relationship from {} to {}",
            people_words(f),
            people_words(t)
        ),
        _ => format!("the {kind}relationship"),
    }
}

/// add-relationship: at the end of `relationships:`.
pub(super) fn add(ed: &mut Editor, r: &Fields) -> Result<(), Refusal> {
    let as_json = Json::Object(r.clone());
    let people = relationship_people(&as_json);
    if people.is_empty() {
        return Err(Refusal::new(
            "the relationship names nobody; give \"between\": [\"paul\", \"anne\"], or \"from\" and \"to\" for one-way kinds",
        ));
    }
    people.iter().try_for_each(|p| require_person(ed, p))?;
    let same: Fields = r
        .iter()
        .filter(|(k, _)| matches!(k.as_str(), "between" | "from" | "to" | "kind"))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if family::relationships(ed).iter().any(|x| matches(x, &same)) {
        return Err(Refusal::new(format!(
            "{} is already there; change it in the text, or remove it first",
            words(r)
        )));
    }
    ed.push(&keys(&["relationships"]), &as_json)?;
    Ok(())
}

/// remove-relationship: the one relationship with every field given.
pub(super) fn remove(ed: &mut Editor, r: &Fields) -> Result<(), Refusal> {
    let found: Vec<usize> = family::relationships(ed)
        .iter()
        .enumerate()
        .filter(|(_, x)| matches(x, r))
        .map(|(i, _)| i)
        .collect();
    match found.as_slice() {
        [i] => {
            ed.remove(&[Seg::Key("relationships".into()), Seg::Index(*i)])?;
            Ok(())
        }
        [] => Err(Refusal::new(format!(
            "{} is not in the file; check the ids and the kind",
            words(r)
        ))),
        _ => Err(Refusal::new(format!(
            "{} matches {} relationships; add a field that tells them apart, such as `since`",
            words(r),
            found.len()
        ))),
    }
}
