//! The marks of the notation a drawing can use, as the drawing modules record them and
//! the key lists them: each drawing module names what it draws as an [`Item`], and the
//! key (`legend.rs`) shows each one used. Kept apart from both, so that the drawing
//! modules and the key depend on it and not on each other.

use crate::model::{Level, RelKind, Relation};

use crate::analysis::Transmission;

/// How a region of a symbol is filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fill {
    /// Solid black: the condition is present.
    Solid,
    /// Hatched: in recovery.
    Hatch,
    /// Dotted: suspected.
    Dots,
}

/// One kind of mark the drawing uses; the legend shows each once, in this order.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Item {
    /// A base shape.
    Shape(Shape),
    /// The doubled outline of the index person.
    Index,
    /// The X of a deceased person.
    Deceased,
    /// Years above the symbol.
    Years,
    /// Years under the name.
    YearsBelow,
    /// Age at death inside the symbol.
    AgeAtDeath,
    /// A current pregnancy.
    Pregnancy,
    /// A miscarriage.
    Miscarriage,
    /// An abortion.
    Abortion,
    /// A stillbirth, drawn small in this shape.
    Stillbirth(Shape),
    /// Left half filled.
    Illness,
    /// Lower half filled (or the lower right quarter next to an illness).
    Substance(Fill),
    /// Three quarters filled.
    IllnessAndSubstance,
    /// A badge for another condition (index into the badge words).
    Badge(usize),
    /// A partner line of this kind.
    Relation(Relation),
    /// Dates on a partner line.
    CoupleDates,
    /// One slash.
    Separated,
    /// Two slashes.
    Divorced,
    /// A dashed child line with brackets.
    Adopted,
    /// A dotted child line.
    Foster,
    /// A thin line to birth parents who did not raise the child.
    BirthLink,
    /// A thin dashed line to a step-parent couple the child does not hang from.
    StepLink,
    /// Twins with a bar.
    TwinsIdentical,
    /// Twins without a bar.
    TwinsFraternal,
    /// Twins with `?`.
    TwinsUnknown,
    /// An emotional relationship.
    Emotional(RelKind),
    /// The skill strip and its initials.
    Skills,
    /// A skill cell at this level.
    Level(Level),
    /// A trace band.
    Trace(Transmission),
    /// A cycle breaker's badge: (badge, source words).
    Breaker(String, String),
    /// The longest chain of absence.
    AbsenceChain,
}

/// The base shape of a person's symbol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Shape {
    /// Man, or male when no gender is given.
    Square,
    /// Woman, or female when no gender is given.
    Circle,
    /// Non-binary, another gender, intersex or unknown.
    Diamond,
}
