//! The settings that change what prints without being text (the timing, the dateline's
//! date, the end mark, the export settings and every layout choice), each put in words
//! so the redline compares them as it compares text: an embargo moved from 8:00 a.m. to
//! 9:00 a.m. shows as `[-8:00-][+9:00+]` under "timing", a layout choice switched on as
//! `[-as the style-][+on+]` under "export settings, <choice>".
//!
//! These words belong to the redline only: the walker ([`walk`]) stays the list of the
//! draft's text, which spelling and placeholders read.

use std::borrow::Cow;

use crate::core::draft::{
    Attribution, Block, ContactsPlacement, DatelineStyle, Draft, EndMark, FieldRef, FileFormat,
    ItemId, Layout, SentenceSpacing, Wire,
};
use crate::core::render::{self, dateline::full_date};
use crate::core::walk::{self, Part, TextRef};

/// A setting compared in words. Its place is `Part::Setting(index)` on its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Setting {
    Logo,
    Timing,
    DatelineDate,
    Wire,
    DatelineStyle,
    /// A body block's: a page break, or how a quote is attributed.
    PageBreak,
    Attribution,
    SafeHarborPageBreak,
    EndMark,
    ContactsPlacement,
    Style,
    FileFormat,
    Width,
    SentenceSpacing,
    ParagraphIndent,
    PageLength,
    /// `Layout::CHOICES[k]`.
    Layout(usize),
    /// `Layout::MEASURES[k]`.
    Measure(usize),
}

/// Every setting but the layout choices, numbered by position.
const FIXED: [Setting; 16] = [
    Setting::Logo,
    Setting::Timing,
    Setting::DatelineDate,
    Setting::Wire,
    Setting::DatelineStyle,
    Setting::PageBreak,
    Setting::Attribution,
    Setting::SafeHarborPageBreak,
    Setting::EndMark,
    Setting::ContactsPlacement,
    Setting::Style,
    Setting::FileFormat,
    Setting::Width,
    Setting::SentenceSpacing,
    Setting::ParagraphIndent,
    Setting::PageLength,
];

impl Setting {
    fn index(self) -> usize {
        match self {
            Setting::Layout(k) => FIXED.len() + k,
            Setting::Measure(k) => FIXED.len() + Layout::CHOICES.len() + k,
            s => FIXED
                .iter()
                .position(|f| *f == s)
                .expect("every setting but a layout choice is listed"),
        }
    }

    pub(super) fn of_index(i: usize) -> Option<Setting> {
        FIXED.get(i).copied().or_else(|| {
            let k = i - FIXED.len();
            if k < Layout::CHOICES.len() {
                return Some(Setting::Layout(k));
            }
            let k = k - Layout::CHOICES.len();
            (k < Layout::MEASURES.len()).then_some(Setting::Measure(k))
        })
    }

    /// Its place; a body block's is on `block`.
    fn at(self, block: ItemId) -> TextRef {
        use FieldRef as F;
        let field = match self {
            Setting::Logo => F::Logo,
            Setting::Timing => F::Timing,
            Setting::DatelineDate | Setting::Wire | Setting::DatelineStyle => F::Dateline,
            Setting::PageBreak | Setting::Attribution => F::Body(block),
            Setting::SafeHarborPageBreak => F::SafeHarbor,
            Setting::EndMark => F::EndMark,
            // The contacts' section, whichever contact comes first.
            Setting::ContactsPlacement => F::Contact(ItemId::default()),
            _ => F::Export,
        };
        TextRef::new(field, Part::Setting(self.index()))
    }

