//! Tests of the `genogram` binary as users run it, one module per command.

mod check;
mod readme;
mod render;
mod schema;
mod util;
