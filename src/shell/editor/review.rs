//! The review commands: the Versions window's (view, restore, label, delete), and the
//! redline's (compare with a version, a draft or a text release; next and previous
//! change; export). The windows that draw this state are `versions_window` and
//! `redline_view`.

use std::path::{Path, PathBuf};

use super::Editor;
use crate::core::draft::{Comment, Draft, Reply};
use crate::core::export::{self, ExportOptions, ExportStyle};
use crate::core::redline::RedlineFormat;
use crate::core::safe_fs::{self, WriteOptions};
use crate::core::versions::History;
use crate::core::{draft_file, import};
use crate::shell::commands::Command;
use crate::shell::comments_panel::CommentsPanel;
use crate::shell::dialogs::{Pick, Purpose};
use crate::shell::editor::Effect;
use crate::shell::prompts::Prompt;
use crate::shell::redline_view::RedlineView;
use crate::shell::versions_window::VersionsView;

impl Editor {
    /// Carries out a review command (see [`Command`]).
    pub(super) fn review_command(&mut self, command: Command) {
        match command {
            Command::ShowVersions => self.show_versions(),
            Command::CloseVersions => self.versions = None,
            Command::ViewVersion(n) => self.view_version(n),
            Command::RestoreVersion(n) => {
                if let Some(d) = self.load_version(n) {
                    self.doc.apply(|draft| *draft = d);
                    self.status = format!("Restored version {n} (Undo takes it back)");
                    self.effects.push(Effect::Repaint);
                }
            }
            // Irreversible: asked first (see `delete_version`).
            Command::DeleteVersion(n) => {
                let what = self.versions.as_ref().and_then(|v| v.describe(n));
                self.prompt = Some(Prompt::DeleteVersion {
                    number: n,
                    what: what.unwrap_or_else(|| format!("version {n}")),
                });
            }
            Command::LabelVersion(n, label) => {
                self.edit_versions(|h| h.set_label(n, &label), "Labelled version")
            }
            Command::CompareWithVersion(n) => {
                if let Some(old) = self.load_version(n) {
                    let label = self
                        .versions
                        .as_ref()
                        .and_then(|v| v.index.get(n))
                        .filter(|v| !v.label.is_empty())
                        .map(|v| format!(" ({})", v.label))
                        .unwrap_or_default();
                    self.start_redline(old, format!("version {n}{label}"));
                }
            }
            Command::CompareWith => match self.dialogs.pick(Purpose::CompareWith, None) {
                Pick::Path(p) => self.compare_with_path(&p),
                Pick::Cancelled => {}
                Pick::Unavailable => self.ask_path(Purpose::CompareWith, None),
            },
            Command::CompareWithPath(p) => self.compare_with_path(&p),
            Command::CloseRedline => self.redline = None,
            Command::NextChange => self.step_change(true),
            Command::PreviousChange => self.step_change(false),
            Command::ExportRedline(format) => {
                if self.redline.is_none() {
                    self.status = "Compare with a version or a file first".into();
                    return;
                }
                let suggested = self.suggested_path(Purpose::ExportRedline(format));
                match self
                    .dialogs
                    .pick(Purpose::ExportRedline(format), Some(&suggested))
                {
                    Pick::Path(p) => self.export_redline_to(&p, format),
                    Pick::Cancelled => {}
                    Pick::Unavailable => self.ask_path(Purpose::ExportRedline(format), None),
                }
            }
            Command::ShowComments => {
                self.comments = match self.comments {
                    Some(_) => None,
                    None => Some(CommentsPanel::default()),
                }
            }
            Command::AddComment { field, quote, text } => {
                if text.trim().is_empty() {
                    self.status = "Write the comment first".into();
                    return;
                }
                let comment = Comment {
                    field,
                    quote: quote.trim().to_string(),
                    author: self.prefs.comment_author(),
                    time: chrono::Utc::now(),
                    text: text.trim().to_string(),
                    replies: Vec::new(),
                    resolved: false,
                };
                self.doc.apply(|d| d.comments.push(comment));
                if let Some(panel) = &mut self.comments {
                    panel.new_text.clear();
                    panel.quote.clear();
                }
                self.status = "Comment added".into();
            }
            Command::ReplyToComment(i, text) => {
                if i >= self.doc.draft.comments.len() || text.trim().is_empty() {
                    return;
                }
                let reply = Reply {
                    author: self.prefs.comment_author(),
                    time: chrono::Utc::now(),
                    text: text.trim().to_string(),
                };
                self.doc.apply(|d| d.comments[i].replies.push(reply));
                if let Some(panel) = &mut self.comments {
                    panel.replies.remove(&i);
                }
            }
            Command::ResolveComment(i, resolved) if i < self.doc.draft.comments.len() => {
                self.doc.apply(|d| d.comments[i].resolved = resolved);
            }
            _ => {}
        }
    }

