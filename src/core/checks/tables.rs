//! The rules about financial tables, and about prose that must agree with them:
//! `footing`, `table-too-wide`, `table-empty-cell`, `non-gaap-prominence`, `tie-out` and
//! `period-mismatch`; and what lets a table satisfy `non-gaap-without-reconciliation`.
//!
//! Cost: every rule is linear. Tables are never laid out here: the EDGAR limit and the
//! newswire width come from the render the checks are given (the preview's, cached). The
//! prose is tokenized once, only sentences holding a digit, and row names are looked up in
//! one index of every table's rows, not table by table.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;
use std::sync::LazyLock;

use chrono::{Datelike, Months, NaiveDate};

use super::{Checker, FORWARD_LOOKING_WORD, rules, sentences};
use crate::core::draft::{Block, Draft, FieldRef, FiscalYearEnd, Style};
use crate::core::render::{self, text};
use crate::core::table::{Amount, CellValue, RowKind, Table, Unit, foot, read_cell};
use crate::core::walk::TextRef;

/// A table of the draft, with what the rules need to know of it.
pub(super) struct Facts<'a> {
    pub field: FieldRef,
    pub table: &'a Table,
    /// Currency and share amounts are in 10^scale: 3 for "(In thousands ...)".
    pub scale: u32,
    /// The (current, prior) column pairs for a sentence about no period in particular, a
    /// quarter, six, nine and twelve months (see [`column_pairs`]), worked out once.
    pairs: [Vec<(usize, Option<usize>)>; 5],
}

const KINDS: [Option<u32>; 5] = [None, Some(3), Some(6), Some(9), Some(12)];

impl Facts<'_> {
    fn pairs(&self, kind: Option<u32>) -> &[(usize, Option<usize>)] {
        let i = KINDS.iter().position(|k| *k == kind).unwrap_or(0);
        &self.pairs[i]
    }
}

/// Every table block of the draft, in order.
pub(super) fn collect(d: &Draft) -> Vec<Facts<'_>> {
    d.body
        .iter()
        .filter_map(|b| match &b.block {
            Block::Table(t) => Some(Facts {
                field: FieldRef::Body(b.id),
                table: t,
                scale: scale_of(t),
                pairs: KINDS.map(|k| column_pairs(t, k)),
            }),
            _ => None,
        })
        .collect()
}

/// The tables alone laid out in `style`, as a render would hold them (their lines, where each
/// stands, those too wide for EDGAR): what [`super::check`] gives the width rule when it has
/// no render, without rendering the prose around them.
pub(super) fn laid_out(d: &Draft, style: Style) -> render::Rendered {
    let mut r = render::Rendered::default();
    let width = render::effective_width(d, style);
    let mut lines = 0;
    for f in collect(d) {
        match crate::core::table::layout(f.table, style, width) {
            Ok(t) => {
                for l in &t.lines {
                    r.text.push_str(l);
                    r.text.push('\n');
                }
                r.tables.push((f.field, lines..lines + t.lines.len()));
                lines += t.lines.len();
            }
            Err(e) => r.too_wide.push((f.field, e)),
        }
    }
    r
}

/// The power of ten a table's title says its amounts are in: "(In thousands, except per
/// share amounts)" is 3, "(In millions)" 6, "(In billions)" 9, "($000)" 3; else 0.
pub fn scale_of(t: &Table) -> u32 {
    for line in &t.title {
        let l = line.to_lowercase();
        if l.contains("in thousands") || l.contains("$000") || l.contains("(000") {
            return 3;
        }
        if l.contains("in millions") {
            return 6;
        }
        if l.contains("in billions") {
            return 9;
        }
    }
    0
}

/// `"Gross profit" (row 3)`, or `row 3` for a row without a label.
fn row_name(t: &Table, r: usize) -> String {
    match t.rows.get(r).map(|row| row.label.trim()) {
        Some(l) if !l.is_empty() => format!("\"{l}\" (row {})", r + 1),
        _ => format!("row {}", r + 1),
    }
}

