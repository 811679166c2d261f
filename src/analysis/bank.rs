//! The question bank: every open-ended question the report and the interview ask, and
//! the short descriptions of what each level of a skill sounds like.
//!
//! Each skill has several wordings so that an interview going through a whole family
//! does not ask the same sentence twenty times; which wording a person gets is chosen by
//! the caller (deterministically). Wordings about someone else are written in the past
//! tense, which needs no verb agreement beyond "was/were", and are filled in with the
//! person's words (`{who}` = "your mother Linda"); wordings for the client are written
//! out in the present tense ("How do you …"). Every wording opens with a word that
//! cannot start a yes/no question ("How", "What", "When", "Where", "Tell"): a test
//! fills in every one and checks.
//!
//! The level hints describe behaviour a client can report, not a judgement, and are the
//! same for everyone, so that two therapists hearing the same story pick the same level
//! (docs/questions.md, "How the level hints were chosen").

use serde::Serialize;

use super::kinship::Subject;

/// One way of asking about a skill.
struct Wording {
    /// About someone else, in the past tense. Placeholders: `{who}` ("your mother
    /// Linda"), `{whom}` (`{who}`, or "yourself"), `{they}`, `{them}`, `{their}`,
    /// `{were}` ("was"/"were"), `{skill}`, `{desc}` (" (the description)" or nothing).
    about: &'static str,
    /// To the client, in the present tense; only `{skill}` and `{desc}` are filled in.
    you: &'static str,
}

/// What each level of a skill sounds like, in a few words: the same for every person,
/// so that ratings agree between therapists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LevelHints {
    /// What `none` sounds like.
    pub none: &'static str,
    /// What `some` sounds like.
    pub some: &'static str,
    /// What `strong` sounds like.
    pub strong: &'static str,
}

/// The wordings and level hints of one skill.
struct SkillBank {
    wordings: &'static [Wording],
    levels: LevelHints,
}

/// Openness: "Shares private thoughts and feelings, imperfections and uncertainties".
const OPENNESS: SkillBank = SkillBank {
    wordings: &[
        Wording {
            about: "How did {who} let people know when {they} {were} sad, afraid or unsure?",
            you: "How do you let people know when you are sad, afraid or unsure?",
        },
        Wording {
            about: "What did {who} do with {their} worries and mistakes: who heard about them, and how?",
            you: "What do you do with your worries and mistakes: who hears about them, and how?",
        },
        Wording {
            about: "When something hurt {who}, what did the people around {them} see or hear?",
            you: "When something hurts you, what do the people around you see or hear?",
        },
        Wording {
            about: "What private thoughts or feelings did {who} share, and with whom?",
            you: "What private thoughts or feelings do you share, and with whom?",
        },
    ],
    levels: LevelHints {
        none: "Kept feelings and doubts private; people rarely knew when something was wrong.",
        some: "Shared feelings with one or two people, or only when pushed or long afterwards.",
        strong: "Said how they felt, fears and mistakes included, to the people close to them.",
    },
};

/// Honesty: "Deceives neither by commission nor by omission".
const HONESTY: SkillBank = SkillBank {
    wordings: &[
        Wording {
            about: "What happened when {who} had something uncomfortable to tell someone close?",
            you: "What happens when you have something uncomfortable to tell someone close?",
        },
        Wording {
            about: "How did {who} handle a truth that might upset someone?",
            you: "How do you handle a truth that might upset someone?",
        },
        Wording {
            about: "When the truth was awkward, what did {who} tell people?",
            you: "When the truth is awkward, what do you tell people?",
        },
        Wording {
            about: "How much of the whole story did {who} tell, including the parts that did not flatter {them}?",
            you: "How much of the whole story do you tell, including the parts that do not flatter you?",
        },
    ],
    levels: LevelHints {
        none: "Lied, or left out what mattered, to avoid trouble or keep the peace.",
        some: "Truthful in general, but kept quiet about hard things or told them late.",
        strong: "Told the truth, hard parts included, even when it cost them something.",
    },
};

/// Directness: "Asks specifically for what they want; says clearly what they don't".
const DIRECTNESS: SkillBank = SkillBank {
    wordings: &[
        Wording {
            about: "What did {who} do when {they} needed something from someone?",
            you: "What do you do when you need something from someone?",
        },
        Wording {
            about: "How did {who} say no, or let someone know {they} did not like something?",
            you: "How do you say no, or let someone know you do not like something?",
        },
        Wording {
            about: "When {who} wanted something at home, how did the others find out?",
            you: "When you want something at home, how do the others find out?",
        },
        Wording {
            about: "What happened when someone crossed a line with {who}?",
            you: "What happens when someone crosses a line with you?",
        },
    ],
    levels: LevelHints {
        none: "Hinted, sulked or went without rather than ask; rarely said no.",
        some: "Asked or refused clearly with some people, or only about small things.",
        strong: "Asked for exactly what they wanted and said clearly what they did not.",
    },
};

