//! add-couple, update-couple, add-child.

use serde_json::{Map, Value as Json};

use super::change::Editor;
use super::doc::{Seg, keys};
use super::error::Refusal;
use super::family::{self, ids_in, require_person};
use super::ops::{Fields, Id};
use super::people::update_fields;

/// Refuses a list of parents or partners that is not one or two known people.
fn require_pair(ed: &Editor, ids: &[String], what: &str) -> Result<(), Refusal> {
    if ids.is_empty() || ids.len() > 2 {
        return Err(Refusal::new(format!(
            "a couple has one or two {what}, not {}; give one id when the other parent is not known",
            ids.len()
        )));
    }
    if ids.len() == 2 && ids[0] == ids[1] {
        return Err(Refusal::about(
            &ids[0],
            format!("`{}` is given twice as {what}", ids[0]),
        ));
    }
    ids.iter().try_for_each(|id| require_person(ed, id))
}

fn names(ids: &[String]) -> String {
    ids.join(" and ")
}

/// add-couple: the couple at the end of `couples:`.
pub(super) fn add(ed: &mut Editor, couple: &Fields) -> Result<(), Refusal> {
    let Some(partners) = couple.get("partners") else {
        return Err(Refusal::new(
            "the couple has no `partners`; give one or two ids, for example \"partners\": [\"paul\", \"anne\"]",
        ));
    };
    let ids = ids_in(partners);
    require_pair(ed, &ids, "partners")?;
    if family::find_couple(ed, &ids).is_some() {
        return Err(Refusal::new(format!(
            "{} are already a couple; change that couple with update-couple",
            names(&ids)
        )));
    }
    ed.push(&keys(&["couples"]), &Json::Object(couple.clone()))?;
    Ok(())
}

/// update-couple.
pub(super) fn update(
    ed: &mut Editor,
    partners: &[Id],
    set: &Fields,
    unset: &[String],
) -> Result<(), Refusal> {
    let ids: Vec<String> = partners.iter().map(|p| p.0.clone()).collect();
    let Some(i) = family::find_couple(ed, &ids) else {
        ids.iter().try_for_each(|id| require_person(ed, id))?;
        return Err(Refusal::new(format!(
            "there is no couple of {}; add it with add-couple",
            names(&ids)
        )));
    };
    update_fields(
        ed,
        &vec![Seg::Key("couples".into()), Seg::Index(i)],
        set,
        unset,
    )
}

/// add-child: the child under the couple of `parents` (in any order), which is made when
/// there is none.
pub(super) fn add_child(
    ed: &mut Editor,
    parents: &[Id],
    child: &Id,
    link: Option<&str>,
) -> Result<(), Refusal> {
    let ids: Vec<String> = parents.iter().map(|p| p.0.clone()).collect();
    require_pair(ed, &ids, "parents")?;
    require_person(ed, &child.0)?;
    if ids.contains(&child.0) {
        return Err(Refusal::new(format!(
            "`{}` cannot be their own parent",
            child.0
        )));
    }
    let entry = match link {
        None | Some("biological") => Json::String(child.0.clone()),
        Some(link) => {
            let mut m = Map::new();
            m.insert("id".into(), Json::String(child.0.clone()));
            m.insert("link".into(), Json::String(link.to_string()));
            Json::Object(m)
        }
    };
    match family::find_couple(ed, &ids) {
        Some(i) => {
            let couple = &family::couples(ed)[i];
            if couple
                .get("children")
                .map(ids_in)
                .unwrap_or_default()
                .contains(&child.0)
            {
                return Err(Refusal::new(format!(
                    "`{}` is already a child of {}",
                    child.0,
                    names(&ids)
                )));
            }
            let at = vec![
                Seg::Key("couples".into()),
                Seg::Index(i),
                Seg::Key("children".into()),
            ];
            ed.push(&at, &entry)?;
        }
        None => {
            let mut couple = Map::new();
            couple.insert(
                "partners".into(),
                Json::Array(ids.iter().map(|i| Json::String(i.clone())).collect()),
            );
            couple.insert("children".into(), Json::Array(vec![entry]));
            ed.push(&keys(&["couples"]), &Json::Object(couple))?;
        }
    }
    Ok(())
}
