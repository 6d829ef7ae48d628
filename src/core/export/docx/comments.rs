//! The draft's comments as Word comments (an export option, off by default): each comment
//! and its replies, in order, with author, time and initials, anchored around the text of
//! its field, or around its quoted words where they are found in the field's paragraphs.
//! A comment on a field that prints nothing is anchored at the next text that does (the
//! last text when none follows), with a note saying so: never lost. Resolved threads are
//! marked done (`w15:done`), as Word's Resolve does.
//!
//! docx-rs writes comments, replies and their ranges, but leaves `w:initials` empty and
//! every `w15:done` at 0: [`finish`] sets both in its XML before the package is zipped.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use docx_rs::{
    Comment, CommentRangeEnd, CommentRangeStart, Paragraph, ParagraphChild, Run, RunChild,
    TableCellContent, TableChild, TableRowChild, Text, XMLDocx,
};

use super::{Part, xml_text};
use crate::core::draft::{self, ContactsPlacement, Draft, FieldRef};
use crate::core::export::flow::Item;

/// How an item's parts map to fields, beyond the field it came from.
pub(super) enum Shape {
    /// Every part is the field's.
    Whole,
    /// Prints nothing a comment can sit on (a page break).
    Skip,
    /// One paragraph a contact, these contacts in order.
    Contacts(Vec<draft::ItemId>),
    /// A paragraph opened by the dateline: its first `usize` bytes are the dateline's.
    Lead(usize),
}

impl Shape {
    pub(super) fn of(item: &Item) -> Shape {
        match item {
            Item::PageBreak => Shape::Skip,
            Item::Contacts(entries) => Shape::Contacts(entries.iter().map(|e| e.id).collect()),
            Item::Paragraph { lead: Some(l), .. } => Shape::Lead(xml_text(l).len()),
            _ => Shape::Whole,
        }
    }
}

/// The parts each field printed, in reading order.
#[derive(Default)]
pub(super) struct Spans {
    spans: Vec<(FieldRef, Range<usize>)>,
    /// The paragraph the dateline opens, and the dateline's length in it.
    lead: Option<(usize, usize)>,
}

impl Spans {
    pub(super) fn record(&mut self, field: FieldRef, shape: Shape, parts: Range<usize>) {
        if parts.is_empty() {
            return;
        }
        match shape {
            Shape::Skip => {}
            Shape::Whole => self.spans.push((field, parts)),
            Shape::Contacts(ids) => {
                for (k, id) in ids.into_iter().enumerate() {
                    let p = parts.start + k;
                    if p < parts.end {
                        self.spans.push((FieldRef::Contact(id), p..p + 1));
                    }
                }
            }
            Shape::Lead(len) => {
                if self.lead.is_none() {
                    self.lead = Some((parts.start, len));
                }
                self.spans.push((field, parts));
            }
        }
    }

    /// The first and last part of a field, if it printed any.
    fn of(&self, field: FieldRef) -> Option<(usize, usize)> {
        let mut found = self.spans.iter().filter(|(f, _)| *f == field);
        let (_, first) = found.next()?;
        let last = found.next_back().map_or(first.end, |(_, r)| r.end);
        Some((first.start, last - 1))
    }
}

/// A place in a paragraph's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Pos {
    Start,
    /// A byte offset in the paragraph's text.
    At(usize),
    End,
}

impl Pos {
    fn key(self) -> usize {
        match self {
            Pos::Start => 0,
            Pos::At(x) => x,
            Pos::End => usize::MAX,
        }
    }
}

/// A paragraph of the body: a part's own, or (in a table) the paragraph at row, cell and
/// paragraph.
type Target = (usize, Option<(usize, usize, usize)>);

/// Where a comment marker goes.
type Place = (Target, Pos);

/// A thread as written: the ids of the comment and its replies, and what `finish` sets.
pub(super) struct Thread {
    ids: Vec<usize>,
    initials: Vec<String>,
    done: bool,
}

/// A comment marker to put into a paragraph.
struct Mark {
    pos: Pos,
    end: bool,
    seq: usize,
    child: ParagraphChild,
}

