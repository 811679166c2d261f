//! Validation: the rules that span several entries of a [`Family`].
//!
//! Takes a family as loaded and returns a [`ValidFamily`] once every reference resolves,
//! nobody is their own ancestor, no child is listed twice or born to two couples, and the
//! dates agree with each other. Every problem is reported, each at the line of the
//! offending value, with the other place involved as a note.

mod ancestry;
mod dates;
mod references;

use std::collections::HashMap;

use crate::diag::{Diagnostic, Span};
use crate::model::{Family, Level, ValidFamily};

/// Checks a loaded family.
///
/// # Errors
///
/// Every problem found, sorted by position in the file.
pub fn validate(family: Family) -> Result<ValidFamily, Vec<Diagnostic>> {
    let ids = IdIndex::new(&family);
    // Each rule skips references that do not resolve, so all of them can run at once and
    // one run lists every problem.
    let mut diags = references::check(&family, &ids);
    diags.extend(ancestry::check(&family, &ids));
    diags.extend(dates::check(&family, &ids));
    if diags.is_empty() {
        Ok(ValidFamily::new_unchecked(family))
    } else {
        diags.sort_by_key(|d| d.span.start);
        Err(diags)
    }
}

/// Things worth a look in a valid family, such as people with no skills rated.
pub fn warnings(valid: &ValidFamily) -> Vec<Diagnostic> {
    warnings_for(valid.family())
}

/// [`warnings`] for the family inside a graph.
pub fn warnings_of(graph: &crate::graph::FamilyGraph) -> Vec<Diagnostic> {
    warnings_for(graph.family())
}

fn warnings_for(family: &Family) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let unrated: Vec<&str> = family
        .people
        .iter()
        .filter(|p| p.kind == crate::model::PersonKind::Person)
        .filter(|p| {
            family
                .skills
                .iter()
                .all(|s| p.level(&s.name.value) == Level::Unknown)
        })
        .map(|p| p.id.value.as_str())
        .collect();
    if let Some(first) = unrated.first() {
        let span = family
            .people
            .iter()
            .find(|p| p.id.value == *first)
            .map_or_else(Span::file_start, |p| p.id.span);
        let shown: Vec<&str> = unrated.iter().take(5).copied().collect();
        let more = if unrated.len() > 5 {
            format!(" and {} more", unrated.len() - 5)
        } else {
            String::new()
        };
        out.push(
            Diagnostic::warning(
                span,
                format!(
                    "{} {} no skills rated ({}{more})",
                    unrated.len(),
                    if unrated.len() == 1 {
                        "person has"
                    } else {
                        "people have"
                    },
                    crate::load::list_all(&shown)
                ),
            )
            .with_help(
                "rate each skill as `none`, `some` or `strong`; the report asks about the gaps",
            ),
        );
    }
    out
}

/// Finds people by id.
pub(crate) struct IdIndex<'f> {
    by_id: HashMap<&'f str, usize>,
    ids: Vec<&'f str>,
}

impl<'f> IdIndex<'f> {
    fn new(family: &'f Family) -> Self {
        let ids: Vec<&str> = family.people.iter().map(|p| p.id.value.as_str()).collect();
        let mut by_id = HashMap::with_capacity(ids.len());
        for (i, id) in ids.iter().enumerate() {
            // Duplicate ids were refused while loading; keep the first if one slips by.
            by_id.entry(*id).or_insert(i);
        }
        IdIndex { by_id, ids }
    }

    /// The position in `people` of the person with this id.
    pub(crate) fn get(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Ids that look like `id`, closest first, for "people with similar ids" hints.
    fn similar(&self, id: &str) -> Vec<&'f str> {
        // Ids are short, so allow two slips even for three letters ("zed" → "zoe").
        let budget = (id.chars().count() / 3).max(2);
        crate::load::closest_within(id, self.ids.iter().copied(), 3, budget)
    }
}
