//! How long the workspace takes to answer one edit: `serve::api::render` (load, analyse,
//! lay out, draw, and the report's text) on each sample and on generated families of 100
//! and 1,000 people. This is the time between the page sending the text and the drawing
//! arriving, without the 150 ms the page waits for typing to pause.

use genogram::serve::api::{View, render};

fn main() {
    divan::main();
}

#[divan::bench(args = [100, 1_000], sample_count = 10)]
fn generated(bencher: divan::Bencher, people: usize) {
    let text = genogram::generate::family_yaml(people, 1);
    bencher.bench(|| render("family.yaml", divan::black_box(&text), &View::default()));
}

#[divan::bench(args = ["intimacy-cycle", "cousin-marriage", "blended-family"], sample_count = 20)]
fn sample(bencher: divan::Bencher, name: &str) {
    let path = format!("{}/samples/{name}.yaml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("the sample is there");
    bencher.bench(|| render("family.yaml", divan::black_box(&text), &View::default()));
}

/// A broken file: the answer is its problems only.
#[divan::bench(sample_count = 20)]
fn broken_1000(bencher: divan::Bencher) {
    let text = genogram::generate::family_yaml(1_000, 1).replacen("sex: male", "sex: mael", 1);
    bencher.bench(|| render("family.yaml", divan::black_box(&text), &View::default()));
}
