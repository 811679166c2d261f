//! Tests of the interview's questions on the samples (as written, and with every rating
//! taken out) and on small families written inline.

use super::*;
use crate::analysis::{analyse, questions_json, questions_markdown, questions_text};
use crate::diag::SourceFile;

const SAMPLES: [(&str, &str); 5] = [
    (
        "intimacy-cycle",
        include_str!("../../../samples/intimacy-cycle.yaml"),
    ),
    (
        "blended-family",
        include_str!("../../../samples/blended-family.yaml"),
    ),
    (
        "adoption-foster",
        include_str!("../../../samples/adoption-foster.yaml"),
    ),
    (
        "twins-and-losses",
        include_str!("../../../samples/twins-and-losses.yaml"),
    ),
    (
        "cousin-marriage",
        include_str!("../../../samples/cousin-marriage.yaml"),
    ),
];

fn graph(yaml: &str) -> FamilyGraph {
    crate::load_str("test.yaml", yaml).expect("the family loads")
}

/// The family with every rating taken out: everyone is asked about every skill.
fn unrated(yaml: &str) -> FamilyGraph {
    let source = SourceFile::new("test.yaml", yaml);
    let (mut family, problems) =
        crate::load::family_with_problems(&source).expect("the family loads");
    assert!(problems.is_empty());
    for p in &mut family.people {
        p.skills.clear();
    }
    FamilyGraph::build(crate::validate::validate(family).expect("still valid"))
}

/// Every way of reading a sample: as written and unrated, for the index and for each
/// person as the client.
fn every_reading() -> Vec<(String, std::rc::Rc<FamilyGraph>, Option<PersonIx>)> {
    let mut out = Vec::new();
    for (name, yaml) in SAMPLES {
        for (how, g) in [("rated", graph(yaml)), ("unrated", unrated(yaml))] {
            let g = std::rc::Rc::new(g);
            let mut clients = vec![None];
            clients.extend(
                g.people()
                    .filter(|&p| g.person(p).kind == crate::model::PersonKind::Person)
                    .map(Some),
            );
            for client in clients {
                let label = format!(
                    "{name} {how} for {}",
                    client.map_or("the index", |p| g.person(p).id.value.as_str())
                );
                out.push((label, std::rc::Rc::clone(&g), client));
            }
        }
    }
    out
}

fn who_and_what(qs: &Questions) -> Vec<(String, Option<String>)> {
    qs.questions
        .iter()
        .map(|q| {
            let what = match (q.kind, &q.skill, q.missing) {
                (QuestionKind::Rate, Some(s), _) => Some(s.to_string()),
                (QuestionKind::Relative, _, Some(m)) => Some(format!("missing {}", m.as_str())),
                _ => None,
            };
            (q.people.join(","), what)
        })
        .collect()
}

/// The place of each kind of relation in an intake; the grandparents share one place
/// (their order by side is checked on the inline family).
fn rank(kin: Option<&Kin>) -> u8 {
    match kin {
        Some(Kin::Myself) => 0,
        Some(Kin::Parent { .. } | Kin::BirthParent) => 1,
        Some(Kin::Sibling) => 2,
        Some(Kin::Partner { .. }) => 3,
        Some(Kin::Child { .. }) => 4,
        Some(Kin::Ancestor { depth: 2, .. }) => 5,
        Some(Kin::AuntUncle) => 6,
        Some(Kin::Cousin) => 7,
        Some(Kin::NieceNephew) => 8,
        Some(Kin::Descendant { .. }) => 9,
        Some(Kin::Ancestor { .. }) => 10,
        None => 11,
    }
}

