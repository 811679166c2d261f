//! Rows: one per generation, with the generation numbers of the report
//! ([`crate::graph::FamilyGraph::generation`]), so that the drawing and the analysis agree.

use super::gather::Facts;

/// The people of each row, in file order.
pub(super) struct Rows {
    /// `members[r]`: the people on row `r` (generation `r + 1`).
    pub members: Vec<Vec<usize>>,
}

/// Puts each person on the row of their generation.
pub(super) fn assign(f: &Facts) -> Rows {
    let mut members = vec![Vec::new(); f.rows()];
    for p in 0..f.len() {
        members[f.row[p]].push(p);
    }
    Rows { members }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{LayoutOptions, gather};

    #[test]
    fn rows_follow_the_generations_of_the_report() {
        let g = crate::load_str(
            "t.yaml",
            "people: {a: {}, b: {}, c: {}, d: {}}\ncouples: [{partners: [a, b], children: [c]}, {partners: [c, d]}]\n",
        )
        .unwrap();
        let rows = assign(&gather::gather(&g, &LayoutOptions::default()));
        assert_eq!(rows.members, vec![vec![0, 1], vec![2, 3]]);
        for p in g.people() {
            assert!(rows.members[g.generation(p) as usize - 1].contains(&p.0));
        }
    }
}
