//! The table as the draft stores it: text as typed, plus what each row means.
//!
//! In `.ron` a row is written on one line, `("label", ("cell", "cell"), (tags))`, the tags
//! naming only what differs from an ordinary currency row at indent 0
//! (`Subtotal`, `Total`, `Heading`, `Blank`, `PerShare`, `Shares`, `Percent`, `Other`,
//! `Subtracted`, `NotSummed`, `Added`, `Indent(1)`). A hand-written file may instead give a
//! row as a struct with named fields (`(label: "Revenue", cells: ["1,234"], kind: Total)`);
//! every field of every type here has a default, so sparse files load.

use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeTuple;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::layout::TextLayout;

/// A financial table: title lines, column headings, rows of cells, footnotes.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq, Hash)]
#[serde(default)]
pub struct Table {
    /// Lines centred above the table: company, statement, "(In thousands, ...)", "(Unaudited)".
    pub title: Vec<String>,
    /// Groups of consecutive value columns under one label ("Three Months Ended September 30,").
    /// Kept sorted, inside the columns and not overlapping (see [`Table::normalize`]).
    pub groups: Vec<ColumnGroup>,
    /// A heading over the label column (a dividend table's "Payment date"); usually empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub label_heading: String,
    /// One heading a value column ("2026", "2025"); a `\n` breaks a heading into lines.
    /// The number of value columns is the number of headings.
    pub headings: Vec<String>,
    pub rows: Vec<Row>,
    pub options: TableOptions,
    /// Paragraphs printed under the table, marks included: "(1) Includes ...".
    pub footnotes: Vec<String>,
    /// Column positions found when the table was imported from text; the text layout keeps
    /// them while the content still fits, so an untouched imported table prints as it came.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_layout: Option<TextLayout>,
}

/// A label over `span` consecutive value columns starting at column `first` (0-based).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq, Hash)]
#[serde(default)]
pub struct ColumnGroup {
    /// A `\n` breaks the label into lines.
    pub label: String,
    pub first: usize,
    pub span: usize,
}

impl ColumnGroup {
    pub fn new(label: impl Into<String>, first: usize, span: usize) -> Self {
        Self {
            label: label.into(),
            first,
            span,
        }
    }

    /// The columns under the label.
    pub fn columns(&self) -> std::ops::Range<usize> {
        self.first..self.first + self.span
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RowKind {
    #[default]
    Ordinary,
    /// A label only ("Assets:"); cells, if any, are ignored.
    Heading,
    /// A single rule above its cells; foots the rows above it (see [`super::footing`]).
    Subtotal,
    /// A single rule above and a double rule below its cells.
    Total,
    /// An empty line.
    Blank,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Unit {
    #[default]
    Currency,
    /// Currency per share: gets `$` like currency rows, not summed by default.
    PerShare,
    /// Share counts: never `$`, not summed by default.
    Shares,
    /// Never `$`.
    Percent,
    /// Anything else (headcount, ratios): never `$`.
    Other,
}

/// How a row takes part in the subtotals and totals below it.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SumPart {
    #[default]
    Added,
    /// Printed positive and taken away (costs and expenses).
    Subtracted,
    /// Memo rows: per-share amounts, share counts, margins.
    NotSummed,
}

impl SumPart {
    /// The usual part for a row of this unit: per-share amounts and share counts are not summed.
    pub fn default_for(unit: Unit) -> SumPart {
        match unit {
            Unit::PerShare | Unit::Shares => SumPart::NotSummed,
            _ => SumPart::Added,
        }
    }
}

/// How negative numbers print.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Negatives {
    /// `(812)`, the financial printer's form.
    #[default]
    Parentheses,
    /// `-812` (a Unicode minus `−` in newswire text).
    Minus,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(default)]
pub struct TableOptions {
    pub negatives: Negatives,
    /// `$` by the financial printer's rule (see [`super::layout::dollar_signs`]).
    pub dollar_signs: bool,
    /// Dots from each label towards its numbers.
    pub leader_dots: bool,
}

impl Default for TableOptions {
    fn default() -> Self {
        Self {
            negatives: Negatives::Parentheses,
            dollar_signs: true,
            leader_dots: false,
        }
    }
}

/// One row: a label and one cell a value column, each as typed.
///
/// Footnote marks such as `(1)` belong in the label (`Revenue (1)`), never in a cell:
/// a cell reading `(1)` is the number minus one.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Row {
    pub label: String,
    /// Indent level of the label: two spaces a level in text.
    pub indent: u8,
    pub cells: Vec<String>,
    pub kind: RowKind,
    pub unit: Unit,
    pub sum: SumPart,
}

