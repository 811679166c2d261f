//! `genogram check`: every sample passes; every refusal of docs/format.md is located and worded.

use crate::util::{genogram, path, samples, stderr, stdout, temp_dir, write};

#[test]
fn every_sample_passes_with_a_summary_line() {
    let files = samples();
    assert!(files.len() >= 5, "samples/ holds the five sample families");
    let out =
        genogram(std::iter::once("check".as_ref()).chain(files.iter().map(|p| p.as_os_str())));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(
        text.lines().count(),
        files.len(),
        "one line per file:\n{text}"
    );
    let cycle = text
        .lines()
        .find(|l| l.contains("intimacy-cycle.yaml"))
        .expect("summary line");
    assert!(
        cycle.contains(": ok: 18 people, 7 couples, 5 generations"),
        "{cycle}"
    );
    assert!(
        cycle.contains("warning: 1 person has no skills rated (`thomas`)"),
        "{cycle}"
    );
}

/// Each invalid fixture: the line and column the first message points at, and the words
/// it must use (all of them, case-sensitive).
const REFUSALS: &[(&str, u32, u32, &[&str])] = &[
    ("yaml-syntax", 3, 7, &["YAML cannot be read", "help:"]),
    (
        "unknown-key",
        4,
        5,
        &["unknown key `nmae`", "did you mean `name`?"],
    ),
    (
        "wrong-type",
        4,
        11,
        &["`born` of `rosa` must be a date", "not a list"],
    ),
    (
        "unknown-word",
        4,
        10,
        &["`femal`", "did you mean `female`?", "`intersex`"],
    ),
    (
        "duplicate-id",
        4,
        3,
        &["two people have the id `rosa`", "first written here", "2:3"],
    ),
    ("duplicate-key", 5, 5, &["`born` is written twice", "4:5"]),
    (
        "unknown-reference",
        5,
        22,
        &["partner `zed` is not in `people`", "similar ids: `zoe`"],
    ),
    (
        "own-ancestor",
        11,
        16,
        &["`ana` would be their own ancestor", "ana → ben → cid → ana"],
    ),
    (
        "raised-by-self",
        5,
        22,
        &["`ben` is listed as raised by themself"],
    ),
    (
        "raised-by-loop",
        2,
        32,
        &["own ancestor", "ana → ben → ana"],
    ),
    (
        "two-biological-couples",
        11,
        16,
        &[
            "`kid` is the biological child of two couples",
            "9:16",
            "link: adopted",
        ],
    ),
    (
        "child-listed-twice",
        8,
        14,
        &["`kid` is listed twice", "first listed here"],
    ),
    (
        "died-before-born",
        5,
        11,
        &["`ana` died (1949) before being born (1950-06)"],
    ),
    (
        "child-born-before-caregiver",
        3,
        26,
        &["`kid` was born (1955) before their parent `ana` (1960)"],
    ),
    (
        "relationship-with-self",
        4,
        20,
        &["relationship of `ana` with themself"],
    ),
    (
        "undeclared-skill",
        7,
        30,
        &[
            "`directness` is not a skill this file declares",
            "declare others under `skills:`",
        ],
    ),
    ("bad-date", 4, 11, &["`1950-02-30` has no day 30"]),
    (
        "directed-kind-between",
        5,
        33,
        &[
            "`emotional-abuse` goes from one person to another",
            "from: a, to: b",
        ],
    ),
    ("not-a-mapping", 1, 1, &["must be a mapping", "not a list"]),
    ("empty", 1, 1, &["the file is empty"]),
    ("invalid-utf8", 3, 17, &["not valid UTF-8", "0xff"]),
    ("nul-byte", 2, 16, &["NUL character"]),
    ("alias-bomb", 7, 8, &["anchors and aliases repeat too much"]),
    ("tab-indent", 2, 1, &["indent with spaces"]),
    (
        "history-out-of-order",
        11,
        20,
        &[
            "not in date order",
            "2016-09 comes after 2017-06",
            "oldest first",
        ],
    ),
    (
        "history-after-since",
        9,
        56,
        &["dated 2019-02, after the current rating's `since` (2018)"],
    ),
];

