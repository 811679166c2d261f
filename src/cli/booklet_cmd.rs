//! `genogram booklet`: loads every member's file, and writes the booklet only when all of
//! them are valid.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::Error;
use crate::booklet::{self, Options};

/// Runs `booklet`; every bad file is reported, and then nothing is written.
pub(super) fn run(
    files: &[PathBuf],
    output: &Path,
    options: &Options,
    err: &mut impl Write,
    leftovers: &mut super::Leftovers,
) -> Result<u8, Error> {
    if !cfg!(feature = "pdf") {
        return Err(booklet::missing());
    }
    if let Ok(out) = std::fs::canonicalize(output) {
        for f in files {
            if std::fs::canonicalize(f).is_ok_and(|f| f == out) {
                return Err(Error::Usage(format!(
                    "refusing to write over the family file {}; choose another name with -o, \
                     such as booklet.pdf",
                    f.display()
                )));
            }
        }
    }
    let mut graphs = Vec::with_capacity(files.len());
    let mut status = 0u8;
    for path in files {
        match crate::load_file(path) {
            Ok((_, graph)) => graphs.push(graph),
            Err(e) => {
                super::report_error(err, &e);
                status = status.max(e.exit_code());
            }
        }
    }
    if status != 0 {
        return Ok(status);
    }
    let refs: Vec<&crate::graph::FamilyGraph> = graphs.iter().collect();
    if let Some(skill) = &options.skill {
        let all = booklet::skills_of(&refs);
        if !all.iter().any(|(n, _)| n == skill) {
            let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
            let hint = match crate::load::closest(skill, names.iter().copied(), 1).first() {
                Some(c) => format!(" (did you mean `{c}`?)"),
                None => String::new(),
            };
            return Err(Error::Usage(format!(
                "no family file rates the skill `{skill}`{hint}; their skills are: {}",
                names.join(", ")
            )));
        }
    }
    let pdf = booklet::make(&refs, options)?;
    crate::output::write_derived(output, &pdf, files.first().map(PathBuf::as_path))?;
    leftovers.keep(graphs);
    Ok(0)
}
