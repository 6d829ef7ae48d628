//! The Help window: keyboard shortcuts, every check rule explained (the text
//! `pressroom check --explain RULE` prints), and About.

use egui::{Context, RichText, Ui};

use crate::core::checks::rules;
use crate::shell::commands::{Command, SHORTCUTS};

/// What the Help window shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpTopic {
    Shortcuts,
    Rules,
    About,
}

impl HelpTopic {
    pub const ALL: [HelpTopic; 3] = [HelpTopic::Shortcuts, HelpTopic::Rules, HelpTopic::About];

    pub fn label(self) -> &'static str {
        match self {
            HelpTopic::Shortcuts => "Keyboard Shortcuts",
            HelpTopic::Rules => "Check Rules Explained",
            HelpTopic::About => "About Pressroom",
        }
    }
}

/// Draws the Help window on `topic`; the topic to show next frame (`None`: closed).
pub fn show(ctx: &Context, topic: HelpTopic) -> Option<HelpTopic> {
    let mut open = true;
    let mut next = topic;
    egui::Window::new(topic.label())
        .id(egui::Id::unique("pressroom-help"))
        .open(&mut open)
        .default_size([620.0, 520.0])
        .collapsible(false)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                for t in HelpTopic::ALL {
                    if ui.selectable_label(t == topic, t.label()).clicked() {
                        next = t;
                    }
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt("help-scroll")
                .show(ui, |ui| match topic {
                    HelpTopic::Shortcuts => shortcuts(ui),
                    HelpTopic::Rules => rules_explained(ui),
                    HelpTopic::About => about(ui),
                });
        });
    // Escape closes it, as it closes the prompts.
    let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
    (open && !escape).then_some(next)
}

fn shortcuts(ui: &mut Ui) {
    egui::Grid::new("help-shortcuts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            // In the order of the menus, not the order they are matched in.
            let order = [
                Command::New,
                Command::Open,
                Command::Save,
                Command::SaveAs,
                Command::Export,
                Command::CopyFormatted,
                Command::Undo,
                Command::Redo,
                Command::Quit,
            ];
            for command in &order {
                for (shortcut, _) in SHORTCUTS.iter().filter(|(_, c)| c == command) {
                    ui.monospace(ui.ctx().format_shortcut(shortcut));
                    ui.label(describe(command));
                    ui.end_row();
                }
            }
            ui.monospace("Tab / Shift+Tab");
            ui.label("Next / previous field");
            ui.end_row();
        });
}

fn describe(c: &Command) -> &'static str {
    match c {
        Command::Undo => "Undo (typing in one field undoes in one step)",
        Command::Redo => "Redo",
        Command::Export => "Export...",
        other => other.label(),
    }
}

fn rules_explained(ui: &mut Ui) {
    ui.label(
        "What each check looks for, why it matters and how to fix it. The same text: \
         pressroom check --explain RULE",
    );
    for r in rules::ALL {
        ui.add_space(8.0);
        ui.label(RichText::new(r.id).strong().monospace());
        ui.weak(format!("{}; points at the {}", r.severity.label(), r.field));
        ui.label(format!("What it looks for: {}", r.looks_for));
        ui.label(format!("Why it matters: {}", r.why));
        ui.label(format!("How to fix it: {}", r.fix));
    }
}

fn about(ui: &mut Ui) {
    ui.heading("Pressroom");
    ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
    ui.label(env!("CARGO_PKG_DESCRIPTION"));
    ui.label(format!("Licence: {}", env!("CARGO_PKG_LICENSE")));
}
