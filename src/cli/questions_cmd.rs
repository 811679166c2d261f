//! `genogram questions`: what a guided intake asks next.

use std::io::Write;
use std::path::Path;

use super::QuestionsFormat;
use super::report_cmd::person_arg;
use crate::Error;
use crate::analysis;

/// Runs `genogram questions` and returns the exit status.
pub(crate) fn run(
    file: &Path,
    format: QuestionsFormat,
    person: Option<&str>,
    out: &mut impl Write,
) -> Result<u8, Error> {
    let (_, graph) = crate::load_file(file)?;
    let client = person
        .map(|id| person_arg(&graph, id, "an interview"))
        .transpose()?;
    let questions = analysis::questions(&graph, client);
    let text = match format {
        // Line by line: the escape would otherwise make the line breaks visible.
        QuestionsFormat::Text => analysis::questions_text(&graph, &questions)
            .lines()
            .map(|l| crate::diag::escape_for_terminal(l) + "\n")
            .collect(),
        QuestionsFormat::Markdown => analysis::questions_markdown(&graph, &questions),
        QuestionsFormat::Json => analysis::questions_json(&questions) + "\n",
    };
    super::write_out(out, text.as_bytes())
}
