//! Laying a table out as lines of text: EDGAR's tagged `<TABLE>` and newswire's aligned
//! columns. Both come from one geometry, so the two cannot drift apart.
//!
//! The geometry, left to right (display columns, `margin` spaces before everything):
//! - the label column: labels indented two spaces a level; a label too long for the column
//!   wraps, continuation lines indented three more spaces (an odd indent, so they are never
//!   mistaken for the next level); the numbers stand on the label's last line;
//! - two spaces (five with leader dots: ` ..` then two spaces at the least);
//! - each value column, two spaces apart. Within a column `$` stands at the column's left
//!   edge; numbers are right-aligned on the decimal point: the integer digits end at the same
//!   place in every row, decimals and what hangs (`)` of a negative, `%`) follow it, so
//!   `1,234` and `(812)` end their digits in the same column. Text cells (`n/m`) and dashes
//!   end where the integer digits end.
//!
//! Headings are centred over their column, group labels over their columns with a dashed
//! rule under them; a subtotal has a dashed rule over each of its cells, a total also a
//! double rule (`=`) under them. Title lines are centred over the table's own width (its
//! widest line), not the prose width: a statement's title belongs to its columns, wherever the
//! table sits; a table wider than the prose (EDGAR allows 132 columns) would otherwise get an
//! off-centre title; and an import can measure it, so titles are found again.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::model::{RowKind, Table, Unit};
use super::number::{CellValue, Printed, print_number, read_cell};
use crate::core::draft::Style;
use crate::core::render::text;

/// EDGAR's limit for the lines of a `<TABLE>` (prose stays at 80).
pub const EDGAR_TABLE_WIDTH: usize = 132;
/// Between the label column and the first value column.
const LABEL_GAP: usize = 2;
/// Extra room after the longest label for leader dots (` ..`).
const DOTS_GAP: usize = 3;
/// Between value columns.
pub const COLUMN_GAP: usize = 2;
/// Continuation lines of a wrapped label: three more spaces than its first line.
pub const CONTINUATION: usize = 3;
/// A value column is at least as wide as `<C>`.
const MIN_COLUMN: usize = 3;

/// Column positions and other choices recorded from a table imported from text, so that the
/// table prints as it came (see [`super::detect`]). Used while the content still fits them.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq, Hash)]
#[serde(default)]
pub struct TextLayout {
    /// Spaces before every line of the table (an indented untagged block); tagged tables: 0.
    pub margin: usize,
    /// Each value column's start (after the margin) and width.
    pub columns: Vec<ColumnPlace>,
    /// Where `$` stands in its cell.
    pub dollar: DollarPlace,
    /// Leading spaces of each title line; empty: centred.
    pub title_indents: Vec<usize>,
    /// The characters of single and double rules.
    pub rule: Option<char>,
    pub double_rule: Option<char>,
    /// Column headings flush right over their columns rather than centred.
    pub headings_right: bool,
    /// A rule under the column headings, as many printers set one.
    pub headings_rule: bool,
    /// Numbers flush right as whole strings (`(812)` ending where `1,234` ends) rather than
    /// aligned on the decimal point with `)` hanging.
    pub flush_numbers: bool,
    /// EDGAR prints the table without `<TABLE>` tags, as plain aligned columns (an older
    /// exhibit's small table, imported as it stood).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub untagged: bool,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[serde(default)]
pub struct ColumnPlace {
    pub start: usize,
    pub width: usize,
    /// Where the numbers end, from the column's start, when not at its right edge (numbers
    /// set under the middle of a wide heading).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numbers_end: Option<usize>,
    /// Where the column's cells stand when not on the digits' line (the usual place, see
    /// the module's doc): a dividend's dates flush left or right in their column, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cells: Option<CellPlace>,
}

/// Where a column's cells stand, recorded from an imported table of dates or words.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CellPlace {
    /// Every cell, figures included, starts at the column's left edge (`$` against its number).
    Left,
    /// Text cells end at the column's right edge, where the figures end.
    Right,
    /// Text cells start at the column's left edge; figures stand where they usually do,
    /// ending at its right edge (dates flush left over a flush-right amount).
    LeftText,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DollarPlace {
    /// At the column's left edge, in a sub-column of its own: `$    812`.
    #[default]
    ColumnLeft,
    /// Against the number: `$812`.
    Attached,
}

/// A table laid out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableText {
    pub lines: Vec<String>,
    /// The widest line.
    pub width: usize,
    /// Lines from the top through the column headings (title, `<TABLE>`, `<CAPTION>`, the
    /// caption, the `<S>` line): what a paginator repeats after a page break
    /// (or call [`layout_rows`] for a slice of rows with these lines repeated).
    pub heading_lines: usize,
    /// For each row laid out, the index of its first line (a rule over it counts as its own).
    pub row_lines: Vec<usize>,
    /// Lines after the last row: the double rule of a last total is the row's, then
    /// `</TABLE>` and footnotes.
    pub footer_lines: usize,
    /// Characters with no ASCII form (EDGAR), written as `?`.
    pub unprintable: Vec<char>,
    /// Wider than the prose width given: a check may warn (newswire) or note it (EDGAR).
    pub wider_than_prose: bool,
}

