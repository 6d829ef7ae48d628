//! The draft as a form, in reading order. Widgets edit the draft in place; structural
//! changes (add, remove, move) come back as [`Command`]s so they are undoable steps.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use egui::{Id, Response, TextEdit, Ui};

use crate::core::draft::{
    Attribution, Block, BlockKind, Contact, ContactsPlacement, Dateline, DatelineStyle, Draft,
    EndMark, FieldRef, FiscalYearEnd, HEADLINE_SUGGESTED_CHARS, Layout, NonGaapMeasure,
    PAGE_LENGTH_RANGE, SentenceSpacing, Subheadline, Timing, WIDTH_RANGE, Wire,
};
use crate::core::import;
use crate::shell::commands::{Command, Move, SafeHarborSource};
use crate::shell::lazy_list::LazyList;
use crate::shell::spelling::FormSpelling;

mod table;
pub use table::{Cell as TableCell, cell_id as table_cell_id};

/// What one frame of the form did.
#[derive(Default)]
pub struct FormOutput {
    /// A widget changed the draft in place this frame.
    pub edited: bool,
    /// The text field typed into, so keystrokes in one field undo together.
    pub typing_in: Option<Id>,
    /// The part of the draft changed, so the preview can bring it into view.
    pub edited_field: Option<FieldRef>,
    pub commands: Vec<Command>,
}

pub struct Form<'a> {
    draft: &'a mut Draft,
    out: FormOutput,
    /// The field to open, scroll to and focus this frame (a new draft's headline, a clicked check).
    jump: Option<FieldRef>,
    /// The next text field drawn takes the focus: it is the jump target's first.
    focus_next: bool,
    /// Where that field is, to scroll to once every section has had its say.
    scroll_to: Option<egui::Rect>,
    /// The part of the draft whose fields are being drawn.
    current: FieldRef,
    /// Squiggles under misspelt words, and their menu (none: no spelling).
    spell: Option<FormSpelling<'a>>,
    /// The last field given its open-comments marker (one marker a field).
    marked: Option<FieldRef>,
}

/// Time zones offered for an embargo: where IR teams and their wires usually are.
const ZONES: &[chrono_tz::Tz] = &[
    chrono_tz::America::New_York,
    chrono_tz::America::Chicago,
    chrono_tz::America::Denver,
    chrono_tz::America::Los_Angeles,
    chrono_tz::America::Toronto,
    chrono_tz::Europe::London,
    chrono_tz::Europe::Paris,
    chrono_tz::Europe::Zurich,
    chrono_tz::Asia::Tokyo,
    chrono_tz::Asia::Hong_Kong,
    chrono_tz::Australia::Sydney,
    chrono_tz::UTC,
];

/// A section of the form: its title, whether it starts open, which parts of the draft it
/// holds (a jump to one opens it) and what draws its fields.
struct Section {
    title: &'static str,
    open: bool,
    holds: fn(FieldRef) -> bool,
    draw: fn(&mut Form<'_>, &mut Ui),
}

/// The form's sections, in reading order.
const SECTIONS: &[Section] = {
    use FieldRef as F;
    &[
        Section {
            title: "Release",
            open: true,
            holds: |f| matches!(f, F::Timing | F::Logo | F::Title | F::Exhibit),
            draw: |form, ui| form.release(ui),
        },
        Section {
            title: "Company",
            open: true,
            holds: |f| f == F::Company,
            draw: |form, ui| form.company(ui),
        },
        Section {
            title: "Contacts",
            open: false,
            holds: |f| matches!(f, F::Contact(_)),
            draw: |form, ui| form.contacts(ui),
        },
        Section {
            title: "Headline and subheadline",
            open: true,
            holds: |f| matches!(f, F::Headline | F::Subheadline),
            draw: |form, ui| form.headline(ui),
        },
        Section {
            title: "Dateline",
            open: true,
            holds: |f| f == F::Dateline,
            draw: |form, ui| form.dateline(ui),
        },
        Section {
            title: "Body",
            open: true,
            holds: |f| matches!(f, F::Body(_)),
            draw: |form, ui| form.body(ui),
        },
        Section {
            title: "Boilerplate",
            open: false,
            holds: |f| matches!(f, F::About(_)),
            draw: |form, ui| form.boilerplate(ui),
        },
        Section {
            title: "Safe harbor",
            open: false,
            holds: |f| f == F::SafeHarbor,
            draw: |form, ui| form.safe_harbor(ui),
        },
        Section {
            title: "End mark and export",
            open: false,
            holds: |f| matches!(f, F::EndMark | F::Export),
            draw: |form, ui| form.export(ui),
        },
    ]
};

/// The wash behind words an open comment is on: a translucent marker yellow, readable in
/// the light and the dark theme.
pub const COMMENT_HIGHLIGHT: egui::Color32 = egui::Color32::from_rgba_premultiplied(90, 74, 0, 90);

/// The rectangles a byte range of `text` covers in its galley, one a row (a quote can wrap
/// over several).
fn row_rects(galley: &egui::Galley, text: &str, range: std::ops::Range<usize>) -> Vec<egui::Rect> {
    use egui::text::CCursor;
    let (Some(before), Some(words)) = (text.get(..range.start), text.get(range)) else {
        return Vec::new();
    };
    let start = before.chars().count();
    let mut rects: Vec<egui::Rect> = Vec::new();
    for i in start..start + words.chars().count() {
        let a = galley.pos_from_cursor(CCursor::new(i));
        let b = galley.pos_from_cursor(CCursor::new(i + 1));
        // A character at a row's end: its next cursor is on the next row.
        let right = if (b.top() - a.top()).abs() < 0.5 {
            b.left()
        } else {
            a.left() + 4.0
        };
        let r =
            egui::Rect::from_min_max(egui::pos2(a.left(), a.top()), egui::pos2(right, a.bottom()));
        match rects.last_mut() {
            Some(last) if (last.top() - r.top()).abs() < 0.5 => *last = last.union(r),
            _ => rects.push(r),
        }
    }
    rects
}

/// A closed section's height: the first guess for one not drawn yet.
const SECTION_HEADER: f32 = 24.0;

pub fn show(ui: &mut Ui, draft: &mut Draft, jump: Option<FieldRef>) -> FormOutput {
    show_spelled(ui, draft, jump, None)
}

/// [`show`], with spelling marked in the text fields.
pub fn show_spelled(
    ui: &mut Ui,
    draft: &mut Draft,
    jump: Option<FieldRef>,
    spell: Option<FormSpelling<'_>>,
) -> FormOutput {
    let mut form = Form {
        draft,
        out: FormOutput::default(),
        jump,
        focus_next: false,
        scroll_to: None,
        current: FieldRef::Timing,
        spell,
        marked: None,
    };
    form.ui(ui);
    if let Some(rect) = form.scroll_to {
        // Last, so the field wins over its section's header.
        ui.scroll_to_rect(rect, None);
    } else if let Some(r) = ui
        .memory(|m| m.focused())
        .and_then(|id| ui.ctx().read_response(id))
        && r.gained_focus()
        && ui.min_rect().contains_rect(r.rect)
    {
        // Tab into a field out of view brings it into view (egui would wait for a keystroke).
        ui.scroll_to_rect(r.rect, None);
    }
    form.out
}

impl Form<'_> {
    fn ui(&mut self, ui: &mut Ui) {
        // Sections, too, are drawn only near the view: below the body of a long release,
        // laying out the release, company and contact fields every frame was most of the work.
        let mut list =
            LazyList::begin(ui, "sections", SECTIONS.len(), false, |_, _| SECTION_HEADER);
        for (i, s) in SECTIONS.iter().enumerate() {
            let force = self.jump.is_some_and(s.holds);
            list.item(ui, i, force, |ui| {
                section(ui, s.title, s.open, force, |ui| (s.draw)(self, ui));
            });
        }
        list.end(ui);
    }

