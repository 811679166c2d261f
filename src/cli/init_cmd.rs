//! `genogram init [FILE]`: a commented starter family file to fill in.

use std::io::Write;
use std::path::Path;

use crate::Error;

/// The starter family file: one example of each thing a family file can say, with plain
/// notes for someone who has never edited such a file.
pub const STARTER: &str = include_str!("starter.yaml");

/// Writes the starter file to `file` (refusing to replace one), or to `out` without a file.
pub fn run(file: Option<&Path>, out: &mut impl Write, err: &mut impl Write) -> Result<u8, Error> {
    match file.filter(|p| p.as_os_str() != "-") {
        None => super::write_out(out, STARTER.as_bytes()),
        Some(path) => {
            if path.exists() {
                return Err(Error::Usage(format!(
                    "{} already exists, and `init` never replaces a file; choose another name",
                    path.display()
                )));
            }
            crate::output::write_atomically(path, STARTER.as_bytes(), None)?;
            let _ = writeln!(
                err,
                "wrote {}; fill it in with a text editor, then run `genogram check {}`",
                crate::diag::escape_for_terminal(&path.display().to_string()),
                crate::diag::escape_for_terminal(&path.display().to_string())
            );
            Ok(0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_file_passes_check_and_rates_a_skill_in_full() {
        let graph = crate::load_str("starter.yaml", STARTER).unwrap_or_else(|d| panic!("{d:?}"));
        let f = graph.family();
        assert!(STARTER.starts_with("# yaml-language-server: $schema="));
        let me = f.people.iter().find(|p| p.id.value == "me").unwrap();
        let open = me.rating("openness").unwrap();
        assert!(open.learned.is_some() && open.since.is_some());
        assert!(f.couples.iter().any(|c| !c.twins.is_empty()));
        assert!(f.relationships.iter().any(|r| r.directed));
        assert!(f.relationships.iter().any(|r| !r.directed));
    }
}
