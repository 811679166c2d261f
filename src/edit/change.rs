//! The three changes every operation is made of (set a value, remove a value, add an item
//! to a list) and [`Editor::assign`], which makes a value equal to a new one with as few
//! of them as it takes. Each change replaces only the bytes of the value concerned, then
//! the text is read again, so the next change sees where everything now is.

use serde_json::Value as Json;

use super::doc::{Body, Doc, Node, Seg, Shape, Unreadable, to_json};
use super::render::{self, Style};

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
    fn splice(&mut self, start: usize, end: usize, with: &str) -> Result<(), Stuck> {
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
        if is_empty_collection(parent) && !parent_path.is_empty() && self.in_block(parent_path) {
            if let Seg::Key(k) = last {
                let mut wrapped = serde_json::Map::new();
                wrapped.insert(k.clone(), value.clone());
                return self.set(parent_path, &Json::Object(wrapped));
            }
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
    fn in_block(&self, path: &[Seg]) -> bool {
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
            Slot::Flow => self.splice(node.start, node.end, &render::inline(value, &self.style)),
            Slot::Entry { col, colon_end }
            | Slot::Item {
                col,
                dash_end: colon_end,
            } => {
                let item = matches!(slot, Slot::Item { .. });
                let same_line_value =
                    matches!(node.shape, Shape::Scalar | Shape::FlowMap | Shape::FlowSeq);
                if !block {
                    let inner = if item { col + 2 } else { col + self.style.unit };
                    let text = self.scalar_text(value, inner);
                    if same_line_value && !text.is_empty() && !text.contains('\n') {
                        return self.splice(node.start, node.end, &text);
                    }
                    let with = if text.is_empty() {
                        String::new()
                    } else {
                        format!(" {text}")
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
                let start = if node.shape.is_block_collection() || node.shape == Shape::BlockScalar
                {
                    let line_end = self.doc.next_line_start(colon_end);
                    let content = self.doc.text[colon_end..line_end].trim_end_matches(['\r', '\n']);
                    colon_end + content.len()
                } else {
                    colon_end
                };
                self.splice(start, node.end, &format!("{eol}{lines}"))
            }
        }
    }

    /// A scalar (or flow collection) as written after `key: ` or `- `: a multi-line text
    /// as a `|` block indented to `inner`; empty for null.
    fn scalar_text(&self, value: &Json, inner: usize) -> String {
        match value {
            Json::Null => String::new(),
            Json::String(s) if s.contains('\n') => render::literal_block(s, inner, &self.style)
                .unwrap_or_else(|| render::inline(value, &self.style)),
            v => render::inline(v, &self.style),
        }
    }

    /// Whether `value` at `path` is written in block style (`key:` lines, `-` lines).
    fn want_block(
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
    fn template(&self, path: &[Seg], map: bool) -> Option<&Node> {
        let pattern = generalise(path);
        self.doc
            .matching(&pattern)
            .into_iter()
            .rev()
            .find(|n| !is_empty_collection(n) && match n.shape {
                Shape::FlowMap | Shape::BlockMap => map,
                Shape::FlowSeq | Shape::BlockSeq => !map,
                _ => false,
            })
    }

    /// `value` as block lines at column `col`, joined by line ends, without a final one.
    fn block_lines(&self, path: &[Seg], value: &Json, col: usize) -> String {
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
    fn after_key(&self, path: &[Seg], value: &Json, col: usize) -> String {
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
    fn after_dash(&self, path: &[Seg], value: &Json, col: usize) -> String {
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
                render::inline(value, &self.style)
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
        let starts: Vec<usize> = entries.iter().map(|e| e.key_start).collect();
        self.insert_lines(map.end, col, &starts, &line)
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
    fn blank_before(&self, pos: usize) -> bool {
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
    fn after_own_comments(&self, end: usize, col: usize) -> usize {
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
        let node = match self.doc.get(path) {
            Some(n)
                if !matches!(n.body, Body::Scalar(Json::Null))
                    && !(is_empty_collection(n) && self.in_block(path)) =>
            {
                n.clone()
            }
            _ => return self.set(path, &Json::Array(vec![value.clone()])),
        };
        let Body::Seq(items) = &node.body else {
            return Err(Stuck("not a list".into()));
        };
        let mut item_path = path.to_vec();
        item_path.push(Seg::Index(items.len()));
        if node.shape == Shape::FlowSeq {
            let text = render::inline(value, &self.style);
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

    /// Removes the value at `path` (a mapping's entry or a list's item); nothing when it is
    /// not there.
    pub(super) fn remove(&mut self, path: &[Seg]) -> Result<(), Stuck> {
        let Some((last, parent_path)) = path.split_last() else {
            return Err(Stuck("the whole file cannot be removed".into()));
        };
        let Some(parent) = self.doc.get(parent_path).cloned() else {
            return Ok(());
        };
        // (start of the value's text, start of its line or dash, end, next's start,
        // previous one's end)
        let (own_start, end, next_start, prev_end, count) = match (&parent.body, last) {
            (Body::Map(entries), Seg::Key(k)) => {
                let Some(i) = entries.iter().position(|e| e.key == *k) else {
                    return Ok(());
                };
                (
                    entries[i].key_start,
                    entries[i].value.end.max(entries[i].colon_end),
                    entries.get(i + 1).map(|e| e.key_start),
                    i.checked_sub(1)
                        .map(|p| entries[p].value.end.max(entries[p].colon_end)),
                    entries.len(),
                )
            }
            (Body::Seq(items), Seg::Index(i)) => {
                let Some(item) = items.get(*i) else {
                    return Ok(());
                };
                let start = item.dash.unwrap_or(item.node.start);
                (
                    start,
                    item.node.end.max(start + 1),
                    items.get(i + 1).map(|n| n.dash.unwrap_or(n.node.start)),
                    i.checked_sub(1).map(|p| items[p].node.end),
                    items.len(),
                )
            }
            _ => return Ok(()),
        };
        if count == 1 && !parent_path.is_empty() {
            let empty = if parent.shape == Shape::FlowMap || parent.shape == Shape::BlockMap {
                Json::Object(serde_json::Map::new())
            } else {
                Json::Array(Vec::new())
            };
            return self.set(parent_path, &empty);
        }
        if parent.shape.is_flow() {
            return match (next_start, prev_end) {
                (Some(next), _) => self.splice(own_start, next, ""),
                (None, Some(prev)) => self.splice(prev, end, ""),
                (None, None) => self.splice(own_start, end, ""),
            };
        }
        if !self.doc.first_on_line(own_start) {
            return match next_start {
                Some(next) => self.splice(own_start, next, ""),
                None => Err(Stuck("an entry written after another on its line".into())),
            };
        }
        let col = self.doc.col(own_start);
        let start = self.doc.line_start(own_start);
        let mut stop = self.after_own_comments(end, col);
        let text = &self.doc.text;
        let blank_at =
            |p: usize| p < text.len() && text[p..self.doc.next_line_start(p)].trim().is_empty();
        if self.blank_before(own_start) && blank_at(stop) {
            stop = self.doc.next_line_start(stop);
        }
        let mut start = start;
        if stop == text.len() && !text.ends_with('\n') && start > 0 {
            // The last line had no line end: neither will the new last line.
            start -= if text[..start].ends_with("\r\n") {
                2
            } else {
                1
            };
        }
        self.splice(start, stop, "")
    }

    /// Makes the value at `path` equal `value`, changing only what differs: entries of a
    /// mapping are set, removed or added one by one, items of a list likewise where the
    /// lists line up; anything else is written anew.
    pub(super) fn assign(&mut self, path: &[Seg], value: &Json) -> Result<(), Stuck> {
        let Some(old) = self.json(path) else {
            return self.set(path, value);
        };
        if old == *value {
            return Ok(());
        }
        match (&old, value) {
            (Json::Object(old_map), Json::Object(new_map))
                if !old_map.is_empty() && !new_map.is_empty() =>
            {
                for k in old_map.keys().filter(|k| !new_map.contains_key(*k)) {
                    let mut p = path.to_vec();
                    p.push(Seg::Key(k.clone()));
                    self.remove(&p)?;
                }
                for (k, v) in new_map {
                    let mut p = path.to_vec();
                    p.push(Seg::Key(k.clone()));
                    if old_map.contains_key(k) {
                        self.assign(&p, v)?;
                    } else {
                        self.set(&p, v)?;
                    }
                }
                Ok(())
            }
            (Json::Array(old_items), Json::Array(new_items))
                if !old_items.is_empty() && !new_items.is_empty() =>
            {
                if old_items.len() == new_items.len() {
                    for (i, v) in new_items.iter().enumerate() {
                        let mut p = path.to_vec();
                        p.push(Seg::Index(i));
                        self.assign(&p, v)?;
                    }
                    return Ok(());
                }
                if new_items.starts_with(old_items) {
                    for v in &new_items[old_items.len()..] {
                        self.push(path, v)?;
                    }
                    return Ok(());
                }
                if let Some(gone) = removed_items(old_items, new_items) {
                    for i in gone.into_iter().rev() {
                        let mut p = path.to_vec();
                        p.push(Seg::Index(i));
                        self.remove(&p)?;
                    }
                    return Ok(());
                }
                self.set(path, value)
            }
            _ => self.set(path, value),
        }
    }
}

/// The positions of `old` missing from `new`, when `new` is `old` with some items taken
/// out.
fn removed_items(old: &[Json], new: &[Json]) -> Option<Vec<usize>> {
    let mut gone = Vec::new();
    let mut j = 0;
    for (i, item) in old.iter().enumerate() {
        if new.get(j) == Some(item) {
            j += 1;
        } else {
            gone.push(i);
        }
    }
    (j == new.len()).then_some(gone)
}

/// Whether `node` is `{}` or `[]`.
fn is_empty_collection(node: &Node) -> bool {
    match &node.body {
        Body::Map(e) => e.is_empty(),
        Body::Seq(i) => i.is_empty(),
        Body::Scalar(_) => false,
    }
}

fn same_kind(node: &Node, value: &Json) -> bool {
    matches!(
        (&node.body, value),
        (Body::Map(_), Json::Object(_)) | (Body::Seq(_), Json::Array(_))
    )
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

/// The pattern of places like `path` in other entries: any person's id, any item of a
/// list, any skill's name under a person's skills.
fn generalise(path: &[Seg]) -> Vec<Option<Seg>> {
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
fn default_block(path: &[Seg], value: &Json, style: &Style) -> bool {
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
fn style_of(doc: &Doc) -> Style {
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
