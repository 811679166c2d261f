//! Writing output files safely: the whole file or nothing.
//!
//! The bytes go to a temporary file in the same folder, which is then renamed over the
//! destination, so a reader never sees half a file and a failed run leaves an existing
//! file untouched. The input file is never overwritten.
//!
//! A destination that is not a regular file (`/dev/null`, `/dev/stdout`, a named pipe) is
//! written in place instead: renaming over it would replace the device itself.
//!
//! Family data is private: the temporary file is readable by its owner only from the
//! moment it exists, a file that is replaced keeps its permissions, and a new file stays
//! readable by its owner only.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::Error;

/// Writes `bytes` to `path` atomically, refusing to write over `input`.
///
/// # Errors
///
/// [`Error::Usage`] when `path` is the input file or a folder; [`Error::Io`] when the
/// folder is missing or not writable, naming the folder.
pub fn write_atomically(path: &Path, bytes: &[u8], input: Option<&Path>) -> Result<(), Error> {
    write_file(path, &[bytes], input, Durable::Yes)
}

/// Writes something drawn or derived from the family file (a drawing, a layout) to `path`
/// atomically, refusing to write over `input`, without waiting for the disk.
///
/// Readers still see the old file or the whole new one, never a part. What is not done is
/// flushing the bytes to the disk before the rename: after a power cut a new drawing may be
/// missing, and it can simply be drawn again, whereas the wait is long for large files
/// (a quarter of a second for the 133 MB drawing of 100,000 people). Files that hold the
/// family itself go through [`write_atomically`].
///
/// # Errors
///
/// As [`write_atomically`].
pub fn write_derived(path: &Path, bytes: &[u8], input: Option<&Path>) -> Result<(), Error> {
    write_file(path, &[bytes], input, Durable::No)
}

/// [`write_derived`] for a file given as parts, written one after the other (a large
/// drawing is never copied into one buffer).
///
/// # Errors
///
/// As [`write_atomically`].
pub fn write_derived_parts<P: AsRef<[u8]>>(
    path: &Path,
    parts: &[P],
    input: Option<&Path>,
) -> Result<(), Error> {
    let parts: Vec<&[u8]> = parts.iter().map(AsRef::as_ref).collect();
    write_file(path, &parts, input, Durable::No)
}

/// Whether the bytes must be on the disk before the new file replaces the old.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Durable {
    Yes,
    No,
}

/// A whole file written, and flushed to the disk, under a new hidden name beside `path`
/// (created there, never opened if it already existed, readable by its owner only until
/// `permissions` are set), but not yet in place: [`Staged::put`] renames it onto a name.
/// Used where nothing may be written through what an existing name points at (the
/// workspace's backups and its family file).
///
/// # Errors
///
/// [`Error::Io`] when the folder is missing or not writable, naming the folder.
pub fn stage(
    path: &Path,
    bytes: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> Result<Staged, Error> {
    let (dir, name) = folder_of(path)?;
    stage_in(&dir, name, &[bytes], permissions, Durable::Yes)
}

/// A file written by [`stage`], removed when dropped unless it was put in place.
#[derive(Debug)]
pub struct Staged {
    tmp: Option<PathBuf>,
}

impl Staged {
    /// Renames the file onto `path` in one step: whatever had that name (a file, a
    /// symbolic link, a named pipe) is replaced, never written through or followed.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] naming `path` when the rename fails (`path` is a folder, say); the
    /// staged file is then removed.
    pub fn put(mut self, path: &Path) -> Result<(), Error> {
        let tmp = self.tmp.take().unwrap_or_default();
        std::fs::rename(&tmp, path).map_err(|source| {
            let _ = std::fs::remove_file(&tmp);
            Error::Io {
                path: path.display().to_string(),
                source,
            }
        })
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if let Some(tmp) = self.tmp.take() {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// The folder and the file name of `path` (the folder must exist).
fn folder_of(path: &Path) -> Result<(PathBuf, &std::ffi::OsStr), Error> {
    let shown = path.display().to_string();
    let name = path
        .file_name()
        .ok_or_else(|| Error::Usage(format!("{shown} is not a file name")))?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(Error::Io {
            path: dir.display().to_string(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "the folder does not exist"),
        });
    }
    Ok((dir, name))
}

/// Writes `parts` to a new temporary file in `dir` named after `name`, with
/// `permissions` once the bytes are in, flushed to the disk when `durable`.
fn stage_in(
    dir: &Path,
    name: &std::ffi::OsStr,
    parts: &[&[u8]],
    permissions: Option<std::fs::Permissions>,
    durable: Durable,
) -> Result<Staged, Error> {
    let (tmp, mut file) = temporary(dir, name).map_err(|source| Error::Io {
        path: dir.display().to_string(),
        source,
    })?;
    let staged = Staged { tmp: Some(tmp) };
    parts
        .iter()
        .try_for_each(|part| file.write_all(part))
        .and_then(|()| permissions.map_or(Ok(()), |p| file.set_permissions(p)))
        .and_then(|()| {
            if durable == Durable::Yes {
                file.sync_all()
            } else {
                Ok(())
            }
        })
        .map_err(|source| Error::Io {
            path: dir.join(name).display().to_string(),
            source,
        })?;
    Ok(staged)
}

fn write_file(
    path: &Path,
    parts: &[&[u8]],
    input: Option<&Path>,
    durable: Durable,
) -> Result<(), Error> {
    let shown = path.display().to_string();
    if let Some(input) = input
        && same_file(path, input)
    {
        return Err(Error::Usage(format!(
            "refusing to write over the input file {shown}; choose another output name with -o"
        )));
    }
    if path.is_dir() {
        return Err(Error::Usage(format!(
            "{shown} is a folder; give a file name with -o, for example family.svg"
        )));
    }
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        return write_in_place(path, parts);
    }
    // Renaming over a symbolic link would replace the link; write to what it points at.
    let target = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path).ok(),
        _ => None,
    };
    let path = target.as_deref().unwrap_or(path);
    let (dir, name) = folder_of(path)?;
    // A file that is replaced keeps its permissions (set only after the bytes are in, on
    // a file that was private until then).
    let keep = std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.permissions());
    stage_in(&dir, name, parts, keep, durable)?.put(path)
}

