//! One walk over every piece of text in a draft, in reading order, each with the field and
//! part it belongs to. Checks, placeholders, templates, profiles, import clean-up, counts
//! and spelling all read the draft through it, so a new kind of block or field is taught
//! to them here, once.
//!
//! What is not text and is not visited: dates, times, choices (style, end mark, timing
//! kind) and the logo's file path.

use crate::core::draft::{Block, ContactsPlacement, Draft, FieldRef, Subheadline};

/// Which piece of a field a text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// The field's main text: a paragraph, a sub-heading, a quote's words, the headline,
    /// an "About" section's or the safe harbor's text, the title, the exhibit label.
    Text,
    /// An "About" section's or the safe harbor's heading.
    Heading,
    /// One item of a list (a bullet, a subheadline bullet), by position.
    Item(usize),
    /// A quote's speaker, their title and the verb ("said").
    Speaker,
    SpeakerTitle,
    Verb,
    /// A contact's parts.
    Role,
    Organisation,
    Name,
    JobTitle,
    Phone,
    Email,
    /// The company's parts.
    CompanyName,
    Ticker,
    Exchange,
    Website,
    /// A city (the company's or the dateline's) and its state or region.
    City,
    Region,
    /// A table's pieces: a title line, a column group's label, the label column's heading,
    /// a value column's heading, a row's label, a cell and a footnote, by position.
    TableTitle(usize),
    GroupLabel(usize),
    LabelHeading,
    ColumnHeading(usize),
    RowLabel(usize),
    Cell {
        row: usize,
        column: usize,
    },
    Footnote(usize),
    /// The letterhead's lines above the title (field `Title`).
    Letterhead,
    /// The closing line after everything else, "SOURCE: Acme Corp." (field `EndMark`).
    Trailer,
    /// A contact's label as printed ("Investors:"), and the heading above the contacts
    /// (on the first contact's field, as the release's contacts part is).
    Label,
    ContactsHeading,
    /// An imported release's timing line or dateline as it was written.
    AsWritten,
    /// A wire's lines over the headline, and its note under it (EQS), as written.
    WireHeader,
    HeaderNote,
    /// A setting that changes what prints (the timing, the end mark, a layout choice), in
    /// words: never visited by the walk, only compared by the redline
    /// (`redline::settings`, which numbers them).
    Setting(usize),
}

/// Where a piece of text lives: the field, and the part of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TextRef {
    pub field: FieldRef,
    pub part: Part,
}

impl TextRef {
    pub const fn new(field: FieldRef, part: Part) -> Self {
        Self { field, part }
    }

    /// Prose where statements are made (and so forward-looking ones): the subheadline and
    /// the body's paragraphs, sub-headings, bullets and quoted words.
    pub fn is_statement(self) -> bool {
        match self.field {
            FieldRef::Subheadline => true,
            FieldRef::Body(_) => matches!(self.part, Part::Text | Part::Item(_)),
            _ => false,
        }
    }

    /// Prose that is wrapped into paragraphs on export: the body's text and items, the
    /// "About" sections' and the safe harbor's text.
    pub fn is_wrapped_prose(self) -> bool {
        match self.field {
            FieldRef::Body(_) => {
                matches!(self.part, Part::Text | Part::Item(_) | Part::Footnote(_))
            }
            FieldRef::About(_) | FieldRef::SafeHarbor => self.part == Part::Text,
            _ => false,
        }
    }
}

