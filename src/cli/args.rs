//! The command line, as clap reads it. Only what the user typed is checked here.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::model::PartialDate;

/// Genograms in standard notation, and how the skills of emotional intimacy (openness,
/// honesty, directness) were passed down a family.
#[derive(Debug, Parser)]
#[command(
    name = "genogram",
    version = VERSION,
    about,
    long_about = None,
    disable_help_subcommand = true
)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// What `genogram --version` prints after the name: the version and the optional parts
/// this build has (the cargo features `png` and `pdf`).
#[cfg(all(feature = "png", feature = "pdf"))]
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (features: png, pdf)");
/// What `genogram --version` prints after the name (this build: PNG only).
#[cfg(all(feature = "png", not(feature = "pdf")))]
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (features: png)");
/// What `genogram --version` prints after the name (this build: PDF only).
#[cfg(all(not(feature = "png"), feature = "pdf"))]
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (features: pdf)");
/// What `genogram --version` prints after the name (this build: SVG only).
#[cfg(not(any(feature = "png", feature = "pdf")))]
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (features: none, SVG only)");

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
        /// Report on the family as it was at this date (a year, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = as_of_date)]
        as_of: Option<PartialDate>,
    },
    /// What to ask next in an intake: open questions to rate each person's skills, and
    /// about close relatives missing from the file, in the order of an interview.
    Questions {
        /// The family file (YAML).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// How to print the questions.
        #[arg(long, value_enum, default_value_t = QuestionsFormat::Text)]
        format: QuestionsFormat,
        /// The client the questions are worded for. Default: the file's `index`.
        #[arg(long, value_name = "ID")]
        person: Option<String>,
    },
    /// Print the JSON Schema of the family file, for editor support.
    Schema,
    /// List every dated event of the family in order: births, deaths, unions,
    /// relationships, and when skills were learned and rated.
    Timeline {
        /// The family file (YAML).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// How to print it: text, markdown, json, or svg (a picture for A4 landscape).
        #[arg(long, value_enum, default_value_t = TimelineFormat::Text)]
        format: TimelineFormat,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
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
        /// Lay out the family as it was at this date (a year, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = as_of_date)]
        as_of: Option<PartialDate>,
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
    /// Draw the genogram as an SVG picture in standard (McGoldrick) notation.
    Render {
        /// The family file (YAML).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Where to write the picture (SVG, or PNG or PDF by the extension); standard
        /// output when absent or `-`.
        #[arg(short, long, value_name = "OUT.svg|png|pdf")]
        output: Option<PathBuf>,
        /// The kind of file to write; by default from the extension of -o, else SVG.
        #[arg(long, value_enum)]
        format: Option<RenderFormat>,
        /// PNG pixels per inch (default 300, for print).
        #[arg(long, value_name = "DPI", conflicts_with = "scale")]
        dpi: Option<f64>,
        /// PNG pixels per drawing pixel (1 = 96 dpi); instead of --dpi.
        #[arg(long, value_name = "FACTOR")]
        scale: Option<f64>,
        /// What to draw and on what page.
        #[command(flatten)]
        drawing: DrawingArgs,
    },
    /// Make one PDF for a therapy group: every member's genogram and a worksheet with
    /// questions for the next session, an opening page and the group's counts.
    Booklet {
        /// The members' family files (YAML), one per member, in the order of the booklet.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Where to write the booklet (a PDF).
        #[arg(short, long, value_name = "OUT.pdf", required = true)]
        output: PathBuf,
        /// Call each member "Member 1", "Member 2"… and leave out every name, id, title,
        /// note, occupation, place, date and free-text condition of the files.
        #[arg(long)]
        anonymize: bool,
        /// The paper size.
        #[arg(long, value_enum, default_value_t = PaperArg::A4)]
        page: PaperArg,
        /// The booklet's title, on the opening page and at the top of every page.
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// Only this skill, traced on every genogram. Default: every skill of the files.
        #[arg(long, value_name = "SKILL")]
        skill: Option<String>,
    },
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
    /// Open a workspace in the web browser: the family file in an editor, the live
    /// genogram, the report and the questions for the next session. On this computer only.
    Serve {
        /// The family file (YAML).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The port to listen on at 127.0.0.1; 0 picks any free port.
        #[arg(long, value_name = "N", default_value_t = crate::serve::DEFAULT_PORT)]
        port: u16,
    },
    /// Open the workspace in your web browser, without a terminal (the menu's Genogram).
    ///
    /// It stops by itself a while after its last tab is closed, or with Ctrl-C. Without
    /// FILE: a new family, kept in genogram-family.yaml in this folder
    /// (genogram-family-2.yaml, … when that one is taken).
    Open {
        /// The family file (YAML).
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// Seconds without any request from a page before the workspace stops (for tests).
        #[arg(long, value_name = "SECONDS", hide = true, default_value_t = crate::serve::idle::IDLE_SECONDS)]
        idle_seconds: u64,
    },
    /// Print a guide in the terminal (format, notation, skills), or a command's help.
    ///
    /// The guides are the reference pages of docs/ (format.md, notation.md,
    /// analysis.md), as plain text.
    Help {
        /// A guide (format, notation, skills) or a command (render, serve, …). Without
        /// it: the list of guides and commands.
        #[arg(value_name = "TOPIC")]
        topic: Option<String>,
    },
    /// Write the manual pages and shell completions into DIR (for packagers).
    #[command(hide = true)]
    PackageFiles {
        /// The folder to write `man/` and `completions/` into.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Draw the genogram again every time the family file changes.
    Watch {
        /// The family file (YAML).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Where to write the picture (SVG, or PNG or PDF by the extension).
        #[arg(short, long, value_name = "OUT.svg|png|pdf")]
        output: PathBuf,
        /// What to draw and on what page.
        #[command(flatten)]
        drawing: DrawingArgs,
    },
    /// Change a family file with operations written as JSON (add a person, a couple, a
    /// child, a relationship; change or remove them), keeping the rest of the file as it is.
    Edit {
        /// The family file (YAML); a file that is not there yet starts a new family.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The operations: a JSON list (see docs/editing.md); `-` reads standard input.
        #[arg(value_name = "OPS.json")]
        ops: PathBuf,
        /// Print the changed file instead of writing it.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write a commented starter family file to fill in.
    Init {
        /// Where to write it (never over an existing file); standard output when absent.
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },
}

/// The file kinds of `render --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    /// An SVG drawing.
    Svg,
    /// A PNG picture (needs the `png` cargo feature, on by default).
    Png,
    /// A one-page PDF (needs the `pdf` cargo feature, on by default).
    Pdf,
}

/// The page sizes of `render --page`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PageArg {
    /// The drawing's own size.
    Fit,
    /// A4 (210 mm × 297 mm).
    A4,
    /// US Letter (8.5 in × 11 in).
    Letter,
}

