//! The report in plain words, as a document of headings, paragraphs, lists and tables
//! that [`super::text`] and [`super::markdown`] lay out. Written for the client: kinship
//! words relative to the report's person ("your father's mother Dorothy"), sentences
//! rather than codes, oldest generation first.

use std::collections::HashMap;

use super::kinship::{Kin, Subject};
use super::transmission::short_name;
use super::types::{
    ChainKind, Gendered, LineEventKind, Missing, PersonEntry, Position, Report, Status,
};

/// A piece of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Block {
    /// A paragraph.
    Para(String),
    /// A sub-heading.
    Sub(String),
    /// A bulleted list.
    List(Vec<String>),
    /// A table: header, then rows.
    Table(Vec<Cell>, Vec<Vec<Cell>>),
}

/// A table cell: fixed words are borrowed, names and dates owned (a large family's
/// table has hundreds of thousands of cells).
pub(crate) type Cell = std::borrow::Cow<'static, str>;

/// A section under a heading.
#[derive(Clone, Debug)]
pub(crate) struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// The whole document.
#[derive(Clone, Debug)]
pub(crate) struct Doc {
    pub title: String,
    pub intro: Vec<String>,
    pub sections: Vec<Section>,
}

/// Most items a list shows: the text is for reading; the JSON report has everything.
pub(crate) const MAX_ITEMS: usize = 25;

/// "…and 12 more" after a list cut at [`MAX_ITEMS`].
fn more(blocks: &mut Vec<Block>, total: usize) {
    if total > MAX_ITEMS {
        blocks.push(Block::Para(format!(
            "…and {} more, all listed in the JSON report.",
            total - MAX_ITEMS
        )));
    }
}

/// Writes numbers up to twelve as words, as a client would.
pub(crate) fn number(n: usize) -> String {
    const WORDS: [&str; 13] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

/// The first letter in upper case.
pub(crate) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// "a", "a and b", "a, b and c".
fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Where a skill was learned, as a phrase after "learned it".
fn source_phrase(source: &str) -> Option<Cell> {
    Some(Cell::Borrowed(match source {
        "unspecified" => return None,
        "family" => "at home",
        "therapy" => "in therapy",
        "group-therapy" => "in group therapy",
        "partner" => "from a partner",
        "mentor" => "from a mentor",
        "community" => "in the community",
        "self" => "on their own",
        // The anonymous view's word for a place the user named (render::anonymize).
        "elsewhere" => "elsewhere",
        other => return Some(Cell::Owned(format!("through {other}"))),
    }))
}

/// A small number as a cell without allocating.
fn number_cell(n: u32) -> Cell {
    const SMALL: [&str; 21] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
        "17", "18", "19", "20",
    ];
    SMALL
        .get(n as usize)
        .map_or_else(|| Cell::Owned(n.to_string()), |s| Cell::Borrowed(s))
}

fn status_phrase(status: Status) -> &'static str {
    match status {
        Status::PassedDown => "passed down",
        Status::BrokeCycle => "broke the cycle",
        Status::Lost => "lost",
        Status::Continued => "absent before too",
        Status::NoCaregivers => "no caregivers in the file",
        Status::Unknown => "not known",
    }
}

fn kind_noun(kind: &str) -> String {
    match kind {
        "close" => "Closeness".into(),
        "fused" => "Fusion".into(),
        "distant" => "Distance".into(),
        "conflict" => "Conflict".into(),
        "hostile" => "Hostility".into(),
        "close-hostile" => "A close but hostile bond".into(),
        "fused-hostile" => "A fused, hostile bond".into(),
        "cutoff" => "A cutoff".into(),
        "focused-on" => "Focus on one person".into(),
        "caretaker" => "Caretaking".into(),
        "neglect" => "Neglect".into(),
        "physical-abuse" => "Physical abuse".into(),
        "emotional-abuse" => "Emotional abuse".into(),
        "sexual-abuse" => "Sexual abuse".into(),
        "divorce" => "A divorce or separation".into(),
        other => capitalise(other),
    }
}

/// A fast hasher for the id lookups of the text (the FxHash multiply-rotate): a large
/// family's report looks ids up millions of times, and these maps are never iterated,
/// so their order cannot reach the output.
#[derive(Default, Clone, Copy)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type IdMap<'r, V> = HashMap<&'r str, V, std::hash::BuildHasherDefault<IdHasher>>;

