//! `genogram edit FILE OPS.json`: writes the changed file atomically (keeping its mode),
//! prints it with `--dry-run`, reads operations from standard input with `-`, and writes
//! nothing when an operation or the family it makes is refused.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::util::{genogram, path, stderr, stdout, temp_dir, write};

const THREE_GENERATIONS: &str = r#"[
  {"op": "add-person", "person": {"name": "Rosa Berg", "sex": "female", "born": 1931}},
  {"op": "add-person", "person": {"name": "Mia Berg", "sex": "female", "born": 1958}},
  {"op": "add-person", "person": {"name": "Lea Berg", "sex": "female", "born": 1985}},
  {"op": "add-child", "parents": ["rosa"], "child": "mia"},
  {"op": "add-child", "parents": ["mia"], "child": "lea"},
  {"op": "set", "field": "index", "value": "lea"}
]"#;

/// Runs `genogram` with `input` on standard input.
fn with_stdin(args: &[&std::ffi::OsStr], input: &str) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_genogram"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("the binary ends")
}

#[test]
fn builds_a_family_from_nothing_in_a_new_private_file() {
    let dir = temp_dir("edit-new");
    let ops = write(&dir, "ops.json", THREE_GENERATIONS);
    let file = dir.join("family.yaml");
    let out = genogram([
        std::ffi::OsStr::new("edit"),
        file.as_os_str(),
        ops.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("6 operations applied"),
        "{}",
        stderr(&out)
    );
    let check = genogram([std::ffi::OsStr::new("check"), file.as_os_str()]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(
        stdout(&check).contains("3 people, 2 couples, 3 generations"),
        "{}",
        stdout(&check)
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode, 0o600,
            "a new family file is readable by its owner only"
        );
    }
}

#[test]
fn dry_run_prints_and_writes_nothing() {
    let dir = temp_dir("edit-dry");
    let file = write(
        &dir,
        "family.yaml",
        "people:\n  ana: {sex: female}   # keep me\n",
    );
    let ops = write(
        &dir,
        "ops.json",
        r#"{"op": "update-person", "id": "ana", "set": {"born": 1950}}"#,
    );
    let out = genogram([
        std::ffi::OsStr::new("edit"),
        file.as_os_str(),
        ops.as_os_str(),
        std::ffi::OsStr::new("--dry-run"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "people:\n  ana: {sex: female, born: 1950}   # keep me\n"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "people:\n  ana: {sex: female}   # keep me\n"
    );
}

#[test]
fn reads_operations_from_standard_input_and_keeps_the_files_mode() {
    let dir = temp_dir("edit-stdin");
    let file = write(&dir, "family.yaml", "people:\r\n  ana: {sex: female}\r\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let out = with_stdin(
        &[
            std::ffi::OsStr::new("edit"),
            file.as_os_str(),
            std::ffi::OsStr::new("-"),
        ],
        r#"[{"op": "add-person", "id": "ben", "person": {"sex": "male"}}]"#,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "people:\r\n  ana: {sex: female}\r\n  ben: {sex: male}\r\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
}

#[test]
fn a_refused_operation_writes_nothing_and_says_which() {
    let dir = temp_dir("edit-refused");
    let before = std::fs::read(path("samples/blended-family.yaml")).unwrap();
    let file = write(&dir, "family.yaml", &before);
    let cases = [
        (
            r#"[{"op": "set", "field": "title", "value": "New"}, {"op": "remove-person", "id": "danial"}]"#,
            "operation 2 (`danial`): there is no person with the id `danial` (did you mean `daniel`?)",
        ),
        (
            r#"[{"op": "update-person", "id": "ruth", "set": {"born": "in the spring"}}]"#,
            "operation 1 (`ruth`): the family would not pass check",
        ),
        (
            r#"[{"op": "add-person""#,
            "the operations are not readable JSON",
        ),
    ];
    for (ops, said) in cases {
        let out = with_stdin(
            &[
                std::ffi::OsStr::new("edit"),
                file.as_os_str(),
                std::ffi::OsStr::new("-"),
            ],
            ops,
        );
        assert_eq!(out.status.code(), Some(1), "{ops}");
        assert!(stderr(&out).contains(said), "{}", stderr(&out));
        assert!(stderr(&out).contains("nothing was written"));
        assert!(stdout(&out).is_empty());
        assert_eq!(std::fs::read(&file).unwrap(), before, "{ops}");
    }
    assert!(!dir.join("family.yaml.bak").exists());
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn bad_usage_is_status_2() {
    let out = genogram(["edit", "family.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let dir = temp_dir("edit-usage");
    let file = write(&dir, "family.yaml", "people: {}\n");
    let out = genogram([
        std::ffi::OsStr::new("edit"),
        file.as_os_str(),
        dir.join("missing.json").as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("missing.json"), "{}", stderr(&out));
}
