//! The draft being edited: where it lives on disk, whether it has unsaved changes,
//! and its undo history.

use std::path::{Path, PathBuf};

use crate::core::draft::Draft;
use crate::core::draft_file::{self, Fingerprint, IgnoredField};
use crate::core::history::History;

/// Keystrokes in one field closer together than this undo as one step.
const TYPING_GROUP_SECONDS: f64 = 1.0;

pub struct Document {
    pub draft: Draft,
    pub path: Option<PathBuf>,
    /// The draft as last saved or opened, to tell whether there is anything to save.
    saved: Draft,
    /// The draft as of the last recorded change: the "before" of the next one.
    committed: Draft,
    history: History,
    /// The field and time of the last keystroke, to group typing into one undo step.
    typing: Option<(egui::Id, f64)>,
    /// Bumped on every change, so views cache what they derive from the draft.
    revision: u64,
    dirty: bool,
    /// What the file held when this document last read or wrote it, to notice
    /// another program (a colleague, a sync tool) changing it in between.
    disk: Option<Fingerprint>,
    /// Fields the file had that this build does not know: saving would drop them, so the
    /// first save asks. Cleared once the user has agreed (or the draft was saved).
    pub ignored: Vec<IgnoredField>,
}

impl Document {
    pub fn new(mut draft: Draft, path: Option<PathBuf>) -> Self {
        draft.assign_ids(); // every block, contact and section can be pointed at
        Self {
            saved: draft.clone(),
            committed: draft.clone(),
            draft,
            path,
            history: History::default(),
            typing: None,
            revision: 0,
            dirty: false,
            disk: None,
            ignored: Vec::new(),
        }
    }

    /// Opens a draft; fields its file had that this build does not know are listed in
    /// `ignored` (the window says so, and asks before the first save drops them).
    pub fn open(path: &Path) -> Result<Self, draft_file::LoadError> {
        let text = draft_file::read_text(path)?;
        let opened = draft_file::parse_reporting(&text, path)?;
        let mut doc = Self::new(opened.draft, Some(path.to_path_buf()));
        doc.disk = Some(Fingerprint::of_bytes(text.as_bytes()));
        doc.ignored = opened.ignored;
        Ok(doc)
    }

    /// A draft restored from a recovery file: unsaved against whatever its file holds now.
    /// `disk` is what the file held when the copy was made, so a change another program made
    /// since still gets the Overwrite / Save As / Cancel question at Save.
    pub fn recovered(draft: Draft, path: Option<PathBuf>, disk: Option<Fingerprint>) -> Self {
        let on_disk = path.as_deref().and_then(|p| draft_file::load(p).ok());
        let mut doc = Self::new(on_disk.unwrap_or_default(), path);
        doc.disk = disk;
        doc.apply(|d| *d = draft);
        doc.history.clear();
        doc
    }

    /// What the file held when this document last read or wrote it (for recovery copies).
    pub fn disk(&self) -> Option<Fingerprint> {
        self.disk
    }

