//! `genogram schema`: equals the committed schema, and every sample validates against it.

use crate::util::{genogram, path, samples, stdout};

#[test]
fn printed_schema_equals_the_committed_file() {
    let out = genogram(["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let committed =
        std::fs::read_to_string(path("schemas/genogram.schema.json")).expect("committed schema");
    assert!(
        stdout(&out) == committed,
        "schemas/genogram.schema.json is out of date: run `cargo run -- schema > schemas/genogram.schema.json`"
    );
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(path("schemas/genogram.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft7::new(&schema).expect("the schema compiles")
}

fn as_json(yaml: &str) -> serde_json::Value {
    let v: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
    serde_json::to_value(v).unwrap()
}

#[test]
fn every_sample_validates_and_names_the_schema() {
    let v = validator();
    for file in samples() {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.starts_with("# yaml-language-server: $schema=../schemas/genogram.schema.json\n"),
            "{} starts with the schema modeline",
            file.display()
        );
        let errors: Vec<String> = v
            .iter_errors(&as_json(&text))
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
}

#[test]
fn the_schema_refuses_what_the_tool_refuses() {
    let v = validator();
    for bad in [
        "people: {rosa: {nmae: Rosa}}",
        "people: {rosa: {sex: femal}}",
        "people: {rosa: {born: 1950/04}}",
        "people: {}\ncouples: [{partners: [a, b], relation: wed}]",
        "people: {}\nrelationships: [{between: [a, b], kind: neglect, from: a}]",
        "peeple: {}",
    ] {
        assert!(!v.is_valid(&as_json(bad)), "schema accepts {bad}");
    }
}
