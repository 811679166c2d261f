//! The report as plain text for a terminal or an e-mail: headings underlined, paragraphs
//! wrapped at 80 columns, tables in aligned columns.

use super::Report;
use super::prose::{self, Block, Cell};

/// Width of a wrapped line.
const WIDTH: usize = 80;

/// The report as plain text.
pub fn render(report: &Report) -> String {
    let doc = prose::document(report);
    let mut out = String::new();
    underline(&mut out, &doc.title, '=');
    out.push('\n');
    for p in &doc.intro {
        wrap(&mut out, p, "", "");
    }
    out.push('\n');
    for section in &doc.sections {
        underline(&mut out, &section.heading, '-');
        for block in &section.blocks {
            match block {
                Block::Para(p) => wrap(&mut out, p, "", ""),
                Block::Sub(h) => {
                    out.push_str(h);
                    out.push_str(":\n");
                    continue;
                }
                Block::List(items) => {
                    for item in items {
                        wrap(&mut out, item, "  - ", "    ");
                    }
                }
                Block::Table(header, rows) => table(&mut out, header, rows),
            }
            // A blank line after each paragraph, list and table; none after a heading.
            out.push('\n');
        }
    }
    // The last block's blank line is not wanted at the end of the output.
    if out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn underline(out: &mut String, text: &str, c: char) {
    out.push_str(text);
    out.push('\n');
    out.extend(std::iter::repeat_n(c, text.chars().count()));
    out.push('\n');
}

/// Appends `text` wrapped at [`WIDTH`], the first line after `first`, the rest after `rest`.
pub(super) fn wrap(out: &mut String, text: &str, first: &str, rest: &str) {
    let mut line = String::from(first);
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            out.push_str(&line);
            out.push('\n');
            line = String::from(rest);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
}

fn table(out: &mut String, header: &[Cell], rows: &[Vec<Cell>]) {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    // Written straight into the output; padding goes only before a cell that has text,
    // so no line ends in spaces.
    let mut line = |cells: &[Cell]| {
        let mut pending = 2;
        for (cell, w) in cells.iter().zip(&widths) {
            if cell.is_empty() {
                pending += w + 2;
                continue;
            }
            out.extend(std::iter::repeat_n(' ', pending));
            out.push_str(cell);
            pending = w - cell.chars().count() + 2;
        }
        out.push('\n');
    };
    line(header);
    for row in rows {
        line(row);
    }
}
