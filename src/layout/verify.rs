//! The hard invariants of a layout (docs/layout.md, "What is measured"), checked from the output alone:
//! M1 no overlap of symbols and label boxes, M2 rows by generation, M5 no line through a
//! symbol or label box, M6 sibship contiguity, M8 twins together on one apex, M17 no
//! relationship line running on top of a partner, descent, sibship or child line. Debug
//! builds check every layout; tests call [`check`] directly.

use super::{Layout, LayoutOptions, LineKind};
use crate::graph::{FamilyGraph, PersonIx};

const EPS: f64 = 0.5;

/// Every broken invariant, in words; empty when the layout is sound.
pub fn check(g: &FamilyGraph, layout: &Layout, _options: &LayoutOptions) -> Vec<String> {
    let mut out = Vec::new();
    let n = g.person_count();
    if layout.people.len() != n {
        out.push(format!(
            "{} people placed, {} in the family",
            layout.people.len(),
            n
        ));
        return out;
    }
    let ppl = &layout.people;
    // M2: rows follow generations; children below all their parents.
    for p in ppl {
        match layout.rows.get(p.generation as usize - 1) {
            Some(row) if row.y == p.y && p.generation == g.generation(p.person) => {}
            _ => out.push(format!(
                "M2: {} is not on the row of generation {}",
                p.id,
                g.generation(p.person)
            )),
        }
    }
    for c in g.couples() {
        for (k, _) in g.children(c) {
            for q in g.partners(c) {
                if ppl[k.0].y <= ppl[q.0].y {
                    out.push(format!(
                        "M2: {} is not below their parent {}",
                        ppl[k.0].id, ppl[q.0].id
                    ));
                }
            }
        }
    }
    // Rows sorted by x.
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); layout.rows.len()];
    for (i, p) in ppl.iter().enumerate() {
        if let Some(r) = rows.get_mut(p.generation as usize - 1) {
            r.push(i);
        }
    }
    for r in &mut rows {
        r.sort_by(|&a, &b| ppl[a].x.total_cmp(&ppl[b].x));
    }
    let half = |i: usize| ppl[i].width.max(ppl[i].label_width) / 2.0;
    // M1: boxes on a row do not overlap; a row's labels end above the next row's symbols.
    for row in &rows {
        for w in row.windows(2) {
            if ppl[w[1]].x - ppl[w[0]].x < half(w[0]) + half(w[1]) - 0.01 {
                out.push(format!("M1: {} and {} overlap", ppl[w[0]].id, ppl[w[1]].id));
            }
        }
    }
    for r in 0..rows.len().saturating_sub(1) {
        let bottom = rows[r]
            .iter()
            .map(|&i| ppl[i].y + ppl[i].height / 2.0 + ppl[i].label_height)
            .fold(f64::MIN, f64::max);
        let top = rows[r + 1]
            .iter()
            .map(|&i| ppl[i].y - ppl[i].height / 2.0)
            .fold(f64::MAX, f64::min);
        if bottom > top {
            out.push(format!(
                "M1: labels of generation {} reach into generation {}",
                r + 1,
                r + 2
            ));
        }
    }
    // M5: no segment enters a symbol or a label box.
    let widest = ppl
        .iter()
        .enumerate()
        .map(|(i, _)| half(i))
        .fold(0.0, f64::max);
    let bands: Vec<(f64, f64, f64)> = rows
        .iter()
        .map(|row| {
            let Some(&first) = row.first() else {
                return (0.0, 0.0, -1.0);
            };
            let lh = row.iter().map(|&i| ppl[i].label_height).fold(0.0, f64::max);
            (ppl[first].y, ppl[first].height / 2.0, lh)
        })
        .collect();
    for line in &layout.lines {
        for seg in line.points.windows(2) {
            let (a, b) = (seg[0], seg[1]);
            for (row, &(y, s, lh)) in rows.iter().zip(&bands) {
                if lh < 0.0 {
                    continue;
                }
                if a[1].max(b[1]) <= y - s || a[1].min(b[1]) >= y + s + lh {
                    continue;
                }
                let (lo, hi) = (a[0].min(b[0]) - widest, a[0].max(b[0]) + widest);
                let start = row.partition_point(|&i| ppl[i].x < lo);
                for &i in row[start..].iter().take_while(|&&i| ppl[i].x <= hi) {
                    let p = &ppl[i];
                    let (w, h) = (p.width / 2.0, p.height / 2.0);
                    let symbol = [p.x - w, p.y - h, p.x + w, p.y + h];
                    let lw = p.label_width / 2.0;
                    let label = [p.x - lw, p.y + h, p.x + lw, p.y + h + p.label_height];
                    if crosses(a, b, symbol) || (p.label_height > 0.0 && crosses(a, b, label)) {
                        out.push(format!(
                            "M5: a {:?} line from {} to {} passes through {}",
                            line.kind, line.from, line.to, p.id
                        ));
                    }
                }
            }
        }
    }
    overlaps(layout, &mut out);
    // M6 and M8 from the couples.
    let xs: Vec<f64> = ppl.iter().map(|p| p.x).collect();
    let mut order_pos = vec![0usize; n];
    for row in &rows {
        for (i, &p) in row.iter().enumerate() {
            order_pos[p] = i;
        }
    }
    let same_row_partners = |p: usize| -> Vec<usize> {
        g.partner_couples(PersonIx(p))
            .iter()
            .flat_map(|&c| g.partners(c))
            .map(|q| q.0)
            .filter(|&q| q != p && ppl[q].y == ppl[p].y)
            .collect()
    };
    let has_parents = |p: usize| !g.parent_couples(PersonIx(p)).is_empty();
    let is_bridge = |p: usize| same_row_partners(p).into_iter().any(has_parents);
    // The couple each child hangs from, and where its line starts.
    let mut hangs: Vec<Option<(usize, [f64; 2])>> = vec![None; n];
    for l in &layout.lines {
        if l.kind == LineKind::Child
            && !l.secondary
            && let (Some(k), Some(c), Some(&start)) = (l.child, l.couple, l.points.first())
        {
            hangs[k.0] = Some((c.0, start));
        }
    }
    let mut allowed = vec![false; n];
    for c in g.couples() {
        let kids: Vec<usize> = g
            .children(c)
            .iter()
            .map(|(k, _)| k.0)
            .filter(|&k| hangs[k].is_some_and(|(cc, _)| cc == c.0))
            .collect();
        let Some(&first) = kids.first() else { continue };
        let row_y = ppl[first].y;
        let kids: Vec<usize> = kids.into_iter().filter(|&k| ppl[k].y == row_y).collect();
        let row = &rows[ppl[first].generation as usize - 1];
        let mut touched: Vec<usize> = kids.clone();
        let mut stack: Vec<usize> = kids.clone();
        kids.iter().for_each(|&k| allowed[k] = true);
        while let Some(p) = stack.pop() {
            for q in same_row_partners(p) {
                if !allowed[q] {
                    allowed[q] = true;
                    touched.push(q);
                    stack.push(q);
                }
            }
        }
        let core: Vec<usize> = kids.iter().copied().filter(|&k| !is_bridge(k)).collect();
        if let (Some(lo), Some(hi)) = (
            core.iter().map(|&k| order_pos[k]).min(),
            core.iter().map(|&k| order_pos[k]).max(),
        ) {
            for &p in &row[lo..=hi] {
                if !allowed[p] {
                    out.push(format!(
                        "M6: {} stands among the children of couple {}",
                        ppl[p].id,
                        c.0 + 1
                    ));
                }
            }
        }
        // M8: twins side by side (only their own partners between) and one apex.
        for set in &g.couple(c).twins {
            let children = g.children(c);
            let mut members: Vec<usize> = set
                .members
                .iter()
                .filter_map(|&m| children.get(m).map(|(k, _)| k.0))
                .filter(|k| kids.contains(k) && !is_bridge(*k))
                .collect();
            members.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
            for w in members.windows(2) {
                let partners: Vec<usize> = same_row_partners(w[0])
                    .into_iter()
                    .chain(same_row_partners(w[1]))
                    .collect();
                for &p in &row[order_pos[w[0]] + 1..order_pos[w[1]]] {
                    if !partners.contains(&p) {
                        out.push(format!(
                            "M8: {} stands between twins {} and {}",
                            ppl[p].id, ppl[w[0]].id, ppl[w[1]].id
                        ));
                    }
                }
            }
            let apexes: Vec<[f64; 2]> = members
                .iter()
                .filter_map(|&k| hangs[k].map(|h| h.1))
                .collect();
            if apexes.windows(2).any(|w| w[0] != w[1]) {
                out.push(format!(
                    "M8: the twins of couple {} do not hang from one point",
                    c.0 + 1
                ));
            }
        }
        touched.into_iter().for_each(|p| allowed[p] = false);
    }
    out
}

