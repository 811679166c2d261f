//! What the page asks of the server, answered with the same library functions as
//! `genogram render` and `genogram report`: one family text in, the drawing, the report,
//! the questions for the next session and every problem with its line and column out.

use serde_json::{Value, json};

use crate::analysis::{self, AnalysisOptions};
use crate::diag::{Diagnostic, Severity};
use crate::render::{RenderOptions, Trace};

/// What to draw.
#[derive(Clone, Debug, Default)]
pub struct View {
    /// Overlay how this skill was passed down; ignored when the family has no such skill.
    pub trace: Option<String>,
    /// Replace names with neutral labels in the drawing.
    pub anonymize: bool,
}

/// A diagnostic as the page shows it: where, how serious, what, and how to fix it.
fn diagnostic(d: &Diagnostic) -> Value {
    json!({
        "line": d.span.start.line,
        "column": d.span.start.col,
        "severity": match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        "message": d.message,
        "help": d.help,
    })
}

/// Renders `text` (named `name` in messages) for the page.
///
/// The answer is a JSON object: `ok` (whether the family is valid), `diagnostics`
/// (`[{line, column, severity, message, help}]`, errors and warnings), and when `ok`:
/// `svg` (the drawing), `report` (the plain-text report), `gaps`
/// (`[{person, name, question}]`), `skills` (the family's skill names), `trace` (the
/// skill traced, or null), `questions` (the interview's, as `genogram questions --format
/// json` gives them, plus `missing` on `relative` ones) and `findings` (per skill, where
/// it was absent and who broke the cycle, in sentences).
pub fn render(name: &str, text: &str, view: &View) -> Value {
    let graph = match crate::load_str(name, text) {
        Ok(g) => g,
        Err(diags) => {
            return json!({
                "ok": false,
                "diagnostics": diags.iter().map(diagnostic).collect::<Vec<_>>(),
            });
        }
    };
    let skills: Vec<String> = graph
        .family()
        .skills
        .iter()
        .map(|s| s.name.value.clone())
        .collect();
    let report = analysis::analyse(&graph, &AnalysisOptions::default());
    let trace = view
        .trace
        .as_ref()
        .filter(|t| skills.contains(t))
        .map(|skill| {
            // The same report the command line traces from: that skill alone.
            let options = AnalysisOptions {
                skills: vec![skill.clone()],
                ..AnalysisOptions::default()
            };
            let one = analysis::analyse(&graph, &options);
            Trace::from_report(&graph, &one, skill)
        });
    let traced = trace.as_ref().and(view.trace.clone());
    let layout = crate::layout::layout(&graph, &crate::layout::LayoutOptions::default());
    let options = RenderOptions {
        anonymize: view.anonymize,
        trace,
        ..RenderOptions::default()
    };
    let svg = crate::render::svg(&graph, &layout, &options);
    let gaps: Vec<Value> = report
        .gaps
        .iter()
        .map(|g| {
            let name = graph
                .find(&g.person)
                .map(|p| graph.person(p).name.clone())
                .unwrap_or_default();
            json!({"person": &*g.person, "name": name, "question": g.question})
        })
        .collect();
    let warnings = crate::validate::warnings_of(&graph);
    json!({
        "ok": true,
        "diagnostics": warnings.iter().map(diagnostic).collect::<Vec<_>>(),
        "svg": svg,
        "report": analysis::text::render(&report),
        "gaps": gaps,
        "skills": skills,
        "trace": traced,
        "questions": interview(&graph),
        "findings": analysis::findings(&report),
    })
}

/// The interview's questions for the page: those of `genogram questions`, each `relative`
/// one with `missing` (`parents`, `siblings` or `partners`) so that the page can offer
/// the right way to add them.
fn interview(graph: &crate::graph::FamilyGraph) -> Vec<Value> {
    analysis::questions(graph, None)
        .questions
        .iter()
        .map(|q| {
            let mut v = serde_json::to_value(q).unwrap_or(Value::Null);
            if let (Some(m), Value::Object(o)) = (q.missing, &mut v) {
                o.insert("missing".into(), m.as_str().into());
            }
            v
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "people:\n  ana: {name: Ana Lima, sex: female, born: 1950}\n  ben: {sex: male, born: 1975}\ncouples:\n  - partners: [ana]\n    children: [ben]\n";

    #[test]
    fn a_good_family_gives_a_drawing_a_report_and_questions() {
        let v = render("family.yaml", GOOD, &View::default());
        assert_eq!(v["ok"], true);
        assert!(v["svg"].as_str().unwrap().contains("Ana Lima"));
        assert!(!v["report"].as_str().unwrap().is_empty());
        assert!(v["gaps"].as_array().is_some_and(|g| !g.is_empty()));
    }

    #[test]
    fn the_interview_gets_its_questions_and_the_findings() {
        let text = format!("index: ben\n{GOOD}");
        let v = render("family.yaml", &text, &View::default());
        let qs = v["questions"].as_array().expect("questions");
        assert_eq!(qs[0]["kind"], "rate");
        assert_eq!(qs[0]["people"], json!(["ben"]));
        assert!(qs[0].get("missing").is_none());
        let siblings = qs
            .iter()
            .find(|q| q["missing"] == "siblings")
            .expect("a question about brothers and sisters");
        assert_eq!(siblings["kind"], "relative");
        assert_eq!(siblings["people"], json!(["ben"]));
        assert!(
            qs.iter()
                .any(|q| q["missing"] == "parents" && q["people"] == json!(["ana"]))
        );
        let findings = v["findings"].as_array().expect("findings");
        assert_eq!(findings.len(), 3);
        assert_eq!(findings[0]["skill"], "openness");
        assert!(findings[0]["absent"].is_array() && findings[0]["broke"].is_array());
    }

    #[test]
    fn anonymize_hides_names_in_the_drawing() {
        let view = View {
            anonymize: true,
            ..View::default()
        };
        let v = render("family.yaml", GOOD, &view);
        assert!(!v["svg"].as_str().unwrap().contains("Ana Lima"));
    }

    #[test]
    fn a_broken_family_gives_problems_with_line_and_column() {
        let text = GOOD.replace("born: 1975", "born: 19x5");
        let v = render("family.yaml", &text, &View::default());
        assert_eq!(v["ok"], false);
        let d = &v["diagnostics"][0];
        assert_eq!(d["line"], 3);
        assert_eq!(d["severity"], "error");
        assert!(d["column"].as_u64().unwrap() > 1);
        assert!(v.get("svg").is_none());
    }
}
