//! Tests of the `genogram` binary as users run it, one module per command.

mod check;
mod handouts;
mod readme;
mod render;
mod report;
mod schema;
mod util;

pub use util::{genogram, stderr, stdout, temp_file};
