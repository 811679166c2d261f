//! `genogram booklet`: one PDF for a therapy group.

#[cfg(feature = "pdf")]
use std::path::{Path, PathBuf};

#[cfg(feature = "pdf")]
use crate::util::write;
use crate::util::{genogram, path, stderr, temp_dir};

#[cfg(not(feature = "pdf"))]
#[test]
fn without_pdf_support_the_booklet_is_refused_in_plain_words() {
    let dir = temp_dir("booklet-no-pdf");
    let out = dir.join("b.pdf");
    let o = genogram([
        "booklet",
        path("samples/intimacy-cycle.yaml").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("built without PDF output"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

/// The samples of the booklets: one family, three families.
#[cfg(feature = "pdf")]
const THREE: [&str; 3] = [
    "samples/intimacy-cycle.yaml",
    "samples/blended-family.yaml",
    "samples/adoption-foster.yaml",
];

/// Runs `booklet` on `files` with `extra` flags into `out`, which must succeed.
#[cfg(feature = "pdf")]
fn booklet(files: &[PathBuf], out: &Path, extra: &[&str]) {
    let mut args: Vec<String> = vec!["booklet".into()];
    args.extend(files.iter().map(|f| f.to_str().unwrap().to_string()));
    args.extend(["-o".into(), out.to_str().unwrap().into()]);
    args.extend(extra.iter().map(|s| s.to_string()));
    let o = genogram(&args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
}

/// A page: its size (width, height in points) and its text.
#[cfg(feature = "pdf")]
type Page = ((f32, f32), String);

/// The PDF's pages: size (width, height in points) and extracted text.
#[cfg(feature = "pdf")]
fn pages(path: &Path) -> (lopdf::Document, Vec<Page>) {
    let bytes = std::fs::read(path).unwrap();
    let doc = lopdf::Document::load_mem(&bytes).expect("a PDF that parses");
    let texts = pdftotext(path);
    assert_eq!(
        texts.len(),
        doc.get_pages().len(),
        "pdftotext reads every page"
    );
    let pages = doc
        .get_pages()
        .iter()
        .map(|(&n, &id)| {
            let page = doc.get_dictionary(id).unwrap();
            let bx: Vec<f32> = page
                .get(b"MediaBox")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o.as_float().unwrap())
                .collect();
            let text = texts
                .get(n as usize - 1)
                .cloned()
                .unwrap_or_else(|| panic!("pdftotext gave no page {n}"));
            ((bx[2] - bx[0], bx[3] - bx[1]), text)
        })
        .collect();
    (doc, pages)
}

/// The text of every page as `pdftotext` reads it (the pages' text is in forms, which
/// lopdf's extraction does not enter; screen readers and `pdftotext` do).
#[cfg(feature = "pdf")]
fn pdftotext(path: &Path) -> Vec<String> {
    let o = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| {
            panic!("pdftotext could not run ({e}): install poppler-utils (apt-get install poppler-utils)")
        });
    assert!(
        o.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = String::from_utf8(o.stdout).expect("pdftotext writes UTF-8");
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    // The text ends with a form feed after the last page.
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// Text without any whitespace: lines are wrapped where the page needs.
#[cfg(feature = "pdf")]
fn squash(s: &str) -> String {
    s.split_whitespace().collect()
}

#[cfg(feature = "pdf")]
fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 0.05
}

/// Whether a page is `paper` upright or sideways.
#[cfg(feature = "pdf")]
fn is_paper((w, h): (f32, f32), paper: (f32, f32)) -> bool {
    (close(w, paper.0) && close(h, paper.1)) || (close(w, paper.1) && close(h, paper.0))
}

#[cfg(feature = "pdf")]
fn report(file: &Path) -> serde_json::Value {
    let o = genogram(["report", file.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Checks the page structure: opening page first, group page last, each member's
/// genogram then worksheet, every page numbered and of the paper's size. Returns, member
/// by member, how many pages the genogram and the worksheet take.
#[cfg(feature = "pdf")]
fn check_structure(pages: &[Page], members: usize, paper: (f32, f32)) -> Vec<(usize, usize)> {
    let total = pages.len();
    assert!(total >= 2 + 2 * members, "{total} pages");
    for (i, (size, text)) in pages.iter().enumerate() {
        assert!(is_paper(*size, paper), "page {} is {size:?}", i + 1);
        assert!(
            squash(text).contains(&squash(&format!("Page {} of {total}", i + 1))),
            "page {} has its number: {text}",
            i + 1
        );
        assert!(
            text.contains("Our families"),
            "running header on page {}",
            i + 1
        );
    }
    assert!(pages[0].1.contains("The skills") && pages[0].1.contains("How to read a genogram"));
    assert!(squash(&pages[total - 1].1).contains("Thegroup"));
    // Member by member, in order: the genogram pages, then the worksheet.
    let mut at = 1;
    let mut counts = Vec::new();
    for n in 1..=members {
        let member = squash(&format!("Member {n}"));
        assert!(
            squash(&pages[at].1).contains(&member),
            "member {n} starts at page {}",
            at + 1
        );
        let worksheet = squash(&format!("Worksheet for Member {n}"));
        let w = (at..total - 1)
            .find(|&i| squash(&pages[i].1).contains(&worksheet))
            .unwrap_or_else(|| panic!("a worksheet for member {n}"));
        assert!(w > at, "the genogram comes before the worksheet");
        let genogram = w - at;
        at = w + 1;
        while at < total - 1
            && !squash(&pages[at].1).contains(&squash(&format!("Member {}", n + 1)))
        {
            at += 1;
        }
        counts.push((genogram, at - w));
    }
    assert_eq!(
        at,
        total - 1,
        "nothing between the last worksheet and the group page"
    );
    counts
}

#[cfg(feature = "pdf")]
#[test]
fn one_family_on_a4_pages() {
    let dir = temp_dir("booklet-one");
    let out = dir.join("one.pdf");
    booklet(&[path(THREE[0])], &out, &[]);
    let (_, pages) = pages(&out);
    // The opening page, the genogram with its key on one page, a worksheet of two pages
    // (six questions with their lines), the group page.
    assert_eq!(check_structure(&pages, 1, (595.28, 841.89)), [(1, 2)]);
    assert_eq!(pages.len(), 5);
    // This genogram is taller than wide: every page is upright.
    for (i, (size, _)) in pages.iter().enumerate() {
        assert!(size.0 < size.1, "page {}: {size:?}", i + 1);
    }
    // The opening page explains the marks in the compact key's few words, not the full
    // key's sentences.
    let opening = squash(&pages[0].1);
    for short in ["the client", "died", "age at death", "cut off"] {
        assert!(opening.contains(&squash(short)), "{short}: {opening}");
    }
    assert!(
        !opening.contains(&squash("drawn with a double outline")),
        "{opening}"
    );
}

#[cfg(feature = "pdf")]
#[test]
fn three_families_on_letter_pages_say_what_their_reports_say() {
    let dir = temp_dir("booklet-three");
    let out = dir.join("three.pdf");
    let files: Vec<PathBuf> = THREE.iter().map(|f| path(f)).collect();
    booklet(
        &files,
        &out,
        &["--page", "letter", "--title", "Tuesday group"],
    );
    let (doc, pages) = pages(&out);
    // Each genogram on one page with its key, each worksheet on two.
    assert_eq!(
        check_structure_titled(&pages, 3, (612.0, 792.0), "Tuesday group"),
        [(1, 2), (1, 2), (1, 2)]
    );
    assert_eq!(pages.len(), 11);
    // The genogram wider than tall (the third) is printed sideways; every other page is
    // upright (the second is a little taller than wide).
    for (i, (size, _)) in pages.iter().enumerate() {
        assert_eq!(size.0 > size.1, i == 7, "page {}: {size:?}", i + 1);
    }
    // The opening page's key has the marks of every member's genogram: the adoption and
    // the foster child are only in the third family.
    let opening = squash(&pages[0].1);
    for mark in ["adopted", "foster child", "step-child", "the client"] {
        assert!(opening.contains(&squash(mark)), "{mark}: {opening}");
    }
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|r| r.as_reference())
        .unwrap();
    let title = doc.get_dictionary(info).unwrap().get(b"Title").unwrap();
    assert_eq!(lopdf::decode_text_string(title).unwrap(), "Tuesday group");

    // The opening page: every skill of every file, with its definition.
    let opening = squash(&pages[0].1);
    for f in &files {
        let (_, g) = genogram::load_file(f).unwrap();
        for s in &g.family().skills {
            assert!(
                opening.contains(&squash(&s.description)),
                "{}",
                s.description
            );
        }
    }
    // Each member's pages: the worksheet's questions are the report's, and its findings
    // the report's longest absence of each skill.
    let reports: Vec<serde_json::Value> = files.iter().map(|f| report(f)).collect();
    for (i, r) in reports.iter().enumerate() {
        let member = squash(&format!("Member {}", i + 1));
        let text: String = pages
            .iter()
            .filter(|(_, t)| squash(t).contains(&member))
            .map(|(_, t)| squash(t))
            .collect();
        let gaps = r["gaps"].as_array().unwrap();
        assert!(!gaps.is_empty());
        for g in gaps.iter().take(6) {
            let q = g["question"].as_str().unwrap();
            assert!(text.contains(&squash(q)), "member {}: {q}", i + 1);
        }
        if gaps.len() > 6 {
            assert!(text.contains(&squash(&format!("has {} more", gaps.len() - 6))));
        }
        for skill in r["skills"].as_array().unwrap() {
            let skill = skill.as_str().unwrap();
            let longest = r["chains"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| c["skill"] == skill && c["kind"] == "absent")
                .map(|c| c["people"].as_array().unwrap().len())
                .max()
                .unwrap_or(0);
            let words = ["", "", "two", "three", "four", "five", "six"][longest.min(6)];
            let want = if longest >= 3 {
                let mut cap = skill.to_string();
                cap[..1].make_ascii_uppercase();
                squash(&format!("{cap} was absent for {words} generations"))
            } else if longest == 2 {
                // No absence of three generations: the longest one is told.
                squash(&format!("Absent for {words} generations"))
            } else {
                squash("No two generations in a row both lacked it.")
            };
            assert!(text.contains(&want), "member {}, {skill}: {want}", i + 1);
        }
    }
    // The group page: the counts, from the reports.
    let group = squash(&pages[pages.len() - 1].1);
    let skills: Vec<String> = {
        let mut v: Vec<String> = Vec::new();
        for r in &reports {
            for s in r["skills"].as_array().unwrap() {
                let s = s.as_str().unwrap().to_string();
                if !v.contains(&s) {
                    v.push(s);
                }
            }
        }
        v
    };
    assert!(skills.len() >= 4, "the blended family adds `repair`");
    for skill in &skills {
        let rated: Vec<&serde_json::Value> = reports
            .iter()
            .filter(|r| {
                r["skills"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|s| s == skill.as_str())
            })
            .collect();
        let f = rated.len();
        let absent = rated
            .iter()
            .filter(|r| {
                r["chains"].as_array().unwrap().iter().any(|c| {
                    c["skill"] == skill.as_str()
                        && c["kind"] == "absent"
                        && c["people"].as_array().unwrap().len() >= 3
                })
            })
            .count();
        let broke = rated
            .iter()
            .filter(|r| {
                r["breakers"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|b| b["skill"] == skill.as_str() && b["person"] == r["person"])
            })
            .count();
        let lines: usize = rated
            .iter()
            .map(|r| {
                r["chains"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|c| c["skill"] == skill.as_str() && c["kind"] == "passed")
                    .count()
            })
            .sum();
        let families =
            |n: usize| format!("{n} of {f} {}", if f == 1 { "family" } else { "families" });
        let members = if f == 1 { "member" } else { "members" };
        for want in [
            format!(
                "Absent for three generations or more: in {}.",
                families(absent)
            ),
            format!("Broke the cycle themselves: {broke} of {f} {members}."),
            format!(
                "Passed on for two generations or more: {lines} {}",
                if lines == 1 { "line" } else { "lines" }
            ),
        ] {
            assert!(group.contains(&squash(&want)), "{skill}: {want} in {group}");
        }
    }
    // Anna broke the cycle of openness in group therapy.
    assert!(
        group.contains(&squash("Where they learned it: 1 in group therapy.")),
        "{group}"
    );
}

#[cfg(feature = "pdf")]
fn check_structure_titled(
    pages: &[Page],
    members: usize,
    paper: (f32, f32),
    title: &str,
) -> Vec<(usize, usize)> {
    for (i, (_, text)) in pages.iter().enumerate() {
        assert!(text.contains(title), "header on page {}", i + 1);
    }
    let renamed: Vec<Page> = pages
        .iter()
        .map(|(s, t)| (*s, t.replace(title, "Our families")))
        .collect();
    check_structure(&renamed, members, paper)
}

/// Text the marker test puts in every free-text field: none of it may reach the PDF.
#[cfg(feature = "pdf")]
fn marked_family(n: usize) -> String {
    format!(
        "\
title: Zqtitle{n} family
index: zqid{n}a
people:
  zqid{n}a:
    name: Zqname{n}a Zqsurname{n}
    sex: female
    gender: Zqgender{n}
    born: 19{n}1-03-04
    occupation: Zqjob{n}a
    location: Zqplace{n}a
    notes: Zqnote{n}a
    conditions: [Zqcondition{n}a, alcohol]
    skills:
      openness: {{level: strong, learned: Zqsource{n}a, since: 20{n}2, note: Zqskillnote{n}a}}
      honesty: {{level: some, learned: group-therapy, since: 20{n}3}}
      directness: none
  zqid{n}b:
    name: Zqname{n}b
    sex: male
    born: 18{n}4
    died: 19{n}5
    occupation: Zqjob{n}b
    location: Zqplace{n}b
    notes: Zqnote{n}b
    conditions: [Zqcondition{n}b]
    skills: {{openness: none, honesty: none, directness: none}}
  zqid{n}c:
    name: Zqname{n}c
    sex: female
    born: 18{n}6
    skills: {{openness: none, honesty: some, directness: none}}
  zqid{n}d:
    name: Zqname{n}d
    sex: male
    skills: {{openness: none, honesty: none, directness: none}}
  zqid{n}e:
    name: Zqname{n}e
    sex: male
    skills: {{openness: none}}
  zqid{n}f:
    name: Zqname{n}f
    sex: male
    occupation: Zqjob{n}f
  zqid{n}g:
    name: Zqname{n}g
    sex: female
    location: Zqplace{n}g
couples:
  - partners: [zqid{n}d]
    children: [zqid{n}b]
  - partners: [zqid{n}b, zqid{n}c]
    married: 19{n}7
    divorced: 19{n}8
    children: [zqid{n}a, zqid{n}e]
  - partners: [zqid{n}a, zqid{n}f]
    relation: cohabiting
    since: 20{n}0
    separated: 20{n}4
    ended: 20{n}5
    children:
      - {{id: zqid{n}g, link: adopted, adopted: 20{n}6}}
relationships:
  - {{between: [zqid{n}a, zqid{n}c], kind: close, since: 19{n}9, until: 20{n}7, note: Zqrelnote{n}}}
  - {{from: zqid{n}e, to: zqid{n}a, kind: focused-on, note: Zqrelnote{n}b}}
"
    )
}

#[cfg(feature = "pdf")]
#[test]
fn anonymised_booklet_has_no_text_of_any_file() {
    let dir = temp_dir("booklet-anon");
    let files: Vec<PathBuf> = (1..=3)
        .map(|n| write(&dir, &format!("m{n}.yaml"), marked_family(n)))
        .collect();
    let out = dir.join("anon.pdf");
    booklet(&files, &out, &["--anonymize"]);
    let (doc, pages) = pages(&out);
    let mut all: String = pages.iter().map(|(_, t)| t.as_str()).collect();
    // The metadata, and every other string the file holds outside its content streams
    // (names of fonts and objects included).
    let mut strings = String::new();
    for object in doc.objects.values() {
        collect_strings(object, &mut strings);
    }
    assert!(
        strings.contains("genogram"),
        "the creator is among the strings"
    );
    all.push_str(&strings);
    let text = squash(&all).to_lowercase();
    assert!(
        text.contains("member1") && text.contains("member3"),
        "{text}"
    );
    assert!(
        text.contains("a(condition)") && text.contains("b(condition)"),
        "free-text conditions become letters: {text}"
    );
    assert!(!text.contains("zq"), "a marker is left: {text}");
    for n in 1..=3 {
        for year in ["0", "2", "3", "4", "5", "6", "7"]
            .map(|d| format!("20{n}{d}"))
            .into_iter()
            .chain(
                ["1", "4", "5", "6", "7", "8", "9"]
                    .map(|d| format!("1{}{n}{d}", if d == "4" || d == "6" { "8" } else { "9" })),
            )
        {
            assert!(!text.contains(&year), "the year {year} is left: {text}");
        }
    }
    // The same files without --anonymize do show the markers: the test can fail.
    let named = dir.join("named.pdf");
    booklet(&files, &named, &[]);
    let (_, pages) = self::pages(&named);
    let text: String = pages.iter().map(|(_, t)| squash(t)).collect();
    assert!(
        text.contains("Zqname1a") && text.contains("Zqcondition2a"),
        "{text}"
    );
}

/// A font's name without the tag of its subset (`FZRZQE+DejaVuSans` is `DejaVuSans`):
/// six capitals made from a hash of the glyphs used, which could spell a marker (`ZQ`)
/// by chance, and never hold text of the files.
#[cfg(feature = "pdf")]
fn without_subset_tag(name: &str) -> &str {
    match name.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()) => rest,
        _ => name,
    }
}

/// Every string and name of `o`, outside stream data, each followed by a space.
#[cfg(feature = "pdf")]
fn collect_strings(o: &lopdf::Object, out: &mut String) {
    use lopdf::Object;
    match o {
        Object::String(..) => {
            let s = lopdf::decode_text_string(o).unwrap_or_else(|_| {
                String::from_utf8_lossy(o.as_str().unwrap_or(b"")).into_owned()
            });
            out.push_str(&s);
            out.push(' ');
        }
        Object::Name(n) => {
            out.push_str(without_subset_tag(&String::from_utf8_lossy(n)));
            out.push(' ');
        }
        Object::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        Object::Dictionary(d) => d.iter().for_each(|(k, v)| {
            out.push_str(&String::from_utf8_lossy(k));
            out.push(' ');
            collect_strings(v, out);
        }),
        Object::Stream(st) => st.dict.iter().for_each(|(k, v)| {
            out.push_str(&String::from_utf8_lossy(k));
            out.push(' ');
            collect_strings(v, out);
        }),
        _ => {}
    }
}

#[cfg(feature = "pdf")]
#[test]
fn a_family_too_wide_for_a_page_is_split_over_pages() {
    let dir = temp_dir("booklet-wide");
    let mut family = String::from("index: c0\npeople:\n  mum: {sex: female}\n  dad: {sex: male}\n");
    let children: Vec<String> = (0..36).map(|i| format!("c{i}")).collect();
    for c in &children {
        family.push_str(&format!("  {c}: {{name: Child {c}, sex: male}}\n"));
    }
    family.push_str(&format!(
        "couples:\n  - partners: [mum, dad]\n    children: [{}]\n",
        children.join(", ")
    ));
    let file = write(&dir, "wide.yaml", family);
    let out = dir.join("wide.pdf");
    booklet(&[file], &out, &[]);
    let (_, pages) = pages(&out);
    let counts = check_structure(&pages, 1, (595.28, 841.89));
    let parts: Vec<&Page> = pages
        .iter()
        .filter(|(_, t)| squash(t).contains("Thedrawingistoolarge"))
        .collect();
    assert!(parts.len() >= 2, "split over pages: {}", parts.len());
    for (i, (size, text)) in parts.iter().enumerate() {
        assert!(size.0 > size.1, "a wide drawing is printed sideways");
        assert!(
            squash(text).contains(&squash(&format!("Part {} of {}", i + 1, parts.len()))),
            "{text}"
        );
    }
    // The parts, then the key (under the last part, or on a page of its own), all before
    // the worksheet.
    assert!(counts[0].0 >= parts.len(), "{counts:?}");
    let last = &pages[counts[0].0].1;
    assert!(
        squash(last).contains("Key"),
        "the key follows the parts: {last}"
    );
}

#[cfg(feature = "pdf")]
#[test]
fn same_files_same_bytes() {
    let dir = temp_dir("booklet-same");
    let files: Vec<PathBuf> = THREE.iter().map(|f| path(f)).collect();
    let (a, b) = (dir.join("a.pdf"), dir.join("b.pdf"));
    booklet(&files, &a, &["--anonymize"]);
    booklet(&files, &b, &["--anonymize"]);
    assert!(std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap());
}

#[cfg(feature = "pdf")]
#[test]
fn nothing_written_on_bad_input_or_bad_flags() {
    let dir = temp_dir("booklet-bad");
    let good = path(THREE[0]);
    let bad = write(
        &dir,
        "bad.yaml",
        "people:\n  ana: {sex: female}\n  ben: {sex: mail}\n",
    );
    let out = dir.join("b.pdf");
    let run = |args: &[&str]| {
        let mut all = vec!["booklet"];
        all.extend_from_slice(args);
        genogram(&all)
    };
    let with_bad = [
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    let o = run(&with_bad);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(&format!("{}:3:14:", bad.display())),
        "file, line and column: {err}"
    );
    assert!(err.contains("did you mean `male`?"), "the fix: {err}");
    assert!(!out.exists(), "nothing written on bad input");
    // Nor is a booklet already there touched.
    std::fs::write(&out, b"last week's booklet").unwrap();
    assert_eq!(run(&with_bad).status.code(), Some(1));
    assert_eq!(std::fs::read(&out).unwrap(), b"last week's booklet");
    std::fs::remove_file(&out).unwrap();

    let o = run(&[
        good.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--skill",
        "opennes",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("did you mean `openness`"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());

    let copy = write(&dir, "copy.yaml", std::fs::read(&good).unwrap());
    let o = run(&[copy.to_str().unwrap(), "-o", copy.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(&good).unwrap());
}

#[cfg(feature = "pdf")]
#[test]
fn one_skill_traced() {
    let dir = temp_dir("booklet-skill");
    let out = dir.join("s.pdf");
    let files: Vec<PathBuf> = THREE.iter().map(|f| path(f)).collect();
    booklet(&files, &out, &["--skill", "repair"]);
    let (_, pages) = pages(&out);
    let group = squash(&pages[pages.len() - 1].1);
    assert!(
        group.contains("Repair") && !group.contains("Openness"),
        "{group}"
    );
    assert!(
        group.contains(&squash("Rated in 1 of 3 families.")),
        "{group}"
    );
}
