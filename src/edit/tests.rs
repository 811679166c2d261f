//! The operations on texts: what changes, what stays byte for byte, what is refused.

use super::*;
use change::Editor;

fn ops(json: &str) -> Vec<Op> {
    parse_ops(json).unwrap_or_else(|e| panic!("{e}"))
}

fn ok(text: &str, json: &str) -> String {
    apply(text, &ops(json)).unwrap_or_else(|e| panic!("{e}\n--- text:\n{text}"))
}

fn refused(text: &str, json: &str) -> EditError {
    match apply(text, &ops(json)) {
        Ok(t) => panic!("not refused; gave:\n{t}"),
        Err(e) => e,
    }
}

const SMALL: &str = "\
# The Hartmann family
title: Hartmanns
index: mia

people:
  paul:
    name: Paul Hartmann   # father
    sex: male
    born: 1950
  anne: {name: Anne Hartmann, sex: female, born: 1952}

  # the children
  mia:
    name: Mia Hartmann
    sex: female
    born: 1983-07-02
  leo:
    name: Leo Hartmann
    sex: male

couples:
  - partners: [paul, anne]
    married: 1980
    children: [mia, leo]

relationships:
  - {between: [paul, anne], kind: hostile}
  - {between: [mia, leo], kind: close}
";

/// Applies and checks that the result passes check and is the same the second time.
fn twice(text: &str, json: &str) -> String {
    let a = ok(text, json);
    assert_eq!(a, ok(text, json), "not the same bytes twice");
    assert!(check::first_problem(&a).is_none(), "{a}");
    a
}

#[test]
fn add_person_follows_the_last_person_and_keeps_every_other_byte() {
    let t = twice(
        SMALL,
        r#"{"op": "add-person", "person": {"name": "Rosa Berg", "sex": "female", "born": "~1930", "conditions": ["alcohol"]}}"#,
    );
    let want = SMALL.replace(
        "    sex: male\n\ncouples:",
        "    sex: male\n  rosa:\n    name: Rosa Berg\n    sex: female\n    born: ~1930\n    conditions: [alcohol]\n\ncouples:",
    );
    assert_eq!(t, want);
    // A file whose people are written on one line each gets one more such line.
    let flow = "people:\n  a: {name: Ann Lee, sex: female}   # first\n  b: {name: Bo Lee}\n";
    let t = twice(
        flow,
        r#"{"op": "add-person", "person": {"name": "Cy Lee", "born": 1990}}"#,
    );
    assert_eq!(t, format!("{flow}  cy: {{name: Cy Lee, born: 1990}}\n"));
}

#[test]
fn add_person_makes_ids_in_the_files_style_and_refuses_taken_or_bad_ones() {
    let t = twice(
        SMALL,
        r#"{"op": "add-person", "person": {"name": "Mia Schmidt"}}"#,
    );
    assert!(t.contains("  mia-schmidt:\n    name: Mia Schmidt\n"), "{t}");
    let whole = "people:\n  ann-lee: {name: Ann Lee}\n  bo-lee: {name: Bo Lee}\n";
    let t = twice(
        whole,
        r#"{"op": "add-person", "person": {"name": "Cy Lee"}}"#,
    );
    assert!(t.ends_with("  cy-lee: {name: Cy Lee}\n"), "{t}");
    let t = twice(
        SMALL,
        r#"{"op": "add-person", "id": "baby", "person": {"kind": "miscarriage", "born": 1985}}"#,
    );
    assert!(
        t.contains("  baby:\n    kind: miscarriage\n    born: 1985\n"),
        "{t}"
    );
    let e = refused(
        SMALL,
        r#"[{"op": "set", "field": "title", "value": "x"}, {"op": "add-person", "id": "mia", "person": {"name": "Mia"}}]"#,
    );
    assert_eq!(e.index, Some(1));
    assert_eq!(e.id.as_deref(), Some("mia"));
    assert!(
        e.message.contains("already a person with the id `mia`"),
        "{}",
        e.message
    );
    assert!(e.to_string().starts_with("operation 2 (`mia`): "), "{e}");
    let e = refused(
        SMALL,
        r#"{"op": "add-person", "id": "mia hartmann", "person": {}}"#,
    );
    assert!(e.message.contains("cannot be an id"), "{}", e.message);
}