/// Writes to a device or pipe that already exists, without creating or renaming anything.
fn write_in_place(path: &Path, parts: &[&[u8]]) -> Result<(), Error> {
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .and_then(|mut f| {
            parts
                .iter()
                .try_for_each(|part| f.write_all(part))
                .and_then(|()| f.flush())
        })
        .map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })
}

/// A new, hidden file next to the destination, named after it.
fn temporary(dir: &Path, name: &std::ffi::OsStr) -> std::io::Result<(PathBuf, std::fs::File)> {
    let mut last = None;
    for n in 0..100u32 {
        let mut tmp_name = std::ffi::OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(format!(".{}-{n}.tmp", std::process::id()));
        let tmp = dir.join(tmp_name);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no free temporary name")))
}

/// Whether two paths name the same file (the output may not exist yet): the same path
/// once links are resolved, or on Unix the same file under two names (a hard link).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) if x == y => true,
        (Ok(_), Ok(_)) => same_inode(a, b),
        _ => false,
    }
}

#[cfg(unix)]
fn same_inode(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_inode(_: &Path, _: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("genogram-output-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn writes_and_replaces_whole_files() {
        let dir = scratch("writes");
        let out = dir.join("a.svg");
        write_atomically(&out, b"one", None).unwrap();
        write_atomically(&out, b"two", None).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"two");
        write_derived(&out, b"three", None).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"three");
        write_derived_parts(&out, &["fo", "", "ur"], None).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"four");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    }

    #[test]
    fn a_drawing_is_written_with_the_same_safeguards() {
        let dir = scratch("derived");
        let input = dir.join("family.yaml");
        std::fs::write(&input, "people: {}").unwrap();
        let e = write_derived(&dir.join(".").join("family.yaml"), b"x", Some(&input)).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert_eq!(std::fs::read(&input).unwrap(), b"people: {}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::{FileTypeExt, PermissionsExt};
            write_derived(Path::new("/dev/null"), b"discarded", None).unwrap();
            let meta = std::fs::symlink_metadata("/dev/null").unwrap();
            assert!(meta.file_type().is_char_device());
            let out = dir.join("new.svg");
            write_derived(&out, b"<svg/>", None).unwrap();
            let mode = std::fs::metadata(&out).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn refuses_the_input_file() {
        let dir = scratch("input");
        let input = dir.join("family.yaml");
        std::fs::write(&input, "people: {}").unwrap();
        let same = dir.join(".").join("family.yaml");
        let e = write_atomically(&same, b"x", Some(&input)).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert_eq!(std::fs::read(&input).unwrap(), b"people: {}");
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_written_in_place_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        write_atomically(Path::new("/dev/null"), b"discarded", None).unwrap();
        let meta = std::fs::symlink_metadata("/dev/null").unwrap();
        assert!(meta.file_type().is_char_device(), "/dev/null was replaced");
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_are_kept_and_their_target_written() {
        let dir = scratch("symlink");
        let real = dir.join("real.svg");
        std::fs::write(&real, "old").unwrap();
        let link = dir.join("link.svg");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomically(&link, b"new", None).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions_and_a_new_one_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = scratch("modes");
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let new = dir.join("new.svg");
        write_atomically(&new, b"x", None).unwrap();
        assert_eq!(mode(&new), 0o600);
        let shared = dir.join("shared.svg");
        std::fs::write(&shared, "old").unwrap();
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_atomically(&shared, b"new", None).unwrap();
        assert_eq!(mode(&shared), 0o644);
        let backup = dir.join("family.yaml.bak");
        stage(&backup, b"x", Some(std::fs::Permissions::from_mode(0o640)))
            .unwrap()
            .put(&backup)
            .unwrap();
        assert_eq!(mode(&backup), 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_staged_file_replaces_a_link_or_a_pipe_never_writing_through_it() {
        let dir = scratch("staged");
        let planted = dir.join("planted");
        std::fs::write(&planted, "").unwrap();
        let name = dir.join("family.yaml.bak");
        std::os::unix::fs::symlink(&planted, &name).unwrap();
        stage(&name, b"one", None).unwrap().put(&name).unwrap();
        assert_eq!(std::fs::read(&planted).unwrap(), b"");
        assert!(std::fs::symlink_metadata(&name).unwrap().is_file());
        assert_eq!(std::fs::read(&name).unwrap(), b"one");
        // A staged file that is not put is removed.
        drop(stage(&name, b"two", None).unwrap());
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);
    }

    #[test]
    fn missing_folder_is_a_clear_error() {
        let dir = scratch("missing");
        let e = write_atomically(&dir.join("nope").join("a.svg"), b"x", None).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.to_string().contains("nope"));
    }
}
