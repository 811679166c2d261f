//! Writes an imported family as a family file, by hand so that the layout is the one people
//! read and edit: one person per block, couples as short lists, comments on top.

use std::fmt::Write as _;

use super::to_family::{Converted, Couple};
use crate::model::{DEFAULT_SKILLS, Link, Relation};

/// Writes the family file; `source` is the GEDCOM file's name, for the heading comment.
pub fn write(c: &Converted, source: &str) -> String {
    let mut out = String::with_capacity(c.people.len() * 120 + 1024);
    out.push_str("# yaml-language-server: $schema=genogram.schema.json\n");
    out.push_str(
        "# (For checking as you type in an editor, run `genogram schema > genogram.schema.json`\n",
    );
    out.push_str("# in this folder, or change the path above to where that file is.)\n");
    let _ = writeln!(
        out,
        "# Imported from {} by `genogram import`.",
        comment_safe(source)
    );
    out.push_str(
        "#\n\
         # Skills are not rated yet: that is for you (or your therapist) to fill in. To rate a\n\
         # person, add a `skills:` line under them, for example:\n\
         #     skills: {openness: some, honesty: strong, directness: none}\n\
         # Each level is `none`, `some`, `strong` or `unknown`; leave out what you do not know.\n\
         # The three skills are described under `skills:` just below.\n\
         # Then run `genogram check` on this file.\n\n",
    );
    if let Some(title) = &c.title {
        let _ = writeln!(out, "title: {}", scalar(title));
    }
    out.push_str("skills:\n");
    for (name, description) in DEFAULT_SKILLS {
        let _ = writeln!(out, "  {name}: {}", scalar(description));
    }
    out.push_str("\npeople:");
    if c.people.is_empty() {
        out.push_str(" {}\n");
    } else {
        out.push('\n');
    }
    for p in &c.people {
        let _ = writeln!(out, "  {}:", p.id);
        let mut field = |key: &str, value: String| {
            let _ = writeln!(out, "    {key}: {value}");
        };
        if !p.name.full.is_empty() {
            field("name", scalar(&p.name.full));
        }
        if let Some(s) = p.sex {
            field("sex", s.as_str().to_string());
        }
        if let Some(b) = p.born {
            field("born", b.to_string());
        }
        match p.died {
            Some(d) => field("died", d.to_string()),
            None if p.deceased => field("deceased", "true".into()),
            None => {}
        }
        if let Some(o) = &p.occupation {
            field("occupation", scalar(o));
        }
        if let Some(l) = &p.location {
            field("location", scalar(l));
        }
        if p.name.full.is_empty()
            && p.sex.is_none()
            && p.born.is_none()
            && !p.deceased
            && p.occupation.is_none()
            && p.location.is_none()
        {
            // An empty mapping rather than a null, so the entry reads as a person.
            out.truncate(out.len() - 1);
            out.push_str(" {}\n");
        }
    }
    if !c.couples.is_empty() {
        out.push_str("\ncouples:\n");
        for couple in &c.couples {
            write_couple(&mut out, c, couple);
        }
    }
    out
}

fn write_couple(out: &mut String, c: &Converted, couple: &Couple) {
    let ids: Vec<&str> = couple
        .partners
        .iter()
        .map(|p| c.people[*p].id.as_str())
        .collect();
    let _ = writeln!(out, "  - partners: [{}]", ids.join(", "));
    if couple.relation != Relation::Married {
        let _ = writeln!(out, "    relation: {}", couple.relation);
    }
    for (key, date) in [
        ("married", couple.married),
        ("divorced", couple.divorced),
        ("since", couple.since),
    ] {
        if let Some(d) = date {
            let _ = writeln!(out, "    {key}: {d}");
        }
    }
    if couple.children.is_empty() {
        return;
    }
    let items: Vec<String> = couple
        .children
        .iter()
        .map(|ch| {
            let id = &c.people[ch.person].id;
            match (ch.link, ch.adopted) {
                (Link::Biological, _) => id.clone(),
                (link, Some(d)) => format!("{{id: {id}, link: {link}, adopted: {d}}}"),
                (link, None) => format!("{{id: {id}, link: {link}}}"),
            }
        })
        .collect();
    let _ = writeln!(out, "    children: [{}]", items.join(", "));
}

/// A comment line never breaks: line breaks and control characters become spaces.
fn comment_safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() || crate::diag::is_unsafe_char(c) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// A YAML scalar for `s`: plain when YAML reads it back as the same text, else
/// double-quoted with escapes.
pub fn scalar(s: &str) -> String {
    if is_plain_safe(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            // U+2028 and U+2029 are line breaks to YAML 1.1 parsers, and YAML forbids
            // U+FFFE and U+FFFF raw: escape them too.
            c if c.is_control()
                || crate::diag::is_unsafe_char(c)
                || matches!(
                    c,
                    '\u{feff}' | '\u{2028}' | '\u{2029}' | '\u{fffe}' | '\u{ffff}'
                ) =>
            {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Conservative: letters, digits, spaces and a few punctuation marks inside, starting
/// with a letter, not a word YAML gives a meaning (`yes`, `null`, …).
fn is_plain_safe(s: &str) -> bool {
    const SPECIAL: &[&str] = &["y", "n", "yes", "no", "on", "off", "true", "false", "null"];
    let Some(first) = s.chars().next() else {
        return false;
    };
    first.is_alphabetic()
        && !s.ends_with(' ')
        && !s.contains("  ")
        && !SPECIAL.contains(&s.to_ascii_lowercase().as_str())
        && s.chars().all(|c| {
            (c.is_alphanumeric() && !c.is_control())
                || matches!(c, ' ' | '.' | ',' | '-' | '(' | ')' | '\'' | ';' | '/')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_only_when_safe() {
        assert_eq!(scalar("Victoria Hanover"), "Victoria Hanover");
        assert_eq!(scalar("José María (Pepe)"), "José María (Pepe)");
        for s in [
            "", " a", "a ", "a: b", "#x", "- a", "{a}", "[a]", "'a", "\"a", "&a", "*a", "!a", "|a",
            ">a", "%a", "@a", "`a", "yes", "No", "true", "null", "~", "12", "1.5", "a #b", "a\nb",
            "a\u{1b}b", "a\\b",
        ] {
            assert!(scalar(s).starts_with('"'), "{s:?} → {}", scalar(s));
        }
    }

    #[test]
    fn line_separators_are_escaped() {
        assert_eq!(scalar("a\u{2028} b"), "\"a\\u2028 b\"");
        assert_eq!(scalar("\u{2029}"), "\"\\u2029\"");
    }

    #[test]
    fn quoted_text_escapes_what_must_be() {
        assert_eq!(scalar("Joseph \"John\""), "\"Joseph \\\"John\\\"\"");
        assert_eq!(scalar("a\u{1b}b"), "\"a\\u001bb\"");
    }
}