#[test]
fn the_order_of_an_intake_on_a_small_family() {
    // People listed out of order on purpose: the interview does not follow the file.
    let yaml = "\
index: me
skills:
  openness: Shares private thoughts and feelings
people:
  friend: {name: Olu Friend, sex: male}
  cousin: {name: Cal Byrne, sex: male}
  gma: {name: Gwen Byrne, sex: female}
  kid: {name: Kit Stone, sex: male}
  aunt: {name: Ada Byrne, sex: female}
  me: {name: Mae Stone, sex: female, skills: {openness: strong}}
  wife: {name: Wren Stone, sex: female}
  gpa: {name: Gus Byrne, sex: male}
  sis: {name: Sia Stone, sex: female}
  mum: {name: Meg Stone, sex: female}
  dad: {name: Don Stone, sex: male, skills: {openness: unknown}}
couples:
  - partners: [gpa, gma]
    children: [mum, aunt]
  - partners: [dad, mum]
    children: [me, sis]
  - partners: [me, wife]
    children: [kid]
  - partners: [aunt]
    children: [cousin]
";
    let g = graph(yaml);
    let qs = questions(&g, None);
    let order: Vec<(String, Option<String>)> = [
        ("dad", "openness"),
        ("mum", "openness"),
        ("sis", "openness"),
        ("wife", "openness"),
        ("kid", "openness"),
        ("dad", "missing parents"),
        ("gpa", "openness"),
        ("gma", "openness"),
        ("aunt", "openness"),
        ("cousin", "openness"),
        ("friend", "openness"),
    ]
    .iter()
    .map(|(p, w)| (p.to_string(), Some(w.to_string())))
    .collect();
    assert_eq!(who_and_what(&qs), order);
    let q = |i: usize| qs.questions[i].question.as_str();
    assert_eq!(
        q(0),
        "What did your father Don do with his worries and mistakes: who heard about them, and how?"
    );
    assert_eq!(q(5), "Tell me about your father's parents: who raised him?");
    assert_eq!(
        q(10),
        "When something hurt Olu Friend, what did the people around him see or hear?"
    );
    assert_eq!(qs.client.as_deref(), Some("me"));

    // Another client: the mother. Her parents, her sister, her husband, her children
    // (Mae is rated), her parents' missing parents, then her sister's son, her grandson,
    // and the people with no simple relation to her in file order.
    let mum = g.find("mum");
    let qs = questions(&g, mum);
    let people: Vec<String> = who_and_what(&qs).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        people,
        [
            "mum", "gpa", "gma", "aunt", "dad", "sis", "gpa", "gma", "cousin", "kid", "friend",
            "wife"
        ]
        .map(String::from)
        .to_vec()
    );
    assert_eq!(
        qs.questions[0].question,
        "How do you let people know when you are sad, afraid or unsure?"
    );
}

#[test]
fn a_file_holding_only_the_client_asks_for_the_close_relatives() {
    let g = graph("index: mia\npeople:\n  mia: {name: Mia Hart, sex: female}\n");
    let qs = questions(&g, None);
    let got = who_and_what(&qs);
    let want: Vec<(String, Option<String>)> = [
        "openness",
        "honesty",
        "directness",
        "missing parents",
        "missing siblings",
        "missing partners",
    ]
    .iter()
    .map(|w| ("mia".to_string(), Some(w.to_string())))
    .collect();
    assert_eq!(got, want);
    assert_eq!(
        qs.questions[3].question,
        "Tell me about your parents: who raised you?"
    );
    // Rate questions carry the level hints; relative ones neither skill nor hints.
    assert!(qs.questions[..3].iter().all(|q| q.levels.is_some()));
    assert!(
        qs.questions[3..]
            .iter()
            .all(|q| q.levels.is_none() && q.skill.is_none())
    );
}

#[test]
fn two_mothers_are_told_apart_by_name() {
    let yaml = "\
index: kid
people:
  kid: {name: Kit Lee, sex: male}
  ann: {name: Ann Lee, sex: female}
  bea: {name: Bea Lee, sex: female}
couples:
  - partners: [ann, bea]
    children: [kid]
";
    let qs = questions(&graph(yaml), None);
    let asked: Vec<&str> = qs
        .questions
        .iter()
        .filter(|q| q.missing == Some(Relative::Parents))
        .map(|q| q.question.as_str())
        .collect();
    assert_eq!(
        asked,
        [
            "Tell me about your mother Ann's parents: who raised her?",
            "Tell me about your mother Bea's parents: who raised her?"
        ]
    );
}

#[test]
fn without_a_client_everyone_is_named_in_file_order() {
    let yaml = "people:\n  b: {name: Bo Ek, sex: male}\n  a: {name: Al Ek, sex: female}\n";
    let qs = questions(&graph(yaml), None);
    assert_eq!(qs.client, None);
    let people: Vec<String> = who_and_what(&qs).into_iter().map(|(p, _)| p).collect();
    assert_eq!(people, ["b", "b", "b", "a", "a", "a"].map(String::from));
    assert!(qs.questions[0].question.contains("Bo Ek"));
    assert!(qs.questions.iter().all(|q| q.kind == QuestionKind::Rate));
}

#[test]
fn every_unrated_skill_is_asked_once() {
    for (label, g, client) in every_reading() {
        let qs = questions(&g, client);
        let mut want = Vec::new();
        for p in g.people() {
            let person = g.person(p);
            if person.kind != crate::model::PersonKind::Person {
                continue;
            }
            for s in &g.family().skills {
                if person.level(&s.name.value) == Level::Unknown {
                    want.push((person.id.value.clone(), s.name.value.clone()));
                }
            }
        }
        let mut got: Vec<(String, String)> = qs
            .questions
            .iter()
            .filter(|q| q.kind == QuestionKind::Rate)
            .map(|q| {
                (
                    q.people[0].to_string(),
                    q.skill.as_deref().unwrap_or("").into(),
                )
            })
            .collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "{label}");
    }
}

