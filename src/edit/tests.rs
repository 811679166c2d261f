//! The operations on texts: what changes, what stays byte for byte, what is refused.

use super::*;

fn ops(json: &str) -> Vec<Op> {
    parse_ops(json).unwrap_or_else(|e| panic!("{e}"))
}

fn ok(text: &str, json: &str) -> String {
    apply(text, &ops(json)).unwrap_or_else(|e| panic!("{e}\n--- text:\n{text}"))
}

fn refused(text: &str, json: &str) -> EditError {
    match apply(text, &ops(json)) {
        Ok(t) => panic!("not refused; gave:\n{t}"),
        Err(e) => e,
    }
}

const SMALL: &str = "\
# The Hartmann family
title: Hartmanns
index: mia

people:
  paul:
    name: Paul Hartmann   # father
    sex: male
    born: 1950
  anne: {name: Anne Hartmann, sex: female, born: 1952}

  # the children
  mia:
    name: Mia Hartmann
    sex: female
    born: 1983-07-02
  leo:
    name: Leo Hartmann
    sex: male

couples:
  - partners: [paul, anne]
    married: 1980
    children: [mia, leo]

relationships:
  - {between: [paul, anne], kind: hostile}
  - {between: [mia, leo], kind: close}
";

#[test]
fn scratch_print() {
    let t = ok(
        SMALL,
        r#"[{"op":"add-person","person":{"name":"Rosa Berg","sex":"female","skills":{"openness":"none","honesty":"some"}}},
      {"op":"update-person","id":"mia","set":{"occupation":"nurse","skills":{"openness":{"level":"strong","learned":"group-therapy","since":2018}}},"unset":["born"]},
      {"op":"add-child","parents":["anne","paul"],"child":"rosa"},
      {"op":"add-couple","couple":{"partners":["leo","rosa"],"relation":"cohabiting"}},
      {"op":"add-relationship","relationship":{"from":"paul","to":"mia","kind":"focused-on"}},
      {"op":"remove-person","id":"leo"},
      {"op":"set","field":"title","value":"The Hartmann family"}]"#,
    );
    println!("{t}");
    println!(
        "{}",
        ok(
            "",
            r#"[{"op":"add-person","person":{"name":"Mia"}},{"op":"set","field":"index","value":"mia"},{"op":"add-person","person":{"name":"Paul"}},{"op":"add-child","parents":["paul"],"child":"mia"},{"op":"add-relationship","relationship":{"between":["paul","mia"],"kind":"close"}}]"#
        )
    );
}
