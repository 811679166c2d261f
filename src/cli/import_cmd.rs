//! `genogram import FILE.ged [-o family.yaml]`: a GEDCOM file to a family file.

use std::io::Write;
use std::path::Path;

use crate::Error;
use crate::diag::{Severity, escape_for_terminal};

/// Imports `input`; writes the family file to `output` (standard output when `None` or
/// `-`), the warnings and a summary to `err`.
pub fn run(
    input: &Path,
    output: Option<&Path>,
    force: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<u8, Error> {
    let name = input.display().to_string();
    let target = output.filter(|p| p.as_os_str() != "-");
    if let Some(t) = target {
        refuse_unsafe_target(input, t, force)?;
    }
    let bytes = read_capped(input).map_err(|source| Error::Io {
        path: name.clone(),
        source,
    })?;
    let imported = crate::gedcom::import(&name, &bytes)?;
    match target {
        Some(t) => crate::output::write_atomically(t, imported.yaml.as_bytes(), None)?,
        None => {
            super::write_out(out, imported.yaml.as_bytes())?;
        }
    }
    for w in &imported.warnings {
        let label = match w.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(
            err,
            "{}:{}: {label}: {}",
            escape_for_terminal(&name),
            w.span.start,
            escape_for_terminal(&w.message)
        );
    }
    let _ = writeln!(
        err,
        "{}: {}",
        escape_for_terminal(&name),
        imported.summary()
    );
    if let Some(t) = target {
        let _ = writeln!(
            err,
            "wrote {}; rate the skills in it, then run `genogram check` on it",
            escape_for_terminal(&t.display().to_string())
        );
    }
    Ok(0)
}

/// GEDCOM files can be large; the same cap as for family files keeps memory bounded.
fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(crate::load::text::MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() > crate::load::text::MAX_FILE_BYTES {
        return Err(std::io::Error::other(format!(
            "the file is larger than {} MiB",
            crate::load::text::MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

fn refuse_unsafe_target(input: &Path, target: &Path, force: bool) -> Result<(), Error> {
    let same = input == target
        || matches!(
            (std::fs::canonicalize(input), std::fs::canonicalize(target)),
            (Ok(a), Ok(b)) if a == b
        );
    if same {
        return Err(Error::Usage(format!(
            "the output {} is the GEDCOM file itself; write the family file under another name, such as `family.yaml`",
            target.display()
        )));
    }
    if target.exists() && !force {
        return Err(Error::Usage(format!(
            "{} already exists; choose another name, or add `--force` to replace it",
            target.display()
        )));
    }
    Ok(())
}