#[test]
fn a_new_family_starts_from_an_empty_text_or_one_of_comments() {
    let ops = r#"[{"op": "add-person", "person": {"name": "Mia Hartmann", "sex": "female"}},
                  {"op": "set", "field": "index", "value": "mia"}]"#;
    assert_eq!(
        twice("", ops),
        "index: mia\npeople:\n  mia:\n    name: Mia Hartmann\n    sex: female\n"
    );
    let t = twice("# our family\n", ops);
    assert!(
        t.starts_with("# our family\nindex: mia\npeople:\n  mia:\n"),
        "{t}"
    );
    let t = twice("# no line end", ops);
    assert!(t.starts_with("# no line end\nindex: mia\npeople:\n"), "{t}");
    let t = twice("people:\n", ops);
    assert!(
        t.starts_with("index: mia\npeople:\n  mia:\n    name: Mia Hartmann\n"),
        "{t}"
    );
    let t = twice("people: {}\ncouples: []\n", ops);
    assert!(
        t.starts_with("index: mia\npeople:\n  mia:\n    name: Mia Hartmann\n"),
        "{t}"
    );
    assert!(t.contains("\ncouples: []\n"), "{t}");
}

#[test]
fn crlf_line_ends_and_a_missing_last_line_end_are_kept() {
    let crlf = SMALL.replace('\n', "\r\n");
    let t = twice(
        &crlf,
        r#"[{"op": "add-person", "person": {"name": "Rosa Berg"}},
            {"op": "add-child", "parents": ["paul", "anne"], "child": "rosa"},
            {"op": "update-person", "id": "paul", "set": {"died": 2020}}]"#,
    );
    assert!(
        !t.replace("\r\n", "").contains('\n'),
        "a bare line end: {t:?}"
    );
    assert!(t.contains("    born: 1950\r\n    died: 2020\r\n"), "{t:?}");
    assert!(t.contains("  rosa:\r\n    name: Rosa Berg\r\n"), "{t:?}");
    let no_end = SMALL.trim_end();
    let t = twice(
        no_end,
        r#"{"op": "add-relationship", "relationship": {"between": ["leo", "paul"], "kind": "distant"}}"#,
    );
    assert_eq!(
        t,
        format!("{no_end}\n  - {{between: [leo, paul], kind: distant}}")
    );
    let t = twice(
        &t,
        r#"{"op": "remove-relationship", "relationship": {"between": ["paul", "leo"], "kind": "distant"}}"#,
    );
    assert_eq!(t, no_end);
}

#[test]
fn update_person_changes_only_what_differs() {
    let text = "\
people:
  mia:
    name: 'Mia Hartmann'   # her full name
    sex: female
    location: Bonn
    skills:
      openness: none      # before the group
      honesty: {level: some, learned: family}
      directness: none
  leo: {name: Leo}
";
    let t = twice(
        text,
        r#"{"op": "update-person", "id": "mia",
            "set": {"occupation": "nurse",
                    "skills": {"openness": {"level": "strong", "learned": "group-therapy", "since": 2018},
                               "honesty": {"level": "some", "learned": "family"},
                               "directness": "none"}},
            "unset": ["location"]}"#,
    );
    assert_eq!(
        t,
        "\
people:
  mia:
    name: 'Mia Hartmann'   # her full name
    sex: female
    skills:
      openness: {level: strong, learned: group-therapy, since: 2018}      # before the group
      honesty: {level: some, learned: family}
      directness: none
    occupation: nurse
  leo: {name: Leo}
"
    );
    // Inside `{…}`: added at the end, removed with its comma.
    let t = twice(
        text,
        r#"{"op": "update-person", "id": "leo", "set": {"sex": "male", "born": 1990}}"#,
    );
    assert!(
        t.ends_with("  leo: {name: Leo, sex: male, born: 1990}\n"),
        "{t}"
    );
    let t = twice(
        &t,
        r#"{"op": "update-person", "id": "leo", "unset": ["sex"]}"#,
    );
    assert!(t.ends_with("  leo: {name: Leo, born: 1990}\n"), "{t}");
    let t = twice(
        &t,
        r#"{"op": "update-person", "id": "leo", "unset": ["born"]}"#,
    );
    assert!(t.ends_with("  leo: {name: Leo}\n"), "{t}");
    let t = twice(
        &t,
        r#"{"op": "update-person", "id": "leo", "unset": ["name"]}"#,
    );
    assert!(t.ends_with("  leo: {}\n"), "{t}");
    // A text over several lines becomes a `|` block, and reads back the same.
    let t = twice(
        text,
        r#"{"op": "update-person", "id": "mia", "set": {"notes": "First line.\nSecond: with a colon.\n"}}"#,
    );
    assert!(
        t.contains("    notes: |\n      First line.\n      Second: with a colon.\n  leo:"),
        "{t}"
    );
    let t = twice(
        &t,
        r#"{"op": "update-person", "id": "mia", "set": {"notes": "Only one"}}"#,
    );
    assert!(t.contains("    notes: Only one\n  leo:"), "{t}");
}

