//! `genogram edit FILE OPS.json`: the library's edit operations on a file, written in
//! place with the same atomic write as the workspace's Save.

use std::io::{Read, Write};
use std::path::Path;

use crate::Error;
use crate::diag::escape_for_terminal;

/// Most bytes of operations read: far more than any list of changes a person makes.
const MAX_OPS_BYTES: u64 = 16 * 1024 * 1024;

/// Applies the operations in `ops` (a file, or `-` for standard input) to `file`; with
/// `dry_run`, prints the new text instead of writing it. Status 1 when the operations or
/// the family they make are refused (nothing is written).
pub fn run(
    file: &Path,
    ops: &Path,
    dry_run: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<u8, Error> {
    let shown_ops = if ops.as_os_str() == "-" {
        "standard input".to_string()
    } else {
        ops.display().to_string()
    };
    let json = read_ops(ops).map_err(|source| Error::Io {
        path: shown_ops.clone(),
        source,
    })?;
    let refuse = |err: &mut dyn Write, what: &str, message: &str| {
        let _ = writeln!(
            err,
            "error: {}: {}\nnothing was written",
            escape_for_terminal(what),
            escape_for_terminal(message)
        );
        1
    };
    let ops = match crate::edit::parse_ops(&json) {
        Ok(ops) => ops,
        Err(e) => return Ok(refuse(err, &shown_ops, &e.to_string())),
    };
    let shown = file.display().to_string();
    let (bom, text) = match read_family(file)? {
        Ok(read) => read,
        Err(message) => return Ok(refuse(err, &shown, &message)),
    };
    let new_text = match crate::edit::apply(&text, &ops) {
        Ok(t) => t,
        Err(e) => return Ok(refuse(err, &shown, &e.to_string())),
    };
    let bytes = [bom.as_bytes(), new_text.as_bytes()].concat();
    if dry_run {
        return super::write_out(out, &bytes);
    }
    if new_text != text || !file.exists() {
        crate::output::write_atomically(file, &bytes, None)?;
    }
    let _ = writeln!(
        err,
        "{}: {} operation{} applied",
        escape_for_terminal(&shown),
        ops.len(),
        if ops.len() == 1 { "" } else { "s" }
    );
    Ok(0)
}

fn read_ops(ops: &Path) -> std::io::Result<String> {
    let mut json = String::new();
    if ops.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_OPS_BYTES)
            .read_to_string(&mut json)?;
    } else {
        std::fs::File::open(ops)?
            .take(MAX_OPS_BYTES)
            .read_to_string(&mut json)?;
    }
    Ok(json)
}

/// The family file's text and its byte-order mark, if any (kept when writing back); a
/// file not there yet, or holding only comments, is a family to start. The inner error
/// is a refusal in words (status 1).
fn read_family(file: &Path) -> Result<Result<(&'static str, String), String>, Error> {
    let bytes = match crate::serve::disk::read(file) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Ok(("", String::new()))),
        Err(source) => {
            return Err(Error::Io {
                path: file.display().to_string(),
                source,
            });
        }
    };
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Ok(Err(
            "the file is saved as UTF-16; save it as UTF-8 in your text editor, then edit it"
                .into(),
        ));
    }
    let (bom, rest) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => ("\u{feff}", rest),
        None => ("", &bytes[..]),
    };
    match std::str::from_utf8(rest) {
        Ok(text)
            if text
                .lines()
                .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) =>
        {
            Ok(Ok((bom, text.to_string())))
        }
        _ => match crate::load::text::decode(&bytes) {
            Ok(text) => Ok(Ok((bom, text))),
            Err(d) => Ok(Err(format!(
                "line {}, column {}: {}",
                d.span.start.line, d.span.start.col, d.message
            ))),
        },
    }
}