    /// Its label; a body block's setting is named after its block by the caller.
    pub(super) fn label(self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Setting::Logo => "logo",
            Setting::Timing => "timing",
            Setting::DatelineDate => "dateline, date",
            Setting::Wire => "dateline, wire",
            Setting::DatelineStyle => "dateline, style",
            Setting::PageBreak => "page break",
            Setting::Attribution => "attribution",
            Setting::SafeHarborPageBreak => "safe harbor, page break before",
            Setting::EndMark => "end mark",
            Setting::ContactsPlacement => "contacts, placement",
            Setting::Style => "export settings, style",
            Setting::FileFormat => "export settings, file format",
            Setting::Width => "export settings, width",
            Setting::SentenceSpacing => "export settings, sentence spacing",
            Setting::ParagraphIndent => "export settings, paragraph indent",
            Setting::PageLength => "export settings, page length",
            Setting::Layout(k) => {
                return Cow::Owned(format!("export settings, {}", Layout::CHOICES[k].name));
            }
            Setting::Measure(k) => {
                return Cow::Owned(format!("export settings, {}", Layout::MEASURES[k].name));
            }
        })
    }

    /// The setting in a few words (a body block's setting: see [`block_words`]).
    fn words(self, d: &Draft) -> String {
        let e = &d.export;
        let on = |b: bool| if b { "on" } else { "off" };
        match self {
            Setting::Logo => match &d.release.logo {
                Some(path) => format!("logo {}", logo_name(path)),
                None => "no logo".into(),
            },
            // As the style words it: an imported release's wording is compared on its own
            // ("timing, as written").
            Setting::Timing if e.layout.timing_line == Some(false) => "no timing line".into(),
            Setting::Timing => render::timing_line(&d.release.timing, false),
            Setting::DatelineDate => d.dateline.date.map_or("no date".into(), full_date),
            Setting::Wire => match d.dateline.wire {
                Wire::None => "no wire",
                Wire::PrNewswire => "PR Newswire",
                Wire::BusinessWire => "Business Wire",
                Wire::GlobeNewswire => "GlobeNewswire",
            }
            .into(),
            Setting::DatelineStyle => match d.dateline.style {
                DatelineStyle::Auto => "as the export style",
                DatelineStyle::Full => "full: City, ST, Month D, YYYY - -",
                DatelineStyle::Ap => "AP: CITY, Mon. D, YYYY /wire/ --",
                DatelineStyle::CityDash => "city and dash: CITY, State -- Month D, YYYY --",
            }
            .into(),
            Setting::PageBreak | Setting::Attribution => String::new(),
            Setting::SafeHarborPageBreak => on(d.safe_harbor.page_break_before).into(),
            Setting::EndMark => end_mark_words(d.end_mark).into(),
            Setting::ContactsPlacement => match d.contacts_placement {
                ContactsPlacement::Top => "at the top",
                ContactsPlacement::EndBeforeMark => "at the end, before the end mark",
                ContactsPlacement::EndAfterMark => "after the end mark",
            }
            .into(),
            Setting::Style => e.style.label().into(),
            Setting::FileFormat => match e.format {
                FileFormat::Text => "text",
                FileFormat::Html => "HTML",
                FileFormat::Word => "Word",
            }
            .into(),
            Setting::Width => format!("{} columns", e.width),
            Setting::SentenceSpacing => match e.sentence_spacing {
                SentenceSpacing::AsTyped => "as typed",
                SentenceSpacing::One => "one space",
                SentenceSpacing::Two => "two spaces",
            }
            .into(),
            Setting::ParagraphIndent => format!("{} spaces", e.paragraph_indent),
            Setting::PageLength if e.page_length == 0 => "no automatic page breaks".into(),
            Setting::PageLength => format!("{} lines a page", e.page_length),
            Setting::Layout(k) => {
                let choice = &Layout::CHOICES[k];
                let value = (choice.field)(&mut e.layout.clone()).map_or("as the style", on);
                format!("{}: {value}", choice.name)
            }
            Setting::Measure(k) => {
                let measure = &Layout::MEASURES[k];
                let value = (measure.field)(&mut e.layout.clone())
                    .map_or("as the style".to_string(), |n| n.to_string());
                format!("{}: {value}", measure.name)
            }
        }
    }
}

/// Whether a text is shown in a redline though unchanged: every text, and the settings that
/// print as words; the others (a layout choice, the width) would fill a blackline with
/// settings nobody changed.
pub(super) fn shown_unchanged(at: TextRef) -> bool {
    match at.part {
        Part::Setting(i) => matches!(
            Setting::of_index(i),
            Some(Setting::Timing | Setting::DatelineDate | Setting::EndMark)
        ),
        _ => true,
    }
}

/// The logo's file name (its folder is where the author keeps it, not what prints).
fn logo_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// The end mark in words: its text, and "spaced" where only its spacing tells it from
/// another (the redline never counts white space as a change).
fn end_mark_words(m: EndMark) -> &'static str {
    match m {
        EndMark::Hashes => "###",
        EndMark::SpacedHashes => "# # # (spaced)",
        EndMark::Thirty => "-30-",
        EndMark::SpacedThirty => "- 30 - (spaced)",
        EndMark::End => "- end - (spaced)",
        EndMark::TightEnd => "-end-",
        EndMark::None => "none",
    }
}

