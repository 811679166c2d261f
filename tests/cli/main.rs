//! Tests of the `genogram` binary as users run it, one module per command.

mod booklet;
mod check;
mod handouts;
mod hostile;
mod import;
mod init;
mod layout;
mod readme;
mod render;
mod report;
mod schema;
mod serve;
mod snapshots;
mod syscalls;
mod util;
mod watch;

pub use util::{genogram, stderr, stdout, temp_file};
