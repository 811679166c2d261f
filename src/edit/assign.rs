//! [`Editor::assign`]: a value made equal to a new one by changing only what differs, so
//! that replacing a person's skills with the same skills but one leaves the others' text
//! (and comments) alone.

use serde_json::Value as Json;

use super::change::{Editor, Stuck};
use super::doc::Seg;

impl Editor {
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
