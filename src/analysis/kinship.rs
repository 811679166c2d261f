//! How each person is related to the person the report is for, so that the text can say
//! "your father's mother" rather than an id. Computed from the graph, nearest relation
//! first; people with no simple relation get none and are named.

use std::collections::VecDeque;

use super::Context;
use super::types::Gendered;
use crate::graph::PersonIx;
use crate::model::{Link, Relation};

/// A relation to the person the report is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kin {
    /// The person the report is for.
    Myself,
    /// Someone who raised them.
    Parent {
        /// Raised them only as a step-parent.
        step: bool,
    },
    /// A biological parent who did not raise them.
    BirthParent,
    /// A caregiver's caregiver, or further up.
    Ancestor {
        /// 2 for grandparents, 3 for great-grandparents, and so on.
        depth: u32,
        /// The id of the person's own caregiver through whom the line runs.
        side: String,
    },
    /// Raised by one of the same caregivers.
    Sibling,
    /// A sibling of a caregiver, or the partner of one.
    AuntUncle,
    /// A child of an aunt or uncle.
    Cousin,
    /// A child of a sibling.
    NieceNephew,
    /// Someone they raised.
    Child {
        /// Raised only as a step-child.
        step: bool,
    },
    /// A child's child, or further down.
    Descendant {
        /// 2 for grandchildren, and so on.
        depth: u32,
    },
    /// A partner.
    Partner {
        /// The couple is married.
        married: bool,
        /// The couple separated, divorced or ended.
        former: bool,
    },
}

/// The relation of every person (indexed by [`PersonIx`]) to the report's person.
pub(super) fn relate(cx: &Context<'_>) -> Vec<Option<Kin>> {
    let g = cx.graph;
    let n = g.person_count();
    let mut kin: Vec<Option<Kin>> = vec![None; n];
    let Some(focus) = cx.focus else { return kin };
    let set = |kin: &mut Vec<Option<Kin>>, p: PersonIx, k: Kin| {
        if kin[p.0].is_none() && cx.is_person[p.0] {
            kin[p.0] = Some(k);
        }
    };
    kin[focus.0] = Some(Kin::Myself);

    // Up: breadth first, so each ancestor gets their nearest depth and the side of the
    // first line that reaches them.
    let mut up: Vec<(PersonIx, u32)> = Vec::new();
    let mut queue: VecDeque<(PersonIx, u32, PersonIx)> = VecDeque::new();
    for c in cx.carers_by_position(focus) {
        let step = g
            .parent_couples(focus)
            .iter()
            .filter(|(cp, _)| g.partners(*cp).contains(&c))
            .all(|(_, link)| *link == Link::Step)
            && g.person(focus).raised_by.is_none();
        set(&mut kin, c, Kin::Parent { step });
        up.push((c, 1));
        queue.push_back((c, 1, c));
    }
    while let Some((p, depth, side)) = queue.pop_front() {
        for c in cx.carers_by_position(p) {
            if kin[c.0].is_none() {
                set(
                    &mut kin,
                    c,
                    Kin::Ancestor {
                        depth: depth + 1,
                        side: cx.id(side).to_string(),
                    },
                );
                up.push((c, depth + 1));
                queue.push_back((c, depth + 1, side));
            }
        }
    }
    // Down.
    let mut queue: VecDeque<(PersonIx, u32)> = VecDeque::from([(focus, 0)]);
    while let Some((p, depth)) = queue.pop_front() {
        for c in g.raised(p) {
            if kin[c.0].is_none() {
                let k = if depth == 0 {
                    let step = g
                        .parent_couples(c)
                        .iter()
                        .filter(|(cp, _)| g.partners(*cp).contains(&focus))
                        .all(|(_, link)| *link == Link::Step)
                        && g.person(c).raised_by.is_none();
                    Kin::Child { step }
                } else {
                    Kin::Descendant { depth: depth + 1 }
                };
                set(&mut kin, c, k);
                queue.push_back((c, depth + 1));
            }
        }
    }
    for &(cp, link) in g.parent_couples(focus) {
        if link == Link::Biological {
            for q in g.partners(cp) {
                set(&mut kin, q, Kin::BirthParent);
            }
        }
    }
    // A sibling's child raised by the same caregivers (a grandchild raised by the
    // grandparents) is still a niece or nephew, not a sibling.
    let siblings: Vec<PersonIx> = g.caregivers(focus).flat_map(|c| g.raised(c)).collect();
    for &s in &siblings {
        for &cp in g.partner_couples(s) {
            for (c, _) in g.children(cp) {
                if siblings.contains(&c) {
                    set(&mut kin, c, Kin::NieceNephew);
                }
            }
        }
    }
    for &s in &siblings {
        set(&mut kin, s, Kin::Sibling);
    }
    for &cp in g.partner_couples(focus) {
        let couple = g.couple(cp);
        let married = couple.relation == Relation::Married;
        let former =
            couple.separated.is_some() || couple.divorced.is_some() || couple.ended.is_some();
        for q in g.partners(cp) {
            set(&mut kin, q, Kin::Partner { married, former });
        }
    }
    let grandparents: Vec<PersonIx> = up
        .iter()
        .filter(|(_, d)| *d == 2)
        .map(|(p, _)| *p)
        .collect();
    let mut aunts = Vec::new();
    for &gp in &grandparents {
        for a in g.raised(gp) {
            if kin[a.0].is_none() {
                set(&mut kin, a, Kin::AuntUncle);
                aunts.push(a);
            }
        }
    }
    for &a in &aunts.clone() {
        for &cp in g.partner_couples(a) {
            for q in g.partners(cp) {
                if kin[q.0].is_none() {
                    set(&mut kin, q, Kin::AuntUncle);
                    aunts.push(q);
                }
            }
        }
    }
    for &a in &aunts {
        for c in g.raised(a) {
            set(&mut kin, c, Kin::Cousin);
        }
    }
    let siblings: Vec<PersonIx> = g
        .people()
        .filter(|p| kin[p.0] == Some(Kin::Sibling))
        .collect();
    for s in siblings {
        for c in g.raised(s) {
            set(&mut kin, c, Kin::NieceNephew);
        }
    }
    kin
}