/// The table cannot fit EDGAR's 132 columns even with its labels wrapped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooWide {
    /// The narrowest width the table could have (labels wrapped as far as words allow).
    pub needed: usize,
    pub limit: usize,
}

impl std::fmt::Display for TooWide {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the table needs {} columns even with its labels wrapped; EDGAR allows {}",
            self.needed, self.limit
        )
    }
}

impl std::error::Error for TooWide {}

/// Where the financial printer's rule puts `$`, per row and column: on the first number of
/// each column, on every total, and on the first number after a total; only in currency
/// and per-share rows; nowhere when the table's option is off. Dashes (nil) count as numbers.
pub fn dollar_signs(table: &Table) -> Vec<Vec<bool>> {
    let n = table.columns();
    let mut need = vec![true; n];
    let mut out = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let mut flags = vec![false; n];
        let numbers = matches!(
            row.kind,
            RowKind::Ordinary | RowKind::Subtotal | RowKind::Total
        );
        let currency = matches!(row.unit, Unit::Currency | Unit::PerShare);
        for (c, flag) in flags.iter_mut().enumerate() {
            let is_number = numbers && matches!(read_cell(cell_of(row, c)), CellValue::Number(_));
            if !is_number || !currency {
                continue;
            }
            *flag = table.options.dollar_signs && (need[c] || row.kind == RowKind::Total);
            need[c] = false;
        }
        if row.kind == RowKind::Total {
            need.iter_mut().for_each(|x| *x = true);
        }
        out.push(flags);
    }
    out
}

fn cell_of(row: &super::model::Row, c: usize) -> &str {
    row.cells.get(c).map(String::as_str).unwrap_or("")
}

/// Lays the whole table out for a style. EDGAR: tagged, ASCII, at most 132 columns
/// (labels wrapped first), else [`TooWide`]. Newswire: untagged, Unicode, natural width.
pub fn layout(table: &Table, style: Style, prose_width: usize) -> Result<TableText, TooWide> {
    layout_rows(table, style, prose_width, 0..table.rows.len())
}

/// Lays out only `rows`, with the title and column headings repeated and the column
/// positions of the whole table, for the part of a table after (or before) a page break.
/// Footnotes print only with the part holding the last row.
pub fn layout_rows(
    table: &Table,
    style: Style,
    prose_width: usize,
    rows: Range<usize>,
) -> Result<TableText, TooWide> {
    let g = Geometry::new(table, style)?;
    Ok(g.write(table, prose_width, rows))
}

/// A cell ready to place.
enum Placed {
    Number { p: Printed, dollar: bool },
    Text(String),
}

struct Column {
    start: usize,
    width: usize,
    /// Where the numbers end, from `start`.
    numbers_end: usize,
    dollar_w: usize,
    left_w: usize,
    right_w: usize,
    /// Recorded from an import: where the cells stand (see [`CellPlace`]).
    place: Option<CellPlace>,
}

struct Geometry {
    style: Style,
    margin: usize,
    dots: bool,
    columns: Vec<Column>,
    /// Per row: label lines, indent included.
    labels: Vec<Vec<String>>,
    cells: Vec<Vec<Option<Placed>>>,
    title: Vec<String>,
    title_indents: Vec<usize>,
    groups: Vec<(Vec<String>, Range<usize>)>,
    headings: Vec<Vec<String>>,
    label_heading: String,
    footnotes: Vec<String>,
    rule: char,
    double_rule: char,
    headings_right: bool,
    headings_rule: bool,
    attached_dollar: bool,
    unprintable: Vec<char>,
    /// No `<TABLE>` tags in EDGAR (see [`TextLayout::untagged`]).
    untagged: bool,
}

struct Conv {
    ascii: bool,
    missing: Vec<char>,
}

