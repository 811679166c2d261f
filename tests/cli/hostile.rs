//! Hostile input: files made to crash, hang or flood the tool, and files that are odd
//! but honest. The refused ones exit with 1 and a message that names a line and column;
//! the accepted ones draw. Big cases are generated here, so the repository stays small.
//! How long each takes is measured by `bench/hostile.sh`, not here.

use std::path::{Path, PathBuf};

use crate::util::{genogram, path, stderr, stdout, temp_dir, write};

/// Runs `genogram check FILE` and asserts a refusal: exit 1, nothing on stdout, a first
/// line `FILE:LINE:COL: error: …` containing `words`, and a short message.
fn refused(file: &Path, line_col: &str, words: &str) {
    let out = genogram(["check".as_ref(), file.as_os_str()]);
    let err = stderr(&out);
    let shown: String = err.chars().take(2000).collect();
    assert_eq!(out.status.code(), Some(1), "{}: {shown}", file.display());
    assert!(stdout(&out).is_empty());
    let first = err.lines().next().unwrap_or_default();
    let place = format!("{}:{line_col}: error: ", file.display());
    assert!(first.starts_with(&place), "expected {place}, got {shown}");
    assert!(first.contains(words), "{words:?} missing in {shown}");
    // However big the input, the message stays readable.
    assert!(err.len() < 4000, "{} bytes of message", err.len());
}

