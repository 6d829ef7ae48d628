//! A financial table as HTML, for both HTML writers: a title centred above, a row of column
//! group labels ruled beneath, the column headings, then the rows, each value column as two
//! cells (`$` flush left, the figure flush right, as financial printers set them), a single
//! rule over a subtotal's figures, a double rule under a total's, footnotes below.
//!
//! Only tags and attributes EDGAR takes (`table`, `tr`, `th`, `td`, `colspan`, inline
//! `style`), one row a line, no nested tables, no table sections.

use super::html_text::{Charset, push_escaped};
use crate::core::table::{Cooked, RowKind};

const RULE: &str = "border-top: 1px solid black";
const DOUBLE: &str = "border-bottom: 3px double black";

pub fn write(out: &mut String, t: &Cooked, charset: Charset) {
    let text = |out: &mut String, s: &str| push_escaped(out, s, charset);
    for (k, line) in t.title.iter().enumerate() {
        let last = k + 1 == t.title.len();
        out.push_str(if last {
            "<p style=\"text-align: center; margin: 0 0 6pt 0\"><b>"
        } else {
            "<p style=\"text-align: center; margin: 0\"><b>"
        });
        text(out, line);
        out.push_str("</b></p>\n");
    }
    let n = t.columns();
    out.push_str(
        "<table cellspacing=\"0\" cellpadding=\"0\" style=\"border-collapse: collapse; margin: 0 auto 12pt auto; font-size: 10pt\">\n",
    );
    let lines = |out: &mut String, ls: &[String]| {
        for (k, l) in ls.iter().enumerate() {
            if k > 0 {
                out.push_str("<br>");
            }
            push_escaped(out, l, charset);
        }
    };
    if !t.groups.is_empty() {
        out.push_str("<tr><th></th>");
        let mut c = 0;
        for (label, cols) in &t.groups {
            while c < cols.start {
                out.push_str("<th colspan=\"2\"></th>");
                c += 1;
            }
            out.push_str(&format!(
                "<th colspan=\"{}\" style=\"text-align: center; border-bottom: 1px solid black; padding: 0 4pt; font-weight: normal\">",
                cols.len() * 2
            ));
            lines(out, label);
            out.push_str("</th>");
            c = cols.end;
        }
        while c < n {
            out.push_str("<th colspan=\"2\"></th>");
            c += 1;
        }
        out.push_str("</tr>\n");
    }
    if t.has_headings() {
        out.push_str("<tr><th style=\"text-align: left; font-weight: normal\">");
        text(out, &t.label_heading);
        out.push_str("</th>");
        for h in &t.headings {
            out.push_str("<th colspan=\"2\" style=\"text-align: center; padding: 0 4pt; font-weight: normal\">");
            lines(out, h);
            out.push_str("</th>");
        }
        out.push_str("</tr>\n");
    }
    for row in &t.rows {
        let indent = f32::from(row.indent) * 1.5;
        match row.kind {
            RowKind::Blank => {
                out.push_str(&format!(
                    "<tr><td colspan=\"{}\">&#160;</td></tr>\n",
                    1 + 2 * n
                ));
                continue;
            }
            RowKind::Heading => {
                out.push_str(&format!(
                    "<tr><td colspan=\"{}\" style=\"padding-left: {indent}em\">",
                    1 + 2 * n
                ));
                text(out, &row.label);
                out.push_str("</td></tr>\n");
                continue;
            }
            _ => {}
        }
        let rules = match row.kind {
            RowKind::Subtotal => RULE.to_string(),
            RowKind::Total => format!("{RULE}; {DOUBLE}"),
            _ => String::new(),
        };
        out.push_str(&format!(
            "<tr><td style=\"padding-left: {indent}em; padding-right: 8pt\">"
        ));
        text(out, &row.label);
        out.push_str("</td>");
        for cell in &row.cells {
            let ruled = !rules.is_empty() && !cell.text.is_empty();
            out.push_str("<td style=\"padding-left: 8pt");
            if ruled {
                out.push_str("; ");
                out.push_str(&rules);
            }
            out.push_str("\">");
            if cell.dollar {
                out.push('$');
            }
            out.push_str("</td><td style=\"text-align: right; white-space: nowrap");
            if ruled {
                out.push_str("; ");
                out.push_str(&rules);
            }
            out.push_str("\">");
            text(out, &cell.text);
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
    for f in &t.footnotes {
        out.push_str("<p style=\"font-size: 10pt\">");
        text(out, f);
        out.push_str("</p>\n");
    }
}
