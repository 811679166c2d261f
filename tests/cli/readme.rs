//! The README's examples are real: its family file loads and its quoted output is what the
//! tool prints.

use crate::util::{genogram, path, stdout};

fn readme() -> String {
    std::fs::read_to_string(path("README.md")).expect("README.md")
}

/// The fenced blocks of a given language, in order.
fn blocks(text: &str, lang: &str) -> Vec<String> {
    let fence = format!("```{lang}\n");
    text.split(&fence)
        .skip(1)
        .filter_map(|b| b.split("```").next())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_example_family_is_valid() {
    let yaml = blocks(&readme(), "yaml");
    let family = yaml
        .iter()
        .find(|b| b.contains("people:"))
        .expect("an example family");
    let graph = genogram::load_str("README.md", family).expect("the README's family is valid");
    assert_eq!(graph.person_count(), 5);
}

#[test]
fn the_quick_start_output_is_what_check_prints() {
    let out = genogram(["check", "samples/intimacy-cycle.yaml"]);
    let printed = stdout(&out);
    assert!(
        blocks(&readme(), "text")
            .iter()
            .any(|b| b.trim() == printed.trim()),
        "README's quick start should show:\n{printed}"
    );
}
