//! Footing: do the subtotals and totals add up? The data behind a `footing` check.
//!
//! Each value column is footed on its own, top to bottom, with exact decimals. A row's
//! *signed value* is its amount, negated for a [`SumPart::Subtracted`] row (costs printed
//! positive). Ordinary rows that are summed push their signed value onto a list of *terms*;
//! headings, blank rows, [`SumPart::NotSummed`] rows and cells that are empty or text are
//! skipped. A subtotal or total (whose own signed value is what it is compared with) may be
//! read three ways, and foots when any reading agrees within one unit of its last decimal
//! place shown (the rounding of the parts):
//!
//! 1. **segment**: the terms since the previous subtotal or total (a subtotal of a list);
//! 2. **running**: all terms since the previous total, where every earlier subtotal stands
//!    for the rows it summed (a subtotal that carries on from the one above it; a total);
//! 3. **carried**: the previous total plus the running terms (a total after a total).
//!
//! Then the row stands for what it summed: after a segment reading it replaces the
//! segment's terms, after a running reading it replaces all terms; a total clears the terms
//! and becomes the "previous total". When no reading agrees, the one closest to the figure
//! shown is reported.
//! A subtotal or total that is not summed, or whose cell is not a number, is not checked
//! and changes nothing; one with nothing above it to sum is not checked but stands as an
//! opening figure. After a mismatch footing goes on both ways, with the row as shown and
//! as summed, until the next subtotal or total agrees with one of them: one wrong figure,
//! in a part or in a subtotal, is reported once.
//!
//! Statement of operations (subtotals run on, a cost subtotal is `Subtracted`):
//! ```text
//! Revenue                    12,345   terms [12345]
//! Cost of revenue (−)         7,345   terms [12345, −7345]
//! Gross profit (subtotal)     5,000   segment 5,000 ✓          terms [5000]
//!   R&D (−)                   1,200
//!   SG&A (−)                  2,300   terms [5000, −1200, −2300]
//!   Total opex (subtotal, −)  3,500   segment −3,500 ✓         terms [5000, −3500]
//! Operating income (subtotal) 1,500   segment empty; running 1,500 ✓   terms [1500]
//! Taxes (−)                     300
//! Net income (total)          1,200   running 1,200 ✓          terms []
//! ```
//! Balance sheet (a total sums subtotals and the rows after them):
//! ```text
//! Cash, Receivables                   terms [c, r]
//! Total current assets (subtotal)     segment c + r ✓          terms [tca]
//! Property, Goodwill                  terms [tca, p, g]
//! Total assets (total)                running tca + p + g ✓    terms []
//! Payables → Total current liabilities (subtotal, segment); Long-term debt;
//! Total liabilities (subtotal, running = tcl + debt); equity rows;
//! Total stockholders' equity (subtotal, segment); Total liabilities and equity (total,
//! running = total liabilities + total equity).
//! ```

use std::cmp::Ordering;

use super::model::{RowKind, SumPart, Table};
use super::number::{Amount, CellValue, read_cell};

/// A subtotal or total that does not agree with the rows above it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    pub row: usize,
    pub column: usize,
    /// What the rows add up to, as the row would show it (positive for a cost subtotal).
    pub expected: Amount,
    /// The amount shown.
    pub found: Amount,
    /// `found − expected`.
    pub difference: Amount,
    /// The first row the expected sum includes.
    pub first_row: usize,
}

/// Every subtotal and total that does not foot, by row then column.
pub fn foot(table: &Table) -> Vec<Mismatch> {
    let mut out = Vec::new();
    for column in 0..table.columns() {
        foot_column(table, column, &mut out);
    }
    out.sort_by_key(|m| (m.row, m.column));
    out
}

fn sign(amount: Amount, part: SumPart) -> Amount {
    if part == SumPart::Subtracted {
        amount.negated()
    } else {
        amount
    }
}

fn sum(terms: &[(usize, Amount)]) -> Option<Amount> {
    terms
        .iter()
        .try_fold(Amount::ZERO, |acc, (_, a)| acc.checked_add(*a))
}

#[derive(Clone, Copy, PartialEq)]
enum Reading {
    Segment,
    Running,
    Carried,
}

/// Where footing a column stands: the terms since the last total, where the current
/// segment starts among them, and the last total.
#[derive(Clone, Default)]
struct State {
    terms: Vec<(usize, Amount)>,
    segment_start: usize,
    previous_total: Option<(usize, Amount)>,
}

impl State {
    fn readings(&self, kind: RowKind) -> Vec<(Reading, Amount, usize)> {
        let mut readings = Vec::new();
        let seg = &self.terms[self.segment_start..];
        if kind == RowKind::Subtotal
            && !seg.is_empty()
            && let Some(s) = sum(seg)
        {
            readings.push((Reading::Segment, s, seg[0].0));
        }
        if !self.terms.is_empty()
            && let Some(s) = sum(&self.terms)
        {
            readings.push((Reading::Running, s, self.terms[0].0));
        }
        if let Some((pr, pv)) = self.previous_total
            && let Some(s) = sum(&self.terms).and_then(|s| s.checked_add(pv))
        {
            readings.push((Reading::Carried, s, pr));
        }
        readings
    }

