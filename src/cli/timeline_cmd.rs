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
    format: TimelineFormat,
    output: Option<&Path>,
    out: &mut impl Write,
) -> Result<u8, Error> {
    super::layout_cmd::check_output(file, output)?;
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
