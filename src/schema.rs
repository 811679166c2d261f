//! The JSON Schema (draft-07) of the family file, for editors that validate and complete
//! YAML while typing (yaml-language-server, used by VS Code, Neovim, Helix, Zed…).
//!
//! Built from the same word lists the loader uses, so the schema cannot disagree with the
//! tool about which words exist. `genogram schema` prints it; `schemas/genogram.schema.json`
//! is a committed copy, kept equal by a test.

use serde_json::{Value, json};

use crate::model::{
    DEFAULT_SKILLS, KnownCondition, KnownGender, KnownSource, Level, Link, PersonKind, RelKind,
    Relation, Sex,
};

/// The schema as pretty-printed JSON, ending with a newline.
pub fn json_text() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    s.push('\n');
    s
}

/// A known word, or free text (shown first in editors' completion lists).
fn open_words(list: &[&str], description: &str) -> Value {
    json!({
        "description": description,
        "anyOf": [{"enum": list}, {"type": "string"}]
    })
}

/// The schema itself.
pub fn schema() -> Value {
    let mut default_skills = serde_json::Map::new();
    for (name, description) in DEFAULT_SKILLS {
        default_skills.insert(name.to_string(), json!(description));
    }
    let relationship_props = json!({
        "kind": {"description": "The kind of relationship. Directed kinds (focused-on, caretaker, neglect, physical-abuse, emotional-abuse, sexual-abuse) need from/to.", "enum": RelKind::WORDS},
        "since": {"$ref": "#/definitions/date"},
        "until": {"$ref": "#/definitions/date"},
        "note": {"type": "string"}
    });
    let mut mutual = relationship_props.clone();
    mutual["between"] = json!({"type": "array", "items": {"$ref": "#/definitions/id"}, "minItems": 2, "maxItems": 2, "description": "The two people, for mutual kinds."});
    let mut directed = relationship_props;
    directed["from"] = json!({"$ref": "#/definitions/id"});
    directed["to"] = json!({"$ref": "#/definitions/id"});

    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "genogram family file",
        "description": "A family for genogram: people, couples with their children, emotional relationships, and each person's level of the skills of emotional intimacy.",
        "type": "object",
        "additionalProperties": false,
        "required": ["people"],
        "properties": {
            "title": {"type": "string", "description": "Shown above the drawing."},
            "index": {"$ref": "#/definitions/id", "description": "The id of the client or identified person."},
            "skills": {
                "type": "object",
                "description": "The skills rated in this file, each with its definition. Default: openness, honesty and directness.",
                "default": default_skills,
                "propertyNames": {"$ref": "#/definitions/idText"},
                "additionalProperties": {"type": ["string", "null"]}
            },
            "people": {
                "type": ["object", "null"],
                "description": "Everyone in the family, by id (letters, digits, '-' and '_').",
                "propertyNames": {"$ref": "#/definitions/idText"},
                "additionalProperties": {"$ref": "#/definitions/person"}
            },
            "couples": {
                "type": ["array", "null"],
                "description": "Partnerships; children hang from them.",
                "items": {"$ref": "#/definitions/couple"}
            },
            "relationships": {
                "type": ["array", "null"],
                "description": "Emotional relationships.",
                "items": {"$ref": "#/definitions/relationship"}
            }
        },
        "definitions": {
            "idText": {"type": "string", "pattern": "^[-_\\p{L}\\p{N}]+$"},
            "id": {
                "description": "A person's id, as written under people.",
                "anyOf": [{"$ref": "#/definitions/idText"}, {"type": "integer", "minimum": 0}]
            },
            "date": {
                "description": "YYYY, YYYY-MM or YYYY-MM-DD (a year of one to four digits, 1 to 9999; no years BC); a leading ~ marks an approximate date.",
                "anyOf": [
                    {"type": "integer", "minimum": 1, "maximum": 9999},
                    {"type": "string", "pattern": "^~?\\s*[0-9]{1,4}(-[0-9]{2}(-[0-9]{2})?)?$"}
                ]
            },
            "level": {"description": "none, some, strong or unknown.", "enum": Level::WORDS},
            "rating": {
                "anyOf": [
                    {"$ref": "#/definitions/level"},
                    {"type": "null"},
                    {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                            "level": {"$ref": "#/definitions/level"},
                            "learned": open_words(KnownSource::WORDS, "Where the skill was learned."),
                            "since": {"$ref": "#/definitions/date"},
                            "note": {"type": "string"},
                            "history": {
                                "type": "array",
                                "description": "Earlier ratings, oldest first; none may be dated after `since`.",
                                "items": {
                                    "type": "object",
                                    "additionalProperties": false,
                                    "required": ["date", "level"],
                                    "properties": {
                                        "date": {"$ref": "#/definitions/date"},
                                        "level": {"$ref": "#/definitions/level"},
                                        "note": {"type": "string"},
                                        "by": {"type": "string", "description": "Who rated."}
                                    }
                                }
                            }
                        }
                    }
                ]
            },
            "person": {
                "type": ["object", "null"],
                "additionalProperties": false,
                "properties": {
                    "name": {"type": ["string", "number"], "description": "Shown under the symbol; default: the id."},
                    "sex": {"enum": Sex::WORDS, "description": "Sex assigned at birth; default unknown."},
                    "gender": open_words(KnownGender::WORDS, "Gender identity; when given, the symbol's shape follows it."),
                    "kind": {"enum": PersonKind::WORDS, "description": "Default: person."},
                    "born": {"$ref": "#/definitions/date"},
                    "died": {"$ref": "#/definitions/date"},
                    "deceased": {"type": "boolean", "description": "Deceased with no known date."},
                    "occupation": {"type": ["string", "number"]},
                    "location": {"type": ["string", "number"]},
                    "conditions": {
                        "type": "array",
                        "items": open_words(KnownCondition::WORDS, "A condition: known words get the standard fill; others are shown as a badge.")
                    },
                    "notes": {"type": "string", "description": "Never drawn unless asked for; dropped by anonymisation."},
                    "skills": {
                        "type": ["object", "null"],
                        "description": "Each skill's level: none, some, strong or unknown, or {level, learned, since, note}.",
                        "additionalProperties": {"$ref": "#/definitions/rating"}
                    },
                    "raised_by": {
                        "description": "Who raised this person; replaces the couples as caregivers.",
                        "anyOf": [{"type": "array", "items": {"$ref": "#/definitions/id"}}, {"$ref": "#/definitions/id"}]
                    }
                }
            },
            "child": {
                "anyOf": [
                    {"$ref": "#/definitions/id"},
                    {
                        "type": "object",
                        "additionalProperties": false,
                        "required": ["id"],
                        "properties": {
                            "id": {"$ref": "#/definitions/id"},
                            "link": {"enum": Link::WORDS, "description": "Default: biological."},
                            "adopted": {"$ref": "#/definitions/date"}
                        }
                    }
                ]
            },
            "couple": {
                "type": "object",
                "additionalProperties": false,
                "required": ["partners"],
                "properties": {
                    "partners": {
                        "description": "One or two ids; one when the other parent is unknown.",
                        "anyOf": [
                            {"type": "array", "items": {"$ref": "#/definitions/id"}, "minItems": 1, "maxItems": 2},
                            {"$ref": "#/definitions/id"}
                        ]
                    },
                    "relation": {"enum": Relation::WORDS, "description": "Default: married."},
                    "married": {"$ref": "#/definitions/date"},
                    "separated": {"$ref": "#/definitions/date"},
                    "divorced": {"$ref": "#/definitions/date"},
                    "ended": {"$ref": "#/definitions/date"},
                    "since": {"$ref": "#/definitions/date"},
                    "children": {
                        "type": ["array", "null"],
                        "items": {
                            "anyOf": [
                                {"$ref": "#/definitions/child"},
                                {
                                    "type": "object",
                                    "additionalProperties": false,
                                    "required": ["twins"],
                                    "properties": {
                                        "twins": {"type": "array", "items": {"$ref": "#/definitions/child"}, "minItems": 2},
                                        "identical": {"type": "boolean"}
                                    }
                                }
                            ]
                        }
                    }
                }
            },
            "relationship": {
                "anyOf": [
                    {"type": "object", "additionalProperties": false, "required": ["between", "kind"], "properties": mutual},
                    {"type": "object", "additionalProperties": false, "required": ["from", "to", "kind"], "properties": directed}
                ]
            }
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_every_word_the_loader_knows() {
        let text = super::json_text();
        for w in crate::model::RelKind::WORDS
            .iter()
            .chain(crate::model::Link::WORDS)
        {
            assert!(text.contains(&format!("\"{w}\"")), "{w}");
        }
    }
}
