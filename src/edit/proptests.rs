//! Random lists of operations on the samples: each list either applies, giving a family
//! that passes check (and the same bytes every time), or is refused with the operation
//! named; lists that only add keep every byte of the file, in order.

use proptest::prelude::*;
use serde_json::{Value as Json, json};

use super::change::Editor;
use super::{apply, check, family, ops_from_value};

const SAMPLES: [&str; 5] = [
    "adoption-foster",
    "blended-family",
    "cousin-marriage",
    "intimacy-cycle",
    "twins-and-losses",
];

/// Families written in unusual ways: line ends CRLF, no last line end, four-space
/// indentation, lists not indented under their key, quoted keys, comments everywhere, a
/// `|` text, everything in `{…}`.
const ODD: [&str; 3] = [
    "# odd\r\npeople:\r\n    \"ann\":   # quoted key\r\n        name: 'Ann Lee'\r\n        sex: female\r\n    bob: {name: \"Bob Lee\", sex: male}  # flow\r\n\r\n    # kids\r\n    cy:\r\n        sex: male\r\n        notes: |\r\n            Line one\r\n            Line two\r\n\r\ncouples:\r\n- partners: [ann, bob]\r\n  children:\r\n  - cy\r\nrelationships: [{between: [ann, bob], kind: close}]",
    "{title: Flow, people: {ann: {sex: female}, bob: {sex: male, born: 1950}, cy: {}}, couples: [{partners: [ann, bob], children: [cy]}]}\n",
    "title: \"Comments\"   # the title\n\n# people\npeople:\n  # first\n  ann:\n    # her name\n    name: Ann\n\n    # her skills\n    skills:\n      openness: some   # learned late\n  # second\n  bob:\n    name: Bob\n    # end of bob\n\n# couples\ncouples:\n\n  # the one\n  - partners:\n      - ann\n      - bob\n    # their child\n    children: []\n# end\n",
];

