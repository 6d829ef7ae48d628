//! Grids from the clipboard (Excel, LibreOffice and Google Sheets put tab-separated text
//! there) and from CSV or TSV files, and pasting a grid into a table.

use std::ops::Range;

use super::model::{Row, RowKind, Table, Unit, guess_row};

/// The most rows a paste or file may hold.
pub const MAX_ROWS: usize = 1_000;
/// The most columns (labels included) a paste or file may hold.
pub const MAX_COLUMNS: usize = 50;

/// Why a grid could not be read. Rows and columns are counted from 1, as a spreadsheet shows
/// them. Nothing is pasted when there is an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasteError {
    TooManyRows {
        rows: usize,
    },
    TooManyColumns {
        row: usize,
        columns: usize,
    },
    /// A quoted cell whose closing quote never comes.
    OpenQuote {
        row: usize,
        column: usize,
    },
    Unreadable {
        message: String,
    },
}

impl std::fmt::Display for PasteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PasteError::TooManyRows { rows } => write!(
                f,
                "{rows} rows is more than a table can take ({MAX_ROWS} at most); nothing was pasted"
            ),
            PasteError::TooManyColumns { row, columns } => write!(
                f,
                "row {row} has {columns} columns, more than a table can take ({MAX_COLUMNS} at most); nothing was pasted"
            ),
            PasteError::OpenQuote { row, column } => write!(
                f,
                "the quoted cell at row {row}, column {column} is never closed (a \" is missing); nothing was pasted"
            ),
            PasteError::Unreadable { message } => {
                write!(f, "the text could not be read as a table: {message}")
            }
        }
    }
}

impl std::error::Error for PasteError {}

/// The delimiter a file most likely uses: a tab when its first line has one, else `;` when
/// that line has more semicolons than commas (European CSV), else a comma.
pub fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    if first.contains('\t') {
        b'\t'
    } else if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// Clipboard text from a spreadsheet: cells by tab, rows by `\n` or `\r\n`.
pub fn parse_clipboard(text: &str) -> Result<Vec<Vec<String>>, PasteError> {
    parse_grid(text, b'\t')
}

/// Reads delimited text into a rectangular grid of trimmed cells. Quoted cells may hold
/// delimiters, newlines and doubled quotes, as Excel writes them. Ragged rows are padded;
/// empty rows and columns at the end are dropped; a blank line in the middle is an empty row.
pub fn parse_grid(text: &str, delimiter: u8) -> Result<Vec<Vec<String>>, PasteError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if let Some((row, column)) = open_quote(text, delimiter) {
        return Err(PasteError::OpenQuote { row, column });
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut grid: Vec<Vec<String>> = Vec::new();
    // The csv crate skips blank lines; a blank line in a paste is an empty row. A record's
    // position is where the reader started looking for it, before the blank lines it skipped.
    for record in reader.records() {
        let record = record.map_err(|e| PasteError::Unreadable {
            message: e.to_string(),
        })?;
        let from = record.position().map_or(0, |p| p.byte() as usize);
        let mut rest = text.get(from..).unwrap_or("");
        if from > 0 && text.as_bytes()[from - 1] == b'\r' {
            // The `\n` of the last record's `\r\n`.
            rest = rest.strip_prefix('\n').unwrap_or(rest);
        }
        while let Some(r) = rest
            .strip_prefix('\n')
            .or_else(|| rest.strip_prefix("\r\n"))
        {
            grid.push(Vec::new());
            rest = r;
        }
        if record.len() > MAX_COLUMNS {
            return Err(PasteError::TooManyColumns {
                row: grid.len() + 1,
                columns: record.len(),
            });
        }
        grid.push(record.iter().map(|c| c.trim().to_string()).collect());
        if grid.len() > MAX_ROWS {
            // Count them all for the message, without keeping them.
            let rest = reader.records().count();
            return Err(PasteError::TooManyRows {
                rows: grid.len() + rest,
            });
        }
    }
    while grid.last().is_some_and(|r| r.iter().all(|c| c.is_empty())) {
        grid.pop();
    }
    let width = grid
        .iter()
        .map(|r| r.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1))
        .max()
        .unwrap_or(0);
    for row in &mut grid {
        row.resize(width, String::new());
    }
    Ok(grid)
}

