//! A small file browser inside the window, for systems where no native file dialog can be
//! shown (Linux without a desktop portal or zenity): folders, the files a purpose can use,
//! recent places, and a name field that Enter confirms. The native dialog stays the first
//! choice; this is the fallback.
//!
//! (egui_file supports egui 0.37, but its controls have no accessible names and it has
//! no recent places; this one is small and tested with the rest of the window.)

use std::path::{Path, PathBuf};

use egui::{Align, Key, Layout, Ui};

use crate::shell::dialogs::Purpose;
use crate::shell::prompts::Answer;

/// A folder listing stops here: a folder of a million files must not stall the window.
const MAX_ENTRIES: usize = 5_000;

#[derive(Clone, Debug, PartialEq)]
pub struct Browser {
    pub purpose: Purpose,
    /// The folder shown.
    pub dir: PathBuf,
    /// The file name typed or clicked.
    pub name: String,
    /// Sub-folders and the files the purpose can use, sorted; `true` for a folder.
    pub entries: Vec<(String, bool)>,
    /// Why the folder could not be listed, or the choice not taken.
    pub problem: Option<String>,
    /// Folders offered on the left: the draft's, recent drafts', home, documents.
    pub places: Vec<PathBuf>,
    /// The name field takes the focus when the browser first shows.
    pub focus_name: bool,
}

impl Browser {
    /// A browser at `dir` with `name` proposed.
    pub fn new(purpose: Purpose, dir: PathBuf, name: String, places: Vec<PathBuf>) -> Self {
        let mut b = Self {
            purpose,
            dir: PathBuf::new(),
            name,
            entries: Vec::new(),
            problem: None,
            places,
            focus_name: true,
        };
        b.enter(dir);
        b
    }

    /// Shows another folder.
    pub fn enter(&mut self, dir: PathBuf) {
        self.problem = None;
        match list(&dir, self.purpose.extensions()) {
            Ok(entries) => {
                self.entries = entries;
                self.dir = dir;
            }
            Err(e) => self.problem = Some(format!("Cannot open {}: {e}", dir.display())),
        }
    }

    pub fn up(&mut self) {
        if let Some(parent) = self.dir.parent() {
            self.enter(parent.to_path_buf());
        }
    }

    /// The file chosen: the name in the folder shown (a name may also be a whole path),
    /// with the purpose's extension added when none was typed. `None`, with the reason in
    /// `problem`, when it cannot be used.
    pub fn choice(&mut self) -> Option<PathBuf> {
        let name = self.name.trim();
        if name.is_empty() {
            self.problem = Some("Type a file name, or pick one from the list.".into());
            return None;
        }
        let mut path = self.dir.join(name);
        if path.is_dir() {
            self.enter(path);
            self.name.clear();
            return None;
        }
        if path.extension().is_none()
            && let Some(ext) = self.purpose.extensions().first()
        {
            path.set_extension(ext);
        }
        if !self.purpose.saves() && !path.is_file() {
            self.problem = Some(format!("{} does not exist.", path.display()));
            return None;
        }
        Some(path)
    }

    /// Draws the browser; the answer given this frame, if any.
    pub fn ui(&self, ui: &mut Ui) -> Option<Answer> {
        let mut answer = None;
        let go = |answer: &mut Option<Answer>, dir: &Path| {
            *answer = Some(Answer::BrowseTo(dir.to_path_buf()));
        };
        ui.heading(self.purpose.title());
        ui.horizontal(|ui| {
            if ui
                .add_enabled(self.dir.parent().is_some(), egui::Button::new("Up"))
                .on_hover_text("The folder above")
                .clicked()
                && let Some(parent) = self.dir.parent()
            {
                go(&mut answer, parent);
            }
            ui.add(egui::Label::new(self.dir.display().to_string()).truncate());
        });
        ui.separator();
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(120.0);
                ui.weak("Places");
                for p in &self.places {
                    let name = p
                        .file_name()
                        .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into());
                    if ui
                        .selectable_label(*p == self.dir, name)
                        .on_hover_text(p.display().to_string())
                        .clicked()
                    {
                        go(&mut answer, p);
                    }
                }
            });
            // A gap, not a separator: a vertical separator would take the dialog's whole height.
            ui.add_space(12.0);
            // One entry a line, however many: the row this sits in is horizontal.
            egui::ScrollArea::vertical()
                .id_salt("file-browser-list")
                .max_height(260.0)
                .min_scrolled_height(260.0)
                .max_width(360.0)
                .show(ui, |ui| {
                    ui.set_width(340.0);
                    ui.with_layout(Layout::top_down(Align::Min), |ui| {
                        if self.entries.is_empty() {
                            ui.weak(format!("No folders or {} files here.", self.kinds()));
                        }
                        for (name, is_dir) in &self.entries {
                            let shown = if *is_dir {
                                format!("{name}/")
                            } else {
                                name.clone()
                            };
                            let r = ui.selectable_label(!is_dir && *name == self.name, shown);
                            if r.double_clicked() && !is_dir {
                                answer = Some(Answer::PickFile(name.clone()));
                            } else if r.clicked() {
                                answer = Some(if *is_dir {
                                    Answer::BrowseTo(self.dir.join(name))
                                } else {
                                    Answer::TypePath(name.clone())
                                });
                            }
                        }
                        if self.entries.len() >= MAX_ENTRIES {
                            ui.weak(format!("(the first {MAX_ENTRIES} shown)"));
                        }
                    });
                });
        });
        ui.separator();
        let mut name = self.name.clone();
        let l = ui.label("File name");
        let r = ui
            .add(egui::TextEdit::singleline(&mut name).desired_width(460.0))
            .labelled_by(l.id);
        if self.focus_name {
            r.request_focus();
        }
        let enter = (r.lost_focus() || r.has_focus()) && ui.input(|i| i.key_pressed(Key::Enter));
        ui.weak(format!("Showing folders and {} files.", self.kinds()));
        if let Some(p) = &self.problem {
            ui.colored_label(ui.visuals().error_fg_color, p);
        }
        let confirm = ui
            .horizontal(|ui| {
                let ok = ui.button(self.purpose.verb()).clicked();
                if ui.button("Cancel").clicked() {
                    answer = Some(Answer::Dismiss);
                }
                ok
            })
            .inner;
        if name != self.name {
            answer = Some(Answer::TypePath(name));
        } else if (confirm || enter) && answer.is_none() {
            answer = Some(Answer::ConfirmPath);
        }
        answer
    }

    /// ".ron or .txt", for the hints.
    fn kinds(&self) -> String {
        let exts: Vec<String> = self
            .purpose
            .extensions()
            .iter()
            .map(|e| format!(".{e}"))
            .collect();
        exts.join(" or ")
    }
}