    /// Records a text field's edit.
    fn note(&mut self, r: &Response) {
        if r.changed() {
            self.out.edited = true;
            self.out.edited_field = Some(self.current);
            self.out.typing_in = Some(r.id);
        }
    }

    /// Records a change from a control that is not typed into (combo, checkbox, date).
    fn changed(&mut self, changed: bool) {
        self.out.edited |= changed;
        if changed {
            self.out.edited_field = Some(self.current);
        }
    }

    fn text(&mut self, ui: &mut Ui, label: &str, value: &mut String) -> Response {
        self.text_hinted(ui, label, value, "")
    }

    /// A one-line field showing `hint` while it is empty (an example, or what empty means).
    fn text_hinted(
        &mut self,
        ui: &mut Ui,
        label: &str,
        value: &mut String,
        hint: &str,
    ) -> Response {
        let l = self.label(ui, label);
        let out = TextEdit::singleline(value)
            .hint_text(hint)
            .desired_width(f32::INFINITY)
            .show(ui);
        self.spelling(ui, &out, value);
        let r = out.response.response.labelled_by(l.id);
        ui.end_row();
        self.take_focus(&r);
        self.note(&r);
        r
    }

    fn multiline(&mut self, ui: &mut Ui, label: &str, value: &mut String, rows: usize) -> Response {
        self.multiline_hinted(ui, label, value, rows, "")
    }

    fn multiline_hinted(
        &mut self,
        ui: &mut Ui,
        label: &str,
        value: &mut String,
        rows: usize,
        hint: &str,
    ) -> Response {
        let l = self.label(ui, label);
        let out = TextEdit::multiline(value)
            .hint_text(hint)
            .desired_rows(rows)
            .desired_width(f32::INFINITY)
            .show(ui);
        self.spelling(ui, &out, value);
        let r = out.response.response.labelled_by(l.id);
        ui.end_row();
        self.take_focus(&r);
        self.note(&r);
        r
    }

    /// Squiggles under the misspelt words of the field just drawn, and their menu; the
    /// words open comments are on, highlighted.
    fn spelling(&mut self, ui: &Ui, out: &egui::text_edit::TextEditOutput, text: &str) {
        self.comment_highlights(ui, out, text);
        if let Some(spell) = &mut self.spell {
            spell.decorate(ui, out, text, self.current, &mut self.out.commands);
        }
    }

    /// A marker-coloured wash behind the words each open comment on this field quotes
    /// (the first place they occur), as a word processor shows a comment's range.
    fn comment_highlights(&self, ui: &Ui, out: &egui::text_edit::TextEditOutput, text: &str) {
        if self.draft.comments.is_empty() {
            return;
        }
        let quoted = self
            .draft
            .comments
            .iter()
            .filter(|c| !c.resolved && c.field == self.current && !c.quote.trim().is_empty());
        let painter = ui
            .painter()
            .with_clip_rect(out.text_clip_rect.intersect(ui.clip_rect()));
        for c in quoted {
            let Some(start) = text.find(c.quote.trim()) else {
                continue;
            };
            let range = start..start + c.quote.trim().len();
            for rect in row_rects(&out.galley, text, range) {
                painter.rect_filled(
                    rect.translate(out.galley_pos.to_vec2()),
                    2.0,
                    COMMENT_HIGHLIGHT,
                );
            }
        }
    }