/// Looks people up by id and says who they are.
struct Names<'r> {
    by_id: IdMap<'r, &'r PersonEntry>,
    /// The name used in sentences: a nickname in quotes or the first name, unless two
    /// people share it, when both are called by their full names.
    short: IdMap<'r, &'r str>,
}

impl<'r> Names<'r> {
    fn new(report: &'r Report) -> Self {
        let mut count: IdMap<'_, usize> = IdMap::default();
        for p in &report.people {
            *count.entry(short_name(&p.name)).or_default() += 1;
        }
        let short = report
            .people
            .iter()
            .map(|p| {
                let s = short_name(&p.name);
                (
                    &*p.id,
                    if count.get(s).is_some_and(|&n| n > 1) {
                        p.name.as_str()
                    } else {
                        s
                    },
                )
            })
            .collect();
        Names {
            by_id: report.people.iter().map(|p| (&*p.id, p)).collect(),
            short,
        }
    }

    fn subject(&self, id: &str) -> Subject {
        match self.by_id.get(id) {
            Some(p) => {
                let side = match &p.kin {
                    Some(Kin::Ancestor { side, .. }) => self
                        .by_id
                        .get(side.as_str())
                        .map_or(Gendered::Neutral, |s| s.gendered),
                    _ => Gendered::Neutral,
                };
                Subject::new(
                    p.kin.as_ref(),
                    p.gendered,
                    side,
                    self.short.get(id).copied().unwrap_or(&p.name),
                    &p.name,
                )
            }
            None => Subject::new(None, Gendered::Neutral, Gendered::Neutral, id, id),
        }
    }

    /// "your aunt Kathleen", "you", or a name.
    fn who(&self, id: &str) -> String {
        self.subject(id).noun
    }

    /// The short name, or "you".
    fn short(&self, id: &str) -> String {
        match self.by_id.get(id) {
            Some(p) if p.kin == Some(Kin::Myself) => "you".to_string(),
            Some(p) => self.short.get(id).copied().unwrap_or(&p.name).to_string(),
            None => id.to_string(),
        }
    }

    /// "Richard (your father)" for tables.
    fn label(&self, id: &str) -> String {
        match self.by_id.get(id) {
            Some(p) => match &p.kin {
                Some(Kin::Myself) => format!("{} (you)", p.name),
                Some(_) => format!("{} ({})", p.name, self.kin_only(id).unwrap_or_default()),
                None => p.name.clone(),
            },
            None => id.to_string(),
        }
    }

    fn arrow(&self, ids: &[super::Id]) -> String {
        ids.iter()
            .map(|i| self.short(i))
            .collect::<Vec<_>>()
            .join(" → ")
    }

    /// "your father", without the name.
    fn kin_only(&self, id: &str) -> Option<String> {
        let p = self.by_id.get(id)?;
        let kin = p.kin.as_ref()?;
        let side = match kin {
            Kin::Ancestor { side, .. } => self
                .by_id
                .get(side.as_str())
                .map_or(Gendered::Neutral, |s| s.gendered),
            _ => Gendered::Neutral,
        };
        Some(super::kinship::kin_words(kin, p.gendered, side))
    }

    /// "on your father's side" when the chain runs through an ancestor of the report's person.
    fn side_of(&self, ids: &[super::Id]) -> Option<String> {
        ids.iter().rev().find_map(
            |id| match self.by_id.get(&**id).and_then(|p| p.kin.as_ref()) {
                Some(Kin::Parent { .. }) => self.kin_only(id).map(|k| format!("on {k}'s side")),
                Some(Kin::Ancestor { side, .. }) => {
                    self.kin_only(side).map(|k| format!("on {k}'s side"))
                }
                _ => None,
            },
        )
    }
}

/// The document for a report.
pub(crate) fn document(report: &Report) -> Doc {
    let names = Names::new(report);
    let skills_words = and_list(&report.skills);
    let verb = if report.skills.len() == 1 {
        "was"
    } else {
        "were"
    };
    let title = match &report.title {
        Some(t) => format!("{t}: how {skills_words} {verb} passed down"),
        None => format!("How {skills_words} {verb} passed down"),
    };
    let mut intro = Vec::new();
    if let Some(p) = &report.person {
        let name = names.by_id.get(&**p).map_or(&**p, |e| e.name.as_str());
        intro.push(format!(
            "This report is for {name}. \"You\" below means {name}."
        ));
    }
    intro.push(format!(
        "Someone has a skill here when it is rated {}. Generation 1 is the oldest in the file.",
        match report.threshold {
            super::Threshold::Some => "\"some\" or \"strong\"",
            super::Threshold::Strong => "\"strong\"",
        }
    ));
    let mut sections = Vec::new();
    for (s, skill) in report.skills.iter().enumerate() {
        sections.push(skill_section(report, &names, s, skill));
    }
    sections.extend(progress_section(report, &names));
    sections.push(patterns_section(report, &names));
    sections.push(triangles_section(report, &names));
    sections.push(gaps_section(report, &names));
    Doc {
        title,
        intro,
        sections,
    }
}

