//! Per generation: how many people have each skill, of how many rated.

use super::Context;
use super::types::{GenerationCount, SkillCount};

/// One entry per generation, from 1 to the deepest, skipping generations with nobody.
pub(super) fn per_generation(cx: &Context<'_>) -> Vec<GenerationCount> {
    let g = cx.graph;
    let deepest = g.max_generation() as usize;
    let mut people = vec![0usize; deepest + 1];
    // counts[generation][skill] = (has, rated)
    let mut counts = vec![vec![(0usize, 0usize); cx.skills.len()]; deepest + 1];
    for p in g.people().filter(|p| cx.is_person[p.0]) {
        let generation = g.generation(p) as usize;
        people[generation] += 1;
        for (s, row) in counts[generation].iter_mut().enumerate() {
            if let Some(has) = cx.has[s][p.0] {
                row.1 += 1;
                row.0 += usize::from(has);
            }
        }
    }
    (1..=deepest)
        .filter(|&generation| people[generation] > 0)
        .map(|generation| GenerationCount {
            generation: generation as u32,
            people: people[generation],
            skills: cx
                .skills
                .iter()
                .zip(&counts[generation])
                .map(|(skill, &(has, rated))| SkillCount {
                    skill: skill.clone(),
                    has,
                    rated,
                })
                .collect(),
        })
        .collect()
}
