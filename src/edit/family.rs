//! What the operations read of the family as it now is: ids, couples, relationships.

use serde_json::Value as Json;

use super::change::Editor;
use super::doc::keys;
use super::error::Refusal;

/// The ids of the people, in file order, with their names.
pub(super) fn people(ed: &Editor) -> Vec<(String, Option<String>)> {
    match ed.json(&keys(&["people"])) {
        Some(Json::Object(map)) => map
            .iter()
            .map(|(id, p)| (id.clone(), p.get("name").map(text_of)))
            .collect(),
        _ => Vec::new(),
    }
}

/// A scalar as text (ids may be written as numbers).
pub(super) fn text_of(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Refuses an id that is not a person of the file, suggesting the closest.
pub(super) fn require_person(ed: &Editor, id: &str) -> Result<(), Refusal> {
    let people = people(ed);
    if people.iter().any(|(p, _)| p == id) {
        return Ok(());
    }
    let hint = super::hint(id, people.iter().map(|(p, _)| p.as_str()));
    Err(Refusal::about(
        id,
        format!("there is no person with the id `{id}`{hint}; add them first with add-person"),
    ))
}

/// The ids a value lists (`[a, b]`, `a`, or child entries `{id: a}` and twins).
pub(super) fn ids_in(v: &Json) -> Vec<String> {
    match v {
        Json::Array(items) => items.iter().flat_map(ids_in).collect(),
        Json::Object(map) => {
            if let Some(id) = map.get("id") {
                vec![text_of(id)]
            } else if let Some(twins) = map.get("twins") {
                ids_in(twins)
            } else {
                Vec::new()
            }
        }
        Json::Null => Vec::new(),
        other => vec![text_of(other)],
    }
}

/// The couples, in file order.
pub(super) fn couples(ed: &Editor) -> Vec<Json> {
    match ed.json(&keys(&["couples"])) {
        Some(Json::Array(items)) => items,
        _ => Vec::new(),
    }
}

/// The position of the first couple whose partners are `partners`, in any order.
pub(super) fn find_couple(ed: &Editor, partners: &[String]) -> Option<usize> {
    let mut wanted: Vec<&str> = partners.iter().map(String::as_str).collect();
    wanted.sort_unstable();
    couples(ed).iter().position(|c| {
        let mut have = c.get("partners").map(ids_in).unwrap_or_default();
        have.sort_unstable();
        have == wanted
    })
}

/// The relationships, in file order.
pub(super) fn relationships(ed: &Editor) -> Vec<Json> {
    match ed.json(&keys(&["relationships"])) {
        Some(Json::Array(items)) => items,
        _ => Vec::new(),
    }
}

/// Everyone a relationship is about.
pub(super) fn relationship_people(r: &Json) -> Vec<String> {
    let mut out = r.get("between").map(ids_in).unwrap_or_default();
    for k in ["from", "to"] {
        if let Some(v) = r.get(k) {
            out.extend(ids_in(v));
        }
    }
    out
}
