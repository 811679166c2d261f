//! Ids in the SVG (`person-<id>`) made safe for XML and CSS.
//!
//! A person id may hold any letter (`josé`, `李`), but an SVG id should stay within
//! `[A-Za-z0-9_-]` so that it works in CSS selectors and `url(#…)` everywhere. ASCII
//! letters, digits and `-` are kept; `_` is written `__`; any other character is written
//! `_` + its code point in lowercase hexadecimal + `_` (`josé` → `jos_e9_`). The mapping is
//! one to one, so two different ids never collide.

use std::fmt::Write;

/// The SVG id of a person's group: `person-` and the escaped id.
pub fn person_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len() + 7);
    push_person_id(&mut out, id);
    out
}

/// Appends what [`person_id`] gives.
pub fn push_person_id(out: &mut String, id: &str) {
    out.push_str("person-");
    push_escaped_id(out, id);
}

/// Escapes an id as described in the module documentation.
pub fn escape_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    push_escaped_id(&mut out, id);
    out
}

/// Appends what [`escape_id`] gives.
fn push_escaped_id(out: &mut String, id: &str) {
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            out.push(c);
        } else if c == '_' {
            out.push_str("__");
        } else {
            let _ = write!(out, "_{:x}_", c as u32);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_plain_ids() {
        assert_eq!(person_id("anna-k2"), "person-anna-k2");
    }

    #[test]
    fn escapes_everything_else_one_to_one() {
        assert_eq!(escape_id("josé"), "jos_e9_");
        assert_eq!(escape_id("a_b"), "a__b");
        assert_eq!(escape_id("a b\"<"), "a_20_b_22__3c_");
        // `_e9_` written literally cannot be confused with an escaped `é`.
        assert_ne!(escape_id("_e9_"), escape_id("é"));
    }
}
