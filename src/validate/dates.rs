//! Dates agree with each other: nobody dies before birth, no child is born before the
//! people who raised them, and no union ends before it begins.

use super::IdIndex;
use crate::diag::{Diagnostic, Spanned};
use crate::model::{Family, Link, PartialDate};

pub(super) fn check(family: &Family, ids: &IdIndex<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in &family.people {
        if let (Some(born), Some(died)) = (&p.born, &p.died)
            && died.value.definitely_before(&born.value)
        {
            out.push(
                Diagnostic::error(
                    died.span,
                    format!(
                        "`{}` died ({}) before being born ({})",
                        p.id.value, died.value, born.value
                    ),
                )
                .with_note(born.span, "the birth date is here")
                .with_help("check both dates; write `~` in front of a guess"),
            );
        }
    }

    // A child born before one of the people who raised or bore them.
    let mut report = |child: &str, born: &Spanned<PartialDate>, carer: usize, role: &str| {
        let c = &family.people[carer];
        if let Some(cb) = &c.born
            && born.value.definitely_before(&cb.value)
        {
            out.push(
                Diagnostic::error(
                    born.span,
                    format!(
                        "`{child}` was born ({}) before {role} `{}` ({})",
                        born.value, c.id.value, cb.value
                    ),
                )
                .with_note(cb.span, format!("`{}` was born here", c.id.value))
                .with_help(
                    "check both birth dates, and that the child is listed under the right couple",
                ),
            );
        }
    };
    for couple in &family.couples {
        for ch in &couple.children {
            let Some(child) = ids.get(&ch.id.value) else {
                continue;
            };
            let Some(born) = &family.people[child].born else {
                continue;
            };
            let role = if ch.link == Link::Biological {
                "their parent"
            } else {
                "their caregiver"
            };
            for partner in &couple.partners {
                if let Some(carer) = ids.get(&partner.value) {
                    report(&ch.id.value, born, carer, role);
                }
            }
        }
    }
    for p in &family.people {
        let Some(born) = &p.born else { continue };
        for r in p.raised_by.iter().flatten() {
            if let Some(carer) = ids.get(&r.value) {
                report(&p.id.value, born, carer, "their caregiver");
            }
        }
    }

    for c in &family.couples {
        let start = c.married.as_ref().or(c.since.as_ref());
        for end in [&c.separated, &c.divorced, &c.ended].into_iter().flatten() {
            if let Some(start) = start
                && end.value.definitely_before(&start.value)
            {
                out.push(
                    Diagnostic::error(
                        end.span,
                        format!(
                            "this union ends ({}) before it begins ({})",
                            end.value, start.value
                        ),
                    )
                    .with_note(start.span, "it begins here")
                    .with_help("check both dates"),
                );
            }
        }
    }
    for r in &family.relationships {
        if let (Some(since), Some(until)) = (&r.since, &r.until)
            && until.value.definitely_before(&since.value)
        {
            out.push(
                Diagnostic::error(
                    until.span,
                    format!(
                        "this relationship ends ({}) before it begins ({})",
                        until.value, since.value
                    ),
                )
                .with_note(since.span, "it begins here"),
            );
        }
    }
    out
}
