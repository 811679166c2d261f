//! Tests of the analysis with answers derived by hand from the samples and from small
//! families written inline.

use super::*;

const INTIMACY: &str = include_str!("../../samples/intimacy-cycle.yaml");
const BLENDED: &str = include_str!("../../samples/blended-family.yaml");
const ADOPTION: &str = include_str!("../../samples/adoption-foster.yaml");
const TWINS: &str = include_str!("../../samples/twins-and-losses.yaml");
const COUSINS: &str = include_str!("../../samples/cousin-marriage.yaml");
const SAMPLES: [&str; 5] = [INTIMACY, BLENDED, ADOPTION, TWINS, COUSINS];

/// (person, source, year, passed to, siblings without).
type BreakerRow<'r> = (&'r str, &'r str, Option<i32>, Vec<Id>, Vec<Id>);
/// (people, events).
type LineRow = (Vec<Id>, Vec<(Id, LineEventKind)>);

fn graph(yaml: &str) -> FamilyGraph {
    crate::load_str("test.yaml", yaml).expect("the family loads")
}

fn report_with(yaml: &str, options: &AnalysisOptions) -> Report {
    analyse(&graph(yaml), options)
}

fn report(yaml: &str) -> Report {
    report_with(yaml, &AnalysisOptions::default())
}

fn skill<'r>(r: &'r Report, person: &str, skill: &str) -> &'r SkillEntry {
    let p = r
        .people
        .iter()
        .find(|p| &*p.id == person)
        .expect("person in the report");
    let s = r
        .skills
        .iter()
        .position(|s| &**s == skill)
        .expect("skill in the report");
    &p.skills[s]
}

fn status(r: &Report, person: &str, s: &str) -> Status {
    skill(r, person, s).status
}

fn transmission(r: &Report, from: &str, to: &str, skill: &str) -> Transmission {
    r.links
        .iter()
        .find(|l| &*l.from == from && &*l.to == to && &*l.skill == skill)
        .map(|l| l.transmission)
        .expect("link in the report")
}

fn ids(list: &[&str]) -> Vec<Id> {
    list.iter().map(|s| Id::from(*s)).collect()
}

fn chains(r: &Report, skill: &str, kind: ChainKind) -> Vec<Vec<Id>> {
    r.chains
        .iter()
        .filter(|c| &*c.skill == skill && c.kind == kind)
        .map(|c| c.people.clone())
        .collect()
}

#[test]
fn every_status_on_the_intimacy_sample() {
    let r = report(INTIMACY);
    // Anna: strong openness, her parents Richard and Linda none.
    assert_eq!(status(&r, "anna", "openness"), Status::BrokeCycle);
    assert_eq!(&*skill(&r, "anna", "openness").source, "group-therapy");
    assert_eq!(skill(&r, "anna", "openness").since, Some(2015));
    // Elias: Kathleen strong, Samir some.
    assert_eq!(status(&r, "elias", "openness"), Status::PassedDown);
    // Walter: honesty none, his father Stanisław some.
    assert_eq!(status(&r, "walter", "honesty"), Status::Lost);
    // Michael: openness none, both parents none.
    assert_eq!(status(&r, "michael", "openness"), Status::Continued);
    // Stanisław: nobody raised him in the file.
    assert_eq!(status(&r, "stanislaw", "openness"), Status::NoCaregivers);
    // Thomas: not rated.
    assert_eq!(status(&r, "thomas", "openness"), Status::Unknown);
    // Anna's honesty (some) came from her mother (some); her father had none.
    assert_eq!(status(&r, "anna", "honesty"), Status::PassedDown);
    assert_eq!(&*skill(&r, "anna", "honesty").source, "unspecified");
}

#[test]
fn unknown_when_every_caregiver_is_unknown_and_no_caregivers_comes_first() {
    let r = report(
        "people: {a: {}, b: {}, c: {skills: {openness: some}}, d: {}}\n\
         couples: [{partners: [a, b], children: [c]}]\n",
    );
    assert_eq!(status(&r, "c", "openness"), Status::Unknown);
    // d: unrated and raised by nobody: no-caregivers is checked before unknown.
    assert_eq!(status(&r, "d", "openness"), Status::NoCaregivers);
    assert_eq!(status(&r, "a", "openness"), Status::NoCaregivers);
}