fn skill_section(report: &Report, names: &Names<'_>, s: usize, skill: &str) -> Section {
    let mut blocks = Vec::new();
    if let Some(d) = report.descriptions.get(s).filter(|d| !d.is_empty()) {
        blocks.push(Block::Para(format!(
            "{}: {}.",
            capitalise(skill),
            d.trim_end_matches('.')
        )));
    }

    if let Some(summary) = summary(report, names, skill) {
        blocks.push(Block::Para(summary));
    }

    // 1 and 7: generation by generation.
    blocks.push(Block::Sub("Generation by generation".into()));
    let mut order: Vec<&PersonEntry> = report.people.iter().collect();
    order.sort_by_key(|p| p.generation);
    let rows = order
        .iter()
        .map(|p| {
            let e = &p.skills[s];
            let learned = match (source_phrase(&e.source), e.since) {
                (Some(w), Some(y)) => Cell::Owned(format!("{w}, {y}")),
                (Some(w), None) => w,
                (None, Some(y)) => Cell::Owned(format!("since {y}")),
                (None, None) => Cell::Borrowed(""),
            };
            vec![
                number_cell(p.generation),
                Cell::Owned(names.label(&p.id)),
                Cell::Borrowed(e.level.as_str()),
                Cell::Borrowed(status_phrase(e.status)),
                learned,
            ]
        })
        .collect();
    blocks.push(Block::Table(
        ["Gen.", "Person", "Level", "How it came", "Learned"]
            .map(Cell::Borrowed)
            .to_vec(),
        rows,
    ));
    blocks.push(Block::List(
        report
            .generations
            .iter()
            .map(|g| {
                let c = &g.skills[s];
                format!(
                    "Generation {}: {} of {} rated {} it ({} {} in all).",
                    g.generation,
                    c.has,
                    c.rated,
                    if c.has == 1 { "has" } else { "have" },
                    g.people,
                    if g.people == 1 { "person" } else { "people" }
                )
            })
            .collect(),
    ));

    // 2 and 3: chains.
    for kind in [ChainKind::Absent, ChainKind::Passed] {
        let mut chains: Vec<&super::Chain> = report
            .chains
            .iter()
            .filter(|c| c.skill.as_ref() == skill && c.kind == kind)
            .collect();
        // Longest first; the report keeps the file's order among equals.
        chains.sort_by_key(|c| std::cmp::Reverse(c.people.len()));
        let (heading, verb) = match kind {
            ChainKind::Absent => ("Where it was absent", "Absent"),
            ChainKind::Passed => ("Where it was passed on", "Passed on"),
        };
        blocks.push(Block::Sub(heading.into()));
        if chains.is_empty() {
            blocks.push(Block::Para(match kind {
                ChainKind::Absent => "No two generations in a row both lacked it.".into(),
                ChainKind::Passed => "Nobody who had it is known to have passed it on.".into(),
            }));
            continue;
        }
        blocks.push(Block::List(
            chains
                .iter()
                .take(MAX_ITEMS)
                .map(|c| chain_sentence(names, verb, c))
                .collect(),
        ));
        more(&mut blocks, chains.len());
    }

    // 4: cycle breakers.
    blocks.push(Block::Sub("Who broke the cycle".into()));
    let total = report
        .breakers
        .iter()
        .filter(|b| b.skill.as_ref() == skill)
        .count();
    let breakers: Vec<String> = report
        .breakers
        .iter()
        .filter(|b| b.skill.as_ref() == skill)
        .take(MAX_ITEMS)
        .map(|b| breaker_sentence(names, b))
        .collect();
    blocks.push(if breakers.is_empty() {
        Block::Para("Nobody learned it without someone at home who had it.".into())
    } else {
        Block::List(breakers)
    });
    more(&mut blocks, total);

    // 5: losses.
    blocks.push(Block::Sub("Where it was lost".into()));
    let total = report
        .losses
        .iter()
        .filter(|l| l.skill.as_ref() == skill)
        .count();
    let losses: Vec<String> = report
        .losses
        .iter()
        .filter(|l| l.skill.as_ref() == skill)
        .take(MAX_ITEMS)
        .map(|l| {
            format!(
                "{} had it; {} did not.",
                capitalise(&names.who(&l.from)),
                names.who(&l.to)
            )
        })
        .collect();
    blocks.push(if losses.is_empty() {
        Block::Para("It was never lost between someone who had it and a child they raised.".into())
    } else {
        Block::List(losses)
    });
    more(&mut blocks, total);

    // 6: the report person's lines.
    if report.person.is_some() {
        blocks.push(Block::Sub("Your family lines".into()));
        let lines: Vec<String> = report
            .lines
            .iter()
            .filter(|l| l.skill.as_ref() == skill)
            .map(|l| {
                let top = names.short(&l.people[0]);
                let mut parts = vec![match l.at_top {
                    Some(true) => format!("{top} had it"),
                    Some(false) => format!("{top} did not have it"),
                    None => format!("nobody knows whether {top} had it"),
                }];
                for e in &l.events {
                    let who = names.short(&e.person);
                    parts.push(match e.event {
                        LineEventKind::Entered => {
                            format!("it entered with {who} (generation {})", e.generation)
                        }
                        LineEventKind::Left => {
                            format!("it was lost with {who} (generation {})", e.generation)
                        }
                    });
                }
                let mut sentence = format!("{}: {}.", names.arrow(&l.people), parts.join("; "));
                if !l.rejoins.is_empty() {
                    let above: Vec<String> = l.rejoins.iter().map(|p| names.short(p)).collect();
                    sentence.push_str(&format!(
                        " Above {top}, this line joins another one ({}), counted once.",
                        and_list(&above)
                    ));
                }
                sentence
            })
            .collect();
        blocks.push(if lines.is_empty() {
            Block::Para("Nobody who raised you is in the file yet.".into())
        } else {
            Block::List(lines)
        });
    }
    Section {
        heading: capitalise(skill),
        blocks,
    }
}

