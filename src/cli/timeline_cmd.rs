//! `genogram timeline`: every dated event of a family, as text, Markdown, JSON or SVG.

use std::io::Write;
use std::path::Path;

use super::TimelineFormat;
use crate::Error;
use crate::handout::{self, Format};
use crate::time::timeline;

/// Runs `genogram timeline`; nothing is written unless the family is valid.
pub(super) fn run(
    file: &Path,
    format: Option<TimelineFormat>,
    output: Option<&Path>,
    out: &mut impl Write,
) -> Result<u8, Error> {
    super::layout_cmd::check_output(file, output)?;
    // Without `--format`, the name of `-o` says what is wanted: a picture for .svg, .png
    // and .pdf, Markdown for .md, JSON for .json, else text.
    let format = format.unwrap_or_else(|| format_of(output));
    // The picture may be written as PNG or PDF, by the extension of `-o`.
    let picture = match (format, output.and_then(Format::from_path)) {
        (TimelineFormat::Svg, Some(f)) => f,
        (TimelineFormat::Svg, None) => Format::Svg,
        (_, Some(f @ (Format::Png | Format::Pdf))) => {
            return Err(Error::Usage(format!(
                "a .{} file holds a picture: add `--format svg`, or write to a .txt, .md or .json file",
                f.as_str()
            )));
        }
        _ => Format::Svg,
    };
    if !picture.available() {
        return Err(handout::missing(picture));
    }
    let (_, graph) = crate::load_file(file)?;
    let t = timeline::timeline(&graph);
    let text = match format {
        TimelineFormat::Text => timeline::text(&t)
            .lines()
            .map(|l| crate::diag::escape_for_terminal(l) + "\n")
            .collect(),
        TimelineFormat::Markdown => timeline::markdown(&t),
        TimelineFormat::Json => timeline::json(&t),
        TimelineFormat::Svg => crate::time::timeline_svg::svg(&graph, &t),
    };
    let bytes = match picture {
        Format::Png if format == TimelineFormat::Svg => handout::to_png(&text, 96.0 * 2.0)?,
        Format::Pdf if format == TimelineFormat::Svg => handout::to_pdf(&text)?,
        _ => text.into_bytes(),
    };
    match output {
        None => super::write_out(out, &bytes),
        Some(path) => {
            crate::output::write_derived(path, &bytes, Some(file))?;
            Ok(0)
        }
    }
}

/// The format a timeline written to `output` is given when `--format` is not.
fn format_of(output: Option<&Path>) -> TimelineFormat {
    if output.and_then(Format::from_path).is_some() {
        return TimelineFormat::Svg;
    }
    let ext = output
        .and_then(Path::extension)
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("md" | "markdown") => TimelineFormat::Markdown,
        Some("json") => TimelineFormat::Json,
        _ => TimelineFormat::Text,
    }
}
