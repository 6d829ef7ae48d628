//! Autosaved copies of open drafts, so a crash or a kill loses seconds, not hours.
//! Each open document has one recovery file; it is removed only when the draft is
//! saved, closed cleanly, or the user restores or discards it.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};
use serde::{Deserialize, Serialize};

use crate::core::draft::Draft;
use crate::core::draft_file;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct RecoveryFile {
    /// The draft's own file, if it has one.
    pub path: Option<PathBuf>,
    pub saved_at: DateTime<Local>,
    pub draft: Draft,
}

/// A recovery file found on disk.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovered {
    pub id: String,
    pub file: RecoveryFile,
}

impl Recovered {
    /// "q3.ron" or "Untitled", for the prompt.
    pub fn name(&self) -> String {
        self.file
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Untitled".into())
    }
}

#[derive(Clone, Debug)]
pub struct RecoveryStore {
    dir: PathBuf,
}

impl RecoveryStore {
    /// The recovery folder in the user's data directory.
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "Pressroom").map(|d| d.data_dir().join("recovery"))
    }

    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A fresh id for a document opened in this process.
    pub fn new_id() -> String {
        use std::sync::atomic::{AtomicU32, Ordering};
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        format!(
            "{}-{}-{}",
            Local::now().format("%Y%m%d-%H%M%S"),
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        )
    }

    fn file_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.ron"))
    }

    /// Writes (atomically) the recovery copy of a document.
    pub fn write(&self, id: &str, path: Option<&Path>, draft: &Draft) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let file = RecoveryFile {
            path: path.map(Path::to_path_buf),
            saved_at: Local::now(),
            draft: draft.clone(),
        };
        let config = ron::ser::PrettyConfig::new().new_line("\n");
        let text = ron::ser::to_string_pretty(&file, config).map_err(std::io::Error::other)?;
        draft_file::write_atomically(&self.file_of(id), text.as_bytes())
    }

    pub fn remove(&self, id: &str) {
        let _ = std::fs::remove_file(self.file_of(id));
    }

    pub fn exists(&self, id: &str) -> bool {
        self.file_of(id).is_file()
    }

    /// Every recovery file, newest first, and a message for each one that cannot be read
    /// (those are left on disk, never deleted here).
    pub fn list(&self) -> (Vec<Recovered>, Vec<String>) {
        let mut found = Vec::new();
        let mut problems = Vec::new();
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return (found, problems);
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.extension().is_none_or(|e| e != "ron") {
                continue;
            }
            let id = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let parsed = draft_file::read_text(&p)
                .map_err(|e| e.to_string())
                .and_then(|t| {
                    ron::Options::default()
                        .with_recursion_limit(64)
                        .from_str::<RecoveryFile>(&t)
                        .map_err(|e| format!("{}:{}: {}", p.display(), e.span.start, e.code))
                });
            match parsed {
                Ok(file) => found.push(Recovered { id, file }),
                Err(e) => problems.push(e),
            }
        }
        found.sort_by_key(|r| std::cmp::Reverse(r.file.saved_at));
        (found, problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_list_and_remove() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let d = Draft {
            headline: "Typed before the crash".into(),
            ..Draft::default()
        };
        let id = RecoveryStore::new_id();
        store
            .write(&id, Some(Path::new("/tmp/q3.ron")), &d)
            .unwrap();
        let (found, problems) = store.list();
        assert!(problems.is_empty());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, id);
        assert_eq!(found[0].name(), "q3.ron");
        assert_eq!(found[0].file.draft.headline, "Typed before the crash");
        store.remove(&id);
        assert!(store.list().0.is_empty());
    }

    #[test]
    fn unreadable_recovery_files_are_reported_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().to_path_buf());
        std::fs::write(dir.path().join("broken.ron"), "(path: None, saved_at: ").unwrap();
        let (found, problems) = store.list();
        assert!(found.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("broken.ron"), "{problems:?}");
        assert!(dir.path().join("broken.ron").exists());
    }

    #[test]
    fn ids_are_unique_within_a_process() {
        assert_ne!(RecoveryStore::new_id(), RecoveryStore::new_id());
    }
}