#[test]
fn every_refusal_names_the_place_and_says_what_to_fix() {
    for (name, line, col, words) in REFUSALS {
        let rel = format!("tests/fixtures/invalid/{name}.yaml");
        let out = genogram(["check", &rel]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{name}: exit status\n{err}");
        assert!(stdout(&out).is_empty(), "{name}: nothing on stdout");
        let first = err.lines().next().unwrap_or_default();
        let place = format!("{rel}:{line}:{col}: error: ");
        assert!(
            first.starts_with(&place),
            "{name}: expected {place}…, got\n{err}"
        );
        for w in *words {
            assert!(err.contains(w), "{name}: missing {w:?} in\n{err}");
        }
        assert!(err.contains(" | "), "{name}: quotes the source line\n{err}");
        assert!(err.contains('^'), "{name}: points with a caret\n{err}");
    }
}

#[test]
fn every_invalid_fixture_is_in_the_table() {
    let mut names: Vec<String> = std::fs::read_dir(path("tests/fixtures/invalid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut listed: Vec<String> = REFUSALS.iter().map(|r| r.0.to_string()).collect();
    listed.sort();
    assert_eq!(names, listed);
}

#[test]
fn lists_every_problem_in_one_run() {
    let dir = temp_dir("many");
    let file = write(
        &dir,
        "many.yaml",
        "people:\n  rosa:\n    nmae: Rosa\n    sex: femal\n  zoe: {born: 1990, died: 1980}\n\
         couples:\n  - partners: [rosa, zed]\n    children: [zoe, zoe]\n",
    );
    let out = genogram(["check".as_ref(), file.as_os_str()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    for (place, words) in [
        (":3:5: error:", "unknown key `nmae`"),
        (":4:10: error:", "`femal`"),
        (":5:27: error:", "died (1980) before being born (1990)"),
        (":7:22: error:", "`zed` is not in `people`"),
        (":8:21: error:", "`zoe` is listed twice"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(place) && l.contains(words)),
            "{place} {words}\n{err}"
        );
    }
    assert!(err.contains("5 problems found"), "{err}");
}

#[test]
fn too_many_problems_are_capped_and_counted() {
    let dir = temp_dir("cap");
    let mut text = String::from("people:\n");
    for i in 0..80 {
        text.push_str(&format!("  p{i}: {{sex: femal}}\n"));
    }
    let file = write(&dir, "cap.yaml", text);
    let out = genogram(["check".as_ref(), file.as_os_str()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(err.matches(": error: ").count(), 50, "shows at most 50");
    assert!(err.contains("… and 30 more problems not shown"), "{err}");
    assert!(err.contains("80 problems found"), "{err}");
}

#[test]
fn deep_nesting_is_refused_at_once() {
    let dir = temp_dir("deep");
    let flow = write(
        &dir,
        "flow.yaml",
        format!("people: {}{}\n", "[".repeat(100_000), "]".repeat(100_000)),
    );
    let mut block = String::from("people:\n");
    for i in 1..=2000 {
        block.push_str(&" ".repeat(i));
        block.push_str("k:\n");
    }
    let block = write(&dir, "block.yaml", block);
    for f in [flow, block] {
        let out = genogram(["check".as_ref(), f.as_os_str()]);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr(&out).contains("nests more than 64 levels deep"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn utf16_with_a_byte_order_mark_is_read() {
    let dir = temp_dir("utf16");
    let mut bytes = vec![0xFF, 0xFE];
    for u in "people:\n  zoë: {name: Zoë, born: 1990}\n".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    let file = write(&dir, "utf16.yaml", bytes);
    let out = genogram(["check".as_ref(), file.as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("ok: 1 person"));
}

#[test]
fn control_characters_are_escaped_in_messages() {
    let dir = temp_dir("ctrl");
    let file = write(
        &dir,
        "ctrl.yaml",
        "people:\n  ana: {sex: \"x\\e[31m\\u202e\"}\n",
    );
    let out = genogram(["check".as_ref(), file.as_os_str()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !err.contains('\u{1b}') && !err.contains('\u{202e}'),
        "{err:?}"
    );
    assert!(err.contains("\\u{1b}[31m\\u{202e}"), "{err}");
}

#[test]
fn a_missing_file_is_a_usage_error() {
    let out = genogram(["check", "no/such/family.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no/such/family.yaml: no such file or folder"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bad_usage_exits_with_two() {
    assert_eq!(genogram(["check"]).status.code(), Some(2));
    assert_eq!(genogram(["frobnicate"]).status.code(), Some(2));
}

#[test]
fn one_bad_file_among_good_ones_fails_the_run() {
    let out = genogram([
        "check",
        "samples/intimacy-cycle.yaml",
        "tests/fixtures/invalid/unknown-key.yaml",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("intimacy-cycle.yaml: ok"));
    assert!(stderr(&out).contains("unknown key `nmae`"));
}
