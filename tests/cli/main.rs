//! Tests of the `genogram` binary as users run it, one module per command.

mod booklet;
mod check;
mod edit;
// The geometry of the drawings, read with usvg (part of the PNG support).
#[cfg(feature = "png")]
mod geometry;
// PNG and PDF handouts exist only in builds with both features (the default); a build
// without them is checked by `without_handouts` instead.
#[cfg(all(feature = "png", feature = "pdf"))]
mod handouts;
mod hostile;
mod import;
mod init;
mod layout;
pub mod open;
mod package_files;
mod questions;
mod readme;
mod render;
mod report;
mod schema;
mod serve;
mod snapshots;
mod syscalls;
mod time;
mod util;
mod watch;
#[cfg(not(all(feature = "png", feature = "pdf")))]
mod without_handouts;

pub use util::{genogram, stderr, stdout, temp_file};
