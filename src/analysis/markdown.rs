//! The report as Markdown, to print as a handout section: one `#` title, a `##` section
//! per skill and per theme, tables and bullet lists; user text is escaped so that a name
//! cannot turn into markup.

use super::Report;
use super::prose::{self, Block};

/// The report as Markdown.
pub fn render(report: &Report) -> String {
    let doc = prose::document(report);
    let mut out = format!("# {}\n\n", escape(&doc.title));
    for p in &doc.intro {
        out.push_str(&escape(p));
        out.push_str("\n\n");
    }
    for section in &doc.sections {
        out.push_str(&format!("## {}\n\n", escape(&section.heading)));
        for block in &section.blocks {
            match block {
                Block::Para(p) => {
                    out.push_str(&escape(p));
                    out.push_str("\n\n");
                }
                Block::Sub(h) => out.push_str(&format!("### {}\n\n", escape(h))),
                Block::List(items) => {
                    for item in items {
                        out.push_str(&format!("- {}\n", escape(item)));
                    }
                    out.push('\n');
                }
                Block::Table(header, rows) => {
                    let row = |cells: &[String]| {
                        format!(
                            "| {} |\n",
                            cells
                                .iter()
                                .map(|c| escape(c))
                                .collect::<Vec<_>>()
                                .join(" | ")
                        )
                    };
                    out.push_str(&row(header));
                    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
                    for r in rows {
                        out.push_str(&row(r));
                    }
                    out.push('\n');
                }
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Escapes the characters that Markdown would read as markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn names_cannot_become_markup() {
        assert_eq!(escape("*Ann* [x](y) a|b"), "\\*Ann\\* \\[x\\](y) a\\|b");
    }
}