/// Any other skill a file declares, described by its own words.
const OTHER: SkillBank = SkillBank {
    wordings: &[
        Wording {
            about: "What comes to mind when you think of {whom} and {skill}{desc}?",
            you: "What comes to mind when you think of yourself and {skill}{desc}?",
        },
        Wording {
            about: "How did {skill}{desc} show in the way {who} treated the people close to {them}?",
            you: "How does {skill}{desc} show in the way you treat the people close to you?",
        },
        Wording {
            about: "Where did {who} learn {skill}{desc}, or miss learning it?",
            you: "Where did you learn {skill}{desc}, or miss learning it?",
        },
    ],
    levels: LevelHints {
        none: "Never or almost never, as far as anyone knows.",
        some: "Sometimes, with some people, or only when it was easy.",
        strong: "Usually, with the people close to them, even when it was hard.",
    },
};

fn bank(skill: &str) -> &'static SkillBank {
    match skill {
        "openness" => &OPENNESS,
        "honesty" => &HONESTY,
        "directness" => &DIRECTNESS,
        _ => &OTHER,
    }
}

/// How many wordings the bank has for `skill`.
#[cfg(test)]
pub(crate) fn wording_count(skill: &str) -> usize {
    bank(skill).wordings.len()
}

/// What each level of `skill` sounds like.
pub(crate) fn level_hints(skill: &str) -> LevelHints {
    bank(skill).levels
}

/// Who a question is addressed about, and in which voice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Voice {
    /// Past tense, with the subject's words ("How did you …" for the client too): the
    /// report's questions for the next session.
    Past,
    /// The client in the present tense ("How do you …"); others as [`Voice::Past`].
    Present,
}

/// The question about skill `skill` (described as `description`) of the person `who`,
/// in wording `variant` (taken modulo the number of wordings).
pub(crate) fn skill_question(
    who: &Subject,
    skill: &str,
    description: &str,
    variant: usize,
    voice: Voice,
) -> String {
    let wordings = bank(skill).wordings;
    let wording = &wordings[variant % wordings.len()];
    let template = if who.myself && voice == Voice::Present {
        wording.you
    } else {
        wording.about
    };
    fill(template, who, skill, description)
}

