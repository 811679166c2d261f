//! Random families for property tests, benchmarks and the comparison with Graphviz.
//!
//! [`family_yaml`] writes a valid family file with exactly the number of people asked
//! for, the same text for the same seed on every platform (a splitmix64 generator, no
//! dependencies). The families grow the way docs/layout.md ("Why it works this way") describes: founder
//! couples, 0–4 children each with birth years, twins (5 %), most children marrying
//! (a new partner from outside, or with 3 % someone of the same generation from another
//! family, which makes cousin marriages and loops, or with 1 % someone a generation
//! younger), remarriages (8 %), single parents, adoptions (some with the birth couple
//! also in the file), deaths and skill ratings.

use std::fmt::Write;

/// A splitmix64 pseudo-random generator: tiny, fast, and the same everywhere.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

/// Options of [`family_yaml_with`].
#[derive(Clone, Debug, Default)]
pub struct GenerateOptions {
    /// Write people and couples in a shuffled order (seeded), to test that the layout does
    /// not depend on the order of the file.
    pub shuffle: Option<u64>,
    /// Give up to this many children no birth year (to test file-order fallbacks).
    pub undated: bool,
    /// Add this many emotional relationships, half of them between partners (to test
    /// relationship routing); drawn from their own seeded stream, so the people and
    /// couples are the same as without them.
    pub relationships: usize,
}

struct Person {
    male: bool,
    born: i32,
    died: Option<i32>,
    generation: usize,
    parents: Option<usize>,
    married: bool,
}

struct Kid {
    person: usize,
    link: &'static str,
    twin: Option<(usize, bool)>,
}

struct Couple {
    partners: Vec<usize>,
    year: i32,
    divorced: Option<i32>,
    kids: Vec<Kid>,
}

/// A random family of exactly `people` people, as family-file YAML.
pub fn family_yaml(people: usize, seed: u64) -> String {
    family_yaml_with(people, seed, &GenerateOptions::default())
}

/// [`family_yaml`] with options.
pub fn family_yaml_with(people: usize, seed: u64, options: &GenerateOptions) -> String {
    let mut g = Gen {
        rng: SplitMix64::new(seed),
        people: Vec::new(),
        couples: Vec::new(),
        want: people,
        single: Vec::new(),
    };
    g.grow();
    g.write(seed, options)
}

struct Gen {
    rng: SplitMix64,
    people: Vec<Person>,
    couples: Vec<Couple>,
    want: usize,
    /// Unmarried people with parents, by generation.
    single: Vec<Vec<usize>>,
}

impl Gen {
    fn full(&self) -> bool {
        self.people.len() >= self.want
    }

    fn add(&mut self, male: bool, born: i32, generation: usize, parents: Option<usize>) -> usize {
        let died = if born < 1945 && self.rng.chance(0.7) {
            Some(born + 50 + self.rng.below(40) as i32)
        } else {
            None
        };
        self.people.push(Person {
            male,
            born,
            died: died.filter(|&d| d <= 2025),
            generation,
            parents,
            married: false,
        });
        self.people.len() - 1
    }

    fn couple(&mut self, partners: Vec<usize>, year: i32) -> usize {
        for &p in &partners {
            self.people[p].married = true;
        }
        self.couples.push(Couple {
            partners,
            year,
            divorced: None,
            kids: Vec::new(),
        });
        self.couples.len() - 1
    }

    fn grow(&mut self) {
        let founders = (self.want / 60).max(1);
        let mut queue: std::collections::VecDeque<usize> = std::collections::VecDeque::new();
        let mut i = 0usize;
        while !self.full() {
            if queue.is_empty() || (i < founders && !self.full()) {
                // A founder couple (or a lone founder when one place is left).
                let year = 1880 + self.rng.below(20) as i32;
                let a = self.add(true, year, 0, None);
                let mut partners = vec![a];
                if !self.full() {
                    let born = year + self.rng.below(5) as i32;
                    partners.push(self.add(false, born, 0, None));
                }
                let c = self.couple(partners, year + 22);
                queue.push_back(c);
                i += 1;
                continue;
            }
            let Some(c) = queue.pop_front() else { break };
            self.children(c, &mut queue);
        }
    }

