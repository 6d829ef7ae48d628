//! Spelling in the form: a wavy line under each misspelt word of a text field, drawn from
//! the field's own text layout, and the right-click menu on a marked word (suggestions, Add
//! to dictionary, Ignore in this draft). The words come from the core's
//! [`Session`](crate::core::spelling::session::Session); every change is a [`Command`].

use std::ops::Range;

use egui::text::CCursor;
use egui::text_edit::TextEditOutput;
use egui::{Color32, Galley, Pos2, Shape, Stroke, Ui, pos2};

use crate::core::draft::FieldRef;
use crate::core::spelling::Miss;
use crate::core::spelling::session::Session;
use crate::shell::commands::Command;

/// The squiggle's colour: the red word processors use (and how tests find it).
pub const SQUIGGLE: Color32 = Color32::from_rgb(228, 48, 48);
/// Half the height of a wave, and its length, in points.
const AMPLITUDE: f32 = 1.2;
const WAVELENGTH: f32 = 4.0;

/// The form's view of spelling: the session and the draft's language.
pub struct FormSpelling<'a> {
    pub session: &'a mut Session,
    pub lang: String,
}

/// The word under a right-click, kept while its menu is open.
#[derive(Clone)]
struct MenuWord {
    text: String,
    range: Range<usize>,
}

impl FormSpelling<'_> {
    /// Squiggles under the misspelt words of the field just drawn, and the menu when one
    /// is right-clicked. `text` is the field's text as shown; `field` the part of the draft.
    pub fn decorate(
        &mut self,
        ui: &Ui,
        out: &TextEditOutput,
        text: &str,
        field: FieldRef,
        commands: &mut Vec<Command>,
    ) {
        let marks = self.session.marks_in(&self.lang, text);
        let response = &out.response.response;
        let menu_id = response.id.with("spelling-menu");
        if marks.is_empty() && !response.context_menu_opened() {
            return;
        }
        let painter = ui
            .painter()
            .with_clip_rect(out.text_clip_rect.intersect(ui.clip_rect()));
        for m in marks.iter() {
            for (x0, x1, y) in spans(&out.galley, text, &m.range) {
                let origin = out.galley_pos.to_vec2();
                painter.add(squiggle(x0 + origin.x, x1 + origin.x, y + origin.y));
            }
        }
        if response.secondary_clicked() {
            let word = response
                .interact_pointer_pos()
                .and_then(|p| mark_at(&out.galley, text, &marks, p - out.galley_pos))
                .map(|m| MenuWord {
                    text: text.to_string(),
                    range: m.range.clone(),
                });
            ui.data_mut(|d| match word {
                Some(w) => {
                    d.insert_temp(menu_id, w);
                }
                None => d.remove::<MenuWord>(menu_id),
            });
        }
        let Some(word) = ui.data(|d| d.get_temp::<MenuWord>(menu_id)) else {
            return;
        };
        response.context_menu(|ui| {
            let w = word.text[word.range.clone()].to_string();
            let suggestions = self.session.suggest_in(&self.lang, &w);
            if suggestions.is_empty() {
                ui.weak("No suggestions");
            }
            for s in suggestions {
                if ui.button(&s).clicked() {
                    commands.push(Command::ReplaceWord {
                        field,
                        text: word.text.clone(),
                        range: word.range.clone(),
                        with: s,
                    });
                    ui.close();
                }
            }
            ui.separator();
            if ui.button("Add to dictionary").clicked() {
                commands.push(Command::AddToDictionary(w.clone()));
                ui.close();
            }
            if ui.button("Ignore in this draft").clicked() {
                commands.push(Command::IgnoreWord(w.clone()));
                ui.close();
            }
        });
    }
}

/// Where a word's squiggle goes, in the galley's coordinates: one `(left, right, y)` a row
/// the word is on (a long word can wrap).
pub fn spans(galley: &Galley, text: &str, range: &Range<usize>) -> Vec<(f32, f32, f32)> {
    let (Some(before), Some(word)) = (text.get(..range.start), text.get(range.clone())) else {
        return Vec::new();
    };
    let start = before.chars().count();
    let end = start + word.chars().count();
    let a = galley.pos_from_cursor(CCursor::new(start));
    let b = galley.pos_from_cursor(CCursor::new(end));
    let y = |r: egui::Rect| r.bottom() - AMPLITUDE;
    if (a.top() - b.top()).abs() < 0.5 {
        return vec![(a.left(), b.left(), y(a))];
    }
    // Wrapped: to the end of the first row, then from the start of the last.
    let right = galley.rect.right();
    vec![
        (a.left(), right, y(a)),
        (galley.rect.left(), b.left(), y(b)),
    ]
}

/// A wavy line from `x0` to `x1` along `y`.
pub fn squiggle(x0: f32, x1: f32, y: f32) -> Shape {
    let mut points = Vec::new();
    let step = WAVELENGTH / 2.0;
    let mut x = x0;
    let mut up = true;
    while x < x1 {
        points.push(pos2(x, if up { y - AMPLITUDE } else { y + AMPLITUDE }));
        x += step;
        up = !up;
    }
    points.push(pos2(x1, if up { y - AMPLITUDE } else { y + AMPLITUDE }));
    Shape::line(points, Stroke::new(1.0, SQUIGGLE))
}

/// The marked word at `pos` (in the galley's coordinates), if any.
fn mark_at<'m>(
    galley: &Galley,
    text: &str,
    marks: &'m [Miss],
    pos: egui::Vec2,
) -> Option<&'m Miss> {
    let c = galley.cursor_from_pos(pos).index.0;
    let byte = text.char_indices().nth(c).map_or(text.len(), |(i, _)| i);
    marks
        .iter()
        .find(|m| m.range.start <= byte && byte <= m.range.end)
}

/// Where a point is, for tests: the middle of a squiggle painted in `shapes`.
pub fn squiggles_in(shapes: &[egui::epaint::ClippedShape]) -> Vec<(Pos2, Pos2)> {
    let mut out = Vec::new();
    for s in shapes {
        collect(&s.shape, &mut out);
    }
    out
}

fn collect(shape: &Shape, out: &mut Vec<(Pos2, Pos2)>) {
    match shape {
        Shape::Vec(v) => v.iter().for_each(|s| collect(s, out)),
        Shape::Path(p) if p.stroke.color == egui::epaint::ColorMode::Solid(SQUIGGLE) => {
            let xs = p.points.iter().map(|p| p.x);
            let ys = p.points.iter().map(|p| p.y);
            let (x0, x1) = (
                xs.clone().fold(f32::MAX, f32::min),
                xs.fold(f32::MIN, f32::max),
            );
            let (y0, y1) = (
                ys.clone().fold(f32::MAX, f32::min),
                ys.fold(f32::MIN, f32::max),
            );
            out.push((pos2(x0, y0), pos2(x1, y1)));
        }
        _ => {}
    }
}