impl Conv {
    fn s(&mut self, s: &str) -> String {
        let clean = text::clean_line(s);
        if !self.ascii {
            return clean;
        }
        let (a, missing) = text::to_ascii(&clean);
        for c in missing {
            if !self.missing.contains(&c) {
                self.missing.push(c);
            }
        }
        a
    }

    fn lines(&mut self, s: &str) -> Vec<String> {
        if s.trim().is_empty() {
            return Vec::new();
        }
        s.split('\n').map(|l| self.s(l.trim())).collect()
    }
}

/// The least room between a recorded column and the one before it. A column of cells
/// flush right may start one space after the widest cell of the column before: they never
/// stand on one line so close (as imported, where a heading overhangs its figures).
fn gap_before(p: &ColumnPlace) -> usize {
    if p.cells == Some(CellPlace::Right) {
        1
    } else {
        COLUMN_GAP
    }
}

fn w(s: &str) -> usize {
    text::width(s)
}

impl Geometry {
    fn new(table: &Table, style: Style) -> Result<Geometry, TooWide> {
        let ascii = style == Style::Edgar;
        let mut conv = Conv {
            ascii,
            missing: Vec::new(),
        };
        let n = table.columns();
        let negatives = table.options.negatives;
        let recorded = table.text_layout.as_ref().filter(|l| l.columns.len() == n);
        let attached_dollar = recorded.is_some_and(|l| l.dollar == DollarPlace::Attached);
        let flush = recorded.is_some_and(|l| l.flush_numbers);
        let dollars = dollar_signs(table);
        let cells: Vec<Vec<Option<Placed>>> = table
            .rows
            .iter()
            .zip(&dollars)
            .map(|(row, flags)| {
                (0..n)
                    .map(|c| {
                        if matches!(row.kind, RowKind::Heading | RowKind::Blank) {
                            return None;
                        }
                        match read_cell(cell_of(row, c)) {
                            CellValue::Empty => None,
                            CellValue::Text(t) => Some(Placed::Text(conv.s(&t))),
                            CellValue::Number(num) => {
                                let mut p = print_number(&num, ascii, negatives);
                                if flush {
                                    p.left.push_str(&std::mem::take(&mut p.right));
                                }
                                Some(Placed::Number {
                                    p,
                                    dollar: flags[c],
                                })
                            }
                        }
                    })
                    .collect()
            })
            .collect();
        let headings: Vec<Vec<String>> = table.headings.iter().map(|h| conv.lines(h)).collect();
        let mut columns: Vec<Column> = (0..n)
            .map(|c| {
                let mut col = Column {
                    start: 0,
                    width: 0,
                    numbers_end: 0,
                    dollar_w: 0,
                    left_w: 0,
                    right_w: 0,
                    place: recorded.and_then(|l| l.columns[c].cells),
                };
                for row in &cells {
                    match &row[c] {
                        Some(Placed::Number { p, dollar }) => {
                            let extra = usize::from(*dollar && attached_dollar);
                            col.left_w = col.left_w.max(w(&p.left) + extra);
                            col.right_w = col.right_w.max(w(&p.right));
                            if *dollar && !attached_dollar {
                                col.dollar_w = 2;
                            }
                        }
                        Some(Placed::Text(t)) => col.left_w = col.left_w.max(w(t)),
                        None => {}
                    }
                }
                let heading = headings[c].iter().map(|l| w(l)).max().unwrap_or(0);
                col.width = (col.dollar_w + col.left_w + col.right_w)
                    .max(heading)
                    .max(MIN_COLUMN);
                col
            })
            .collect();
        let groups: Vec<(Vec<String>, Range<usize>)> = table
            .groups
            .iter()
            .filter(|g| g.span > 0 && g.first + g.span <= n)
            .map(|g| (conv.lines(&g.label), g.columns()))
            .collect();
        let label_texts: Vec<(usize, String)> = table
            .rows
            .iter()
            .map(|r| (usize::from(r.indent) * 2, conv.s(r.label.trim())))
            .collect();
        let label_heading = conv.s(table.label_heading.trim());
        let natural = label_texts
            .iter()
            .map(|(i, l)| if l.is_empty() { 0 } else { i + w(l) })
            .chain([w(&label_heading), MIN_COLUMN])
            .max()
            .unwrap_or(0);
        // The narrowest the label column can be: every word fits on a continuation line.
        let narrowest = label_texts
            .iter()
            .map(|(i, l)| {
                let word = l.split(' ').map(w).max().unwrap_or(0);
                if word == 0 {
                    0
                } else {
                    i + CONTINUATION + word
                }
            })
            .chain([w(&label_heading), MIN_COLUMN])
            .max()
            .unwrap_or(0)
            .min(natural);
        // Room for leader dots only where some row prints them.
        let dots = table.options.leader_dots
            && table.rows.iter().any(|r| {
                !r.label.trim().is_empty()
                    && r.has_cells()
                    && !matches!(r.kind, RowKind::Heading | RowKind::Blank)
            });
        let gap = LABEL_GAP + if dots { DOTS_GAP } else { 0 };
        let values_w = |cols: &[Column]| -> usize {
            cols.iter().map(|c| c.width).sum::<usize>() + COLUMN_GAP * n.saturating_sub(1)
        };
        let margin = recorded.map_or(0, |l| l.margin);
        let mut label_region = natural;
        let fits_recorded = recorded.filter(|l| {
            let mut end = 0;
            l.columns
                .iter()
                .zip(&columns)
                .enumerate()
                .all(|(i, (p, c))| {
                    let numbers = c.dollar_w + c.left_w + c.right_w;
                    let ok = p.width >= c.width
                        && p.numbers_end.is_none_or(|e| e >= numbers && e <= p.width)
                        && (i == 0 || p.start >= end + gap_before(p));
                    end = p.start + p.width;
                    ok
                })
                && l.columns.first().is_none_or(|p| p.start >= narrowest + gap)
                && (style != Style::Edgar || margin + end <= EDGAR_TABLE_WIDTH)
                && groups.iter().all(|(label, r)| {
                    let a = l.columns[r.start].start;
                    let last = l.columns[r.end - 1];
                    label.iter().all(|x| w(x) <= last.start + last.width - a)
                })
        });
        if fits_recorded.is_none() {
            for (label, range) in &groups {
                let span: usize = range.clone().map(|c| columns[c].width).sum::<usize>()
                    + COLUMN_GAP * (range.len() - 1);
                let need = label.iter().map(|l| w(l)).max().unwrap_or(0);
                if need > span {
                    // Spread the extra over the group's columns, the remainder to the last ones.
                    let extra = need - span;
                    let k = range.len();
                    for (i, c) in range.clone().enumerate() {
                        columns[c].width += extra / k + usize::from(i >= k - extra % k);
                    }
                }
            }
        }
        if let Some(l) = fits_recorded {
            for (p, c) in l.columns.iter().zip(columns.iter_mut()) {
                c.start = p.start;
                c.width = p.width;
                c.numbers_end = p.numbers_end.unwrap_or(p.width);
            }
            if let Some(first) = l.columns.first() {
                label_region = first.start - gap;
            }
        } else {
            let total = margin + natural + gap + values_w(&columns);
            if style == Style::Edgar && total > EDGAR_TABLE_WIDTH {
                let over = total - EDGAR_TABLE_WIDTH;
                if natural - narrowest < over {
                    return Err(TooWide {
                        needed: total - (natural - narrowest),
                        limit: EDGAR_TABLE_WIDTH,
                    });
                }
                label_region = natural - over;
            }
            let mut at = label_region + gap;
            for c in &mut columns {
                c.start = at;
                c.numbers_end = c.width;
                at += c.width + COLUMN_GAP;
            }
        }
        let labels = label_texts
            .iter()
            .map(|(indent, l)| {
                if l.is_empty() {
                    return vec![String::new()];
                }
                let first = " ".repeat(*indent);
                if indent + w(l) <= label_region {
                    return vec![format!("{first}{l}")];
                }
                let rest = " ".repeat(indent + CONTINUATION);
                text::wrap(l, label_region, &first, &rest)
            })
            .collect();
        let title = table.title.iter().map(|t| conv.s(t.trim())).collect();
        let footnotes = table.footnotes.iter().map(|f| conv.s(f.trim())).collect();
        Ok(Geometry {
            style,
            margin,
            dots,
            columns,
            labels,
            cells,
            title,
            title_indents: recorded
                .map(|l| l.title_indents.clone())
                .unwrap_or_default(),
            groups,
            headings,
            label_heading,
            footnotes,
            rule: recorded.and_then(|l| l.rule).unwrap_or('-'),
            headings_right: recorded.is_some_and(|l| l.headings_right),
            untagged: table.text_layout.as_ref().is_some_and(|l| l.untagged),
            headings_rule: recorded.is_some_and(|l| l.headings_rule),
            double_rule: recorded.and_then(|l| l.double_rule).unwrap_or('='),
            attached_dollar,
            unprintable: conv.missing,
        })
    }

