//! `genogram import`: GEDCOM to a family file, a summary of what was not kept, and
//! refusals that leave every file as it was.

use super::util::{genogram, stderr, stdout, temp_dir, write};

const SMALL: &str = "0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n\
0 @I1@ INDI\n1 NAME Rosa /Moreno/\n1 SEX F\n1 BIRT\n2 DATE ABT 1921\n2 PLAC Porto\n\
0 @I2@ INDI\n1 NAME José /Moreno/\n1 SEX M\n1 DEAT\n1 NOTE kind man\n\
0 @I3@ INDI\n1 NAME Carlos /Moreno/\n1 BIRT\n2 DATE APR 1950\n\
0 @F1@ FAM\n1 HUSB @I2@\n1 WIFE @I1@\n1 MARR\n2 DATE 1946\n1 CHIL @I3@\n0 TRLR\n";

#[test]
fn writes_a_family_that_check_accepts_and_summarises_on_stderr() {
    let dir = temp_dir("import-ok");
    let ged = write(&dir, "family.ged", SMALL);
    let out = dir.join("family.yaml");
    let o = genogram([
        "import".as_ref(),
        ged.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    let err = stderr(&o);
    assert!(
        err.contains("kept 3 people and 1 family; not kept: 1 note, 1 place"),
        "{err}"
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema="));
    assert!(
        text.contains("  carlos:\n    name: Carlos Moreno\n    born: 1950-04\n"),
        "{text}"
    );
    let c = genogram(["check".as_ref(), out.as_os_str()]);
    assert_eq!(c.status.code(), Some(0), "{}", stderr(&c));
    // Nothing else is left in the folder (no temporary file).
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["family.ged", "family.yaml"]);
}

#[test]
fn without_output_or_with_dash_prints_to_stdout() {
    let dir = temp_dir("import-stdout");
    let ged = write(&dir, "f.ged", SMALL);
    for extra in [&[][..], &["-o", "-"][..]] {
        let mut args = vec!["import".to_string(), ged.display().to_string()];
        args.extend(extra.iter().map(|s| (*s).to_string()));
        let o = genogram(&args);
        assert_eq!(o.status.code(), Some(0));
        assert!(genogram::load_str("x.yaml", &stdout(&o)).is_ok());
        assert!(stderr(&o).contains("kept 3 people"));
    }
}

#[test]
fn refuses_to_overwrite_the_input_even_with_force() {
    let dir = temp_dir("import-self");
    let ged = write(&dir, "f.ged", SMALL);
    for force in [false, true] {
        let mut args = vec!["import".to_string(), ged.display().to_string(), "-o".into()];
        args.push(dir.join(".").join("f.ged").display().to_string());
        if force {
            args.push("--force".into());
        }
        let o = genogram(&args);
        assert_eq!(o.status.code(), Some(2));
        assert!(
            stderr(&o).contains("is the GEDCOM file itself"),
            "{}",
            stderr(&o)
        );
        assert_eq!(std::fs::read_to_string(&ged).unwrap(), SMALL);
    }
}

#[test]
fn an_existing_output_is_replaced_only_with_force() {
    let dir = temp_dir("import-force");
    let ged = write(&dir, "f.ged", SMALL);
    let out = write(&dir, "family.yaml", "people:\n  mine: {}\n");
    let o = genogram([
        "import".as_ref(),
        ged.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "people:\n  mine: {}\n"
    );
    let o = genogram([
        "import".as_ref(),
        ged.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--force".as_ref(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(std::fs::read_to_string(&out).unwrap().contains("rosa"));
}

#[test]
fn malformed_gedcom_is_refused_with_its_line_and_nothing_is_written() {
    let dir = temp_dir("import-bad");
    let ged = write(
        &dir,
        "bad.ged",
        "0 HEAD\n0 @I1@ INDI\n1 NAME Rosa\nMoreno\n0 TRLR\n",
    );
    let out = dir.join("family.yaml");
    let o = genogram([
        "import".as_ref(),
        ged.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("bad.ged:4:1: error: this line does not start with a level number"),
        "{err}"
    );
    assert!(err.contains("4 | Moreno"), "{err}");
    assert!(err.contains("= help:"), "{err}");
    assert!(!out.exists());
}

#[test]
fn contradictions_are_listed_as_warnings_with_lines() {
    let dir = temp_dir("import-warn");
    let ged = write(
        &dir,
        "w.ged",
        "0 HEAD\n0 @I1@ INDI\n1 NAME Ann //\n1 BIRT\n2 DATE 1950\n0 @I2@ INDI\n1 NAME Bo //\n1 BIRT\n2 DATE 1940\n\
         0 @F1@ FAM\n1 WIFE @I1@\n1 CHIL @I2@\n0 TRLR\n",
    );
    let o = genogram(["import".as_ref(), ged.as_os_str()]);
    assert_eq!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert!(
        err.contains("w.ged:12:1: warning: `bo` was born (1940) before their parent `ann` (1950)"),
        "{err}"
    );
    assert!(err.contains("; 1 warning"), "{err}");
    assert!(stdout(&o).contains("born: ~1940"));
}

#[test]
fn a_missing_file_is_a_usage_error() {
    let o = genogram(["import", "no-such-file.ged"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no such file"), "{}", stderr(&o));
}
