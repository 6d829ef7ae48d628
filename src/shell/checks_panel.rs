//! The Checks panel: the findings for the draft as it stands, each naming its field and
//! linking to it. Identical findings in several fields ("[COMPANY] is still in the text")
//! are one entry listing every place.

use egui::{RichText, Sense, Ui};

use crate::core::checks::{Finding, Severity, rules};
use crate::core::draft::FieldRef;

/// Findings with the same rule and message, in the order the first of them came.
pub struct Group<'a> {
    pub first: &'a Finding,
    pub places: Vec<&'a Finding>,
}

/// Groups identical findings (same rule, same message) across fields.
pub fn group(findings: &[Finding]) -> Vec<Group<'_>> {
    let mut groups: Vec<Group> = Vec::new();
    for f in findings {
        match groups
            .iter_mut()
            .find(|g| g.first.rule == f.rule && g.first.message == f.message)
        {
            Some(g) => g.places.push(f),
            None => groups.push(Group {
                first: f,
                places: vec![f],
            }),
        }
    }
    groups
}

/// Shows the findings; returns the field of the one clicked.
pub fn ui(ui: &mut Ui, findings: &[Finding]) -> Option<FieldRef> {
    let mut jump = None;
    ui.horizontal(|ui| {
        ui.strong("Checks");
        ui.weak(summary(findings));
    });
    egui::ScrollArea::vertical()
        .id_salt("checks")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if findings.is_empty() {
                ui.weak("Nothing to fix.");
            }
            for g in group(findings) {
                let f = g.first;
                let colour = match f.severity {
                    Severity::Error => ui.visuals().error_fg_color,
                    Severity::Warning => ui.visuals().warn_fg_color,
                    Severity::Note => ui.visuals().weak_text_color(),
                };
                let text = if g.places.len() == 1 {
                    format!("{} \u{2014} {}: {}", f.severity.label(), f.place, f.message)
                } else {
                    format!(
                        "{} \u{2014} {} ({} places)",
                        f.severity.label(),
                        f.message,
                        g.places.len()
                    )
                };
                // Wrapped, so a long finding is read whole rather than cut at the edge.
                let r = ui
                    .add(
                        egui::Label::new(RichText::new(text).color(colour))
                            .wrap()
                            .sense(Sense::click()),
                    )
                    .on_hover_text(hover(f))
                    .on_hover_cursor(egui::CursorIcon::PointingHand);
                if r.clicked() {
                    jump = Some(f.field);
                }
                if g.places.len() > 1 {
                    ui.horizontal_wrapped(|ui| {
                        ui.add_space(16.0);
                        ui.weak("in");
                        for p in &g.places {
                            if ui.link(&p.place).clicked() {
                                jump = Some(p.field);
                            }
                        }
                    });
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

/// "2 errors, 1 warning, 0 notes" for the status bar and the panel header.
pub use crate::core::checks::summary;
