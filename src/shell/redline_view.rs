//! The redline in the preview's place: the draft compared with an older one, text by
//! text under each field's label. Insertions are underlined in blue, deletions struck
//! through in red, moved text double-marked in green (shown once, where it went); the
//! current change (F8 / Shift+F8) is highlighted and scrolled to.

use std::time::{Duration, Instant};

use egui::text::LayoutJob;
use egui::{Color32, FontId, Stroke, TextFormat, Ui};

use crate::core::draft::Draft;
use crate::core::redline::{self, Change, Redline, RedlineFormat};
use crate::shell::commands::Command;
use crate::shell::lazy_list::LazyList;

/// A comparison on screen.
pub struct RedlineView {
    /// What the draft is compared with: "version 3 (sent to counsel)", a file's name.
    pub against: String,
    pub old: Draft,
    pub redline: Redline,
    /// The positions in `redline.texts` with a change to show.
    pub changes: Vec<usize>,
    /// The draft revision the redline is of.
    revision: u64,
    /// The change stepped to (a position in `redline.texts`).
    pub current: Option<usize>,
    /// Scroll the current change into view on the next frame.
    pub scroll: bool,
    /// How long the last comparison took: a slow one waits for a pause in typing.
    cost: Duration,
    /// The draft revision not yet compared, and since when (seconds).
    stale: Option<(u64, f64)>,
}

/// A comparison quicker than this follows every keystroke.
const QUICK: Duration = Duration::from_millis(4);
/// Otherwise the redline follows once typing pauses this long (seconds), so keystrokes in
/// a long release stay within their budget.
pub const PAUSE: f64 = 0.3;

impl RedlineView {
    pub fn new(old: Draft, against: String, draft: &Draft, revision: u64) -> Self {
        let started = Instant::now();
        let redline = redline::compare(&old, draft);
        Self {
            cost: started.elapsed(),
            stale: None,
            against,
            changes: redline.changes(),
            old,
            redline,
            revision,
            current: None,
            scroll: false,
        }
    }

    /// Compares again if the draft changed since.
    pub fn refresh(&mut self, draft: &Draft, revision: u64) {
        if revision == self.revision {
            return;
        }
        let at = self.current.map(|c| self.redline.texts[c].at());
        let started = Instant::now();
        self.redline = redline::compare(&self.old, draft);
        self.cost = started.elapsed();
        self.stale = None;
        self.changes = self.redline.changes();
        self.revision = revision;
        // Keep the current change on the same text while it still has one.
        self.current = at.and_then(|at| {
            self.changes
                .iter()
                .copied()
                .find(|&c| self.redline.texts[c].at() == at)
        });
    }

    /// Brings the redline up to date at `now` (seconds): at once when comparing is quick,
    /// else once the draft has not changed for [`PAUSE`]. Returns how long to wait for that.
    pub fn refresh_at(&mut self, draft: &Draft, revision: u64, now: f64) -> Option<f64> {
        if revision == self.revision {
            return None;
        }
        if self.cost < QUICK {
            self.refresh(draft, revision);
            return None;
        }
        let since = match self.stale {
            Some((r, since)) if r == revision => since,
            _ => {
                self.stale = Some((revision, now));
                now
            }
        };
        if now - since >= PAUSE {
            self.refresh(draft, revision);
            None
        } else {
            Some(PAUSE - (now - since))
        }
    }

    /// Whether the draft changed since the redline was made (it follows after a pause).
    pub fn is_stale(&self) -> bool {
        self.stale.is_some()
    }

    /// Steps to the next or previous change (wrapping); its position in `redline.texts`.
    pub fn step(&mut self, forward: bool) -> Option<usize> {
        let changes = &self.changes;
        if changes.is_empty() {
            return None;
        }
        let next = match (self.current, forward) {
            (None, true) => changes[0],
            (None, false) => *changes.last()?,
            (Some(c), true) => changes
                .iter()
                .copied()
                .find(|&x| x > c)
                .unwrap_or(changes[0]),
            (Some(c), false) => changes
                .iter()
                .rev()
                .copied()
                .find(|&x| x < c)
                .unwrap_or(*changes.last()?),
        };
        self.current = Some(next);
        self.scroll = true;
        Some(next)
    }
}

pub const INSERTED: Color32 = Color32::from_rgb(0x06, 0x45, 0xad);
pub const DELETED: Color32 = Color32::from_rgb(0xb0, 0x00, 0x20);
pub const MOVED: Color32 = Color32::from_rgb(0x1b, 0x7a, 0x1b);

