//! Nobody is their own ancestor, through couples or through `raised_by`.

use super::IdIndex;
use crate::diag::{Diagnostic, Span};
use crate::model::Family;

/// Finds loops in the parent-to-child relation and reports each once, at the reference
/// that closes it, with the whole loop spelled out.
pub(super) fn check(family: &Family, ids: &IdIndex<'_>) -> Vec<Diagnostic> {
    let n = family.people.len();
    // children[p] = (child, span of the reference that makes p a parent of child)
    let mut children: Vec<Vec<(usize, Span)>> = vec![Vec::new(); n];
    for c in &family.couples {
        for ch in &c.children {
            let Some(child) = ids.get(&ch.id.value) else {
                continue;
            };
            for p in &c.partners {
                if let Some(parent) = ids.get(&p.value) {
                    children[parent].push((child, ch.id.span));
                }
            }
        }
    }
    for (child, person) in family.people.iter().enumerate() {
        for r in person.raised_by.iter().flatten() {
            if let Some(parent) = ids.get(&r.value)
                && parent != child
            {
                children[parent].push((child, r.span));
            }
        }
    }

    // Iterative depth-first search (families can be deep; no recursion).
    const WHITE: u8 = 0;
    const GREY: u8 = 1;
    const BLACK: u8 = 2;
    let mut colour = vec![WHITE; n];
    let mut out = Vec::new();
    for root in 0..n {
        if colour[root] != WHITE {
            continue;
        }
        let mut path: Vec<(usize, usize)> = vec![(root, 0)];
        colour[root] = GREY;
        while let Some(&mut (node, ref mut next)) = path.last_mut() {
            if let Some(&(child, span)) = children[node].get(*next) {
                *next += 1;
                match colour[child] {
                    WHITE => {
                        colour[child] = GREY;
                        path.push((child, 0));
                    }
                    GREY => {
                        let start = path.iter().position(|(p, _)| *p == child).unwrap_or(0);
                        let mut names: Vec<&str> = path[start..]
                            .iter()
                            .map(|(p, _)| family.people[*p].id.value.as_str())
                            .collect();
                        names.push(&family.people[child].id.value);
                        out.push(
                            Diagnostic::error(
                                span,
                                format!(
                                    "`{}` would be their own ancestor: {}",
                                    family.people[child].id.value,
                                    names.join(" → ")
                                ),
                            )
                            .with_help(
                                "one of these links points the wrong way; check who is whose child",
                            ),
                        );
                    }
                    _ => {}
                }
            } else {
                colour[node] = BLACK;
                path.pop();
            }
        }
    }
    out
}
