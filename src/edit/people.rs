//! add-person, update-person, remove-person.

use serde_json::Value as Json;

use super::change::Editor;
use super::doc::{Path, Seg, keys};
use super::error::Refusal;
use super::family::{self, ids_in, require_person};
use super::ids;
use super::ops::{Fields, Id};

fn person_path(id: &str) -> Path {
    vec![Seg::Key("people".into()), Seg::Key(id.to_string())]
}

/// add-person: the new person's entry at the end of `people:`.
pub(super) fn add(ed: &mut Editor, id: Option<&Id>, person: &Fields) -> Result<String, Refusal> {
    let people = family::people(ed);
    let id = match id {
        Some(Id(id)) => {
            if !ids::valid(id) {
                return Err(Refusal::about(
                    id,
                    format!(
                        "`{id}` cannot be an id: use letters, digits, `-` and `_` only, for example `{}`",
                        ids::make(Some(id), None, &people)
                    ),
                ));
            }
            if people.iter().any(|(p, _)| p == id) {
                return Err(Refusal::about(
                    id,
                    format!(
                        "there is already a person with the id `{id}`; choose another id (for example `{}`), or change them with update-person",
                        ids::make(Some(id), None, &people)
                    ),
                ));
            }
            id.clone()
        }
        None => {
            let name = person.get("name").map(family::text_of);
            let kind = person.get("kind").and_then(Json::as_str);
            ids::make(name.as_deref(), kind, &people)
        }
    };
    ed.set(&person_path(&id), &Json::Object(person.clone()))?;
    Ok(id)
}

/// update-person, and update-couple's fields: `set` each field to its whole new value
/// (changing only what differs), remove the `unset` ones.
pub(super) fn update_fields(
    ed: &mut Editor,
    at: &Path,
    set: &Fields,
    unset: &[String],
) -> Result<(), Refusal> {
    if let Some(both) = unset.iter().find(|k| set.contains_key(*k)) {
        return Err(Refusal::new(format!(
            "`{both}` is both set and unset; keep it in one of the two"
        )));
    }
    for (k, v) in set {
        let mut p = at.clone();
        p.push(Seg::Key(k.clone()));
        if v.is_null() {
            ed.remove(&p)?;
        } else {
            ed.assign(&p, v)?;
        }
    }
    for k in unset {
        let mut p = at.clone();
        p.push(Seg::Key(k.clone()));
        ed.remove(&p)?;
    }
    Ok(())
}

/// update-person.
pub(super) fn update(
    ed: &mut Editor,
    id: &str,
    set: &Fields,
    unset: &[String],
) -> Result<(), Refusal> {
    require_person(ed, id)?;
    update_fields(ed, &person_path(id), set, unset)
}

/// remove-person: the entry, and the person everywhere else: as a partner (a couple left
/// without partners goes), as a child (a pair of twins left with one becomes a plain
/// child), in `raised_by`, in relationships, as the index.
pub(super) fn remove(ed: &mut Editor, id: &str) -> Result<(), Refusal> {
    require_person(ed, id)?;
    let couples = family::couples(ed);
    for (i, couple) in couples.iter().enumerate().rev() {
        let at = vec![Seg::Key("couples".into()), Seg::Index(i)];
        let field = |k: &str| {
            let mut p = at.clone();
            p.push(Seg::Key(k.into()));
            p
        };
        if let Some(partners) = couple.get("partners")
            && ids_in(partners).iter().any(|p| p == id)
        {
            let left: Vec<Json> = match partners {
                Json::Array(items) => items
                    .iter()
                    .filter(|p| family::text_of(p) != id)
                    .cloned()
                    .collect(),
                _ => Vec::new(),
            };
            if left.is_empty() {
                ed.remove(&at)?;
                continue;
            }
            ed.assign(&field("partners"), &Json::Array(left))?;
        }
        if let Some(Json::Array(children)) = couple.get("children")
            && ids_in(&Json::Array(children.clone()))
                .iter()
                .any(|c| c == id)
        {
            let kept: Vec<Json> = children
                .iter()
                .filter_map(|c| without_child(c, id))
                .collect();
            if kept.is_empty() {
                ed.remove(&field("children"))?;
            } else {
                ed.assign(&field("children"), &Json::Array(kept))?;
            }
        }
    }
    // Who was raised by them, read in one pass over the people.
    let raised: Vec<(String, Json)> = match ed.json(&keys(&["people"])) {
        Some(Json::Object(people)) => people
            .into_iter()
            .filter_map(|(other, p)| Some((other, p.get("raised_by")?.clone())))
            .filter(|(_, r)| ids_in(r).iter().any(|r| r == id))
            .collect(),
        _ => Vec::new(),
    };
    for (other, raised) in raised {
        let p = vec![
            Seg::Key("people".into()),
            Seg::Key(other),
            Seg::Key("raised_by".into()),
        ];
        match raised {
            Json::Array(items) => {
                let kept: Vec<Json> = items
                    .into_iter()
                    .filter(|r| family::text_of(r) != id)
                    .collect();
                if kept.is_empty() {
                    ed.remove(&p)?;
                } else {
                    ed.assign(&p, &Json::Array(kept))?;
                }
            }
            _ => ed.remove(&p)?,
        }
    }
    let relationships = family::relationships(ed);
    for (i, r) in relationships.iter().enumerate().rev() {
        if family::relationship_people(r).iter().any(|p| p == id) {
            ed.remove(&[Seg::Key("relationships".into()), Seg::Index(i)])?;
        }
    }
    if ed
        .json(&keys(&["index"]))
        .is_some_and(|v| family::text_of(&v) == id)
    {
        ed.remove(&keys(&["index"]))?;
    }
    ed.remove(&person_path(id))?;
    Ok(())
}

/// A child entry without `id`: `None` when it is that child, the other twin when a pair
/// of twins loses one, fewer twins otherwise.
fn without_child(entry: &Json, id: &str) -> Option<Json> {
    match entry {
        Json::Object(map) if map.contains_key("twins") => {
            let Some(Json::Array(twins)) = map.get("twins") else {
                return Some(entry.clone());
            };
            let kept: Vec<Json> = twins.iter().filter_map(|t| without_child(t, id)).collect();
            match kept.len() {
                0 => None,
                1 => kept.into_iter().next(),
                _ => {
                    let mut m = map.clone();
                    m.insert("twins".into(), Json::Array(kept));
                    Some(Json::Object(m))
                }
            }
        }
        other => (!ids_in(other).iter().any(|c| c == id)).then(|| other.clone()),
    }
}
