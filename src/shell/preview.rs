//! The live preview: exactly the text export writes, in a monospace view with the
//! column limit marked and page breaks set apart.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Rect, Stroke, Ui, pos2, vec2};

use chrono::NaiveDate;

use crate::core::checks::{self, Finding};
use crate::core::draft::{DEFAULT_WIDTH, Draft, FieldRef, HeadlineLength, Style};
use crate::core::render::{self, RenderCache, Rendered};

/// Everything derived from the draft for display (the rendered text, counts, check
/// findings), rebuilt only when the draft, the style or the day changes.
pub struct Preview {
    key: Option<(u64, Style, NaiveDate)>,
    pub findings: Vec<Finding>,
    pub rendered: Rendered,
    /// Where each line of the rendered text starts.
    line_starts: Vec<usize>,
    pub words: usize,
    pub width: usize,
    /// Beside each `-more-` line: why the page breaks there, and where to change it.
    break_notes: Vec<(usize, String)>,
    cache: RenderCache,
    /// The part of the text in view last frame, to tell whether an edit is out of sight.
    view: std::cell::Cell<Rect>,
    /// The spelling findings, kept apart from the checks' (they are made elsewhere, and
    /// at other times) and listed after them.
    spelling: Vec<Finding>,
}

impl Default for Preview {
    fn default() -> Self {
        Self {
            key: None,
            findings: Vec::new(),
            rendered: Rendered::default(),
            line_starts: Vec::new(),
            words: 0,
            width: DEFAULT_WIDTH,
            break_notes: Vec::new(),
            cache: RenderCache::default(),
            view: std::cell::Cell::new(Rect::NOTHING),
            spelling: Vec::new(),
        }
    }
}

impl Preview {
    /// Brings the preview up to date; cheap when nothing changed.
    pub fn update(&mut self, draft: &Draft, revision: u64, style: Style) {
        let today = chrono::Local::now().date_naive();
        if self.key == Some((revision, style, today)) {
            return;
        }
        self.key = Some((revision, style, today));
        self.rendered = render::render_cached(draft, style, &mut self.cache);
        self.findings = checks::check_rendered(draft, today, style, &self.rendered);
        self.findings.extend(self.spelling.iter().cloned());
        let text = &self.rendered.text;
        self.line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .filter(|&i| i < text.len())
            .collect();
        self.words = crate::core::words::count(draft);
        self.break_notes = self
            .rendered
            .page_breaks
            .iter()
            .map(|(line, cause)| (*line, cause.explain(draft)))
            .collect();
        self.width = render::effective_width(draft, style);
    }

