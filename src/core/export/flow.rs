//! The release's parts as the HTML and Word writers print them: the text of each part
//! decided here, once, from [`release::parts`] and the text writer's own helpers (timing
//! line, contact lines, quote paragraphs, dateline lead); the markup is each writer's.
//! So EDGAR HTML, wire HTML and Word carry the same words in the same order as the text
//! styles, and a new kind of part is taught to all three writers through [`Item`].

use crate::core::draft::{
    Block, Contact, DatelineStyle, Draft, FieldRef, ItemId, Style, Subheadline,
};
use crate::core::release::{self, Part};
use crate::core::render::{self, dateline, text};
use crate::core::table::{self, Cooked};

/// The layout choices a writer follows: the style's, with the draft's own laid over them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    /// The dateline form when the draft leaves it to the style.
    pub dateline: DatelineStyle,
    /// The timing line in capitals (newswire).
    pub timing_caps: bool,
    /// `Phone:` and `Email:` before a contact's number and address.
    pub contact_labels: bool,
    /// The title ("NEWS RELEASE") is printed.
    pub show_title: bool,
    /// ... and letter-spaced.
    pub title_spaced: bool,
    pub headline_centred: bool,
    /// "About" and safe-harbor headings centred.
    pub headings_centred: bool,
    /// Contacts as a label with the details beside it (a hanging indent).
    pub contacts_hanging: bool,
    /// Body paragraphs with a first-line indent.
    pub indent_paragraphs: bool,
}

impl Rules {
    /// The rules of a text style for this draft, as the text writer resolves them.
    pub fn for_draft(draft: &Draft, style: Style) -> Rules {
        let own = draft.export.layout;
        let base = render::style_layout(style);
        let pick = |own: Option<bool>, base: Option<bool>| own.or(base).unwrap_or(false);
        let title_spaced = pick(own.title_spaced, base.title_spaced);
        Rules {
            dateline: render::style_dateline(style),
            timing_caps: style == Style::Newswire,
            contact_labels: pick(own.contact_labels, base.contact_labels),
            // The text writer prints the title when the style letter-spaces it, or when
            // the draft asks for it plain.
            show_title: title_spaced || own.title_spaced == Some(false),
            title_spaced,
            headline_centred: pick(own.headline_centred, base.headline_centred),
            headings_centred: pick(own.headings_centred, base.headings_centred),
            contacts_hanging: pick(own.contacts_hanging, base.contacts_hanging),
            indent_paragraphs: pick(own.indent_paragraphs, base.indent_paragraphs),
        }
    }
}

/// One contact as printed: its label ("Investor Contact:", or empty) and its lines.
#[derive(Clone, Debug, PartialEq)]
pub struct ContactEntry {
    /// The contact's own id (comments on it are anchored to its entry).
    pub id: ItemId,
    pub label: String,
    pub lines: Vec<String>,
}

/// Whose prose a paragraph is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prose {
    Body,
    Quote,
    About,
    SafeHarbor,
    /// The dateline with no paragraph to open: `lead` only.
    Dateline,
}

