//! Makes what was read a valid family, keeping as much as possible and saying what changed.
//!
//! The family file refuses some things a GEDCOM file can say: a child born to two
//! couples, a person who is their own ancestor, a child listed twice, a partner who is
//! also their own child, a death before the birth, a child born before a parent, a union
//! that ends before it begins. Each is resolved here the gentlest way that keeps the file
//! honest, and listed as a warning:
//! - a second biological family becomes a `step` family (or the link is left out when
//!   that is taken too); a repeated adoptive or foster link is left out;
//! - the link that closes a loop of ancestry is left out;
//! - a date that contradicts another is kept but marked approximate (`~`), which the
//!   file format accepts because the order of approximate dates is not certain.

use crate::diag::{Diagnostic, LineCol, Span};
use crate::model::Link;

use super::to_family::{Converted, Person};

fn at(line: u32) -> Span {
    Span::point(LineCol::one_based(line as usize, 1))
}

/// Resolves every contradiction the validator would refuse.
pub fn repair(c: &mut Converted) {
    children(c);
    cycles(c);
    dates(c);
}

fn id(people: &[Person], i: usize) -> &str {
    &people[i].id
}

fn children(c: &mut Converted) {
    let n = c.people.len();
    // links[p] = the links p already has, across couples in file order.
    let mut links: Vec<Vec<Link>> = vec![Vec::new(); n];
    for couple in &mut c.couples {
        let mut kept = Vec::with_capacity(couple.children.len());
        for mut ch in std::mem::take(&mut couple.children) {
            let who = c.people[ch.person].id.clone();
            if kept
                .iter()
                .any(|k: &super::to_family::Child| k.person == ch.person)
            {
                c.warnings.push(Diagnostic::warning(
                    at(ch.line),
                    format!("`{who}` is listed twice as a child of this family; kept once"),
                ));
                continue;
            }
            if couple.partners.contains(&ch.person) {
                c.warnings.push(Diagnostic::warning(
                    at(ch.line),
                    format!(
                        "`{who}` is listed as a child of their own family; that link is not kept"
                    ),
                ));
                continue;
            }
            if links[ch.person].contains(&ch.link) {
                let was = ch.link;
                if was == Link::Biological && !links[ch.person].contains(&Link::Step) {
                    ch.link = Link::Step;
                    c.warnings.push(Diagnostic::warning(
                        at(ch.line),
                        format!("`{who}` is a birth child of an earlier family too; kept here as a step-child"),
                    ).with_help("if this is the birth family, move the `link: step` to the other couple in the family file"));
                } else {
                    c.warnings.push(Diagnostic::warning(
                        at(ch.line),
                        format!("`{who}` is already a `{was}` child of another family; this link is not kept"),
                    ));
                    continue;
                }
            }
            links[ch.person].push(ch.link);
            kept.push(ch);
        }
        couple.children = kept;
    }
}

/// Leaves out the child link that closes each loop of ancestry (one depth-first pass: its
/// back edges are exactly the links that close loops).
fn cycles(c: &mut Converted) {
    let n = c.people.len();
    // edges[parent] = (couple, child position) for every child of every couple of parent.
    let mut edges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for (ci, couple) in c.couples.iter().enumerate() {
        for (k, _) in couple.children.iter().enumerate() {
            for &p in &couple.partners {
                edges[p].push((ci, k));
            }
        }
    }
    let mut removed: Vec<Vec<bool>> = c
        .couples
        .iter()
        .map(|x| vec![false; x.children.len()])
        .collect();
    const WHITE: u8 = 0;
    const GREY: u8 = 1;
    const BLACK: u8 = 2;
    let mut colour = vec![WHITE; n];
    for root in 0..n {
        if colour[root] != WHITE {
            continue;
        }
        colour[root] = GREY;
        let mut path: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(&mut (node, ref mut next)) = path.last_mut() {
            let Some(&(ci, k)) = edges[node].get(*next) else {
                colour[node] = BLACK;
                path.pop();
                continue;
            };
            *next += 1;
            if removed[ci][k] {
                continue;
            }
            let child = c.couples[ci].children[k].person;
            match colour[child] {
                WHITE => {
                    colour[child] = GREY;
                    path.push((child, 0));
                }
                GREY => {
                    removed[ci][k] = true;
                    let line = c.couples[ci].children[k].line;
                    c.warnings.push(Diagnostic::warning(
                        at(line),
                        format!(
                            "this link would make `{}` their own ancestor (through `{}`); it is not kept",
                            id(&c.people, child),
                            id(&c.people, node)
                        ),
                    ));
                }
                _ => {}
            }
        }
    }
    for (couple, gone) in c.couples.iter_mut().zip(removed) {
        let mut i = 0;
        couple.children.retain(|_| {
            let keep = !gone[i];
            i += 1;
            keep
        });
    }
}

fn dates(c: &mut Converted) {
    for p in &mut c.people {
        if let (Some(b), Some(d)) = (p.born, p.died)
            && d.definitely_before(&b)
        {
            p.died = Some(d.approx());
            c.warnings.push(Diagnostic::warning(
                at(p.line),
                format!("`{}` died ({d}) before being born ({b}); the death date is kept as approximate", p.id),
            ));
        }
    }
    for i in 0..c.couples.len() {
        let couple = &c.couples[i];
        let start = couple.married.or(couple.since);
        if let (Some(s), Some(e)) = (start, couple.divorced)
            && e.definitely_before(&s)
        {
            c.couples[i].divorced = Some(e.approx());
            let who = id(&c.people, c.couples[i].partners[0]).to_string();
            c.warnings.push(Diagnostic::warning(
                at(c.couples[i].line),
                format!("the family of `{who}` ends ({e}) before it begins ({s}); the end date is kept as approximate"),
            ));
        }
        for k in 0..c.couples[i].children.len() {
            let child = c.couples[i].children[k].person;
            for pi in 0..c.couples[i].partners.len() {
                let parent = c.couples[i].partners[pi];
                let (Some(cb), Some(pb)) = (c.people[child].born, c.people[parent].born) else {
                    continue;
                };
                if cb.definitely_before(&pb) {
                    c.people[child].born = Some(cb.approx());
                    c.warnings.push(Diagnostic::warning(
                        at(c.couples[i].children[k].line),
                        format!(
                            "`{}` was born ({cb}) before their parent `{}` ({pb}); the child's birth date is kept as approximate",
                            c.people[child].id, c.people[parent].id
                        ),
                    ));
                }
            }
        }
    }
}