    fn history(&self) -> Option<History> {
        self.doc.path.as_deref().map(History::of)
    }

    fn show_versions(&mut self) {
        let Some(history) = self.history() else {
            self.status = "Versions are kept from the draft's second save on: save it first".into();
            return;
        };
        let draft = self.doc.path.clone().unwrap_or_default();
        self.versions = Some(match history.list() {
            Ok(index) => VersionsView::new(draft, index),
            Err(e) => {
                let mut v = VersionsView::new(draft, Default::default());
                v.error = Some(e.to_string());
                v
            }
        });
    }

    fn load_version(&mut self, n: u32) -> Option<Draft> {
        let history = self.history()?;
        match history.load(n) {
            Ok(d) => Some(d),
            Err(e) => {
                self.prompt = Some(Prompt::Error(format!("Could not open version {n}.\n\n{e}")));
                None
            }
        }
    }

    fn view_version(&mut self, n: u32) {
        let Some(d) = self.load_version(n) else {
            return;
        };
        let style = ExportStyle::of_draft(&d);
        let style = if style.is_text() {
            style
        } else {
            ExportStyle::NewswireText
        };
        let text = export::export(&d, style, &ExportOptions::default())
            .map(|o| String::from_utf8_lossy(&o.main).into_owned())
            .unwrap_or_else(|e| format!("This version cannot be shown: {e}"));
        if let Some(v) = &mut self.versions {
            v.viewing = Some((n, text));
        }
    }

    /// Deletes a version once the user confirmed it.
    pub(super) fn delete_version(&mut self, n: u32) {
        self.edit_versions(|h| h.delete(n), &format!("Deleted version {n}"));
    }

    /// Changes the versions on disk, then shows the list as it now is.
    fn edit_versions(
        &mut self,
        change: impl FnOnce(&History) -> Result<(), crate::core::versions::VersionError>,
        done: &str,
    ) {
        let Some(history) = self.history() else {
            return;
        };
        match change(&history) {
            Ok(()) => self.status = done.to_string(),
            Err(e) => self.status = format!("Versions: {e}"),
        }
        let viewing = self.versions.as_mut().and_then(|v| v.viewing.take());
        self.show_versions();
        if let (Some(v), Some((n, text))) = (&mut self.versions, viewing)
            && v.index.get(n).is_some()
        {
            v.viewing = Some((n, text));
        }
    }