#[test]
fn status_counts_only_caregivers_whose_level_is_known() {
    // One caregiver unknown, the other lacks: the child who has it broke the cycle.
    let r = report(
        "people: {a: {}, b: {skills: {openness: none}}, c: {skills: {openness: strong}}}\n\
         couples: [{partners: [a, b], children: [c]}]\n",
    );
    assert_eq!(status(&r, "c", "openness"), Status::BrokeCycle);
    assert_eq!(
        transmission(&r, "a", "c", "openness"),
        Transmission::Unknown
    );
    assert_eq!(transmission(&r, "b", "c", "openness"), Transmission::Gained);
}

#[test]
fn every_transmission_on_the_intimacy_sample() {
    let r = report(INTIMACY);
    assert_eq!(
        transmission(&r, "kathleen", "elias", "openness"),
        Transmission::Passed
    );
    assert_eq!(
        transmission(&r, "stanislaw", "walter", "honesty"),
        Transmission::NotPassed
    );
    assert_eq!(
        transmission(&r, "richard", "anna", "openness"),
        Transmission::Gained
    );
    assert_eq!(
        transmission(&r, "walter", "richard", "openness"),
        Transmission::Absent
    );
    assert_eq!(
        transmission(&r, "walter", "thomas", "openness"),
        Transmission::Unknown
    );
    // Every caregiver link, for every skill: 2 per child of a couple of two, 3 skills.
    let children = [
        "walter", "frank", "thomas", "richard", "linda", "kathleen", "michael", "anna", "elias",
        "iris",
    ];
    assert_eq!(r.links.len(), children.len() * 2 * 3);
}

#[test]
fn the_strong_threshold_counts_only_strong() {
    let options = AnalysisOptions {
        threshold: Threshold::Strong,
        ..Default::default()
    };
    let r = report_with(INTIMACY, &options);
    assert_eq!(r.threshold, Threshold::Strong);
    // Iris has `some` openness: at `strong` she lacks it, though Anna (strong) has it.
    assert_eq!(status(&r, "iris", "openness"), Status::Lost);
    assert_eq!(
        transmission(&r, "anna", "iris", "openness"),
        Transmission::NotPassed
    );
    // Jonah (some) now lacks it too: Jonah → Iris is absent.
    assert_eq!(
        transmission(&r, "jonah", "iris", "openness"),
        Transmission::Absent
    );
    // Elias (strong) still has it from Kathleen (strong); Samir (some) now lacks it.
    assert_eq!(status(&r, "elias", "openness"), Status::PassedDown);
    assert_eq!(
        transmission(&r, "samir", "elias", "openness"),
        Transmission::Gained
    );
    // At `some`, the same links are passed.
    let r = report(INTIMACY);
    assert_eq!(status(&r, "iris", "openness"), Status::PassedDown);
    assert_eq!(
        transmission(&r, "jonah", "iris", "openness"),
        Transmission::Passed
    );
}

#[test]
fn a_custom_skill_declared_in_the_file_is_analysed() {
    let r = report(BLENDED);
    assert_eq!(
        r.skills,
        ids(&["openness", "honesty", "directness", "repair"])
    );
    // Daniel: repair some, learned from Ingrid; his mother Grace had some.
    assert_eq!(status(&r, "daniel", "repair"), Status::PassedDown);
    assert_eq!(&*skill(&r, "daniel", "repair").source, "partner");
    // Oskar: none; Ingrid (strong) and Daniel (some, step-father) had it.
    assert_eq!(status(&r, "oskar", "repair"), Status::Lost);
    // Ada is not rated: the question names the skill and its description.
    let gap = r
        .gaps
        .iter()
        .find(|g| &*g.person == "ada" && g.skill.as_deref() == Some("repair"))
        .expect("a gap for Ada's repair");
    assert!(
        gap.question
            .contains("repair (makes amends after a conflict)"),
        "{}",
        gap.question
    );
    // Only the chosen skill.
    let only = AnalysisOptions {
        skills: vec!["repair".to_string()],
        ..Default::default()
    };
    let r = report_with(BLENDED, &only);
    assert_eq!(r.skills, ids(&["repair"]));
    assert!(r.links.iter().all(|l| &*l.skill == "repair"));
}

