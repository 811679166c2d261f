//! `genogram timeline`: every dated event of a family, in date order, in plain words.
//!
//! Events are read from the file's dates: births and deaths, the dates of couples,
//! relationships, and skills (`since` and each `history` entry). Each names its people by
//! id and, in its text, by their relation to the client ("your aunt Kathleen"), in the
//! words of the report. Undated events are left out and counted. Pregnancies and losses
//! are not events of their own here: the drawing shows them.

use serde::Serialize;

use crate::analysis::{self, AnalysisOptions};
use crate::graph::FamilyGraph;
use crate::model::{
    Couple, KnownSource, Level, OpenWord, PartialDate, Person, PersonKind, Relation,
};

/// What kind of event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// `born`.
    Born,
    /// `died`.
    Died,
    /// A couple's `married`.
    Married,
    /// A couple's `separated`.
    Separated,
    /// A couple's `divorced`.
    Divorced,
    /// A couple's `since`: living together, engaged, dating…
    Together,
    /// A couple's `ended`.
    Ended,
    /// A relationship's `since`.
    Relationship,
    /// A relationship's `until`.
    RelationshipEnded,
    /// A skill's `since`, when the file says where it was learned.
    Learned,
    /// A `history` entry of a skill, or a current rating dated by `since` without a place
    /// of learning.
    Rated,
}

/// One dated event.
#[derive(Clone, Debug, Serialize)]
pub struct Event {
    /// When, as written in the file.
    pub date: PartialDate,
    /// What happened.
    pub kind: Kind,
    /// Who, by id.
    pub people: Vec<String>,
    /// The skill, for `learned` and `rated`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skill: Option<String>,
    /// The level, for `learned` and `rated`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// The event in a sentence addressed to the client.
    pub text: String,
}

/// The events of a family in date order, and how many events had no date.
#[derive(Clone, Debug, Serialize)]
pub struct Timeline {
    /// The file's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Dated events, oldest first (an approximate date counts as its year).
    pub events: Vec<Event>,
    /// Births, deaths, unions, relationships and places of learning the file gives no
    /// date for.
    pub undated: usize,
}

/// The order of events: by year, then by month and day when the date is exact and gives
/// them; an approximate date (`~1900`) counts as its year.
fn sort_key(d: &PartialDate) -> (i32, u8, u8) {
    if d.is_approximate() {
        (d.year_value(), 0, 0)
    } else {
        (d.year_value(), d.month().unwrap_or(0), d.day().unwrap_or(0))
    }
}

