//! The Checks panel: the findings for the draft as it stands, each a link to its field.

use egui::{RichText, Ui};

use crate::core::checks::{Finding, Severity, rules};
use crate::core::draft::FieldRef;

/// Shows the findings; returns the field of the one clicked.
pub fn ui(ui: &mut Ui, findings: &[Finding]) -> Option<FieldRef> {
    let mut jump = None;
    ui.horizontal(|ui| {
        ui.strong("Checks");
        ui.weak(summary(findings));
    });
    egui::ScrollArea::vertical()
        .id_salt("checks")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            if findings.is_empty() {
                ui.weak("Nothing to fix.");
            }
            for f in findings {
                let colour = match f.severity {
                    Severity::Error => ui.visuals().error_fg_color,
                    Severity::Warning => ui.visuals().warn_fg_color,
                    Severity::Note => ui.visuals().weak_text_color(),
                };
                let text =
                    RichText::new(format!("{:<7} {}", f.severity.label(), f.message)).color(colour);
                let r = ui
                    .add(egui::Button::selectable(false, text))
                    .on_hover_text(hover(f));
                if r.clicked() {
                    jump = Some(f.field);
                }
            }
        });
    jump
}

/// The finding's rule, explained, and where it points.
fn hover(f: &Finding) -> String {
    let why = rules::find(f.rule).map_or("", |r| r.why);
    format!("{} in {}: click to go there.\n\n{why}", f.rule, f.place)
}

/// "2 errors, 1 warning" for the status bar and the panel header.
pub fn summary(findings: &[Finding]) -> String {
    let n = |s| findings.iter().filter(|f| f.severity == s).count();
    let plural = |k: usize, word: &str| format!("{k} {word}{}", if k == 1 { "" } else { "s" });
    format!(
        "{}, {}, {}",
        plural(n(Severity::Error), "error"),
        plural(n(Severity::Warning), "warning"),
        plural(n(Severity::Note), "note")
    )
}
