//! What the booklet says about each member: the drawing, the main findings in plain words
//! (taken from the report's own sentences), and the questions for the next session.

use crate::analysis::{self, AnalysisOptions, Block, Report};
use crate::graph::FamilyGraph;
use crate::render::{Key, RenderOptions, Trace};

use super::Options;

/// Most questions a worksheet asks: a group session has time for a handful; the member's
/// own report has the rest.
pub const MAX_QUESTIONS: usize = 6;

/// One member's pages.
pub struct Member<'a> {
    /// "Member 3", or without `--anonymize` "Member 3: Anna Kowalski" (the client's name).
    pub heading: String,
    /// The genogram as a self-contained SVG document, without its key.
    pub svg: String,
    /// The family as given.
    graph: &'a FamilyGraph,
    /// The layout of the family.
    layout: crate::layout::Layout,
    /// How the genogram is drawn.
    render: RenderOptions,
    /// Per skill, the main findings.
    pub findings: Vec<Finding>,
    /// Relationship patterns that repeat across generations.
    pub patterns: Vec<String>,
    /// The open-ended questions for the next session.
    pub questions: Vec<String>,
    /// How many more questions the member's report has.
    pub more_questions: usize,
    /// The analysis, for the group page.
    pub report: Report,
}

/// The main findings about one skill in one family.
pub struct Finding {
    /// The skill.
    pub skill: String,
    /// The report's summary: where it was absent longest, and the member's own part.
    pub paragraphs: Vec<String>,
    /// Who broke the cycle, and where they learned it.
    pub breakers: Vec<String>,
}

impl Member<'_> {
    /// The compact key of the genogram laid out for `width` pixels: a self-contained SVG
    /// document and its size.
    pub fn key(&self, width: f64) -> (String, (f64, f64)) {
        crate::render::key_svg(self.graph, &self.layout, &self.render, width)
    }
}

/// The member `number` (1-based) with the family `graph`.
pub fn member<'a>(number: usize, graph: &'a FamilyGraph, opts: &Options) -> Member<'a> {
    let layout = crate::layout::layout(graph, &crate::layout::LayoutOptions::default());
    let anonymous = opts
        .anonymize
        .then(|| super::anonymous::view(graph, &layout));
    // Everything shown is drawn and analysed from the one view, so the worksheet's names
    // are the drawing's labels.
    let shown = anonymous.as_ref().unwrap_or(graph);
    let family = shown.family();
    let has_skill = |s: &str| family.skills.iter().any(|d| d.name.value == s);
    let skills: Vec<String> = match &opts.skill {
        Some(s) if has_skill(s) => vec![s.clone()],
        Some(_) => Vec::new(),
        None => family.skills.iter().map(|d| d.name.value.clone()).collect(),
    };
    let options = AnalysisOptions {
        // No skill the file declares: no findings, only the questions.
        skills: if skills.is_empty() {
            vec![String::new()]
        } else {
            skills.clone()
        },
        ..AnalysisOptions::default()
    };
    let report = analysis::analyse(shown, &options);
    // The anonymous view has no dates, so its report asks for every birth year; only the
    // questions the family's own report asks are kept. The view names each person by their
    // label, at the same index as in the family.
    let real_report = anonymous
        .as_ref()
        .map(|_| analysis::analyse(graph, &options));
    let asked: Option<Vec<_>> = real_report.as_ref().map(|r| {
        r.gaps
            .iter()
            .map(|g| {
                (
                    shown_id(graph, shown, &g.person),
                    g.missing,
                    g.skill.clone(),
                )
            })
            .collect()
    });
    let gaps: Vec<&analysis::Gap> = report
        .gaps
        .iter()
        .filter(|g| {
            asked.as_ref().is_none_or(|a| {
                a.iter().any(|(p, m, s)| {
                    p.as_deref() == Some(&*g.person) && *m == g.missing && *s == g.skill
                })
            })
        })
        .collect();
    // The drawing is made from the real family (the renderer makes it anonymous), so the
    // trace is the real family's.
    let trace = match (&opts.skill, skills.first()) {
        (Some(_), Some(s)) => Some(Trace::from_report(
            graph,
            real_report.as_ref().unwrap_or(&report),
            s,
        )),
        _ => None,
    };
    let render = RenderOptions {
        anonymize: opts.anonymize,
        trace,
        key: Key::Compact,
        ..RenderOptions::default()
    };
    // The key is placed apart from the drawing, at a size of its own ([`Member::key`]).
    let svg = crate::render::svg(
        graph,
        &layout,
        &RenderOptions {
            key: Key::None,
            ..render.clone()
        },
    );
    let heading = if opts.anonymize {
        format!("Member {number}")
    } else {
        let client = family
            .index
            .as_ref()
            .and_then(|i| graph.find(&i.value))
            .map(|p| clean(&graph.person(p).name));
        match client {
            Some(name) if !name.is_empty() => format!("Member {number}: {name}"),
            _ => format!("Member {number}"),
        }
    };
    let (findings, patterns) = findings(&report);
    let questions: Vec<String> = gaps
        .iter()
        .take(MAX_QUESTIONS)
        .map(|g| clean(&g.question))
        .collect();
    let more_questions = gaps.len().saturating_sub(questions.len());
    Member {
        heading,
        svg,
        graph,
        layout,
        render,
        findings,
        patterns,
        more_questions,
        questions,
        report,
    }
}