/// `"2026" (Three Months Ended September 30,)`, or `column 2`.
fn column_name(t: &Table, c: usize) -> String {
    let heading = t.headings.get(c).map(|h| one_line(h)).unwrap_or_default();
    let group = t
        .groups
        .iter()
        .find(|g| g.columns().contains(&c))
        .map(|g| one_line(&g.label))
        .filter(|g| !g.is_empty());
    match (heading.is_empty(), group) {
        (false, Some(g)) => format!("\"{heading}\" ({g})"),
        (false, None) => format!("\"{heading}\""),
        (true, Some(g)) => format!("column {} ({g})", c + 1),
        (true, None) => format!("column {}", c + 1),
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An amount as a statement prints it: `1,234.5`, `-812`.
pub fn grouped(a: Amount) -> String {
    let plain = a.abs().to_string();
    let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    if a.units < 0 { format!("-{out}") } else { out }
}

fn to_f64(a: Amount) -> f64 {
    a.units as f64 / 10f64.powi(a.scale as i32)
}

/// A cell typed as a figure that does not read as one: digits with only figure marks around
/// them (`136,0701`, `1.2.3`, `12-5`), where text such as `n/m` or `see note` is meant.
pub(super) fn figure_slip(cell: &str) -> bool {
    let t = cell.trim();
    t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || ",.()$%-\u{2212} ".contains(c))
        && !matches!(read_cell(t), CellValue::Number(_))
}

impl Checker<'_> {
    fn push_table(
        &mut self,
        rule: &'static rules::Rule,
        field: FieldRef,
        message: String,
        excerpt: Option<String>,
    ) {
        self.push_table_as(rule, rule.severity, field, message, excerpt);
    }

    /// A finding about a table, named as the table ("body block 4, table \"...\"").
    fn push_table_as(
        &mut self,
        rule: &'static rules::Rule,
        severity: super::Severity,
        field: FieldRef,
        message: String,
        excerpt: Option<String>,
    ) {
        self.out.push(super::Finding {
            rule: rule.id,
            severity,
            message,
            field,
            place: self.draft.table_label(field),
            excerpt,
        });
    }

    /// `table-figure-unreadable`: a cell of figure characters that does not read as a
    /// number, named by its row and column.
    pub(super) fn unreadable_figures(&mut self) {
        let mut found = Vec::new();
        for f in &self.tables {
            let t = f.table;
            for (r, row) in t.rows.iter().enumerate() {
                if matches!(row.kind, RowKind::Heading | RowKind::Blank) {
                    continue;
                }
                for c in 0..t.columns() {
                    if figure_slip(t.cell(r, c)) {
                        found.push((
                            f.field,
                            format!(
                                "{} under {} reads \"{}\", which is not a figure; retype it \
                                 (as 1,234, (1,234), -1,234 or 12.5%).",
                                row_name(t, r),
                                column_name(t, c),
                                t.cell(r, c).trim()
                            ),
                            t.cell(r, c).trim().to_string(),
                        ));
                    }
                }
            }
        }
        for (field, message, cell) in found {
            self.push_table(&rules::TABLE_FIGURE_UNREADABLE, field, message, Some(cell));
        }
    }

    /// `footing`: each subtotal and total against the rows it sums. A column is not footed
    /// below a figure that does not read (reported as such): the slip is the finding, not
    /// the totals under it.
    pub(super) fn footing(&mut self) {
        let mut found = Vec::new();
        for f in &self.tables {
            for m in foot(f.table) {
                let t = f.table;
                // (A slip is not a term, so the rows summed may start below it.)
                if (0..=m.row).any(|r| figure_slip(t.cell(r, m.column))) {
                    continue;
                }
                let message = format!(
                    "{} under {} shows {} but the rows it sums (from {}) add up to {}: a \
                     difference of {}.",
                    row_name(t, m.row),
                    column_name(t, m.column),
                    grouped(m.found),
                    row_name(t, m.first_row),
                    grouped(m.expected),
                    grouped(m.difference),
                );
                found.push((f.field, message, t.cell(m.row, m.column).trim().to_string()));
            }
        }
        for (field, message, cell) in found {
            self.push_table(&rules::FOOTING, field, message, Some(cell));
        }
    }

    /// `table-empty-cell`: an empty cell in a row with numbers in its other columns.
    pub(super) fn empty_cells(&mut self) {
        let mut found = Vec::new();
        for f in &self.tables {
            let t = f.table;
            // A column with no heading among headed ones (a row with a cell too many, in a
            // hand-edited file): said once, and its empty cells are not listed row by row.
            let headed = t.headings.iter().any(|h| !h.trim().is_empty());
            let unheaded: Vec<usize> = (0..t.columns())
                .filter(|&c| headed && t.headings[c].trim().is_empty())
                .collect();
            for &c in &unheaded {
                found.push((
                    f.field,
                    format!(
                        "Column {} has no heading while the others have one; give it a \
                         heading, or remove the column if a row has a cell too many.",
                        c + 1
                    ),
                ));
            }
            for (r, row) in t.rows.iter().enumerate() {
                if matches!(row.kind, RowKind::Heading | RowKind::Blank) {
                    continue;
                }
                let mut empty = Vec::new();
                let mut numbers = false;
                for c in 0..t.columns() {
                    match read_cell(t.cell(r, c)) {
                        CellValue::Empty if unheaded.contains(&c) => {}
                        CellValue::Empty => empty.push(c),
                        CellValue::Number(_) => numbers = true,
                        CellValue::Text(_) => {}
                    }
                }
                if numbers && !empty.is_empty() {
                    let columns: Vec<String> = empty.iter().map(|&c| column_name(t, c)).collect();
                    found.push((
                        f.field,
                        format!(
                            "{} has no figure under {} while its other columns have numbers; \
                             type the figure, or a dash for nil.",
                            row_name(t, r),
                            columns.join(", ")
                        ),
                    ));
                }
            }
        }
        for (field, message) in found {
            self.push_table(&rules::TABLE_EMPTY_CELL, field, message, None);
        }
    }

    /// `table-too-wide`, from the render: EDGAR reports what it could not fit in 132
    /// columns; in newswire a table's lines are measured against the prose width.
    pub(super) fn too_wide(&mut self, style: Style, rendered: &render::Rendered) {
        match style {
            Style::Edgar => {
                for (field, e) in &rendered.too_wide {
                    self.push_table(
                        &rules::TABLE_TOO_WIDE,
                        *field,
                        format!(
                            "The table needs {} columns even with its labels wrapped, and EDGAR \
                             allows {} for tables; EDGAR export refuses it until it fits.",
                            e.needed, e.limit
                        ),
                        None,
                    );
                }
            }
            Style::Newswire => {
                if rendered.tables.is_empty() {
                    return;
                }
                let width = render::effective_width(self.draft, style);
                let lines: Vec<&str> = rendered.text.lines().collect();
                let mut widest: Vec<(FieldRef, usize)> = Vec::new();
                for (field, range) in &rendered.tables {
                    let w = lines
                        .get(range.clone())
                        .unwrap_or_default()
                        .iter()
                        .map(|l| text::width(l))
                        .max()
                        .unwrap_or(0);
                    match widest.iter_mut().find(|(f, _)| f == field) {
                        Some((_, m)) => *m = (*m).max(w),
                        None => widest.push((*field, w)),
                    }
                }
                for (field, w) in widest {
                    if w > width {
                        // Newswire prints it anyway: a warning, where EDGAR's is an error.
                        self.push_table_as(
                            &rules::TABLE_TOO_WIDE,
                            super::Severity::Warning,
                            field,
                            format!(
                                "The table is {w} columns wide, wider than the release's \
                                 {width}; wires print it as it is, but narrow readers may wrap \
                                 its lines."
                            ),
                            None,
                        );
                    }
                }
            }
        }
    }

    /// Whether a table reconciles the non-GAAP `term` (as [`super::NON_GAAP`] names it):
    /// a row names the measure and another its comparable GAAP measure (for a term with no
    /// known GAAP measure, the table's title or a row speaks of a reconciliation or GAAP).
    pub(super) fn reconciled_by_table(&self, term: &str) -> bool {
        let gaap: Vec<String> = measures(self.draft)
            .into_iter()
            .find(|m| m.names.iter().any(|n| n == term || n.ends_with(term)))
            .map(|m| m.gaap)
            .unwrap_or_default();
        let generic = [
            "non-gaap",
            "organic growth",
            "organic revenue",
            "core earnings",
        ];
        self.tables.iter().any(|f| {
            let labels: Vec<String> = f
                .table
                .rows
                .iter()
                .map(|r| r.label.to_lowercase())
                .collect();
            let names_term = |l: &String| {
                super::contains_phrase(l, term)
                    || (term == "non-gaap" && (l.contains("adjusted") || l.contains("non-gaap")))
            };
            let Some(measure_row) = labels.iter().position(names_term) else {
                return false;
            };
            if gaap.is_empty() || generic.contains(&term) {
                let title = f.table.title.join(" ").to_lowercase();
                return title.contains("reconcil")
                    || title.contains("gaap")
                    || labels.iter().any(|l| l.contains("gaap"));
            }
            labels.iter().enumerate().any(|(i, l)| {
                i != measure_row
                    && !names_term(l)
                    && gaap.iter().any(|g| super::contains_phrase(l, g))
            })
        })
    }
}

// ---------------------------------------------------------------------------------------
// non-gaap-prominence

/// A non-GAAP measure under its names, and the names of its comparable GAAP measure; all
/// lower case.
struct Measure {
    names: Vec<String>,
    gaap: Vec<String>,
}

const NET_INCOME: &[&str] = &["net income", "net earnings", "net loss"];
const OPERATING_CASH: &[&str] = &[
    "cash from operations",
    "cash flow from operations",
    "cash flows from operations",
    "operating cash flow",
    "cash from operating activities",
    "cash provided by operating activities",
    "cash flow from operating activities",
    "cash flows from operating activities",
    "cash generated from operations",
    "cash used in operating activities",
];

/// The built-in pairs, then the company's own.
fn measures(d: &Draft) -> Vec<Measure> {
    let own = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let mut m = vec![
        Measure {
            names: own(&["adjusted ebitda", "non-gaap ebitda", "ebitda"]),
            gaap: own(NET_INCOME),
        },
        Measure {
            names: own(&[
                "adjusted eps",
                "adjusted diluted eps",
                "adjusted earnings per share",
                "adjusted diluted earnings per share",
                "adjusted earnings per diluted share",
                "adjusted net income per diluted share",
                "non-gaap eps",
                "non-gaap earnings per share",
                "non-gaap diluted earnings per share",
                "non-gaap earnings per diluted share",
                "non-gaap net income per diluted share",
            ]),
            gaap: own(&[EPS_DILUTED, EPS_ANY].concat()),
        },
        Measure {
            names: own(&["free cash flow"]),
            gaap: own(OPERATING_CASH),
        },
        Measure {
            names: own(&["adjusted gross margin", "non-gaap gross margin"]),
            gaap: own(&["gross margin"]),
        },
        Measure {
            names: own(&["adjusted gross profit", "non-gaap gross profit"]),
            gaap: own(&["gross profit"]),
        },
        Measure {
            names: own(&[
                "adjusted operating income",
                "non-gaap operating income",
                "adjusted income from operations",
                "non-gaap income from operations",
            ]),
            gaap: own(&["operating income", "income from operations"]),
        },
        Measure {
            names: own(&[
                "adjusted net income",
                "non-gaap net income",
                "adjusted net earnings",
            ]),
            gaap: own(NET_INCOME),
        },
    ];
    for p in &d.company.non_gaap_measures {
        let (name, gaap) = (
            p.measure.trim().to_lowercase(),
            p.gaap.trim().to_lowercase(),
        );
        if !name.is_empty() && !gaap.is_empty() {
            m.push(Measure {
                names: vec![name],
                gaap: vec![gaap],
            });
        }
    }
    m
}

