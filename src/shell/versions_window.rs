//! File > Versions...: the versions kept of the draft, newest first, with their labels,
//! times and word counts; each can be viewed (read-only), compared, restored, labelled
//! or deleted. The list reads only the versions' index, so it opens at once.

use std::collections::HashMap;
use std::path::PathBuf;

use egui::{Context, Ui};

use crate::core::versions::Index;
use crate::shell::commands::Command;

/// What the window shows.
pub struct VersionsView {
    /// The draft whose versions these are.
    pub draft: PathBuf,
    pub index: Index,
    /// Why the list could not be read, if it could not.
    pub error: Option<String>,
    /// The version shown read-only, as text.
    pub viewing: Option<(u32, String)>,
    /// Labels being typed, by version.
    pub labels: HashMap<u32, String>,
}

impl VersionsView {
    pub fn new(draft: PathBuf, index: Index) -> Self {
        let labels = index
            .versions
            .iter()
            .map(|v| (v.number, v.label.clone()))
            .collect();
        Self {
            draft,
            index,
            error: None,
            viewing: None,
            labels,
        }
    }

    /// One line for a version: "3  27 Nov 2026 14:05  1,234 words".
    pub fn row_text(&self, k: usize) -> String {
        let v = &self.index.versions[k];
        let time = v
            .saved
            .with_timezone(&chrono::Local)
            .format("%-d %b %Y %H:%M");
        format!("{}  {time}  {} words", v.number, v.words)
    }

    /// A version as the delete prompt names it: `version 3 "sent to counsel" (1,204 words)`.
    pub fn describe(&self, number: u32) -> Option<String> {
        let v = self.index.get(number)?;
        let label = v.label.trim();
        let label = if label.is_empty() {
            String::new()
        } else {
            format!(" \"{label}\"")
        };
        Some(format!(
            "version {number}{label} ({} word{})",
            grouped(v.words),
            if v.words == 1 { "" } else { "s" }
        ))
    }
}

/// 1204 -> "1,204".
fn grouped(n: impl std::fmt::Display) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

const ROW_HEIGHT: f32 = 26.0;

/// Draws the window; returns the commands its buttons asked for.
pub fn show(ctx: &Context, view: &mut VersionsView) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut open = true;
    egui::Window::new("Versions")
        .open(&mut open)
        .default_size([560.0, 420.0])
        .show(ctx, |ui| {
            ui.label(format!(
                "Kept in {} (one at each save).",
                crate::core::versions::folder_for(&view.draft).display()
            ));
            if let Some(e) = &view.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            if view.index.versions.is_empty() && view.error.is_none() {
                ui.weak("No versions yet: each save keeps the content it replaces.");
            }
            let n = view.index.versions.len();
            egui::ScrollArea::vertical()
                .id_salt("versions-list")
                .max_height(240.0)
                .show_rows(ui, ROW_HEIGHT, n, |ui, rows| {
                    for row in rows {
                        // Newest first.
                        let k = n - 1 - row;
                        version_row(ui, view, k, &mut commands);
                    }
                });
            if let Some((number, text)) = &view.viewing {
                ui.separator();
                ui.horizontal(|ui| {
                    ui.strong(format!("Version {number} (read-only)"));
                    if ui.button("Restore this version").clicked() {
                        commands.push(Command::RestoreVersion(*number));
                    }
                });
                egui::ScrollArea::both()
                    .id_salt("version-text")
                    .show(ui, |ui| {
                        ui.add(egui::Label::new(egui::RichText::new(text).monospace()).extend());
                    });
            }
        });
    if !open {
        commands.push(Command::CloseVersions);
    }
    commands
}

fn version_row(ui: &mut Ui, view: &mut VersionsView, k: usize, commands: &mut Vec<Command>) {
    let number = view.index.versions[k].number;
    let text = view.row_text(k);
    ui.horizontal(|ui| {
        ui.monospace(text);
        let l = ui.label("Label");
        let label = view.labels.entry(number).or_default();
        let edit = ui
            .add(
                egui::TextEdit::singleline(label)
                    .hint_text("e.g. sent to counsel")
                    .desired_width(130.0)
                    .id_salt(("version-label", number)),
            )
            .labelled_by(l.id);
        let typed = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if typed || (edit.lost_focus() && *label != view.index.versions[k].label) {
            commands.push(Command::LabelVersion(number, label.clone()));
        }
        for c in [
            Command::ViewVersion(number),
            Command::CompareWithVersion(number),
            Command::RestoreVersion(number),
            Command::DeleteVersion(number),
        ] {
            if ui.small_button(c.label()).clicked() {
                commands.push(c);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_grouped_in_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1204), "1,204");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }
}