    /// A text field's label; the first label of a field with open comments carries a
    /// marker (hover for how many; Review > Comments lists them).
    fn label(&mut self, ui: &mut Ui, label: &str) -> Response {
        if self.draft.comments.is_empty() || self.marked == Some(self.current) {
            return ui.label(label);
        }
        let open = self.draft.open_comments_on(self.current);
        if open == 0 {
            return ui.label(label);
        }
        self.marked = Some(self.current);
        ui.horizontal(|ui| {
            let l = ui.label(label);
            let s = if open == 1 { "" } else { "s" };
            // A dot, painted: the default fonts have no bullet glyph.
            let (rect, dot) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter()
                .circle_filled(rect.center(), 4.0, ui.visuals().warn_fg_color);
            let note = format!("{open} open comment{s}");
            dot.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Label, true, "comment marker")
            });
            dot.on_hover_text(note);
            l
        })
        .inner
    }

    /// Marks where a part's fields begin (and so where the jump target's do).
    fn arrive(&mut self, field: FieldRef) {
        self.current = field;
        if self.jump == Some(field) {
            self.focus_next = true;
        }
    }

    fn take_focus(&mut self, r: &Response) {
        if std::mem::take(&mut self.focus_next) {
            r.request_focus();
            self.scroll_to = Some(r.rect);
        }
    }

    /// Item `i` of `n` in a list: a header with Up, Down and Remove (`command` makes
    /// those), its fields, and a rule under it; drawn only when the list says so.
    #[allow(clippy::too_many_arguments)]
    fn list_item(
        &mut self,
        ui: &mut Ui,
        list: &mut LazyList,
        field: FieldRef,
        (i, n): (usize, usize),
        title: impl FnOnce() -> String,
        command: impl Fn(usize, Option<Move>) -> Command,
        fields: impl FnOnce(&mut Self, &mut Ui),
    ) {
        let target = self.jump == Some(field);
        list.item(ui, i, target, |ui| {
            self.arrive(field);
            // The title is made only for items drawn: a long release has thousands passed over.
            item_header(ui, &title(), i, n, &mut self.out.commands, command);
            fields(self, ui);
            ui.separator();
            self.focus_next = false; // an item without fields (a page break) takes no focus
        });
    }

    /// An imported release's wording of a line the style would otherwise word itself: it
    /// may be edited; emptied, or with the button, the style's own wording prints.
    /// Says whether the wording was typed in (the caller reads it again).
    fn as_written(&mut self, ui: &mut Ui, label: &str, written: &mut String) -> bool {
        let l = self.label(ui, label);
        let mut typed = false;
        ui.horizontal(|ui| {
            let plain = ui.button("Use the style's wording");
            let r = ui
                .add(TextEdit::singleline(written).desired_width(f32::INFINITY))
                .labelled_by(l.id)
                .on_hover_text("Printed as it stands; edit the field above, or empty this, for the style's own wording.");
            self.note(&r);
            typed = r.changed();
            if plain.clicked() {
                written.clear();
                self.changed(true);
            }
        });
        ui.end_row();
        typed
    }

    /// A contact's label as printed: left to its role (the hint shows what that prints),
    /// typed as the release prints it ("Investors:"), or none at all (a second organisation
    /// under the first one's label).
    fn printed_label(&mut self, ui: &mut Ui, c: &mut Contact, derived: &str) {
        let l = self.label(ui, "Printed label");
        ui.horizontal(|ui| {
            let mut none = c.label.as_deref() == Some("");
            if ui.checkbox(&mut none, "No label").changed() {
                c.label = none.then(String::new);
                self.changed(true);
            }
            let mut text = c.label.clone().unwrap_or_default();
            let hint = if none {
                "(no label)".to_string()
            } else if derived.is_empty() {
                "as the role: none".to_string()
            } else {
                format!("as the role: {derived}")
            };
            let r = ui
                .add(
                    TextEdit::singleline(&mut text)
                        .hint_text(hint)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
            if r.changed() {
                c.label = (!text.is_empty()).then_some(text);
            }
            self.note(&r);
        });
        ui.end_row();
    }

    /// One list item per line, for bullet lists.
    fn lines(&mut self, ui: &mut Ui, label: &str, items: &mut Vec<String>) {
        let mut joined = items.join("\n");
        let r = self.multiline(ui, label, &mut joined, 3);
        if r.changed() {
            *items = joined.split('\n').map(str::to_string).collect();
        }
    }

    fn release(&mut self, ui: &mut Ui) {
        self.arrive(FieldRef::Timing);
        let timing_before = self.draft.release.timing.clone();
        grid(ui, "release", |ui| {
            let l = ui.label("Timing");
            let mut kind = timing_kind(&self.draft.release.timing);
            let options: Vec<(TimingKind, &str)> =
                TimingKind::ALL.iter().map(|k| (*k, k.label())).collect();
            let r = combo_response(ui, l.id, "timing", &mut kind, &options);
            if matches!(self.draft.release.timing, Timing::Immediate) {
                self.take_focus(&r); // an embargo's or release date's check lands on its date
            }
            if r.changed() {
                self.draft.release.timing = kind.convert(&self.draft.release.timing);
                self.changed(true);
            }
            ui.end_row();
            let mut changed = false;
            let mut date_r = None; // focused after the match, which holds the draft
            match &mut self.draft.release.timing {
                Timing::Immediate => {}
                Timing::ReleaseOn(date) => {
                    let l = ui.label("Release date");
                    let (r, picked) = date_button(ui, l.id, date, "release-date");
                    changed |= picked;
                    date_r = r;
                    ui.end_row();
                }
                Timing::Embargoed { date, time, zone } => {
                    let l = ui.label("Embargo date");
                    let (r, picked) = date_button(ui, l.id, date, "embargo-date");
                    changed |= picked;
                    date_r = r;
                    ui.end_row();
                    let l = ui.label("Embargo time");
                    ui.horizontal(|ui| {
                        let (mut h, mut m) = (time.hour(), time.minute());
                        let rh = ui
                            .add(egui::DragValue::new(&mut h).range(0..=23))
                            .labelled_by(l.id);
                        ui.label(":");
                        let rm = ui
                            .add(
                                egui::DragValue::new(&mut m)
                                    .range(0..=59)
                                    .custom_formatter(|n, _| format!("{n:02}")),
                            )
                            .labelled_by(l.id);
                        if rh.changed() || rm.changed() {
                            *time = NaiveTime::from_hms_opt(h, m, 0).unwrap_or(*time);
                            changed = true;
                        }
                        let zones: Vec<(Option<chrono_tz::Tz>, &str)> =
                            std::iter::once((None, "(no time zone)"))
                                .chain(ZONES.iter().map(|z| (Some(*z), z.name())))
                                .collect();
                        changed |= combo(ui, l.id, "embargo-zone", zone, &zones);
                    });
                    ui.end_row();
                }
            }
            if let Some(r) = date_r {
                self.take_focus(&r);
            }
            if changed {
                self.changed(true);
            }
            self.focus_next = false; // a timing without a date field takes it at its combo
            // An imported release's wording stands until the timing is edited.
            if self.draft.release.timing != timing_before {
                self.draft.release.timing_as_written.clear();
            }
            if !self.draft.release.timing_as_written.is_empty() {
                let mut written = std::mem::take(&mut self.draft.release.timing_as_written);
                // The checks read the timing: keep it what the printed line says.
                if self.as_written(ui, "Timing line as written", &mut written)
                    && let Some(t) = import::read_timing_line(&written, self.draft.dateline.date)
                {
                    self.draft.release.timing = t;
                }
                self.draft.release.timing_as_written = written;
            }
            self.arrive(FieldRef::Logo);
            let mut logo = self.draft.release.logo.clone().unwrap_or_default();
            let l = ui.label("Logo image");
            ui.horizontal(|ui| {
                if ui.button("Choose...").clicked() {
                    self.out.commands.push(Command::ChooseLogo);
                }
                let r = ui
                    .add(TextEdit::singleline(&mut logo).desired_width(f32::INFINITY))
                    .labelled_by(l.id);
                if r.changed() {
                    self.draft.release.logo = Some(logo).filter(|l| !l.trim().is_empty());
                }
                self.note(&r);
            });
            ui.end_row();
            // The letterhead prints with the title, but a jump to the title lands on the title.
            self.current = FieldRef::Title;
            let mut letterhead = std::mem::take(&mut self.draft.release.letterhead);
            self.multiline_hinted(
                ui,
                "Letterhead",
                &mut letterhead,
                1,
                "none (older exhibits: name and address, centred)",
            );
            self.draft.release.letterhead = letterhead;
            self.arrive(FieldRef::Title);
            let mut title = std::mem::take(&mut self.draft.release.title);
            self.text(ui, "Title line", &mut title);
            self.draft.release.title = title;
            self.arrive(FieldRef::Exhibit);
            let mut exhibit = std::mem::take(&mut self.draft.release.exhibit);
            self.text(ui, "Exhibit label", &mut exhibit);
            self.draft.release.exhibit = exhibit;
        });
    }

    fn company(&mut self, ui: &mut Ui) {
        self.arrive(FieldRef::Company);
        let mut c = std::mem::take(&mut self.draft.company);
        grid(ui, "company", |ui| {
            self.text(ui, "Company name", &mut c.name);
            self.text(ui, "Ticker", &mut c.ticker);
            self.text(ui, "Exchange", &mut c.exchange);
            self.text(ui, "Website", &mut c.website);
            self.text(ui, "HQ city", &mut c.city);
            self.text(ui, "HQ state", &mut c.state);
            self.fiscal_year_end(ui, &mut c.fiscal_year_end);
        });
        self.non_gaap_measures(ui, &mut c.non_gaap_measures);
        self.draft.company = c;
    }

    /// The last day of the fiscal year, which the checks reckon quarters from.
    fn fiscal_year_end(&mut self, ui: &mut Ui, end: &mut FiscalYearEnd) {
        let l = ui.label("Fiscal year ends");
        let mut changed = false;
        ui.horizontal(|ui| {
            let months: Vec<(u32, &str)> = crate::core::render::dateline::MONTHS
                .iter()
                .enumerate()
                .map(|(i, m)| (i as u32 + 1, *m))
                .collect();
            // February ends on the 28th: a fiscal year "ends February 29" only in leap years.
            let last = |month: u32| {
                NaiveDate::from_ymd_opt(2025, month % 12 + 1, 1)
                    .and_then(|d| d.pred_opt())
                    .map_or(31, |d| d.day())
            };
            if combo(ui, l.id, "fiscal-year-end-month", &mut end.month, &months) {
                // Most fiscal years end on a month's last day: keep it the last.
                end.day = last(end.month);
                changed = true;
            }
            // A list of the month's days: a typed 31 in February cannot become another day.
            // Made once: the Company section is in view, so drawn, most frames.
            static DAYS: std::sync::LazyLock<Vec<(u32, String)>> =
                std::sync::LazyLock::new(|| (1..=31).map(|d| (d, d.to_string())).collect());
            let days: Vec<(u32, &str)> = DAYS[..last(end.month) as usize]
                .iter()
                .map(|(d, s)| (*d, s.as_str()))
                .collect();
            let day = ui.label("day");
            changed |= combo(ui, day.id, "fiscal-year-end-day", &mut end.day, &days);
        });
        ui.end_row();
        self.changed(changed);
    }

    /// The company's own non-GAAP measures, each with the GAAP measure it must follow.
    fn non_gaap_measures(&mut self, ui: &mut Ui, measures: &mut Vec<NonGaapMeasure>) {
        let mut remove = None;
        for (i, m) in measures.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                ui.label(format!("Non-GAAP measure {}", i + 1));
                if ui.small_button("Remove measure").clicked() {
                    remove = Some(i);
                }
            });
            grid(ui, &format!("non-gaap-{i}"), |ui| {
                self.text_hinted(
                    ui,
                    "Measure",
                    &mut m.measure,
                    "e.g. adjusted operating cash flow",
                );
                self.text_hinted(
                    ui,
                    "Comparable GAAP measure",
                    &mut m.gaap,
                    "e.g. net cash provided by operating activities",
                );
            });
        }
        if let Some(i) = remove {
            measures.remove(i);
            self.changed(true);
        }
        if ui
            .button("+ Non-GAAP measure")
            .on_hover_text(
                "A measure of the company's own, which the non-GAAP check then looks for",
            )
            .clicked()
        {
            measures.push(NonGaapMeasure::default());
            self.changed(true);
        }
    }

    fn contacts(&mut self, ui: &mut Ui) {
        if let Some(first) = self.draft.contacts.first() {
            self.current = FieldRef::Contact(first.id);
            grid(ui, "contacts-heading", |ui| {
                let mut heading = std::mem::take(&mut self.draft.contacts_heading);
                self.text_hinted(
                    ui,
                    "Heading above the contacts",
                    &mut heading,
                    "none (e.g. Contacts)",
                );
                self.draft.contacts_heading = heading;
            });
        }
        let mut contacts = std::mem::take(&mut self.draft.contacts);
        // What each contact's label would be left to its role, for the label field's hint.
        let derived = crate::core::render::role_labels(&contacts.iter().collect::<Vec<_>>());
        let n = contacts.len();
        let mut list = LazyList::begin(ui, "contacts", n, true, |_, _| 250.0);
        for (i, c) in contacts.iter_mut().enumerate() {
            let title = || format!("Contact {}", i + 1);
            let command = |i, m: Option<Move>| {
                m.map_or(Command::RemoveContact(i), |m| Command::MoveContact(i, m))
            };
            self.list_item(
                ui,
                &mut list,
                FieldRef::Contact(c.id),
                (i, n),
                title,
                command,
                |form, ui| {
                    grid(ui, "contact", |ui| {
                        // The printed label, when set, stands whatever the role says: it
                        // is in view just below, and says what the role would print.
                        form.text(ui, "Role label", &mut c.role);
                        form.printed_label(ui, c, &derived[i]);
                        form.text(ui, "Organisation", &mut c.organisation);
                        form.text(ui, "Name", &mut c.name);
                        form.text(ui, "Title", &mut c.title);
                        form.text(ui, "Phone", &mut c.phone);
                        form.text(ui, "Email", &mut c.email);
                    });
                },
            );
        }
        list.end(ui);
        self.draft.contacts = contacts;
        ui.horizontal(|ui| {
            if ui.button("+ Contact").clicked() {
                self.out.commands.push(Command::AddContact);
            }
            let l = ui.label("Print contacts");
            let placements = [
                ContactsPlacement::Top,
                ContactsPlacement::EndBeforeMark,
                ContactsPlacement::EndAfterMark,
            ]
            .map(|p| (p, placement_label(p)));
            let changed = combo(
                ui,
                l.id,
                "contacts-placement",
                &mut self.draft.contacts_placement,
                &placements,
            );
            self.changed(changed);
        });
    }

    fn headline(&mut self, ui: &mut Ui) {
        let mut headline = std::mem::take(&mut self.draft.headline);
        let mut sub = std::mem::take(&mut self.draft.subheadline);
        // A wire's header and note (EQS) are rare: shown when there are some, or asked for.
        let asked = Id::unique("wire-header-asked");
        let wire_lines = !self.draft.release.header.is_empty()
            || !self.draft.release.header_note.is_empty()
            || ui.data(|d| d.get_temp::<bool>(asked).unwrap_or(false));
        grid(ui, "headline", |ui| {
            // A wire's lines over the headline print with it; a jump lands on the headline.
            self.current = FieldRef::Headline;
            let mut header = std::mem::take(&mut self.draft.release.header);
            if wire_lines {
                self.multiline_hinted(
                    ui,
                    "Wire header",
                    &mut header,
                    1,
                    "none (EQS: the EQS-News line over the headline)",
                );
            }
            self.draft.release.header = header;
            self.arrive(FieldRef::Headline);
            self.multiline(ui, "Headline", &mut headline, 2);
            self.current = FieldRef::Headline;
            let mut note = std::mem::take(&mut self.draft.release.header_note);
            if wire_lines {
                self.multiline_hinted(
                    ui,
                    "Note under the headline",
                    &mut note,
                    1,
                    "none (EQS: date, time and the issuer's note)",
                );
            }
            self.draft.release.header_note = note;
            ui.label("Subheadline");
            let mut kind = match &sub {
                Subheadline::None => 0,
                Subheadline::Text(_) => 1,
                Subheadline::Bullets(_) => 2,
            };
            let before = kind;
            ui.horizontal(|ui| {
                ui.radio_value(&mut kind, 0, "None");
                ui.radio_value(&mut kind, 1, "Text");
                ui.radio_value(&mut kind, 2, "Bullet points");
            });
            ui.end_row();
            if kind != before {
                let items = crate::core::render::subheadline_items(&sub);
                sub = match kind {
                    1 => Subheadline::Text(items.join("\n")),
                    2 => Subheadline::Bullets(if items.is_empty() {
                        vec![String::new()]
                    } else {
                        items
                    }),
                    _ => Subheadline::None,
                };
                self.changed(true);
            }
            self.arrive(FieldRef::Subheadline);
            match &mut sub {
                Subheadline::Text(t) => {
                    self.multiline(ui, "Subheadline text", t, 1);
                }
                Subheadline::Bullets(items) => self.lines(ui, "Subheadline points", items),
                Subheadline::None => {}
            }
            self.focus_next = false; // no subheadline field to take it
        });
        self.draft.headline = headline;
        self.draft.subheadline = sub;
        let len = self.draft.headline.chars().count();
        ui.horizontal(|ui| {
            ui.weak(format!(
                "{len} characters (newswires suggest about {HEADLINE_SUGGESTED_CHARS})"
            ));
            if !wire_lines && ui.small_button("+ Wire header and note").clicked() {
                ui.data_mut(|d| d.insert_temp(asked, true));
            }
        });
    }

    fn dateline(&mut self, ui: &mut Ui) {
        self.arrive(FieldRef::Dateline);
        let mut d = std::mem::take(&mut self.draft.dateline);
        let before = d.clone();
        grid(ui, "dateline", |ui| {
            self.text(ui, "City", &mut d.city);
            self.text(ui, "State or country", &mut d.region);
            let l = ui.label("Date");
            ui.horizontal(|ui| {
                let mut has = d.date.is_some();
                if ui.checkbox(&mut has, "Dated").changed() {
                    d.date = has.then(|| chrono::Local::now().date_naive());
                    self.changed(true);
                }
                if let Some(date) = &mut d.date
                    && date_button(ui, l.id, date, "dateline-date").1
                {
                    self.changed(true);
                }
            });
            ui.end_row();
            let l = ui.label("Wire");
            if combo(
                ui,
                l.id,
                "wire",
                &mut d.wire,
                &[
                    (Wire::None, "None"),
                    (Wire::PrNewswire, "PR Newswire"),
                    (Wire::BusinessWire, "Business Wire"),
                    (Wire::GlobeNewswire, "GlobeNewswire"),
                ],
            ) {
                self.changed(true);
            }
            ui.end_row();
            let l = ui.label("Dateline style");
            if combo(
                ui,
                l.id,
                "dateline-style",
                &mut d.style,
                &[
                    (DatelineStyle::Auto, "As the export style"),
                    (DatelineStyle::Full, "City, ST, Month D, YYYY - -"),
                    (DatelineStyle::Ap, "CITY, Mon. D, YYYY /wire/ --"),
                    (DatelineStyle::CityDash, "CITY, State -- Month D, YYYY --"),
                ],
            ) {
                self.changed(true);
            }
            ui.end_row();
            // An imported release's wording stands until the dateline is edited (its
            // wording itself may be).
            let others_edited = Dateline {
                as_written: before.as_written.clone(),
                ..d.clone()
            } != before;
            if others_edited {
                d.as_written.clear();
            }
            // The checks read the place and date: keep them what the printed line says.
            if !d.as_written.is_empty()
                && self.as_written(ui, "Dateline as written", &mut d.as_written)
                && let Some(read) = import::read_dateline(&d.as_written)
            {
                d.city = read.city;
                d.region = read.region;
                d.date = read.date.or(d.date);
            }
        });
        self.draft.dateline = d;
    }

    fn body(&mut self, ui: &mut Ui) {
        let mut blocks = std::mem::take(&mut self.draft.body);
        let n = blocks.len();
        let mut list = LazyList::begin(ui, "blocks", n, true, |i, width| {
            block_height_estimate(&blocks[i].block, width)
        });
        for (i, b) in blocks.iter_mut().enumerate() {
            let kind = b.block.kind_name();
            let title = || format!("{}. {kind}", i + 1);
            let command = |i, m: Option<Move>| {
                m.map_or(Command::RemoveBlock(i), |m| Command::MoveBlock(i, m))
            };
            self.list_item(
                ui,
                &mut list,
                FieldRef::Body(b.id),
                (i, n),
                title,
                command,
                |form, ui| {
                    if let Block::Table(t) = &mut b.block {
                        form.table(ui, b.id, t);
                        return;
                    }
                    grid(ui, "block", |ui| match &mut b.block {
                        Block::Paragraph(t) => {
                            form.multiline(ui, "Text", t, 3);
                        }
                        Block::Quote(q) => {
                            form.multiline(ui, "Quote", &mut q.text, 3);
                            form.text(ui, "Speaker", &mut q.speaker);
                            form.text(ui, "Speaker's title", &mut q.title);
                            form.text(ui, "Verb", &mut q.verb);
                            ui.label("Attribution");
                            ui.horizontal(|ui| {
                                let a = ui.radio_value(
                                    &mut q.attribution,
                                    Attribution::After,
                                    "After the quote",
                                );
                                let b = ui.radio_value(
                                    &mut q.attribution,
                                    Attribution::Before,
                                    "Before the quote",
                                );
                                form.changed(a.changed() || b.changed());
                            });
                            ui.end_row();
                        }
                        Block::Bullets(items) => form.lines(ui, "Points", items),
                        Block::Heading(h) => {
                            form.text(ui, "Sub-heading", h);
                        }
                        Block::PageBreak => {
                            ui.weak("-more- and a new page here");
                            ui.end_row();
                        }
                        // Drawn by `table` above, outside this grid of labelled fields.
                        Block::Table(_) => {}
                    });
                },
            );
        }
        list.end(ui);
        self.draft.body = blocks;
        ui.horizontal_wrapped(|ui| {
            ui.label("Add:");
            for kind in BlockKind::ALL {
                if ui.button(format!("+ {}", kind.label())).clicked() {
                    self.out.commands.push(Command::AddBlock(kind));
                }
            }
        });
    }

    fn boilerplate(&mut self, ui: &mut Ui) {
        let mut abouts = std::mem::take(&mut self.draft.boilerplate);
        let n = abouts.len();
        let mut list = LazyList::begin(ui, "abouts", n, true, |i, width| {
            text_height_estimate(abouts[i].text.len(), 3, width) + 50.0
        });
        for (i, a) in abouts.iter_mut().enumerate() {
            let title = || format!("About section {}", i + 1);
            let command = |i, m: Option<Move>| {
                m.map_or(Command::RemoveAbout(i), |m| Command::MoveAbout(i, m))
            };
            self.list_item(
                ui,
                &mut list,
                FieldRef::About(a.id),
                (i, n),
                title,
                command,
                |form, ui| {
                    grid(ui, "about", |ui| {
                        form.text(ui, "Heading", &mut a.heading);
                        form.multiline(ui, "About text", &mut a.text, 3);
                    });
                },
            );
        }
        list.end(ui);
        self.draft.boilerplate = abouts;
        if ui.button("+ About section").clicked() {
            self.out.commands.push(Command::AddAbout);
        }
    }

    fn safe_harbor(&mut self, ui: &mut Ui) {
        self.arrive(FieldRef::SafeHarbor);
        let mut sh = std::mem::take(&mut self.draft.safe_harbor);
        grid(ui, "safe-harbor", |ui| {
            self.text(ui, "Safe harbor heading", &mut sh.heading);
            self.multiline(ui, "Safe harbor text", &mut sh.text, 4);
            ui.label("");
            let r = ui.checkbox(&mut sh.page_break_before, "Start on a new page");
            self.note(&r);
            ui.end_row();
        });
        self.draft.safe_harbor = sh;
        if ui.button("Insert standard safe harbor").clicked() {
            self.out
                .commands
                .push(Command::InsertSafeHarbor(SafeHarborSource::Library(
                    crate::core::safe_harbor::Form::Long,
                )));
        }
    }

    fn export(&mut self, ui: &mut Ui) {
        self.arrive(FieldRef::EndMark);
        let (mut mark_changed, mut changed) = (false, false);
        grid(ui, "export", |ui| {
            let l = ui.label("End mark");
            let marks: Vec<(EndMark, &str)> = EndMark::ALL
                .iter()
                .map(|m| {
                    (
                        *m,
                        if *m == EndMark::None {
                            "(none)"
                        } else {
                            m.text()
                        },
                    )
                })
                .collect();
            let r = combo_response(ui, l.id, "end-mark", &mut self.draft.end_mark, &marks);
            if std::mem::take(&mut self.focus_next) {
                r.request_focus();
                self.scroll_to = Some(r.rect);
            }
            mark_changed = r.changed();
            ui.end_row();
            // The closing line prints after everything else, so it sits with the end mark.
            let mut trailer = std::mem::take(&mut self.draft.release.trailer);
            let r = self.multiline_hinted(
                ui,
                "Closing line",
                &mut trailer,
                1,
                "After everything else, as written (e.g. SOURCE: Acme Corp.)",
            );
            mark_changed |= r.changed();
            self.draft.release.trailer = trailer;
            let e = &mut self.draft.export;
            let l = ui.label("Width (columns)");
            changed |= ui
                .add(egui::DragValue::new(&mut e.width).range(WIDTH_RANGE))
                .labelled_by(l.id)
                .changed();
            ui.end_row();
            let l = ui.label("Sentence spacing");
            changed |= combo(
                ui,
                l.id,
                "sentence-spacing",
                &mut e.sentence_spacing,
                &[
                    (SentenceSpacing::AsTyped, "As typed"),
                    (SentenceSpacing::One, "One space"),
                    (SentenceSpacing::Two, "Two spaces"),
                ],
            );
            ui.end_row();
            let l = ui.label("Paragraph indent");
            changed |= ui
                .add(egui::DragValue::new(&mut e.paragraph_indent).range(0..=20))
                .labelled_by(l.id)
                .on_hover_text(
                    "Columns of first-line indent, where paragraphs are indented (EDGAR does;                      see Layout choices)",
                )
                .changed();
            ui.end_row();
            let l = ui.label("Page length (lines)");
            changed |= ui
                .add(egui::DragValue::new(&mut e.page_length).range(PAGE_LENGTH_RANGE))
                .labelled_by(l.id)
                .changed();
            ui.end_row();
        });
        ui.weak("The style is chosen above the preview.");
        self.changed(mark_changed);
        self.current = FieldRef::Export;
        self.changed(changed);
        egui::CollapsingHeader::new("Layout choices")
            .id_salt("layout-choices")
            .show(ui, |ui| self.layout(ui));
    }

    /// The layout choices an imported release records (and a user may make): each left to
    /// the export style, or set on or off.
    fn layout(&mut self, ui: &mut Ui) {
        let style = crate::core::render::style_layout(self.draft.export.style);
        let mut changed = false;
        grid(ui, "layout", |ui| {
            for choice in Layout::CHOICES {
                let l = ui.label(choice.name);
                let styles = (choice.field)(&mut style.clone())
                    .map_or(choice.unset, |on| if on { "on" } else { "off" });
                let as_style = format!("As the style ({styles})");
                let value = (choice.field)(&mut self.draft.export.layout);
                changed |= combo(
                    ui,
                    l.id,
                    choice.name,
                    value,
                    &[
                        (None, as_style.as_str()),
                        (Some(true), "On"),
                        (Some(false), "Off"),
                    ],
                );
                ui.end_row();
            }
            for measure in Layout::MEASURES {
                let l = ui.label(measure.name);
                let value = (measure.field)(&mut self.draft.export.layout);
                ui.horizontal(|ui| {
                    let mut set = value.is_some();
                    let as_style = format!("As the style ({})", measure.unset);
                    if ui.checkbox(&mut set, "Set").labelled_by(l.id).changed() {
                        *value = set.then_some(value.unwrap_or(measure.start));
                        changed = true;
                    }
                    match value {
                        Some(n) => {
                            changed |= ui
                                .add(egui::DragValue::new(n).range(0..=200))
                                .labelled_by(l.id)
                                .changed();
                        }
                        None => {
                            ui.weak(as_style);
                        }
                    }
                });
                ui.end_row();
            }
        });
        self.changed(changed);
    }
}

