//! Triangles: a negative pair (conflict, hostile, distant, cutoff, neglect, any abuse)
//! and a third person close, fused, focused-on or caretaker with one of the pair.
//!
//! For each negative relationship, the drawing-in relationships of either partner of it
//! with someone else; found through the emotional edges of the graph, so the time grows
//! with the number of relationships, not with the cube of the people. Relationships
//! whose dates show they never overlapped (one ended before the other began) do not make
//! a triangle. Each set of three people is reported once, as found first: the negative
//! pair in file order, then the third person.

use std::collections::HashSet;

use super::Context;
use super::types::{Id, TriangleDetail};
use crate::model::{PartialDate, Relationship};

/// Every triangle, in the order of the negative relationships in the file.
pub(super) fn find(cx: &Context<'_>) -> (Vec<[Id; 3]>, Vec<TriangleDetail>) {
    let g = cx.graph;
    let family = g.family();
    let mut seen: HashSet<[usize; 3]> = HashSet::new();
    let mut out = Vec::new();
    let mut details = Vec::new();
    for neg in family
        .relationships
        .iter()
        .filter(|r| r.kind.value.is_negative())
    {
        let (a, b) = (g.ix(&neg.a.value), g.ix(&neg.b.value));
        let mut drawing: Vec<usize> = g
            .relationships_of(a)
            .into_iter()
            .chain(g.relationships_of(b))
            .collect();
        drawing.sort_unstable();
        drawing.dedup();
        for r in drawing {
            let close = g.relationship(r);
            if !close.kind.value.is_drawing_in() || !overlap(neg, close) {
                continue;
            }
            let (x, y) = (g.ix(&close.a.value), g.ix(&close.b.value));
            let third = if x == a || x == b { y } else { x };
            if third == a || third == b || !cx.is_person[third.0] {
                continue;
            }
            let mut key = [a.0, b.0, third.0];
            key.sort_unstable();
            if seen.insert(key) {
                out.push([cx.id(a), cx.id(b), cx.id(third)]);
                details.push(TriangleDetail {
                    negative: neg.kind.value,
                    drawing: close.kind.value,
                    with: cx.id(if third == x { y } else { x }),
                    from_third: third == x,
                });
            }
        }
    }
    (out, details)
}

/// Whether two relationships can have been going on at the same time.
fn overlap(r: &Relationship, s: &Relationship) -> bool {
    let before =
        |until: &Option<crate::diag::Spanned<PartialDate>>,
         since: &Option<crate::diag::Spanned<PartialDate>>| match (until, since) {
            (Some(u), Some(s)) => u.value.definitely_before(&s.value),
            _ => false,
        };
    !before(&r.until, &s.since) && !before(&s.until, &r.since)
}
