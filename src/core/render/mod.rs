//! Rendering a draft to formatted text. One layout engine serves every style; a
//! style is a set of [`Rules`], so EDGAR and newswire cannot drift apart by accident.

pub mod dateline;
pub mod text;

use crate::core::release::{self, Part};

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveTime, TimeZone};

use crate::core::draft::{
    Attribution, Block, Contact, DatelineStyle, Draft, FieldRef, ItemId, Layout, Quote, SafeHarbor,
    Style, Subheadline, Timing, WIDTH_RANGE,
};
use crate::core::table::{self, Table, TableText, TooWide};
use text::{balanced_lines, centre, letter_spaced, paragraphs, space_sentences, wrap};

/// What an export wrote, and what it could not write faithfully.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rendered {
    pub text: String,
    pub unprintable: Vec<Unprintable>,
    /// The line where each field's text begins, in the order they appear.
    pub fields: Vec<(FieldRef, usize)>,
    /// Each page break: the line of its `-more-` mark and why it is there.
    pub page_breaks: Vec<(usize, BreakCause)>,
    /// The lines each table (or part of a table, when a page break splits it) stands on:
    /// table lines may be wider than the prose (EDGAR allows 132 columns).
    pub tables: Vec<(FieldRef, Range<usize>)>,
    /// Tables the style cannot print (wider than EDGAR's 132 columns even with labels
    /// wrapped): the text says so in their place, and an export refuses.
    pub too_wide: Vec<(FieldRef, TooWide)>,
}

/// Why a page break stands where it does, for the preview to say beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BreakCause {
    /// The page was full: the draft's page length (lines a page).
    PageLength(usize),
    /// The author asked for one: a page-break block, or "start on a new page".
    Explicit(FieldRef),
}

impl BreakCause {
    /// What the preview says beside the mark, and where to change it.
    pub fn explain(self, draft: &Draft) -> String {
        match self {
            BreakCause::PageLength(n) => format!(
                "page full at {n} lines (End mark and export > Page length; 0 turns it off)"
            ),
            BreakCause::Explicit(FieldRef::SafeHarbor) => {
                "page break asked for (Safe harbor > Start on a new page)".into()
            }
            BreakCause::Explicit(f) => {
                format!("page break asked for ({})", draft.field_label(f))
            }
        }
    }
}

impl Rendered {
    /// The line where a field's text begins, if it printed any.
    pub fn first_line_of(&self, field: FieldRef) -> Option<usize> {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, line)| *line)
    }
}

/// A character the style cannot print (EDGAR is ASCII); it was written as `?`.
#[derive(Clone, Debug, PartialEq)]
pub struct Unprintable {
    pub ch: char,
    pub field: FieldRef,
}

impl Unprintable {
    /// One line for a person: the field (as `draft` now names it) and the character.
    pub fn describe(&self, draft: &Draft) -> String {
        format!(
            "{}: character '{}' (U+{:04X}) has no ASCII form; written as '?'",
            draft.field_label(self.field),
            self.ch,
            self.ch as u32
        )
    }
}

/// EDGAR's rule for plain-text documents.
pub const EDGAR_MAX_WIDTH: usize = 80;
/// Centred blocks stay narrow enough to read as centred.
const HEADLINE_MAX: usize = 64;

struct Rules {
    contacts_spaced: bool,
    contact_labels: bool,
    ascii: bool,
    letter_spaced_title: bool,
    timing_caps: bool,
    hanging_contacts: bool,
    centred_headline: bool,
    centred_headings: bool,
    paragraph_indent: bool,
    auto_pages: bool,
    page_tag: bool,
    headline_gap: usize,
    dateline: DatelineStyle,
    max_width: usize,
}

impl Rules {
    /// The style's rules with the draft's own layout choices laid over them.
    fn for_draft(draft: &Draft, style: Style) -> Rules {
        let mut r = Rules::of(style);
        let l = draft.export.layout;
        let set = |field: &mut bool, v: Option<bool>| {
            if let Some(v) = v {
                *field = v;
            }
        };
        set(&mut r.letter_spaced_title, l.title_spaced);
        set(&mut r.centred_headline, l.headline_centred);
        set(&mut r.centred_headings, l.headings_centred);
        set(&mut r.hanging_contacts, l.contacts_hanging);
        set(&mut r.contacts_spaced, l.contacts_spaced);
        set(&mut r.contact_labels, l.contact_labels);
        set(&mut r.paragraph_indent, l.indent_paragraphs);
        set(&mut r.page_tag, l.page_tag);
        r
    }

    fn of(style: Style) -> Rules {
        match style {
            Style::Edgar => Rules {
                contacts_spaced: true,
                contact_labels: true,
                ascii: true,
                letter_spaced_title: true,
                timing_caps: false,
                hanging_contacts: true,
                centred_headline: true,
                centred_headings: true,
                paragraph_indent: true,
                auto_pages: true,
                page_tag: true,
                headline_gap: 2,
                dateline: DatelineStyle::Full,
                max_width: EDGAR_MAX_WIDTH,
            },
            Style::Newswire => Rules {
                contacts_spaced: true,
                contact_labels: true,
                ascii: false,
                letter_spaced_title: false,
                timing_caps: true,
                hanging_contacts: false,
                centred_headline: false,
                centred_headings: false,
                paragraph_indent: false,
                auto_pages: false,
                page_tag: false,
                headline_gap: 1,
                dateline: DatelineStyle::Ap,
                max_width: *WIDTH_RANGE.end(),
            },
        }
    }
}

