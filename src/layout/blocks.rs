//! Partner blocks: the people of a row joined by partnerships on that row. A block stays
//! together through ordering and placement, so partners are side by side.
//!
//! Arrangement inside a block: the person with the most partners in the middle; their
//! partners in date order on alternating sides, the first on the conventional side (a
//! man's partner to his right, a woman's to her left, as kinship2 does); a partner's own
//! other partners further out on that partner's side. A union whose partners end up apart
//! is drawn as a line raised over the people between.

use std::collections::VecDeque;

use super::gather::Facts;
use super::rows::Rows;
use crate::model::Sex;

/// The blocks of a family.
pub(super) struct Blocks {
    /// The people of each block, left to right.
    pub members: Vec<Vec<usize>>,
    /// The row of each block.
    pub row: Vec<usize>,
    /// The block of each person.
    pub of: Vec<usize>,
}

/// Joins partners on the same row into blocks.
pub(super) fn build(f: &Facts, rows: &Rows) -> Blocks {
    let n = f.len();
    let mut b = Blocks {
        members: Vec::new(),
        row: Vec::new(),
        of: vec![usize::MAX; n],
    };
    let mut placed = vec![false; n];
    let mut done = vec![false; n];
    // Partners on the same row, in each person's date order of unions.
    let same_row = |p: usize| {
        f.unions[p].iter().filter_map(move |&c| {
            let q = *f.partners[c].iter().find(|&&q| q != p)?;
            (f.row[q] == f.row[p]).then_some(q)
        })
    };
    // Counted once: the hub is chosen by degree, and a person may have thousands.
    let degree: Vec<usize> = (0..n).map(|p| same_row(p).count()).collect();
    for (r, members) in rows.members.iter().enumerate() {
        for &start in members {
            if placed[start] {
                continue;
            }
            // The whole component, to pick its hub independently of file order.
            let mut comp = vec![start];
            placed[start] = true;
            let mut i = 0;
            while i < comp.len() {
                let p = comp[i];
                i += 1;
                for q in same_row(p) {
                    if !placed[q] {
                        placed[q] = true;
                        comp.push(q);
                    }
                }
            }
            let hub = *comp
                .iter()
                .min_by(|&&a, &&c| {
                    degree[c]
                        .cmp(&degree[a])
                        .then(super::gather::date_first(f.born[a], f.born[c]))
                        .then(f.id[a].cmp(&f.id[c]))
                })
                .unwrap_or(&start);
            let line = arrange(f, hub, &same_row, &mut done);
            let block = b.members.len();
            for &p in &line {
                b.of[p] = block;
            }
            debug_assert_eq!(line.len(), comp.len());
            b.members.push(line);
            b.row.push(r);
        }
    }
    b
}

/// Lays a connected set of partners out in a line from its hub.
fn arrange<I: Iterator<Item = usize>>(
    f: &Facts,
    hub: usize,
    same_row: &impl Fn(usize) -> I,
    done: &mut [bool],
) -> Vec<usize> {
    let mut line: VecDeque<usize> = VecDeque::from([hub]);
    done[hub] = true;
    // Frames: (side: true = right, alternate sides, the person's partners not yet
    // looked at). Each frame keeps its own iterator, so a person with thousands of
    // partners is walked once, not once per partner.
    let first_right = f.sex[hub] != Sex::Female;
    let mut stack = vec![(first_right, true, same_row(hub))];
    while let Some((side, alternate, rest)) = stack.last_mut() {
        let (side, alternate) = (*side, *alternate);
        let Some(q) = rest.find(|&q| !done[q]) else {
            stack.pop();
            continue;
        };
        done[q] = true;
        if side {
            line.push_back(q);
        } else {
            line.push_front(q);
        }
        if alternate {
            stack.last_mut().expect("frame").0 = !side;
        }
        stack.push((side, false, same_row(q)));
    }
    line.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{LayoutOptions, gather, rows};

    fn blocks_of(yaml: &str) -> (crate::graph::FamilyGraph, Blocks) {
        let g = crate::load_str("t.yaml", yaml).unwrap();
        let f = gather::gather(&g, &LayoutOptions::default());
        let b = build(&f, &rows::assign(&f));
        (g, b)
    }

    fn ids(g: &crate::graph::FamilyGraph, line: &[usize]) -> Vec<String> {
        line.iter()
            .map(|&p| g.person(crate::graph::PersonIx(p)).id.value.clone())
            .collect()
    }

    #[test]
    fn a_man_with_four_partners_sits_between_them_in_date_order_alternating() {
        let (g, b) = blocks_of(
            "people: {m: {sex: male}, w1: {sex: female}, w2: {sex: female}, w3: {sex: female}, w4: {sex: female}}\n\
             couples:\n- {partners: [m, w3], married: 1990}\n- {partners: [m, w1], married: 1970}\n\
             - {partners: [w4, m], married: 2000}\n- {partners: [m, w2], married: 1980}\n",
        );
        assert_eq!(b.members.len(), 1);
        assert_eq!(ids(&g, &b.members[0]), ["w4", "w2", "m", "w1", "w3"]);
    }

    #[test]
    fn a_chain_of_remarriages_stays_a_chain() {
        // kinship2 #5: 1–2, 2–3, 3–4, 4–5.
        let (g, b) = blocks_of(
            "people: {p1: {sex: male}, p2: {sex: female}, p3: {sex: male}, p4: {sex: female}, p5: {sex: male}}\n\
             couples:\n- {partners: [p1, p2], married: 1950}\n- {partners: [p3, p2], married: 1960}\n\
             - {partners: [p3, p4], married: 1970}\n- {partners: [p5, p4], married: 1980}\n",
        );
        assert_eq!(b.members.len(), 1);
        let line = ids(&g, &b.members[0]);
        let pos = |id: &str| line.iter().position(|x| x == id).unwrap() as i64;
        for (a, c) in [("p1", "p2"), ("p2", "p3"), ("p3", "p4"), ("p4", "p5")] {
            assert_eq!(
                (pos(a) - pos(c)).abs(),
                1,
                "{a} and {c} adjacent in {line:?}"
            );
        }
    }
}
