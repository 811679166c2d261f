//! The family as one petgraph graph: the representation that analysis, layout and
//! rendering all read.
//!
//! Nodes are people and couples. Edges run:
//! - person → couple ([`Edge::Partner`]) for each partner;
//! - couple → person ([`Edge::Child`]) for each child, with how the child belongs;
//! - person → person ([`Edge::Caregiver`]) from each caregiver to the person they raised,
//!   by the rules of docs/format.md, "Who raised whom". These edges are the only record
//!   of who raised whom: [`FamilyGraph::caregivers`] and [`FamilyGraph::raised`] read
//!   them;
//! - person → person ([`Edge::Emotional`]) for each emotional relationship.
//!
//! Generation numbers are computed here, once, so that the report and the drawing agree.
//! Node indices follow the order of the file, and every list handed out is in that order,
//! so everything built on the graph is deterministic.

mod generations;

use std::collections::HashMap;

use petgraph::Direction;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};

use crate::model::{Couple, Family, Link, Person, Relationship, ValidFamily};

/// The position of a person in the file's `people`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PersonIx(pub usize);

/// The position of a couple in the file's `couples`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CoupleIx(pub usize);

/// A node of the family graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Node {
    /// A person (or pregnancy) of `people`.
    Person(PersonIx),
    /// A couple of `couples`.
    Couple(CoupleIx),
}

/// An edge of the family graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// Person → couple: the person is a partner of the couple.
    Partner,
    /// Couple → person: the person is a child of the couple.
    Child {
        /// How the child belongs to the couple.
        link: Link,
    },
    /// Person → person: the first raised (modelled the skills for) the second.
    Caregiver,
    /// Person → person: an emotional relationship, by its index in `relationships`.
    Emotional(usize),
}

// From this many people on, the graph is built on two threads.
use crate::parallel::PARALLEL_FROM;

/// The family graph; build it with [`FamilyGraph::build`].
#[derive(Debug)]
pub struct FamilyGraph {
    family: ValidFamily,
    graph: StableDiGraph<Node, Edge>,
    person_nodes: Vec<NodeIndex>,
    couple_nodes: Vec<NodeIndex>,
    by_id: HashMap<String, PersonIx>,
    parent_couples: Vec<Vec<(CoupleIx, Link)>>,
    partner_couples: Vec<Vec<CoupleIx>>,
    generations: Vec<u32>,
}

