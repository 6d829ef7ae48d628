//! A draft's versions: each save keeps the content it replaces in a sibling folder
//! `NAME.versions/` (for `NAME.ron`), one `NNNN.ron` a version and an `index.ron` with
//! each version's number, time, label, word count and fingerprint, so the list opens
//! without reading every version. The folder travels with the draft (a shared folder,
//! git). Files are written atomically through [`safe_fs`] with the draft's own mode.
//!
//! Order matters for crashes: the version file is written, then the index, then the old
//! versions over the limit are removed, and only then is the draft saved. A crash at any
//! point leaves the draft as it was or as saved, and the index naming only files that
//! exist (a version file not yet in the index is harmless and replaced next time).

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::core::draft::Draft;
use crate::core::draft_file::{self, Fingerprint, LoadError, MAX_FILE_BYTES};
use crate::core::safe_fs::{self, ReadError};
use crate::core::words;

/// How many versions a draft keeps unless the user chose otherwise.
pub const DEFAULT_MAX_VERSIONS: usize = 50;
/// The index's file name inside the versions folder.
pub const INDEX_FILE: &str = "index.ron";

/// One kept version, as the index lists it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Version {
    /// 1, 2, 3...: never reused, so `--version 4` names the same content for good.
    pub number: u32,
    /// When this content was saved (the draft file's time when it was replaced).
    pub saved: DateTime<Utc>,
    /// What the user called it ("sent to counsel"); empty when unlabelled.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    pub words: usize,
    /// The file's length and CRC-32: the same content is not kept twice in a row.
    pub hash: Fingerprint,
}

impl Version {
    /// The version's file name inside the folder: `0007.ron`.
    pub fn file_name(&self) -> String {
        file_name(self.number)
    }
}

fn file_name(number: u32) -> String {
    format!("{number:04}.ron")
}

/// The index of a versions folder.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Index {
    /// The number the next version takes.
    pub next: u32,
    /// Oldest first.
    pub versions: Vec<Version>,
}

impl Index {
    pub fn get(&self, number: u32) -> Option<&Version> {
        self.versions.iter().find(|v| v.number == number)
    }
}

/// Why the versions could not be read or written: a message that names the file.
#[derive(Debug)]
pub struct VersionError(pub String);

impl fmt::Display for VersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for VersionError {}

impl From<safe_fs::WriteError> for VersionError {
    fn from(e: safe_fs::WriteError) -> VersionError {
        VersionError(e.to_string())
    }
}

fn error(path: &Path, message: impl fmt::Display) -> VersionError {
    VersionError(format!("{}: {message}", path.display()))
}

/// `NAME.versions` beside `NAME.ron`.
pub fn folder_for(draft: &Path) -> PathBuf {
    let stem = draft
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "draft".into());
    draft.with_file_name(format!("{stem}.versions"))
}

/// The versions of one draft file.
#[derive(Clone, Debug)]
pub struct History {
    draft: PathBuf,
    folder: PathBuf,
}