/// Longest run a relationship segment may share with a structural line: a touch where
/// lines meet or cross is fine, running along it is not.
const SHARED: f64 = 3.0;

/// M17: no relationship segment runs collinear on top of a structural (partner, descent,
/// sibship or child) segment, where a reader would take it for the family line.
fn overlaps(layout: &Layout, out: &mut Vec<String>) {
    use std::collections::BTreeMap;
    // Structural axis-aligned segments by their fixed coordinate (rounded to the pixel),
    // horizontal (key y) and vertical (key x), each with its span and line index.
    let mut horizontal: BTreeMap<i64, Vec<(f64, f64, f64, usize)>> = BTreeMap::new();
    let mut vertical: BTreeMap<i64, Vec<(f64, f64, f64, usize)>> = BTreeMap::new();
    for (i, line) in layout.lines.iter().enumerate() {
        if line.kind == LineKind::Relationship {
            continue;
        }
        for seg in line.points.windows(2) {
            let (a, b) = (seg[0], seg[1]);
            if (a[1] - b[1]).abs() < EPS {
                let e = (a[1], a[0].min(b[0]), a[0].max(b[0]), i);
                horizontal.entry(a[1].round() as i64).or_default().push(e);
            } else if (a[0] - b[0]).abs() < EPS {
                let e = (a[0], a[1].min(b[1]), a[1].max(b[1]), i);
                vertical.entry(a[0].round() as i64).or_default().push(e);
            }
        }
    }
    for line in &layout.lines {
        if line.kind != LineKind::Relationship {
            continue;
        }
        for seg in line.points.windows(2) {
            let (a, b) = (seg[0], seg[1]);
            let (map, fixed, lo, hi) = if (a[1] - b[1]).abs() < EPS {
                (&horizontal, a[1], a[0].min(b[0]), a[0].max(b[0]))
            } else if (a[0] - b[0]).abs() < EPS {
                (&vertical, a[0], a[1].min(b[1]), a[1].max(b[1]))
            } else {
                continue;
            };
            let key = fixed.round() as i64;
            for (_, list) in map.range(key - 1..=key + 1) {
                for &(f, slo, shi, i) in list {
                    if (f - fixed).abs() < 1.0 && hi.min(shi) - lo.max(slo) > SHARED {
                        let s = &layout.lines[i];
                        out.push(format!(
                            "M17: the relationship line from {} to {} runs on the {:?} line from {} to {}",
                            line.from, line.to, s.kind, s.from, s.to
                        ));
                    }
                }
            }
        }
    }
}