#[test]
fn update_person_refuses_unknown_ids_and_bad_values_naming_the_operation() {
    let e = refused(
        SMALL,
        r#"{"op": "update-person", "id": "mai", "set": {"born": 1983}}"#,
    );
    assert_eq!((e.index, e.id.as_deref()), (Some(0), Some("mai")));
    assert!(
        e.message
            .contains("no person with the id `mai` (did you mean `mia`?)"),
        "{}",
        e.message
    );
    let e = refused(
        SMALL,
        r#"[{"op": "set", "field": "title", "value": "T"},
            {"op": "add-person", "person": {"name": "Rosa"}},
            {"op": "update-person", "id": "mia", "set": {"born": "last year"}},
            {"op": "set", "field": "title", "value": "U"}]"#,
    );
    assert_eq!((e.index, e.id.as_deref()), (Some(2), Some("mia")));
    assert!(e.message.contains("would not pass check"), "{}", e.message);
    assert!(e.message.contains("last year"), "{}", e.message);
    let e = refused(
        SMALL,
        r#"{"op": "update-person", "id": "mia", "set": {"sex": "female"}, "unset": ["sex"]}"#,
    );
    assert!(e.message.contains("both set and unset"), "{}", e.message);
}

#[test]
fn quoted_keys_and_comments_between_entries_are_kept() {
    let text = "\
people:
  \"mia\":   # the client
    name: Mia
  # between two people
  'leo':
    name: Leo
    # Leo's own comment
couples:
  - partners: [\"mia\", leo]
";
    let t = twice(
        text,
        r#"[{"op": "update-person", "id": "mia", "set": {"born": 1983}},
                            {"op": "add-person", "person": {"name": "Ann"}}]"#,
    );
    assert_eq!(
        t,
        "\
people:
  \"mia\":   # the client
    name: Mia
    born: 1983
  # between two people
  'leo':
    name: Leo
    # Leo's own comment
  ann:
    name: Ann
couples:
  - partners: [\"mia\", leo]
"
    );
    let t = twice(text, r#"{"op": "remove-person", "id": "leo"}"#);
    assert_eq!(
        t,
        "people:\n  \"mia\":   # the client\n    name: Mia\n  # between two people\ncouples:\n  - partners: [\"mia\"]\n"
    );
}

#[test]
fn add_child_finds_the_couple_in_any_order_or_makes_it() {
    let t = twice(
        SMALL,
        r#"[{"op": "add-person", "person": {"name": "Ida Hartmann"}},
            {"op": "add-child", "parents": ["anne", "paul"], "child": "ida", "link": "adopted"}]"#,
    );
    assert!(
        t.contains("    children: [mia, leo, {id: ida, link: adopted}]\n"),
        "{t}"
    );
    let t = twice(
        SMALL,
        r#"[{"op": "add-person", "person": {"name": "Ben Hartmann"}},
            {"op": "add-child", "parents": ["mia"], "child": "ben"}]"#,
    );
    assert!(
        t.contains(
            "    children: [mia, leo]\n  - partners: [mia]\n    children: [ben]\n\nrelationships:"
        ),
        "{t}"
    );
    // A block list of children gets one more item.
    let block = SMALL.replace(
        "    children: [mia, leo]\n",
        "    children:\n      - mia\n      - leo\n",
    );
    let t = twice(
        &block,
        r#"[{"op": "add-person", "id": "ida", "person": {}},
            {"op": "add-child", "parents": ["paul", "anne"], "child": "ida", "link": "foster"}]"#,
    );
    assert!(
        t.contains("      - leo\n      - {id: ida, link: foster}\n"),
        "{t}"
    );
    let e = refused(
        SMALL,
        r#"{"op": "add-child", "parents": ["paul", "anne"], "child": "mia"}"#,
    );
    assert!(
        e.message.contains("already a child of paul and anne"),
        "{}",
        e.message
    );
    let e = refused(
        SMALL,
        r#"{"op": "add-child", "parents": ["paul", "anne", "leo"], "child": "mia"}"#,
    );
    assert!(e.message.contains("one or two"), "{}", e.message);
    let e = refused(
        SMALL,
        r#"{"op": "add-child", "parents": ["paul"], "child": "nobody"}"#,
    );
    assert_eq!(e.id.as_deref(), Some("nobody"));
}