/// The words for a relation, with "your": "your father's mother", "your aunt".
/// `side` is how to speak of the caregiver an ancestor's line runs through.
pub(crate) fn kin_words(kin: &Kin, g: Gendered, side: Gendered) -> String {
    let pick = |m: &str, f: &str, n: &str| match g {
        Gendered::Male => m.to_string(),
        Gendered::Female => f.to_string(),
        Gendered::Neutral => n.to_string(),
    };
    let parent_word = |g: Gendered| match g {
        Gendered::Male => "father",
        Gendered::Female => "mother",
        Gendered::Neutral => "parent",
    };
    match kin {
        Kin::Myself => "you".to_string(),
        Kin::Parent { step: false } => format!("your {}", parent_word(g)),
        Kin::Parent { step: true } => {
            format!("your {}", pick("stepfather", "stepmother", "step-parent"))
        }
        Kin::BirthParent => format!("your birth {}", parent_word(g)),
        Kin::Ancestor { depth: 2, .. } => {
            format!("your {}'s {}", parent_word(side), parent_word(g))
        }
        Kin::Ancestor { depth, .. } => format!(
            "your {}'s {}grand{}",
            parent_word(side),
            "great-".repeat(depth.saturating_sub(3) as usize),
            parent_word(g)
        ),
        Kin::Sibling => format!("your {}", pick("brother", "sister", "sibling")),
        Kin::AuntUncle => format!("your {}", pick("uncle", "aunt", "parent's sibling")),
        Kin::Cousin => "your cousin".to_string(),
        Kin::NieceNephew => format!("your {}", pick("nephew", "niece", "sibling's child")),
        Kin::Child { step: false } => format!("your {}", pick("son", "daughter", "child")),
        Kin::Child { step: true } => {
            format!("your {}", pick("stepson", "stepdaughter", "stepchild"))
        }
        Kin::Descendant { depth } => format!(
            "your {}grand{}",
            "great-".repeat(depth.saturating_sub(2) as usize),
            pick("son", "daughter", "child")
        ),
        Kin::Partner { married, former } => format!(
            "your {}{}",
            if *former { "former " } else { "" },
            if *married {
                pick("husband", "wife", "spouse")
            } else {
                "partner".to_string()
            }
        ),
    }
}

/// How to speak of one person in a sentence addressed to the report's person.
#[derive(Clone, Debug)]
pub(crate) struct Subject {
    /// "you", "your aunt Kathleen", or the full name of someone unrelated.
    pub noun: String,
    /// "you", "he", "she", "they".
    pub pron: &'static str,
    /// "you", "him", "her", "them".
    pub obj: &'static str,
    /// "your", "his", "her", "their".
    pub poss: &'static str,
    /// "was" or "were" after `pron`.
    pub was: &'static str,
    /// "has" or "have" after `noun`.
    pub has: &'static str,
    /// Whether this is the report's person.
    pub myself: bool,
}

impl Subject {
    /// The subject for a person with the given relation and words.
    pub(crate) fn new(
        kin: Option<&Kin>,
        g: Gendered,
        side: Gendered,
        short: &str,
        name: &str,
    ) -> Self {
        let noun = match kin {
            Some(Kin::Myself) => "you".to_string(),
            Some(k) => format!("{} {short}", kin_words(k, g, side)),
            None => name.to_string(),
        };
        let myself = kin == Some(&Kin::Myself);
        let (pron, obj, poss, was, has) = match (myself, g) {
            (true, _) => ("you", "you", "your", "were", "have"),
            (false, Gendered::Male) => ("he", "him", "his", "was", "has"),
            (false, Gendered::Female) => ("she", "her", "her", "was", "has"),
            (false, Gendered::Neutral) => ("they", "them", "their", "were", "has"),
        };
        Subject {
            noun,
            pron,
            obj,
            poss,
            was,
            has,
            myself,
        }
    }
}
