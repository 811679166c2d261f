//! The interview's questions as plain text, Markdown and JSON (`genogram questions`).

use super::markdown::escape;
use super::questions::{Question, QuestionKind, Questions, Relative};
use super::text::wrap;
use crate::graph::FamilyGraph;

/// The questions as JSON: `{"questions": [{kind, people, skill, question, levels}]}`,
/// pretty-printed; `skill` and `levels` only for `rate` questions.
pub fn questions_json(questions: &Questions) -> String {
    // Plain structs with string keys always serialise.
    serde_json::to_string_pretty(questions).expect("the questions serialise to JSON")
}

/// The questions as plain text, wrapped for a terminal.
pub fn questions_text(graph: &FamilyGraph, questions: &Questions) -> String {
    let mut out = String::new();
    out.push_str(&heading(graph, questions));
    out.push('\n');
    for (n, q) in questions.questions.iter().enumerate() {
        out.push('\n');
        let number = format!("{}. ", n + 1);
        let indent = " ".repeat(number.len());
        wrap(&mut out, &q.question, &number, &indent);
        wrap(&mut out, &about(graph, q), &indent, &indent);
        if let Some(levels) = &q.levels {
            let deeper = format!("{indent}          ");
            for (word, hint) in [
                ("none:   ", levels.none),
                ("some:   ", levels.some),
                ("strong: ", levels.strong),
            ] {
                wrap(&mut out, hint, &format!("{indent}  {word}"), &deeper);
            }
        }
    }
    if let Some(note) = no_client_note(questions) {
        out.push('\n');
        wrap(&mut out, note, "", "");
    }
    out
}

/// The questions as Markdown: a numbered list, to print for the next session.
pub fn questions_markdown(graph: &FamilyGraph, questions: &Questions) -> String {
    let mut out = format!("# {}\n", escape(&heading(graph, questions)));
    for (n, q) in questions.questions.iter().enumerate() {
        let number = format!("{}. ", n + 1);
        let indent = " ".repeat(number.len());
        out.push_str(&format!(
            "\n{number}**{}**  \n{indent}{}\n",
            escape(&q.question),
            escape(&about(graph, q))
        ));
        if let Some(levels) = &q.levels {
            out.push('\n');
            for (word, hint) in [
                ("none", levels.none),
                ("some", levels.some),
                ("strong", levels.strong),
            ] {
                out.push_str(&format!("{indent}- *{word}*: {}\n", escape(hint)));
            }
        }
    }
    if let Some(note) = no_client_note(questions) {
        out.push_str(&format!("\n{}\n", escape(note)));
    }
    out
}

fn heading(graph: &FamilyGraph, questions: &Questions) -> String {
    let n = questions.questions.len();
    let client = questions
        .client
        .as_ref()
        .and_then(|id| graph.find(id))
        .map(|p| graph.person(p).name.as_str());
    match (n, client) {
        (0, _) => "Nothing left to ask: every close relative is in the file and everyone is rated on every skill.".to_string(),
        (_, Some(name)) => format!(
            "{n} question{} for the interview with {name}",
            if n == 1 { "" } else { "s" }
        ),
        (_, None) => format!("{n} question{} for the interview", if n == 1 { "" } else { "s" }),
    }
}

fn no_client_note(questions: &Questions) -> Option<&'static str> {
    (questions.client.is_none() && !questions.questions.is_empty()).then_some(
        "The file names no client, so the questions name people in full and none asks about missing relatives: add `index: ID` to the file, or pass --person ID.",
    )
}

/// "About Linda Kowalski (linda), openness." or what is missing.
fn about(graph: &FamilyGraph, q: &Question) -> String {
    let person = q
        .people
        .first()
        .map_or_else(String::new, |id| match graph.find(id) {
            Some(p) => format!("{} ({id})", graph.person(p).name),
            None => id.to_string(),
        });
    match (q.kind, q.missing, &q.skill) {
        (QuestionKind::Rate, _, Some(skill)) => format!("About {person}: {skill}."),
        (_, Some(Relative::Parents), _) => {
            format!("Not in the file yet: the parents of {person}.")
        }
        (_, Some(Relative::Siblings), _) => {
            format!("Not in the file yet: brothers and sisters of {person}.")
        }
        (_, Some(Relative::Partners), _) => {
            format!("Not in the file yet: partners of {person}.")
        }
        _ => format!("About {person}."),
    }
}
