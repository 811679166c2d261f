//! The fixed words of the family file (`docs/format.md`), one enum per field.
//!
//! Each enum knows its words in the order the format lists them, so that error messages,
//! suggestions and the JSON Schema are all built from one list.

use std::fmt;

/// Declares an enum whose variants are spelled in the file as the given words.
macro_rules! words {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $word:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every word, in the order the format lists them.
            pub const WORDS: &'static [&'static str] = &[$($word,)+];
            /// Every value, in the order of [`Self::WORDS`].
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The word as written in the file.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $word,)+
                }
            }

            /// Reads a word as written in the file.
            pub fn from_word(word: &str) -> Option<Self> {
                match word {
                    $($word => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

words! {
    /// Sex assigned at birth.
    Sex {
        /// `female`
        Female = "female",
        /// `male`
        Male = "male",
        /// `intersex`
        Intersex = "intersex",
        /// `unknown`: the default.
        Unknown = "unknown",
    }
}

words! {
    /// What a person entry stands for: a person, or a pregnancy and its outcomes.
    PersonKind {
        /// `person`: the default.
        Person = "person",
        /// `pregnancy`: a current pregnancy.
        Pregnancy = "pregnancy",
        /// `miscarriage`
        Miscarriage = "miscarriage",
        /// `abortion`
        Abortion = "abortion",
        /// `stillbirth`
        Stillbirth = "stillbirth",
    }
}

words! {
    /// How much of a skill a person has.
    Level {
        /// `none`: lacks the skill.
        None = "none",
        /// `some`: has it in part.
        Some = "some",
        /// `strong`: has it fully.
        Strong = "strong",
        /// `unknown`: not rated; the default.
        Unknown = "unknown",
    }
}

words! {
    /// The kind of partnership.
    Relation {
        /// `married`: the default.
        Married = "married",
        /// `cohabiting`
        Cohabiting = "cohabiting",
        /// `engaged`
        Engaged = "engaged",
        /// `dating`
        Dating = "dating",
        /// `affair`
        Affair = "affair",
        /// `unknown`
        Unknown = "unknown",
    }
}

words! {
    /// How a child belongs to a couple.
    Link {
        /// `biological`: the default.
        Biological = "biological",
        /// `adopted`
        Adopted = "adopted",
        /// `foster`
        Foster = "foster",
        /// `step`
        Step = "step",
    }
}

words! {
    /// The kinds of emotional relationship (McGoldrick's interactional patterns).
    RelKind {
        /// `close`
        Close = "close",
        /// `fused`
        Fused = "fused",
        /// `distant`
        Distant = "distant",
        /// `conflict`
        Conflict = "conflict",
        /// `hostile`
        Hostile = "hostile",
        /// `close-hostile`
        CloseHostile = "close-hostile",
        /// `fused-hostile`
        FusedHostile = "fused-hostile",
        /// `cutoff`
        Cutoff = "cutoff",
        /// `cutoff-repaired`
        CutoffRepaired = "cutoff-repaired",
        /// `focused-on` (directed)
        FocusedOn = "focused-on",
        /// `caretaker` (directed)
        Caretaker = "caretaker",
        /// `neglect` (directed)
        Neglect = "neglect",
        /// `physical-abuse` (directed)
        PhysicalAbuse = "physical-abuse",
        /// `emotional-abuse` (directed)
        EmotionalAbuse = "emotional-abuse",
        /// `sexual-abuse` (directed)
        SexualAbuse = "sexual-abuse",
    }
}

impl RelKind {
    /// Whether the kind goes from one person to another and so needs `from`/`to`.
    pub fn is_directed(self) -> bool {
        matches!(
            self,
            RelKind::FocusedOn
                | RelKind::Caretaker
                | RelKind::Neglect
                | RelKind::PhysicalAbuse
                | RelKind::EmotionalAbuse
                | RelKind::SexualAbuse
        )
    }

    /// Whether the kind is negative: the "conflicted pair" side of a triangle.
    pub fn is_negative(self) -> bool {
        matches!(
            self,
            RelKind::Conflict
                | RelKind::Hostile
                | RelKind::Distant
                | RelKind::Cutoff
                | RelKind::Neglect
                | RelKind::PhysicalAbuse
                | RelKind::EmotionalAbuse
                | RelKind::SexualAbuse
        )
    }

    /// Whether the kind draws someone in: the "close" side of a triangle.
    pub fn is_drawing_in(self) -> bool {
        matches!(
            self,
            RelKind::Close | RelKind::Fused | RelKind::FocusedOn | RelKind::Caretaker
        )
    }
}

words! {
    /// The conditions with a standard fill in the symbol.
    KnownCondition {
        /// `illness`: left half.
        Illness = "illness",
        /// `mental-illness`: left half.
        MentalIllness = "mental-illness",
        /// `alcohol`: lower half.
        Alcohol = "alcohol",
        /// `drugs`: lower half.
        Drugs = "drugs",
        /// `alcohol-recovery`: lower half, hatched.
        AlcoholRecovery = "alcohol-recovery",
        /// `drugs-recovery`: lower half, hatched.
        DrugsRecovery = "drugs-recovery",
        /// `suspected-alcohol`: lower half, dotted.
        SuspectedAlcohol = "suspected-alcohol",
        /// `suspected-drugs`: lower half, dotted.
        SuspectedDrugs = "suspected-drugs",
    }
}

words! {
    /// The known places a skill can be learned (`learned:`); free text is also allowed.
    KnownSource {
        /// `family`
        Family = "family",
        /// `therapy`
        Therapy = "therapy",
        /// `group-therapy`
        GroupTherapy = "group-therapy",
        /// `partner`
        Partner = "partner",
        /// `mentor`
        Mentor = "mentor",
        /// `community`
        Community = "community",
        /// `self`
        SelfTaught = "self",
    }
}

words! {
    /// The known gender identities; free text is also allowed.
    KnownGender {
        /// `woman`
        Woman = "woman",
        /// `man`
        Man = "man",
        /// `nonbinary`
        Nonbinary = "nonbinary",
    }
}

/// A word from a known list, or the user's own text where the format allows it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OpenWord<K> {
    /// One of the known words.
    Known(K),
    /// Free text.
    Other(String),
}

impl<K: Copy + fmt::Display> OpenWord<K> {
    /// The text as written.
    pub fn text(&self) -> String {
        match self {
            OpenWord::Known(k) => k.to_string(),
            OpenWord::Other(s) => s.clone(),
        }
    }
}

impl<K: serde::Serialize> serde::Serialize for OpenWord<K> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            OpenWord::Known(k) => k.serialize(s),
            OpenWord::Other(t) => s.serialize_str(t),
        }
    }
}

/// A condition: a known word with a standard fill, or another word shown as a badge.
pub type Condition = OpenWord<KnownCondition>;
/// Where a skill was learned.
pub type Source = OpenWord<KnownSource>;
/// A gender identity.
pub type Gender = OpenWord<KnownGender>;
