//! Tests of the `genogram` binary as users run it, one module per command.

mod check;
mod layout;
mod readme;
mod schema;
mod util;
