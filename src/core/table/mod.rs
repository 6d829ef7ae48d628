//! Financial tables: the model a draft stores, numbers read exactly from cells as typed,
//! the financial printer's text layout (EDGAR's tagged `<TABLE>` and newswire columns),
//! footing of subtotals and totals, paste from spreadsheets, and detection of tables in
//! plain text for import. Pure: no egui, no I/O.
//!
//! - [`model`]: [`Table`], [`Row`] and their kinds, units and options; editing methods.
//! - [`number`]: [`read_cell`] and exact [`Amount`]s; printing negatives and nil.
//! - [`layout`]: [`layout()`] and [`layout_rows`] for a style, the `$` rule ([`dollar_signs`]).
//! - [`footing`]: [`foot`], the mismatches a footing check reports.
//! - [`cooked`]: [`cook`], a table's words as the HTML and Word writers print them.
//! - [`edit`]: [`TableEdit`], the editor's changes to a table's shape, applied as one step.
//! - [`paste`]: [`parse_grid`] for clipboard TSV and CSV files, [`paste_grid`] into a table.
//! - [`detect`]: [`detect_tables`] in plain text, tagged or aligned, with the layout to
//!   print them again line for line.

pub mod cooked;
pub mod detect;
pub mod edit;
pub mod footing;
pub mod layout;
pub mod model;
pub mod number;
pub mod paste;

pub use cooked::{Cooked, CookedCell, CookedRow, cook};
pub use detect::{Detected, detect_tables};
pub use edit::{TableEdit, apply as apply_edit};
pub use footing::{Mismatch, foot};
pub use layout::{
    CellPlace, ColumnPlace, DollarPlace, TableText, TextLayout, TooWide, dollar_signs, layout,
    layout_rows,
};
pub use model::{
    ColumnGroup, Negatives, Row, RowKind, SumPart, Table, TableOptions, Unit, guess_row,
};
pub use number::{Amount, CellValue, Number, read_cell};
pub use paste::{PasteError, Pasted, parse_clipboard, parse_grid, paste_grid, sniff_delimiter};
