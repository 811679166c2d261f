//! Imports every GEDCOM file of the test data and checks that the family file written
//! loads, validates and builds (what `genogram check` does), lays out and draws.
//!
//! The files are in the repository, in `tests/data/gedcom/` (each folder's README gives
//! origin and licence). A missing file is a failure, never a silent pass.

use std::path::{Path, PathBuf};

fn data_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/gedcom");
    assert!(
        dir.join("royal92/royal92.ged").is_file(),
        "the GEDCOM test files are missing from {}: restore tests/data/gedcom/ from the repository",
        dir.display()
    );
    dir
}

fn ged_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).expect("readable folder") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("ged")) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn import(path: &Path) -> genogram::gedcom::Imported {
    let bytes = std::fs::read(path).expect("readable file");
    match genogram::gedcom::import(&path.display().to_string(), &bytes) {
        Ok(i) => i,
        Err(genogram::Error::Input { file, diagnostics }) => panic!(
            "{}",
            diagnostics
                .iter()
                .map(|d| genogram::diag::render(d, &file))
                .collect::<String>()
        ),
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

#[test]
fn every_gedcom_test_file_imports_to_a_valid_family() {
    let dir = data_dir();
    let files = ged_files(&dir);
    assert!(
        files.len() >= 60,
        "expected the GEDCOM test files, found {}",
        files.len()
    );
    for path in &files {
        let imported = import(path);
        let graph = genogram::load_str("imported.yaml", &imported.yaml)
            .unwrap_or_else(|d| panic!("{}: {d:?}", path.display()));
        assert_eq!(
            graph.family().people.len(),
            imported.people,
            "{}",
            path.display()
        );
        assert_eq!(
            graph.family().couples.len(),
            imported.families,
            "{}",
            path.display()
        );
        assert!(
            imported
                .yaml
                .starts_with("# yaml-language-server: $schema=")
        );
        // Same input, same bytes.
        assert_eq!(import(path).yaml, imported.yaml, "{}", path.display());
        // And it draws: every person placed, every person in the picture.
        let layout = genogram::layout::layout(&graph, &genogram::layout::LayoutOptions::default());
        assert_eq!(layout.people.len(), imported.people, "{}", path.display());
        let svg =
            genogram::render::svg(&graph, &layout, &genogram::render::RenderOptions::default());
        assert!(
            svg.contains("<svg") && svg.trim_end().ends_with("</svg>"),
            "{}",
            path.display()
        );
        assert_eq!(
            svg.matches(" id=\"person-").count(),
            imported.people,
            "{}",
            path.display()
        );
    }
}

#[test]
fn royal92_keeps_every_person_and_family() {
    let dir = data_dir();
    let i = import(&dir.join("royal92/royal92.ged"));
    assert_eq!((i.people, i.families), (3010, 1422));
    let s = i.summary();
    assert!(
        s.starts_with("kept 3,010 people and 1,422 families; not kept: 1,398 titles"),
        "{s}"
    );
    assert!(i.yaml.contains("  victoria-hanover:\n    name: Victoria Hanover\n    sex: female\n    born: 1819-05-24\n    died: 1901-01-22\n"));
    // Every date left out is named in a warning.
    let dates_not_kept = i
        .not_kept
        .iter()
        .find(|(what, _)| what == "dates that could not be kept")
        .map_or(0, |(_, n)| *n);
    let warned = i
        .warnings
        .iter()
        .filter(|w| w.message.contains("is not kept:"))
        .count();
    assert_eq!(dates_not_kept, warned);
    // Years of one to three digits are kept (131 dates were dropped when years needed four
    // digits); only the two dates written without a year (`10 JAN`) cannot be.
    assert_eq!(dates_not_kept, 2, "{:#?}", i.warnings);
    assert!(
        i.warnings
            .iter()
            .filter(|w| w.message.contains("is not kept:"))
            .all(|w| w.message.contains("it has no year")),
        "{:#?}",
        i.warnings
    );
    assert!(
        i.yaml.contains(
            "    name: Charlemagne
    sex: male
    born: 742-04-02
    died: 814
"
        ),
        "{}",
        &i.yaml[..2000]
    );
}

#[test]
fn gedcom7_names_remarriage_same_sex_and_void_pointers() {
    let dir = data_dir();
    let g7 = dir.join("gedcom7/familysearch-gedcom.io/gedcom70");
    let same = import(&g7.join("same-sex-marriage.ged"));
    assert!(
        same.yaml
            .contains("  john:\n    name: John Doe\n    sex: male\n")
    );
    assert!(
        same.yaml
            .contains("  - partners: [john, richard]\n    relation: unknown\n"),
        "{}",
        same.yaml
    );

    let re = import(&g7.join("remarriage2.ged"));
    let couples: Vec<&str> = re
        .yaml
        .lines()
        .filter(|l| l.starts_with("  - partners"))
        .collect();
    assert_eq!(
        couples,
        [
            "  - partners: [john, jane]",
            "  - partners: [john, mary]",
            "  - partners: [john, jane]"
        ]
    );
    assert!(
        re.yaml
            .contains("married: 1911-04-01\n    divorced: 1912-05-02\n")
    );

    let re1 = import(&g7.join("remarriage1.ged"));
    assert!(
        re1.warnings
            .iter()
            .any(|w| w.message.contains("second marriage"))
    );

    let void = import(&g7.join("voidptr.ged"));
    assert_eq!((void.people, void.families), (2, 1));
    assert!(void.warnings.is_empty(), "{:?}", void.warnings);

    let max = import(&g7.join("maximal70.ged"));
    assert!(
        max.yaml
            .contains("name: \"Lt. Cmndr. Joseph \\\"John\\\" de Allen jr.\""),
        "{}",
        max.yaml
    );
    assert!(max.yaml.contains("sex: intersex"));
}

#[test]
fn every_character_set_test_file_reads_the_same_name() {
    let dir = data_dir();
    let mut read = 0;
    for version in ["5", "7"] {
        let d = dir.join("gedcom7/gedcom7code-test-files").join(version);
        for f in ged_files(&d).iter().filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("char_"))
        }) {
            read += 1;
            let bytes = std::fs::read(f).unwrap();
            let text = genogram::gedcom::charset::decode(&bytes).unwrap().text;
            assert!(
                text.contains("NAME Luther Tychonievich\n"),
                "{}",
                f.display()
            );
        }
    }
    // Nine character-set files (ASCII, UTF-8, UTF-16 both ways) in each version.
    assert_eq!(read, 18, "character-set test files found");
}