/// The paper sizes of `booklet --page`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    /// A4 (210 mm × 297 mm).
    A4,
    /// US Letter (8.5 in × 11 in).
    Letter,
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

/// The output formats of `genogram report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Plain text, for reading in a terminal.
    Text,
    /// Markdown, to print as a handout section.
    Markdown,
    /// JSON, for other tools (the shape of docs/analysis.md).
    Json,
}

/// The output formats of `genogram timeline`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TimelineFormat {
    /// Plain text, one event per line.
    Text,
    /// A Markdown table.
    Markdown,
    /// JSON, for other tools.
    Json,
    /// An SVG picture: one lane per generation, life spans as bars, events as marks.
    Svg,
}

/// The output formats of `genogram questions`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum QuestionsFormat {
    /// Plain text, for reading in a terminal.
    Text,
    /// Markdown, to print for the next session.
    Markdown,
    /// JSON, for other tools: {"questions": [{kind, people, skill, question, levels}]}.
    Json,
}

/// How the genogram is drawn: the options `render` and `watch` share.
#[derive(clap::Args, Debug, Clone)]
pub struct DrawingArgs {
    /// Overlay how this skill was passed from each caregiver to each child.
    #[arg(long, value_name = "SKILL")]
    pub trace: Option<String>,
    /// Replace names with neutral labels (II-3) and leave out the title, notes,
    /// occupations, places and dates: for handouts.
    #[arg(long)]
    pub anonymize: bool,
    /// Show the notes of people, skills and relationships, numbered under the key.
    #[arg(long, conflicts_with = "anonymize")]
    pub notes: bool,
    /// Page size: the drawing's own size, or scaled to fit A4 or Letter.
    #[arg(long, value_enum, default_value_t = PageArg::Fit)]
    pub page: PageArg,
    /// Turn the A4 or Letter page sideways.
    #[arg(long)]
    pub landscape: bool,
    /// The key under the drawing: only the marks this drawing uses, in a few words
    /// (compact), every mark used in full sentences (full), or none.
    #[arg(long, value_enum, default_value_t = KeyArg::Compact)]
    pub key: KeyArg,
    /// Draw the family as it was at this date (a year, YYYY-MM or YYYY-MM-DD): people
    /// born later left out, those who died later alive with their age then, the skill
    /// levels rated by then.
    #[arg(long, value_name = "DATE", value_parser = as_of_date)]
    pub as_of: Option<PartialDate>,
}

/// The keys of `render --key`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KeyArg {
    /// The marks this drawing uses beyond square, circle and marriage, in a few words,
    /// laid out across the width.
    Compact,
    /// Every mark this drawing uses, each explained in full.
    Full,
    /// No key.
    None,
}

/// Reads the date of `--as-of`.
fn as_of_date(text: &str) -> Result<PartialDate, String> {
    crate::time::parse_date(text)
}