    /// The closing row `r` now stands for what it summed, with the signed value `value`.
    fn close(&mut self, r: usize, kind: RowKind, reading: Reading, value: Amount) {
        if kind == RowKind::Total {
            self.terms.clear();
            self.segment_start = 0;
            self.previous_total = Some((r, value));
        } else {
            if reading == Reading::Segment {
                self.terms.truncate(self.segment_start);
            } else {
                self.terms.clear();
            }
            self.terms.push((r, value));
            self.segment_start = self.terms.len();
        }
    }
}

fn foot_column(table: &Table, column: usize, out: &mut Vec<Mismatch>) {
    // After a mismatch it is not known whether the closing row or one of its parts is
    // wrong, so footing goes on both ways (the row as shown, the row as summed) until the
    // next closing row settles it: one wrong figure is reported once.
    let mut states = vec![State::default()];
    for (r, row) in table.rows.iter().enumerate() {
        let CellValue::Number(n) = read_cell(table.cell(r, column)) else {
            continue;
        };
        let value = sign(n.amount, row.sum);
        match row.kind {
            RowKind::Heading | RowKind::Blank => {}
            RowKind::Ordinary => {
                if row.sum != SumPart::NotSummed {
                    states.iter_mut().for_each(|s| s.terms.push((r, value)));
                }
            }
            RowKind::Subtotal | RowKind::Total => {
                if row.sum == SumPart::NotSummed {
                    continue;
                }
                let tolerance = Amount::ulp(n.decimals());
                let off = |s: Amount| value.checked_sub(s).map(Amount::abs);
                let all: Vec<(usize, (Reading, Amount, usize))> = states
                    .iter()
                    .enumerate()
                    .flat_map(|(i, st)| st.readings(row.kind).into_iter().map(move |x| (i, x)))
                    .collect();
                if all.is_empty() {
                    // Nothing above to sum: an opening figure.
                    let mut st = states.swap_remove(0);
                    st.close(r, row.kind, Reading::Running, value);
                    states = vec![st];
                    continue;
                }
                // Every way of footing that agrees here goes on (the first reading agreeing in
                // each): a subtotal between a mismatch and the row that settles it (costs
                // footed on their own) agrees both ways and must not settle it.
                let mut agreeing: Vec<State> = Vec::new();
                let mut taken = vec![false; states.len()];
                for (i, (reading, s, _)) in &all {
                    if !taken[*i]
                        && off(*s).is_some_and(|d| d.cmp_value(tolerance) != Ordering::Greater)
                    {
                        taken[*i] = true;
                        let mut st = states[*i].clone();
                        st.close(r, row.kind, *reading, value);
                        agreeing.push(st);
                    }
                }
                if !agreeing.is_empty() {
                    states = agreeing;
                    continue;
                }
                let &(i, (reading, summed, first_row)) = all
                    .iter()
                    .min_by(|a, b| match (off(a.1.1), off(b.1.1)) {
                        (Some(x), Some(y)) => x.cmp_value(y),
                        (Some(_), None) => Ordering::Less,
                        (None, Some(_)) => Ordering::Greater,
                        (None, None) => Ordering::Equal,
                    })
                    .expect("not empty");
                let expected = sign(summed, row.sum);
                if let Some(difference) = n.amount.checked_sub(expected) {
                    out.push(Mismatch {
                        row: r,
                        column,
                        expected,
                        found: n.amount,
                        difference,
                        first_row,
                    });
                }
                let st = states.swap_remove(i);
                let mut as_shown = st.clone();
                as_shown.close(r, row.kind, reading, value);
                let mut as_summed = st;
                as_summed.close(r, row.kind, reading, summed);
                states = vec![as_shown, as_summed];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::table::layout::tests::operations;
    use crate::core::table::model::{Row, Unit};

    fn balance_sheet() -> Table {
        let mut t = Table::new(2);
        t.headings = vec!["September 30,\n2026".into(), "December 31,\n2025".into()];
        let rows = [
            Row::heading("Current assets:"),
            Row::new("Cash and cash equivalents", ["1,500", "1,200"]).indent(1),
            Row::new("Accounts receivable, net", ["2,250.5", "2,000"]).indent(1),
            Row::new("Inventories", ["749.5", "800"]).indent(1),
            Row::new("Total current assets", ["4,500", "4,000"])
                .indent(2)
                .kind(RowKind::Subtotal),
            Row::new("Property and equipment, net", ["3,000", "3,100"]),
            Row::new("Goodwill", ["500", "500"]),
            Row::new("Total assets", ["8,000", "7,600"]).kind(RowKind::Total),
            Row::blank(),
            Row::heading("Current liabilities:"),
            Row::new("Accounts payable", ["900", "850"]).indent(1),
            Row::new("Accrued liabilities", ["600", "--"]).indent(1),
            Row::new("Total current liabilities", ["1,500", "850"])
                .indent(2)
                .kind(RowKind::Subtotal),
            Row::new("Long-term debt", ["2,000", "2,250"]),
            Row::new("Total liabilities", ["3,500", "3,100"]).kind(RowKind::Subtotal),
            Row::new("Common stock", ["100", "100"]),
            Row::new("Retained earnings (deficit)", ["4,400", "4,400"]),
            Row::new("Total stockholders' equity", ["4,500", "4,500"]).kind(RowKind::Subtotal),
            Row::new(
                "Total liabilities and stockholders' equity",
                ["8,000", "7,600"],
            )
            .kind(RowKind::Total),
        ];
        for r in rows {
            t.push_row(r);
        }
        t
    }

    #[test]
    fn a_correct_statement_of_operations_foots() {
        assert_eq!(foot(&operations()), vec![]);
    }

    #[test]
    fn a_correct_balance_sheet_foots() {
        assert_eq!(foot(&balance_sheet()), vec![]);
    }

    #[test]
    fn a_wrong_cell_is_reported_with_its_difference() {
        let mut t = operations();
        // Operating income should be 688 = 5,000 − 4,312.
        t.rows[8].cells[0] = "698".into();
        let m = foot(&t);
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!((m[0].row, m[0].column), (8, 0));
        assert_eq!(m[0].expected, Amount::new(688, 0));
        assert_eq!(m[0].found, Amount::new(698, 0));
        assert_eq!(m[0].difference, Amount::new(10, 0));
        assert_eq!(m[0].first_row, 2, "gross profit carries on");
        // A wrong cost inside a subtracted subtotal: the subtotal is reported, in the sign
        // it is printed with, and nothing after it.
        let mut t = operations();
        t.rows[5].cells[1] = "2,060".into();
        let m = foot(&t);
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!((m[0].row, m[0].column), (7, 1));
        assert_eq!(m[0].expected, Amount::new(3160, 0));
        assert_eq!(m[0].difference, Amount::new(-10, 0));
        // A wrong subtotal, with a subtotal of costs before the row that settles it: the
        // costs foot either way, and operating income agrees with gross profit as summed.
        let mut t = operations();
        t.rows[2].cells[0] = "5,010".into();
        let m = foot(&t);
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!((m[0].row, m[0].difference), (2, Amount::new(10, 0)));
        // A wrong total in the balance sheet, with decimals.
        let mut t = balance_sheet();
        t.rows[7].cells[0] = "8,000.25".into();
        let m = foot(&t);
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(
            m[0].expected.cmp_value(Amount::new(8000, 0)),
            Ordering::Equal
        );
        assert_eq!(m[0].difference.to_string(), "0.25");
        assert_eq!(m[0].first_row, 4);
    }

    #[test]
    fn rounding_within_one_unit_of_the_last_place_is_tolerated() {
        let mut t = Table::new(1);
        t.push_row(Row::new("a", ["1.4"]));
        t.push_row(Row::new("b", ["1.4"]));
        t.push_row(Row::new("Rounded", ["3"]).kind(RowKind::Total));
        assert_eq!(foot(&t), vec![], "2.8 shown as 3");
        t.rows[2].cells[0] = "4".into();
        assert_eq!(foot(&t).len(), 1, "1.2 off is more than rounding");
        t.rows[2].cells[0] = "2.9".into();
        assert_eq!(foot(&t), vec![], "one decimal shown: 0.1 off is rounding");
        t.rows[2].cells[0] = "3.0".into();
        assert_eq!(foot(&t)[0].difference.to_string(), "0.2");
        t.rows[2].cells[0] = "2.80".into();
        assert_eq!(foot(&t), vec![]);
    }

    #[test]
    fn text_empty_and_memo_cells_are_skipped() {
        let mut t = Table::new(2);
        t.push_row(Row::new("a", ["5", "n/m"]));
        t.push_row(Row::new("b", ["", "3"]));
        t.push_row(Row::new("Per share", ["0.50", "0.25"]).unit(Unit::PerShare));
        t.push_row(Row::new("Shares", ["1,000", "9"]).unit(Unit::Shares));
        t.push_row(Row::new("Total", ["5", "3"]).kind(RowKind::Total));
        t.push_row(Row::new("Margin", ["n/m", "NM"]).kind(RowKind::Total));
        assert_eq!(foot(&t), vec![]);
    }

    #[test]
    fn a_total_after_a_total_may_carry_it() {
        let mut t = Table::new(1);
        t.push_row(Row::new("Net income", ["500"]).kind(RowKind::Total));
        t.push_row(Row::new("Less: noncontrolling interests", ["20"]).sum(SumPart::Subtracted));
        t.push_row(Row::new("Net income attributable to Acme", ["480"]).kind(RowKind::Total));
        assert_eq!(foot(&t), vec![]);
        t.rows[2].cells[0] = "490".into();
        assert_eq!(foot(&t)[0].expected, Amount::new(480, 0));
    }
}
