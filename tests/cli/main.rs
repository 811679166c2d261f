//! Tests of the `genogram` binary as users run it, one module per command.

mod check;
mod import;
mod init;
mod readme;
mod schema;
mod util;
