//! `genogram render`: what a user of the command relies on.

use std::path::{Path, PathBuf};

use crate::util::{genogram, samples, temp_dir as scratch};

fn render_stdout(args: &[&str]) -> String {
    let out = genogram(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_person_of_every_sample_is_a_titled_group() {
    for sample in samples() {
        let svg = render_stdout(&["render", sample.to_str().unwrap()]);
        let (_, family) = genogram::load_file(&sample).unwrap();
        for p in family.people() {
            let id = genogram::render::ids::person_id(&family.person(p).id.value);
            let at = svg
                .find(&format!("id=\"{id}\""))
                .unwrap_or_else(|| panic!("{id} missing in {}", sample.display()));
            let rest = &svg[at..];
            assert!(
                rest.split_once('\n').unwrap().1.starts_with("<title>"),
                "{id} has no title"
            );
        }
        assert!(svg.starts_with("<?xml"));
        assert!(svg.contains("<title id=\"genogram-title\">"));
        assert!(svg.contains("<desc id=\"genogram-desc\">"));
        assert!(svg.contains("id=\"legend\""));
        // Self-contained: no scripts, no links out.
        assert!(!svg.contains("<script"));
        assert!(!svg.contains("href"));
        assert!(!svg.contains("@import"));
    }
}

#[test]
fn rendering_is_deterministic() {
    for sample in samples() {
        let s = sample.to_str().unwrap();
        assert_eq!(
            render_stdout(&["render", s]),
            render_stdout(&["render", s]),
            "{s}"
        );
    }
}

#[test]
fn output_file_and_dash() {
    let dir = scratch("output");
    let out = dir.join("family.svg");
    let sample = "samples/intimacy-cycle.yaml";
    let o = genogram(["render", sample, "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty());
    let file = std::fs::read_to_string(&out).unwrap();
    assert_eq!(file, render_stdout(&["render", sample, "-o", "-"]));
}

/// `-o /dev/null` is how people time a render; the device must survive it (renaming a
/// temporary file over it once broke every later build on the machine).
#[cfg(unix)]
#[test]
fn output_to_a_device_writes_to_the_device() {
    use std::os::unix::fs::FileTypeExt;
    let o = genogram(["render", "samples/intimacy-cycle.yaml", "-o", "/dev/null"]);
    assert_eq!(o.status.code(), Some(0));
    let meta = std::fs::symlink_metadata("/dev/null").unwrap();
    assert!(meta.file_type().is_char_device(), "/dev/null was replaced");
}

#[test]
fn user_text_is_escaped() {
    let dir = scratch("escape");
    let input = dir.join("f.yaml");
    std::fs::write(
        &input,
        "title: \"A <b>&</b> title\"\npeople:\n  x: {name: \"<script>&\\\"'\", sex: male, location: \"\\u202eevil\"}\n",
    )
    .unwrap();
    let svg = render_stdout(&["render", input.to_str().unwrap()]);
    assert!(!svg.contains("<script"));
    assert!(svg.contains("&lt;script&gt;&amp;\"'"));
    assert!(svg.contains("A &lt;b&gt;&amp;&lt;/b&gt; title"));
    assert!(!svg.contains('\u{202e}'));
}

#[test]
fn anonymized_samples_show_no_input_text() {
    for sample in samples() {
        let svg = render_stdout(&["render", "--anonymize", sample.to_str().unwrap()]);
        let (_, family) = genogram::load_file(&sample).unwrap();
        let f = family.family();
        // Whole texts: the title, occupations, places, notes.
        let mut texts: Vec<String> = Vec::new();
        // Words of names (four letters or more, so that initials and "Li" do not count).
        let mut words: Vec<String> = Vec::new();
        texts.extend(f.title.clone());
        for p in &f.people {
            words.extend(
                p.name
                    .split_whitespace()
                    .filter(|w| w.chars().count() >= 4)
                    .map(String::from),
            );
            texts.push(format!("person-{}", p.id.value));
            texts.extend(p.occupation.clone());
            texts.extend(p.location.clone());
            texts.extend(p.notes.clone());
            texts.extend(p.skills.iter().filter_map(|s| s.note.clone()));
            for d in [&p.born, &p.died].into_iter().flatten() {
                texts.push(format!(">{}", d.value.year_value()));
                texts.push(format!("{}–", d.value.year_value()));
            }
        }
        texts.extend(f.relationships.iter().filter_map(|r| r.note.clone()));
        for t in texts.iter().chain(&words) {
            assert!(
                !svg.contains(t.as_str()),
                "{} leaks {t:?}",
                sample.display()
            );
        }
    }
}

#[test]
fn page_sizes() {
    let s = "samples/blended-family.yaml";
    let a4 = render_stdout(&["render", "--page", "a4", s]);
    assert!(a4.contains("width=\"210mm\"") && a4.contains("height=\"297mm\""));
    let a4l = render_stdout(&["render", "--page", "a4", "--landscape", s]);
    assert!(a4l.contains("width=\"297mm\"") && a4l.contains("height=\"210mm\""));
    let letter = render_stdout(&["render", "--page", "letter", s]);
    assert!(letter.contains("width=\"8.5in\"") && letter.contains("height=\"11in\""));
}

#[test]
fn notes_only_when_asked() {
    let s = "samples/blended-family.yaml";
    let note = "First real apology to Samuel in 2019";
    assert!(!render_stdout(&["render", s]).contains(note));
    assert!(render_stdout(&["render", "--notes", s]).contains(note));
    // Notes and anonymisation contradict each other.
    assert_eq!(
        genogram(["render", "--notes", "--anonymize", s])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn existing_output_is_untouched_when_rendering_fails() {
    let dir = scratch("fails");
    let out = dir.join("family.svg");
    std::fs::write(&out, "keep me").unwrap();
    let bad = dir.join("bad.yaml");
    std::fs::write(&bad, "people:\n  a: {sex: mail}\n").unwrap();
    let o = genogram(["render", bad.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        2,
        "no temporary file left"
    );
}

#[test]
fn refuses_to_overwrite_the_input() {
    let dir = scratch("input");
    let input = dir.join("f.yaml");
    let text = "people:\n  a: {sex: male}\n";
    std::fs::write(&input, text).unwrap();
    let o = genogram([
        "render",
        input.to_str().unwrap(),
        "-o",
        input.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("refusing to write over the input file"));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), text);
}

#[test]
fn missing_output_folder_is_a_plain_error() {
    let dir = scratch("missing");
    let out = dir.join("no-such-folder").join("f.svg");
    let o = genogram([
        "render",
        "samples/twins-and-losses.yaml",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("no-such-folder"), "{err}");
    assert!(!Path::new(&out).exists());
}

#[test]
fn trace_overlays_the_transmission_of_one_skill() {
    let svg = render_stdout(&[
        "render",
        "--trace",
        "openness",
        "samples/intimacy-cycle.yaml",
    ]);
    assert!(svg.contains("id=\"trace\""));
    // Pattern classes for the transmissions this family has, and a breaker's badge.
    assert!(svg.contains("class=\"trace trace-absent\""));
    assert!(svg.contains("class=\"trace trace-gained\""));
    assert!(svg.contains("class=\"breaker\""));
    assert!(svg.contains("id=\"trace-absence-chain\""));
    let legend = &svg[svg.find("id=\"legend\"").unwrap()..];
    // Each drawn transmission has its sample in the key.
    for t in ["absent", "gained", "passed"] {
        assert!(
            legend.contains(&format!("class=\"trace trace-{t}\"")),
            "{t}"
        );
    }
    assert!(
        !legend.contains("trace trace-not-passed"),
        "this family loses no openness"
    );
    assert!(legend.contains("broke the cycle"));
    // Without --trace, no overlay.
    assert!(!render_stdout(&["render", "samples/intimacy-cycle.yaml"]).contains("class=\"trace"));
}

#[test]
fn trace_of_an_unknown_skill_is_refused_with_a_suggestion() {
    let o = genogram([
        "render",
        "--trace",
        "opennes",
        "samples/intimacy-cycle.yaml",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("did you mean `openness`"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn refuses_to_overwrite_the_input_through_a_link() {
    let dir = scratch("links");
    let input = dir.join("f.yaml");
    let text = "people:\n  a: {sex: male}\n";
    std::fs::write(&input, text).unwrap();
    let hard = dir.join("hard.svg");
    std::fs::hard_link(&input, &hard).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&input, dir.join("soft.svg")).unwrap();
    for name in ["hard.svg", "soft.svg"] {
        let out = dir.join(name);
        if !out.exists() {
            continue;
        }
        let o = genogram([
            "render",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("refusing to write over the input file"),
            "{name}"
        );
        assert_eq!(std::fs::read_to_string(&input).unwrap(), text);
    }
}

#[test]
fn an_unwritable_output_folder_is_a_plain_error() {
    let dir = scratch("readonly");
    let ro = dir.join("locked");
    std::fs::create_dir_all(&ro).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    // Root may write into a read-only folder; /sys takes no new files even from root.
    let folder = if std::fs::write(ro.join("probe"), "x").is_err() {
        ro.clone()
    } else if Path::new("/sys").is_dir() && std::fs::write("/sys/genogram-probe", "x").is_err() {
        PathBuf::from("/sys")
    } else {
        panic!(
            "no folder refuses writing here (running as root without a read-only /sys?): \
             run the tests as an ordinary user, or on Linux with /sys mounted"
        );
    };
    let out = folder.join("family.svg");
    let o = genogram([
        "render",
        "samples/twins-and-losses.yaml",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("permission denied"), "{err}");
    assert!(err.contains(folder.to_str().unwrap()), "{err}");
    assert!(o.stdout.is_empty());
    assert!(!out.exists());
}
