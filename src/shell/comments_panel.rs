//! Review > Comments: the reviewers' comments beside the preview. A new comment goes on
//! the field last typed in (or one picked), optionally on some of its words; each comment
//! shows its field, author, time and replies, and can be answered, resolved or reopened,
//! or followed to its field. Fields with open comments carry a marker in the form.

use std::collections::HashMap;

use egui::Ui;

use crate::core::draft::{Draft, FieldRef};
use crate::core::walk;
use crate::shell::commands::Command;

/// What the list holds between frames: the text being typed.
#[derive(Default)]
pub struct CommentsPanel {
    /// The field a new comment goes on; `None` means the field last typed in.
    pub field: Option<FieldRef>,
    pub quote: String,
    pub new_text: String,
    /// Replies being typed, by comment.
    pub replies: HashMap<usize, String>,
    pub show_resolved: bool,
}

/// Every field that holds text, once, in reading order.
fn fields(draft: &Draft) -> Vec<FieldRef> {
    let mut out: Vec<FieldRef> = Vec::new();
    walk::each_text(draft, |r, _| {
        if out.last() != Some(&r.field) && !out.contains(&r.field) {
            out.push(r.field);
        }
    });
    out
}

/// Draws the list; returns the commands it asked for.
pub fn ui(
    ui: &mut Ui,
    panel: &mut CommentsPanel,
    draft: &Draft,
    last_field: Option<FieldRef>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        ui.heading("Comments");
        if ui.small_button("Close").clicked() {
            commands.push(Command::ShowComments);
        }
    });
    let open = draft.open_comments();
    ui.label(format!(
        "{open} open, {} resolved",
        draft.comments.len() - open
    ));
    ui.separator();

    let target = panel.field.or(last_field).unwrap_or(FieldRef::Headline);
    egui::ComboBox::from_label("On")
        .selected_text(draft.field_label(target))
        .show_ui(ui, |ui| {
            for f in fields(draft) {
                if ui
                    .selectable_label(f == target, draft.field_label(f))
                    .clicked()
                {
                    panel.field = Some(f);
                }
            }
        });
    let l = ui.label("Words (optional)");
    ui.add(egui::TextEdit::singleline(&mut panel.quote).desired_width(f32::INFINITY))
        .labelled_by(l.id);
    let l = ui.label("Comment");
    ui.add(
        egui::TextEdit::multiline(&mut panel.new_text)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(l.id);
    if ui.button("Add Comment").clicked() {
        commands.push(Command::AddComment {
            field: target,
            quote: panel.quote.clone(),
            text: panel.new_text.clone(),
        });
    }
    ui.checkbox(&mut panel.show_resolved, "Show resolved");
    ui.separator();

    egui::ScrollArea::vertical()
        .id_salt("comments-list")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, c) in draft.comments.iter().enumerate() {
                if c.resolved && !panel.show_resolved {
                    continue;
                }
                ui.push_id(("comment", i), |ui| {
                    let state = if c.resolved { " (resolved)" } else { "" };
                    ui.strong(format!("{}{state}", draft.field_label(c.field)));
                    let time = c.time.with_timezone(&chrono::Local).format("%-d %b %H:%M");
                    ui.weak(format!("{}, {time}", c.author));
                    if !c.quote.is_empty() {
                        ui.label(egui::RichText::new(format!("\"{}\"", c.quote)).italics());
                    }
                    ui.label(&c.text);
                    for r in &c.replies {
                        ui.indent("reply", |ui| {
                            let time = r.time.with_timezone(&chrono::Local).format("%-d %b %H:%M");
                            ui.weak(format!("{}, {time}", r.author));
                            ui.label(&r.text);
                        });
                    }
                    let reply = panel.replies.entry(i).or_default();
                    ui.add(
                        egui::TextEdit::singleline(reply)
                            .hint_text("Reply")
                            .desired_width(f32::INFINITY),
                    );
                    ui.horizontal(|ui| {
                        if ui.small_button("Reply").clicked() {
                            commands.push(Command::ReplyToComment(i, reply.clone()));
                        }
                        let c2 = Command::ResolveComment(i, !c.resolved);
                        if ui.small_button(c2.label()).clicked() {
                            commands.push(c2);
                        }
                        if ui.small_button("Go to field").clicked() {
                            commands.push(Command::GoTo(c.field));
                        }
                    });
                    ui.separator();
                });
            }
        });
    commands
}