/// A collapsible section; `force` opens it and brings it into view (a jump target is in it).
fn section(ui: &mut Ui, title: &str, open: bool, force: bool, body: impl FnOnce(&mut Ui)) {
    let r = egui::CollapsingHeader::new(title)
        .default_open(open)
        .open(force.then_some(true))
        .show(ui, body);
    if force {
        r.header_response.scroll_to_me(None);
    }
}

/// Roughly how tall a block's fields are, before it has been drawn once.
fn block_height_estimate(block: &Block, width: f32) -> f32 {
    const HEADER: f32 = 30.0;
    const ROW: f32 = 24.0;
    HEADER
        + match block {
            Block::Paragraph(t) => text_height_estimate(t.len(), 3, width),
            Block::Quote(q) => text_height_estimate(q.text.len(), 3, width) + 4.0 * ROW,
            Block::Bullets(items) => {
                text_height_estimate(items.iter().map(|i| i.len() + 40).sum(), 3, width)
            }
            Block::Heading(_) | Block::PageBreak => ROW,
            Block::Table(t) => (t.rows.len() + t.title.len() + 3) as f32 * ROW,
        }
}

/// A multi-line field's height: about 7 points a character, in a column less its label.
fn text_height_estimate(bytes: usize, min_rows: usize, width: f32) -> f32 {
    let per_row = ((width - 130.0) / 7.0).max(10.0) as usize;
    bytes.div_ceil(per_row).max(min_rows) as f32 * 17.0 + 10.0
}

