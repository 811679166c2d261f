//! `genogram render`: load, lay out, draw, and write the SVG to a file or stdout.

use std::io::Write;
use std::path::PathBuf;

use super::{PageArg, write_out};
use crate::Error;
use crate::analysis::{self, AnalysisOptions};
use crate::load::closest;
use crate::render::{Page, RenderOptions, Trace};

/// What `render` was asked to do.
pub(super) struct Request {
    pub file: PathBuf,
    pub output: Option<PathBuf>,
    pub trace: Option<String>,
    pub anonymize: bool,
    pub notes: bool,
    pub page: PageArg,
    pub landscape: bool,
}

/// Runs `render`; nothing is written unless the family is valid and the drawing done.
pub(super) fn run(req: &Request, out: &mut impl Write) -> Result<u8, Error> {
    let target = req.output.as_ref().filter(|p| p.as_os_str() != "-");
    if let Some(t) = target
        && let (Ok(a), Ok(b)) = (std::fs::canonicalize(t), std::fs::canonicalize(&req.file))
        && a == b
    {
        return Err(Error::Usage(format!(
            "refusing to write over the input file {}; choose another output name with -o",
            t.display()
        )));
    }
    let (_, graph) = crate::load_file(&req.file)?;
    let trace = match &req.trace {
        None => None,
        Some(skill) => {
            let declared: Vec<&str> = graph
                .family()
                .skills
                .iter()
                .map(|s| s.name.value.as_str())
                .collect();
            if !declared.contains(&skill.as_str()) {
                let hint = match closest(skill, declared.iter().copied(), 1).first() {
                    Some(c) => format!(" (did you mean `{c}`?)"),
                    None => String::new(),
                };
                return Err(Error::Usage(format!(
                    "the file has no skill `{skill}`{hint}; its skills are: {}",
                    declared.join(", ")
                )));
            }
            let options = AnalysisOptions {
                skills: vec![skill.clone()],
                ..AnalysisOptions::default()
            };
            let report = analysis::analyse(&graph, &options);
            Some(Trace::from_report(&graph, &report, skill))
        }
    };
    let layout = crate::layout::layout(&graph, &crate::layout::LayoutOptions::default());
    let options = RenderOptions {
        anonymize: req.anonymize,
        notes: req.notes,
        page: match req.page {
            PageArg::Fit => Page::Fit,
            PageArg::A4 => Page::A4,
            PageArg::Letter => Page::Letter,
        },
        landscape: req.landscape,
        trace,
    };
    let svg = crate::render::svg(&graph, &layout, &options);
    match target {
        Some(path) => {
            crate::output::write_atomically(path, svg.as_bytes(), Some(&req.file)).map(|()| 0)
        }
        None => write_out(out, svg.as_bytes()),
    }
}
