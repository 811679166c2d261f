//! Tests of the `genogram` binary as users run it, one module per command.

mod check;
mod hostile;
mod readme;
mod render;
mod schema;
mod syscalls;
mod util;
