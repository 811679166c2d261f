//! `genogram report FILE [--format text|markdown|json] [--skill NAME]... [--threshold
//! some|strong] [--person ID]`.

use crate::{genogram, stderr, stdout, temp_file};

const INTIMACY: &str = "samples/intimacy-cycle.yaml";

#[test]
fn text_tells_the_story_of_the_sample() {
    let o = genogram(["report", INTIMACY]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with(
        "The Kowalski and Byrne families: how openness, honesty and directness were passed down\n"
    ));
    assert!(
        out.contains("You learned it in group therapy in 2015; your\nbrother Michael did not."),
        "{out}"
    );
    assert!(out.contains("  - A cutoff between parent and child, two generations in a row: Stanisław and\n    Walter, then Walter and Richard.\n"), "{out}");
    assert!(out.contains("Your father Richard and your mother Linda are in conflict; you are fused\n    with your mother Linda."), "{out}");
    assert!(
        out.contains("What did your uncle Thomas do when he\n    needed something from someone?"),
        "{out}"
    );
    assert!(stderr(&o).is_empty());
}

#[test]
fn json_has_the_contract_shape_and_the_same_bytes_every_time() {
    let a = genogram(["report", INTIMACY, "--format", "json"]);
    let b = genogram(["report", INTIMACY, "--format", "json"]);
    assert_eq!(a.status.code(), Some(0));
    assert_eq!(a.stdout, b.stdout);
    let v: serde_json::Value = serde_json::from_slice(&a.stdout).expect("valid JSON");
    for key in [
        "skills",
        "threshold",
        "people",
        "links",
        "chains",
        "patterns",
        "triangles",
        "gaps",
    ] {
        assert!(v.get(key).is_some(), "missing `{key}`");
    }
    assert_eq!(
        v["people"]["elias"]["skills"]["openness"]["status"],
        "passed-down"
    );
    assert_eq!(
        v["people"]["kathleen"]["skills"]["openness"]["source"],
        "therapy"
    );
    assert_eq!(
        v["chains"][1]["people"],
        serde_json::json!(["patrick", "frank", "linda", "michael"])
    );
}

#[test]
fn markdown_is_a_printable_handout_section() {
    let o = genogram([
        "report", INTIMACY, "--format", "markdown", "--skill", "openness",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.starts_with("# The Kowalski and Byrne families: how openness was passed down\n\n"));
    assert!(out.contains("\n## Openness\n"));
    assert!(!out.contains("## Honesty"));
    assert!(
        out.contains("| Gen. | Person | Level | How it came | Learned |\n|---|---|---|---|---|\n")
    );
    // One final newline, no trailing blank lines: the last item is a question.
    assert!(out.ends_with("?\n") && !out.ends_with("\n\n"));
}

#[test]
fn the_threshold_and_skill_options_reach_the_analysis() {
    let o = genogram([
        "report",
        INTIMACY,
        "--format",
        "json",
        "--threshold",
        "strong",
        "--skill",
        "openness",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["threshold"], "strong");
    assert_eq!(v["skills"], serde_json::json!(["openness"]));
    assert_eq!(v["people"]["iris"]["skills"]["openness"]["status"], "lost");
}

#[test]
fn a_custom_skill_can_be_chosen() {
    let o = genogram([
        "report",
        "samples/blended-family.yaml",
        "--skill",
        "repair",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["people"]["oskar"]["skills"]["repair"]["status"], "lost");
}

#[test]
fn an_unknown_skill_is_a_usage_error_listing_the_skills() {
    let o = genogram(["report", INTIMACY, "--skill", "opennes"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
    assert_eq!(
        stderr(&o),
        "error: the file has no skill `opennes` (did you mean `openness`?); its skills are: openness, honesty, directness\n"
    );
}

#[test]
fn an_unknown_person_is_a_usage_error_with_similar_ids() {
    let o = genogram(["report", INTIMACY, "--person", "ana"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
    assert_eq!(
        stderr(&o),
        "error: the file has no person `ana`; did you mean `anna`?\n"
    );
}

#[test]
fn another_person_can_be_the_focus() {
    let o = genogram([
        "report", INTIMACY, "--person", "michael", "--skill", "openness",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("This report is for Michael Kowalski."));
    assert!(
        out.contains("Your sister Anna learned it in group therapy in 2015"),
        "{out}"
    );
}

#[test]
fn a_bad_threshold_is_refused_by_the_command_line() {
    let o = genogram(["report", INTIMACY, "--threshold", "high"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("some"));
    assert!(stdout(&o).is_empty());
}

#[test]
fn an_invalid_family_prints_no_report() {
    let path = temp_file("invalid", "people:\n  a: {sex: femal}\n");
    let o = genogram(["report", path.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    assert!(stderr(&o).contains("femal"));
}

#[test]
fn a_missing_file_is_an_error_in_plain_words() {
    let o = genogram(["report", "no-such-family.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: cannot read or write no-such-family.yaml: no such file or folder\n"
    );
}

#[test]
fn every_sample_reports_in_every_format() {
    crate::util::every_sample_in_every_format("report");
}