/// A style's own layout, every choice set: what an imported release's layout is compared
/// with, so that only where it differs is recorded.
pub fn style_layout(style: Style) -> Layout {
    let r = Rules::of(style);
    Layout {
        title_spaced: Some(r.letter_spaced_title),
        headline_centred: Some(r.centred_headline),
        headings_centred: Some(r.centred_headings),
        contacts_hanging: Some(r.hanging_contacts),
        contacts_spaced: Some(r.contacts_spaced),
        contact_labels: Some(r.contact_labels),
        indent_paragraphs: Some(r.paragraph_indent),
        page_tag: Some(r.page_tag),
        ..Layout::default()
    }
}

/// The dateline form a style writes when the draft leaves it to the style.
pub fn style_dateline(style: Style) -> DatelineStyle {
    Rules::of(style).dateline
}

/// Renders the draft in its own export style.
pub fn render(draft: &Draft) -> Rendered {
    render_as(draft, draft.export.style)
}

/// The wrap column a style uses for this draft: the draft's width within the style's limits.
pub fn effective_width(draft: &Draft, style: Style) -> usize {
    draft
        .export
        .width
        .clamp(*WIDTH_RANGE.start(), Rules::of(style).max_width)
}

/// Renders the draft in the given style; every export calls this.
pub fn render_as(draft: &Draft, style: Style) -> Rendered {
    render_with(draft, style, None)
}

/// Renders as [`render_as`] does, reusing the prose wrapped by the last render through the
/// same cache: the live preview re-wraps only the paragraphs a keystroke changed.
pub fn render_cached(draft: &Draft, style: Style, cache: &mut RenderCache) -> Rendered {
    let rendered = render_with(draft, style, Some(cache));
    cache.end_render();
    rendered
}

fn render_with(draft: &Draft, style: Style, cache: Option<&mut RenderCache>) -> Rendered {
    let rules = Rules::for_draft(draft, style);
    let width = effective_width(draft, style);
    let mut w = Writer {
        draft,
        style,
        width,
        rules,
        pieces: Vec::new(),
        too_wide: Vec::new(),
        unprintable: Vec::new(),
        cache,
        field: FieldRef::Exhibit,
    };
    w.release();
    w.finish()
}

/// Wrapped prose from recent renders, keyed by its text and everything that shapes it.
/// What one render did not use is dropped after the next, so the cache stays the size
/// of one release.
#[derive(Default)]
pub struct RenderCache {
    used: HashMap<u64, Arc<WrappedProse>>,
    previous: HashMap<u64, Arc<WrappedProse>>,
    tables: HashMap<u64, Arc<TableText>>,
    previous_tables: HashMap<u64, Arc<TableText>>,
}

impl RenderCache {
    fn table(&mut self, key: u64) -> Option<Arc<TableText>> {
        let hit = self
            .tables
            .get(&key)
            .or_else(|| self.previous_tables.get(&key))
            .cloned()?;
        self.tables.insert(key, hit.clone());
        Some(hit)
    }

    fn get(&mut self, key: u64) -> Option<Arc<WrappedProse>> {
        let hit = self
            .used
            .get(&key)
            .or_else(|| self.previous.get(&key))
            .cloned()?;
        self.used.insert(key, hit.clone());
        Some(hit)
    }

    fn end_render(&mut self) {
        self.previous = std::mem::take(&mut self.used);
        self.previous_tables = std::mem::take(&mut self.tables);
    }
}

/// One field's prose, laid out: a run of lines per paragraph, and the characters the
/// style could not print.
struct WrappedProse {
    paragraphs: Vec<Arc<Vec<String>>>,
    missing: Vec<char>,
}

/// A run of lines laid out together, `gap` blank lines after whatever came before.
struct Chunk {
    lines: Arc<Vec<String>>,
    field: FieldRef,
    gap: usize,
    keep_with_next: bool,
}

enum Piece<'a> {
    Chunk(Chunk),
    /// A break the author asked for, and the field that asked.
    PageBreak(FieldRef),
    /// A table laid out whole; the paginator moves it to the next page, or splits it at a
    /// row with its headings repeated, rather than let a page break fall inside a row.
    Table {
        field: FieldRef,
        table: &'a Table,
        text: Arc<TableText>,
    },
}

impl Piece<'_> {
    /// Lines the piece takes; for a table longer than a page, only what must stay together
    /// with a heading before it (its headings and first row).
    fn size(&self, page_length: usize, tag: usize) -> usize {
        match self {
            Piece::Chunk(c) => c.lines.len(),
            Piece::PageBreak(_) => 0,
            Piece::Table { text, .. } => {
                let all = text.lines.len();
                if page_length == 0 || all + tag + 2 <= page_length {
                    all
                } else {
                    let first_row = match text.row_lines.as_slice() {
                        [a, b, ..] => b - a,
                        _ => 1,
                    };
                    (text.heading_lines + first_row).min(all)
                }
            }
        }
    }
}

struct Writer<'a> {
    draft: &'a Draft,
    style: Style,
    width: usize,
    rules: Rules,
    pieces: Vec<Piece<'a>>,
    too_wide: Vec<(FieldRef, TooWide)>,
    unprintable: Vec<Unprintable>,
    cache: Option<&'a mut RenderCache>,
    /// The field the chunks being written come from.
    field: FieldRef,
}

impl<'a> Writer<'a> {
    /// The width centred lines are centred over: the prose width, or the one an imported
    /// exhibit centred at (older exhibits centre over a wider line than they wrap at).
    fn centre_width(&self) -> usize {
        self.draft
            .export
            .layout
            .centre_width
            .map_or(self.width, |w| {
                usize::from(w).clamp(self.width, self.rules.max_width)
            })
    }

