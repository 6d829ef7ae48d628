//! Editor performance: a keystroke frame, an idle frame, export, load and save, import,
//! over a typical, a long and a huge draft, with egui's own demo as the yardstick.
//! `cargo bench --bench editor`; figures and budgets are in benches/README.md.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use pressroom::core::draft::Style;
use pressroom::core::{checks, draft_file, import, render};

mod common;
use common::{demo_frame, frame, keystroke, settle, sizes, timed_keystrokes, window_at_the_middle};

fn benchmarks(c: &mut Criterion) {
    {
        let ctx = egui::Context::default();
        let mut demo = egui_demo_lib::DemoWindows::default();
        c.bench_function("reference/egui_demo_frame", |b| {
            b.iter(|| demo_frame(&ctx, &mut demo))
        });
    }
    for (name, draft) in sizes() {
        let (ctx, mut app) = window_at_the_middle(&draft);
        let before = app.editor.doc.revision();
        let typed_keys = std::cell::Cell::new(0u64);
        let next_key = || {
            typed_keys.set(typed_keys.get() + 1);
            keystroke(typed_keys.get())
        };
        // The frame that takes the keystroke: the measure.
        c.bench_function(&format!("keystroke_frame/{name}"), |b| {
            b.iter_custom(|iterations| timed_keystrokes(&ctx, &mut app, &typed_keys, iterations))
        });
        // The keystroke and every frame asked for after it, until the window is idle again.
        c.bench_function(&format!("keystroke_until_idle/{name}"), |b| {
            b.iter(|| {
                if frame(&ctx, &mut app, vec![next_key()]) {
                    settle(&ctx, &mut app);
                }
            })
        });
        // (When a filter skipped these benchmarks, nothing was typed.)
        assert!(
            typed_keys.get() == 0 || app.editor.doc.revision() > before,
            "the keystrokes reached the draft"
        );
        c.bench_function(&format!("idle_frame/{name}"), |b| {
            b.iter(|| frame(&ctx, &mut app, Vec::new()))
        });

        for style in Style::ALL {
            c.bench_function(&format!("export_{style:?}/{name}").to_lowercase(), |b| {
                b.iter(|| black_box(render::render_as(&draft, style)))
            });
        }
        let today = chrono::Local::now().date_naive();
        c.bench_function(&format!("checks/{name}"), |b| {
            b.iter(|| black_box(checks::check(&draft, today, Style::Newswire)))
        });
        let dir = tempfile::tempdir().expect("a temporary folder");
        let file = dir.path().join("draft.ron");
        c.bench_function(&format!("save_and_load/{name}"), |b| {
            b.iter(|| {
                draft_file::save(&file, &draft).expect("saves");
                black_box(draft_file::load(&file).expect("loads"))
            })
        });
        let text = render::render_as(&draft, Style::Edgar).text;
        c.bench_function(&format!("import/{name}"), |b| {
            b.iter_batched(
                || text.clone(),
                |t| black_box(import::import(&t)),
                BatchSize::SmallInput,
            )
        });
    }
}

criterion_group! {
    name = benches;
    // Short runs: these machines are shared, so medians over a few seconds each.
    config = Criterion::default().sample_size(10).warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
    targets = benchmarks
}
criterion_main!(benches);
