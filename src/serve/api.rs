//! What the page asks of the server, answered with the same library functions as
//! `genogram render` and `genogram report`: one family text in, the drawing, the report,
//! the questions for the next session and every problem with its line and column out.

use serde_json::{Value, json};

use crate::analysis::{self, AnalysisOptions};
use crate::diag::{Diagnostic, Severity};
use crate::graph::FamilyGraph;
use crate::model::ValidFamily;
use crate::render::{RenderOptions, Trace};

/// What to draw.
#[derive(Clone, Debug, Default)]
pub struct View {
    /// Overlay how this skill was passed down; ignored when the family has no such skill.
    pub trace: Option<String>,
    /// Replace names with neutral labels in the drawing.
    pub anonymize: bool,
    /// Privacy mode for a shared screen: the drawing anonymised, and the report and the
    /// questions written with the same neutral labels instead of names, without the
    /// title or any free text.
    pub privacy: bool,
    /// Draw and report the family as it was at this date ([`crate::time::as_of`]); the
    /// questions for the next session stay those of the family now.
    pub as_of: Option<crate::model::PartialDate>,
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
/// The answer is a JSON object: `ok` (whether the family is valid), `file` (`name`),
/// `diagnostics` (`[{line, column, severity, message, help}]`, errors and warnings), and
/// when `ok`: `svg` (the drawing), `report` (the plain-text report), `gaps`
/// (`[{person, name, question}]`), `skills` (the family's skill names), `trace` (the
/// skill traced, or null), `title` (the family's title, or null), `family` (the family
/// as JSON in the file's own structure: what the forms edit), `entries` (`{id: line}`,
/// where each person's entry starts in the file), `symbols` (`{id: element id}`, each
/// person's group in the drawing, `person-II-3` when it is anonymised), `questions` (the
/// interview's, as `genogram questions --format json` gives them, plus `missing` on
/// `relative` ones) and `findings` (per skill, where it was absent and who broke the
/// cycle, in sentences).
///
/// With [`View::privacy`] the report, the questions and `title` carry no names (see
/// [`with_dates`]); `family` and `entries` are still sent, for the page to keep working
/// with, and the page shows none of it while privacy mode is on.
pub fn render(name: &str, text: &str, view: &View) -> Value {
    let whole = match crate::load_str(name, text) {
        Ok(g) => g,
        Err(diags) => {
            return json!({
                "ok": false,
                "file": name,
                "diagnostics": diags.iter().map(diagnostic).collect::<Vec<_>>(),
            });
        }
    };
    let years = crate::time::year_span(whole.family());
    let then = view.as_of.map(|date| crate::time::as_of(&whole, date));
    let graph = then.as_ref().unwrap_or(&whole);
    let layout = crate::layout::layout(graph, &crate::layout::LayoutOptions::default());
    let entries: serde_json::Map<String, Value> = graph
        .people()
        .map(|p| {
            let id = &graph.person(p).id;
            (id.value.clone(), json!(id.span.start.line))
        })
        .collect();
    // The id of each person's group in the drawing, as the renderer writes it: the
    // page finds who was clicked through this, also in an anonymised drawing.
    let anonymize = view.anonymize || view.privacy;
    let view_graph = anonymize.then(|| crate::render::anonymous_view(graph, &layout, None).graph);
    let symbols: serde_json::Map<String, Value> = graph
        .people()
        .map(|p| {
            let id = &graph.person(p).id.value;
            let shown = view_graph.as_ref().map_or(id, |v| &v.person(p).id.value);
            (id.clone(), json!(crate::render::ids::person_id(shown)))
        })
        .collect();
    let family = family_json(text);
    let title = graph.family().title.clone();
    let private;
    let (graph, title) = if view.privacy {
        private = with_dates(view_graph.as_ref().unwrap_or(graph), graph);
        (&private, None)
    } else {
        (graph, title)
    };
    let skills: Vec<String> = graph
        .family()
        .skills
        .iter()
        .map(|s| s.name.value.clone())
        .collect();
    let report = analysis::analyse(graph, &AnalysisOptions::default());
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
            let one = analysis::analyse(graph, &options);
            Trace::from_report(graph, &one, skill)
        });
    let traced = trace.as_ref().and(view.trace.clone());
    let options = RenderOptions {
        anonymize,
        trace,
        ..RenderOptions::default()
    };
    let svg = crate::render::svg(graph, &layout, &options);
    // The questions for the next session are about the family now, also while the
    // drawing and the report show it at an earlier date (with the neutral labels in
    // privacy mode).
    let private_now = (then.is_some() && view.privacy).then(|| {
        let layout = crate::layout::layout(&whole, &crate::layout::LayoutOptions::default());
        with_dates(
            &crate::render::anonymous_view(&whole, &layout, None).graph,
            &whole,
        )
    });
    let now: &FamilyGraph = match (&then, &private_now) {
        (None, _) => graph,
        (Some(_), Some(private)) => private,
        (Some(_), None) => &whole,
    };
    let report_now = then
        .is_some()
        .then(|| analysis::analyse(now, &AnalysisOptions::default()));
    let gaps: Vec<Value> = report_now
        .as_ref()
        .unwrap_or(&report)
        .gaps
        .iter()
        .map(|g| {
            let name = now
                .find(&g.person)
                .map(|p| now.person(p).name.clone())
                .unwrap_or_default();
            json!({"person": &*g.person, "name": name, "question": g.question})
        })
        .collect();
    let warnings = crate::validate::warnings_of(graph);
    json!({
        "ok": true,
        "file": name,
        "title": title,
        "family": family,
        "entries": entries,
        "symbols": symbols,
        "diagnostics": warnings.iter().map(diagnostic).collect::<Vec<_>>(),
        "svg": svg,
        "report": analysis::text::render(&report),
        "gaps": gaps,
        "skills": skills,
        "trace": traced,
        "questions": interview(now),
        "years": years.map(|(first, last)| json!([first, last])),
        "as_of": view.as_of.map(|d| d.to_string()),
        "findings": analysis::findings(&report),
    })
}