/// The story in two sentences: the longest absence, and whether the report's person
/// broke the cycle ("Openness was absent for four generations on your father's side
/// (Stanisław → Walter → Richard → Michael). You learned it in group therapy in 2015;
/// your brother Michael did not.").
fn summary(report: &Report, names: &Names<'_>, skill: &str) -> Option<String> {
    let mut out = Vec::new();
    let longest = report
        .chains
        .iter()
        .filter(|c| c.skill.as_ref() == skill && c.kind == ChainKind::Absent && c.people.len() >= 3)
        .max_by_key(|c| (c.people.len(), std::cmp::Reverse(report.chains.len())));
    // max_by_key keeps the last of equals; the first in the report reads better.
    let longest = longest.and_then(|l| {
        report.chains.iter().find(|c| {
            c.skill.as_ref() == skill
                && c.kind == ChainKind::Absent
                && c.people.len() == l.people.len()
        })
    });
    if let Some(c) = longest {
        let side = names
            .side_of(&c.people)
            .map(|s| format!(" {s}"))
            .unwrap_or_default();
        out.push(format!(
            "{} was absent for {} generations{side} ({}).",
            capitalise(skill),
            number(c.people.len()),
            names.arrow(&c.people)
        ));
    }
    let me = report.person.as_deref()?;
    if let Some(b) = report
        .breakers
        .iter()
        .find(|b| b.skill.as_ref() == skill && &*b.person == me)
    {
        let mut s = match source_phrase(&b.source) {
            Some(w) => format!(
                "You learned it {w}{}",
                b.year.map(|y| format!(" in {y}")).unwrap_or_default()
            ),
            None => "You have it, though nobody who raised you did".to_string(),
        };
        if b.siblings_without.is_empty() {
            s.push('.');
        } else {
            let sibs: Vec<String> = b.siblings_without.iter().map(|p| names.who(p)).collect();
            s.push_str(&format!("; {} did not.", and_list(&sibs)));
        }
        out.push(s);
    }
    (!out.is_empty()).then(|| out.join(" "))
}

/// "Absent for four generations on your father's side: Stanisław → Walter → Richard."
fn chain_sentence(names: &Names<'_>, verb: &str, c: &super::Chain) -> String {
    let side = names
        .side_of(&c.people)
        .map(|s| format!(" {s}"))
        .unwrap_or_default();
    format!(
        "{verb} for {} generations{side}: {}.",
        number(c.people.len()),
        names.arrow(&c.people)
    )
}

