//! The report as Markdown, to print as a handout section: one `#` title, a `##` section
//! per skill and per theme, tables and bullet lists; user text is escaped so that a name
//! cannot turn into markup.

use super::Report;
use super::prose::{self, Block, Cell};

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
                    table_row(&mut out, header);
                    out.push('|');
                    out.push_str(&"---|".repeat(header.len()));
                    out.push('\n');
                    for r in rows {
                        table_row(&mut out, r);
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

/// One table row, written straight into the output (a large family has many rows).
fn table_row(out: &mut String, cells: &[Cell]) {
    out.push('|');
    for c in cells {
        out.push(' ');
        escape_into(out, c);
        out.push_str(" |");
    }
    out.push('\n');
}

/// Escapes the characters that Markdown would read as markup.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Appends `text` to `out`, escaping the characters Markdown would read as markup.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn names_cannot_become_markup() {
        assert_eq!(escape("*Ann* [x](y) a|b"), "\\*Ann\\* \\[x\\](y) a\\|b");
    }
}
