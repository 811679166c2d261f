//! How long `genogram import` takes on a real file: royal92.ged (3,010 people), from
//! the shared test data, when it is present.

fn main() {
    divan::main();
}

fn royal92() -> Option<Vec<u8>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/gedcom/royal92/royal92.ged");
    std::fs::read(path).ok()
}

/// The whole import: decoding, parsing, converting, repairing, writing, and the check of
/// the result.
#[divan::bench]
fn import_royal92(bencher: divan::Bencher) {
    let Some(bytes) = royal92() else {
        eprintln!("skipped: ../shared/data/gedcom/royal92/royal92.ged is absent");
        return;
    };
    bencher.bench(|| genogram::gedcom::import("royal92.ged", divan::black_box(&bytes)));
}
