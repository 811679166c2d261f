//! End-to-end tests of the importer on small GEDCOM texts.

use super::*;

fn import_text(text: &str) -> Imported {
    match import("t.ged", text.as_bytes()) {
        Ok(i) => i,
        Err(crate::Error::Input { diagnostics, .. }) => panic!("{diagnostics:?}"),
        Err(e) => panic!("{e}"),
    }
}

fn error(text: &str) -> Diagnostic {
    match import("t.ged", text.as_bytes()) {
        Err(crate::Error::Input {
            mut diagnostics, ..
        }) => diagnostics.remove(0),
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn thousands_separators() {
    assert_eq!(thousands(0), "0");
    assert_eq!(thousands(999), "999");
    assert_eq!(thousands(3010), "3,010");
    assert_eq!(thousands(1_234_567), "1,234,567");
}

#[test]
fn an_engagement_is_an_engaged_couple() {
    let people = "0 @I1@ INDI\n1 NAME Ann /Lee/\n0 @I2@ INDI\n1 NAME Bob /Ray/\n";
    let engaged = import_text(&with_head(&format!(
        "{people}0 @F1@ FAM\n1 HUSB @I2@\n1 WIFE @I1@\n1 ENGA\n2 DATE 12 MAY 1999\n"
    )));
    assert!(
        engaged
            .yaml
            .contains("  - partners: [bob, ann]\n    relation: engaged\n    since: 1999-05-12\n"),
        "{}",
        engaged.yaml
    );
    // Married later: the marriage is what the couple is; the engagement date is counted.
    let married = import_text(&with_head(&format!(
        "{people}0 @F1@ FAM\n1 HUSB @I2@\n1 WIFE @I1@\n1 ENGA\n2 DATE 1999\n1 MARR\n2 DATE 2000\n"
    )));
    assert!(
        married
            .yaml
            .contains("  - partners: [bob, ann]\n    married: 2000\n"),
        "{}",
        married.yaml
    );
    assert!(
        married.summary().contains("1 engagement"),
        "{}",
        married.summary()
    );
}

#[test]
fn the_title_is_the_surname_most_people_have() {
    let i = import_text(&with_head(
        "0 @I1@ INDI\n1 NAME Ann /Ruiz/\n0 @I2@ INDI\n1 NAME Bob /García/\n\
         0 @I3@ INDI\n1 NAME Eva /García/\n0 @I4@ INDI\n1 NAME Max\n",
    ));
    assert!(
        i.yaml.contains("\ntitle: The García family\n"),
        "{}",
        i.yaml
    );
    let none = import_text(&with_head("0 @I1@ INDI\n1 NAME Max\n"));
    assert!(!none.yaml.contains("title:"), "{}", none.yaml);
}

#[test]
fn a_small_family() {
    let i = import_text(
        "0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n\
         0 @I1@ INDI\n1 NAME José /García/\n1 SEX M\n1 BIRT\n2 DATE ABT 1900\n2 PLAC Sevilla\n1 DEAT\n\
         0 @I2@ INDI\n1 NAME Ana /Ruiz/\n1 SEX F\n1 BIRT\n2 DATE 12 MAR 1905\n1 OCCU teacher\n1 OCCU farmer\n\
         0 @I3@ INDI\n1 NAME Luis /García/\n1 BIRT\n2 DATE MAR 1930\n1 FAMC @F1@\n2 PEDI adopted\n\
         0 @I4@ INDI\n1 NAME Eva /García/\n1 FAMC @F1@\n2 PEDI foster\n1 NOTE a note\n\
         0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I2@\n1 MARR\n2 DATE 1925\n1 DIV\n2 DATE 1940\n1 CHIL @I3@\n1 CHIL @I4@\n\
         0 @S1@ SOUR\n1 TITL Parish book\n0 TRLR\n",
    );
    let y = &i.yaml;
    assert!(y.starts_with("# yaml-language-server: $schema=genogram.schema.json\n"));
    assert!(
        y.contains(
            "  jose:\n    name: José García\n    sex: male\n    born: ~1900\n    deceased: true\n"
        ),
        "{y}"
    );
    assert!(y.contains("  ana:\n    name: Ana Ruiz\n    sex: female\n    born: 1905-03-12\n    occupation: teacher\n"), "{y}");
    assert!(y.contains("  - partners: [jose, ana]\n    married: 1925\n    divorced: 1940\n    children: [{id: luis, link: adopted}, {id: eva, link: foster}]\n"), "{y}");
    assert!(!y.contains("\n    skills:"), "no person is rated");
    assert_eq!((i.people, i.families), (4, 1));
    let s = i.summary();
    assert!(
        s.starts_with("kept 4 people and 1 family; not kept: "),
        "{s}"
    );
    for part in ["1 place", "1 note", "1 source", "1 extra occupation"] {
        assert!(s.contains(part), "{s}");
    }
}

const HEAD: &str = "0 HEAD\n1 GEDC\n2 VERS 5.5.1\n";

fn with_head(body: &str) -> String {
    format!("{HEAD}{body}0 TRLR\n")
}

fn warned(i: &Imported, part: &str) -> bool {
    i.warnings.iter().any(|w| w.message.contains(part))
}

#[test]
fn malformed_lines_are_errors_with_their_line() {
    let e = error(&with_head("0 @I1@ INDI\n1 NAME A /B/\nnot a line\n"));
    assert_eq!(e.span.start.line, 6);
    assert!(e.message.contains("level number"), "{}", e.message);
    assert!(!e.help.is_empty());
    let e = error(&with_head("0 @I1@ INDI\n3 BIRT\n"));
    assert_eq!(e.span.start.line, 5);
    let e = error("this is a letter, not a family tree\n");
    assert!(e.message.contains("not a GEDCOM file"));
}

#[test]
fn a_child_in_two_birth_families_becomes_a_step_child_of_the_second() {
    let i = import_text(&with_head(
        "0 @I1@ INDI\n1 NAME Ann //\n0 @I2@ INDI\n1 NAME Bob //\n0 @I3@ INDI\n1 NAME Cy //\n\
         0 @F1@ FAM\n1 WIFE @I1@\n1 CHIL @I3@\n0 @F2@ FAM\n1 HUSB @I2@\n1 CHIL @I3@\n1 CHIL @I3@\n",
    ));
    assert!(
        i.yaml
            .contains("  - partners: [ann]\n    relation: unknown\n    children: [cy]\n"),
        "{}",
        i.yaml
    );
    assert!(
        i.yaml.contains(
            "  - partners: [bob]\n    relation: unknown\n    children: [{id: cy, link: step}]\n"
        ),
        "{}",
        i.yaml
    );
    assert!(warned(&i, "birth child of an earlier family"));
    assert!(warned(&i, "listed twice"));
}

#[test]
fn a_loop_of_ancestry_is_broken_at_the_closing_link() {
    let i = import_text(&with_head(
        "0 @I1@ INDI\n1 NAME Ann //\n0 @I2@ INDI\n1 NAME Bob //\n\
         0 @F1@ FAM\n1 WIFE @I1@\n1 CHIL @I2@\n0 @F2@ FAM\n1 HUSB @I2@\n1 CHIL @I1@\n",
    ));
    assert!(i.yaml.contains("children: [bob]"), "{}", i.yaml);
    assert!(!i.yaml.contains("children: [ann]"), "{}", i.yaml);
    let w = i
        .warnings
        .iter()
        .find(|w| w.message.contains("own ancestor"))
        .unwrap();
    assert_eq!(w.span.start.line, 13);
}

#[test]
fn contradicting_dates_are_kept_as_approximate_with_a_warning() {
    let i = import_text(&with_head(
        "0 @I1@ INDI\n1 NAME Ann //\n1 BIRT\n2 DATE 1950\n1 DEAT\n2 DATE 1940\n\
         0 @I2@ INDI\n1 NAME Bob //\n1 BIRT\n2 DATE 1930\n\
         0 @F1@ FAM\n1 WIFE @I1@\n1 CHIL @I2@\n1 MARR\n2 DATE 1960\n1 DIV\n2 DATE 1955\n",
    ));
    assert!(
        i.yaml.contains("    born: 1950\n    died: ~1940\n"),
        "{}",
        i.yaml
    );
    assert!(i.yaml.contains("    born: ~1930\n"), "{}", i.yaml);
    assert!(i.yaml.contains("    divorced: ~1955\n"), "{}", i.yaml);
    assert!(warned(&i, "died (1940) before being born"));
    assert!(warned(&i, "before their parent `ann`"));
    assert!(warned(&i, "ends (1955) before it begins"));
}

#[test]
fn partners_beyond_two_and_twice_and_unknown_pointers() {
    let i = import_text(&with_head(
        "0 @I1@ INDI\n1 NAME Ann //\n0 @I2@ INDI\n1 NAME Bob //\n0 @I3@ INDI\n1 NAME Cy //\n\
         0 @F1@ FAM\n1 WIFE @I1@\n1 WIFE @I1@\n1 HUSB @I2@\n1 HUSB @I3@\n1 CHIL @I9@\n1 CHIL @VOID@\n",
    ));
    assert!(i.yaml.contains("  - partners: [ann, bob]\n"), "{}", i.yaml);
    assert!(warned(&i, "listed twice as a partner"));
    assert!(warned(&i, "already has two partners"));
    assert!(warned(&i, "`@I9@` points to no person"));
    assert_eq!(
        i.warnings.len(),
        3,
        "@VOID@ is not a problem: {:?}",
        i.warnings
    );
}

#[test]
fn death_without_date_burial_and_pedigree_in_gedcom7() {
    let i = import_text(
        "0 HEAD\n1 GEDC\n2 VERS 7.0\n0 @I1@ INDI\n1 NAME Ann /Ö/\n1 DEAT Y\n\
         0 @I2@ INDI\n1 NAME Bob //\n1 BURI\n0 @I3@ INDI\n1 NAME Cy //\n1 FAMC @F1@\n2 PEDI FOSTER\n\
         0 @I4@ INDI\n1 NAME Di //\n1 ADOP\n2 DATE 2001\n2 FAMC @F1@\n\
         0 @F1@ FAM\n1 HUSB @I2@\n1 WIFE @I1@\n1 CHIL @I3@\n1 CHIL @I4@\n0 TRLR\n",
    );
    assert!(
        i.yaml
            .contains("  ann:\n    name: Ann Ö\n    deceased: true\n"),
        "{}",
        i.yaml
    );
    assert!(
        i.yaml
            .contains("  bob:\n    name: Bob\n    deceased: true\n"),
        "{}",
        i.yaml
    );
    assert!(
        i.yaml
            .contains("children: [{id: cy, link: foster}, {id: di, link: adopted, adopted: 2001}]"),
        "{}",
        i.yaml
    );
    assert!(i.summary().contains("1 burial"), "{}", i.summary());
}

#[test]
fn ids_are_readable_and_unique() {
    let i = import_text(&with_head(
        "0 @I1@ INDI\n1 NAME Victoria /Hanover/\n0 @I2@ INDI\n1 NAME Victoria /Hanover/\n\
         0 @I3@ INDI\n1 NAME Victoria Adelaide //\n0 @I4@ INDI\n1 NAME Albert //\n0 @I5@ INDI\n1 NAME 李 //\n0 @7@ INDI\n",
    ));
    let ids: Vec<&str> = i
        .yaml
        .lines()
        .filter(|l| {
            l.starts_with("  ") && !l.starts_with("   ") && l.ends_with(':') || l.ends_with(": {}")
        })
        .filter(|l| !l.starts_with("  -"))
        .map(|l| l.trim().trim_end_matches(" {}").trim_end_matches(':'))
        .filter(|l| !["openness", "honesty", "directness"].contains(l))
        .collect();
    assert_eq!(
        ids,
        [
            "victoria-hanover",
            "victoria-hanover-2",
            "victoria-adelaide",
            "albert",
            "i5",
            "person-7"
        ]
    );
}

#[test]
fn written_names_read_back_as_written() {
    for name in [
        "Joseph \"John\"",
        "O'Brien",
        "a: b",
        "#1",
        "yes",
        "- x",
        "tab\there",
        "~",
        "[x]",
        "50",
    ] {
        let i = import_text(&with_head(&format!("0 @I1@ INDI\n1 NAME {name}\n")));
        let g = crate::load_str("x.yaml", &i.yaml).unwrap();
        let want = if name.contains('\t') {
            "tab here"
        } else {
            name
        };
        assert_eq!(g.family().people[0].name, want, "{}", i.yaml);
    }
}

#[test]
fn an_empty_file_imports_to_an_empty_family() {
    let i = import_text("0 HEAD\n0 TRLR\n");
    assert_eq!((i.people, i.families), (0, 0));
    assert!(i.yaml.contains("people: {}\n"));
    assert!(i.summary().ends_with("everything in the file was kept"));
}

proptest::proptest! {
    /// Whatever text a name holds, the family file reads it back unchanged.
    #[test]
    fn any_text_round_trips_through_the_loader(s in "[^\\p{Cc}\\p{Cf}]{1,40}") {
        let yaml = format!("people:\n  a:\n    name: {}\n", yaml_out::scalar(&s));
        let g = crate::load_str("x.yaml", &yaml).map_err(|d| proptest::test_runner::TestCaseError::fail(format!("{yaml}: {d:?}")))?;
        proptest::prop_assert_eq!(&g.family().people[0].name, &s);
    }
}

#[test]
fn names_that_yaml_reads_as_words_get_safe_ids() {
    let i = import_text(&with_head(
        "0 @I1@ INDI\n1 NAME True\n0 @I2@ INDI\n1 NAME Null //\n0 @I3@ INDI\n1 NAME No /Way/\n0 @I4@ INDI\n1 NAME No /Way/\n",
    ));
    for id in ["person-true:", "person-null:", "no-way:", "no-way-2:"] {
        assert!(i.yaml.contains(&format!("\n  {id}\n")), "{id}: {}", i.yaml);
    }
}

#[test]
fn a_person_partnered_with_their_adoptive_parent_imports() {
    // This once made the generation numbering loop for ever.
    let i = import_text(&with_head(
        "0 @I1@ INDI\n1 NAME Ann //\n0 @I2@ INDI\n1 NAME Bob //\n\
         0 @F1@ FAM\n1 HUSB @I2@\n1 WIFE @I1@\n0 @F2@ FAM\n1 WIFE @I1@\n1 CHIL @I2@\n2 _FREL adopted\n",
    ));
    assert_eq!(i.families, 2);
}

/// GEDCOM text made of random people and families, with random links, dates and
/// pedigrees: loops, two birth families, children older than parents, all of it.
fn random_gedcom() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let date = prop_oneof![
        Just(String::new()),
        (1000..2020i32).prop_map(|y| y.to_string()),
        (1..29u8, 0..12usize, 1000..2020i32).prop_map(|(d, m, y)| format!(
            "{d} {} {y}",
            [
                "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
            ][m]
        )),
        (1000..2020i32).prop_map(|y| format!("ABT {y}")),
        (1000..2020i32, 0..30i32).prop_map(|(y, d)| format!("BET {y} AND {}", y + d)),
        "[ -~]{0,12}",
    ];
    let person = (
        "[A-Za-z /_\"'#:-]{0,16}",
        prop_oneof![Just("M"), Just("F"), Just("U"), Just("X")],
        date.clone(),
        date.clone(),
        proptest::bool::ANY,
    )
        .prop_map(|(name, sex, born, died, dead)| {
            let mut s = format!("1 NAME {name}\n1 SEX {sex}\n");
            if !born.is_empty() {
                s.push_str(&format!("1 BIRT\n2 DATE {born}\n"));
            }
            if dead || !died.is_empty() {
                s.push_str("1 DEAT\n");
                if !died.is_empty() {
                    s.push_str(&format!("2 DATE {died}\n"));
                }
            }
            s
        });
    let family = (
        proptest::collection::vec(0..8usize, 0..4),
        proptest::collection::vec((0..8usize, 0..5usize), 0..5),
        date.clone(),
        date,
    )
        .prop_map(|(partners, children, married, divorced)| {
            let mut s = String::new();
            for (k, p) in partners.iter().enumerate() {
                s.push_str(&format!(
                    "1 {} @I{p}@\n",
                    if k % 2 == 0 { "HUSB" } else { "WIFE" }
                ));
            }
            for (c, pedi) in &children {
                s.push_str(&format!("1 CHIL @I{c}@\n"));
                let word = ["birth", "adopted", "foster", "sealing", "weird"][*pedi];
                s.push_str(&format!("2 _FREL {word}\n"));
            }
            if !married.is_empty() {
                s.push_str(&format!("1 MARR\n2 DATE {married}\n"));
            }
            if !divorced.is_empty() {
                s.push_str(&format!("1 DIV\n2 DATE {divorced}\n"));
            }
            s
        });
    (
        proptest::collection::vec(person, 0..8),
        proptest::collection::vec(family, 0..6),
        proptest::collection::vec((0..8usize, 0..6usize, 0..4usize), 0..6),
    )
        .prop_map(|(people, families, famc)| {
            let mut s = String::from("0 HEAD\n1 GEDC\n2 VERS 5.5.1\n");
            for (i, p) in people.iter().enumerate() {
                s.push_str(&format!("0 @I{i}@ INDI\n{p}"));
                for (who, fam, pedi) in &famc {
                    if *who == i {
                        let word = ["birth", "adopted", "foster", "OTHER"][*pedi];
                        s.push_str(&format!("1 FAMC @F{fam}@\n2 PEDI {word}\n"));
                    }
                }
            }
            for (i, f) in families.iter().enumerate() {
                s.push_str(&format!("0 @F{i}@ FAM\n{f}"));
            }
            s.push_str("0 TRLR\n");
            s
        })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

    /// Whatever the GEDCOM says, the import succeeds and `check` accepts the result
    /// (the importer checks its own output and fails loudly otherwise).
    #[test]
    fn any_linked_family_imports_to_a_valid_file(text in random_gedcom()) {
        let i = import("r.ged", text.as_bytes());
        proptest::prop_assert!(i.is_ok(), "{text}\n{:?}", i.err());
        // Everyone survives, in order, with their name and sex.
        let i = i.unwrap();
        let g = crate::load_str("r.yaml", &i.yaml).expect("the importer checked its output");
        let people = &g.family().people;
        let records: Vec<(&str, &str)> = text
            .split("\n0 ")
            .filter(|r| r.contains(" INDI\n"))
            .map(|r| {
                let field = |tag: &str| {
                    r.lines()
                        .find_map(|l| l.strip_prefix(tag))
                        .unwrap_or_default()
                };
                (field("1 NAME "), field("1 SEX "))
            })
            .collect();
        proptest::prop_assert_eq!(people.len(), records.len(), "{}", i.yaml);
        proptest::prop_assert_eq!(i.people, records.len());
        for (p, (name, sex)) in people.iter().zip(&records) {
            let full = names::parse(name).full;
            if !full.is_empty() {
                proptest::prop_assert_eq!(&p.name, &full, "{}", i.yaml);
            }
            let expected = match *sex {
                "M" => Some(crate::model::Sex::Male),
                "F" => Some(crate::model::Sex::Female),
                _ => None,
            };
            if let Some(e) = expected {
                proptest::prop_assert_eq!(p.sex, e);
            }
        }
    }

    /// Arbitrary text never panics the importer.
    #[test]
    fn arbitrary_text_never_panics(text in "(0 HEAD\n)?([0-9 @A-Z_a-z/\n\r\t]|\\PC){0,300}") {
        let _ = import("r.ged", text.as_bytes());
    }
}