    /// True when the document's file was changed by someone else since it was opened or saved.
    pub fn changed_on_disk(&self) -> bool {
        let Some(path) = &self.path else {
            return false;
        };
        // Streamed, regular files only: never blocks on a FIFO put in the draft's place.
        match (Fingerprint::of_file(path), self.disk) {
            (None, _) => false,      // gone: saving recreates it
            (Some(_), None) => true, // appeared since we started a new draft for this path
            (Some(now), Some(then)) => now != then,
        }
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// The name the window title and prompts use.
    pub fn display_name(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Untitled".into())
    }

    /// A widget changed the draft in place. Typing into one field in quick succession
    /// undoes as one step; anything else is a step of its own.
    pub fn edited(&mut self, field: Option<egui::Id>, now: f64) {
        let continues = matches!((self.typing, field),
            (Some((last, t)), Some(f)) if last == f && now - t < TYPING_GROUP_SECONDS);
        if continues {
            self.committed = self.draft.clone();
        } else {
            let before = std::mem::replace(&mut self.committed, self.draft.clone());
            self.history.record(before);
        }
        self.typing = field.map(|f| (f, now));
        self.changed();
    }

    /// Applies a named change as one undoable step.
    pub fn apply(&mut self, change: impl FnOnce(&mut Draft)) {
        let before = self.draft.clone();
        change(&mut self.draft);
        if self.draft == before {
            return;
        }
        self.history.record(before);
        self.committed = self.draft.clone();
        self.typing = None;
        self.changed();
    }

    pub fn undo(&mut self) -> bool {
        self.step(History::undo)
    }

    pub fn redo(&mut self) -> bool {
        self.step(History::redo)
    }

    fn step(&mut self, f: impl FnOnce(&mut History, &mut Draft) -> bool) -> bool {
        // Typing not yet recorded as a step is recorded first, so undo takes it back.
        if self.draft != self.committed {
            self.edited(None, 0.0);
        }
        let moved = f(&mut self.history, &mut self.draft);
        if moved {
            self.committed = self.draft.clone();
            self.typing = None;
            self.changed();
        }
        moved
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Saves to `path` and makes it the document's file.
    pub fn save_to(&mut self, path: &Path) -> std::io::Result<()> {
        draft_file::save(path, &self.draft)?;
        self.saved_as(path);
        Ok(())
    }

    /// Saves to `path`, first keeping the content it replaces as a version (at most
    /// `max_versions` kept); a version that cannot be kept is reported, not fatal.
    pub fn save_keeping_version(
        &mut self,
        path: &Path,
        max_versions: usize,
    ) -> std::io::Result<crate::core::versions::Saved> {
        let saved = crate::core::versions::save_keeping_version(path, &self.draft, max_versions)?;
        self.saved_as(path);
        Ok(saved)
    }

    /// What a save changes in the document: its file, and nothing left unsaved.
    fn saved_as(&mut self, path: &Path) {
        self.disk = Some(Fingerprint::of_bytes(
            draft_file::to_ron(&self.draft).as_bytes(),
        ));
        self.ignored.clear();
        self.path = Some(path.to_path_buf());
        self.saved = self.draft.clone();
        self.dirty = false;
    }

    fn changed(&mut self) {
        self.revision += 1;
        self.dirty = self.draft != self.saved;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_in_one_field_undoes_as_one_step() {
        let mut doc = Document::new(Draft::default(), None);
        let id = egui::Id::unique("headline");
        for (i, ch) in "Acme".chars().enumerate() {
            doc.draft.headline.push(ch);
            doc.edited(Some(id), i as f64 * 0.1);
        }
        assert!(doc.is_dirty());
        doc.draft.company.name.push('X');
        doc.edited(Some(egui::Id::unique("company")), 0.5);
        assert!(doc.undo());
        assert_eq!(doc.draft.company.name, "");
        assert_eq!(doc.draft.headline, "Acme");
        assert!(doc.undo());
        assert_eq!(doc.draft.headline, "");
        assert!(!doc.is_dirty(), "back where it started");
        assert!(doc.redo());
        assert_eq!(doc.draft.headline, "Acme");
    }

    #[test]
    fn a_pause_starts_a_new_step_and_commands_are_steps() {
        let mut doc = Document::new(Draft::default(), None);
        let id = egui::Id::unique("headline");
        doc.draft.headline.push('A');
        doc.edited(Some(id), 0.0);
        doc.draft.headline.push('B');
        doc.edited(Some(id), 5.0);
        doc.apply(|d| {
            d.add_block(crate::core::draft::Block::PageBreak);
        });
        doc.undo();
        assert_eq!(doc.draft.headline, "AB");
        doc.undo();
        assert_eq!(doc.draft.headline, "A");
    }

    #[test]
    fn saving_clears_dirty_and_sets_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let mut doc = Document::new(Draft::default(), None);
        doc.apply(|d| d.headline = "X".into());
        assert!(doc.is_dirty());
        let p = dir.path().join("x.ron");
        doc.save_to(&p).unwrap();
        assert!(!doc.is_dirty());
        assert_eq!(doc.display_name(), "x.ron");
        assert_eq!(Document::open(&p).unwrap().draft.headline, "X");
    }
}

#[cfg(test)]
mod disk_tests {
    use super::*;

    #[test]
    fn notices_another_program_changing_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("d.ron");
        draft_file::save(&p, &Draft::default()).unwrap();
        let mut doc = Document::open(&p).unwrap();
        assert!(!doc.changed_on_disk());
        std::fs::write(&p, "(headline: \"Colleague's edit\")").unwrap();
        assert!(doc.changed_on_disk());
        doc.save_to(&p).unwrap();
        assert!(
            !doc.changed_on_disk(),
            "our own save is not someone else's change"
        );
    }

    #[test]
    fn a_recovered_draft_is_unsaved() {
        let d = Draft {
            headline: "Recovered".into(),
            ..Draft::default()
        };
        let doc = Document::recovered(d, None, None);
        assert!(doc.is_dirty());
        assert_eq!(doc.draft.headline, "Recovered");
        assert!(!doc.can_undo());
    }
}
