//! The only place that prints diagnostics.

use std::io::Write;

use crate::diag::{Diagnostic, SourceFile, render};

/// Most problems listed for one file; the rest are counted.
pub const MAX_SHOWN: usize = 50;

/// Prints every diagnostic (up to [`MAX_SHOWN`]) and a closing count.
pub fn diagnostics(err: &mut impl Write, source: &SourceFile, diags: &[Diagnostic]) {
    for d in diags.iter().take(MAX_SHOWN) {
        let _ = write!(err, "{}", render(d, source));
        let _ = writeln!(err);
    }
    if diags.len() > MAX_SHOWN {
        let _ = writeln!(
            err,
            "… and {} more problems not shown",
            diags.len() - MAX_SHOWN
        );
    }
    let n = diags.len();
    let _ = writeln!(
        err,
        "{}: {n} problem{} found; fix {} and run the command again",
        crate::diag::escape_for_terminal(source.name()),
        if n == 1 { "" } else { "s" },
        if n == 1 { "it" } else { "them" }
    );
}
