//! The error of the whole pipeline, wrapping each stage's.

use crate::diag::{Diagnostic, SourceFile};

/// Why a command could not do its work.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file, as named by the user.
        path: String,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The family file is not a valid family: every problem, with the text to quote.
    #[error("{} is not a valid family file ({} problem{})", file.name(), diagnostics.len(), if diagnostics.len() == 1 { "" } else { "s" })]
    Input {
        /// The file's text, for quoting in messages.
        file: SourceFile,
        /// Every problem found.
        diagnostics: Vec<Diagnostic>,
    },
    /// The command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// The process exit status for this error: 1 for bad input, 2 for bad usage or a
    /// file that cannot be read or written.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Input { .. } => 1,
            Error::Io { .. } | Error::Usage(_) => 2,
        }
    }
}
