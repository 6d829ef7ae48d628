//! What the benchmarks share: the drafts, and frames of the whole window driven headless.
#![allow(dead_code)] // each bench uses its own share of these

use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use egui::{Event, Key, Modifiers, Pos2, RawInput, Rect, vec2};
use pressroom::core::draft::{Block, Draft, FieldRef};
use pressroom::core::{draft_file, render};
use pressroom::shell::PressroomApp;
use pressroom::shell::commands::Command;
use pressroom::shell::dialogs::FakeDialogs;
use pressroom::shell::prefs::Prefs;

const PARAGRAPH: &str = "Revenue for the quarter rose on higher volumes in every region, and the \
Company expects margins to widen further as the new plant reaches full output next year. \
Operating cash flow covered capital spending, dividends and the share repurchase program.";

/// The typical example, grown to about `words` words with extra body paragraphs.
pub fn draft_of(words: usize) -> Draft {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/earnings-embargoed.ron");
    let mut d = draft_file::load(&path).expect("the example loads");
    let per = PARAGRAPH.split_whitespace().count();
    let have = render::render(&d).text.split_whitespace().count();
    for _ in 0..words.saturating_sub(have) / per {
        d.add_block(Block::Paragraph(PARAGRAPH.into()));
    }
    d
}

/// The three drafts every benchmark runs over.
pub fn sizes() -> [(&'static str, Draft); 3] {
    [
        ("typical", draft_of(0)),
        ("long", draft_of(10_000)),
        ("huge", draft_of(50_000)),
    ]
}

/// Frames so far: each is 1/60 s after the last, as on a display.
static FRAMES: AtomicU64 = AtomicU64::new(0);

pub fn input(events: Vec<Event>) -> RawInput {
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
pub fn frame(ctx: &egui::Context, app: &mut PressroomApp, events: Vec<Event>) -> bool {
    let out = ctx.run_ui(input(events), |ui| app.show(ui));
    let again = out
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.repaint_delay.is_zero());
    black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
    again
}

/// Frames until the window asks for no more.
pub fn settle(ctx: &egui::Context, app: &mut PressroomApp) {
    let idle = (0..200).any(|_| !frame(ctx, app, Vec::new()));
    assert!(idle, "the window settles and asks for no more frames");
}

/// A frame of egui's own demo windows, tessellated: the yardstick.
pub fn demo_frame(ctx: &egui::Context, demo: &mut egui_demo_lib::DemoWindows) {
    let mut out = ctx.run_ui(input(Vec::new()), |ui| demo.ui(ui));
    black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
    out.textures_delta.clear();
}

/// The window with `draft` open and the cursor in a paragraph halfway down, as an author
/// working on it would have it (placed with Go to field, as a click on a check would).
pub fn window_at_the_middle(draft: &Draft) -> (egui::Context, PressroomApp) {
    window_at_the_middle_with(draft, Prefs::default())
}

/// [`window_at_the_middle`] with these preferences (spelling on or off).
pub fn window_at_the_middle_with(draft: &Draft, prefs: Prefs) -> (egui::Context, PressroomApp) {
    let ctx = egui::Context::default();
    let mut app = PressroomApp::new(prefs, Box::new(FakeDialogs::default()));
    app.editor.doc.apply(|d| *d = draft.clone());
    let middle = app.editor.doc.draft.body.len() / 2;
    let id = app.editor.doc.draft.body[middle].id;
    app.run_command(&ctx, Command::GoTo(FieldRef::Body(id)));
    settle(&ctx, &mut app); // until the scroll to it has finished
    (ctx, app)
}

/// The `n`th keystroke: a letter, then a Backspace that takes it back, so the paragraph
/// keeps its size however many are typed.
pub fn keystroke(n: u64) -> Event {
    if n % 2 == 1 {
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
}

/// `iterations` keystrokes (counted on in `typed`, so a letter and its Backspace alternate
/// across calls), each timed for the one frame that takes it; the frames egui asks for after
/// it run untimed.
pub fn timed_keystrokes(
    ctx: &egui::Context,
    app: &mut PressroomApp,
    typed: &std::cell::Cell<u64>,
    iterations: u64,
) -> std::time::Duration {
    let mut spent = std::time::Duration::ZERO;
    for _ in 0..iterations {
        typed.set(typed.get() + 1);
        let start = std::time::Instant::now();
        let again = frame(ctx, app, vec![keystroke(typed.get())]);
        spent += start.elapsed();
        if again {
            settle(ctx, app);
        }
    }
    spent
}
