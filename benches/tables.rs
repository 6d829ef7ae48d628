//! Tables: a keystroke in a table cell against one in a paragraph of the same 50,000-word
//! release with 20 tables of 30 rows; export in both styles against the same release without
//! its tables; a 200 x 12 spreadsheet range pasted into a table.
//! `cargo bench --bench tables`; figures and budgets are in benches/README.md.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use pressroom::core::draft::{Block, Draft, FieldRef, ItemId, Style};
use pressroom::core::render;
use pressroom::core::table::{Row, RowKind, SumPart, Table, TableEdit, apply_edit};
use pressroom::shell::commands::Command;
use pressroom::shell::form::{TableCell, table_cell_id};

mod common;
use common::{draft_of, frame, settle, timed_keystrokes};

/// A statement of 30 rows and 4 value columns, footing as statements do.
fn statement(n: usize) -> Table {
    let mut t = Table::new(4);
    t.title = vec![
        format!("Statement {n}"),
        "(In thousands, except per share amounts)".into(),
        "(Unaudited)".into(),
    ];
    t.headings = ["2026", "2025", "2026", "2025"].map(String::from).to_vec();
    for r in 0..30 {
        let row = match r % 6 {
            5 => Row::new(format!("Subtotal {r}"), ["5,000"; 4]).kind(RowKind::Subtotal),
            4 => Row::new(format!("Cost line {r}"), ["(1,250)"; 4]).sum(SumPart::Subtracted),
            _ => Row::new(format!("Line item {r}"), ["2,083"; 4]).indent(1),
        };
        t.push_row(row);
    }
    t
}

/// The huge draft with 20 tables spread through its body.
fn with_tables() -> Draft {
    let mut d = draft_of(50_000);
    let step = d.body.len() / 21;
    for n in (1..=20).rev() {
        let mut b = pressroom::core::draft::BodyBlock::new(Block::Table(Box::new(statement(n))));
        b.id = ItemId(0);
        d.body.insert(n * step, b);
    }
    d.assign_ids();
    d
}

/// The window with the draft open and the cursor in `cell` of the table nearest the middle,
/// or (without a cell) in the paragraph nearest the middle.
fn window(
    draft: &Draft,
    cell: Option<TableCell>,
) -> (egui::Context, pressroom::shell::PressroomApp) {
    let ctx = egui::Context::default();
    let mut app = pressroom::shell::PressroomApp::new(
        pressroom::shell::prefs::Prefs::default(),
        Box::new(pressroom::shell::dialogs::FakeDialogs::default()),
    );
    app.editor.doc.apply(|d| *d = draft.clone());
    let body = &app.editor.doc.draft.body;
    let middle = body.len() / 2;
    let wanted = |b: &Block| {
        matches!(
            (b, cell),
            (Block::Table(_), Some(_)) | (Block::Paragraph(_), None)
        )
    };
    let i = (0..body.len())
        .min_by_key(|&i| {
            if wanted(&body[i].block) {
                i.abs_diff(middle)
            } else {
                usize::MAX
            }
        })
        .unwrap();
    let id = body[i].id;
    app.run_command(&ctx, Command::GoTo(FieldRef::Body(id)));
    settle(&ctx, &mut app);
    if let Some(cell) = cell {
        ctx.memory_mut(|m| m.request_focus(table_cell_id(id, cell)));
        settle(&ctx, &mut app);
        assert!(
            ctx.memory(|m| m.has_focus(table_cell_id(id, cell))),
            "the cell has the cursor"
        );
    }
    (ctx, app)
}

fn keystrokes(c: &mut Criterion, name: &str, draft: &Draft, cell: Option<TableCell>) {
    let (ctx, mut app) = window(draft, cell);
    let before = app.editor.doc.revision();
    let typed = std::cell::Cell::new(0u64);
    c.bench_function(name, |b| {
        b.iter_custom(|iterations| timed_keystrokes(&ctx, &mut app, &typed, iterations))
    });
    assert!(
        typed.get() == 0 || app.editor.doc.revision() > before,
        "the keystrokes reached the draft"
    );
}

fn benchmarks(c: &mut Criterion) {
    let tables = with_tables();
    let plain = draft_of(50_000);
    keystrokes(c, "keystroke_frame/huge_tables/paragraph", &tables, None);
    keystrokes(
        c,
        "keystroke_frame/huge_tables/cell",
        &tables,
        Some(TableCell {
            row: Some(15),
            column: 2,
        }),
    );
    for style in Style::ALL {
        let s = format!("{style:?}").to_lowercase();
        c.bench_function(&format!("export_{s}/huge_tables"), |b| {
            b.iter(|| black_box(render::render_as(&tables, style)))
        });
        c.bench_function(&format!("export_{s}/huge_without_tables"), |b| {
            b.iter(|| black_box(render::render_as(&plain, style)))
        });
    }
    // 200 rows of a label and 11 figures, as a spreadsheet puts them on the clipboard.
    let range: String = (0..200)
        .map(|r| {
            let mut row = vec![format!("Line item {r}")];
            row.extend((0..11).map(|c| format!("{},{:03}", r + 1, c * 37)));
            row.join("\t") + "\r\n"
        })
        .collect();
    let paste = TableEdit::Paste {
        row: 0,
        column: 0,
        text: range,
    };
    c.bench_function("paste_200x12/table", |b| {
        b.iter_batched(
            Table::starter,
            |mut t| black_box(apply_edit(&mut t, &paste)),
            BatchSize::SmallInput,
        )
    });
    // Through the window's command, as a paste in a cell is: the edit, its undo step (a
    // snapshot of the 50,000-word draft) and the checks and preview it brings about.
    let (ctx, mut app) = window(&tables, None);
    let id = app
        .editor
        .doc
        .draft
        .body
        .iter()
        .find(|b| matches!(b.block, Block::Table(_)))
        .unwrap()
        .id;
    c.bench_function("paste_200x12/command_and_frame_in_huge_tables", |b| {
        b.iter_custom(|iterations| {
            let mut spent = Duration::ZERO;
            for _ in 0..iterations {
                let start = Instant::now();
                app.run_command(&ctx, Command::EditTable(id, paste.clone()));
                frame(&ctx, &mut app, Vec::new());
                spent += start.elapsed();
                app.run_command(&ctx, Command::Undo);
                settle(&ctx, &mut app);
            }
            spent
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    targets = benchmarks
}
criterion_main!(benches);
