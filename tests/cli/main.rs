//! Tests of the `genogram` binary as users run it, one module per command.

mod check;
mod readme;
mod render;
/// `genogram report`.
mod report;
mod schema;
mod util;

use std::path::PathBuf;
use std::process::{Command, Output};

/// Runs `genogram` with `args` from the crate root.
pub fn genogram(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_genogram"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the genogram binary runs")
}

/// The text of stdout.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The text of stderr.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A family file written to a fresh temporary folder for one test.
pub fn temp_file(test: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("genogram-cli-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp folder");
    let path = dir.join("family.yaml");
    std::fs::write(&path, text).expect("temp file");
    path
}
