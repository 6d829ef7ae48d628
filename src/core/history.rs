//! Document-level undo and redo, as snapshots of the whole draft. Snapshots keep
//! every kind of change (typing, moving blocks, inserting text) on one path.

use std::collections::VecDeque;

use crate::core::draft::Draft;

/// How many steps back a user can go; older ones are dropped.
const LIMIT: usize = 200;

#[derive(Default, Debug)]
pub struct History {
    /// Oldest first; the oldest goes when the limit is reached.
    undo: VecDeque<Draft>,
    redo: Vec<Draft>,
}

impl History {
    /// Records the state before a change; a new change forgets what was undone.
    pub fn record(&mut self, before: Draft) {
        self.undo.push_back(before);
        if self.undo.len() > LIMIT {
            self.undo.pop_front();
        }
        self.redo.clear();
    }

    /// Steps back: `current` becomes the previous state. False when there is none.
    pub fn undo(&mut self, current: &mut Draft) -> bool {
        let Some(prev) = self.undo.pop_back() else {
            return false;
        };
        self.redo.push(std::mem::replace(current, prev));
        true
    }

    pub fn redo(&mut self, current: &mut Draft) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo.push_back(std::mem::replace(current, next));
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(h: &str) -> Draft {
        Draft {
            headline: h.into(),
            ..Draft::default()
        }
    }

    #[test]
    fn undo_and_redo_walk_the_snapshots() {
        let mut h = History::default();
        let mut cur = draft("a");
        h.record(cur.clone());
        cur.headline = "b".into();
        h.record(cur.clone());
        cur.headline = "c".into();
        assert!(h.undo(&mut cur));
        assert_eq!(cur.headline, "b");
        assert!(h.undo(&mut cur));
        assert_eq!(cur.headline, "a");
        assert!(!h.undo(&mut cur));
        assert!(h.redo(&mut cur));
        assert!(h.redo(&mut cur));
        assert_eq!(cur.headline, "c");
        assert!(!h.redo(&mut cur));
    }

    #[test]
    fn a_new_change_clears_redo_and_the_stack_is_bounded() {
        let mut h = History::default();
        let mut cur = draft("a");
        h.record(cur.clone());
        cur.headline = "b".into();
        h.undo(&mut cur);
        h.record(cur.clone());
        assert!(!h.can_redo());
        for i in 0..(LIMIT + 50) {
            h.record(draft(&i.to_string()));
        }
        assert_eq!(h.undo.len(), LIMIT);
    }
}
