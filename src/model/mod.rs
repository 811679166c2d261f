//! The family as the user wrote it (`docs/format.md`), with the place of every value.
//!
//! [`crate::load`] fills these types from YAML; [`crate::validate`] checks the rules that
//! span several entries (references, cycles, dates) and hands back a [`ValidFamily`], the
//! only input later stages accept. References between entries are still ids here; the
//! graph ([`crate::graph`]) resolves them to nodes.

mod date;
mod words;

pub use date::{DateError, PartialDate};
pub use words::{
    Condition, Gender, KnownCondition, KnownGender, KnownSource, Level, Link, OpenWord, PersonKind,
    RelKind, Relation, Sex, Source,
};

use crate::diag::{Span, Spanned};

/// The three skills of emotional intimacy, declared when a file declares none.
pub const DEFAULT_SKILLS: [(&str, &str); 3] = [
    (
        "openness",
        "Shares private thoughts and feelings, imperfections and uncertainties",
    ),
    ("honesty", "Deceives neither by commission nor by omission"),
    (
        "directness",
        "Asks specifically for what they want; says clearly what they don't",
    ),
];

/// A whole family file.
#[derive(Clone, Debug, Default)]
pub struct Family {
    /// `title`: shown above the drawing.
    pub title: Option<String>,
    /// `index`: the client or identified person.
    pub index: Option<Spanned<String>>,
    /// The skills rated in this file: the file's `skills`, or the three defaults.
    pub skills: Vec<SkillDef>,
    /// `people`, in file order.
    pub people: Vec<Person>,
    /// `couples`, in file order.
    pub couples: Vec<Couple>,
    /// `relationships`, in file order.
    pub relationships: Vec<Relationship>,
    /// The date this family stands at, when it is the family as it was then
    /// ([`crate::time::as_of`]) rather than the whole file. Never read from the file.
    pub as_of: Option<PartialDate>,
}

/// A skill the file rates, with the words that define it.
#[derive(Clone, Debug)]
pub struct SkillDef {
    /// The skill's name, as used in `skills:` of each person.
    pub name: Spanned<String>,
    /// What having the skill means.
    pub description: String,
}

/// One entry of `people`.
#[derive(Clone, Debug)]
pub struct Person {
    /// The id (the mapping key); its span is the key's.
    pub id: Spanned<String>,
    /// `name`, or the id when absent.
    pub name: String,
    /// `sex`.
    pub sex: Sex,
    /// `gender`.
    pub gender: Option<Gender>,
    /// `kind`.
    pub kind: PersonKind,
    /// `born`.
    pub born: Option<Spanned<PartialDate>>,
    /// `died`.
    pub died: Option<Spanned<PartialDate>>,
    /// `deceased`, or true when `died` is given.
    pub deceased: bool,
    /// `occupation`.
    pub occupation: Option<String>,
    /// `location`.
    pub location: Option<String>,
    /// `conditions`.
    pub conditions: Vec<Spanned<Condition>>,
    /// `notes`: never drawn unless asked for.
    pub notes: Option<String>,
    /// `skills`, in file order.
    pub skills: Vec<SkillRating>,
    /// `raised_by`, when given.
    pub raised_by: Option<Vec<Spanned<String>>>,
}

impl Person {
    /// The rating of `skill`, if the file rates it.
    pub fn rating(&self, skill: &str) -> Option<&SkillRating> {
        self.skills.iter().find(|r| r.skill.value == skill)
    }

    /// The level of `skill`: [`Level::Unknown`] when not rated.
    pub fn level(&self, skill: &str) -> Level {
        self.rating(skill).map_or(Level::Unknown, |r| r.level)
    }
}

/// A person's rating of one skill.
#[derive(Clone, Debug)]
pub struct SkillRating {
    /// Which skill.
    pub skill: Spanned<String>,
    /// `level`.
    pub level: Level,
    /// `learned`: where the skill was acquired.
    pub learned: Option<Source>,
    /// `since`.
    pub since: Option<Spanned<PartialDate>>,
    /// `note`.
    pub note: Option<String>,
    /// `history`: earlier ratings, oldest first (the loader refuses any other order, and
    /// any entry dated after `since`).
    pub history: Vec<PastRating>,
}

/// An earlier rating of a skill: one entry of a rating's `history`.
#[derive(Clone, Debug)]
pub struct PastRating {
    /// `date`: when the person was rated so.
    pub date: Spanned<PartialDate>,
    /// `level`.
    pub level: Level,
    /// `note`.
    pub note: Option<String>,
    /// `by`: who rated.
    pub by: Option<String>,
}

/// One entry of `couples`.
#[derive(Clone, Debug)]
pub struct Couple {
    /// Where the entry starts.
    pub span: Span,
    /// `partners`: one or two ids.
    pub partners: Vec<Spanned<String>>,
    /// `relation`.
    pub relation: Relation,
    /// `married`.
    pub married: Option<Spanned<PartialDate>>,
    /// `separated`.
    pub separated: Option<Spanned<PartialDate>>,
    /// `divorced`.
    pub divorced: Option<Spanned<PartialDate>>,
    /// `ended`.
    pub ended: Option<Spanned<PartialDate>>,
    /// `since`.
    pub since: Option<Spanned<PartialDate>>,
    /// `children`, flattened in file order (twins appear as consecutive entries).
    pub children: Vec<Child>,
    /// Twin sets among `children`.
    pub twins: Vec<TwinSet>,
}

/// A child of a couple.
#[derive(Clone, Debug)]
pub struct Child {
    /// The child's id.
    pub id: Spanned<String>,
    /// `link`.
    pub link: Link,
    /// `adopted`: when the adoption happened.
    pub adopted: Option<Spanned<PartialDate>>,
}

/// Children born together: `{twins: [ids], identical: bool}`.
#[derive(Clone, Debug)]
pub struct TwinSet {
    /// Indices into the couple's `children`.
    pub members: Vec<usize>,
    /// `identical`: `None` when the file does not say.
    pub identical: Option<bool>,
}

/// One entry of `relationships`.
#[derive(Clone, Debug)]
pub struct Relationship {
    /// Where the entry starts.
    pub span: Span,
    /// The first person (`between[0]` or `from`).
    pub a: Spanned<String>,
    /// The second person (`between[1]` or `to`).
    pub b: Spanned<String>,
    /// Whether it was written with `from`/`to`.
    pub directed: bool,
    /// `kind`.
    pub kind: Spanned<RelKind>,
    /// `since`.
    pub since: Option<Spanned<PartialDate>>,
    /// `until`.
    pub until: Option<Spanned<PartialDate>>,
    /// `note`.
    pub note: Option<String>,
}

/// A family that passed every check of [`crate::validate`]: every reference resolves,
/// nobody is their own ancestor, dates agree. Only [`crate::validate::validate`] makes one.
#[derive(Clone, Debug)]
pub struct ValidFamily {
    family: Family,
}

impl ValidFamily {
    /// Marks a family as checked; only the validator may do this.
    pub(crate) fn new_unchecked(family: Family) -> Self {
        ValidFamily { family }
    }

    /// The family.
    pub fn family(&self) -> &Family {
        &self.family
    }
}