/// Where `phrase` stands in `lower` as whole words.
fn phrase_at(lower: &str, phrase: &str) -> Vec<Range<usize>> {
    lower
        .match_indices(phrase)
        .filter(|(i, _)| {
            let before = lower[..*i].chars().next_back();
            let after = lower[i + phrase.len()..].chars().next();
            !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
                && !after.is_some_and(|c| c.is_alphanumeric())
        })
        .map(|(i, _)| i..i + phrase.len())
        .collect()
}

/// What a text names, in order: (position, measure index, is the non-GAAP measure).
fn mentions(lower: &str, measures: &[Measure]) -> Vec<(usize, usize, bool)> {
    let mut non_gaap: Vec<(Range<usize>, usize)> = Vec::new();
    for (i, m) in measures.iter().enumerate() {
        for n in &m.names {
            for r in phrase_at(lower, n) {
                non_gaap.push((r, i));
            }
        }
    }
    // The longest name wins where names overlap ("adjusted ebitda" over "ebitda").
    non_gaap.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut kept: Vec<(Range<usize>, usize)> = Vec::new();
    for (r, i) in non_gaap {
        if kept.last().is_none_or(|(k, _)| r.start >= k.end) {
            kept.push((r, i));
        }
    }
    let inside = |p: usize| kept.iter().any(|(k, _)| k.contains(&p));
    let mut out: Vec<(usize, usize, bool)> =
        kept.iter().map(|(r, i)| (r.start, *i, true)).collect();
    for (i, m) in measures.iter().enumerate() {
        for g in &m.gaap {
            for r in phrase_at(lower, g) {
                // "eps" in "adjusted eps" is not diluted EPS; nor "net income" after "adjusted".
                let modified = ["adjusted ", "non-gaap ", "core "]
                    .iter()
                    .any(|m| lower[..r.start].ends_with(m));
                if !inside(r.start) && !modified {
                    out.push((r.start, i, false));
                }
            }
        }
    }
    out.sort();
    out
}

impl Checker<'_> {
    /// `non-gaap-prominence` (C&DI 102.10): a non-GAAP measure in the headline or
    /// subheadline with its GAAP measure not named before it there, or named in the body
    /// (reading order) before its GAAP measure has been named.
    pub(super) fn non_gaap_prominence(&mut self) {
        // Most releases name no non-GAAP measure: one quick look over the prose says so,
        // before any text is lowered and searched for every name.
        let own: Vec<String> = self
            .draft
            .company
            .non_gaap_measures
            .iter()
            .map(|m| m.measure.trim().to_lowercase())
            .filter(|m| !m.is_empty())
            .collect();
        let prose = |r: &TextRef| {
            matches!(r.field, FieldRef::Headline | FieldRef::Subheadline)
                || (r.is_statement() && matches!(r.field, FieldRef::Body(_)))
        };
        let any = self.texts.iter().any(|(r, t)| {
            prose(r)
                && (super::NON_GAAP_ANY.is_match(t)
                    || (!own.is_empty() && {
                        let l = t.to_lowercase();
                        own.iter().any(|m| l.contains(m.as_str()))
                    }))
        });
        if !any {
            return;
        }
        let measures = measures(self.draft);
        let mut seen_gaap = vec![false; measures.len()];
        let mut reported = vec![false; measures.len()];
        let mut found = Vec::new();
        // The headline and subheadline: one caption, the headline first.
        let mut caption_seen = vec![false; measures.len()];
        for &(r, text) in &self.texts {
            let caption = matches!(r.field, FieldRef::Headline | FieldRef::Subheadline);
            if !(caption || (r.is_statement() && matches!(r.field, FieldRef::Body(_)))) {
                continue;
            }
            let lower = text.to_lowercase();
            let seen = if caption {
                &mut caption_seen
            } else {
                &mut seen_gaap
            };
            for (at, i, non_gaap) in mentions(&lower, &measures) {
                if !non_gaap {
                    seen[i] = true;
                } else if !seen[i] && !reported[i] {
                    reported[i] = true;
                    let len = measures[i]
                        .names
                        .iter()
                        .find(|n| lower[at..].starts_with(n.as_str()))
                        .map_or(0, |n| n.len());
                    // As typed where lower case kept the offsets (it may not, past ASCII).
                    let name = text
                        .get(at..at + len)
                        .filter(|n| n.to_lowercase() == lower[at..at + len])
                        .unwrap_or(&lower[at..at + len]);
                    let gaap = &measures[i].gaap[0];
                    let message = if caption {
                        format!(
                            "\"{name}\" is a non-GAAP measure named in the {} without {gaap} \
                             before it; Regulation S-K Item 10(e) and C&DI 102.10 ask for the \
                             comparable GAAP measure with equal or greater prominence.",
                            if r.field == FieldRef::Headline {
                                "headline"
                            } else {
                                "subheadline"
                            }
                        )
                    } else {
                        format!(
                            "\"{name}\" is a non-GAAP measure named before its comparable GAAP \
                             measure ({gaap}); C&DI 102.10 asks for the GAAP measure first."
                        )
                    };
                    found.push((r.field, message, sentence_at(text, at)));
                }
            }
            if r.field == FieldRef::Subheadline || r.field == FieldRef::Headline {
                // What the caption names counts for the body that follows it.
                for (s, c) in seen_gaap.iter_mut().zip(&caption_seen) {
                    *s |= *c;
                }
            }
        }
        for (field, message, sentence) in found {
            self.push(&rules::NON_GAAP_PROMINENCE, field, message, Some(sentence));
        }
    }
}

/// The sentence of `text` holding byte `at`.
fn sentence_at(text: &str, at: usize) -> String {
    let mut start = 0;
    loop {
        let end = super::sentence_end(text, start);
        if at < end || end >= text.len() {
            return text[start..end].trim().to_string();
        }
        start = end;
    }
}

// ---------------------------------------------------------------------------------------
// tie-out

/// Words that may stand before a row's name without making it another line item ("product
/// revenue" is not "revenue"; "fourth quarter revenue" and "the company's revenue" are).
#[rustfmt::skip]
const BEFORE_NAME: &[&str] = &[
    "the", "its", "our", "their", "total", "consolidated", "reported", "gaap", "record",
    "quarterly", "annual", "quarter", "year", "full-year", "fiscal", "and", "or", "of", "in",
    "for", "with", "was", "were", "while", "as", "to", "from", "on", "by", "a", "an", "that",
    "which", "company's", "company’s", "first-quarter", "second-quarter", "third-quarter",
    "fourth-quarter", "strong", "higher", "lower", "increased", "decreased", "said",
];
/// Words that may follow a row's name before its figure.
#[rustfmt::skip]
const AFTER_NAME: &[&str] = &[
    "was", "were", "is", "are", "of", "totaled", "totalled", "reached", "rose", "increased",
    "grew", "decreased", "declined", "fell", "came", "amounted", "improved", "up", "down",
    "for", "in", "at", "to", "compared", "and", "or", "climbed", "jumped", "dropped", "the",
    "quarter", "year", "fourth", "third", "second", "first", "full", "fiscal", "nine", "six",
    "three", "twelve", "month", "ended", "also", "increase", "decrease",
];
/// Between a figure and a row's name after it: "an 11% increase in revenue".
const FIGURE_TO_NAME: &[&str] = &[
    "in", "of", "the", "increase", "decrease", "growth", "decline", "gain", "drop", "rise",
    "higher", "lower",
];
#[rustfmt::skip]
const UP: &[&str] = &[
    "up", "increased", "rose", "grew", "gained", "climbed", "jumped", "increase", "growth",
    "higher", "rise", "gain",
];
#[rustfmt::skip]
const DOWN: &[&str] = &[
    "down", "decreased", "fell", "declined", "dropped", "decrease", "decline", "lower", "drop",
];
/// Single words too common to name a line item alone.
#[rustfmt::skip]
const GENERIC: &[&str] = &[
    "other", "net", "total", "basic", "diluted", "income", "expense", "cost", "amount",
    "change", "adjustment", "item", "subtotal", "operating", "tax", "interest", "share",
];

