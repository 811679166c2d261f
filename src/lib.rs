//! genogram: multi-generational family pattern analysis.
//!
//! A family is written by hand in a YAML file (see `docs/format.md` and the JSON Schema in
//! `schemas/`). The pipeline:
//!
//! 1. [`load`]: text → [`model::Family`], every value with its place in the file;
//! 2. [`validate`]: cross-entry rules → [`model::ValidFamily`];
//! 3. [`graph`]: → [`graph::FamilyGraph`], one petgraph graph of people, couples,
//!    caregivers and emotional relationships, with generation numbers.
//!
//! Every stage reports problems as [`diag::Diagnostic`]s with a line and column.
//!
//! ```
//! let text = "people:\n  ana: {sex: female, born: 1950}\n  ben: {sex: male, born: 1975}\n\
//!             couples:\n  - partners: [ana]\n    children: [ben]\n";
//! let family = genogram::load_str("family.yaml", text).unwrap();
//! let ben = family.find("ben").unwrap();
//! assert_eq!(family.generation(ben), 2);
//! assert!(family.caregivers(ben).eq([family.find("ana").unwrap()]));
//! ```

#![forbid(unsafe_code)]
#![recursion_limit = "256"]

pub mod analysis;
pub mod booklet;
pub mod cli;
pub mod diag;
pub mod edit;
mod error;
pub mod gedcom;
pub mod generate;
pub mod graph;
pub mod handout;
pub mod layout;
pub mod load;
pub mod model;
pub mod output;
mod parallel;
pub mod render;
pub mod schema;
pub mod serve;
pub mod time;
pub mod validate;

pub use error::Error;

use diag::{Diagnostic, SourceFile};
use graph::FamilyGraph;

/// Loads, validates and builds the graph of a family from text.
///
/// # Errors
///
/// Every problem found, in file order.
pub fn load_str(name: &str, text: &str) -> Result<FamilyGraph, Vec<Diagnostic>> {
    load_source(&SourceFile::new(name, text))
}

/// Loads, validates and builds the graph of a family from a [`SourceFile`].
///
/// # Errors
///
/// Every problem found, in file order.
pub fn load_source(source: &SourceFile) -> Result<FamilyGraph, Vec<Diagnostic>> {
    let (family, mut diags) = load::family_with_problems(source)?;
    // Validation also runs on a family with loading problems, so that one run lists
    // everything: a misspelt key and an unknown id are fixed in the same sitting.
    match validate::validate(family) {
        Ok(valid) if diags.is_empty() => Ok(FamilyGraph::build(valid)),
        Ok(_) => Err(diags),
        Err(more) => {
            diags.extend(more);
            diags.sort_by_key(|d| d.span.start);
            diags.dedup();
            Err(diags)
        }
    }
}

/// Reads a family file from disk and decodes it into text, refusing files that cannot be
/// family files before any parsing.
///
/// # Errors
///
/// [`Error::Io`] when the file cannot be read; [`Error::Input`] when it is too large, not
/// text, or nested too deeply.
pub fn read_source(path: &std::path::Path) -> Result<SourceFile, Error> {
    let name = path.display().to_string();
    let bytes = read_capped(path).map_err(|source| Error::Io {
        path: name.clone(),
        source,
    })?;
    match load::text::decode(&bytes) {
        Ok(text) => Ok(SourceFile::new(name, text)),
        Err(d) => Err(Error::Input {
            file: SourceFile::new(
                name,
                // Decoded as the file says it is, so the quoted line is text, not bytes.
                load::text::lossy(&bytes, 1 << 20),
            ),
            diagnostics: vec![d],
        }),
    }
}

/// Reads at most one byte more than the size cap, so a huge file is never read whole.
fn read_capped(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(load::text::MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads, loads, validates and builds the graph of a family file.
///
/// # Errors
///
/// [`Error::Io`] when the file cannot be read; [`Error::Input`] with every problem found.
pub fn load_file(path: &std::path::Path) -> Result<(SourceFile, FamilyGraph), Error> {
    let source = read_source(path)?;
    match load_source(&source) {
        Ok(g) => Ok((source, g)),
        Err(diagnostics) => Err(Error::Input {
            file: source,
            diagnostics,
        }),
    }
}
