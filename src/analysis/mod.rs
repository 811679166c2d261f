//! How the skills of intimacy were passed down a family (docs/analysis.md).
//!
//! [`analyse`] takes a [`FamilyGraph`] and returns a [`Report`]: per person and skill the
//! level, status and source; per caregiver → child link the transmission; the chains of
//! absence and of transmission; cycle breakers and losses; the index person's ancestral
//! lines; per-generation counts; repeated relationship patterns; triangles; and the gaps
//! to ask about next session. The report is plain data: [`text`], [`markdown`] and
//! serde (JSON) only format it.
//!
//! Everything runs on the petgraph graph: caregiver edges are a filtered view of it
//! ([`caregiver_view`]), chains are found by dynamic programming over one topological
//! order (linear in the size of the family, whatever the intermarriage loops), and the
//! ancestral lines by one breadth-first search in which every ancestor is counted once.
//! Pregnancies and losses (`kind` other than `person`) are left out: they have no skills
//! and raised nobody.

mod bank;
mod chains;
mod counts;
mod gaps;
mod kinship;
mod lines;
pub mod markdown;
mod patterns;
mod prose;
mod questions;
mod questions_format;
pub mod text;
mod transmission;
mod triangles;
mod types;

pub use bank::LevelHints;
pub use kinship::Kin;
/// The report as a document of plain-word blocks, for the booklet's worksheets.
#[cfg(feature = "pdf")]
pub(crate) use prose::{Block, capitalise, document};
pub use prose::{Findings, findings};
pub(crate) use prose::{learned_phrase, nouns, relationship_noun};
pub use questions::{Question, QuestionKind, Questions, Relative, questions};
pub use questions_format::{questions_json, questions_markdown, questions_text};
pub use types::*;

use petgraph::stable_graph::{EdgeReference, StableDiGraph};
use petgraph::visit::EdgeFiltered;

use crate::graph::{Edge, FamilyGraph, Node, PersonIx};
use crate::model::{Level, PersonKind};

/// What to analyse.
#[derive(Clone, Debug, Default)]
pub struct AnalysisOptions {
    /// The skills to report, by name. Default: empty, meaning every skill the file
    /// declares. Names the file does not declare are ignored (the CLI refuses them first).
    pub skills: Vec<String>,
    /// When a level counts as having the skill. Default: [`Threshold::Some`].
    pub threshold: Threshold,
    /// The person the report is for (kinship words, ancestral lines, gaps). Default: the
    /// file's `index`.
    pub person: Option<PersonIx>,
}

/// When a person counts as having a skill.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Threshold {
    /// `some` or `strong`: the default.
    #[default]
    Some,
    /// `strong` only.
    Strong,
}

impl Threshold {
    /// Every threshold word, for the command line.
    pub const WORDS: &'static [&'static str] = &["some", "strong"];

    /// Whether `level` has the skill: `None` when the level is unknown.
    pub fn has(self, level: Level) -> Option<bool> {
        match (self, level) {
            (_, Level::Unknown) => None,
            (_, Level::None) => Some(false),
            (Threshold::Some, Level::Some) => Some(true),
            (Threshold::Strong, Level::Some) => Some(false),
            (_, Level::Strong) => Some(true),
        }
    }

    /// The word as typed on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Threshold::Some => "some",
            Threshold::Strong => "strong",
        }
    }

    /// Reads a threshold word.
    pub fn from_word(word: &str) -> Option<Self> {
        match word {
            "some" => Some(Threshold::Some),
            "strong" => Some(Threshold::Strong),
            _ => None,
        }
    }
}

/// The caregiver → child edges of the family graph, as a filtered view.
pub type CaregiverView<'g> =
    EdgeFiltered<&'g StableDiGraph<Node, Edge>, fn(EdgeReference<'_, Edge>) -> bool>;

/// The family graph seen through its caregiver edges only (docs/format.md, "Who raised whom").
pub fn caregiver_view(graph: &FamilyGraph) -> CaregiverView<'_> {
    fn is_caregiver(e: EdgeReference<'_, Edge>) -> bool {
        matches!(e.weight(), Edge::Caregiver)
    }
    EdgeFiltered(
        graph.graph(),
        is_caregiver as fn(EdgeReference<'_, Edge>) -> bool,
    )
}

