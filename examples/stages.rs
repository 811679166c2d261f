//! Wall-clock time of each stage of `render` on one family file, for profiling.
//!
//! `cargo run --release --example stages -- FAMILY.yaml`
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: stages FAMILY.yaml");
    let t = Instant::now();
    let source = genogram::read_source(std::path::Path::new(&path)).expect("readable");
    let t_read = t.elapsed();
    let t = Instant::now();
    let family = genogram::load::family(&source).expect("loads");
    let t_load = t.elapsed();
    let t = Instant::now();
    let valid = genogram::validate::validate(family).expect("valid");
    let t_valid = t.elapsed();
    let t = Instant::now();
    let graph = genogram::graph::FamilyGraph::build(valid);
    let t_graph = t.elapsed();
    let t = Instant::now();
    let layout = genogram::layout::layout(&graph, &genogram::layout::LayoutOptions::default());
    let t_layout = t.elapsed();
    let t = Instant::now();
    let svg = genogram::render::svg(&graph, &layout, &genogram::render::RenderOptions::default());
    let t_render = t.elapsed();
    let t = Instant::now();
    drop(svg);
    drop(layout);
    drop(graph);
    drop(source);
    let t_drop = t.elapsed();
    for (name, d) in [
        ("read", t_read),
        ("load", t_load),
        ("validate", t_valid),
        ("graph", t_graph),
        ("layout", t_layout),
        ("render", t_render),
        ("drop", t_drop),
    ] {
        println!("{name:>9} {:8.3} s", d.as_secs_f64());
    }
}
