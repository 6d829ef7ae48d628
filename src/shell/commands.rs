//! Every change the user can ask for, by name. Menus, shortcuts, buttons and the answers
//! to prompts all produce a [`Command`]; [`crate::shell::editor::Editor::run_command`] is the
//! one place that carries them out.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::core::draft::{BlockKind, FieldRef, ItemId};
use crate::core::export::ExportStyle;
use crate::core::redline::RedlineFormat;
use crate::core::table::TableEdit;
use crate::shell::help::HelpTopic;
use crate::shell::prefs::Theme;
use crate::shell::prompts::Answer;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    New,
    Open,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    Export,
    CopyExport,
    /// The release on the clipboard as HTML with a plain-text alternative, so pasting into
    /// Outlook, Word or a wire's form keeps the formatting.
    CopyFormatted,
    Quit,
    Undo,
    Redo,
    InsertSafeHarbor(SafeHarborSource),
    NewFromTemplate,
    ImportText,
    ApplyProfile(String),
    EditProfiles,
    ChooseLogo,
    AddBlock(BlockKind),
    /// A change to a table block's shape or row meanings (its cells are typed in place).
    EditTable(ItemId, TableEdit),
    /// Reads a CSV or TSV file into a new table block at the end of the body.
    InsertTableFromCsv,
    RemoveBlock(usize),
    MoveBlock(usize, Move),
    AddContact,
    RemoveContact(usize),
    MoveContact(usize, Move),
    AddAbout,
    RemoveAbout(usize),
    MoveAbout(usize, Move),
    /// Sets the draft's style (what the preview shows and export starts from): an edit.
    SetStyle(ExportStyle),
    SetTheme(Theme),
    /// Opens the form at a field, scrolls to it and puts the cursor there.
    GoTo(FieldRef),
    /// The user's answer to the prompt on screen.
    Answer(Answer),
    /// Opens the Help window on a topic, or closes it (`None`).
    Help(Option<HelpTopic>),
    /// Replaces a misspelt word (`range` of the field's `text` as shown) with a suggestion:
    /// one undoable step.
    ReplaceWord {
        field: FieldRef,
        text: String,
        range: std::ops::Range<usize>,
        with: String,
    },
    /// Adds a word to the personal word list.
    AddToDictionary(String),
    /// Accepts a word in this draft only (kept in the draft): an edit.
    IgnoreWord(String),
    /// Turns spelling on or off (a setting).
    SetSpelling(bool),
    /// The language of drafts that choose none (a setting).
    SetDefaultDictionary(String),
    /// This draft's own language, or the default (`None`): an edit.
    SetDraftDictionary(Option<String>),
    /// File > Versions...: the draft's kept versions; `CloseVersions` closes the list.
    ShowVersions,
    CloseVersions,
    /// Shows a kept version, read-only, in the Versions window.
    ViewVersion(u32),
    /// Makes a kept version the draft (an undoable edit).
    RestoreVersion(u32),
    DeleteVersion(u32),
    /// Labels a kept version ("sent to counsel"); an empty label removes it.
    LabelVersion(u32, String),
    /// The preview shows the draft's redline against a kept version, another draft or a
    /// text release (`CompareWith` asks which file).
    CompareWithVersion(u32),
    CompareWith,
    CompareWithPath(PathBuf),
    CloseRedline,
    NextChange,
    PreviousChange,
    /// Writes the redline shown as a file (asks where).
    ExportRedline(RedlineFormat),
    /// Opens or closes the Comments list beside the preview.
    ShowComments,
    /// A reviewer's comment on a field (or on `quote`, some of its words): an edit.
    AddComment {
        field: FieldRef,
        quote: String,
        text: String,
    },
    /// A reply to comment `i` (its position in the draft's list).
    ReplyToComment(usize, String),
    /// Marks comment `i` resolved (true) or open again.
    ResolveComment(usize, bool),
}

/// Where an inserted safe-harbor text comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SafeHarborSource {
    Library(crate::core::safe_harbor::Form),
    /// The default company profile's approved text.
    Profile,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

/// Shortcuts in the order they are tested: a Shift variant before the plain one,
/// since a plain shortcut would also match with Shift held.
pub const SHORTCUTS: &[(KeyboardShortcut, Command)] = &[
    (KeyboardShortcut::new(CTRL_SHIFT, Key::Z), Command::Redo),
    (KeyboardShortcut::new(CTRL, Key::Y), Command::Redo),
    (KeyboardShortcut::new(CTRL, Key::Z), Command::Undo),
    (KeyboardShortcut::new(CTRL_SHIFT, Key::S), Command::SaveAs),
    (
        KeyboardShortcut::new(CTRL_SHIFT, Key::C),
        Command::CopyFormatted,
    ),
    (KeyboardShortcut::new(CTRL, Key::S), Command::Save),
    (KeyboardShortcut::new(CTRL, Key::N), Command::New),
    (KeyboardShortcut::new(CTRL, Key::O), Command::Open),
    (KeyboardShortcut::new(CTRL, Key::E), Command::Export),
    (KeyboardShortcut::new(CTRL, Key::Q), Command::Quit),
    (
        KeyboardShortcut::new(Modifiers::SHIFT, Key::F8),
        Command::PreviousChange,
    ),
    (
        KeyboardShortcut::new(Modifiers::NONE, Key::F8),
        Command::NextChange,
    ),
];

