//! The prompts the window can show (one at a time), the answers each takes, and how they
//! are drawn. Drawing a prompt only reports the answer clicked, as a typed [`Answer`];
//! [`crate::shell::editor::Editor`] carries it out through `run_command`.

use std::path::PathBuf;

use egui::{Context, Id, Ui};

use crate::core::draft::Draft;
use crate::core::export::ExportStyle;
use crate::core::profiles::{ProfileField, Replacement};
use crate::core::render::{self, text};
use crate::shell::commands::SafeHarborSource;
use crate::shell::editor::Editor;
use crate::shell::file_browser::Browser;

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Then {
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
pub enum Prompt {
    Unsaved(Then),
    ReplaceSafeHarbor(SafeHarborSource),
    /// Choosing a template for a new draft; the index of the one shown.
    Templates(usize),
    /// Applying the profile (by slug) would replace these; the user may keep the contacts.
    ConfirmApply {
        slug: String,
        replaces: Vec<Replacement>,
        keep_contacts: bool,
    },
    /// The release has errors in this style: export it anyway?
    ExportWithErrors(usize, ExportStyle),
    /// Export: in which style (the draft's own chosen at first).
    ExportAs(ExportStyle),
    /// Delete this version (described as the prompt names it)? It cannot be undone.
    DeleteVersion {
        number: u32,
        what: String,
    },
    /// What the importer guessed or was unsure of.
    ImportNotes(Vec<String>),
    /// File > Open was given a plain-text release, not a draft: import it instead?
    ImportInstead(PathBuf),
    /// The draft just opened had fields this build does not know (one line each).
    UnknownFields(Vec<String>),
    /// Saving would drop those fields: save anyway, then go on?
    DropUnknown(Option<Then>),
    /// The file changed on disk since it was opened or saved.
    ChangedOnDisk(Option<Then>),
    /// Drafts recovered from a crash, listed in `Editor::offered`.
    Recover,
    Error(String),
    /// No native dialog: the window's own file browser, and what follows the choice.
    Browse {
        browser: Browser,
        then: Option<Then>,
    },
}

/// Every answer a prompt can give. Each prompt's buttons make only its own answers; an
/// answer the open prompt does not take leaves it open.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// Cancel, OK, Escape or a click outside: close the prompt, do nothing more.
    Dismiss,
    /// Unsaved changes: save them, then go on.
    SaveFirst,
    /// Unsaved changes: throw them away and go on.
    DiscardChanges,
    /// Templates: show this template.
    ShowTemplate(usize),
    /// Templates: start a draft from the one shown.
    CreateFromTemplate,
    ApplyProfile,
    /// Import the plain-text release File > Open was given.
    ImportRelease,
    /// Save, dropping the fields this build does not know.
    SaveAnyway,
    /// Apply Profile: keep (or not) the draft's own contacts.
    KeepContacts(bool),
    ReplaceSafeHarbor,
    /// Export: pick this style; then export in the style picked.
    ExportStyle(ExportStyle),
    ExportInStyle,
    ExportAnyway,
    /// Export: Word carries the draft's comments (or not).
    IncludeComments(bool),
    /// Delete the version the prompt asks about.
    DeleteVersion,
    /// The file changed on disk: write over the other program's changes.
    Overwrite,
    /// The file changed on disk: save under another name.
    SaveElsewhere,
    /// Recovery: restore or discard the draft at this place in the list.
    Restore(usize),
    DiscardRecovered(usize),
    /// File browser: show this folder; the name typed or clicked so far; a file
    /// double-clicked (name and confirm at once); the choice confirmed.
    BrowseTo(PathBuf),
    TypePath(String),
    PickFile(String),
    ConfirmPath,
}