/// A figure in prose.
#[derive(Clone, Debug)]
struct Figure {
    /// As written, unsigned: `84.2` of "$84.2 million".
    amount: Amount,
    /// Power of ten of "thousand", "million", "billion" after it; 0 without.
    pow: u32,
    money: bool,
    percent: bool,
    text: String,
    /// One end of a range ("$350 million to $365 million"): never compared.
    range: bool,
}

#[derive(Clone, Debug)]
enum Tok {
    Word(String),
    Fig(Figure),
    /// Punctuation and numbers that are no figures (years, counts).
    Other,
}

static TOKEN: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)(?P<fig>\$?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?%|\s+percent\b|\s+per\s+cent\b|\s+(?:thousand|million|billion)\b)?)|(?P<word>\p{L}[\p{L}\p{N}'’]*(?:-[\p{L}\p{N}]+)*)|(?P<punct>[,:()])",
    )
    .expect("a valid pattern")
});

/// A word as names are compared: lower case, a plural `s` dropped.
fn norm(w: &str) -> String {
    let l = if w.is_ascii() {
        w.to_ascii_lowercase()
    } else {
        w.to_lowercase().replace('’', "'")
    };
    let l = l.strip_suffix("'s").unwrap_or(&l).to_string();
    if l.len() > 3
        && l.ends_with('s')
        && !l.ends_with("ss")
        && !l.ends_with("us")
        && !l.ends_with("is")
    {
        if let Some(stem) = l.strip_suffix("ies") {
            return format!("{stem}y");
        }
        return l[..l.len() - 1].to_string();
    }
    l
}

fn tokens(clause: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    // Which alternative matched, told by its first character (captures are slower).
    for m in TOKEN.find_iter(clause) {
        let t = m.as_str();
        let first = t.chars().next().unwrap_or(' ');
        if first.is_alphabetic() {
            out.push(Tok::Word(norm(t)));
        } else if first == '$' || first.is_ascii_digit() || first.is_whitespace() {
            out.push(figure(t).map_or(Tok::Other, Tok::Fig));
        } else {
            out.push(Tok::Other);
        }
    }
    // Ranges: "$2.25 to $2.40", "between $2.25 and $2.40".
    for i in 0..out.len() {
        let (Some(Tok::Fig(a)), Some(Tok::Word(w)), Some(Tok::Fig(b))) =
            (out.get(i), out.get(i + 1), out.get(i + 2))
        else {
            continue;
        };
        // "rose 9% to $318.5 million" is a change and a value, not a range.
        if (a.money, a.percent) != (b.money, b.percent) {
            continue;
        }
        let before = i.checked_sub(1).and_then(|b| word(&out, b));
        let range =
            (w == "to" && before != Some("from")) || (w == "and" && before == Some("between"));
        if range {
            for k in [i, i + 2] {
                if let Tok::Fig(f) = &mut out[k] {
                    f.range = true;
                }
            }
        }
    }
    out
}

fn word(toks: &[Tok], i: usize) -> Option<&str> {
    match toks.get(i) {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    }
}

/// A money amount, percentage or scaled number; `None` for years and counts.
fn figure(s: &str) -> Option<Figure> {
    let lower = s.to_lowercase();
    let money = lower.starts_with('$');
    let percent = lower.ends_with('%') || lower.contains("percent") || lower.contains("per cent");
    let pow = if lower.ends_with("thousand") {
        3
    } else if lower.ends_with("million") {
        6
    } else if lower.ends_with("billion") {
        9
    } else {
        0
    };
    if !money && !percent && pow == 0 {
        return None;
    }
    let digits: String = lower
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .collect();
    let amount = read_cell(&digits).number()?.amount;
    Some(Figure {
        amount,
        pow,
        money,
        percent,
        text: s.trim().to_string(),
        range: false,
    })
}

/// A row of a table that a name stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
struct RowAt {
    table: usize,
    row: usize,
}

/// Every row name of every table, as word sequences, once.
/// A name's words after its first, and the rows it names.
type NameRest = (Vec<String>, Vec<RowAt>);

struct Names {
    /// By a name's first word: each name starting with it (its words after the first) and
    /// its rows. A token that begins no name costs one lookup.
    by_first: HashMap<String, Vec<NameRest>>,
}

const REVENUE: &[&str] = &[
    "revenue",
    "net revenue",
    "net sales",
    "sales",
    "total revenue",
];
const EPS_DILUTED: &[&str] = &[
    "diluted eps",
    "diluted earnings per share",
    "earnings per diluted share",
    "per diluted share",
    "diluted net income per share",
    "net income per diluted share",
    "net earnings per diluted share",
];
const EPS_ANY: &[&str] = &["eps", "earnings per share"];
const EPS_BASIC: &[&str] = &[
    "basic eps",
    "basic earnings per share",
    "earnings per basic share",
    "per basic share",
];

fn words_of(s: &str) -> Vec<String> {
    tokens(s)
        .into_iter()
        .filter_map(|t| match t {
            Tok::Word(w) => Some(w),
            _ => None,
        })
        .collect()
}

/// The names a row goes by: its label's words (without parentheses, "Total" and footnote
/// marks), and the synonyms of revenue, net income and EPS.
fn row_names(label: &str, unit: Unit) -> Vec<Vec<String>> {
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in label.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let mut words = words_of(&plain);
    if words.first().is_some_and(|w| w == "total") {
        words.remove(0);
    }
    let non_gaap = words
        .iter()
        .any(|w| w == "adjusted" || w == "non-gaap" || w == "core" || w == "organic");
    let mut out = Vec::new();
    let joined = words.join(" ");
    let group = |g: &[&str]| g.iter().map(|p| words_of(p)).collect::<Vec<_>>();
    if !non_gaap {
        if unit == Unit::PerShare {
            if words.iter().any(|w| w == "diluted") {
                out.extend(group(EPS_DILUTED));
                out.extend(group(EPS_ANY));
            } else if words.iter().any(|w| w == "basic") {
                out.extend(group(EPS_BASIC));
            } else if joined.contains("per share") || words.iter().any(|w| w == "eps") {
                out.extend(group(EPS_DILUTED));
                out.extend(group(EPS_ANY));
            }
        } else if unit == Unit::Currency {
            if REVENUE.iter().any(|p| words_of(p) == words) {
                out.extend(group(REVENUE));
            } else if NET_INCOME.iter().any(|p| words_of(p) == words) {
                out.extend(group(NET_INCOME));
            }
        }
    }
    let generic = words.len() == 1 && GENERIC.contains(&words[0].as_str());
    if !words.is_empty() && words.len() <= 8 && !generic {
        out.push(words);
    }
    out
}

impl Names {
    fn of(tables: &[Facts]) -> Names {
        let mut map: HashMap<Vec<String>, Vec<RowAt>> = HashMap::new();
        for (ti, f) in tables.iter().enumerate() {
            for (r, row) in f.table.rows.iter().enumerate() {
                if matches!(row.kind, RowKind::Heading | RowKind::Blank) {
                    continue;
                }
                for name in row_names(&row.label, row.unit) {
                    let at = RowAt { table: ti, row: r };
                    let v = map.entry(name).or_default();
                    if !v.contains(&at) {
                        v.push(at);
                    }
                }
            }
        }
        let mut by_first: HashMap<String, Vec<NameRest>> = HashMap::new();
        for (mut name, rows) in map {
            let first = name.remove(0);
            by_first.entry(first).or_default().push((name, rows));
        }
        // Longest first, so the first that fits is the longest.
        for names in by_first.values_mut() {
            names.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        }
        Names { by_first }
    }

