//! The release in reading order, decided once: a sequence of semantic parts (title, timing,
//! contacts, headline, body blocks, "About" sections, safe harbor, end mark), each pointing
//! back at its field. Every output (the text styles, HTML, Word) writes from this sequence,
//! so no output can put a part elsewhere or leave one out; how a part looks is the writer's.

use crate::core::draft::{
    About, Block, Contact, ContactsPlacement, Dateline, Draft, EndMark, FieldRef, ItemId,
    SafeHarbor, Subheadline, Timing,
};

/// One part of the release.
#[derive(Clone, Debug, PartialEq)]
pub enum Part<'a> {
    /// "EXHIBIT 99.1", when the release is filed with an 8-K.
    Exhibit(&'a str),
    /// The letterhead logo's file.
    Logo(&'a str),
    Title(&'a str),
    Timing(&'a Timing),
    /// The contacts that print anything, where the draft places them.
    Contacts(&'a [Contact]),
    Headline(&'a str),
    Subheadline(&'a Subheadline),
    /// The dateline on its own: no paragraph or quote is there to open with it.
    Dateline(&'a Dateline),
    /// A body block; `dateline` is set on the first paragraph or quote with words, which
    /// opens with it.
    Block {
        id: ItemId,
        block: &'a Block,
        dateline: Option<&'a Dateline>,
    },
    /// An "About" section with words in it, and the heading it prints.
    About {
        about: &'a About,
        heading: String,
    },
    SafeHarbor(&'a SafeHarbor),
    EndMark(EndMark),
    /// A closing line as written ("SOURCE: Acme Corp."), last of all.
    Trailer(&'a str),
}

impl Part<'_> {
    /// The field the part's text comes from (for the preview's follow, checks and redlines).
    pub fn field(&self) -> FieldRef {
        match self {
            Part::Exhibit(_) => FieldRef::Exhibit,
            Part::Logo(_) => FieldRef::Logo,
            Part::Title(_) => FieldRef::Title,
            Part::Timing(_) => FieldRef::Timing,
            Part::Contacts(c) => FieldRef::Contact(c.first().map(|c| c.id).unwrap_or_default()),
            Part::Headline(_) => FieldRef::Headline,
            Part::Subheadline(_) => FieldRef::Subheadline,
            Part::Dateline(_) => FieldRef::Dateline,
            Part::Block { id, .. } => FieldRef::Body(*id),
            Part::About { about, .. } => FieldRef::About(about.id),
            Part::SafeHarbor(_) => FieldRef::SafeHarbor,
            Part::EndMark(_) => FieldRef::EndMark,
            Part::Trailer(_) => FieldRef::EndMark,
        }
    }
}

/// Whether a contact prints anything at all.
pub fn contact_has_text(c: &Contact) -> bool {
    [&c.organisation, &c.name, &c.title, &c.phone, &c.email]
        .iter()
        .any(|t| !t.trim().is_empty())
}

/// The release's parts in reading order. Empty optional parts (no exhibit label, no logo,
/// no subheadline, empty "About" sections, no safe harbor, no end mark) are left out; the
/// title, timing line and headline are always there (a style may not print the title, and
/// an empty headline prints nothing).
pub fn parts(d: &Draft) -> Vec<Part<'_>> {
    let mut out = Vec::with_capacity(d.body.len() + 16);
    if !d.release.exhibit.trim().is_empty() {
        out.push(Part::Exhibit(&d.release.exhibit));
    }
    if let Some(logo) = &d.release.logo {
        out.push(Part::Logo(logo));
    }
    out.push(Part::Title(&d.release.title));
    let layout = d.export.layout;
    // A release may have no timing line at all, or print it under the contacts.
    let timing = (layout.timing_line != Some(false)).then_some(Part::Timing(&d.release.timing));
    let contacts = contacts_part(d);
    let timing_after = layout.timing_after_contacts == Some(true)
        && d.contacts_placement == ContactsPlacement::Top
        && contacts.is_some();
    if !timing_after {
        out.extend(timing.clone());
    }
    if d.contacts_placement == ContactsPlacement::Top {
        out.extend(contacts.clone());
    }
    if timing_after {
        out.extend(timing);
    }
    out.push(Part::Headline(&d.headline));
    let has_sub = match &d.subheadline {
        Subheadline::None => false,
        Subheadline::Text(t) => !t.trim().is_empty(),
        Subheadline::Bullets(items) => items.iter().any(|i| !i.trim().is_empty()),
    };
    if has_sub {
        out.push(Part::Subheadline(&d.subheadline));
    }
    // Only text that prints opens with the dateline: control characters alone are
    // dropped by every writer, and the dateline with them.
    let prints = |t: &str| t.chars().any(|c| !c.is_whitespace() && !c.is_control());
    let leads = |b: &Block| match b {
        Block::Paragraph(t) => prints(t),
        Block::Quote(q) => prints(&q.text),
        _ => false,
    };
    let first_prose = d.body.iter().position(|b| leads(&b.block));
    if first_prose.is_none() {
        out.push(Part::Dateline(&d.dateline));
    }
    for (i, b) in d.body.iter().enumerate() {
        out.push(Part::Block {
            id: b.id,
            block: &b.block,
            dateline: (Some(i) == first_prose).then_some(&d.dateline),
        });
    }
    for about in &d.boilerplate {
        if about.text.trim().is_empty() && about.heading.trim().is_empty() {
            continue;
        }
        out.push(Part::About {
            about,
            heading: d.about_heading(about),
        });
    }
    if !d.safe_harbor.text.trim().is_empty() || !d.safe_harbor.heading.trim().is_empty() {
        out.push(Part::SafeHarbor(&d.safe_harbor));
    }
    if d.contacts_placement == ContactsPlacement::EndBeforeMark {
        out.extend(contacts.clone());
    }
    if d.end_mark != EndMark::None {
        out.push(Part::EndMark(d.end_mark));
    }
    if d.contacts_placement == ContactsPlacement::EndAfterMark {
        out.extend(contacts);
    }
    if !d.release.trailer.trim().is_empty() {
        out.push(Part::Trailer(&d.release.trailer));
    }
    out
}

/// The contacts part, when any contact prints anything. Contacts with nothing in them are
/// left out by the writers; the slice is the draft's own, in order.
fn contacts_part(d: &Draft) -> Option<Part<'_>> {
    d.contacts
        .iter()
        .any(contact_has_text)
        .then_some(Part::Contacts(&d.contacts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::draft::{BlockKind, Quote};

    fn kinds(parts: &[Part]) -> Vec<&'static str> {
        parts
            .iter()
            .map(|p| match p {
                Part::Exhibit(_) => "exhibit",
                Part::Logo(_) => "logo",
                Part::Title(_) => "title",
                Part::Timing(_) => "timing",
                Part::Contacts(_) => "contacts",
                Part::Headline(_) => "headline",
                Part::Subheadline(_) => "subheadline",
                Part::Dateline(_) => "dateline",
                Part::Block { .. } => "block",
                Part::About { .. } => "about",
                Part::SafeHarbor(_) => "safe harbor",
                Part::EndMark(_) => "end mark",
                Part::Trailer(_) => "trailer",
            })
            .collect()
    }

    #[test]
    fn the_reading_order_follows_the_draft_and_its_placement_of_contacts() {
        let mut d = Draft {
            headline: "Acme Opens a Plant".into(),
            ..Draft::default()
        };
        d.contacts[0].name = "Dana Reyes".into();
        d.set_body([
            BlockKind::Heading.new_block(),
            Block::Quote(Quote {
                text: "Proud day.".into(),
                ..Quote::default()
            }),
            Block::Paragraph("More.".into()),
        ]);
        d.boilerplate[0].text = "Acme makes anvils.".into();
        d.safe_harbor.text = "Statements about the future are uncertain.".into();
        let p = parts(&d);
        assert_eq!(
            kinds(&p),
            [
                "title",
                "timing",
                "contacts",
                "headline",
                "block",
                "block",
                "block",
                "about",
                "safe harbor",
                "end mark"
            ]
        );
        // The quote is the first block with words: the dateline opens it.
        assert!(matches!(
            p[5],
            Part::Block {
                dateline: Some(_),
                ..
            }
        ));
        assert!(matches!(p[4], Part::Block { dateline: None, .. }));
        assert_eq!(p[7].field(), FieldRef::About(d.boilerplate[0].id));

        d.contacts_placement = ContactsPlacement::EndAfterMark;
        let k = kinds(&parts(&d));
        assert_eq!(k[k.len() - 2..], ["end mark", "contacts"]);
        d.contacts_placement = ContactsPlacement::EndBeforeMark;
        let k = kinds(&parts(&d));
        assert_eq!(k[k.len() - 2..], ["contacts", "end mark"]);
    }

    #[test]
    fn text_of_control_characters_alone_does_not_take_the_dateline() {
        let mut d = Draft::default();
        d.set_body([
            Block::Quote(Quote {
                text: "\t\u{7}\r\n".into(),
                ..Quote::default()
            }),
            Block::Paragraph("Words.".into()),
        ]);
        let p = parts(&d);
        assert!(p.iter().any(|p| matches!(
            p,
            Part::Block {
                block: Block::Paragraph(_),
                dateline: Some(_),
                ..
            }
        )));
    }

    #[test]
    fn a_body_without_prose_gets_the_dateline_on_its_own() {
        let mut d = Draft::default();
        d.set_body([Block::PageBreak]);
        d.end_mark = EndMark::None;
        let k = kinds(&parts(&d));
        assert_eq!(k, ["title", "timing", "headline", "dateline", "block"]);
    }
}