#[test]
fn caregivers_follow_raised_by_adoption_foster_and_single_parents() {
    let r = report(ADOPTION);
    let caregivers = |id: &str| {
        r.people
            .iter()
            .find(|p| &*p.id == id)
            .map(|p| p.caregivers.clone())
    };
    // raised_by replaces Noor's parents Thijs and Lotte.
    assert_eq!(caregivers("noor"), Some(ids(&["eleanor"])));
    assert_eq!(status(&r, "noor", "openness"), Status::PassedDown);
    // Adopted: Sanne's caregivers are Peter and Eleanor, not her birth parents.
    assert_eq!(caregivers("sanne"), Some(ids(&["peter", "eleanor"])));
    assert_eq!(status(&r, "sanne", "openness"), Status::PassedDown);
    assert_eq!(&*skill(&r, "sanne", "openness").source, "therapy");
    // Foster: Dewi's caregivers are Sanne and Amira, not Chantal; both have openness.
    assert_eq!(caregivers("dewi"), Some(ids(&["sanne", "amira"])));
    assert_eq!(status(&r, "dewi", "openness"), Status::Lost);
    // Dong-hyun: unrated, nobody raised him.
    assert_eq!(status(&r, "donghyun", "openness"), Status::NoCaregivers);

    // A single parent: one caregiver decides.
    let r = report(
        "people: {mum: {skills: {openness: none}}, kid: {skills: {openness: some}}}\n\
         couples: [{partners: [mum], children: [kid]}]\n",
    );
    assert_eq!(r.people[1].caregivers, ids(&["mum"]));
    assert_eq!(status(&r, "kid", "openness"), Status::BrokeCycle);
}

#[test]
fn chains_of_absence_show_both_sides() {
    let r = report(INTIMACY);
    assert_eq!(
        chains(&r, "openness", ChainKind::Absent),
        [
            ids(&["stanislaw", "walter", "richard", "michael"]),
            ids(&["patrick", "frank", "linda", "michael"])
        ]
    );
    assert_eq!(
        chains(&r, "honesty", ChainKind::Absent),
        [
            ids(&["helena", "walter", "richard"]),
            ids(&["bridget", "frank"])
        ]
    );
}

#[test]
fn chains_of_transmission_start_where_the_skill_is() {
    let r = report(INTIMACY);
    assert_eq!(
        chains(&r, "openness", ChainKind::Passed),
        [
            ids(&["samir", "elias"]),
            ids(&["kathleen", "elias"]),
            ids(&["jonah", "iris"]),
            ids(&["anna", "iris"])
        ]
    );
    assert_eq!(
        chains(&r, "honesty", ChainKind::Passed),
        [
            ids(&["margaret", "kathleen", "elias"]),
            ids(&["margaret", "linda", "michael"]),
            ids(&["margaret", "linda", "anna", "iris"]),
        ]
    );
}

#[test]
fn cycle_breakers_say_whom_they_passed_it_to() {
    let r = report(INTIMACY);
    let b: Vec<BreakerRow<'_>> = r
        .breakers
        .iter()
        .filter(|b| &*b.skill == "openness")
        .map(|b| {
            (
                &*b.person,
                &*b.source,
                b.year,
                b.passed_to.clone(),
                b.siblings_without.clone(),
            )
        })
        .collect();
    assert_eq!(
        b,
        [
            (
                "kathleen",
                "therapy",
                Some(1994),
                ids(&["elias"]),
                ids(&["linda"])
            ),
            (
                "anna",
                "group-therapy",
                Some(2015),
                ids(&["iris"]),
                ids(&["michael"])
            ),
        ]
    );
}

#[test]
fn losses_are_the_not_passed_links() {
    let r = report(INTIMACY);
    let losses: Vec<(&str, &str, &str)> = r
        .losses
        .iter()
        .map(|l| (&*l.skill, &*l.from, &*l.to))
        .collect();
    assert_eq!(
        losses,
        // Children in file order: Walter, Richard, Frank.
        [
            ("honesty", "stanislaw", "walter"),
            ("honesty", "dorothy", "richard"),
            ("honesty", "patrick", "frank")
        ]
    );
}

