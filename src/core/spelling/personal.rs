//! The personal word list: words the user added to the dictionary (Add to dictionary), in
//! a plain text file in their config folder, one word a line, so it can be edited by hand
//! and copied between machines.

use std::path::{Path, PathBuf};

use crate::core::safe_fs::{self, WriteOptions};

/// The most a personal list is read (a million words is far beyond any real one).
pub const MAX_PERSONAL_BYTES: u64 = 8 * 1024 * 1024;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersonalList {
    /// Where it is kept; none where the system has no config folder (words are then kept
    /// for this run only).
    pub path: Option<PathBuf>,
    pub words: Vec<String>,
}

impl PersonalList {
    /// `~/.config/pressroom/words.txt` on Linux.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "Pressroom")
            .map(|d| d.config_dir().join("words.txt"))
    }

    /// Reads the list at `path`; a missing file is an empty list. An unreadable one is an
    /// error naming it (the caller reports it and goes on with an empty list).
    pub fn load(path: &Path) -> Result<PersonalList, String> {
        let words = match safe_fs::read_limited(path, MAX_PERSONAL_BYTES) {
            Ok(bytes) => parse(&String::from_utf8_lossy(&bytes)),
            Err(safe_fs::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                Vec::new()
            }
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        Ok(PersonalList {
            path: Some(path.to_path_buf()),
            words,
        })
    }

    /// Adds `word` (once) and writes the file at once, atomically.
    pub fn add(&mut self, word: &str) -> Result<(), String> {
        let word = word.trim();
        if word.is_empty() || self.words.iter().any(|w| w == word) {
            return Ok(());
        }
        self.words.push(word.to_string());
        let Some(path) = &self.path else {
            return Ok(());
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let text: String = self.words.iter().map(|w| format!("{w}\n")).collect();
        safe_fs::write(
            path,
            text.as_bytes(),
            &WriteOptions::plain(MAX_PERSONAL_BYTES),
        )
        .map(drop)
        .map_err(|e| e.to_string())
    }
}

/// One word a line; blank lines and lines starting with `#` are skipped.
fn parse(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}