    /// The longest name starting at token `i`: its end (exclusive) and rows.
    fn at(&self, toks: &[Tok], i: usize) -> Option<(usize, &[RowAt])> {
        let Some(Tok::Word(first)) = toks.get(i) else {
            return None;
        };
        let names = self.by_first.get(first)?;
        names.iter().find_map(|(rest, rows)| {
            let fits = rest
                .iter()
                .enumerate()
                .all(|(k, w)| matches!(toks.get(i + 1 + k), Some(Tok::Word(t)) if t == w));
            fits.then(|| (i + 1 + rest.len(), rows.as_slice()))
        })
    }
}

/// A figure of the prose that belongs to rows of the tables.
struct Assigned {
    sentence: String,
    /// The kind of period the sentence speaks of, to pick column groups.
    kind: Option<u32>,
    fig: Figure,
    role: Role,
    rows: Vec<RowAt>,
}

/// What figures belong to, by text, for the tables' names as `key` hashes them: the
/// texts of the last run (`previous`) and of this one (`used`), so it holds no more than
/// two runs' worth.
#[derive(Default)]
struct TieCache {
    key: u64,
    used: HashMap<u64, Arc<Vec<Assigned>>>,
    previous: HashMap<u64, Arc<Vec<Assigned>>>,
}

thread_local! {
    static TIE_CACHE: std::cell::RefCell<TieCache> = std::cell::RefCell::default();
}

/// What [`Names`] and figure assignment read of the tables: labels, kinds, units, scales
/// and column groups (not cells).
fn names_key(tables: &[Facts]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for f in tables {
        f.scale.hash(&mut h);
        f.table.groups.hash(&mut h);
        f.table.headings.len().hash(&mut h);
        for row in &f.table.rows {
            (&row.label, row.kind, row.unit).hash(&mut h);
        }
    }
    h.finish()
}

/// What a figure says of its row.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    /// The row's figure for the current period, or the prior one.
    Value { prior: bool },
    /// The change from prior to current: up (+1) or down (−1).
    Change(i8),
}

/// The kind of period a sentence speaks of, to pick a column group.
fn period_kind(lower: &str) -> Option<u32> {
    if lower.contains("nine months")
        || lower.contains("year to date")
        || lower.contains("year-to-date")
    {
        Some(9)
    } else if lower.contains("six months") || lower.contains("first half") {
        Some(6)
    } else if lower.contains("full year")
        || lower.contains("full-year")
        || lower.contains("fiscal year")
        || lower.contains("twelve months")
        || lower.contains("for the year")
        || lower.contains("year ended")
    {
        Some(12)
    } else if lower.contains("quarter") || lower.contains("three months") {
        Some(3)
    } else {
        None
    }
}

fn group_kind(label: &str) -> Option<u32> {
    let l = label.to_lowercase();
    if l.contains("three months") || l.contains("quarter") || l.contains("13 weeks") {
        Some(3)
    } else if l.contains("six months") || l.contains("26 weeks") {
        Some(6)
    } else if l.contains("nine months") || l.contains("39 weeks") {
        Some(9)
    } else if l.contains("twelve months") || l.contains("year") || l.contains("52 weeks") {
        Some(12)
    } else {
        None
    }
}

/// (current, prior) column pairs of a table, limited to the groups of `kind` when it has any.
fn column_pairs(t: &Table, kind: Option<u32>) -> Vec<(usize, Option<usize>)> {
    let pair = |r: Range<usize>| (r.start, (r.len() > 1).then_some(r.start + 1));
    if t.groups.is_empty() {
        return if t.columns() == 0 {
            Vec::new()
        } else {
            vec![pair(0..t.columns())]
        };
    }
    let all: Vec<_> = t
        .groups
        .iter()
        .map(|g| (group_kind(&g.label), g.columns()))
        .collect();
    let chosen: Vec<_> = all
        .iter()
        .filter(|(k, _)| kind.is_some() && *k == kind)
        .map(|(_, r)| pair(r.clone()))
        .collect();
    if chosen.is_empty() {
        all.into_iter().map(|(_, r)| pair(r)).collect()
    } else {
        chosen
    }
}

/// Whether a figure can be a value of a row of this unit (in a table of this scale).
fn fits(f: &Figure, role: Role, unit: Unit, scale: u32) -> bool {
    match role {
        Role::Change(_) if f.percent => {
            matches!(unit, Unit::Currency | Unit::PerShare | Unit::Shares)
        }
        Role::Change(_) => {
            f.money && matches!(unit, Unit::Currency | Unit::PerShare) && fits_money(f, unit, scale)
        }
        Role::Value { .. } => match unit {
            Unit::Percent => f.percent,
            Unit::PerShare => f.money && !f.percent && f.pow == 0,
            Unit::Currency => f.money && !f.percent && fits_money(f, unit, scale),
            Unit::Shares => !f.money && !f.percent && f.pow > 0,
            Unit::Other => false,
        },
    }
}

fn fits_money(f: &Figure, unit: Unit, scale: u32) -> bool {
    match unit {
        Unit::PerShare => f.pow == 0,
        // "$0.61" is no amount of a table in thousands; "$12,345,000" may be.
        _ => f.pow > 0 || scale == 0 || to_f64(f.amount) >= 1000.0,
    }
}

/// The outcome of comparing a figure with its rows.
enum Tie {
    Agrees,
    /// Nothing to compare (empty or text cells).
    Unknown,
    /// The first cell compared, and what it gives.
    Differs {
        at: RowAt,
        columns: (usize, Option<usize>),
        shows: String,
    },
}

