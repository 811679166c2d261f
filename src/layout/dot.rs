//! The family in Graphviz DOT, in the "family point" encoding described in docs/layout.md
//! ("Why it works this way"; as Gramps and yFiles do it): a person node per person, a point node per couple on its
//! own rank, partner → couple and couple → child edges, secondary links (birth parents of
//! an adopted child) dashed and kept out of ranking. Nodes reserve the same width as this
//! engine (symbol or label, whichever is wider), so both engines are compared on equal
//! room. [`read_plain`] reads `dot -Tplain` back into person centres for
//! [`super::metrics::measure`].

use std::fmt::Write;

use super::{LayoutOptions, gather};
use crate::graph::FamilyGraph;
use crate::model::Sex;

/// Writes the DOT text of a family.
pub fn export(g: &FamilyGraph, o: &LayoutOptions) -> String {
    let f = gather::gather(g, o);
    let inch = |px: f64| format!("{:.4}", px / 72.0);
    let mut out = String::new();
    out.push_str("digraph family {\n");
    let _ = writeln!(
        out,
        "  graph [rankdir=TB, nodesep={}, ranksep={}, splines=false];",
        inch(o.sibling_gap),
        inch(o.min_line_space)
    );
    let _ = writeln!(
        out,
        "  node [label=\"\", fixedsize=true, height={}];",
        inch(o.symbol)
    );
    out.push_str("  edge [dir=none];\n");
    for p in 0..f.len() {
        let shape = match f.sex[p] {
            Sex::Male => "box",
            Sex::Female => "circle",
            _ => "diamond",
        };
        let _ = writeln!(
            out,
            "  {} [shape={shape}, width={}];",
            quote(&f.id[p]),
            inch(2.0 * f.half(p, o))
        );
    }
    for c in 0..f.partners.len() {
        let name = quote(&format!("couple-{}", c + 1));
        let _ = writeln!(out, "  {name} [shape=point, width=0.05];");
        for &p in &f.partners[c] {
            let _ = writeln!(out, "  {} -> {name};", quote(&f.id[p]));
        }
        // Children in birth order, as this engine orders them.
        for &k in &f.kids[c] {
            let _ = writeln!(out, "  {name} -> {};", quote(&f.id[k]));
        }
    }
    for k in 0..f.len() {
        for &(c, _) in &f.secondary[k] {
            let _ = writeln!(
                out,
                "  {} -> {} [style=dashed, constraint=false];",
                quote(&format!("couple-{}", c + 1)),
                quote(&f.id[k])
            );
        }
    }
    out.push_str("}\n");
    out
}

/// A DOT string: ids are letters, digits, `-` and `_`, but quote and escape anyway.
fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Reads the person centres (in pixels, y down) from `dot -Tplain` output of [`export`].
///
/// # Errors
///
/// A message naming the first person missing from the output, or a malformed line.
pub fn read_plain(g: &FamilyGraph, text: &str) -> Result<Vec<(f64, f64)>, String> {
    let mut xy: Vec<Option<(f64, f64)>> = vec![None; g.person_count()];
    for (i, line) in text.lines().enumerate() {
        let words = split_plain(line);
        if words.first().map(String::as_str) != Some("node") {
            continue;
        }
        let number = |k: usize| {
            words
                .get(k)
                .and_then(|w| w.parse::<f64>().ok())
                .ok_or_else(|| format!("line {}: not a number", i + 1))
        };
        let (x, y) = (number(2)?, number(3)?);
        if let Some(p) = g.find(&words[1]) {
            xy[p.0] = Some((x * 72.0, -y * 72.0));
        }
    }
    xy.iter()
        .enumerate()
        .map(|(p, v)| {
            v.ok_or_else(|| {
                format!(
                    "`{}` is missing from the dot output",
                    g.person(crate::graph::PersonIx(p)).id.value
                )
            })
        })
        .collect()
}

/// Reads the edges of `dot -Tplain` output of [`export`] as drawn lines (in pixels, y
/// down, through dot's own points), for [`super::metrics::drawn_crossings`].
///
/// # Errors
///
/// A message naming a malformed line.
pub fn read_plain_lines(
    g: &FamilyGraph,
    text: &str,
) -> Result<Vec<super::metrics::DrawnLine>, String> {
    let n = g.person_count();
    let node = |name: &str| {
        g.find(name).map(|p| p.0).or_else(|| {
            let c: usize = name.strip_prefix("couple-")?.parse().ok()?;
            Some(n + c.checked_sub(1)?)
        })
    };
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let words = split_plain(line);
        if words.first().map(String::as_str) != Some("edge") {
            continue;
        }
        let bad = || format!("line {}: not an edge of the export", i + 1);
        let number = |k: usize| {
            words
                .get(k)
                .and_then(|w| w.parse::<f64>().ok())
                .ok_or_else(bad)
        };
        let count = number(3)? as usize;
        let mut points = Vec::with_capacity(count);
        for k in 0..count {
            points.push([number(4 + 2 * k)? * 72.0, -number(5 + 2 * k)? * 72.0]);
        }
        let mut ends: Vec<usize> = [&words[1], &words[2]]
            .into_iter()
            .filter_map(|w| node(w))
            .collect();
        ends.sort_unstable();
        ends.dedup();
        out.push(super::metrics::DrawnLine { points, ends });
    }
    Ok(out)
}

/// Splits a line of plain output into words; quoted words lose their quotes.
fn split_plain(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            let mut w = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => w.extend(chars.next()),
                    '"' => break,
                    _ => w.push(c),
                }
            }
            out.push(w);
        } else {
            let mut w = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                w.push(c);
                chars.next();
            }
            out.push(w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_uses_family_points_and_reads_back_plain_output() {
        let g = crate::load_str(
            "t.yaml",
            "people: {a: {sex: male}, b: {sex: female}, c: {}, d: {}}\n\
             couples: [{partners: [a, b], children: [c, {id: d, link: adopted}]}, {partners: [c], children: [{id: d, link: biological}]}]\n",
        )
        .unwrap();
        let dot = export(&g, &LayoutOptions::default());
        assert!(dot.contains("\"a\" -> \"couple-1\";"));
        assert!(dot.contains("\"couple-1\" -> \"c\";"));
        assert!(dot.contains("\"couple-2\" -> \"d\" [style=dashed, constraint=false];"));
        assert!(dot.contains("\"couple-1\" [shape=point"));
        let plain = "graph 1 3 3\nnode a 0.5 2.5 0.5 0.5 \"\" solid box black lightgrey\n\
                     node \"b\" 1.5 2.5 0.5 0.5 \"\" solid circle black lightgrey\n\
                     node c 1 0.5 0.5 0.5 \"\" solid diamond black lightgrey\n\
                     node d 2 0.5 0.5 0.5 \"\" solid diamond black lightgrey\nstop\n";
        let xy = read_plain(&g, plain).unwrap();
        assert_eq!(xy[0], (36.0, -180.0));
        assert_eq!(xy[3], (144.0, -36.0));
        assert!(read_plain(&g, "node a 1 1 1 1\n").is_err());
    }
}
