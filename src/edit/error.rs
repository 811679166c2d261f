//! Why a list of operations was refused.

use std::fmt;

/// An operation, or the family it would make, was refused; nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditError {
    /// The operation's position in the list, from 0 (shown to people from 1); `None` when
    /// the refusal is about the whole list or the file as it was.
    pub index: Option<usize>,
    /// The id the refusal is about, if any (a person's id, or a couple's partners).
    pub id: Option<String>,
    /// What is wrong and how to fix it, in plain words.
    pub message: String,
}

impl EditError {
    /// A refusal about the whole list or the file.
    pub(super) fn general(message: impl Into<String>) -> Self {
        EditError {
            index: None,
            id: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.index, &self.id) {
            (Some(i), Some(id)) => write!(f, "operation {} (`{id}`): {}", i + 1, self.message),
            (Some(i), None) => write!(f, "operation {}: {}", i + 1, self.message),
            (None, _) => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for EditError {}

/// A refusal met while running one operation, before its position is known.
#[derive(Debug)]
pub(super) struct Refusal {
    /// The id concerned, when it is not the operation's own.
    pub id: Option<String>,
    /// What is wrong, in plain words.
    pub message: String,
}

impl Refusal {
    /// A refusal about the operation's own id.
    pub(super) fn new(message: impl Into<String>) -> Self {
        Refusal {
            id: None,
            message: message.into(),
        }
    }

    /// A refusal about `id`.
    pub(super) fn about(id: &str, message: impl Into<String>) -> Self {
        Refusal {
            id: Some(id.to_string()),
            message: message.into(),
        }
    }
}

impl From<super::change::Stuck> for Refusal {
    fn from(s: super::change::Stuck) -> Self {
        Refusal::new(format!(
            "this change cannot be made in the file's text safely ({}); make it by editing the text",
            s.0
        ))
    }
}