    /// Replaces the spelling findings (listed after the checks', as notes come last).
    pub fn set_spelling(&mut self, found: Vec<Finding>) {
        let rule = crate::core::checks::rules::SPELLING.id;
        self.findings.retain(|f| f.rule != rule);
        self.findings.extend(found.iter().cloned());
        self.spelling = found;
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Line `i` of the rendered text, without its newline.
    pub fn line(&self, i: usize) -> &str {
        let text = &self.rendered.text;
        let end = self.line_starts.get(i + 1).copied().unwrap_or(text.len());
        text[self.line_starts[i]..end].trim_end_matches('\n')
    }

    /// Forgets the cache, e.g. after a new document replaced the old one at the same revision.
    pub fn invalidate(&mut self) {
        self.key = None;
    }

    /// The lines in view, as one text laid out once (egui caches it until the view or the
    /// text changes): one widget rather than one a line keeps an idle frame cheap. `follow`
    /// is a part of the draft just edited: when its text is out of sight, the view moves to it.
    pub fn ui(&self, ui: &mut Ui, follow: Option<FieldRef>) {
        let font = FontId::monospace(13.0);
        let row_height = ui.fonts_mut(|f| f.row_height(&font));
        let char_width = ui.fonts_mut(|f| f.glyph_width(&font, 'M'));
        let marker = ui.visuals().warn_fg_color;
        let text_colour = ui.visuals().text_color();
        let ruler = ui.visuals().weak_text_color().gamma_multiply(0.5);
        let n = self.line_count();
        // Export never writes past the width, so the content is that wide.
        let size = vec2(char_width * (self.width + 2) as f32, row_height * n as f32);
        let mut area = egui::ScrollArea::both()
            .auto_shrink([false, false])
            .id_salt("preview");
        let last = self.view.get();
        if let Some(line) = follow.and_then(|f| self.rendered.first_line_of(f))
            && last.is_positive()
        {
            let y = line as f32 * row_height;
            if y < last.top() || y + row_height > last.bottom() {
                // A third of the way down, so the lines before it show too.
                area = area.vertical_scroll_offset((y - last.height() / 3.0).max(0.0));
            }
        }
        area.show_viewport(ui, |ui, view| {
            self.view.set(view);
            let (_, content) = ui.allocate_space(size);
            let first = ((view.min.y / row_height).floor().max(0.0) as usize).min(n);
            let last = ((view.max.y / row_height).ceil() as usize + 1).min(n);
            let mut job = LayoutJob::default();
            let mut rules = Vec::new();
            for (k, i) in (first..last).enumerate() {
                let line = self.line(i);
                let colour = if is_page_marker(line) {
                    marker
                } else {
                    text_colour
                };
                let end = if i + 1 < last { "\n" } else { "" };
                job.append(
                    &format!("{line}{end}"),
                    0.0,
                    TextFormat::simple(font.clone(), colour),
                );
                if line.trim() == "<PAGE>" {
                    rules.push(k + 1);
                }
            }
            let top = content.top() + first as f32 * row_height;
            let rows = Rect::from_min_size(
                pos2(content.left(), top),
                vec2(size.x, (last - first) as f32 * row_height),
            );
            let left_aligned = egui::UiBuilder::new()
                .max_rect(rows)
                .layout(egui::Layout::top_down(egui::Align::LEFT));
            ui.scope_builder(left_aligned, |ui| ui.add(egui::Label::new(job).extend()));
            let left = content.left();
            let right = left + char_width * self.width as f32;
            // Why each page breaks where it does, small and faint after its `-more-`.
            let note_font = FontId::proportional(10.0);
            let note_colour = ui.visuals().weak_text_color();
            for (line, note) in &self.break_notes {
                if (first..last).contains(line) {
                    let mark_end = self.line(*line).trim_end().chars().count() + 2;
                    let at = pos2(
                        left + char_width * mark_end as f32,
                        top + (line - first) as f32 * row_height + row_height / 2.0,
                    );
                    ui.painter().text(
                        at,
                        egui::Align2::LEFT_CENTER,
                        note,
                        note_font.clone(),
                        note_colour,
                    );
                }
            }
            for k in rules {
                let y = top + k as f32 * row_height;
                ui.painter()
                    .hline(left..=right, y, Stroke::new(1.0, marker));
            }
            // The column limit, as a faint rule down the whole view.
            ui.painter().vline(
                right + 1.0,
                ui.clip_rect().y_range(),
                Stroke::new(1.0, ruler),
            );
        });
    }
}

fn is_page_marker(line: &str) -> bool {
    let t = line.trim();
    t == "<PAGE>" || t == "-more-"
}

/// A status-bar colour for the headline length: fine, long, too long.
pub fn headline_colour(len: usize, ui: &Ui) -> Color32 {
    match HeadlineLength::of(len) {
        HeadlineLength::Fine => ui.visuals().text_color(),
        HeadlineLength::Long => ui.visuals().warn_fg_color,
        HeadlineLength::TooLong => ui.visuals().error_fg_color,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::draft::{Block, BodyBlock};

    #[test]
    fn the_preview_lines_are_the_rendered_text_s_lines() {
        let draft = Draft {
            headline: "A headline".into(),
            body: vec![
                BodyBlock::new(Block::Paragraph("One.".into())),
                BodyBlock::new(Block::PageBreak),
                BodyBlock::new(Block::Paragraph("Two.".into())),
            ],
            ..Draft::default()
        };
        let mut p = Preview::default();
        for style in Style::ALL {
            p.update(&draft, 1, style);
            let expected: Vec<&str> = p.rendered.text.lines().collect();
            assert!(expected.len() > 5);
            let got: Vec<&str> = (0..p.line_count()).map(|i| p.line(i)).collect();
            assert_eq!(got, expected);
            p.invalidate();
        }
    }
}
