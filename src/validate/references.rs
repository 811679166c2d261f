//! Every id mentioned resolves to a person; children, partners and relationships make sense.

use std::collections::HashMap;

use super::IdIndex;
use crate::diag::{Diagnostic, Spanned};
use crate::model::{Family, Link};

pub(super) fn check(family: &Family, ids: &IdIndex<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut resolve = |r: &Spanned<String>, role: &str| {
        if ids.get(&r.value).is_none() {
            let similar = ids.similar(&r.value);
            let d = Diagnostic::error(r.span, format!("{role} `{}` is not in `people`", r.value));
            out.push(if similar.is_empty() {
                d.with_help(format!(
                    "add `{}:` under `people:`, or correct the id",
                    r.value
                ))
            } else {
                d.with_help(format!(
                    "people with similar ids: {}",
                    crate::load::word_list(&similar)
                ))
            });
        }
    };
    if let Some(index) = &family.index {
        resolve(index, "the index person");
    }
    for p in &family.people {
        for r in p.raised_by.iter().flatten() {
            resolve(r, "the caregiver");
        }
    }
    for c in &family.couples {
        for p in &c.partners {
            resolve(p, "the partner");
        }
        for ch in &c.children {
            resolve(&ch.id, "the child");
        }
    }
    for r in &family.relationships {
        resolve(&r.a, "the person");
        resolve(&r.b, "the person");
    }

    for p in &family.people {
        for r in p.raised_by.iter().flatten() {
            if r.value == p.id.value {
                out.push(
                    Diagnostic::error(
                        r.span,
                        format!("`{}` is listed as raised by themself", p.id.value),
                    )
                    .with_help("list the people who raised them under `raised_by`"),
                );
            }
        }
    }

    // Which couples list each child, to find children born to two couples.
    let mut biological: HashMap<&str, &Spanned<String>> = HashMap::new();
    let mut by_link: HashMap<(&str, Link), &Spanned<String>> = HashMap::new();
    for c in &family.couples {
        if let [a, b] = c.partners.as_slice()
            && a.value == b.value
        {
            out.push(
                Diagnostic::error(b.span, format!("`{}` is both partners of one couple", a.value))
                    .with_help("a couple is two different people; write `partners: [a]` when the other parent is unknown"),
            );
        }
        let mut in_this: HashMap<&str, &Spanned<String>> = HashMap::new();
        for ch in &c.children {
            if let Some(first) = in_this.insert(&ch.id.value, &ch.id) {
                out.push(
                    Diagnostic::error(
                        ch.id.span,
                        format!(
                            "`{}` is listed twice among this couple's children",
                            ch.id.value
                        ),
                    )
                    .with_note(first.span, "first listed here")
                    .with_help("remove one of the two entries"),
                );
                continue;
            }
            if let Some(partner) = c.partners.iter().find(|p| p.value == ch.id.value) {
                out.push(
                    Diagnostic::error(
                        ch.id.span,
                        format!("`{}` is listed as a child of their own couple", ch.id.value),
                    )
                    .with_note(partner.span, "they are a partner here"),
                );
            }
            if ch.link == Link::Biological
                && let Some(first) = biological.insert(&ch.id.value, &ch.id)
            {
                out.push(
                    Diagnostic::error(ch.id.span, format!("`{}` is the biological child of two couples", ch.id.value))
                        .with_note(first.span, "also listed here as a biological child")
                        .with_help("a child has one biological couple; mark the other with `link: adopted`, `foster` or `step`, as in `{id: nina, link: adopted}`"),
                );
            } else if ch.link != Link::Biological
                && let Some(first) = by_link.insert((&ch.id.value, ch.link), &ch.id)
            {
                out.push(
                    Diagnostic::error(
                        ch.id.span,
                        format!(
                            "`{}` is listed as `{}` child of two couples",
                            ch.id.value, ch.link
                        ),
                    )
                    .with_note(first.span, "also listed here")
                    .with_help("a child may appear in several couples only with different links"),
                );
            }
            if ch.adopted.is_some() && ch.link != Link::Adopted {
                out.push(
                    Diagnostic::error(
                        ch.id.span,
                        format!(
                            "`{}` has an `adopted` date but the link is `{}`",
                            ch.id.value, ch.link
                        ),
                    )
                    .with_help("add `link: adopted`, or remove the date"),
                );
            }
        }
    }

    for r in &family.relationships {
        if r.a.value == r.b.value {
            out.push(
                Diagnostic::error(
                    r.b.span,
                    format!("a relationship of `{}` with themself", r.a.value),
                )
                .with_help("a relationship joins two different people; check the ids"),
            );
        }
    }
    out
}
