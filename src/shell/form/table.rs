//! A table block in the form: its title and footnotes, how it prints, its column groups, and
//! a grid of cells to type in as in a spreadsheet: Tab and Shift+Tab go to the next and
//! previous cell, Enter and Down to the cell below, Up and Shift+Enter to the one above,
//! Left and Right move the caret within a cell. Cells copied from a spreadsheet paste across
//! as many cells as they hold. Cells are typed in place (one undo step a cell); every change
//! of shape is a [`Command::EditTable`], one step each.

use egui::{Event, EventFilter, Id, Key, RichText, TextEdit, Ui};

use super::{Form, grid};
use crate::core::draft::ItemId;
use crate::core::table::{Negatives, RowKind, SumPart, Table, TableEdit, Unit};
use crate::shell::commands::Command;

/// A cell of the grid: the headings row is row `None`; column 0 is the label column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cell {
    pub row: Option<usize>,
    pub column: usize,
}

/// The widget id of a table cell, so tests and navigation can find it.
pub fn cell_id(block: ItemId, cell: Cell) -> Id {
    Id::unique(("table-cell", block, cell.row, cell.column))
}

/// Where a key sends the caret.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Nav {
    Next,
    Previous,
    Up,
    Down,
}

/// Where keys typed after a move wait for the cell moved to.
fn pending_keys() -> Id {
    Id::unique("table-keys-for-the-next-cell")
}

/// The move a key press asks for in a cell: Tab and Shift+Tab anywhere; in a one-line cell
/// also Enter and Down, Shift+Enter and Up.
fn nav_key(e: &Event, multiline: bool) -> Option<Nav> {
    let Event::Key {
        key,
        pressed: true,
        modifiers,
        ..
    } = e
    else {
        return None;
    };
    let plain = modifiers.is_none();
    let shift = modifiers.shift_only();
    match key {
        Key::Tab if plain => Some(Nav::Next),
        Key::Tab if shift => Some(Nav::Previous),
        _ if multiline => None,
        Key::Enter | Key::ArrowDown if plain => Some(Nav::Down),
        Key::Enter if shift => Some(Nav::Up),
        Key::ArrowUp if plain => Some(Nav::Up),
        _ => None,
    }
}

/// The cell a key leads to from `at`, in a table of `rows` rows and `columns` value
/// columns; `None` at the table's edge.
fn step(at: Cell, nav: Nav, rows: usize, columns: usize) -> Option<Cell> {
    // Rows as a sequence: the headings row first (-1), then the table's rows.
    let row = at.row.map_or(-1, |r| r as isize);
    let last_column = columns;
    let (row, column) = match nav {
        Nav::Next if at.column < last_column => (row, at.column + 1),
        Nav::Next => (row + 1, 0),
        Nav::Previous if at.column > 0 => (row, at.column - 1),
        Nav::Previous => (row - 1, last_column),
        Nav::Up => (row - 1, at.column),
        Nav::Down => (row + 1, at.column),
    };
    if row < -1 || row >= rows as isize {
        return None;
    }
    Some(Cell {
        row: (row >= 0).then_some(row as usize),
        column,
    })
}

/// The label column's width in the grid, in points (a value column's is 90).
const LABEL_WIDTH: f32 = 260.0;

const KINDS: [(RowKind, &str); 5] = [
    (RowKind::Ordinary, "Ordinary"),
    (RowKind::Heading, "Section heading"),
    (RowKind::Subtotal, "Subtotal"),
    (RowKind::Total, "Total"),
    (RowKind::Blank, "Blank line"),
];
const UNITS: [(Unit, &str); 5] = [
    (Unit::Currency, "Currency"),
    (Unit::PerShare, "Per share"),
    (Unit::Shares, "Shares"),
    (Unit::Percent, "Percent"),
    (Unit::Other, "Other"),
];
const SUMS: [(SumPart, &str); 3] = [
    (SumPart::Added, "Added"),
    (SumPart::Subtracted, "Subtracted (a cost)"),
    (SumPart::NotSummed, "Not summed"),
];