fn grid(ui: &mut Ui, id: &str, body: impl FnOnce(&mut Ui)) {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([8.0, 4.0])
        .min_col_width(110.0)
        .show(ui, body);
}

/// A list item's title with Up, Down and Remove buttons.
fn item_header(
    ui: &mut Ui,
    title: &str,
    i: usize,
    n: usize,
    commands: &mut Vec<Command>,
    make: impl Fn(usize, Option<Move>) -> Command,
) {
    ui.horizontal(|ui| {
        ui.strong(title);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button("Remove")
                .on_hover_text(format!("Remove {title}"))
                .clicked()
            {
                commands.push(make(i, None));
            }
            if ui
                .add_enabled(i + 1 < n, egui::Button::new("Down").small())
                .on_hover_text("Move down")
                .clicked()
            {
                commands.push(make(i, Some(Move::Down)));
            }
            if ui
                .add_enabled(i > 0, egui::Button::new("Up").small())
                .on_hover_text("Move up")
                .clicked()
            {
                commands.push(make(i, Some(Move::Up)));
            }
        });
    });
}

/// A combo box named (for screen readers and tests) by the label beside it.
fn combo<T: PartialEq + Copy>(
    ui: &mut Ui,
    label: Id,
    id: &str,
    value: &mut T,
    options: &[(T, &str)],
) -> bool {
    combo_response(ui, label, id, value, options).changed()
}