/// The id `shown` gives the person `graph` calls `id` (the same index in both).
fn shown_id(graph: &FamilyGraph, shown: &FamilyGraph, id: &str) -> Option<String> {
    graph.find(id).map(|p| shown.person(p).id.value.clone())
}

/// The user's text without control or direction characters, on one line.
pub fn clean(s: &str) -> String {
    crate::render::text::clean(s)
}

/// The findings per skill and the patterns, picked from the report's document: the
/// summary under each skill's heading and its "Who broke the cycle" list.
fn findings(report: &Report) -> (Vec<Finding>, Vec<String>) {
    let doc = analysis::document(report);
    let mut findings = Vec::new();
    let mut patterns = Vec::new();
    for (i, section) in doc.sections.iter().enumerate() {
        let Some(skill) = report.skills.get(i).filter(|s| !s.is_empty()) else {
            if section.heading == "Patterns that repeat" {
                for b in &section.blocks {
                    if let Block::List(items) = b {
                        patterns.extend(items.iter().map(|s| clean(s)));
                    }
                }
            }
            continue;
        };
        let description = report.descriptions.get(i).map(String::as_str);
        let mut paragraphs = Vec::new();
        let mut breakers = Vec::new();
        let mut nobody = None;
        let mut absent = None;
        let mut under: Option<&str> = None;
        for b in &section.blocks {
            match b {
                Block::Sub(h) => under = Some(h),
                // The description is on the opening page.
                Block::Para(p) if under.is_none() && !is_description(p, skill, description) => {
                    paragraphs.push(clean(p));
                }
                Block::List(items) if under == Some("Who broke the cycle") => {
                    breakers.extend(items.iter().map(|s| clean(s)));
                }
                // "Nobody learned it without someone at home who had it."
                Block::Para(p) if under == Some("Who broke the cycle") => {
                    nobody = Some(clean(p));
                }
                // The longest absence comes first; "No two generations in a row both
                // lacked it." when there is none.
                Block::List(items) if under == Some("Where it was absent") && absent.is_none() => {
                    absent = items.first().map(|s| clean(s));
                }
                Block::Para(p) if under == Some("Where it was absent") && absent.is_none() => {
                    absent = Some(clean(p));
                }
                _ => {}
            }
        }
        // The summary tells an absence of three generations or more; without one, the
        // longest absence is still what the family shows first.
        if paragraphs.is_empty() {
            paragraphs.extend(absent);
        }
        paragraphs.extend(nobody);
        let rated: usize = report
            .generations
            .iter()
            .filter_map(|g| g.skills.get(i))
            .map(|c| c.rated)
            .sum();
        if rated == 0 {
            // "Nobody learned it without someone at home who had it" would say too much.
            paragraphs = vec![format!("Nobody in the file is rated for {skill} yet.")];
            breakers.clear();
        }
        // The summary already tells the member's own part; the list would say it again.
        if paragraphs.iter().any(|p| p.contains("You learned it")) {
            breakers.retain(|b| !b.starts_with("You learned it"));
        }
        findings.push(Finding {
            skill: skill.to_string(),
            paragraphs,
            breakers,
        });
    }
    (findings, patterns)
}

/// Whether a paragraph is the skill's definition, which the report puts first.
fn is_description(p: &str, skill: &str, description: Option<&str>) -> bool {
    description.is_some_and(|d| !d.is_empty() && p.contains(d.trim_end_matches('.')))
        && p.to_lowercase()
            .starts_with(&format!("{}:", skill.to_lowercase()))
}