impl FamilyGraph {
    /// Builds the graph of a validated family and assigns generations.
    pub fn build(valid: ValidFamily) -> Self {
        let family = valid.family();
        let mut graph = StableDiGraph::with_capacity(
            family.people.len() + family.couples.len(),
            family.people.len() * 3 + family.relationships.len(),
        );
        // People are the first nodes, so a person's node index is their position in the
        // file: the caregiver edges are read back without looking at the nodes.
        let person_nodes: Vec<NodeIndex> = (0..family.people.len())
            .map(|i| graph.add_node(Node::Person(PersonIx(i))))
            .collect();
        debug_assert!(person_nodes.iter().enumerate().all(|(i, n)| n.index() == i));
        let couple_nodes: Vec<NodeIndex> = (0..family.couples.len())
            .map(|i| graph.add_node(Node::Couple(CoupleIx(i))))
            .collect();
        let by_id: HashMap<String, PersonIx> = family
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.value.clone(), PersonIx(i)))
            .collect();
        // Validation guarantees that every id resolves.
        let ix = |id: &str| by_id[id];

        let mut parent_couples = vec![Vec::new(); family.people.len()];
        let mut partner_couples = vec![Vec::new(); family.people.len()];
        for (ci, c) in family.couples.iter().enumerate() {
            for p in &c.partners {
                let p = ix(&p.value);
                graph.add_edge(person_nodes[p.0], couple_nodes[ci], Edge::Partner);
                partner_couples[p.0].push(CoupleIx(ci));
            }
            for ch in &c.children {
                let child = ix(&ch.id.value);
                graph.add_edge(
                    couple_nodes[ci],
                    person_nodes[child.0],
                    Edge::Child { link: ch.link },
                );
                parent_couples[child.0].push((CoupleIx(ci), ch.link));
            }
        }

        // Caregivers and the remaining edges, and the generations, read the same lists
        // and nothing of each other: on a large family they are worked out at once.
        let links = || {
            let mut graph = graph;
            // petgraph lists a node's edges newest first (documented for directed
            // graphs), so the caregiver edges are added backwards, last person and last
            // caregiver first: then each person's incoming edges come out in the order of
            // the file's caregivers and each caregiver's outgoing edges in file order of
            // the people raised, with nothing to sort or reverse when they are read.
            let mut list: Vec<PersonIx> = Vec::new();
            for (pi, person) in family.people.iter().enumerate().rev() {
                list.clear();
                let mut push = |p: PersonIx| {
                    if !list.contains(&p) {
                        list.push(p);
                    }
                };
                if let Some(raised_by) = &person.raised_by {
                    raised_by.iter().for_each(|r| push(ix(&r.value)));
                } else {
                    let fostering = parent_couples[pi]
                        .iter()
                        .any(|(_, l)| matches!(l, Link::Adopted | Link::Foster));
                    for (ci, link) in &parent_couples[pi] {
                        if !fostering || matches!(link, Link::Adopted | Link::Foster) {
                            family.couples[ci.0]
                                .partners
                                .iter()
                                .for_each(|p| push(ix(&p.value)));
                        }
                    }
                }
                for c in list.iter().rev() {
                    graph.add_edge(person_nodes[c.0], person_nodes[pi], Edge::Caregiver);
                }
            }
            for (ri, r) in family.relationships.iter().enumerate() {
                graph.add_edge(
                    person_nodes[ix(&r.a.value).0],
                    person_nodes[ix(&r.b.value).0],
                    Edge::Emotional(ri),
                );
            }
            graph
        };
        let numbering = || generations::assign(family, &by_id, &parent_couples, &partner_couples);
        let (graph, generations) = if family.people.len() >= PARALLEL_FROM {
            crate::parallel::join(links, numbering)
        } else {
            (links(), numbering())
        };
        FamilyGraph {
            family: valid,
            graph,
            person_nodes,
            couple_nodes,
            by_id,
            parent_couples,
            partner_couples,
            generations,
        }
    }

    /// The family the graph was built from.
    pub fn family(&self) -> &Family {
        self.family.family()
    }

    /// The petgraph graph itself.
    pub fn graph(&self) -> &StableDiGraph<Node, Edge> {
        &self.graph
    }

    /// How many people (entries of `people`) there are.
    pub fn person_count(&self) -> usize {
        self.person_nodes.len()
    }

    /// Every person, in file order.
    pub fn people(&self) -> impl ExactSizeIterator<Item = PersonIx> + '_ {
        (0..self.person_nodes.len()).map(PersonIx)
    }

    /// Every couple, in file order.
    pub fn couples(&self) -> impl ExactSizeIterator<Item = CoupleIx> + '_ {
        (0..self.couple_nodes.len()).map(CoupleIx)
    }

    /// A person's entry.
    pub fn person(&self, p: PersonIx) -> &Person {
        &self.family().people[p.0]
    }

    /// A couple's entry.
    pub fn couple(&self, c: CoupleIx) -> &Couple {
        &self.family().couples[c.0]
    }

    /// A relationship's entry.
    pub fn relationship(&self, r: usize) -> &Relationship {
        &self.family().relationships[r]
    }

    /// Finds a person by id.
    pub fn find(&self, id: &str) -> Option<PersonIx> {
        self.by_id.get(id).copied()
    }

    /// Resolves an id that validation has already checked.
    pub(crate) fn ix(&self, id: &str) -> PersonIx {
        self.by_id[id]
    }

    /// The graph node of a person.
    pub fn person_node(&self, p: PersonIx) -> NodeIndex {
        self.person_nodes[p.0]
    }

    /// The graph node of a couple.
    pub fn couple_node(&self, c: CoupleIx) -> NodeIndex {
        self.couple_nodes[c.0]
    }

    /// The generation of a person: 1 for the founders of the oldest line, one more for
    /// each step down, partners who married in level with their partner.
    pub fn generation(&self, p: PersonIx) -> u32 {
        self.generations[p.0]
    }

    /// The deepest generation.
    pub fn max_generation(&self) -> u32 {
        self.generations.iter().copied().max().unwrap_or(0)
    }

    /// The people who raised `p` (docs/format.md, "Who raised whom"): the sources of
    /// `p`'s caregiver edges, in the order of the file (`raised_by`, else the partners of
    /// the couples that list `p` as a child, couple by couple).
    pub fn caregivers(&self, p: PersonIx) -> CaregiverLinks<'_> {
        self.caregiver_edges(p, Direction::Incoming)
    }

    /// The people `p` raised: the targets of `p`'s caregiver edges, in file order.
    pub fn raised(&self, p: PersonIx) -> CaregiverLinks<'_> {
        self.caregiver_edges(p, Direction::Outgoing)
    }

    fn caregiver_edges(&self, p: PersonIx, direction: Direction) -> CaregiverLinks<'_> {
        CaregiverLinks {
            edges: self.graph.edges_directed(self.person_nodes[p.0], direction),
            direction,
        }
    }

    /// The couples that list `p` as a child, with the link, in file order.
    pub fn parent_couples(&self, p: PersonIx) -> &[(CoupleIx, Link)] {
        &self.parent_couples[p.0]
    }

    /// The couples `p` is a partner in, in file order.
    pub fn partner_couples(&self, p: PersonIx) -> &[CoupleIx] {
        &self.partner_couples[p.0]
    }

    /// The partners of a couple.
    pub fn partners(&self, c: CoupleIx) -> Vec<PersonIx> {
        self.couple(c)
            .partners
            .iter()
            .map(|p| self.ix(&p.value))
            .collect()
    }

    /// The children of a couple with their links, in file order.
    pub fn children(&self, c: CoupleIx) -> Vec<(PersonIx, Link)> {
        self.couple(c)
            .children
            .iter()
            .map(|ch| (self.ix(&ch.id.value), ch.link))
            .collect()
    }

    /// The emotional relationships that involve `p`, by index, in file order.
    pub fn relationships_of(&self, p: PersonIx) -> Vec<usize> {
        let node = self.person_node(p);
        let mut out: Vec<usize> = self
            .graph
            .edges_directed(node, petgraph::Direction::Outgoing)
            .chain(
                self.graph
                    .edges_directed(node, petgraph::Direction::Incoming),
            )
            .filter_map(|e| match e.weight() {
                Edge::Emotional(r) => Some(*r),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The index person, if the file names one.
    pub fn index_person(&self) -> Option<PersonIx> {
        self.family().index.as_ref().map(|i| self.ix(&i.value))
    }
}

/// People at the other end of one person's caregiver edges, in file order: what
/// [`FamilyGraph::caregivers`] and [`FamilyGraph::raised`] return.
#[derive(Clone, Debug)]
pub struct CaregiverLinks<'g> {
    edges: petgraph::stable_graph::Edges<'g, Edge, petgraph::Directed>,
    direction: Direction,
}

impl Iterator for CaregiverLinks<'_> {
    type Item = PersonIx;

    fn next(&mut self) -> Option<PersonIx> {
        use petgraph::visit::EdgeRef;
        for e in self.edges.by_ref() {
            if !matches!(e.weight(), Edge::Caregiver) {
                continue;
            }
            // Caregiver edges join two people, whose node index is their position.
            return Some(PersonIx(
                match self.direction {
                    Direction::Incoming => e.source(),
                    Direction::Outgoing => e.target(),
                }
                .index(),
            ));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::SourceFile;

    pub(crate) fn graph_of(yaml: &str) -> FamilyGraph {
        let source = SourceFile::new("test.yaml", yaml);
        let family = crate::load::family(&source).expect("loads");
        FamilyGraph::build(crate::validate::validate(family).expect("valid"))
    }

    fn gens(g: &FamilyGraph) -> Vec<(String, u32)> {
        g.people()
            .map(|p| (g.person(p).id.value.clone(), g.generation(p)))
            .collect()
    }

    #[test]
    fn caregivers_follow_the_three_rules() {
        let g = graph_of(
            "people: {a: {}, b: {}, c: {}, d: {}, e: {}, f: {}, g: {raised_by: [a]}}\n\
             couples:\n\
             - {partners: [a, b], children: [c, {id: e, link: step}, g]}\n\
             - {partners: [d], children: [{id: c, link: step}, {id: f, link: foster}]}\n\
             - {partners: [c], children: [f]}\n",
        );
        let ids =
            |ps: CaregiverLinks<'_>| ps.map(|p| g.person(p).id.value.clone()).collect::<Vec<_>>();
        // biological and step: all partners of all couples
        assert_eq!(ids(g.caregivers(g.ix("c"))), ["a", "b", "d"]);
        // foster replaces the birth couple
        assert_eq!(ids(g.caregivers(g.ix("f"))), ["d"]);
        // raised_by replaces everything
        assert_eq!(ids(g.caregivers(g.ix("g"))), ["a"]);
        assert_eq!(g.caregivers(g.ix("a")).count(), 0);
        assert_eq!(ids(g.raised(g.ix("a"))), ["c", "e", "g"]);
    }

    #[test]
    fn married_in_partners_take_their_partners_generation() {
        let g = graph_of(
            "people: {gf: {}, gm: {}, dad: {}, mum: {}, kid: {}, mgf: {}, mgm: {}, wife: {}}\n\
             couples:\n\
             - {partners: [gf, gm], children: [dad]}\n\
             - {partners: [dad, mum], children: [kid]}\n\
             - {partners: [kid, wife]}\n\
             - {partners: [mgf, mgm], children: [mum]}\n",
        );
        assert_eq!(
            gens(&g),
            [
                ("gf", 1),
                ("gm", 1),
                ("dad", 2),
                ("mum", 2),
                ("kid", 3),
                ("mgf", 1),
                ("mgm", 1),
                ("wife", 3)
            ]
            .map(|(a, b)| (a.to_string(), b))
        );
    }

    #[test]
    fn a_shallower_line_is_moved_down_to_meet_its_partner() {
        // x's line has two generations above x; y's has one. y's founders move down.
        let g = graph_of(
            "people: {a: {}, b: {}, x: {}, c: {}, y: {}, p: {}}\n\
             couples:\n\
             - {partners: [a], children: [b]}\n\
             - {partners: [b], children: [x]}\n\
             - {partners: [c], children: [y]}\n\
             - {partners: [x, y], children: [p]}\n",
        );
        assert_eq!(
            gens(&g),
            [("a", 1), ("b", 2), ("x", 3), ("c", 2), ("y", 3), ("p", 4)]
                .map(|(a, b)| (a.to_string(), b))
        );
    }

    #[test]
    fn cousin_marriage_and_uncle_niece_terminate() {
        let g = graph_of(
            "people: {gp: {}, s1: {}, s2: {}, c1: {}, c2: {}, k: {}, niece: {}}\n\
             couples:\n\
             - {partners: [gp], children: [s1, s2]}\n\
             - {partners: [s1], children: [c1]}\n\
             - {partners: [s2], children: [c2]}\n\
             - {partners: [c1, c2], children: [k]}\n\
             - {partners: [c1], children: [niece]}\n\
             - {partners: [s2, niece]}\n",
        );
        let gm: HashMap<String, u32> = gens(&g).into_iter().collect();
        assert_eq!(gm["gp"], 1);
        assert_eq!(gm["c1"], 3);
        assert_eq!(gm["k"], 4);
        // The uncle–niece union cannot be levelled without moving shared ancestors.
        assert_eq!(gm["niece"], 4);
    }

    #[test]
    fn unions_of_lines_that_share_an_ancestor_are_levelled_when_that_brings_couples_together() {
        // a's line: d1, d2, then e1 and e2. v is a's child too, so y1 and y2 (v's children
        // with h, whose parents H1 and H2 are their own line) share the ancestor a with e1
        // and e2, and step 3 leaves both unions across generations. Moving H1 and H2 down
        // levels both unions at the cost of one (h and v a generation apart): kept.
        let g = graph_of(
            "people: {a: {}, d1: {}, v: {}, d2: {}, e1: {}, e2: {}, H1: {}, H2: {}, h: {}, y1: {}, y2: {}}\n\
             couples:\n\
             - {partners: [a], children: [d1, v]}\n\
             - {partners: [d1], children: [d2]}\n\
             - {partners: [d2], children: [e1, e2]}\n\
             - {partners: [H1, H2], children: [h]}\n\
             - {partners: [h, v], children: [y1, y2]}\n\
             - {partners: [e1, y1]}\n\
             - {partners: [e2, y2]}\n",
        );
        let gm: HashMap<String, u32> = gens(&g).into_iter().collect();
        assert_eq!((gm["e1"], gm["y1"]), (4, 4));
        assert_eq!((gm["e2"], gm["y2"]), (4, 4));
        assert_eq!((gm["H1"], gm["H2"], gm["h"], gm["v"]), (2, 2, 3, 2));
    }

    #[test]
    fn a_levelling_that_brings_no_couple_closer_is_undone() {
        // One union e–y across generations: moving h's founders down would level it but
        // open a gap between h and v, as wide: nothing moves.
        let g = graph_of(
            "people: {a: {}, d1: {}, v: {}, d2: {}, e: {}, H: {}, h: {}, y: {}}\n\
             couples:\n\
             - {partners: [a], children: [d1, v]}\n\
             - {partners: [d1], children: [d2]}\n\
             - {partners: [d2], children: [e]}\n\
             - {partners: [H], children: [h]}\n\
             - {partners: [h, v], children: [y]}\n\
             - {partners: [e, y]}\n",
        );
        let gm: HashMap<String, u32> = gens(&g).into_iter().collect();
        assert_eq!(
            (gm["e"], gm["y"], gm["h"], gm["v"], gm["H"]),
            (4, 3, 2, 2, 1)
        );
    }

    #[test]
    fn a_union_of_a_mother_and_her_son_terminates() {
        // kinship2 #11: the mother must not chase her son down the generations.
        let g = graph_of(
            "people: {gm: {}, son: {}, child: {}}\n\
             couples: [{partners: [gm], children: [son]}, {partners: [son, gm], children: [child]}]\n",
        );
        assert_eq!(
            gens(&g),
            [("gm", 1), ("son", 2), ("child", 3)].map(|(a, b)| (a.to_string(), b))
        );
    }

    #[test]
    fn separate_families_each_start_at_one() {
        let g =
            graph_of("people: {a: {}, b: {}, c: {}}\ncouples: [{partners: [a], children: [b]}]\n");
        assert_eq!(
            gens(&g),
            [("a", 1), ("b", 2), ("c", 1)].map(|(a, b)| (a.to_string(), b))
        );
    }
}
