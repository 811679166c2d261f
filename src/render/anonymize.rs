//! Neutral labels for `--anonymize`: each person becomes generation-and-position, as in
//! pedigree numbering (`II-3` is the third person from the left in generation II).
//!
//! With `--anonymize` the drawing keeps only the structure and what is clinically
//! needed: shapes, vital status, conditions, partnership kinds and breaks, child links,
//! emotional relationships, skill levels and ages at death. It leaves out names, ids,
//! the title, notes, occupations, locations and every date (years included), so that no
//! text from the family file appears in the output except the skill names and condition
//! words, which describe the analysis rather than the person.

use crate::graph::{FamilyGraph, PersonIx};
use crate::layout::Layout;

use super::text::roman;

/// The `II-3` label of every person, indexed by person.
pub fn neutral_labels(graph: &FamilyGraph, layout: &Layout) -> Vec<String> {
    let n = graph.family().people.len();
    let mut x = vec![None; n];
    for pp in &layout.people {
        if let Some(slot) = x.get_mut(pp.person.0) {
            *slot = Some(pp.x);
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    // Left to right within a generation; people the layout left out come last, in file order.
    order.sort_by(|&a, &b| {
        let ga = graph.generation(PersonIx(a));
        let gb = graph.generation(PersonIx(b));
        ga.cmp(&gb)
            .then_with(|| match (x[a], x[b]) {
                (Some(xa), Some(xb)) => xa.total_cmp(&xb),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then(a.cmp(&b))
    });
    let mut labels = vec![String::new(); n];
    let mut current = (u32::MAX, 0usize);
    for i in order {
        let g = graph.generation(PersonIx(i));
        if g != current.0 {
            current = (g, 0);
        }
        current.1 += 1;
        labels[i] = format!("{}-{}", roman(g), current.1);
    }
    labels
}
