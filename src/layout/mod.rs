//! Layout: the family graph to positions of symbols and routed lines.

mod types;

pub use types::{Layout, Line, LineKind, PlacedPerson, Row};
