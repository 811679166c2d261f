//! `genogram report`: loads a family, checks the options against it, prints the report.

use std::io::Write;
use std::path::Path;

use super::{ReportFormat, require_skill};
use crate::Error;
use crate::analysis::{self, AnalysisOptions, Threshold};
use crate::load::{closest, word_list};

/// Runs `genogram report` and returns the exit status.
pub(crate) fn run(
    file: &Path,
    format: ReportFormat,
    skills: &[String],
    threshold: &str,
    person: Option<&str>,
    as_of: Option<crate::model::PartialDate>,
    out: &mut impl Write,
) -> Result<u8, Error> {
    let (_, whole) = crate::load_file(file)?;
    let then = as_of.map(|date| crate::time::as_of(&whole, date));
    let graph = then.as_ref().unwrap_or(&whole);
    for s in skills {
        require_skill(graph, s)?;
    }
    let person = person
        .map(|id| {
            if let Some(date) = as_of
                && graph.find(id).is_none()
                && let Some(p) = whole.find(id)
            {
                let born = whole
                    .person(p)
                    .born
                    .as_ref()
                    .map_or(String::new(), |b| format!(" (born {})", b.value));
                return Err(Error::Usage(format!(
                    "`{id}`{born} was not yet part of the family in {date}; choose a later `--as-of` or another `--person`"
                )));
            }
            person_arg(graph, id, "a report")
        })
        .transpose()?;
    let options = AnalysisOptions {
        skills: skills.to_vec(),
        // clap accepts only the two words.
        threshold: Threshold::from_word(threshold).unwrap_or_default(),
        person,
    };
    let report = analysis::analyse(graph, &options);
    let text = match format {
        ReportFormat::Text => {
            // Line by line: the escape would otherwise make the line breaks visible.
            analysis::text::render(&report)
                .lines()
                .map(|l| crate::diag::escape_for_terminal(l) + "\n")
                .collect()
        }
        ReportFormat::Markdown => analysis::markdown::render(&report),
        ReportFormat::Json => {
            let mut s = analysis::json(&report);
            s.push('\n');
            s
        }
    };
    super::write_out(out, text.as_bytes())
}

/// The person `--person ID` names, refusing an unknown id (with the closest ones) or a
/// pregnancy or loss; `what` is what the command makes ("a report").
pub(crate) fn person_arg(
    graph: &crate::graph::FamilyGraph,
    id: &str,
    what: &str,
) -> Result<crate::graph::PersonIx, Error> {
    match graph.find(id) {
        Some(p) if graph.person(p).kind == crate::model::PersonKind::Person => Ok(p),
        Some(_) => Err(Error::Usage(format!(
            "`{id}` is a pregnancy or a loss; {what} is for a person: pass another `--person`"
        ))),
        None => {
            let ids: Vec<&str> = graph
                .family()
                .people
                .iter()
                .map(|p| p.id.value.as_str())
                .collect();
            let near = closest(id, ids.iter().copied(), 3);
            let hint = if near.is_empty() {
                "; check the ids under `people:` in the file".to_string()
            } else {
                format!("; did you mean {}?", word_list(&near))
            };
            Err(Error::Usage(format!("the file has no person `{id}`{hint}")))
        }
    }
}
