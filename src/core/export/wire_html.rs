//! Wire HTML: clean, semantic HTML for a newswire's submission. UTF-8, no scripts, no
//! style sheet; the headline an `h1`, the subheadline an `h2` (or a list), paragraphs `p`
//! (a quote is a paragraph with its attribution, as wires print them), lists `ul`,
//! headings `h3`, web and email addresses as links. The AP dateline and the rest of the
//! layout as the newswire text style resolves them for the draft. A whole document, or
//! with `fragment` only the body's elements, for pasting into a wire's form.
//!
//! The logo is not written: wires take it as a separate upload.

use super::flow::{self, ContactEntry, Item, Rules};
use super::html_text::{Charset, push_escaped, push_linked};
use crate::core::draft::Draft;

pub fn write(draft: &Draft, rules: &Rules, fragment: bool) -> String {
    let mut out = String::with_capacity(4096 + draft.body.len() * 600);
    if !fragment {
        out.push_str(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
        );
        push_escaped(
            &mut out,
            &super::edgar_html::document_title(draft),
            Charset::Utf8,
        );
        out.push_str("</title>\n</head>\n<body>\n");
    }
    flow::flow(draft, rules, |item| item_html(&mut out, item));
    if !fragment {
        out.push_str("</body>\n</html>\n");
    }
    out
}

fn text(out: &mut String, s: &str) {
    push_escaped(out, s, Charset::Utf8);
}

fn element(out: &mut String, tag: &str, s: &str) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    push_linked(out, s);
    out.push_str("</");
    out.push_str(tag);
    out.push_str(">\n");
}

fn item_html(out: &mut String, item: Item) {
    match item {
        Item::Exhibit(label) => element(out, "p", &label),
        // Wires take the logo as an upload of its own.
        Item::Logo(_) => {}
        Item::Title(title) => {
            out.push_str("<p><strong>");
            text(out, &title);
            out.push_str("</strong></p>\n");
        }
        Item::Timing(line) => {
            out.push_str("<p><strong>");
            text(out, &line);
            out.push_str("</strong></p>\n");
        }
        Item::Contacts(entries) => contacts(out, &entries),
        Item::Headline(lines) => {
            out.push_str("<h1>");
            for (k, line) in lines.iter().enumerate() {
                if k > 0 {
                    out.push_str("<br>\n");
                }
                text(out, line);
            }
            out.push_str("</h1>\n");
        }
        Item::Subheadline(t) => element(out, "h2", &t),
        Item::SubheadlineBullets(items) | Item::Bullets(items) => {
            if !items.is_empty() {
                out.push_str("<ul>\n");
                for i in &items {
                    element(out, "li", i);
                }
                out.push_str("</ul>\n");
            }
        }
        Item::Paragraph { lead, text: t, .. } => {
            out.push_str("<p>");
            if let Some(lead) = lead {
                text(out, &lead);
            }
            push_linked(out, &t);
            out.push_str("</p>\n");
        }
        Item::Heading(h) | Item::SectionHeading(h) => element(out, "h3", &h),
        // A page break means nothing on a wire's page.
        Item::PageBreak => {}
        Item::Table(t) => super::html_table::write(out, &t, Charset::Utf8),
        Item::EndMark(mark) => {
            out.push_str("<p style=\"text-align: center\">");
            text(out, mark);
            out.push_str("</p>\n");
        }
    }
}

/// A paragraph a contact: the label in bold, then the lines, addresses linked.
fn contacts(out: &mut String, entries: &[ContactEntry]) {
    for e in entries {
        out.push_str("<p>");
        if !e.label.is_empty() {
            out.push_str("<strong>");
            text(out, &e.label);
            out.push_str("</strong>");
            if !e.lines.is_empty() {
                out.push_str("<br>");
            }
        }
        out.push('\n');
        for (k, l) in e.lines.iter().enumerate() {
            push_linked(out, l);
            if k + 1 < e.lines.len() {
                out.push_str("<br>");
            }
            out.push('\n');
        }
        out.push_str("</p>\n");
    }
}