    /// Writes the release's parts in reading order.
    fn release(&mut self) {
        let d = self.draft;
        // Blank lines before the next part: two after a logo, and the headline's own gap
        // once the headline and subheadline are written.
        let mut gap = 1;
        let mut after_headline = false;
        for part in release::parts(d) {
            if after_headline && !matches!(part, Part::Subheadline(_)) {
                self.set_gap_after(self.rules.headline_gap);
                after_headline = false;
            }
            self.field = part.field();
            match part {
                Part::Exhibit(label) => {
                    let line = self.one_line(label, FieldRef::Exhibit);
                    let mut lines = wrap(&line, self.width, "", "");
                    if d.export.layout.exhibit_right == Some(true) {
                        lines = lines.iter().map(|l| right_align(l, self.width)).collect();
                    }
                    self.push(lines, 1);
                }
                Part::Logo(_) => {
                    self.push(vec!["[LOGO]".into()], 1);
                    gap = 2;
                }
                Part::Title(title) => {
                    if self.letterhead(gap) {
                        gap = 1;
                    }
                    if self.title(title, gap) {
                        gap = 1;
                    }
                }
                Part::Timing(_) => {
                    let line = timing_text(&d.release, self.rules.timing_caps);
                    let line = self.one_line(&line, FieldRef::Timing);
                    self.push(wrap(&line, self.width, "", ""), gap);
                }
                Part::Contacts(contacts) => self.contacts(contacts),
                Part::Headline(headline) => {
                    self.headline(headline);
                    after_headline = true;
                }
                Part::Subheadline(sub) => self.subheadline(sub),
                Part::Dateline(dateline) => {
                    let lead = dateline::dateline_lead(dateline, self.rules.dateline);
                    if !lead.is_empty() {
                        self.prose(
                            lead.trim_end(),
                            FieldRef::Dateline,
                            self.rules.paragraph_indent,
                        );
                    }
                }
                Part::Block {
                    id,
                    block,
                    dateline,
                } => {
                    let lead = dateline
                        .map(|dl| dateline::dateline_lead(dl, self.rules.dateline))
                        .filter(|l| !l.is_empty());
                    self.block(FieldRef::Body(id), block, lead);
                }
                Part::About { about, heading } => {
                    let field = FieldRef::About(about.id);
                    self.heading(&heading, field);
                    let indented =
                        (d.export.layout.indent_about).unwrap_or(self.rules.paragraph_indent);
                    self.prose(&about.text, field, indented);
                }
                Part::SafeHarbor(sh) => self.safe_harbor(sh),
                Part::EndMark(mark) => {
                    let line = if self.draft.export.layout.end_mark_centred == Some(false) {
                        mark.text().to_string()
                    } else {
                        centre(mark.text(), self.centre_width())
                    };
                    self.push(vec![line], 1)
                }
                Part::Trailer(trailer) => {
                    // Block by block, each line as written where it fits.
                    for block in trailer.split("\n\n") {
                        let lines: Vec<String> = trailer_lines(block, self.width)
                            .iter()
                            .map(|l| self.convert(l, FieldRef::EndMark))
                            .collect();
                        if !lines.is_empty() {
                            self.push(lines, 1);
                        }
                    }
                }
            }
        }
    }

    /// The letterhead (company name and address, centred) above the title, as older
    /// exhibits print it; true when there is one.
    fn letterhead(&mut self, gap: usize) -> bool {
        let mut lines = Vec::new();
        let width = self.centre_width();
        for l in text::lines(&self.draft.release.letterhead) {
            let l = self.one_line(&l, FieldRef::Title);
            // Each line as written; one too long for the page is broken, balanced.
            lines.extend(balanced_lines(&l, width).iter().map(|l| centre(l, width)));
        }
        if lines.is_empty() {
            return false;
        }
        self.push(lines, gap);
        true
    }

    /// The title line, if the style prints one; true when it did.
    fn title(&mut self, title: &str, gap: usize) -> bool {
        let show =
            self.rules.letter_spaced_title || self.draft.export.layout.title_spaced == Some(false);
        if !show || title.trim().is_empty() {
            return false;
        }
        let title = self.one_line(title, FieldRef::Title);
        let spaced = if self.rules.letter_spaced_title {
            letter_spaced(&title)
        } else {
            title.clone()
        };
        // A title too long to letter-space within the width is centred plain.
        let lines = if text::width(&spaced) <= self.width {
            vec![spaced]
        } else {
            balanced_lines(&title, self.width)
        };
        let lines = lines
            .iter()
            .map(|l| centre(l, self.centre_width()))
            .collect();
        self.push(lines, gap);
        true
    }

