//! The three changes every operation is made of (set a value, remove a value, add an item
//! to a list) and [`Editor::assign`], which makes a value equal to a new one with as few
//! of them as it takes. Each change replaces only the bytes of the value concerned, then
//! the text is read again, so the next change sees where everything now is.

use serde_json::Value as Json;

use super::doc::{Body, Doc, Node, Seg, Shape, Unreadable, to_json};
use super::render::{self, Style};
use super::style::{is_empty_collection, same_kind, section_rank, style_of};

/// A change that could not be made in the text (a construct the editor does not handle);
/// what it was about.
#[derive(Debug)]
pub(super) struct Stuck(pub String);

/// The text being changed.
pub(super) struct Editor {
    /// The current text and its values.
    pub doc: Doc,
    /// The file's habits.
    pub style: Style,
}

/// Where a value sits, which decides how a new one is written there.
enum Slot {
    /// After `key:` at column `col`.
    Entry { col: usize, colon_end: usize },
    /// After `-` at column `col`.
    Item { col: usize, dash_end: usize },
    /// Inside `{…}` or `[…]`.
    Flow,
}

impl Editor {
    /// Starts editing `text`.
    pub(super) fn new(text: String) -> Result<Editor, Unreadable> {
        let doc = Doc::parse(text)?;
        let style = style_of(&doc);
        Ok(Editor { doc, style })
    }

    /// The value at `path`, as JSON.
    pub(super) fn json(&self, path: &[Seg]) -> Option<Json> {
        self.doc.get(path).map(to_json)
    }

    /// Replaces bytes `start..end` with `with` and reads the text again.
    pub(super) fn splice(&mut self, start: usize, end: usize, with: &str) -> Result<(), Stuck> {
        let mut text = String::with_capacity(self.doc.text.len() + with.len());
        text.push_str(&self.doc.text[..start]);
        text.push_str(with);
        text.push_str(&self.doc.text[end..]);
        self.doc = Doc::parse(text)
            .map_err(|_| Stuck("the changed text could not be read back".into()))?;
        Ok(())
    }

    /// Makes the value at `path` be `value`, adding the key (and any missing mapping above
    /// it) where needed.
    pub(super) fn set(&mut self, path: &[Seg], value: &Json) -> Result<(), Stuck> {
        let Some((last, parent_path)) = path.split_last() else {
            return Err(Stuck("the whole file cannot be replaced".into()));
        };
        if self.doc.root.is_none() {
            let Seg::Key(k) = last else {
                return Err(Stuck("the file is not a list".into()));
            };
            if !parent_path.is_empty() {
                let mut wrapped = serde_json::Map::new();
                wrapped.insert(k.clone(), value.clone());
                return self.set(parent_path, &Json::Object(wrapped));
            }
            self.append_top(k, value)?;
            return self.verify(path, value);
        }
        let Some(parent) = self.doc.get(parent_path) else {
            let Seg::Key(k) = last else {
                return Err(Stuck("a list that is not there".into()));
            };
            let mut wrapped = serde_json::Map::new();
            wrapped.insert(k.clone(), value.clone());
            return self.set(parent_path, &Json::Object(wrapped));
        };
        // `{}` in a block is a section or entry not filled yet: it is written anew, in
        // the style of the others.
        if is_empty_collection(parent)
            && !parent_path.is_empty()
            && self.in_block(parent_path)
            && let Seg::Key(k) = last
        {
            let mut wrapped = serde_json::Map::new();
            wrapped.insert(k.clone(), value.clone());
            return self.set(parent_path, &Json::Object(wrapped));
        }
        match (&parent.body, last) {
            (Body::Map(entries), Seg::Key(k)) => {
                if let Some(e) = entries.iter().find(|e| e.key == *k) {
                    let slot = slot_in(&self.doc, parent, Some(e.colon_end), e.key_start);
                    let node = e.value.clone();
                    self.replace(&node, slot, path, value)?;
                } else {
                    let parent = parent.clone();
                    self.insert_entry(&parent, parent_path, k, value)?;
                }
            }
            (Body::Seq(items), Seg::Index(i)) => {
                let Some(item) = items.get(*i) else {
                    return Err(Stuck("no such item".into()));
                };
                let slot = match item.dash {
                    Some(d) => Slot::Item {
                        col: self.doc.col(d),
                        dash_end: d + 1,
                    },
                    None => Slot::Flow,
                };
                let node = item.node.clone();
                self.replace(&node, slot, path, value)?;
            }
            (Body::Scalar(Json::Null), Seg::Key(k)) => {
                let mut wrapped = serde_json::Map::new();
                wrapped.insert(k.clone(), value.clone());
                return self.set(parent_path, &Json::Object(wrapped));
            }
            _ => return Err(Stuck("the value above it is not a mapping".into())),
        }
        self.verify(path, value)
    }

