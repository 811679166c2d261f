//! A build without the `png` or `pdf` feature (`cargo test --no-default-features`): asking
//! for the missing format is a usage error that says how to build with it, and nothing is
//! written; SVG still works.

use crate::util::{genogram, samples, stderr, temp_dir};

#[test]
fn a_missing_format_says_how_to_build_with_it_and_writes_nothing() {
    let dir = temp_dir("without-handouts");
    let sample = samples()[0].clone();
    for (feature, on) in [
        ("png", cfg!(feature = "png")),
        ("pdf", cfg!(feature = "pdf")),
    ] {
        if on {
            continue;
        }
        // The genogram and the timeline picture alike.
        for command in ["render", "timeline"] {
            let out = dir.join(format!("{command}.{feature}"));
            let o = genogram([
                command,
                sample.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ]);
            assert_eq!(
                o.status.code(),
                Some(2),
                "{command} {feature}: {}",
                stderr(&o)
            );
            let err = stderr(&o);
            assert!(
                err.contains(&format!("--features {feature}")),
                "{command} {feature}: {err}"
            );
            assert!(!out.exists(), "{command} {feature}: a file was written");
        }
    }
    let svg = dir.join("family.svg");
    let o = genogram([
        "render",
        sample.to_str().unwrap(),
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg "));
}
