//! The loader never panics, whatever it is given: random bytes, and samples mangled the
//! way hand-edited files get mangled (lines cut, duplicated, swapped, characters typed).

use proptest::prelude::*;

/// Decodes and loads bytes as `genogram check` would; the result does not matter here,
/// only that it comes back.
fn load_bytes(bytes: &[u8]) {
    if let Ok(text) = genogram::load::text::decode(bytes) {
        match genogram::load_str("fuzz.yaml", &text) {
            Ok(graph) => {
                // A family that loads must also answer questions about itself.
                for p in graph.people() {
                    let _ = graph.generation(p);
                    let _ = graph.caregivers(p).count();
                }
                // And show itself at any date, and list its events.
                for year in [1, 1950, 9999] {
                    let date = genogram::model::PartialDate::year(year);
                    let then = genogram::time::as_of(&graph, date);
                    assert!(then.person_count() <= graph.person_count());
                }
                let _ = genogram::time::timeline::timeline(&graph);
            }
            Err(diags) => {
                let source = genogram::diag::SourceFile::new("fuzz.yaml", text);
                for d in &diags {
                    assert!(!genogram::diag::render(d, &source).is_empty());
                }
            }
        }
    }
}

fn samples() -> Vec<String> {
    let mut files: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// One edit of the kind a person makes by mistake.
#[derive(Debug, Clone)]
enum Edit {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Insert(usize, String),
    DeleteChars(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let typed = prop::sample::select(vec![
        ":",
        "- ",
        "  ",
        "\t",
        "{",
        "}",
        "[",
        "]",
        ",",
        "&a ",
        "*a",
        "~",
        "#",
        "\"",
        "'",
        "\n",
        "x",
        "rosa",
        "born: 1950",
        "died: 1800",
        "raised_by: [rosa]",
        "children: [rosa]",
        "partners: [a, a]",
        "ö",
        "\u{202e}",
        "!!str ",
        "---\n",
        "<<: *a",
        "null",
        "true",
        "1e9",
        "-1",
    ]);
    prop_oneof![
        any::<usize>().prop_map(Edit::DeleteLine),
        any::<usize>().prop_map(Edit::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        (any::<usize>(), typed).prop_map(|(at, s)| Edit::Insert(at, s.to_string())),
        (any::<usize>(), 1usize..20).prop_map(|(at, n)| Edit::DeleteChars(at, n)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for e in edits {
        if lines.is_empty() {
            break;
        }
        let n = lines.len();
        match e {
            Edit::DeleteLine(i) => {
                lines.remove(i % n);
            }
            Edit::DuplicateLine(i) => {
                let l = lines[i % n].clone();
                lines.insert(i % n, l);
            }
            Edit::SwapLines(a, b) => lines.swap(a % n, b % n),
            Edit::Insert(at, s) => {
                let line = &mut lines[at % n];
                let pos = line
                    .char_indices()
                    .map(|(i, _)| i)
                    .nth(at / n % (line.chars().count() + 1))
                    .unwrap_or(line.len());
                line.insert_str(pos, s);
            }
            Edit::DeleteChars(at, count) => {
                let line = &mut lines[at % n];
                let chars: Vec<char> = line.chars().collect();
                let start = (at / n) % (chars.len() + 1);
                let end = (start + count).min(chars.len());
                *line = chars[..start].iter().chain(&chars[end..]).collect();
            }
        }
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        load_bytes(&bytes);
    }

    #[test]
    fn yaml_like_noise_never_panics(text in "[a-z:{}\\[\\], \n\\-&*!|>'\"#~0-9]{0,400}") {
        load_bytes(text.as_bytes());
    }

    #[test]
    fn mangled_samples_never_panic(which in 0usize..5, edits in prop::collection::vec(edit(), 1..8)) {
        let all = samples();
        let text = apply(&all[which % all.len()], &edits);
        load_bytes(text.as_bytes());
    }
}
