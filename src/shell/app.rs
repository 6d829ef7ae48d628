//! The window: menus, form, preview, checks, status bar and prompts, drawn over the
//! [`Editor`] that holds the state and carries out the commands they produce.

use std::path::PathBuf;

use egui::{Context, Ui, ViewportCommand};

use crate::core::checks::Severity;
use crate::core::draft::{BlockKind, HeadlineLength};
use crate::core::export::ExportStyle;
use crate::core::profiles::ProfileStore;
use crate::core::recovery::RecoveryStore;
use crate::core::templates;
use crate::shell::commands::{Command, SafeHarborSource, take_shortcuts};
use crate::shell::dialogs::FileDialogs;
use crate::shell::editor::{Editor, Effect};
use crate::shell::help::{self, HelpTopic};
use crate::shell::prefs::{PREFS_KEY, Prefs, Theme};
use crate::shell::preview;
use crate::shell::profiles_window::ProfileEditor;
use crate::shell::rich_preview;
use crate::shell::{checks_panel, form, prompts};
use crate::shell::{comments_panel, redline_view, versions_window};

pub struct PressroomApp {
    pub editor: Editor,
    /// Set only when a start-up benchmark asked for it (see [`crate::shell::probe`]).
    probe: Option<crate::shell::probe::FirstFrameProbe>,
    title_sent: String,
    theme_applied: Option<Theme>,
    profile_editor: Option<ProfileEditor>,
    /// When the user last did anything, and whether the caret is blinking now.
    last_input: f64,
    caret_blinks: bool,
}

/// Seconds without input after which the caret stops blinking, as GTK does: a blinking
/// caret keeps an idle window drawing (a fifth of a core under software rendering).
pub const CARET_BLINK_SECONDS: f64 = 10.0;

impl From<Editor> for PressroomApp {
    fn from(editor: Editor) -> Self {
        Self {
            editor,
            probe: None,
            title_sent: String::new(),
            theme_applied: None,
            profile_editor: None,
            last_input: 0.0,
            caret_blinks: true,
        }
    }
}

impl PressroomApp {
    /// A window over a new editor: an empty draft, no profiles, templates or recovery.
    pub fn new(prefs: Prefs, dialogs: Box<dyn FileDialogs>) -> Self {
        Editor::new(prefs, dialogs).into()
    }