    fn caption(&self) -> Vec<String> {
        let m = self.margin;
        let mut lines = Vec::new();
        let extent = |r: &Range<usize>| {
            let a = self.columns[r.start].start;
            let last = &self.columns[r.end - 1];
            (a, last.start + last.width)
        };
        let glines = self.groups.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
        for i in 0..glines {
            let mut line = Line::new();
            for (label, r) in &self.groups {
                let skip = glines - label.len();
                if i < skip {
                    continue;
                }
                let (a, b) = extent(r);
                line.centred(m + a, b - a, &label[i - skip]);
            }
            lines.push(line.done());
        }
        if !self.groups.is_empty() {
            let mut line = Line::new();
            for (_, r) in &self.groups {
                let (a, b) = extent(r);
                line.put(m + a, &self.rule.to_string().repeat(b - a));
            }
            lines.push(line.done());
        }
        let hlines = self.headings.iter().map(Vec::len).max().unwrap_or(0);
        let hlines = hlines.max(usize::from(!self.label_heading.is_empty()));
        for i in 0..hlines {
            let mut line = Line::new();
            if i + 1 == hlines && !self.label_heading.is_empty() {
                line.put(m, &self.label_heading);
            }
            for (h, col) in self.headings.iter().zip(&self.columns) {
                let skip = hlines - h.len();
                if i >= skip {
                    let h = &h[i - skip];
                    if self.headings_right {
                        line.put(m + col.start + col.width.saturating_sub(w(h)), h);
                    } else {
                        line.centred(m + col.start, col.width, h);
                    }
                }
            }
            lines.push(line.done());
        }
        if self.headings_rule && hlines > 0 {
            let mut line = Line::new();
            for (h, col) in self.headings.iter().zip(&self.columns) {
                if !h.is_empty() {
                    line.put(m + col.start, &self.rule.to_string().repeat(col.width));
                }
            }
            lines.push(line.done());
        }
        lines
    }