    /// Whether the value at `path` is written in block style's surroundings (the top of
    /// the file, or a `key:` or `-` line), not inside `{…}` or `[…]`.
    pub(super) fn in_block(&self, path: &[Seg]) -> bool {
        match path.split_last() {
            None => true,
            Some((_, parent)) => self.doc.get(parent).is_some_and(|p| !p.shape.is_flow()),
        }
    }

    /// Checks that the value at `path` now reads as `value`.
    fn verify(&self, path: &[Seg], value: &Json) -> Result<(), Stuck> {
        if self.json(path).as_ref() == Some(value) {
            Ok(())
        } else {
            Err(Stuck("the new value did not read back as given".into()))
        }
    }

    /// Writes `value` in place of `node`.
    fn replace(
        &mut self,
        node: &Node,
        slot: Slot,
        path: &[Seg],
        value: &Json,
    ) -> Result<(), Stuck> {
        let block = self.want_block(path, value, Some(node), matches!(slot, Slot::Flow));
        let eol = self.style.eol;
        match slot {
            Slot::Flow => self.splice(node.start, node.end, &render::in_flow(value, &self.style)),
            Slot::Entry { col, colon_end }
            | Slot::Item {
                col,
                dash_end: colon_end,
            } => {
                let item = matches!(slot, Slot::Item { .. });
                let same_line_value =
                    matches!(node.shape, Shape::Scalar | Shape::FlowMap | Shape::FlowSeq);
                // A block text's `|` or `>` goes with the text it introduced; a comment
                // after it stays.
                let scalar_comment = if node.shape == Shape::BlockScalar {
                    let header = self.rest_of_line(colon_end);
                    header
                        .find(" #")
                        .or_else(|| header.find("\t#"))
                        .map_or(String::new(), |i| header[i..].to_string())
                } else {
                    String::new()
                };
                if !block {
                    let inner = if item { col + 2 } else { col + self.style.unit };
                    let text = self.scalar_text(value, inner);
                    if same_line_value && !text.is_empty() && !text.contains('\n') {
                        return self.splice(node.start, node.end, &text);
                    }
                    let with = if text.is_empty() {
                        scalar_comment
                    } else if text.contains('\n') {
                        format!(" {text}")
                    } else {
                        format!(" {text}{scalar_comment}")
                    };
                    return self.splice(colon_end, node.end, &with);
                }
                if item {
                    let inner = col + 2;
                    let lines = self.block_lines(path, value, inner);
                    return self.splice(colon_end, node.end, &format!(" {}", &lines[inner..]));
                }
                let inner = if node.shape.is_block_collection() && same_kind(node, value) {
                    self.doc.col(node.start)
                } else if value.is_array() {
                    col + self.style.seq_indent
                } else {
                    col + self.style.unit
                };
                let lines = self.block_lines(path, value, inner);
                // A comment after the key stays on the key's line.
                let start = if node.shape.is_block_collection() {
                    colon_end + self.rest_of_line(colon_end).len()
                } else {
                    colon_end
                };
                self.splice(start, node.end, &format!("{scalar_comment}{eol}{lines}"))
            }
        }
    }