/// Takes every shortcut press out of a frame's events, in the order they were pressed:
/// four quick Ctrl+Y presses (or a held key's repeats) arriving in one frame are four
/// redos. The events are consumed, so no text field sees them.
pub fn take_shortcuts(events: &mut Vec<egui::Event>) -> Vec<Command> {
    let mut out = Vec::new();
    events.retain(|e| {
        let egui::Event::Key {
            key,
            modifiers,
            pressed: true,
            ..
        } = e
        else {
            return true;
        };
        let hit = SHORTCUTS
            .iter()
            .find(|(s, _)| s.logical_key == *key && modifiers.matches_logically(s.modifiers));
        match hit {
            Some((_, c)) => {
                out.push(c.clone());
                false
            }
            None => true,
        }
    });
    out
}

impl Command {
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        SHORTCUTS.iter().find(|(_, c)| c == self).map(|(s, _)| *s)
    }

    /// The menu label (with "..." where a dialog follows).
    pub fn label(&self) -> &'static str {
        match self {
            Command::New => "New",
            Command::Open => "Open...",
            Command::OpenPath(_) => "Open",
            Command::Save => "Save",
            Command::SaveAs => "Save As...",
            Command::Export => "Export...",
            Command::CopyExport => "Copy Export to Clipboard",
            Command::CopyFormatted => "Copy as Formatted Text",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::InsertSafeHarbor(_) => "Insert Safe Harbor",
            Command::NewFromTemplate => "New from Template...",
            Command::ImportText => "Import Text...",
            Command::ApplyProfile(_) => "Apply Profile",
            Command::EditProfiles => "Company Profiles...",
            Command::ChooseLogo => "Choose...",
            Command::AddBlock(BlockKind::Table) => "Insert Table",
            Command::AddBlock(_) => "Add block",
            Command::EditTable(..) => "Edit table",
            Command::InsertTableFromCsv => "Insert Table from CSV...",
            Command::RemoveBlock(_) | Command::RemoveContact(_) | Command::RemoveAbout(_) => {
                "Remove"
            }
            Command::MoveBlock(..) | Command::MoveContact(..) | Command::MoveAbout(..) => "Move",
            Command::AddContact => "Add contact",
            Command::AddAbout => "Add \"About\" section",
            Command::SetStyle(_) => "Style",
            Command::SetTheme(_) => "Theme",
            Command::GoTo(_) => "Go to field",
            Command::Answer(_) => "Answer",
            Command::Help(Some(topic)) => topic.label(),
            Command::Help(None) => "Close Help",
            Command::ReplaceWord { .. } => "Replace word",
            Command::AddToDictionary(_) => "Add to dictionary",
            Command::IgnoreWord(_) => "Ignore in this draft",
            Command::SetSpelling(_) => "Check spelling",
            Command::SetDefaultDictionary(_) => "Language for new drafts",
            Command::SetDraftDictionary(_) => "This draft's language",
            Command::ShowVersions => "Versions...",
            Command::CloseVersions => "Close",
            Command::ViewVersion(_) => "View",
            Command::RestoreVersion(_) => "Restore",
            Command::DeleteVersion(_) => "Delete",
            Command::LabelVersion(..) => "Label",
            Command::CompareWithVersion(_) => "Compare",
            Command::CompareWith => "Compare with...",
            Command::CompareWithPath(_) => "Compare with",
            Command::CloseRedline => "Close Redline",
            Command::NextChange => "Next Change",
            Command::PreviousChange => "Previous Change",
            Command::ExportRedline(RedlineFormat::Html) => "Export Redline as HTML...",
            Command::ExportRedline(RedlineFormat::Text) => "Export Redline as Text...",
            Command::ExportRedline(RedlineFormat::Docx) => "Export Redline as Word...",
            Command::ShowComments => "Comments",
            Command::AddComment { .. } => "Add Comment",
            Command::ReplyToComment(..) => "Reply",
            Command::ResolveComment(_, true) => "Resolve",
            Command::ResolveComment(_, false) => "Reopen",
        }
    }
}

/// Moves item `i` one place up or down; false when it is already at that end.
pub fn move_item<T>(items: &mut [T], i: usize, dir: Move) -> bool {
    let j = match dir {
        Move::Up if i > 0 => i - 1,
        Move::Down if i + 1 < items.len() => i + 1,
        _ => return false,
    };
    items.swap(i, j);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_variants_come_before_their_plain_shortcut() {
        let pos = |c: Command| SHORTCUTS.iter().position(|(_, x)| *x == c).unwrap();
        assert!(pos(Command::Redo) < pos(Command::Undo));
        assert!(pos(Command::SaveAs) < pos(Command::Save));
    }

    fn key(key: Key, modifiers: Modifiers, repeat: bool) -> egui::Event {
        egui::Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat,
            modifiers,
        }
    }

    #[test]
    fn every_shortcut_press_in_a_frame_counts_in_order() {
        let mut events = vec![
            key(Key::Y, CTRL, false),
            key(Key::Y, CTRL, false),
            egui::Event::Text("a".into()),
            key(Key::Z, CTRL_SHIFT, false),
            key(Key::Y, CTRL, true),
            key(Key::Z, CTRL, false),
            key(Key::A, Modifiers::NONE, false),
        ];
        let taken = take_shortcuts(&mut events);
        use Command::{Redo, Undo};
        assert_eq!(taken, vec![Redo, Redo, Redo, Redo, Undo]);
        assert_eq!(events.len(), 2, "the typing is left for the text field");
    }

    #[test]
    fn moving_stops_at_the_ends() {
        let mut v = vec![1, 2, 3];
        assert!(!move_item(&mut v, 0, Move::Up));
        assert!(move_item(&mut v, 0, Move::Down));
        assert_eq!(v, [2, 1, 3]);
        assert!(!move_item(&mut v, 2, Move::Down));
    }
}
