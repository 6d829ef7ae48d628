//! Changes to a table's shape and row meanings, as the editor's commands name them: each
//! one step of undo, applied here so the window, tests and scripts apply them alike.
//! Columns are counted as the editor shows them only where it says so: value columns
//! here are 0-based without the label column.

use super::model::{ColumnGroup, Negatives, Row, RowKind, SumPart, Table, Unit};
use super::paste::{PasteError, Pasted, parse_clipboard, paste_grid};

/// One change to a table.
#[derive(Clone, Debug, PartialEq)]
pub enum TableEdit {
    /// An empty row at `at` (at the end when `at` is the row count).
    InsertRow(usize),
    RemoveRow(usize),
    MoveRow {
        from: usize,
        to: usize,
    },
    /// An empty value column at `at`.
    InsertColumn(usize),
    RemoveColumn(usize),
    MoveColumn {
        from: usize,
        to: usize,
    },
    SetKind(usize, RowKind),
    SetUnit(usize, Unit),
    SetSum(usize, SumPart),
    /// The row's label one level in (`true`) or out.
    Indent(usize, bool),
    SetNegatives(Negatives),
    SetDollarSigns(bool),
    SetLeaderDots(bool),
    /// Spreadsheet text (tab-separated) pasted with its top-left at `row` and the editor's
    /// `column` (0 is the label column).
    Paste {
        row: usize,
        column: usize,
        text: String,
    },
    /// A group label over value columns `first .. first + span`.
    AddGroup {
        first: usize,
        span: usize,
    },
    RemoveGroup(usize),
    /// A group one column wider (`true`) or narrower.
    WidenGroup(usize, bool),
}

/// What an edit did, for the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Done {
    Changed,
    Pasted(Pasted),
}

/// The deepest indent the editor offers.
pub const MAX_INDENT: u8 = 6;

