//! Finding tables in plain text (an imported release) and reading them back into [`Table`]s.
//!
//! - **Tagged** (EDGAR): `<TABLE>` ... `</TABLE>`, with `<CAPTION>` and the `<S>`/`<C>`
//!   marker line; the markers give where the label column and each value column begin.
//! - **Untagged**: a block of aligned columns. Column positions come from the runs of two or
//!   more spaces that every line holding numbers leaves blank. A block is a table only when at
//!   least three of its lines have text on both sides of such a gap and at least one value
//!   column holds a number in most rows, so prose with two spaces after full stops stays prose.
//!
//! Reading a block, a line of dashes (or `=`) over cells makes the next row a subtotal, a
//! line of `=` under a row makes it a total; a line with a label and no cells is a heading,
//! unless the next line continues it (three more spaces of indent: a wrapped label, whose
//! numbers stand on its last line); an empty line is a blank row; leading spaces are indent
//! levels, two a level; `$` is dropped from cells (the layout places it by the printer's
//! rule) and `$` seen on a row tells that it is a currency row. Centred lines directly above
//! the table are its title; marked paragraphs (`(1) ...`, `* ...`) after it, one blank line
//! below, its footnotes.
//!
//! Each table found is laid out again in its own style (EDGAR for tagged, newswire for
//! untagged). When that gives the lines back, nothing more is recorded; otherwise the
//! positions found are recorded in [`Table::text_layout`] (margin, column starts and
//! widths, `$` against the number or at the column's edge, title indents, rule characters)
//! and the layout is tried again. [`Detected::exact`] says whether the lines came back.
//! Footnotes are compared at the width of their longest line (the prose width is not known).

use std::ops::Range;

use super::layout::{
    CONTINUATION, CellPlace, ColumnPlace, DollarPlace, TextLayout, footnote_hang, layout,
};
use super::model::{ColumnGroup, Negatives, Row, RowKind, SumPart, Table, Unit, guess_row};
use super::number::{CellValue, read_cell};
use crate::core::draft::Style;
use crate::core::render::text;

/// A table found in text.
#[derive(Clone, Debug, PartialEq)]
pub struct Detected {
    /// The lines it was read from (title and footnotes included), 0-based.
    pub lines: Range<usize>,
    pub table: Table,
    /// Inside `<TABLE>` tags (EDGAR) rather than aligned columns.
    pub tagged: bool,
    /// Laying the table out again (EDGAR for tagged, newswire for untagged) gives back
    /// exactly those lines (trailing spaces aside).
    pub exact: bool,
}

/// Every table in `text`, in order.
pub fn detect_tables(text: &str) -> Vec<Detected> {
    let lines: Vec<String> = text
        .lines()
        .map(|l| expand_tabs(l).trim_end().to_string())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut taken = 0; // lines before this belong to a table already found
    while i < lines.len() {
        if lines[i].trim().eq_ignore_ascii_case("<TABLE>") {
            let close =
                (i + 1..lines.len()).find(|&j| lines[j].trim().eq_ignore_ascii_case("</TABLE>"));
            let Some(close) = close else { break };
            if let Some(d) = tagged(&lines, i, close, taken) {
                taken = d.lines.end;
                i = d.lines.end;
                out.push(d);
            } else {
                i = close + 1;
            }
            continue;
        }
        if lines[i].trim().is_empty() {
            i += 1;
            continue;
        }
        let end = (i..lines.len())
            .find(|&j| {
                lines[j].trim().is_empty() || lines[j].trim().eq_ignore_ascii_case("<TABLE>")
            })
            .unwrap_or(lines.len());
        let found = match untagged(&lines, i, end) {
            Some(d) if !d.exact => text_columns(&lines, i, end).or(Some(d)),
            None => text_columns(&lines, i, end),
            d => d,
        };
        if let Some(d) = found {
            taken = d.lines.end;
            i = d.lines.end.max(i + 1);
            out.push(d);
        } else {
            i = end;
        }
    }
    out
}

/// A year (`2026`, no comma) over a column is a heading, not an amount.
fn year(t: &str) -> bool {
    t.len() == 4 && t.starts_with(['1', '2']) && t.bytes().all(|b| b.is_ascii_digit())
}