/// Puts every comment of the draft into `parts`; the threads written, for [`finish`].
pub(super) fn anchor(draft: &Draft, spans: &Spans, parts: &mut Vec<Part>) -> Vec<Thread> {
    if draft.comments.is_empty() {
        return Vec::new();
    }
    if !parts.iter().any(|p| matches!(p, Part::Paragraph(_))) {
        parts.push(Part::Paragraph(Box::new(Paragraph::new())));
    }
    let mut marks: BTreeMap<Target, Vec<Mark>> = BTreeMap::new();
    let mut threads = Vec::new();
    let mut next_id = 1;
    let mut seq = 0;
    for c in &draft.comments {
        let (start, end, note) = place(draft, spans, parts, c);
        let mut ids = Vec::new();
        let mut initials = Vec::new();
        let mut add = |at: Place, end: bool, child: ParagraphChild| {
            marks.entry(at.0).or_default().push(Mark {
                pos: at.1,
                end,
                seq,
                child,
            });
            seq += 1;
        };
        let parent = next_id;
        let entries = std::iter::once((&c.author, c.time, &c.text, note.as_deref()))
            .chain(c.replies.iter().map(|r| (&r.author, r.time, &r.text, None)));
        for (author, time, text, note) in entries {
            let id = next_id;
            next_id += 1;
            let author = author_name(author);
            let mut comment = Comment::new(id)
                .author(xml_text(&author))
                .date(time.format("%Y-%m-%dT%H:%M:%SZ").to_string())
                .add_paragraph(Paragraph::new().add_run(comment_run(note, text)));
            if id != parent {
                comment = comment.parent_comment_id(parent);
            }
            add(
                start,
                false,
                ParagraphChild::CommentStart(Box::new(CommentRangeStart::new(comment))),
            );
            ids.push(id);
            initials.push(initials_of(&author));
        }
        for &id in &ids {
            add(
                end,
                true,
                ParagraphChild::CommentEnd(CommentRangeEnd::new(id)),
            );
        }
        threads.push(Thread {
            ids,
            initials,
            done: c.resolved,
        });
    }
    for (target, list) in marks {
        if let Some(p) = paragraph_mut(parts, target) {
            insert_marks(p, list);
        }
    }
    threads
}

/// Where a comment starts and ends, and a note for its text when it is not where its
/// field or words are.
fn place(
    draft: &Draft,
    spans: &Spans,
    parts: &[Part],
    c: &draft::Comment,
) -> (Place, Place, Option<String>) {
    let quote = c.quote.trim();
    let span = spans.of(c.field).or_else(|| match c.field {
        // The dateline opens the first paragraph: its own words there.
        FieldRef::Dateline => spans.lead.map(|(p, _)| (p, p)),
        _ => None,
    });
    let Some((first, last)) = span else {
        return nothing_printed(draft, spans, parts, c.field);
    };
    let lead_only = c.field == FieldRef::Dateline && spans.of(c.field).is_none();
    if !quote.is_empty() {
        for p in first..=last {
            for target in targets(parts, p) {
                if let Some(para) = paragraph(parts, target)
                    && let Some(r) = find_words(&paragraph_text(para), quote)
                {
                    return ((target, Pos::At(r.start)), (target, Pos::At(r.end)), None);
                }
            }
        }
    }
    let note = (!quote.is_empty()).then(|| format!("On \u{201c}{quote}\u{201d}:"));
    if lead_only && let Some((p, len)) = spans.lead {
        return (((p, None), Pos::Start), ((p, None), Pos::At(len)), note);
    }
    (
        (edge(parts, first, true), Pos::Start),
        (edge(parts, last, false), Pos::End),
        note,
    )
}

/// A comment on a field with no text in the document: at the start of the next text, or
/// at the end of the last when none follows.
fn nothing_printed(
    draft: &Draft,
    spans: &Spans,
    parts: &[Part],
    field: FieldRef,
) -> (Place, Place, Option<String>) {
    let note = Some(format!(
        "On the {}, which prints nothing:",
        draft.field_label(field)
    ));
    let here = rank(draft, field);
    let next = spans
        .spans
        .iter()
        .find(|(f, _)| rank(draft, *f) > here)
        .map(|(_, r)| r.start);
    let at = match next {
        Some(p) => (edge(parts, p, true), Pos::Start),
        // Nothing follows: the end of the last paragraph (`anchor` made sure of one).
        None => {
            let last = parts
                .iter()
                .rposition(|p| matches!(p, Part::Paragraph(_)))
                .unwrap_or(0);
            ((last, None), Pos::End)
        }
    };
    (at, at, note)
}