#[test]
fn couples_are_added_updated_and_refused_by_their_partners() {
    let t = twice(
        SMALL,
        r#"[{"op": "add-person", "person": {"name": "Karl Berg"}},
            {"op": "add-couple", "couple": {"partners": ["karl", "anne"], "married": 1975, "divorced": 1978}},
            {"op": "update-couple", "partners": ["anne", "paul"], "set": {"separated": 1993, "divorced": 1995}, "unset": ["married"]}]"#,
    );
    assert!(
        t.contains(
            "couples:\n  - partners: [paul, anne]\n    children: [mia, leo]\n    separated: 1993\n    divorced: 1995\n  - partners: [karl, anne]\n    married: 1975\n    divorced: 1978\n\nrelationships:"
        ),
        "{t}"
    );
    let e = refused(
        SMALL,
        r#"{"op": "add-couple", "couple": {"partners": ["anne", "paul"]}}"#,
    );
    assert!(e.message.contains("already a couple"), "{}", e.message);
    let e = refused(
        SMALL,
        r#"{"op": "update-couple", "partners": ["mia", "leo"], "set": {"married": 2000}}"#,
    );
    assert!(
        e.message.contains("no couple of mia and leo"),
        "{}",
        e.message
    );
    assert_eq!(e.id.as_deref(), Some("mia and leo"));
    let e = refused(
        SMALL,
        r#"{"op": "add-couple", "couple": {"married": 2000}}"#,
    );
    assert!(e.message.contains("no `partners`"), "{}", e.message);
    let e = refused(
        SMALL,
        r#"{"op": "add-couple", "couple": {"partners": ["paul", "ghost"]}}"#,
    );
    assert_eq!(e.id.as_deref(), Some("ghost"));
    let e = refused(
        SMALL,
        r#"{"op": "update-couple", "partners": ["paul", "anne"], "set": {"married": "soon"}}"#,
    );
    assert!(e.message.contains("would not pass check"), "{}", e.message);
}

