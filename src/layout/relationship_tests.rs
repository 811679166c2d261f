//! The relationship lines of every sample and of random families: each has its own end on
//! each symbol and its own lane (no stretch shared with another line), and none runs
//! through a symbol or the label lines of anyone.

use super::verify::crosses;
use super::{Layout, LayoutOptions, LineKind};

type Seg = ([f64; 2], [f64; 2]);

fn segments(points: &[[f64; 2]]) -> Vec<Seg> {
    points
        .windows(2)
        .map(|w| (w[0], w[1]))
        .filter(|(a, b)| (a[0] - b[0]).abs() + (a[1] - b[1]).abs() > 1e-9)
        .collect()
}

/// The length two axis-parallel segments run along each other closer than `near`.
fn shared(a: Seg, b: Seg, near: f64) -> f64 {
    let horiz = |s: Seg| (s.0[1] - s.1[1]).abs() < 1e-9;
    let vert = |s: Seg| (s.0[0] - s.1[0]).abs() < 1e-9;
    let overlap = |a0: f64, a1: f64, b0: f64, b1: f64| {
        (a0.max(a1).min(b0.max(b1)) - a0.min(a1).max(b0.min(b1))).max(0.0)
    };
    if horiz(a) && horiz(b) && (a.0[1] - b.0[1]).abs() < near {
        overlap(a.0[0], a.1[0], b.0[0], b.1[0])
    } else if vert(a) && vert(b) && (a.0[0] - b.0[0]).abs() < near {
        overlap(a.0[1], a.1[1], b.0[1], b.1[1])
    } else {
        0.0
    }
}

/// Everything wrong with the relationship lines of a layout, in words.
pub(crate) fn problems(l: &Layout) -> Vec<String> {
    let s = l.options.symbol / 2.0;
    let rels: Vec<_> = l
        .lines
        .iter()
        .filter(|x| x.kind == LineKind::Relationship)
        .collect();
    let mut out = Vec::new();
    let name = |x: &super::Line| format!("{}–{}", x.from, x.to);
    for (i, a) in rels.iter().enumerate() {
        for b in &rels[i + 1..] {
            for pa in [a.points[0], a.points[a.points.len() - 1]] {
                for pb in [b.points[0], b.points[b.points.len() - 1]] {
                    if (pa[0] - pb[0]).hypot(pa[1] - pb[1]) < 3.0 {
                        out.push(format!(
                            "{} and {} end at one point {pa:?}",
                            name(a),
                            name(b)
                        ));
                    }
                }
            }
        }
    }
    for a in &rels {
        for b in &l.lines {
            if std::ptr::eq(*a, b) {
                continue;
            }
            for sa in segments(&a.points) {
                for sb in segments(&b.points) {
                    let len = shared(sa, sb, 3.0);
                    if len > 2.0 {
                        out.push(format!(
                            "{} runs along the {:?} line {}–{} for {len:.0} px ({sa:?} {sb:?})",
                            name(a),
                            b.kind,
                            b.from,
                            b.to
                        ));
                    }
                }
            }
        }
        for pp in &l.people {
            let own = pp.id == a.from || pp.id == a.to;
            let symbol = [pp.x - s, pp.y - s, pp.x + s, pp.y + s];
            let label = [
                pp.x - pp.label_width / 2.0,
                pp.y + s + l.options.label_pad,
                pp.x + pp.label_width / 2.0,
                pp.y + s + pp.label_height,
            ];
            for sa in segments(&a.points) {
                if (!own && crosses(sa.0, sa.1, symbol)) || crosses(sa.0, sa.1, label) {
                    out.push(format!("{} runs through {}", name(a), pp.id));
                    break;
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn check(name: &str, yaml: &str) -> Vec<String> {
    let g = crate::load_str(name, yaml).unwrap();
    let l = super::layout(&g, &LayoutOptions::default());
    problems(&l)
        .into_iter()
        .map(|p| format!("{name}: {p}"))
        .collect()
}

#[test]
fn relationship_lines_have_their_own_ends_and_lanes_and_cross_no_one() {
    let mut files: Vec<_> = std::fs::read_dir("samples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5);
    let mut bad = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        bad.extend(check(&path.display().to_string(), &text));
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn relationship_lines_of_random_families_have_their_own_ends_and_lanes() {
    let mut bad = Vec::new();
    for seed in 0..10 {
        let options = crate::generate::GenerateOptions {
            relationships: 12,
            ..crate::generate::GenerateOptions::default()
        };
        let yaml = crate::generate::family_yaml_with(40 + 5 * seed as usize, seed, &options);
        bad.extend(check(&format!("random-{seed}"), &yaml));
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
