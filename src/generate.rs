//! Realistic random families, for benchmarks and tests that need size.
//!
//! [`family_yaml`] writes a valid family file with a given number of people from a seed:
//! founding couples, generations of children with birth years 20–35 years after their
//! parents', partners who marry in, some first-cousin marriages (which make loops), some
//! divorces followed by a second marriage with more children, emotional relationships, and
//! skill ratings that tend to follow the parents' (with a few people who learned a skill
//! elsewhere). The same seed always gives the same text. The random numbers come from
//! SplitMix64, which is small, fast and good enough for shaping test data; nothing here is
//! meant for statistics or security.

use std::fmt::Write;

/// SplitMix64: a tiny deterministic pseudo-random generator.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const FIRST_F: [&str; 12] = [
    "Ana", "Maria", "Helen", "Grace", "Amina", "Sofia", "Ruth", "Lena", "Mei", "Nora", "Ines",
    "Zara",
];
const FIRST_M: [&str; 12] = [
    "Jan", "Omar", "Peter", "Luis", "Tom", "Ravi", "Ivan", "Sam", "Kofi", "Hugo", "Ali", "Ben",
];
const SURNAMES: [&str; 10] = [
    "Silva", "Novak", "Okafor", "Byrne", "Haddad", "Kim", "Berg", "Garza", "Hussain", "Jansen",
];
const SKILLS: [&str; 3] = ["openness", "honesty", "directness"];
const SOURCES: [&str; 5] = ["therapy", "group-therapy", "partner", "mentor", "community"];
const KINDS: [&str; 6] = ["close", "distant", "conflict", "cutoff", "fused", "hostile"];

struct Person {
    female: bool,
    born: i32,
    surname: usize,
    /// Per skill: 0 none, 1 some, 2 strong, 3 unknown.
    skills: [u8; 3],
    /// The couple this person is a child of.
    parents: Option<usize>,
    married: bool,
}

struct Couple {
    a: usize,
    b: usize,
    married: i32,
    divorced: Option<i32>,
    children: Vec<usize>,
}

