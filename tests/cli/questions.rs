//! `genogram questions FILE [--format text|markdown|json] [--person ID]`.

use crate::{genogram, stderr, stdout, temp_file};

const INTIMACY: &str = "samples/intimacy-cycle.yaml";
const TWINS: &str = "samples/twins-and-losses.yaml";

#[test]
fn text_numbers_the_questions_with_the_level_hints() {
    let o = genogram(["questions", TWINS]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).is_empty());
    let out = stdout(&o);
    assert!(
        out.starts_with("3 questions for the interview with Sam Garza\n\n1. Tell me about your partners, past and present: who has mattered most?\n   Not in the file yet: partners of Sam Garza (sam).\n"),
        "{out}"
    );
    assert!(
        out.contains("\n3. Tell me about your mother's parents: who raised her?\n"),
        "{out}"
    );
    assert!(
        out.contains("   About Ramón Garza (ramon): honesty.\n     none:   "),
        "{out}"
    );
}

#[test]
fn json_has_the_shape_of_the_issue_and_the_same_bytes_every_time() {
    let a = genogram(["questions", TWINS, "--format", "json"]);
    let b = genogram(["questions", TWINS, "--format", "json"]);
    assert_eq!(a.status.code(), Some(0), "{}", stderr(&a));
    assert_eq!(a.stdout, b.stdout);
    let v: serde_json::Value = serde_json::from_slice(&a.stdout).expect("valid JSON");
    let qs = v["questions"].as_array().expect("a list of questions");
    assert_eq!(qs.len(), 3);
    let keys = |i: usize| -> Vec<&str> {
        qs[i]
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect()
    };
    assert_eq!(keys(0), ["kind", "people", "question"]);
    assert_eq!(keys(1), ["kind", "people", "skill", "question", "levels"]);
    assert_eq!(qs[1]["kind"], "rate");
    assert_eq!(qs[1]["people"], serde_json::json!(["ramon"]));
    assert_eq!(qs[1]["skill"], "honesty");
    let levels: Vec<&str> = qs[1]["levels"]
        .as_object()
        .expect("levels")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(levels, ["none", "some", "strong"]);
    assert_eq!(qs[2]["kind"], "relative");
    assert_eq!(qs[2]["people"], serde_json::json!(["carmen"]));
}

#[test]
fn markdown_is_a_printable_list() {
    let o = genogram(["questions", INTIMACY, "--format", "markdown"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("# 3 questions for the interview with Anna Kowalski\n\n1. **"),
        "{out}"
    );
    assert!(out.contains("   - *none*: Kept feelings"), "{out}");
    assert!(out.ends_with(".\n") && !out.ends_with("\n\n"));
}

#[test]
fn another_person_can_be_the_client() {
    let o = genogram([
        "questions",
        INTIMACY,
        "--person",
        "iris",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    // Iris has no brother or sister and no partner in the file, and her father's parents
    // are missing; her grandfather's brother Thomas has no simple relation to her and
    // is named in full.
    let qs = v["questions"].as_array().expect("list");
    let questions: Vec<&str> = qs
        .iter()
        .map(|q| q["question"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(qs[0]["people"], serde_json::json!(["iris"]));
    assert!(
        questions[0].starts_with("Tell me about your brothers and sisters"),
        "{questions:?}"
    );
    assert!(
        questions[1].starts_with("Tell me about your partners"),
        "{questions:?}"
    );
    assert_eq!(
        questions[2],
        "Tell me about your father's parents: who raised him?"
    );
    assert_eq!(qs[2]["people"], serde_json::json!(["jonah"]));
    assert!(questions[3].contains("Thomas Kowalski"), "{questions:?}");
}

#[test]
fn an_unknown_person_is_refused_with_similar_ids() {
    let o = genogram(["questions", INTIMACY, "--person", "ana"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
    assert_eq!(
        stderr(&o),
        "error: the file has no person `ana`; did you mean `anna`?\n"
    );
}

#[test]
fn a_loss_cannot_be_the_client() {
    let path = temp_file(
        "questions-loss",
        "people:\n  a: {sex: female}\n  m: {kind: miscarriage}\ncouples:\n  - partners: [a]\n    children: [m]\n",
    );
    let o = genogram([
        "questions",
        path.to_str().expect("utf-8 path"),
        "--person",
        "m",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: `m` is a pregnancy or a loss; an interview is for a person: pass another `--person`\n"
    );
}

#[test]
fn a_bad_format_is_a_usage_error() {
    let o = genogram(["questions", INTIMACY, "--format", "html"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
    assert!(stderr(&o).contains("markdown"), "{}", stderr(&o));
}

#[test]
fn an_invalid_family_prints_no_questions() {
    let path = temp_file("questions-invalid", "people:\n  a: {sex: femal}\n");
    let o = genogram(["questions", path.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    assert!(stderr(&o).contains("femal"));
}

#[test]
fn a_file_without_a_client_names_people_and_says_how_to_name_one() {
    let path = temp_file(
        "questions-noindex",
        "people:\n  a: {name: Ann Lee, sex: female}\n",
    );
    let o = genogram(["questions", path.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("3 questions for the interview\n\n1. How did Ann Lee let people know"),
        "{out}"
    );
    assert!(
        out.contains("add `index: ID` to the file, or pass --person ID."),
        "{out}"
    );
}

#[test]
fn a_missing_file_is_an_error_in_plain_words() {
    let o = genogram(["questions", "no-such-family.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: cannot read or write no-such-family.yaml: no such file or folder\n"
    );
}

#[test]
fn every_sample_gives_questions_in_every_format() {
    crate::util::every_sample_in_every_format("questions");
}

#[test]
fn the_documented_example_is_what_the_command_prints() {
    let docs = std::fs::read_to_string(crate::util::path("docs/questions.md")).expect("docs");
    let o = genogram(["questions", TWINS]);
    let printed = stdout(&o);
    assert!(
        docs.contains(&format!("$ genogram questions {TWINS}\n{printed}```")),
        "docs/questions.md should show:\n{printed}"
    );
}
