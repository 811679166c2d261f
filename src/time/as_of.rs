//! `--as-of DATE`: the family as it stood at a date.
//!
//! The rules (docs/time.md), each applied to the loaded family:
//! - people born after the date are left out, with their lines; so are children whose
//!   biological parent is left out, dated or not (they cannot have been born yet);
//! - people who died after it are alive, and their age then is drawn in the symbol;
//! - a couple is as it stood: separations, divorces and endings after the date are not
//!   there yet; a couple formed after it is left out, unless it already had children then
//!   (it is then a union of unknown kind, without dates);
//! - an adoption or fostering dated after the date is not there yet;
//! - relationships beginning after the date are left out; an `until` after it is not
//!   there yet (one before it is kept, and drawn ended);
//! - a skill's level is the latest rating at or before the date ([`level_then`]).
//!
//! An event dated the same year (or month) as the date counts as having happened: dates
//! are compared by what both know ([`PartialDate::cmp_known`]), so `--as-of 1990` is the
//! family at the end of 1990. Undated events are kept as the file has them: nothing says
//! they came later.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::diag::Spanned;
use crate::graph::FamilyGraph;
use crate::model::{
    Couple, Family, KnownSource, Level, Link, OpenWord, PartialDate, Relation, Relationship,
    SkillRating, TwinSet, ValidFamily,
};

/// Reads the date of `--as-of`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (no `~`: the view is
/// of a definite time).
///
/// # Errors
///
/// The reason in plain words, to follow "--as-of ".
pub fn parse_date(text: &str) -> Result<PartialDate, String> {
    let text = text.trim();
    if text.starts_with('~') {
        return Err(format!(
            "`{}` is approximate; give a definite year, as in `--as-of 1990`",
            crate::diag::short(text)
        ));
    }
    text.parse::<PartialDate>().map_err(|e| {
        format!(
            "{}; write a year, a month or a day, as in `--as-of 1990`, `--as-of 1990-06` or `--as-of 1990-06-30`",
            e.0
        )
    })
}

/// The graph of the family as it stood at `date`.
pub fn as_of(graph: &FamilyGraph, date: PartialDate) -> FamilyGraph {
    FamilyGraph::build(family_as_of(graph.family(), date))
}

/// Whether an event dated `when` had happened by `date` (an undated event is taken as
/// having happened: nothing says it came later).
fn by(when: Option<&Spanned<PartialDate>>, date: &PartialDate) -> bool {
    when.is_none_or(|w| w.value.cmp_known(date) != Ordering::Greater)
}

/// Whether an event is dated after `date`.
fn after(when: Option<&Spanned<PartialDate>>, date: &PartialDate) -> bool {
    !by(when, date)
}