/// A family of exactly `people` people (at least 2) as family-file YAML, from `seed`.
pub fn family_yaml(people: usize, seed: u64) -> String {
    let target = people.max(2);
    let mut rng = SplitMix64::new(seed);
    let mut persons: Vec<Person> = Vec::with_capacity(target);
    let mut couples: Vec<Couple> = Vec::new();
    let mut relationships: Vec<(usize, usize, &str)> = Vec::new();

    let new_person = |rng: &mut SplitMix64,
                      persons: &mut Vec<Person>,
                      born: i32,
                      parents: Option<usize>,
                      surname: usize,
                      inherited: [bool; 3]| {
        let mut skills = [0u8; 3];
        for (s, level) in skills.iter_mut().enumerate() {
            *level = if rng.chance(8) {
                3
            } else if rng.chance(if inherited[s] { 70 } else { 15 }) {
                1 + u8::from(rng.chance(30))
            } else {
                0
            };
        }
        persons.push(Person {
            female: rng.chance(50),
            born,
            surname,
            skills,
            parents,
            married: false,
        });
        persons.len() - 1
    };

    // Founding couples: about one for every sixty people.
    let founders = (target / 60).max(1);
    let mut generation: Vec<usize> = Vec::new();
    for _ in 0..founders {
        if persons.len() + 2 > target {
            break;
        }
        let born = 1880 + rng.below(20) as i32;
        let surname = rng.below(SURNAMES.len() as u64) as usize;
        let a = new_person(&mut rng, &mut persons, born, None, surname, [false; 3]);
        let born_b = born + rng.below(6) as i32 - 2;
        let b = new_person(&mut rng, &mut persons, born_b, None, surname, [false; 3]);
        persons[a].married = true;
        persons[b].married = true;
        couples.push(Couple {
            a,
            b,
            married: born + 22,
            divorced: None,
            children: Vec::new(),
        });
        generation.push(couples.len() - 1);
    }

    // Generation by generation: children of this generation's couples, then their unions.
    while persons.len() < target && !generation.is_empty() {
        let mut children_of_generation: Vec<usize> = Vec::new();
        for &c in &generation {
            let (a, b) = (couples[c].a, couples[c].b);
            let base = persons[a].born.max(persons[b].born);
            let inherited: [bool; 3] = std::array::from_fn(|s| {
                matches!(persons[a].skills[s], 1 | 2) || matches!(persons[b].skills[s], 1 | 2)
            });
            let surname = persons[a].surname;
            for _ in 0..rng.below(5) {
                if persons.len() >= target {
                    break;
                }
                let born = base + 20 + rng.below(16) as i32;
                let child = new_person(&mut rng, &mut persons, born, Some(c), surname, inherited);
                couples[c].children.push(child);
                children_of_generation.push(child);
                if rng.chance(8) {
                    let parent = if rng.chance(50) { a } else { b };
                    relationships.push((
                        parent,
                        child,
                        KINDS[rng.below(KINDS.len() as u64) as usize],
                    ));
                }
            }
        }
        let mut next: Vec<usize> = Vec::new();
        for i in 0..children_of_generation.len() {
            let x = children_of_generation[i];
            if persons[x].married || !rng.chance(70) || persons.len() >= target {
                continue;
            }
            // Now and then a first cousin from the same generation: a loop.
            let cousin = if rng.chance(4) {
                children_of_generation[i + 1..]
                    .iter()
                    .copied()
                    .find(|&y| !persons[y].married && are_first_cousins(&persons, &couples, x, y))
            } else {
                None
            };
            let y = match cousin {
                Some(y) => y,
                None => {
                    let born = persons[x].born + rng.below(7) as i32 - 3;
                    let surname = rng.below(SURNAMES.len() as u64) as usize;
                    new_person(&mut rng, &mut persons, born, None, surname, [false; 3])
                }
            };
            persons[x].married = true;
            persons[y].married = true;
            let married = persons[x].born.max(persons[y].born) + 20 + rng.below(10) as i32;
            couples.push(Couple {
                a: x,
                b: y,
                married,
                divorced: None,
                children: Vec::new(),
            });
            next.push(couples.len() - 1);
            if rng.chance(8) {
                relationships.push((x, y, "conflict"));
            }
            // Some marriages end, and one partner marries again.
            if rng.chance(10) && persons.len() < target {
                let divorced = married + 3 + rng.below(12) as i32;
                let last = couples.len() - 1;
                couples[last].divorced = Some(divorced);
                let surname = rng.below(SURNAMES.len() as u64) as usize;
                let born_z = persons[x].born + rng.below(7) as i32 - 3;
                let z = new_person(&mut rng, &mut persons, born_z, None, surname, [false; 3]);
                persons[z].married = true;
                couples.push(Couple {
                    a: x,
                    b: z,
                    married: divorced + 2,
                    divorced: None,
                    children: Vec::new(),
                });
                next.push(couples.len() - 1);
            }
        }
        generation = next;
    }
    // Should every line die out early, add unrelated founders to reach the count.
    while persons.len() < target {
        let surname = rng.below(SURNAMES.len() as u64) as usize;
        let born = 1900 + rng.below(100) as i32;
        new_person(&mut rng, &mut persons, born, None, surname, [false; 3]);
    }
    write_yaml(&persons, &couples, &relationships, &mut rng)
}

/// Whether two people have a grandparent couple in common through different parents.
fn are_first_cousins(persons: &[Person], couples: &[Couple], x: usize, y: usize) -> bool {
    let (Some(cx), Some(cy)) = (persons[x].parents, persons[y].parents) else {
        return false;
    };
    if cx == cy {
        return false;
    }
    let grand = |c: usize| [persons[couples[c].a].parents, persons[couples[c].b].parents];
    let (gx, gy) = (grand(cx), grand(cy));
    gx.iter().flatten().any(|g| gy.contains(&Some(*g)))
}

