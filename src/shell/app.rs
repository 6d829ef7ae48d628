//! The window: menus, form, preview, status bar and the prompts between them.

use std::path::{Path, PathBuf};

use egui::{Context, Id, Ui, ViewportCommand};
use serde::{Deserialize, Serialize};

use crate::core::checks::Severity;
use crate::core::draft::{About, Block, Contact, Draft, FieldRef, Quote, Style};
use crate::core::draft_file;
use crate::core::profiles::{Profile, ProfileStore};
use crate::core::recovery::{Recovered, RecoveryStore};
use crate::core::render::text;
use crate::core::templates::{self, Template};
use crate::shell::commands::{BlockKind, Command, SHORTCUTS, SafeHarborSource, move_item};
use crate::shell::dialogs::{FileDialogs, Pick, Purpose};
use crate::shell::document::Document;
use crate::shell::preview::{self, Preview};
use crate::shell::profiles_window::ProfileEditor;
use crate::shell::{checks_panel, form};

const PREFS_KEY: &str = "pressroom-prefs";
const RECENT_LIMIT: usize = 10;

/// What persists between runs (window size and the splitter persist through egui itself).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct Prefs {
    pub recent: Vec<PathBuf>,
    pub preview_style: Style,
    pub theme: Theme,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            preview_style: Style::Edgar,
            theme: Theme::System,
        }
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
    fn preference(self) -> egui::ThemePreference {
        match self {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
enum Then {
    New,
    NewFrom(Box<Draft>),
    /// An imported release, with what the importer guessed.
    Imported(Box<Draft>, Vec<String>),
    Open,
    OpenPath(PathBuf),
    Quit,
}

/// The one prompt that may be open.
#[derive(Clone, Debug, PartialEq)]
enum Prompt {
    Unsaved(Then),
    ReplaceSafeHarbor(SafeHarborSource),
    /// Choosing a template for a new draft; the index of the one shown.
    Templates(usize),
    /// Applying a profile would replace text the user wrote in these fields.
    ConfirmApply(String, Vec<&'static str>),
    ExportWithErrors(usize),
    /// What the importer guessed or was unsure of.
    ImportNotes(Vec<String>),
    /// The file changed on disk since it was opened or saved.
    ChangedOnDisk(Option<Then>),
    /// Drafts recovered from a crash, listed in `PressroomApp::offered`.
    Recover,
    Error(String),
    /// No native dialog: the user types a path.
    PathEntry {
        purpose: Purpose,
        text: String,
        then: Option<Then>,
    },
}

pub struct PressroomApp {
    pub doc: Document,
    pub prefs: Prefs,
    preview: Preview,
    dialogs: Box<dyn FileDialogs>,
    prompt: Option<Prompt>,
    /// A field to bring into view and focus on the next frame.
    jump: Option<FieldRef>,
    /// Set only when a start-up benchmark asked for it (see [`crate::shell::probe`]).
    probe: Option<crate::shell::probe::FirstFrameProbe>,
    quitting: bool,
    /// The last message about a save or export, shown in the status bar.
    status: String,
    title_sent: String,
    theme_applied: Option<Theme>,
    autosave: Autosave,
    /// Recovery files found at start, until the user restores or discards each.
    offered: Vec<Recovered>,
    templates: Vec<Template>,
    profiles: Option<ProfileStore>,
    /// (slug, name) of every profile, for the menus; refreshed when profiles change.
    profile_names: Vec<(String, String)>,
    default_profile_name: Option<String>,
    profile_editor: Option<ProfileEditor>,
}

/// Seconds after the first unsaved change before the recovery copy is written.
pub const AUTOSAVE_SECONDS: f64 = 3.0;

/// The open document's recovery copy and when it was last written.
struct Autosave {
    store: Option<RecoveryStore>,
    id: String,
    written_revision: Option<u64>,
    /// When the first change not yet in the recovery copy was made.
    pending_since: Option<f64>,
}

impl Autosave {
    fn discard(&mut self) {
        if let Some(store) = &self.store {
            store.remove(&self.id);
        }
        self.written_revision = None;
        self.pending_since = None;
    }
}

impl PressroomApp {
    pub fn new(prefs: Prefs, dialogs: Box<dyn FileDialogs>) -> Self {
        Self {
            doc: Document::new(Draft::default(), None),
            prefs,
            preview: Preview::default(),
            dialogs,
            prompt: None,
            jump: Some(FieldRef::Headline),
            probe: None,
            quitting: false,
            status: String::new(),
            title_sent: String::new(),
            theme_applied: None,
            autosave: Autosave {
                store: None,
                id: RecoveryStore::new_id(),
                written_revision: None,
                pending_since: None,
            },
            offered: Vec::new(),
            templates: templates::load_all(None).0,
            profiles: None,
            profile_names: Vec::new(),
            default_profile_name: None,
            profile_editor: None,
        }
    }

    /// Reads company profiles from `store` (and writes them there from the editor).
    pub fn with_profiles(mut self, store: ProfileStore) -> Self {
        self.profiles = Some(store);
        self.refresh_profiles();
        self
    }

    /// Adds the user's templates folder to the shipped templates.
    pub fn with_user_templates(mut self, dir: Option<&Path>) -> Self {
        let (all, problems) = templates::load_all(dir);
        if !problems.is_empty() {
            self.status = format!("Template skipped: {}", problems.join("; "));
        }
        self.templates = all;
        self
    }

    fn refresh_profiles(&mut self) {
        let Some(store) = &self.profiles else { return };
        let (list, problems) = store.list();
        if !problems.is_empty() {
            self.status = format!("Profile skipped: {}", problems.join("; "));
        }
        self.profile_names = list
            .iter()
            .map(|(slug, p)| (slug.clone(), p.name.clone()))
            .collect();
        self.default_profile_name = store.default_profile().map(|p| p.name);
    }

    /// Keeps recovery copies in `store`, and offers any found there from an earlier run.
    pub fn with_recovery(mut self, store: RecoveryStore) -> Self {
        let (found, problems) = store.list();
        if !problems.is_empty() {
            self.status = format!("Could not read a recovery file: {}", problems.join("; "));
        }
        self.offered = found;
        if !self.offered.is_empty() {
            self.prompt = Some(Prompt::Recover);
        }
        self.autosave.store = Some(store);
        self
    }

    /// Makes `doc` the open document. The old one's recovery copy goes: it was saved,
    /// or the user chose to discard it.
    fn replace_doc(&mut self, doc: Document) {
        self.autosave.discard();
        self.autosave.id = RecoveryStore::new_id();
        self.doc = doc;
        self.preview.invalidate();
    }

    /// Writes the recovery copy a few seconds after a change, or at once when the window
    /// loses focus; removes it once the draft is saved. Schedules its own wake-up, so an
    /// idle window does not repaint.
    fn autosave(&mut self, ctx: &Context) {
        let Some(store) = self.autosave.store.clone() else {
            return;
        };
        let a = &mut self.autosave;
        if !self.doc.is_dirty() {
            if a.written_revision.is_some() {
                a.discard();
            }
            a.pending_since = None;
            return;
        }
        if a.written_revision == Some(self.doc.revision()) {
            return;
        }
        let now = ctx.input(|i| i.time);
        let since = *a.pending_since.get_or_insert(now);
        let unfocused = ctx.input(|i| i.viewport().focused == Some(false));
        if now - since >= AUTOSAVE_SECONDS || unfocused {
            match store.write(&a.id, self.doc.path.as_deref(), &self.doc.draft) {
                Ok(()) => {
                    a.written_revision = Some(self.doc.revision());
                    a.pending_since = None;
                }
                Err(e) => {
                    self.status = format!("Could not write the recovery copy: {e}");
                    a.pending_since = Some(now); // try again after another interval
                }
            }
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                AUTOSAVE_SECONDS - (now - since),
            ));
        }
    }

    /// Whether a recovery copy of the open document is on disk (for tests and the status).
    pub fn has_recovery_copy(&self) -> bool {
        self.autosave
            .store
            .as_ref()
            .is_some_and(|s| s.exists(&self.autosave.id))
    }

    /// The app as eframe starts it: preferences from storage, native dialogs.
    pub fn from_eframe(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        let prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, PREFS_KEY))
            .unwrap_or_default();
        let mut app = Self::new(prefs, Box::new(crate::shell::dialogs::NativeDialogs));
        if let Some(dir) = RecoveryStore::default_dir() {
            app = app.with_recovery(RecoveryStore::new(dir));
        }
        if let Some(dir) = ProfileStore::default_dir() {
            app = app.with_profiles(ProfileStore::new(dir));
        }
        app = app.with_user_templates(templates::user_dir().as_deref());
        app.probe = crate::shell::probe::FirstFrameProbe::from_env();
        if let Some(path) = file {
            app.open_at_start(&path);
        }
        app
    }

    /// Opens the draft named on the command line; a path that does not exist yet
    /// becomes a new draft that saves there.
    pub fn open_at_start(&mut self, path: &Path) {
        if !path.exists() {
            self.replace_doc(Document::new(Draft::default(), Some(path.to_path_buf())));
            self.status = format!("{} does not exist yet; Save creates it", path.display());
            return;
        }
        self.open_path(path);
    }

    /// The rendered text the preview shows and Export writes.
    pub fn preview_text(&mut self) -> &str {
        self.preview.update(
            &self.doc.draft,
            self.doc.revision(),
            self.prefs.preview_style,
        );
        &self.preview.rendered.text
    }

    pub fn prompt_text(&self) -> Option<String> {
        self.prompt.as_ref().map(|p| format!("{p:?}"))
    }

    /// One frame of the whole window.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.theme_applied != Some(self.prefs.theme) {
            ctx.set_theme(self.prefs.theme.preference());
            self.theme_applied = Some(self.prefs.theme);
        }
        let mut commands = self.shortcuts(&ctx);
        self.handle_close_request(&ctx);

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, &mut commands));
        // The form first, so everything drawn after it (preview, checks, status) shows the
        // draft with this frame's keystroke.
        let mut follow = None;
        egui::Panel::left("form")
            .resizable(true)
            .default_size(560.0)
            .size_range(320.0..=1200.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("form-scroll")
                    .show(ui, |ui| {
                        let out = form::show(ui, &mut self.doc.draft, self.jump.take());
                        if out.edited {
                            self.doc.edited(out.typing_in, ctx.input(|i| i.time));
                        }
                        follow = out.edited_field;
                        commands.extend(out.commands);
                    });
            });
        self.preview.update(
            &self.doc.draft,
            self.doc.revision(),
            self.prefs.preview_style,
        );
        let revision_shown = self.doc.revision();
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::Panel::bottom("checks")
            .resizable(true)
            .default_size(140.0)
            .size_range(60.0..=600.0)
            .show(ui, |ui| {
                if let Some(field) = checks_panel::ui(ui, &self.preview.findings) {
                    commands.push(Command::GoTo(field));
                }
            });
        egui::CentralPanel::default().show(ui, |ui| self.preview.ui(ui, follow));
        if let Some(mut editor) = self.profile_editor.take() {
            let outcome = editor.show(&ctx, &self.doc.draft);
            if outcome.changed {
                self.refresh_profiles();
            }
            if let Some(message) = outcome.status {
                self.status = message;
            }
            if outcome.open {
                self.profile_editor = Some(editor);
            }
        }
        self.prompts(&ctx);
        for c in commands {
            self.run_command(&ctx, c);
        }
        self.autosave(&ctx);
        self.update_title(&ctx);
        if self.doc.revision() != revision_shown {
            // A command changed the draft after the panels were drawn: show it next frame.
            ctx.request_repaint();
        }
    }

    fn shortcuts(&mut self, ctx: &Context) -> Vec<Command> {
        if self.prompt.is_some() {
            return Vec::new();
        }
        // Consumed before any text field sees them, so Ctrl+Z is the document's undo.
        ctx.input_mut(|i| {
            SHORTCUTS
                .iter()
                .filter(|(s, _)| i.consume_shortcut(s))
                .map(|(_, c)| c.clone())
                .collect()
        })
    }

    fn handle_close_request(&mut self, ctx: &Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.quitting && self.doc.is_dirty() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.prompt = Some(Prompt::Unsaved(Then::Quit));
        }
    }

    /// Carries out a command: the single path for menus, shortcuts and buttons.
    pub fn run_command(&mut self, ctx: &Context, command: Command) {
        match command {
            Command::New => self.guard(ctx, Then::New),
            Command::Open => self.guard(ctx, Then::Open),
            Command::OpenPath(p) => self.guard(ctx, Then::OpenPath(p)),
            Command::Quit => self.guard(ctx, Then::Quit),
            Command::Save => {
                self.save(None);
            }
            Command::SaveAs => {
                self.save_as(None);
            }
            Command::Export => {
                self.preview_text();
                let errors = self
                    .preview
                    .findings
                    .iter()
                    .filter(|f| f.severity == Severity::Error)
                    .count();
                if errors > 0 {
                    self.prompt = Some(Prompt::ExportWithErrors(errors));
                } else {
                    self.export();
                }
            }
            Command::CopyExport => {
                let text = self.preview_text().to_string();
                ctx.copy_text(text);
                self.status = "Copied the export to the clipboard".into();
            }
            Command::Undo => {
                self.doc.undo();
            }
            Command::Redo => {
                self.doc.redo();
            }
            Command::InsertSafeHarbor(source) => {
                if self.doc.draft.safe_harbor.text.trim().is_empty() {
                    self.insert_safe_harbor(source);
                } else {
                    self.prompt = Some(Prompt::ReplaceSafeHarbor(source));
                }
            }
            Command::ImportText => match self.dialogs.pick(Purpose::ImportText, None) {
                Pick::Path(p) => self.import_path(ctx, &p),
                Pick::Cancelled => {}
                Pick::Unavailable => self.ask_path(Purpose::ImportText, None),
            },
            Command::NewFromTemplate => {
                if self.templates.is_empty() {
                    self.prompt = Some(Prompt::Error("No template could be loaded.".into()));
                } else {
                    self.prompt = Some(Prompt::Templates(0));
                }
            }
            Command::ApplyProfile(slug) => {
                let Some(profile) = self.profile(&slug) else {
                    return;
                };
                let replaces = profile.would_replace(&self.doc.draft);
                if replaces.is_empty() {
                    self.apply_profile(&slug);
                } else {
                    self.prompt = Some(Prompt::ConfirmApply(slug, replaces));
                }
            }
            Command::EditProfiles => {
                if let Some(store) = &self.profiles {
                    self.profile_editor = Some(ProfileEditor::open(store));
                } else {
                    self.status = "Profiles need a config folder, and this system has none".into();
                }
            }
            Command::ChooseLogo => match self.dialogs.pick(Purpose::ChooseLogo, None) {
                Pick::Path(p) => self
                    .doc
                    .apply(|d| d.release.logo = Some(p.to_string_lossy().into_owned())),
                Pick::Cancelled => {}
                Pick::Unavailable => self.ask_path(Purpose::ChooseLogo, None),
            },
            Command::AddBlock(kind) => self.doc.apply(|d| d.body.push(new_block(kind))),
            Command::RemoveBlock(i) => self.doc.apply(|d| remove_at(&mut d.body, i)),
            Command::MoveBlock(i, m) => self.doc.apply(|d| {
                move_item(&mut d.body, i, m);
            }),
            Command::AddContact => self.doc.apply(|d| d.contacts.push(Contact::default())),
            Command::RemoveContact(i) => self.doc.apply(|d| remove_at(&mut d.contacts, i)),
            Command::MoveContact(i, m) => self.doc.apply(|d| {
                move_item(&mut d.contacts, i, m);
            }),
            Command::AddAbout => self.doc.apply(|d| d.boilerplate.push(About::default())),
            Command::RemoveAbout(i) => self.doc.apply(|d| remove_at(&mut d.boilerplate, i)),
            Command::MoveAbout(i, m) => self.doc.apply(|d| {
                move_item(&mut d.boilerplate, i, m);
            }),
            Command::SetPreviewStyle(s) => self.prefs.preview_style = s,
            Command::SetTheme(t) => self.prefs.theme = t,
            Command::GoTo(field) => {
                self.jump = Some(field);
                ctx.request_repaint(); // the form opens, scrolls to and focuses it next frame
            }
        }
    }

    /// Asks about unsaved changes before `then` throws them away.
    fn guard(&mut self, ctx: &Context, then: Then) {
        if self.doc.is_dirty() {
            self.prompt = Some(Prompt::Unsaved(then));
        } else {
            self.proceed(ctx, then);
        }
    }

    fn proceed(&mut self, ctx: &Context, then: Then) {
        match then {
            Then::New => self.start_draft(Draft::default()),
            Then::NewFrom(draft) => self.start_draft(*draft),
            Then::Imported(draft, notes) => {
                self.replace_doc(Document::new(Draft::default(), None));
                self.doc.apply(|d| *d = *draft);
                self.status = format!("Imported: {} things to check", notes.len());
                if !notes.is_empty() {
                    self.prompt = Some(Prompt::ImportNotes(notes));
                }
            }
            Then::Open => match self
                .dialogs
                .pick(Purpose::OpenDraft, self.doc.path.as_deref())
            {
                Pick::Path(p) => self.open_path(&p),
                Pick::Cancelled => {}
                Pick::Unavailable => self.ask_path(Purpose::OpenDraft, None),
            },
            Then::OpenPath(p) => self.open_path(&p),
            Then::Quit => {
                self.autosave.discard();
                self.quitting = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    /// Opens a draft, or shows why not and leaves the current one as it was.
    fn open_path(&mut self, path: &Path) {
        match Document::open(path) {
            Ok(doc) => {
                self.replace_doc(doc);
                self.jump = None; // an opened draft starts at its top, not at a field
                self.remember(path);
                self.status = format!("Opened {}", path.display());
            }
            Err(e) => {
                self.prompt = Some(Prompt::Error(format!("Could not open the draft.\n\n{e}")))
            }
        }
    }

    /// Imports a text release as a new, unsaved draft (after asking about unsaved changes).
    fn import_path(&mut self, ctx: &Context, path: &Path) {
        match crate::core::import::import_file(path) {
            Ok(imported) => {
                let notes = imported.notes.iter().map(|n| n.to_string()).collect();
                self.guard(ctx, Then::Imported(Box::new(imported.draft), notes));
            }
            Err(e) => {
                self.prompt = Some(Prompt::Error(format!(
                    "Could not import the release.\n\n{e}"
                )))
            }
        }
    }

    /// Saves to the document's file, or asks for one. True when the draft is now saved.
    fn save(&mut self, then: Option<Then>) -> bool {
        match self.doc.path.clone() {
            Some(_) if self.doc.changed_on_disk() => {
                self.prompt = Some(Prompt::ChangedOnDisk(then));
                false
            }
            Some(p) => self.save_to(&p),
            None => self.save_as(then),
        }
    }

    fn save_as(&mut self, then: Option<Then>) -> bool {
        let suggested = self
            .doc
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from("release.ron"));
        match self.dialogs.pick(Purpose::SaveDraft, Some(&suggested)) {
            Pick::Path(p) => self.save_to(&with_extension(p, "ron")),
            Pick::Cancelled => false,
            Pick::Unavailable => {
                self.ask_path(Purpose::SaveDraft, then);
                false
            }
        }
    }

    fn save_to(&mut self, path: &Path) -> bool {
        match self.doc.save_to(path) {
            Ok(()) => {
                self.remember(path);
                self.status = format!("Saved {}", path.display());
                true
            }
            Err(e) => {
                self.prompt = Some(Prompt::Error(format!(
                    "Could not save to {}.\n\n{e}\n\nThe draft is still open and unsaved.",
                    path.display()
                )));
                false
            }
        }
    }

    fn export(&mut self) {
        let suggested = self
            .doc
            .path
            .as_ref()
            .map(|p| p.with_extension("txt"))
            .unwrap_or_else(|| PathBuf::from("release.txt"));
        match self.dialogs.pick(Purpose::ExportText, Some(&suggested)) {
            Pick::Path(p) => self.export_to(&with_extension(p, "txt")),
            Pick::Cancelled => {}
            Pick::Unavailable => self.ask_path(Purpose::ExportText, None),
        }
    }

    fn export_to(&mut self, path: &Path) {
        self.preview_text();
        let r = &self.preview.rendered;
        match draft_file::write_atomically(path, r.text.as_bytes()) {
            Ok(()) => {
                self.status = format!(
                    "Exported {} lines to {}",
                    self.preview.line_count(),
                    path.display()
                );
                if !r.unprintable.is_empty() {
                    self.status.push_str(&format!(
                        " ({} characters had no ASCII form and were written as '?')",
                        r.unprintable.len()
                    ));
                }
            }
            Err(e) => {
                self.prompt = Some(Prompt::Error(format!(
                    "Could not export to {}.\n\n{e}",
                    path.display()
                )))
            }
        }
    }

    /// Restores or discards the `k`th recovered draft. A restored draft keeps its recovery
    /// file (now the open document's), so it is never without one until saved.
    fn settle_recovered(&mut self, k: usize, restore: bool) {
        if k >= self.offered.len() {
            return;
        }
        let r = self.offered.remove(k);
        if restore {
            let status = format!(
                "Restored {} from {}",
                r.name(),
                r.file.saved_at.format("%-I:%M:%S %p")
            );
            let doc = Document::recovered(r.file.draft, r.file.path);
            self.replace_doc(doc);
            self.autosave.id = r.id;
            self.status = status;
            // Shown until saved: write it again under the adopted id at the next chance.
            self.autosave.written_revision = None;
        } else if let Some(store) = &self.autosave.store {
            store.remove(&r.id);
        }
        self.prompt = (!self.offered.is_empty() && !restore).then_some(Prompt::Recover);
    }

    /// The year a release is for: its dateline's, or this one.
    fn release_year(&self) -> i32 {
        use chrono::Datelike;
        self.doc
            .draft
            .dateline
            .date
            .unwrap_or_else(|| chrono::Local::now().date_naive())
            .year()
    }

    fn profile(&mut self, slug: &str) -> Option<Profile> {
        let store = self.profiles.as_ref()?;
        match crate::core::profiles::load(&store.dir().join(format!("{slug}.ron"))) {
            Ok(p) => Some(p),
            Err(e) => {
                self.status = format!("Profile not loaded: {e}");
                None
            }
        }
    }

    /// Fills company, contacts, boilerplate and safe harbor from a profile: one undo step.
    fn apply_profile(&mut self, slug: &str) {
        let Some(profile) = self.profile(slug) else {
            return;
        };
        let year = self.release_year();
        self.doc.apply(|d| profile.apply(d, year));
        self.status = format!("Applied the {} profile", profile.name);
    }

    /// A new, unsaved draft from `draft`, with the default profile filled in.
    fn start_draft(&mut self, mut draft: Draft) {
        if let Some(p) = self.profiles.as_ref().and_then(|s| s.default_profile()) {
            use chrono::Datelike;
            p.apply(&mut draft, chrono::Local::now().date_naive().year());
        }
        self.replace_doc(Document::new(Draft::default(), None));
        if draft != Draft::default() {
            // Unsaved from the start: Save asks where, and closing asks first.
            self.doc.apply(|d| *d = draft);
        }
        self.jump = Some(FieldRef::Headline);
        self.status.clear();
    }

    fn insert_safe_harbor(&mut self, source: SafeHarborSource) {
        let text = match source {
            SafeHarborSource::Library(form) => {
                form.text(&self.doc.draft.company.name, self.release_year())
            }
            SafeHarborSource::Profile => {
                match self.profiles.as_ref().and_then(|s| s.default_profile()) {
                    Some(p) if !p.safe_harbor.trim().is_empty() => p.safe_harbor,
                    _ => {
                        self.status = "The default profile has no safe-harbor text".into();
                        return;
                    }
                }
            }
        };
        self.doc.apply(|d| {
            d.safe_harbor.text = text;
            if d.safe_harbor.heading.trim().is_empty() && d.export.style == Style::Newswire {
                d.safe_harbor.heading = "Forward-Looking Statements".into();
            }
        });
    }

    fn ask_path(&mut self, purpose: Purpose, then: Option<Then>) {
        self.prompt = Some(Prompt::PathEntry {
            purpose,
            text: String::new(),
            then,
        });
    }

    fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.prefs.recent.retain(|p| *p != path);
        self.prefs.recent.insert(0, path);
        self.prefs.recent.truncate(RECENT_LIMIT);
    }

    fn update_title(&mut self, ctx: &Context) {
        let mark = if self.doc.is_dirty() { " \u{2022}" } else { "" };
        let title = format!("{}{mark} \u{2014} Pressroom", self.doc.display_name());
        if title != self.title_sent {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
    }

    pub fn window_title(&self) -> &str {
        &self.title_sent
    }

    fn menu_bar(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let item = |ui: &mut Ui, c: Command, enabled: bool, commands: &mut Vec<Command>| {
            let mut b = egui::Button::new(c.label());
            if let Some(s) = c.shortcut() {
                b = b.shortcut_text(ui.ctx().format_shortcut(&s));
            }
            if ui.add_enabled(enabled, b).clicked() {
                commands.push(c);
            }
        };
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                item(ui, Command::New, true, commands);
                item(ui, Command::NewFromTemplate, true, commands);
                item(ui, Command::Open, true, commands);
                item(ui, Command::ImportText, true, commands);
                ui.menu_button("Open Recent", |ui| {
                    if self.prefs.recent.is_empty() {
                        ui.weak("No recent drafts");
                    }
                    for p in &self.prefs.recent {
                        if ui.button(p.display().to_string()).clicked() {
                            commands.push(Command::OpenPath(p.clone()));
                        }
                    }
                });
                ui.separator();
                item(ui, Command::Save, true, commands);
                item(ui, Command::SaveAs, true, commands);
                item(ui, Command::Export, true, commands);
                item(ui, Command::CopyExport, true, commands);
                ui.separator();
                item(ui, Command::Quit, true, commands);
            });
            ui.menu_button("Edit", |ui| {
                item(ui, Command::Undo, self.doc.can_undo(), commands);
                item(ui, Command::Redo, self.doc.can_redo(), commands);
                ui.separator();
                ui.menu_button("Insert Safe Harbor", |ui| {
                    for form in crate::core::safe_harbor::Form::ALL {
                        if ui.button(form.label()).clicked() {
                            commands
                                .push(Command::InsertSafeHarbor(SafeHarborSource::Library(form)));
                        }
                    }
                    let own = self.default_profile_name.clone();
                    if ui
                        .add_enabled(
                            own.is_some(),
                            egui::Button::new(format!(
                                "{}'s own text",
                                own.as_deref().unwrap_or("Default profile")
                            )),
                        )
                        .clicked()
                    {
                        commands.push(Command::InsertSafeHarbor(SafeHarborSource::Profile));
                    }
                });
            });
            ui.menu_button("Draft", |ui| {
                ui.menu_button("Apply Profile", |ui| {
                    if self.profile_names.is_empty() {
                        ui.weak("No profiles yet");
                    }
                    for (slug, name) in &self.profile_names {
                        if ui.button(name).clicked() {
                            commands.push(Command::ApplyProfile(slug.clone()));
                        }
                    }
                });
                item(ui, Command::EditProfiles, true, commands);
            });
            ui.menu_button("View", |ui| {
                ui.label("Preview and export style");
                for s in Style::ALL {
                    if ui.radio(self.prefs.preview_style == s, s.label()).clicked() {
                        commands.push(Command::SetPreviewStyle(s));
                    }
                }
                ui.separator();
                ui.label("Theme");
                for (t, label) in [
                    (Theme::System, "System"),
                    (Theme::Light, "Light"),
                    (Theme::Dark, "Dark"),
                ] {
                    if ui.radio(self.prefs.theme == t, label).clicked() {
                        commands.push(Command::SetTheme(t));
                    }
                }
            });
        });
    }

    fn status_bar(&self, ui: &mut Ui) {
        // Wraps rather than cut off when the preview side is narrow.
        ui.horizontal_wrapped(|ui| {
            let p = &self.preview;
            let errors = p
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            let warnings = p
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Warning)
                .count();
            let colour = if errors > 0 {
                ui.visuals().error_fg_color
            } else if warnings > 0 {
                ui.visuals().warn_fg_color
            } else {
                ui.visuals().text_color()
            };
            ui.colored_label(colour, checks_panel::summary(&p.findings));
            ui.separator();
            ui.label(format!("{} words", p.words));
            ui.separator();
            let len = self.doc.draft.headline.trim().chars().count();
            let note = match len {
                0..=70 => "Newswires suggest about 70 characters.",
                71..=120 => "Over the about 70 characters newswires suggest.",
                _ => "Too long: wires and readers cut headlines past 120 characters.",
            };
            ui.colored_label(
                preview::headline_colour(len, ui),
                format!("Headline {len} chars"),
            )
            .on_hover_text(note);
            ui.separator();
            ui.label(format!("{} lines", p.line_count()));
            ui.separator();
            ui.label(format!("{} columns", p.width))
                .on_hover_text(self.prefs.preview_style.label());
            if !p.rendered.unprintable.is_empty() {
                ui.separator();
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!(
                        "{} characters have no ASCII form",
                        p.rendered.unprintable.len()
                    ),
                )
                .on_hover_text(
                    p.rendered
                        .unprintable
                        .iter()
                        .map(|u| u.to_string())
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
            }
            if !self.status.is_empty() {
                ui.separator();
                ui.weak(&self.status);
            }
        });
    }

    fn prompts(&mut self, ctx: &Context) {
        let Some(prompt) = self.prompt.clone() else {
            return;
        };
        let mut choice: Option<&'static str> = None;
        let mut typed = None;
        let mut recover: Option<(usize, bool)> = None;
        let mut picked: Option<usize> = None;
        let modal = egui::Modal::new(Id::unique("pressroom-prompt")).show(ctx, |ui| {
            if matches!(prompt, Prompt::Templates(_)) {
                // A fixed size: a centred dialog that changed size would move under the pointer.
                ui.set_width(900.0);
                ui.set_height(560.0);
            } else {
                ui.set_max_width(520.0);
            }
            match &prompt {
                Prompt::Unsaved(then) => {
                    let what = match then {
                        Then::Quit => "closing",
                        Then::New | Then::NewFrom(_) | Then::Imported(..) => "starting a new draft",
                        Then::Open | Then::OpenPath(_) => "opening another draft",
                    };
                    ui.heading("Unsaved changes");
                    ui.label(format!("Save the changes to {} before {what}?", self.doc.display_name()));
                    choice = choice.or(buttons(ui, &[("Save", "save"), ("Discard", "discard"), ("Cancel", "cancel")]));
                }
                Prompt::Templates(k) => {
                    ui.heading("New from template");
                    ui.horizontal_top(|ui| {
                        ui.vertical(|ui| {
                            ui.set_width(260.0);
                            for (i, t) in self.templates.iter().enumerate() {
                                if ui.selectable_label(i == *k, &t.name).clicked() {
                                    picked = Some(i);
                                }
                            }
                        });
                        ui.add_space(16.0); // a vertical separator would grow with the dialog
                        ui.vertical(|ui| {
                            // A fixed size, so the dialog does not jump as the preview changes.
                            ui.set_width(600.0);
                            let t = &self.templates[(*k).min(self.templates.len() - 1)];
                            ui.strong(&t.name);
                            ui.label(&t.description);
                            ui.weak(format!("To fill in: {}", t.placeholders().join(" ")));
                            let text = crate::core::render::render_as(&t.draft, self.prefs.preview_style).text;
                            egui::ScrollArea::both().max_height(360.0).max_width(600.0).id_salt("template-preview").show(ui, |ui| {
                                ui.add(egui::Label::new(egui::RichText::new(text).monospace().size(11.0)).extend());
                            });
                        });
                    });
                    choice = choice.or(buttons(ui, &[("Create", "create"), ("Cancel", "cancel")]));
                }
                Prompt::ImportNotes(notes) => {
                    ui.heading("Imported: please check");
                    ui.label("The release was imported as a new, unsaved draft. The importer guessed here:");
                    for n in notes {
                        ui.label(format!("- {n}"));
                    }
                    if ui.button("OK").clicked() {
                        choice = Some("cancel");
                    }
                }
                Prompt::ConfirmApply(_, fields) => {
                    ui.heading("Replace what you wrote?");
                    ui.label(format!("Applying the profile replaces the {} you wrote. Apply it?", fields.join(", ")));
                    choice = choice.or(buttons(ui, &[("Apply", "apply"), ("Cancel", "cancel")]));
                }
                Prompt::ReplaceSafeHarbor(_) => {
                    ui.heading("Replace the safe harbor?");
                    ui.label("The safe-harbor section already has text. Replace it with the standard text?");
                    choice = choice.or(buttons(ui, &[("Replace", "replace"), ("Cancel", "cancel")]));
                }
                Prompt::ExportWithErrors(n) => {
                    ui.heading("Export with errors?");
                    ui.label(format!(
                        "The checks found {n} error{} in this release (see the Checks panel). Export it anyway?",
                        if *n == 1 { "" } else { "s" }
                    ));
                    choice = choice.or(buttons(ui, &[("Export anyway", "export"), ("Cancel", "cancel")]));
                }
                Prompt::ChangedOnDisk(_) => {
                    ui.heading("The file changed on disk");
                    ui.label(format!(
                        "{} was changed by another program since you opened or saved it. Overwrite those changes, save under another name, or cancel?",
                        self.doc.display_name()
                    ));
                    choice = choice.or(buttons(ui, &[("Overwrite", "overwrite"), ("Save As...", "save-as"), ("Cancel", "cancel")]));
                }
                Prompt::Recover => {
                    ui.heading("Recover unsaved drafts");
                    ui.label("Pressroom did not close cleanly. These drafts were saved for recovery:");
                    for (k, r) in self.offered.iter().enumerate() {
                        ui.separator();
                        ui.strong(format!("{} \u{2014} {}", r.name(), r.file.saved_at.format("%B %-d, %Y %-I:%M:%S %p")));
                        let headline = text::one_paragraph(&r.file.draft.headline);
                        ui.label(if headline.is_empty() { "(no headline)".to_string() } else { headline });
                        ui.horizontal(|ui| {
                            if ui.button("Restore").clicked() {
                                recover = Some((k, true));
                            }
                            if ui.button("Discard").clicked() {
                                recover = Some((k, false));
                            }
                        });
                    }
                    ui.separator();
                    if ui.button("Decide later").clicked() {
                        choice = Some("cancel");
                    }
                }
                Prompt::Error(message) => {
                    ui.heading("Something went wrong");
                    ui.label(message);
                    if ui.button("OK").clicked() {
                        choice = Some("cancel");
                    }
                }
                Prompt::PathEntry { purpose, text, .. } => {
                    ui.heading(purpose.title());
                    ui.label("No file dialog can be shown on this system (no desktop portal or zenity). Type the file's path instead.");
                    let mut t = text.clone();
                    let l = ui.label("Path");
                    let r = ui.add(egui::TextEdit::singleline(&mut t).desired_width(480.0)).labelled_by(l.id);
                    r.request_focus();
                    let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if t != *text {
                        typed = Some(t.clone());
                    }
                    ui.horizontal(|ui| {
                        if ui.button("OK").clicked() || enter {
                            choice = Some("ok");
                        }
                        if ui.button("Cancel").clicked() {
                            choice = Some("cancel");
                        }
                    });
                }
            }
        });
        if let (Some(i), Some(Prompt::Templates(k))) = (picked, self.prompt.as_mut()) {
            *k = i;
        }
        if let Some((k, restore)) = recover {
            self.settle_recovered(k, restore);
            return;
        }
        if modal.should_close() && choice.is_none() {
            choice = Some("cancel");
        }
        if let (Some(t), Some(Prompt::PathEntry { text, .. })) = (typed, self.prompt.as_mut()) {
            *text = t;
        }
        let Some(choice) = choice else { return };
        let prompt = self.prompt.take().expect("a prompt is open");
        match (prompt, choice) {
            (Prompt::Unsaved(then), "save") if self.save(Some(then.clone())) => {
                self.proceed(ctx, then)
            }
            (Prompt::Unsaved(then), "discard") => self.proceed(ctx, then),
            (Prompt::ReplaceSafeHarbor(source), "replace") => self.insert_safe_harbor(source),
            (Prompt::Templates(k), "create") => {
                let draft = self.templates[k].draft.clone();
                self.guard(ctx, Then::NewFrom(Box::new(draft)));
            }
            (Prompt::ConfirmApply(slug, _), "apply") => self.apply_profile(&slug),
            (Prompt::ExportWithErrors(_), "export") => self.export(),
            (Prompt::ChangedOnDisk(then), "overwrite") => {
                if let Some(p) = self.doc.path.clone()
                    && self.save_to(&p)
                    && let Some(then) = then
                {
                    self.proceed(ctx, then);
                }
            }
            (Prompt::ChangedOnDisk(then), "save-as") => {
                if self.save_as(then.clone())
                    && let Some(then) = then
                {
                    self.proceed(ctx, then);
                }
            }
            (
                Prompt::PathEntry {
                    purpose,
                    text,
                    then,
                },
                "ok",
            ) => {
                let path = PathBuf::from(text.trim());
                if text.trim().is_empty() {
                    self.prompt = Some(Prompt::PathEntry {
                        purpose,
                        text,
                        then,
                    });
                    return;
                }
                match purpose {
                    Purpose::OpenDraft => self.open_path(&path),
                    Purpose::SaveDraft => {
                        if self.save_to(&with_extension(path, "ron"))
                            && let Some(then) = then
                        {
                            self.proceed(ctx, then);
                        }
                    }
                    Purpose::ExportText => self.export_to(&with_extension(path, "txt")),
                    Purpose::ImportText => self.import_path(ctx, &path),
                    Purpose::ChooseLogo => self
                        .doc
                        .apply(|d| d.release.logo = Some(path.to_string_lossy().into_owned())),
                }
            }
            _ => {}
        }
    }
}

impl eframe::App for PressroomApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
        if let Some(probe) = &mut self.probe {
            probe.after_frame(ui.ctx());
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }
}

/// A prompt's row of buttons; the choice of the one clicked.
fn buttons(ui: &mut Ui, row: &[(&str, &'static str)]) -> Option<&'static str> {
    ui.horizontal(|ui| {
        let mut chosen = None;
        for (label, choice) in row {
            if ui.button(*label).clicked() {
                chosen = Some(*choice);
            }
        }
        chosen
    })
    .inner
}

fn new_block(kind: BlockKind) -> Block {
    match kind {
        BlockKind::Paragraph => Block::Paragraph(String::new()),
        BlockKind::Quote => Block::Quote(Quote::default()),
        BlockKind::Bullets => Block::Bullets(vec![String::new()]),
        BlockKind::Heading => Block::Heading(String::new()),
        BlockKind::PageBreak => Block::PageBreak,
    }
}

fn remove_at<T>(items: &mut Vec<T>, i: usize) {
    if i < items.len() {
        items.remove(i);
    }
}

/// Adds the extension when the user typed a name without one.
fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(ext)
    }
}