#[test]
fn remove_person_removes_every_mention() {
    let text = "\
index: leo
people:
  paul: {name: Paul}
  anne: {name: Anne}
  leo: {name: Leo}
  tim: {name: Tim}
  tom: {name: Tom}
  gran:
    name: Gran
  kid:
    name: Kid
    raised_by: [gran, leo]
  kid2: {name: Kid Two, raised_by: leo}
couples:
  - partners: [paul, anne]
    children:
      - {twins: [leo, tim], identical: true}
      - tom
  - partners: [leo]
    children: [kid]
  - partners: [leo, gran]   # a short affair
    relation: affair
relationships:
  - {between: [paul, leo], kind: close}
  - {from: leo, to: tom, kind: caretaker}
  - {between: [paul, anne], kind: hostile}
";
    let t = twice(text, r#"{"op": "remove-person", "id": "leo"}"#);
    assert_eq!(
        t,
        "\
people:
  paul: {name: Paul}
  anne: {name: Anne}
  tim: {name: Tim}
  tom: {name: Tom}
  gran:
    name: Gran
  kid:
    name: Kid
    raised_by: [gran]
  kid2: {name: Kid Two}
couples:
  - partners: [paul, anne]
    children:
      - tim
      - tom
  - partners: [gran]   # a short affair
    relation: affair
relationships:
  - {between: [paul, anne], kind: hostile}
"
    );
    let e = refused(text, r#"{"op": "remove-person", "id": "ghost"}"#);
    assert_eq!((e.index, e.id.as_deref()), (Some(0), Some("ghost")));
}

#[test]
fn blank_lines_between_entries_are_followed_and_tidied() {
    let text = "people:\n  a: {}\n  b: {}\n  c: {}\n\ncouples:\n  - partners: [a]\n\n  - partners: [b]\n\n  - partners: [c]\n\n# the end\n";
    let t = twice(
        text,
        r#"{"op": "add-couple", "couple": {"partners": ["a", "b"]}}"#,
    );
    assert_eq!(
        t,
        text.replace("[c]\n\n#", "[c]\n\n  - partners: [a, b]\n\n#")
    );
    let t = twice(text, r#"{"op": "remove-person", "id": "b"}"#);
    assert_eq!(
        t,
        "people:\n  a: {}\n  c: {}\n\ncouples:\n  - partners: [a]\n\n  - partners: [c]\n\n# the end\n"
    );
}

#[test]
fn relationships_are_added_removed_and_refused_plainly() {
    let t = twice(
        SMALL,
        r#"{"op": "add-relationship", "relationship": {"from": "paul", "to": "mia", "kind": "focused-on", "note": "since the divorce, and after"}}"#,
    );
    assert!(
        t.ends_with(
            "  - {from: paul, to: mia, kind: focused-on, note: \"since the divorce, and after\"}\n"
        ),
        "{t}"
    );
    let e = refused(
        SMALL,
        r#"{"op": "add-relationship", "relationship": {"between": ["anne", "paul"], "kind": "hostile"}}"#,
    );
    assert!(e.message.contains("already there"), "{}", e.message);
    let e = refused(
        SMALL,
        r#"{"op": "remove-relationship", "relationship": {"between": ["paul", "anne"], "kind": "close"}}"#,
    );
    assert!(
        e.message
            .contains("the close relationship between paul and anne is not in the file"),
        "{}",
        e.message
    );
    let two = format!("{SMALL}  - {{between: [paul, anne], kind: hostile, since: 2000}}\n");
    let e = refused(
        &two,
        r#"{"op": "remove-relationship", "relationship": {"between": ["paul", "anne"], "kind": "hostile"}}"#,
    );
    assert!(e.message.contains("matches 2"), "{}", e.message);
    let t = twice(
        &two,
        r#"{"op": "remove-relationship", "relationship": {"between": ["paul", "anne"], "kind": "hostile", "since": 2000}}"#,
    );
    assert_eq!(t, SMALL);
    let e = refused(
        SMALL,
        r#"{"op": "add-relationship", "relationship": {"between": ["paul", "anne"], "kind": "hostiel"}}"#,
    );
    assert!(e.message.contains("would not pass check"), "{}", e.message);
    let t = twice(
        SMALL,
        r#"[{"op": "remove-relationship", "relationship": {"between": ["paul", "anne"]}},
                             {"op": "remove-relationship", "relationship": {"kind": "close"}}]"#,
    );
    assert!(t.ends_with("relationships: []\n"), "{t}");
}

#[test]
fn set_changes_top_level_fields() {
    let t = twice(
        SMALL,
        r#"[{"op": "set", "field": "title", "value": "The Hartmanns: three generations"},
                             {"op": "set", "field": "index", "value": "leo"}]"#,
    );
    assert!(
        t.starts_with(
            "# The Hartmann family\ntitle: \"The Hartmanns: three generations\"\nindex: leo\n"
        ),
        "{t}"
    );
    let t = twice(SMALL, r#"{"op": "set", "field": "index", "value": null}"#);
    assert!(
        t.starts_with("# The Hartmann family\ntitle: Hartmanns\n\npeople:"),
        "{t}"
    );
    let t = twice(
        SMALL,
        r#"{"op": "set", "field": "skills", "value": {"openness": "Shares feelings", "repair": "Makes amends"}}"#,
    );
    assert!(
        t.contains("index: mia\n\nskills:\n  openness: Shares feelings\n  repair: Makes amends\n\npeople:\n"),
        "{t}"
    );
    // Top-level fields go where the format's documentation puts them.
    let t = twice(
        "# Family\npeople:\n  a: {}\n",
        r#"[{"op": "set", "field": "index", "value": "a"}, {"op": "set", "field": "title", "value": "T"}]"#,
    );
    assert_eq!(t, "# Family\ntitle: T\nindex: a\npeople:\n  a: {}\n");
    let e = refused(SMALL, r#"{"op": "set", "field": "titel", "value": "x"}"#);
    assert!(e.message.contains("did you mean `title`?"), "{}", e.message);
    let e = refused(
        SMALL,
        r#"{"op": "set", "field": "index", "value": "nobody"}"#,
    );
    assert_eq!(e.id.as_deref(), Some("nobody"));
}

#[test]
fn parse_ops_refuses_in_plain_words() {
    let e = parse_ops("[{\"op\": \"add-person\",").unwrap_err();
    assert_eq!(e.index, None);
    assert!(
        e.message
            .starts_with("the operations are not readable JSON (line 1, column"),
        "{}",
        e.message
    );
    let e = parse_ops(r#"[{"op": "add-person"}, {"op": "remove-persn", "id": "x"}]"#).unwrap_err();
    assert_eq!((e.index, e.id.as_deref()), (Some(1), Some("x")));
    assert!(
        e.message.contains("did you mean `remove-person`?"),
        "{}",
        e.message
    );
    let e = parse_ops(r#"{"op": "update-person", "sett": {}}"#).unwrap_err();
    assert!(
        e.message.contains("`sett` is not a field of update-person"),
        "{}",
        e.message
    );
    let e = parse_ops(r#"{"op": "remove-person"}"#).unwrap_err();
    assert!(e.message.contains("`id` is missing"), "{}", e.message);
    let e = parse_ops(r#"{"id": "x"}"#).unwrap_err();
    assert!(
        e.message.contains("does not say which operation"),
        "{}",
        e.message
    );
    let e = parse_ops(r#"{"op": "remove-person", "id": ["x"]}"#).unwrap_err();
    assert!(
        e.message
            .contains("`id` must be an id, like \"mia\", not a list"),
        "{}",
        e.message
    );
    let e = parse_ops(r#"{"op": "add-person", "person": "Mia"}"#).unwrap_err();
    assert!(
        e.message.contains("`person` must be an object of fields"),
        "{}",
        e.message
    );
    assert!(e.message.contains("not a text"), "{}", e.message);
    let e = parse_ops(r#"{"op": "add-child", "parents": "mia", "child": "leo"}"#).unwrap_err();
    assert!(
        e.message
            .contains("`parents` must be a list of one or two ids"),
        "{}",
        e.message
    );
    let e = parse_ops(r#"{"op": "set", "field": "title"}"#).unwrap_err();
    assert!(e.message.contains("`value` is missing"), "{}", e.message);
    let e = parse_ops("42").unwrap_err();
    assert!(e.message.contains("not a number"), "{}", e.message);
    assert_eq!(parse_ops("[]").unwrap(), Vec::new());
    assert_eq!(
        parse_ops(r#"{"op": "remove-person", "id": 7}"#).unwrap(),
        vec![Op::RemovePerson { id: Id("7".into()) }]
    );
}

#[test]
fn files_the_editor_cannot_change_safely_are_refused() {
    let anchors = "people:\n  a: &p {sex: female}\n  b: *p\n";
    let e = refused(anchors, r#"{"op": "set", "field": "title", "value": "x"}"#);
    assert!(e.message.contains("anchors"), "{}", e.message);
    let broken = "people:\n  a: {sex: female\n";
    let e = refused(broken, r#"{"op": "set", "field": "title", "value": "x"}"#);
    assert!(
        e.message
            .starts_with("the file cannot be changed until it can be read: line"),
        "{}",
        e.message
    );
    let e = refused(
        "people:\n  a: {sex: mael}\n",
        r#"{"op": "set", "field": "title", "value": "x"}"#,
    );
    assert!(e.message.contains("do not fix"), "{}", e.message);
    assert_eq!(e.index, None);
    let e = refused(
        "- a list\n",
        r#"{"op": "set", "field": "title", "value": "x"}"#,
    );
    assert!(e.message.contains("not a family file"), "{}", e.message);
}

#[test]
fn every_sample_takes_a_round_of_operations_and_still_passes_check() {
    for name in [
        "adoption-foster",
        "blended-family",
        "cousin-marriage",
        "intimacy-cycle",
        "twins-and-losses",
    ] {
        let text = std::fs::read_to_string(format!(
            "{}/samples/{name}.yaml",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let first = family::people(&Editor::new(text.clone()).unwrap())[0]
            .0
            .clone();
        let ops = format!(
            r#"[{{"op": "add-person", "id": "new-one", "person": {{"name": "New One", "sex": "female", "born": 2001}}}},
                {{"op": "add-child", "parents": ["{first}"], "child": "new-one"}},
                {{"op": "add-relationship", "relationship": {{"between": ["{first}", "new-one"], "kind": "close"}}}},
                {{"op": "update-person", "id": "new-one", "set": {{"occupation": "student"}}}},
                {{"op": "remove-person", "id": "new-one"}}]"#
        );
        let t = twice(&text, &ops);
        assert!(!t.contains("new-one"), "{name}: {t}");
    }
}

#[test]
fn empty_and_odd_values_are_filled_in_place() {
    // A person with nothing after the colon, or `~`, or `{}` with a comment.
    let text = "people:\n  ann:\n  bob: ~\n  cy: {}   # later\n  dee:\n    notes: |\n      two\n      lines\n";
    let t = twice(
        text,
        r#"[{"op": "update-person", "id": "ann", "set": {"sex": "female"}},
            {"op": "update-person", "id": "bob", "set": {"sex": "male"}},
            {"op": "update-person", "id": "cy", "set": {"born": 2001}},
            {"op": "update-person", "id": "dee", "set": {"notes": "one line"}}]"#,
    );
    assert_eq!(
        t,
        "people:\n  ann:\n    sex: female\n  bob:\n    sex: male\n  cy:\n    born: 2001   # later\n  dee:\n    notes: one line\n"
    );
    // Four spaces of indentation, and a whole file in `{…}`.
    let four = "people:\n    ann:\n        sex: female\n";
    let t = twice(
        four,
        r#"{"op": "add-person", "id": "bob", "person": {"sex": "male", "skills": {"openness": "some"}}}"#,
    );
    assert_eq!(
        t,
        format!("{four}    bob:\n        sex: male\n        skills: {{openness: some}}\n")
    );
    let flow = "{people: {ann: {sex: female}}}\n";
    let t = twice(
        flow,
        r#"[{"op": "add-person", "id": "bob", "person": {"name": "Bob, Jr."}},
            {"op": "add-child", "parents": ["ann"], "child": "bob"}]"#,
    );
    assert_eq!(
        t,
        "{people: {ann: {sex: female}, bob: {name: \"Bob, Jr.\"}}, couples: [{partners: [ann], children: [bob]}]}\n"
    );
}

#[test]
fn single_quotes_are_followed_where_the_file_uses_them() {
    let text = "people:\n  ann: {name: 'Ann', notes: 'x'}\n";
    let t = twice(
        text,
        r#"{"op": "update-person", "id": "ann", "set": {"occupation": "1950"}}"#,
    );
    assert_eq!(
        t,
        "people:\n  ann: {name: 'Ann', notes: 'x', occupation: '1950'}\n"
    );
}

#[test]
fn a_block_text_replaced_by_a_mapping_loses_its_bar_and_keeps_its_comment() {
    // Found by the random operations: `notes: |` then a mapping read back as a text.
    let text = "people:\r\n    cy:\r\n        notes: |  # kept\r\n            Line one\r\n            Line two\r\n";
    let mut e = Editor::new(text.to_string()).unwrap();
    let path = [
        doc::Seg::Key("people".into()),
        doc::Seg::Key("cy".into()),
        doc::Seg::Key("notes".into()),
    ];
    let value = serde_json::json!({"openness": "some"});
    e.set(&path, &value).unwrap_or_else(|s| panic!("{}", s.0));
    assert_eq!(e.json(&path), Some(value));
    assert_eq!(
        e.doc.text,
        "people:\r\n    cy:\r\n        notes: {openness: some} # kept\r\n"
    );
    // A value written in block style: the comment stays on the key's line.
    let mut e = Editor::new(text.to_string()).unwrap();
    let value = serde_json::json!({"openness": "some", "honesty": {"level": "strong", "learned": "therapy", "since": 2010}});
    e.set(&path, &value).unwrap_or_else(|s| panic!("{}", s.0));
    assert_eq!(e.json(&path), Some(value));
    assert!(
        e.doc.text.starts_with(
            "people:\r\n    cy:\r\n        notes: # kept\r\n            openness: some\r\n"
        ),
        "{}",
        e.doc.text
    );
    // Through the operations, the family's own rule refuses it in plain words.
    let err = refused(
        text,
        r#"{"op": "update-person", "id": "cy", "set": {"notes": {"openness": "some"}}}"#,
    );
    assert!(err.message.contains("must be a text"), "{err}");
}