/// Where a field sits in reading order, for fields that print nothing. Fields with no place
/// of their own (the company, the export settings, removed items) come first.
fn rank(d: &Draft, f: FieldRef) -> (u32, usize) {
    let at = |major: u32| match d.position(f) {
        Some(i) => (major, i),
        None => (0, 0),
    };
    match f {
        FieldRef::Company | FieldRef::Export => (0, 0),
        FieldRef::Exhibit => (10, 0),
        FieldRef::Logo => (20, 0),
        FieldRef::Title => (30, 0),
        FieldRef::Timing => (40, 0),
        FieldRef::Contact(_) => at(match d.contacts_placement {
            ContactsPlacement::Top => 45,
            ContactsPlacement::EndBeforeMark => 115,
            ContactsPlacement::EndAfterMark => 125,
        }),
        FieldRef::Headline => (60, 0),
        FieldRef::Subheadline => (70, 0),
        FieldRef::Dateline => (80, 0),
        FieldRef::Body(_) => at(90),
        FieldRef::About(_) => at(100),
        FieldRef::SafeHarbor => (110, 0),
        FieldRef::EndMark => (120, 0),
    }
}

/// The comment's words, a line break where the author made one, after the note if any. One
/// paragraph: docx-rs writes a comment once for each paragraph it holds.
fn comment_run(note: Option<&str>, text: &str) -> Run {
    let mut r = Run::new();
    let mut first = true;
    for line in note.into_iter().chain(text.lines()) {
        if !first {
            r = r.add_break(docx_rs::BreakType::TextWrapping);
        }
        first = false;
        r = r.add_text(xml_text(line));
    }
    r
}

fn author_name(author: &str) -> String {
    let a = author.trim();
    if a.is_empty() { "Reviewer" } else { a }.to_string()
}

/// "Helen Marsh" -> "HM"; "counsel" -> "C".
fn initials_of(author: &str) -> String {
    author
        .split(|c: char| c.is_whitespace() || c == '.' || c == '-' || c == '_')
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .flat_map(char::to_uppercase)
        .take(4)
        .collect()
}

/// Every paragraph of part `p`, in order: itself, or each cell's of a table.
fn targets(parts: &[Part], p: usize) -> Vec<Target> {
    match &parts[p] {
        Part::Paragraph(_) => vec![(p, None)],
        Part::Table(t) => {
            let mut out = Vec::new();
            for (r, TableChild::TableRow(row)) in t.rows.iter().enumerate() {
                for (c, TableRowChild::TableCell(cell)) in row.cells.iter().enumerate() {
                    for (k, content) in cell.children.iter().enumerate() {
                        if matches!(content, TableCellContent::Paragraph(_)) {
                            out.push((p, Some((r, c, k))));
                        }
                    }
                }
            }
            out
        }
    }
}

/// Part `p`'s first (or last) paragraph.
fn edge(parts: &[Part], p: usize, first: bool) -> Target {
    let all = targets(parts, p);
    let pick = if first { all.first() } else { all.last() };
    pick.copied().unwrap_or((p, None))
}

fn paragraph(parts: &[Part], (p, cell): Target) -> Option<&Paragraph> {
    match (parts.get(p)?, cell) {
        (Part::Paragraph(para), None) => Some(para),
        (Part::Table(t), Some((r, c, k))) => {
            let TableChild::TableRow(row) = t.rows.get(r)?;
            let TableRowChild::TableCell(cell) = row.cells.get(c)?;
            match cell.children.get(k)? {
                TableCellContent::Paragraph(para) => Some(para),
                _ => None,
            }
        }
        _ => None,
    }
}

fn paragraph_mut(parts: &mut [Part], (p, cell): Target) -> Option<&mut Paragraph> {
    match (parts.get_mut(p)?, cell) {
        (Part::Paragraph(para), None) => Some(para),
        (Part::Table(t), Some((r, c, k))) => {
            let TableChild::TableRow(row) = t.rows.get_mut(r)?;
            let TableRowChild::TableCell(cell) = row.cells.get_mut(c)?;
            match cell.children.get_mut(k)? {
                TableCellContent::Paragraph(para) => Some(para),
                _ => None,
            }
        }
        _ => None,
    }
}