/// The sub-folders of `dir` and its files with one of `extensions` (any file when empty),
/// folders first, each sorted by name without regard to case; hidden ones left out.
pub fn list(dir: &Path, extensions: &[&str]) -> std::io::Result<Vec<(String, bool)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)?.flatten().take(MAX_ENTRIES) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        // Follows links, so a link to a folder is a folder; never opens the file.
        let is_dir = entry.path().is_dir();
        let wanted = extensions.is_empty()
            || Path::new(&name)
                .extension()
                .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)));
        if is_dir || wanted {
            out.push((name, is_dir));
        }
    }
    out.sort_by_key(|(name, is_dir)| (!is_dir, name.to_lowercase()));
    Ok(out)
}

/// A file name from a headline: "Q3 2026 Results!" becomes `q3-2026-results`; at most
/// eight words; "release" when the headline has none.
pub fn name_from_headline(headline: &str) -> String {
    let words: Vec<String> = headline
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "release".into()
    } else {
        words.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for f in ["b.ron", "A.ron", "notes.txt", "photo.png", ".hidden.ron"] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join("Archive")).unwrap();
        dir
    }

    #[test]
    fn lists_folders_then_the_files_a_purpose_uses() {
        let dir = folder();
        let b = Browser::new(
            Purpose::OpenDraft,
            dir.path().to_path_buf(),
            String::new(),
            vec![],
        );
        let names: Vec<&str> = b.entries.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Archive", "A.ron", "b.ron", "notes.txt"]);
        let b = Browser::new(
            Purpose::SaveDraft,
            dir.path().to_path_buf(),
            String::new(),
            vec![],
        );
        assert!(!b.entries.iter().any(|(n, _)| n == "notes.txt"));
    }

    #[test]
    fn a_typed_name_lands_in_the_folder_shown_with_its_extension() {
        let dir = folder();
        let mut b = Browser::new(
            Purpose::SaveDraft,
            dir.path().to_path_buf(),
            "q3-2026-results".into(),
            vec![],
        );
        assert_eq!(b.choice(), Some(dir.path().join("q3-2026-results.ron")));
        // A folder's name goes into the folder.
        b.name = "Archive".into();
        assert_eq!(b.choice(), None);
        assert_eq!(b.dir, dir.path().join("Archive"));
        // Opening needs a file that is there.
        let mut b = Browser::new(
            Purpose::OpenDraft,
            dir.path().to_path_buf(),
            "missing".into(),
            vec![],
        );
        assert_eq!(b.choice(), None);
        assert!(b.problem.as_deref().unwrap().contains("does not exist"));
        let mut b = Browser::new(
            Purpose::Export(crate::core::export::ExportStyle::NewswireText),
            dir.path().to_path_buf(),
            "wire".into(),
            vec![],
        );
        assert_eq!(b.choice(), Some(dir.path().join("wire.txt")));
    }

    #[test]
    fn names_come_from_the_headline() {
        assert_eq!(name_from_headline("Q3 2026 Results!"), "q3-2026-results");
        assert_eq!(name_from_headline("  "), "release");
        assert_eq!(
            name_from_headline(
                "Acme Corp. Reports Record Third-Quarter Revenue and Raises Its Outlook"
            ),
            "acme-corp-reports-record-third-quarter-revenue-and"
        );
    }
}
