//! The anonymous view of a member's family, for the booklet's worksheets.
//!
//! The booklet does not decide what is private: it takes the drawing's own anonymous view
//! (`render::anonymous_view`, the one `--anonymize` draws): people named and known by
//! their neutral labels (`II-3`), no title, notes, occupations, places or dates, and
//! conditions, genders and places of learning in the user's own words made neutral. The
//! worksheet is analysed from that view, so its words and the drawing's labels agree; the
//! drawing itself is made by the renderer from the real family with `anonymize` on.

use crate::graph::FamilyGraph;
use crate::layout::Layout;

/// The anonymous family of `graph` laid out as `layout`: the same people, couples and
/// relationships at the same indices, with the drawing's labels as names and ids.
pub fn view(graph: &FamilyGraph, layout: &Layout) -> FamilyGraph {
    crate::render::anonymous_view(graph, layout, None).graph
}