/// A template with its placeholders replaced.
fn fill(template: &str, who: &Subject, skill: &str, description: &str) -> String {
    let mut desc = description.trim().trim_end_matches('.').to_string();
    if let Some(first) = desc.chars().next() {
        desc = first.to_lowercase().chain(desc.chars().skip(1)).collect();
    }
    let desc = if desc.is_empty() {
        String::new()
    } else {
        format!(" ({desc})")
    };
    let whom = if who.myself { "yourself" } else { &who.noun };
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        let word = match &rest[start + 1..start + len] {
            "who" => who.noun.as_str(),
            "whom" => whom,
            "they" => who.pron,
            "them" => who.obj,
            "their" => who.poss,
            "were" => who.was,
            "skill" => skill,
            "desc" => desc.as_str(),
            // Templates are constants checked by the tests; an unknown name stays visible.
            other => other,
        };
        out.push_str(word);
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// The relative questions: someone close to the client is not in the file.
pub(crate) mod relative {
    /// Nobody in the file raised the client.
    pub(crate) const CLIENT_PARENTS: &str = "Tell me about your parents: who raised you?";
    /// The client has no brother or sister in the file.
    pub(crate) const SIBLINGS: &str = "Tell me about your brothers and sisters, including half- and stepsiblings: who grew up with you?";
    /// The client has no partner in the file.
    pub(crate) const PARTNERS: &str =
        "Tell me about your partners, past and present: who has mattered most?";

    /// Nobody in the file raised one of the client's parents: `parent` is how the client
    /// speaks of them ("your mother"), `obj` their object pronoun ("her").
    pub(crate) fn parents_of(parent: &str, obj: &str) -> String {
        format!("Tell me about {parent}'s parents: who raised {obj}?")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::types::Gendered;
    use crate::analysis::{Kin, kinship::kin_words};

    /// The words that open a question answerable with yes or no.
    const CLOSED: [&str; 38] = [
        "am",
        "is",
        "isn't",
        "are",
        "aren't",
        "was",
        "wasn't",
        "were",
        "weren't",
        "do",
        "don't",
        "does",
        "doesn't",
        "did",
        "didn't",
        "can",
        "can't",
        "cannot",
        "could",
        "couldn't",
        "would",
        "wouldn't",
        "will",
        "won't",
        "has",
        "hasn't",
        "have",
        "haven't",
        "had",
        "hadn't",
        "should",
        "shouldn't",
        "shall",
        "may",
        "might",
        "must",
        "ought",
        "need",
    ];

    fn subjects() -> Vec<Subject> {
        let mut out = vec![Subject::new(
            Some(&Kin::Myself),
            Gendered::Female,
            Gendered::Neutral,
            "Anna",
            "Anna Kowalski",
        )];
        for g in [Gendered::Male, Gendered::Female, Gendered::Neutral] {
            out.push(Subject::new(
                Some(&Kin::Parent { step: false }),
                g,
                Gendered::Neutral,
                "Sam",
                "Sam Byrne",
            ));
            out.push(Subject::new(None, g, Gendered::Neutral, "Sam", "Sam Byrne"));
        }
        out
    }

    /// Every sentence the bank can produce, with every kind of subject and skill.
    fn every_question() -> Vec<String> {
        let mut out = Vec::new();
        let skills = [
            ("openness", "Shares private thoughts"),
            ("honesty", ""),
            ("directness", ""),
            ("kindness", "Notices what others need."),
            ("patience", ""),
        ];
        for who in subjects() {
            for (skill, description) in skills {
                for variant in 0..wording_count(skill) {
                    for voice in [Voice::Past, Voice::Present] {
                        out.push(skill_question(&who, skill, description, variant, voice));
                    }
                }
            }
        }
        out.extend(
            [
                relative::CLIENT_PARENTS,
                relative::SIBLINGS,
                relative::PARTNERS,
            ]
            .map(String::from),
        );
        for g in [Gendered::Male, Gendered::Female, Gendered::Neutral] {
            let who = Subject::new(None, g, Gendered::Neutral, "", "");
            out.push(relative::parents_of(
                &kin_words(&Kin::Parent { step: true }, g, Gendered::Neutral),
                who.obj,
            ));
        }
        out
    }

    #[test]
    fn no_wording_can_be_answered_yes_or_no() {
        let all = every_question();
        assert!(all.len() > 200, "{}", all.len());
        for q in &all {
            let first = q
                .split(|c: char| !(c.is_alphanumeric() || c == '\''))
                .next()
                .unwrap_or("")
                .to_lowercase();
            assert!(!CLOSED.contains(&first.as_str()), "closed question: {q}");
            assert!(q.ends_with('?'), "not a question: {q}");
            assert!(
                q.chars().next().is_some_and(char::is_uppercase),
                "no capital: {q}"
            );
            assert!(!q.contains(['{', '}']), "placeholder left: {q}");
            assert!(!q.contains("  "), "double space: {q}");
        }
    }

    #[test]
    fn every_skill_has_several_wordings_all_different() {
        for skill in ["openness", "honesty", "directness", "kindness"] {
            assert!(wording_count(skill) >= 3, "{skill}");
            let who = &subjects()[1];
            let mut seen: Vec<String> = (0..wording_count(skill))
                .map(|v| skill_question(who, skill, "", v, Voice::Past))
                .collect();
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), wording_count(skill), "{skill}");
        }
    }

    #[test]
    fn wordings_speak_of_the_person_and_to_the_client() {
        let subjects = subjects();
        let (client, father) = (&subjects[0], &subjects[1]);
        assert_eq!(
            skill_question(father, "openness", "", 0, Voice::Present),
            "How did your father Sam let people know when he was sad, afraid or unsure?"
        );
        assert_eq!(
            skill_question(client, "openness", "", 0, Voice::Present),
            "How do you let people know when you are sad, afraid or unsure?"
        );
        assert_eq!(
            skill_question(client, "openness", "", 0, Voice::Past),
            "How did you let people know when you were sad, afraid or unsure?"
        );
        assert_eq!(
            skill_question(
                father,
                "kindness",
                "Notices what others need.",
                1,
                Voice::Past
            ),
            "How did kindness (notices what others need) show in the way your father Sam treated the people close to him?"
        );
        // The variant wraps around rather than failing.
        assert_eq!(
            skill_question(father, "honesty", "", wording_count("honesty"), Voice::Past),
            skill_question(father, "honesty", "", 0, Voice::Past)
        );
    }

    #[test]
    fn level_hints_are_short_and_distinct() {
        for skill in ["openness", "honesty", "directness", "kindness"] {
            let h = level_hints(skill);
            for hint in [h.none, h.some, h.strong] {
                // Short enough to sit under a button.
                assert!(hint.chars().count() <= 90, "{hint}");
                assert!(hint.ends_with('.'), "{hint}");
            }
            assert!(h.none != h.some && h.some != h.strong);
        }
    }
}
