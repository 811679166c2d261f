//! GEDCOM lines into a tree of records, with `CONT`/`CONC` continuations joined and `@@`
//! unescaped.

use super::lines::Line;
use crate::diag::{Diagnostic, LineCol, Span};

/// A line with the lines below it.
#[derive(Clone, Debug, Default)]
pub struct Node {
    /// Line number of the line, from 1.
    pub line: u32,
    /// The cross-reference identifier, with its `@` signs.
    pub xref: Option<String>,
    /// The tag, upper-cased.
    pub tag: String,
    /// The value, continuations joined; `None` when the line has none.
    pub value: Option<String>,
    /// The lines one level deeper, in file order.
    pub children: Vec<Node>,
}

impl Node {
    /// The value, trimmed, when it is not empty.
    pub fn text(&self) -> Option<&str> {
        self.value
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }

    /// The value when it is a pointer such as `@I1@` (never `@VOID@`).
    pub fn pointer(&self) -> Option<&str> {
        let v = self.value.as_deref()?.trim();
        (v.len() > 2 && v.starts_with('@') && v.ends_with('@') && !v.starts_with("@#"))
            .then_some(v)
            .filter(|v| !v.eq_ignore_ascii_case("@VOID@"))
    }

    /// The first child with this tag.
    pub fn child(&self, tag: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.tag == tag)
    }

    /// The span of this line, for messages.
    pub fn span(&self) -> Span {
        Span::point(LineCol::one_based(self.line as usize, 1))
    }
}

/// Whether `@@` is unescaped everywhere in a value (GEDCOM 5) or only at its start (7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Escapes {
    /// GEDCOM 5.x: every `@@` means `@`.
    Everywhere,
    /// GEDCOM 7: only a leading `@@` means `@`.
    Leading,
}

/// Builds the record tree: level-0 records in file order.
///
/// # Errors
///
/// A diagnostic at a `CONT` or `CONC` line that has nothing to continue.
pub fn records(lines: Vec<Line>, escapes: Escapes) -> Result<Vec<Node>, Diagnostic> {
    let mut top: Vec<Node> = Vec::new();
    // stack[i] is the open node of level i.
    let mut stack: Vec<Node> = Vec::new();
    for l in lines {
        if l.tag == "CONT" || l.tag == "CONC" {
            while stack.len() > l.level {
                close(&mut stack, &mut top);
            }
            let parent = match l.level.checked_sub(1) {
                Some(i) if i < stack.len() => &mut stack[i],
                _ => {
                    return Err(Diagnostic::error(
                        Span::point(LineCol::one_based(l.number as usize, 1)),
                        format!("this `{}` line has no line above it to continue", l.tag),
                    )
                    .with_help(format!(
                        "a `{}` line continues the text of the line above and is one level deeper than it",
                        l.tag
                    )));
                }
            };
            let text = unescape(l.value.as_deref().unwrap_or(""), escapes);
            let v = parent.value.get_or_insert_with(String::new);
            if l.tag == "CONT" {
                v.push('\n');
            }
            v.push_str(&text);
            continue;
        }
        while stack.len() > l.level {
            close(&mut stack, &mut top);
        }
        stack.push(Node {
            line: l.number,
            xref: l.xref,
            tag: l.tag,
            value: l.value.map(|v| unescape(&v, escapes)),
            children: Vec::new(),
        });
    }
    while !stack.is_empty() {
        close(&mut stack, &mut top);
    }
    Ok(top)
}

fn close(stack: &mut Vec<Node>, top: &mut Vec<Node>) {
    if let Some(node) = stack.pop() {
        match stack.last_mut() {
            Some(parent) => parent.children.push(node),
            None => top.push(node),
        }
    }
}

fn unescape(v: &str, escapes: Escapes) -> String {
    match escapes {
        Escapes::Everywhere => v.replace("@@", "@"),
        Escapes::Leading => match v.strip_prefix("@@") {
            Some(rest) => format!("@{rest}"),
            None => v.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::lines;
    use super::*;

    fn tree(text: &str, escapes: Escapes) -> Vec<Node> {
        records(lines(text).unwrap(), escapes).unwrap()
    }

    #[test]
    fn nests_by_level() {
        let t = tree(
            "0 HEAD\n1 GEDC\n2 VERS 7.0\n0 @I1@ INDI\n1 BIRT\n2 DATE 1900\n1 SEX F\n0 TRLR\n",
            Escapes::Leading,
        );
        assert_eq!(t.len(), 3);
        assert_eq!(t[1].children.len(), 2);
        assert_eq!(t[1].children[0].child("DATE").unwrap().text(), Some("1900"));
        assert_eq!(t[1].children[1].line, 7);
    }

    #[test]
    fn joins_cont_and_conc() {
        let t = tree(
            "0 HEAD\n0 @N1@ NOTE First li\n1 CONC ne\n1 CONT second line\n1 CONT\n1 CONC x\n",
            Escapes::Leading,
        );
        assert_eq!(t[1].value.as_deref(), Some("First line\nsecond line\nx"));
        assert!(t[1].children.is_empty());
    }

    #[test]
    fn unescapes_at_signs_by_version() {
        let t5 = tree("0 HEAD\n1 NOTE @@me and a@@b\n", Escapes::Everywhere);
        assert_eq!(t5[0].children[0].value.as_deref(), Some("@me and a@b"));
        let t7 = tree("0 HEAD\n1 NOTE @@me and a@@b\n", Escapes::Leading);
        assert_eq!(t7[0].children[0].value.as_deref(), Some("@me and a@@b"));
    }

    #[test]
    fn pointers_exclude_void_and_date_escapes() {
        let t = tree(
            "0 HEAD\n1 A @I1@\n1 B @VOID@\n1 C @#DJULIAN@ 1700\n1 D text\n",
            Escapes::Leading,
        );
        let p: Vec<Option<&str>> = t[0].children.iter().map(Node::pointer).collect();
        assert_eq!(p, [Some("@I1@"), None, None, None]);
    }

    #[test]
    fn refuses_a_stray_continuation() {
        let e = records(lines("0 HEAD\n0 CONT x\n").unwrap(), Escapes::Leading).unwrap_err();
        assert_eq!(e.span.start.line, 2);
        // A continuation one level below an earlier line continues that line.
        let t = tree("0 HEAD\n1 NOTE a\n2 X\n2 CONC b\n", Escapes::Leading);
        assert_eq!(t[0].children[0].value.as_deref(), Some("ab"));
    }
}