/// [`combo`], with its response (marked changed when the value changed), for a combo that
/// can take the focus when a check points at it.
fn combo_response<T: PartialEq + Copy>(
    ui: &mut Ui,
    label: Id,
    id: &str,
    value: &mut T,
    options: &[(T, &str)],
) -> Response {
    let before = *value;
    let current = options
        .iter()
        .find(|(v, _)| v == value)
        .map_or("", |(_, l)| *l);
    let mut r = egui::ComboBox::from_id_salt(id)
        .selected_text(current)
        // Tall enough for twelve months or a dozen zones without a scroll bar.
        .height(400.0)
        .show_ui(ui, |ui| {
            for (v, text) in options {
                ui.selectable_value(value, *v, *text);
            }
        })
        .response
        .labelled_by(label);
    if *value != before {
        r.mark_changed();
    }
    r
}

/// egui_extras' date picker, for the chrono dates drafts hold: its response, and whether
/// a new date was picked.
fn date_button(
    ui: &mut Ui,
    label: Id,
    date: &mut NaiveDate,
    id: &'static str,
) -> (Option<Response>, bool) {
    let Ok(mut picked) =
        jiff::civil::Date::new(date.year() as i16, date.month() as i8, date.day() as i8)
    else {
        ui.label(date.to_string()); // outside the picker's years: shown, not editable here
        return (None, false);
    };
    let r = ui
        .add(
            egui_extras::DatePickerButton::new(&mut picked)
                .id_salt(id)
                .show_icon(false)
                .format("%B %-d, %Y"),
        )
        .labelled_by(label);
    let new = NaiveDate::from_ymd_opt(
        picked.year().into(),
        picked.month() as u32,
        picked.day() as u32,
    );
    let changed = match new {
        Some(n) if r.changed() && n != *date => {
            *date = n;
            true
        }
        _ => false,
    };
    (Some(r), changed)
}