#[test]
fn the_index_lines_name_where_the_skill_entered_or_left() {
    let r = report(INTIMACY);
    let lines: Vec<LineRow> = r
        .lines
        .iter()
        .filter(|l| &*l.skill == "honesty")
        .map(|l| {
            (
                l.people.clone(),
                l.events
                    .iter()
                    .map(|e| (e.person.clone(), e.event))
                    .collect(),
            )
        })
        .collect();
    let left = LineEventKind::Left;
    assert_eq!(
        lines,
        [
            (
                ids(&["dorothy", "richard", "anna"]),
                vec![(Id::from("richard"), left)]
            ),
            (ids(&["margaret", "linda", "anna"]), vec![]),
            (
                ids(&["stanislaw", "walter", "richard", "anna"]),
                vec![(Id::from("walter"), left), (Id::from("richard"), left)]
            ),
            (
                ids(&["helena", "walter", "richard", "anna"]),
                vec![(Id::from("walter"), left), (Id::from("richard"), left)]
            ),
            (
                ids(&["patrick", "frank", "linda", "anna"]),
                vec![(Id::from("frank"), left)]
            ),
            (
                ids(&["bridget", "frank", "linda", "anna"]),
                vec![(Id::from("frank"), left)]
            ),
        ]
    );
    let openness = r
        .lines
        .iter()
        .find(|l| &*l.skill == "openness")
        .expect("a line");
    assert_eq!(&*openness.side, "richard");
    assert_eq!(openness.at_top, Some(false));
    assert_eq!(openness.events.len(), 1);
    assert_eq!(
        (&*openness.events[0].person, openness.events[0].generation),
        ("anna", 4)
    );
    assert_eq!(openness.events[0].event, LineEventKind::Entered);
}

#[test]
fn lines_that_rejoin_count_each_ancestor_once() {
    let r = report(COUSINS);
    let lines: Vec<&Line> = r.lines.iter().filter(|l| &*l.skill == "openness").collect();
    // Zara's ancestors: 4 grandparents + Shabana… each on exactly one line as the oldest
    // person or above the point where lines meet.
    for ancestor in [
        "ghulam", "zainab", "mohammed", "rashida", "nasreen", "saleem", "tariq", "shabana",
    ] {
        let tops = lines.iter().filter(|l| &*l.people[0] == ancestor).count();
        let on = lines
            .iter()
            .filter(|l| l.people.contains(&Id::from(ancestor)))
            .count();
        assert!(on >= 1, "{ancestor} is on a line");
        if ["ghulam", "zainab"].contains(&ancestor) {
            assert_eq!(on, 1, "{ancestor} is counted once although on both sides");
            assert_eq!(tops, 1);
        }
    }
    let rejoining: Vec<&&Line> = lines.iter().filter(|l| !l.rejoins.is_empty()).collect();
    assert_eq!(rejoining.len(), 1);
    assert_eq!(rejoining[0].people, ids(&["tariq", "asif", "zara"]));
    assert_eq!(rejoining[0].rejoins, ids(&["ghulam", "zainab"]));
    // Nasreen broke the cycle for openness: it entered on her lines.
    assert!(lines.iter().any(|l| {
        l.events
            .iter()
            .any(|e| &*e.person == "nasreen" && e.event == LineEventKind::Entered)
    }));
}

#[test]
fn a_loop_of_intermarriage_is_neither_double_counted_nor_exponential() {
    // Forty generations in which a brother and sister have the next pair: 2^40 paths from
    // the top to the bottom. Dynamic programming sees each person once.
    let depth = 40;
    let mut people = String::from("people:\n");
    let mut couples = String::from("couples:\n");
    for g in 0..=depth {
        people.push_str(&format!(
            "  a{g}: {{skills: {{openness: none}}}}\n  b{g}: {{skills: {{openness: none}}}}\n"
        ));
        if g > 0 {
            couples.push_str(&format!(
                "  - {{partners: [a{}, b{}], children: [a{g}, b{g}]}}\n",
                g - 1,
                g - 1
            ));
        }
    }
    let r = report(&format!("{people}{couples}"));
    let absent = chains(&r, "openness", ChainKind::Absent);
    // One chain per caregiver of each person at the bottom: a0 → a1 → … → a40 (ties go
    // to the caregiver first in the file).
    assert_eq!(absent.len(), 4);
    assert!(absent.iter().all(|c| c.len() == depth + 1));
    assert_eq!(absent[0][..3], ids(&["a0", "a1", "a2"]));
    let counted: usize = r.generations.iter().map(|g| g.people).sum();
    assert_eq!(counted, 2 * (depth + 1));
}

#[test]
fn cousin_marriage_chains_and_counts() {
    let r = report(COUSINS);
    // By where they end, in file order: Khalid (none, like both his parents), then Saleem
    // and Bilal.
    assert_eq!(
        chains(&r, "openness", ChainKind::Absent),
        [
            ids(&["ghulam", "khalid"]),
            ids(&["zainab", "khalid"]),
            ids(&["mohammed", "saleem"]),
            ids(&["ghulam", "tariq", "asif", "bilal"]),
        ]
    );
    let counted: usize = r.generations.iter().map(|g| g.people).sum();
    assert_eq!(counted, 21);
}

