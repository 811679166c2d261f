//! Tests of the `genogram` binary as users run it, one module per command.

mod check;
mod schema;
mod util;