/// Draws the prompt; the answer given this frame, if any.
pub fn show(ctx: &Context, prompt: &Prompt, editor: &Editor) -> Option<Answer> {
    let mut answer = None;
    let modal = egui::Modal::new(Id::unique("pressroom-prompt")).show(ctx, |ui| {
        if matches!(prompt, Prompt::Templates(_)) {
            // A fixed size: a centred dialog that changed size would move under the pointer.
            ui.set_width(900.0);
            ui.set_height(560.0);
        } else {
            ui.set_max_width(520.0);
        }
        answer = match prompt {
            Prompt::Unsaved(then) => unsaved(ui, then, editor),
            Prompt::Templates(k) => templates(ui, *k, editor),
            Prompt::ImportNotes(notes) => import_notes(ui, notes),
            Prompt::ImportInstead(path) => import_instead(ui, path),
            Prompt::UnknownFields(fields) => unknown_fields(ui, fields, editor),
            Prompt::DropUnknown(_) => drop_unknown(ui, editor),
            Prompt::ConfirmApply {
                replaces,
                keep_contacts,
                ..
            } => confirm_apply(ui, replaces, *keep_contacts),
            Prompt::ReplaceSafeHarbor(_) => replace_safe_harbor(ui),
            Prompt::ExportWithErrors(n, _) => export_with_errors(ui, *n),
            Prompt::ExportAs(style) => export_as(ui, *style, editor),
            Prompt::DeleteVersion { what, .. } => delete_version(ui, what),
            Prompt::ChangedOnDisk(_) => changed_on_disk(ui, editor),
            Prompt::Recover => recover(ui, editor),
            Prompt::Error(message) => error(ui, message),
            Prompt::Browse { browser, .. } => browser.ui(ui),
        };
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(Answer::Dismiss);
    }
    answer
}

/// A prompt's row of buttons; the answer of the one clicked.
fn buttons(ui: &mut Ui, row: &[(&str, Answer)]) -> Option<Answer> {
    ui.horizontal(|ui| {
        let mut chosen = None;
        for (label, answer) in row {
            if ui.button(*label).clicked() {
                chosen = Some(answer.clone());
            }
        }
        chosen
    })
    .inner
}

fn unsaved(ui: &mut Ui, then: &Then, editor: &Editor) -> Option<Answer> {
    let what = match then {
        Then::Quit => "closing",
        Then::New | Then::NewFrom(_) | Then::Imported(..) => "starting a new draft",
        Then::Open | Then::OpenPath(_) => "opening another draft",
    };
    ui.heading("Unsaved changes");
    ui.label(format!(
        "Save the changes to {} before {what}?",
        editor.doc.display_name()
    ));
    buttons(
        ui,
        &[
            ("Save", Answer::SaveFirst),
            ("Discard", Answer::DiscardChanges),
            ("Cancel", Answer::Dismiss),
        ],
    )
}

fn templates(ui: &mut Ui, shown: usize, editor: &Editor) -> Option<Answer> {
    let mut answer = None;
    ui.heading("New from template");
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(260.0);
            for (i, t) in editor.templates.iter().enumerate() {
                if ui.selectable_label(i == shown, &t.name).clicked() {
                    answer = Some(Answer::ShowTemplate(i));
                }
            }
        });
        ui.add_space(16.0); // a vertical separator would grow with the dialog
        ui.vertical(|ui| {
            // A fixed size, so the dialog does not jump as the preview changes.
            ui.set_width(600.0);
            let t = &editor.templates[shown.min(editor.templates.len() - 1)];
            ui.strong(&t.name);
            ui.label(&t.description);
            ui.weak(format!("To fill in: {}", t.placeholders().join(" ")));
            let text = render::render(&t.draft).text;
            egui::ScrollArea::both()
                .max_height(360.0)
                .max_width(600.0)
                .id_salt("template-preview")
                .show(ui, |ui| {
                    let text = egui::RichText::new(text).monospace().size(11.0);
                    ui.add(egui::Label::new(text).extend());
                });
        });
    });
    let row = [
        ("Create", Answer::CreateFromTemplate),
        ("Cancel", Answer::Dismiss),
    ];
    answer.or(buttons(ui, &row))
}

fn import_notes(ui: &mut Ui, notes: &[String]) -> Option<Answer> {
    ui.heading("Imported: please check");
    ui.label("The release was imported as a new, unsaved draft. The importer guessed here:");
    for n in notes {
        ui.label(format!("- {n}"));
    }
    buttons(ui, &[("OK", Answer::Dismiss)])
}

fn import_instead(ui: &mut Ui, path: &std::path::Path) -> Option<Answer> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    ui.heading("Not a draft");
    ui.label(format!(
        "{name} is a plain-text release, not a Pressroom draft. Import it as a new draft? \
         (On the command line: pressroom import {name})"
    ));
    buttons(
        ui,
        &[
            ("Import as a new draft", Answer::ImportRelease),
            ("Cancel", Answer::Dismiss),
        ],
    )
}

fn unknown_fields(ui: &mut Ui, fields: &[String], editor: &Editor) -> Option<Answer> {
    ui.heading("Fields Pressroom does not know");
    ui.label(format!(
        "{} has fields this version of Pressroom does not know (misspelt, or from a newer \
         version). They are ignored, and saving would drop them:",
        editor.doc.display_name()
    ));
    for f in fields.iter().take(20) {
        ui.label(format!("\u{2022} {f}"));
    }
    if fields.len() > 20 {
        ui.weak(format!("and {} more", fields.len() - 20));
    }
    buttons(ui, &[("OK", Answer::Dismiss)])
}

fn drop_unknown(ui: &mut Ui, editor: &Editor) -> Option<Answer> {
    ui.heading("Drop the unknown fields?");
    ui.label(format!(
        "{} had {} field(s) this version of Pressroom does not know. Saving writes the draft \
         without them. Save anyway?",
        editor.doc.display_name(),
        editor.doc.ignored.len()
    ));
    buttons(
        ui,
        &[
            ("Save anyway", Answer::SaveAnyway),
            ("Cancel", Answer::Dismiss),
        ],
    )
}