/// docx-rs keeps text XML-escaped; the words as printed.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#xA;", "\n")
        .replace("&amp;", "&")
}

/// A run's printed text: its texts, a line break as `\n`.
fn run_text(r: &Run) -> String {
    let mut s = String::new();
    for c in &r.children {
        match c {
            RunChild::Text(t) => s.push_str(&unescape(&t.text)),
            RunChild::Break(_) => s.push('\n'),
            _ => {}
        }
    }
    s
}

fn paragraph_text(p: &Paragraph) -> String {
    p.children
        .iter()
        .filter_map(|c| match c {
            ParagraphChild::Run(r) => Some(run_text(r)),
            _ => None,
        })
        .collect()
}

/// A run cut in two at byte `at` of its text, both halves formatted as it was.
fn split_run(r: Run, at: usize) -> (Run, Run) {
    let mut a = Run {
        run_property: r.run_property.clone(),
        children: Vec::new(),
    };
    let mut b = Run {
        run_property: r.run_property,
        children: Vec::new(),
    };
    let mut offset = 0;
    for c in r.children {
        let len = match &c {
            RunChild::Text(t) => unescape(&t.text).len(),
            RunChild::Break(_) => 1,
            _ => 0,
        };
        if offset + len <= at {
            a.children.push(c);
        } else if offset >= at {
            b.children.push(c);
        } else if let RunChild::Text(t) = &c {
            let text = unescape(&t.text);
            let (x, y) = text.split_at(at - offset);
            a.children.push(RunChild::Text(Text::new(x)));
            b.children.push(RunChild::Text(Text::new(y)));
        } else {
            b.children.push(c);
        }
        offset += len;
    }
    (a, b)
}

/// Puts the markers into the paragraph at their places, cutting runs where one falls
/// inside.
fn insert_marks(p: &mut Paragraph, mut marks: Vec<Mark>) {
    marks.sort_by_key(|m| (m.pos.key(), m.end, m.seq));
    let mut marks = marks.into_iter().peekable();
    let mut out = Vec::with_capacity(p.children.len() + marks.len() * 2);
    let mut offset = 0;
    for child in std::mem::take(&mut p.children) {
        let ParagraphChild::Run(run) = child else {
            out.push(child);
            continue;
        };
        let mut run = *run;
        let end = offset + run_text(&run).len();
        let mut cut = offset;
        while let Some(m) = marks.next_if(|m| m.pos.key() <= cut || m.pos.key() < end) {
            let at = m.pos.key();
            if at > cut {
                let (a, b) = split_run(run, at - cut);
                out.push(ParagraphChild::Run(Box::new(a)));
                run = b;
                cut = at;
            }
            out.push(m.child);
        }
        out.push(ParagraphChild::Run(Box::new(run)));
        offset = end;
    }
    out.extend(marks.map(|m| m.child));
    p.children = out;
}

/// The quoted words in `text`, however the spaces between them were printed (a line
/// break, two spaces after a full stop).
fn find_words(text: &str, quote: &str) -> Option<Range<usize>> {
    let words: Vec<&str> = quote.split_whitespace().collect();
    let first = *words.first()?;
    for (start, _) in text.match_indices(first) {
        let mut at = start + first.len();
        let mut ok = true;
        for w in &words[1..] {
            let rest = &text[at..];
            let trimmed = rest.trim_start();
            if trimmed.len() == rest.len() || !trimmed.starts_with(w) {
                ok = false;
                break;
            }
            at += rest.len() - trimmed.len() + w.len();
        }
        if ok {
            return Some(start..at);
        }
    }
    None
}

