//! File dialogs behind a small trait, so tests use a fake and never open a real one.

use std::path::{Path, PathBuf};

use crate::core::export::ExportStyle;
use crate::core::redline::RedlineFormat;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    OpenDraft,
    SaveDraft,
    /// Export in this style.
    Export(ExportStyle),
    ChooseLogo,
    ImportText,
    /// A draft or text release to compare the draft with.
    CompareWith,
    /// Where to write the redline shown.
    ExportRedline(RedlineFormat),
    /// A spreadsheet's CSV or TSV file, read into a new table block.
    TableFromCsv,
}

impl Purpose {
    pub fn title(self) -> &'static str {
        match self {
            Purpose::OpenDraft => "Open draft",
            Purpose::SaveDraft => "Save draft as",
            Purpose::Export(_) => "Export",
            Purpose::ChooseLogo => "Choose logo image",
            Purpose::ImportText => "Import a plain-text release",
            Purpose::CompareWith => "Compare with a draft or text release",
            Purpose::ExportRedline(_) => "Export redline",
            Purpose::TableFromCsv => "Insert a table from a CSV or TSV file",
        }
    }

    /// The file kinds the purpose uses, the first the one a typed name gets.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Purpose::OpenDraft => &["ron", "txt"],
            Purpose::SaveDraft => &["ron"],
            Purpose::Export(style) => match style {
                ExportStyle::EdgarText | ExportStyle::NewswireText => &["txt"],
                ExportStyle::EdgarHtml => &["htm", "html"],
                ExportStyle::NewswireHtml => &["html", "htm"],
                ExportStyle::Docx => &["docx"],
            },
            Purpose::ImportText => &["txt"],
            Purpose::CompareWith => &["ron", "txt"],
            Purpose::ExportRedline(f) => f.extensions(),
            Purpose::TableFromCsv => &["csv", "tsv", "txt"],
            Purpose::ChooseLogo => &["png", "jpg", "jpeg", "gif", "svg"],
        }
    }

    /// The confirming button's word.
    pub fn verb(self) -> &'static str {
        match self {
            Purpose::OpenDraft => "Open",
            Purpose::SaveDraft => "Save",
            Purpose::Export(_) => "Export",
            Purpose::ImportText => "Import",
            Purpose::TableFromCsv => "Insert",
            Purpose::ChooseLogo => "Choose",
            Purpose::CompareWith => "Compare",
            Purpose::ExportRedline(_) => "Export",
        }
    }

    pub fn saves(self) -> bool {
        matches!(
            self,
            Purpose::SaveDraft | Purpose::Export(_) | Purpose::ExportRedline(_)
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Pick {
    Path(PathBuf),
    Cancelled,
    /// No native dialog can be shown here; the app asks for a path instead.
    Unavailable,
}

pub trait FileDialogs {
    fn pick(&mut self, purpose: Purpose, suggested: Option<&Path>) -> Pick;
}

/// The platform's dialogs through rfd.
pub struct NativeDialogs;

impl NativeDialogs {
    /// On Linux rfd needs a desktop portal or zenity; without them it would return
    /// "cancelled" and the user would see nothing happen.
    fn available() -> bool {
        if !cfg!(target_os = "linux") {
            return true;
        }
        let on_path = |name: &str| {
            std::env::var_os("PATH")
                .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(name).is_file()))
        };
        let portal = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
            && [
                "/usr/libexec/xdg-desktop-portal",
                "/usr/lib/xdg-desktop-portal",
            ]
            .iter()
            .any(|p| Path::new(p).exists());
        portal || on_path("zenity") || on_path("kdialog")
    }
}

impl FileDialogs for NativeDialogs {
    fn pick(&mut self, purpose: Purpose, suggested: Option<&Path>) -> Pick {
        if !Self::available() {
            return Pick::Unavailable;
        }
        let mut dialog = rfd::FileDialog::new().set_title(purpose.title());
        dialog = match purpose {
            Purpose::OpenDraft => dialog
                .add_filter("Pressroom draft or text release", &["ron", "txt"])
                .add_filter("Pressroom draft", &["ron"]),
            Purpose::SaveDraft => dialog.add_filter("Pressroom draft", &["ron"]),
            Purpose::Export(style) => dialog.add_filter(style.label(), purpose.extensions()),
            Purpose::ImportText => dialog.add_filter("Text", &["txt"]),
            Purpose::CompareWith => dialog
                .add_filter("Pressroom draft or text release", &["ron", "txt"])
                .add_filter("Pressroom draft", &["ron"]),
            Purpose::ExportRedline(f) => dialog.add_filter(f.label(), f.extensions()),
            Purpose::TableFromCsv => dialog.add_filter("Spreadsheet text", &["csv", "tsv", "txt"]),
            Purpose::ChooseLogo => {
                dialog.add_filter("Image", &["png", "jpg", "jpeg", "gif", "svg"])
            }
        };
        if let Some(s) = suggested {
            if let Some(dir) = s.parent().filter(|d| d.is_dir()) {
                dialog = dialog.set_directory(dir);
            }
            if let Some(name) = s.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
        }
        let picked = if purpose.saves() {
            dialog.save_file()
        } else {
            dialog.pick_file()
        };
        picked.map_or(Pick::Cancelled, Pick::Path)
    }
}

/// For tests: answers each request with the next prepared pick and records what was
/// asked. Clones share their state, so a test keeps one while the app owns another.
#[derive(Clone, Default)]
pub struct FakeDialogs {
    state: std::rc::Rc<std::cell::RefCell<FakeState>>,
}

#[derive(Default)]
struct FakeState {
    answers: std::collections::VecDeque<Pick>,
    asked: Vec<Purpose>,
}

impl FakeDialogs {
    /// The next dialog will answer with `pick`.
    pub fn answer(&self, pick: Pick) {
        self.state.borrow_mut().answers.push_back(pick);
    }

    pub fn asked(&self) -> Vec<Purpose> {
        self.state.borrow().asked.clone()
    }
}

impl FileDialogs for FakeDialogs {
    fn pick(&mut self, purpose: Purpose, _suggested: Option<&Path>) -> Pick {
        let mut s = self.state.borrow_mut();
        s.asked.push(purpose);
        s.answers.pop_front().unwrap_or(Pick::Cancelled)
    }
}
