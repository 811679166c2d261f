//! Layout time on random families of 1k, 10k and 100k people (release build):
//! `cargo bench --bench layout`. Loading is done once, outside the timed part.

use genogram::graph::FamilyGraph;
use genogram::layout::{LayoutOptions, layout};

fn main() {
    divan::main();
}

fn family(people: usize) -> FamilyGraph {
    let text = genogram::generate::family_yaml(people, 42);
    genogram::load_str("bench.yaml", &text).expect("generated family is valid")
}

#[divan::bench(args = [1_000, 10_000, 100_000], sample_count = 10)]
fn lay_out(bencher: divan::Bencher, people: usize) {
    let g = family(people);
    let options = LayoutOptions::default();
    bencher.bench_local(|| layout(divan::black_box(&g), &options));
}
