//! The family file on disk: what version is there, and saving with backups
//! ([`super::backup`]).
//!
//! A version is a short token made from the file's size and a hash of its bytes, so the
//! page can tell whether the file changed under it (another editor saved it) and a save
//! never silently overwrites such a change. Polling is cheap: the bytes are read and
//! hashed again only when the size or modification time moved.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::Error;

/// The version token of a missing file.
pub const MISSING: &str = "missing";

/// What was last seen of the file: its size, modification time and version token.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    size: u64,
    modified: Option<SystemTime>,
    /// The version token of the bytes seen.
    pub version: String,
}

/// The version token of some bytes: their size and a 64-bit FNV-1a hash, in hex.
pub fn version_of(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{}-{hash:016x}", bytes.len())
}

/// Watches one file by polling.
#[derive(Debug)]
pub struct Watched {
    path: PathBuf,
    last: Stamp,
}

impl Watched {
    /// Starts watching `path`; the first [`Watched::poll`] reads it.
    pub fn new(path: &Path) -> Self {
        Watched {
            path: path.to_path_buf(),
            last: Stamp::default(),
        }
    }

    /// The file watched.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The current version token of the file, re-reading it only when its size or time
    /// changed since the last poll ([`MISSING`] when it cannot be read).
    pub fn poll(&mut self) -> &Stamp {
        let meta = std::fs::metadata(&self.path).ok().filter(|m| m.is_file());
        let (size, modified) = match &meta {
            Some(m) => (m.len(), m.modified().ok()),
            None => (0, None),
        };
        let same = meta.is_some()
            && !self.last.version.is_empty()
            && self.last.version != MISSING
            && self.last.size == size
            && self.last.modified == modified
            && modified.is_some();
        if !same {
            let version = match meta.and_then(|_| read(&self.path).ok()) {
                Some(bytes) => version_of(&bytes),
                None => MISSING.to_string(),
            };
            self.last = Stamp {
                size,
                modified,
                version,
            };
        }
        &self.last
    }

    /// Forgets what was seen, so the next poll reads the file again.
    pub fn forget(&mut self) {
        self.last = Stamp::default();
    }
}

/// Reads the file's bytes, at most one more than the loader's size cap (see
/// [`read_plain`]; the user's own link to the family file is followed).
pub fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    read_plain(path, true)
}

/// Reads a plain file's bytes, at most one more than the loader's size cap, with its
/// permissions. Anything else is an error, found without waiting: a named pipe or a
/// device put in the file's place (opened without blocking, then refused), and a
/// symbolic link unless `follow`.
pub fn read_with_permissions(
    path: &Path,
    follow: bool,
) -> std::io::Result<(Vec<u8>, std::fs::Permissions)> {
    use std::io::Read;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let nofollow = if follow { 0 } else { libc::O_NOFOLLOW };
        options.custom_flags(libc::O_NONBLOCK | nofollow);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "it is not a plain file",
        ));
    }
    let mut bytes = Vec::new();
    file.take(crate::load::text::MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok((bytes, meta.permissions()))
}

/// [`read_with_permissions`], the bytes only.
pub fn read_plain(path: &Path, follow: bool) -> std::io::Result<Vec<u8>> {
    read_with_permissions(path, follow).map(|(bytes, _)| bytes)
}

/// What a save did.
#[derive(Debug, PartialEq, Eq)]
pub enum Saved {
    /// The text was written; the new version token.
    Written(String),
    /// The file already held exactly this text; nothing was written.
    Unchanged(String),
    /// The file on disk is not the version the text was based on: another program changed
    /// it. Nothing was written. The version on disk.
    Conflict(String),
}

