//! Gathers what the stages need from the family graph into plain arrays indexed by person
//! and couple number, so that the hot loops never touch the graph or allocate per node.

use super::{LayoutOptions, labels};
use crate::graph::{CoupleIx, FamilyGraph, PersonIx};
use crate::model::{Link, PartialDate, Sex};

/// The facts of one family, by person index and couple index.
pub(super) struct Facts {
    /// Row of each person (generation − 1).
    pub row: Vec<usize>,
    /// Sex, for the side of partners.
    pub sex: Vec<Sex>,
    /// Birth date.
    pub born: Vec<Option<PartialDate>>,
    /// Id, for tie-breaks that must not depend on file order.
    pub id: Vec<String>,
    /// Width of the person's box (symmetric about the symbol's centre).
    pub label_w: Vec<f64>,
    /// Height of the label under the symbol.
    pub label_h: Vec<f64>,
    /// The box of everything drawn for the person, relative to the symbol's centre.
    pub bbox: Vec<[f64; 4]>,
    /// How far right of the centre the person's badges reach (0 without badges).
    pub badges: Vec<f64>,
    /// Half the width of what is drawn at the symbol's height (symbol and badges).
    pub upper: Vec<f64>,
    /// The partners of each couple (one or two; a couple never lists a person twice).
    pub partners: Vec<Vec<usize>>,
    /// The couple that anchors each person in the layout: the one that raised them.
    pub primary: Vec<Option<usize>>,
    /// The other couples that list each person as a child, with the link.
    pub secondary: Vec<Vec<(usize, Link)>>,
    /// The children each couple anchors, oldest first, twins together.
    pub kids: Vec<Vec<usize>>,
    /// A number shared by the members of one twin set.
    pub twin: Vec<Option<usize>>,
    /// The couples of each person, earliest first.
    pub unions: Vec<Vec<usize>>,
}

impl Facts {
    /// How many people.
    pub fn len(&self) -> usize {
        self.row.len()
    }

    /// How many rows.
    pub fn rows(&self) -> usize {
        self.row.iter().map(|r| r + 1).max().unwrap_or(0)
    }

    /// Half the width a person takes on the row: symbol or label, whichever is wider.
    pub fn half(&self, p: usize, o: &LayoutOptions) -> f64 {
        o.symbol.max(self.label_w[p]) / 2.0
    }

    /// Whether `p` and `q` are partners in a couple for which `also` holds. Looks through
    /// the unions of whichever of the two has fewer, so asking about a person with
    /// thousands of partners costs no more than asking about their partner.
    pub fn couple_of(&self, p: usize, q: usize, also: impl Fn(usize) -> bool) -> bool {
        let (p, q) = if self.unions[p].len() <= self.unions[q].len() {
            (p, q)
        } else {
            (q, p)
        };
        self.unions[p]
            .iter()
            .any(|&c| self.partners[c].contains(&q) && also(c))
    }
}

/// Reads the facts of a family.
pub(super) fn gather(g: &FamilyGraph, o: &LayoutOptions) -> Facts {
    let n = g.person_count();
    let couples = g.family().couples.len();
    let mut f = Facts {
        row: Vec::with_capacity(n),
        sex: Vec::with_capacity(n),
        born: Vec::with_capacity(n),
        id: Vec::with_capacity(n),
        label_w: Vec::with_capacity(n),
        label_h: Vec::with_capacity(n),
        bbox: Vec::with_capacity(n),
        badges: Vec::with_capacity(n),
        upper: Vec::with_capacity(n),
        partners: Vec::with_capacity(couples),
        primary: vec![None; n],
        secondary: vec![Vec::new(); n],
        kids: vec![Vec::new(); couples],
        twin: vec![None; n],
        unions: vec![Vec::new(); n],
    };
    let common = labels::Common::of(g.family());
    let notes = if o.notes {
        labels::note_numbers(g.family())
    } else {
        Vec::new()
    };
    for p in g.people() {
        let person = g.person(p);
        f.row.push(g.generation(p).saturating_sub(1) as usize);
        f.sex.push(person.sex);
        f.born.push(person.born.as_ref().map(|d| d.value));
        f.id.push(person.id.value.clone());
        let note = notes.get(p.0).copied().flatten();
        let label = labels::label(person, note, &common, o);
        f.label_w.push(label.bbox[2] - label.bbox[0]);
        f.label_h.push(label.below);
        f.bbox.push(label.bbox);
        f.badges.push(label.badges);
        f.upper.push(label.upper);
    }
    let mut children: Vec<Vec<(PersonIx, Link)>> = Vec::with_capacity(couples);
    for c in g.couples() {
        f.partners
            .push(g.partners(c).into_iter().map(|p| p.0).collect());
        children.push(g.children(c));
    }
    for p in g.people() {
        let (primary, secondary) = anchor(g, &f.partners, p);
        f.primary[p.0] = primary.map(|c| c.0);
        f.secondary[p.0] = secondary.into_iter().map(|(c, l)| (c.0, l)).collect();
    }
    let mut twin_sets = 0usize;
    for c in g.couples() {
        let couple = g.couple(c);
        let children = &children[c.0];
        let mut twin_of = vec![None; children.len()];
        for set in &couple.twins {
            for &m in &set.members {
                if m < children.len() {
                    twin_of[m] = Some(twin_sets);
                }
            }
            twin_sets += 1;
        }
        f.kids[c.0] = sibling_order(children, &twin_of, &f, c.0);
        for (i, (ch, _)) in children.iter().enumerate() {
            if f.primary[ch.0] == Some(c.0) && twin_of[i].is_some() {
                f.twin[ch.0] = twin_of[i];
            }
        }
    }
    // Each person's couples in date order: the union's date, else its first child's
    // birth, else file order.
    let couple_key: Vec<(Option<PartialDate>, usize)> = g
        .couples()
        .map(|c| {
            let couple = g.couple(c);
            let date = couple
                .married
                .as_ref()
                .or(couple.since.as_ref())
                .map(|d| d.value)
                .or_else(|| {
                    g.children(c)
                        .iter()
                        .filter_map(|(ch, _)| f.born[ch.0])
                        .min()
                });
            (date, c.0)
        })
        .collect();
    for p in g.people() {
        let mut list: Vec<usize> = g.partner_couples(p).iter().map(|c| c.0).collect();
        list.sort_by(|&a, &b| date_first(couple_key[a].0, couple_key[b].0).then(a.cmp(&b)));
        f.unions[p.0] = list;
    }
    f
}

