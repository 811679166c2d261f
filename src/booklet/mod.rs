//! `genogram booklet`: one PDF for a therapy group, with every member's genogram and
//! worksheet (docs/handouts.md, "Booklets for groups").
//!
//! The pages, in order: an opening page (the title, the skills and what they mean, how to
//! read a genogram with the drawing's own key, a note on the questions); for each member
//! the family's genogram (sideways when wider than tall, split over pages only when it
//! would be too small to read) and a worksheet (the report's main findings, then the open
//! questions for the next session with lines to write on); a group page of counts that
//! name nobody. Every page has a running header with the booklet's title and a number.
//!
//! Text is set in the built-in DejaVu Sans and stays text in the PDF (selectable, read by
//! screen readers and `pdftotext`). With `anonymize`, each family is drawn and analysed
//! from its anonymous view ([`anonymous`]): member *n* is "Member n" and nothing the files
//! say about a person reaches the PDF.
//!
//! All of it needs the `pdf` feature; without it [`make`] refuses with [`missing`].

#[cfg(feature = "pdf")]
mod anonymous;
#[cfg(feature = "pdf")]
mod content;
#[cfg(feature = "pdf")]
mod group;
#[cfg(feature = "pdf")]
mod key;
#[cfg(feature = "pdf")]
mod metrics;
#[cfg(feature = "pdf")]
mod pages;
#[cfg(feature = "pdf")]
mod pdf;

use crate::Error;
use crate::graph::FamilyGraph;

/// The booklet's title when none is given.
pub const DEFAULT_TITLE: &str = "Our families: how the skills of closeness were passed down";

/// The paper the booklet is printed on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    /// A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in points, upright.
    pub fn size(self) -> (f64, f64) {
        match self {
            // 210 mm and 297 mm at 72 points per inch.
            Paper::A4 => (595.2756, 841.8898),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// What to put in the booklet.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Member *n* is "Member n"; no name, id, title, note, occupation, place, date or
    /// free-text condition from the files appears.
    pub anonymize: bool,
    /// The paper size.
    pub paper: Paper,
    /// The title; [`DEFAULT_TITLE`] when absent.
    pub title: Option<String>,
    /// Only this skill (and its trace on the drawings); every skill of the files when absent.
    pub skill: Option<String>,
}

/// Everything the pages show, gathered before any page is set.
#[cfg(feature = "pdf")]
pub(crate) struct Book<'a> {
    /// The booklet's title.
    pub title: String,
    /// The paper.
    pub paper: Paper,
    /// The skills over all files, in order of first appearance, with their definitions.
    pub skills: Vec<(String, String)>,
    /// The members, in the order the files were given.
    pub members: Vec<content::Member<'a>>,
    /// Per skill, the group's counts.
    pub group: Vec<group::SkillCounts>,
    /// The members' families, in order, for the opening page's key.
    pub families: Vec<&'a FamilyGraph>,
    /// What the booklet was asked for.
    pub options: Options,
}

/// The booklet of the families of the members, in order, as PDF bytes.
///
/// # Errors
///
/// [`Error::Usage`] when this build has no PDF support, or (a bug) when a page could not
/// be converted.
pub fn make(families: &[&FamilyGraph], opts: &Options) -> Result<Vec<u8>, Error> {
    #[cfg(feature = "pdf")]
    {
        let book = gather(families, opts);
        let pages = pages::pages(&book);
        pdf::document(&pages, &book.title)
    }
    #[cfg(not(feature = "pdf"))]
    {
        let _ = (families, opts);
        Err(missing())
    }
}

/// The refusal of a build without PDF support.
pub fn missing() -> Error {
    Error::Usage(
        "this genogram was built without PDF output, which a booklet needs; build it with \
         `cargo install --path . --features pdf` (it is on by default)"
            .into(),
    )
}

/// The skills the families rate, in order of first appearance, with the first file's
/// definition of each.
pub fn skills_of(families: &[&FamilyGraph]) -> Vec<(String, String)> {
    let mut skills: Vec<(String, String)> = Vec::new();
    for f in families {
        for s in &f.family().skills {
            if !skills.iter().any(|(n, _)| *n == s.name.value) {
                skills.push((
                    crate::render::text::clean(&s.name.value),
                    crate::render::text::clean(&s.description),
                ));
            }
        }
    }
    skills
}

/// The booklet's content.
#[cfg(feature = "pdf")]
fn gather<'a>(families: &[&'a FamilyGraph], opts: &Options) -> Book<'a> {
    let mut skills = skills_of(families);
    if let Some(s) = &opts.skill {
        skills.retain(|(n, _)| n == s);
    }
    let members: Vec<content::Member<'a>> = families
        .iter()
        .enumerate()
        .map(|(i, g)| content::member(i + 1, g, opts))
        .collect();
    let reports: Vec<&crate::analysis::Report> = members.iter().map(|m| &m.report).collect();
    let group = skills
        .iter()
        .map(|(s, _)| group::counts(s, &reports))
        .collect();
    let title = opts
        .title
        .as_deref()
        .map(content::clean)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| DEFAULT_TITLE.to_string());
    Book {
        title,
        paper: opts.paper,
        skills,
        members,
        group,
        families: families.to_vec(),
        options: opts.clone(),
    }
}
