//! The command line, as clap reads it. Only what the user typed is checked here.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

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
    /// Lay a family out and print the positions of symbols and lines.
    Layout {
        /// The family file (YAML).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: LayoutFormat,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Export a family for another program.
    Export {
        /// The family file (YAML).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Output format: `dot` is Graphviz, one point node per couple.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
}

/// Formats of `genogram layout`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LayoutFormat {
    /// Positions and lines as JSON.
    Json,
}

/// Formats of `genogram export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Graphviz DOT.
    Dot,
}