    fn children(&mut self, c: usize, queue: &mut std::collections::VecDeque<usize>) {
        const COUNTS: [usize; 7] = [0, 1, 2, 2, 3, 3, 4];
        let n = COUNTS[self.rng.below(COUNTS.len())];
        let generation = self.couples[c]
            .partners
            .iter()
            .map(|&p| self.people[p].generation)
            .max()
            .unwrap_or(0)
            + 1;
        let mut year = self.couples[c].year + 1;
        let mut twin_sets = 0;
        let mut k = 0;
        while k < n && !self.full() {
            let twins = self.rng.chance(0.05) && self.want - self.people.len() >= 2;
            let count = if twins { 2 } else { 1 };
            let identical = self.rng.chance(0.5);
            // Both twins are born before either marries, so a partner never takes the
            // place the second twin needs.
            let mut born: [usize; 2] = [0; 2];
            for slot in born.iter_mut().take(count) {
                let male = self.rng.chance(0.5);
                let p = self.add(male, year, generation, Some(c));
                let adopted = !twins && self.rng.chance(0.04);
                let twin = twins.then_some((twin_sets, identical));
                self.couples[c].kids.push(Kid {
                    person: p,
                    link: if adopted { "adopted" } else { "biological" },
                    twin,
                });
                if adopted && self.rng.chance(0.5) {
                    self.birth_couple(c, p);
                }
                *slot = p;
            }
            for &p in &born[..count] {
                self.marry(p, queue);
            }
            twin_sets += usize::from(twins);
            year += 1 + self.rng.below(3) as i32;
            k += count;
        }
    }

    /// Lists an adopted child also under another couple of the same generation, as born there.
    fn birth_couple(&mut self, adoptive: usize, child: usize) {
        let born = self.people[child].born;
        for _ in 0..4 {
            let c = self.rng.below(self.couples.len());
            let ok = c != adoptive
                && self.couples[c].kids.iter().all(|k| k.person != child)
                && self.couples[c].partners.iter().all(|&p| {
                    self.people[p].born + 16 <= born
                        && self.people[p].generation + 1 == self.people[child].generation
                });
            if ok {
                self.couples[c].kids.push(Kid {
                    person: child,
                    link: "biological",
                    twin: None,
                });
                return;
            }
        }
    }

    fn marry(&mut self, p: usize, queue: &mut std::collections::VecDeque<usize>) {
        let gen_ = self.people[p].generation;
        if self.single.len() <= gen_ + 1 {
            self.single.resize_with(gen_ + 2, Vec::new);
        }
        if !self.rng.chance(0.8) {
            self.single[gen_].push(p);
            return;
        }
        let year = self.people[p].born + 20 + self.rng.below(10) as i32;
        // Someone already in the family: same generation (cousins, two lines joined) or
        // one younger (a union across generations).
        let within = if self.rng.chance(0.03) {
            Some(gen_)
        } else if self.rng.chance(0.01) {
            Some(gen_ + 1)
        } else {
            None
        };
        if let Some(gw) = within
            && let Some(q) = self.pick_single(gw, p)
        {
            let year = year.max(self.people[q].born + 18);
            let c = self.couple(vec![p, q], year);
            queue.push_back(c);
            return;
        }
        if self.full() {
            self.single[gen_].push(p);
            return;
        }
        if self.rng.chance(0.03) {
            // A single parent: the other parent is not in the file.
            let c = self.couple(vec![p], year);
            queue.push_back(c);
            return;
        }
        let male = !self.people[p].male;
        let born = self.people[p].born + self.rng.below(7) as i32 - 3;
        let q = self.add(male, born, gen_, None);
        let c = self.couple(vec![p, q], year);
        queue.push_back(c);
        if self.rng.chance(0.08) && !self.full() {
            self.couples[c].divorced = Some(year + 4);
            let born = self.people[p].born + self.rng.below(9) as i32 - 2;
            let r = self.add(male, born, gen_, None);
            let c2 = self.couple(vec![p, r], year + 6);
            queue.push_back(c2);
        }
    }

    fn pick_single(&mut self, generation: usize, p: usize) -> Option<usize> {
        let list = self.single.get(generation)?;
        if list.is_empty() {
            return None;
        }
        for _ in 0..4 {
            let list = &self.single[generation];
            let i = self.rng.below(list.len());
            let q = list[i];
            if q != p && self.people[q].parents != self.people[p].parents && !self.people[q].married
            {
                self.single[generation].swap_remove(i);
                return Some(q);
            }
        }
        None
    }

