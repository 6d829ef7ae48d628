//! The preview of the document styles (EDGAR HTML, wire HTML, Word) as formatted text:
//! bold and centred where the document is, no columns. It draws the same items, in the same
//! order, as those writers write ([`flow::flow_fields`]), so it shows what export makes.

use egui::{Align, Layout, RichText, Ui};

use crate::core::draft::{Draft, FieldRef};
use crate::core::export::ExportStyle;
use crate::core::export::flow::{self, Item, Prose, Rules};

/// Shows `draft` as `style` would print it; `follow` is a part just edited, brought into
/// view when it is out of sight.
pub fn ui(ui: &mut Ui, draft: &Draft, style: ExportStyle, follow: Option<FieldRef>) {
    let rules = Rules::for_draft(draft, style.text_style(draft));
    // The wire's HTML is plain semantic HTML: everything at the left but the end mark, no
    // indents, no page breaks, the dateline not bold, contact labels over their details.
    let wire = style == ExportStyle::NewswireHtml;
    let centred_headline = !wire && rules.headline_centred;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .id_salt("rich-preview")
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(720.0));
            let mut last_field = None;
            flow::flow_fields(draft, &rules, |field, item| {
                let top = ui.cursor().top();
                draw(ui, item, &rules, centred_headline, wire);
                // The first item of the part just edited: into view if out of sight.
                if follow == Some(field) && last_field != Some(field) {
                    let rect = egui::Rect::from_x_y_ranges(
                        ui.max_rect().x_range(),
                        top..=ui.cursor().top(),
                    );
                    if !ui.clip_rect().intersects(rect) {
                        ui.scroll_to_rect(rect, Some(Align::Center));
                    }
                }
                last_field = Some(field);
            });
        });
}

fn centred(ui: &mut Ui, text: RichText) {
    ui.with_layout(Layout::top_down(Align::Center), |ui| {
        ui.add(egui::Label::new(text).wrap());
    });
}

fn draw(ui: &mut Ui, item: Item<'_>, rules: &Rules, centred_headline: bool, wire: bool) {
    let body = 14.0;
    match item {
        Item::Exhibit(label) if wire => {
            ui.label(label);
        }
        Item::Exhibit(label) => {
            ui.with_layout(Layout::top_down(Align::Max), |ui| {
                ui.label(RichText::new(label).strong());
            });
        }
        Item::Title(title) if wire => {
            ui.label(RichText::new(title).strong());
        }
        Item::Logo(path) => centred(ui, RichText::new(format!("[logo: {path}]")).weak()),
        Item::Title(title) => {
            let t = if rules.title_spaced {
                crate::core::render::text::letter_spaced(&title)
            } else {
                title
            };
            centred(ui, RichText::new(t).strong().size(body + 2.0));
        }
        Item::Timing(t) => {
            ui.label(RichText::new(t).strong());
        }
        Item::Contacts(entries) if wire => {
            for e in entries {
                if !e.label.is_empty() {
                    ui.label(RichText::new(e.label).strong());
                }
                if !e.lines.is_empty() {
                    ui.label(e.lines.join("\n"));
                }
                ui.add_space(4.0);
            }
        }
        Item::Contacts(entries) => {
            egui::Grid::new(ui.next_auto_id()).show(ui, |ui| {
                for e in entries {
                    ui.label(RichText::new(e.label).strong());
                    ui.label(e.lines.join("\n"));
                    ui.end_row();
                }
            });
        }
        Item::Headline(lines) => {
            let text = RichText::new(lines.join("\n")).strong().size(body + 6.0);
            if centred_headline {
                centred(ui, text);
            } else {
                ui.add(egui::Label::new(text).wrap());
            }
        }
        Item::Subheadline(t) => {
            let text = RichText::new(t).italics();
            if centred_headline {
                centred(ui, text);
            } else {
                ui.add(egui::Label::new(text).wrap());
            }
        }
        Item::SubheadlineBullets(items) => {
            for i in items {
                let text = RichText::new(format!("\u{2022} {i}")).italics();
                ui.add(egui::Label::new(text).wrap());
            }
        }
        Item::Bullets(items) => {
            for i in items {
                ui.add(egui::Label::new(format!("\u{2022} {i}")).wrap());
            }
        }
        Item::Paragraph { lead, text, prose } => {
            let mut job = egui::text::LayoutJob::default();
            let style = ui.style().clone();
            let indent = if !wire && rules.indent_paragraphs && prose != Prose::SafeHarbor {
                "\u{2003}\u{2003}"
            } else {
                ""
            };
            let text = match lead {
                Some(lead) => {
                    let lead = RichText::new(format!("{indent}{lead}"));
                    let lead = if wire { lead } else { lead.strong() };
                    lead.append_to(&mut job, &style, egui::FontSelection::Default, Align::Min);
                    text
                }
                None => format!("{indent}{text}"),
            };
            RichText::new(text).append_to(
                &mut job,
                &style,
                egui::FontSelection::Default,
                Align::Min,
            );
            job.wrap.max_width = ui.available_width();
            ui.label(job);
        }
        Item::Heading(h) => {
            ui.label(RichText::new(h).strong());
        }
        Item::SectionHeading(h) => {
            let text = RichText::new(h).strong();
            if !wire && rules.headings_centred {
                centred(ui, text);
            } else {
                ui.label(text);
            }
        }
        // A page break means nothing on a wire's page.
        Item::PageBreak if wire => {}
        Item::PageBreak => {
            ui.separator();
        }
        Item::Table(t) => table(ui, &t),
        Item::EndMark(mark) => centred(ui, RichText::new(mark)),
    }
    ui.add_space(6.0);
}