/// The words of a body block's own settings: a page break, or a quote's attribution.
fn block_words(block: &Block) -> Option<(Setting, &'static str)> {
    match block {
        Block::PageBreak => Some((Setting::PageBreak, "page break")),
        Block::Quote(q) => Some((
            Setting::Attribution,
            match q.attribution {
                Attribution::Before => "before the quote",
                Attribution::After => "after the quote",
            },
        )),
        _ => None,
    }
}

/// Every text the redline compares, in reading order: the walker's, with the settings in
/// words beside them (the timing where the timing prints, a page break where it stands,
/// the export settings at the end).
pub fn texts(d: &Draft) -> Vec<(TextRef, Cow<'_, str>)> {
    use FieldRef as F;
    let walked = walk::texts(d);
    let mut out: Vec<(TextRef, Cow<'_, str>)> =
        Vec::with_capacity(walked.len() + FIXED.len() + Layout::CHOICES.len() + 8);
    let mut placed = [false; FIXED.len()];
    let mut put = |out: &mut Vec<(TextRef, Cow<'_, str>)>, s: Setting| {
        let i = s.index();
        if i < FIXED.len() && !std::mem::replace(&mut placed[i], true) {
            out.push((s.at(ItemId::default()), Cow::Owned(s.words(d))));
        }
    };
    // The end mark prints before the contacts when they follow it, else before the
    // closing line.
    let end_mark_before = match d.contacts.first() {
        Some(c) if d.contacts_placement == ContactsPlacement::EndAfterMark => {
            TextRef::new(F::Contact(c.id), Part::ContactsHeading)
        }
        _ => TextRef::new(F::EndMark, Part::Trailer),
    };
    // A block with no text of its own (a page break) has its words where it stands: before
    // the next block's texts, or before what follows the body.
    let mut blocks = d.body.iter().peekable();
    let mut block_of = |out: &mut Vec<(TextRef, Cow<'_, str>)>, until: Option<ItemId>| {
        while let Some(b) = blocks.next_if(|b| Some(b.id) != until) {
            if let Some((s, words)) = block_words(&b.block) {
                out.push((s.at(b.id), Cow::Borrowed(words)));
            }
        }
        // The block whose texts start now: its own setting comes after its texts.
        blocks.next_if(|b| Some(b.id) == until)
    };
    let mut open_block: Option<(ItemId, Option<(Setting, &'static str)>)> = None;
    for (r, t) in walked {
        // Leaving a block: its own setting (a quote's attribution) follows its texts.
        if let Some((id, setting)) = open_block
            && r.field != F::Body(id)
        {
            if let Some((s, words)) = setting {
                out.push((s.at(id), Cow::Borrowed(words)));
            }
            open_block = None;
        }
        match r.field {
            F::Body(id) if open_block.is_none() => {
                let b = block_of(&mut out, Some(id));
                open_block = b.map(|b| (b.id, block_words(&b.block)));
            }
            F::About(_) | F::SafeHarbor => {
                block_of(&mut out, None);
            }
            _ => {}
        }
        if r == TextRef::new(F::Title, Part::Letterhead) {
            put(&mut out, Setting::Logo);
        }
        if r == TextRef::new(F::SafeHarbor, Part::Heading) {
            put(&mut out, Setting::SafeHarborPageBreak);
        }
        if r == end_mark_before {
            put(&mut out, Setting::EndMark);
        }
        out.push((r, Cow::Borrowed(t)));
        if r == TextRef::new(F::Timing, Part::AsWritten) {
            put(&mut out, Setting::Timing);
        }
        if r == TextRef::new(F::Dateline, Part::AsWritten) {
            for s in [Setting::DatelineDate, Setting::Wire, Setting::DatelineStyle] {
                put(&mut out, s);
            }
        }
    }
    if let Some((id, Some((s, words)))) = open_block {
        out.push((s.at(id), Cow::Borrowed(words)));
    }
    block_of(&mut out, None);
    // Whatever the walk gave no place to, and the export settings, at the end.
    for s in FIXED {
        if !matches!(s, Setting::PageBreak | Setting::Attribution) {
            put(&mut out, s);
        }
    }
    let choices = (0..Layout::CHOICES.len()).map(Setting::Layout);
    for s in choices.chain((0..Layout::MEASURES.len()).map(Setting::Measure)) {
        out.push((s.at(ItemId::default()), Cow::Owned(s.words(d))));
    }
    out
}
