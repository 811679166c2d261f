//! The report: plain data, serialised as the JSON of docs/analysis.md ("JSON").

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::{Kin, Threshold};

/// An id of a person or a skill, shared rather than copied: a report of a large family
/// repeats each id many times.
pub type Id = std::sync::Arc<str>;
use crate::model::Level;

/// Per caregiver → child link and skill: what happened to the skill (docs/analysis.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Transmission {
    /// The caregiver has it and so does the child.
    Passed,
    /// The caregiver has it; the child lacks it.
    NotPassed,
    /// The caregiver lacks it; the child has it.
    Gained,
    /// Both lack it.
    Absent,
    /// Either level is unknown.
    Unknown,
}

impl Transmission {
    /// The transmission between a caregiver and a child who have (`Some(true)`), lack
    /// (`Some(false)`) or may have (`None`) the skill.
    pub fn of(caregiver: Option<bool>, child: Option<bool>) -> Self {
        match (caregiver, child) {
            (Some(true), Some(true)) => Transmission::Passed,
            (Some(true), Some(false)) => Transmission::NotPassed,
            (Some(false), Some(true)) => Transmission::Gained,
            (Some(false), Some(false)) => Transmission::Absent,
            _ => Transmission::Unknown,
        }
    }

    /// The word of the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            Transmission::Passed => "passed",
            Transmission::NotPassed => "not-passed",
            Transmission::Gained => "gained",
            Transmission::Absent => "absent",
            Transmission::Unknown => "unknown",
        }
    }
}

/// Per person and skill: how the person's level relates to their caregivers' (docs/analysis.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Has it; at least one caregiver has it.
    PassedDown,
    /// Has it; every caregiver whose level is known lacks it (at least one known).
    BrokeCycle,
    /// Lacks it; at least one caregiver has it.
    Lost,
    /// Lacks it; every caregiver whose level is known lacks it (at least one known).
    Continued,
    /// Nobody in the file raised this person.
    NoCaregivers,
    /// The person's own level is unknown, or every caregiver's is.
    Unknown,
}

impl Status {
    /// The status of a person who has (`Some(true)`), lacks or may have the skill, given
    /// their caregivers', checked in the contract's order of precedence.
    pub fn of(own: Option<bool>, caregivers: &[Option<bool>]) -> Self {
        Status::of_levels(own, caregivers.iter().copied())
    }

    /// [`Status::of`] with the caregivers' levels as they come (read from the graph's
    /// caregiver edges), without collecting them first.
    pub fn of_levels(
        own: Option<bool>,
        caregivers: impl IntoIterator<Item = Option<bool>>,
    ) -> Self {
        let (mut any, mut any_has, mut any_known) = (false, false, false);
        for level in caregivers {
            any = true;
            any_has |= level == Some(true);
            any_known |= level.is_some();
        }
        match own {
            Some(true) if any_has => Status::PassedDown,
            Some(true) if any_known => Status::BrokeCycle,
            Some(false) if any_has => Status::Lost,
            Some(false) if any_known => Status::Continued,
            _ if !any => Status::NoCaregivers,
            _ => Status::Unknown,
        }
    }

    /// The word of the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::PassedDown => "passed-down",
            Status::BrokeCycle => "broke-cycle",
            Status::Lost => "lost",
            Status::Continued => "continued",
            Status::NoCaregivers => "no-caregivers",
            Status::Unknown => "unknown",
        }
    }
}

