//! What a guided intake asks next: `genogram questions` and the workspace's interview.
//!
//! Two kinds of question, both open-ended (from [`super::bank`]):
//!
//! - `rate`: a person has a skill the file declares but no level for it (missing or
//!   `unknown`); the question comes with what each level sounds like;
//! - `relative`: someone close to the client is missing from the file: the client's
//!   parents, each parent's parents, and, asked once, brothers and sisters and partners.
//!
//! In the order of an intake: the client, their parents (those who raised them, then
//! birth parents), siblings, partners, children, the grandparents side by side (in the
//! order of the parents), then everyone else: aunts and uncles, cousins, nieces and
//! nephews, grandchildren, great-grandparents, and people with no simple relation, each
//! group in file order. A missing relative is asked where they would stand in that order.
//!
//! Which wording of the bank a person gets follows their place in that order of everyone
//! (rated or not), so that people asked one after the other hear different sentences,
//! and rating someone does not change the wording of anyone else's question.

use serde::Serialize;

use super::bank::{self, LevelHints, Voice};
use super::gaps::subject_of;
use super::kinship::{self, Kin, kin_words};
use super::transmission::gendered;
use super::types::{Gendered, Id};
use super::{AnalysisOptions, Context};
use crate::graph::{FamilyGraph, PersonIx};
use crate::model::Level;

/// What the interview asks, in order.
#[derive(Clone, Debug, Serialize)]
pub struct Questions {
    /// The client the questions are worded for (`--person`, else the file's `index`).
    #[serde(skip)]
    pub client: Option<Id>,
    /// The questions.
    pub questions: Vec<Question>,
}

/// One question.
#[derive(Clone, Debug, Serialize)]
pub struct Question {
    /// Which kind.
    pub kind: QuestionKind,
    /// Whom it is about: the person to rate, or the person whose relatives are missing.
    pub people: Vec<Id>,
    /// The skill to rate (`rate` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skill: Option<Id>,
    /// The question, open-ended.
    pub question: String,
    /// What each level sounds like (`rate` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub levels: Option<LevelHints>,
    /// Which relatives are missing (`relative` only); not in the command's JSON, whose
    /// shape is fixed, but the workspace uses it to offer the right "add" form.
    #[serde(skip)]
    pub missing: Option<Relative>,
}

/// The kinds of question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    /// A skill to rate.
    Rate,
    /// A close relative missing from the file.
    Relative,
}

/// Which close relatives a `relative` question is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relative {
    /// The parents of the question's person.
    Parents,
    /// The client's brothers and sisters.
    Siblings,
    /// The client's partners.
    Partners,
}

impl Relative {
    /// The word used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Relative::Parents => "parents",
            Relative::Siblings => "siblings",
            Relative::Partners => "partners",
        }
    }
}

/// The questions of an interview with `client` (default: the file's `index`); see the
/// module documentation. Without a client, only `rate` questions, in file order, about
/// people named in full.
pub fn questions(graph: &FamilyGraph, client: Option<PersonIx>) -> Questions {
    let cx = Context::build(
        graph,
        &AnalysisOptions {
            person: client,
            ..AnalysisOptions::default()
        },
    );
    let kin = kinship::relate(&cx);
    let mut asker = Asker {
        cx: &cx,
        kin: &kin,
        out: Vec::new(),
        asked: vec![false; graph.person_count()],
        place: 0,
    };
    match cx.focus {
        Some(me) => asker.interview(me),
        None => {
            for p in graph.people() {
                asker.rate(p);
            }
        }
    }
    Questions {
        client: cx.focus.map(|p| cx.id(p)),
        questions: asker.out,
    }
}

/// Walks the family in interview order, collecting questions.
struct Asker<'a, 'g> {
    cx: &'a Context<'g>,
    kin: &'a [Option<Kin>],
    out: Vec<Question>,
    /// Whether each person has had their turn (someone reached by two paths, such as a
    /// grandparent on both sides in a cousin marriage, is asked about once).
    asked: Vec<bool>,
    /// How many people have had their turn: chooses the wording.
    place: usize,
}