/// Whether segment a–b enters the open rectangle [x0, y0, x1, y1] (shrunk by `EPS`),
/// by Liang–Barsky clipping.
pub(crate) fn crosses(a: [f64; 2], b: [f64; 2], r: [f64; 4]) -> bool {
    let (x0, y0, x1, y1) = (r[0] + EPS, r[1] + EPS, r[2] - EPS, r[3] - EPS);
    if x0 >= x1 || y0 >= y1 {
        return false;
    }
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let mut t0: f64 = 0.0;
    let mut t1: f64 = 1.0;
    for (p, q) in [
        (-dx, a[0] - x0),
        (dx, x1 - a[0]),
        (-dy, a[1] - y0),
        (dy, y1 - a[1]),
    ] {
        if p == 0.0 {
            if q <= 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    t0 < t1
}

#[cfg(test)]
mod tests {
    use super::{check, crosses, overlaps};
    use crate::graph::FamilyGraph;
    use crate::layout::{Layout, LayoutOptions, Line, LineKind};

    /// Two founders with three children, the last two twins; a second couple on the
    /// children's row with a child of their own; so that every rule has something to
    /// check.
    const FAMILY: &str = "people:
  a: {sex: male, born: 1940}
  b: {sex: female, born: 1942}
  c: {sex: female, born: 1965}
  t1: {sex: male, born: 1968}
  t2: {sex: male, born: 1968}
  e: {sex: male, born: 1960}
  f: {sex: female, born: 1962}
  h: {sex: female, born: 1966}
couples:
  - partners: [a, b]
    children: [c, {twins: [t1, t2]}]
  - partners: [e, f]
    children: [h]
";

    fn family() -> (FamilyGraph, Layout) {
        let g = crate::load_str("family.yaml", FAMILY).expect("a valid family");
        let l = crate::layout::layout(&g, &LayoutOptions::default());
        assert_eq!(
            check(&g, &l, &LayoutOptions::default()),
            Vec::<String>::new()
        );
        (g, l)
    }

    fn at(l: &Layout, id: &str) -> usize {
        l.people.iter().position(|p| p.id == id).expect("placed")
    }

    /// The problems `check` finds in the family's layout after `spoil` changed it.
    fn problems(spoil: impl FnOnce(&mut Layout)) -> Vec<String> {
        let (g, mut l) = family();
        spoil(&mut l);
        check(&g, &l, &LayoutOptions::default())
    }

    fn reports(found: &[String], start: &str) {
        assert!(
            found.iter().any(|m| m.starts_with(start)),
            "expected a problem starting {start:?}, found {found:?}"
        );
    }

    #[test]
    fn a_person_left_out_is_reported() {
        reports(&problems(|l| drop(l.people.pop())), "7 people placed, 8 in");
    }

    #[test]
    fn m2_a_person_off_their_generation_row_is_reported() {
        let found = problems(|l| {
            let i = at(l, "c");
            l.people[i].y += 3.0;
        });
        reports(&found, "M2: c is not on the row of generation 2");
    }

    #[test]
    fn m2_a_child_not_below_a_parent_is_reported() {
        // The children's row moved above the parents' row, everyone on it with it.
        let found = problems(|l| {
            let y = l.rows[0].y - 200.0;
            l.rows[1].y = y;
            for p in l.people.iter_mut().filter(|p| p.generation == 2) {
                p.y = y;
            }
        });
        reports(&found, "M2: c is not below their parent a");
    }

    #[test]
    fn m1_two_symbols_on_top_of_each_other_are_reported() {
        let found = problems(|l| {
            let (c, h) = (at(l, "c"), at(l, "h"));
            l.people[h].x = l.people[c].x + 1.0;
        });
        assert!(
            found
                .iter()
                .any(|m| m.starts_with("M1: ") && m.ends_with(" overlap")),
            "{found:?}"
        );
    }

    #[test]
    fn m1_labels_reaching_into_the_next_row_are_reported() {
        let found = problems(|l| {
            let a = at(l, "a");
            l.people[a].label_height = 1000.0;
        });
        reports(&found, "M1: labels of generation 1 reach into generation 2");
    }

    #[test]
    fn m5_a_line_through_a_symbol_is_reported() {
        let found = problems(|l| {
            let c = &l.people[at(l, "c")];
            let (x, y) = (c.x, c.y);
            let mut through = l.lines[0].clone();
            through.points = vec![[x - 100.0, y], [x + 100.0, y]];
            l.lines.push(through);
        });
        assert!(
            found
                .iter()
                .any(|m| m.starts_with("M5: ") && m.ends_with(" passes through c")),
            "{found:?}"
        );
    }

    #[test]
    fn m5_a_line_through_a_label_is_reported() {
        let found = problems(|l| {
            let c = &l.people[at(l, "c")];
            let (x, y) = (c.x, c.y + c.height / 2.0 + c.label_height / 2.0);
            let mut through = l.lines[0].clone();
            through.points = vec![[x - 5.0, y], [x + 5.0, y]];
            l.lines.push(through);
        });
        assert!(
            found
                .iter()
                .any(|m| m.starts_with("M5: ") && m.ends_with(" passes through c")),
            "{found:?}"
        );
    }

    #[test]
    fn m6_a_stranger_among_siblings_is_reported() {
        // h (of the other couple) trades places with c, the eldest of a and b's children.
        let found = problems(|l| {
            let (c, t1) = (at(l, "c"), at(l, "t1"));
            let h = at(l, "h");
            let (xc, xt) = (l.people[c].x, l.people[t1].x);
            l.people[h].x = (xc + xt) / 2.0;
        });
        reports(&found, "M6: h stands among the children of couple 1");
    }

    #[test]
    fn m8_a_person_between_twins_is_reported() {
        let found = problems(|l| {
            let (t1, t2, c) = (at(l, "t1"), at(l, "t2"), at(l, "c"));
            let (x1, x2) = (l.people[t1].x, l.people[t2].x);
            l.people[c].x = (x1 + x2) / 2.0;
        });
        reports(&found, "M8: c stands between twins");
    }

    #[test]
    fn m8_twins_from_two_points_are_reported() {
        let found = problems(|l| {
            let t2 = l.people[at(l, "t2")].person;
            let line = l
                .lines
                .iter_mut()
                .find(|x| x.kind == LineKind::Child && x.child == Some(t2))
                .expect("t2's line");
            line.points[0][0] += 7.0;
        });
        reports(
            &found,
            "M8: the twins of couple 1 do not hang from one point",
        );
    }

    #[test]
    fn m17_a_relationship_on_a_family_line_is_reported_by_check() {
        let found = problems(|l| {
            let partner = l
                .lines
                .iter()
                .find(|x| x.kind == LineKind::Partner)
                .expect("a partner line")
                .clone();
            let mut rel = partner;
            rel.kind = LineKind::Relationship;
            l.lines.push(rel);
        });
        reports(
            &found,
            "M17: the relationship line from a to b runs on the Partner line",
        );
    }

    fn line(kind: LineKind, points: Vec<[f64; 2]>) -> Line {
        Line {
            kind,
            from: "a".into(),
            to: "b".into(),
            points,
            couple: None,
            child: None,
            link: None,
            relationship: None,
            secondary: false,
        }
    }

    #[test]
    fn a_relationship_on_top_of_a_partner_or_descent_line_is_reported() {
        let mut l = Layout {
            width: 400.0,
            height: 400.0,
            people: Vec::new(),
            lines: vec![
                line(LineKind::Partner, vec![[20.0, 60.0], [80.0, 60.0]]),
                line(LineKind::Descent, vec![[50.0, 60.0], [50.0, 120.0]]),
            ],
            rows: Vec::new(),
            options: crate::layout::LayoutOptions::default(),
        };
        let mut out = Vec::new();
        // Crossing or just touching is fine.
        l.lines.push(line(
            LineKind::Relationship,
            vec![[20.0, 70.0], [80.0, 70.0]],
        ));
        l.lines.push(line(
            LineKind::Relationship,
            vec![[80.0, 60.0], [120.0, 60.0]],
        ));
        overlaps(&l, &mut out);
        assert!(out.is_empty(), "{out:?}");
        l.lines.push(line(
            LineKind::Relationship,
            vec![[30.0, 60.4], [70.0, 60.4]],
        ));
        l.lines.push(line(
            LineKind::Relationship,
            vec![[50.0, 100.0], [50.0, 200.0]],
        ));
        overlaps(&l, &mut out);
        assert_eq!(out.len(), 2, "{out:?}");
    }

    #[test]
    fn segments_touching_a_box_edge_do_not_cross_it() {
        let r = [0.0, 0.0, 40.0, 40.0];
        assert!(!crosses([40.0, 20.0], [100.0, 20.0], r));
        assert!(!crosses([20.0, -30.0], [20.0, 0.0], r));
        assert!(crosses([-10.0, 20.0], [100.0, 20.0], r));
        assert!(crosses([20.0, -30.0], [20.0, 10.0], r));
        assert!(!crosses([-10.0, 50.0], [100.0, 50.0], r));
    }
}