fn placement_label(p: ContactsPlacement) -> &'static str {
    match p {
        ContactsPlacement::Top => "at the top",
        ContactsPlacement::EndBeforeMark => "at the end, before the end mark",
        ContactsPlacement::EndAfterMark => "after the end mark",
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TimingKind {
    Immediate,
    Embargoed,
    ReleaseOn,
}

impl TimingKind {
    const ALL: [TimingKind; 3] = [
        TimingKind::Immediate,
        TimingKind::Embargoed,
        TimingKind::ReleaseOn,
    ];

    fn label(self) -> &'static str {
        match self {
            TimingKind::Immediate => "For immediate release",
            TimingKind::Embargoed => "Embargoed until",
            TimingKind::ReleaseOn => "For release on",
        }
    }

    /// The new timing keeps whatever date the old one had.
    fn convert(self, old: &Timing) -> Timing {
        let date = match old {
            Timing::Immediate => chrono::Local::now().date_naive(),
            Timing::Embargoed { date, .. } | Timing::ReleaseOn(date) => *date,
        };
        match self {
            TimingKind::Immediate => Timing::Immediate,
            TimingKind::ReleaseOn => Timing::ReleaseOn(date),
            TimingKind::Embargoed => Timing::Embargoed {
                date,
                time: NaiveTime::from_hms_opt(8, 0, 0).expect("valid time"),
                zone: Some(chrono_tz::America::New_York),
            },
        }
    }
}

fn timing_kind(t: &Timing) -> TimingKind {
    match t {
        Timing::Immediate => TimingKind::Immediate,
        Timing::Embargoed { .. } => TimingKind::Embargoed,
        Timing::ReleaseOn(_) => TimingKind::ReleaseOn,
    }
}