#[test]
fn per_generation_counts() {
    let r = report(INTIMACY);
    let counts: Vec<(u32, usize, usize, usize)> = r
        .generations
        .iter()
        .map(|g| (g.generation, g.people, g.skills[0].has, g.skills[0].rated))
        .collect();
    // Openness: generation 3 is Thomas (unrated), Richard, Linda, Kathleen, Samir.
    assert_eq!(
        counts,
        [
            (1, 4, 0, 4),
            (2, 4, 0, 4),
            (3, 5, 2, 4),
            (4, 4, 3, 4),
            (5, 1, 1, 1)
        ]
    );
}

#[test]
fn repeated_patterns_on_the_samples() {
    let r = report(INTIMACY);
    assert_eq!(r.patterns.len(), 1);
    assert_eq!(r.patterns[0].kind, "cutoff");
    assert_eq!(r.patterns[0].position, Position::ParentChild);
    assert_eq!(
        r.patterns[0].people,
        [
            ["stanislaw", "walter"].map(Id::from),
            ["walter", "richard"].map(Id::from)
        ]
    );
    let r = report(COUSINS);
    assert_eq!(r.patterns.len(), 1);
    assert_eq!(r.patterns[0].kind, "distant");
    assert_eq!(
        r.patterns[0].people,
        [
            ["ghulam", "tariq"].map(Id::from),
            ["tariq", "asif"].map(Id::from)
        ]
    );
    for sample in [BLENDED, ADOPTION, TWINS] {
        assert!(report(sample).patterns.is_empty());
    }
}

#[test]
fn divorce_sibling_and_repaired_cutoff_patterns() {
    let r = report(
        "people: {g1: {}, g2: {}, p1: {}, p2: {}, s1: {}, c1: {}, c2: {}, k: {}}\n\
         couples:\n\
         - {partners: [g1, g2], children: [p1, s1], divorced: 1970}\n\
         - {partners: [p1, p2], children: [c1, c2], separated: 1999}\n\
         relationships:\n\
         - {between: [p1, s1], kind: cutoff-repaired}\n\
         - {between: [c1, c2], kind: cutoff}\n\
         - {between: [g1, p1], kind: conflict}\n\
         - {between: [p1, k], kind: conflict}\n",
    );
    let found: Vec<(&str, Position, Vec<[Id; 2]>)> = r
        .patterns
        .iter()
        .map(|p| (p.kind.as_str(), p.position, p.people.clone()))
        .collect();
    let pair = |a: &str, b: &str| [Id::from(a), Id::from(b)];
    assert_eq!(
        found,
        [
            (
                "cutoff",
                Position::Siblings,
                vec![pair("p1", "s1"), pair("c1", "c2")]
            ),
            (
                "divorce",
                Position::Partners,
                vec![pair("g1", "g2"), pair("p1", "p2")]
            ),
        ]
    );
}

#[test]
fn a_directed_kind_repeats_only_in_the_same_direction() {
    let r = report(
        "people: {a: {}, b: {}, c: {}, d: {}}\n\
         couples: [{partners: [a], children: [b]}, {partners: [b], children: [c]}, {partners: [c], children: [d]}]\n\
         relationships:\n\
         - {from: a, to: b, kind: emotional-abuse}\n\
         - {from: c, to: b, kind: emotional-abuse}\n\
         - {from: c, to: d, kind: emotional-abuse}\n",
    );
    // a → b and b ← c go different ways; b's abuse of c is not recorded, so a → b and
    // c → d are not consecutive either.
    assert!(r.patterns.is_empty(), "{:?}", r.patterns);
}

#[test]
fn triangles_on_the_samples() {
    let t = |r: &Report| r.triangles.iter().map(|t| t.to_vec()).collect::<Vec<_>>();
    assert_eq!(
        t(&report(INTIMACY)),
        [
            ids(&["walter", "richard", "linda"]),
            ids(&["richard", "michael", "linda"]),
            ids(&["richard", "linda", "anna"]),
            ids(&["kathleen", "linda", "anna"]),
            ids(&["kathleen", "linda", "richard"]),
        ]
    );
    assert_eq!(
        t(&report(COUSINS)),
        [
            ids(&["asif", "sadia", "nasreen"]),
            ids(&["asif", "sadia", "bilal"]),
            ids(&["zara", "asif", "ayesha"])
        ]
    );
    assert_eq!(t(&report(TWINS)), [ids(&["hector", "carmen", "mateo"])]);
    // Eleanor–Lotte hostile with Noor drawn in, and Lotte's neglect of Noor with Eleanor
    // drawn in, are the same three people: reported once.
    let adoption = t(&report(ADOPTION));
    assert_eq!(
        adoption
            .iter()
            .filter(|t| t.contains(&Id::from("noor")))
            .count(),
        1
    );
    assert!(adoption.contains(&ids(&["eleanor", "lotte", "sanne"])));
}