/// What the analysis needs at hand while it works: the graph, the skills, who has them.
///
/// Who raised whom is not copied here: every step reads the graph's caregiver edges
/// ([`FamilyGraph::caregivers`], [`FamilyGraph::raised`]). A compact copy of them (kept
/// here until December 2026) made the search for chains cheaper, but building it cost as
/// much: the analysis of 100,000 people took 1,021 M instructions with it and 1,016 M
/// without (callgrind; BENCHMARKS.md, "One record of who raised whom").
pub(crate) struct Context<'g> {
    pub graph: &'g FamilyGraph,
    /// The skills analysed, in the file's order.
    pub skills: Vec<Id>,
    /// Every entry's id, by [`PersonIx`].
    pub ids: Vec<Id>,
    pub threshold: Threshold,
    /// `has[s][p]`: whether person `p` has skill `s` (`None`: unknown).
    pub has: Vec<Vec<Option<bool>>>,
    /// Whether each entry is a person (not a pregnancy or a loss).
    pub is_person: Vec<bool>,
    /// People, parents before children, by the caregiver edges.
    pub order: Vec<PersonIx>,
    /// The person the report is for.
    pub focus: Option<PersonIx>,
}

impl Context<'_> {
    /// The id of a person.
    pub fn id(&self, p: PersonIx) -> Id {
        self.ids[p.0].clone()
    }

    /// The caregivers of `p` in the order of `people` (not of `raised_by`): the
    /// breadth-first searches up the family take them in this order.
    pub fn carers_by_position(&self, p: PersonIx) -> Vec<PersonIx> {
        let mut carers: Vec<PersonIx> = self.graph.caregivers(p).collect();
        carers.sort_unstable();
        carers
    }

    /// The transmission of skill `s` from caregiver `from` to `to`.
    pub fn transmission(&self, s: usize, from: PersonIx, to: PersonIx) -> Transmission {
        Transmission::of(self.has[s][from.0], self.has[s][to.0])
    }
}

impl<'g> Context<'g> {
    /// Reads what the analysis needs from the graph once, for the given options.
    pub(crate) fn build(graph: &'g FamilyGraph, options: &AnalysisOptions) -> Self {
        let family = graph.family();
        let skills: Vec<Id> = family
            .skills
            .iter()
            .filter(|s| options.skills.is_empty() || options.skills.contains(&s.name.value))
            .map(|s| Id::from(s.name.value.as_str()))
            .collect();
        let ids: Vec<Id> = graph
            .people()
            .map(|p| Id::from(graph.person(p).id.value.as_str()))
            .collect();
        let is_person: Vec<bool> = graph
            .people()
            .map(|p| graph.person(p).kind == PersonKind::Person)
            .collect();
        // One pass over each person's ratings (a person rates at most a few skills).
        let mut has: Vec<Vec<Option<bool>>> = vec![vec![None; graph.person_count()]; skills.len()];
        for p in graph.people() {
            for rating in &graph.person(p).skills {
                if let Some(s) = skills.iter().position(|s| **s == *rating.skill.value) {
                    has[s][p.0] = options.threshold.has(rating.level);
                }
            }
        }
        let view = caregiver_view(graph);
        let order = transmission::topological_order(graph, &view);
        let focus = options
            .person
            .or_else(|| graph.index_person())
            .filter(|p| is_person[p.0]);
        Context {
            graph,
            skills,
            ids,
            threshold: options.threshold,
            has,
            is_person,
            order,
            focus,
        }
    }
}

/// Analyses a family; see the module documentation.
pub fn analyse(graph: &FamilyGraph, options: &AnalysisOptions) -> Report {
    let family = graph.family();
    let cx = Context::build(graph, options);

    let kin = kinship::relate(&cx);
    let people = transmission::people(&cx, &kin);
    let links = transmission::links(&cx);
    let mut chains = chains::find(&cx, ChainKind::Absent);
    chains.extend(chains::find(&cx, ChainKind::Passed));
    let breakers = transmission::breakers(&cx, &people);
    let losses = links
        .iter()
        .filter(|l| l.transmission == Transmission::NotPassed)
        .map(|l| Loss {
            skill: l.skill.clone(),
            from: l.from.clone(),
            to: l.to.clone(),
        })
        .collect();
    let lines = lines::trace(&cx);
    let generations = counts::per_generation(&cx);
    let patterns = patterns::find(&cx);
    let (triangles, triangle_details) = triangles::find(&cx);
    let gaps = gaps::find(&cx, &kin);
    Report {
        title: family.title.clone(),
        skills: cx.skills.clone(),
        descriptions: family
            .skills
            .iter()
            .filter(|d| cx.skills.iter().any(|s| **s == *d.name.value))
            .map(|d| d.description.clone())
            .collect(),
        threshold: cx.threshold,
        person: cx.focus.map(|p| cx.id(p)),
        people,
        links,
        chains,
        breakers,
        losses,
        lines,
        generations,
        patterns,
        triangles,
        triangle_details,
        gaps,
    }
}

/// The report as JSON (docs/analysis.md, "JSON"), pretty-printed: the same report gives
/// the same bytes, with people and skills in the file's order.
pub fn json(report: &Report) -> String {
    // Serialising plain structs with string keys into a String cannot fail.
    serde_json::to_string_pretty(report).expect("the report serialises to JSON")
}

#[cfg(test)]
pub(crate) mod tests;
