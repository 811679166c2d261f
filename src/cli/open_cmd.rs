//! `genogram open [FILE]`: the workspace, opened in the default web browser, for people
//! who start programs from a menu rather than a terminal.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::Error;
use crate::serve::Server;

/// The name of the new family's file `genogram open` makes when given none.
pub const DEFAULT_FILE: &str = "genogram-family.yaml";

/// Opens the workspace for `file` (without one: a new family's file in the current
/// folder, see [`new_family_file`]) in the browser, and answers it until no page has
/// asked anything for `idle_seconds`.
pub(super) fn run(
    file: Option<&Path>,
    idle_seconds: u64,
    out: &mut impl Write,
) -> Result<u8, Error> {
    let (file, made) = match file {
        Some(f) => (f.to_path_buf(), false),
        None => new_family_file(Path::new("."))?,
    };
    let server = Server::bind(&file, 0)?;
    let address = server.address();
    // The address holds the key: print it only to a person at a terminal, never to the
    // log a desktop session keeps of what programs started from its menu write.
    let terminal = std::io::stdout().is_terminal();
    match super::browser::start(&address) {
        Ok(opener) => {
            if terminal {
                let _ = writeln!(out, "Workspace open in your web browser: {address}");
            }
            // Waited for on the side, as the workspace must answer the browser meanwhile.
            watch_opener(opener, terminal.then(|| address.clone()));
        }
        Err(why) if terminal => {
            let _ = writeln!(out, "{why}. Open this address in your web browser:");
            let _ = writeln!(out, "{address}");
        }
        Err(why) => {
            return Err(Error::Usage(format!(
                "{why}; run `genogram open` in a terminal to see the address to open"
            )));
        }
    }
    if terminal {
        if made {
            let _ = writeln!(out, "A new family, kept in {}", file.display());
        }
        let _ = writeln!(
            out,
            "It stops when its last tab has been closed for a while, or with Ctrl-C here."
        );
    }
    let _ = out.flush();
    server.stop_when_idle(Duration::from_secs(idle_seconds), move || {
        if made {
            remove_if_unused(&file);
        }
    });
    server.run();
    Ok(0)
}

/// Waits for the browser's opener. When it fails, the address is said at a terminal
/// (`address` is then given), and otherwise the workspace stops: nobody can reach it.
fn watch_opener(mut opener: std::process::Child, address: Option<String>) {
    let _ = std::thread::Builder::new().spawn(move || {
        if opener.wait().is_ok_and(|s| s.success()) {
            return;
        }
        match address {
            Some(address) => eprintln!(
                "genogram: the web browser could not be opened. Open this address in it:\n{address}"
            ),
            None => {
                eprintln!(
                    "genogram: the web browser could not be opened; run `genogram open` in \
                     a terminal to see the address to open"
                );
                std::process::exit(2);
            }
        }
    });
}

/// What a new family's file holds until something is saved: a family with nobody in it
/// yet, which is valid (the page shows no problem) and which the page offers to fill
/// ("who is the client?").
pub const NEW_FAMILY: &str = "people: {}\n";

/// A family file for a new family in `folder`: the first of `genogram-family.yaml`,
/// `genogram-family-2.yaml`, … that is missing (made now with [`NEW_FAMILY`], readable
/// by this user only) or unused (left by a workspace stopped with Ctrl-C). Whether it was
/// made here is the second value: only such a file is taken away again when nothing was
/// saved in it.
fn new_family_file(folder: &Path) -> Result<(PathBuf, bool), Error> {
    for n in 1..=NAMES_TRIED {
        let path = folder.join(family_file_name(n));
        if unused(&path) {
            return Ok((path, false));
        }
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(&path) {
            Ok(mut file) => {
                use std::io::Write as _;
                return match file.write_all(NEW_FAMILY.as_bytes()) {
                    Ok(()) => Ok((path, true)),
                    Err(e) => {
                        let _ = std::fs::remove_file(&path);
                        Err(Error::Io {
                            path: path.display().to_string(),
                            source: e,
                        })
                    }
                };
            }
            // A family already there (or made by someone else meanwhile): never replace
            // it, try the next name.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                return Err(Error::Io {
                    path: path.display().to_string(),
                    source: e,
                });
            }
        }
    }
    Err(Error::Usage(format!(
        "{} already holds {NAMES_TRIED} family files named genogram-family…; \
         open one of them with `genogram open FILE`",
        folder.display()
    )))
}

/// How many names [`new_family_file`] tries before giving up.
const NAMES_TRIED: u32 = 1000;

/// `genogram-family.yaml` for `n` = 1, otherwise `genogram-family-N.yaml`.
fn family_file_name(n: u32) -> String {
    if n == 1 {
        DEFAULT_FILE.to_string()
    } else {
        format!("genogram-family-{n}.yaml")
    }
}

/// Whether `path` is a plain file holding nothing saved: empty, or [`NEW_FAMILY`].
fn unused(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() <= NEW_FAMILY.len() as u64)
        && std::fs::read_to_string(path).is_ok_and(|t| t.is_empty() || t == NEW_FAMILY)
}

/// Takes away the file `open` made when nothing was ever saved in it.
fn remove_if_unused(path: &Path) {
    if unused(path) {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_family_never_takes_the_place_of_another() {
        let dir = std::env::temp_dir().join(format!("genogram-open-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let (first, made) = new_family_file(&dir).unwrap();
        assert_eq!(first, dir.join("genogram-family.yaml"));
        assert!(made);
        assert_eq!(std::fs::read_to_string(&first).unwrap(), NEW_FAMILY);
        // Still unused: the same file again, not made this time; an empty one too.
        assert_eq!(new_family_file(&dir).unwrap(), (first.clone(), false));
        std::fs::write(&first, "").unwrap();
        assert_eq!(new_family_file(&dir).unwrap(), (first.clone(), false));
        let saved = "people:\n  anna: {name: Anna}\n";
        std::fs::write(&first, saved).unwrap();
        let (second, made) = new_family_file(&dir).unwrap();
        assert_eq!(second, dir.join("genogram-family-2.yaml"));
        assert!(made);
        remove_if_unused(&second);
        assert!(!second.exists());
        remove_if_unused(&first);
        assert_eq!(std::fs::read_to_string(&first).unwrap(), saved);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
