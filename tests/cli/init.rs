//! `genogram init`: a starter family file that passes `check`, never over an existing file.

use super::util::{genogram, stderr, stdout, temp_dir, write};

#[test]
fn prints_a_starter_that_loads_with_the_modeline_first() {
    let o = genogram(["init"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.starts_with("# yaml-language-server: $schema=genogram.schema.json\n"));
    let g = genogram::load_str("starter.yaml", &text).unwrap_or_else(|d| panic!("{d:?}"));
    let f = g.family();
    assert_eq!(f.skills.len(), 3);
    assert!(f.people.iter().any(|p| p.kind.as_str() == "miscarriage"));
    assert!(f.people.iter().any(|p| p.raised_by.is_some()));
    assert!(f.people.iter().any(|p| !p.conditions.is_empty()));
    let links: Vec<&str> = f
        .couples
        .iter()
        .flat_map(|c| c.children.iter().map(|ch| ch.link.as_str()))
        .collect();
    assert!(links.contains(&"adopted") && links.contains(&"foster"));
    assert!(
        f.couples
            .iter()
            .any(|c| c.married.is_some() && c.divorced.is_some())
    );
    assert!(
        f.couples
            .iter()
            .any(|c| c.relation.as_str() == "cohabiting")
    );
}

#[test]
fn writes_a_file_that_check_accepts() {
    let dir = temp_dir("init-write");
    let path = dir.join("family.yaml");
    let o = genogram(["init".as_ref(), path.as_os_str()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("genogram check"));
    let c = genogram(["check".as_ref(), path.as_os_str()]);
    assert_eq!(c.status.code(), Some(0), "{}", stderr(&c));
}

#[test]
fn refuses_to_overwrite_an_existing_file() {
    let dir = temp_dir("init-exists");
    let path = write(&dir, "family.yaml", "people:\n  mine: {}\n");
    let o = genogram(["init".as_ref(), path.as_os_str()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "people:\n  mine: {}\n"
    );
}
