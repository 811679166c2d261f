//! Renderer tests on hand-built layouts: a simple grid placement with straight family
//! lines, enough to exercise every mark without the layout engine.

use crate::graph::{CoupleIx, FamilyGraph, PersonIx};
use crate::layout::{Layout, Line, LineKind, PlacedPerson, Row};

use super::*;

/// People on one row per generation, 120 px apart in file order; partner, descent,
/// sibship and child lines straight; relationships centre to centre.
pub(crate) fn grid_layout(g: &FamilyGraph) -> Layout {
    let mut count = vec![0usize; g.max_generation() as usize + 1];
    let mut people = Vec::new();
    for p in g.people() {
        let gen_ = g.generation(p);
        let i = count[gen_ as usize];
        count[gen_ as usize] += 1;
        people.push(PlacedPerson {
            person: p,
            id: g.person(p).id.value.clone(),
            x: 80.0 + 120.0 * i as f64,
            y: 60.0 + 160.0 * f64::from(gen_ - 1),
            width: 40.0,
            height: 40.0,
            generation: gen_,
            label_width: 104.0,
            label_height: 60.0,
            bbox: [
                28.0 + 120.0 * i as f64,
                60.0 + 160.0 * f64::from(gen_ - 1) - 40.0,
                132.0 + 120.0 * i as f64,
                60.0 + 160.0 * f64::from(gen_ - 1) + 80.0,
            ],
        });
    }
    let at = |p: PersonIx| {
        people
            .iter()
            .find(|pp| pp.person == p)
            .map(|pp| (pp.x, pp.y))
            .unwrap()
    };
    let mut lines = Vec::new();
    let line =
        |kind, from: String, to: String, points: Vec<[f64; 2]>, couple: Option<CoupleIx>| Line {
            kind,
            from,
            to,
            points,
            couple,
            child: None,
            link: None,
            relationship: None,
            secondary: false,
        };
    for c in g.couples() {
        let partners = g.partners(c);
        let cid = format!("couple-{}", c.0);
        let (mx, my) = if partners.len() == 2 {
            let (a, b) = (at(partners[0]), at(partners[1]));
            lines.push(line(
                LineKind::Partner,
                g.person(partners[0]).id.value.clone(),
                g.person(partners[1]).id.value.clone(),
                vec![[a.0 + 20.0, a.1], [b.0 - 20.0, b.1]],
                Some(c),
            ));
            ((a.0 + b.0) / 2.0, a.1)
        } else {
            let a = at(partners[0]);
            (a.0, a.1 + 20.0)
        };
        let children = g.children(c);
        if children.is_empty() {
            continue;
        }
        let sib_y = my + 80.0;
        lines.push(line(
            LineKind::Descent,
            cid.clone(),
            cid.clone(),
            vec![[mx, my], [mx, sib_y]],
            Some(c),
        ));
        let xs: Vec<f64> = children.iter().map(|&(k, _)| at(k).0).collect();
        let (lo, hi) = xs
            .iter()
            .fold((mx, mx), |(lo, hi), &x| (lo.min(x), hi.max(x)));
        lines.push(line(
            LineKind::Sibship,
            cid.clone(),
            cid.clone(),
            vec![[lo, sib_y], [hi, sib_y]],
            Some(c),
        ));
        for &(k, link) in &children {
            let (x, y) = at(k);
            let mut l = line(
                LineKind::Child,
                cid.clone(),
                g.person(k).id.value.clone(),
                vec![[x, sib_y], [x, y - 20.0]],
                Some(c),
            );
            l.child = Some(k);
            l.link = Some(link);
            lines.push(l);
        }
    }
    for (r, rel) in g.family().relationships.iter().enumerate() {
        let (a, b) = (
            at(g.find(&rel.a.value).unwrap()),
            at(g.find(&rel.b.value).unwrap()),
        );
        let mut l = line(
            LineKind::Relationship,
            rel.a.value.clone(),
            rel.b.value.clone(),
            vec![[a.0, a.1], [b.0, b.1]],
            None,
        );
        l.relationship = Some(r);
        lines.push(l);
    }
    let rows = (1..=g.max_generation())
        .map(|gen_| Row {
            generation: gen_,
            y: 60.0 + 160.0 * f64::from(gen_ - 1),
        })
        .collect();
    let width = 80.0 + 120.0 * count.iter().copied().max().unwrap_or(1) as f64;
    Layout {
        width,
        height: 60.0 + 160.0 * f64::from(g.max_generation()),
        people,
        lines,
        rows,
        options: crate::layout::LayoutOptions::default(),
    }
}

