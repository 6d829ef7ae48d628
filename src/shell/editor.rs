//! What the window does, apart from drawing it: the open document, the prompt state
//! machine, templates, profiles, recovery copies and every [`Command`]. Nothing here
//! needs an egui context, so commands are unit-tested directly; the window
//! ([`crate::shell::app`]) draws this state and carries out the [`Effect`]s it asks for.

use std::path::{Path, PathBuf};

use crate::core::checks::Severity;
use crate::core::draft::{About, Block, Contact, Draft, FieldRef, ItemId};
use crate::core::draft_file;
use crate::core::export::{self, ExportOptions, ExportStyle};
use crate::core::profiles::{Profile, ProfileField, ProfileStore};
use crate::core::recovery::{Recovered, RecoveryStore};
use crate::core::safe_fs::{self, WriteOptions};
use crate::core::spelling::dictionaries;
use crate::core::spelling::session::Session;
use crate::core::table::TableEdit;
use crate::core::templates::{self, Template};
use crate::shell::commands::{Command, SafeHarborSource, move_item};
use crate::shell::comments_panel::CommentsPanel;
use crate::shell::dialogs::{FileDialogs, Pick, Purpose};
use crate::shell::document::Document;
use crate::shell::file_browser::{self, Browser};
use crate::shell::help::HelpTopic;
use crate::shell::prefs::Prefs;
use crate::shell::preview::Preview;
use crate::shell::prompts::{Answer, Prompt, Then};
use crate::shell::redline_view::RedlineView;
use crate::shell::versions_window::VersionsView;

/// The heading an inserted safe harbor gets when the section has none.
pub const SAFE_HARBOR_HEADING: &str = "Forward-Looking Statements";

/// Seconds after the first unsaved change before the recovery copy is written.
pub const AUTOSAVE_SECONDS: f64 = 3.0;

/// Something only the window can do, asked for by a command.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Close the window (the user chose to quit and nothing is left unsaved).
    Close,
    CopyText(String),
    /// HTML for programs that take it, and the plain text for those that do not.
    CopyFormatted {
        html: String,
        text: String,
    },
    OpenProfileEditor,
    /// Draw another frame: the state changed after this one was drawn.
    Repaint,
}

/// The largest CSV or TSV file a table is read from (1,000 rows of 50 long cells fit).
const TABLE_FILE_LIMIT: u64 = 8 * 1024 * 1024;

pub struct Editor {
    pub doc: Document,
    pub prefs: Prefs,
    /// The rendered text, counts and findings for the draft as it stands.
    pub preview: Preview,
    dialogs: Box<dyn FileDialogs>,
    pub prompt: Option<Prompt>,
    /// A field to bring into view and focus on the next frame.
    pub jump: Option<FieldRef>,
    /// The Help window's topic, while it is open.
    pub help: Option<HelpTopic>,
    /// True once the user chose to quit: the window's close is no longer held back.
    pub quitting: bool,
    /// The last message about a save or export, shown in the status bar.
    pub status: String,
    autosave: Autosave,
    /// Recovery files found at start, until the user restores or discards each.
    pub offered: Vec<Recovered>,
    pub templates: Vec<Template>,
    profiles: Option<ProfileStore>,
    /// (slug, name) of every profile, for the menus; refreshed when profiles change.
    pub profile_names: Vec<(String, String)>,
    pub default_profile_name: Option<String>,
    effects: Vec<Effect>,
    /// Spelling: the dictionaries, word lists, findings and each field's marks.
    pub spelling: Session,
    /// The Versions window's state, while it is open.
    pub versions: Option<VersionsView>,
    /// The redline the preview shows instead of the release, while comparing.
    pub redline: Option<RedlineView>,
    /// The Comments list's state, while it is open.
    pub comments: Option<CommentsPanel>,
    /// The field last typed in: where a new comment goes unless the user picks another.
    pub last_field: Option<FieldRef>,
}

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