/// Sets each comment's initials and marks resolved threads done in docx-rs's XML.
pub(super) fn finish(xml: &mut XMLDocx, threads: &[Thread]) -> Result<(), String> {
    let mut initials: HashMap<String, &str> = HashMap::new();
    let mut done_ids: HashSet<String> = HashSet::new();
    for t in threads {
        for (id, i) in t.ids.iter().zip(&t.initials) {
            initials.insert(id.to_string(), i);
            if t.done {
                done_ids.insert(id.to_string());
            }
        }
    }
    // comments.xml: the initials; and which paragraph (w14:paraId) each comment is.
    let mut done_paras: HashSet<Vec<u8>> = HashSet::new();
    let mut current: Option<String> = None;
    xml.comments = rewrite(&xml.comments, |e| match e.name().as_ref() {
        b"w:comment" => {
            let id = attr(e, b"w:id").unwrap_or_default();
            let attrs: Vec<(Vec<u8>, Vec<u8>)> = e
                .attributes()
                .flatten()
                .map(|a| {
                    let v = match (a.key.as_ref(), initials.get(&id)) {
                        (b"w:initials", Some(i)) => xml_attr(i),
                        _ => a.value.to_vec(),
                    };
                    (a.key.as_ref().to_vec(), v)
                })
                .collect();
            set_attrs(e, attrs);
            current = Some(id);
        }
        b"w:p" => {
            if let (Some(id), Some(para)) = (current.take(), attr(e, b"w14:paraId"))
                && done_ids.contains(&id)
            {
                done_paras.insert(para.into_bytes());
            }
        }
        _ => {}
    })?;
    // commentsExtended.xml: w15:done="1" on every comment of a resolved thread.
    xml.comments_extended = rewrite(&xml.comments_extended, |e| {
        if e.name().as_ref() != b"w15:commentEx" {
            return;
        }
        let para = attr(e, b"w15:paraId").unwrap_or_default();
        if !done_paras.contains(para.as_bytes()) {
            return;
        }
        let attrs: Vec<(Vec<u8>, Vec<u8>)> = e
            .attributes()
            .flatten()
            .map(|a| {
                let v = if a.key.as_ref() == b"w15:done" {
                    b"1".to_vec()
                } else {
                    a.value.to_vec()
                };
                (a.key.as_ref().to_vec(), v)
            })
            .collect();
        set_attrs(e, attrs);
    })?;
    Ok(())
}

