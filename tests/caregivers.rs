//! Who raised whom is kept once, as the family graph's caregiver edges. These tests check
//! what `FamilyGraph::caregivers` and `FamilyGraph::raised` read from those edges against
//! the file itself, worked out here from the rules of docs/format.md ("Who raised whom"),
//! in the file's order: on every sample, on a generated family with adopted children also
//! listed under their birth couple, and on random families with `raised_by` lists in any
//! order, step, adopted and foster children, and people listed in shuffled order.

use genogram::generate::{SplitMix64, family_yaml};
use genogram::graph::{Edge, FamilyGraph};
use genogram::model::{Family, Link};
use proptest::prelude::*;

/// Each person's caregivers by the rules of docs/format.md, as ids, people in file order:
/// `raised_by` when given; else the partners of every couple that lists the person as
/// adopted or foster, when there is one; else the partners of every couple that lists
/// them. Couples in file order, partners in the couple's order, everyone once.
fn caregivers_by_the_rules(family: &Family) -> Vec<Vec<String>> {
    family
        .people
        .iter()
        .map(|person| {
            let mut out: Vec<String> = Vec::new();
            let mut add = |id: &str| {
                if !out.iter().any(|o| o == id) {
                    out.push(id.to_string());
                }
            };
            if let Some(raised_by) = &person.raised_by {
                raised_by.iter().for_each(|r| add(&r.value));
            } else {
                let listing: Vec<(&genogram::model::Couple, Link)> = family
                    .couples
                    .iter()
                    .flat_map(|c| {
                        c.children
                            .iter()
                            .filter(|ch| ch.id.value == person.id.value)
                            .map(move |ch| (c, ch.link))
                    })
                    .collect();
                let fostered = |l: Link| matches!(l, Link::Adopted | Link::Foster);
                let fostering = listing.iter().any(|&(_, l)| fostered(l));
                for (c, l) in listing {
                    if !fostering || fostered(l) {
                        c.partners.iter().for_each(|p| add(&p.value));
                    }
                }
            }
            out
        })
        .collect()
}

/// Checks both accessors of every person against the rules; returns how many
/// caregiver → child links the family has.
fn check(name: &str, g: &FamilyGraph) -> usize {
    let family = g.family();
    let expected = caregivers_by_the_rules(family);
    let id = |p| g.person(p).id.value.clone();
    for p in g.people() {
        let got: Vec<String> = g.caregivers(p).map(id).collect();
        assert_eq!(got, expected[p.0], "{name}: caregivers of {}", id(p));
        // Everyone this person raised, in file order.
        let me = id(p);
        let raised: Vec<String> = family
            .people
            .iter()
            .zip(&expected)
            .filter(|(_, carers)| carers.contains(&me))
            .map(|(q, _)| q.id.value.clone())
            .collect();
        let got: Vec<String> = g.raised(p).map(id).collect();
        assert_eq!(got, raised, "{name}: people raised by {me}");
    }
    // The edges are the whole record: one edge per link, none besides.
    let links: usize = expected.iter().map(Vec::len).sum();
    let edges = g
        .graph()
        .edge_weights()
        .filter(|e| matches!(e, Edge::Caregiver))
        .count();
    assert_eq!(edges, links, "{name}: caregiver edges");
    links
}

#[test]
fn every_sample_agrees_with_its_file() {
    let mut samples = 0;
    let mut links = 0;
    let mut raised_by = 0;
    for entry in std::fs::read_dir("samples").expect("the samples folder is in the repository") {
        let path = entry.expect("a readable samples folder").path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let (_, g) = genogram::load_file(&path).unwrap_or_else(|e| panic!("{path:?}: {e:?}"));
        links += check(&path.display().to_string(), &g);
        raised_by += g
            .family()
            .people
            .iter()
            .filter(|p| p.raised_by.is_some())
            .count();
        samples += 1;
    }
    assert!(samples >= 5, "only {samples} samples found");
    // The samples exercise every rule: `raised_by` included.
    assert!(
        raised_by > 0 && links > 50,
        "{raised_by} raised_by, {links} links"
    );
}

#[test]
fn a_generated_family_agrees_with_its_file() {
    let g = genogram::load_str("generated.yaml", &family_yaml(3_000, 17)).expect("valid");
    // Some children are adopted and also listed under their birth couple.
    let twice = g
        .people()
        .filter(|&p| g.parent_couples(p).len() > 1)
        .count();
    assert!(twice > 0);
    assert!(check("generated", &g) > 3_000);
}

/// A random family as family-file YAML: people written in a shuffled order, couples of
/// one or two partners, children listed under several couples with different links, and
/// `raised_by` lists in any order (sometimes one id without brackets). Caregivers are
/// always made before the people they raise, so the family is valid.
fn random_family(seed: u64) -> String {
    let mut rng = SplitMix64::new(seed);
    let n = 3 + rng.below(28);
    let couples: Vec<Vec<usize>> = (0..1 + rng.below(n / 2 + 1))
        .map(|_| {
            let a = rng.below(n);
            let b = rng.below(n);
            if a == b || rng.chance(0.3) {
                vec![a]
            } else {
                vec![a, b]
            }
        })
        .collect();
    // children[c]: (person, link) in the order listed.
    let mut children: Vec<Vec<(usize, &str)>> = vec![Vec::new(); couples.len()];
    let mut raised_by: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (child, carers) in raised_by.iter_mut().enumerate() {
        for (link, p) in [
            ("biological", 0.7),
            ("step", 0.2),
            ("adopted", 0.15),
            ("foster", 0.15),
        ] {
            if !rng.chance(p) {
                continue;
            }
            let free: Vec<usize> = (0..couples.len())
                .filter(|&c| couples[c].iter().all(|&q| q < child))
                .filter(|&c| children[c].iter().all(|&(k, _)| k != child))
                .collect();
            if !free.is_empty() {
                let c = free[rng.below(free.len())];
                let at = rng.below(children[c].len() + 1);
                children[c].insert(at, (child, link));
            }
        }
        if child > 0 && rng.chance(0.25) {
            let mut older: Vec<usize> = (0..child).collect();
            for _ in 0..1 + rng.below(3.min(child)) {
                carers.push(older.swap_remove(rng.below(older.len())));
            }
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let mut yaml = String::from("people:\n");
    for &p in &order {
        match raised_by[p].as_slice() {
            [] => yaml.push_str(&format!("  p{p}: {{}}\n")),
            [one] if rng.chance(0.5) => yaml.push_str(&format!("  p{p}: {{raised_by: p{one}}}\n")),
            list => {
                let ids: Vec<String> = list.iter().map(|q| format!("p{q}")).collect();
                yaml.push_str(&format!("  p{p}: {{raised_by: [{}]}}\n", ids.join(", ")));
            }
        }
    }
    yaml.push_str("couples:\n");
    for (c, partners) in couples.iter().enumerate() {
        let partners: Vec<String> = partners.iter().map(|q| format!("p{q}")).collect();
        let kids: Vec<String> = children[c]
            .iter()
            .map(|&(k, link)| match link {
                "biological" => format!("p{k}"),
                _ => format!("{{id: p{k}, link: {link}}}"),
            })
            .collect();
        yaml.push_str(&format!(
            "  - {{partners: [{}], children: [{}]}}\n",
            partners.join(", "),
            kids.join(", ")
        ));
    }
    yaml
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn a_random_family_agrees_with_its_file(seed in any::<u64>()) {
        let yaml = random_family(seed);
        let g = genogram::load_str("random.yaml", &yaml)
            .unwrap_or_else(|e| panic!("{yaml}\n{e:?}"));
        check(&yaml, &g);
    }
}
