//! The group page: per skill, counts over the members' families, never names.

use crate::analysis::{ChainKind, Report};
use crate::model::KnownSource;

/// The counts of one skill over the group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SkillCounts {
    /// The skill.
    pub skill: String,
    /// Families whose file rates the skill.
    pub families: usize,
    /// Families where it was absent for three generations or more in a row.
    pub absent_three: usize,
    /// Members who broke the cycle themselves (have it, though nobody who raised them did).
    pub broke: usize,
    /// Where those members learned it: the source's words and how many, in the order of
    /// the format's list; free-text sources are counted together as "somewhere else".
    pub sources: Vec<(String, usize)>,
    /// Of those members, how many passed it on to a child they raised.
    pub passed_on_by_breakers: usize,
    /// Lines along which it was passed on for two generations or more.
    pub lines_passed: usize,
    /// Families with at least one such line.
    pub families_passed: usize,
}

/// The words for a source on the group page.
pub fn source_words(source: &str) -> &'static str {
    match KnownSource::from_word(source) {
        Some(KnownSource::Family) => "at home",
        Some(KnownSource::Therapy) => "in therapy",
        Some(KnownSource::GroupTherapy) => "in group therapy",
        Some(KnownSource::Partner) => "from a partner",
        Some(KnownSource::Mentor) => "from a mentor",
        Some(KnownSource::Community) => "in the community",
        Some(KnownSource::SelfTaught) => "on their own",
        None if source == "unspecified" => "not recorded",
        _ => "somewhere else",
    }
}

/// The counts of `skill` over the reports of the members.
pub fn counts(skill: &str, reports: &[&Report]) -> SkillCounts {
    let mut c = SkillCounts {
        skill: skill.to_string(),
        ..SkillCounts::default()
    };
    let mut sources: Vec<(&'static str, usize)> = Vec::new();
    for r in reports {
        if !r.skills.iter().any(|s| &**s == skill) {
            continue;
        }
        c.families += 1;
        let chains = r.chains.iter().filter(|ch| &*ch.skill == skill);
        if chains
            .clone()
            .any(|ch| ch.kind == ChainKind::Absent && ch.people.len() >= 3)
        {
            c.absent_three += 1;
        }
        let passed = chains.filter(|ch| ch.kind == ChainKind::Passed).count();
        c.lines_passed += passed;
        if passed > 0 {
            c.families_passed += 1;
        }
        let member = r.person.as_deref();
        for b in &r.breakers {
            if &*b.skill == skill && Some(&*b.person) == member {
                c.broke += 1;
                if !b.passed_to.is_empty() {
                    c.passed_on_by_breakers += 1;
                }
                let words = source_words(&b.source);
                match sources.iter_mut().find(|(w, _)| *w == words) {
                    Some((_, n)) => *n += 1,
                    None => sources.push((words, 1)),
                }
            }
        }
    }
    // The format's order of sources, then "somewhere else", then "not recorded".
    let rank = |w: &str| {
        KnownSource::ALL
            .iter()
            .position(|k| source_words(k.as_str()) == w)
            .unwrap_or(match w {
                "somewhere else" => KnownSource::ALL.len(),
                _ => KnownSource::ALL.len() + 1,
            })
    };
    sources.sort_by_key(|(w, _)| rank(w));
    c.sources = sources
        .into_iter()
        .map(|(w, n)| (w.to_string(), n))
        .collect();
    c
}

/// The lines of the group page for one skill, in plain words, out of `members`.
pub fn sentences(c: &SkillCounts, members: usize) -> Vec<String> {
    let of = |n: usize, total: usize, one: &str, many: &str| {
        format!("{n} of {total} {}", if total == 1 { one } else { many })
    };
    let mut out = Vec::new();
    if c.families < members {
        out.push(format!(
            "Rated in {}.",
            of(c.families, members, "family", "families")
        ));
    }
    out.push(format!(
        "Absent for three generations or more: in {}.",
        of(c.absent_three, c.families, "family", "families")
    ));
    out.push(format!(
        "Broke the cycle themselves: {}.",
        of(c.broke, c.families, "member", "members")
    ));
    if c.broke > 0 {
        let places: Vec<String> = c.sources.iter().map(|(w, n)| format!("{n} {w}")).collect();
        out.push(format!("Where they learned it: {}.", places.join(", ")));
        out.push(format!(
            "Of them, {} passed it on to a child they raised.",
            c.passed_on_by_breakers
        ));
    }
    out.push(format!(
        "Passed on for two generations or more: {} {} in {}.",
        c.lines_passed,
        if c.lines_passed == 1 { "line" } else { "lines" },
        of(c.families_passed, c.families, "family", "families")
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_source_has_its_words() {
        for k in KnownSource::ALL {
            assert_ne!(source_words(k.as_str()), "somewhere else", "{k}");
        }
        assert_eq!(source_words("Aunt Ruth"), "somewhere else");
        assert_eq!(source_words("unspecified"), "not recorded");
    }

    #[test]
    fn counts_of_the_cycle_sample() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/samples/intimacy-cycle.yaml"
        ))
        .unwrap();
        let g = crate::load_str("s.yaml", &text).unwrap();
        let r = crate::analysis::analyse(&g, &Default::default());
        let c = counts("openness", &[&r, &r]);
        assert_eq!(c.families, 2);
        assert_eq!(c.absent_three, 2);
        // Anna learned openness in group therapy and passed it on to Iris.
        assert_eq!(c.broke, 2);
        assert_eq!(c.sources, vec![("in group therapy".to_string(), 2)]);
        assert_eq!(c.passed_on_by_breakers, 2);
        let words = sentences(&c, 2).join("\n");
        assert!(
            words.contains("Broke the cycle themselves: 2 of 2 members."),
            "{words}"
        );
    }
}