/// Known dates before unknown ones, earlier first.
pub(super) fn date_first(a: Option<PartialDate>, b: Option<PartialDate>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

/// The couple that raised a person anchors them; the others are secondary links. Who
/// raised whom is decided once, by the graph ([`FamilyGraph::caregivers`], docs/format.md
/// "Who raised whom"): the anchor is a parent couple with one of the person's caregivers
/// among its partners, an adoptive or foster couple before the birth couple before a step
/// couple, and the first in the file among equals.
fn anchor(
    g: &FamilyGraph,
    partners: &[Vec<usize>],
    p: PersonIx,
) -> (Option<CoupleIx>, Vec<(CoupleIx, Link)>) {
    let list = g.parent_couples(p);
    let rank = |l: Link| match l {
        Link::Adopted => 0,
        Link::Foster => 1,
        Link::Biological => 2,
        _ => 3,
    };
    let raised_there = |c: CoupleIx| g.caregivers(p).any(|q| partners[c.0].contains(&q.0));
    let best = list
        .iter()
        .filter(|(c, _)| raised_there(*c))
        .min_by_key(|(c, l)| (rank(*l), c.0))
        // Raised by people outside every parent couple: the birth family still places them.
        .or_else(|| list.iter().min_by_key(|(c, l)| (rank(*l), c.0)));
    let Some(&(primary, _)) = best else {
        return (None, Vec::new());
    };
    (
        Some(primary),
        list.iter()
            .copied()
            .filter(|(c, _)| *c != primary)
            .collect(),
    )
}

/// The children a couple anchors, oldest on the left: children with birth dates are sorted
/// by date into the places dated children take in the file; undated ones keep their place.
/// A twin set is one unit, at the place of its first member.
fn sibling_order(
    children: &[(PersonIx, Link)],
    twin_of: &[Option<usize>],
    f: &Facts,
    c: usize,
) -> Vec<usize> {
    // Units: (members in order, date of the unit).
    let mut units: Vec<(Vec<usize>, Option<PartialDate>)> = Vec::new();
    let mut unit_of_set: Vec<(usize, usize)> = Vec::new();
    for (i, (ch, _)) in children.iter().enumerate() {
        if f.primary[ch.0] != Some(c) {
            continue;
        }
        if let Some(set) = twin_of[i] {
            if let Some(&(_, u)) = unit_of_set.iter().find(|(s, _)| *s == set) {
                units[u].0.push(ch.0);
                continue;
            }
            unit_of_set.push((set, units.len()));
        }
        units.push((vec![ch.0], None));
    }
    for (members, date) in &mut units {
        members.sort_by(|&a, &b| date_first(f.born[a], f.born[b]));
        *date = members.iter().filter_map(|&m| f.born[m]).min();
    }
    let mut dated: Vec<usize> = (0..units.len()).filter(|&u| units[u].1.is_some()).collect();
    dated.sort_by(|&a, &b| date_first(units[a].1, units[b].1).then(a.cmp(&b)));
    let mut next = dated.into_iter();
    let mut out = Vec::with_capacity(children.len());
    for u in 0..units.len() {
        let take = if units[u].1.is_some() {
            next.next().unwrap_or(u)
        } else {
            u
        };
        out.extend_from_slice(&units[take].0);
    }
    out
}
