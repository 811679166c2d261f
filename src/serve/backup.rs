//! The backups the workspace keeps of the family file: the last [`GENERATIONS`] versions
//! that a save replaced, newest first: `FILE.bak` (the version before the last save),
//! `FILE.bak.2`, `FILE.bak.3`.
//!
//! Each backup is written whole under a new hidden name in the family's folder (created
//! there, private until it takes the family file's permissions) and renamed onto its
//! name; older ones move down by renaming. Nothing is ever written through a name that
//! exists: a link or a named pipe put where a backup goes is replaced (or moved down)
//! like any old backup, so nothing can lead the family elsewhere or make a save wait.
//!
//! A version with problems (one that the loader refuses) never pushes the last valid
//! version out: when the oldest backup is the only valid one left, the second oldest
//! gives way instead. After any number of saves of a broken file, the last version that
//! was a valid family is still among the backups.

use std::path::{Path, PathBuf};

use crate::Error;

/// How many versions are kept.
pub const GENERATIONS: usize = 3;

/// The name of backup `n` (1 is the newest): `family.yaml.bak`, `family.yaml.bak.2`, …
pub fn path(file: &Path, n: usize) -> PathBuf {
    let mut name = file.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    if n > 1 {
        name.push(format!(".{n}"));
    }
    file.with_file_name(name)
}

/// Keeps `previous` (what `file` held before a save, with its `permissions`) as the
/// newest backup, moving older ones down.
///
/// # Errors
///
/// [`Error::Io`] when the backup cannot be written or a backup cannot be moved (a folder
/// in the way, say); the family file is then not to be written either.
pub fn keep(file: &Path, previous: &[u8], permissions: std::fs::Permissions) -> Result<(), Error> {
    let newest = path(file, 1);
    // Written whole first: if that fails, no backup has moved.
    let staged = crate::output::stage(&newest, previous, Some(permissions))?;
    let gone = if is_valid(file, previous) {
        GENERATIONS
    } else {
        giving_way(file)
    };
    // Each backup above the one that goes moves one place down, oldest first.
    for n in (1..gone).rev() {
        let (from, to) = (path(file, n), path(file, n + 1));
        match std::fs::rename(&from, &to) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => {
                return Err(Error::Io {
                    path: to.display().to_string(),
                    source,
                });
            }
        }
    }
    staged.put(&newest)
}

/// Which backup gives way to a new one with problems: the oldest, unless it is the only
/// valid version kept, then the one before it.
fn giving_way(file: &Path) -> usize {
    let valid = |n| read_backup(&path(file, n)).is_some_and(|bytes| is_valid(file, &bytes));
    if (1..GENERATIONS).any(valid) || !valid(GENERATIONS) {
        GENERATIONS
    } else {
        GENERATIONS - 1
    }
}

/// Whether `bytes` are a family the loader accepts (warnings allowed).
fn is_valid(file: &Path, bytes: &[u8]) -> bool {
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    crate::load::text::decode(bytes).is_ok_and(|text| crate::load_str(&name, &text).is_ok())
}

/// The bytes of a backup, if it is a plain file (a link or anything else is not read).
fn read_backup(path: &Path) -> Option<Vec<u8>> {
    super::disk::read_plain(path, false).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("genogram-backup-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    const VALID: &str = "people:\n  ana: {sex: female}\n";

    fn backups(file: &Path) -> Vec<Option<String>> {
        (1..=GENERATIONS)
            .map(|n| std::fs::read_to_string(path(file, n)).ok())
            .collect()
    }

    #[test]
    fn names() {
        let f = Path::new("/x/family.yaml");
        assert_eq!(path(f, 1), Path::new("/x/family.yaml.bak"));
        assert_eq!(path(f, 3), Path::new("/x/family.yaml.bak.3"));
    }

    #[test]
    fn three_generations_move_down() {
        let d = dir("generations");
        let f = d.join("family.yaml");
        let perms = std::fs::metadata(&d).unwrap().permissions();
        for v in ["one", "two", "three", "four"] {
            keep(&f, format!("{VALID}# {v}\n").as_bytes(), perms.clone()).unwrap();
        }
        let got = backups(&f);
        let tail = |s: &Option<String>| s.as_deref().unwrap().lines().last().unwrap().to_string();
        assert_eq!(
            got.iter().map(tail).collect::<Vec<_>>(),
            ["# four", "# three", "# two"]
        );
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn versions_with_problems_never_push_out_the_last_valid_one() {
        let d = dir("broken");
        let f = d.join("family.yaml");
        let perms = std::fs::metadata(&d).unwrap().permissions();
        keep(&f, VALID.as_bytes(), perms.clone()).unwrap();
        for n in 1..=5 {
            keep(
                &f,
                format!("people: [broken {n}\n").as_bytes(),
                perms.clone(),
            )
            .unwrap();
            let got = backups(&f);
            assert!(
                got.iter().any(|b| b.as_deref() == Some(VALID)),
                "after {n} broken saves: {got:?}"
            );
            // The newest backup is always the version just replaced.
            assert_eq!(got[0], Some(format!("people: [broken {n}\n")));
        }
        // A valid version moves everything down again.
        keep(&f, format!("{VALID}# new\n").as_bytes(), perms.clone()).unwrap();
        keep(&f, b"people: [broken", perms.clone()).unwrap();
        let got = backups(&f);
        assert_eq!(got[1], Some(format!("{VALID}# new\n")));
        let _ = std::fs::remove_dir_all(&d);
    }
}