/// The interview's questions for the page: those of `genogram questions`, each `relative`
/// one with `missing` (`parents`, `siblings` or `partners`) so that the page can offer
/// the right way to add them.
fn interview(graph: &FamilyGraph) -> Vec<Value> {
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

/// The anonymous view of a family (the one the anonymised drawing is made from: people
/// named and known by their `II-3` labels, no title, free text or dates) with the real
/// family's birth and death dates and the years skills were learned put back, for the
/// report and the questions beside that drawing: without them every person would be
/// asked about as born at an unknown time, and the order of siblings and who learned
/// what when would be lost. Years say little about who a family is; names do.
fn with_dates(view: &FamilyGraph, real: &FamilyGraph) -> FamilyGraph {
    let mut family = view.family().clone();
    for (shown, person) in family.people.iter_mut().zip(&real.family().people) {
        shown.born.clone_from(&person.born);
        shown.died.clone_from(&person.died);
        for (rating, real_rating) in shown.skills.iter_mut().zip(&person.skills) {
            rating.since.clone_from(&real_rating.since);
        }
    }
    // The view has the structure of the valid family it was made from; dates back in
    // their places keep it so.
    FamilyGraph::build(ValidFamily::new_unchecked(family))
}

/// The family file as JSON in its own structure (the page's forms read it). Mapping keys
/// that YAML reads as numbers or booleans (an id `1990:`) become their text; the text has
/// loaded already, so it parses.
fn family_json(text: &str) -> Value {
    serde_yaml::from_str::<serde_yaml::Value>(text).map_or(Value::Null, |v| yaml_to_json(&v))
}

/// A YAML value as JSON.
fn yaml_to_json(v: &serde_yaml::Value) -> Value {
    use serde_yaml::Value as Y;
    match v {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(*b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                json!(i)
            } else if let Some(u) = n.as_u64() {
                json!(u)
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map_or(Value::Null, Value::Number)
            }
        }
        Y::String(s) => Value::String(s.clone()),
        Y::Sequence(items) => Value::Array(items.iter().map(yaml_to_json).collect()),
        Y::Mapping(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (key_text(k), yaml_to_json(v)))
                .collect(),
        ),
        Y::Tagged(t) => yaml_to_json(&t.value),
    }
}