fn write_yaml(
    persons: &[Person],
    couples: &[Couple],
    relationships: &[(usize, usize, &str)],
    rng: &mut SplitMix64,
) -> String {
    let mut out = String::with_capacity(persons.len() * 120);
    out.push_str("title: A generated family\n");
    // The youngest person with parents is the index: their lines reach furthest back.
    if let Some(index) = (0..persons.len())
        .rev()
        .find(|&p| persons[p].parents.is_some())
    {
        let _ = writeln!(out, "index: p{index}");
    }
    out.push_str("people:\n");
    for (i, p) in persons.iter().enumerate() {
        let first = if p.female {
            FIRST_F[i % FIRST_F.len()]
        } else {
            FIRST_M[i % FIRST_M.len()]
        };
        let _ = write!(
            out,
            "  p{i}: {{name: {first} {}, sex: {}, born: {}, skills: {{",
            SURNAMES[p.surname],
            if p.female { "female" } else { "male" },
            p.born
        );
        let mut first_skill = true;
        for (s, &level) in p.skills.iter().enumerate() {
            if level == 3 {
                continue;
            }
            if !first_skill {
                out.push_str(", ");
            }
            first_skill = false;
            let word = ["none", "some", "strong"][level as usize];
            let learned_elsewhere = level > 0 && rng.chance(20);
            if learned_elsewhere {
                let source = SOURCES[rng.below(SOURCES.len() as u64) as usize];
                let _ = write!(
                    out,
                    "{}: {{level: {word}, learned: {source}, since: {}}}",
                    SKILLS[s],
                    p.born + 25
                );
            } else {
                let _ = write!(out, "{}: {word}", SKILLS[s]);
            }
        }
        out.push_str("}}\n");
    }
    out.push_str("couples:\n");
    for c in couples {
        let _ = write!(
            out,
            "  - {{partners: [p{}, p{}], married: {}",
            c.a, c.b, c.married
        );
        if let Some(d) = c.divorced {
            let _ = write!(out, ", divorced: {d}");
        }
        out.push_str(", children: [");
        for (k, child) in c.children.iter().enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            let _ = write!(out, "p{child}");
        }
        out.push_str("]}\n");
    }
    if !relationships.is_empty() {
        out.push_str("relationships:\n");
        for (a, b, kind) in relationships {
            let _ = writeln!(out, "  - {{between: [p{a}, p{b}], kind: {kind}}}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_family() {
        assert_eq!(family_yaml(300, 7), family_yaml(300, 7));
        assert_ne!(family_yaml(300, 7), family_yaml(300, 8));
    }

    #[test]
    fn generated_families_are_valid_and_have_the_asked_size() {
        for (n, seed) in [(2, 1), (50, 2), (1000, 3), (3000, 4)] {
            let text = family_yaml(n, seed);
            let g = crate::load_str("generated.yaml", &text)
                .unwrap_or_else(|d| panic!("{n}: {:?}", d.first()));
            assert_eq!(g.person_count(), n);
        }
    }

    #[test]
    fn generated_families_have_loops_remarriages_and_depth() {
        let g = crate::load_str("generated.yaml", &family_yaml(5000, 11)).expect("valid");
        assert!(g.max_generation() >= 5, "{}", g.max_generation());
        let family = g.family();
        assert!(family.couples.iter().any(|c| c.divorced.is_some()));
        // A first-cousin couple: the partners share a grandparent.
        let grandparents = |p| {
            let mut out: Vec<_> = g
                .caregivers(p)
                .iter()
                .flat_map(|&c| g.caregivers(c).iter().copied())
                .collect();
            out.sort_unstable();
            out
        };
        let cousins = g.couples().any(|c| {
            let ps = g.partners(c);
            ps.len() == 2 && {
                let (a, b) = (grandparents(ps[0]), grandparents(ps[1]));
                a.iter().any(|x| b.contains(x))
            }
        });
        assert!(cousins);
    }
}