/// Expands to the walk, for shared (`each_text`) or mutable (`each_text_mut`) access:
/// written once so the two can never visit different fields.
macro_rules! walk_draft {
    ($d:ident, $f:ident $(, $m:tt)?) => {{
        use FieldRef as F;
        use Part as P;
        let placement = $d.contacts_placement;
        macro_rules! contacts {
            () => {
                if let Some(first) = $d.contacts.first() {
                    let f = F::Contact(first.id);
                    $f(TextRef::new(f, P::ContactsHeading), & $($m)? $d.contacts_heading);
                }
                for c in & $($m)? $d.contacts {
                    let f = F::Contact(c.id);
                    if let Some(label) = & $($m)? c.label {
                        $f(TextRef::new(f, P::Label), label);
                    }
                    $f(TextRef::new(f, P::Role), & $($m)? c.role);
                    $f(TextRef::new(f, P::Organisation), & $($m)? c.organisation);
                    $f(TextRef::new(f, P::Name), & $($m)? c.name);
                    $f(TextRef::new(f, P::JobTitle), & $($m)? c.title);
                    $f(TextRef::new(f, P::Phone), & $($m)? c.phone);
                    $f(TextRef::new(f, P::Email), & $($m)? c.email);
                }
            };
        }
        $f(TextRef::new(F::Exhibit, P::Text), & $($m)? $d.release.exhibit);
        $f(TextRef::new(F::Title, P::Letterhead), & $($m)? $d.release.letterhead);
        $f(TextRef::new(F::Title, P::Text), & $($m)? $d.release.title);
        $f(TextRef::new(F::Timing, P::AsWritten), & $($m)? $d.release.timing_as_written);
        let c = & $($m)? $d.company;
        $f(TextRef::new(F::Company, P::CompanyName), & $($m)? c.name);
        $f(TextRef::new(F::Company, P::Ticker), & $($m)? c.ticker);
        $f(TextRef::new(F::Company, P::Exchange), & $($m)? c.exchange);
        $f(TextRef::new(F::Company, P::Website), & $($m)? c.website);
        $f(TextRef::new(F::Company, P::City), & $($m)? c.city);
        $f(TextRef::new(F::Company, P::Region), & $($m)? c.state);
        if placement == ContactsPlacement::Top {
            contacts!();
        }
        $f(TextRef::new(F::Headline, P::WireHeader), & $($m)? $d.release.header);
        $f(TextRef::new(F::Headline, P::Text), & $($m)? $d.headline);
        $f(TextRef::new(F::Headline, P::HeaderNote), & $($m)? $d.release.header_note);
        match & $($m)? $d.subheadline {
            Subheadline::None => {}
            Subheadline::Text(t) => $f(TextRef::new(F::Subheadline, P::Text), t),
            Subheadline::Bullets(items) => {
                for (i, t) in items.into_iter().enumerate() {
                    $f(TextRef::new(F::Subheadline, P::Item(i)), t);
                }
            }
        }
        $f(TextRef::new(F::Dateline, P::City), & $($m)? $d.dateline.city);
        $f(TextRef::new(F::Dateline, P::Region), & $($m)? $d.dateline.region);
        $f(TextRef::new(F::Dateline, P::AsWritten), & $($m)? $d.dateline.as_written);
        for b in & $($m)? $d.body {
            let f = F::Body(b.id);
            match & $($m)? b.block {
                Block::Paragraph(t) | Block::Heading(t) => $f(TextRef::new(f, P::Text), t),
                Block::Quote(q) => {
                    $f(TextRef::new(f, P::Text), & $($m)? q.text);
                    $f(TextRef::new(f, P::Speaker), & $($m)? q.speaker);
                    $f(TextRef::new(f, P::SpeakerTitle), & $($m)? q.title);
                    $f(TextRef::new(f, P::Verb), & $($m)? q.verb);
                }
                Block::Bullets(items) => {
                    for (i, t) in items.into_iter().enumerate() {
                        $f(TextRef::new(f, P::Item(i)), t);
                    }
                }
                Block::PageBreak => {}
                Block::Table(t) => {
                    let t = & $($m)? **t;
                    for (i, line) in (& $($m)? t.title).into_iter().enumerate() {
                        $f(TextRef::new(f, P::TableTitle(i)), line);
                    }
                    for (i, g) in (& $($m)? t.groups).into_iter().enumerate() {
                        $f(TextRef::new(f, P::GroupLabel(i)), & $($m)? g.label);
                    }
                    $f(TextRef::new(f, P::LabelHeading), & $($m)? t.label_heading);
                    for (i, h) in (& $($m)? t.headings).into_iter().enumerate() {
                        $f(TextRef::new(f, P::ColumnHeading(i)), h);
                    }
                    for (r, row) in (& $($m)? t.rows).into_iter().enumerate() {
                        $f(TextRef::new(f, P::RowLabel(r)), & $($m)? row.label);
                        for (c, cell) in (& $($m)? row.cells).into_iter().enumerate() {
                            $f(TextRef::new(f, P::Cell { row: r, column: c }), cell);
                        }
                    }
                    for (i, n) in (& $($m)? t.footnotes).into_iter().enumerate() {
                        $f(TextRef::new(f, P::Footnote(i)), n);
                    }
                }
            }
        }
        for a in & $($m)? $d.boilerplate {
            $f(TextRef::new(F::About(a.id), P::Heading), & $($m)? a.heading);
            $f(TextRef::new(F::About(a.id), P::Text), & $($m)? a.text);
        }
        $f(TextRef::new(F::SafeHarbor, P::Heading), & $($m)? $d.safe_harbor.heading);
        $f(TextRef::new(F::SafeHarbor, P::Text), & $($m)? $d.safe_harbor.text);
        if placement != ContactsPlacement::Top {
            contacts!();
        }
        $f(TextRef::new(F::EndMark, P::Trailer), & $($m)? $d.release.trailer);
    }};
}

/// Visits every piece of text in the draft, in reading order (contacts where they print).
pub fn each_text<'a>(d: &'a Draft, mut f: impl FnMut(TextRef, &'a str)) {
    let mut visit = |r: TextRef, t: &'a String| f(r, t.as_str());
    walk_draft!(d, visit);
}

