//! How long the report takes on generated families of 1,000 to 100,000 people.
//!
//! The family is generated, loaded and built into a graph once per size, outside the
//! timed part; `analyse` times the analysis alone, `text` and `json` the analysis and
//! the formatting together.

use genogram::analysis::{self, AnalysisOptions};
use genogram::graph::FamilyGraph;

fn main() {
    divan::main();
}

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn family(people: usize) -> FamilyGraph {
    let text = genogram::generate::family_yaml(people, 42);
    genogram::load_str("generated.yaml", &text).expect("the generated family is valid")
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn analyse(bencher: divan::Bencher, people: usize) {
    let graph = family(people);
    let options = AnalysisOptions::default();
    bencher.bench(|| analysis::analyse(divan::black_box(&graph), &options));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn text(bencher: divan::Bencher, people: usize) {
    let graph = family(people);
    let options = AnalysisOptions::default();
    bencher
        .bench(|| analysis::text::render(&analysis::analyse(divan::black_box(&graph), &options)));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn json(bencher: divan::Bencher, people: usize) {
    let graph = family(people);
    let options = AnalysisOptions::default();
    bencher.bench(|| analysis::json(&analysis::analyse(divan::black_box(&graph), &options)));
}