impl Editor {
    pub fn new(prefs: Prefs, dialogs: Box<dyn FileDialogs>) -> Self {
        let spelling = Session::new(
            prefs.spelling,
            prefs.dictionary.clone(),
            dictionaries::available(&dictionaries::search_dirs()),
        );
        Self {
            spelling,
            doc: Document::new(Draft::default(), None),
            prefs,
            preview: Preview::default(),
            dialogs,
            prompt: None,
            jump: Some(FieldRef::Headline),
            help: None,
            quitting: false,
            status: String::new(),
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
            effects: Vec::new(),
            versions: None,
            redline: None,
            comments: None,
            last_field: None,
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

    /// Why recovery copies are not being written, until one is again: the window shows it
    /// where it cannot be missed (unsaved work is not protected meanwhile).
    pub fn recovery_failure(&self) -> Option<String> {
        self.autosave.store.as_ref()?.failure()
    }

    /// The profile store, for the Company Profiles window.
    pub fn profile_store(&self) -> Option<&ProfileStore> {
        self.profiles.as_ref()
    }

    /// Reads the list of profiles again (after the Company Profiles window changed them).
    pub fn refresh_profiles(&mut self) {
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
        // The profiles' names and words count as spelt.
        self.spelling
            .set_profiles(list.into_iter().map(|(_, p)| p).collect());
    }

    /// What the window must do for the commands run since it last asked.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Makes `doc` the open document. The old one's recovery copy goes: it was saved,
    /// or the user chose to discard it.
    fn replace_doc(&mut self, doc: Document) {
        self.autosave.discard();
        self.autosave.id = RecoveryStore::new_id();
        self.doc = doc;
        self.preview.invalidate();
    }

    /// Writes the recovery copy a few seconds after a change (`now`, in seconds), or at
    /// once when the window has lost the focus; removes it once the draft is saved. Returns
    /// how many seconds until it wants to be asked again, so an idle window can sleep.
    pub fn autosave(&mut self, now: f64, unfocused: bool) -> Option<f64> {
        let store = self.autosave.store.clone()?;
        let a = &mut self.autosave;
        if !self.doc.is_dirty() {
            if a.written_revision.is_some() {
                a.discard();
            }
            a.pending_since = None;
            return None;
        }
        if a.written_revision == Some(self.doc.revision()) {
            return None;
        }
        let since = *a.pending_since.get_or_insert(now);
        if now - since >= AUTOSAVE_SECONDS || unfocused {
            let (path, disk) = (self.doc.path.as_deref(), self.doc.disk());
            match store.write_with_base(&a.id, path, disk, &self.doc.draft) {
                Ok(()) => {
                    a.written_revision = Some(self.doc.revision());
                    a.pending_since = None;
                    None
                }
                Err(_) => {
                    // The store keeps the failure, with where, until a copy is written:
                    // the status bar shows it (`recovery_failure`).
                    a.pending_since = Some(now); // try again after another interval
                    Some(AUTOSAVE_SECONDS)
                }
            }
        } else {
            Some(AUTOSAVE_SECONDS - (now - since))
        }
    }

    /// The draft the window starts with: the one named on the command line, or a new one
    /// started as File > New starts it (dated today, the default profile filled in).
    pub fn launch(mut self, file: Option<&Path>) -> Self {
        match file {
            Some(path) => self.open_at_start(path),
            None => self.run_command(Command::New),
        }
        self
    }

    /// Opens the draft named on the command line; a path that does not exist yet
    /// becomes a new draft (as File > New makes it) that saves there.
    pub fn open_at_start(&mut self, path: &Path) {
        if !path.exists() {
            self.start_draft(Draft::default(), true);
            self.doc.path = Some(path.to_path_buf());
            self.status = format!("{} does not exist yet; Save creates it", path.display());
            return;
        }
        self.open_path(path);
    }

    /// Brings the rendered text, counts and findings up to date with the draft.
    pub fn refresh_preview(&mut self) {
        self.preview.update(
            &self.doc.draft,
            self.doc.revision(),
            self.doc.draft.export.style,
        );
        if let Some(found) = self.spelling.refresh(&self.doc.draft, self.doc.revision()) {
            self.preview.set_spelling(found);
        }
        if let Some(problem) = self.spelling.problem.take() {
            self.status = problem;
        }
    }

    /// The rendered text the preview shows and Export writes.
    pub fn preview_text(&mut self) -> &str {
        self.refresh_preview();
        &self.preview.rendered.text
    }

    /// Asks to close the window; true when it may close now (nothing unsaved, or the
    /// user already chose to quit). Otherwise the unsaved-changes prompt is shown.
    pub fn close_requested(&mut self) -> bool {
        if self.quitting || !self.doc.is_dirty() {
            return true;
        }
        self.prompt = Some(Prompt::Unsaved(Then::Quit));
        false
    }

    /// Carries out a command: the single path for menus, shortcuts, buttons and prompts.
    pub fn run_command(&mut self, command: Command) {
        match command {
            Command::New => self.guard(Then::New),
            Command::Open => self.guard(Then::Open),
            Command::OpenPath(p) => self.guard(Then::OpenPath(p)),
            Command::Quit => self.guard(Then::Quit),
            Command::Save => {
                self.save(None);
            }
            Command::SaveAs => {
                self.save_as(None);
            }
            Command::Export => {
                self.prompt = Some(Prompt::ExportAs(ExportStyle::of_draft(&self.doc.draft)));
            }
            Command::CopyFormatted => {
                let options = ExportOptions {
                    fragment: true,
                    ..ExportOptions::default()
                };
                let html = export::export(&self.doc.draft, ExportStyle::NewswireHtml, &options)
                    .map(|o| String::from_utf8_lossy(&o.main).into_owned())
                    .unwrap_or_default();
                let text = self.preview_text().to_string();
                self.effects.push(Effect::CopyFormatted { html, text });
                self.status = "Copied the release as formatted text".into();
            }
            Command::CopyExport => {
                let text = self.preview_text().to_string();
                self.effects.push(Effect::CopyText(text));
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
                Pick::Path(p) => self.import_path(&p),
                Pick::Cancelled => {}
                Pick::Unavailable => self.ask_path(Purpose::ImportText, None),
            },
            Command::NewFromTemplate => {
                self.prompt = Some(if self.templates.is_empty() {
                    Prompt::Error("No template could be loaded.".into())
                } else {
                    Prompt::Templates(0)
                });
            }
            Command::ApplyProfile(slug) => {
                let Some(profile) = self.profile(&slug) else {
                    return;
                };
                let replaces = profile.replacements(&self.doc.draft);
                // A different export style alone loses nothing: no need to ask.
                if replaces.iter().all(|r| r.field == ProfileField::Style) {
                    self.apply_profile(&slug, false);
                } else {
                    self.prompt = Some(Prompt::ConfirmApply {
                        slug,
                        replaces,
                        keep_contacts: false,
                    });
                }
            }
            Command::EditProfiles => {
                if self.profiles.is_some() {
                    self.effects.push(Effect::OpenProfileEditor);
                } else {
                    self.status = "Profiles need a config folder, and this system has none".into();
                }
            }
            Command::ChooseLogo => match self.dialogs.pick(Purpose::ChooseLogo, None) {
                Pick::Path(p) => self.set_logo(&p),
                Pick::Cancelled => {}
                Pick::Unavailable => self.ask_path(Purpose::ChooseLogo, None),
            },
            Command::AddBlock(kind) => {
                let mut id = ItemId::default();
                self.doc.apply(|d| id = d.add_block(kind.new_block()));
                // Where it went, the cursor in it (the menu's Insert Table adds at the end,
                // perhaps far out of view).
                self.jump = Some(FieldRef::Body(id));
            }
            Command::EditTable(id, edit) => self.edit_table(id, &edit),
            Command::InsertTableFromCsv => match self.dialogs.pick(Purpose::TableFromCsv, None) {
                Pick::Path(p) => self.insert_table_from(&p),
                Pick::Cancelled => {}
                Pick::Unavailable => self.ask_path(Purpose::TableFromCsv, None),
            },
            Command::RemoveBlock(i) => self.doc.apply(|d| remove_at(&mut d.body, i)),
            Command::MoveBlock(i, m) => self.doc.apply(|d| {
                move_item(&mut d.body, i, m);
            }),
            Command::AddContact => self.doc.apply(|d| {
                d.add_contact(Contact::default());
            }),
            Command::RemoveContact(i) => self.doc.apply(|d| remove_at(&mut d.contacts, i)),
            Command::MoveContact(i, m) => self.doc.apply(|d| {
                move_item(&mut d.contacts, i, m);
            }),
            Command::AddAbout => self.doc.apply(|d| {
                d.add_about(About::default());
            }),
            Command::RemoveAbout(i) => self.doc.apply(|d| remove_at(&mut d.boilerplate, i)),
            Command::MoveAbout(i, m) => self.doc.apply(|d| {
                move_item(&mut d.boilerplate, i, m);
            }),
            Command::SetStyle(s) => self.doc.apply(|d| s.set_on(d)),
            Command::SetTheme(t) => self.prefs.theme = t,
            Command::GoTo(field) => {
                self.jump = Some(field);
                // The form opens, scrolls to and focuses it next frame.
                self.effects.push(Effect::Repaint);
            }
            Command::Answer(answer) => self.answer(answer),
            Command::Help(topic) => self.help = topic,
            Command::ReplaceWord {
                field,
                text,
                range,
                with,
            } => self
                .doc
                .apply(|d| replace_word(d, field, &text, range, &with)),
            Command::AddToDictionary(word) => {
                if let Err(e) = self.spelling.add_to_personal(&word) {
                    self.status = format!("The word list could not be saved: {e}");
                }
            }
            Command::IgnoreWord(word) => self.doc.apply(|d| {
                if !d.spelling.ignored.contains(&word) {
                    d.spelling.ignored.push(word);
                }
            }),
            Command::SetSpelling(on) => {
                self.prefs.spelling = on;
                self.spelling.enabled = on;
                self.spelling.lists_changed();
            }
            Command::SetDefaultDictionary(lang) => {
                self.prefs.dictionary = Some(lang.clone());
                self.spelling.default_lang = lang;
                self.spelling.lists_changed();
            }
            Command::SetDraftDictionary(lang) => self.doc.apply(|d| d.spelling.language = lang),
            c @ (Command::ShowVersions
            | Command::CloseVersions
            | Command::ViewVersion(_)
            | Command::RestoreVersion(_)
            | Command::DeleteVersion(_)
            | Command::LabelVersion(..)
            | Command::CompareWithVersion(_)
            | Command::CompareWith
            | Command::CompareWithPath(_)
            | Command::CloseRedline
            | Command::NextChange
            | Command::PreviousChange
            | Command::ExportRedline(_)
            | Command::ShowComments
            | Command::AddComment { .. }
            | Command::ReplyToComment(..)
            | Command::ResolveComment(..)) => self.review_command(c),
        }
    }

    /// Carries out the answer to the open prompt.
    fn answer(&mut self, answer: Answer) {
        // Answers that change the prompt on screen rather than close it.
        match (&mut self.prompt, &answer) {
            (Some(Prompt::Templates(k)), Answer::ShowTemplate(i)) => {
                *k = (*i).min(self.templates.len().saturating_sub(1));
                return;
            }
            (Some(Prompt::ExportAs(style)), Answer::ExportStyle(s)) => {
                *style = *s;
                return;
            }
            (Some(Prompt::ExportAs(_)), Answer::IncludeComments(on)) => {
                self.prefs.export_comments = *on;
                return;
            }
            (Some(Prompt::ConfirmApply { keep_contacts, .. }), Answer::KeepContacts(keep)) => {
                *keep_contacts = *keep;
                return;
            }
            (Some(Prompt::Browse { browser, .. }), _) if answer != Answer::Dismiss => {
                browser.focus_name = false;
                match &answer {
                    Answer::BrowseTo(dir) => return browser.enter(dir.clone()),
                    Answer::TypePath(name) => {
                        browser.name = name.clone();
                        return;
                    }
                    Answer::PickFile(name) => browser.name = name.clone(),
                    _ => {}
                }
                let Some(path) = browser.choice() else {
                    return; // the browser says why, or went into the folder named
                };
                let Some(Prompt::Browse { browser, then }) = self.prompt.take() else {
                    unreachable!("matched above")
                };
                return self.path_entered(browser.purpose, path, then);
            }
            (Some(Prompt::Recover), Answer::Restore(k)) => return self.settle_recovered(*k, true),
            (Some(Prompt::Recover), Answer::DiscardRecovered(k)) => {
                return self.settle_recovered(*k, false);
            }
            _ => {}
        }
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        match (prompt, answer) {
            (_, Answer::Dismiss) => {}
            (Prompt::Unsaved(then), Answer::SaveFirst) => {
                if self.save(Some(then.clone())) {
                    self.proceed(then);
                }
            }
            (Prompt::Unsaved(then), Answer::DiscardChanges) => self.proceed(then),
            (Prompt::ReplaceSafeHarbor(source), Answer::ReplaceSafeHarbor) => {
                self.insert_safe_harbor(source)
            }
            (Prompt::Templates(k), Answer::CreateFromTemplate) => {
                let draft = self.templates[k].draft.clone();
                self.guard(Then::NewFrom(Box::new(draft)));
            }
            (
                Prompt::ConfirmApply {
                    slug,
                    keep_contacts,
                    ..
                },
                Answer::ApplyProfile,
            ) => self.apply_profile(&slug, keep_contacts),
            (Prompt::ExportAs(style), Answer::ExportInStyle) => self.export_checked(style),
            (Prompt::ExportWithErrors(_, style), Answer::ExportAnyway) => self.export(style),
            (Prompt::DeleteVersion { number, .. }, Answer::DeleteVersion) => {
                self.delete_version(number)
            }
            (Prompt::ImportInstead(path), Answer::ImportRelease) => self.import_path(&path),
            (Prompt::DropUnknown(then), Answer::SaveAnyway) => {
                self.doc.ignored.clear();
                if self.save(then.clone())
                    && let Some(then) = then
                {
                    self.proceed(then);
                }
            }
            (Prompt::ChangedOnDisk(then), Answer::Overwrite) => {
                if let Some(p) = self.doc.path.clone()
                    && self.save_to(&p)
                    && let Some(then) = then
                {
                    self.proceed(then);
                }
            }
            (Prompt::ChangedOnDisk(then), Answer::SaveElsewhere) => {
                if self.save_as(then.clone())
                    && let Some(then) = then
                {
                    self.proceed(then);
                }
            }
            // An answer this prompt does not take: it stays open.
            (prompt, _) => self.prompt = Some(prompt),
        }
    }

    /// Carries out what a path was asked for.
    fn path_entered(&mut self, purpose: Purpose, path: PathBuf, then: Option<Then>) {
        match purpose {
            Purpose::OpenDraft => self.open_path(&path),
            Purpose::SaveDraft => {
                if self.save_to(&with_extension(path, "ron"))
                    && let Some(then) = then
                {
                    self.proceed(then);
                }
            }
            Purpose::Export(style) => {
                self.export_to(&with_extension(path, style.extension()), style)
            }
            Purpose::ImportText => self.import_path(&path),
            Purpose::TableFromCsv => self.insert_table_from(&path),
            Purpose::ChooseLogo => self.set_logo(&path),
            Purpose::CompareWith => self.run_command(Command::CompareWithPath(path)),
            Purpose::ExportRedline(format) => self.export_redline_to(&path, format),
        }
    }

    /// Asks about unsaved changes before `then` throws them away.
    fn guard(&mut self, then: Then) {
        if self.doc.is_dirty() {
            self.prompt = Some(Prompt::Unsaved(then));
        } else {
            self.proceed(then);
        }
    }

    fn proceed(&mut self, then: Then) {
        match then {
            Then::New => self.start_draft(Draft::default(), true),
            Then::NewFrom(draft) => self.start_draft(*draft, false),
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
                self.effects.push(Effect::Close);
            }
        }
    }

    /// Opens a draft, or shows why not and leaves the current one as it was. A plain-text
    /// release is offered for import instead.
    fn open_path(&mut self, path: &Path) {
        if is_text_release(path) {
            self.prompt = Some(Prompt::ImportInstead(path.to_path_buf()));
            return;
        }
        match Document::open(path) {
            Ok(doc) => {
                let ignored: Vec<String> = doc.ignored.iter().map(|f| f.to_string()).collect();
                self.replace_doc(doc);
                self.jump = None; // an opened draft starts at its top, not at a field
                self.prefs.remember(path);
                self.status = format!("Opened {}", path.display());
                if !ignored.is_empty() {
                    self.prompt = Some(Prompt::UnknownFields(ignored));
                }
            }
            Err(e) => {
                self.prompt = Some(Prompt::Error(format!("Could not open the draft.\n\n{e}")))
            }
        }
    }

    /// Imports a text release as a new, unsaved draft (after asking about unsaved changes).
    /// Applies a table edit as one undo step; a paste the reader refuses changes nothing
    /// and says why.
    fn edit_table(&mut self, id: ItemId, edit: &TableEdit) {
        let Some(Block::Table(t)) = self
            .doc
            .draft
            .body
            .iter()
            .find(|b| b.id == id)
            .map(|b| &b.block)
        else {
            return;
        };
        let mut table = (**t).clone();
        match crate::core::table::apply_edit(&mut table, edit) {
            Ok(done) => {
                if let crate::core::table::edit::Done::Pasted(p) = done {
                    self.status = format!(
                        "Pasted {} rows and {} columns{}",
                        p.rows.len(),
                        p.columns.len(),
                        match (p.rows_added, p.columns_added) {
                            (0, 0) => String::new(),
                            (r, c) => format!(" ({r} rows and {c} columns added)"),
                        }
                    );
                }
                self.doc.apply(|d| {
                    if let Some(b) = d.body.iter_mut().find(|b| b.id == id) {
                        b.block = Block::Table(Box::new(table));
                    }
                });
                self.jump = None;
            }
            Err(e) => {
                self.prompt = Some(Prompt::Error(format!("Could not paste the cells: {e}.")));
            }
        }
    }

    /// A CSV or TSV file (a tab on its first line makes it TSV; more `;` than `,` European
    /// CSV) as a new table block at the end of the body.
    fn insert_table_from(&mut self, path: &Path) {
        let read = crate::core::safe_fs::read_limited(path, TABLE_FILE_LIMIT)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                String::from_utf8(bytes).map_err(|_| {
                    "it is not UTF-8 text (save it from the spreadsheet as CSV UTF-8)".to_string()
                })
            })
            .and_then(|text| {
                let delimiter = crate::core::table::sniff_delimiter(&text);
                crate::core::table::parse_grid(&text, delimiter).map_err(|e| e.to_string())
            });
        match read {
            Ok(grid) if grid.is_empty() => {
                self.prompt = Some(Prompt::Error(format!(
                    "{} holds no cells: no table was inserted.",
                    path.display()
                )));
            }
            Ok(grid) => {
                let table = crate::core::table::Table::from_grid(&grid);
                let (rows, columns) = (table.rows.len(), table.columns());
                let mut id = ItemId::default();
                self.doc
                    .apply(|d| id = d.add_block(Block::Table(Box::new(table))));
                self.jump = Some(FieldRef::Body(id));
                self.status = format!(
                    "Inserted a table of {rows} rows and {columns} value columns from {}",
                    path.display()
                );
            }
            Err(e) => {
                self.prompt = Some(Prompt::Error(format!(
                    "Could not read {} as a table: {e}. No table was inserted.",
                    path.display()
                )));
            }
        }
    }

    fn import_path(&mut self, path: &Path) {
        match crate::core::import::import_file(path) {
            Ok(imported) => {
                let notes = imported.notes.iter().map(|n| n.to_string()).collect();
                self.guard(Then::Imported(Box::new(imported.draft), notes));
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
        if !self.doc.ignored.is_empty() {
            // Saving drops what this build does not know: the user decides.
            self.prompt = Some(Prompt::DropUnknown(then));
            return false;
        }
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
        let suggested = self.suggested_path(Purpose::SaveDraft);
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
        match self.doc.save_keeping_version(path, self.prefs.max_versions) {
            Ok(saved) => {
                self.prefs.remember(path);
                self.status = match (saved.version, saved.version_error) {
                    (_, Some(e)) => format!(
                        "Saved {}, but the previous content could not be kept as a version: {e}",
                        path.display()
                    ),
                    (Some(n), None) => {
                        format!(
                            "Saved {} (the previous content is version {n})",
                            path.display()
                        )
                    }
                    (None, None) => format!("Saved {}", path.display()),
                };
                if self.versions.is_some() {
                    self.review_command(Command::ShowVersions);
                }
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

    /// Exports in `style` after asking, if the checks find errors in that style.
    fn export_checked(&mut self, style: ExportStyle) {
        let today = chrono::Local::now().date_naive();
        let text_style = style.text_style(&self.doc.draft);
        let errors = crate::core::checks::check(&self.doc.draft, today, text_style)
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        if errors > 0 {
            self.prompt = Some(Prompt::ExportWithErrors(errors, style));
        } else {
            self.export(style);
        }
    }

    fn export(&mut self, style: ExportStyle) {
        let purpose = Purpose::Export(style);
        let suggested = self.suggested_path(purpose);
        match self.dialogs.pick(purpose, Some(&suggested)) {
            Pick::Path(p) => self.export_to(&with_extension(p, style.extension()), style),
            Pick::Cancelled => {}
            Pick::Unavailable => self.ask_path(purpose, None),
        }
    }

    /// Writes the release in `style` to `path` (and a logo beside an EDGAR HTML exhibit);
    /// the draft is not changed.
    fn export_to(&mut self, path: &Path, style: ExportStyle) {
        let options = ExportOptions {
            // Only Word carries comments, and only when the export dialog says so.
            comments: style == ExportStyle::Docx && self.prefs.export_comments,
            ..ExportOptions::for_paths(self.doc.path.as_deref(), Some(path))
        };
        let r = match export::export(&self.doc.draft, style, &options) {
            Ok(r) => r,
            Err(e) => {
                self.prompt = Some(Prompt::Error(format!(
                    "Could not export {}.\n\n{e}\n\nNothing was written.",
                    style.label()
                )));
                return;
            }
        };
        let dir = path.parent().unwrap_or(Path::new(""));
        // Never over the draft's own file, however the path is spelt.
        let draft_path = self.doc.path.clone();
        let inputs: Vec<&Path> = draft_path.as_deref().into_iter().collect();
        let rules = WriteOptions {
            inputs: &inputs,
            ..WriteOptions::plain(draft_file::MAX_FILE_BYTES)
        };
        let written = r
            .side_files
            .iter()
            .try_for_each(|f| safe_fs::write(&dir.join(&f.name), &f.bytes, &rules).map(drop))
            .and_then(|()| safe_fs::write(path, &r.main, &rules).map(drop));
        match written {
            Ok(()) => {
                let beside = if r.side_files.is_empty() {
                    String::new()
                } else {
                    let names: Vec<&str> = r.side_files.iter().map(|f| f.name.as_str()).collect();
                    format!(" with {} beside it", names.join(", "))
                };
                self.status = format!("Exported {} to {}{beside}", style.label(), path.display());
                let n = self.doc.draft.comments.len();
                if options.comments && n > 0 {
                    let s = if n == 1 { "" } else { "s" };
                    self.status.push_str(&format!(" with {n} comment{s}"));
                }
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
            let doc = Document::recovered(r.file.draft, r.file.path, r.file.disk);
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

    /// Fills company, contacts (unless kept), boilerplate and safe harbor from a profile:
    /// one undo step.
    fn apply_profile(&mut self, slug: &str, keep_contacts: bool) {
        let Some(profile) = self.profile(slug) else {
            return;
        };
        let year = self.release_year();
        let keep: &[ProfileField] = if keep_contacts {
            &[ProfileField::Contacts]
        } else {
            &[]
        };
        self.doc.apply(|d| profile.apply_keeping(d, year, keep));
        self.status = format!("Applied the {} profile", profile.name);
    }

    /// A new draft from `draft`, dated today, with the default profile filled in: the one
    /// path for the draft at launch, File > New and New from Template. A `blank` draft is
    /// as good as saved until the user types; one from a template is unsaved from the
    /// start (Save asks where, and closing asks first).
    fn start_draft(&mut self, mut draft: Draft, blank: bool) {
        let today = chrono::Local::now().date_naive();
        if let Some(p) = self.profiles.as_ref().and_then(|s| s.default_profile()) {
            use chrono::Datelike;
            p.apply(&mut draft, today.year());
        }
        let draft = templates::dated(draft, today);
        if blank {
            self.replace_doc(Document::new(draft, None));
        } else {
            self.replace_doc(Document::new(Draft::default(), None));
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
            // Offered as the usual heading; a house that prints none clears it.
            if d.safe_harbor.heading.trim().is_empty() {
                d.safe_harbor.heading = SAFE_HARBOR_HEADING.into();
            }
        });
    }

    fn set_logo(&mut self, path: &Path) {
        let logo = path.to_string_lossy().into_owned();
        self.doc.apply(|d| d.release.logo = Some(logo));
    }

    /// No native dialog: the window's own file browser, in the draft's folder (or the
    /// documents folder) with a name proposed.
    fn ask_path(&mut self, purpose: Purpose, then: Option<Then>) {
        let (dir, name) = self.suggested(purpose);
        let browser = Browser::new(purpose, dir, name, self.places());
        self.prompt = Some(Prompt::Browse { browser, then });
    }

    /// Where a file for `purpose` is proposed: in the draft's folder (or the documents
    /// folder), named after the draft (or its headline) with the purpose's extension;
    /// opening proposes only the folder.
    fn suggested_path(&self, purpose: Purpose) -> PathBuf {
        let (dir, name) = self.suggested(purpose);
        dir.join(name)
    }

    /// The folder and file name a file for `purpose` is proposed with (no name to open).
    fn suggested(&self, purpose: Purpose) -> (PathBuf, String) {
        let dir = self
            .doc
            .path
            .as_deref()
            .and_then(Path::parent)
            .filter(|d| !d.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .or_else(documents_dir)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let stem = self
            .doc
            .path
            .as_deref()
            .and_then(Path::file_stem)
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| file_browser::name_from_headline(&self.doc.draft.headline));
        let name = match purpose {
            Purpose::SaveDraft => format!("{stem}.ron"),
            Purpose::Export(style) => format!("{stem}.{}", style.extension()),
            Purpose::ExportRedline(f) => format!("{stem}-redline.{}", f.extensions()[0]),
            Purpose::OpenDraft
            | Purpose::ImportText
            | Purpose::ChooseLogo
            | Purpose::CompareWith
            | Purpose::TableFromCsv => String::new(),
        };
        (dir, name)
    }

    /// The browser's places: the draft's folder, recent drafts' folders, documents, home.
    fn places(&self) -> Vec<PathBuf> {
        let mut places: Vec<PathBuf> = Vec::new();
        let recent = self.prefs.recent.iter().filter_map(|p| p.parent());
        let draft = self.doc.path.as_deref().and_then(Path::parent);
        let home = directories::UserDirs::new().map(|u| u.home_dir().to_path_buf());
        for p in draft
            .into_iter()
            .chain(recent)
            .map(Path::to_path_buf)
            .chain(documents_dir())
            .chain(home)
        {
            if !p.as_os_str().is_empty() && p.is_dir() && !places.contains(&p) {
                places.push(p);
            }
        }
        places.truncate(8);
        places
    }
}

/// A file that is a plain-text release rather than a draft: named `.txt`, or text that
/// does not open as a RON structure does.
fn is_text_release(path: &Path) -> bool {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
    {
        return true;
    }
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
    {
        return false;
    }
    // Another name: look at how it starts (a draft opens with `(`), reading only that much.
    let mut head = [0u8; 512];
    let n = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    let text = String::from_utf8_lossy(&head[..n]);
    let start = text.trim_start_matches('\u{feff}').trim_start();
    !start.is_empty() && !start.starts_with('(') && !start.starts_with("//")
}

/// The user's documents folder, where there is one.
fn documents_dir() -> Option<PathBuf> {
    directories::UserDirs::new().and_then(|u| u.document_dir().map(Path::to_path_buf))
}

/// Replaces `range` of the text `shown` in `field` with `with`. `shown` is the field's text
/// as the form showed it: one part's text, or a list's items one a line.
fn replace_word(
    d: &mut Draft,
    field: FieldRef,
    shown: &str,
    range: std::ops::Range<usize>,
    with: &str,
) {
    use crate::core::walk::{Part, each_text_mut};
    let fits = |t: &str| t.get(range.clone()).is_some();
    let mut done = false;
    each_text_mut(d, |r, t| {
        if !done && r.field == field && t == shown && fits(t) {
            t.replace_range(range.clone(), with);
            done = true;
        }
    });
    if done {
        return;
    }
    // A list shown as one item a line: find the item the range is in.
    let mut start = 0;
    let mut items = Vec::new();
    each_text_mut(d, |r, t| {
        if r.field == field && matches!(r.part, Part::Item(_)) {
            items.push((start, t.len()));
            start += t.len() + 1;
        }
    });
    let Some(k) = items
        .iter()
        .position(|&(s, len)| s <= range.start && range.end <= s + len)
    else {
        return;
    };
    let (offset, mut i) = (items[k].0, 0);
    each_text_mut(d, |r, t| {
        if r.field == field && matches!(r.part, Part::Item(_)) {
            if i == k {
                t.replace_range(range.start - offset..range.end - offset, with);
            }
            i += 1;
        }
    });
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

mod review;
#[cfg(test)]
mod tests;
