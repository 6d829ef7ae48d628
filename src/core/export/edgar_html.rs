//! The EDGAR HTML exhibit: one HTML document EDGAR accepts, laid out as press-release
//! exhibits are (logo, centred title, contacts, bold centred headline, italic subheadline,
//! the dateline opening the first paragraph, bold headings, the safe harbor, the end mark).
//!
//! Only the tags EDGAR takes, inline `style` attributes for alignment and fonts, ASCII
//! with every other character as a numeric reference, no links at all (a web or email
//! address is text: the SEC's validation flags every `<a>`), one element a line.

use super::flow::{self, ContactEntry, Item, Prose, Rules};
use super::html_text::{Charset, push_attribute, push_escaped};
use crate::core::draft::Draft;

/// A page's measure (seven inches, centred) in a Times face, as exhibits are printed.
const BODY_STYLE: &str = "font-family: 'Times New Roman', Times, serif; font-size: 12pt; max-width: 7in; margin: 0.5in auto";

/// The exhibit; `logo` is the file name of the logo written beside it, if any.
pub fn write(draft: &Draft, rules: &Rules, logo: Option<&str>) -> String {
    let mut w = Writer {
        out: String::with_capacity(4096 + draft.body.len() * 600),
        rules,
    };
    w.out.push_str("<html>\n<head>\n<title>");
    w.text(&document_title(draft));
    w.out.push_str("</title>\n</head>\n<body style=\"");
    w.out.push_str(BODY_STYLE);
    w.out.push_str("\">\n");
    flow::flow(draft, rules, |item| w.item(item, draft, logo));
    w.out.push_str("</body>\n</html>\n");
    w.out
}

/// The headline (or the title) as the document's title.
pub(crate) fn document_title(draft: &Draft) -> String {
    let headline = crate::core::render::text::one_paragraph(&draft.headline);
    if !headline.is_empty() {
        return headline;
    }
    let title = crate::core::render::text::one_paragraph(&draft.release.title);
    if title.is_empty() {
        "Press release".into()
    } else {
        title
    }
}

struct Writer<'r> {
    out: String,
    rules: &'r Rules,
}

