//! `genogram render -o OUT.png|OUT.pdf`: handouts at true page size, with the built-in fonts.

use std::path::Path;

use crate::util::{genogram, samples, stderr, temp_dir, write};

/// A family whose names are in Greek, Cyrillic and Polish Latin.
const SCRIPTS: &str = "\
title: Scripts
people:
  nikos: {name: Νίκος Παπαδόπουλος, sex: male, born: 1950}
  olga: {name: Ольга Иванова, sex: female, born: 1952}
  zofia: {name: Zofia Łukasiewicz, sex: female, born: 1980}
couples:
  - partners: [nikos, olga]
    children: [zofia]
";

fn ok(args: &[&str]) {
    let out = genogram(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
}

/// The page's MediaBox in points.
fn media_box(doc: &lopdf::Document) -> [f32; 4] {
    let pages = doc.get_pages();
    assert_eq!(pages.len(), 1, "one page");
    let page = doc.get_dictionary(pages[&1]).expect("page dictionary");
    let bx = page.get(b"MediaBox").expect("MediaBox").as_array().unwrap();
    let n: Vec<f32> = bx.iter().map(|o| o.as_float().unwrap()).collect();
    [n[0], n[1], n[2], n[3]]
}

fn pdf_text(path: &Path) -> (lopdf::Document, String) {
    let bytes = std::fs::read(path).unwrap();
    let doc = lopdf::Document::load_mem(&bytes).expect("a PDF that parses");
    let text = doc.extract_text(&[1]).expect("text extracts");
    (doc, text)
}

fn png_size(path: &Path) -> (u32, u32) {
    let b = std::fs::read(path).unwrap();
    assert_eq!(&b[..8], b"\x89PNG\r\n\x1a\n", "{}", path.display());
    let be = |i: usize| u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    (be(16), be(20))
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 0.05
}

#[test]
fn every_sample_as_a4_pdf_with_its_names_as_text() {
    let dir = temp_dir("handouts-pdf");
    for sample in samples() {
        let out = dir.join("family.pdf");
        ok(&[
            "render",
            sample.to_str().unwrap(),
            "--page",
            "a4",
            "-o",
            out.to_str().unwrap(),
        ]);
        let (doc, text) = pdf_text(&out);
        let [x0, y0, w, h] = media_box(&doc);
        assert!(close(x0, 0.0) && close(y0, 0.0));
        assert!(close(w, 595.28) && close(h, 841.89), "A4 is {w} × {h} pt");
        let (_, family) = genogram::load_file(&sample).unwrap();
        let squashed: String = text.split_whitespace().collect();
        for p in family.people() {
            let person = family.person(p);
            let name = &person.name;
            if *name == person.id.value {
                // Unnamed (a pregnancy or loss): drawn by its kind, not its id.
                continue;
            }
            // Names are drawn on one or two lines; compare without spaces.
            let want: String = name.split_whitespace().collect();
            assert!(
                squashed.contains(&want),
                "{name} not in the PDF text of {}",
                sample.display()
            );
        }
    }
}

#[test]
fn every_sample_as_png() {
    let dir = temp_dir("handouts-png");
    for sample in samples() {
        let out = dir.join("family.png");
        // 96 dpi keeps the test quick; the page size is checked at 300 below.
        ok(&[
            "render",
            sample.to_str().unwrap(),
            "--scale",
            "1",
            "-o",
            out.to_str().unwrap(),
        ]);
        let (w, h) = png_size(&out);
        assert!(w > 100 && h > 100, "{}: {w} × {h}", sample.display());
    }
}

#[test]
fn letter_pdf_and_landscape() {
    let dir = temp_dir("handouts-letter");
    let sample = &samples()[0];
    let out = dir.join("letter.pdf");
    let s = sample.to_str().unwrap();
    ok(&["render", s, "--page", "letter", "-o", out.to_str().unwrap()]);
    let [_, _, w, h] = media_box(&pdf_text(&out).0);
    assert!(close(w, 612.0) && close(h, 792.0), "Letter is {w} × {h} pt");
    ok(&[
        "render",
        s,
        "--page",
        "a4",
        "--landscape",
        "-o",
        out.to_str().unwrap(),
    ]);
    let [_, _, w, h] = media_box(&pdf_text(&out).0);
    assert!(
        close(w, 841.89) && close(h, 595.28),
        "A4 landscape is {w} × {h} pt"
    );
}

#[test]
fn png_pages_at_their_physical_size() {
    let dir = temp_dir("handouts-png-page");
    let s = samples()[0].clone();
    let out = dir.join("a4.png");
    ok(&[
        "render",
        s.to_str().unwrap(),
        "--page",
        "a4",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(png_size(&out), (2480, 3508), "A4 at the default 300 dpi");
    ok(&[
        "render",
        s.to_str().unwrap(),
        "--page",
        "letter",
        "--dpi",
        "100",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(png_size(&out), (850, 1100), "Letter at 100 dpi");
}

#[test]
fn greek_cyrillic_and_latin_names_survive_in_pdf_and_png() {
    let dir = temp_dir("handouts-scripts");
    let family = write(&dir, "scripts.yaml", SCRIPTS);
    let pdf = dir.join("scripts.pdf");
    ok(&[
        "render",
        family.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    let (_, text) = pdf_text(&pdf);
    let squashed: String = text.split_whitespace().collect();
    for name in ["ΝίκοςΠαπαδόπουλος", "ОльгаИванова", "ZofiaŁukasiewicz"]
    {
        assert!(squashed.contains(name), "{name} not in {text:?}");
    }
    // In the PNG, each letter must be drawn as its own shape. A font that lacks a script
    // draws every letter of it the same way (an empty box, or nothing), so the names with
    // their letters in another order would give the very same picture. Reversing each
    // word keeps every width, and so the layout, the same.
    let png = |name: &str, yaml: &str| -> Vec<u8> {
        let family = write(&dir, &format!("{name}.yaml"), yaml);
        let out = dir.join(format!("{name}.png"));
        ok(&[
            "render",
            family.to_str().unwrap(),
            "--scale",
            "1",
            "-o",
            out.to_str().unwrap(),
        ]);
        std::fs::read(&out).unwrap()
    };
    let reversed = |name: &str| -> String {
        name.split(' ')
            .map(|w| w.chars().rev().collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let drawn = png("scripts", SCRIPTS);
    for name in ["Νίκος Παπαδόπουλος", "Ольга Иванова"] {
        let shuffled = png("shuffled", &SCRIPTS.replace(name, &reversed(name)));
        assert_ne!(
            drawn, shuffled,
            "the letters of {name} are not drawn as letters"
        );
    }
    // The same comparison on a script the built-in font lacks (Chinese) finds no
    // difference: it is able to tell missing letters from drawn ones.
    let cjk = SCRIPTS.replace("Νίκος Παπαδόπουλος", "王小明");
    assert_eq!(
        png("cjk", &cjk),
        png("cjk-shuffled", &cjk.replace("王小明", "明小王")),
        "letters the font lacks were drawn differently"
    );
}

#[test]
fn png_and_pdf_are_byte_identical_run_to_run() {
    let dir = temp_dir("handouts-same");
    for sample in samples() {
        let s = sample.to_str().unwrap();
        for ext in ["pdf", "png"] {
            let a = dir.join(format!("a.{ext}"));
            let b = dir.join(format!("b.{ext}"));
            for p in [&a, &b] {
                ok(&[
                    "render",
                    s,
                    "--page",
                    "a4",
                    "--dpi",
                    "50",
                    "-o",
                    p.to_str().unwrap(),
                ]
                .into_iter()
                .filter(|x| ext == "png" || !["--dpi", "50"].contains(x))
                .collect::<Vec<_>>());
            }
            assert!(
                std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap(),
                "{s} {ext}"
            );
        }
    }
}

#[test]
fn format_flag_and_standard_output() {
    let s = samples()[0].clone();
    let out = genogram(["render", s.to_str().unwrap(), "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.starts_with(b"%PDF-"));
    let out = genogram([
        "render",
        s.to_str().unwrap(),
        "--format",
        "png",
        "--scale",
        "0.5",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.starts_with(b"\x89PNG"));
}

#[test]
fn nothing_written_on_bad_input_or_bad_flags() {
    let dir = temp_dir("handouts-bad");
    let bad = write(&dir, "bad.yaml", "people:\n  a: {name: A, sex: martian}\n");
    let good = samples()[0].clone();
    let cases: Vec<(Vec<String>, i32, &str)> = vec![
        (vec![bad.display().to_string()], 1, ""),
        (
            vec![good.display().to_string(), "--dpi".into(), "0".into()],
            2,
            "--dpi",
        ),
        (
            vec![good.display().to_string(), "--dpi".into(), "NaN".into()],
            2,
            "--dpi",
        ),
        (
            vec![
                good.display().to_string(),
                "--dpi".into(),
                "2400".into(),
                "--page".into(),
                "a4".into(),
            ],
            2,
            "pixels",
        ),
    ];
    for ext in ["png", "pdf"] {
        for (args, code, says) in &cases {
            let out = dir.join(format!("out.{ext}"));
            let mut all = vec!["render".to_string()];
            all.extend(args.iter().cloned());
            all.extend(["-o".into(), out.display().to_string()]);
            let o = genogram(&all);
            if ext == "pdf" && args.iter().any(|a| a == "--dpi") {
                // --dpi is refused for PDF too, before anything is read.
                assert_eq!(o.status.code(), Some(2), "{all:?}");
            } else {
                assert_eq!(o.status.code(), Some(*code), "{all:?}: {}", stderr(&o));
                assert!(stderr(&o).contains(says), "{all:?}: {}", stderr(&o));
            }
            assert!(!out.exists(), "{all:?} wrote a file");
        }
    }
    // No temporary files were left behind either.
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
    let o = genogram([
        "render",
        good.to_str().unwrap(),
        "--format",
        "pdf",
        "-o",
        "x.png",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("does not match"), "{}", stderr(&o));
}
