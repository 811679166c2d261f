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

// From this many people on, the rules run on threads.
use crate::parallel::PARALLEL_FROM;

/// Checks a loaded family.
///
/// # Errors
///
/// Every problem found, sorted by position in the file.
pub fn validate(family: Family) -> Result<ValidFamily, Vec<Diagnostic>> {
    let ids = IdIndex::new(&family);
    // Each rule skips references that do not resolve, so all of them can run at once and
    // one run lists every problem. On a large family they do run at once, on threads.
    let (mut diags, (ancestry, dates)) = if family.people.len() >= PARALLEL_FROM {
        crate::parallel::join(
            || references::check(&family, &ids),
            || {
                crate::parallel::join(
                    || ancestry::check(&family, &ids),
                    || dates::check(&family, &ids),
                )
            },
        )
    } else {
        (
            references::check(&family, &ids),
            (ancestry::check(&family, &ids), dates::check(&family, &ids)),
        )
    };
    diags.extend(ancestry);
    diags.extend(dates);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// On a large family the rules run on threads; the problems are those the rules give
    /// one after the other, in the same order.
    #[test]
    fn a_large_family_gets_the_problems_of_the_rules_run_in_turn() {
        let mut text = crate::generate::family_yaml(PARALLEL_FROM + 500, 4);
        // An unknown caregiver, a caregiver born after the child, someone raised by
        // themself, and a death before birth.
        text = text.replacen("  p10: {", "  p10: {raised_by: [nobody], ", 1);
        text = text.replacen("  p20: {", "  p20: {raised_by: [p20], ", 1);
        text = text.replacen("  p31: {", "  p31: {died: 1700, ", 1);
        let source = crate::diag::SourceFile::new("big.yaml", text);
        let family = crate::load::family(&source).expect("loads");
        let ids = IdIndex::new(&family);
        let mut in_turn = references::check(&family, &ids);
        in_turn.extend(ancestry::check(&family, &ids));
        in_turn.extend(dates::check(&family, &ids));
        in_turn.sort_by_key(|d| d.span.start);
        drop(ids);
        assert!(in_turn.len() >= 3, "{in_turn:?}");
        let Err(problems) = validate(family) else {
            panic!("the family has problems")
        };
        assert_eq!(problems, in_turn);
    }
}