fn expand_tabs(line: &str) -> String {
    if !line.contains('\t') {
        return line.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in line.chars() {
        if c == '\t' {
            let n = 8 - w % 8;
            out.push_str(&" ".repeat(n));
            w += n;
        } else {
            out.push(c);
            w += text::width(c.encode_utf8(&mut [0; 4]));
        }
    }
    out
}

/// A run of text between runs of two or more spaces, in display columns.
#[derive(Clone, Debug)]
struct Chunk {
    start: usize,
    end: usize,
    text: String,
    /// A `$` stood in front (dropped from `text`).
    dollar: bool,
    /// The `$` touched the number.
    attached: bool,
}

fn chunks(line: &str) -> Vec<Chunk> {
    let mut raw: Vec<Chunk> = Vec::new();
    let mut col = 0;
    let mut current: Option<Chunk> = None;
    let mut spaces = 0;
    for c in line.chars() {
        let cw = text::width(c.encode_utf8(&mut [0; 4]));
        if c == ' ' {
            spaces += 1;
        } else {
            match current.as_mut() {
                Some(ch) if spaces < 2 => {
                    for _ in 0..spaces {
                        ch.text.push(' ');
                    }
                    ch.text.push(c);
                    ch.end = col + cw;
                }
                _ => {
                    if let Some(ch) = current.take() {
                        raw.push(ch);
                    }
                    current = Some(Chunk {
                        start: col,
                        end: col + cw,
                        text: c.to_string(),
                        dollar: false,
                        attached: false,
                    });
                }
            }
            spaces = 0;
        }
        col += cw;
    }
    raw.extend(current);
    // `$` standing apart joins the number after it; `$1,234` loses its `$`.
    let mut out: Vec<Chunk> = Vec::new();
    let mut dollar_at: Option<usize> = None;
    for mut ch in raw {
        if ch.text == "$" {
            dollar_at = Some(ch.start);
            continue;
        }
        if let Some(at) = dollar_at.take() {
            ch.start = at;
            ch.dollar = true;
        } else if let Some(rest) = ch.text.strip_prefix('$') {
            let touching = !rest.starts_with(' ');
            let rest = rest.trim_start().to_string();
            if matches!(read_cell(&rest), CellValue::Number(_)) {
                ch.text = rest;
                ch.dollar = true;
                ch.attached = touching;
            }
        }
        out.push(ch);
    }
    if let Some(at) = dollar_at {
        out.push(Chunk {
            start: at,
            end: at + 1,
            text: "$".into(),
            dollar: false,
            attached: false,
        });
    }
    out
}

/// The rule character when the line is only rules: runs of at least three `-`, `=` or `_`.
fn rule_char(line: &str) -> Option<char> {
    let cs = chunks(line);
    let first = cs.first()?.text.chars().next()?;
    if !matches!(first, '-' | '=' | '_') {
        return None;
    }
    cs.iter()
        .all(|c| c.text.chars().count() >= 3 && c.text.chars().all(|x| x == first))
        .then_some(first)
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The value column a chunk belongs to: the one it overlaps most, else the nearest.
fn column_of(extents: &[(usize, usize)], start: usize, end: usize) -> usize {
    let mut best = (0usize, usize::MAX, 0usize);
    for (j, &(a, b)) in extents.iter().enumerate() {
        let overlap = end.min(b).saturating_sub(start.max(a));
        let distance = if overlap > 0 {
            0
        } else if end <= a {
            a - end
        } else {
            start.saturating_sub(b)
        };
        if (overlap, usize::MAX - distance) > (best.0, usize::MAX - best.1) {
            best = (overlap, distance, j);
        }
    }
    best.2
}

/// How to split the lines of one table.
struct Frame {
    /// Where value columns begin: a first chunk starting before this is the label.
    label_end: usize,
    /// The same in the caption, where headings may start left of the numbers below them.
    caption_label_end: usize,
    /// Each value column's extent, for assigning chunks.
    extents: Vec<(usize, usize)>,
    margin: usize,
}

struct Split {
    label: Option<Chunk>,
    cells: Vec<Option<Chunk>>,
}

impl Frame {
    fn split(&self, line: &str) -> Split {
        self.split_at(line, self.label_end)
    }

    fn split_caption(&self, line: &str) -> Split {
        self.split_at(line, self.caption_label_end)
    }

    fn split_at(&self, line: &str, label_end: usize) -> Split {
        let mut cs = chunks(line).into_iter();
        let mut label = None;
        let mut cells: Vec<Option<Chunk>> = vec![None; self.extents.len()];
        let mut rest: Vec<Chunk> = Vec::new();
        for (k, ch) in cs.by_ref().enumerate() {
            // An amount reaching into a value column is a cell of a row without a label
            // (labels are never amounts).
            let amount = matches!(read_cell(&ch.text), CellValue::Number(_))
                && self
                    .extents
                    .iter()
                    .any(|&(a, b)| ch.start < b && ch.end > a);
            if k == 0 && ch.start < label_end && !ch.dollar && !amount {
                label = Some(ch);
            } else {
                rest.push(ch);
            }
        }
        for ch in rest {
            if self.extents.is_empty() {
                break;
            }
            let j = column_of(&self.extents, ch.start, ch.end);
            match &mut cells[j] {
                Some(existing) => {
                    // Two chunks in one column: keep them as one cell.
                    existing.text = format!("{}  {}", existing.text, ch.text);
                    existing.end = ch.end;
                }
                slot => *slot = Some(ch),
            }
        }
        Split { label, cells }
    }
}

/// What reading the body found besides the rows.
#[derive(Default)]
struct Seen {
    dollars: Vec<Vec<bool>>,
    attached: bool,
    dots: bool,
    rule: Option<char>,
    double_rule: Option<char>,
    cells: Vec<String>,
}

/// Joins a wrapped line to the text before it: with a space, or without one after a word
/// broken at its hyphen ("non-" / "cash").
fn join_wrapped(text: &mut String, next: &str) {
    let hyphen =
        text.ends_with('-') && text[..text.len() - 1].ends_with(|c: char| c.is_alphabetic());
    if !hyphen && !text.is_empty() {
        text.push(' ');
    }
    text.push_str(next);
}

fn strip_dots(label: &str) -> (String, bool) {
    let t = label.trim_end();
    let dots = t.len() - t.trim_end_matches('.').len();
    if dots >= 2 {
        let before = &t[..t.len() - dots];
        if before.ends_with(' ') || before.is_empty() {
            return (before.trim_end().to_string(), true);
        }
    }
    (t.to_string(), false)
}

/// Reads body lines into rows.
fn body(frame: &Frame, lines: &[String], seen: &mut Seen) -> Vec<Row> {
    let n = frame.extents.len();
    let mut rows: Vec<Row> = Vec::new();
    let mut dollars: Vec<Vec<bool>> = Vec::new();
    // A row whose label may go on: its index and the indent its continuation lines have.
    let mut open: Option<(usize, usize)> = None;
    let mut pending_rule = false;
    for line in lines {
        if line.trim().is_empty() {
            let mut blank = Row::blank();
            blank.cells = vec![String::new(); n];
            rows.push(blank);
            dollars.push(vec![false; n]);
            open = None;
            continue;
        }
        if let Some(ch) = rule_char(line) {
            if ch == '=' {
                if let Some(last) = rows.last_mut()
                    && last.kind != RowKind::Blank
                {
                    last.kind = RowKind::Total;
                }
                seen.double_rule = Some(ch);
                pending_rule = false;
            } else {
                pending_rule = true;
                seen.rule = Some(ch);
            }
            open = None;
            continue;
        }
        let split = frame.split(line);
        let has_cells = split.cells.iter().any(Option::is_some);
        let (indent, label) = match &split.label {
            Some(ch) => {
                let (l, dots) = strip_dots(&ch.text);
                seen.dots |= dots && has_cells;
                (ch.start.saturating_sub(frame.margin), l)
            }
            None => (0, String::new()),
        };
        let continues = match open {
            Some((_, want)) => split.label.is_some() && indent == want,
            None => false,
        };
        let r = if continues {
            let (r, _) = open.expect("continues");
            let row = &mut rows[r];
            join_wrapped(&mut row.label, &label);
            r
        } else {
            let mut row =
                Row::new(label, vec![String::new(); n]).indent((indent / 2).min(255) as u8);
            if pending_rule {
                row.kind = RowKind::Subtotal;
            }
            rows.push(row);
            dollars.push(vec![false; n]);
            rows.len() - 1
        };
        pending_rule = false;
        if has_cells {
            open = None;
            for (j, cell) in split.cells.into_iter().enumerate() {
                if let Some(ch) = cell {
                    dollars[r][j] = ch.dollar;
                    seen.attached |= ch.attached;
                    seen.cells.push(ch.text.clone());
                    // A Unicode minus reads as the ASCII one, which both styles print right.
                    let text = if read_cell(&ch.text).number().is_some() {
                        ch.text.replace('\u{2212}', "-")
                    } else {
                        ch.text
                    };
                    rows[r].cells[j] = text;
                }
            }
        } else if !continues {
            open = Some((r, indent + CONTINUATION));
        }
    }
    for row in &mut rows {
        if row.kind == RowKind::Ordinary && !row.has_cells() && !row.label.is_empty() {
            row.kind = RowKind::Heading;
        }
    }
    seen.dollars = dollars;
    rows
}

/// What the text does not print, read back from what it does: a heading's or blank row's
/// unit and sum part are the plain ones; nil is `--` however it was printed (`--` in EDGAR,
/// an em dash in Unicode); and which rows are costs taken away, from the subtotals and totals
/// (see [`infer_sum_parts`]).
fn settle_meaning(table: &mut Table) {
    for row in &mut table.rows {
        if matches!(row.kind, RowKind::Heading | RowKind::Blank) {
            row.unit = Unit::Currency;
            row.sum = SumPart::Added;
        }
        for cell in &mut row.cells {
            if matches!(read_cell(cell), CellValue::Number(n) if n.dash) {
                *cell = "--".into();
            }
        }
    }
    infer_sum_parts(table);
}

/// The most rows [`infer_sum_parts`] tries turning into costs for one subtotal (2^n tries).
const MAX_SUM_CANDIDATES: usize = 10;

/// Costs are printed positive, so which rows a subtotal takes away is not in the text. For
/// each subtotal and total, top to bottom, that does not foot with the rows as read: the
/// fewest rows since the last total turned into costs (`Subtracted`) that make it and every
/// one above it foot. When none does (a misfooted table, or too many rows to try), the
/// rows stay added and the footing check reports what does not add up.
fn infer_sum_parts(table: &mut Table) {
    use super::footing::foot;
    let mut start = 0;
    let mut settled = true;
    for k in 0..table.rows.len() {
        let kind = table.rows[k].kind;
        if !matches!(kind, RowKind::Subtotal | RowKind::Total) {
            continue;
        }
        let upto = |t: &Table| {
            let mut p = t.clone();
            p.rows.truncate(k + 1);
            p
        };
        if settled && !foot(&upto(table)).is_empty() {
            let candidates: Vec<usize> = (start..k)
                .filter(|&r| {
                    let row = &table.rows[r];
                    matches!(row.kind, RowKind::Ordinary | RowKind::Subtotal)
                        && row.sum == SumPart::Added
                        && row.cells.iter().any(|c| read_cell(c).number().is_some())
                })
                .collect();
            let mut found = None;
            if candidates.len() <= MAX_SUM_CANDIDATES {
                let mut masks: Vec<u32> = (1..1u32 << candidates.len()).collect();
                masks.sort_by_key(|m| m.count_ones());
                let base = upto(table);
                found = masks.into_iter().find(|&m| {
                    let mut t = base.clone();
                    for (b, &r) in candidates.iter().enumerate() {
                        if m & (1 << b) != 0 {
                            t.rows[r].sum = SumPart::Subtracted;
                        }
                    }
                    foot(&t).is_empty()
                });
            }
            match found {
                Some(m) => {
                    for (b, &r) in candidates.iter().enumerate() {
                        if m & (1 << b) != 0 {
                            table.rows[r].sum = SumPart::Subtracted;
                        }
                    }
                }
                // Nothing below can be settled on a misfooted figure.
                None => settled = false,
            }
        }
        if kind == RowKind::Total {
            start = k + 1;
            settled = true;
        }
    }
}

/// Units from labels, corrected by where `$` was seen: a row with `$` is a currency row; a
/// row without one where the rule would have put one is not.
fn settle_units(rows: &mut [Row], dollars: &[Vec<bool>]) {
    let any = dollars.iter().flatten().any(|x| *x);
    let n = dollars.first().map_or(0, Vec::len);
    let mut need = vec![true; n];
    // Rows under a heading such as "Net income per share:" take its unit.
    let mut under: Option<(u8, Unit)> = None;
    for (row, seen) in rows.iter_mut().zip(dollars) {
        let guess = guess_row(&row.label);
        if row.kind == RowKind::Heading {
            under = (guess.unit != Unit::Currency).then_some((row.indent, guess.unit));
        } else if under.is_some_and(|(i, _)| row.indent <= i) || row.kind == RowKind::Blank {
            under = None;
        }
        let unit = match under {
            Some((_, unit)) if guess.unit == Unit::Currency && row.kind != RowKind::Heading => unit,
            _ => guess.unit,
        };
        *row = row.clone().unit(unit);
        if guess.unit == unit {
            row.sum = guess.sum;
        }
        let numbers: Vec<bool> = (0..n)
            .map(|c| {
                matches!(
                    row.kind,
                    RowKind::Ordinary | RowKind::Subtotal | RowKind::Total
                ) && matches!(read_cell(&row.cells[c]), CellValue::Number(_))
            })
            .collect();
        if any {
            let would = (0..n).any(|c| numbers[c] && (need[c] || row.kind == RowKind::Total));
            let has = seen.iter().any(|x| *x);
            let currency = matches!(row.unit, Unit::Currency | Unit::PerShare);
            if has && !currency {
                *row = row.clone().unit(Unit::Currency);
            } else if !has && would && currency {
                *row = row.clone().unit(Unit::Other);
            }
        }
        if matches!(row.unit, Unit::Currency | Unit::PerShare) {
            for c in 0..n {
                if numbers[c] {
                    need[c] = false;
                }
            }
        }
        if row.kind == RowKind::Total {
            need.iter_mut().for_each(|x| *x = true);
        }
    }
}

/// Caption lines into groups, headings and the label column's heading.
fn caption(frame: &Frame, lines: &[String], table: &mut Table) {
    let n = frame.extents.len();
    let content: Vec<&String> = lines.iter().filter(|l| !l.trim().is_empty()).collect();
    // The group rule: the last rule line with text below it.
    // A trailing rule is a group rule only when one of its runs spans columns (otherwise it
    // underlines the headings).
    let spans_columns = |l: &str| {
        chunks(l).iter().any(|s| {
            frame
                .extents
                .iter()
                .filter(|&&(a, b)| s.start < b && s.end > a)
                .count()
                > 1
        })
    };
    let rule_at = content
        .iter()
        .rposition(|l| rule_char(l).is_some())
        .filter(|&k| {
            content[k + 1..].iter().any(|l| rule_char(l).is_none())
                || (k > 0 && spans_columns(content[k]))
        });
    let heading_lines: Vec<&String> = match rule_at {
        Some(k) => {
            let segments = chunks(content[k]);
            let mut labels: Vec<Vec<String>> = vec![Vec::new(); segments.len()];
            for l in &content[..k] {
                if rule_char(l).is_some() {
                    continue;
                }
                for ch in chunks(l) {
                    let seg = segments
                        .iter()
                        .position(|s| ch.start < s.end && ch.end > s.start)
                        .unwrap_or_else(|| {
                            let ext: Vec<(usize, usize)> =
                                segments.iter().map(|s| (s.start, s.end)).collect();
                            column_of(&ext, ch.start, ch.end)
                        });
                    labels[seg].push(ch.text);
                }
            }
            for (s, label) in segments.iter().zip(labels) {
                let cols: Vec<usize> = (0..n)
                    .filter(|&j| {
                        let (a, b) = frame.extents[j];
                        s.start < b && s.end > a
                    })
                    .collect();
                if let (Some(&first), Some(&last)) = (cols.first(), cols.last()) {
                    table
                        .groups
                        .push(ColumnGroup::new(label.join("\n"), first, last - first + 1));
                }
            }
            content[k + 1..].to_vec()
        }
        None => content.clone(),
    };
    let mut headings: Vec<Vec<String>> = vec![Vec::new(); n];
    for l in heading_lines {
        if rule_char(l).is_some() {
            continue;
        }
        let split = frame.split_caption(l);
        if let Some(label) = split.label {
            table.label_heading = label.text;
        }
        for (j, cell) in split.cells.into_iter().enumerate() {
            if let Some(ch) = cell {
                headings[j].push(ch.text);
            }
        }
    }
    table.headings = headings.into_iter().map(|h| h.join("\n")).collect();
}

/// Centred lines directly above line `top` (none across a blank line or line `floor`).
fn titles_above(lines: &[String], top: usize, floor: usize, width: usize) -> usize {
    let mut first = top;
    while first > floor && top - first < 6 {
        let l = &lines[first - 1];
        if l.trim().is_empty() || !centred(l, width) || chunks(l).len() != 1 {
            break;
        }
        first -= 1;
    }
    first
}

fn centred(line: &str, width: usize) -> bool {
    let indent = indent_of(line);
    let w = text::width(line.trim());
    if indent == 0 {
        return w + 1 >= width;
    }
    (2 * indent + w).abs_diff(width) <= 1
}

/// Footnotes: marked paragraphs starting one blank line below `end`.
fn footnotes_below(lines: &[String], end: usize) -> (Vec<String>, usize) {
    let mut notes: Vec<String> = Vec::new();
    if !(end < lines.len() && lines[end].trim().is_empty()) {
        return (notes, end);
    }
    let mut i = end + 1;
    let mut hang = 0;
    while i < lines.len() {
        let l = &lines[i];
        if l.trim().is_empty() {
            break;
        }
        let h = footnote_hang(l);
        if indent_of(l) == 0 && h > 0 {
            notes.push(l.trim().to_string());
            hang = h;
        } else if !notes.is_empty() && indent_of(l) == hang {
            join_wrapped(notes.last_mut().expect("not empty"), l.trim());
        } else {
            break;
        }
        i += 1;
    }
    if notes.is_empty() {
        (notes, end)
    } else {
        (notes, i)
    }
}

fn options_from(table: &mut Table, seen: &Seen) {
    let cells: Vec<&str> = seen.cells.iter().map(String::as_str).collect();
    table.options.negatives = negatives_seen(&cells);
    table.options.dollar_signs = seen.dollars.iter().flatten().any(|x| *x);
    table.options.leader_dots = seen.dots;
}

fn negatives_seen(cells: &[&str]) -> Negatives {
    let minus = cells.iter().any(|c| {
        c.trim().starts_with(['-', '\u{2212}'])
            && matches!(read_cell(c), CellValue::Number(n) if n.is_negative())
    });
    let paren = cells.iter().any(|c| c.trim().starts_with('('));
    if minus && !paren {
        Negatives::Minus
    } else {
        Negatives::Parentheses
    }
}

/// Lays the table out again and compares; when it differs, records the positions found
/// and tries once more.
fn settle_layout(table: &mut Table, style: Style, want: &[String], found: TextLayout) -> bool {
    let prose = footnote_width(want, table);
    let same = |t: &Table| {
        layout(t, style, prose).is_ok_and(|out| {
            out.lines.len() == want.len()
                && out
                    .lines
                    .iter()
                    .zip(want)
                    .all(|(a, b)| a.trim_end() == b.trim_end())
        })
    };
    table.text_layout = None;
    if same(table) {
        return true;
    }
    // Printers differ in how they set headings and negatives: try each way.
    for (headings_right, flush_numbers) in
        [(false, false), (true, false), (false, true), (true, true)]
    {
        table.text_layout = Some(TextLayout {
            headings_right,
            flush_numbers,
            ..found.clone()
        });
        if same(table) {
            return true;
        }
    }
    table.text_layout = Some(found);
    false
}

/// The width the footnotes were wrapped at, as far as it matters: their longest line.
fn footnote_width(want: &[String], table: &Table) -> usize {
    if table.footnotes.is_empty() {
        return 80;
    }
    // Footnote lines are the last lines, after the last blank line.
    let start = want
        .iter()
        .rposition(|l| l.trim().is_empty())
        .map_or(want.len(), |k| k + 1);
    want[start..]
        .iter()
        .map(|l| text::width(l))
        .max()
        .unwrap_or(80)
        .max(20)
}

fn tagged(lines: &[String], open: usize, close: usize, floor: usize) -> Option<Detected> {
    let inner = &lines[open + 1..close];
    let s_line = inner.iter().position(|l| {
        let t = l.trim_start();
        t.len() >= 3 && t[..3].eq_ignore_ascii_case("<S>")
    })?;
    let marker = inner[s_line].to_ascii_uppercase();
    let s_at = marker.find("<S>")?;
    let starts: Vec<usize> = marker.match_indices("<C>").map(|(i, _)| i).collect();
    let mut caption_lines: Vec<String> = inner[..s_line].to_vec();
    if caption_lines
        .first()
        .is_some_and(|l| l.trim().eq_ignore_ascii_case("<CAPTION>"))
    {
        caption_lines.remove(0);
    }
    let body_lines = &inner[s_line + 1..];
    let extents: Vec<(usize, usize)> = starts
        .iter()
        .enumerate()
        .map(|(j, &a)| (a, starts.get(j + 1).map_or(usize::MAX / 2, |&b| b)))
        .collect();
    let label_end = starts.first().copied().unwrap_or(usize::MAX / 2);
    let frame = Frame {
        label_end,
        caption_label_end: label_end,
        extents,
        margin: s_at,
    };
    let mut table = Table::new(starts.len());
    let mut seen = Seen::default();
    table.rows = body(&frame, body_lines, &mut seen);
    settle_units(&mut table.rows, &seen.dollars);
    settle_meaning(&mut table);
    caption(&frame, &caption_lines, &mut table);
    options_from(&mut table, &seen);
    let width = inner
        .iter()
        .filter(|l| !l.trim_start().starts_with('<'))
        .map(|l| text::width(l))
        .max()
        .unwrap_or(0);
    let top = titles_above(lines, open, floor, width);
    table.title = lines[top..open]
        .iter()
        .map(|l| l.trim().to_string())
        .collect();
    let (notes, end) = footnotes_below(lines, close + 1);
    table.footnotes = notes;
    let found = recorded(
        &frame,
        &caption_lines,
        body_lines,
        &lines[top..open],
        &seen,
        0,
        true,
    );
    let want = &lines[top..end];
    let exact = settle_layout(&mut table, Style::Edgar, want, found);
    Some(Detected {
        lines: top..end,
        table,
        tagged: true,
        exact,
    })
}

/// The positions a layout needs to print the lines as found.
fn recorded(
    frame: &Frame,
    caption: &[String],
    body: &[String],
    titles: &[String],
    seen: &Seen,
    margin: usize,
    tagged: bool,
) -> TextLayout {
    let n = frame.extents.len();
    let mut spans: Vec<Option<(usize, usize)>> = vec![None; n];
    // Where the cells of the rows end, column by column.
    let mut numbers_end: Vec<Option<usize>> = vec![None; n];
    for l in body {
        if rule_char(l).is_some() {
            continue;
        }
        for (j, c) in frame.split(l).cells.into_iter().enumerate() {
            if let Some(c) = c {
                let e = numbers_end[j].get_or_insert(c.end);
                *e = (*e).max(c.end);
            }
        }
    }
    let in_caption = caption.len();
    for (k, l) in caption.iter().chain(body).enumerate() {
        if n == 0 {
            break;
        }
        let placed: Vec<(usize, Chunk)> = if rule_char(l).is_some() {
            chunks(l)
                .into_iter()
                .map(|ch| (column_of(&frame.extents, ch.start, ch.end), ch))
                .collect()
        } else {
            let split = if k < in_caption {
                frame.split_caption(l)
            } else {
                frame.split(l)
            };
            split
                .cells
                .into_iter()
                .enumerate()
                .filter_map(|(j, c)| c.map(|c| (j, c)))
                .collect()
        };
        for (j, ch) in placed {
            // A rule or a group label may span columns; only single-column text counts.
            if frame.extents[j].1 < ch.end && j + 1 < n {
                continue;
            }
            let e = spans[j].get_or_insert((ch.start, ch.end));
            e.0 = e.0.min(ch.start);
            e.1 = e.1.max(ch.end);
        }
    }
    let columns = spans
        .iter()
        .enumerate()
        .map(|(j, s)| {
            let (a, b) = s.unwrap_or(frame.extents[j]);
            // Tagged: a column begins at its <C> marker.
            let a = if tagged { frame.extents[j].0 } else { a };
            let width = b.saturating_sub(a).max(3);
            ColumnPlace {
                start: a - margin,
                width,
                numbers_end: numbers_end[j]
                    .map(|e| e.saturating_sub(a))
                    .filter(|&e| e < width),
                cells: None,
            }
        })
        .collect();
    TextLayout {
        margin,
        columns,
        dollar: if seen.attached {
            DollarPlace::Attached
        } else {
            DollarPlace::ColumnLeft
        },
        title_indents: titles.iter().map(|l| indent_of(l)).collect(),
        rule: seen.rule,
        double_rule: seen.double_rule,
        headings_right: false,
        headings_rule: caption
            .iter()
            .rev()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|l| rule_char(l).is_some())
            && !body.is_empty(),
        flush_numbers: false,
        untagged: false,
    }
}

/// A line after a blank one indented this far, alone, is a title (the next table's), not a
/// row of this one: rows and section headings start within a few levels of the margin.
const TITLE_INDENT: usize = 8;

/// The widest a line may be and still be a section heading between a table's blank rows,
/// when no row with amounts shows where the label column ends.
const HEADING_RUN_WIDTH: usize = 60;

/// A block of aligned columns from line `start` (non-blank) up to `end` (a blank line),
/// perhaps running on across single blank lines.
fn untagged(lines: &[String], start: usize, end: usize) -> Option<Detected> {
    let block: Vec<String> = lines[start..end].to_vec();
    let numeric = |ch: &Chunk| matches!(read_cell(&ch.text), CellValue::Number(_)) || ch.dollar;
    let number_line = |l: &str| {
        if rule_char(l).is_some() {
            return false;
        }
        let cs = chunks(l);
        // Amounts after a label, or standing alone right of the margin (a row without label);
        // a year is a heading.
        let amount = |c: &Chunk| numeric(c) && !year(&c.text);
        (cs.len() >= 2 && cs.iter().skip(1).any(amount))
            || (!cs.is_empty() && cs[0].start >= 2 && amount(&cs[0]))
    };
    if !block.iter().any(|l| number_line(l)) {
        return None;
    }
    // Run on across single blank lines while what follows holds numbers (a table's blank rows).
    let mut all_lines: Vec<String> = block.clone();
    let mut next = end;
    while next + 1 < lines.len()
        && lines[next].trim().is_empty()
        && !lines[next + 1].trim().is_empty()
    {
        let stop = (next + 1..lines.len())
            .find(|&j| {
                lines[j].trim().is_empty() || lines[j].trim().eq_ignore_ascii_case("<TABLE>")
            })
            .unwrap_or(lines.len());
        let run = &lines[next + 1..stop];
        // A `<TABLE>` right after the blank line: another table starts there.
        if run.is_empty() {
            break;
        }
        if indent_of(&run[0]) == 0 && footnote_hang(&run[0]) > 0 && !number_line(&run[0]) {
            break; // the footnotes
        }
        // A centred line after the blank one is the next table's title (statements follow
        // one another a blank line apart); a table's own headings start at its left.
        if chunks(&run[0]).len() == 1
            && indent_of(&run[0]) >= TITLE_INDENT
            && !number_line(&run[0])
            && rule_char(&run[0]).is_none()
        {
            break;
        }
        if !run.iter().any(|l| number_line(l)) {
            // A heading alone between blank rows ("Per share data:") belongs to the table
            // when rows with amounts follow it after one more blank line.
            // Prose wrapped at a release's width runs past the label column, into the
            // amounts' columns, and its paragraphs end in a full stop.
            // (An amount without a label stands in its column: the labels end before it.)
            let label_end = all_lines
                .iter()
                .filter(|l| number_line(l))
                .filter_map(|l| {
                    let cs = chunks(l);
                    cs.get(1).or(cs.first()).map(|c| c.start)
                })
                .min()
                .unwrap_or(HEADING_RUN_WIDTH);
            let heading = |run: &[String]| {
                run.len() <= 6
                    && run.iter().all(|l| {
                        chunks(l).len() == 1
                            && !l.trim_end().ends_with('.')
                            && text::width(l) <= label_end
                    })
            };
            // Look past more such headings for the rows.
            let mut at = stop;
            let mut then = false;
            while heading(&lines[next + 1..stop])
                && at + 1 < lines.len()
                && lines[at].trim().is_empty()
                && !lines[at + 1].trim().is_empty()
            {
                let end = (at + 1..lines.len())
                    .find(|&j| lines[j].trim().is_empty())
                    .unwrap_or(lines.len());
                let ahead = &lines[at + 1..end];
                if ahead.iter().any(|l| number_line(l)) {
                    then = true;
                    break;
                }
                if !heading(ahead) {
                    break;
                }
                at = end;
            }
            if !then {
                break;
            }
        }
        all_lines.push(String::new());
        all_lines.extend(run.iter().cloned());
        next = stop;
    }
    let body_end = all_lines.len();
    let number_lines: Vec<&String> = all_lines.iter().filter(|l| number_line(l)).collect();
    if number_lines.len() < 2 {
        return None;
    }
    // Occupied display columns of the lines with numbers; gaps of two or more split columns.
    let width = number_lines
        .iter()
        .map(|l| text::width(l))
        .max()
        .unwrap_or(0);
    let mut used = vec![false; width];
    // Rows without a label may have amounts reaching left (a wide negative): lines with a
    // label set the columns when there are enough of them.
    let labelled: Vec<&String> = number_lines
        .iter()
        .copied()
        .filter(|l| chunks(l).first().is_some_and(|c| !numeric(c)))
        .collect();
    let number_lines = if labelled.len() >= 2 {
        labelled
    } else {
        number_lines
    };
    for l in &number_lines {
        for ch in chunks(l) {
            used[ch.start..ch.end].iter_mut().for_each(|x| *x = true);
        }
    }
    let mut segments: Vec<(usize, usize)> = Vec::new();
    let mut x = 0;
    while x < width {
        if !used[x] {
            x += 1;
            continue;
        }
        let a = x;
        while x < width && used[x] {
            x += 1;
        }
        match segments.last_mut() {
            Some(last) if a - last.1 < 2 => last.1 = x,
            _ => segments.push((a, x)),
        }
    }
    if segments.len() < 2 {
        return None;
    }
    // In the body a first chunk starting left of the numbers is a label; in the caption only
    // one starting within the labels' extent (headings may start left of their numbers).
    let label_end = segments[1].0;
    let extents: Vec<(usize, usize)> = segments[1..].to_vec();
    // At least three lines with text on both sides of a gap between columns.
    let across = all_lines
        .iter()
        .filter(|l| {
            let cs = chunks(l);
            segments
                .windows(2)
                .any(|w| cs.iter().any(|c| c.end <= w[0].1) && cs.iter().any(|c| c.start >= w[1].0))
        })
        .count();
    if across < 3 {
        return None;
    }
    let margin = all_lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| indent_of(l))
        .min()
        .unwrap_or(0);
    let frame = Frame {
        label_end,
        caption_label_end: segments[0].1,
        extents: extents.clone(),
        margin,
    };
    // The table's width: its widest line, leaving out the single lines at the top (titles,
    // which may be wider, and group labels, which are not).
    let lead = block
        .iter()
        .take_while(|l| chunks(l).len() == 1 && !number_line(l) && rule_char(l).is_none())
        .count();
    let table_width = all_lines[lead..]
        .iter()
        .map(|l| text::width(l))
        .max()
        .unwrap_or(width);
    // Title: single centred lines at the top. A group label is centred over value columns
    // only, so it is off the table's centre and stays in the caption.
    let mut titles = 0;
    while titles < lead {
        let l = &block[titles];
        if chunks(l).len() != 1 || number_line(l) || rule_char(l).is_some() {
            break;
        }
        if !centred(l, table_width) {
            break;
        }
        // Over one value column and clear of the labels: a heading that happens to be centred.
        let ch = &chunks(l)[0];
        let over = extents
            .iter()
            .filter(|&&(a, b)| ch.start < b && ch.end > a)
            .count();
        // (Under title lines, a centred line is one more: "(Unaudited)" may stand over a
        // column of a wide table.)
        if ch.start >= segments[0].1 && over <= 1 && titles == 0 {
            break;
        }
        // A label with a rule under it (after its other lines) is a column group's, however
        // near the table's centre its columns put it: titles are never ruled.
        let below = block[titles + 1..]
            .iter()
            .find(|n| chunks(n).len() != 1 || rule_char(n).is_some() || number_line(n));
        if let Some(rule) = below.filter(|n| rule_char(n).is_some())
            && chunks(rule)
                .iter()
                .any(|r| r.start <= ch.start && r.end >= ch.end)
        {
            break;
        }
        titles += 1;
    }
    let mut c = titles;
    while c < block.len() {
        let l = &block[c];
        if rule_char(l).is_some() {
            c += 1;
            continue;
        }
        let split = frame.split_caption(l);
        let cells: Vec<&Chunk> = split.cells.iter().flatten().collect();
        let caption_line =
            !cells.is_empty() && !cells.iter().any(|ch| numeric(ch) && !year(&ch.text));
        if !caption_line {
            break;
        }
        c += 1;
    }
    let body_lines = &all_lines[c..body_end];
    let mut table = Table::new(extents.len());
    let mut seen = Seen::default();
    table.rows = body(&frame, body_lines, &mut seen);
    // Most rows: some value column holds a number in more than half the rows with cells.
    let with_cells = table.rows.iter().filter(|r| r.has_cells()).count();
    let numbers_in = |j: usize| {
        table
            .rows
            .iter()
            .filter(|r| matches!(read_cell(&r.cells[j]), CellValue::Number(_)))
            .count()
    };
    if with_cells == 0 || !(0..extents.len()).any(|j| 2 * numbers_in(j) > with_cells) {
        return None;
    }
    settle_units(&mut table.rows, &seen.dollars);
    settle_meaning(&mut table);
    caption(&frame, &all_lines[titles..c], &mut table);
    options_from(&mut table, &seen);
    table.title = all_lines[..titles]
        .iter()
        .map(|l| l.trim().to_string())
        .collect();
    let last = start + all_lines.len();
    let (notes, stop) = footnotes_below(lines, last);
    table.footnotes = notes;
    let found = recorded(
        &frame,
        &all_lines[titles..c],
        body_lines,
        &all_lines[..titles],
        &seen,
        margin,
        false,
    );
    let want = &lines[start..stop];
    let exact = settle_layout(&mut table, Style::Newswire, want, found);
    Some(Detected {
        lines: start..stop,
        table,
        tagged: false,
        exact,
    })
}