/// Renders `file` to stdout and asserts success; returns the SVG.
fn drawn(file: &Path) -> String {
    let out = genogram(["render".as_ref(), file.as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let svg = stdout(&out);
    assert!(svg.starts_with("<?xml") && svg.trim_end().ends_with("</svg>"));
    svg
}

#[test]
fn duplicate_keys_are_refused_at_every_level() {
    for (name, place, words) in [
        (
            "duplicate-top-level-key",
            "4:1",
            "`people` is written twice",
        ),
        (
            "duplicate-declared-skill",
            "3:3",
            "`openness` is written twice",
        ),
        ("duplicate-quoted-id", "3:3", "two people have the id `ana`"),
        (
            "duplicate-skill-rating",
            "7:7",
            "`openness` is written twice",
        ),
        ("duplicate-skill-field", "5:49", "`level` is written twice"),
        (
            "duplicate-couple-field",
            "7:5",
            "`married` is written twice",
        ),
        ("duplicate-child-field", "8:34", "`id` is written twice"),
        (
            "duplicate-twins-field",
            "8:44",
            "`identical` is written twice",
        ),
        (
            "duplicate-relationship-field",
            "5:40",
            "`kind` is written twice",
        ),
    ] {
        let rel = PathBuf::from(format!("tests/fixtures/hostile/{name}.yaml"));
        refused(&rel, place, words);
    }
}

#[test]
fn deep_nesting_of_every_kind_is_refused() {
    let dir = temp_dir("hostile-deep");
    let n = 100_000;
    let cases = [
        (
            "flow-sequence",
            format!("people: {}{}\n", "[".repeat(n), "]".repeat(n)),
        ),
        (
            "flow-mapping",
            format!("people: {}1{}\n", "{a: ".repeat(n), "}".repeat(n)),
        ),
        ("block-sequence", format!("people:\n{}x\n", "- ".repeat(n))),
        (
            "mixed",
            format!("people:\n  a: {}\n", "[{b: ".repeat(n / 2)),
        ),
    ];
    for (name, text) in cases {
        let file = write(&dir, &format!("{name}.yaml"), text);
        refused(
            &file,
            // The column where the 65th level opens.
            match name {
                "flow-sequence" => "1:72",
                "flow-mapping" => "1:261",
                "block-sequence" => "2:127",
                _ => "2:161",
            },
            "levels deep",
        );
    }
}

#[test]
fn alias_expansion_bombs_are_refused() {
    let dir = temp_dir("hostile-alias");
    // Billion laughs, nine levels of ten.
    let mut laughs = String::from("a0: &a0 [lol]\n");
    for i in 1..10 {
        let prev = format!("*a{}", i - 1);
        let row = [prev.as_str(); 10].join(", ");
        laughs.push_str(&format!("a{i}: &a{i} [{row}]\n"));
    }
    laughs.push_str("people: *a9\n");
    let file = write(&dir, "laughs.yaml", laughs);
    let out = genogram(["check".as_ref(), file.as_os_str()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let first = err.lines().next().unwrap_or_default();
    assert!(first.starts_with(&format!("{}:", file.display())), "{err}");
    assert!(
        first.contains(": error: the file expands into far more data"),
        "{err}"
    );
    assert!(err.contains("anchors and aliases repeat too much"), "{err}");
}

/// One big anchor repeated many times: quadratic rather than exponential, so the YAML
/// parser's repetition limit did not see it, and it hung (over 60 s in a release build:
/// the expansion is 100 million values).
#[test]
fn quadratic_alias_expansion_is_refused() {
    let dir = temp_dir("hostile-alias-quadratic");
    let big = vec!["x"; 10_000].join(", ");
    let refs = vec!["*big"; 10_000].join(", ");
    let file = write(
        &dir,
        "quadratic.yaml",
        format!("base: &big [{big}]\npeople: [{refs}]\n"),
    );
    refused(&file, "2:604", "anchors and aliases repeat too much");
}

#[test]
fn huge_values_are_refused_with_a_short_message() {
    let dir = temp_dir("hostile-huge");
    let mb = 4 * 1024 * 1024;
    let quoted = write(
        &dir,
        "quoted.yaml",
        format!("people:\n  a: {{name: \"{}\"}}\n", "x".repeat(mb)),
    );
    refused(
        &quoted,
        "2:13",
        "characters long; the longest text accepted is 10000",
    );
    let block = write(
        &dir,
        "block.yaml",
        format!(
            "people:\n  a:\n    notes: |\n{}",
            "      line of text\n".repeat(200_000)
        ),
    );
    // Too long to be text: refused before parsing, at the value's first character.
    let too_long = "more than 100000 characters long; the longest text accepted is 10000";
    refused(&block, "3:12", too_long);
    let word = write(
        &dir,
        "word.yaml",
        format!("people:\n  a: {{sex: {}}}\n", "f".repeat(mb)),
    );
    refused(&word, "2:12", too_long);
    let words = write(
        &dir,
        "words.yaml",
        format!("people:\n  a: {{name: {}}}\n", "word ".repeat(mb / 5)),
    );
    refused(&words, "2:13", too_long);
    let lines = write(
        &dir,
        "quoted-lines.yaml",
        format!(
            "people:\n  a:\n    name: \"{}\"\n",
            "a quoted text\n      ".repeat(mb / 20)
        ),
    );
    refused(&lines, "3:11", too_long);
    // Long but under the bound: the field is named.
    let note = write(
        &dir,
        "note.yaml",
        format!("people:\n  a: {{notes: {}}}\n", "n".repeat(20_000)),
    );
    refused(&note, "2:14", "`notes` of `a` is 20000 characters long");
    let id = write(
        &dir,
        "id.yaml",
        format!("people:\n  {}: {{sex: male}}\n", "a".repeat(mb)),
    );
    // YAML itself limits a key to 1024 characters, so this one is a syntax error.
    let out = genogram(["check".as_ref(), id.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).len() < 4000);
    let long_id = write(
        &dir,
        "long-id.yaml",
        format!("people:\n  {}: {{sex: male}}\n", "a".repeat(1000)),
    );
    refused(&long_id, "2:3", "ids are at most 200 characters");
}

#[test]
fn broken_encodings_are_refused_where_they_break() {
    let dir = temp_dir("hostile-encoding");
    let mut late = "people:\n".to_string();
    for i in 0..1000 {
        late.push_str(&format!("  p{i}: {{sex: male}}\n"));
    }
    let mut bytes = late.into_bytes();
    bytes.extend(b"  bad: {name: Jos\xe9}\n");
    let file = write(&dir, "latin1.yaml", bytes);
    refused(&file, "1002:18", "not valid UTF-8");
    let mut utf16_nul = vec![0xFF, 0xFE];
    for u in "people:\n  a: {name: \0}\n".encode_utf16() {
        utf16_nul.extend(u.to_le_bytes());
    }
    refused(
        &write(&dir, "utf16-nul.yaml", utf16_nul),
        "2:13",
        "NUL character",
    );
    let mut lone = vec![0xFF, 0xFE];
    for u in "people:\n  a: {}\n".encode_utf16() {
        lone.extend(u.to_le_bytes());
    }
    lone.extend([0x00, 0xD8]);
    refused(&write(&dir, "lone-surrogate.yaml", lone), "3:1", "UTF-16");
    refused(
        &write(&dir, "odd-utf16.yaml", b"\xFF\xFEp\x00e"),
        "1:1",
        "odd number of bytes",
    );
}

/// A refused UTF-16 file is quoted as text, not as the bytes of its characters.
#[test]
fn a_refused_utf16_file_is_quoted_as_text() {
    let file = PathBuf::from("tests/fixtures/hostile/utf16-control-character.yaml");
    refused(&file, "3:18", "control character (U+0007 bell)");
    let err = stderr(&genogram(["check".as_ref(), file.as_os_str()]));
    assert!(err.contains("3 |   zoë: {name: \"Zo\\u{7}ë\"}"), "{err}");
    assert!(
        !err.contains('\u{fffd}') && !err.contains("\\u{0}"),
        "{err}"
    );
}

/// A raw control character inside a quoted name is refused at its own line and column.
#[test]
fn a_control_character_is_refused_where_it_is() {
    let file = PathBuf::from("tests/fixtures/hostile/control-character-in-name.yaml");
    refused(&file, "4:22", "control character (U+001B escape)");
    let err = stderr(&genogram(["check".as_ref(), file.as_os_str()]));
    assert!(err.contains("\\u{1b}[31m"), "{err}");
}

#[test]
fn a_long_raised_by_loop_is_refused() {
    let dir = temp_dir("hostile-loop");
    let n = 2000;
    let mut text = String::from("people:\n");
    for i in 0..n {
        text.push_str(&format!("  p{i}: {{raised_by: [p{}]}}\n", (i + 1) % n));
    }
    let file = write(&dir, "loop.yaml", text);
    let out = genogram(["check".as_ref(), file.as_os_str()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let first = err.lines().next().unwrap_or_default();
    assert!(
        first.starts_with(&format!(
            "{}:2:20: error: `p0` would be their own ancestor",
            file.display()
        )),
        "{err}"
    );
    assert!(err.len() < 20_000, "{} bytes", err.len());
}

#[test]
fn utf16_both_ways_and_utf8_with_a_bom_are_drawn() {
    let dir = temp_dir("hostile-bom");
    let text = "people:\n  zoë: {name: Zoë Brontë, sex: female, born: 1990}\n";
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        le.extend(u.to_le_bytes());
        be.extend(u.to_be_bytes());
    }
    let mut utf8 = b"\xEF\xBB\xBF".to_vec();
    utf8.extend(text.as_bytes());
    for (name, bytes) in [("le.yaml", le), ("be.yaml", be), ("utf8.yaml", utf8)] {
        let svg = drawn(&write(&dir, name, bytes));
        assert!(svg.contains("Zoë"), "{name}");
    }
}

#[test]
fn very_long_lines_are_read() {
    let dir = temp_dir("hostile-long-lines");
    let people: Vec<String> = (0..2000).map(|i| format!("p{i}: {{sex: male}}")).collect();
    let text = format!(
        "# {}\npeople: {{{}}}\n",
        "comment ".repeat(200_000),
        people.join(", ")
    );
    let file = write(&dir, "long.yaml", text);
    let out = genogram(["check".as_ref(), file.as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("ok: 2000 people"));
}

#[test]
fn control_and_direction_characters_never_reach_the_drawing_or_the_terminal() {
    let dir = temp_dir("hostile-bidi");
    // Raw characters in the file, not YAML escapes: right-to-left override, isolates,
    // an ANSI colour sequence, a C1 control, a zero-width joiner.
    let name = "Ann\u{202e}a\u{2066}x\u{2069} \u{1b}[31mRed\u{85}\u{200d}";
    let file = write(
        &dir,
        "bidi.yaml",
        format!(
            "people:\n  ana: {{name: \"{name}\", sex: female, occupation: \"\u{202e}nurse\"}}\n"
        ),
    );
    // YAML forbids the raw ESC: refused where it is, and shown escaped.
    refused(&file, "2:25", "control character (U+001B escape)");
    let out = genogram(["check".as_ref(), file.as_os_str()]);
    assert!(stderr(&out).contains("\\u{1b}[31mRed"), "{}", stderr(&out));
    // Without it the name is drawn, with the direction controls stripped.
    let name = "Ann\u{202e}a\u{2066}x\u{2069} Red\u{85}\u{200d}";
    let file = write(
        &dir,
        "bidi-drawn.yaml",
        format!(
            "people:\n  ana: {{name: \"{name}\", sex: female, occupation: \"\u{202e}nurse\"}}\n"
        ),
    );
    let svg = drawn(&file);
    assert!(
        !svg.chars()
            .any(|c| c != '\n' && genogram::diag::is_unsafe_char(c)),
        "raw control character in the drawing"
    );
    assert!(svg.contains("Annax Red"), "{svg}");
    assert!(svg.contains("\nnurse\n"), "{svg}");
    // In a message the same characters are shown escaped.
    let bad = write(
        &dir,
        "bidi-bad.yaml",
        "people:\n  ana: {name: \"Ann\u{202e}a\u{2066}x\u{2069}\", sex: femal}\n",
    );
    let out = genogram(["check".as_ref(), bad.as_os_str()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        !err.chars()
            .any(|c| c != '\n' && genogram::diag::is_unsafe_char(c)),
        "{err:?}"
    );
    assert!(err.contains("\\u{202e}"), "{err}");
}

/// The longest text accepted, as one unbroken word, in the name and the occupation: a
/// word wider than a printed page is the only text ever cut short. It is drawn cut to a
/// page's width, in lines no wider than a label, the last ending in `…`, with no more
/// room under the symbol than that.
#[test]
fn a_ten_thousand_character_word_is_cut_to_a_page_width() {
    use genogram::layout::font::{Face, width};
    use genogram::layout::labels::LONGEST_WORD;
    let dir = temp_dir("hostile-long-word");
    let file = write(
        &dir,
        "word.yaml",
        format!(
            "people:\n  a: {{name: {}, occupation: {}, sex: male}}\n",
            "x".repeat(10_000),
            "y".repeat(10_000)
        ),
    );
    let svg = drawn(&file);
    let height: f64 = svg
        .split("height=\"")
        .nth(1)
        .and_then(|h| h.split('"').next())
        .and_then(|h| h.parse().ok())
        .unwrap();
    assert!(height < 1000.0, "the drawing is {height} px tall");
    for (c, size, face) in [('x', 12.0, Face::Bold), ('y', 11.0, Face::Regular)] {
        let drawn: Vec<&str> = svg
            .lines()
            .filter(|l| l.len() > 2 && l.chars().all(|k| k == c || k == '…'))
            .collect();
        assert!(drawn.len() > 2, "{drawn:?}");
        assert!(drawn.last().unwrap().ends_with('…'), "{drawn:?}");
        assert!(drawn[..drawn.len() - 1].iter().all(|l| !l.contains('…')));
        let all = drawn.concat();
        assert!(width(&all, size, face) <= LONGEST_WORD, "{all}");
        assert!(width(&all, size, face) > LONGEST_WORD - 2.0 * size, "{all}");
        assert!(
            drawn
                .iter()
                .all(|l| width(l.trim_end_matches('…'), size, face) <= 104.0),
            "{drawn:?}"
        );
    }
}

/// `hub` with `n` partners, one couple each.
fn many_partners(n: usize) -> String {
    let mut t = String::from("people:\n  hub: {sex: male}\n");
    for i in 0..n {
        t.push_str(&format!("  p{i}: {{sex: female}}\n"));
    }
    t.push_str("couples:\n");
    for i in 0..n {
        t.push_str(&format!("  - partners: [hub, p{i}]\n"));
    }
    t
}

/// One couple with `n` children.
fn many_children(n: usize) -> String {
    let mut t = String::from("people:\n  ma: {sex: female}\n  pa: {sex: male}\n");
    for i in 0..n {
        t.push_str(&format!("  c{i}: {{sex: female}}\n"));
    }
    let kids: Vec<String> = (0..n).map(|i| format!("c{i}")).collect();
    t.push_str(&format!(
        "couples:\n  - partners: [ma, pa]\n    children: [{}]\n",
        kids.join(", ")
    ));
    t
}

#[test]
fn ten_thousand_partners_or_children_load() {
    let dir = temp_dir("hostile-wide");
    let partners = write(&dir, "partners.yaml", many_partners(10_000));
    let out = genogram(["check".as_ref(), partners.as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("ok: 10001 people, 10000 couples, 1 generation"));
    let children = write(&dir, "children.yaml", many_children(10_000));
    let out = genogram(["check".as_ref(), children.as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("ok: 10002 people, 1 couple, 2 generations"));
}

#[test]
fn wide_families_are_drawn_whole() {
    // The full 10,000 are drawn by bench/hostile.sh with the release build; a debug
    // build takes minutes on them, so this draws 500 of each.
    let dir = temp_dir("hostile-wide-draw");
    for (name, text, people) in [
        ("partners.yaml", many_partners(500), 501),
        ("children.yaml", many_children(500), 502),
    ] {
        let svg = drawn(&write(&dir, name, text));
        assert_eq!(svg.matches(" id=\"person-").count(), people, "{name}");
    }
}

#[test]
fn hostile_fixture_folder_is_all_tested() {
    let mut names: Vec<String> = std::fs::read_dir(path("tests/fixtures/hostile"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    names.sort();
    assert_eq!(
        names.len(),
        11,
        "{names:?}: add new files to the tests above"
    );
}

#[test]
fn anonymized_drawing_holds_no_free_text_of_any_field() {
    // Every field a user writes free text into, each with a marker that cannot occur in
    // the drawing by chance; ids are user text too (often first names).
    let dir = temp_dir("hostile-anon");
    let text = "title: Qzx-title Family\n\
        index: qzxid-ana\n\
        people:\n\
        \x20 qzxid-ana:\n\
        \x20   name: Qzxname Ana\n\
        \x20   sex: female\n\
        \x20   gender: qzxgender\n\
        \x20   born: 1951-03-02\n\
        \x20   occupation: qzxoccupation\n\
        \x20   location: qzxplace\n\
        \x20   conditions: [qzxcondition one, alcohol]\n\
        \x20   notes: qzxnote\n\
        \x20   skills: {openness: {level: strong, learned: qzxlearned, since: 1999, note: qzxskillnote}}\n\
        \x20 qzxid-ben: {name: \"Qzx\u{202e}ben\", sex: male, born: 1949, died: 2001}\n\
        \x20 qzxid-kid: {sex: female, born: 1980, conditions: [qzxcondition two, qzxcondition one]}\n\
        couples:\n\
        \x20 - partners: [qzxid-ana, qzxid-ben]\n\
        \x20   married: 1975\n\
        \x20   children: [qzxid-kid]\n\
        relationships:\n\
        \x20 - {between: [qzxid-ana, qzxid-kid], kind: close, note: qzxrelnote}\n";
    let file = write(&dir, "anon.yaml", text);
    let out = genogram(["render".as_ref(), "--anonymize".as_ref(), file.as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let svg = stdout(&out).to_lowercase();
    assert!(!svg.contains("qzx"), "user text in the anonymised drawing");
    // Conditions in the user's own words become neutral words; those the format defines
    // stay.
    assert!(svg.contains("a (condition)"), "{svg}");
    assert!(svg.contains("b (condition)"));
    assert!(svg.contains("alcohol"));
    for year in ["1951", "1949", "2001", "1980", "1975", "1999"] {
        assert!(!svg.contains(year), "{year}");
    }
}
