//! The `genogram` binary: a thin shell over the library's [`genogram::cli`].

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = genogram::cli::Args::parse();
    let mut leftovers = genogram::cli::Leftovers::default();
    let status = genogram::cli::run_keeping(args, &mut leftovers);
    // The process ends now: the operating system takes its memory back at once, faster
    // than freeing the family piece by piece.
    std::mem::forget(leftovers);
    ExitCode::from(status)
}
