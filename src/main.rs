//! The `genogram` binary: a thin shell over the library's [`genogram::cli`].

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = genogram::cli::Args::parse();
    ExitCode::from(genogram::cli::run(args))
}
