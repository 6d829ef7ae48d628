//! A table's text as the HTML and Word writers print it: every cell's words decided here,
//! once (numbers printed by the table's own choices, `$` by the financial printer's rule,
//! control characters gone), so the document writers carry the same figures as the text
//! styles and only the markup is theirs.

use std::ops::Range;

use super::layout::dollar_signs;
use super::model::{RowKind, Table};
use super::number::{CellValue, print_number, read_cell};
use crate::core::render::text;

/// A table ready for markup.
#[derive(Clone, Debug, PartialEq)]
pub struct Cooked {
    /// Title lines with words in them.
    pub title: Vec<String>,
    /// Each column group's label (its lines) and the value columns under it.
    pub groups: Vec<(Vec<String>, Range<usize>)>,
    pub label_heading: String,
    /// One heading a value column, as lines (empty for none).
    pub headings: Vec<Vec<String>>,
    pub rows: Vec<CookedRow>,
    pub footnotes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CookedRow {
    pub label: String,
    pub indent: u8,
    pub kind: RowKind,
    /// One a value column (none for a section heading or a blank row).
    pub cells: Vec<CookedCell>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CookedCell {
    /// `$` stands before this cell's figure.
    pub dollar: bool,
    /// The figure as printed (`(812)`, `12.5%`, an em dash for nil) or the cell's text.
    pub text: String,
    /// A figure (right-aligned), rather than text.
    pub number: bool,
}

impl Cooked {
    pub fn columns(&self) -> usize {
        self.headings.len()
    }

    /// Whether anything prints over the value columns (groups or headings).
    pub fn has_headings(&self) -> bool {
        !self.groups.is_empty()
            || !self.label_heading.is_empty()
            || self.headings.iter().any(|h| !h.is_empty())
    }
}

/// The table's words for a Unicode document (HTML, Word).
pub fn cook(table: &Table) -> Cooked {
    let n = table.columns();
    let lines = |s: &str| -> Vec<String> {
        s.split('\n')
            .map(|l| text::clean_line(l.trim()))
            .filter(|l| !l.is_empty())
            .collect()
    };
    let dollars = dollar_signs(table);
    let rows = table
        .rows
        .iter()
        .zip(&dollars)
        .map(|(row, flags)| {
            let cells = if matches!(row.kind, RowKind::Heading | RowKind::Blank) {
                Vec::new()
            } else {
                (0..n)
                    .map(
                        |c| match read_cell(row.cells.get(c).map(String::as_str).unwrap_or("")) {
                            CellValue::Empty => CookedCell::default(),
                            CellValue::Text(t) => CookedCell {
                                dollar: false,
                                text: text::clean_line(&t),
                                number: false,
                            },
                            CellValue::Number(num) => {
                                let p = print_number(&num, false, table.options.negatives);
                                CookedCell {
                                    dollar: flags.get(c).copied().unwrap_or(false),
                                    text: format!("{}{}", p.left, p.right),
                                    number: true,
                                }
                            }
                        },
                    )
                    .collect()
            };
            CookedRow {
                label: text::clean_line(row.label.trim()),
                indent: row.indent,
                kind: row.kind,
                cells,
            }
        })
        .collect();
    Cooked {
        title: table.title.iter().flat_map(|t| lines(t)).collect(),
        groups: table
            .groups
            .iter()
            .filter(|g| g.span > 0 && g.first + g.span <= n)
            .map(|g| (lines(&g.label), g.columns()))
            .collect(),
        label_heading: text::clean_line(table.label_heading.trim()),
        headings: table.headings.iter().map(|h| lines(h)).collect(),
        rows,
        footnotes: table
            .footnotes
            .iter()
            .map(|f| text::one_paragraph(f))
            .filter(|f| !f.is_empty())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::table::layout::tests::operations;

    #[test]
    fn figures_are_printed_with_the_dollar_rule_and_unicode_nil() {
        let c = cook(&operations());
        let row = |label: &str| c.rows.iter().find(|r| r.label == label).unwrap();
        let revenue = row("Revenue");
        assert!(revenue.cells[0].dollar && revenue.cells[0].number);
        assert_eq!(revenue.cells[0].text, "12,345");
        assert!(!row("Cost of revenue").cells[0].dollar);
        assert_eq!(row("Restructuring").cells[1].text, "\u{2014}");
        assert_eq!(row("Other income (expense), net").cells[0].text, "(45)");
        assert!(row("Operating expenses:").cells.is_empty());
        assert_eq!(c.headings[0], vec!["2026".to_string()]);
        assert_eq!(
            c.groups[0].0,
            vec!["Three Months Ended".to_string(), "September 30,".into()]
        );
        assert_eq!(c.title.len(), 4);
    }
}
