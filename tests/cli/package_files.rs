//! The manual pages and shell completions `genogram package-files` writes for the
//! packages: one page per command, and every command and option in each of them, as
//! `--help` shows them.

use std::collections::BTreeSet;

use crate::util::{genogram, stdout, temp_dir};

/// The commands `genogram --help` lists (hidden ones are not listed).
fn commands() -> Vec<String> {
    let help = stdout(&genogram(["--help"]));
    let list = help
        .split_once("Commands:\n")
        .expect("a list of commands")
        .1;
    // A command's line starts with two spaces; the lines its description wraps onto, more.
    list.lines()
        .take_while(|l| l.starts_with("  "))
        .filter(|l| !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next().map(String::from))
        .collect()
}

/// The long options (`--name`) that `genogram ARGS --help` shows.
fn options(args: &[&str]) -> BTreeSet<String> {
    let mut all = args.to_vec();
    all.push("--help");
    let help = stdout(&genogram(&all));
    let options = help.split_once("Options:\n").expect("options").1;
    options
        .split(|c: char| c.is_whitespace() || c == ',' || c == '=' || c == '[')
        .filter(|w| w.starts_with("--") && w.len() > 2)
        .map(|w| {
            w.trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        })
        .collect()
}

/// A manual page as plain text: roff's escaped dashes and font changes taken out.
fn plain_roff(text: &str) -> String {
    text.replace("\\-", "-")
        .replace("\\fB", "")
        .replace("\\fR", "")
        .replace("\\fI", "")
        .replace("\\fP", "")
}

#[test]
fn a_manual_page_per_command_and_completions_with_every_command_and_option() {
    let dir = temp_dir("package-files");
    let out = genogram(["package-files".as_ref(), dir.as_os_str()]);
    assert!(out.status.success(), "{out:?}");
    let commands = commands();
    for c in ["render", "serve", "open", "help", "check", "report", "init"] {
        assert!(
            commands.iter().any(|x| x == c),
            "{c} missing from {commands:?}"
        );
    }
    let read =
        |rel: &str| std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let main_page = plain_roff(&read("man/genogram.1"));
    assert!(
        main_page.starts_with(".ie") || main_page.contains(".TH genogram 1"),
        "{main_page}"
    );
    let bash = read("completions/genogram.bash");
    let zsh = read("completions/_genogram");
    let fish = read("completions/genogram.fish");
    for c in &commands {
        assert!(
            main_page.contains(&format!("genogram-{c}(1)")),
            "genogram.1 does not list {c}"
        );
        let page = plain_roff(&read(&format!("man/genogram-{c}.1")));
        assert!(page.contains(&format!(".TH genogram-{c} 1")), "{c}: {page}");
        for option in options(&[c]) {
            assert!(page.contains(&option), "genogram-{c}.1 lacks {option}");
            assert!(bash.contains(&option), "bash completion lacks {c} {option}");
            assert!(zsh.contains(&option), "zsh completion lacks {c} {option}");
            let long = option.trim_start_matches('-');
            assert!(
                fish.contains(&format!("__fish_genogram_using_subcommand {c}"))
                    && fish.contains(&format!("-l {long}")),
                "fish completion lacks {c} {option}"
            );
        }
        assert!(
            bash.contains(&format!(
                "genogram__subcmd__{}",
                c.replace('-', "__subcmd__")
            )),
            "bash: {c}"
        );
        assert!(zsh.contains(&format!("({c})")), "zsh: {c}");
        assert!(fish.contains(&format!("-a \"{c}\"")), "fish: {c}");
    }
    for option in options(&[]) {
        assert!(main_page.contains(&option), "genogram.1 lacks {option}");
    }
    // The hidden commands are for packagers and tests, not on the pages.
    assert!(!dir.join("man/genogram-package-files.1").exists());
    let pages = std::fs::read_dir(dir.join("man")).unwrap().count();
    assert_eq!(
        pages,
        commands.len() + 1,
        "one page per command and genogram.1"
    );
}

#[test]
fn version_names_the_optional_parts_of_this_build() {
    let out = stdout(&genogram(["--version"]));
    let expected = if cfg!(all(feature = "png", feature = "pdf")) {
        "(features: png, pdf)"
    } else if cfg!(feature = "png") {
        "(features: png)"
    } else if cfg!(feature = "pdf") {
        "(features: pdf)"
    } else {
        "(features: none, SVG only)"
    };
    assert_eq!(
        out,
        format!("genogram {} {expected}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn help_topics_are_the_guides_of_docs() {
    for (topic, doc) in [
        ("format", "docs/format.md"),
        ("notation", "docs/notation.md"),
        ("skills", "docs/analysis.md"),
    ] {
        let out = genogram(["help", topic]);
        assert!(out.status.success(), "{out:?}");
        let shown = stdout(&out);
        let md = std::fs::read_to_string(crate::util::path(doc)).unwrap();
        // The first heading, underlined, and every heading of the guide in order.
        let headings: Vec<&str> = md
            .lines()
            .filter(|l| l.starts_with("## "))
            .map(|l| l.trim_start_matches('#').trim())
            .collect();
        assert!(!headings.is_empty(), "{doc}");
        let mut at = 0;
        for h in headings {
            let plain = h.replace('`', "").replace("**", "");
            let found = shown[at..]
                .find(&format!("{plain}\n{}", "-".repeat(plain.chars().count())))
                .unwrap_or_else(|| panic!("{topic}: heading {plain:?} missing or out of order"));
            at += found;
        }
        assert!(!shown.contains("```"), "{topic}");
    }
    let out = genogram(["help", "render"]);
    assert!(stdout(&out).contains("Usage: genogram render"), "{out:?}");
    let out = genogram(["help", "nothing-like-it"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(crate::util::stderr(&out).contains("format, notation, skills"));
}
