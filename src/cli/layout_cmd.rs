//! `genogram layout` and `genogram export`: the layout as JSON, the family as DOT.
//!
//! Output goes to standard output, or with `-o` to a file written atomically: a temporary
//! file in the same folder, then renamed, so a failed run never leaves half a file. The
//! input file is never overwritten. Nothing is written when the input is bad.

use std::io::Write;
use std::path::Path;

use super::args::{ExportFormat, LayoutFormat};
use super::write_out;
use crate::Error;
use crate::layout::{LayoutOptions, dot, layout as lay_out};

/// `genogram layout FILE --format json`.
pub(super) fn layout(
    file: &Path,
    format: LayoutFormat,
    output: Option<&Path>,
    as_of: Option<crate::model::PartialDate>,
    out: &mut impl Write,
) -> Result<u8, Error> {
    check_output(file, output)?;
    let graph = super::load_as_of(file, as_of)?;
    let result = lay_out(&graph, &LayoutOptions::default());
    let text = match format {
        LayoutFormat::Json => {
            let mut s =
                serde_json::to_string_pretty(&result).map_err(|e| Error::Usage(e.to_string()))?;
            s.push('\n');
            s
        }
    };
    emit(output, text.as_bytes(), out)
}

/// `genogram export FILE --format dot`.
pub(super) fn export(
    file: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    out: &mut impl Write,
) -> Result<u8, Error> {
    check_output(file, output)?;
    let (_, graph) = crate::load_file(file)?;
    let text = match format {
        ExportFormat::Dot => dot::export(&graph, &LayoutOptions::default()),
    };
    emit(output, text.as_bytes(), out)
}

/// Refuses to write over the input.
pub(super) fn check_output(input: &Path, output: Option<&Path>) -> Result<(), Error> {
    let Some(output) = output else { return Ok(()) };
    let same = match (std::fs::canonicalize(input), std::fs::canonicalize(output)) {
        (Ok(a), Ok(b)) => a == b,
        _ => input == output,
    };
    if same {
        return Err(Error::Usage(format!(
            "the output {} is the input file; choose another name with -o",
            output.display()
        )));
    }
    Ok(())
}

fn emit(output: Option<&Path>, bytes: &[u8], out: &mut impl Write) -> Result<u8, Error> {
    match output {
        None => write_out(out, bytes),
        Some(path) => {
            // The input was compared with the output above, by path and by file identity.
            crate::output::write_derived(path, bytes, None)?;
            Ok(0)
        }
    }
}