/// A mapping key as text.
fn key_text(k: &serde_yaml::Value) -> String {
    use serde_yaml::Value as Y;
    match k {
        Y::String(s) => s.clone(),
        Y::Bool(b) => b.to_string(),
        Y::Number(n) => n.to_string(),
        Y::Null => String::new(),
        Y::Tagged(t) => key_text(&t.value),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
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
    fn as_of_draws_the_family_then_and_asks_about_it_now() {
        let now = render("family.yaml", GOOD, &View::default());
        assert_eq!(now["years"], json!([1950, 1975]));
        assert_eq!(now["as_of"], Value::Null);
        for privacy in [false, true] {
            let view = View {
                as_of: Some(crate::model::PartialDate::year(1960)),
                privacy,
                ..View::default()
            };
            let v = render("family.yaml", GOOD, &view);
            assert_eq!(v["as_of"], "1960");
            assert_eq!(v["years"], json!([1950, 1975]));
            let svg = v["svg"].as_str().unwrap();
            assert_eq!(svg.matches("class=\"person ").count(), 1, "ben is not born");
            assert!(!v["report"].as_str().unwrap().contains("ben"));
            let asked = |r: &Value| r["questions"].as_array().map_or(0, Vec::len);
            let now = render(
                "family.yaml",
                GOOD,
                &View {
                    privacy,
                    ..View::default()
                },
            );
            assert_eq!(asked(&v), asked(&now), "the questions are about now");
            assert_eq!(v["gaps"], now["gaps"], "so are those beside the report");
        }
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
    fn a_good_family_comes_back_as_json_with_where_each_person_starts() {
        let text = format!("title: The Limas\n# a comment\n{GOOD}");
        let v = render("lima.yaml", &text, &View::default());
        assert_eq!(v["file"], "lima.yaml");
        assert_eq!(v["title"], "The Limas");
        assert_eq!(v["family"]["people"]["ana"]["name"], "Ana Lima");
        assert_eq!(v["family"]["people"]["ben"]["born"], 1975);
        assert_eq!(v["family"]["couples"][0]["children"][0], "ben");
        assert_eq!(v["entries"]["ana"], 4);
        assert_eq!(v["entries"]["ben"], 5);
        let svg = v["svg"].as_str().unwrap();
        for id in ["ana", "ben"] {
            let symbol = v["symbols"][id].as_str().unwrap();
            assert!(svg.contains(&format!("id=\"{symbol}\"")), "{symbol}");
        }
        let anonymised = render(
            "lima.yaml",
            &text,
            &View {
                anonymize: true,
                ..View::default()
            },
        );
        assert_eq!(anonymised["symbols"]["ana"], "person-I-1");
        assert!(
            anonymised["svg"]
                .as_str()
                .unwrap()
                .contains("id=\"person-I-1\"")
        );
    }

    #[test]
    fn ids_yaml_reads_as_numbers_stay_keys() {
        let text = "people:\n  1990: {name: Ana Lima, sex: female}\n";
        let v = render("family.yaml", text, &View::default());
        assert_eq!(v["ok"], true);
        assert_eq!(v["family"]["people"]["1990"]["name"], "Ana Lima");
        assert_eq!(v["entries"]["1990"], 2);
    }

    #[test]
    fn privacy_takes_names_out_of_the_report_the_questions_and_the_title() {
        let text = format!(
            "title: The Limas\n{}",
            GOOD.replace(
                "born: 1975}",
                "born: 1975, occupation: Secret Baker, notes: Private Words}"
            )
        );
        let open = render("family.yaml", &text, &View::default());
        assert!(open["report"].as_str().unwrap().contains("Ana"));
        let view = View {
            privacy: true,
            ..View::default()
        };
        let v = render("family.yaml", &text, &view);
        assert_eq!(v["ok"], true);
        assert_eq!(v["title"], Value::Null);
        let everything = format!("{}{}{}", v["svg"], v["report"], v["gaps"]);
        for secret in ["Ana", "Lima", "Limas", "Secret Baker", "Private Words"] {
            assert!(
                !everything.contains(secret),
                "{secret} is shown in privacy mode"
            );
        }
        assert!(v["report"].as_str().unwrap().contains("I-1"));
        let names: Vec<&str> = v["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["name"].as_str().unwrap())
            .collect();
        assert!(names.iter().all(|n| n.contains('-')), "{names:?}");
    }
}