impl Checker<'_> {
    /// `tie-out`: figures in the headline, subheadline and body that name a table's line
    /// item, against the table.
    pub(super) fn tie_out(&mut self) {
        if self.tables.is_empty() {
            return;
        }
        // Which figure belongs to which row depends on the prose and on the tables' names,
        // units and scales, not on their cells: it is kept from one run to the next for
        // every text that did not change (a keystroke changes one), and only the comparisons
        // with the cells are made again.
        let key = names_key(&self.tables);
        let names = std::cell::OnceCell::new();
        let mut assigned: Vec<(FieldRef, Arc<Vec<Assigned>>)> = Vec::new();
        TIE_CACHE.with_borrow_mut(|cache| {
            if cache.key != key {
                *cache = TieCache {
                    key,
                    ..TieCache::default()
                };
            }
            for &(r, text) in &self.texts {
                let prose = r.field == FieldRef::Headline || r.is_statement();
                if !prose || !text.bytes().any(|b| b.is_ascii_digit()) {
                    continue;
                }
                let h = {
                    let mut h = std::collections::hash_map::DefaultHasher::new();
                    text.hash(&mut h);
                    h.finish()
                };
                let hit = cache
                    .used
                    .get(&h)
                    .or_else(|| cache.previous.get(&h))
                    .cloned();
                let a = hit.unwrap_or_else(|| {
                    let names = names.get_or_init(|| Names::of(&self.tables));
                    Arc::new(self.assign_text(names, text))
                });
                cache.used.insert(h, a.clone());
                if !a.is_empty() {
                    assigned.push((r.field, a));
                }
            }
            cache.previous = std::mem::take(&mut cache.used);
        });
        let mut found = Vec::new();
        for (field_of_text, list) in assigned {
            for a in list.iter() {
                let Tie::Differs { at, columns, shows } = self.tie(&a.fig, a.role, &a.rows, a.kind)
                else {
                    continue;
                };
                let t = self.tables[at.table].table;
                let field = self.tables[at.table].field;
                let (cur, prior) = columns;
                let (cell, change) = match a.role {
                    Role::Value { prior: true } => (column_name(t, prior.unwrap_or(cur)), ""),
                    Role::Value { .. } => (column_name(t, cur), ""),
                    Role::Change(_) => (
                        format!(
                            "{} against {}",
                            column_name(t, cur),
                            prior.map_or("?".into(), |p| column_name(t, p))
                        ),
                        "a change of ",
                    ),
                };
                let message = format!(
                    "\"{}\" says {change}{}, but {}, {} under {} gives {change}{shows}.",
                    super::shorten(&a.sentence, 100),
                    a.fig.text,
                    self.draft.table_label(field),
                    row_name(t, at.row),
                    cell,
                );
                found.push((field_of_text, message, a.sentence.clone()));
            }
        }
        for (field, message, sentence) in found {
            self.push(&rules::TIE_OUT, field, message, Some(sentence));
        }
    }

    /// Each figure of a text that belongs to a row, with its sentence.
    fn assign_text(&self, names: &Names, text: &str) -> Vec<Assigned> {
        let mut out = Vec::new();
        for sentence in sentences(text) {
            if !sentence.bytes().any(|b| b.is_ascii_digit())
                || FORWARD_LOOKING_WORD.is_match(&sentence)
            {
                continue;
            }
            let kind = period_kind(&sentence.to_lowercase());
            for clause in sentence.split(';') {
                for (fig, role, rows) in self.assign_clause(names, clause) {
                    out.push(Assigned {
                        sentence: sentence.clone(),
                        kind,
                        fig,
                        role,
                        rows,
                    });
                }
            }
        }
        out
    }

    /// The figures of one clause that belong to rows, each with what it says of them.
    fn assign_clause(&self, names: &Names, clause: &str) -> Vec<(Figure, Role, Vec<RowAt>)> {
        let toks = tokens(clause);
        // Names in the clause: (start, end, rows), longest first, left to right.
        let mut spans: Vec<(usize, usize, &[RowAt])> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if let Some((end, rows)) = names.at(&toks, i) {
                let before = i.checked_sub(1).and_then(|b| toks.get(b));
                let allowed = match before {
                    None | Some(Tok::Other) | Some(Tok::Fig(_)) => true,
                    Some(Tok::Word(w)) => {
                        BEFORE_NAME.contains(&w.as_str())
                            || w.chars().all(|c| c.is_ascii_digit())
                            || FIGURE_TO_NAME.contains(&w.as_str())
                    }
                };
                if allowed {
                    spans.push((i, end, rows));
                }
                i = end;
            } else {
                i += 1;
            }
        }
        if spans.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut comparing = false;
        // The rows of earlier figures in the clause, for figures that carry them on.
        let mut earlier: Vec<&[RowAt]> = Vec::new();
        for (k, tok) in toks.iter().enumerate() {
            match tok {
                Tok::Word(w) if ["compared", "versus", "vs", "against"].contains(&w.as_str()) => {
                    comparing = true;
                }
                Tok::Fig(f) => {
                    let before = k.checked_sub(1).and_then(|b| word(&toks, b));
                    let before2 = k.checked_sub(2).and_then(|b| word(&toks, b));
                    let after = word(&toks, k + 1);
                    let direction = |w: Option<&str>| {
                        let w = w?;
                        if UP.contains(&w) {
                            Some(1)
                        } else if DOWN.contains(&w) {
                            Some(-1)
                        } else {
                            None
                        }
                    };
                    let role = if before == Some("to") {
                        Role::Value { prior: false }
                    } else if before == Some("from") {
                        Role::Value { prior: true }
                    } else if let Some(d) = direction(before).or_else(|| {
                        if matches!(before, Some("by") | Some("of")) {
                            direction(before2)
                        } else {
                            None
                        }
                    }) {
                        Role::Change(d)
                    } else if let Some(d) = direction(after).filter(|_| f.percent) {
                        Role::Change(d)
                    } else {
                        let next: Vec<&str> =
                            (k + 1..k + 5).filter_map(|j| word(&toks, j)).collect();
                        let later = next.join(" ");
                        let prior = comparing
                            || [
                                "a year earlier",
                                "a year ago",
                                "prior year",
                                "prior-year",
                                "last year",
                                "year-ago",
                                "previous year",
                            ]
                            .iter()
                            .any(|p| later.contains(p));
                        Role::Value { prior }
                    };
                    if f.range {
                        continue;
                    }
                    let ok = |rows: &[RowAt]| {
                        rows.iter().any(|at| {
                            let t = &self.tables[at.table];
                            fits(f, role, t.table.rows[at.row].unit, t.scale)
                        })
                    };
                    // (a) a name just after the figure: "$0.61 per diluted share".
                    let mut rows = spans
                        .iter()
                        .find(|(s, _, _)| {
                            *s > k
                                && *s <= k + 3
                                && (k + 1..*s).all(|j| {
                                    word(&toks, j).is_some_and(|w| FIGURE_TO_NAME.contains(&w))
                                })
                        })
                        .map(|(_, _, r)| *r)
                        .filter(|r| ok(r));
                    // (b) a name at most six words before, with no figure between.
                    if rows.is_none() {
                        rows = spans
                            .iter()
                            .rev()
                            .find(|(_, e, _)| {
                                *e <= k
                                    && k - *e <= 6
                                    && (*e..k).all(|j| !matches!(toks[j], Tok::Fig(_)))
                                    && (*e == k
                                        || word(&toks, *e).is_none_or(|w| AFTER_NAME.contains(&w)))
                            })
                            .map(|(_, _, r)| *r)
                            .filter(|r| ok(r));
                    }
                    // (c) the row of the nearest earlier figure it fits.
                    if rows.is_none() {
                        rows = earlier.iter().rev().copied().find(|r| ok(r));
                    }
                    let Some(rows) = rows else { continue };
                    earlier.push(rows);
                    out.push((f.clone(), role, rows.to_vec()));
                }
                _ => {}
            }
        }
        out
    }

    /// Compares a figure with the rows it names: it agrees when any of them agrees.
    fn tie(&self, f: &Figure, role: Role, rows: &[RowAt], kind: Option<u32>) -> Tie {
        let mut first: Option<Tie> = None;
        for &at in rows {
            let facts = &self.tables[at.table];
            let t = facts.table;
            let unit = t.rows[at.row].unit;
            if !fits(f, role, unit, facts.scale) {
                continue;
            }
            let pow = if matches!(unit, Unit::Currency | Unit::Shares) {
                facts.scale
            } else {
                0
            };
            let value = |c: usize| {
                read_cell(t.cell(at.row, c))
                    .number()
                    .map(|n| (n.amount, n.decimals()))
            };
            for &(cur, prior) in facts.pairs(kind) {
                let outcome = match role {
                    Role::Value { prior: p } => {
                        let c = if p { prior } else { Some(cur) };
                        match c.and_then(value) {
                            None => continue,
                            Some((a, decimals)) => {
                                let cell = to_f64(a).abs() * 10f64.powi(pow as i32);
                                let said = to_f64(f.amount) * 10f64.powi(f.pow as i32);
                                let said_unit = 10f64.powi(f.pow as i32 - f.amount.scale as i32);
                                let cell_unit = 10f64.powi(pow as i32 - decimals as i32);
                                let tolerance = said_unit.max(cell_unit) / 2.0;
                                if (cell - said).abs() <= tolerance * (1.0 + 1e-9) {
                                    return Tie::Agrees;
                                }
                                // A flow between the two columns ("repaid $3.8 million of
                                // long-term debt", "added 120 stores") is their difference.
                                if !f.percent
                                    && let (Some((a, _)), Some((b, db))) =
                                        (value(cur), prior.and_then(value))
                                {
                                    let moved =
                                        (to_f64(a) - to_f64(b)).abs() * 10f64.powi(pow as i32);
                                    let cell_unit = 10f64.powi(pow as i32 - db as i32);
                                    let tolerance = said_unit.max(cell_unit) / 2.0;
                                    if (moved - said).abs() <= tolerance * (1.0 + 1e-9) {
                                        return Tie::Agrees;
                                    }
                                }
                                let scale = match pow {
                                    3 => " (in thousands)",
                                    6 => " (in millions)",
                                    9 => " (in billions)",
                                    _ => "",
                                };
                                format!("{}{scale}", t.cell(at.row, c.unwrap_or(cur)).trim())
                            }
                        }
                    }
                    Role::Change(dir) => {
                        let (Some((a, da)), Some((b, db))) = (value(cur), prior.and_then(value))
                        else {
                            continue;
                        };
                        let (a, b) = (to_f64(a), to_f64(b));
                        if a < 0.0 || b <= 0.0 {
                            continue; // a loss's change reads either way
                        }
                        let ulp = |d: u32| 10f64.powi(-(d as i32)) / 2.0;
                        let said = to_f64(f.amount) * f64::from(dir);
                        let said_unit = 10f64.powi(-(f.amount.scale as i32)) / 2.0;
                        let (got, tolerance, text) = if f.percent {
                            let change = (a - b) / b * 100.0;
                            // The table's own rounding moves the change a little.
                            let slack = 100.0 * (ulp(da) / b + a * ulp(db) / (b * b));
                            (change, said_unit + slack, format!("{change:.1}%"))
                        } else {
                            let scale = 10f64.powi(pow as i32 - f.pow as i32);
                            let diff = (a - b) * scale;
                            let slack = (ulp(da) + ulp(db)) * scale;
                            (diff, said_unit + slack, trim_float(diff))
                        };
                        if (got - said).abs() <= tolerance * (1.0 + 1e-9) {
                            return Tie::Agrees;
                        }
                        text
                    }
                };
                if first.is_none() {
                    first = Some(Tie::Differs {
                        at,
                        columns: (cur, prior),
                        shows: outcome,
                    });
                }
            }
        }
        first.unwrap_or(Tie::Unknown)
    }
}