fn confirm_apply(ui: &mut Ui, replaces: &[Replacement], keep_contacts: bool) -> Option<Answer> {
    let mut answer = None;
    ui.heading("Apply the profile?");
    ui.label("Applying the profile replaces:");
    for r in replaces {
        let kept = keep_contacts && r.field == ProfileField::Contacts;
        let line = egui::RichText::new(format!("\u{2022} {r}"));
        ui.label(if kept {
            line.strikethrough().weak()
        } else {
            line
        });
    }
    if replaces.iter().any(|r| r.field == ProfileField::Contacts) {
        let mut keep = keep_contacts;
        if ui
            .checkbox(&mut keep, "Keep this draft's contacts")
            .changed()
        {
            answer = Some(Answer::KeepContacts(keep));
        }
    }
    let row = [("Apply", Answer::ApplyProfile), ("Cancel", Answer::Dismiss)];
    answer.or(buttons(ui, &row))
}

fn replace_safe_harbor(ui: &mut Ui) -> Option<Answer> {
    ui.heading("Replace the safe harbor?");
    ui.label("The safe-harbor section already has text. Replace it with the standard text?");
    buttons(
        ui,
        &[
            ("Replace", Answer::ReplaceSafeHarbor),
            ("Cancel", Answer::Dismiss),
        ],
    )
}

fn export_as(ui: &mut Ui, chosen: ExportStyle, editor: &Editor) -> Option<Answer> {
    let mut answer = None;
    ui.heading("Export");
    ui.label("Export the release as:");
    for s in ExportStyle::ALL {
        let own = if s == ExportStyle::of_draft(&editor.doc.draft) {
            " (the draft's style)"
        } else {
            ""
        };
        if ui
            .radio(s == chosen, format!("{}{own}", s.label()))
            .clicked()
        {
            answer = Some(Answer::ExportStyle(s));
        }
    }
    if chosen == ExportStyle::Docx {
        let mut on = editor.prefs.export_comments;
        if ui.checkbox(&mut on, "Include comments").changed() {
            answer = Some(Answer::IncludeComments(on));
        }
        let n = editor.doc.draft.comments.len();
        ui.weak(match n {
            0 => "This draft has no comments.".to_string(),
            1 => "1 comment, as a Word comment with its replies.".to_string(),
            n => format!("{n} comments, as Word comments with their replies."),
        });
    }
    ui.weak("Exporting in another style leaves the draft as it is.");
    let row = [
        ("Export...", Answer::ExportInStyle),
        ("Cancel", Answer::Dismiss),
    ];
    answer.or(buttons(ui, &row))
}

fn delete_version(ui: &mut Ui, what: &str) -> Option<Answer> {
    ui.heading("Delete the version?");
    ui.label(format!("Delete {what}? This cannot be undone."));
    buttons(
        ui,
        &[
            ("Delete", Answer::DeleteVersion),
            ("Cancel", Answer::Dismiss),
        ],
    )
}

fn export_with_errors(ui: &mut Ui, n: usize) -> Option<Answer> {
    ui.heading("Export with errors?");
    ui.label(format!(
        "The checks found {n} error{} in this release (see the Checks panel). Export it anyway?",
        if n == 1 { "" } else { "s" }
    ));
    buttons(
        ui,
        &[
            ("Export anyway", Answer::ExportAnyway),
            ("Cancel", Answer::Dismiss),
        ],
    )
}

fn changed_on_disk(ui: &mut Ui, editor: &Editor) -> Option<Answer> {
    ui.heading("The file changed on disk");
    ui.label(format!(
        "{} was changed by another program since you opened or saved it. \
         Overwrite those changes, save under another name, or cancel?",
        editor.doc.display_name()
    ));
    buttons(
        ui,
        &[
            ("Overwrite", Answer::Overwrite),
            ("Save As...", Answer::SaveElsewhere),
            ("Cancel", Answer::Dismiss),
        ],
    )
}

fn recover(ui: &mut Ui, editor: &Editor) -> Option<Answer> {
    let mut answer = None;
    ui.heading("Recover unsaved drafts");
    ui.label("Pressroom did not close cleanly. These drafts were saved for recovery:");
    for (k, r) in editor.offered.iter().enumerate() {
        ui.separator();
        let when = r.file.saved_at.format("%B %-d, %Y %-I:%M:%S %p");
        ui.strong(format!("{} \u{2014} {when}", r.name()));
        let headline = text::one_paragraph(&r.file.draft.headline);
        ui.label(if headline.is_empty() {
            "(no headline)".to_string()
        } else {
            headline
        });
        let row = [
            ("Restore", Answer::Restore(k)),
            ("Discard", Answer::DiscardRecovered(k)),
        ];
        answer = answer.or(buttons(ui, &row));
    }
    ui.separator();
    answer.or(buttons(ui, &[("Decide later", Answer::Dismiss)]))
}

fn error(ui: &mut Ui, message: &str) -> Option<Answer> {
    ui.heading("Something went wrong");
    ui.label(message);
    buttons(ui, &[("OK", Answer::Dismiss)])
}