#[test]
fn every_missing_close_relative_is_asked_once() {
    for (label, g, client) in every_reading() {
        let qs = questions(&g, client);
        let Some(me) = client.or_else(|| g.index_person()) else {
            continue;
        };
        let report = analyse(
            &g,
            &AnalysisOptions {
                person: Some(me),
                ..AnalysisOptions::default()
            },
        );
        let has = |want: fn(&Kin) -> bool| {
            report
                .people
                .iter()
                .any(|p| p.kin.as_ref().is_some_and(want))
        };
        let me_id = g.person(me).id.value.clone();
        let mut want = Vec::new();
        let persons = |ps: crate::graph::CaregiverLinks<'_>| -> Vec<PersonIx> {
            ps.filter(|&p| g.person(p).kind == crate::model::PersonKind::Person)
                .collect()
        };
        let parents = persons(g.caregivers(me));
        if parents.is_empty() {
            want.push((me_id.clone(), "parents"));
        }
        if !has(|k| matches!(k, Kin::Sibling)) {
            want.push((me_id.clone(), "siblings"));
        }
        if !has(|k| matches!(k, Kin::Partner { .. })) {
            want.push((me_id.clone(), "partners"));
        }
        for &p in &parents {
            if persons(g.caregivers(p)).is_empty() {
                want.push((g.person(p).id.value.clone(), "parents"));
            }
        }
        let mut got: Vec<(String, &str)> = qs
            .questions
            .iter()
            .filter_map(|q| Some((q.people[0].to_string(), q.missing?.as_str())))
            .collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "{label}");
    }
}

#[test]
fn questions_follow_the_order_of_an_intake_on_every_sample() {
    for (label, g, client) in every_reading() {
        let qs = questions(&g, client);
        if qs.client.is_none() {
            continue;
        }
        let report = analyse(
            &g,
            &AnalysisOptions {
                person: client,
                ..AnalysisOptions::default()
            },
        );
        let kin_of = |id: &str| {
            report
                .people
                .iter()
                .find(|p| &*p.id == id)
                .and_then(|p| p.kin.as_ref())
        };
        let ranks: Vec<u8> = qs
            .questions
            .iter()
            .map(|q| match q.missing {
                Some(Relative::Parents) if qs.client.as_ref() == Some(&q.people[0]) => 1,
                Some(Relative::Parents) => 5,
                Some(Relative::Siblings) => 2,
                Some(Relative::Partners) => 3,
                None => rank(kin_of(&q.people[0])),
            })
            .collect();
        assert!(
            ranks.windows(2).all(|w| w[0] <= w[1]),
            "{label}: {ranks:?}\n{:#?}",
            who_and_what(&qs)
        );
        // A person's questions come together, skills in the file's order.
        let mut seen: Vec<&str> = Vec::new();
        for q in qs.questions.iter().filter(|q| q.kind == QuestionKind::Rate) {
            let id = &*q.people[0];
            if seen.last() != Some(&id) {
                assert!(!seen.contains(&id), "{label}: {id} asked in two places");
                seen.push(id);
            }
        }
    }
}

#[test]
fn the_grandparents_come_side_by_side_in_the_order_of_the_parents() {
    let g = unrated(SAMPLES[0].1);
    let qs = questions(&g, None);
    let people: Vec<&str> = qs
        .questions
        .iter()
        .filter(|q| q.skill.as_deref() == Some("openness"))
        .map(|q| &*q.people[0])
        .collect();
    assert_eq!(
        people,
        [
            "anna",
            "richard",
            "linda",
            "michael",
            "jonah",
            "iris",
            "walter",
            "dorothy",
            "frank",
            "margaret",
            "thomas",
            "kathleen",
            "samir",
            "elias",
            "stanislaw",
            "helena",
            "patrick",
            "bridget"
        ]
    );
}

#[test]
fn people_asked_one_after_another_hear_different_wordings() {
    for (name, yaml) in SAMPLES {
        let g = unrated(yaml);
        let qs = questions(&g, None);
        for skill in &g.family().skills {
            let asked: Vec<String> = qs
                .questions
                .iter()
                .filter(|q| q.skill.as_deref() == Some(skill.name.value.as_str()))
                .map(|q| {
                    // The wording's first two words tell the bank's wordings apart.
                    q.question.split(' ').take(2).collect::<Vec<_>>().join(" ")
                })
                .collect();
            for pair in asked.windows(2) {
                assert_ne!(pair[0], pair[1], "{name}: {}", skill.name.value);
            }
        }
    }
}