    fn write(&mut self, seed: u64, options: &GenerateOptions) -> String {
        let mut out = String::with_capacity(self.people.len() * 90);
        let _ = writeln!(
            out,
            "title: Generated family ({} people, seed {seed})",
            self.people.len()
        );
        out.push_str("people:\n");
        let mut order: Vec<usize> = (0..self.people.len()).collect();
        let mut corder: Vec<usize> = (0..self.couples.len()).collect();
        if let Some(s) = options.shuffle {
            let mut r = SplitMix64::new(s);
            shuffle(&mut order, &mut r);
            shuffle(&mut corder, &mut r);
        }
        const LEVELS: [&str; 4] = ["none", "some", "strong", "unknown"];
        for &p in &order {
            let person = &self.people[p];
            let sex = if person.male { "male" } else { "female" };
            let born = if options.undated && person.parents.is_some() && self.rng.chance(0.3) {
                String::new()
            } else {
                format!(", born: {}", person.born)
            };
            let died = person
                .died
                .map(|d| format!(", died: {d}"))
                .unwrap_or_default();
            let skills: Vec<String> = ["openness", "honesty", "directness"]
                .iter()
                .map(|s| format!("{s}: {}", LEVELS[self.rng.below(4)]))
                .collect();
            let _ = writeln!(
                out,
                "  p{p}: {{sex: {sex}{born}{died}, skills: {{{}}}}}",
                skills.join(", ")
            );
        }
        out.push_str("couples:\n");
        for &c in &corder {
            let couple = &self.couples[c];
            let partners: Vec<String> = couple.partners.iter().map(|p| format!("p{p}")).collect();
            let _ = write!(
                out,
                "  - {{partners: [{}], married: {}",
                partners.join(", "),
                couple.year
            );
            if let Some(d) = couple.divorced {
                let _ = write!(out, ", divorced: {d}");
            }
            if !couple.kids.is_empty() {
                let mut items: Vec<String> = Vec::new();
                let mut i = 0;
                while i < couple.kids.len() {
                    let k = &couple.kids[i];
                    if let Some((set, identical)) = k.twin {
                        let mut j = i;
                        let mut ids = Vec::new();
                        while j < couple.kids.len()
                            && couple.kids[j].twin.is_some_and(|t| t.0 == set)
                        {
                            ids.push(format!("p{}", couple.kids[j].person));
                            j += 1;
                        }
                        items.push(format!(
                            "{{twins: [{}], identical: {identical}}}",
                            ids.join(", ")
                        ));
                        i = j;
                    } else {
                        items.push(if k.link == "biological" {
                            format!("p{}", k.person)
                        } else {
                            format!("{{id: p{}, link: {}}}", k.person, k.link)
                        });
                        i += 1;
                    }
                }
                let _ = write!(out, ", children: [{}]", items.join(", "));
            }
            out.push_str("}\n");
        }
        self.write_relationships(seed, options.relationships, &mut out);
        out
    }

    fn write_relationships(&self, seed: u64, count: usize, out: &mut String) {
        const KINDS: [&str; 6] = ["conflict", "close", "hostile", "distant", "cutoff", "fused"];
        const DIRECTED: [&str; 2] = ["focused-on", "caretaker"];
        let n = self.people.len();
        if count == 0 || n < 2 {
            return;
        }
        let mut r = SplitMix64::new(seed ^ 0x005E_ED0F_12E1);
        out.push_str("relationships:\n");
        for _ in 0..count {
            let couple = (!self.couples.is_empty() && r.chance(0.5))
                .then(|| &self.couples[r.below(self.couples.len())])
                .filter(|c| c.partners.len() == 2);
            let (a, b) = match couple {
                Some(c) => (c.partners[0], c.partners[1]),
                None => {
                    let a = r.below(n);
                    (a, (a + 1 + r.below(n - 1)) % n)
                }
            };
            if r.chance(0.25) {
                let kind = DIRECTED[r.below(DIRECTED.len())];
                let _ = writeln!(out, "  - {{from: p{a}, to: p{b}, kind: {kind}}}");
            } else {
                let kind = KINDS[r.below(KINDS.len())];
                let _ = writeln!(out, "  - {{between: [p{a}, p{b}], kind: {kind}}}");
            }
        }
    }
}

fn shuffle(v: &mut [usize], r: &mut SplitMix64) {
    for i in (1..v.len()).rev() {
        v.swap(i, r.below(i + 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_are_valid_have_the_size_asked_and_repeat_by_seed() {
        for (n, seed) in [(1, 1), (2, 2), (50, 3), (400, 4), (1000, 5)] {
            let text = family_yaml(n, seed);
            assert_eq!(text, family_yaml(n, seed));
            let g = crate::load_str("gen.yaml", &text)
                .unwrap_or_else(|d| panic!("seed {seed}: {:?}", d[0].message));
            assert_eq!(g.person_count(), n);
        }
    }

    #[test]
    fn large_families_have_twins_adoptions_remarriages_and_loops() {
        let text = family_yaml(3000, 7);
        assert!(text.contains("twins:"));
        assert!(text.contains("link: adopted"));
        assert!(text.contains("divorced:"));
        let g = crate::load_str("gen.yaml", &text).unwrap();
        // Someone has two parent couples (adopted, birth couple in the file).
        assert!(g.people().any(|p| g.parent_couples(p).len() == 2));
        // Someone married someone who also has parents in the file (two lines joined).
        assert!(g.couples().any(|c| {
            let ps = g.partners(c);
            ps.len() == 2 && ps.iter().all(|&p| !g.parent_couples(p).is_empty())
        }));
    }
}