fn sample(i: usize) -> String {
    if let Some(odd) = i.checked_sub(SAMPLES.len()).and_then(|j| ODD.get(j)) {
        return (*odd).to_string();
    }
    let name = SAMPLES[i % SAMPLES.len()];
    std::fs::read_to_string(format!(
        "{}/samples/{name}.yaml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("the samples are there")
}

/// One operation made from four small numbers and the ids to pick from.
fn op(kind: u8, a: usize, b: usize, c: usize, ids: &[String]) -> Json {
    let pick = |n: usize| ids[n % ids.len()].clone();
    let names = [
        "Ana Lee",
        "Jo",
        "Zoë O'Neil",
        "Sam: the elder",
        "#1 fan",
        "Émile Roy",
    ];
    let values = [
        json!(1950),
        json!("~1962-04"),
        json!("nurse, then teacher"),
        json!("first line\nsecond line\n"),
        json!({"openness": "some", "honesty": {"level": "strong", "learned": "therapy", "since": 2010}}),
        json!(["alcohol", "illness"]),
        json!("yes"),
        json!(""),
    ];
    let fields = [
        "born",
        "died",
        "occupation",
        "notes",
        "skills",
        "conditions",
        "location",
        "name",
    ];
    let kinds = ["close", "hostile", "distant", "cutoff", "focused-on"];
    let sex = ["female", "male"][b % 2];
    let top = ["title", "index"][b % 2];
    let top_value = if b.is_multiple_of(2) {
        json!(names[a % names.len()])
    } else {
        json!(pick(a))
    };
    match kind % 10 {
        0 => json!({"op": "add-person", "person": {"name": names[a % names.len()], "sex": sex}}),
        1 => {
            json!({"op": "add-person", "id": format!("new-{}", a % 2), "person": {"born": 1900 + (b % 120)}})
        }
        2 => {
            json!({"op": "update-person", "id": pick(a), "set": {fields[b % fields.len()]: values[c % values.len()]}})
        }
        3 => json!({"op": "update-person", "id": pick(a), "unset": [fields[b % fields.len()]]}),
        4 => json!({"op": "remove-person", "id": pick(a)}),
        5 => {
            json!({"op": "add-couple", "couple": {"partners": [pick(a), pick(b)], "married": 1950 + (c % 60)}})
        }
        6 => {
            json!({"op": "add-child", "parents": if c.is_multiple_of(3) { vec![pick(a)] } else { vec![pick(a), pick(b)] }, "child": pick(c)})
        }
        7 => {
            json!({"op": "add-relationship", "relationship": {"between": [pick(a), pick(b)], "kind": kinds[c % kinds.len()]}})
        }
        8 => json!({"op": "remove-relationship", "relationship": {"between": [pick(a), pick(b)]}}),
        _ => json!({"op": "set", "field": top, "value": top_value}),
    }
}

/// Whether `new` is `old` with text inserted: every character of `old` is still there,
/// in order.
fn only_inserted(old: &str, new: &str) -> bool {
    let mut rest = new.chars();
    old.chars().all(|c| rest.any(|n| n == c))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn random_operations_apply_and_pass_check_or_change_nothing(
        which in 0usize..8,
        steps in proptest::collection::vec((0u8..10, 0usize..64, 0usize..64, 0usize..64), 1..7),
    ) {
        let text = sample(which);
        prop_assert!(check::first_problem(&text).is_none(), "{text}");
        let mut ids: Vec<String> = family::people(&Editor::new(text.clone()).unwrap())
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        ids.extend((0..2).map(|n| format!("new-{n}")));
        let list: Vec<Json> = steps.iter().map(|&(k, a, b, c)| op(k, a, b, c, &ids)).collect();
        let ops = ops_from_value(Json::Array(list.clone())).unwrap();
        match apply(&text, &ops) {
            Ok(new_text) => {
                prop_assert!(check::first_problem(&new_text).is_none(), "{list:?}\n{new_text}");
                prop_assert_eq!(apply(&text, &ops).unwrap(), new_text.clone());
                let only_adds = list.iter().all(|o| matches!(o["op"].as_str(), Some("add-person" | "add-couple" | "add-relationship")));
                prop_assert!(!only_adds || only_inserted(&text, &new_text), "{list:?}\n{new_text}");
            }
            Err(e) => {
                // Nothing changed (the text is only read), and the refusal is explained.
                prop_assert!(e.index.is_none_or(|i| i < ops.len()), "{e:?}");
                prop_assert!(!e.message.is_empty());
                prop_assert!(!e.message.contains("read back"), "{list:?}: {e}");
                prop_assert!(!e.message.contains("cannot be made in the file's text safely"), "{list:?}: {e}");
                prop_assert_eq!(apply(&text, &ops).unwrap_err(), e);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Changing one person leaves every byte before their entry and after it as it was.
    #[test]
    fn updating_a_person_touches_only_their_entry(
        which in 0usize..8,
        who in 0usize..64,
        set in proptest::collection::vec((0usize..8, 0usize..8), 0..4),
        unset in proptest::collection::vec(0usize..8, 0..3),
    ) {
        let text = sample(which);
        let ed = Editor::new(text.clone()).unwrap();
        let Some(super::doc::Node { body: super::doc::Body::Map(people), shape, .. }) = ed.doc.get(&super::doc::keys(&["people"])) else {
            panic!("people")
        };
        let i = who % people.len();
        let id = people[i].key.clone();
        // The entry's lines, or its bytes inside `{…}`.
        let (before, after) = if shape.is_flow() {
            (people[i].key_start, people.get(i + 1).map_or(people[i].value.end, |n| n.key_start))
        } else {
            (
                ed.doc.line_start(people[i].key_start),
                people.get(i + 1).map_or_else(
                    || ed.doc.next_line_start(people[i].value.end),
                    |next| ed.doc.line_start(next.key_start),
                ),
            )
        };
        let fields = ["born", "died", "occupation", "notes", "skills", "conditions", "location", "name"];
        let values = [
            json!(1950), json!("~1962-04"), json!("nurse, then teacher"), json!("first line\nsecond line\n"),
            json!({"openness": "some"}), json!(["alcohol"]), json!("Zoë's place: Köln"), json!("#1"),
        ];
        let set: serde_json::Map<String, Json> = set
            .iter()
            .map(|&(f, v)| (fields[f].to_string(), values[v].clone()))
            .collect();
        let unset: Vec<&str> = unset.iter().map(|&f| fields[f]).filter(|f| !set.contains_key(*f)).collect();
        let ops = ops_from_value(json!([{"op": "update-person", "id": id, "set": set, "unset": unset}])).unwrap();
        if let Ok(new_text) = apply(&text, &ops) {
            prop_assert!(new_text.starts_with(&text[..before]), "{new_text}");
            prop_assert!(new_text.ends_with(&text[after..]), "{new_text}");
        }
    }
}
