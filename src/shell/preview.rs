//! The live preview: exactly the text export writes, in a monospace view with the
//! column limit marked and page breaks set apart.

use egui::{Color32, FontId, RichText, Stroke, Ui};

use chrono::NaiveDate;

use crate::core::checks::{self, Finding};
use crate::core::draft::{Draft, Style};
use crate::core::render::{self, RenderCache, Rendered};

/// Everything derived from the draft for display (the rendered text, counts, check
/// findings), rebuilt only when the draft, the style or the day changes.
pub struct Preview {
    key: Option<(u64, Style, NaiveDate)>,
    pub findings: Vec<Finding>,
    pub rendered: Rendered,
    pub lines: Vec<String>,
    pub words: usize,
    pub width: usize,
    cache: RenderCache,
}

impl Default for Preview {
    fn default() -> Self {
        Self {
            key: None,
            findings: Vec::new(),
            rendered: Rendered::default(),
            lines: Vec::new(),
            words: 0,
            width: 76,
            cache: RenderCache::default(),
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
        self.lines = self.rendered.text.lines().map(str::to_string).collect();
        self.words = self
            .rendered
            .text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        self.width = render::effective_width(draft, style);
    }

    /// Forgets the cache, e.g. after a new document replaced the old one at the same revision.
    pub fn invalidate(&mut self) {
        self.key = None;
    }

    pub fn ui(&self, ui: &mut Ui) {
        let font = FontId::monospace(13.0);
        let row_height = ui.fonts_mut(|f| f.row_height(&font));
        let char_width = ui.fonts_mut(|f| f.glyph_width(&font, 'M'));
        let marker = ui.visuals().warn_fg_color;
        let ruler = ui.visuals().weak_text_color().gamma_multiply(0.5);
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .id_salt("preview")
            .show_rows(ui, row_height, self.lines.len(), |ui, rows| {
                let left = ui.min_rect().left();
                for line in &self.lines[rows] {
                    let is_marker = is_page_marker(line);
                    let text = RichText::new(if line.is_empty() { " " } else { line })
                        .font(font.clone())
                        .color(if is_marker {
                            marker
                        } else {
                            ui.visuals().text_color()
                        });
                    let r = ui.add(egui::Label::new(text).extend());
                    if line.trim() == "<PAGE>" {
                        let y = r.rect.bottom();
                        ui.painter().hline(
                            left..=left + char_width * self.width as f32,
                            y,
                            Stroke::new(1.0, marker),
                        );
                    }
                }
                // The column limit, as a faint rule down the whole view.
                let x = left + char_width * self.width as f32 + 1.0;
                let clip = ui.clip_rect();
                ui.painter()
                    .vline(x, clip.y_range(), Stroke::new(1.0, ruler));
            });
    }
}

fn is_page_marker(line: &str) -> bool {
    let t = line.trim();
    t == "<PAGE>" || t == "-more-"
}

/// A status-bar colour for the headline length: fine, long (over 70), too long (over 120).
pub fn headline_colour(len: usize, ui: &Ui) -> Color32 {
    match len {
        0..=70 => ui.visuals().text_color(),
        71..=120 => ui.visuals().warn_fg_color,
        _ => ui.visuals().error_fg_color,
    }
}