/// One printable piece of the release, in reading order. Text is clean (no control
/// characters) and not yet escaped.
#[derive(Clone, Debug, PartialEq)]
pub enum Item<'a> {
    Exhibit(String),
    /// The logo's path as the draft gives it (never empty).
    Logo(&'a str),
    Title(String),
    Timing(String),
    Contacts(Vec<ContactEntry>),
    /// The headline's lines (the author's line breaks).
    Headline(Vec<String>),
    Subheadline(String),
    SubheadlineBullets(Vec<String>),
    /// A paragraph of prose; `lead` is the dateline that opens it, ending in the space that
    /// parts it from the text, or in none when the wire runs its dash into the first word.
    Paragraph {
        lead: Option<String>,
        text: String,
        prose: Prose,
    },
    Bullets(Vec<String>),
    /// A body sub-heading.
    Heading(String),
    /// An "About" section's or the safe harbor's heading.
    SectionHeading(String),
    PageBreak,
    /// A financial table's words, cell by cell (see [`crate::core::table::cook`]).
    Table(Box<Cooked>),
    EndMark(&'static str),
}

/// Calls `f` with each item of the release in reading order: one pass over its parts.
pub fn flow<'a>(draft: &'a Draft, rules: &Rules, mut f: impl FnMut(Item<'a>)) {
    flow_fields(draft, rules, |_, item| f(item));
}

/// [`flow`], with the field each item comes from (for a preview that follows the edit).
pub fn flow_fields<'a>(draft: &'a Draft, rules: &Rules, mut g: impl FnMut(FieldRef, Item<'a>)) {
    let spacing = draft.export.sentence_spacing;
    let prose = |t: &str| text::space_sentences(t, spacing);
    // The dateline and quotes are prose to the text writer: a line break in them is a space.
    let lead_of = |dl| {
        let raw = dateline::dateline_lead(dl, rules.dateline);
        let mut lead = text::one_paragraph(&raw);
        if lead.is_empty() {
            return None;
        }
        if raw.ends_with(char::is_whitespace) {
            lead.push(' ');
        }
        Some(lead)
    };
    for part in release::parts(draft) {
        let field = part.field();
        let mut f = |item| g(field, item);
        match part {
            Part::Exhibit(label) => f(Item::Exhibit(one_line(label))),
            Part::Logo(path) => {
                if !path.trim().is_empty() {
                    f(Item::Logo(path));
                }
            }
            Part::Title(title) => {
                // The letterhead, centred above the title as the title is.
                for line in text::lines(&draft.release.letterhead) {
                    f(Item::Title(line));
                }
                let title = one_line(title);
                if rules.show_title && !title.is_empty() {
                    f(Item::Title(title));
                }
            }
            Part::Timing(_) => f(Item::Timing(render::timing_text(
                &draft.release,
                rules.timing_caps,
            ))),
            Part::Contacts(all) => {
                let entries = contacts(all, rules.contact_labels);
                let heading = text::one_paragraph(&draft.contacts_heading);
                if !entries.is_empty() && !heading.is_empty() {
                    f(Item::SectionHeading(heading));
                }
                if !entries.is_empty() {
                    f(Item::Contacts(entries));
                }
            }
            Part::Headline(h) => {
                // A wire's header over the headline and its note under it, as paragraphs.
                for p in text::paragraphs(&draft.release.header) {
                    f(Item::Paragraph {
                        lead: None,
                        text: one_line(&p),
                        prose: Prose::Body,
                    });
                }
                let lines = text::lines(h);
                if !lines.is_empty() {
                    f(Item::Headline(lines));
                }
                for p in text::paragraphs(&draft.release.header_note) {
                    f(Item::Paragraph {
                        lead: None,
                        text: one_line(&p),
                        prose: Prose::Body,
                    });
                }
            }
            Part::Subheadline(sub) => match sub {
                // Each paragraph its own, as the text writer prints them.
                Subheadline::Text(t) => {
                    for p in text::paragraphs(t) {
                        f(Item::Subheadline(prose(&p)));
                    }
                }
                Subheadline::Bullets(_) => {
                    let items = render::subheadline_items(sub);
                    f(Item::SubheadlineBullets(
                        items.iter().map(|i| prose(i)).collect(),
                    ));
                }
                Subheadline::None => {}
            },
            Part::Dateline(dl) => {
                if let Some(lead) = lead_of(dl) {
                    f(Item::Paragraph {
                        lead: Some(lead.trim_end().to_string()),
                        text: String::new(),
                        prose: Prose::Dateline,
                    });
                }
            }
            Part::Block {
                block, dateline, ..
            } => {
                let mut lead = dateline.and_then(lead_of);
                // Every kind of block once; a new kind (a financial table) is one more arm.
                match block {
                    Block::Paragraph(t) => {
                        for p in text::paragraphs(t) {
                            f(Item::Paragraph {
                                lead: lead.take(),
                                text: prose(&p),
                                prose: Prose::Body,
                            });
                        }
                    }
                    Block::Quote(q) => {
                        for p in render::quote_paragraphs(q) {
                            f(Item::Paragraph {
                                lead: lead.take(),
                                text: prose(&text::one_paragraph(&p)),
                                prose: Prose::Quote,
                            });
                        }
                    }
                    Block::Bullets(items) => {
                        let items: Vec<String> = items
                            .iter()
                            .map(|i| text::one_paragraph(i))
                            .filter(|i| !i.is_empty())
                            .map(|i| prose(&i))
                            .collect();
                        if !items.is_empty() {
                            f(Item::Bullets(items));
                        }
                    }
                    Block::Heading(h) => {
                        let h = text::one_paragraph(h);
                        if !h.is_empty() {
                            f(Item::Heading(h));
                        }
                    }
                    Block::PageBreak => f(Item::PageBreak),
                    Block::Table(t) => f(Item::Table(Box::new(table::cook(t)))),
                }
            }
            Part::About { about, heading } => {
                let heading = text::one_paragraph(&heading);
                if !heading.is_empty() {
                    f(Item::SectionHeading(heading));
                }
                for p in text::paragraphs(&about.text) {
                    f(Item::Paragraph {
                        lead: None,
                        text: prose(&p),
                        prose: Prose::About,
                    });
                }
            }
            Part::SafeHarbor(sh) => {
                if sh.page_break_before {
                    f(Item::PageBreak);
                }
                let heading = text::one_paragraph(&sh.heading);
                if !heading.is_empty() {
                    f(Item::SectionHeading(heading));
                }
                for p in text::paragraphs(&sh.text) {
                    f(Item::Paragraph {
                        lead: None,
                        text: prose(&p),
                        prose: Prose::SafeHarbor,
                    });
                }
            }
            Part::EndMark(mark) => f(Item::EndMark(mark.text())),
            Part::Trailer(line) => f(Item::Paragraph {
                lead: None,
                text: one_line(line),
                prose: Prose::Body,
            }),
        }
    }
}

/// A single line of text, trimmed, without control characters.
fn one_line(s: &str) -> String {
    text::clean_line(s.trim()).trim().to_string()
}

/// The contacts that print anything, labelled as the text writer labels them: a role
/// becomes "Role:", the first contact without one "Contact:" ("Contacts:" when several
/// have none), and the others without one no label.
fn contacts(all: &[Contact], labels: bool) -> Vec<ContactEntry> {
    let shown: Vec<&Contact> = all
        .iter()
        .filter(|c| !render::contact_lines(c, true).is_empty())
        .collect();
    let names = render::contact_labels(&shown);
    shown
        .into_iter()
        .zip(names)
        .map(|(c, label)| {
            let label = one_line(&label);
            let lines = render::contact_lines(c, labels)
                .iter()
                .map(|l| one_line(l))
                .filter(|l| !l.is_empty())
                .collect();
            ContactEntry {
                id: c.id,
                label,
                lines,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::draft::{Quote, Timing};

    fn items(d: &Draft, style: Style) -> Vec<Item<'_>> {
        let mut v = Vec::new();
        flow(d, &Rules::for_draft(d, style), |i| v.push(i));
        v
    }

    #[test]
    fn the_dateline_opens_the_first_prose_and_only_it() {
        let mut d = Draft::default();
        d.dateline.city = "Madison".into();
        d.dateline.region = "WI".into();
        d.set_body([
            Block::Heading("Results".into()),
            Block::Quote(Quote {
                text: "Good.\n\nVery good.".into(),
                speaker: "Helen Marsh".into(),
                ..Quote::default()
            }),
            Block::Paragraph("More.".into()),
        ]);
        let v = items(&d, Style::Newswire);
        let paras: Vec<_> = v
            .iter()
            .filter_map(|i| match i {
                Item::Paragraph { lead, text, .. } => Some((lead.clone(), text.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(
            paras,
            [
                (
                    Some("MADISON, Wis. -- ".into()),
                    "\"Good,\" said Helen Marsh.".into()
                ),
                (None, "\"Very good.\"".into()),
                (None, "More.".into()),
            ]
        );
        let v = items(&d, Style::Edgar);
        assert!(v.iter().any(|i| matches!(
            i,
            Item::Paragraph { lead: Some(l), .. } if l == "Madison, WI - - "
        )));
    }

    #[test]
    fn contacts_are_labelled_as_in_the_text_export() {
        let mut d = Draft::default();
        d.contacts[0].name = "Ann".into();
        d.add_contact(Contact {
            name: "Bo".into(),
            email: "bo@x.example".into(),
            ..Contact::default()
        });
        d.add_contact(Contact {
            role: "Media Contact:".into(),
            phone: "555-0100".into(),
            ..Contact::default()
        });
        d.add_contact(Contact::default());
        let v = items(&d, Style::Edgar);
        let Some(Item::Contacts(c)) = v.iter().find(|i| matches!(i, Item::Contacts(_))) else {
            panic!("no contacts")
        };
        let labels: Vec<&str> = c.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(labels, ["Contacts:", "", "Media Contact:"]);
        assert_eq!(c[1].lines, ["Bo", "Email: bo@x.example"]);
        let text = render::render_as(&d, Style::Edgar).text;
        assert!(text.contains("Contacts:") && text.contains("Media Contact:"));
    }

    #[test]
    fn the_title_and_timing_follow_the_style() {
        let mut d = Draft::default();
        d.release.timing = Timing::Immediate;
        let e = items(&d, Style::Edgar);
        assert!(e.contains(&Item::Title("NEWS RELEASE".into())));
        assert!(e.contains(&Item::Timing("For Immediate Release".into())));
        let n = items(&d, Style::Newswire);
        assert!(!n.iter().any(|i| matches!(i, Item::Title(_))));
        assert!(n.contains(&Item::Timing("FOR IMMEDIATE RELEASE".into())));
        d.export.layout.title_spaced = Some(false);
        let n = items(&d, Style::Newswire);
        assert!(n.contains(&Item::Title("NEWS RELEASE".into())));
    }
}