#[test]
fn the_dates_of_the_date_test_files_are_read() {
    let dir = data_dir();
    for file in [
        "gedcom7/familysearch-gedcom.io/gedcom70/date.ged",
        "gedcom7/gedcom7code-test-files/5/date-all.ged",
        "gedcom7/gedcom7code-test-files/7/date-all.ged",
        "gedcom7/gedcom7code-test-files/5/date-dual-valid.ged",
    ] {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let mut unread = Vec::new();
        let mut total = 0;
        for line in text.lines() {
            if let Some(v) = line.strip_prefix("2 DATE ") {
                total += 1;
                if let Err(why) = genogram::gedcom::dates::parse(v) {
                    unread.push(format!("{v}: {why}"));
                }
            }
        }
        // The test files hold every form GEDCOM allows: what is not kept must be so for
        // a reason the documentation gives, never because the reader misread a form.
        let known = [
            "before the Common Era",
            "calendar",
            "a phrase, not a date",
            "that day does not exist",
        ];
        let misread: Vec<&String> = unread
            .iter()
            .filter(|u| !known.iter().any(|k| u.contains(k)))
            .collect();
        assert!(misread.is_empty(), "{file}: {misread:#?}");
        assert!(total > 0 && unread.len() < total, "{file}");
    }
}