#[test]
fn relationships_that_never_overlapped_make_no_triangle() {
    let r = report(
        "people: {a: {}, b: {}, c: {}}\n\
         relationships:\n\
         - {between: [a, b], kind: conflict, until: 1990}\n\
         - {between: [c, a], kind: close, since: 1995}\n",
    );
    assert!(r.triangles.is_empty());
    let r = report(
        "people: {a: {}, b: {}, c: {}}\n\
         relationships:\n\
         - {between: [a, b], kind: conflict, until: 1996}\n\
         - {between: [c, a], kind: close, since: 1995}\n",
    );
    assert_eq!(r.triangles, [["a", "b", "c"].map(Id::from)]);
}

#[test]
fn gaps_on_the_intimacy_sample() {
    let r = report(INTIMACY);
    let gaps: Vec<(&str, Missing, Option<&str>)> = r
        .gaps
        .iter()
        .map(|g| (&*g.person, g.missing, g.skill.as_deref()))
        .collect();
    assert_eq!(
        gaps,
        [
            ("richard", Missing::Relationship, None),
            ("michael", Missing::Relationship, None),
            ("jonah", Missing::Relationship, None),
            ("iris", Missing::Relationship, None),
            ("thomas", Missing::Skills, Some("openness")),
            ("thomas", Missing::Skills, Some("honesty")),
            ("thomas", Missing::Skills, Some("directness")),
            ("margaret", Missing::Born, None),
        ]
    );
    assert_eq!(
        r.gaps[6].question,
        "What did your uncle Thomas do when he needed something from someone?"
    );
    assert_eq!(
        r.gaps[7].question,
        "When was your mother's mother Peggy born, and what was happening in the family at the time?"
    );
}

#[test]
fn missing_grandparents_are_a_gap() {
    let r = report(TWINS);
    let parents: Vec<&Gap> = r
        .gaps
        .iter()
        .filter(|g| g.missing == Missing::Parents)
        .collect();
    assert_eq!(parents.len(), 1);
    assert_eq!(&*parents[0].person, "carmen");
    assert_eq!(
        parents[0].question,
        "What do you know about the parents of your mother Carmen, and what was it like for her growing up?"
    );
}

#[test]
fn no_question_can_be_answered_yes_or_no() {
    const YES_NO: [&str; 14] = [
        "is", "are", "do", "does", "did", "can", "could", "have", "has", "was", "were", "will",
        "would", "should",
    ];
    let mut asked = 0;
    for sample in SAMPLES {
        let g = graph(sample);
        let mut focuses: Vec<Option<crate::graph::PersonIx>> = vec![None];
        focuses.extend(
            g.people()
                .filter(|p| g.person(*p).kind == crate::model::PersonKind::Person)
                .map(Some),
        );
        for person in focuses {
            for threshold in [Threshold::Some, Threshold::Strong] {
                let r = analyse(
                    &g,
                    &AnalysisOptions {
                        person,
                        threshold,
                        ..Default::default()
                    },
                );
                for gap in &r.gaps {
                    let first = gap
                        .question
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .to_lowercase();
                    assert!(
                        !YES_NO.contains(&first.as_str()),
                        "yes/no question: {}",
                        gap.question
                    );
                    assert!(gap.question.ends_with('?'), "{}", gap.question);
                    asked += 1;
                }
            }
        }
    }
    assert!(asked > 100);
}

