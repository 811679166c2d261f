//! Time in a family: the family as it stood at a date ([`as_of`]), and every dated event
//! in order ([`timeline`]).
//!
//! A family file describes the family now, with dates for what happened when. The view
//! at an earlier date is a transform of the loaded family: everything after it (analysis,
//! layout, drawing) runs on the result unchanged, so the report and the picture of 1990
//! say what was true in 1990.

mod as_of;
pub mod timeline;
pub mod timeline_svg;

pub use as_of::{as_of, family_as_of, level_then, parse_date};

/// The first and last years the family's dates name (births, deaths, couples,
/// relationships, skills and their history), or `None` when it has no date: the range of
/// the workspace's year slider.
pub fn year_span(family: &crate::model::Family) -> Option<(i32, i32)> {
    let mut years = Vec::new();
    let mut add = |d: Option<&crate::diag::Spanned<crate::model::PartialDate>>| {
        if let Some(d) = d {
            years.push(d.value.year_value());
        }
    };
    for p in &family.people {
        add(p.born.as_ref());
        add(p.died.as_ref());
        for r in &p.skills {
            add(r.since.as_ref());
            r.history.iter().for_each(|h| add(Some(&h.date)));
        }
    }
    for c in &family.couples {
        for d in [&c.married, &c.separated, &c.divorced, &c.ended, &c.since] {
            add(d.as_ref());
        }
        c.children.iter().for_each(|ch| add(ch.adopted.as_ref()));
    }
    for r in &family.relationships {
        add(r.since.as_ref());
        add(r.until.as_ref());
    }
    Some((*years.iter().min()?, *years.iter().max()?))
}
