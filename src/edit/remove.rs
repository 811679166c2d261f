//! [`Editor::remove`]: a mapping's entry or a list's item taken out with its lines (and
//! the comments that belong to it), or with its comma inside `{…}` and `[…]`.

use serde_json::Value as Json;

use super::change::{Editor, Stuck};
use super::doc::{Body, Seg, Shape};

impl Editor {
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
}
