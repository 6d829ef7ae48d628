//! Instructions per frame, counted by callgrind: unlike time, the count is the same from run
//! to run however busy the machine is, so it shows a change that the timings' noise hides.
//! `cargo bench --bench frame_instructions` (needs valgrind; says so and stops without it).
//!
//! Each figure is the count for a run of 60 frames less that for 20, over 40: what is left
//! is the cost of one frame, without the start-up and the draft's loading.

use std::process::Command;

mod common;
use common::{demo_frame, frame, keystroke, settle, sizes, window_at_the_middle};

/// Set in the child that valgrind runs: which window, what to do, how many times.
const CHILD: &str = "PRESSROOM_BENCH_INSTRUCTIONS";

const FEW: u64 = 20;
const MANY: u64 = 60;

fn main() {
    if let Ok(spec) = std::env::var(CHILD) {
        return child(&spec);
    }
    if Command::new("valgrind").arg("--version").output().is_err() {
        println!("frame_instructions: skipped, valgrind is not installed");
        return;
    }
    let demo = per_frame("demo", "idle");
    println!("instructions per frame (callgrind), and as a ratio to egui's demo frame");
    println!("{:<32} {:>12}", "reference/egui_demo_frame", demo);
    for (name, _) in sizes() {
        for what in ["idle", "keystroke_until_idle"] {
            let n = per_frame(name, what);
            let label = format!("{what}/{name}");
            println!("{label:<32} {n:>12} {:>7.2}x", n as f64 / demo as f64);
        }
    }
}

/// The instructions one more frame (or keystroke) costs.
fn per_frame(window: &str, what: &str) -> u64 {
    let count = |n: u64| {
        let out = Command::new("valgrind")
            .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
            .arg(std::env::current_exe().expect("the bench knows its own path"))
            .env(CHILD, format!("{window} {what} {n}"))
            .output()
            .expect("valgrind runs");
        let log = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success(),
            "the child failed under valgrind:\n{log}"
        );
        log.lines()
            .find_map(|l| l.split("Collected :").nth(1))
            .and_then(|n| n.trim().parse::<u64>().ok())
            .unwrap_or_else(|| panic!("callgrind reported no count:\n{log}"))
    };
    count(MANY).saturating_sub(count(FEW)) / (MANY - FEW)
}

fn child(spec: &str) {
    let mut parts = spec.split(' ');
    let (window, what) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let n: u64 = parts.next().and_then(|n| n.parse().ok()).expect("a count");
    if window == "demo" {
        let ctx = egui::Context::default();
        let mut demo = egui_demo_lib::DemoWindows::default();
        for _ in 0..n {
            demo_frame(&ctx, &mut demo);
        }
        return;
    }
    let (_, draft) = sizes()
        .into_iter()
        .find(|(name, _)| *name == window)
        .expect("a known draft");
    let (ctx, mut app) = window_at_the_middle(&draft);
    for i in 1..=n {
        if what == "idle" {
            frame(&ctx, &mut app, Vec::new());
        } else if frame(&ctx, &mut app, vec![keystroke(i)]) {
            settle(&ctx, &mut app);
        }
    }
}
