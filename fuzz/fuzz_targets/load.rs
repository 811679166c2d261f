//! Fuzz target `load`: any bytes, decoded and loaded as `genogram check` would.
//!
//! The outcome does not matter, only that it comes back without a panic, a hang or an
//! abort; a refusal must render as a message that names a place in the file.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = genogram::load::text::decode(bytes) else {
        return;
    };
    match genogram::load_str("fuzz.yaml", &text) {
        Ok(graph) => {
            for p in graph.people() {
                let _ = graph.generation(p);
                let _ = graph.caregivers(p);
            }
        }
        Err(diags) => {
            assert!(!diags.is_empty(), "a refusal says why");
            let source = genogram::diag::SourceFile::new("fuzz.yaml", text);
            for d in &diags {
                assert!(!genogram::diag::render(d, &source).is_empty());
            }
        }
    }
});
