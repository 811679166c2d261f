//! What a therapist sees, pinned: every sample's drawing as a reviewed snapshot, and proof
//! that each drawing is well-formed XML that an independent SVG renderer draws.
//!
//! A change to the drawing fails here until its new snapshot is reviewed and accepted
//! (`cargo insta review`, or `INSTA_UPDATE=always cargo test` then read the diff).

use crate::util::{genogram, samples, stderr};

fn svg_of(args: &[&str]) -> String {
    let out = genogram(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn stem(sample: &std::path::Path) -> String {
    sample.file_stem().unwrap().to_string_lossy().into_owned()
}

#[test]
fn every_sample_drawing_matches_its_snapshot() {
    for sample in samples() {
        let svg = svg_of(&["render", sample.to_str().unwrap()]);
        insta::assert_snapshot!(format!("render-{}", stem(&sample)), svg);
    }
}

#[test]
fn trace_anonymised_and_page_modes_match_their_snapshots() {
    let s = "samples/intimacy-cycle.yaml";
    insta::assert_snapshot!(
        "render-intimacy-cycle-trace-openness",
        svg_of(&["render", s, "--trace", "openness"])
    );
    insta::assert_snapshot!(
        "render-blended-family-anonymized-a4",
        svg_of(&[
            "render",
            "samples/blended-family.yaml",
            "--anonymize",
            "--page",
            "a4"
        ])
    );
}

#[test]
fn every_drawing_is_well_formed_xml() {
    for sample in samples() {
        for extra in [&[][..], &["--trace", "openness", "--notes"][..]] {
            let mut args = vec!["render", sample.to_str().unwrap()];
            args.extend_from_slice(extra);
            let svg = svg_of(&args);
            let doc = roxmltree::Document::parse(&svg)
                .unwrap_or_else(|e| panic!("{}: not XML: {e}", sample.display()));
            let root = doc.root_element();
            assert_eq!(root.tag_name().name(), "svg");
            assert_eq!(
                root.tag_name().namespace(),
                Some("http://www.w3.org/2000/svg")
            );
            assert!(root.attribute("viewBox").is_some(), "{}", sample.display());
        }
    }
}

/// resvg, with its own default settings rather than the handout code's, draws every
/// sample: a viewer that follows the SVG specification accepts the file.
#[cfg(feature = "png")]
#[test]
fn an_independent_renderer_draws_every_sample() {
    use resvg::{tiny_skia, usvg};
    for sample in samples() {
        let svg = svg_of(&["render", sample.to_str().unwrap()]);
        let tree = usvg::Tree::from_str(&svg, &usvg::Options::default())
            .unwrap_or_else(|e| panic!("{}: resvg refuses it: {e}", sample.display()));
        let size = tree.size().to_int_size();
        assert!(size.width() > 300 && size.height() > 300, "{size:?}");
        let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
        resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        // Every person's symbol is drawn where the drawing puts it: dark pixels inside the
        // box of the person's first shape (the key alone would not satisfy this).
        let dark = |x: u32, y: u32| {
            pixmap
                .pixel(x, y)
                .is_some_and(|p| p.alpha() > 200 && p.red() < 80 && p.green() < 80 && p.blue() < 80)
        };
        let mut symbols = 0;
        let mut stack: Vec<&usvg::Group> = vec![tree.root()];
        while let Some(g) = stack.pop() {
            for node in g.children() {
                let usvg::Node::Group(child) = node else {
                    continue;
                };
                stack.push(child);
                if !child.id().starts_with("person-") {
                    continue;
                }
                let shape = child
                    .children()
                    .iter()
                    .find(|n| matches!(n, usvg::Node::Path(_)))
                    .unwrap_or_else(|| panic!("{}: {} has no shape", sample.display(), child.id()));
                let r = shape.abs_bounding_box();
                let (x0, y0) = (r.left().floor() as u32, r.top().floor() as u32);
                let (x1, y1) = (r.right().ceil() as u32, r.bottom().ceil() as u32);
                let inked = (y0..=y1)
                    .flat_map(|y| (x0..=x1).map(move |x| (x, y)))
                    .filter(|&(x, y)| dark(x, y))
                    .count();
                assert!(
                    inked >= 10,
                    "{}: the symbol of {} is not drawn ({inked} dark pixels in {r:?})",
                    sample.display(),
                    child.id()
                );
                symbols += 1;
            }
        }
        assert!(symbols >= 5, "{}: {symbols} symbols", sample.display());
    }
}
