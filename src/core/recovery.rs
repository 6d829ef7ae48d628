//! Autosaved copies of open drafts, so a crash or a kill loses seconds, not hours.
//! Each open document has one recovery file; it is removed only when the draft is
//! saved, closed cleanly, or the user restores or discards it.
//!
//! The folder holds unreleased material news: it is private (0700, copies 0600). A copy
//! over the size limit is refused like a save (whatever is written must read back), and a
//! copy that cannot be written is remembered, with where, until one can.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Local};
use serde::{Deserialize, Serialize};

use crate::core::draft::Draft;
use crate::core::draft_file::{self, Fingerprint, MAX_FILE_BYTES};
use crate::core::safe_fs::{self, WriteOptions};

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct RecoveryFile {
    /// The draft's own file, if it has one.
    pub path: Option<PathBuf>,
    pub saved_at: DateTime<Local>,
    /// What that file held as the document last knew it (read or written) when the copy
    /// was made: a restored draft compares it with the file now, so an outside change
    /// made since still gets the Overwrite / Save As / Cancel question. `None` in copies
    /// from older builds, and for a draft whose file did not exist.
    #[serde(default)]
    pub disk: Option<Fingerprint>,
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

    /// True when the draft's file differs now from what it was when the copy was made
    /// (or the file appeared since, or the copy does not say): saving a restored draft
    /// must then ask before overwriting. False for a draft without a file, or whose file
    /// is gone (saving recreates it).
    pub fn changed_on_disk(&self) -> bool {
        let Some(path) = &self.file.path else {
            return false;
        };
        match Fingerprint::of_file(path) {
            None => false,
            Some(now) => self.file.disk != Some(now),
        }
    }
}

#[derive(Clone, Debug)]
pub struct RecoveryStore {
    dir: PathBuf,
    /// Why the last copy could not be written, until one is; shared by clones.
    failure: Arc<Mutex<Option<String>>>,
}