    /// Compares the draft with a draft file or (imported first) a text release.
    fn compare_with_path(&mut self, path: &Path) {
        let is_text = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
        let loaded = if is_text {
            import::import_file(path).map(|i| i.draft)
        } else {
            draft_file::load(path)
        };
        match loaded {
            Ok(old) => {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into(),
                );
                self.start_redline(old, name);
            }
            Err(e) => {
                self.prompt = Some(Prompt::Error(format!("Could not compare.\n\n{e}")));
            }
        }
    }

    fn start_redline(&mut self, old: Draft, against: String) {
        let view = RedlineView::new(old, against, &self.doc.draft, self.doc.revision());
        self.status = format!("Compared with {}: {}", view.against, view.redline.summary());
        self.redline = Some(view);
        self.effects.push(Effect::Repaint);
    }

    /// Brings the redline up to date with the draft as typed.
    pub fn refresh_redline(&mut self) {
        if let Some(v) = &mut self.redline {
            v.refresh(&self.doc.draft, self.doc.revision());
        }
    }

    /// Brings the redline up to date as typing allows (see [`RedlineView::refresh_at`]);
    /// how long to wait before asking again.
    pub fn refresh_redline_at(&mut self, now: f64) -> Option<f64> {
        let revision = self.doc.revision();
        self.redline
            .as_mut()?
            .refresh_at(&self.doc.draft, revision, now)
    }

    /// Moves to the next (or previous) change, and opens the form at its field.
    fn step_change(&mut self, forward: bool) {
        self.refresh_redline();
        let Some(v) = &mut self.redline else {
            return;
        };
        let Some(at) = v.step(forward) else {
            self.status = "No changes".into();
            return;
        };
        let text = &v.redline.texts[at];
        let n = v.changes.iter().position(|&c| c == at).map_or(0, |k| k + 1);
        self.status = format!("Change {n} of {}: {}", v.changes.len(), text.label);
        // A deleted text has no field left to go to.
        if let Some(r) = text.new {
            self.jump = Some(r.field);
        }
        self.effects.push(Effect::Repaint);
    }

    pub(super) fn export_redline_to(&mut self, path: &Path, format: RedlineFormat) {
        let path: PathBuf = if path.extension().is_some() {
            path.to_path_buf()
        } else {
            path.with_extension(format.extensions()[0])
        };
        self.refresh_redline();
        let Some(v) = &self.redline else {
            return;
        };
        let title = format!("{} against {}", self.doc.display_name(), v.against);
        let bytes = match format.write(&v.redline, &title, &self.prefs.comment_author()) {
            Ok(b) => b,
            Err(e) => {
                self.prompt = Some(Prompt::Error(format!("Could not export.\n\n{e}")));
                return;
            }
        };
        let inputs: Vec<&Path> = self.doc.path.as_deref().into_iter().collect();
        let options = WriteOptions {
            inputs: &inputs,
            ..WriteOptions::plain(draft_file::MAX_FILE_BYTES)
        };
        match safe_fs::write(&path, &bytes, &options) {
            Ok(_) => self.status = format!("Exported the redline to {}", path.display()),
            Err(e) => self.prompt = Some(Prompt::Error(format!("Could not export.\n\n{e}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::draft::Block;
    use crate::shell::dialogs::FakeDialogs;
    use crate::shell::prefs::Prefs;

    fn editor() -> (Editor, FakeDialogs) {
        let dialogs = FakeDialogs::default();
        (
            Editor::new(Prefs::default(), Box::new(dialogs.clone())),
            dialogs,
        )
    }

    fn saved_twice(dir: &Path) -> (Editor, PathBuf) {
        let (mut e, dialogs) = editor();
        let path = dir.join("q3.ron");
        e.doc.apply(|d| {
            d.headline = "Acme Reports Results".into();
            d.set_body([
                Block::Paragraph("Revenue rose 12%.".into()),
                Block::Paragraph("Margins held.".into()),
            ]);
        });
        dialogs.answer(Pick::Path(path.clone()));
        e.run_command(Command::Save);
        e.doc.apply(|d| {
            d.headline = "Acme Reports Record Results".into();
            d.body[0].block = Block::Paragraph("Revenue rose 14%.".into());
        });
        e.run_command(Command::Save);
        (e, path)
    }

    #[test]
    fn save_as_starts_a_new_history_and_a_failed_version_is_said_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let (mut e, path) = saved_twice(dir.path());
        assert_eq!(History::of(&path).list().unwrap().versions.len(), 1);
        assert!(e.status.contains("version 1"), "{}", e.status);

        let (_, dialogs) = editor();
        let copy = dir.path().join("copy.ron");
        e.dialogs = Box::new(dialogs.clone());
        dialogs.answer(Pick::Path(copy.clone()));
        e.run_command(Command::SaveAs);
        assert!(History::of(&copy).list().unwrap().versions.is_empty());

        // A file where the versions folder should be: said, and the draft still saved.
        std::fs::write(dir.path().join("copy.versions"), "in the way").unwrap();
        e.doc.apply(|d| d.headline = "Third".into());
        e.run_command(Command::Save);
        assert!(e.status.contains("could not be kept"), "{}", e.status);
        assert_eq!(draft_file::load(&copy).unwrap().headline, "Third");
        assert!(!e.doc.is_dirty());
    }

    #[test]
    fn versions_need_a_saved_draft() {
        let (mut e, _) = editor();
        e.run_command(Command::ShowVersions);
        assert!(e.versions.is_none());
        assert!(e.status.contains("save it first"), "{}", e.status);
    }

    #[test]
    fn next_and_previous_change_wrap_and_open_the_field() {
        let dir = tempfile::tempdir().unwrap();
        let (mut e, _) = saved_twice(dir.path());
        e.run_command(Command::ShowVersions);
        e.run_command(Command::CompareWithVersion(1));
        let view = e.redline.as_ref().unwrap();
        assert_eq!(
            view.changes.len(),
            2,
            "the headline and the first paragraph"
        );
        assert!(view.against.starts_with("version 1"));
        e.jump = None;
        e.run_command(Command::NextChange);
        assert_eq!(e.jump, Some(crate::core::draft::FieldRef::Headline));
        e.run_command(Command::NextChange);
        let first_block = e.doc.draft.body[0].id;
        assert_eq!(
            e.jump,
            Some(crate::core::draft::FieldRef::Body(first_block))
        );
        assert!(e.status.starts_with("Change 2 of 2"), "{}", e.status);
        e.run_command(Command::NextChange);
        assert!(e.status.starts_with("Change 1 of 2"), "wraps: {}", e.status);
        e.run_command(Command::PreviousChange);
        assert!(e.status.starts_with("Change 2 of 2"), "{}", e.status);

        // Typing the old text back leaves one change.
        e.doc.apply(|d| d.headline = "Acme Reports Results".into());
        e.refresh_redline();
        assert_eq!(e.redline.as_ref().unwrap().changes.len(), 1);
    }

    #[test]
    fn next_change_steps_to_a_setting_and_opens_its_part_of_the_form() {
        use crate::core::draft::{FieldRef, Layout, Timing};
        let dir = tempfile::tempdir().unwrap();
        let (mut e, _) = saved_twice(dir.path());
        e.run_command(Command::ShowVersions);
        e.run_command(Command::CompareWithVersion(1));
        let before = e.redline.as_ref().unwrap().changes.len();
        e.doc.apply(|d| {
            d.release.timing =
                Timing::ReleaseOn(chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
            *(Layout::CHOICES[0].field)(&mut d.export.layout) = Some(true);
        });
        e.refresh_redline();
        let n = e.redline.as_ref().unwrap().changes.len();
        assert_eq!(n, before + 2, "the timing and the layout choice");
        let mut seen = Vec::new();
        for _ in 0..n {
            e.run_command(Command::NextChange);
            seen.push((e.jump, e.status.clone()));
        }
        assert_eq!(seen[0].0, Some(FieldRef::Timing), "the timing reads first");
        assert!(seen[0].1.ends_with(": timing"), "{}", seen[0].1);
        let (jump, status) = seen.last().unwrap();
        assert_eq!(*jump, Some(FieldRef::Export), "the settings read last");
        assert!(status.ends_with(Layout::CHOICES[0].name), "{status}");
    }

    #[test]
    fn compare_with_a_text_release_imports_it_first() {
        let dir = tempfile::tempdir().unwrap();
        let (mut e, _) = saved_twice(dir.path());
        // With a dateline, as releases have: the importer finds where the body starts.
        e.doc.apply(|d| {
            d.dateline.city = "Madison".into();
            d.dateline.region = "Wis.".into();
            d.dateline.date = chrono::NaiveDate::from_ymd_opt(2026, 11, 27);
        });
        let release = dir.path().join("old.txt");
        let text = export::export(
            &e.doc.draft,
            ExportStyle::NewswireText,
            &ExportOptions::default(),
        )
        .unwrap()
        .main;
        std::fs::write(&release, text).unwrap();
        e.run_command(Command::CompareWithPath(release));
        let view = e.redline.as_ref().expect("compared");
        assert_eq!(view.against, "old.txt");
        let body_changed = view.changes.iter().any(|&i| {
            matches!(
                view.redline.texts[i].at().field,
                crate::core::draft::FieldRef::Body(_)
            )
        });
        assert!(
            !body_changed,
            "the imported body matches: {}",
            crate::core::redline::to_text(&view.redline)
        );

        e.run_command(Command::CompareWithPath(dir.path().join("missing.ron")));
        assert!(matches!(e.prompt, Some(Prompt::Error(_))));
    }
}
