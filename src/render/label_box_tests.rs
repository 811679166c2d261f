//! Every text drawn for a person lies inside the box the layout gives that person
//! (`"box"` in `genogram layout`), measured with the label model's font metrics, on every
//! sample and on random families: layout and renderer share one label model.

use crate::layout::font::{self, Face};
use crate::layout::labels::{ASCENT, DESCENT};
use crate::layout::{Layout, LayoutOptions};

use super::{GENERATION_COLUMN, RenderOptions, TITLE_BAND, svg};

/// A text's extent from its class, anchor point and content: `[x0, y0, x1, y1]`.
fn text_extent(class: &str, x: f64, y: f64, content: &str) -> Option<[f64; 4]> {
    let has = |c: &str| class.split(' ').any(|k| k == c);
    // (size, face, anchor: -1 end / 0 middle / 1 start, central baseline)
    let (size, face, anchor, central) = if has("name") {
        (12.0, Face::Bold, 0, false)
    } else if has("detail") {
        (11.0, Face::Regular, 0, false)
    } else if has("year-born") {
        (11.0, Face::Regular, -1, false)
    } else if has("year-died") {
        (11.0, Face::Regular, 1, false)
    } else if has("age") {
        (12.0, Face::Bold, 0, true)
    } else if has("skill-letter") {
        (9.0, Face::Bold, -1, true)
    } else if has("skill-q") {
        (8.0, Face::Regular, 0, true)
    } else if class.is_empty() {
        // A badge's initials.
        (9.0, Face::Bold, 0, true)
    } else {
        return None;
    };
    let w = font::width(content, size, face);
    let x0 = match anchor {
        -1 => x - w,
        0 => x - w / 2.0,
        _ => x,
    };
    let (y0, y1) = if central {
        (y - size / 2.0, y + size / 2.0)
    } else {
        (y - ASCENT * size, y + DESCENT * size)
    };
    Some([x0, y0, x0 + w, y1])
}

/// The texts of each person group, in drawing coordinates, with the layout's box:
/// every text outside its box, as a message.
fn texts_outside_boxes(svg_text: &str, layout: &Layout) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg_text).expect("the drawing is XML");
    let mut boxes = std::collections::BTreeMap::new();
    for pp in &layout.people {
        boxes.insert(pp.id.clone(), pp);
    }
    let mut bad = Vec::new();
    let mut seen = 0;
    for g in doc.descendants().filter(|n| {
        n.has_tag_name("g")
            && n.attribute("class")
                .is_some_and(|c| c.split(' ').any(|k| k == "person"))
    }) {
        let id = g.attribute("id").unwrap_or_default();
        let title = g
            .children()
            .find(|c| c.has_tag_name("title"))
            .and_then(|t| t.text())
            .unwrap_or_default();
        let transform = g.attribute("transform").unwrap_or_default();
        let inner = transform
            .trim_start_matches("translate(")
            .trim_end_matches(')');
        let mut it = inner.split([' ', ',']).filter(|s| !s.is_empty());
        let tx: f64 = it.next().unwrap().parse().unwrap();
        let ty: f64 = it.next().unwrap().parse().unwrap();
        let pp = layout
            .people
            .iter()
            .find(|pp| (pp.x - tx).abs() < 1e-6 && (pp.y - ty).abs() < 1e-6)
            .unwrap_or_else(|| panic!("no placed person at {tx},{ty} ({id})"));
        seen += 1;
        let [bx0, by0, bx1, by1] = pp.bbox;
        for t in g.descendants().filter(|n| n.has_tag_name("text")) {
            let class = t.attribute("class").unwrap_or_default();
            let x: f64 = t.attribute("x").unwrap().parse().unwrap();
            let y: f64 = t.attribute("y").unwrap().parse().unwrap();
            let content = t.text().unwrap_or_default().trim();
            let Some([x0, y0, x1, y1]) = text_extent(class, x, y, content) else {
                bad.push(format!("{id}: text of unknown class {class:?}"));
                continue;
            };
            let (x0, y0, x1, y1) = (x0 + tx, y0 + ty, x1 + tx, y1 + ty);
            let e = 0.02;
            if x0 < bx0 - e || x1 > bx1 + e || y0 < by0 - e || y1 > by1 + e {
                bad.push(format!(
                    "{id} ({title}): {class} {content:?} at [{x0:.2}, {y0:.2}, {x1:.2}, {y1:.2}] outside [{bx0}, {by0}, {bx1}, {by1}]"
                ));
            }
        }
    }
    assert_eq!(seen, layout.people.len(), "every person drawn once");
    let _ = (GENERATION_COLUMN, TITLE_BAND);
    bad
}

fn check(name: &str, yaml: &str, opts: &RenderOptions) {
    let g = crate::load_str(name, yaml).unwrap();
    let lo = LayoutOptions {
        notes: opts.notes && !opts.anonymize,
        ..LayoutOptions::default()
    };
    let l = crate::layout::layout(&g, &lo);
    let out = svg(&g, &l, opts);
    let bad = texts_outside_boxes(&out, &l);
    assert!(bad.is_empty(), "{name}: {}", bad.join("\n"));
}

#[test]
fn every_text_is_inside_its_persons_box_on_every_sample() {
    let mut n = 0;
    let mut files: Vec<_> = std::fs::read_dir("samples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.display().to_string();
        for opts in [
            RenderOptions::default(),
            RenderOptions {
                notes: true,
                ..RenderOptions::default()
            },
            RenderOptions {
                anonymize: true,
                ..RenderOptions::default()
            },
        ] {
            check(&name, &text, &opts);
        }
        n += 1;
    }
    assert_eq!(n, 5, "the five samples");
}

#[test]
fn every_text_is_inside_its_persons_box_on_random_families() {
    for seed in 0..12 {
        let yaml = crate::generate::family_yaml(30 + 7 * seed as usize, seed);
        check(&format!("random-{seed}"), &yaml, &RenderOptions::default());
    }
    // Long names, occupations and places, and conditions drawn as badges.
    let yaml = "people:\n  a: {name: Maria Josefina Anastasia von Habsburg-Lothringen und Bourbon-Parma, sex: female, born: 1901, died: 1988, occupation: Oberstudienrätin für Latein und Griechisch am Gymnasium, location: Innsbruck, conditions: [gambling, diabetes, alcohol]}\n  b: {name: Bo, sex: male, born: 1899, location: Supercalifragilisticexpialidocious-on-the-Marsh}\n  c: {name: 李小龙, sex: male, born: 1940, died: 1973}\ncouples:\n  - partners: [a, b]\n    children: [c]\n";
    check("long.yaml", yaml, &RenderOptions::default());
}