    fn rule_line(&self, cells: &[Option<Placed>], ch: char) -> Option<String> {
        let mut line = Line::new();
        for (cell, col) in cells.iter().zip(&self.columns) {
            if cell.is_some() {
                line.put(self.margin + col.start, &ch.to_string().repeat(col.width));
            }
        }
        let s = line.done();
        (!s.is_empty()).then_some(s)
    }

    fn row_lines(&self, r: usize, kind: RowKind, out: &mut Vec<String>) {
        let m = self.margin;
        let cells = &self.cells[r];
        if kind == RowKind::Blank {
            out.push(String::new());
            return;
        }
        if matches!(kind, RowKind::Subtotal | RowKind::Total)
            && let Some(rule) = self.rule_line(cells, self.rule)
        {
            out.push(rule);
        }
        let labels = &self.labels[r];
        let has_cells = cells.iter().any(Option::is_some);
        for (i, label) in labels.iter().enumerate() {
            let mut line = Line::new();
            line.put(m, label);
            if i + 1 < labels.len() {
                out.push(line.done());
                continue;
            }
            if self.dots && has_cells && !label.trim().is_empty() {
                let from = w(label) + 1;
                let to = self.columns[0].start - LABEL_GAP;
                if to >= from + 2 {
                    line.put(m + from, &".".repeat(to - from));
                }
            }
            for (cell, col) in cells.iter().zip(&self.columns) {
                let Some(cell) = cell else { continue };
                let end = m + col.start + col.numbers_end;
                let digits_end = end - col.right_w;
                match cell {
                    Placed::Text(t)
                        if matches!(col.place, Some(CellPlace::Left | CellPlace::LeftText)) =>
                    {
                        line.put(m + col.start, t)
                    }
                    Placed::Text(t) if col.place == Some(CellPlace::Right) => {
                        line.put(end - w(t), t)
                    }
                    Placed::Number { p, dollar } if col.place == Some(CellPlace::Left) => {
                        let dollar = if *dollar { "$" } else { "" };
                        line.put(m + col.start, &format!("{dollar}{}{}", p.left, p.right));
                    }
                    Placed::Text(t) => line.put(digits_end - w(t), t),
                    Placed::Number { p, dollar } => {
                        let left = if *dollar && self.attached_dollar {
                            format!("${}", p.left)
                        } else {
                            p.left.clone()
                        };
                        if *dollar && !self.attached_dollar {
                            line.put(m + col.start, "$");
                        }
                        line.put(digits_end - w(&left), &left);
                        line.put(digits_end, &p.right);
                    }
                }
            }
            out.push(line.done());
        }
        if kind == RowKind::Total
            && let Some(rule) = self.rule_line(cells, self.double_rule)
        {
            out.push(rule);
        }
    }