    fn contacts(&mut self, all: &[Contact]) {
        let contacts: Vec<(ItemId, &Contact)> = all
            .iter()
            .map(|c| (c.id, c))
            .filter(|(_, c)| !contact_lines(c, true).is_empty())
            .collect();
        if contacts.is_empty() {
            return;
        }
        self.field = FieldRef::Contact(contacts[0].0);
        let heading = text::one_paragraph(&self.draft.contacts_heading);
        if !heading.is_empty() {
            let heading = self.one_line(&heading, self.field);
            let lines = wrap(&heading, self.width, "", "");
            self.push_kept(lines, 1);
        }
        let shown: Vec<&Contact> = contacts.iter().map(|(_, c)| *c).collect();
        let labels = contact_labels(&shown);
        if self.rules.hanging_contacts {
            let labels: Vec<String> = labels
                .iter()
                .map(|l| self.one_line(l, FieldRef::Contact(contacts[0].0)))
                .collect();
            // The hanging indent fits the longest label, within reason: a label longer
            // than a third of the line goes on a line of its own.
            let longest = labels.iter().map(|l| text::width(l)).max().unwrap_or(0);
            let hang = (longest + 2).clamp(10, (self.width / 3).max(10));
            let indent = " ".repeat(hang);
            let mut lines = Vec::new();
            for ((i, c), label) in contacts.iter().zip(&labels) {
                if !lines.is_empty() && self.rules.contacts_spaced {
                    lines.push(String::new());
                }
                let own_line = text::width(label) + 2 > hang;
                if own_line {
                    lines.extend(wrap(label, self.width, "", ""));
                }
                for (k, item) in contact_lines(c, self.rules.contact_labels)
                    .iter()
                    .enumerate()
                {
                    let item = self.one_line(item, FieldRef::Contact(*i));
                    let first = if k == 0 && !own_line {
                        format!("{label:<hang$}")
                    } else {
                        indent.clone()
                    };
                    lines.extend(wrap(&item, self.width, &first, &indent));
                }
            }
            self.push(lines, 1);
        } else if let Some(n) = self.draft.export.layout.contacts_indent.filter(|n| *n > 0) {
            // Older exhibits: the label, then each item on a line of its own, indented.
            let indent = " ".repeat(usize::from(n).min(self.width / 2));
            let mut lines = Vec::new();
            for ((i, c), label) in contacts.iter().zip(&labels) {
                if !lines.is_empty() && self.rules.contacts_spaced {
                    lines.push(String::new());
                }
                if !label.is_empty() {
                    let label = self.one_line(label, FieldRef::Contact(*i));
                    lines.extend(wrap(&label, self.width, "", ""));
                }
                for item in contact_items(c, self.rules.contact_labels) {
                    let item = self.one_line(&item, FieldRef::Contact(*i));
                    lines.extend(wrap(&item, self.width, &indent, &indent));
                }
            }
            self.push(lines, 1);
        } else {
            let mut together = Vec::new();
            for ((i, c), label) in contacts.iter().zip(&labels) {
                self.field = FieldRef::Contact(*i);
                let mut lines = Vec::new();
                if !label.is_empty() {
                    let label = self.one_line(label, FieldRef::Contact(*i));
                    lines.extend(wrap(&label, self.width, "", ""));
                }
                for item in contact_lines(c, self.rules.contact_labels) {
                    let item = self.one_line(&item, FieldRef::Contact(*i));
                    lines.extend(wrap(&item, self.width, "", ""));
                }
                if self.rules.contacts_spaced {
                    self.push(lines, 1);
                } else {
                    together.extend(lines);
                }
            }
            if !together.is_empty() {
                self.push(together, 1);
            }
        }
    }

    /// The widest a centred headline line may be.
    fn headline_max(&self) -> usize {
        HEADLINE_MAX.min(self.width.saturating_sub(16)).max(20)
    }

    fn headline(&mut self, headline: &str) {
        let max = self.headline_max();
        // A wire's header stands right over the headline, as written.
        let mut lines: Vec<String> =
            lines_as_written(&self.draft.release.header, self.width, HEADER_HANG)
                .iter()
                .map(|l| self.convert(l, FieldRef::Headline))
                .collect();
        for line in text::lines(headline) {
            let line = self.one_line(&line, FieldRef::Headline);
            if self.rules.centred_headline {
                let upper = if self.draft.export.layout.headline_caps == Some(false) {
                    line
                } else {
                    line.to_uppercase()
                };
                lines.extend(
                    balanced_lines(&upper, max)
                        .iter()
                        .map(|l| centre(l, self.centre_width())),
                );
            } else {
                lines.extend(wrap(&line, self.width, "", ""));
            }
        }
        if !lines.is_empty() {
            self.push(lines, 1);
        }
        let note: Vec<String> = trailer_lines(&self.draft.release.header_note, self.width)
            .iter()
            .map(|l| self.convert(l, FieldRef::Headline))
            .collect();
        if !note.is_empty() {
            self.push(note, 1);
        }
    }

    fn subheadline(&mut self, sub: &Subheadline) {
        match sub {
            // Each paragraph of a subheadline is a block of its own (a result line, then
            // the call's time).
            Subheadline::Text(t) => {
                for p in paragraphs(t) {
                    let p = self.one_line(&p, FieldRef::Subheadline);
                    let lines = if self.rules.centred_headline {
                        let max = self.headline_max();
                        balanced_lines(&p, max)
                            .iter()
                            .map(|l| centre(l, self.centre_width()))
                            .collect()
                    } else {
                        wrap(&p, self.width, "", "")
                    };
                    self.push(lines, 1);
                }
            }
            Subheadline::Bullets(items) => {
                let lines = self.bullets(items, FieldRef::Subheadline);
                self.push(lines, 1);
            }
            Subheadline::None => {}
        }
    }

    /// A body block; `lead_here` is the dateline that opens it.
    fn block(&mut self, field: FieldRef, block: &'a Block, lead_here: Option<String>) {
        match block {
            Block::Paragraph(t) => {
                let t = match lead_here {
                    Some(l) => format!("{l}{}", t.trim_start()),
                    None => t.clone(),
                };
                self.prose(&t, field, self.rules.paragraph_indent);
            }
            Block::Quote(q) => {
                for (k, p) in quote_paragraphs(q).into_iter().enumerate() {
                    let p = match (&lead_here, k) {
                        (Some(l), 0) => format!("{l}{p}"),
                        _ => p,
                    };
                    self.prose(&p, field, self.rules.paragraph_indent);
                }
            }
            Block::Bullets(items) => {
                let lines = self.bullets(items, field);
                if !lines.is_empty() {
                    self.push(lines, 1);
                }
            }
            // Centred, a heading keeps its line breaks (a title block over a table).
            Block::Heading(h) if self.draft.export.layout.body_headings_centred == Some(true) => {
                let max = HEADLINE_MAX.min(self.width);
                let mut lines = Vec::new();
                for line in text::lines(h) {
                    let line = self.one_line(&line, field);
                    lines.extend(
                        balanced_lines(&line, max)
                            .iter()
                            .map(|l| centre(l, self.centre_width())),
                    );
                }
                if !lines.is_empty() {
                    self.push_kept(lines, 1);
                }
            }
            Block::Heading(h) => {
                let h = self.one_line(&text::one_paragraph(h), field);
                if !h.is_empty() {
                    let lines = wrap(&h, self.width, "", "");
                    self.push_kept(lines, 1);
                }
            }
            Block::PageBreak => self.pieces.push(Piece::PageBreak(field)),
            Block::Table(t) => self.table(field, t),
        }
    }