impl Default for Row {
    fn default() -> Self {
        Row::new("", Vec::<String>::new())
    }
}

impl Row {
    /// An ordinary currency row.
    pub fn new<S: Into<String>>(
        label: impl Into<String>,
        cells: impl IntoIterator<Item = S>,
    ) -> Row {
        Row {
            label: label.into(),
            indent: 0,
            cells: cells.into_iter().map(Into::into).collect(),
            kind: RowKind::Ordinary,
            unit: Unit::Currency,
            sum: SumPart::Added,
        }
    }

    /// A label-only row such as "Assets:".
    pub fn heading(label: impl Into<String>) -> Row {
        Row::new(label, Vec::<String>::new()).kind(RowKind::Heading)
    }

    pub fn blank() -> Row {
        Row::new("", Vec::<String>::new()).kind(RowKind::Blank)
    }

    pub fn kind(mut self, kind: RowKind) -> Row {
        self.kind = kind;
        self
    }

    /// Sets the unit and the unit's usual [`SumPart`].
    pub fn unit(mut self, unit: Unit) -> Row {
        self.unit = unit;
        self.sum = SumPart::default_for(unit);
        self
    }

    pub fn sum(mut self, sum: SumPart) -> Row {
        self.sum = sum;
        self
    }

    pub fn indent(mut self, indent: u8) -> Row {
        self.indent = indent;
        self
    }

    /// Whether any cell holds something other than spaces.
    pub fn has_cells(&self) -> bool {
        self.cells.iter().any(|c| !c.trim().is_empty())
    }

    fn tags(&self) -> Vec<Tag> {
        let mut tags = Vec::new();
        match self.kind {
            RowKind::Ordinary => {}
            RowKind::Heading => tags.push(Tag::Heading),
            RowKind::Subtotal => tags.push(Tag::Subtotal),
            RowKind::Total => tags.push(Tag::Total),
            RowKind::Blank => tags.push(Tag::Blank),
        }
        match self.unit {
            Unit::Currency => {}
            Unit::PerShare => tags.push(Tag::PerShare),
            Unit::Shares => tags.push(Tag::Shares),
            Unit::Percent => tags.push(Tag::Percent),
            Unit::Other => tags.push(Tag::Other),
        }
        if self.sum != SumPart::default_for(self.unit) {
            tags.push(match self.sum {
                SumPart::Added => Tag::Added,
                SumPart::Subtracted => Tag::Subtracted,
                SumPart::NotSummed => Tag::NotSummed,
            });
        }
        if self.indent > 0 {
            tags.push(Tag::Indent(self.indent));
        }
        tags
    }
}

/// What a row's third element in `.ron` may name.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    Ordinary,
    Heading,
    Subtotal,
    Total,
    Blank,
    Currency,
    PerShare,
    Shares,
    Percent,
    Other,
    Added,
    Subtracted,
    NotSummed,
    Indent(u8),
}

/// Written as a tuple so that RON keeps it on one line.
struct AsTuple<'a, T>(&'a [T]);

impl<T: Serialize> Serialize for AsTuple<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut t = s.serialize_tuple(self.0.len())?;
        for item in self.0 {
            t.serialize_element(item)?;
        }
        t.end()
    }
}

impl Serialize for Row {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let tags = self.tags();
        let mut t = s.serialize_tuple(if tags.is_empty() { 2 } else { 3 })?;
        t.serialize_element(&self.label)?;
        t.serialize_element(&AsTuple(&self.cells))?;
        if !tags.is_empty() {
            t.serialize_element(&AsTuple(&tags))?;
        }
        t.end()
    }
}

