//! `genogram render`: load, lay out, draw, and write the SVG to a file or stdout.

use std::io::Write;
use std::path::PathBuf;

use super::{DrawingArgs, KeyArg, PageArg, RenderFormat, require_skill, write_out};
use crate::Error;
use crate::analysis::{self, AnalysisOptions};
use crate::handout::{self, Format};
use crate::render::{Key, Page, RenderOptions, Trace};

/// What `render` was asked to do.
pub(super) struct Request {
    pub file: PathBuf,
    pub output: Option<PathBuf>,
    pub format: Option<RenderFormat>,
    pub dpi: Option<f64>,
    pub scale: Option<f64>,
    pub drawing: DrawingArgs,
    /// Whether the process ends after this drawing (not so for `watch`), so that its
    /// memory is left to the operating system rather than freed piece by piece.
    pub last: bool,
}

/// Runs `render`; nothing is written unless the family is valid and the drawing done.
pub(super) fn run(
    req: &Request,
    out: &mut impl Write,
    leftovers: &mut super::Leftovers,
) -> Result<u8, Error> {
    let target = req.output.as_ref().filter(|p| p.as_os_str() != "-");
    if let Some(t) = target
        && let (Ok(a), Ok(b)) = (std::fs::canonicalize(t), std::fs::canonicalize(&req.file))
        && a == b
    {
        return Err(Error::Usage(format!(
            "refusing to write over the input file {}; choose another output name with -o",
            t.display()
        )));
    }
    let format = format(req, target.map(PathBuf::as_path))?;
    let dpi = dpi(req, format)?;
    let drawing = &req.drawing;
    let graph = super::load_as_of(&req.file, drawing.as_of)?;
    let trace = match &drawing.trace {
        None => None,
        Some(skill) => {
            require_skill(&graph, skill)?;
            let options = AnalysisOptions {
                skills: vec![skill.clone()],
                ..AnalysisOptions::default()
            };
            let report = analysis::analyse(&graph, &options);
            Some(Trace::from_report(&graph, &report, skill))
        }
    };
    // The layout makes room for the note numbers the drawing adds to names.
    let layout_options = crate::layout::LayoutOptions {
        notes: drawing.notes && !drawing.anonymize,
        ..crate::layout::LayoutOptions::default()
    };
    let layout = crate::layout::layout(&graph, &layout_options);
    let options = RenderOptions {
        anonymize: drawing.anonymize,
        notes: drawing.notes,
        page: match drawing.page {
            PageArg::Fit => Page::Fit,
            PageArg::A4 => Page::A4,
            PageArg::Letter => Page::Letter,
        },
        landscape: drawing.landscape,
        key: match drawing.key {
            KeyArg::Compact => Key::Compact,
            KeyArg::Full => Key::Full,
            KeyArg::None => Key::None,
        },
        trace,
    };
    // An SVG is written in the parts it is drawn in; a PNG or PDF is made from it whole.
    let parts = crate::render::svg_parts(&graph, &layout, &options);
    let parts = match format {
        Format::Svg => parts.into_iter().map(String::into_bytes).collect(),
        Format::Png => vec![handout::to_png(&parts.concat(), dpi)?],
        Format::Pdf => vec![handout::to_pdf(&parts.concat())?],
    };
    let written = match target {
        Some(path) => crate::output::write_derived_parts(path, &parts, Some(&req.file)).map(|()| 0),
        None => parts
            .iter()
            .try_for_each(|part| write_out(out, part).map(drop))
            .map(|()| 0),
    };
    if req.last {
        leftovers.keep((graph, layout, parts));
    }
    written
}

/// The kind of file asked for: `--format`, else the extension of `-o`, else SVG. A format
/// this build lacks is refused before anything is read.
fn format(req: &Request, target: Option<&std::path::Path>) -> Result<Format, Error> {
    let by_name = target.and_then(Format::from_path);
    let format = match req.format {
        None => by_name.unwrap_or(Format::Svg),
        Some(f) => {
            let f = match f {
                RenderFormat::Svg => Format::Svg,
                RenderFormat::Png => Format::Png,
                RenderFormat::Pdf => Format::Pdf,
            };
            if let Some(n) = by_name
                && n != f
            {
                return Err(Error::Usage(format!(
                    "--format {} does not match the output name ending in .{}; \
                     change one of them",
                    f.as_str(),
                    n.as_str()
                )));
            }
            f
        }
    };
    if !format.available() {
        return Err(handout::missing(format));
    }
    Ok(format)
}

/// The PNG pixels per inch from `--dpi` or `--scale`, checked.
fn dpi(req: &Request, format: Format) -> Result<f64, Error> {
    let (value, flag) = match (req.dpi, req.scale) {
        (Some(d), _) => (d, "--dpi"),
        (None, Some(s)) => (s * 96.0, "--scale"),
        (None, None) => return Ok(handout::DEFAULT_DPI),
    };
    if format != Format::Png {
        return Err(Error::Usage(format!(
            "{flag} sets the size of a PNG; it has no effect on {}: leave it out, \
             or write a .png",
            format.as_str().to_ascii_uppercase()
        )));
    }
    if !(value.is_finite() && (10.0..=2400.0).contains(&value)) {
        return Err(Error::Usage(format!(
            "{flag} gives {value} pixels per inch; choose between 10 and 2400 \
             (300 is print quality; --scale 1 is 96)"
        )));
    }
    Ok(value)
}
