//! The operations, as JSON objects, and reading a list of them.

use serde::Deserialize;
use serde_json::{Map, Value as Json};

use super::error::EditError;

/// Fields of an entry, in the family file's own form (`{"name": "Mia", "sex": "female"}`).
pub type Fields = Map<String, Json>;

/// A person's id: a text, or a whole number as some files use.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Id(pub String);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Json::deserialize(d)? {
            Json::String(s) => Ok(Id(s)),
            Json::Number(n) if n.is_u64() => Ok(Id(n.to_string())),
            other => Err(serde::de::Error::custom(format!(
                "an id is a text like \"mia\", not {}",
                describe(&other)
            ))),
        }
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One change to a family file. `person`, `couple`, `relationship`, `set` and `value`
/// hold the family file's own forms, so every field of the format can be given.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Op {
    /// Adds a person; without `id`, one is made from the name.
    AddPerson {
        /// The new person's id.
        #[serde(default)]
        id: Option<Id>,
        /// The person's fields.
        #[serde(default)]
        person: Fields,
    },
    /// Sets (replaces whole) and removes fields of a person.
    UpdatePerson {
        /// Who.
        id: Id,
        /// Fields to set, each to the whole value given.
        #[serde(default)]
        set: Fields,
        /// Fields to remove.
        #[serde(default)]
        unset: Vec<String>,
    },
    /// Removes a person and every mention of them.
    RemovePerson {
        /// Who.
        id: Id,
    },
    /// Adds a couple.
    AddCouple {
        /// The couple's fields; `partners` is needed.
        couple: Fields,
    },
    /// Sets and removes fields of the couple of these partners (in any order).
    UpdateCouple {
        /// The couple's partners.
        partners: Vec<Id>,
        /// Fields to set, each to the whole value given.
        #[serde(default)]
        set: Fields,
        /// Fields to remove.
        #[serde(default)]
        unset: Vec<String>,
    },
    /// Adds a child to the couple of `parents` (made when there is none).
    AddChild {
        /// One or two parents.
        parents: Vec<Id>,
        /// The child's id.
        child: Id,
        /// `biological` (when absent), `adopted`, `foster` or `step`.
        #[serde(default)]
        link: Option<String>,
    },
    /// Adds an emotional relationship.
    AddRelationship {
        /// The relationship's fields (`between` or `from`/`to`, `kind`, …).
        relationship: Fields,
    },
    /// Removes the emotional relationship that matches every field given.
    RemoveRelationship {
        /// Fields that pick the relationship (`between` in any order, `kind`, …).
        relationship: Fields,
    },
    /// Sets a top-level field (`title`, `index`, `skills`, …); `null` removes it.
    Set {
        /// The field.
        field: String,
        /// Its whole new value (`null` removes the field).
        value: Json,
    },
}

/// Every operation's name, as written in `"op"`.
pub const NAMES: [&str; 9] = [
    "add-person",
    "update-person",
    "remove-person",
    "add-couple",
    "update-couple",
    "add-child",
    "add-relationship",
    "remove-relationship",
    "set",
];

impl Op {
    /// The operation's name, as written in `"op"`.
    pub fn name(&self) -> &'static str {
        match self {
            Op::AddPerson { .. } => NAMES[0],
            Op::UpdatePerson { .. } => NAMES[1],
            Op::RemovePerson { .. } => NAMES[2],
            Op::AddCouple { .. } => NAMES[3],
            Op::UpdateCouple { .. } => NAMES[4],
            Op::AddChild { .. } => NAMES[5],
            Op::AddRelationship { .. } => NAMES[6],
            Op::RemoveRelationship { .. } => NAMES[7],
            Op::Set { .. } => NAMES[8],
        }
    }

    /// The id the operation is about, for messages: a person's id, a couple's partners,
    /// a child, a relationship's people, a field.
    pub fn subject(&self) -> Option<String> {
        let join = |ids: &[Id]| {
            ids.iter()
                .map(|i| i.0.as_str())
                .collect::<Vec<_>>()
                .join(" and ")
        };
        match self {
            Op::AddPerson { id, .. } => id.as_ref().map(|i| i.0.clone()),
            Op::UpdatePerson { id, .. } | Op::RemovePerson { id } => Some(id.0.clone()),
            Op::AddCouple { couple } => couple.get("partners").map(people_words),
            Op::UpdateCouple { partners, .. } => Some(join(partners)),
            Op::AddChild { child, .. } => Some(child.0.clone()),
            Op::AddRelationship { relationship } | Op::RemoveRelationship { relationship } => {
                relationship
                    .get("between")
                    .map(people_words)
                    .or_else(|| relationship.get("from").map(people_words))
            }
            Op::Set { field, .. } => Some(field.clone()),
        }
    }
}

