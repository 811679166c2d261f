//! `--as-of`: render, report, layout and watch show the family as it was at a date.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{genogram, path, stderr, stdout, temp_dir};

const SAMPLE: &str = "samples/intimacy-cycle.yaml";

#[test]
fn render_draws_the_family_as_it_was() {
    let sample = path(SAMPLE);
    let svg = |args: &[&str]| {
        let mut all = vec!["render", sample.to_str().unwrap()];
        all.extend_from_slice(args);
        let out = genogram(all);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    let now = svg(&[]);
    let then = svg(&["--as-of", "1950"]);
    assert_eq!(then, svg(&["--as-of", "1950"]), "the same bytes every time");
    assert!(now.contains("Anna Kowalski") && !then.contains("Anna Kowalski"));
    // Dorothy married into the family in 1951: not there yet.
    assert!(!then.contains("Dorothy"));
    assert!(then.contains("The Kowalski and Byrne families in 1950"));
    // Stanisław (1898–1961) is alive, 52; his son Walter (born 1926) is 24.
    let ages: Vec<&str> = then
        .split("<text class=\"age\"")
        .skip(1)
        .filter_map(|t| t.split('>').nth(1))
        .map(|t| {
            t.trim_start_matches('\n')
                .split(['\n', '<'])
                .next()
                .unwrap_or("")
        })
        .collect();
    assert!(
        ages.contains(&"52") && ages.contains(&"24"),
        "ages then: {ages:?}"
    );
    assert!(then.contains("age then, or at death"), "the key says so");
    assert!(!then.contains("1961"), "his death is not drawn");
    // Later years show more.
    let mid = svg(&["--as-of", "1990-06"]);
    assert!(mid.contains("Anna Kowalski") && !mid.contains("Elias"));
}

#[test]
fn report_says_what_was_true_then() {
    let report = |args: &[&str]| {
        let sample = path(SAMPLE);
        let mut all = vec!["report", sample.to_str().unwrap(), "--format", "json"];
        all.extend_from_slice(args);
        let out = genogram(all);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        serde_json::from_str::<serde_json::Value>(&stdout(&out)).unwrap()
    };
    let now = report(&[]);
    let then = report(&["--as-of", "1993"]);
    let level = |r: &serde_json::Value, id: &str| {
        r["people"][id]["skills"]["openness"]["level"]
            .as_str()
            .unwrap_or("absent")
            .to_string()
    };
    // Kathleen learned openness in therapy in 1994.
    assert_eq!(level(&now, "kathleen"), "strong");
    assert_eq!(level(&then, "kathleen"), "none");
    assert_eq!(level(&then, "elias"), "strong", "born in 1993: there");
    assert_eq!(level(&report(&["--as-of", "1992"]), "elias"), "absent");
}

#[test]
fn layout_places_only_those_there_then() {
    let sample = path(SAMPLE);
    let people = |args: &[&str]| {
        let mut all = vec!["layout", sample.to_str().unwrap()];
        all.extend_from_slice(args);
        let out = genogram(all);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        v["people"].as_array().unwrap().len()
    };
    assert_eq!(people(&["--as-of", "1950"]), 6);
    assert!(people(&["--as-of", "1990"]) < people(&[]));
}

#[test]
fn a_date_that_is_not_one_is_bad_usage() {
    let sample = path(SAMPLE);
    for (date, words) in [
        ("1990-13", "no month 13"),
        ("~1990", "approximate"),
        ("nineteen", "as in `--as-of 1990`"),
    ] {
        let out = genogram(["render", sample.to_str().unwrap(), "--as-of", date]);
        assert_eq!(out.status.code(), Some(2), "{date}");
        assert!(stderr(&out).contains(words), "{date}: {}", stderr(&out));
        assert!(stdout(&out).is_empty());
    }
}

#[test]
fn watch_draws_the_family_as_it_was() {
    let dir = temp_dir("watch-as-of");
    let out = dir.join("then.svg");
    let mut child = Command::new(env!("CARGO_BIN_EXE_genogram"))
        .args([
            "watch",
            path(SAMPLE).to_str().unwrap(),
            "--as-of",
            "1950",
            "-o",
        ])
        .arg(&out)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs");
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut text = String::new();
    while Instant::now() < deadline {
        text = std::fs::read_to_string(&out).unwrap_or_default();
        if text.ends_with("</svg>\n") || text.ends_with("</svg>") {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        text.contains("families in 1950") && !text.contains("Anna Kowalski"),
        "no drawing of 1950 within 30 s"
    );
}

#[test]
fn a_report_for_someone_not_born_yet_says_so() {
    let out = genogram([
        "report",
        path(SAMPLE).to_str().unwrap(),
        "--as-of",
        "1950",
        "--person",
        "anna",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`anna` (born 1987-03-14) was not yet part of the family in 1950"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn timeline_lists_the_events_in_every_format() {
    let sample = path(SAMPLE);
    let run = |format: &str| {
        let out = genogram(["timeline", sample.to_str().unwrap(), "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    let text = run("text");
    assert!(text.contains("1987-03-14  You were born\n"), "{text}");
    assert!(text.contains("2015-11     You learned openness in group therapy (strong)\n"));
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let events = json["events"].as_array().unwrap();
    assert_eq!(
        events[0]["text"],
        "Your father's grandfather Stanisław was born"
    );
    assert!(json["undated"].as_u64().unwrap() > 0);
    assert!(run("markdown").contains("| 1987-03-14 | You were born |"));
    let svg = run("svg");
    assert_eq!(svg, run("svg"), "the same bytes every time");
    assert!(svg.starts_with("<svg") && svg.contains("Timeline of The Kowalski and Byrne families"));
    // One lane per generation: I to V.
    assert_eq!(svg.matches("class=\"gen\"").count(), 5);
    assert!(
        svg.contains(">\nV\n</text>") || svg.contains(">V</text>"),
        "{svg}"
    );
}

// PNG needs the `png` feature (on by default); `without_handouts` checks the refusal.
#[cfg(feature = "png")]
#[test]
fn timeline_writes_a_picture_and_nothing_for_a_bad_file() {
    let dir = temp_dir("timeline");
    let png = dir.join("timeline.png");
    let out = genogram([
        "timeline".as_ref(),
        path(SAMPLE).as_os_str(),
        "--format".as_ref(),
        "svg".as_ref(),
        "-o".as_ref(),
        png.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    let bad = crate::util::write(&dir, "bad.yaml", "people:\n  a: {born: 1990-13}\n");
    let out_file = dir.join("bad.json");
    let out = genogram([
        "timeline".as_ref(),
        bad.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
        "-o".as_ref(),
        out_file.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("bad.yaml:2:13"), "{}", stderr(&out));
    assert!(!out_file.exists());
}

#[test]
fn timeline_takes_its_format_from_the_output_name() {
    let dir = temp_dir("timeline-by-name");
    let mut cases: Vec<(&str, &[u8])> = vec![("t.svg", b"<svg"), ("t.json", b"{"), ("t.md", b"#")];
    // PNG and PDF pictures need the cargo features of the same names (on by default).
    if cfg!(feature = "png") {
        cases.push(("t.png", b"\x89PNG"));
    }
    if cfg!(feature = "pdf") {
        cases.push(("t.pdf", b"%PDF"));
    }
    for (name, starts) in cases {
        let file = dir.join(name);
        let out = genogram([
            "timeline".as_ref(),
            path(SAMPLE).as_os_str(),
            "-o".as_ref(),
            file.as_os_str(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        let bytes = std::fs::read(&file).unwrap();
        assert!(
            bytes.starts_with(starts),
            "{name}: {:?}",
            &bytes[..16.min(bytes.len())]
        );
    }
    // An explicit format that cannot go into a picture file is still refused.
    let file = dir.join("u.png");
    let out = genogram([
        "timeline".as_ref(),
        path(SAMPLE).as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
        "-o".as_ref(),
        file.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!file.exists());
}