/// "Your aunt Kathleen learned it in therapy in 1994; nobody who raised her had it. …"
fn breaker_sentence(names: &Names<'_>, b: &super::Breaker) -> String {
    let who = names.subject(&b.person);
    let mut sentence = match source_phrase(&b.source) {
        Some(w) => format!(
            "{} learned it {w}{}; nobody who raised {} had it.",
            capitalise(&who.noun),
            b.year.map(|y| format!(" in {y}")).unwrap_or_default(),
            who.obj
        ),
        None => format!(
            "{} {} it{}, although nobody who raised {} had it.",
            capitalise(&who.noun),
            who.has,
            b.year.map(|y| format!(" (since {y})")).unwrap_or_default(),
            who.obj
        ),
    };
    if !b.passed_to.is_empty() {
        let to: Vec<String> = b.passed_to.iter().map(|p| names.who(p)).collect();
        sentence.push_str(&format!(
            " {} passed it on to {}.",
            capitalise(who.pron),
            and_list(&to)
        ));
    }
    if !b.siblings_without.is_empty() {
        let sibs: Vec<String> = b.siblings_without.iter().map(|p| names.who(p)).collect();
        sentence.push_str(&format!(
            " {}, raised in the same home, did not.",
            capitalise(&and_list(&sibs))
        ));
    }
    sentence
}

/// The main findings of one skill, in plain words, for the end of an interview.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Findings {
    /// The skill.
    pub skill: super::Id,
    /// Where it was absent, longest first (at most three lines).
    pub absent: Vec<String>,
    /// Who broke the cycle (at most [`MAX_ITEMS`]).
    pub broke: Vec<String>,
}

/// The main findings of a report, skill by skill: where each skill was absent for
/// generations and who broke the cycle, in the report's own sentences.
pub fn findings(report: &Report) -> Vec<Findings> {
    let names = Names::new(report);
    report
        .skills
        .iter()
        .map(|skill| {
            let mut chains: Vec<&super::Chain> = report
                .chains
                .iter()
                .filter(|c| c.skill == *skill && c.kind == ChainKind::Absent)
                .collect();
            chains.sort_by_key(|c| std::cmp::Reverse(c.people.len()));
            Findings {
                skill: skill.clone(),
                absent: chains
                    .iter()
                    .take(3)
                    .map(|c| {
                        chain_sentence(&names, &format!("{} was absent", capitalise(skill)), c)
                    })
                    .collect(),
                broke: report
                    .breakers
                    .iter()
                    .filter(|b| b.skill == *skill)
                    .take(MAX_ITEMS)
                    .map(|b| breaker_sentence(&names, b))
                    .collect(),
            }
        })
        .collect()
}

fn patterns_section(report: &Report, names: &Names<'_>) -> Section {
    let items: Vec<String> = report
        .patterns
        .iter()
        .take(MAX_ITEMS)
        .map(|p| {
            let position = match p.position {
                Position::ParentChild => "between parent and child",
                Position::Partners => "between partners",
                Position::Siblings => "between siblings",
            };
            let pairs: Vec<String> = p
                .people
                .iter()
                .map(|[a, b]| format!("{} and {}", names.short(a), names.short(b)))
                .collect();
            format!(
                "{} {position}, {} generations in a row: {}.",
                kind_noun(&p.kind),
                number(p.people.len()),
                pairs.join(", then ")
            )
        })
        .collect();
    let mut blocks = vec![if items.is_empty() {
        Block::Para(
            "No relationship pattern repeats in consecutive generations of one line.".into(),
        )
    } else {
        Block::List(items)
    }];
    more(&mut blocks, report.patterns.len());
    Section {
        heading: "Patterns that repeat".into(),
        blocks,
    }
}