/// Ids in a value (`["paul", "anne"]` or `"paul"`) as words: `paul and anne`.
pub(super) fn people_words(v: &Json) -> String {
    match v {
        Json::Array(items) => items
            .iter()
            .map(people_words)
            .collect::<Vec<_>>()
            .join(" and "),
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Reads operations from JSON: a list of them, or one.
///
/// # Errors
///
/// An [`EditError`] naming the operation (its position) that is not JSON, not an object,
/// names no known operation, or lacks or misspells a field.
pub fn parse_ops(json: &str) -> Result<Vec<Op>, EditError> {
    let value: Json = serde_json::from_str(json).map_err(|e| {
        EditError::general(format!(
            "the operations are not readable JSON (line {}, column {}: {}); write them as a list such as [{{\"op\": \"add-person\", \"person\": {{\"name\": \"Mia\"}}}}]",
            e.line(),
            e.column(),
            plain_json_error(&e.to_string())
        ))
    })?;
    ops_from_value(value)
}

/// Reads operations from a JSON value already parsed: a list of them, or one.
///
/// # Errors
///
/// As [`parse_ops`].
pub fn ops_from_value(value: Json) -> Result<Vec<Op>, EditError> {
    let items = match value {
        Json::Array(items) => items,
        obj @ Json::Object(_) => vec![obj],
        other => {
            return Err(EditError::general(format!(
                "the operations must be a list of objects like {{\"op\": \"add-person\", …}}, not {}",
                describe(&other)
            )));
        }
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| one(i, item))
        .collect()
}

fn one(index: usize, item: Json) -> Result<Op, EditError> {
    let refuse = |id: Option<String>, message: String| EditError {
        index: Some(index),
        id,
        message,
    };
    let Json::Object(fields) = &item else {
        return Err(refuse(
            None,
            format!(
                "an operation is an object like {{\"op\": \"add-person\", …}}, not {}",
                describe(&item)
            ),
        ));
    };
    let id = fields.get("id").and_then(|v| match v {
        Json::String(s) => Some(s.clone()),
        Json::Number(n) => Some(n.to_string()),
        _ => None,
    });
    let name = match fields.get("op") {
        Some(Json::String(s)) => s.clone(),
        _ => {
            return Err(refuse(
                id,
                format!(
                    "it does not say which operation it is; add \"op\": one of {}",
                    NAMES.join(", ")
                ),
            ));
        }
    };
    if !NAMES.contains(&name.as_str()) {
        let hint = super::hint(&name, NAMES.iter().copied());
        return Err(refuse(
            id,
            format!(
                "there is no operation `{name}`{hint}; the operations are {}",
                NAMES.join(", ")
            ),
        ));
    }
    if let Some(message) = wrong_kind(fields) {
        return Err(refuse(id, format!("{name}: {message}")));
    }
    serde_json::from_value::<Op>(item.clone()).map_err(|e| {
        refuse(
            id,
            format!("{name}: {}", plain_field_error(&e.to_string(), &name)),
        )
    })
}

/// The first field of an operation holding the wrong kind of value, in words: which
/// field, what it holds, what it needs.
fn wrong_kind(fields: &Map<String, Json>) -> Option<String> {
    for (field, value) in fields {
        let (ok, needs) = match field.as_str() {
            "person" | "couple" | "relationship" | "set" => (
                value.is_object(),
                "an object of fields, like {\"name\": \"Mia\", \"born\": 1983}",
            ),
            "parents" | "partners" => (
                value
                    .as_array()
                    .is_some_and(|a| a.iter().all(|i| i.is_string() || i.is_u64())),
                "a list of one or two ids, like [\"paul\", \"anne\"]",
            ),
            "unset" => (
                value
                    .as_array()
                    .is_some_and(|a| a.iter().all(Json::is_string)),
                "a list of field names, like [\"location\"]",
            ),
            "id" | "child" => (value.is_string() || value.is_u64(), "an id, like \"mia\""),
            "field" | "link" => (value.is_string(), "a word, like \"index\""),
            _ => (true, ""),
        };
        if !ok {
            return Some(format!(
                "`{field}` must be {needs}, not {}",
                describe(value)
            ));
        }
    }
    None
}

/// A field error of `serde_json` in plain words.
fn plain_field_error(raw: &str, op: &str) -> String {
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return format!("`{field}` is missing; {op} needs it");
    }
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        let expected: Vec<&str> = rest
            .split('`')
            .skip(1)
            .enumerate()
            .filter(|(i, _)| i % 2 == 1)
            .map(|(_, s)| s)
            .filter(|s| *s != "op")
            .collect();
        let hint = super::hint(field, expected.iter().copied());
        return format!(
            "`{field}` is not a field of {op}{hint}; its fields are {}",
            expected.join(", ")
        );
    }
    let raw = raw.split(" at line ").next().unwrap_or(raw);
    format!(
        "a field has the wrong kind of value ({}); see docs/editing.md for each operation's fields",
        plain_json_error(raw)
    )
}

/// `serde_json`'s wording, made plainer.
fn plain_json_error(raw: &str) -> String {
    let raw = raw.split(" at line ").next().unwrap_or(raw);
    raw.replace("invalid type: ", "")
        .replace("a map", "an object")
        .replace("a sequence", "a list")
        .replace("EOF", "the end")
}

/// What a JSON value is, in words.
fn describe(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "true/false",
        Json::Number(_) => "a number",
        Json::String(_) => "a text",
        Json::Array(_) => "a list",
        Json::Object(_) => "an object",
    }
}