impl Asker<'_, '_> {
    fn interview(&mut self, me: PersonIx) {
        let cx = self.cx;
        let g = cx.graph;
        let kin = self.kin;
        let people = |want: fn(&Kin) -> bool| -> Vec<PersonIx> {
            g.people()
                .filter(|p| kin[p.0].as_ref().is_some_and(want))
                .collect()
        };
        self.rate(me);
        // In the order the file gives them (the couple's partners, or `raised_by`).
        let parents: Vec<PersonIx> = g.caregivers(me).filter(|p| cx.is_person[p.0]).collect();
        if parents.is_empty() {
            self.missing(me, Relative::Parents, bank::relative::CLIENT_PARENTS.into());
        }
        for &p in &parents {
            self.rate(p);
        }
        for p in people(|k| matches!(k, Kin::BirthParent)) {
            self.rate(p);
        }
        let siblings = people(|k| matches!(k, Kin::Sibling));
        if siblings.is_empty() {
            self.missing(me, Relative::Siblings, bank::relative::SIBLINGS.into());
        }
        for p in siblings {
            self.rate(p);
        }
        let partners = people(|k| matches!(k, Kin::Partner { .. }));
        if partners.is_empty() {
            self.missing(me, Relative::Partners, bank::relative::PARTNERS.into());
        }
        for p in partners {
            self.rate(p);
        }
        for p in people(|k| matches!(k, Kin::Child { .. })) {
            self.rate(p);
        }
        for &parent in &parents {
            let grandparents: Vec<PersonIx> =
                g.caregivers(parent).filter(|p| cx.is_person[p.0]).collect();
            if grandparents.is_empty() {
                let question = self.parents_question(parent, &parents);
                self.missing(parent, Relative::Parents, question);
            }
            for gp in grandparents {
                self.rate(gp);
            }
        }
        let rest: [fn(&Kin) -> bool; 5] = [
            |k: &Kin| matches!(k, Kin::AuntUncle),
            |k: &Kin| matches!(k, Kin::Cousin),
            |k: &Kin| matches!(k, Kin::NieceNephew),
            |k: &Kin| matches!(k, Kin::Descendant { .. }),
            |k: &Kin| matches!(k, Kin::Ancestor { .. }),
        ];
        for want in rest {
            for p in people(want) {
                self.rate(p);
            }
        }
        for p in g.people() {
            self.rate(p);
        }
    }

    /// "Tell me about your mother's parents: who raised her?", naming the parent when
    /// another parent has the same words (two mothers).
    fn parents_question(&self, parent: PersonIx, parents: &[PersonIx]) -> String {
        let words = |p: PersonIx| {
            self.kin[p.0].as_ref().map_or_else(
                || self.cx.graph.person(p).name.clone(),
                |k| kin_words(k, gendered(self.cx, p), Gendered::Neutral),
            )
        };
        let who = subject_of(self.cx, self.kin, parent);
        let mine = words(parent);
        let shared = parents
            .iter()
            .any(|&other| other != parent && words(other) == mine);
        let noun = if shared { who.noun.clone() } else { mine };
        bank::relative::parents_of(&noun, who.obj)
    }

    fn missing(&mut self, about: PersonIx, missing: Relative, question: String) {
        self.out.push(Question {
            kind: QuestionKind::Relative,
            people: vec![self.cx.id(about)],
            skill: None,
            question,
            levels: None,
            missing: Some(missing),
        });
    }

    /// The person's turn: a question for each declared skill they are not rated on.
    fn rate(&mut self, p: PersonIx) {
        let cx = self.cx;
        if self.asked[p.0] || !cx.is_person[p.0] {
            return;
        }
        self.asked[p.0] = true;
        let place = self.place;
        self.place += 1;
        let person = cx.graph.person(p);
        let who = subject_of(cx, self.kin, p);
        for skill in &cx.skills {
            if person.level(skill) != Level::Unknown {
                continue;
            }
            let description = cx
                .graph
                .family()
                .skills
                .iter()
                .find(|d| *d.name.value == **skill)
                .map_or("", |d| d.description.as_str());
            self.out.push(Question {
                kind: QuestionKind::Rate,
                people: vec![cx.id(p)],
                skill: Some(skill.clone()),
                question: bank::skill_question(&who, skill, description, place, Voice::Present),
                levels: Some(bank::level_hints(skill)),
                missing: None,
            });
        }
    }
}

#[cfg(test)]
mod tests;