    /// A table, laid out by the table module for the style (through the cache when the
    /// preview renders: a keystroke elsewhere does not lay twenty tables out again).
    fn table(&mut self, field: FieldRef, t: &'a Table) {
        self.field = field;
        let key = self.cache.is_some().then(|| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (t, self.style as u8, self.width).hash(&mut h);
            h.finish()
        });
        let hit = key.and_then(|k| self.cache.as_deref_mut()?.table(k));
        let text = match hit {
            Some(text) => text,
            None => match table::layout(t, self.style, self.width) {
                Ok(text) => {
                    let text = Arc::new(text);
                    if let (Some(k), Some(cache)) = (key, self.cache.as_deref_mut()) {
                        cache.tables.insert(k, text.clone());
                    }
                    text
                }
                Err(e) => {
                    self.too_wide.push((field, e));
                    let note = format!("[TABLE NOT PRINTED: {e}]");
                    self.push(wrap(&note, self.width, "", ""), 1);
                    return;
                }
            },
        };
        for &ch in &text.unprintable {
            self.note_unprintable(ch, field);
        }
        if !text.lines.is_empty() {
            self.pieces.push(Piece::Table {
                field,
                table: t,
                text,
            });
        }
    }

    fn safe_harbor(&mut self, sh: &SafeHarbor) {
        if sh.page_break_before {
            self.pieces.push(Piece::PageBreak(FieldRef::SafeHarbor));
        }
        if !sh.heading.trim().is_empty() {
            self.heading(&sh.heading, FieldRef::SafeHarbor);
        }
        // The safe harbor is set flush unless the draft indents it (its own choice, apart
        // from the body's, as sources differ).
        let indent = self.draft.export.layout.indent_safe_harbor == Some(true);
        self.prose(&sh.text, FieldRef::SafeHarbor, indent);
    }

    fn heading(&mut self, heading: &str, field: FieldRef) {
        self.field = field;
        let h = self.one_line(&text::one_paragraph(heading), field);
        let lines = if self.rules.centred_headings {
            balanced_lines(&h.to_uppercase(), HEADLINE_MAX.min(self.width))
                .iter()
                .map(|l| centre(l, self.centre_width()))
                .collect()
        } else {
            wrap(&h, self.width, "", "")
        };
        self.push_kept(lines, 1);
    }

    fn bullets(&mut self, items: &[String], field: FieldRef) -> Vec<String> {
        let mut lines = Vec::new();
        for item in items {
            let item = text::one_paragraph(item);
            if item.is_empty() {
                continue;
            }
            let item = self.convert(&item, field);
            let item = space_sentences(&item, self.draft.export.sentence_spacing);
            lines.extend(wrap(&item, self.width, "  - ", "    "));
        }
        lines
    }

    /// Paragraphs of prose, wrapped, each its own chunk; `indented` with a first-line indent.
    fn prose(&mut self, text: &str, field: FieldRef, indented: bool) {
        self.field = field;
        let indent = if indented {
            self.draft.export.paragraph_indent.min(self.width / 2)
        } else {
            0
        };
        let spacing = self.draft.export.sentence_spacing;
        // Only a render through a cache pays for the key.
        let key = self.cache.is_some().then(|| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (text, indent, self.width, self.rules.ascii, spacing as u8).hash(&mut h);
            h.finish()
        });
        let hit = key.and_then(|k| self.cache.as_deref_mut()?.get(k));
        let wrapped = hit.unwrap_or_else(|| {
            let fresh = Arc::new(self.wrap_prose(text, indent));
            if let (Some(k), Some(cache)) = (key, self.cache.as_deref_mut()) {
                cache.used.insert(k, fresh.clone());
            }
            fresh
        });
        for &ch in &wrapped.missing {
            self.note_unprintable(ch, field);
        }
        for lines in &wrapped.paragraphs {
            self.pieces.push(Piece::Chunk(Chunk {
                lines: lines.clone(),
                field,
                gap: 1,
                keep_with_next: false,
            }));
        }
    }

    fn wrap_prose(&self, text: &str, indent: usize) -> WrappedProse {
        let indent = " ".repeat(indent);
        let mut missing = Vec::new();
        let paragraphs = paragraphs(text)
            .iter()
            .map(|p| {
                let p = if self.rules.ascii {
                    let (ascii, gone) = text::to_ascii(p);
                    for c in gone {
                        if !missing.contains(&c) {
                            missing.push(c);
                        }
                    }
                    ascii
                } else {
                    p.clone()
                };
                let p = space_sentences(&p, self.draft.export.sentence_spacing);
                Arc::new(wrap(&p, self.width, &indent, ""))
            })
            .collect();
        WrappedProse {
            paragraphs,
            missing,
        }
    }

    /// A single line of text, cleaned and converted for the style.
    fn one_line(&mut self, s: &str, field: FieldRef) -> String {
        let s = text::clean_line(s.trim());
        self.convert(&s, field)
    }

    fn convert(&mut self, s: &str, field: FieldRef) -> String {
        if !self.rules.ascii {
            return s.to_string();
        }
        let (ascii, missing) = text::to_ascii(s);
        for ch in missing {
            self.note_unprintable(ch, field);
        }
        ascii
    }

    fn note_unprintable(&mut self, ch: char, field: FieldRef) {
        let u = Unprintable { ch, field };
        if !self.unprintable.contains(&u) {
            self.unprintable.push(u);
        }
    }

    fn push(&mut self, lines: Vec<String>, gap: usize) {
        self.pieces.push(Piece::Chunk(Chunk {
            lines: Arc::new(lines),
            field: self.field,
            gap,
            keep_with_next: false,
        }));
    }

    fn push_kept(&mut self, lines: Vec<String>, gap: usize) {
        self.push(lines, gap);
        if let Some(Piece::Chunk(c)) = self.pieces.last_mut() {
            c.keep_with_next = true;
        }
    }

    /// Widens the gap before whatever comes next (two blank lines under a headline).
    fn set_gap_after(&mut self, gap: usize) {
        self.pieces.push(Piece::Chunk(Chunk {
            lines: Arc::default(),
            field: self.field,
            gap,
            keep_with_next: false,
        }));
    }

    /// Lays the pieces out: blank lines between chunks, page breaks explicit and automatic.
    fn finish(&mut self) -> Rendered {
        let page_length = if self.rules.auto_pages {
            self.draft.export.page_length
        } else {
            0
        };
        let tag = usize::from(self.rules.page_tag);
        let mut p = Paginator {
            out: Page::default(),
            page_lines: 0,
            fresh: true,
            page_length,
            width: self.centre_width(),
            page_tag: self.rules.page_tag,
            page_numbers: self.draft.export.layout.page_numbers == Some(true),
            more_caps: self.draft.export.layout.more_caps == Some(true),
            fields: Vec::new(),
            page_breaks: Vec::new(),
            tables: Vec::new(),
        };
        let mut pending_gap = 0usize;
        let mut break_pending = false;
        let pieces = std::mem::take(&mut self.pieces);
        let sizes: Vec<usize> = pieces.iter().map(|p| p.size(page_length, tag)).collect();
        // One past the last piece with lines.
        let last_chunk = sizes.iter().rposition(|&n| n > 0).map_or(0, |i| i + 1);
        let mut asked_by = FieldRef::EndMark;
        for (idx, piece) in pieces.iter().enumerate() {
            let gap_before = |gap: usize, out: &Page| {
                if out.is_empty() {
                    0
                } else {
                    pending_gap.max(gap)
                }
            };
            let chunk = match piece {
                Piece::PageBreak(field) => {
                    break_pending = !p.out.is_empty();
                    asked_by = *field;
                    continue;
                }
                Piece::Table { field, table, text } => {
                    let gap = gap_before(1, &p.out);
                    if break_pending {
                        p.break_page(BreakCause::Explicit(asked_by));
                        break_pending = false;
                    }
                    self.place_table(&mut p, *field, table, text, gap);
                    pending_gap = 0;
                    continue;
                }
                Piece::Chunk(c) => c,
            };
            if chunk.lines.is_empty() {
                pending_gap = pending_gap.max(chunk.gap);
                continue;
            }
            let gap = gap_before(chunk.gap, &p.out);
            let mut need = gap + chunk.lines.len();
            if chunk.keep_with_next {
                need += 1 + sizes
                    .get(idx + 1..)
                    .and_then(|s| s.iter().find(|&&n| n > 0))
                    .copied()
                    .unwrap_or(0);
            }
            let auto = page_length > 0 && p.page_lines > 0 && p.page_lines + need + 2 > page_length;
            // Never a page holding only the end mark: it stays on the page before.
            let only_the_end_mark = chunk.field == FieldRef::EndMark && idx + 1 == last_chunk;
            if (break_pending || auto) && !p.out.is_empty() && !only_the_end_mark {
                p.break_page(if break_pending {
                    BreakCause::Explicit(asked_by)
                } else {
                    BreakCause::PageLength(page_length)
                });
            }
            break_pending = false;
            p.place(&chunk.lines, chunk.field, gap);
            pending_gap = 0;
        }
        if p.out.is_empty() {
            p.out.push("");
        }
        Rendered {
            text: p.out.text,
            unprintable: std::mem::take(&mut self.unprintable),
            fields: p.fields,
            page_breaks: p.page_breaks,
            tables: p.tables,
            too_wide: std::mem::take(&mut self.too_wide),
        }
    }

    /// Places a table: whole where it fits; whole on the next page when it fits a page;
    /// else split at rows, each part with the title and column headings again.
    fn place_table(
        &self,
        p: &mut Paginator,
        field: FieldRef,
        table: &Table,
        whole: &TableText,
        gap: usize,
    ) {
        let tag = usize::from(p.page_tag);
        let n = table.rows.len();
        let fits_a_page = p.page_length == 0 || whole.lines.len() + tag + 2 <= p.page_length;
        if fits_a_page || n < 2 {
            if !p.fits(gap + whole.lines.len()) {
                p.break_page(BreakCause::PageLength(p.page_length));
            }
            p.place_table(&whole.lines, field, gap);
            return;
        }
        let part = |rows: Range<usize>| {
            table::layout_rows(table, self.style, self.width, rows).map(|t| t.lines)
        };
        let mut first = 0;
        let mut gap = gap;
        while first < n {
            // The most rows that fit what is left of the page (at least one on a fresh page).
            let mut last = n;
            let mut lines = Vec::new();
            while last > first {
                lines = part(first..last).unwrap_or_default();
                if p.room_for(gap + lines.len()) {
                    break;
                }
                // Estimate from the whole table's rows, then check.
                let over = (p.page_lines + gap + lines.len() + 2).saturating_sub(p.page_length);
                let mut shorter = last - 1;
                while shorter > first + 1
                    && whole
                        .row_lines
                        .get(last)
                        .copied()
                        .unwrap_or(whole.lines.len())
                        - whole.row_lines[shorter]
                        < over
                {
                    shorter -= 1;
                }
                last = shorter;
            }
            // As financial printers do: not a subtotal or total cut off from the rows it
            // sums, and not a page's foot of only a row or two when a fresh page is next.
            let totals = |r: usize| {
                table.rows.get(r).is_some_and(|row| {
                    matches!(
                        row.kind,
                        crate::core::table::RowKind::Subtotal | crate::core::table::RowKind::Total
                    )
                })
            };
            while last < n && last > first + 1 && totals(last) {
                last -= 1;
            }
            if last < n && last - first < MIN_ROWS_BEFORE_A_BREAK && !p.fresh {
                last = first;
            }
            if last != first {
                lines = part(first..last).unwrap_or_default();
            }
            if last == first {
                if !p.fresh {
                    p.break_page(BreakCause::PageLength(p.page_length));
                    continue;
                }
                last = first + 1;
                lines = part(first..last).unwrap_or_default();
            }
            p.place_table(&lines, field, gap);
            first = last;
            gap = 1;
            if first < n {
                p.break_page(BreakCause::PageLength(p.page_length));
            }
        }
    }
}

