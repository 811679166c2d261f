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
