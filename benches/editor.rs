//! Editor performance: a keystroke frame, an idle frame, export, load and save, import,
//! over a typical, a long and a huge draft, with egui's own demo as the yardstick.
//! `cargo bench --bench editor`; figures and budgets are in benches/README.md.

use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use egui::{Event, Key, Modifiers, Pos2, RawInput, Rect, vec2};
use pressroom::core::draft::{Block, Draft, FieldRef, Style};
use pressroom::core::{checks, draft_file, import, render};
use pressroom::shell::PressroomApp;
use pressroom::shell::app::Prefs;
use pressroom::shell::commands::Command;
use pressroom::shell::dialogs::FakeDialogs;

const PARAGRAPH: &str = "Revenue for the quarter rose on higher volumes in every region, and the \
Company expects margins to widen further as the new plant reaches full output next year. \
Operating cash flow covered capital spending, dividends and the share repurchase program.";

/// The typical example, grown to about `words` words with extra body paragraphs.
fn draft_of(words: usize) -> Draft {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/earnings-embargoed.ron");
    let mut d = draft_file::load(&path).expect("the example loads");
    let per = PARAGRAPH.split_whitespace().count();
    let have = render::render(&d).text.split_whitespace().count();
    for _ in 0..words.saturating_sub(have) / per {
        d.body.push(Block::Paragraph(PARAGRAPH.into()));
    }
    d
}

/// Frames so far: each is 1/60 s after the last, as on a display.
static FRAMES: AtomicU64 = AtomicU64::new(0);

fn input(events: Vec<Event>) -> RawInput {
    let n = FRAMES.fetch_add(1, Ordering::Relaxed);
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 820.0))),
        time: Some(n as f64 / 60.0),
        events,
        ..Default::default()
    }
}

/// One whole frame of the window, tessellated, as a display would need it. True when the
/// app asked for another frame straight away.
fn frame(ctx: &egui::Context, app: &mut PressroomApp, events: Vec<Event>) -> bool {
    let out = ctx.run_ui(input(events), |ui| app.show(ui));
    let again = out
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.repaint_delay.is_zero());
    black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
    again
}

/// Frames until the window asks for no more.
fn settle(ctx: &egui::Context, app: &mut PressroomApp) {
    let idle = (0..200).any(|_| !frame(ctx, app, Vec::new()));
    assert!(idle, "the window settles and asks for no more frames");
}

fn sizes() -> [(&'static str, Draft); 3] {
    [
        ("typical", draft_of(0)),
        ("long", draft_of(10_000)),
        ("huge", draft_of(50_000)),
    ]
}

fn benchmarks(c: &mut Criterion) {
    {
        let ctx = egui::Context::default();
        let mut demo = egui_demo_lib::DemoWindows::default();
        c.bench_function("reference/egui_demo_frame", |b| {
            b.iter(|| {
                let mut out = ctx.run_ui(input(Vec::new()), |ui| demo.ui(ui));
                black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
                out.textures_delta.clear();
            })
        });
    }
    for (name, draft) in sizes() {
        let ctx = egui::Context::default();
        let mut app = PressroomApp::new(Prefs::default(), Box::new(FakeDialogs::default()));
        app.doc.apply(|d| *d = draft.clone());
        // The cursor in a paragraph halfway down, as an author working on it would have it.
        let middle = app.doc.draft.body.len() / 2;
        app.run_command(&ctx, Command::GoTo(FieldRef::Body(middle)));
        settle(&ctx, &mut app); // until the scroll to it has finished
        let before = app.doc.revision();
        let typed_keys = std::cell::Cell::new(0u64);
        // Type a letter, then take it back: the paragraph stays the size it was.
        let keystroke = || {
            typed_keys.set(typed_keys.get() + 1);
            let typed = typed_keys.get() % 2 == 1;
            if typed {
                Event::Text("x".into())
            } else {
                Event::Key {
                    key: Key::Backspace,
                    physical_key: None,
                    pressed: true,
                    repeat: false,
                    modifiers: Modifiers::NONE,
                }
            }
        };
        // The frame that takes the keystroke: the measure.
        c.bench_function(&format!("keystroke_frame/{name}"), |b| {
            b.iter_custom(|iterations| {
                let mut spent = Duration::ZERO;
                for _ in 0..iterations {
                    let start = Instant::now();
                    let again = frame(&ctx, &mut app, vec![keystroke()]);
                    spent += start.elapsed();
                    // egui's text field asks for one more frame after an edit; not timed here.
                    if again {
                        settle(&ctx, &mut app);
                    }
                }
                spent
            })
        });
        // The keystroke and every frame asked for after it, until the window is idle again.
        c.bench_function(&format!("keystroke_until_idle/{name}"), |b| {
            b.iter(|| {
                if frame(&ctx, &mut app, vec![keystroke()]) {
                    settle(&ctx, &mut app);
                }
            })
        });
        // (When a filter skipped these benchmarks, nothing was typed.)
        assert!(
            typed_keys.get() == 0 || app.doc.revision() > before,
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
