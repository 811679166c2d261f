//! Fuzz target `pipeline`: any bytes through the whole of `genogram render`: decode,
//! load, analyse, lay out and draw, plainly, anonymised, and with the trace of each
//! declared skill.
//!
//! Beyond "no panic", it checks what a user relies on: the drawing is well-formed enough
//! to start and end as SVG, holds no raw control or direction-override character, and
//! drawing twice gives the same bytes.

#![no_main]

use genogram::analysis::{AnalysisOptions, analyse};
use genogram::layout::{LayoutOptions, layout};
use genogram::render::{RenderOptions, Trace, svg};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = genogram::load::text::decode(bytes) else {
        return;
    };
    let Ok(graph) = genogram::load_str("fuzz.yaml", &text) else {
        return;
    };
    let report = analyse(&graph, &AnalysisOptions::default());
    let placed = layout(&graph, &LayoutOptions::default());
    let plain = svg(&graph, &placed, &RenderOptions::default());
    check_svg(&plain);
    assert_eq!(
        plain,
        svg(&graph, &placed, &RenderOptions::default()),
        "deterministic"
    );
    let anonymous = svg(
        &graph,
        &placed,
        &RenderOptions {
            anonymize: true,
            ..RenderOptions::default()
        },
    );
    check_svg(&anonymous);
    let notes = svg(
        &graph,
        &placed,
        &RenderOptions {
            notes: true,
            ..RenderOptions::default()
        },
    );
    check_svg(&notes);
    for skill in &graph.family().skills {
        let name = &skill.name.value;
        let trace = Trace::from_report(&graph, &report, name);
        let traced = svg(
            &graph,
            &placed,
            &RenderOptions {
                trace: Some(trace),
                ..RenderOptions::default()
            },
        );
        check_svg(&traced);
    }
});

fn check_svg(s: &str) {
    assert!(s.starts_with("<?xml"), "starts as XML");
    assert!(s.trim_end().ends_with("</svg>"), "ends the SVG");
    assert!(
        !s.chars()
            .any(|c| c != '\n' && genogram::diag::is_unsafe_char(c)),
        "no raw control or direction-override character"
    );
}