impl RecoveryStore {
    /// The recovery folder in the user's data directory.
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "Pressroom").map(|d| d.data_dir().join("recovery"))
    }

    pub fn new(dir: PathBuf) -> Self {
        Self {
            dir,
            failure: Arc::default(),
        }
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

    /// Writes (atomically) the recovery copy of a document, recording what its file holds
    /// now. A window that knows what the file held when it last read or wrote it should
    /// use [`RecoveryStore::write_with_base`] instead.
    pub fn write(&self, id: &str, path: Option<&Path>, draft: &Draft) -> std::io::Result<()> {
        let disk = path.and_then(Fingerprint::of_file);
        self.write_with_base(id, path, disk, draft)
    }

    /// Writes (atomically, mode 0600, in a 0700 folder) the recovery copy of a document
    /// whose file held `disk` when the document last read or wrote it. Refused over the
    /// size limit. An error names the file or folder; until a copy is written again,
    /// [`RecoveryStore::failure`] says what went wrong.
    pub fn write_with_base(
        &self,
        id: &str,
        path: Option<&Path>,
        disk: Option<Fingerprint>,
        draft: &Draft,
    ) -> std::io::Result<()> {
        let result = self.try_write(id, path, disk, draft);
        let mut failure = self.failure.lock().unwrap_or_else(|e| e.into_inner());
        *failure = result.as_ref().err().map(|e| {
            format!(
                "Recovery copies are not being written ({}): {e}",
                Local::now().format("since %-I:%M:%S %p")
            )
        });
        result
    }

    fn try_write(
        &self,
        id: &str,
        path: Option<&Path>,
        disk: Option<Fingerprint>,
        draft: &Draft,
    ) -> std::io::Result<()> {
        self.make_private_folder().map_err(|e| {
            std::io::Error::new(
                e.kind(),
                format!(
                    "{}: cannot make the recovery folder: {e}",
                    self.dir.display()
                ),
            )
        })?;
        let file = RecoveryFile {
            path: path.map(Path::to_path_buf),
            saved_at: Local::now(),
            disk,
            draft: draft.clone(),
        };
        // No indentation: the copy stays smaller than the draft's own file.
        let config = ron::ser::PrettyConfig::new().new_line("\n").indentor("");
        let text = ron::ser::to_string_pretty(&file, config).map_err(std::io::Error::other)?;
        safe_fs::write(
            &self.file_of(id),
            text.as_bytes(),
            &WriteOptions::private(MAX_FILE_BYTES),
        )?;
        Ok(())
    }

    /// The folder, made (or made again) private: only the user may list or read it.
    fn make_private_folder(&self) -> std::io::Result<()> {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
            builder.mode(0o700);
            builder.create(&self.dir)?;
            let meta = std::fs::metadata(&self.dir)?;
            if meta.permissions().mode() & 0o077 != 0 {
                std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(0o700))?;
            }
        }
        #[cfg(not(unix))]
        builder.create(&self.dir)?;
        Ok(())
    }

    /// Why recovery copies are not being written, with where and since when; `None` once
    /// a copy is written again. For a warning that stays visible until then.
    pub fn failure(&self) -> Option<String> {
        self.failure
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
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
                        .with_recursion_limit(draft_file::RECURSION_LIMIT)
                        .from_str::<RecoveryFile>(t.strip_prefix('\u{FEFF}').unwrap_or(&t))
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
    fn a_restored_copy_remembers_the_file_as_it_was_when_copied() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let q3 = dir.path().join("q3.ron");
        draft_file::save(&q3, &Draft::default()).unwrap();
        let typed = Draft {
            headline: "Typed, then kill -9".into(),
            ..Draft::default()
        };
        store.write("a", Some(&q3), &typed).unwrap();
        let (found, _) = store.list();
        assert_eq!(found[0].file.disk, Fingerprint::of_file(&q3));
        assert!(!found[0].changed_on_disk(), "nobody touched it");
        // Changed from outside after the crash, before Restore.
        std::fs::write(&q3, "(headline: \"A colleague's edit\")").unwrap();
        assert!(store.list().0[0].changed_on_disk());
        // What the window knew, when it says so, wins over what the file holds at copy time.
        let known = Fingerprint::of_bytes(b"what the window read");
        store
            .write_with_base("b", Some(&q3), Some(known), &typed)
            .unwrap();
        let (found, _) = store.list();
        let b = found.iter().find(|r| r.id == "b").unwrap();
        assert_eq!(b.file.disk, Some(known));
        assert!(b.changed_on_disk());
        // A copy from an older build, without `disk`, still loads and counts as changed.
        std::fs::write(
            dir.path().join("recovery/old.ron"),
            format!(
                "(path: Some({:?}), saved_at: \"2026-03-02T10:00:00+00:00\", draft: (headline: \"Old\"))",
                q3
            ),
        )
        .unwrap();
        let (found, problems) = store.list();
        assert!(problems.is_empty(), "{problems:?}");
        let old = found.iter().find(|r| r.id == "old").unwrap();
        assert_eq!(old.file.disk, None);
        assert!(old.changed_on_disk());
    }

    #[cfg(unix)]
    #[test]
    fn the_folder_is_private_and_copies_are_0600() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let rec = dir.path().join("recovery");
        std::fs::create_dir(&rec).unwrap();
        std::fs::set_permissions(&rec, std::fs::Permissions::from_mode(0o755)).unwrap();
        let store = RecoveryStore::new(rec.clone());
        store.write("a", None, &Draft::default()).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&rec), 0o700);
        assert_eq!(mode(&rec.join("a.ron")), 0o600);
        let fresh = RecoveryStore::new(dir.path().join("new/recovery"));
        fresh.write("b", None, &Draft::default()).unwrap();
        assert_eq!(mode(&dir.path().join("new/recovery")), 0o700);
    }

    #[test]
    fn a_copy_over_the_size_limit_is_refused_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().to_path_buf());
        let mut huge = Draft::default();
        huge.set_body([crate::core::draft::Block::Paragraph(
            "x".repeat(MAX_FILE_BYTES as usize),
        )]);
        let e = store.write("big", None, &huge).unwrap_err().to_string();
        assert!(e.contains("big.ron") && e.contains("20 MiB"), "{e}");
        assert!(!dir.path().join("big.ron").exists());
        assert!(store.list().1.is_empty());
    }

    #[test]
    fn a_failing_copy_says_where_until_one_is_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let rec = dir.path().join("recovery");
        std::fs::write(&rec, "a file where the folder should be").unwrap();
        let store = RecoveryStore::new(rec.clone());
        let e = store.write("a", None, &Draft::default()).unwrap_err();
        assert!(e.to_string().contains(&rec.display().to_string()), "{e}");
        let seen_by_a_clone = store.clone();
        let failure = seen_by_a_clone.failure().expect("remembered");
        assert!(failure.contains(&rec.display().to_string()), "{failure}");
        store.write("a", None, &Draft::default()).unwrap_err();
        assert!(store.failure().is_some(), "still failing");
        std::fs::remove_file(&rec).unwrap();
        store.write("a", None, &Draft::default()).unwrap();
        assert_eq!(seen_by_a_clone.failure(), None, "cleared once it works");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_the_folder_is_reported_not_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().to_path_buf());
        store.write("good", None, &Draft::default()).unwrap();
        crate::core::safe_fs::tests::mkfifo(&dir.path().join("stuck.ron"));
        let (found, problems) = store.list();
        assert_eq!(found.len(), 1);
        assert!(
            problems.len() == 1
                && problems[0].contains("stuck.ron")
                && problems[0].contains("FIFO"),
            "{problems:?}"
        );
    }

    #[test]
    fn ids_are_unique_within_a_process() {
        assert_ne!(RecoveryStore::new_id(), RecoveryStore::new_id());
    }
}
