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
    /// Trace how the skills of intimacy were passed down, and the family's patterns.
    Report {
        /// The family file (YAML).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// How to print the report.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// Report only this skill (repeat for several). Default: every skill of the file.
        #[arg(long = "skill", value_name = "NAME")]
        skills: Vec<String>,
        /// When a level counts as having a skill: `some` (some or strong) or `strong`.
        #[arg(long, value_name = "LEVEL", default_value = "some", value_parser = ["some", "strong"])]
        threshold: String,
        /// The person the report is for (kinship words, family lines). Default: the index.
        #[arg(long, value_name = "ID")]
        person: Option<String>,
    },
    /// Print the JSON Schema of the family file, for editor support.
    Schema,
}

/// The output formats of `genogram report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Plain text, for reading in a terminal.
    Text,
    /// Markdown, to print as a handout section.
    Markdown,
    /// JSON, for other tools (the shape of analysis.md).
    Json,
}
