//! Spelling (issue 16): loading the shipped en_US dictionary, checking the whole 50,000-word
//! draft, and a keystroke in it with spelling on and off, in the same run. The memory the
//! dictionary holds is printed (resident size before and after loading it; Linux only).
//! `cargo bench --bench spelling`; figures and budgets are in benches/README.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use pressroom::core::spelling::{self, Accepted, SpellCheck, Speller};
use pressroom::shell::prefs::Prefs;

mod common;
use common::{draft_of, timed_keystrokes, window_at_the_middle_with};

/// Resident memory in bytes, where the system says (Linux's /proc).
fn resident() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

fn benchmarks(c: &mut Criterion) {
    let before = resident();
    let speller = Speller::parse_builtin();
    if let (Some(a), Some(b)) = (before, resident()) {
        println!(
            "spelling/en_US resident: +{:.1} MiB",
            (b as f64 - a as f64) / (1024.0 * 1024.0)
        );
    }
    c.bench_function("spelling/load_en_US", |b| {
        b.iter(|| black_box(Speller::parse_builtin()))
    });
    let huge = draft_of(50_000);
    let accepted = spelling::accepted(&huge, &[], &[]);
    c.bench_function("spelling/check_whole/huge", |b| {
        // A fresh check each time: every text and word looked up, as when a draft opens.
        b.iter(|| black_box(SpellCheck::default().findings(&huge, &speller, &accepted)))
    });
    c.bench_function("spelling/check_whole_no_memo/huge", |b| {
        // No word remembered from one text to the next (the worst case).
        b.iter(|| {
            let mut n = 0;
            pressroom::core::walk::each_text(&huge, |_, t| {
                n += spelling::misspelt(&speller, &Accepted::default(), t).len()
            });
            black_box(n)
        })
    });
    for (label, on) in [("on", true), ("off", false)] {
        let prefs = Prefs {
            spelling: on,
            ..Prefs::default()
        };
        let (ctx, mut app) = window_at_the_middle_with(&huge, prefs);
        let typed = std::cell::Cell::new(0u64);
        c.bench_function(&format!("keystroke_frame/huge/spelling_{label}"), |b| {
            b.iter_custom(|iterations| timed_keystrokes(&ctx, &mut app, &typed, iterations))
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    targets = benchmarks
}
criterion_main!(benches);