/// The whole report; `serde_json::to_string` gives the JSON of docs/analysis.md.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// The file's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The skills analysed, in the file's order.
    pub skills: Vec<Id>,
    /// What each skill means, in the order of `skills`.
    #[serde(skip)]
    pub descriptions: Vec<String>,
    /// When a level counts as having a skill.
    pub threshold: Threshold,
    /// The person the report is for (the index, or `--person`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<Id>,
    /// Every person (pregnancies and losses left out), in file order; a mapping by id.
    #[serde(serialize_with = "people_map")]
    pub people: Vec<PersonEntry>,
    /// Every caregiver → child link, per skill.
    pub links: Vec<LinkEntry>,
    /// Chains of absence, then chains of transmission.
    pub chains: Vec<Chain>,
    /// Cycle breakers.
    pub breakers: Vec<Breaker>,
    /// Every `not-passed` link.
    pub losses: Vec<Loss>,
    /// The ancestral lines of the person the report is for, per skill.
    pub lines: Vec<Line>,
    /// Per generation, how many have each skill of how many rated.
    pub generations: Vec<GenerationCount>,
    /// Repeated relationship patterns.
    pub patterns: Vec<Pattern>,
    /// Triangles: the negative pair first, then the third person.
    pub triangles: Vec<[Id; 3]>,
    /// For each triangle, in the same order: how it is made.
    #[serde(skip)]
    pub triangle_details: Vec<TriangleDetail>,
    /// What to ask about next session.
    pub gaps: Vec<Gap>,
}

fn people_map<S: Serializer>(people: &[PersonEntry], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(people.len()))?;
    for p in people {
        map.serialize_entry(&p.id, p)?;
    }
    map.end()
}

fn skills_map<S: Serializer>(skills: &[SkillEntry], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(skills.len()))?;
    for k in skills {
        map.serialize_entry(&k.skill, k)?;
    }
    map.end()
}

/// How the text formats talk about someone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gendered {
    /// Words like "father", "he".
    Male,
    /// Words like "mother", "she".
    Female,
    /// Words like "parent", "they".
    Neutral,
}

/// One person of the report.
#[derive(Clone, Debug, Serialize)]
pub struct PersonEntry {
    /// The id (the key of the JSON mapping).
    #[serde(skip)]
    pub id: Id,
    /// `name`.
    pub name: String,
    /// Which words the text formats use.
    #[serde(skip)]
    pub gendered: Gendered,
    /// How this person is related to the person the report is for.
    #[serde(skip)]
    pub kin: Option<Kin>,
    /// Whether the person is known to have died.
    #[serde(skip)]
    pub deceased: bool,
    /// The generation (1 = the oldest).
    pub generation: u32,
    /// The year of birth, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub born: Option<i32>,
    /// The ids of the people who raised this person.
    pub caregivers: Vec<Id>,
    /// Per skill, in the order of the report's `skills`; a mapping by skill.
    #[serde(serialize_with = "skills_map")]
    pub skills: Vec<SkillEntry>,
}

/// One person's skill.
#[derive(Clone, Debug, Serialize)]
pub struct SkillEntry {
    /// The skill (the key of the JSON mapping).
    #[serde(skip)]
    pub skill: Id,
    /// The level as rated.
    pub level: Level,
    /// How it relates to the caregivers' levels.
    pub status: Status,
    /// `learned`, or `unspecified`.
    pub source: Id,
    /// The year of `since`, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<i32>,
    /// For a skill with a `history`: every rating in date order, ending with the current
    /// one. Empty (and left out of the JSON) otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Rated>,
}

/// One rating of a skill's progress.
#[derive(Clone, Debug, Serialize)]
pub struct Rated {
    /// When, as written in the file (`2016-09`); the current rating's `since`, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The level then.
    pub level: Level,
    /// Who rated, when the file says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// One caregiver → child link for one skill.
#[derive(Clone, Debug, Serialize)]
pub struct LinkEntry {
    /// The caregiver.
    pub from: Id,
    /// The child.
    pub to: Id,
    /// The skill.
    pub skill: Id,
    /// What happened to it.
    pub transmission: Transmission,
}

/// What a chain follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChainKind {
    /// Every link `absent`.
    Absent,
    /// Every link `passed`.
    Passed,
}

/// A longest caregiver → child path with the same transmission on every link.
#[derive(Clone, Debug, Serialize)]
pub struct Chain {
    /// The skill.
    pub skill: Id,
    /// `absent` or `passed`.
    pub kind: ChainKind,
    /// Oldest first.
    pub people: Vec<Id>,
}

/// A person with status `broke-cycle`.
#[derive(Clone, Debug, Serialize)]
pub struct Breaker {
    /// The skill.
    pub skill: Id,
    /// Who.
    pub person: Id,
    /// Where they learned it (`learned`, or `unspecified`).
    pub source: Id,
    /// The year they learned it (`since`), if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The people they raised who have the skill (`passed` links).
    pub passed_to: Vec<Id>,
    /// The people raised alongside them who lack it.
    pub siblings_without: Vec<Id>,
}