/// Where a quoted cell opens and never closes (row, column from 1), by the csv crate's own
/// rules: a quote opens a cell only at its start; inside, `""` is a quote.
fn open_quote(text: &str, delimiter: u8) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let (mut row, mut column) = (1, 1);
    let mut at_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if at_start && b == b'"' {
            let (r, c) = (row, column);
            i += 1;
            loop {
                match bytes.get(i) {
                    None => return Some((r, c)),
                    Some(b'"') if bytes.get(i + 1) == Some(&b'"') => i += 2,
                    Some(b'"') => break,
                    Some(_) => i += 1,
                }
            }
            at_start = false;
        } else if b == delimiter {
            column += 1;
            at_start = true;
        } else if b == b'\n' {
            row += 1;
            column = 1;
            at_start = true;
        } else if b != b'\r' {
            at_start = false;
        }
        i += 1;
    }
    None
}

/// What a paste changed, in the editor's columns (0 is the label column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pasted {
    pub rows: Range<usize>,
    pub columns: Range<usize>,
    pub rows_added: usize,
    pub columns_added: usize,
}

/// Pastes a grid with its top-left cell at (`row`, `column`), columns counted as the editor
/// shows them: 0 is the label column, 1 the first value column. Rows and value columns are
/// added as needed. Rows the paste adds take kind, unit and indent from their label as
/// [`guess_row`] guesses them; an existing row whose label is pasted over takes the
/// guess only where it is not the plain default (a `Total...` label makes it a total; a
/// plain label leaves the kind the author chose).
pub fn paste_grid(table: &mut Table, grid: &[Vec<String>], row: usize, column: usize) -> Pasted {
    let height = grid.len();
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    let rows_before = table.rows.len();
    let columns_before = table.columns();
    if height == 0 || width == 0 {
        return Pasted {
            rows: row..row,
            columns: column..column,
            rows_added: 0,
            columns_added: 0,
        };
    }
    let last_value_column = column + width - 1; // in editor columns
    while table.columns() < last_value_column {
        let n = table.columns();
        table.insert_column(n, "");
    }
    while table.rows.len() < row + height {
        table.push_row(Row::new("", vec![String::new(); table.columns()]));
    }
    for (i, cells) in grid.iter().enumerate() {
        let r = row + i;
        let created = r >= rows_before;
        for (j, text) in cells.iter().enumerate() {
            let c = column + j;
            if c == 0 {
                let guess = guess_row(text);
                let target = &mut table.rows[r];
                target.label = guess.label.clone();
                target.indent = guess.indent;
                if created || guess.kind != RowKind::Ordinary {
                    target.kind = guess.kind;
                }
                if created || guess.unit != Unit::Currency {
                    target.unit = guess.unit;
                    target.sum = guess.sum;
                }
            } else {
                table.rows[r].cells[c - 1] = text.trim().to_string();
            }
        }
    }
    // A guessed heading that got cells is an ordinary row after all.
    for r in row..row + height {
        let target = &mut table.rows[r];
        if target.kind == RowKind::Heading && target.has_cells() {
            target.kind = RowKind::Ordinary;
        }
    }
    Pasted {
        rows: row..row + height,
        columns: column..column + width,
        rows_added: table.rows.len() - rows_before,
        columns_added: table.columns() - columns_before,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::table::model::SumPart;

    fn grid(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn excel_clipboard_with_quotes_tabs_and_newlines() {
        // Excel quotes a cell holding a tab, a newline or a quote, doubling the quote.
        let text = "\t2026\t2025\r\nRevenue\t\"1,234\"\t\"1,100\"\r\n\"Cost of \"\"goods\"\"\tsold\"\t812\t790\r\n\"Net income\nper share\"\t0.12\t0.10\r\n";
        let g = parse_clipboard(text).unwrap();
        assert_eq!(
            g,
            grid(&[
                &["", "2026", "2025"],
                &["Revenue", "1,234", "1,100"],
                &["Cost of \"goods\"\tsold", "812", "790"],
                &["Net income\nper share", "0.12", "0.10"],
            ])
        );
    }

    #[test]
    fn ragged_rows_are_padded_and_blank_lines_kept() {
        let g = parse_clipboard("a\t1\t2\nb\n\nc\t3\n\n\n").unwrap();
        assert_eq!(
            g,
            grid(&[
                &["a", "1", "2"],
                &["b", "", ""],
                &["", "", ""],
                &["c", "3", ""]
            ])
        );
        assert_eq!(
            parse_clipboard("a\t1\r\n\r\nb\t2\r\n").unwrap(),
            grid(&[&["a", "1"], &["", ""], &["b", "2"]])
        );
        // LF and CRLF read the same.
        assert_eq!(
            parse_clipboard("a\t1\r\nb\t2\r\n").unwrap(),
            parse_clipboard("a\t1\nb\t2\n").unwrap()
        );
    }

    #[test]
    fn csv_files_and_their_delimiter() {
        let text = "\u{FEFF}Quarter,Dividend\n\"Q1, 2026\",$0.12\nQ2,\"$0.12\"\n";
        assert_eq!(sniff_delimiter(text), b',');
        let g = parse_grid(text, sniff_delimiter(text)).unwrap();
        assert_eq!(g[1], ["Q1, 2026", "$0.12"]);
        assert_eq!(g[0][0], "Quarter");
        assert_eq!(sniff_delimiter("a;b;c\n"), b';');
        assert_eq!(sniff_delimiter("a\tb,c\n"), b'\t');
    }

    #[test]
    fn limits_are_errors_and_nothing_is_kept() {
        let rows = "x\t1\n".repeat(MAX_ROWS);
        assert_eq!(parse_clipboard(&rows).unwrap().len(), MAX_ROWS);
        let too_many = "x\t1\n".repeat(MAX_ROWS + 5);
        let e = parse_clipboard(&too_many).unwrap_err();
        assert_eq!(e, PasteError::TooManyRows { rows: MAX_ROWS + 5 });
        assert!(e.to_string().contains("1005 rows"));
        let wide = format!("a\tb\n{}\n", vec!["1"; MAX_COLUMNS + 1].join("\t"));
        let e = parse_clipboard(&wide).unwrap_err();
        assert_eq!(
            e,
            PasteError::TooManyColumns {
                row: 2,
                columns: MAX_COLUMNS + 1
            }
        );
        assert!(e.to_string().contains("row 2 has 51 columns"));
        let max = vec!["1"; MAX_COLUMNS].join("\t");
        assert_eq!(parse_clipboard(&max).unwrap()[0].len(), MAX_COLUMNS);
    }

    #[test]
    fn an_open_quote_is_an_error_naming_its_cell() {
        let e = parse_clipboard("a\t1\nb\t\"2\t3\nc\t4\n").unwrap_err();
        assert_eq!(e, PasteError::OpenQuote { row: 2, column: 2 });
        assert!(e.to_string().contains("row 2, column 2"));
        // A quote inside an unquoted cell is just a character, as in Excel.
        assert_eq!(parse_clipboard("5\" pipe\t1\n").unwrap()[0][0], "5\" pipe");
        // Doubled quotes at the end do not leave it open.
        assert!(parse_clipboard("\"say \"\"hi\"\"\"\t1").is_ok());
    }

    #[test]
    fn pasting_at_the_label_column_fills_labels_and_guesses_rows() {
        let mut t = Table::new(1);
        t.push_row(Row::new("Existing", ["1"]));
        let g = grid(&[
            &["Revenue", "1,234", "1,100"],
            &["Total revenue", "1,234", "1,100"],
            &["Diluted EPS", "0.12", "0.10"],
            &["Weighted average shares", "10,000", "9,000"],
        ]);
        let p = paste_grid(&mut t, &g, 1, 0);
        assert_eq!((p.rows_added, p.columns_added), (4, 1));
        assert_eq!(t.columns(), 2);
        assert_eq!(t.rows[0].cells, ["1", ""]);
        assert_eq!(t.rows[1].label, "Revenue");
        assert_eq!(t.rows[1].cells, ["1,234", "1,100"]);
        assert_eq!(t.rows[2].kind, RowKind::Total);
        assert_eq!(
            (t.rows[3].unit, t.rows[3].sum),
            (Unit::PerShare, SumPart::NotSummed)
        );
        assert_eq!(t.rows[4].unit, Unit::Shares);
    }

    #[test]
    fn pasting_at_a_value_cell_fills_cells_only() {
        let mut t = Table::new(2);
        t.push_row(Row::new("Net income", ["5", "6"]).kind(RowKind::Total));
        let g = grid(&[&["7", "8", "9"], &["10"]]);
        let p = paste_grid(&mut t, &g, 0, 2);
        assert_eq!(p.columns, 2..5);
        assert_eq!(t.columns(), 4);
        assert_eq!(t.rows[0].cells, ["5", "7", "8", "9"]);
        assert_eq!(t.rows[0].kind, RowKind::Total, "kind kept");
        assert_eq!(t.rows[1].cells, ["", "10", "", ""]);
        assert_eq!(t.rows[0].label, "Net income");
        // Pasting a plain label over a total keeps the author's kind.
        paste_grid(&mut t, &grid(&[&["Net earnings"]]), 0, 0);
        assert_eq!(t.rows[0].kind, RowKind::Total);
    }
}