/// Draws the redline; returns the commands its buttons asked for.
pub fn ui(ui: &mut Ui, view: &mut RedlineView) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("Redline against {}", view.against));
        ui.label(view.redline.summary().to_string());
        if view.is_stale() {
            ui.weak("(updating)");
        }
    });
    ui.horizontal_wrapped(|ui| {
        for c in [
            Command::PreviousChange,
            Command::NextChange,
            Command::ExportRedline(RedlineFormat::Html),
            Command::ExportRedline(RedlineFormat::Text),
            Command::ExportRedline(RedlineFormat::Docx),
            Command::CloseRedline,
        ] {
            let mut b = egui::Button::new(c.label());
            if let Some(s) = c.shortcut() {
                b = b.shortcut_text(ui.ctx().format_shortcut(&s));
            }
            if ui.add(b).clicked() {
                commands.push(c);
            }
        }
    });
    ui.separator();
    let dark = ui.visuals().dark_mode;
    let text_colour = ui.visuals().text_color();
    egui::ScrollArea::vertical()
        .id_salt("redline-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Only the texts near the view are laid out: a 50,000-word redline has a
            // thousand of them, and typing redraws it.
            let shown: Vec<usize> = (0..view.redline.texts.len())
                .filter(|&i| view.redline.texts[i].visible())
                .collect();
            let texts = &view.redline.texts;
            let mut list = LazyList::begin(ui, "redline", shown.len(), true, |k, width| {
                let chars: usize = texts[shown[k]]
                    .pieces
                    .iter()
                    .map(|p| p.tokens.len() * 6)
                    .sum();
                let lines = (chars as f32 * 7.0 / width.max(100.0)).ceil().max(1.0);
                24.0 + lines * 18.0
            });
            for (k, &i) in shown.iter().enumerate() {
                let t = &texts[i];
                let current = view.current == Some(i);
                list.item(ui, k, current && view.scroll, |ui| {
                    let mut heading = t.label.clone();
                    if t.moved {
                        heading.push_str(" (moved)");
                    }
                    ui.add_space(4.0);
                    ui.weak(heading);
                    let job = layout(t, text_colour, dark, ui.available_width());
                    let frame = egui::Frame::new().inner_margin(2.0);
                    let frame = if current {
                        frame.fill(ui.visuals().selection.bg_fill.gamma_multiply(0.35))
                    } else {
                        frame
                    };
                    let response = frame.show(ui, |ui| ui.label(job)).response;
                    if current && view.scroll {
                        response.scroll_to_me(Some(egui::Align::Center));
                    }
                });
            }
            list.end(ui);
        });
    view.scroll = false;
    commands
}

/// One text's pieces as one laid-out paragraph.
fn layout(t: &redline::TextDiff, text: Color32, dark: bool, width: f32) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let lighten = |c: Color32| {
        if dark {
            c.lerp_to_gamma(Color32::WHITE, 0.45)
        } else {
            c
        }
    };
    let font = FontId::proportional(14.0);
    for (k, p) in t.pieces.iter().enumerate() {
        let s = p.text(k > 0);
        let (space, words) = match s.strip_prefix(' ') {
            Some(w) => (" ", w),
            None => ("", s.as_str()),
        };
        let plain = TextFormat::simple(font.clone(), text);
        let format = match p.change {
            Change::Same => plain.clone(),
            Change::Inserted => TextFormat {
                color: lighten(INSERTED),
                underline: Stroke::new(1.0, lighten(INSERTED)),
                ..plain.clone()
            },
            Change::Deleted => TextFormat {
                color: lighten(DELETED),
                strikethrough: Stroke::new(1.0, lighten(DELETED)),
                ..plain.clone()
            },
            Change::MovedHere => TextFormat {
                color: lighten(MOVED),
                underline: Stroke::new(2.0, lighten(MOVED)),
                ..plain.clone()
            },
            Change::MovedAway => continue,
        };
        job.append(space, 0.0, plain);
        job.append(words, 0.0, format);
    }
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slow_redline_follows_typing_once_it_pauses() {
        let old = Draft {
            headline: "Acme Reports Results".into(),
            ..Draft::default()
        };
        let mut draft = old.clone();
        let mut view = RedlineView::new(old, "v1".into(), &draft, 0);
        assert!(view.redline.is_same());
        view.cost = Duration::from_millis(40); // as on a 50,000-word release
        draft.headline = "Acme Reports Record Results".into();
        let wait = view.refresh_at(&draft, 1, 10.0).expect("waits");
        assert!((wait - PAUSE).abs() < 1e-9);
        assert!(view.is_stale() && view.redline.is_same());
        // Another keystroke starts the pause again.
        draft.headline = "Acme Reports Record Results!".into();
        assert!(view.refresh_at(&draft, 2, 10.2).is_some());
        assert!(view.refresh_at(&draft, 2, 10.4).is_some());
        assert_eq!(view.refresh_at(&draft, 2, 10.2 + PAUSE), None);
        assert!(!view.is_stale() && !view.redline.is_same());

        // A quick one follows every keystroke.
        view.cost = Duration::ZERO;
        draft.headline = "Acme".into();
        assert_eq!(view.refresh_at(&draft, 3, 11.0), None);
        assert_eq!(view.redline.summary().deletions, 1);
    }
}