/// Saves `text` to `path` if the file on disk is still at version `base`: the previous
/// contents become the newest backup ([`super::backup::keep`], with the file's
/// permissions) first, then the text is written whole under a new name and renamed onto
/// the file, keeping its permissions. Nothing is written through an existing name (the
/// user's own link to the family file is followed once, to its target), and nothing
/// waits on a named pipe.
///
/// # Errors
///
/// [`Error::Io`] when the file cannot be read (other than not being there) or is not a
/// plain file, or the file, its backups or its folder cannot be written.
pub fn save(path: &Path, text: &str, base: &str) -> Result<Saved, Error> {
    let io = |source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    // Only a file that is not there counts as missing: one that cannot be read right now
    // must not be written over without its backup.
    let current = match read_with_permissions(path, true) {
        Ok(read) => Some(read),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    let previous = current.as_ref().map(|(bytes, _)| bytes.as_slice());
    let version = previous.map_or_else(|| MISSING.to_string(), version_of);
    if version != base {
        return Ok(Saved::Conflict(version));
    }
    if previous == Some(text.as_bytes()) {
        return Ok(Saved::Unchanged(version));
    }
    // The user's own link to the family file leads to the file written; a name is
    // resolved once, and the new text is renamed onto what it resolved to.
    let target = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path).map_err(io)?,
        _ => path.to_path_buf(),
    };
    let permissions = current.as_ref().map(|(_, p)| p.clone());
    let staged = crate::output::stage(&target, text.as_bytes(), permissions.clone())?;
    if let (Some(previous), Some(permissions)) = (previous, permissions) {
        super::backup::keep(path, previous, permissions)?;
    }
    staged.put(&target)?;
    Ok(Saved::Written(version_of(text.as_bytes())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("genogram-disk-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn save_keeps_a_backup_and_refuses_to_lose_an_outside_change() {
        let d = dir("save");
        let f = d.join("family.yaml");
        std::fs::write(&f, "one\n").unwrap();
        let v1 = version_of(b"one\n");
        assert_eq!(
            save(&f, "two\n", &v1).unwrap(),
            Saved::Written(version_of(b"two\n"))
        );
        assert_eq!(std::fs::read_to_string(&f).unwrap(), "two\n");
        assert_eq!(std::fs::read_to_string(backup(&f)).unwrap(), "one\n");
        // Based on the old version: refused, nothing written.
        assert_eq!(
            save(&f, "three\n", &v1).unwrap(),
            Saved::Conflict(version_of(b"two\n"))
        );
        assert_eq!(std::fs::read_to_string(&f).unwrap(), "two\n");
        assert_eq!(std::fs::read_to_string(backup(&f)).unwrap(), "one\n");
        let _ = std::fs::remove_dir_all(&d);
    }

    fn backup(f: &Path) -> PathBuf {
        super::super::backup::path(f, 1)
    }

    #[cfg(unix)]
    fn mkfifo(p: &Path) {
        let made = std::process::Command::new("mkfifo").arg(p).status();
        assert!(
            made.is_ok_and(|s| s.success()),
            "mkfifo (coreutils) is needed for this test"
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_backup_replaces_a_link_or_a_pipe_and_stays_private() {
        use std::os::unix::fs::PermissionsExt;
        let d = dir("backup-link");
        let f = d.join("family.yaml");
        std::fs::write(&f, "one\n").unwrap();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o600)).unwrap();
        let planted = d.join("planted");
        std::fs::write(&planted, "").unwrap();
        std::os::unix::fs::symlink(&planted, backup(&f)).unwrap();
        save(&f, "two\n", &version_of(b"one\n")).unwrap();
        assert_eq!(std::fs::read_to_string(&planted).unwrap(), "");
        assert_eq!(std::fs::read_to_string(backup(&f)).unwrap(), "one\n");
        assert_eq!(std::fs::read_to_string(&f).unwrap(), "two\n");
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&backup(&f)), 0o600);
        assert_eq!(mode(&f), 0o600);
        // A named pipe nobody reads, where the backup goes: replaced, no wait.
        std::fs::remove_file(backup(&f)).unwrap();
        mkfifo(&backup(&f));
        save(&f, "three\n", &version_of(b"two\n")).unwrap();
        assert_eq!(std::fs::read_to_string(backup(&f)).unwrap(), "two\n");
        // A named pipe in the family file's place is refused at once.
        std::fs::remove_file(&f).unwrap();
        mkfifo(&f);
        assert!(save(&f, "four\n", MISSING).is_err());
        assert!(read(&f).is_err());
        let _ = std::fs::remove_dir_all(&d);
    }

    /// Another user with write access to the folder swaps the backup's name for a link
    /// to their own file or for a named pipe, as fast as they can, while the workspace
    /// saves. No save may write the family there or wait on the pipe.
    #[cfg(unix)]
    #[test]
    fn swapping_the_backup_for_a_link_or_a_pipe_during_saves_leaks_nothing() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicBool, Ordering};
        const SAVES: usize = 200;
        let d = dir("backup-race");
        let f = d.join("family.yaml");
        std::fs::write(&f, "v0\n").unwrap();
        let planted = d.join("planted");
        std::fs::write(&planted, "").unwrap();
        let pipe = d.join("pipe");
        mkfifo(&pipe);
        let stop = Arc::new(AtomicBool::new(false));
        let swapper = {
            let (stop, bak, planted, pipe) =
                (Arc::clone(&stop), backup(&f), planted.clone(), pipe.clone());
            std::thread::spawn(move || {
                let mut swaps = 0u64;
                let side = bak.with_file_name("swap");
                while !stop.load(Ordering::SeqCst) {
                    // Each state replaces the last in one step: a plain file (which
                    // passes a check), a link to the planted file, a plain file, the
                    // pipe (the same pipe under another name, by a hard link).
                    let _ = std::fs::write(&side, "");
                    let _ = std::fs::rename(&side, &bak);
                    let _ = std::os::unix::fs::symlink(&planted, &side);
                    let _ = std::fs::rename(&side, &bak);
                    let _ = std::fs::write(&side, "");
                    let _ = std::fs::rename(&side, &bak);
                    let _ = std::fs::hard_link(&pipe, &side);
                    let _ = std::fs::rename(&side, &bak);
                    swaps += 1;
                }
                swaps
            })
        };
        let mut text = "v0\n".to_string();
        for n in 1..=SAVES {
            let next = format!("v{n}\n");
            let (tx, rx) = std::sync::mpsc::channel();
            let (file, base, new) = (f.clone(), version_of(text.as_bytes()), next.clone());
            std::thread::spawn(move || {
                let _ = tx.send(save(&file, &new, &base).map_err(|e| e.to_string()));
            });
            let saved = rx.recv_timeout(std::time::Duration::from_secs(10));
            let saved = saved.unwrap_or_else(|_| {
                stop.store(true, Ordering::SeqCst);
                panic!("save {n} hung (written into a named pipe?)")
            });
            assert!(
                saved.is_ok(),
                "save {n} failed: {saved:?} (the planted file holds {:?})",
                std::fs::read_to_string(&planted).unwrap_or_default()
            );
            text = next;
            assert_eq!(
                std::fs::read_to_string(&planted).unwrap(),
                "",
                "save {n} wrote the family through the planted link"
            );
        }
        stop.store(true, Ordering::SeqCst);
        let swaps = swapper.join().unwrap();
        assert!(swaps > 0);
        assert_eq!(std::fs::read_to_string(&f).unwrap(), text);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn polling_sees_a_change_and_a_removal() {
        let d = dir("poll");
        let f = d.join("family.yaml");
        std::fs::write(&f, "one\n").unwrap();
        let mut w = Watched::new(&f);
        assert_eq!(w.poll().version, version_of(b"one\n"));
        std::fs::write(&f, "one more\n").unwrap();
        assert_eq!(w.poll().version, version_of(b"one more\n"));
        std::fs::remove_file(&f).unwrap();
        assert_eq!(w.poll().version, MISSING);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn versions_differ_for_different_bytes() {
        assert_ne!(version_of(b"ab"), version_of(b"ba"));
        assert_eq!(version_of(b""), "0-cbf29ce484222325");
    }
}