/// The most lines a table of dates or words may have (a dividend's dates and amount, a
/// meeting's place and time): longer aligned runs of words are lists, not such tables.
const TEXT_TABLE_ROWS: usize = 12;
/// The widest a label or a cell of such a table may be.
const TEXT_TABLE_LABEL: usize = 40;
const TEXT_TABLE_CELL: usize = 30;

/// A date as releases write it in a table: a month's name and a day or year
/// ("February 5, 2027", "Feb. 19, 2027", "May 2027") or figures (`05/02/2027`, `2027-02-05`).
fn date_like(t: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let month = words
        .iter()
        .any(|w| w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m)));
    let figure = words.iter().any(|w| w.bytes().all(|b| b.is_ascii_digit()));
    let numeric_date = t.len() <= 10
        && t.split(['/', '-', '.']).count() == 3
        && t.split(['/', '-', '.'])
            .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    (month && figure && words.len() <= 4) || numeric_date
}

/// What marks a line as a contact's or an address's rather than a table row: an email
/// address, a web address or a telephone number.
fn contact_like(t: &str) -> bool {
    let lower = t.to_lowercase();
    let digits = t.bytes().filter(u8::is_ascii_digit).count();
    lower.contains('@')
        || lower.contains("www.")
        || lower.contains("://")
        || (digits >= 7 && t.contains(['-', '(', ')', '.']) && !t.contains(','))
}

