//! Tests of the `genogram` binary as users run it, one module per command.

mod check;
mod edit;
mod handouts;
mod hostile;
mod import;
mod init;
mod layout;
mod questions;
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