/// The timeline of a family.
pub fn timeline(graph: &FamilyGraph) -> Timeline {
    let family = graph.family();
    let report = analysis::analyse(graph, &AnalysisOptions::default());
    let mut noun: Vec<String> = family.people.iter().map(|p| p.name.clone()).collect();
    for (entry, n) in report.people.iter().zip(analysis::nouns(&report)) {
        if let Some(p) = graph.find(&entry.id) {
            noun[p.0] = n;
        }
    }
    let you = |i: usize| noun[i] == "you";
    let at = |id: &str| graph.find(id).map(|p| p.0);
    // "You and your husband Jonah", never "your husband Jonah and you".
    let both = |ids: &[usize]| -> String {
        let mut words: Vec<&str> = ids.iter().map(|&i| noun[i].as_str()).collect();
        words.sort_by_key(|w| *w != "you");
        words.join(" and ")
    };

    let mut events = Vec::new();
    let mut undated = 0usize;
    let mut push = |date: Option<&PartialDate>,
                    kind: Kind,
                    people: Vec<String>,
                    skill: Option<(&str, Level)>,
                    text: String| {
        match date {
            Some(d) => events.push(Event {
                date: *d,
                kind,
                people,
                skill: skill.map(|s| s.0.to_string()),
                level: skill.map(|s| s.1),
                text: sentence(&text),
            }),
            None => undated += 1,
        }
    };

    for (i, p) in family.people.iter().enumerate() {
        if p.kind != PersonKind::Person {
            continue;
        }
        let id = vec![p.id.value.clone()];
        let was = if you(i) { "were" } else { "was" };
        push(
            p.born.as_ref().map(|d| &d.value),
            Kind::Born,
            id.clone(),
            None,
            format!("{} {was} born", noun[i]),
        );
        if p.deceased {
            push(
                p.died.as_ref().map(|d| &d.value),
                Kind::Died,
                id.clone(),
                None,
                format!("{} died", noun[i]),
            );
        }
        skill_events(p, &noun[i], you(i), &mut push);
    }

    for c in &family.couples {
        let ids: Vec<usize> = c.partners.iter().filter_map(|p| at(&p.value)).collect();
        let people: Vec<String> = c.partners.iter().map(|p| p.value.clone()).collect();
        let who = both(&ids);
        for (date, kind, verb) in couple_dates(c) {
            let text = format!("{who} {verb}");
            match date {
                Some(d) => push(Some(&d.value), kind, people.clone(), None, text),
                None => push(None, kind, Vec::new(), None, String::new()),
            }
        }
    }

    for r in &family.relationships {
        let (Some(a), Some(b)) = (at(&r.a.value), at(&r.b.value)) else {
            continue;
        };
        let kind_words = analysis::relationship_noun(r.kind.value.as_str());
        let between = if r.directed {
            format!("from {} to {}", noun[a], noun[b])
        } else {
            format!("between {} and {}", noun[a], noun[b])
        };
        let people = vec![r.a.value.clone(), r.b.value.clone()];
        push(
            r.since.as_ref().map(|d| &d.value),
            Kind::Relationship,
            people.clone(),
            None,
            format!("{kind_words} began {between}"),
        );
        if let Some(until) = &r.until {
            push(
                Some(&until.value),
                Kind::RelationshipEnded,
                people,
                None,
                format!("{kind_words} {between} ended"),
            );
        }
    }

    events.sort_by_key(|a| sort_key(&a.date));
    Timeline {
        title: family.title.clone(),
        events,
        undated,
    }
}

/// The dated steps of a couple, each with its kind and verb; `None` dates are the
/// expected ones the file does not give (a marriage without its date).
fn couple_dates(
    c: &Couple,
) -> Vec<(
    Option<&crate::diag::Spanned<PartialDate>>,
    Kind,
    &'static str,
)> {
    let mut out = Vec::new();
    let together = match c.relation {
        Relation::Cohabiting => "began living together",
        Relation::Engaged => "got engaged",
        Relation::Affair => "began an affair",
        Relation::Married | Relation::Dating | Relation::Unknown => "got together",
    };
    match c.relation {
        Relation::Married => {
            if c.since.is_some() {
                out.push((c.since.as_ref(), Kind::Together, together));
            }
            if c.married.is_some() || c.since.is_none() {
                out.push((c.married.as_ref(), Kind::Married, "married"));
            }
        }
        _ => out.push((c.since.as_ref(), Kind::Together, together)),
    }
    if c.separated.is_some() {
        out.push((c.separated.as_ref(), Kind::Separated, "separated"));
    }
    if c.divorced.is_some() {
        out.push((c.divorced.as_ref(), Kind::Divorced, "divorced"));
    }
    if c.ended.is_some() {
        out.push((c.ended.as_ref(), Kind::Ended, "parted"));
    }
    out
}

/// The events of a person's skills: each `history` entry, then the current rating when
/// dated (`learned` when the file says where, else `rated`).
fn skill_events(
    p: &Person,
    noun: &str,
    you: bool,
    push: &mut impl FnMut(Option<&PartialDate>, Kind, Vec<String>, Option<(&str, Level)>, String),
) {
    let whose = if you {
        "your".to_string()
    } else {
        format!("{noun}'s")
    };
    let id = || vec![p.id.value.clone()];
    for r in &p.skills {
        let skill = r.skill.value.as_str();
        for h in &r.history {
            let by =
                h.by.as_ref()
                    .map(|b| format!(" (rated by {b})"))
                    .unwrap_or_default();
            push(
                Some(&h.date.value),
                Kind::Rated,
                id(),
                Some((skill, h.level)),
                format!("{whose} {skill}: {}{by}", h.level),
            );
        }
        let outside = r
            .learned
            .as_ref()
            .is_some_and(|l| *l != OpenWord::Known(KnownSource::Family));
        match (&r.since, &r.learned) {
            (Some(since), Some(source)) => {
                let place = analysis::learned_phrase(&source.text())
                    .map(|w| format!(" {w}"))
                    .unwrap_or_default();
                push(
                    Some(&since.value),
                    Kind::Learned,
                    id(),
                    Some((skill, r.level)),
                    format!("{noun} learned {skill}{place} ({})", r.level),
                );
            }
            (Some(since), None) => push(
                Some(&since.value),
                Kind::Rated,
                id(),
                Some((skill, r.level)),
                format!("{whose} {skill}: {}", r.level),
            ),
            // Learned outside the family, but when is not written.
            (None, Some(_)) if outside => push(None, Kind::Learned, id(), None, String::new()),
            (None, _) => {}
        }
    }
}

