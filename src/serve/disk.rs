//! The family file on disk: what version is there, and saving with a backup.
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

/// Reads the file's bytes, at most one more than the loader's size cap.
pub fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(crate::load::text::MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The backup of `path`: the same name with `.bak` added (`family.yaml.bak`).
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
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
/// contents go to the backup ([`backup_path`], with the file's permissions) first, then
/// the text is written atomically through [`crate::output::write_atomically`], keeping
/// the file's permissions.
///
/// # Errors
///
/// [`Error::Io`] when the file cannot be read (other than not being there), or the file,
/// its backup or its folder cannot be written; [`Error::Usage`] when the backup's name
/// is taken by a link or a special file.
pub fn save(path: &Path, text: &str, base: &str) -> Result<Saved, Error> {
    let io = |source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    // Only a file that is not there counts as missing: one that cannot be read right now
    // must not be written over without its backup.
    let current = match read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    let version = current
        .as_deref()
        .map_or_else(|| MISSING.to_string(), version_of);
    if version != base {
        return Ok(Saved::Conflict(version));
    }
    if current.as_deref() == Some(text.as_bytes()) {
        return Ok(Saved::Unchanged(version));
    }
    if let Some(previous) = &current {
        let backup = backup_path(path);
        // A link or a special file where the backup goes could hand the family to
        // whoever put it there: write the backup only over a plain file, or a new one.
        if let Ok(meta) = std::fs::symlink_metadata(&backup)
            && !meta.file_type().is_file()
        {
            return Err(Error::Usage(format!(
                "{} is a link or a special file, not a backup this workspace wrote; \
                 move it away so the previous version can be kept there",
                backup.display()
            )));
        }
        let permissions = std::fs::metadata(path).map_err(io)?.permissions();
        crate::output::write_atomically_with(&backup, previous, permissions)?;
    }
    // The family file keeps its permissions (the writer sees to that).
    crate::output::write_atomically(path, text.as_bytes(), None)?;
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
        assert_eq!(std::fs::read_to_string(backup_path(&f)).unwrap(), "one\n");
        // Based on the old version: refused, nothing written.
        assert_eq!(
            save(&f, "three\n", &v1).unwrap(),
            Saved::Conflict(version_of(b"two\n"))
        );
        assert_eq!(std::fs::read_to_string(&f).unwrap(), "two\n");
        assert_eq!(std::fs::read_to_string(backup_path(&f)).unwrap(), "one\n");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[cfg(unix)]
    #[test]
    fn the_backup_is_never_written_through_a_link_and_stays_private() {
        use std::os::unix::fs::PermissionsExt;
        let d = dir("backup-link");
        let f = d.join("family.yaml");
        std::fs::write(&f, "one\n").unwrap();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o600)).unwrap();
        let planted = d.join("planted");
        std::fs::write(&planted, "").unwrap();
        std::os::unix::fs::symlink(&planted, backup_path(&f)).unwrap();
        let v1 = version_of(b"one\n");
        assert!(save(&f, "two\n", &v1).is_err());
        assert_eq!(std::fs::read_to_string(&planted).unwrap(), "");
        assert_eq!(std::fs::read_to_string(&f).unwrap(), "one\n");
        std::fs::remove_file(backup_path(&f)).unwrap();
        save(&f, "two\n", &v1).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&backup_path(&f)), 0o600);
        assert_eq!(mode(&f), 0o600);
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