/// The words of the key, as a reader reads them: tags left out, wrapped lines joined.
pub(crate) fn legend_words(svg: &str) -> String {
    let legend = &svg[svg.find("id=\"legend\"").unwrap()..];
    let mut words = String::new();
    let mut in_tag = false;
    for c in legend.chars() {
        match c {
            '<' => {
                in_tag = true;
                words.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => words.push(c),
            _ => {}
        }
    }
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) const FAMILY: &str = "\
title: The <Test> & \"Family\"
index: kid1
skills:
  openness: Shares
  honesty: Does not deceive
people:
  dad: {name: Dad Doe, sex: male, born: 1950, died: 2010, occupation: baker, location: Springfield, conditions: [alcohol, illness]}
  mom: {name: \"Mom <script>&\\\"'\", sex: female, born: 1952, notes: secret note, conditions: [gambling]}
  kid1: {name: Kid One, sex: female, born: 1980, skills: {openness: strong, honesty: some}}
  kid2: {name: Kid Two, sex: female, born: 1980, skills: {openness: none}}
  kid3: {name: Kid Three, gender: nonbinary, born: 1985}
  loss: {kind: miscarriage, born: 1983}
couples:
  - partners: [dad, mom]
    married: 1975
    divorced: 1990
    children:
      - {twins: [kid1, kid2], identical: true}
      - {id: kid3, link: adopted}
      - loss
relationships:
  - {between: [dad, mom], kind: conflict}
  - {between: [dad, mom], kind: close}
  - {from: mom, to: kid3, kind: focused-on}
  - {between: [kid1, kid2], kind: cutoff}
";

fn family() -> FamilyGraph {
    crate::load_str("test.yaml", FAMILY).unwrap()
}

fn render(opts: &RenderOptions) -> String {
    let g = family();
    let l = grid_layout(&g);
    svg(&g, &l, opts)
}

#[test]
fn every_person_is_a_titled_group() {
    let out = render(&RenderOptions::default());
    for id in ["dad", "mom", "kid1", "kid2", "kid3", "loss"] {
        assert!(out.contains(&format!("id=\"person-{id}\"")), "{id} missing");
        let at = out.find(&format!("id=\"person-{id}\"")).unwrap();
        let after = &out[at..];
        assert!(
            after.split_once('\n').unwrap().1.starts_with("<title>"),
            "{id} has no title"
        );
    }
    assert!(out.contains("id=\"couple-1\""));
    assert!(out.contains("id=\"relationship-3\""));
    assert!(out.contains("id=\"legend\""));
}

#[test]
fn user_text_is_escaped() {
    let out = render(&RenderOptions::default());
    assert!(!out.contains("<script"));
    assert!(out.contains("Mom &lt;script&gt;&amp;\"'"));
    assert!(out.contains("The &lt;Test&gt; &amp; \"Family\""));
}

#[test]
fn output_is_deterministic() {
    assert_eq!(
        render(&RenderOptions::default()),
        render(&RenderOptions::default())
    );
}

#[test]
fn notation_marks_are_drawn() {
    let out = render(&RenderOptions::default());
    // Twins: identical bar; adoption: brackets and a dashed line; divorce: slashes.
    assert!(out.contains("class=\"twin-bar\""));
    assert!(out.contains("class=\"bracket\""));
    assert!(out.contains("line child child-adopted"));
    assert!(out.contains("class=\"slash\""));
    assert!(out.contains("m. 1975, d. 1990"));
    // Three quarters: illness left half plus substance lower right, each a filled path
    // of its own (the style sheet names `fill-solid` whatever is drawn).
    let filled = |region| {
        [
            symbols::Shape::Square,
            symbols::Shape::Circle,
            symbols::Shape::Diamond,
        ]
        .into_iter()
        .any(|shape| {
            out.contains(&format!(
                "<path class=\"fill-solid\" d=\"{}\"/>",
                symbols::region_d(shape, region, 20.0)
            ))
        })
    };
    assert!(filled(symbols::Region::Left), "no left half filled");
    assert!(
        filled(symbols::Region::LowerRight),
        "no lower right quarter filled"
    );
    // Other condition as a badge.
    assert!(out.contains("<title>gambling</title>"));
    // Age at death inside.
    assert!(out.contains(">60</text>") || out.contains(">\n60\n</text>"));
}

#[test]
fn legend_lists_only_what_is_drawn() {
    // The compact key, in its few words.
    let compact = legend_words(&render(&RenderOptions::default()));
    for drawn in ["identical twins", "adopted", "miscarriage", "cut off"] {
        assert!(compact.contains(drawn), "{drawn}: {compact}");
    }
    for not in [
        "foster",
        "stillbirth",
        "fraternal",
        "engaged",
        "sexual abuse",
    ] {
        assert!(!compact.contains(not), "{not}: {compact}");
    }
    // The full key, in its sentences.
    let out = render(&RenderOptions {
        key: super::Key::Full,
        ..RenderOptions::default()
    });
    let legend = &legend_words(&out);
    assert!(legend.contains("identical twins"));
    assert!(legend.contains("adopted child"));
    assert!(legend.contains("miscarriage"));
    assert!(legend.contains("cut off"));
    assert!(!legend.contains("foster child"));
    assert!(!legend.contains("stillbirth"));
    assert!(!legend.contains("fraternal twins"));
    assert!(!legend.contains("living together, not married"));
    assert!(!legend.contains("sexual abuse"));
}

#[test]
fn anonymized_output_has_no_input_text() {
    let opts = RenderOptions {
        anonymize: true,
        notes: true,
        ..RenderOptions::default()
    };
    let out = render(&opts);
    for word in [
        "Dad",
        "Mom",
        "Kid",
        "baker",
        "Springfield",
        "secret",
        "Test",
        "1950",
        "1975",
        "person-dad",
    ] {
        assert!(!out.contains(word), "{word} leaked");
    }
    assert!(out.contains("II-1"));
}

#[test]
fn notes_only_on_request() {
    assert!(!render(&RenderOptions::default()).contains("secret note"));
    let out = render(&RenderOptions {
        notes: true,
        ..RenderOptions::default()
    });
    assert!(out.contains("secret note"));
    assert!(out.contains("id=\"notes\""));
}

#[test]
fn a4_page() {
    let out = render(&RenderOptions {
        page: Page::A4,
        ..RenderOptions::default()
    });
    assert!(out.contains("width=\"210mm\""));
    assert!(out.contains("height=\"297mm\""));
}

#[test]
fn trace_overlay_styles_links_and_badges() {
    let g = family();
    let l = grid_layout(&g);
    let p = |id: &str| g.find(id).unwrap();
    let trace = Trace {
        skill: "openness".into(),
        links: vec![
            TraceLink {
                caregiver: p("dad"),
                child: p("kid1"),
                transmission: Transmission::Gained,
            },
            TraceLink {
                caregiver: p("mom"),
                child: p("kid1"),
                transmission: Transmission::Passed,
            },
            TraceLink {
                caregiver: p("mom"),
                child: p("kid2"),
                transmission: Transmission::NotPassed,
            },
        ],
        breakers: vec![trace::Breaker {
            person: p("kid1"),
            source: Some(crate::model::OpenWord::Known(
                crate::model::KnownSource::GroupTherapy,
            )),
        }],
        absence_chain: vec![p("dad"), p("kid2")],
    };
    let out = svg(
        &g,
        &l,
        &RenderOptions {
            trace: Some(trace),
            ..RenderOptions::default()
        },
    );
    assert!(out.contains("trace trace-passed"));
    assert!(out.contains("trace trace-not-passed"));
    assert!(out.contains("trace trace-gained"));
    assert!(!out.contains("trace trace-absent"));
    assert!(out.contains("learned it from group therapy"));
    assert!(out.contains("id=\"trace-absence-chain\""));
}

#[test]
fn years_move_under_the_name_when_a_line_runs_above_the_symbol() {
    let g = family();
    let mut l = grid_layout(&g);
    let plain = svg(&g, &l, &RenderOptions::default());
    assert!(plain.contains(">1950–<") || plain.contains(">\n1950–\n<"));
    // A raised partner line right through the place of dad's years.
    let dad = l.people.iter().find(|p| p.id == "dad").unwrap();
    let y = dad.y - 20.0 - 9.0;
    let (x0, x1) = (dad.x - 60.0, dad.x + 60.0);
    l.lines.push(Line {
        kind: LineKind::Partner,
        from: "a".into(),
        to: "b".into(),
        points: vec![[x0, y], [x1, y]],
        couple: None,
        child: None,
        link: None,
        relationship: None,
        secondary: false,
    });
    let moved = svg(&g, &l, &RenderOptions::default());
    assert!(moved.contains("1950–2010"));
    assert!(!moved.contains(">1950–<"));
}

#[test]
fn a_long_title_is_cut_to_the_width_of_the_drawing() {
    let text = format!(
        "title: {}\npeople:\n  a: {{sex: male}}\n",
        "Very long title ".repeat(40)
    );
    let g = crate::load_str("t.yaml", &text).unwrap();
    let l = grid_layout(&g);
    let out = svg(&g, &l, &RenderOptions::default());
    let title = out.split("class=\"title\"").nth(1).unwrap();
    let shown = title.split("</text>").next().unwrap();
    assert!(shown.contains('…'));
    assert!(shown.chars().count() < 200);
}

#[test]
fn step_links_are_thin_dashed_lines_named_in_the_key() {
    let text = std::fs::read_to_string("samples/blended-family.yaml").unwrap();
    let g = crate::load_str("blended-family.yaml", &text).unwrap();
    let l = crate::layout::layout(&g, &crate::layout::LayoutOptions::default());
    let out = svg(&g, &l, &RenderOptions::default());
    assert!(out.contains("line child child-birth child-step"));
    let compact = legend_words(&out);
    assert!(compact.contains("step-child") && !compact.contains("birth parents"));
    let out = svg(
        &g,
        &l,
        &RenderOptions {
            key: super::Key::Full,
            ..RenderOptions::default()
        },
    );
    let legend = &legend_words(&out);
    assert!(legend.contains("step-child,") && legend.contains("lives with this couple"));
    // No adopted child there: the birth-parents wording would mislead.
    assert!(!legend.contains("birth parents"));
}

/// The drawing is cut into pieces drawn on several threads for large families: the text
/// must be the same whatever the number of threads and the size of the pieces, with every
/// kind of part (couples, relationships, people, the trace overlay, notes).
#[test]
fn output_does_not_depend_on_threads_or_pieces() {
    use crate::analysis::{self, AnalysisOptions};
    use crate::generate::{GenerateOptions, family_yaml_with};
    use drawing::Split;

    let yaml = family_yaml_with(
        300,
        11,
        &GenerateOptions {
            relationships: 40,
            ..GenerateOptions::default()
        },
    );
    let g = crate::load_str("generated.yaml", &yaml).unwrap();
    let l = crate::layout::layout(&g, &crate::layout::LayoutOptions::default());
    let options = AnalysisOptions {
        skills: vec!["openness".into()],
        ..AnalysisOptions::default()
    };
    let report = analysis::analyse(&g, &options);
    let traced = RenderOptions {
        trace: Some(Trace::from_report(&g, &report, "openness")),
        notes: true,
        ..RenderOptions::default()
    };
    let anonymized = RenderOptions {
        anonymize: true,
        ..RenderOptions::default()
    };
    for opts in [RenderOptions::default(), traced, anonymized] {
        let one = svg_split(
            &g,
            &l,
            &opts,
            Split {
                threads: 1,
                chunk: usize::MAX,
            },
        )
        .concat();
        assert!(one.contains("id=\"relationship-40\""));
        assert!(one.contains("id=\"couple-1\""));
        for (threads, chunk) in [(1, 1), (2, 1), (3, 7), (4, 64), (2, usize::MAX)] {
            let split = Split { threads, chunk };
            assert_eq!(
                svg_split(&g, &l, &opts, split).concat(),
                one,
                "{threads} threads, {chunk} per piece"
            );
        }
        assert_eq!(svg(&g, &l, &opts), one);
    }
}

/// A stillbirth of unknown sex is a small diamond with an X reaching past its sides, and
/// the key shows that diamond, not a square.
#[test]
fn the_key_shows_the_stillbirths_own_shape() {
    let g = crate::load_str(
        "s.yaml",
        "people:\n  m: {sex: female}\n  f: {sex: male}\n  s: {kind: stillbirth, born: 1990}\ncouples:\n  - partners: [f, m]\n    children: [s]\n",
    )
    .unwrap();
    let l = crate::layout::layout(&g, &crate::layout::LayoutOptions::default());
    let out = svg(&g, &l, &RenderOptions::default());
    let legend = &out[out.find("id=\"legend\"").unwrap()..];
    let diamond = super::symbols::outline_d(super::symbols::Shape::Diamond, 7.0);
    let square = super::symbols::outline_d(super::symbols::Shape::Square, 7.0);
    assert!(legend.contains(&diamond), "{legend}");
    assert!(!legend.contains(&square));
    // In the drawing: the X reaches past the diamond (half-size 10) on both axes.
    let person = &out[out.find("id=\"person-s\"").unwrap()..];
    assert!(person.contains("d=\"M-12.5,-12.5L12.5,12.5M12.5,-12.5L-12.5,12.5\""));
}

/// The age at death sits on a white plate drawn after the X, so the X never runs
/// through the digits.
#[test]
fn the_age_at_death_is_on_a_plate_over_the_x() {
    let out = render(&RenderOptions::default());
    let mut ages = 0;
    for (i, _) in out.match_indices("class=\"age\"") {
        let before = &out[..i];
        let plate = before.rfind("class=\"age-plate\"").expect("a plate");
        let cross = before.rfind("class=\"mark\"").expect("the X");
        assert!(cross < plate, "the plate comes after the X");
        ages += 1;
    }
    assert!(ages > 0);
}

/// The key's frame and the whole picture, as (key area, picture area).
fn key_share(out: &str) -> f64 {
    let attr = |s: &str, name: &str| -> f64 {
        let i = s.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        s[i..i + s[i..].find('"').unwrap()].parse().unwrap()
    };
    let root = &out[out.find("<svg").unwrap()..];
    let picture = attr(root, "width") * attr(root, "height");
    let legend = &out[out.find("id=\"legend\"").unwrap()..];
    let frame = &legend[legend.find("class=\"legend-frame\"").unwrap() - 6..];
    attr(frame, "width") * attr(frame, "height") / picture
}

/// The compact key (the default) takes at most a fifth of the picture on every sample,
/// leaves out square, circle and marriage, and says the rest in a few words; the full
/// key explains every mark; `Key::None` draws none.
#[test]
fn the_compact_key_takes_at_most_a_fifth_of_the_picture() {
    let mut files: Vec<_> = std::fs::read_dir("samples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let g = crate::load_str("s.yaml", &text).unwrap();
        let l = crate::layout::layout(&g, &crate::layout::LayoutOptions::default());
        let compact = svg(&g, &l, &RenderOptions::default());
        let share = key_share(&compact);
        assert!(share <= 0.2, "{}: the key takes {share:.3}", path.display());
        let words = legend_words(&compact);
        assert!(!words.contains("woman"), "{words}");
        assert!(!words.contains("married,") || words.contains("m. married"));
        let full = svg(
            &g,
            &l,
            &RenderOptions {
                key: super::Key::Full,
                ..RenderOptions::default()
            },
        );
        assert!(legend_words(&full).contains("woman (or female, when no gender is given)"));
        assert!(key_share(&full) > share);
        let none = svg(
            &g,
            &l,
            &RenderOptions {
                key: super::Key::None,
                ..RenderOptions::default()
            },
        );
        assert!(!none.contains("id=\"legend\""));
        assert!(none.len() < compact.len());
    }
}

/// The polylines of a path's data (`M`, `L`, `H` and `V`, absolute), one per `M`.
fn polylines(d: &str) -> Vec<Vec<[f64; 2]>> {
    let mut out: Vec<Vec<[f64; 2]>> = Vec::new();
    let mut at = [0.0, 0.0];
    let starts: Vec<usize> = d.match_indices(['M', 'L', 'H', 'V']).map(|m| m.0).collect();
    for (k, &i) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(d.len());
        let nums: Vec<f64> = d[i + 1..end]
            .split([',', ' '])
            .filter(|v| !v.is_empty())
            .map(|v| v.parse().unwrap())
            .collect();
        match &d[i..=i] {
            "M" => {
                at = [nums[0], nums[1]];
                out.push(vec![at]);
                continue;
            }
            "L" => at = [nums[0], nums[1]],
            "H" => at[0] = nums[0],
            _ => at[1] = nums[0],
        }
        out.last_mut().unwrap().push(at);
    }
    out
}

#[test]
fn no_partner_line_or_slash_runs_through_a_couples_dates() {
    use crate::layout::font::{Face, width};
    use crate::layout::labels::{ASCENT, DESCENT};
    for file in [
        "tests/fixtures/layout/star-five-partners.yaml",
        "samples/blended-family.yaml",
    ] {
        let text = std::fs::read_to_string(file).unwrap();
        let g = crate::load_str(file, &text).unwrap();
        let l = crate::layout::layout(&g, &crate::layout::LayoutOptions::default());
        let whole = svg(&g, &l, &RenderOptions::default());
        // The drawing, without the key (its samples are drawn in their own places).
        let out = whole.split("id=\"legend\"").next().unwrap();
        let attr = |tag: &str, name: &str| -> Option<String> {
            let v = tag.split(&format!(" {name}=\"")).nth(1)?;
            Some(v[..v.find('"')?].to_string())
        };
        // The box of every couple's dates, a pixel inside its text's (half a pixel here,
        // the other half in `crosses`).
        let mut boxes = Vec::new();
        for piece in out.split("<text class=\"couple-date").skip(1) {
            let (tag, rest) = piece.split_once('>').unwrap();
            let words = rest.split("</text>").next().unwrap().trim();
            let size = if tag.contains("couple-date-short") {
                9.0
            } else {
                11.0
            };
            let (x, y): (f64, f64) = (
                attr(tag, "x").unwrap().parse().unwrap(),
                attr(tag, "y").unwrap().parse().unwrap(),
            );
            let w = width(&words.replace("&apos;", "'"), size, Face::Regular) / 2.0;
            boxes.push((
                words.to_string(),
                [
                    x - w + 0.5,
                    y - size * ASCENT + 0.5,
                    x + w - 0.5,
                    y + size * DESCENT - 0.5,
                ],
            ));
        }
        assert!(boxes.len() >= 4, "{file}: {} dates", boxes.len());
        let mut hits = Vec::new();
        for piece in out.split("<path class=\"").skip(1) {
            let class = &piece[..piece.find('"').unwrap()];
            if !(class.starts_with("line partner") || class == "slash") {
                continue;
            }
            let d = attr(&format!(" {piece}"), "d").unwrap();
            for line in polylines(&d) {
                for seg in line.windows(2) {
                    for (words, bx) in &boxes {
                        if crate::layout::verify::crosses(seg[0], seg[1], *bx) {
                            hits.push(format!("{class} {seg:?} through {words:?}"));
                        }
                    }
                }
            }
        }
        assert!(hits.is_empty(), "{file}: {hits:#?}");
    }
}