fn trim_float(x: f64) -> String {
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

// ---------------------------------------------------------------------------------------
// period-mismatch

/// A period named in prose or by a column: how many months it runs (when said) and the
/// day it ends (or only its year, for a column headed "2026").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Period {
    pub months: Option<u32>,
    pub end: NaiveDate,
    /// Only the year is known ("2026" over a column).
    pub year_only: bool,
}

fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let first_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    first_next?.pred_opt()
}

/// The last day of fiscal year `fy` (named for the calendar year it ends in).
pub fn fiscal_year_end(fye: FiscalYearEnd, fy: i32) -> Option<NaiveDate> {
    let month = fye.month.clamp(1, 12);
    let last = last_day(fy, month)?;
    Some(last.with_day(fye.day.clamp(1, last.day())).unwrap_or(last))
}

/// The last day of quarter `q` (1 to 4) of fiscal year `fy`.
pub fn quarter_end(fye: FiscalYearEnd, q: u32, fy: i32) -> Option<NaiveDate> {
    let year_end = fiscal_year_end(fye, fy)?;
    let back = Months::new(3 * (4 - q.clamp(1, 4)));
    let month_end = last_day(year_end.year(), year_end.month()) == Some(year_end);
    let d = year_end.checked_sub_months(back)?;
    if month_end {
        last_day(d.year(), d.month())
    } else {
        Some(d)
    }
}

/// The latest quarter end and fiscal year end before `day`.
fn latest_before(fye: FiscalYearEnd, day: NaiveDate) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let mut quarter = None;
    let mut year = None;
    for fy in day.year() - 1..=day.year() + 1 {
        for q in 1..=4 {
            if let Some(e) = quarter_end(fye, q, fy)
                && e < day
                && quarter.is_none_or(|b| e > b)
            {
                quarter = Some(e);
            }
        }
        if let Some(e) = fiscal_year_end(fye, fy)
            && e < day
            && year.is_none_or(|b| e > b)
        {
            year = Some(e);
        }
    }
    (quarter, year)
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_number(name: &str) -> Option<u32> {
    let l = name.to_lowercase();
    let l = if l == "sept" { "sep".to_string() } else { l };
    MONTHS
        .iter()
        .position(|m| l.starts_with(m) && (l.len() == 3 || MONTH_NAMES.iter().any(|n| *n == l)))
        .map(|i| i as u32 + 1)
}

#[rustfmt::skip]
const MONTH_NAMES: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "sept",
];

fn ordinal(s: &str) -> Option<u32> {
    match s.to_lowercase().as_str() {
        "first" | "1st" | "1" => Some(1),
        "second" | "2nd" | "2" => Some(2),
        "third" | "3rd" | "3" => Some(3),
        "fourth" | "4th" | "4" => Some(4),
        _ => None,
    }
}

fn months_word(s: &str) -> Option<u32> {
    match s.to_lowercase().as_str() {
        "three" | "3" => Some(3),
        "six" | "6" => Some(6),
        "nine" | "9" => Some(9),
        "twelve" | "12" => Some(12),
        _ => None,
    }
}

static ENDED: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:(?P<q>first|second|third|fourth)\s+quarter(?P<qy>\s+and\s+(?:full|fiscal)[\s-]+year)?|(?P<m>three|six|nine|twelve|3|6|9|12)[\s-]+months|(?P<quarter>quarter)|(?P<year>(?:fiscal\s+|full\s+)?year)|period)s?\s+ended\s+(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<y>(?:19|20)\d{2})\b",
    )
    .expect("a valid pattern")
});
static QUARTER: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:(?P<n>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?P<fy>\s+(?:and|&)\s+(?:full|fiscal)[\s-]+year)?(?:\s+of)?(?:\s+fiscal(?:\s+year)?)?\s+(?P<y>(?:19|20)\d{2})|Q(?P<qn>[1-4])\s*(?:fiscal\s*|FY\s*)?(?P<qy>(?:19|20)\d{2}))\b",
    )
    .expect("a valid pattern")
});
static YEAR: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:(?:full|fiscal)[\s-]+year(?:\s+of)?(?:\s+fiscal)?\s+(?P<a>(?:19|20)\d{2})|fiscal\s+(?P<b>(?:19|20)\d{2})|(?P<c>(?:19|20)\d{2})\s+(?:full|fiscal)[\s-]+year|FY\s?(?P<d>(?:19|20)\d{2}))\b",
    )
    .expect("a valid pattern")
});