#[test]
fn kinship_words_follow_the_graph() {
    let r = report(INTIMACY);
    let words = |id: &str| {
        let p = r.people.iter().find(|p| &*p.id == id).expect("person");
        let side = match &p.kin {
            Some(Kin::Ancestor { side, .. }) => r
                .people
                .iter()
                .find(|q| *q.id == **side)
                .map(|q| q.gendered),
            _ => None,
        };
        p.kin
            .as_ref()
            .map(|k| kinship::kin_words(k, p.gendered, side.unwrap_or(Gendered::Neutral)))
    };
    assert_eq!(words("anna").as_deref(), Some("you"));
    assert_eq!(words("richard").as_deref(), Some("your father"));
    assert_eq!(words("dorothy").as_deref(), Some("your father's mother"));
    assert_eq!(
        words("stanislaw").as_deref(),
        Some("your father's grandfather")
    );
    assert_eq!(words("kathleen").as_deref(), Some("your aunt"));
    assert_eq!(words("samir").as_deref(), Some("your uncle"));
    assert_eq!(words("elias").as_deref(), Some("your cousin"));
    assert_eq!(words("michael").as_deref(), Some("your brother"));
    assert_eq!(words("jonah").as_deref(), Some("your husband"));
    assert_eq!(words("iris").as_deref(), Some("your daughter"));
    let r = report(ADOPTION);
    let kin = |id: &str| {
        r.people
            .iter()
            .find(|p| &*p.id == id)
            .and_then(|p| p.kin.clone())
    };
    assert_eq!(kin("mirae"), Some(Kin::BirthParent));
    // Noor, Thijs's daughter raised by Eleanor, is Sanne's niece, not her sister.
    assert_eq!(kin("noor"), Some(Kin::NieceNephew));
}

#[test]
fn json_has_the_contract_shape_and_is_stable() {
    let r = report(INTIMACY);
    let text = json(&r);
    assert_eq!(text, json(&report(INTIMACY)));
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(
        v["skills"],
        serde_json::json!(["openness", "honesty", "directness"])
    );
    assert_eq!(v["threshold"], "some");
    let people = v["people"].as_object().expect("people is a mapping");
    assert_eq!(people.keys().next().map(String::as_str), Some("stanislaw"));
    assert_eq!(people.keys().next_back().map(String::as_str), Some("iris"));
    assert_eq!(
        v["people"]["anna"]["skills"]["openness"],
        serde_json::json!({"level": "strong", "status": "broke-cycle", "source": "group-therapy", "since": 2015,
        "history": [
            {"date": "2015-02", "level": "none", "by": "intake"},
            {"date": "2015-06", "level": "some"},
            {"date": "2015-11", "level": "strong"}
        ]})
    );
    assert!(
        v["people"]["anna"]["skills"]["honesty"]
            .get("history")
            .is_none(),
        "only a skill with a history has one"
    );
    assert_eq!(v["people"]["anna"]["generation"], 4);
    assert_eq!(v["people"]["anna"]["name"], "Anna Kowalski");
    assert_eq!(
        v["links"][0],
        serde_json::json!({"from": "stanislaw", "to": "walter", "skill": "openness", "transmission": "absent"})
    );
    assert_eq!(
        v["chains"][0],
        serde_json::json!({"skill": "openness", "kind": "absent", "people": ["stanislaw", "walter", "richard", "michael"]})
    );
    assert_eq!(
        v["patterns"][0],
        serde_json::json!({"kind": "cutoff", "position": "parent-child", "people": [["stanislaw", "walter"], ["walter", "richard"]]})
    );
    assert_eq!(
        v["triangles"][2],
        serde_json::json!(["richard", "linda", "anna"])
    );
    assert_eq!(v["gaps"][4]["person"], "thomas");
    assert_eq!(v["gaps"][4]["missing"], "skills");
    assert!(
        v["gaps"][4]["question"]
            .as_str()
            .is_some_and(|q| q.starts_with("How "))
    );
}

#[test]
fn text_and_markdown_tell_the_story_in_plain_words() {
    let r = report(INTIMACY);
    let text = text::render(&r);
    assert!(text.contains(
        "Openness was absent for four generations on your father's side (Stanisław →\nWalter → Richard → Michael). You learned it in group therapy in 2015; your\nbrother Michael did not."
    ), "{text}");
    assert!(
        text.contains(
            "Your aunt Kathleen learned it in therapy in 1994; nobody who raised her had"
        )
    );
    assert!(!text.contains("broke-cycle"), "codes stay out of the prose");
    assert_eq!(text, text::render(&report(INTIMACY)));
    let md = markdown::render(&r);
    assert!(md.starts_with(
        "# The Kowalski and Byrne families: how openness, honesty and directness were passed down\n"
    ));
    assert!(md.contains("\n## Openness\n"));
    assert!(md.contains(
        "| 4 | Anna Kowalski (you) | strong | broke the cycle | in group therapy, 2015 |\n"
    ));
    assert!(md.contains("- A cutoff between parent and child, two generations in a row: Stanisław and Walter, then Walter and Richard.\n"));
}