    /// The app as eframe starts it: preferences from storage, native dialogs, the user's
    /// recovery, profiles and templates folders.
    pub fn from_eframe(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        let prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, PREFS_KEY))
            .unwrap_or_default();
        let mut editor = Editor::new(prefs, Box::new(crate::shell::dialogs::NativeDialogs));
        // The dictionary loads on a thread of its own: the first frame does not wait for it.
        let ctx = cc.egui_ctx.clone();
        editor
            .spelling
            .load_in_background(std::sync::Arc::new(move || ctx.request_repaint()));
        if let Some(path) = crate::core::spelling::PersonalList::default_path() {
            editor.spelling.use_personal(path);
        }
        if let Some(dir) = RecoveryStore::default_dir() {
            editor = editor.with_recovery(RecoveryStore::new(dir));
        }
        if let Some(dir) = ProfileStore::default_dir() {
            editor = editor.with_profiles(ProfileStore::new(dir));
        }
        editor = editor
            .with_user_templates(templates::user_dir().as_deref())
            .launch(file.as_deref());
        let mut app = Self::from(editor);
        app.probe = crate::shell::probe::FirstFrameProbe::from_env();
        app
    }

    pub fn window_title(&self) -> &str {
        &self.title_sent
    }

    /// Runs a command and carries out what it asks of the window.
    pub fn run_command(&mut self, ctx: &Context, command: Command) {
        self.editor.run_command(command);
        self.apply_effects(ctx);
    }

    /// One frame of the whole window.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.theme_applied != Some(self.editor.prefs.theme) {
            ctx.set_theme(self.editor.prefs.theme.preference());
            self.theme_applied = Some(self.editor.prefs.theme);
        }
        self.caret_blink(&ctx);
        let mut commands = self.shortcuts(&ctx);
        if ctx.input(|i| i.viewport().close_requested()) && !self.editor.close_requested() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, &mut commands));
        // The form first, so everything drawn after it (preview, checks, status) shows the
        // draft with this frame's keystroke.
        let mut follow = None;
        let editor = &mut self.editor;
        let (default_form, max_form) = form_widths(ctx.content_rect().width());
        egui::Panel::left("form")
            .resizable(true)
            .default_size(default_form)
            .size_range(320.0..=max_form)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("form-scroll")
                    .show(ui, |ui| {
                        let spell = crate::shell::spelling::FormSpelling {
                            lang: editor.spelling.lang_of(&editor.doc.draft),
                            session: &mut editor.spelling,
                        };
                        let out = form::show_spelled(
                            ui,
                            &mut editor.doc.draft,
                            editor.jump.take(),
                            Some(spell),
                        );
                        if out.edited {
                            editor.doc.edited(out.typing_in, ctx.input(|i| i.time));
                        }
                        follow = out.edited_field;
                        if follow.is_some() {
                            editor.last_field = follow;
                        }
                        commands.extend(out.commands);
                    });
            });
        self.editor.refresh_preview();
        if let Some(wait) = self.editor.refresh_redline_at(ctx.input(|i| i.time)) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
        let revision_shown = self.editor.doc.revision();
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        // Room for several findings, wrapped; its top edge drags to resize.
        let height = ctx.content_rect().height();
        egui::Panel::bottom("checks")
            .resizable(true)
            .default_size((height * 0.3).clamp(140.0, 320.0))
            .size_range(80.0..=(height * 0.7).max(120.0))
            .show(ui, |ui| {
                if let Some(field) = checks_panel::ui(ui, &self.editor.preview.findings) {
                    commands.push(Command::GoTo(field));
                }
            });
        if let Some(panel) = &mut self.editor.comments {
            egui::Panel::right("comments")
                .resizable(true)
                .default_size(300.0)
                .show(ui, |ui| {
                    commands.extend(comments_panel::ui(
                        ui,
                        panel,
                        &self.editor.doc.draft,
                        self.editor.last_field,
                    ));
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(view) = &mut self.editor.redline {
                // Comparing: the redline takes the preview's place until closed.
                commands.extend(redline_view::ui(ui, view));
                return;
            }
            let style = ExportStyle::of_draft(&self.editor.doc.draft);
            if let Some(s) = style_switch(ui, style) {
                commands.push(Command::SetStyle(s));
            }
            if style.is_text() {
                self.editor.preview.ui(ui, follow);
            } else {
                // A document style: formatted text, no columns to rule.
                rich_preview::ui(ui, &self.editor.doc.draft, style, follow);
            }
        });
        self.profiles_window(&ctx);
        if let Some(view) = &mut self.editor.versions {
            commands.extend(versions_window::show(&ctx, view));
        }
        if let Some(topic) = self.editor.help {
            let next = help::show(&ctx, topic);
            if next != Some(topic) {
                commands.push(Command::Help(next));
            }
        }
        if let Some(prompt) = &self.editor.prompt
            && let Some(answer) = prompts::show(&ctx, prompt, &self.editor)
        {
            commands.push(Command::Answer(answer));
        }
        for c in commands {
            self.run_command(&ctx, c);
        }
        let now = ctx.input(|i| i.time);
        let unfocused = ctx.input(|i| i.viewport().focused == Some(false));
        if let Some(wait) = self.editor.autosave(now, unfocused) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
        self.update_title(&ctx);
        if self.editor.doc.revision() != revision_shown {
            // A command changed the draft after the panels were drawn: show it next frame.
            ctx.request_repaint();
        }
    }

    /// Blinks the caret only within [`CARET_BLINK_SECONDS`] of the last input.
    fn caret_blink(&mut self, ctx: &Context) {
        let (now, active) = ctx.input(|i| (i.time, !i.events.is_empty()));
        if active {
            self.last_input = now;
        }
        let blink = now - self.last_input < CARET_BLINK_SECONDS;
        if blink != self.caret_blinks {
            self.caret_blinks = blink;
            ctx.all_styles_mut(|s| s.visuals.text_cursor.blink = blink);
        }
        if blink {
            // Wake once more when the blinking should stop, in case nothing else does.
            let left = CARET_BLINK_SECONDS - (now - self.last_input);
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(left.max(0.0)));
        }
    }

    fn apply_effects(&mut self, ctx: &Context) {
        for effect in self.editor.take_effects() {
            match effect {
                Effect::Close => ctx.send_viewport_cmd(ViewportCommand::Close),
                Effect::CopyText(text) => ctx.copy_text(text),
                Effect::CopyFormatted { html, text } => {
                    let copied = arboard::Clipboard::new()
                        .and_then(|mut c| c.set_html(html, Some(text.clone())));
                    if let Err(e) = copied {
                        // No rich clipboard here (a bare X server): plain text still helps.
                        ctx.copy_text(text);
                        self.editor.status =
                            format!("Copied as plain text (no formatted clipboard here: {e})");
                    }
                }
                Effect::OpenProfileEditor => {
                    if let Some(store) = self.editor.profile_store() {
                        self.profile_editor = Some(ProfileEditor::open(store));
                    }
                }
                Effect::Repaint => ctx.request_repaint(),
            }
        }
    }

    fn profiles_window(&mut self, ctx: &Context) {
        let Some(mut window) = self.profile_editor.take() else {
            return;
        };
        let outcome = window.show(ctx, &self.editor.doc.draft);
        if outcome.changed {
            self.editor.refresh_profiles();
        }
        if let Some(message) = outcome.status {
            self.editor.status = message;
        }
        if outcome.open {
            self.profile_editor = Some(window);
        }
    }

    fn shortcuts(&mut self, ctx: &Context) -> Vec<Command> {
        if self.editor.prompt.is_some() {
            return Vec::new();
        }
        // Consumed before any text field sees them, so Ctrl+Z is the document's undo.
        ctx.input_mut(|i| take_shortcuts(&mut i.events))
    }

    fn update_title(&mut self, ctx: &Context) {
        let doc = &self.editor.doc;
        let mark = if doc.is_dirty() { " \u{2022}" } else { "" };
        let title = format!("{}{mark} \u{2014} Pressroom", doc.display_name());
        if title != self.title_sent {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
    }

    fn menu_bar(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
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
                    if self.editor.prefs.recent.is_empty() {
                        ui.weak("No recent drafts");
                    }
                    for p in &self.editor.prefs.recent {
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
                item(
                    ui,
                    Command::ShowVersions,
                    self.editor.doc.path.is_some(),
                    commands,
                );
                item(ui, Command::CompareWith, true, commands);
                ui.separator();
                item(ui, Command::Quit, true, commands);
            });
            ui.menu_button("Edit", |ui| {
                item(ui, Command::Undo, self.editor.doc.can_undo(), commands);
                item(ui, Command::Redo, self.editor.doc.can_redo(), commands);
                ui.separator();
                item(ui, Command::CopyFormatted, true, commands);
                ui.separator();
                ui.menu_button("Insert Safe Harbor", |ui| {
                    for form in crate::core::safe_harbor::Form::ALL {
                        if ui.button(form.label()).clicked() {
                            commands
                                .push(Command::InsertSafeHarbor(SafeHarborSource::Library(form)));
                        }
                    }
                    let own = self.editor.default_profile_name.clone();
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
                item(ui, Command::AddBlock(BlockKind::Table), true, commands);
                item(ui, Command::InsertTableFromCsv, true, commands);
            });
            ui.menu_button("Draft", |ui| {
                ui.menu_button("Apply Profile", |ui| {
                    if self.editor.profile_names.is_empty() {
                        ui.weak("No profiles yet");
                    }
                    for (slug, name) in &self.editor.profile_names {
                        if ui.button(name).clicked() {
                            commands.push(Command::ApplyProfile(slug.clone()));
                        }
                    }
                });
                item(ui, Command::EditProfiles, true, commands);
                ui.menu_button("Spelling", |ui| self.spelling_menu(ui, commands));
            });
            ui.menu_button("Review", |ui| {
                let comparing = self.editor.redline.is_some();
                item(
                    ui,
                    Command::ShowVersions,
                    self.editor.doc.path.is_some(),
                    commands,
                );
                item(ui, Command::CompareWith, true, commands);
                item(ui, Command::NextChange, comparing, commands);
                item(ui, Command::PreviousChange, comparing, commands);
                item(ui, Command::CloseRedline, comparing, commands);
                ui.separator();
                item(ui, Command::ShowComments, true, commands);
            });
            ui.menu_button("View", |ui| {
                ui.label("Theme");
                for (t, label) in Theme::ALL {
                    if ui.radio(self.editor.prefs.theme == t, label).clicked() {
                        commands.push(Command::SetTheme(t));
                    }
                }
            });
            ui.menu_button("Help", |ui| {
                for topic in HelpTopic::ALL {
                    item(ui, Command::Help(Some(topic)), true, commands);
                }
            });
        });
    }

    /// Draft > Spelling: on or off, the language for new drafts and this draft's own.
    fn spelling_menu(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let s = &self.editor.spelling;
        let mut on = s.enabled;
        if ui.checkbox(&mut on, "Check spelling").changed() {
            commands.push(Command::SetSpelling(on));
        }
        if s.is_loading() {
            ui.weak("Loading the dictionary...");
        }
        ui.separator();
        ui.menu_button("Language for new drafts", |ui| {
            for a in &s.available {
                if ui.radio(s.default_lang == a.lang, &a.lang).clicked() {
                    commands.push(Command::SetDefaultDictionary(a.lang.clone()));
                }
            }
        });
        let own = &self.editor.doc.draft.spelling.language;
        ui.menu_button("This draft's language", |ui| {
            let default = format!("As new drafts ({})", s.default_lang);
            if ui.radio(own.is_none(), default).clicked() {
                commands.push(Command::SetDraftDictionary(None));
            }
            for a in &s.available {
                if ui.radio(own.as_deref() == Some(&a.lang), &a.lang).clicked() {
                    commands.push(Command::SetDraftDictionary(Some(a.lang.clone())));
                }
            }
        });
        let ignored = self.editor.doc.draft.spelling.ignored.len();
        if ignored > 0 {
            ui.weak(format!("{ignored} words ignored in this draft"));
        }
    }

    fn status_bar(&self, ui: &mut Ui) {
        // Wraps rather than cut off when the preview side is narrow.
        ui.horizontal_wrapped(|ui| {
            let p = &self.editor.preview;
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
            let open = self.editor.doc.draft.open_comments();
            if open > 0 {
                ui.separator();
                let s = if open == 1 { "" } else { "s" };
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("{open} open comment{s}"),
                );
            }
            ui.separator();
            let len = self.editor.doc.draft.headline.trim().chars().count();
            let note = HeadlineLength::of(len).advice();
            ui.colored_label(
                preview::headline_colour(len, ui),
                format!("Headline {len} chars"),
            )
            .on_hover_text(note);
            // Lines and columns are the text styles'; a document has neither.
            if ExportStyle::of_draft(&self.editor.doc.draft).is_text() {
                ui.separator();
                ui.label(format!("{} lines", p.line_count()));
                ui.separator();
                ui.label(format!("{} columns", p.width))
                    .on_hover_text(self.editor.doc.draft.export.style.label());
            }
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
                        .map(|u| u.describe(&self.editor.doc.draft))
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
            }
            if let Some(failure) = self.editor.recovery_failure() {
                // Not dim: unsaved work is not protected until copies are written again.
                ui.separator();
                ui.colored_label(ui.visuals().error_fg_color, failure);
            }
            if !self.editor.status.is_empty() {
                ui.separator();
                ui.weak(&self.editor.status);
            }
        });
    }
}

/// The draft's style, one switch above the preview: what the preview shows, what export
/// starts from and what `pressroom export` uses. A new style picked is returned.
fn style_switch(ui: &mut Ui, current: ExportStyle) -> Option<ExportStyle> {
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        ui.label("Style");
        for s in ExportStyle::ALL {
            if ui.selectable_label(s == current, s.label()).clicked() && s != current {
                picked = Some(s);
            }
        }
    });
    picked
}

/// The form's default and widest width in a window this wide: below 1,000 points the
/// preview keeps at least 40 % of the window, so it is never a sliver.
fn form_widths(window: f32) -> (f32, f32) {
    let max = if window < 1000.0 {
        (window * 0.6).max(320.0)
    } else {
        1200.0
    };
    (560.0_f32.min(max), max)
}

impl eframe::App for PressroomApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
        if let Some(probe) = &mut self.probe {
            probe.after_frame(ui.ctx());
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.editor.prefs);
    }
}
