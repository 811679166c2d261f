//! How a new value is written: on `key:` and `-` lines or in `{…}` and `[…]`, following
//! the same place in the file's other entries (the last person's skills for a new
//! person's skills), else the style of the samples; and the file's habits (indentation,
//! quotes, line ends) read once from its text.

use serde_json::Value as Json;

use super::change::Editor;
use super::doc::{Body, Doc, Node, Seg, Shape};
use super::render::{self, Style};

impl Editor {
    /// A scalar (or flow collection) as written after `key: ` or `- `: a multi-line text
    /// as a `|` block indented to `inner`; empty for null.
    pub(super) fn scalar_text(&self, value: &Json, inner: usize) -> String {
        match value {
            Json::Null => String::new(),
            Json::String(s) if s.contains('\n') => render::literal_block(s, inner, &self.style)
                .unwrap_or_else(|| render::inline(value, &self.style)),
            v => render::inline(v, &self.style),
        }
    }

    /// Whether `value` at `path` is written in block style (`key:` lines, `-` lines).
    pub(super) fn want_block(
        &self,
        path: &[Seg],
        value: &Json,
        existing: Option<&Node>,
        in_flow: bool,
    ) -> bool {
        let empty = match value {
            Json::Object(m) => m.is_empty(),
            Json::Array(a) => a.is_empty(),
            _ => return false,
        };
        if in_flow || empty {
            return false;
        }
        if let Some(node) = existing.filter(|n| same_kind(n, value) && !is_empty_collection(n)) {
            return node.shape.is_block_collection();
        }
        if let Some(t) = self.template(path, value.is_object()) {
            return t.shape.is_block_collection();
        }
        default_block(path, value, &self.style)
    }

    /// The value of the same place in another entry (the last in the file), whose style a
    /// new value follows.
    pub(super) fn template(&self, path: &[Seg], map: bool) -> Option<&Node> {
        let pattern = generalise(path);
        self.doc.matching(&pattern).into_iter().rev().find(|n| {
            !is_empty_collection(n)
                && match n.shape {
                    Shape::FlowMap | Shape::BlockMap => map,
                    Shape::FlowSeq | Shape::BlockSeq => !map,
                    _ => false,
                }
        })
    }

    /// `value` as block lines at column `col`, joined by line ends, without a final one.
    pub(super) fn block_lines(&self, path: &[Seg], value: &Json, col: usize) -> String {
        let pad = " ".repeat(col);
        let eol = self.style.eol;
        let mut lines: Vec<String> = Vec::new();
        match value {
            Json::Object(map) => {
                for (k, v) in map {
                    let mut p = path.to_vec();
                    p.push(Seg::Key(k.clone()));
                    lines.push(format!(
                        "{pad}{}:{}",
                        render::key(k, &self.style),
                        self.after_key(&p, v, col)
                    ));
                }
            }
            Json::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    let mut p = path.to_vec();
                    p.push(Seg::Index(i));
                    lines.push(format!("{pad}-{}", self.after_dash(&p, v, col)));
                }
            }
            v => lines.push(format!("{pad}{}", render::inline(v, &self.style))),
        }
        lines.join(eol)
    }

    /// What follows `key:` for `value`, the key at column `col`.
    pub(super) fn after_key(&self, path: &[Seg], value: &Json, col: usize) -> String {
        if self.want_block(path, value, None, false) {
            let inner = col
                + if value.is_array() {
                    self.style.seq_indent
                } else {
                    self.style.unit
                };
            return format!("{}{}", self.style.eol, self.block_lines(path, value, inner));
        }
        let text = self.scalar_text(value, col + self.style.unit);
        if text.is_empty() {
            text
        } else {
            format!(" {text}")
        }
    }

    /// What follows `-` for `value`, the dash at column `col`.
    pub(super) fn after_dash(&self, path: &[Seg], value: &Json, col: usize) -> String {
        if self.want_block(path, value, None, false) {
            let inner = col + 2;
            let lines = self.block_lines(path, value, inner);
            return format!(" {}", &lines[inner..]);
        }
        let text = self.scalar_text(value, col + 2);
        if text.is_empty() {
            text
        } else {
            format!(" {text}")
        }
    }
}

