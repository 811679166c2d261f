//! The command line, as clap reads it. Only what the user typed is checked here.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Genograms in standard notation, and how the skills of emotional intimacy (openness,
/// honesty, directness) were passed down a family.
#[derive(Debug, Parser)]
#[command(name = "genogram", version, about, long_about = None)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check family files and list every problem with its line and column.
    Check {
        /// The family files (YAML).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the family file, for editor support.
    Schema,
}