fn attr(e: &quick_xml::events::BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// An attribute value as it goes into the XML (initials are letters, but escape anyway).
fn xml_attr(s: &str) -> Vec<u8> {
    quick_xml::escape::escape(s).into_owned().into_bytes()
}

fn set_attrs(e: &mut quick_xml::events::BytesStart, attrs: Vec<(Vec<u8>, Vec<u8>)>) {
    e.clear_attributes();
    for (k, v) in attrs {
        e.push_attribute(quick_xml::events::attributes::Attribute {
            key: quick_xml::name::QName(&k),
            value: v.into(),
        });
    }
}

/// The XML with `f` applied to every start (and empty) element; the rest as it was.
fn rewrite(
    bytes: &[u8],
    mut f: impl FnMut(&mut quick_xml::events::BytesStart),
) -> Result<Vec<u8>, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut writer = quick_xml::Writer::new(Vec::with_capacity(bytes.len() + 64));
    let mut buf = Vec::new();
    loop {
        let ev = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("comments: {e}"))?;
        let ev = match ev {
            Event::Eof => break,
            Event::Start(mut e) => {
                f(&mut e);
                Event::Start(e)
            }
            Event::Empty(mut e) => {
                f(&mut e);
                Event::Empty(e)
            }
            other => other,
        };
        writer
            .write_event(ev)
            .map_err(|e| format!("comments: {e}"))?;
        buf.clear();
    }
    Ok(writer.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::draft::{Block, Reply};
    use crate::core::export::{ExportOptions, ExportStyle, export};
    use chrono::TimeZone;
    use quick_xml::events::Event;

    fn at(h: u32) -> chrono::DateTime<chrono::Utc> {
        chrono::Utc.with_ymd_and_hms(2026, 11, 27, h, 5, 0).unwrap()
    }

    fn comment(field: FieldRef, quote: &str, author: &str, text: &str) -> draft::Comment {
        draft::Comment {
            field,
            quote: quote.into(),
            author: author.into(),
            time: at(14),
            text: text.into(),
            replies: Vec::new(),
            resolved: false,
        }
    }

    /// A draft with a comment on the headline (with a reply), one on words of the body
    /// (resolved), one on the empty subheadline and one whose words are gone.
    fn reviewed() -> Draft {
        let mut d = Draft {
            headline: "Acme Reports Record Results".into(),
            ..Draft::default()
        };
        d.set_body([
            Block::Paragraph("Net sales rose 12% to $4.1 million & more.".into()),
            Block::Paragraph("Margins widened.".into()),
        ]);
        let body = d.body[0].id;
        let mut c = comment(
            FieldRef::Headline,
            "",
            "Helen Marsh",
            "Is this final?\nCheck.",
        );
        c.replies.push(Reply {
            author: "counsel".into(),
            time: at(15),
            text: "Yes.".into(),
        });
        d.comments.push(c);
        let mut c = comment(
            FieldRef::Body(body),
            "12% to $4.1 million &",
            "Bo Li",
            "Source?",
        );
        c.resolved = true;
        d.comments.push(c);
        d.comments.push(comment(
            FieldRef::Subheadline,
            "",
            "Ann",
            "Add a subheadline?",
        ));
        d.comments
            .push(comment(FieldRef::Body(body), "fell", "Ann", "Gone words"));
        d
    }

    fn docx(d: &Draft, comments: bool) -> Vec<u8> {
        let options = ExportOptions {
            comments,
            ..ExportOptions::default()
        };
        export(d, ExportStyle::Docx, &options).unwrap().main
    }

    fn part(docx: &[u8], name: &str) -> Option<String> {
        use std::io::Read;
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
        let mut s = String::new();
        zip.by_name(name).ok()?.read_to_string(&mut s).unwrap();
        Some(s)
    }

    fn attrs(e: &quick_xml::events::BytesStart) -> HashMap<String, String> {
        e.attributes()
            .flatten()
            .map(|a| {
                (
                    String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                    quick_xml::escape::unescape(&String::from_utf8_lossy(&a.value))
                        .unwrap()
                        .into_owned(),
                )
            })
            .collect()
    }

    /// `word/comments.xml` read back: (attributes, text) of each comment.
    fn word_comments(docx: &[u8]) -> Vec<(HashMap<String, String>, String)> {
        let xml = part(docx, "word/comments.xml").expect("word/comments.xml");
        let mut r = quick_xml::Reader::from_str(&xml);
        let mut out: Vec<(HashMap<String, String>, String)> = Vec::new();
        loop {
            match r.read_event().unwrap() {
                Event::Start(e) if e.name().as_ref() == b"w:comment" => {
                    out.push((attrs(&e), String::new()))
                }
                Event::Empty(e) if e.name().as_ref() == b"w:br" => {
                    out.last_mut().unwrap().1.push('\n')
                }
                Event::Text(t) => {
                    if let Some(c) = out.last_mut() {
                        c.1.push_str(&t.xml10_content().unwrap());
                    }
                }
                Event::GeneralRef(g) => {
                    if let Some(c) = out.last_mut() {
                        let name: &[u8] = &g;
                        c.1.push_str(match name {
                            b"amp" => "&",
                            b"lt" => "<",
                            b"gt" => ">",
                            b"quot" => "\"",
                            _ => "'",
                        });
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        out
    }

    /// The document's words inside each comment's range, by comment id.
    fn ranges(docx: &[u8]) -> HashMap<String, String> {
        let xml = part(docx, "word/document.xml").unwrap();
        let mut r = quick_xml::Reader::from_str(&xml);
        let mut open: Vec<String> = Vec::new();
        let mut out: HashMap<String, String> = HashMap::new();
        let mut in_t = false;
        loop {
            match r.read_event().unwrap() {
                Event::Empty(e) | Event::Start(e) => match e.name().as_ref() {
                    b"w:commentRangeStart" => {
                        let id = attrs(&e)["w:id"].clone();
                        out.entry(id.clone()).or_default();
                        open.push(id);
                    }
                    b"w:commentRangeEnd" => {
                        let id = &attrs(&e)["w:id"];
                        open.retain(|o| o != id);
                    }
                    b"w:t" => in_t = true,
                    _ => {}
                },
                Event::End(e) if e.name().as_ref() == b"w:t" => in_t = false,
                Event::Text(t) if in_t => {
                    for id in &open {
                        out.get_mut(id)
                            .unwrap()
                            .push_str(&t.xml10_content().unwrap());
                    }
                }
                Event::GeneralRef(g) if in_t => {
                    for id in &open {
                        out.get_mut(id)
                            .unwrap()
                            .push_str(if &*g == b"amp" { "&" } else { "?" });
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert!(open.is_empty(), "every range is closed: {open:?}");
        out
    }

    #[test]
    fn comments_xml_carries_each_comment_and_reply_with_author_time_and_initials() {
        let d = reviewed();
        let bytes = docx(&d, true);
        let c = word_comments(&bytes);
        let mut c: Vec<_> = c
            .into_iter()
            .map(|(a, text)| {
                (
                    a["w:id"].parse::<usize>().unwrap(),
                    a["w:author"].clone(),
                    a["w:initials"].clone(),
                    a["w:date"].clone(),
                    text,
                )
            })
            .collect();
        c.sort();
        let row = |id: usize, author: &str, initials: &str, h: u32, text: &str| {
            (
                id,
                author.to_string(),
                initials.to_string(),
                format!("2026-11-27T{h}:05:00Z"),
                text.to_string(),
            )
        };
        assert_eq!(
            c,
            [
                row(1, "Helen Marsh", "HM", 14, "Is this final?\nCheck."),
                row(2, "counsel", "C", 15, "Yes."),
                row(3, "Bo Li", "BL", 14, "Source?"),
                row(
                    4,
                    "Ann",
                    "A",
                    14,
                    "On the subheadline, which prints nothing:\nAdd a subheadline?"
                ),
                row(5, "Ann", "A", 14, "On \u{201c}fell\u{201d}:\nGone words"),
            ]
        );
    }

    #[test]
    fn comments_are_anchored_around_their_field_or_words_and_nothing_is_lost() {
        let d = reviewed();
        let r = ranges(&docx(&d, true));
        assert_eq!(r["1"], "Acme Reports Record Results");
        assert_eq!(
            r["2"], "Acme Reports Record Results",
            "a reply shares the range"
        );
        assert_eq!(r["3"], "12% to $4.1 million &");
        // The empty subheadline's comment sits where the next text starts: a point.
        assert_eq!(r["4"], "");
        // Words no longer in the field: the whole field.
        assert!(r["5"].contains("Net sales rose 12%"), "{}", r["5"]);
        // The words themselves are all still there, in order.
        let text = part(&docx(&d, true), "word/document.xml").unwrap();
        assert!(
            text.contains("Net sales rose "),
            "the run was cut, not lost"
        );
    }

    #[test]
    fn replies_point_at_their_comment_and_resolved_threads_are_done() {
        let d = reviewed();
        let bytes = docx(&d, true);
        let ext = part(&bytes, "word/commentsExtended.xml").unwrap();
        let comments = part(&bytes, "word/comments.xml").unwrap();
        // comment id -> its paragraph id
        let mut para_of: HashMap<String, String> = HashMap::new();
        let mut r = quick_xml::Reader::from_str(&comments);
        let mut id = None;
        loop {
            match r.read_event().unwrap() {
                Event::Start(e) if e.name().as_ref() == b"w:comment" => {
                    id = Some(attrs(&e)["w:id"].clone())
                }
                Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"w:p" => {
                    if let Some(id) = id.take() {
                        para_of.insert(id, attrs(&e)["w14:paraId"].clone());
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        let mut ex: HashMap<String, HashMap<String, String>> = HashMap::new();
        let mut r = quick_xml::Reader::from_str(&ext);
        loop {
            match r.read_event().unwrap() {
                Event::Empty(e) | Event::Start(e) if e.name().as_ref() == b"w15:commentEx" => {
                    let a = attrs(&e);
                    ex.insert(a["w15:paraId"].clone(), a);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        let of = |id: &str| &ex[&para_of[id]];
        assert_eq!(of("2").get("w15:paraIdParent"), Some(&para_of["1"]));
        assert_eq!(of("1").get("w15:paraIdParent"), None);
        assert_eq!(of("3")["w15:done"], "1", "resolved");
        assert_eq!(of("1")["w15:done"], "0");
        assert_eq!(of("2")["w15:done"], "0");
    }

    #[test]
    fn without_the_option_the_document_is_what_it_was() {
        let d = reviewed();
        let mut bare = d.clone();
        bare.comments.clear();
        let off = docx(&d, false);
        assert_eq!(off, docx(&bare, false));
        assert_eq!(
            docx(&bare, true),
            off,
            "no comments: the option changes nothing"
        );
        assert!(
            !part(&off, "word/comments.xml")
                .unwrap_or_default()
                .contains("Source?")
        );
        assert_ne!(docx(&d, true), off);
    }

    #[test]
    fn comments_on_a_contact_the_dateline_a_table_and_at_the_very_end() {
        use crate::core::draft::Contact;
        let mut d = Draft {
            headline: "Acme".into(),
            ..Draft::default()
        };
        d.dateline.city = "Madison".into();
        d.dateline.region = "WI".into();
        d.contacts[0].name = "Ann Smith".into();
        let bo = d.add_contact(Contact {
            name: "Bo Li".into(),
            phone: "555-0100".into(),
            ..Contact::default()
        });
        d.set_body([Block::Paragraph("Sales rose.".into())]);
        let t = crate::core::table::Table {
            title: vec!["Results".into()],
            ..Default::default()
        };
        let table = d.add_block(Block::Table(Box::new(t)));
        d.end_mark = crate::core::draft::EndMark::None;
        d.comments
            .push(comment(FieldRef::Contact(bo), "", "Ann", "Right number?"));
        d.comments
            .push(comment(FieldRef::Dateline, "", "Ann", "City?"));
        d.comments
            .push(comment(FieldRef::Body(table), "", "Ann", "Audited?"));
        let gone = d.add_about(crate::core::draft::About::default());
        d.comments
            .push(comment(FieldRef::About(gone), "", "Ann", "About?"));
        let r = ranges(&docx(&d, true));
        assert!(
            r["1"].contains("Bo Li") && !r["1"].contains("Ann Smith"),
            "{}",
            r["1"]
        );
        assert!(
            r["2"].starts_with("MADISON") || r["2"].starts_with("Madison"),
            "{}",
            r["2"]
        );
        assert!(!r["2"].contains("Sales"), "only the dateline: {}", r["2"]);
        assert!(r["3"].contains("Results"), "{}", r["3"]);
        assert_eq!(r["4"], "", "after everything: a point at the end");
        assert_eq!(word_comments(&docx(&d, true)).len(), 4);
    }

    #[test]
    fn words_are_found_whatever_the_spaces_between_them() {
        let t = "Net sales rose.  Margins\nwidened to 41%.";
        assert_eq!(find_words(t, "rose. Margins widened"), Some(10..32));
        assert_eq!(&t[10..32], "rose.  Margins\nwidened");
        assert_eq!(find_words(t, "Margins fell"), None);
        assert_eq!(find_words(t, "   "), None);
    }

    #[test]
    fn initials_from_names() {
        assert_eq!(initials_of("Helen Marsh"), "HM");
        assert_eq!(initials_of("counsel"), "C");
        assert_eq!(initials_of("j.doe"), "JD");
        assert_eq!(
            initials_of("Émile van der Berg-Smit"),
            "ÉVDBS".chars().take(4).collect::<String>()
        );
    }

    #[test]
    fn a_run_is_cut_inside_its_text_and_keeps_its_form() {
        let r = Run::new().add_text("AT&T rose").bold();
        let (a, b) = split_run(r, 4);
        assert_eq!(run_text(&a), "AT&T");
        assert_eq!(run_text(&b), " rose");
        assert_eq!(a.run_property, b.run_property);
    }

    #[test]
    fn words_in_a_table_cell_and_a_table_without_a_title() {
        use crate::core::table::{Row, Table};
        let mut d = Draft {
            headline: "Acme".into(),
            ..Draft::default()
        };
        let mut t = Table::new(2);
        t.headings = vec!["2026".into(), "2025".into()];
        t.rows = vec![
            Row::new("Net sales", ["4,120", "3,900"]),
            Row::new("Net income", ["612", "580"]),
        ];
        let table = d.add_block(Block::Table(Box::new(t)));
        d.comments
            .push(comment(FieldRef::Body(table), "3,900", "Ann", "Restated?"));
        d.comments
            .push(comment(FieldRef::Body(table), "", "Ann", "Audited?"));
        let r = ranges(&docx(&d, true));
        assert_eq!(r["1"], "3,900");
        // The whole table, from its first cell to its last, without a title to start on.
        assert!(r["2"].contains("2026"), "{}", r["2"]);
        assert!(
            r["2"].contains("Net sales") && r["2"].ends_with("580"),
            "{}",
            r["2"]
        );
    }
}