/// Where a top-level field goes among the others: in the order the format's documentation
/// writes them; fields it does not know go last.
pub(super) fn section_rank(key: &str) -> usize {
    [
        "title",
        "index",
        "skills",
        "people",
        "couples",
        "relationships",
    ]
    .iter()
    .position(|k| *k == key)
    .unwrap_or(usize::MAX)
}

/// Whether `node` is `{}` or `[]`.
pub(super) fn is_empty_collection(node: &Node) -> bool {
    match &node.body {
        Body::Map(e) => e.is_empty(),
        Body::Seq(i) => i.is_empty(),
        Body::Scalar(_) => false,
    }
}

pub(super) fn same_kind(node: &Node, value: &Json) -> bool {
    matches!(
        (&node.body, value),
        (Body::Map(_), Json::Object(_)) | (Body::Seq(_), Json::Array(_))
    )
}

/// The pattern of places like `path` in other entries: any person's id, any item of a
/// list, any skill's name under a person's skills.
pub(super) fn generalise(path: &[Seg]) -> Vec<Option<Seg>> {
    path.iter()
        .enumerate()
        .map(|(i, seg)| match seg {
            Seg::Index(_) => None,
            Seg::Key(_) if i == 1 && path[0] == Seg::Key("people".into()) => None,
            Seg::Key(_)
                if i == 3
                    && path[0] == Seg::Key("people".into())
                    && path[2] == Seg::Key("skills".into()) =>
            {
                None
            }
            s => Some(s.clone()),
        })
        .collect()
}

/// The style of a value no other entry shows: people and couples as `key:` lines,
/// relationships on one line each, sections as lines; smaller collections of plain values
/// on one line.
pub(super) fn default_block(path: &[Seg], value: &Json, style: &Style) -> bool {
    let top = |k: &str| path.first() == Some(&Seg::Key(k.into()));
    match path.len() {
        1 => return true,
        2 if top("people") || top("couples") => return true,
        2 if top("relationships") => return false,
        _ => {}
    }
    !(render::all_scalars(value) && render::inline(value, style).chars().count() <= 60)
}

/// The file's habits: its line ends, indentation and quotes.
pub(super) fn style_of(doc: &Doc) -> Style {
    let mut style = Style::default();
    if doc.text.contains("\r\n") {
        style.eol = "\r\n";
    }
    let mut unit = None;
    let mut seq_indent = None;
    let (mut double, mut single) = (0usize, 0usize);
    let mut stack: Vec<&Node> = doc.root.iter().collect();
    while let Some(node) = stack.pop() {
        match &node.body {
            Body::Map(entries) => {
                for e in entries {
                    let key_col = doc.col(e.key_start);
                    match e.value.shape {
                        Shape::BlockMap if unit.is_none() => {
                            unit = doc
                                .col(e.value.start)
                                .checked_sub(key_col)
                                .filter(|&u| u > 0);
                        }
                        Shape::BlockSeq
                            if node.shape == Shape::BlockMap && seq_indent.is_none() =>
                        {
                            seq_indent = doc.col(e.value.start).checked_sub(key_col);
                        }
                        _ => {}
                    }
                    stack.push(&e.value);
                }
            }
            Body::Seq(items) => stack.extend(items.iter().map(|i| &i.node)),
            Body::Scalar(_) if node.shape == Shape::Scalar => {
                match doc.text.as_bytes().get(node.start) {
                    Some(b'"') => double += 1,
                    Some(b'\'') => single += 1,
                    _ => {}
                }
            }
            Body::Scalar(_) => {}
        }
    }
    style.unit = unit.unwrap_or(2);
    style.seq_indent = seq_indent.unwrap_or(style.unit);
    if single > double {
        style.quote = '\'';
    }
    style
}
