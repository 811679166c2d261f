//! The README's examples are real: its family file loads and its quoted output is what the
//! tool prints.

use crate::util::{genogram, path, stderr, stdout, temp_dir, write};

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
    let text = readme();
    let section = text
        .split("## The family file")
        .nth(1)
        .expect("a section on the family file");
    let yaml = blocks(section, "yaml");
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

#[test]
fn the_edit_example_builds_the_family_it_shows() {
    let text = readme();
    let section = text
        .split("### Editing without YAML")
        .nth(1)
        .expect("a section on genogram edit");
    let ops = blocks(section, "json");
    let ops = ops.first().expect("the operations");
    let shown = blocks(section, "yaml");
    let shown = shown.first().expect("the file they make");
    let dir = temp_dir("readme-edit");
    let ops_file = write(&dir, "berg.json", ops);
    let family = dir.join("berg.yaml");
    let out = genogram([
        std::ffi::OsStr::new("edit"),
        family.as_os_str(),
        ops_file.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(&std::fs::read_to_string(&family).unwrap(), shown);
    let check = genogram([std::ffi::OsStr::new("check"), family.as_os_str()]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(
        stdout(&check).contains("5 people, 2 couples, 3 generations"),
        "{}",
        stdout(&check)
    );
}
