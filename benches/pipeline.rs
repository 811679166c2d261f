//! The whole pipeline, stage by stage, on generated families of 1,000 and 10,000 people
//! (and 100,000 with `GENOGRAM_BENCH_100K=1`, which takes minutes):
//!
//! ```text
//! cargo bench --bench pipeline
//! GENOGRAM_BENCH_100K=1 cargo bench --bench pipeline
//! ```
//!
//! Each stage is timed alone, its input prepared once outside the timed part:
//! `load` (YAML text to the model, with every value's place), `validate` (cross-entry
//! rules), `graph` (the petgraph graph and generations), `analysis` (the report),
//! `layout`, `render` (the SVG text). `whole` times what `genogram render` does between
//! reading the file and writing the SVG: load, validate, graph, layout and render.
//! Peak memory of whole processes is measured by `bench/scale.sh`.

use genogram::analysis::{self, AnalysisOptions};
use genogram::diag::SourceFile;
use genogram::graph::FamilyGraph;
use genogram::layout::{Layout, LayoutOptions};
use genogram::render::RenderOptions;

fn main() {
    divan::main();
}

/// The sizes timed: 1k and 10k always, 100k on request.
fn sizes() -> Vec<usize> {
    let mut sizes = vec![1_000, 10_000];
    if std::env::var_os("GENOGRAM_BENCH_100K").is_some() {
        sizes.push(100_000);
    }
    sizes
}

fn source(people: usize) -> SourceFile {
    SourceFile::new(
        "generated.yaml",
        genogram::generate::family_yaml(people, 42),
    )
}

fn graph(people: usize) -> FamilyGraph {
    genogram::load_source(&source(people)).expect("the generated family is valid")
}

fn laid_out(people: usize) -> (FamilyGraph, Layout) {
    let graph = graph(people);
    let layout = genogram::layout::layout(&graph, &LayoutOptions::default());
    (graph, layout)
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn load(bencher: divan::Bencher, people: usize) {
    let source = source(people);
    bencher.bench_local(|| genogram::load::family(divan::black_box(&source)));
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn validate(bencher: divan::Bencher, people: usize) {
    let source = source(people);
    let family = genogram::load::family(&source).expect("the generated family loads");
    bencher
        .with_inputs(|| family.clone())
        .bench_local_values(|f| genogram::validate::validate(divan::black_box(f)));
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn graph_build(bencher: divan::Bencher, people: usize) {
    let source = source(people);
    let family = genogram::load::family(&source).expect("the generated family loads");
    let valid = genogram::validate::validate(family).expect("the generated family is valid");
    bencher
        .with_inputs(|| valid.clone())
        .bench_local_values(|v| FamilyGraph::build(divan::black_box(v)));
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn analyse(bencher: divan::Bencher, people: usize) {
    let graph = graph(people);
    let options = AnalysisOptions::default();
    bencher.bench_local(|| analysis::analyse(divan::black_box(&graph), &options));
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn layout(bencher: divan::Bencher, people: usize) {
    let graph = graph(people);
    let options = LayoutOptions::default();
    bencher.bench_local(|| genogram::layout::layout(divan::black_box(&graph), &options));
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn render(bencher: divan::Bencher, people: usize) {
    let (graph, layout) = laid_out(people);
    let options = RenderOptions::default();
    bencher.bench_local(|| genogram::render::svg(divan::black_box(&graph), &layout, &options));
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn whole(bencher: divan::Bencher, people: usize) {
    let source = source(people);
    bencher.bench_local(|| {
        let graph = genogram::load_source(divan::black_box(&source)).expect("valid");
        let layout = genogram::layout::layout(&graph, &LayoutOptions::default());
        genogram::render::svg(&graph, &layout, &RenderOptions::default())
    });
}