fn triangles_section(report: &Report, names: &Names<'_>) -> Section {
    use crate::model::RelKind as K;
    let items: Vec<String> = report
        .triangles
        .iter()
        .zip(&report.triangle_details)
        .take(MAX_ITEMS)
        .map(|([a, b, c], d)| {
            let pair = match d.negative {
                K::Conflict => "are in conflict",
                K::Hostile => "are hostile to each other",
                K::Distant => "are distant",
                K::Cutoff => "are cut off from each other",
                K::Neglect => "are in a relationship of neglect",
                K::PhysicalAbuse => "are in a relationship of physical abuse",
                K::EmotionalAbuse => "are in a relationship of emotional abuse",
                K::SexualAbuse => "are in a relationship of sexual abuse",
                _ => "are at odds",
            };
            let third = names.subject(c);
            let is = if third.myself { "are" } else { "is" };
            let drawn = match (d.drawing, d.from_third) {
                (K::Close, _) => format!("{is} close to"),
                (K::Fused, _) => format!("{is} fused with"),
                (K::FocusedOn, true) => format!("{is} focused on"),
                (K::FocusedOn, false) => format!("{is} the focus of"),
                (K::Caretaker, true) => {
                    format!("{} care of", if third.myself { "take" } else { "takes" })
                }
                (K::Caretaker, false) => format!("{is} taken care of by"),
                _ => format!("{is} drawn in with"),
            };
            format!(
                "{} and {} {pair}; {} {drawn} {}.",
                capitalise(&names.who(a)),
                names.who(b),
                third.noun,
                names.who(&d.with)
            )
        })
        .collect();
    let mut blocks = vec![if items.is_empty() {
        Block::Para("No triangle is recorded.".into())
    } else {
        Block::List(items)
    }];
    more(&mut blocks, report.triangles.len());
    Section {
        heading: "Triangles".into(),
        blocks,
    }
}

fn gaps_section(report: &Report, names: &Names<'_>) -> Section {
    let items: Vec<String> = report
        .gaps
        .iter()
        .take(MAX_ITEMS)
        .map(|g| {
            let name = names
                .by_id
                .get(&*g.person)
                .map_or(&*g.person, |p| p.name.as_str());
            let what = match g.missing {
                Missing::Skills => format!(
                    "{name}: {} not rated",
                    g.skill.as_deref().unwrap_or("a skill")
                ),
                Missing::Born => format!("{name}: no birth year"),
                Missing::Parents => format!("{name}: parents not in the file"),
                Missing::Relationship => format!("Your relationship with {name}: nothing recorded"),
            };
            format!("{what}. {}", g.question)
        })
        .collect();
    let mut blocks = vec![if items.is_empty() {
        Block::Para("Nothing is missing.".into())
    } else {
        Block::List(items)
    }];
    more(&mut blocks, report.gaps.len());
    Section {
        heading: "For the next session".into(),
        blocks,
    }
}

/// "Your openness: none (2016-09), some (2017-06), strong (2018, learned in group
/// therapy)", one line per person and skill with a `history`; no section without any.
fn progress_section(report: &Report, names: &Names<'_>) -> Option<Section> {
    let mut items = Vec::new();
    for p in &report.people {
        for e in p.skills.iter().filter(|e| !e.history.is_empty()) {
            let last = e.history.len() - 1;
            let steps: Vec<String> = e
                .history
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let mut when: Vec<String> = r.date.iter().cloned().collect();
                    if i == last
                        && let Some(place) = source_phrase(&e.source)
                    {
                        when.push(format!("learned {place}"));
                    }
                    if when.is_empty() {
                        r.level.to_string()
                    } else {
                        format!("{} ({})", r.level, when.join(", "))
                    }
                })
                .collect();
            let who = names.who(&p.id);
            let whose = if who == "you" {
                "Your".to_string()
            } else {
                format!("{}'s", capitalise(&who))
            };
            items.push(format!("{whose} {}: {}", e.skill, steps.join(", ")));
        }
    }
    if items.is_empty() {
        return None;
    }
    let total = items.len();
    items.truncate(MAX_ITEMS);
    let mut blocks = vec![
        Block::Para(
            "The ratings of each skill over time, oldest first, as the file records them.".into(),
        ),
        Block::List(items),
    ];
    more(&mut blocks, total);
    Some(Section {
        heading: "Progress".into(),
        blocks,
    })
}

/// How the report's text speaks of each person of `report.people`, in the same order:
/// "you", "your aunt Kathleen", or a name (for the timeline's sentences).
pub(crate) fn nouns(report: &Report) -> Vec<String> {
    let names = Names::new(report);
    report.people.iter().map(|p| names.who(&p.id)).collect()
}

/// What a relationship is called in a sentence: "A cutoff", "Conflict".
pub(crate) fn relationship_noun(kind: &str) -> String {
    kind_noun(kind)
}

/// Where a skill was learned, as a phrase after "learned it": "in group therapy".
pub(crate) fn learned_phrase(source: &str) -> Option<String> {
    source_phrase(source).map(|c| c.into_owned())
}