/// A `not-passed` link: the caregiver had the skill, the child does not.
#[derive(Clone, Debug, Serialize)]
pub struct Loss {
    /// The skill.
    pub skill: Id,
    /// The caregiver.
    pub from: Id,
    /// The child.
    pub to: Id,
}

/// What happened to a skill at one person of an ancestral line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LineEventKind {
    /// The skill entered the line: the person broke the cycle.
    Entered,
    /// The skill left the line: the person lost it.
    Left,
}

/// A change along an ancestral line.
#[derive(Clone, Debug, Serialize)]
pub struct LineEvent {
    /// Who.
    pub person: Id,
    /// Their generation.
    pub generation: u32,
    /// `entered` or `left`.
    pub event: LineEventKind,
}

/// One ancestral line of the person the report is for, for one skill.
#[derive(Clone, Debug, Serialize)]
pub struct Line {
    /// The skill.
    pub skill: Id,
    /// The caregiver of the person through whom the line runs.
    pub side: Id,
    /// From the oldest ancestor of the line down to the person; each ancestor is on one
    /// line only, so lines that rejoin stop where they meet.
    pub people: Vec<Id>,
    /// Caregivers of the line's oldest person already on another line (where lines rejoin).
    pub rejoins: Vec<Id>,
    /// Whether the oldest person of the line has the skill (`null`: unknown).
    pub at_top: Option<bool>,
    /// Where the skill entered or left, oldest first.
    pub events: Vec<LineEvent>,
}

/// One skill's count in one generation.
#[derive(Clone, Debug, Serialize)]
pub struct SkillCount {
    /// The skill.
    #[serde(skip)]
    pub skill: Id,
    /// How many have it.
    pub has: usize,
    /// How many are rated (level known).
    pub rated: usize,
}

/// One generation's counts.
#[derive(Clone, Debug, Serialize)]
pub struct GenerationCount {
    /// The generation.
    pub generation: u32,
    /// How many people it has.
    pub people: usize,
    /// Per skill; a mapping by skill.
    #[serde(serialize_with = "counts_map")]
    pub skills: Vec<SkillCount>,
}

fn counts_map<S: Serializer>(counts: &[SkillCount], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(counts.len()))?;
    for c in counts {
        map.serialize_entry(&c.skill, c)?;
    }
    map.end()
}

/// Where in the family a pattern repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Position {
    /// Between a caregiver and the child they raised.
    ParentChild,
    /// Between partners.
    Partners,
    /// Between people raised by the same caregiver.
    Siblings,
}

/// The same relationship in the same position in consecutive generations of one line.
#[derive(Clone, Debug, Serialize)]
pub struct Pattern {
    /// A relationship kind (`cutoff` includes `cutoff-repaired`), or `divorce`.
    pub kind: String,
    /// Where.
    pub position: Position,
    /// The pairs, oldest generation first; parent-child pairs are (parent, child).
    pub people: Vec<[Id; 2]>,
}

/// What a gap is missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Missing {
    /// A skill is not rated.
    Skills,
    /// No birth date.
    Born,
    /// The person's parents (the report person's grandparents) are not in the file.
    Parents,
    /// A relationship of the report person has no recorded quality.
    Relationship,
}

/// Something to ask about next session.
#[derive(Clone, Debug, Serialize)]
pub struct Gap {
    /// Whom it is about.
    pub person: Id,
    /// What is missing.
    pub missing: Missing,
    /// The unrated skill, for `skills`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skill: Option<Id>,
    /// An open-ended question to ask.
    pub question: String,
}

/// How a triangle is made, for the text formats.
#[derive(Clone, Debug)]
pub struct TriangleDetail {
    /// The negative pair's relationship kind.
    pub negative: crate::model::RelKind,
    /// The drawing-in relationship's kind.
    pub drawing: crate::model::RelKind,
    /// The member of the pair the third person is drawn to.
    pub with: Id,
    /// Whether the drawing-in relationship goes from the third person (for directed kinds).
    pub from_third: bool,
}