impl Writer<'_> {
    fn text(&mut self, s: &str) {
        push_escaped(&mut self.out, s, Charset::Ascii);
    }

    /// `<p style="...">` + `<b>` ... one paragraph on one line.
    fn para(&mut self, style: &str, open: &str, text: &str, close: &str) {
        self.out.push_str("<p");
        if !style.is_empty() {
            self.out.push_str(" style=\"");
            self.out.push_str(style);
            self.out.push('"');
        }
        self.out.push('>');
        self.out.push_str(open);
        self.text(text);
        self.out.push_str(close);
        self.out.push_str("</p>\n");
    }

    fn centred(&self, yes: bool) -> &'static str {
        if yes { "text-align: center" } else { "" }
    }

    fn item(&mut self, item: Item, draft: &Draft, logo: Option<&str>) {
        match item {
            Item::Exhibit(label) => self.para("text-align: right", "<b>", &label, "</b>"),
            Item::Logo(_) => {
                if let Some(name) = logo {
                    let company = draft.company.name.trim();
                    let alt = if company.is_empty() {
                        "Logo".to_string()
                    } else {
                        format!("{company} logo")
                    };
                    self.out
                        .push_str("<p style=\"text-align: center\"><img src=\"");
                    push_attribute(&mut self.out, name, Charset::Ascii);
                    self.out.push_str("\" alt=\"");
                    push_attribute(&mut self.out, &alt, Charset::Ascii);
                    // A large image is drawn at letterhead size, its proportions kept.
                    self.out
                        .push_str("\" style=\"max-width: 3in; max-height: 1.25in\"></p>\n");
                }
            }
            Item::Title(title) => {
                let style = if self.rules.title_spaced {
                    "text-align: center; font-size: 14pt; letter-spacing: 0.3em"
                } else {
                    "text-align: center; font-size: 14pt"
                };
                self.para(style, "<b>", &title, "</b>");
            }
            Item::Timing(line) => self.para("", "<b>", &line, "</b>"),
            Item::Contacts(entries) => self.contacts(&entries),
            Item::Headline(lines) => {
                let style = if self.rules.headline_centred {
                    "text-align: center; font-size: 14pt"
                } else {
                    "font-size: 14pt"
                };
                self.out.push_str("<p style=\"");
                self.out.push_str(style);
                self.out.push_str("\"><b>");
                for (k, line) in lines.iter().enumerate() {
                    if k > 0 {
                        self.out.push_str("<br>\n");
                    }
                    self.text(line);
                }
                self.out.push_str("</b></p>\n");
            }
            Item::Subheadline(t) => {
                let style = self.centred(self.rules.headline_centred);
                self.para(style, "<i>", &t, "</i>");
            }
            Item::SubheadlineBullets(items) => self.list(&items, "<i>", "</i>"),
            Item::Paragraph { lead, text, prose } => {
                let indent = self.rules.indent_paragraphs
                    && matches!(prose, Prose::Body | Prose::Quote | Prose::About);
                self.out.push_str(if indent {
                    "<p style=\"text-indent: 0.5in\">"
                } else {
                    "<p>"
                });
                if let Some(lead) = lead {
                    let bold = lead.trim_end();
                    self.out.push_str("<b>");
                    self.text(bold);
                    self.out.push_str("</b>");
                    self.out.push_str(&lead[bold.len()..]);
                }
                self.text(&text);
                self.out.push_str("</p>\n");
            }
            Item::Bullets(items) => self.list(&items, "", ""),
            Item::Heading(h) => self.para("", "<b>", &h, "</b>"),
            Item::SectionHeading(h) => {
                let style = self.centred(self.rules.headings_centred);
                self.para(style, "<b>", &h, "</b>");
            }
            Item::PageBreak => self
                .out
                .push_str("<hr style=\"page-break-after: always\">\n"),
            Item::Table(t) => super::html_table::write(&mut self.out, &t, Charset::Ascii),
            Item::EndMark(mark) => self.para("text-align: center", "", mark, ""),
        }
    }

    fn list(&mut self, items: &[String], open: &str, close: &str) {
        if items.is_empty() {
            return;
        }
        self.out.push_str("<ul>\n");
        for i in items {
            self.out.push_str("<li>");
            self.out.push_str(open);
            self.text(i);
            self.out.push_str(close);
            self.out.push_str("</li>\n");
        }
        self.out.push_str("</ul>\n");
    }

    /// Contacts: with a hanging indent, a two-column table (label, details), as the text
    /// exhibit's `Contact:` block; otherwise a paragraph each.
    fn contacts(&mut self, entries: &[ContactEntry]) {
        if self.rules.contacts_hanging {
            self.out.push_str(
                "<table cellpadding=\"0\" cellspacing=\"0\" style=\"margin-bottom: 12pt\">\n",
            );
            for e in entries {
                self.out.push_str("<tr>\n<td style=\"vertical-align: top; padding: 0 18pt 8pt 0; white-space: nowrap\"><b>");
                self.text(&e.label);
                self.out.push_str(
                    "</b></td>\n<td style=\"vertical-align: top; padding: 0 0 8pt 0\">\n",
                );
                self.lines(&e.lines);
                self.out.push_str("</td>\n</tr>\n");
            }
            self.out.push_str("</table>\n");
        } else {
            for e in entries {
                self.out.push_str("<p>\n");
                if !e.label.is_empty() {
                    self.out.push_str("<b>");
                    self.text(&e.label);
                    self.out.push_str("</b>");
                    if !e.lines.is_empty() {
                        self.out.push_str("<br>");
                    }
                    self.out.push('\n');
                }
                self.lines(&e.lines);
                self.out.push_str("</p>\n");
            }
        }
    }

    /// Lines joined by `<br>`, one a source line.
    fn lines(&mut self, lines: &[String]) {
        for (k, l) in lines.iter().enumerate() {
            self.text(l);
            if k + 1 < lines.len() {
                self.out.push_str("<br>");
            }
            self.out.push('\n');
        }
    }
}