/// A table split across pages leaves at least this many rows at a page's foot (or moves
/// to the next page whole).
const MIN_ROWS_BEFORE_A_BREAK: usize = 4;

/// Lines laid onto pages: where the page stands, and what was placed where.
struct Paginator {
    out: Page,
    /// Lines on the current page (a `<PAGE>` tag counts).
    page_lines: usize,
    /// Nothing placed since the last break (or the start).
    fresh: bool,
    page_length: usize,
    width: usize,
    page_tag: bool,
    /// `<PAGE>  2`: the tag numbers the page it opens, as older exhibits print it.
    page_numbers: bool,
    /// `-MORE-` rather than `-more-`.
    more_caps: bool,
    fields: Vec<(FieldRef, usize)>,
    page_breaks: Vec<(usize, BreakCause)>,
    tables: Vec<(FieldRef, Range<usize>)>,
}

impl Paginator {
    /// Whether `need` more lines fit on this page, leaving room at its foot for a blank
    /// line and the `-more-` mark (always, without pages or on a fresh page).
    fn fits(&self, need: usize) -> bool {
        self.fresh || self.room_for(need)
    }

    /// Whether `need` more lines fit on this page, even a fresh one.
    fn room_for(&self, need: usize) -> bool {
        self.page_length == 0 || self.page_lines + need + 2 <= self.page_length
    }

