//! The `genogram` command: parses arguments, runs the library, prints results.
//!
//! The library never prints and never exits; this module turns its results into output
//! and exit statuses (0 success, 1 invalid input, 2 bad usage or unreadable files).

mod args;
mod booklet_cmd;
mod browser;
mod edit_cmd;
mod help_cmd;
mod import_cmd;
mod init_cmd;
mod layout_cmd;
mod open_cmd;
mod package_files;
mod questions_cmd;
mod render_cmd;
mod report;
mod report_cmd;
mod serve_cmd;
mod timeline_cmd;
mod watch_cmd;

pub use args::{
    Args, Command, DrawingArgs, ExportFormat, KeyArg, LayoutFormat, PageArg, PaperArg,
    QuestionsFormat, RenderFormat, ReportFormat, TimelineFormat,
};

use std::io::Write;

use crate::Error;
use crate::diag::escape_for_terminal;

/// Runs one command and returns the exit status; what the command held is freed.
pub fn run(args: Args) -> u8 {
    run_keeping(args, &mut Leftovers::default())
}

/// Values a command holds until it ends, handed to whoever ends the process: the
/// `genogram` binary leaves them to the operating system, which takes back a finished
/// process's memory all at once instead of freeing it piece by piece just before exiting
/// (for 100,000 people, a tenth of a second of the whole run). Dropped, they are freed
/// like any value, so the library itself never leaks.
#[derive(Default)]
pub struct Leftovers(Vec<Box<dyn std::any::Any>>);

impl Leftovers {
    /// Holds `value` until the leftovers are dropped or left to the operating system.
    fn keep<T: 'static>(&mut self, value: T) {
        self.0.push(Box::new(value));
    }
}

/// Runs one command and returns the exit status; values held until the command's end
/// (the family, its layout and drawing) go to `leftovers`.
pub fn run_keeping(args: Args, leftovers: &mut Leftovers) -> u8 {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    // Not locked for the whole command: the workspace's other threads (its panic hook,
    // `open`'s watch on the browser) write to it while the main thread answers requests.
    let mut err = std::io::stderr();
    let result = match args.command {
        Command::Check { files } => check(&files, &mut out, &mut err, leftovers),
        Command::Report {
            file,
            format,
            skills,
            threshold,
            person,
            as_of,
        } => report_cmd::run(
            &file,
            format,
            &skills,
            &threshold,
            person.as_deref(),
            as_of,
            &mut out,
        ),
        Command::Questions {
            file,
            format,
            person,
        } => questions_cmd::run(&file, format, person.as_deref(), &mut out),
        Command::Schema => write_out(&mut out, crate::schema::json_text().as_bytes()),
        Command::Timeline {
            file,
            format,
            output,
        } => timeline_cmd::run(&file, format, output.as_deref(), &mut out),
        Command::Layout {
            file,
            format,
            output,
            as_of,
        } => layout_cmd::layout(&file, format, output.as_deref(), as_of, &mut out),
        Command::Export {
            file,
            format,
            output,
        } => layout_cmd::export(&file, format, output.as_deref(), &mut out),
        Command::Render {
            file,
            output,
            format,
            dpi,
            scale,
            drawing,
        } => {
            let request = render_cmd::Request {
                file,
                output,
                format,
                dpi,
                scale,
                drawing,
                last: true,
            };
            render_cmd::run(&request, &mut out, leftovers)
        }
        Command::Booklet {
            files,
            output,
            anonymize,
            page,
            title,
            skill,
        } => {
            let options = crate::booklet::Options {
                anonymize,
                paper: match page {
                    PaperArg::A4 => crate::booklet::Paper::A4,
                    PaperArg::Letter => crate::booklet::Paper::Letter,
                },
                title,
                skill,
            };
            booklet_cmd::run(&files, &output, &options, &mut err, leftovers)
        }
        Command::Import {
            file,
            output,
            force,
        } => import_cmd::run(&file, output.as_deref(), force, &mut out, &mut err),
        Command::Edit { file, ops, dry_run } => {
            edit_cmd::run(&file, &ops, dry_run, &mut out, &mut err)
        }
        Command::Init { file } => init_cmd::run(file.as_deref(), &mut out, &mut err),
        Command::Serve { file, port } => serve_cmd::run(&file, port, &mut out),
        Command::Open { file, idle_seconds } => {
            open_cmd::run(file.as_deref(), idle_seconds, &mut out)
        }
        Command::Help { topic } => help_cmd::run(topic.as_deref(), &mut out),
        Command::PackageFiles { dir } => package_files::run(&dir, &mut err),
        Command::Watch {
            file,
            output,
            drawing,
        } => {
            let request = render_cmd::Request {
                file,
                output: Some(output),
                format: None,
                dpi: None,
                scale: None,
                drawing,
                last: false,
            };
            watch_cmd::run(&request, &mut out, &mut err)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            report_error(&mut err, &e);
            e.exit_code()
        }
    }
}