/// The sentence with its first letter in capitals.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The heading of the timeline.
fn heading(t: &Timeline) -> String {
    match &t.title {
        Some(title) => format!("Timeline of {title}"),
        None => "Timeline".to_string(),
    }
}

/// The closing line about undated events, if any.
fn undated_line(t: &Timeline) -> Option<String> {
    match t.undated {
        0 => None,
        1 => Some("1 event has no date in the file and is not shown.".into()),
        n => Some(format!(
            "{n} events have no date in the file and are not shown."
        )),
    }
}

/// The timeline as plain text: one event per line, the date in a column of its own.
pub fn text(t: &Timeline) -> String {
    let mut out = String::new();
    let head = heading(t);
    out.push_str(&head);
    out.push('\n');
    out.extend(std::iter::repeat_n('=', head.chars().count()));
    out.push_str("\n\n");
    let width = t
        .events
        .iter()
        .map(|e| e.date.to_string().chars().count())
        .max()
        .unwrap_or(4);
    for e in &t.events {
        let date = e.date.to_string();
        out.push_str(&format!("{date:<width$}  {}\n", e.text));
    }
    if t.events.is_empty() {
        out.push_str("No event in the file has a date.\n");
    }
    if let Some(line) = undated_line(t) {
        out.push('\n');
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The timeline as Markdown: a table of dates and events.
pub fn markdown(t: &Timeline) -> String {
    let esc = analysis::markdown::escape;
    let mut out = format!("# {}\n\n", esc(&heading(t)));
    if t.events.is_empty() {
        out.push_str("No event in the file has a date.\n");
    } else {
        out.push_str("| Date | What happened |\n|---|---|\n");
        for e in &t.events {
            out.push_str(&format!(
                "| {} | {} |\n",
                esc(&e.date.to_string()),
                esc(&e.text)
            ));
        }
    }
    if let Some(line) = undated_line(t) {
        out.push('\n');
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The timeline as JSON: `{"events": [...], "undated": N}` (and `title`).
pub fn json(t: &Timeline) -> String {
    let mut s = serde_json::to_string_pretty(t).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAMILY: &str = "index: mia
people:
  ana: {name: Ana, sex: female, born: ~1940, died: 2001-05}
  ben: {name: Ben, sex: male, born: 1938-11-02, deceased: true}
  mia:
    name: Mia
    sex: female
    born: 1965
    skills:
      openness:
        level: strong
        learned: group-therapy
        since: 2018
        history: [{date: 2016-09, level: none, by: intake}, {date: 2017-06, level: some}]
      honesty: {level: some, since: 1990}
      directness: {level: some, learned: therapy}
  sam: {name: Sam, sex: male, born: 1940-03}
  kid: {kind: miscarriage, born: 1962}
couples:
  - partners: [ana, ben]
    married: 1960
    separated: 1970
    divorced: 1972-02
    children: [mia, kid]
  - partners: [ana, sam]
    relation: cohabiting
    since: 1975
    ended: 1990
  - partners: [mia, sam]
    relation: affair
relationships:
  - {between: [mia, ana], kind: cutoff, since: 1999, until: 2010}
  - {from: ana, to: mia, kind: focused-on}
";

    fn kind_word(kind: Kind) -> &'static str {
        match kind {
            Kind::Born => "born",
            Kind::Died => "died",
            Kind::Married => "married",
            Kind::Separated => "separated",
            Kind::Divorced => "divorced",
            Kind::Together => "together",
            Kind::Ended => "ended",
            Kind::Relationship => "relationship",
            Kind::RelationshipEnded => "relationship-ended",
            Kind::Learned => "learned",
            Kind::Rated => "rated",
        }
    }

    #[test]
    fn kinds_are_written_as_the_issue_names_them() {
        for kind in [
            Kind::Born,
            Kind::RelationshipEnded,
            Kind::Together,
            Kind::Rated,
        ] {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind_word(kind));
        }
    }

    fn events() -> Timeline {
        timeline(&crate::load_str("t.yaml", FAMILY).expect("valid"))
    }

    #[test]
    fn every_dated_event_in_date_order() {
        let t = events();
        let got: Vec<(String, &str)> = t
            .events
            .iter()
            .map(|e| (e.date.to_string(), kind_word(e.kind)))
            .collect();
        let want = [
            ("1938-11-02", "born"),
            ("~1940", "born"),
            ("1940-03", "born"),
            ("1960", "married"),
            ("1965", "born"),
            ("1970", "separated"),
            ("1972-02", "divorced"),
            ("1975", "together"),
            ("1990", "rated"),
            ("1990", "ended"),
            ("1999", "relationship"),
            ("2001-05", "died"),
            ("2010", "relationship-ended"),
            ("2016-09", "rated"),
            ("2017-06", "rated"),
            ("2018", "learned"),
        ];
        let want: Vec<(String, &str)> = want.iter().map(|(d, k)| (d.to_string(), *k)).collect();
        assert_eq!(got, want);
        // ben's death, the affair's start, the relationship without `since` and
        // directness learned in therapy at no known date.
        assert_eq!(t.undated, 4);
    }

    #[test]
    fn events_name_people_by_id_and_by_relation() {
        let t = events();
        let find = |kind: Kind| t.events.iter().find(|e| e.kind == kind).unwrap();
        let learned = find(Kind::Learned);
        assert_eq!(learned.people, ["mia"]);
        assert_eq!(learned.skill.as_deref(), Some("openness"));
        assert_eq!(
            learned.text,
            "You learned openness in group therapy (strong)"
        );
        assert_eq!(
            find(Kind::Married).text,
            "Your mother Ana and your father Ben married"
        );
        assert_eq!(find(Kind::Married).people, ["ana", "ben"]);
        assert_eq!(
            find(Kind::Relationship).text,
            "A cutoff began between you and your mother Ana"
        );
        assert_eq!(find(Kind::Rated).text, "Your honesty: some");
        let rated: Vec<&str> = t
            .events
            .iter()
            .filter(|e| e.kind == Kind::Rated)
            .map(|e| e.text.as_str())
            .collect();
        assert!(rated.contains(&"Your openness: none (rated by intake)"));
    }

    #[test]
    fn json_has_the_shape_of_the_issue_and_is_stable() {
        let one = json(&events());
        assert_eq!(one, json(&events()));
        let v: serde_json::Value = serde_json::from_str(&one).unwrap();
        let learned = v["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["kind"] == "learned")
            .unwrap();
        assert_eq!(
            learned,
            &serde_json::json!({"date": "2018", "kind": "learned", "people": ["mia"],
                "skill": "openness", "level": "strong",
                "text": "You learned openness in group therapy (strong)"})
        );
        assert_eq!(v["undated"], 4);
    }

    #[test]
    fn text_and_markdown_list_the_events_and_count_the_undated() {
        let t = events();
        let text = text(&t);
        assert!(
            text.starts_with("Timeline\n========\n\n1938-11-02  Your father Ben was born\n"),
            "{text}"
        );
        assert!(text.ends_with("\n4 events have no date in the file and are not shown.\n"));
        let md = markdown(&t);
        assert!(
            md.contains(
                "| Date | What happened |\n|---|---|\n| 1938-11-02 | Your father Ben was born |\n"
            ),
            "{md}"
        );
        assert!(
            md.contains("| \\~1940 |") || md.contains("| ~1940 |"),
            "{md}"
        );
    }
}