fn name<T: PartialEq + Copy>(list: &[(T, &'static str)], v: T) -> &'static str {
    list.iter().find(|(k, _)| *k == v).map_or("", |(_, n)| n)
}

impl Form<'_> {
    /// A change of the table's shape or options: a command, one undo step.
    fn edit_table(&mut self, block: ItemId, e: TableEdit) {
        self.out.commands.push(Command::EditTable(block, e));
    }

    pub(super) fn table(&mut self, ui: &mut Ui, block: ItemId, t: &mut Table) {
        grid(ui, "table-meta", |ui| {
            self.lines(ui, "Title lines", &mut t.title);
            ui.label("Prints");
            ui.horizontal_wrapped(|ui| {
                let mut negatives = t.options.negatives;
                let l = ui.label("Negatives");
                super::combo_response(
                    ui,
                    l.id,
                    "table-negatives",
                    &mut negatives,
                    &[
                        (Negatives::Parentheses, "(812)"),
                        (Negatives::Minus, "-812"),
                    ],
                );
                if negatives != t.options.negatives {
                    self.edit_table(block, TableEdit::SetNegatives(negatives));
                }
                let mut dollars = t.options.dollar_signs;
                if ui
                    .checkbox(&mut dollars, "$ signs")
                    .on_hover_text(
                        "As financial printers set them: on the first figure of each column, \
                         on every total and on the first figure after a total; never on share \
                         or percent rows.",
                    )
                    .changed()
                {
                    self.edit_table(block, TableEdit::SetDollarSigns(dollars));
                }
                let mut dots = t.options.leader_dots;
                if ui.checkbox(&mut dots, "Leader dots").changed() {
                    self.edit_table(block, TableEdit::SetLeaderDots(dots));
                }
            });
            ui.end_row();
            // Column groups: a label over several columns ("Three Months Ended ...").
            ui.label("Column groups");
            ui.vertical(|ui| {
                for g in 0..t.groups.len() {
                    let (first, span) = (t.groups[g].first, t.groups[g].span);
                    ui.horizontal(|ui| {
                        let out = TextEdit::multiline(&mut t.groups[g].label)
                            .desired_rows(2)
                            .desired_width(220.0)
                            .hint_text("Three Months Ended\nSeptember 30,")
                            .show(ui);
                        self.spelling(ui, &out, &t.groups[g].label);
                        let r = out.response.response;
                        r.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::TextInput,
                                true,
                                format!("Column group {} label", g + 1),
                            )
                        });
                        self.note(&r);
                        ui.label(if span == 1 {
                            format!("over column {}", first + 1)
                        } else {
                            format!("over columns {} to {}", first + 1, first + span)
                        });
                        if ui.small_button("Wider").clicked() {
                            self.edit_table(block, TableEdit::WidenGroup(g, true));
                        }
                        if ui.small_button("Narrower").clicked() {
                            self.edit_table(block, TableEdit::WidenGroup(g, false));
                        }
                        if ui.small_button("Remove").clicked() {
                            self.edit_table(block, TableEdit::RemoveGroup(g));
                        }
                    });
                }
                let free =
                    (0..t.columns()).find(|c| !t.groups.iter().any(|g| g.columns().contains(c)));
                if let Some(first) = free
                    && ui.button("+ Column group").clicked()
                {
                    self.edit_table(block, TableEdit::AddGroup { first, span: 2 });
                }
            });
            ui.end_row();
        });
        self.cells(ui, block, t);
        ui.horizontal(|ui| {
            if ui.button("+ Row").clicked() {
                self.edit_table(block, TableEdit::InsertRow(t.rows.len()));
            }
            if ui.button("+ Column").clicked() {
                self.edit_table(block, TableEdit::InsertColumn(t.columns()));
            }
            ui.weak(
                "Tab: next cell. Enter: cell below. Paste cells from a spreadsheet into any cell.",
            );
        });
        grid(ui, "table-notes", |ui| {
            self.lines(ui, "Footnotes", &mut t.footnotes);
        });
    }

    /// The grid: a headings row, then a row of cells a table row, each with its menu.
    fn cells(&mut self, ui: &mut Ui, block: ItemId, t: &mut Table) {
        let rows = t.rows.len();
        let columns = t.columns();
        let mut go: Option<(Cell, Nav)> = None;
        // Keys typed after a move in the same frame, for the cell moved to (focused now).
        if let Some(pending) = ui.data_mut(|d| d.remove_temp::<Vec<Event>>(pending_keys())) {
            ui.input_mut(|i| {
                let later = std::mem::replace(&mut i.events, pending);
                i.events.extend(later);
            });
        }
        egui::ScrollArea::horizontal()
            .id_salt(("table-scroll", block))
            .show(ui, |ui| {
                egui::Grid::new(("table-grid", block))
                    .striped(true)
                    .spacing([4.0, 2.0])
                    .show(ui, |ui| {
                        ui.allocate_space(egui::Vec2::ZERO);
                        let head = |column| Cell { row: None, column };
                        self.cell(
                            ui,
                            block,
                            head(0),
                            &mut t.label_heading,
                            LABEL_WIDTH,
                            &mut go,
                        );
                        for c in 0..columns {
                            ui.vertical(|ui| {
                                self.cell(
                                    ui,
                                    block,
                                    head(c + 1),
                                    &mut t.headings[c],
                                    90.0,
                                    &mut go,
                                );
                                self.column_menu(ui, block, c, columns);
                            });
                        }
                        ui.end_row();
                        for r in 0..rows {
                            self.row_menu(ui, block, t, r);
                            let row = &mut t.rows[r];
                            let indent = f32::from(row.indent) * 12.0;
                            ui.horizontal(|ui| {
                                ui.add_space(indent);
                                let label = Cell {
                                    row: Some(r),
                                    column: 0,
                                };
                                self.cell(
                                    ui,
                                    block,
                                    label,
                                    &mut row.label,
                                    220.0 - indent,
                                    &mut go,
                                );
                            });
                            let no_cells = matches!(row.kind, RowKind::Heading | RowKind::Blank);
                            for c in 0..columns {
                                let at = Cell {
                                    row: Some(r),
                                    column: c + 1,
                                };
                                if no_cells {
                                    ui.allocate_space(egui::Vec2::ZERO);
                                } else {
                                    self.cell(ui, block, at, &mut row.cells[c], 90.0, &mut go);
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
        if let Some((at, nav)) = go {
            // Section headings and blank rows have no cells: the label is the way through.
            let mut target = step(at, nav, rows, columns);
            while let Some(c) = target {
                let cellless = c
                    .row
                    .is_some_and(|r| matches!(t.rows[r].kind, RowKind::Heading | RowKind::Blank))
                    && c.column > 0;
                if !cellless {
                    break;
                }
                target = match nav {
                    Nav::Up | Nav::Down => Some(Cell { column: 0, ..c }),
                    _ => step(c, nav, rows, columns),
                };
            }
            if let Some(c) = target {
                let id = cell_id(block, c);
                ui.memory_mut(|m| m.request_focus(id));
                // As in a spreadsheet, what is typed in a cell moved to replaces its figure.
                let text = match c.row {
                    None if c.column == 0 => t.label_heading.clone(),
                    None => t.headings[c.column - 1].clone(),
                    Some(r) if c.column == 0 => t.rows[r].label.clone(),
                    Some(r) => t.rows[r].cells[c.column - 1].clone(),
                };
                let mut state =
                    egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
                state
                    .cursor
                    .set_char_range(Some(egui::text::CCursorRange::select_all_str(&text)));
                state.store(ui.ctx(), id);
                ui.ctx().request_repaint();
            }
        }
    }

    /// One cell: keys that leave it and spreadsheet pastes are taken before its text field
    /// sees them.
    fn cell(
        &mut self,
        ui: &mut Ui,
        block: ItemId,
        at: Cell,
        value: &mut String,
        width: f32,
        go: &mut Option<(Cell, Nav)>,
    ) {
        let id = cell_id(block, at);
        // Headings may run over two lines: Enter breaks the line there, Tab still moves on.
        let multiline = at.row.is_none();
        if ui.memory(|m| m.has_focus(id)) {
            // The first key that leaves the cell, in the order typed: what was typed before it
            // is this cell's, what comes after it waits for the next frame and the next cell.
            let (nav, later) = ui.input_mut(|i| {
                let Some(k) = i
                    .events
                    .iter()
                    .position(|e| nav_key(e, multiline).is_some())
                else {
                    return (None, Vec::new());
                };
                let nav = nav_key(&i.events[k], multiline);
                (nav, i.events.drain(k..).skip(1).collect::<Vec<Event>>())
            });
            if !later.is_empty() {
                ui.data_mut(|d| {
                    d.get_temp_mut_or_default::<Vec<Event>>(pending_keys())
                        .extend(later)
                });
            }
            if let Some(nav) = nav {
                *go = Some((at, nav));
            }
            // Several cells on the clipboard (a tab or a line break in it): a paste across.
            let grid = ui.input_mut(|i| {
                let k = i.events.iter().position(|e| {
                    matches!(e, Event::Paste(t) if t.trim_end_matches(['\n', '\r']).contains(['\t', '\n']))
                })?;
                match i.events.remove(k) {
                    Event::Paste(t) => Some(t),
                    _ => None,
                }
            });
            if let Some(text) = grid {
                self.out.commands.push(Command::EditTable(
                    block,
                    TableEdit::Paste {
                        row: at.row.unwrap_or(0),
                        column: at.column,
                        text,
                    },
                ));
            }
        }
        let lines = if multiline {
            value.split('\n').count().max(1) as f32
        } else {
            1.0
        };
        let edit = if multiline {
            TextEdit::multiline(value).desired_rows(1)
        } else if at.column > 0 {
            // Figures stand flush right, as in a spreadsheet and in print.
            TextEdit::singleline(value).align(egui::Align2::RIGHT_CENTER)
        } else {
            TextEdit::singleline(value)
        };
        // A grid cell is as wide as its column was last frame: the size is set, not asked
        // for, or a column that started narrow would stay narrow.
        let height = lines * ui.text_style_height(&egui::TextStyle::Body) + 2.0 * 4.0;
        let size = egui::vec2(width.max(40.0), height.max(ui.spacing().interact_size.y));
        let edit = edit
            .id(id)
            .desired_width(width.max(40.0))
            .event_filter(EventFilter {
                tab: true,
                horizontal_arrows: true,
                vertical_arrows: true,
                escape: false,
            });
        let layout = egui::Layout::centered_and_justified(ui.layout().main_dir());
        let out = ui
            .allocate_ui_with_layout(size, layout, |ui| edit.show(ui))
            .inner;
        // Labels and text cells are spelt like any field (figures never are).
        self.spelling(ui, &out, value);
        let r = out.response.response;
        let name = match (at.row, at.column) {
            (None, 0) => "Label column heading".to_string(),
            (None, c) => format!("Column {c} heading"),
            (Some(r), 0) => format!("Row {} label", r + 1),
            (Some(r), c) => format!("Row {} column {c}", r + 1),
        };
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &name));
        self.take_focus(&r);
        self.note(&r);
    }

    fn row_menu(&mut self, ui: &mut Ui, block: ItemId, t: &Table, r: usize) {
        let row = &t.rows[r];
        let n = t.rows.len();
        let mut tag = name(&KINDS, row.kind).to_string();
        if !matches!(row.kind, RowKind::Heading | RowKind::Blank) {
            if row.unit != Unit::Currency {
                tag = format!("{tag}, {}", name(&UNITS, row.unit).to_lowercase());
            }
            if row.sum != SumPart::default_for(row.unit) {
                tag = format!("{tag}, {}", name(&SUMS, row.sum).to_lowercase());
            }
        }
        ui.menu_button(RichText::new(tag).small(), |ui| {
            ui.label(RichText::new(format!("Row {}", r + 1)).strong());
            ui.separator();
            for (kind, label) in KINDS {
                if ui.radio(row.kind == kind, label).clicked() && row.kind != kind {
                    self.edit_table(block, TableEdit::SetKind(r, kind));
                }
            }
            ui.separator();
            for (unit, label) in UNITS {
                if ui.radio(row.unit == unit, label).clicked() && row.unit != unit {
                    self.edit_table(block, TableEdit::SetUnit(r, unit));
                }
            }
            ui.separator();
            ui.label("In the sum below it:");
            for (sum, label) in SUMS {
                if ui.radio(row.sum == sum, label).clicked() && row.sum != sum {
                    self.edit_table(block, TableEdit::SetSum(r, sum));
                }
            }
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button("Indent").clicked() {
                    self.edit_table(block, TableEdit::Indent(r, true));
                }
                if ui
                    .add_enabled(row.indent > 0, egui::Button::new("Outdent"))
                    .clicked()
                {
                    self.edit_table(block, TableEdit::Indent(r, false));
                }
            });
            if ui.button("Insert row above").clicked() {
                self.edit_table(block, TableEdit::InsertRow(r));
            }
            if ui.button("Insert row below").clicked() {
                self.edit_table(block, TableEdit::InsertRow(r + 1));
            }
            if ui
                .add_enabled(r > 0, egui::Button::new("Move up"))
                .clicked()
            {
                self.edit_table(block, TableEdit::MoveRow { from: r, to: r - 1 });
            }
            if ui
                .add_enabled(r + 1 < n, egui::Button::new("Move down"))
                .clicked()
            {
                self.edit_table(block, TableEdit::MoveRow { from: r, to: r + 1 });
            }
            if ui.button("Remove row").clicked() {
                self.edit_table(block, TableEdit::RemoveRow(r));
            }
        });
    }

    fn column_menu(&mut self, ui: &mut Ui, block: ItemId, c: usize, columns: usize) {
        ui.menu_button(RichText::new(format!("Column {}", c + 1)).small(), |ui| {
            if ui.button("Insert column left").clicked() {
                self.edit_table(block, TableEdit::InsertColumn(c));
            }
            if ui.button("Insert column right").clicked() {
                self.edit_table(block, TableEdit::InsertColumn(c + 1));
            }
            if ui
                .add_enabled(c > 0, egui::Button::new("Move left"))
                .clicked()
            {
                self.edit_table(block, TableEdit::MoveColumn { from: c, to: c - 1 });
            }
            if ui
                .add_enabled(c + 1 < columns, egui::Button::new("Move right"))
                .clicked()
            {
                self.edit_table(block, TableEdit::MoveColumn { from: c, to: c + 1 });
            }
            if ui
                .add_enabled(columns > 1, egui::Button::new("Remove column"))
                .clicked()
            {
                self.edit_table(block, TableEdit::RemoveColumn(c));
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(row: Option<usize>, column: usize) -> Cell {
        Cell { row, column }
    }

    #[test]
    fn keys_walk_the_grid_row_by_row_and_stop_at_its_edges() {
        // 3 rows, 2 value columns: columns 0 (label), 1, 2.
        assert_eq!(step(at(Some(0), 0), Nav::Next, 3, 2), Some(at(Some(0), 1)));
        assert_eq!(step(at(Some(0), 2), Nav::Next, 3, 2), Some(at(Some(1), 0)));
        assert_eq!(
            step(at(Some(1), 0), Nav::Previous, 3, 2),
            Some(at(Some(0), 2))
        );
        assert_eq!(step(at(Some(0), 0), Nav::Previous, 3, 2), Some(at(None, 2)));
        assert_eq!(step(at(None, 0), Nav::Previous, 3, 2), None);
        assert_eq!(step(at(Some(2), 2), Nav::Next, 3, 2), None);
        assert_eq!(step(at(Some(0), 1), Nav::Up, 3, 2), Some(at(None, 1)));
        assert_eq!(step(at(Some(1), 1), Nav::Down, 3, 2), Some(at(Some(2), 1)));
        assert_eq!(step(at(Some(2), 1), Nav::Down, 3, 2), None);
    }
}