/// A small table of dates or words beside labels (a dividend's record date, payment date
/// and amount), which [`untagged`] does not take: every line a label at the margin and the
/// same number of cells after gaps of two or more spaces, each cell column flush left or
/// flush right as written (or dates flush left over a flush-right amount), at least one gap of three spaces or more between the labels and
/// each column, and dates or amounts in at least half the rows. Labels are words (no
/// sentence's end, no list marker); no line is a contact's; the cells are short.
fn text_columns(lines: &[String], start: usize, end: usize) -> Option<Detected> {
    let block = &lines[start..end];
    if !(2..=TEXT_TABLE_ROWS).contains(&block.len()) {
        return None;
    }
    let split: Vec<Vec<Chunk>> = block.iter().map(|l| chunks(l)).collect();
    let n = split[0].len().checked_sub(1)?;
    if !(1..=3).contains(&n) || split.iter().any(|cs| cs.len() != n + 1) {
        return None;
    }
    let margin = split[0][0].start;
    if margin >= TITLE_INDENT || split.iter().any(|cs| cs[0].start != margin) {
        return None;
    }
    let label_ok = |c: &Chunk| {
        let t = c.text.trim();
        t.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && t.chars().next().is_some_and(char::is_alphanumeric)
            && !t.ends_with(['.', ',', ';'])
            && !c.dollar
            && text::width(t) <= TEXT_TABLE_LABEL
            && !matches!(read_cell(t), CellValue::Number(_))
    };
    let cell_ok = |c: &Chunk| {
        c.text.chars().any(char::is_alphanumeric) && text::width(&c.text) <= TEXT_TABLE_CELL
    };
    if block.iter().any(|l| contact_like(l))
        || split
            .iter()
            .any(|cs| !label_ok(&cs[0]) || !cs[1..].iter().all(cell_ok))
    {
        return None;
    }
    // Dates or amounts in at least half the rows.
    let dated = split
        .iter()
        .filter(|cs| {
            cs[1..].iter().any(|c| {
                c.dollar || date_like(&c.text) || matches!(read_cell(&c.text), CellValue::Number(_))
            })
        })
        .count();
    if 2 * dated < block.len() {
        return None;
    }
    // Each column flush left or flush right, clear of the one before it by three spaces
    // somewhere (two spaces everywhere is how sentences are spaced, not columns).
    let mut places = Vec::with_capacity(n);
    for j in 1..=n {
        let from = split.iter().map(|cs| cs[j].start).min().unwrap_or(0);
        let to = split.iter().map(|cs| cs[j].end).max().unwrap_or(0);
        let figure = |c: &Chunk| c.dollar || matches!(read_cell(&c.text), CellValue::Number(_));
        let (figures, words): (Vec<&Chunk>, Vec<&Chunk>) =
            split.iter().map(|cs| &cs[j]).partition(|c| figure(c));
        let all = |cs: &[&Chunk], f: &dyn Fn(&Chunk) -> bool| cs.iter().all(|c| f(c));
        let left = |c: &Chunk| c.start == from;
        let right = |c: &Chunk| c.end == to;
        let place = if all(&words, &left) && all(&figures, &left) {
            CellPlace::Left
        } else if all(&words, &right) && all(&figures, &right) {
            CellPlace::Right
        } else if all(&words, &left) && all(&figures, &right) {
            CellPlace::LeftText
        } else {
            return None;
        };
        let widest_gap = split
            .iter()
            .map(|cs| cs[j].start - cs[j - 1].end)
            .max()
            .unwrap_or(0);
        if widest_gap < 3 {
            return None;
        }
        // Clear of the column before (see the layout's `gap_before`).
        if let Some(&(_, _, before)) = places.last()
            && before + if place == CellPlace::Right { 1 } else { 2 } > from
        {
            return None;
        }
        places.push((place, from, to));
    }
    let mut table = Table::new(n);
    let mut seen = Seen::default();
    let mut dollars = Vec::new();
    for cs in &split {
        let (label, dots) = strip_dots(&cs[0].text);
        seen.dots |= dots;
        let mut row = guess_row(&label);
        row.kind = RowKind::Ordinary;
        row.indent = 0;
        row.cells = cs[1..]
            .iter()
            .map(|c| {
                seen.attached |= c.attached;
                seen.cells.push(c.text.clone());
                c.text.clone()
            })
            .collect();
        dollars.push(cs[1..].iter().map(|c| c.dollar).collect::<Vec<bool>>());
        table.rows.push(row);
    }
    settle_units(&mut table.rows, &dollars);
    seen.dollars = dollars;
    options_from(&mut table, &seen);
    let found = TextLayout {
        margin,
        columns: places
            .iter()
            .map(|&(place, from, to)| ColumnPlace {
                start: from - margin,
                width: to - from,
                numbers_end: None,
                cells: Some(place),
            })
            .collect(),
        dollar: if seen.attached {
            DollarPlace::Attached
        } else {
            DollarPlace::ColumnLeft
        },
        ..TextLayout::default()
    };
    let exact = settle_layout(&mut table, Style::Newswire, block, found);
    exact.then_some(Detected {
        lines: start..end,
        table,
        tagged: false,
        exact,
    })
}

#[cfg(test)]
mod tests;
