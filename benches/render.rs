//! How long drawing takes on generated families of 100 to 3,000 people (the size of the
//! largest real GEDCOM family in the test data).
//!
//! The family is generated, loaded, and laid out once per size, outside the timed part;
//! `svg` times the drawing alone, `svg_trace` the drawing with the `--trace` overlay.

use genogram::analysis::{self, AnalysisOptions};
use genogram::graph::FamilyGraph;
use genogram::layout::{Layout, LayoutOptions};
use genogram::render::{RenderOptions, Trace};

fn main() {
    divan::main();
}

const SIZES: [usize; 3] = [100, 1_000, 3_000];

fn family(people: usize) -> (FamilyGraph, Layout) {
    let text = genogram::generate::family_yaml(people, 42);
    let graph = genogram::load_str("generated.yaml", &text).expect("the generated family is valid");
    let layout = genogram::layout::layout(&graph, &LayoutOptions::default());
    (graph, layout)
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn svg(bencher: divan::Bencher, people: usize) {
    let (graph, layout) = family(people);
    let options = RenderOptions::default();
    bencher.bench(|| genogram::render::svg(divan::black_box(&graph), &layout, &options));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn svg_trace(bencher: divan::Bencher, people: usize) {
    let (graph, layout) = family(people);
    let skill = graph.family().skills[0].name.value.clone();
    let report = analysis::analyse(&graph, &AnalysisOptions::default());
    let options = RenderOptions {
        trace: Some(Trace::from_report(&graph, &report, &skill)),
        ..RenderOptions::default()
    };
    bencher.bench(|| genogram::render::svg(divan::black_box(&graph), &layout, &options));
}