/// Writes to stdout; a closed pipe (`genogram … | head`) is not an error.
pub(crate) fn write_out(out: &mut impl Write, bytes: &[u8]) -> Result<u8, Error> {
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Io {
            path: "standard output".into(),
            source: e,
        }),
        _ => Ok(0),
    }
}

/// Loads a family file, as it was at `as_of` when given.
fn load_as_of(
    file: &std::path::Path,
    as_of: Option<crate::model::PartialDate>,
) -> Result<crate::graph::FamilyGraph, Error> {
    let (_, graph) = crate::load_file(file)?;
    Ok(match as_of {
        Some(date) => crate::time::as_of(&graph, date),
        None => graph,
    })
}

/// Refuses a `--skill` or `--trace` name the family does not declare, suggesting the
/// closest one and listing those it has.
fn require_skill(graph: &crate::graph::FamilyGraph, skill: &str) -> Result<(), Error> {
    let declared: Vec<&str> = graph
        .family()
        .skills
        .iter()
        .map(|s| s.name.value.as_str())
        .collect();
    if declared.contains(&skill) {
        return Ok(());
    }
    let hint = match crate::load::closest(skill, declared.iter().copied(), 1).first() {
        Some(c) => format!(" (did you mean `{c}`?)"),
        None => String::new(),
    };
    Err(Error::Usage(format!(
        "the file has no skill `{skill}`{hint}; its skills are: {}",
        declared.join(", ")
    )))
}

fn report_error(err: &mut impl Write, e: &Error) {
    match e {
        Error::Input { file, diagnostics } => report::diagnostics(err, file, diagnostics),
        Error::Io { path, source } => {
            let _ = writeln!(
                err,
                "error: cannot read or write {}: {}",
                escape_for_terminal(path),
                plain_io(source)
            );
        }
        Error::Usage(m) => {
            let _ = writeln!(err, "error: {}", escape_for_terminal(m));
        }
    }
}

/// The operating system's message in plain words, without the error number.
fn plain_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "no such file or folder".into(),
        K::PermissionDenied => "permission denied".into(),
        K::IsADirectory => "it is a folder, not a file".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}

/// `genogram check`: a summary line per good file, every problem of each bad one.
fn check(
    files: &[std::path::PathBuf],
    out: &mut impl Write,
    err: &mut impl Write,
    leftovers: &mut Leftovers,
) -> Result<u8, Error> {
    let mut status = 0u8;
    for path in files {
        match crate::load_file(path) {
            Ok((source, graph)) => {
                let family = graph.family();
                let people = family.people.len();
                let mut line = format!(
                    "{}: ok: {people} {}, {} couple{}, {} generation{}",
                    escape_for_terminal(source.name()),
                    if people == 1 { "person" } else { "people" },
                    family.couples.len(),
                    if family.couples.len() == 1 { "" } else { "s" },
                    graph.max_generation(),
                    if graph.max_generation() == 1 { "" } else { "s" },
                );
                // The graph owns the validated family; warnings read it from there.
                for w in crate::validate::warnings_of(&graph) {
                    line.push_str("; warning: ");
                    line.push_str(&escape_for_terminal(&w.message));
                }
                let _ = writeln!(out, "{line}");
                if files.len() == 1 {
                    leftovers.keep((source, graph));
                }
            }
            Err(e) => {
                report_error(err, &e);
                status = status.max(e.exit_code());
            }
        }
    }
    Ok(status)
}
