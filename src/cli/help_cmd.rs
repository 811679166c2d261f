//! `genogram help [TOPIC]`: the reference guides in the terminal, from the very text of
//! docs/ (compiled in, so there is one copy), or a command's own help.

use std::io::Write;

use clap::{CommandFactory, Parser};

use crate::Error;

/// The guides: name, what it is about, and its Markdown text from docs/.
pub const GUIDES: &[(&str, &str, &str)] = &[
    (
        "format",
        "the family file: people, dates, skills, couples, relationships",
        include_str!("../../docs/format.md"),
    ),
    (
        "notation",
        "the symbols and lines of the drawing",
        include_str!("../../docs/notation.md"),
    ),
    (
        "skills",
        "the skills of intimacy and the report on how they were passed down",
        include_str!("../../docs/analysis.md"),
    ),
];

/// Prints the guide `topic`, the help of the command `topic`, or without a topic the
/// list of guides and commands.
pub(super) fn run(topic: Option<&str>, out: &mut impl Write) -> Result<u8, Error> {
    let Some(topic) = topic else {
        let mut text = String::from("Guides (genogram help GUIDE):\n");
        for (name, about, _) in GUIDES {
            text.push_str(&format!("  {name:<10}{about}\n"));
        }
        text.push('\n');
        text.push_str(&super::Args::command().render_long_help().to_string());
        return super::write_out(out, text.as_bytes());
    };
    if let Some((_, _, markdown)) = GUIDES.iter().find(|(name, _, _)| *name == topic) {
        return super::write_out(out, plain_text(markdown).as_bytes());
    }
    let command = super::Args::command();
    match command
        .get_subcommands()
        .find(|c| !c.is_hide_set() && c.get_name() == topic)
    {
        Some(_) => {
            // clap prints a command's help through an "error" that carries it.
            let shown = super::Args::try_parse_from(["genogram", topic, "--help"])
                .err()
                .map(|e| e.render().to_string())
                .unwrap_or_default();
            super::write_out(out, shown.as_bytes())
        }
        None => {
            let guides: Vec<&str> = GUIDES.iter().map(|g| g.0).collect();
            let commands: Vec<&str> = command
                .get_subcommands()
                .filter(|c| !c.is_hide_set())
                .map(|c| c.get_name())
                .collect();
            Err(Error::Usage(format!(
                "there is no guide or command `{topic}`; the guides are {}, the commands {}",
                guides.join(", "),
                commands.join(", ")
            )))
        }
    }
}

/// Markdown made readable as plain text: headings underlined, code blocks indented, and
/// emphasis marks, backticks, link targets, pictures and table rules left out.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            out.push_str("    ");
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let hashes = line.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
            let title = inline(line[hashes..].trim());
            let rule = match hashes {
                1 => Some('='),
                2 => Some('-'),
                _ => None,
            };
            out.push_str(&title);
            out.push('\n');
            if let Some(r) = rule {
                out.extend(std::iter::repeat_n(r, title.chars().count()));
                out.push('\n');
            }
            continue;
        }
        let t = line.trim();
        if t.starts_with('|') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
            continue;
        }
        if t.starts_with("![") {
            continue;
        }
        out.push_str(&inline(line));
        out.push('\n');
    }
    out
}

/// One line of Markdown without `**`, `*emphasis*` marks, backticks and link targets
/// (`[text](target)` → `text`).
fn inline(line: &str) -> String {
    let line = without_emphasis(&line.replace("**", "").replace('`', ""));
    let mut out = String::with_capacity(line.len());
    let mut rest = line.as_str();
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find("](") else { break };
        let Some(end) = after[close + 2..].find(')') else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&after[..close]);
        rest = &after[close + 2 + end + 1..];
    }
    out.push_str(rest);
    out
}

/// `line` without the single stars of `*emphasis*`: a star that opens a word (after the
/// start, a space or an opening bracket, before a letter) or closes one (after a
/// non-space, before the end, a space or punctuation). A list's `* ` and `2 * 3` stay.
fn without_emphasis(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == '*' {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            let opens = before.is_none_or(|b| b.is_whitespace() || "([\"'".contains(b))
                && after.is_some_and(|a| !a.is_whitespace() && a != '*');
            let closes = before.is_some_and(|b| !b.is_whitespace() && b != '*')
                && after.is_none_or(|a| a.is_whitespace() || ",.;:!?)]\"'".contains(a));
            if opens || closes {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_plain_text() {
        assert_eq!(
            inline("(*Genograms: Assessment*, 3rd ed.) *has* it; 2 * 3"),
            "(Genograms: Assessment, 3rd ed.) has it; 2 * 3"
        );
        assert_eq!(inline("* a list item"), "* a list item");
        let md = "# Title\n\nSee [the format](format.md) and **this** `code`.\n\n\
                  | a | b |\n|---|---|\n| 1 | 2 |\n\n```yaml\nx: 1\n```\n![pic](p.png)\n";
        assert_eq!(
            plain_text(md),
            "Title\n=====\n\nSee the format and this code.\n\n| a | b |\n| 1 | 2 |\n\n    x: 1\n"
        );
    }
}