#[test]
fn another_person_can_be_the_focus() {
    let g = graph(INTIMACY);
    let person = g.find("kathleen");
    let r = analyse(
        &g,
        &AnalysisOptions {
            person,
            ..Default::default()
        },
    );
    assert_eq!(r.person.as_deref(), Some("kathleen"));
    let me = r
        .people
        .iter()
        .find(|p| &*p.id == "kathleen")
        .expect("kathleen");
    assert_eq!(me.kin, Some(Kin::Myself));
    let anna = r.people.iter().find(|p| &*p.id == "anna").expect("anna");
    assert_eq!(anna.kin, Some(Kin::NieceNephew));
    assert!(
        r.lines
            .iter()
            .all(|l| l.people.last().map(|p| &**p) == Some("kathleen"))
    );
}

#[test]
fn pregnancies_and_losses_are_left_out() {
    let r = report(TWINS);
    for id in ["loss1981", "gabriel", "loss2021", "baby"] {
        assert!(r.people.iter().all(|p| &*p.id != id), "{id}");
        assert!(r.links.iter().all(|l| &*l.to != id), "{id}");
        assert!(r.gaps.iter().all(|g| &*g.person != id), "{id}");
    }
}

#[test]
fn a_family_without_an_index_gets_a_report_in_names() {
    let r = report(
        "people: {a: {name: Ann, skills: {openness: strong}}, b: {name: Bo, skills: {openness: none}}}\n\
         couples: [{partners: [a], children: [b]}]\n",
    );
    assert_eq!(r.person, None);
    assert!(r.lines.is_empty());
    let text = text::render(&r);
    assert!(text.contains("Ann had it; Bo did not."), "{text}");
}

#[test]
fn long_lists_are_cut_for_reading_and_complete_in_json() {
    let r = report(&crate::generate::family_yaml(3000, 5));
    let absent = r
        .chains
        .iter()
        .filter(|c| c.kind == ChainKind::Absent && &*c.skill == "openness")
        .count();
    assert!(absent > prose::MAX_ITEMS, "{absent}");
    let text = text::render(&r);
    let section = text
        .split("Where it was absent:")
        .nth(1)
        .expect("the section");
    let section = section.split("\n\n").next().expect("its list");
    assert_eq!(section.matches("\n  - ").count(), prose::MAX_ITEMS);
    assert!(text.contains(&format!(
        "…and {} more, all listed in the JSON report.",
        absent - prose::MAX_ITEMS
    )));
}

#[test]
fn generated_families_report_for_anyone_in_every_format() {
    for seed in 0..5 {
        let g = graph(&crate::generate::family_yaml(150, seed));
        for p in g.people().step_by(15) {
            for threshold in [Threshold::Some, Threshold::Strong] {
                let r = analyse(
                    &g,
                    &AnalysisOptions {
                        person: Some(p),
                        threshold,
                        ..Default::default()
                    },
                );
                assert_eq!(r.people.len(), 150);
                assert!(r.lines.iter().all(|l| l.people.last() == r.person.as_ref()));
                assert!(!text::render(&r).is_empty());
                assert!(markdown::render(&r).starts_with("# "));
                assert!(json(&r).starts_with('{'));
            }
        }
    }
}

/// The progress section: one line per skill with a history, oldest first, ending with the
/// current rating and where it was learned; none without any history.
#[test]
fn the_report_shows_progress_over_time() {
    let text = super::text::render(&report(INTIMACY));
    assert!(text.contains("\nProgress\n--------\n"), "{text}");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Your openness: none (2015-02), some (2015-06), strong (2015-11, learned in group therapy)"),
        "{flat}"
    );
    assert!(
        flat.contains("Your directness: none (2015-02), some (2016, learned in group therapy)")
    );
    assert!(!super::text::render(&report(COUSINS)).contains("Progress"));
}

#[test]
fn findings_say_where_each_skill_was_absent_and_who_broke_the_cycle() {
    let f = findings(&report(INTIMACY));
    assert_eq!(f.len(), 3);
    assert_eq!(&*f[0].skill, "openness");
    assert_eq!(
        f[0].absent[0],
        "Openness was absent for four generations on your father's side: Stanisław → Walter → Richard → Michael."
    );
    assert!(f[0].absent.len() <= 3);
    assert!(
        f[0].broke.iter().any(|b| b
            .starts_with("You learned it in group therapy in 2015; nobody who raised you had it.")),
        "{:?}",
        f[0].broke
    );
    assert!(
        f[0].broke
            .iter()
            .any(|b| b.starts_with("Your aunt Kathleen learned it in therapy in 1994"))
    );
}
