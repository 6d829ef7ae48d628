//! What persists between runs: recent files and theme (window size and the splitter persist
//! through egui itself). The style is the draft's own, saved in the draft.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The key the preferences are stored under in eframe's storage.
pub const PREFS_KEY: &str = "pressroom-prefs";
/// How many recent drafts File > Open Recent lists.
const RECENT_LIMIT: usize = 10;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct Prefs {
    pub recent: Vec<PathBuf>,
    pub theme: Theme,
    /// Squiggles and spelling findings (on unless turned off).
    pub spelling: bool,
    /// The spelling language of drafts that choose none; en_US when unset.
    pub dictionary: Option<String>,
    /// How many versions each draft keeps (the oldest unlabelled go first).
    pub max_versions: usize,
    /// The name comments are signed with; empty means the system's user name.
    pub author: String,
    /// Word export carries the draft's comments as Word comments (the export dialog's
    /// "Include comments", remembered).
    pub export_comments: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            theme: Theme::System,
            spelling: true,
            dictionary: None,
            max_versions: crate::core::versions::DEFAULT_MAX_VERSIONS,
            author: String::new(),
            export_comments: false,
        }
    }
}

impl Prefs {
    /// Who comments are by: the chosen name, else the system's user name.
    pub fn comment_author(&self) -> String {
        if !self.author.trim().is_empty() {
            return self.author.trim().to_string();
        }
        ["USER", "USERNAME", "LOGNAME"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
            .unwrap_or_else(|| "Reviewer".into())
    }
}

impl Prefs {
    /// Puts a draft at the top of the recent list (once, by its full path).
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [(Theme, &'static str); 3] = [
        (Theme::System, "System"),
        (Theme::Light, "Light"),
        (Theme::Dark, "Dark"),
    ];

    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_drafts_are_listed_once_newest_first_and_bounded() {
        let mut p = Prefs::default();
        for i in 0..12 {
            p.remember(Path::new(&format!("/nowhere/{i}.ron")));
        }
        p.remember(Path::new("/nowhere/5.ron"));
        assert_eq!(p.recent.len(), RECENT_LIMIT);
        assert_eq!(p.recent[0], Path::new("/nowhere/5.ron"));
        assert_eq!(p.recent.iter().filter(|r| r.ends_with("5.ron")).count(), 1);
    }
}