#[test]
fn every_question_asked_on_the_samples_is_open() {
    let mut asked = 0;
    for (label, g, client) in every_reading() {
        for q in questions(&g, client).questions {
            let first = q.question.split(' ').next().unwrap_or("");
            assert!(
                ["How", "What", "When", "Where", "Tell"].contains(&first),
                "{label}: {}",
                q.question
            );
            assert!(q.question.ends_with('?'), "{label}: {}", q.question);
            asked += 1;
        }
    }
    assert!(asked > 1000, "{asked}");
}

#[test]
fn the_same_family_gives_the_same_bytes() {
    for (_, yaml) in SAMPLES {
        let a = questions(&unrated(yaml), None);
        let b = questions(&unrated(yaml), None);
        assert_eq!(questions_json(&a), questions_json(&b));
    }
}

#[test]
fn json_has_exactly_the_fields_of_the_issue() {
    let g = graph("index: mia\nskills:\n  openness: Shares\npeople:\n  mia: {sex: female}\n");
    let v: serde_json::Value =
        serde_json::from_str(&questions_json(&questions(&g, None))).expect("JSON");
    assert_eq!(
        v,
        serde_json::json!({"questions": [
            {
                "kind": "rate",
                "people": ["mia"],
                "skill": "openness",
                "question": "How do you let people know when you are sad, afraid or unsure?",
                "levels": {
                    "none": bank::level_hints("openness").none,
                    "some": bank::level_hints("openness").some,
                    "strong": bank::level_hints("openness").strong,
                }
            },
            {"kind": "relative", "people": ["mia"], "question": bank::relative::CLIENT_PARENTS},
            {"kind": "relative", "people": ["mia"], "question": bank::relative::SIBLINGS},
            {"kind": "relative", "people": ["mia"], "question": bank::relative::PARTNERS},
        ]})
    );
}

#[test]
fn text_and_markdown_number_the_questions_and_escape_names() {
    let g = graph("index: mia\npeople:\n  mia: {name: \"*Mia* [x]\", sex: female}\n");
    let qs = questions(&g, None);
    let text = questions_text(&g, &qs);
    assert!(
        text.starts_with("6 questions for the interview with *Mia* [x]\n"),
        "{text}"
    );
    assert!(
        text.contains("\n4. Tell me about your parents: who raised you?\n"),
        "{text}"
    );
    assert!(text.contains("     none:   Kept feelings"), "{text}");
    assert!(
        text.lines()
            .all(|l| l.chars().count() <= 80 && !l.ends_with(' ')),
        "{text}"
    );
    let md = questions_markdown(&g, &qs);
    assert!(
        md.starts_with("# 6 questions for the interview with \\*Mia\\* \\[x\\]\n"),
        "{md}"
    );
    assert!(md.contains("\n1. **How do you let people know"), "{md}");
    assert!(md.contains("   - *strong*: "), "{md}");

    let done = graph(
        "index: mia\nskills:\n  openness: Shares\npeople:\n  mia: {sex: female, skills: {openness: some}}\n  dad: {sex: male}\n  mum: {sex: female, skills: {openness: none}}\n  sis: {sex: female, skills: {openness: none}}\n  ex: {sex: male, skills: {openness: none}}\n  gm: {sex: female, skills: {openness: none}}\ncouples:\n  - partners: [gm]\n    children: [mum]\n  - partners: [dad]\n    children: [mia, sis]\n  - partners: [mia, ex]\n",
    );
    let qs = questions(&done, None);
    // Dad is unrated and his parents are missing; everything else is there.
    assert_eq!(qs.questions.len(), 2, "{:#?}", who_and_what(&qs));
    let none = graph(
        "index: mia\nskills:\n  openness: Shares\npeople:\n  mia: {sex: female, skills: {openness: some}}\n  mum: {sex: female, skills: {openness: none}}\n  sis: {sex: female, skills: {openness: none}}\n  ex: {sex: male, skills: {openness: none}}\n  gm: {sex: female, skills: {openness: none}}\ncouples:\n  - partners: [gm]\n    children: [mum]\n  - partners: [mum]\n    children: [mia, sis]\n  - partners: [mia, ex]\n",
    );
    let qs = questions(&none, None);
    assert!(qs.questions.is_empty(), "{:#?}", who_and_what(&qs));
    assert!(questions_text(&none, &qs).starts_with("Nothing left to ask"));
}
