//! Running the built binary and reading what it says.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project root, where samples/ and tests/fixtures/ live.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under the project root.
pub fn path(rel: &str) -> PathBuf {
    root().join(rel)
}

/// Runs `genogram` with `args` from the project root.
pub fn genogram<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_genogram"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs")
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every sample family, sorted.
pub fn samples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(path("samples"))
        .expect("samples/ exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    v.sort();
    v
}

/// Runs `genogram COMMAND SAMPLE --format F` for every sample and every text format
/// (text, markdown, json): each succeeds and prints something.
pub fn every_sample_in_every_format(command: &str) {
    for sample in samples() {
        for format in ["text", "markdown", "json"] {
            let o = genogram([
                command,
                sample.to_str().expect("utf-8 path"),
                "--format",
                format,
            ]);
            assert_eq!(
                o.status.code(),
                Some(0),
                "{command} {} {format}: {}",
                sample.display(),
                stderr(&o)
            );
            assert!(
                !o.stdout.is_empty(),
                "{command} {} {format}",
                sample.display()
            );
        }
    }
}

/// A fresh empty folder for a test's files.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("genogram-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Writes `bytes` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write fixture");
    p
}

/// A family file written to a fresh temporary folder for one test.
pub fn temp_file(test: &str, text: &str) -> PathBuf {
    write(&temp_dir(test), "family.yaml", text)
}
