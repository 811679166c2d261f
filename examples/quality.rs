//! The layout quality report.
//!
//! - `cargo run --release --example quality` lays out every sample and random families of
//!   several sizes and prints, per family, crossings, the share of couples side by side,
//!   birth-order inversions, the mean parent–child offset and the layout time. `crossings`
//!   counts where two drawn lines cross (lines that share a person or a couple never
//!   count); `segments` the crossings of straight couple-to-child segments;
//! - `cargo run --release --example quality -- FILE` does the same for one family file;
//! - `cargo run --release --example quality -- FILE PLAIN` measures instead the placement
//!   Graphviz made (`dot -Tplain` of `genogram export FILE --format dot`), with the same
//!   metric code, for `bench/compare-dot.sh`.

use std::time::Instant;

use genogram::graph::FamilyGraph;
use genogram::layout::{LayoutOptions, layout, metrics};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    println!(
        "{:<28} {:>7} {:>9} {:>9} {:>9} {:>8} {:>10} {:>9} {:>9}",
        "family",
        "people",
        "crossings",
        "segments",
        "adjacent",
        "inverted",
        "offset(S)",
        "width(S)",
        "time(ms)"
    );
    match args.as_slice() {
        [] => {
            let mut files: Vec<_> = std::fs::read_dir("samples")
                .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
                .unwrap_or_default();
            files.retain(|p| p.extension().is_some_and(|e| e == "yaml"));
            files.sort();
            for path in files {
                let (_, g) = genogram::load_file(&path).expect("sample loads");
                report(&path.display().to_string(), &g);
            }
            for (n, seed) in [(100, 1), (1000, 2), (2000, 3), (10_000, 4), (100_000, 5)] {
                let text = genogram::generate::family_yaml(n, seed);
                let g =
                    genogram::load_str("generated.yaml", &text).expect("generated family is valid");
                report(&format!("random n={n} seed={seed}"), &g);
            }
        }
        [file] => {
            let (_, g) = genogram::load_file(file.as_ref()).expect("family loads");
            report(file, &g);
        }
        [file, plain] => {
            let (_, g) = genogram::load_file(file.as_ref()).expect("family loads");
            let text = std::fs::read_to_string(plain).expect("dot output readable");
            let xy = genogram::layout::dot::read_plain(&g, &text).expect("dot output complete");
            let lines =
                genogram::layout::dot::read_plain_lines(&g, &text).expect("dot edges readable");
            let mut m = metrics::measure(&g, &xy, LayoutOptions::default().symbol);
            m.lines_crossed = metrics::drawn_crossings(&lines);
            print_row("dot", &m, None);
        }
        _ => eprintln!("usage: quality [FILE [DOT_PLAIN]]"),
    }
}

fn options() -> LayoutOptions {
    let mut o = LayoutOptions::default();
    // For experiments: GENOGRAM_SWEEPS overrides the number of coordinate sweeps.
    if let Some(s) = std::env::var("GENOGRAM_SWEEPS")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        o.sweeps = s;
    }
    o
}

fn report(name: &str, g: &FamilyGraph) {
    let o = options();
    let start = Instant::now();
    let cpu = cpu_ns();
    let l = layout(g, &o);
    let ms = match (cpu, cpu_ns()) {
        (Some(a), Some(b)) => (b - a) as f64 / 1e6,
        _ => start.elapsed().as_secs_f64() * 1000.0,
    };
    print_row(name, &metrics::of_layout(g, &l), Some(ms));
}

fn print_row(name: &str, m: &metrics::Metrics, ms: Option<f64>) {
    println!(
        "{:<28} {:>7} {:>9} {:>9} {:>8.1}% {:>8} {:>10.2} {:>9.0} {:>9}",
        name,
        m.people,
        m.lines_crossed,
        m.crossings,
        100.0 * m.adjacency(),
        m.inversions,
        m.offset_mean,
        m.width,
        ms.map_or("-".to_string(), |t| format!("{t:.1}"))
    );
}

/// CPU time this process has run, in nanoseconds (Linux only).
fn cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}