/// Visits every piece of text in the draft, in reading order, to change it in place.
pub fn each_text_mut(d: &mut Draft, mut f: impl FnMut(TextRef, &mut String)) {
    walk_draft!(d, f, mut);
}

/// Every piece of text with its place, in reading order (borrowed, never copied).
pub fn texts(d: &Draft) -> Vec<(TextRef, &str)> {
    let mut v = Vec::new();
    each_text(d, |r, t| v.push((r, t)));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::draft::{About, Block, BlockKind, Contact, Quote};

    /// A draft with every kind of block and every text field, each holding a unique text
    /// (its expected position in reading order).
    fn full_draft(placement: ContactsPlacement) -> Draft {
        let mut d = Draft {
            contacts: Vec::new(),
            body: Vec::new(),
            boilerplate: Vec::new(),
            contacts_placement: placement,
            subheadline: Subheadline::Bullets(vec![String::new(), String::new()]),
            ..Draft::default()
        };
        let labelled = || Contact {
            label: Some(String::new()),
            ..Contact::default()
        };
        d.add_contact(labelled());
        d.add_contact(labelled());
        for kind in BlockKind::ALL {
            d.add_block(kind.new_block());
        }
        for b in &mut d.body {
            if let Block::Table(t) = &mut b.block {
                t.title.push(String::new());
                t.groups
                    .push(crate::core::table::ColumnGroup::new(String::new(), 0, 2));
                t.footnotes.push(String::new());
            }
        }
        d.add_block(Block::Quote(Quote::default()));
        d.add_about(About::default());
        d.add_about(About::default());
        let mut n = 0;
        each_text_mut(&mut d, |_, t| {
            n += 1;
            *t = format!("t{n}");
        });
        d
    }

    #[test]
    fn visits_every_text_once_in_reading_order() {
        let d = full_draft(ContactsPlacement::Top);
        let seen = texts(&d);
        let expected: Vec<String> = (1..=seen.len()).map(|n| format!("t{n}")).collect();
        let got: Vec<&str> = seen.iter().map(|(_, t)| *t).collect();
        assert_eq!(got, expected, "shared and mutable walks agree on the order");
        // 4 release (exhibit, letterhead, title, timing as written) + 6 company + contacts'
        // heading + 2 x (label + 6) contact parts + wire header, headline and note + 2
        // subheadline bullets + 3 dateline + paragraph, 4 quote parts, 1 bullet, heading, 4
        // quote parts + 4 about + 2 safe harbor + a table's title line, group label, label heading, 2 headings, 3 rows
        // of a label and 2 cells, and footnote + the closing line
        assert_eq!(
            seen.len(),
            4 + 6 + 1 + 14 + 3 + 2 + 3 + 1 + 4 + 1 + 1 + 4 + 4 + 2 + (1 + 1 + 1 + 2 + 9 + 1) + 1
        );
        let refs: std::collections::HashSet<TextRef> = seen.iter().map(|(r, _)| *r).collect();
        assert_eq!(refs.len(), seen.len(), "every place named once");

        // The fields come in the order the release prints them.
        let first = |f: FieldRef| seen.iter().position(|(r, _)| r.field == f).unwrap();
        assert!(first(FieldRef::Contact(d.contacts[0].id)) < first(FieldRef::Headline));
        assert!(first(FieldRef::Headline) < first(FieldRef::Subheadline));
        assert!(first(FieldRef::Body(d.body[0].id)) < first(FieldRef::Body(d.body[1].id)));
        let last = d.body.last().unwrap().id;
        assert!(first(FieldRef::Body(last)) < first(FieldRef::About(d.boilerplate[0].id)));
        assert!(first(FieldRef::About(d.boilerplate[1].id)) < first(FieldRef::SafeHarbor));
    }

    #[test]
    fn contacts_at_the_end_are_visited_at_the_end() {
        let d = full_draft(ContactsPlacement::EndAfterMark);
        let seen = texts(&d);
        let (last, _) = seen.last().unwrap();
        assert_eq!(*last, TextRef::new(FieldRef::EndMark, Part::Trailer));
        let (before, _) = seen[seen.len() - 2];
        assert_eq!(before.field, FieldRef::Contact(d.contacts[1].id));
        assert_eq!(before.part, Part::Email);
        assert_eq!(seen[0].0.field, FieldRef::Exhibit);
    }

    #[test]
    fn statements_are_body_prose_and_the_subheadline() {
        let d = full_draft(ContactsPlacement::Top);
        let statements: Vec<TextRef> = texts(&d)
            .into_iter()
            .map(|(r, _)| r)
            .filter(|r| r.is_statement())
            .collect();
        // 2 subheadline bullets, paragraph, quote text, 1 bullet, heading, quote text.
        assert_eq!(statements.len(), 7);
        assert!(statements.iter().all(|r| r.part != Part::Speaker));
    }
}