impl History {
    pub fn of(draft: &Path) -> History {
        History {
            draft: draft.to_path_buf(),
            folder: folder_for(draft),
        }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    fn index_path(&self) -> PathBuf {
        self.folder.join(INDEX_FILE)
    }

    /// The path of version `number`'s file.
    pub fn path_of(&self, number: u32) -> PathBuf {
        self.folder.join(file_name(number))
    }

    /// The index; empty when the draft has no versions yet.
    pub fn list(&self) -> Result<Index, VersionError> {
        let path = self.index_path();
        let bytes = match safe_fs::read_limited(&path, MAX_FILE_BYTES) {
            Ok(b) => b,
            Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Index::default());
            }
            Err(e) => return Err(error(&path, e)),
        };
        let text = String::from_utf8(bytes).map_err(|_| error(&path, "not UTF-8 text"))?;
        let options = ron::Options::default().with_recursion_limit(draft_file::RECURSION_LIMIT);
        let mut index: Index = options.from_str(&text).map_err(|e| {
            error(
                &path,
                format!(
                    "{}:{}: {} (the versions' index is damaged)",
                    e.span.start.line, e.span.start.col, e.code
                ),
            )
        })?;
        index.versions.sort_by_key(|v| v.number);
        let last = index.versions.last().map_or(0, |v| v.number);
        index.next = index.next.max(last + 1);
        Ok(index)
    }

    /// Opens version `number` as a draft.
    pub fn load(&self, number: u32) -> Result<Draft, LoadError> {
        draft_file::load(&self.path_of(number))
    }

    fn write_index(&self, index: &Index) -> Result<(), VersionError> {
        let config = ron::ser::PrettyConfig::new()
            .new_line("\n")
            .indentor("    ")
            .struct_names(false)
            .escape_strings(false);
        let mut text =
            ron::ser::to_string_pretty(index, config).map_err(|e| error(&self.index_path(), e))?;
        text.push('\n');
        safe_fs::write_like(
            &self.index_path(),
            text.as_bytes(),
            &self.draft,
            MAX_FILE_BYTES,
        )?;
        Ok(())
    }

    /// Keeps `bytes` (a draft file's content, saved at `saved`) as a new version, unless
    /// it is the newest version already; then removes the oldest versions over `max`
    /// (unlabelled ones first). Returns the new version's number.
    pub fn keep(
        &self,
        bytes: &[u8],
        saved: DateTime<Utc>,
        max: usize,
    ) -> Result<Option<u32>, VersionError> {
        let mut index = self.list()?;
        let hash = Fingerprint::of_bytes(bytes);
        if index.versions.last().is_some_and(|v| v.hash == hash) {
            return Ok(None);
        }
        match std::fs::symlink_metadata(&self.folder) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => return Err(error(&self.folder, "is not a folder")),
            Err(_) => std::fs::create_dir(&self.folder).map_err(|e| error(&self.folder, e))?,
        }
        // A damaged file is kept all the same (it is what was there); it counts no words.
        let words = std::str::from_utf8(bytes)
            .ok()
            .and_then(|t| draft_file::parse(t, &self.draft).ok())
            .map_or(0, |d| words::count(&d));
        let number = index.next.max(1);
        let path = self.path_of(number);
        safe_fs::write_like(&path, bytes, &self.draft, MAX_FILE_BYTES)?;
        index.versions.push(Version {
            number,
            saved,
            label: String::new(),
            words,
            hash,
        });
        index.next = number + 1;
        let gone = prune(&mut index, max.max(1));
        self.write_index(&index)?;
        for v in gone {
            let _ = std::fs::remove_file(self.path_of(v));
        }
        Ok(Some(number))
    }

    /// Labels (or, with an empty label, unlabels) version `number`.
    pub fn set_label(&self, number: u32, label: &str) -> Result<(), VersionError> {
        let mut index = self.list()?;
        let v = index
            .versions
            .iter_mut()
            .find(|v| v.number == number)
            .ok_or_else(|| error(&self.index_path(), format!("no version {number}")))?;
        v.label = label.trim().to_string();
        self.write_index(&index)
    }

    /// Deletes version `number`: out of the index first, then its file.
    pub fn delete(&self, number: u32) -> Result<(), VersionError> {
        let mut index = self.list()?;
        let before = index.versions.len();
        index.versions.retain(|v| v.number != number);
        if index.versions.len() == before {
            return Err(error(&self.index_path(), format!("no version {number}")));
        }
        self.write_index(&index)?;
        let _ = std::fs::remove_file(self.path_of(number));
        Ok(())
    }
}

/// Removes the oldest versions over `max` from the index, the unlabelled first (a label
/// is the user's "keep this"); returns the numbers removed.
fn prune(index: &mut Index, max: usize) -> Vec<u32> {
    let mut gone = Vec::new();
    while index.versions.len() > max {
        let at = index
            .versions
            .iter()
            .position(|v| v.label.is_empty())
            .unwrap_or(0);
        gone.push(index.versions.remove(at).number);
    }
    gone
}

/// How a save with versions went: the save itself, and the version of what it replaced.
#[derive(Debug, Default)]
pub struct Saved {
    /// The number of the version kept of the replaced content, if one was kept.
    pub version: Option<u32>,
    /// Why the replaced content could not be kept (the save still happened).
    pub version_error: Option<VersionError>,
}

