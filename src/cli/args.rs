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
    /// Make a family file from a GEDCOM file exported by a genealogy program.
    Import {
        /// The GEDCOM file (.ged): GEDCOM 5.5, 5.5.1 or 7.0.
        #[arg(value_name = "FILE.ged")]
        file: PathBuf,
        /// Where to write the family file; standard output when absent or `-`.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists (never the GEDCOM file itself).
        #[arg(long)]
        force: bool,
    },
    /// Write a commented starter family file to fill in.
    Init {
        /// Where to write it (never over an existing file); standard output when absent.
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },
}
