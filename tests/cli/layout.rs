//! `genogram layout` and `genogram export`.

use super::util::{genogram, path, stderr, stdout, temp_dir, write};

#[test]
fn layout_prints_json_with_people_and_lines() {
    let o = genogram(["layout", "samples/blended-family.yaml", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["people"].as_array().map(Vec::len), Some(15));
    assert!(v["lines"].as_array().is_some_and(|l| !l.is_empty()));
    // The same bytes on a second run.
    assert_eq!(
        stdout(&o),
        stdout(&genogram(["layout", "samples/blended-family.yaml"]))
    );
}

#[test]
fn export_writes_dot_with_family_points() {
    let o = genogram(["export", "samples/cousin-marriage.yaml", "--format", "dot"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("digraph family {"));
    assert!(text.contains("[shape=point"));
}

#[test]
fn output_file_is_written_whole_and_never_over_the_input() {
    let dir = temp_dir("layout-out");
    let input = write(
        &dir,
        "family.yaml",
        std::fs::read(path("samples/intimacy-cycle.yaml")).unwrap(),
    );
    let out = dir.join("layout.json");
    let o = genogram([
        "layout".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert!(v["width"].as_f64().unwrap() > 0.0);
    // No temporary file left behind.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);

    let before = std::fs::read(&input).unwrap();
    let o = genogram([
        "export".as_ref(),
        input.as_os_str(),
        "--format".as_ref(),
        "dot".as_ref(),
        "-o".as_ref(),
        input.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is the input file"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

#[test]
fn bad_input_writes_nothing() {
    let dir = temp_dir("layout-bad");
    let input = write(&dir, "bad.yaml", "people:\n  a: {sex: mal}\n");
    let out = dir.join("out.json");
    let o = genogram([
        "layout".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.exists());
    assert!(stderr(&o).contains("bad.yaml"));
}