/// A list read from a tuple `("a", "b")`, a list `["a", "b"]` or unit `()`.
struct AnyList<T>(Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for AnyList<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = AnyList<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list or tuple")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<AnyList<T>, A::Error> {
                let mut v = Vec::new();
                while let Some(x) = a.next_element()? {
                    v.push(x);
                }
                Ok(AnyList(v))
            }
            fn visit_unit<E: de::Error>(self) -> Result<AnyList<T>, E> {
                Ok(AnyList(Vec::new()))
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// The struct form of a row, for hand-written files.
#[derive(Deserialize)]
#[serde(default)]
struct RowFields {
    label: String,
    indent: u8,
    cells: Vec<String>,
    kind: RowKind,
    unit: Unit,
    sum: Option<SumPart>,
}

impl Default for RowFields {
    fn default() -> Self {
        Self {
            label: String::new(),
            indent: 0,
            cells: Vec::new(),
            kind: RowKind::Ordinary,
            unit: Unit::Currency,
            sum: None,
        }
    }
}

impl<'de> Deserialize<'de> for Row {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Row, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Row;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table row: (\"label\", (\"cell\", ...), (tags))")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Row, A::Error> {
                let label: String = a.next_element()?.unwrap_or_default();
                let cells: AnyList<String> = a.next_element()?.unwrap_or(AnyList(Vec::new()));
                let tags: AnyList<Tag> = a.next_element()?.unwrap_or(AnyList(Vec::new()));
                let mut row = Row::new(label, cells.0);
                let mut sum = None;
                for tag in tags.0 {
                    match tag {
                        Tag::Ordinary => row.kind = RowKind::Ordinary,
                        Tag::Heading => row.kind = RowKind::Heading,
                        Tag::Subtotal => row.kind = RowKind::Subtotal,
                        Tag::Total => row.kind = RowKind::Total,
                        Tag::Blank => row.kind = RowKind::Blank,
                        Tag::Currency => row.unit = Unit::Currency,
                        Tag::PerShare => row.unit = Unit::PerShare,
                        Tag::Shares => row.unit = Unit::Shares,
                        Tag::Percent => row.unit = Unit::Percent,
                        Tag::Other => row.unit = Unit::Other,
                        Tag::Added => sum = Some(SumPart::Added),
                        Tag::Subtracted => sum = Some(SumPart::Subtracted),
                        Tag::NotSummed => sum = Some(SumPart::NotSummed),
                        Tag::Indent(n) => row.indent = n,
                    }
                }
                row.sum = sum.unwrap_or(SumPart::default_for(row.unit));
                // Anything after the tags is a newer build's: ignore it rather than fail.
                while a.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(row)
            }
            fn visit_map<A: MapAccess<'de>>(self, a: A) -> Result<Row, A::Error> {
                let f = RowFields::deserialize(de::value::MapAccessDeserializer::new(a))?;
                Ok(Row {
                    label: f.label,
                    indent: f.indent,
                    cells: f.cells,
                    kind: f.kind,
                    unit: f.unit,
                    sum: f.sum.unwrap_or(SumPart::default_for(f.unit)),
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl Table {
    /// The table a writer inserts: two value columns and three empty rows to type into
    /// (or paste a spreadsheet range over).
    pub fn starter() -> Table {
        let mut t = Table::new(2);
        for _ in 0..3 {
            t.push_row(Row::new("", vec![String::new(); 2]));
        }
        t
    }

    /// An empty table with `columns` value columns and no headings text.
    pub fn new(columns: usize) -> Table {
        Table {
            headings: vec![String::new(); columns],
            ..Table::default()
        }
    }

    /// A table from a grid of strings: the first column holds the labels, the others the
    /// cells. When the first grid row has an empty first cell, holds some text and no cell
    /// of it reads as an amount other than a year, it is taken as the column headings. Row
    /// kinds and units are guessed from labels as [`guess_row`] does; ragged rows are padded.
    pub fn from_grid<S: AsRef<str>>(grid: &[Vec<S>]) -> Table {
        let columns = grid
            .iter()
            .map(|r| r.len().saturating_sub(1))
            .max()
            .unwrap_or(0);
        let mut table = Table::new(columns);
        let mut rows = grid;
        if let Some(first) = grid.first()
            && is_heading_row(first)
        {
            for (i, h) in first.iter().skip(1).enumerate() {
                table.headings[i] = h.as_ref().trim().to_string();
            }
            rows = &grid[1..];
        }
        for r in rows {
            let label = r.first().map(|s| s.as_ref()).unwrap_or("");
            let cells = r.iter().skip(1).map(|s| s.as_ref().trim().to_string());
            let mut row = guess_row(label);
            row.cells = cells.collect();
            row.cells.resize(columns, String::new());
            if row.kind == RowKind::Heading && row.has_cells() {
                row.kind = RowKind::Ordinary;
            }
            table.rows.push(row);
        }
        table
    }

    pub fn columns(&self) -> usize {
        self.headings.len()
    }

    /// The cell at (row, column), or "" outside the table.
    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| r.cells.get(column))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Sets a cell, adding rows and columns as needed.
    pub fn set_cell(&mut self, row: usize, column: usize, text: impl Into<String>) {
        while self.columns() <= column {
            self.insert_column(self.columns(), "");
        }
        while self.rows.len() <= row {
            self.push_row(Row::default());
        }
        self.rows[row].cells[column] = text.into();
    }

    /// Appends a row, as [`Table::insert_row`] does.
    pub fn push_row(&mut self, row: Row) {
        let at = self.rows.len();
        self.insert_row(at, row);
    }

    /// Inserts a row before `at` (at the end when `at` is past it); adds columns for extra
    /// non-empty cells and pads short rows.
    pub fn insert_row(&mut self, at: usize, mut row: Row) {
        while row.cells.len() > self.columns() && row.cells.last().is_some_and(|c| c.is_empty()) {
            row.cells.pop();
        }
        while row.cells.len() > self.columns() {
            self.insert_column(self.columns(), "");
        }
        row.cells.resize(self.columns(), String::new());
        let at = at.min(self.rows.len());
        self.rows.insert(at, row);
    }

    pub fn remove_row(&mut self, at: usize) -> Option<Row> {
        (at < self.rows.len()).then(|| self.rows.remove(at))
    }

    /// Moves row `from` so that it ends up at index `to`.
    pub fn move_row(&mut self, from: usize, to: usize) {
        if from < self.rows.len() && to < self.rows.len() && from != to {
            let row = self.rows.remove(from);
            self.rows.insert(to, row);
        }
    }

    /// Which group each column belongs to (an index into `groups`).
    fn membership(&self) -> Vec<Option<usize>> {
        let mut m = vec![None; self.columns()];
        for (g, group) in self.groups.iter().enumerate() {
            for c in group.columns() {
                if let Some(slot) = m.get_mut(c) {
                    *slot = Some(g);
                }
            }
        }
        m
    }

    /// Rebuilds `groups` from a membership list (runs of the same group).
    fn set_membership(&mut self, m: &[Option<usize>]) {
        let old = std::mem::take(&mut self.groups);
        let mut c = 0;
        while c < m.len() {
            if let Some(g) = m[c] {
                let start = c;
                while c < m.len() && m[c] == Some(g) {
                    c += 1;
                }
                self.groups
                    .push(ColumnGroup::new(old[g].label.clone(), start, c - start));
            } else {
                c += 1;
            }
        }
    }

    /// Inserts a value column before `at`. A column inserted strictly inside a group joins it.
    pub fn insert_column(&mut self, at: usize, heading: impl Into<String>) {
        let at = at.min(self.columns());
        let mut m = self.membership();
        let inside = match (at.checked_sub(1).and_then(|i| m.get(i)), m.get(at)) {
            (Some(Some(a)), Some(Some(b))) if a == b => Some(*a),
            _ => None,
        };
        m.insert(at, inside);
        self.headings.insert(at, heading.into());
        for row in &mut self.rows {
            row.cells.resize(self.headings.len() - 1, String::new());
            row.cells.insert(at, String::new());
        }
        self.set_membership(&m);
        self.fit_layout();
    }

    /// Removes a value column; its group shrinks, and goes when it has no column left.
    pub fn remove_column(&mut self, at: usize) {
        if at >= self.columns() {
            return;
        }
        let mut m = self.membership();
        m.remove(at);
        self.headings.remove(at);
        for row in &mut self.rows {
            if at < row.cells.len() {
                row.cells.remove(at);
            }
        }
        self.set_membership(&m);
        self.fit_layout();
    }

    /// Moves value column `from` so that it ends up at index `to`. The column stays in its
    /// group while it lands next to it; landing strictly inside another group joins that one.
    pub fn move_column(&mut self, from: usize, to: usize) {
        let n = self.columns();
        if from >= n || to >= n || from == to {
            return;
        }
        let mut m = self.membership();
        let own = m.remove(from);
        let left = to.checked_sub(1).and_then(|i| m.get(i).copied()).flatten();
        let right = m.get(to).copied().flatten();
        let lands = if own.is_some() && (left == own || right == own) {
            own
        } else if left.is_some() && left == right {
            left
        } else {
            None
        };
        m.insert(to, lands);
        let h = self.headings.remove(from);
        self.headings.insert(to, h);
        for row in &mut self.rows {
            row.cells.resize(n, String::new());
            let c = row.cells.remove(from);
            row.cells.insert(to, c);
        }
        self.set_membership(&m);
        self.fit_layout();
    }

    /// A recorded text layout no longer fits once the columns change.
    fn fit_layout(&mut self) {
        if self
            .text_layout
            .as_ref()
            .is_some_and(|l| l.columns.len() != self.columns())
        {
            self.text_layout = None;
        }
    }

    /// Makes the table consistent after loading: every row has one cell a column (columns
    /// are added for extra cells), groups are sorted, inside the columns and not overlapping.
    pub fn normalize(&mut self) {
        let widest = self.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        while self.headings.len() < widest {
            self.headings.push(String::new());
        }
        let n = self.columns();
        for row in &mut self.rows {
            row.cells.resize(n, String::new());
        }
        self.groups.retain(|g| g.span > 0 && g.first < n);
        self.groups.sort_by_key(|g| g.first);
        let mut end = 0;
        let mut kept = Vec::new();
        for mut g in std::mem::take(&mut self.groups) {
            if g.first < end {
                continue;
            }
            g.span = g.span.min(n - g.first);
            end = g.first + g.span;
            kept.push(g);
        }
        self.groups = kept;
        self.fit_layout();
    }
}

fn is_heading_row<S: AsRef<str>>(row: &[S]) -> bool {
    use super::number::{CellValue, read_cell};
    let label_empty = row.first().is_none_or(|l| l.as_ref().trim().is_empty());
    let cells: Vec<&str> = row.iter().skip(1).map(|s| s.as_ref().trim()).collect();
    label_empty
        && cells.iter().any(|c| !c.is_empty())
        && cells.iter().all(|c| match read_cell(c) {
            CellValue::Number(n) => is_year(c) && n.decimals() == 0,
            _ => true,
        })
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && s.starts_with(['1', '2']) && s.bytes().all(|b| b.is_ascii_digit())
}

/// A row guessed from its label alone (leading spaces become indent levels, two a level):
/// - a label starting "Total" (any case) is a [`RowKind::Total`];
/// - a label ending ":" is a [`RowKind::Heading`] (callers make it ordinary when it has cells);
/// - "per share", "per diluted share", "per basic share", "EPS" (as a word) make a
///   [`Unit::PerShare`] row, not summed;
/// - otherwise the word "shares" (e.g. "Weighted average shares outstanding") makes a
///   [`Unit::Shares`] row, not summed;
/// - "margin" or a `%` makes a [`Unit::Percent`] row, not summed (a margin is not an amount);
/// - everything else is an ordinary currency row, added.
pub fn guess_row(label: &str) -> Row {
    let spaces = label.len() - label.trim_start_matches(' ').len();
    let label = label.trim();
    let lower = label.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut row = Row::new(label, Vec::<String>::new()).indent((spaces / 2).min(255) as u8);
    if words.first() == Some(&"total") {
        row.kind = RowKind::Total;
    } else if label.ends_with(':') {
        row.kind = RowKind::Heading;
    }
    let per_share = lower.contains("per share")
        || lower.contains("per diluted share")
        || lower.contains("per basic share")
        || lower.contains("per common share")
        || words.contains(&"eps");
    if per_share {
        row = row.unit(Unit::PerShare);
    } else if words.contains(&"shares") {
        row = row.unit(Unit::Shares);
    } else if words.contains(&"margin") || label.contains('%') {
        row = row.unit(Unit::Percent).sum(SumPart::NotSummed);
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ron(t: &Table) -> String {
        let config = ron::ser::PrettyConfig::new()
            .new_line("\n")
            .indentor("    ")
            .struct_names(false);
        ron::ser::to_string_pretty(t, config).unwrap()
    }

    fn sample() -> Table {
        let mut t = Table::new(2);
        t.headings = vec!["2026".into(), "2025".into()];
        t.groups = vec![ColumnGroup::new("Three Months Ended", 0, 2)];
        t.push_row(Row::new("Revenue", ["1,234", "1,100"]));
        t.push_row(Row::new("Cost of revenue", ["812", "790"]).sum(SumPart::Subtracted));
        t.push_row(Row::new("Gross profit", ["422", "310"]).kind(RowKind::Subtotal));
        t.push_row(
            Row::new("Basic", ["0.12", "0.10"])
                .unit(Unit::PerShare)
                .indent(1),
        );
        t.push_row(Row::blank());
        t
    }

    #[test]
    fn rows_are_written_one_a_line_and_read_back() {
        let t = sample();
        let text = ron(&t);
        assert!(
            text.contains("(\"Revenue\", (\"1,234\", \"1,100\")),\n"),
            "{text}"
        );
        assert!(text.contains("(\"Cost of revenue\", (\"812\", \"790\"), (Subtracted)),\n"));
        assert!(text.contains("(\"Basic\", (\"0.12\", \"0.10\"), (PerShare, Indent(1))),\n"));
        assert!(text.contains("(\"\", (\"\", \"\"), (Blank)),\n"));
        let back: Table = ron::from_str(&text).unwrap();
        assert_eq!(back, t);
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(serde_json::from_str::<Table>(&json).unwrap(), t);
    }

    #[test]
    fn sparse_files_load() {
        let t: Table = ron::from_str(
            r#"(headings: ["2026"], rows: [("Revenue", ("5")), (label: "Total", cells: ["5"], kind: Total), ("EPS", ["1"], (PerShare, Added)), ("Assets:")])"#,
        )
        .unwrap();
        assert_eq!(t.rows[0], Row::new("Revenue", ["5"]));
        assert_eq!(t.rows[1].kind, RowKind::Total);
        assert_eq!(
            (t.rows[2].unit, t.rows[2].sum),
            (Unit::PerShare, SumPart::Added)
        );
        assert_eq!(t.rows[3].label, "Assets:");
        assert!(t.options.dollar_signs);
        let shares: Table = ron::from_str(r#"(rows: [(label: "x", unit: Shares)])"#).unwrap();
        assert_eq!(shares.rows[0].sum, SumPart::NotSummed);
    }

    #[test]
    fn columns_keep_groups_consistent() {
        let mut t = Table::new(4);
        t.groups = vec![ColumnGroup::new("A", 0, 2), ColumnGroup::new("B", 2, 2)];
        t.push_row(Row::new("r", ["a", "b", "c", "d"]));
        t.insert_column(1, "new");
        assert_eq!(
            t.groups,
            vec![ColumnGroup::new("A", 0, 3), ColumnGroup::new("B", 3, 2)]
        );
        assert_eq!(t.rows[0].cells, ["a", "", "b", "c", "d"]);
        // At a boundary between groups the new column belongs to neither.
        t.insert_column(3, "edge");
        assert_eq!(
            t.groups,
            vec![ColumnGroup::new("A", 0, 3), ColumnGroup::new("B", 4, 2)]
        );
        t.remove_column(3);
        t.remove_column(1);
        assert_eq!(
            t.groups,
            vec![ColumnGroup::new("A", 0, 2), ColumnGroup::new("B", 2, 2)]
        );
        // Moving within a group keeps it whole; moving into another group joins it.
        t.move_column(0, 1);
        assert_eq!(t.rows[0].cells, ["b", "a", "c", "d"]);
        assert_eq!(t.groups[0], ColumnGroup::new("A", 0, 2));
        t.move_column(0, 2);
        assert_eq!(t.rows[0].cells, ["a", "c", "b", "d"]);
        assert_eq!(
            t.groups,
            vec![ColumnGroup::new("A", 0, 1), ColumnGroup::new("B", 1, 3)]
        );
        t.remove_column(0);
        assert_eq!(t.groups, vec![ColumnGroup::new("B", 0, 3)]);
    }

    #[test]
    fn rows_move_and_cells_grow_the_table() {
        let mut t = sample();
        t.move_row(0, 2);
        assert_eq!(t.rows[2].label, "Revenue");
        t.set_cell(7, 3, "9");
        assert_eq!(t.columns(), 4);
        assert!(t.rows.iter().all(|r| r.cells.len() == 4));
        assert_eq!(t.cell(7, 3), "9");
        assert_eq!(t.remove_row(7).unwrap().cells[3], "9");
    }

    #[test]
    fn grids_become_tables_with_guessed_rows() {
        let grid = vec![
            vec!["", "2026", "2025"],
            vec!["Revenue", "1,234", "1,100"],
            vec!["Total costs", "900"],
            vec!["Net income per diluted share", "0.12", "0.10"],
            vec!["Weighted average shares", "10,000", "9,000"],
            vec!["Assets:"],
        ];
        let t = Table::from_grid(&grid);
        assert_eq!(t.headings, ["2026", "2025"]);
        assert_eq!(t.rows[1].kind, RowKind::Total);
        assert_eq!(t.rows[1].cells, ["900", ""]);
        assert_eq!(
            (t.rows[2].unit, t.rows[2].sum),
            (Unit::PerShare, SumPart::NotSummed)
        );
        assert_eq!(t.rows[3].unit, Unit::Shares);
        assert_eq!(t.rows[4].kind, RowKind::Heading);
        // A first row of amounts is data, not headings.
        let t = Table::from_grid(&[vec!["", "1,234"]]);
        assert_eq!(t.rows.len(), 1);
    }
}