    fn write(&self, table: &Table, prose_width: usize, rows: Range<usize>) -> TableText {
        let edgar = self.style == Style::Edgar;
        let tags = edgar && !self.untagged;
        let mut lines = Vec::new();
        // Titles centre over the table as printed (its widest line), which is also what an
        // import can measure.
        let tw = {
            let mut all = self.caption();
            for (r, row) in table.rows.iter().enumerate() {
                self.row_lines(r, row.kind, &mut all);
            }
            all.iter().map(|l| w(l)).max().unwrap_or(0)
        };
        for (i, t) in self.title.iter().enumerate() {
            let indent = match self.title_indents.get(i) {
                Some(n) if self.title_indents.len() == self.title.len() => *n,
                _ => tw.saturating_sub(w(t)) / 2,
            };
            let limit = if edgar { EDGAR_TABLE_WIDTH } else { usize::MAX };
            if indent + w(t) <= limit {
                lines.push(format!("{}{t}", " ".repeat(indent)));
            } else {
                lines.extend(
                    text::wrap(t, limit, "", "")
                        .iter()
                        .map(|l| text::centre(l, tw.min(limit))),
                );
            }
        }
        let caption = self.caption();
        if tags {
            lines.push("<TABLE>".into());
            if !caption.is_empty() {
                lines.push("<CAPTION>".into());
            }
        }
        lines.extend(caption);
        if tags {
            let mut s = Line::new();
            s.put(0, "<S>");
            for c in &self.columns {
                s.put(self.margin + c.start, "<C>");
            }
            lines.push(s.done());
        }
        let heading_lines = lines.len();
        let mut row_lines = Vec::new();
        let rows = rows.start.min(table.rows.len())..rows.end.min(table.rows.len());
        let last = rows.end == table.rows.len();
        for r in rows {
            row_lines.push(lines.len());
            self.row_lines(r, table.rows[r].kind, &mut lines);
        }
        let body_end = lines.len();
        if tags {
            lines.push("</TABLE>".into());
        }
        if last && !self.footnotes.is_empty() {
            lines.push(String::new());
            for f in &self.footnotes {
                lines.extend(footnote_lines(f, prose_width));
            }
        }
        let width = lines.iter().map(|l| w(l)).max().unwrap_or(0);
        TableText {
            footer_lines: lines.len() - body_end,
            width,
            wider_than_prose: width > prose_width,
            lines,
            heading_lines,
            row_lines,
            unprintable: self.unprintable.clone(),
        }
    }
}

/// The width of a footnote's mark and the space after it (`(1) `, `* `), 0 without a mark.
pub fn footnote_hang(f: &str) -> usize {
    let Some(first) = f.split(' ').next() else {
        return 0;
    };
    let mark = (first.starts_with('(') && first.ends_with(')') && (3..=5).contains(&first.len()))
        || (!first.is_empty() && first.len() <= 3 && first.chars().all(|c| c == '*'));
    if mark && f.len() > first.len() {
        first.len() + 1
    } else {
        0
    }
}

/// A footnote wrapped at the prose width, continuation lines hanging under its text.
pub fn footnote_lines(f: &str, prose_width: usize) -> Vec<String> {
    let hang = " ".repeat(footnote_hang(f));
    text::wrap(f, prose_width.max(20), "", &hang)
}

/// A line built left to right by display column.
struct Line {
    s: String,
    w: usize,
}

impl Line {
    fn new() -> Line {
        Line {
            s: String::new(),
            w: 0,
        }
    }

    fn put(&mut self, at: usize, text: &str) {
        if text.is_empty() {
            return;
        }
        if self.w < at {
            self.s.push_str(&" ".repeat(at - self.w));
            self.w = at;
        } else if self.w > at && !self.s.is_empty() {
            // Never overwrite: the geometry leaves room, so this is only a safety net.
            self.s.push(' ');
            self.w += 1;
        }
        self.s.push_str(text);
        self.w += w(text);
    }

    fn centred(&mut self, at: usize, width: usize, text: &str) {
        let pad = width.saturating_sub(w(text)) / 2;
        self.put(at + pad, text);
    }

    fn done(self) -> String {
        self.s.trim_end().to_string()
    }
}

#[cfg(test)]
pub(crate) mod tests;