    /// The text from `at` to the end of its line, without the line end.
    fn rest_of_line(&self, at: usize) -> &str {
        let line_end = self.doc.next_line_start(at);
        self.doc.text[at..line_end].trim_end_matches(['\r', '\n'])
    }

    /// Adds `key: value` at the end of mapping `map` (at `map_path`).
    fn insert_entry(
        &mut self,
        map: &Node,
        map_path: &[Seg],
        key: &str,
        value: &Json,
    ) -> Result<(), Stuck> {
        let Body::Map(entries) = &map.body else {
            return Err(Stuck("not a mapping".into()));
        };
        let mut path = map_path.to_vec();
        path.push(Seg::Key(key.to_string()));
        if map.shape == Shape::FlowMap {
            let entry = format!(
                "{}: {}",
                render::key(key, &self.style),
                render::in_flow(value, &self.style)
            );
            return match entries.last() {
                None => self.splice(map.start + 1, map.start + 1, &entry),
                Some(last) => {
                    let at = last.value.end;
                    self.splice(at, at, &format!(", {entry}"))
                }
            };
        }
        let first = entries
            .first()
            .ok_or_else(|| Stuck("an empty mapping".into()))?;
        let col = self.doc.col(first.key_start);
        let line = format!(
            "{}{}:{}",
            " ".repeat(col),
            render::key(key, &self.style),
            self.after_key(&path, value, col)
        );
        if map_path.is_empty()
            && let Some(i) = entries
                .iter()
                .position(|e| section_rank(&e.key) > section_rank(key))
        {
            return self.insert_before_section(entries, i, &line);
        }
        let starts: Vec<usize> = entries.iter().map(|e| e.key_start).collect();
        self.insert_lines(map.end, col, &starts, &line)
    }

    /// Adds a top-level `line` before section `i` of the file (and the comment lines right
    /// above it, unless it is the first), so sections keep the order the format's
    /// documentation uses.
    fn insert_before_section(
        &mut self,
        entries: &[super::doc::Entry],
        i: usize,
        line: &str,
    ) -> Result<(), Stuck> {
        let eol = self.style.eol;
        let mut at = self.doc.line_start(entries[i].key_start);
        if i > 0 {
            while at > 0 {
                let prev = self.doc.line_start(at - 1);
                if self.doc.text[prev..at].starts_with('#') {
                    at = prev;
                } else {
                    break;
                }
            }
        }
        let mut with = format!("{line}{eol}");
        // A section of several lines before one set off by a blank line is set off too.
        if line.contains('\n') && at > 0 && self.blank_before(at) {
            with.push_str(eol);
        }
        self.splice(at, at, &with)
    }

    /// Adds the top-level `key: value` at the end of the text.
    fn append_top(&mut self, key: &str, value: &Json) -> Result<(), Stuck> {
        let line = format!(
            "{}:{}",
            render::key(key, &self.style),
            self.after_key(&[Seg::Key(key.to_string())], value, 0)
        );
        let eol = self.style.eol;
        let text = &self.doc.text;
        let mut with = String::new();
        if !text.is_empty() && !text.ends_with('\n') {
            with.push_str(eol);
        }
        // Sections separated by blank lines get one before the new section too.
        let separated = match &self.doc.root {
            Some(Node {
                body: Body::Map(entries),
                shape: Shape::BlockMap,
                ..
            }) => entries
                .last()
                .is_some_and(|e| entries.len() > 1 && self.blank_before(e.key_start)),
            _ => false,
        };
        if separated && !text.ends_with("\n\n") && !text.ends_with("\r\n\r\n") {
            with.push_str(eol);
        }
        with.push_str(&line);
        with.push_str(eol);
        let at = self.doc.text.len();
        if self.doc.root.is_some()
            && !matches!(
                self.doc.root.as_ref().map(|r| r.shape),
                Some(Shape::BlockMap)
            )
        {
            return Err(Stuck(
                "the file is not written as `key: value` lines".into(),
            ));
        }
        self.splice(at, at, &with)
    }

