//! How long `genogram import` takes on a real file: royal92.ged (3,010 people), from
//! the test data in `tests/data/gedcom/`.

fn main() {
    divan::main();
}

fn royal92() -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/gedcom/royal92/royal92.ged");
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The whole import: decoding, parsing, converting, repairing, writing, and the check of
/// the result.
#[divan::bench]
fn import_royal92(bencher: divan::Bencher) {
    let bytes = royal92();
    bencher.bench(|| genogram::gedcom::import("royal92.ged", divan::black_box(&bytes)));
}