/// A table as the documents set it: title centred, labels at the left, each column's
/// figures right-aligned (monospace, padded to the column's widest) with `$` before them,
/// a rule over subtotals and a double rule under totals.
fn table(ui: &mut Ui, t: &crate::core::table::Cooked) {
    use crate::core::table::RowKind;
    for line in &t.title {
        centred(ui, RichText::new(line).strong());
    }
    let n = t.columns();
    let chars = |s: &str| s.chars().count();
    // Each column's width in characters: "$ " and the widest figure, or a heading line.
    let widths: Vec<usize> = (0..n)
        .map(|c| {
            let figures = t
                .rows
                .iter()
                .filter_map(|r| r.cells.get(c))
                .map(|cell| chars(&cell.text) + 2)
                .max()
                .unwrap_or(0);
            let heading = t.headings[c].iter().map(|l| chars(l)).max().unwrap_or(0);
            figures.max(heading).max(3)
        })
        .collect();
    let mono = |s: String| RichText::new(s).monospace();
    let rule = |ch: char, w: usize| mono(ch.to_string().repeat(w));
    egui::Grid::new(ui.next_auto_id())
        .spacing([12.0, 0.0])
        .show(ui, |ui| {
            if !t.groups.is_empty() {
                ui.label("");
                for c in 0..n {
                    let label = t
                        .groups
                        .iter()
                        .find(|(_, cols)| cols.start == c)
                        .map(|(l, _)| l.join(" "))
                        .unwrap_or_default();
                    ui.label(RichText::new(label).small());
                }
                ui.end_row();
            }
            if t.has_headings() {
                ui.label(&t.label_heading);
                for (c, h) in t.headings.iter().enumerate() {
                    ui.label(mono(format!("{:>w$}", h.join(" "), w = widths[c])));
                }
                ui.end_row();
            }
            for row in &t.rows {
                let label = format!(
                    "{}{}",
                    "\u{2003}".repeat(usize::from(row.indent)),
                    row.label
                );
                let ruled = |ui: &mut Ui, ch: char| {
                    ui.label("");
                    for (c, cell) in row.cells.iter().enumerate() {
                        if cell.text.is_empty() {
                            ui.label("");
                        } else {
                            ui.label(rule(ch, widths[c]));
                        }
                    }
                    ui.end_row();
                };
                if matches!(row.kind, RowKind::Subtotal | RowKind::Total) {
                    ruled(ui, '-');
                }
                ui.label(label);
                for (c, cell) in row.cells.iter().enumerate() {
                    let dollar = if cell.dollar { "$" } else { " " };
                    let w = widths[c].saturating_sub(2);
                    ui.label(mono(format!("{dollar} {:>w$}", cell.text)));
                }
                ui.end_row();
                if row.kind == RowKind::Total {
                    ruled(ui, '=');
                }
            }
        });
    for f in &t.footnotes {
        ui.add(egui::Label::new(RichText::new(f).small()).wrap());
    }
}
