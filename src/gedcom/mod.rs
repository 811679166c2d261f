//! GEDCOM import: a genealogy file (GEDCOM 5.5, 5.5.1 or 7.0) to a family file.
//!
//! The steps:
//! 1. [`charset`]: bytes to text (UTF-8, UTF-16, ANSEL, ASCII, ANSI);
//! 2. [`lines`]: text to `level [@xref@] TAG [value]` lines, refusing malformed ones with
//!    their line number;
//! 3. [`records`]: lines to a tree, joining `CONT`/`CONC`;
//! 4. [`to_family`]: records to people and couples, counting what the family file cannot
//!    hold;
//! 5. [`repair`]: resolving what the family file refuses (two birth families, loops of
//!    ancestry, contradicting dates), each change listed as a warning;
//! 6. [`yaml_out`]: the family file's text.
//!
//! The result is checked with [`crate::load_str`] before it is handed back, so an import
//! never produces a file that `genogram check` refuses.

pub mod charset;
pub mod dates;
pub mod lines;
pub mod names;
pub mod records;
mod repair;
pub mod to_family;
pub mod yaml_out;

use crate::diag::{Diagnostic, SourceFile, Span};

/// A finished import.
#[derive(Debug)]
pub struct Imported {
    /// The family file's text.
    pub yaml: String,
    /// The GEDCOM text, for quoting warnings.
    pub source: SourceFile,
    /// What changed or was left out, each at its line of the GEDCOM file.
    pub warnings: Vec<Diagnostic>,
    /// People kept.
    pub people: usize,
    /// Families kept (as couples).
    pub families: usize,
    /// What the family file cannot hold: (plain words, count), most first.
    pub not_kept: Vec<(String, usize)>,
}

impl Imported {
    /// One line: `kept 3,010 people and 1,422 families; not kept: 1,398 titles, …`.
    pub fn summary(&self) -> String {
        let mut s = format!(
            "kept {} and {}",
            to_family::plural(self.people, "person", "people"),
            to_family::plural(self.families, "family", "families")
        );
        if self.not_kept.is_empty() {
            s.push_str("; everything in the file was kept");
        } else {
            let parts: Vec<String> = self
                .not_kept
                .iter()
                .map(|(what, n)| {
                    let what = if *n == 1 {
                        to_family::singular(what)
                    } else {
                        what.clone()
                    };
                    format!("{} {what}", thousands(*n))
                })
                .collect();
            s.push_str("; not kept: ");
            s.push_str(&parts.join(", "));
        }
        if !self.warnings.is_empty() {
            s.push_str(&format!(
                "; {}",
                to_family::plural(self.warnings.len(), "warning", "warnings")
            ));
        }
        s
    }
}

/// Imports the bytes of a GEDCOM file; `name` is how messages refer to it.
///
/// # Errors
///
/// The GEDCOM text (for quoting) and the problem, with its line, when the file cannot be
/// read as GEDCOM.
pub fn import(name: &str, bytes: &[u8]) -> Result<Imported, crate::Error> {
    let fail = |text: String, d: Diagnostic| crate::Error::Input {
        file: SourceFile::new(name, text),
        diagnostics: vec![d],
    };
    let decoded = match charset::decode(bytes) {
        Ok(d) => d,
        Err(d) => return Err(fail(String::from_utf8_lossy(bytes).into_owned(), d)),
    };
    let text = decoded.text;
    let lines = match lines::lines(&text) {
        Ok(l) => l,
        Err(d) => return Err(fail(text, d)),
    };
    let escapes = if version(&lines).is_some_and(|v| v.starts_with('7')) {
        records::Escapes::Leading
    } else {
        records::Escapes::Everywhere
    };
    let tree = match records::records(lines, escapes) {
        Ok(t) => t,
        Err(d) => return Err(fail(text, d)),
    };
    let mut converted = to_family::convert(&tree);
    drop(tree);
    repair::repair(&mut converted);
    let mut warnings: Vec<Diagnostic> = decoded.warning.into_iter().collect();
    warnings.append(&mut converted.warnings);
    warnings.sort_by_key(|d| d.span.start);
    let yaml = yaml_out::write(&converted, name);
    let source = SourceFile::new(name, text);
    // The promise of the importer: what it writes, `genogram check` accepts.
    if let Err(problems) = crate::load_str("imported.yaml", &yaml) {
        let first = problems
            .first()
            .map_or_else(String::new, |d| format!(" ({})", d.message));
        return Err(crate::Error::Input {
            file: source,
            diagnostics: vec![Diagnostic::error(
                Span::file_start(),
                format!("the imported family does not pass the family file's checks{first}; this is a bug in genogram"),
            )
            .with_help("please report it, with the GEDCOM file if you can share it")],
        });
    }
    let mut not_kept: Vec<(String, usize)> = converted.not_kept.into_iter().collect();
    not_kept.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(Imported {
        yaml,
        source,
        warnings,
        people: converted.people.len(),
        families: converted.couples.len(),
        not_kept,
    })
}

/// `HEAD.GEDC.VERS`, read from the lines before the tree is built (the version decides
/// how `@@` is read).
fn version(lines: &[lines::Line]) -> Option<&str> {
    let mut in_gedc = false;
    for l in lines.iter().skip(1) {
        match (l.level, l.tag.as_str()) {
            (0, _) => return None,
            (1, "GEDC") => in_gedc = true,
            (1, _) => in_gedc = false,
            (2, "VERS") if in_gedc => return l.value.as_deref().map(str::trim),
            _ => {}
        }
    }
    None
}

/// `3010` → `3,010`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests;