/// Saves `draft` to `path` as [`draft_file::save`] does, first keeping the content it
/// replaces as a version (at most `max` kept). A version that cannot be written is
/// reported in the result, and the draft is saved all the same.
pub fn save_keeping_version(path: &Path, draft: &Draft, max: usize) -> std::io::Result<Saved> {
    let mut saved = Saved::default();
    let new_text = draft_file::to_ron(draft);
    if let Ok(old) = safe_fs::read_limited(path, MAX_FILE_BYTES)
        && old != new_text.as_bytes()
    {
        let when = std::fs::metadata(path)
            .and_then(|m| m.modified())
            .map(DateTime::<Utc>::from)
            .unwrap_or_else(|_| Utc::now());
        match History::of(path).keep(&old, when, max) {
            Ok(n) => saved.version = n,
            Err(e) => saved.version_error = Some(e),
        }
    }
    draft_file::save(path, draft)?;
    Ok(saved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::draft::Block;

    fn draft(words: &str) -> Draft {
        let mut d = Draft {
            headline: "Acme".into(),
            ..Draft::default()
        };
        d.set_body([Block::Paragraph(words.into())]);
        d
    }

    #[test]
    fn each_save_keeps_what_it_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("q3.ron");
        let first = save_keeping_version(&path, &draft("one two"), 50).unwrap();
        assert_eq!(first.version, None, "nothing was replaced");
        let second = save_keeping_version(&path, &draft("one two three"), 50).unwrap();
        assert_eq!(second.version, Some(1));
        assert!(second.version_error.is_none());
        // Saving the same content again keeps nothing new.
        let same = save_keeping_version(&path, &draft("one two three"), 50).unwrap();
        assert_eq!(same.version, None);
        save_keeping_version(&path, &draft("four"), 50).unwrap();

        let h = History::of(&path);
        assert_eq!(h.folder(), dir.path().join("q3.versions"));
        let index = h.list().unwrap();
        let numbers: Vec<u32> = index.versions.iter().map(|v| v.number).collect();
        assert_eq!(numbers, [1, 2]);
        // Headline plus the paragraph's words.
        assert_eq!(index.versions[0].words, 3);
        assert_eq!(index.versions[1].words, 4);
        assert_eq!(h.load(1).unwrap(), draft("one two"));
        assert_eq!(h.load(2).unwrap(), draft("one two three"));
        // The .bak is the file before the last save, as it always was.
        let bak = draft_file::load(&safe_fs::backup_path(&path)).unwrap();
        assert_eq!(bak, draft("one two three"));
    }

    #[test]
    fn the_oldest_unlabelled_go_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        for i in 0..5 {
            save_keeping_version(&path, &draft(&"w ".repeat(i + 1)), 3).unwrap();
            if i == 1 {
                History::of(&path)
                    .set_label(1, " sent to counsel ")
                    .unwrap();
            }
        }
        let h = History::of(&path);
        let index = h.list().unwrap();
        let kept: Vec<(u32, &str)> = index
            .versions
            .iter()
            .map(|v| (v.number, v.label.as_str()))
            .collect();
        assert_eq!(kept, [(1, "sent to counsel"), (3, ""), (4, "")]);
        assert!(!h.path_of(2).exists(), "a pruned version's file goes");
        assert!(h.path_of(1).exists());
        h.delete(3).unwrap();
        assert!(!h.path_of(3).exists());
        assert_eq!(h.list().unwrap().versions.len(), 2);
        assert!(h.delete(3).is_err(), "deleting twice names the problem");
        // Numbers are never reused.
        save_keeping_version(&path, &draft("new"), 3).unwrap();
        assert_eq!(h.list().unwrap().versions.last().unwrap().number, 5);
    }

    #[test]
    fn a_version_that_cannot_be_written_does_not_stop_the_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        save_keeping_version(&path, &draft("one"), 50).unwrap();
        // A file where the folder should be.
        std::fs::write(dir.path().join("d.versions"), "in the way").unwrap();
        let saved = save_keeping_version(&path, &draft("two"), 50).unwrap();
        let e = saved.version_error.expect("reported");
        assert!(e.to_string().contains("d.versions"), "{e}");
        assert_eq!(draft_file::load(&path).unwrap(), draft("two"));
    }

    #[test]
    fn a_damaged_index_is_reported_with_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        std::fs::create_dir(folder_for(&path)).unwrap();
        std::fs::write(folder_for(&path).join(INDEX_FILE), "(next: 2, versions: [(").unwrap();
        let e = History::of(&path).list().unwrap_err().to_string();
        assert!(e.contains("index.ron") && e.contains("damaged"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn versions_take_the_drafts_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        save_keeping_version(&path, &draft("one"), 50).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        save_keeping_version(&path, &draft("two"), 50).unwrap();
        let h = History::of(&path);
        for p in [h.path_of(1), h.folder().join(INDEX_FILE)] {
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o640, "{}", p.display());
        }
    }
}