/// The family of a validated graph as it stood at `date`, still valid: only people,
/// links, dates and ratings are taken away (an unmarried couple becomes a union of
/// unknown kind), which none of the validator's rules can object to.
pub fn family_as_of(family: &Family, date: PartialDate) -> ValidFamily {
    let d = &date;
    let people = &family.people;
    let index: HashMap<&str, usize> = people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.value.as_str(), i))
        .collect();
    let at = |id: &Spanned<String>| index.get(id.value.as_str()).copied();

    // Who was born by then: by their own date, then (to a fixed point, parents first in
    // any order) not before a biological parent.
    let mut kept: Vec<bool> = people.iter().map(|p| by(p.born.as_ref(), d)).collect();
    loop {
        let mut changed = false;
        for c in &family.couples {
            let parents_born = c.partners.iter().all(|p| at(p).is_none_or(|i| kept[i]));
            if parents_born {
                continue;
            }
            for ch in c.children.iter().filter(|ch| ch.link == Link::Biological) {
                if let Some(i) = at(&ch.id)
                    && kept[i]
                {
                    kept[i] = false;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let born = kept.clone();
    let alive = |id: &Spanned<String>| at(id).is_some_and(|i| born[i]);

    let couples: Vec<Couple> = family
        .couples
        .iter()
        .filter(|c| c.partners.iter().all(alive))
        .filter_map(|c| couple_then(c, d, &alive))
        .collect();

    let relationships: Vec<Relationship> = family
        .relationships
        .iter()
        .filter(|r| alive(&r.a) && alive(&r.b) && by(r.since.as_ref(), d))
        .map(|r| {
            let mut r = r.clone();
            if after(r.until.as_ref(), d) {
                r.until = None;
            }
            r
        })
        .collect();

    // Someone who belongs to the family only through a union formed later (a partner who
    // married in after the date) was not part of it yet: left out, rather than drawn
    // alone in a corner.
    let in_file = attached(family, &index, |_| true);
    let then = attached(
        &Family {
            couples: couples.clone(),
            relationships: relationships.clone(),
            ..Family::default()
        },
        &index,
        |i| kept[i],
    );
    for (i, k) in kept.iter_mut().enumerate() {
        if in_file[i] && !then[i] && !people[i].raised_by.iter().flatten().any(alive) {
            *k = false;
        }
    }
    let alive = |id: &Spanned<String>| at(id).is_some_and(|i| kept[i]);

    let people = people
        .iter()
        .zip(&kept)
        .filter(|(_, k)| **k)
        .map(|(p, _)| {
            let mut p = p.clone();
            if after(p.died.as_ref(), d) {
                p.died = None;
                p.deceased = false;
            }
            if let Some(carers) = &mut p.raised_by {
                carers.retain(&alive);
                if carers.is_empty() {
                    p.raised_by = None;
                }
            }
            for r in &mut p.skills {
                *r = rating_then(r, d);
            }
            p
        })
        .collect();

    let title = match &family.title {
        Some(t) => format!("{t} in {date}"),
        None => format!("The family in {date}"),
    };
    ValidFamily::new_unchecked(Family {
        title: Some(title),
        index: family.index.clone().filter(|i| alive(i)),
        skills: family.skills.clone(),
        people,
        couples,
        relationships,
        as_of: Some(date),
    })
}

/// Who is joined to someone else by a couple (as partner or child), a relationship or
/// being named in someone's `raised_by`, indexed like `index`'s people.
fn attached(
    family: &Family,
    index: &HashMap<&str, usize>,
    counts: impl Fn(usize) -> bool,
) -> Vec<bool> {
    let mut out = vec![false; index.len()];
    let mut mark = |id: &Spanned<String>| {
        if let Some(&i) = index.get(id.value.as_str()) {
            out[i] = true;
        }
    };
    for c in &family.couples {
        c.partners.iter().for_each(&mut mark);
        c.children.iter().for_each(|ch| mark(&ch.id));
    }
    for r in &family.relationships {
        mark(&r.a);
        mark(&r.b);
    }
    for p in &family.people {
        p.raised_by.iter().flatten().for_each(&mut mark);
    }
    for (i, o) in out.iter_mut().enumerate() {
        *o = *o && counts(i);
    }
    out
}

/// A couple as it stood at `d`, or `None` when it had not formed yet and had no child.
fn couple_then(
    c: &Couple,
    d: &PartialDate,
    alive: &impl Fn(&Spanned<String>) -> bool,
) -> Option<Couple> {
    let mut c = c.clone();
    // Children born by then, and adoptions and fosterings that had happened.
    let mut new_place = Vec::with_capacity(c.children.len());
    let mut children = Vec::with_capacity(c.children.len());
    for ch in &c.children {
        if alive(&ch.id) && (ch.link == Link::Biological || by(ch.adopted.as_ref(), d)) {
            new_place.push(Some(children.len()));
            children.push(ch.clone());
        } else {
            new_place.push(None);
        }
    }
    c.children = children;
    c.twins = c
        .twins
        .iter()
        .filter_map(|t| {
            let members: Vec<usize> = t
                .members
                .iter()
                .filter_map(|&m| new_place.get(m).copied().flatten())
                .collect();
            (members.len() >= 2).then_some(TwinSet {
                members,
                identical: t.identical,
            })
        })
        .collect();
    let start = c.married.as_ref().or(c.since.as_ref());
    if after(start, d) {
        if c.children.is_empty() {
            return None;
        }
        // Parents already, not yet the union the file records: drawn as a union of
        // unknown kind, with none of its later dates.
        c.relation = Relation::Unknown;
        c.married = None;
        c.since = None;
    }
    for end in [&mut c.separated, &mut c.divorced, &mut c.ended] {
        if after(end.as_ref(), d) {
            *end = None;
        }
    }
    Some(c)
}

/// A rating as it stood at `d`: the latest rating at or before the date, with the history
/// up to then. Before the current rating, `learned`, `since` and its note are not there yet.
fn rating_then(r: &SkillRating, d: &PartialDate) -> SkillRating {
    let mut then = r.clone();
    then.history.retain(|h| by(Some(&h.date), d));
    if current_applies(r, d) {
        return then;
    }
    // The latest earlier rating is the rating then: dated, noted, and newest of its
    // history.
    then.learned = None;
    match then.history.pop() {
        Some(h) => {
            then.level = h.level;
            then.since = Some(h.date);
            then.note = h.note;
        }
        None => {
            then.level = level_then(r, d);
            then.since = None;
            then.note = None;
        }
    }
    then
}

/// Whether the current rating (`level`) is the one at `d`: it is dated by `since` at or
/// before the date; or, undated, it has no history, or came after all of its history
/// (the history's last entry is before the date).
fn current_applies(r: &SkillRating, d: &PartialDate) -> bool {
    match (&r.since, r.history.last()) {
        (Some(since), _) => since.value.cmp_known(d) != Ordering::Greater,
        (None, None) => true,
        (None, Some(last)) => last.date.value.cmp_known(d) == Ordering::Less,
    }
}

/// The level of a rating at `d`: the latest rating (the history's entries and the current
/// one, dated by its `since`) at or before the date. Before the first of them: `none`
/// for a skill learned outside the family before its `since`, else `unknown`. A rating
/// with no dates at all is the same at every date.
pub fn level_then(r: &SkillRating, d: &PartialDate) -> Level {
    if current_applies(r, d) {
        return r.level;
    }
    if let Some(h) = r.history.iter().rev().find(|h| by(Some(&h.date), d)) {
        return h.level;
    }
    match (&r.learned, &r.since) {
        (Some(OpenWord::Known(KnownSource::Family)) | None, _) | (_, None) => Level::Unknown,
        (Some(_), Some(_)) => Level::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A family with one thing for each rule, each dated on both sides of 1990.
    const FAMILY: &str = "title: The Ortegas
index: mia
people:
  ana: {sex: female, born: 1940, died: 2001}
  ben: {sex: male, born: 1938, died: 1985}
  carl: {sex: male, born: 1965}
  dora: {sex: female, born: 1968}
  mia:
    sex: female
    born: 1992
    skills:
      openness:
        level: strong
        learned: group-therapy
        since: 2018
        history: [{date: 2016-09, level: none}, {date: 2017-06, level: some, note: spoke up}]
  ned: {sex: male}
  eve: {sex: female, born: 1970}
  finn: {sex: male, born: 1988}
  gus: {sex: male, born: 1985}
  hal: {sex: male, born: 1969, skills: {openness: {level: some, learned: therapy, since: 1995}, honesty: {level: strong, learned: family}}}
couples:
  - partners: [ana, ben]
    married: 1962
    children: [carl, dora, eve]
  - partners: [carl, dora]
    relation: cohabiting
    since: 1987
    separated: 1989
    ended: 1995
    children: [mia, {id: gus, link: adopted, adopted: 1999}]
  - partners: [mia]
    children: [ned]
  - partners: [eve, hal]
    married: 1994
    children: [finn]
relationships:
  - {between: [ana, carl], kind: conflict, since: 1980, until: 1988}
  - {between: [ana, dora], kind: close, since: 1985, until: 1995}
  - {between: [ben, eve], kind: cutoff, since: 1991}
";

    fn then(date: &str) -> Family {
        let graph = crate::load_str("t.yaml", FAMILY).expect("valid");
        family_as_of(graph.family(), date.parse().unwrap())
            .family()
            .clone()
    }

    fn ids(f: &Family) -> Vec<&str> {
        f.people.iter().map(|p| p.id.value.as_str()).collect()
    }

    fn person<'a>(f: &'a Family, id: &str) -> &'a crate::model::Person {
        f.people.iter().find(|p| p.id.value == id).expect(id)
    }

    #[test]
    fn people_born_later_are_left_out_with_their_lines() {
        let f = then("1990");
        // mia (1992) and her undated son ned are not born; the index goes with her. (gus,
        // adopted in 1999, is not part of the family yet either.)
        assert_eq!(
            ids(&f),
            ["ana", "ben", "carl", "dora", "eve", "finn", "hal"]
        );
        assert!(f.index.is_none());
        assert!(f.couples.iter().all(|c| c.partners[0].value != "mia"));
        let f = then("1992");
        assert!(ids(&f).contains(&"mia") && ids(&f).contains(&"ned"));
        assert_eq!(f.index.as_ref().unwrap().value, "mia");
    }

    #[test]
    fn an_event_in_the_same_year_or_month_has_happened() {
        assert!(ids(&then("1992-01")).contains(&"mia"));
        assert!(!ids(&then("1991-12-31")).contains(&"mia"));
    }

    #[test]
    fn people_who_died_later_are_alive() {
        let f = then("1990");
        assert!(person(&f, "ben").deceased, "died 1985");
        let ana = person(&f, "ana");
        assert!(!ana.deceased && ana.died.is_none(), "died 2001");
        assert_eq!(f.as_of.unwrap().to_string(), "1990");
        assert_eq!(f.title.as_deref(), Some("The Ortegas in 1990"));
    }

    #[test]
    fn couples_are_as_they_stood() {
        let f = then("1988");
        let cd = &f.couples[1];
        assert_eq!(cd.relation, Relation::Cohabiting);
        assert!(cd.separated.is_none() && cd.ended.is_none());
        let f = then("1990");
        let cd = &f.couples[1];
        assert!(
            cd.separated.is_some() && cd.ended.is_none(),
            "separated 1989"
        );
        // gus is born (1985) but adopted only in 1999.
        assert!(cd.children.is_empty());
        assert!(
            !ids(&f).contains(&"gus"),
            "not yet part of the family, not drawn alone"
        );
        assert_eq!(then("1999").couples[1].children.len(), 2);
        // eve and hal married in 1994 but had finn in 1988: parents already, not yet
        // married.
        let eh = &f.couples[2];
        assert_eq!(eh.relation, Relation::Unknown);
        assert!(eh.married.is_none());
        assert_eq!(eh.children[0].id.value, "finn");
        let f = then("1986");
        assert_eq!(f.couples.len(), 1, "carl and dora got together in 1987");
        assert!(!ids(&f).contains(&"hal"), "hal joins with eve, later");
    }

    #[test]
    fn relationships_are_as_they_stood() {
        let kinds = |f: &Family| -> Vec<(String, bool)> {
            f.relationships
                .iter()
                .map(|r| (r.kind.value.to_string(), r.until.is_some()))
                .collect()
        };
        assert_eq!(
            kinds(&then("1990")),
            [("conflict".into(), true), ("close".into(), false)]
        );
        assert_eq!(kinds(&then("1984")), [("conflict".into(), false)]);
        assert_eq!(kinds(&then("1991")).len(), 3);
    }

    #[test]
    fn a_skill_is_its_latest_rating_by_then() {
        let level = |date: &str| {
            let f = then(date);
            let r = person(&f, "mia").rating("openness").cloned().unwrap();
            (r.level, r.history.len(), r.learned.is_some(), r.note)
        };
        let since = |date: &str| {
            let f = then(date);
            let r = person(&f, "mia").rating("openness").cloned().unwrap();
            r.since.map(|s| s.value.to_string())
        };
        assert_eq!(since("2017"), Some("2017-06".into()));
        assert_eq!(since("2015"), None);
        // Before any rating of a skill learned outside the family: none.
        // The latest earlier rating becomes the rating then, dated and noted.
        assert_eq!(level("2015"), (Level::None, 0, false, None));
        assert_eq!(level("2016-09"), (Level::None, 0, false, None));
        assert_eq!(
            level("2017"),
            (Level::Some, 1, false, Some("spoke up".into())),
            "2017 may be June 2017"
        );
        assert_eq!(level("2017-05"), (Level::None, 0, false, None));
        assert_eq!(level("2018"), (Level::Strong, 2, true, None));
        let f = then("1990");
        let hal = person(&f, "hal");
        assert_eq!(
            hal.level("openness"),
            Level::None,
            "learned in therapy in 1995"
        );
        assert_eq!(
            hal.level("honesty"),
            Level::Strong,
            "undated: as the file says"
        );
        assert_eq!(person(&then("1995"), "hal").level("openness"), Level::Some);
    }

    #[test]
    fn an_undated_current_rating_follows_its_history() {
        let text = "people:\n  a:\n    skills:\n      openness: {level: strong, history: [{date: 2000, level: none}, {date: 2005, level: some}]}\n";
        let graph = crate::load_str("t.yaml", text).expect("valid");
        let r = graph.family().people[0].skills[0].clone();
        let at = |d: &str| level_then(&r, &d.parse().unwrap());
        assert_eq!(at("1999"), Level::Unknown);
        assert_eq!(at("2000"), Level::None);
        assert_eq!(at("2005"), Level::Some);
        assert_eq!(at("2006"), Level::Strong);
    }

    #[test]
    fn the_family_then_is_valid_and_the_same_every_time() {
        for sample in [
            include_str!("../../samples/intimacy-cycle.yaml"),
            include_str!("../../samples/blended-family.yaml"),
            include_str!("../../samples/adoption-foster.yaml"),
            include_str!("../../samples/twins-and-losses.yaml"),
            include_str!("../../samples/cousin-marriage.yaml"),
            FAMILY,
        ] {
            let graph = crate::load_str("s.yaml", sample).expect("valid sample");
            for year in (1890..=2030).step_by(5) {
                let date = PartialDate::year(year);
                let one = family_as_of(graph.family(), date);
                let again = family_as_of(graph.family(), date);
                assert_eq!(
                    format!("{:?}", one.family()),
                    format!("{:?}", again.family())
                );
                if let Err(e) = crate::validate::validate(one.family().clone()) {
                    panic!("{year}: {e:?}");
                }
            }
        }
    }

    #[test]
    fn reads_the_date_of_as_of() {
        assert_eq!(parse_date("1990").unwrap().to_string(), "1990");
        assert_eq!(parse_date("1990-06-30").unwrap().to_string(), "1990-06-30");
        assert!(parse_date("~1990").unwrap_err().contains("approximate"));
        assert!(parse_date("1990-13").unwrap_err().contains("no month 13"));
        assert!(parse_date("last year").is_err());
    }
}
