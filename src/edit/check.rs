//! Whether a text passes `genogram check`: the same reading, loading and validation.

use crate::diag::{Diagnostic, SourceFile};

/// The first problem `genogram check` would report for `text`, if any.
pub(super) fn first_problem(text: &str) -> Option<Diagnostic> {
    let decoded = match crate::load::text::decode(text.as_bytes()) {
        Ok(t) => t,
        Err(d) => return Some(d),
    };
    crate::load_source(&SourceFile::new("family.yaml", decoded))
        .err()
        .and_then(|mut d| (!d.is_empty()).then(|| d.swap_remove(0)))
}

/// A problem in plain words with its fix, without the place (which is in a text nobody
/// has seen yet).
pub(super) fn words(d: &Diagnostic) -> String {
    let mut out = d.message.clone();
    for help in &d.help {
        out.push_str(if out.ends_with(['?', '.', '!']) {
            " "
        } else {
            "; "
        });
        out.push_str(help);
    }
    out
}