/// Applies `edit`; an edit that cannot apply (a row out of range, a paste the reader
/// refuses) leaves the table as it was.
pub fn apply(table: &mut Table, edit: &TableEdit) -> Result<Done, PasteError> {
    let rows = table.rows.len();
    let columns = table.columns();
    let row = |r: usize| r < rows;
    match edit {
        TableEdit::InsertRow(at) => {
            let mut new = Row::new("", vec![String::new(); columns]);
            // A row added inside an indented section starts at its neighbour's level.
            if let Some(prev) = at.checked_sub(1).and_then(|p| table.rows.get(p)) {
                new.indent = prev.indent;
            }
            table.insert_row((*at).min(rows), new);
        }
        TableEdit::RemoveRow(r) if row(*r) => {
            table.remove_row(*r);
        }
        TableEdit::MoveRow { from, to } if row(*from) && row(*to) => table.move_row(*from, *to),
        TableEdit::InsertColumn(at) => table.insert_column((*at).min(columns), ""),
        TableEdit::RemoveColumn(c) if *c < columns => table.remove_column(*c),
        TableEdit::MoveColumn { from, to } if *from < columns && *to < columns => {
            table.move_column(*from, *to)
        }
        TableEdit::SetKind(r, kind) if row(*r) => table.rows[*r].kind = *kind,
        TableEdit::SetUnit(r, unit) if row(*r) => {
            let row = &mut table.rows[*r];
            // A unit that is never summed takes its default part; back to currency, added.
            if row.sum == SumPart::default_for(row.unit) {
                row.sum = SumPart::default_for(*unit);
            }
            row.unit = *unit;
        }
        TableEdit::SetSum(r, sum) if row(*r) => table.rows[*r].sum = *sum,
        TableEdit::Indent(r, deeper) if row(*r) => {
            let i = &mut table.rows[*r].indent;
            *i = if *deeper {
                (*i + 1).min(MAX_INDENT)
            } else {
                i.saturating_sub(1)
            };
        }
        TableEdit::SetNegatives(n) => table.options.negatives = *n,
        TableEdit::SetDollarSigns(on) => table.options.dollar_signs = *on,
        TableEdit::SetLeaderDots(on) => table.options.leader_dots = *on,
        TableEdit::Paste { row, column, text } => {
            let grid = parse_clipboard(text)?;
            let pasted = paste_grid(table, &grid, *row, *column);
            return Ok(Done::Pasted(pasted));
        }
        TableEdit::AddGroup { first, span } if *first < columns => {
            let span = (*span).clamp(1, columns - first);
            // Not over a group already there: the new one takes the free columns only.
            let taken = |c: usize| table.groups.iter().any(|g| g.columns().contains(&c));
            if !taken(*first) {
                let span = (*first..first + span).take_while(|&c| !taken(c)).count();
                table.groups.push(ColumnGroup::new("", *first, span));
                table.groups.sort_by_key(|g| g.first);
            }
        }
        TableEdit::RemoveGroup(g) if *g < table.groups.len() => {
            table.groups.remove(*g);
        }
        TableEdit::WidenGroup(g, wider) if *g < table.groups.len() => {
            let next_start = table
                .groups
                .get(g + 1)
                .map_or(columns, |n| n.first)
                .min(columns);
            let group = &mut table.groups[*g];
            if *wider && group.first + group.span < next_start {
                group.span += 1;
            } else if !*wider && group.span > 1 {
                group.span -= 1;
            }
        }
        _ => {}
    }
    table.normalize();
    Ok(Done::Changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::table::layout::tests::operations;

    #[test]
    fn rows_insert_move_and_go_keeping_cells_per_column() {
        let mut t = operations();
        let n = t.rows.len();
        apply(&mut t, &TableEdit::InsertRow(5)).unwrap();
        assert_eq!(t.rows.len(), n + 1);
        assert_eq!(t.rows[5].cells.len(), 2);
        assert_eq!(
            t.rows[5].indent, t.rows[4].indent,
            "takes its neighbour's level"
        );
        apply(&mut t, &TableEdit::MoveRow { from: 0, to: 2 }).unwrap();
        assert_eq!(t.rows[2].label, "Revenue");
        apply(&mut t, &TableEdit::RemoveRow(2)).unwrap();
        assert!(t.rows.iter().all(|r| r.label != "Revenue"));
        // Out of range: nothing happens.
        let before = t.clone();
        apply(&mut t, &TableEdit::RemoveRow(999)).unwrap();
        assert_eq!(t, before);
    }

    #[test]
    fn columns_insert_move_and_go_with_their_headings_and_groups() {
        let mut t = operations();
        apply(&mut t, &TableEdit::InsertColumn(2)).unwrap();
        assert_eq!(t.columns(), 3);
        assert!(t.rows.iter().all(|r| r.cells.len() == 3));
        apply(&mut t, &TableEdit::MoveColumn { from: 1, to: 0 }).unwrap();
        assert_eq!(t.headings[0], "2025");
        apply(&mut t, &TableEdit::RemoveColumn(2)).unwrap();
        assert_eq!(t.columns(), 2);
        assert!(t.groups.iter().all(|g| g.first + g.span <= 2));
    }

    #[test]
    fn a_unit_change_takes_its_default_sum_part_unless_the_author_chose_one() {
        let mut t = operations();
        apply(&mut t, &TableEdit::SetUnit(0, Unit::Shares)).unwrap();
        assert_eq!(t.rows[0].sum, SumPart::NotSummed);
        apply(&mut t, &TableEdit::SetUnit(0, Unit::Currency)).unwrap();
        assert_eq!(t.rows[0].sum, SumPart::Added);
        // Cost of revenue is subtracted by choice: a unit change keeps that.
        apply(&mut t, &TableEdit::SetUnit(1, Unit::Other)).unwrap();
        assert_eq!(t.rows[1].sum, SumPart::Subtracted);
    }

    #[test]
    fn indent_stays_within_its_levels() {
        let mut t = operations();
        apply(&mut t, &TableEdit::Indent(0, false)).unwrap();
        assert_eq!(t.rows[0].indent, 0);
        for _ in 0..10 {
            apply(&mut t, &TableEdit::Indent(0, true)).unwrap();
        }
        assert_eq!(t.rows[0].indent, MAX_INDENT);
    }

    #[test]
    fn a_paste_fills_cells_adding_rows_and_columns_and_a_bad_one_changes_nothing() {
        let mut t = Table::starter();
        let text = "Revenue\t1,234\t1,100\t990\nCost of revenue\t(500)\t(450)\n";
        let done = apply(
            &mut t,
            &TableEdit::Paste {
                row: 0,
                column: 0,
                text: text.into(),
            },
        )
        .unwrap();
        assert!(matches!(done, Done::Pasted(p) if p.columns_added == 1));
        assert_eq!(t.columns(), 3);
        assert_eq!(t.cell(0, 2), "990");
        assert_eq!(t.cell(1, 2), "", "a ragged row is padded");
        assert_eq!(t.rows[1].label, "Cost of revenue");
        let before = t.clone();
        let err = apply(
            &mut t,
            &TableEdit::Paste {
                row: 0,
                column: 1,
                text: "\"open\t1\n".into(),
            },
        )
        .unwrap_err();
        assert!(matches!(err, PasteError::OpenQuote { .. }), "{err}");
        assert_eq!(t, before);
    }

    #[test]
    fn groups_are_added_over_free_columns_and_widened_within_them() {
        let mut t = Table::new(4);
        apply(&mut t, &TableEdit::AddGroup { first: 0, span: 2 }).unwrap();
        apply(&mut t, &TableEdit::AddGroup { first: 1, span: 2 }).unwrap();
        assert_eq!(t.groups.len(), 1, "not over a group already there");
        apply(&mut t, &TableEdit::AddGroup { first: 2, span: 9 }).unwrap();
        assert_eq!(t.groups[1].columns(), 2..4);
        apply(&mut t, &TableEdit::WidenGroup(0, true)).unwrap();
        assert_eq!(t.groups[0].span, 2, "the next group is in the way");
        apply(&mut t, &TableEdit::WidenGroup(1, false)).unwrap();
        assert_eq!(t.groups[1].span, 1);
        apply(&mut t, &TableEdit::RemoveGroup(0)).unwrap();
        assert_eq!(t.groups.len(), 1);
    }
}