/// The periods a text names, each with where it stands.
pub fn periods_in(text: &str, fye: FiscalYearEnd) -> Vec<(Range<usize>, Period)> {
    let mut out: Vec<(Range<usize>, Period)> = Vec::new();
    let p = |months, end| Period {
        months: Some(months),
        end,
        year_only: false,
    };
    for c in ENDED.captures_iter(text) {
        let whole = c.get(0).expect("a match").range();
        let (Some(month), Some(day), Some(y)) = (
            c.name("month").and_then(|m| month_number(m.as_str())),
            c.name("day").and_then(|d| d.as_str().parse().ok()),
            c.name("y").and_then(|y| y.as_str().parse().ok()),
        ) else {
            continue;
        };
        let Some(end) = NaiveDate::from_ymd_opt(y, month, day) else {
            continue;
        };
        let mut months = Vec::new();
        if c.name("q").is_some() || c.name("quarter").is_some() {
            months.push(Some(3));
        }
        if c.name("qy").is_some() || c.name("year").is_some() {
            months.push(Some(12));
        }
        if let Some(m) = c.name("m") {
            months.push(months_word(m.as_str()));
        }
        if months.is_empty() {
            months.push(None);
        }
        for m in months {
            out.push((
                whole.clone(),
                Period {
                    months: m,
                    end,
                    year_only: false,
                },
            ));
        }
    }
    let taken = |r: &Range<usize>, out: &[(Range<usize>, Period)]| {
        out.iter().any(|(o, _)| o.start < r.end && r.start < o.end)
    };
    let mut quarters = Vec::new();
    for c in QUARTER.captures_iter(text) {
        let whole = c.get(0).expect("a match").range();
        if taken(&whole, &out) {
            continue;
        }
        let n = c
            .name("n")
            .or(c.name("qn"))
            .and_then(|n| ordinal(n.as_str()));
        let y = c
            .name("y")
            .or(c.name("qy"))
            .and_then(|y| y.as_str().parse().ok());
        let (Some(n), Some(y)) = (n, y) else { continue };
        if let Some(end) = quarter_end(fye, n, y) {
            quarters.push((whole.clone(), p(3, end)));
        }
        if c.name("fy").is_some()
            && let Some(end) = fiscal_year_end(fye, y)
        {
            quarters.push((whole, p(12, end)));
        }
    }
    out.extend(quarters);
    let mut years = Vec::new();
    for c in YEAR.captures_iter(text) {
        let whole = c.get(0).expect("a match").range();
        if taken(&whole, &out) {
            continue;
        }
        let y = ["a", "b", "c", "d"]
            .iter()
            .find_map(|g| c.name(g))
            .and_then(|y| y.as_str().parse().ok());
        if let Some(end) = y.and_then(|y| fiscal_year_end(fye, y)) {
            years.push((whole, p(12, end)));
        }
    }
    out.extend(years);
    out.sort_by_key(|(r, _)| r.start);
    out
}

static DATE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)\b(?P<month>[a-z]{3,9})\.?\s+(?P<day>\d{1,2})\b")
        .expect("a valid pattern")
});
static A_YEAR: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"\b(?:19|20)\d{2}\b").expect("a valid pattern"));

/// The period a value column stands for, from its group's label and its heading
/// ("Three Months Ended September 30," over "2026"; "September 30, 2026"; "Q3 2026").
pub fn column_period(t: &Table, c: usize, fye: FiscalYearEnd) -> Option<Period> {
    let group = t
        .groups
        .iter()
        .find(|g| g.columns().contains(&c))
        .map(|g| one_line(&g.label))
        .unwrap_or_default();
    let heading = one_line(t.headings.get(c)?);
    let whole = format!("{group} {heading}");
    if let Some((_, p)) = periods_in(&whole, fye).into_iter().next() {
        return Some(p);
    }
    let year: i32 = A_YEAR
        .find_iter(&whole)
        .last()
        .and_then(|y| y.as_str().parse().ok())?;
    let months = group_kind(&whole);
    let date = DATE.captures_iter(&whole).find_map(|d| {
        let m = month_number(&d["month"])?;
        NaiveDate::from_ymd_opt(year, m, d["day"].parse().ok()?)
    });
    match date {
        Some(end) => Some(Period {
            months,
            end,
            year_only: false,
        }),
        None => Some(Period {
            months,
            end: NaiveDate::from_ymd_opt(year, 12, 31)?,
            year_only: true,
        }),
    }
}

fn describe(p: &Period) -> String {
    let date = render::dateline::full_date(p.end);
    match p.months {
        Some(3) => format!("the quarter ended {date}"),
        Some(12) => format!("the year ended {date}"),
        Some(m) => format!(
            "the {} months ended {date}",
            match m {
                6 => "six",
                9 => "nine",
                _ => "",
            }
        ),
        None => format!("the period ended {date}"),
    }
}

impl Checker<'_> {
    /// `period-mismatch`: the period the headline and first paragraph report against the
    /// latest one ended before the dateline, and against the tables' columns.
    pub(super) fn period_mismatch(&mut self) {
        let d = self.draft;
        let fye = d.company.fiscal_year_end;
        let first = d.body.iter().find_map(|b| match &b.block {
            Block::Paragraph(t) if !t.trim().is_empty() => Some((FieldRef::Body(b.id), t.as_str())),
            _ => None,
        });
        let sources = std::iter::once((FieldRef::Headline, d.headline.as_str())).chain(first);
        let mut reported: Vec<(FieldRef, String, Period)> = Vec::new();
        let mut results = !self.tables.is_empty();
        for (field, text) in sources {
            let flat = text::one_paragraph(text);
            let lower = flat.to_lowercase();
            results |=
                lower.contains("result") || lower.contains("reports") || lower.contains("reported");
            for (range, p) in periods_in(&flat, fye) {
                // "compared with the third quarter of 2025" names the prior period.
                let sentence_start = flat[..range.start].rfind(". ").map_or(0, |i| i + 2);
                let before = flat[sentence_start..range.start].to_lowercase();
                let comparison = [
                    "compared",
                    "versus",
                    "vs.",
                    "from",
                    "prior",
                    "previous",
                    "year-ago",
                    "year ago",
                    "last year",
                    "a year earlier",
                    "same period",
                ]
                .iter()
                .any(|w| before.contains(w));
                if !comparison {
                    reported.push((field, flat[range].to_string(), p));
                }
            }
        }
        if reported.is_empty() || !results {
            return;
        }
        let mut found: Vec<(FieldRef, String, Option<String>, bool)> = Vec::new();
        if let Some(day) = d.dateline.date {
            let (quarter, year) = latest_before(fye, day);
            for (field, named, p) in &reported {
                let latest = if p.months == Some(12) { year } else { quarter };
                let Some(latest) = latest else { continue };
                if p.end < latest {
                    let last_year = latest.checked_sub_months(Months::new(12)) == Some(p.end)
                        || (latest.year() - p.end.year() == 1 && latest.month() == p.end.month());
                    let message = format!(
                        "\"{named}\" is {}, but the latest {} ended before the dateline ({}) \
                         ended {}{}",
                        describe(p),
                        if p.months == Some(12) {
                            "fiscal year"
                        } else {
                            "quarter"
                        },
                        render::dateline::full_date(day),
                        render::dateline::full_date(latest),
                        if last_year {
                            ": is it left from last year's release?"
                        } else {
                            "."
                        }
                    );
                    found.push((*field, message, Some(named.clone()), false));
                }
            }
        }
        // The tables: the current column (the first of each group) of each dated table
        // should be for a period the release reports.
        let today_year = d.dateline.date.map(|x| x.year());
        for f in &self.tables {
            let t = f.table;
            let current: Vec<Period> = column_pairs(t, None)
                .into_iter()
                .filter_map(|(c, _)| column_period(t, c, fye))
                .filter(|p| today_year.is_none_or(|y| p.end.year() <= y))
                .collect();
            if current.is_empty() {
                continue;
            }
            let matches = current.iter().any(|c| {
                reported.iter().any(|(_, _, p)| {
                    if c.year_only {
                        c.end.year() == p.end.year()
                    } else {
                        c.end == p.end
                    }
                })
            });
            if !matches {
                let (_, named, p) = &reported[0];
                let c = &current[0];
                let column = if c.year_only {
                    format!("{}", c.end.year())
                } else {
                    describe(c)
                };
                found.push((
                    f.field,
                    format!(
                        "The release reports \"{named}\" ({}), but the table's latest column \
                         is for {column}.",
                        describe(p)
                    ),
                    None,
                    true,
                ));
            }
        }
        for (field, message, excerpt, table) in found {
            if table {
                self.push_table(&rules::PERIOD_MISMATCH, field, message, excerpt);
            } else {
                self.push(&rules::PERIOD_MISMATCH, field, message, excerpt);
            }
        }
    }
}

#[cfg(test)]
mod tests;