    fn break_page(&mut self, cause: BreakCause) {
        self.out.push("");
        self.page_breaks.push((self.out.lines, cause));
        let mark = if self.more_caps { "-MORE-" } else { "-more-" };
        self.out.push(&centre(mark, self.width));
        self.page_lines = 0;
        if self.page_tag {
            if self.page_numbers {
                // The page this tag opens: one more than the breaks before it.
                self.out
                    .push(&format!("<PAGE>  {}", self.page_breaks.len() + 1));
            } else {
                self.out.push("<PAGE>");
            }
            self.page_lines = 1;
        }
        self.fresh = true;
    }

    /// Lines after `gap` blank ones (none at the very top or just after a break).
    fn place(&mut self, lines: &[String], field: FieldRef, gap: usize) {
        let gap = if self.out.is_empty() { 0 } else { gap };
        for _ in 0..gap {
            self.out.push("");
        }
        self.page_lines += gap + lines.len();
        // A field's chunks come together, so comparing with the last is enough.
        if self.fields.last().is_none_or(|(f, _)| *f != field) {
            self.fields.push((field, self.out.lines));
        }
        for line in lines {
            self.out.push(line.trim_end());
        }
        self.fresh = false;
    }

    fn place_table(&mut self, lines: &[String], field: FieldRef, gap: usize) {
        let gap = if self.out.is_empty() { 0 } else { gap };
        let start = self.out.lines + gap;
        self.place(lines, field, gap);
        self.tables.push((field, start..self.out.lines));
    }
}

/// The export's text as it is laid out, one line at a time, each ending in a newline.
#[derive(Default)]
struct Page {
    text: String,
    lines: usize,
}