    /// Whether the line before the one holding `pos` is blank.
    pub(super) fn blank_before(&self, pos: usize) -> bool {
        let start = self.doc.line_start(pos);
        start > 0 && {
            let prev = self.doc.line_start(start - 1);
            self.doc.text[prev..start].trim().is_empty()
        }
    }

    /// Inserts `line` (already indented to `col`) after the block collection ending at
    /// `end`, whose entries start at `starts`: after the comments that belong to its last
    /// entry, with a blank line before it when the entries are separated by blank lines.
    fn insert_lines(
        &mut self,
        end: usize,
        col: usize,
        starts: &[usize],
        line: &str,
    ) -> Result<(), Stuck> {
        let eol = self.style.eol;
        let at = self.after_own_comments(end, col);
        let mut with = String::new();
        let at_end_without_eol = at == self.doc.text.len() && !self.doc.text.ends_with('\n');
        if at_end_without_eol {
            with.push_str(eol);
        }
        if starts.len() > 1 && starts.last().is_some_and(|&s| self.blank_before(s)) {
            with.push_str(eol);
        }
        with.push_str(line);
        if !at_end_without_eol {
            with.push_str(eol);
        }
        self.splice(at, at, &with)
    }

    /// The start of the line after byte `end` and the comment lines indented deeper than
    /// `col` right after it (they belong to the entry that ends there).
    pub(super) fn after_own_comments(&self, end: usize, col: usize) -> usize {
        let text = &self.doc.text;
        let mut at = self.doc.next_line_start(end);
        while at < text.len() {
            let next = self.doc.next_line_start(at);
            let line = &text[at..next];
            let body = line.trim_start_matches(' ');
            if body.starts_with('#') && line.len() - body.len() > col {
                at = next;
            } else {
                break;
            }
        }
        at
    }

    /// Adds `value` at the end of the list at `path` (making the list when there is none).
    pub(super) fn push(&mut self, path: &[Seg], value: &Json) -> Result<(), Stuck> {
        // An empty value, or `[]` on a `key:` line, is written anew as a list of one.
        let anew = |n: &Node| {
            matches!(n.body, Body::Scalar(Json::Null))
                || (is_empty_collection(n) && self.in_block(path))
        };
        let node = match self.doc.get(path) {
            Some(n) if !anew(n) => n.clone(),
            _ => return self.set(path, &Json::Array(vec![value.clone()])),
        };
        let Body::Seq(items) = &node.body else {
            return Err(Stuck("not a list".into()));
        };
        let mut item_path = path.to_vec();
        item_path.push(Seg::Index(items.len()));
        if node.shape == Shape::FlowSeq {
            let text = render::in_flow(value, &self.style);
            match items.last() {
                None => self.splice(node.start + 1, node.start + 1, &text)?,
                Some(last) => {
                    let at = last.node.end;
                    self.splice(at, at, &format!(", {text}"))?;
                }
            }
        } else {
            let dash = items
                .first()
                .and_then(|i| i.dash)
                .ok_or_else(|| Stuck("an empty list".into()))?;
            let col = self.doc.col(dash);
            let line = format!(
                "{}-{}",
                " ".repeat(col),
                self.after_dash(&item_path, value, col)
            );
            let starts: Vec<usize> = items.iter().filter_map(|i| i.dash).collect();
            self.insert_lines(node.end, col, &starts, &line)?;
        }
        self.verify(&item_path, value)
    }
}

/// Where a value of `parent` sits: after the key at `key_start` (with its colon ending at
/// `colon_end`) in a block mapping, or inside a flow collection.
fn slot_in(doc: &Doc, parent: &Node, colon_end: Option<usize>, key_start: usize) -> Slot {
    match (parent.shape, colon_end) {
        (Shape::BlockMap, Some(colon_end)) => Slot::Entry {
            col: doc.col(key_start),
            colon_end,
        },
        _ => Slot::Flow,
    }
}
