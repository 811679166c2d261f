//! What the layout hands to rendering: positions of symbols and routed lines, in pixels
//! (y grows downward), independent of SVG. Serialised as `genogram layout --format json`.

use serde::Serialize;

use crate::graph::{CoupleIx, PersonIx};
use crate::model::Link;

/// A laid-out family.
#[derive(Clone, Debug, Serialize)]
pub struct Layout {
    /// Width of the drawing, margins included.
    pub width: f64,
    /// Height of the drawing, margins included.
    pub height: f64,
    /// Every person, in file order.
    pub people: Vec<PlacedPerson>,
    /// Every line: partners, descent, sibship bars, child risers, relationships.
    pub lines: Vec<Line>,
    /// One row per generation, top to bottom.
    pub rows: Vec<Row>,
    /// The options it was laid out with, which the renderer's label model shares.
    #[serde(skip)]
    pub options: super::LayoutOptions,
}

/// A generation row.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// The generation number (1 at the top), as in the report.
    pub generation: u32,
    /// The y of the centres of the symbols on this row.
    pub y: f64,
}

/// A person's symbol and the box reserved for its label.
#[derive(Clone, Debug, Serialize)]
pub struct PlacedPerson {
    /// The person's index in the file.
    #[serde(skip)]
    pub person: PersonIx,
    /// The person's id.
    pub id: String,
    /// Centre of the symbol.
    pub x: f64,
    /// Centre of the symbol.
    pub y: f64,
    /// Width of the symbol.
    pub width: f64,
    /// Height of the symbol.
    pub height: f64,
    /// Generation (row), as in the report.
    pub generation: u32,
    /// Width of the space reserved for the text under the symbol.
    pub label_width: f64,
    /// Height of the space reserved for the text under the symbol.
    pub label_height: f64,
    /// The box of everything drawn for the person (the years above, the symbol, badges,
    /// the skill strip and every label line): `[x0, y0, x1, y1]` in layout coordinates.
    #[serde(rename = "box")]
    pub bbox: [f64; 4],
}

/// What a line stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LineKind {
    /// Between the partners of a couple, at mid-symbol height.
    Partner,
    /// From a couple's line down to its children's sibship bar.
    Descent,
    /// The horizontal bar over a couple's children.
    Sibship,
    /// From the sibship bar down to one child.
    Child,
    /// An emotional relationship.
    Relationship,
}

/// A routed line: a polyline from `from` to `to`.
#[derive(Clone, Debug, Serialize)]
pub struct Line {
    /// What it stands for.
    pub kind: LineKind,
    /// Id of the person (or `couple-N`) where it starts.
    pub from: String,
    /// Id of the person (or `couple-N`) where it ends.
    pub to: String,
    /// The points, at least two.
    pub points: Vec<[f64; 2]>,
    /// The couple it belongs to (partner, descent, sibship and child lines).
    #[serde(skip)]
    pub couple: Option<CoupleIx>,
    /// The child (child lines).
    #[serde(skip)]
    pub child: Option<PersonIx>,
    /// How the child belongs to the couple (child lines).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Index in `relationships` (relationship lines).
    #[serde(skip)]
    pub relationship: Option<usize>,
    /// A child line to a couple that did not raise the child (for example the birth
    /// parents of an adopted child): drawn as a secondary link.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub secondary: bool,
}