impl Page {
    fn push(&mut self, line: &str) {
        self.lines += 1;
        self.text.push_str(line);
        self.text.push('\n');
    }

    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// The items of a subheadline, without empty ones.
pub fn subheadline_items(s: &Subheadline) -> Vec<String> {
    match s {
        Subheadline::None => Vec::new(),
        Subheadline::Text(t) => paragraphs(t),
        Subheadline::Bullets(items) => items
            .iter()
            .map(|i| text::one_paragraph(i))
            .filter(|i| !i.is_empty())
            .collect(),
    }
}

/// The lines a contact prints, in order: organisation, name and title, phone, email
/// (with `Phone:` and `Email:` before them when `labels`).
/// How much further a wire header's wrapped line is indented than its first.
pub const HEADER_HANG: usize = 4;

/// Lines kept as written (a wire's header or closing block): each line with its indent
/// where it fits the width, a longer one wrapped (at its indent); control characters go,
/// blank lines too (the caller splits blocks at them).
pub fn trailer_lines(s: &str, width: usize) -> Vec<String> {
    lines_as_written(s, width, 0)
}

/// [`trailer_lines`], a wrapped line's continuation indented `hang` more (a wire's header
/// over the headline: so an import tells its lines from the headline's).
pub fn lines_as_written(s: &str, width: usize, hang: usize) -> Vec<String> {
    let mut out = Vec::new();
    for raw in s.lines() {
        let line = text::clean_line(raw);
        let line = line.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let indent = indent.min(width / 2);
        let first = " ".repeat(indent);
        if text::width(line) <= width {
            out.push(format!("{first}{}", line.trim_start()));
        } else {
            let rest = " ".repeat((indent + hang).min(width / 2));
            out.extend(wrap(line.trim_start(), width, &first, &rest));
        }
    }
    out
}

/// A contact's items one a line, the name and the title apart (as older exhibits print
/// them under `FOR FURTHER INFORMATION CONTACT:`).
fn contact_items(c: &Contact, labels: bool) -> Vec<String> {
    let mut lines = Vec::new();
    for part in [&c.organisation, &c.name, &c.title] {
        if !part.trim().is_empty() {
            lines.push(part.trim().to_string());
        }
    }
    let reach = Contact {
        organisation: String::new(),
        name: String::new(),
        title: String::new(),
        ..c.clone()
    };
    lines.extend(contact_lines(&reach, labels));
    lines
}

pub fn contact_lines(c: &Contact, labels: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let org = c.organisation.trim();
    if !org.is_empty() {
        lines.push(org.to_string());
    }
    let who: Vec<&str> = [c.name.trim(), c.title.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if !who.is_empty() {
        lines.push(who.join(", "));
    }
    let (phone, email) = if labels {
        ("Phone: ", "Email: ")
    } else {
        ("", "")
    };
    if !c.phone.trim().is_empty() {
        lines.push(format!("{phone}{}", c.phone.trim()));
    }
    if !c.email.trim().is_empty() {
        lines.push(format!("{email}{}", c.email.trim()));
    }
    lines
}

/// The label each printed contact gets: its label as written when it has one; else a role
/// becomes "Role:", the first contact without one "Contact:" ("Contacts:" when several have
/// none), and the others without one none.
/// Every writer labels contacts through this.
pub fn contact_labels(shown: &[&Contact]) -> Vec<String> {
    labels(shown, true)
}

/// The labels the contacts' roles alone would give them, their labels as written set aside
/// (what the form shows greyed in an empty label field).
pub fn role_labels(shown: &[&Contact]) -> Vec<String> {
    labels(shown, false)
}

fn labels(shown: &[&Contact], as_written: bool) -> Vec<String> {
    let unlabelled = shown.iter().filter(|c| c.role.trim().is_empty()).count();
    let mut plain_seen = false;
    shown
        .iter()
        .map(|c| {
            let role = c.role.trim().trim_end_matches(':');
            if let Some(label) = c.label.as_ref().filter(|_| as_written) {
                // As an imported release printed it, colon or none; it stands for the
                // plain "Contact:" too.
                plain_seen |= role.is_empty();
                label.trim().to_string()
            } else if !role.is_empty() {
                format!("{role}:")
            } else if plain_seen {
                String::new()
            } else {
                plain_seen = true;
                if unlabelled > 1 {
                    "Contacts:"
                } else {
                    "Contact:"
                }
                .to_string()
            }
        })
        .collect()
}

/// A quote as paragraphs of prose with its attribution, in the draft's chosen order.
/// Continued quotes open each paragraph with a quotation mark and close only the last.
pub fn quote_paragraphs(q: &Quote) -> Vec<String> {
    let paras = paragraphs(&q.text);
    if paras.is_empty() {
        return Vec::new();
    }
    let speaker = q.speaker.trim();
    let title = q.title.trim();
    let verb = if q.verb.trim().is_empty() {
        "said"
    } else {
        q.verb.trim()
    };
    let last = paras.len() - 1;
    let mut out = Vec::new();
    for (k, p) in paras.iter().enumerate() {
        let close = if k == last { "\"" } else { "" };
        let body = format!("\"{p}{close}");
        let s = match (k, q.attribution, speaker.is_empty()) {
            (0, _, true) => body,
            (0, Attribution::Before, false) => {
                if title.is_empty() {
                    format!("{speaker} {verb}, {body}")
                } else {
                    format!("{title}, {speaker}, {verb}, {body}")
                }
            }
            (0, Attribution::After, false) => {
                let (sentence, ends_in) = match p.char_indices().last() {
                    Some((i, '.')) => (&p[..i], ","),
                    Some((_, '?' | '!' | ',')) => (p.as_str(), ""),
                    _ => (p.as_str(), ","),
                };
                let who = if title.is_empty() {
                    speaker.to_string()
                } else {
                    format!("{speaker}, {title}")
                };
                format!("\"{sentence}{ends_in}\" {verb} {who}.")
            }
            _ => body,
        };
        out.push(s);
    }
    // After-attribution closed the first paragraph already; a continued quote reopens.
    out
}

/// The timing line: "For Immediate Release", "Embargoed Until ...", "For Release on ...".
pub fn timing_line(t: &Timing, caps: bool) -> String {
    let s = match t {
        Timing::Immediate => "For Immediate Release".to_string(),
        Timing::Embargoed { date, time, zone } => {
            let zone = zone
                .and_then(|z| zone_abbreviation(z, *date, *time))
                .map(|z| format!(" {z}"))
                .unwrap_or_default();
            format!(
                "Embargoed Until {}{zone}, {}",
                clock(*time),
                dateline::full_date(*date)
            )
        }
        Timing::ReleaseOn(date) => format!("For Release on {}", dateline::full_date(*date)),
    };
    if caps { s.to_uppercase() } else { s }
}

/// The timing line a release prints: as an imported release wrote it, until the timing is
/// edited, else in the style's own wording.
pub fn timing_text(release: &crate::core::draft::Release, caps: bool) -> String {
    let written = release.timing_as_written.trim();
    if written.is_empty() {
        timing_line(&release.timing, caps)
    } else {
        text::one_paragraph(written)
    }
}

/// A line set against the right margin (an exhibit label, as filing agents place it).
fn right_align(line: &str, width: usize) -> String {
    let pad = width.saturating_sub(text::width(line));
    format!("{}{line}", " ".repeat(pad))
}

/// "8:00 a.m." in the AP manner.
pub fn clock(t: NaiveTime) -> String {
    let s = t.format("%-I:%M").to_string();
    let half = if t.format("%p").to_string() == "AM" {
        "a.m."
    } else {
        "p.m."
    };
    format!("{s} {half}")
}

/// "EST" or "EDT" for the zone on that day.
pub fn zone_abbreviation(zone: chrono_tz::Tz, date: NaiveDate, time: NaiveTime) -> Option<String> {
    zone.from_local_datetime(&date.and_time(time))
        .earliest()
        .map(|dt| dt.format("%Z").to_string())
}

#[cfg(test)]
mod tests;
