//! Export in every style, and the EDGAR HTML validator, for a typical and a 50,000-word
//! release: the HTML styles are held to within 2x of EDGAR text, Word to 200 ms, the
//! validator to 20 ms (benches/README.md has the figures).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pressroom::core::edgar_validate;
use pressroom::core::export::{self, ExportOptions, ExportStyle};

mod common;
use common::draft_of;

fn benchmarks(c: &mut Criterion) {
    for (name, words) in [("typical", 0), ("huge", 50_000)] {
        let draft = draft_of(words);
        let options = ExportOptions::default();
        for style in ExportStyle::ALL {
            c.bench_function(&format!("export_{}/{name}", style.name()), |b| {
                b.iter(|| black_box(export::export(&draft, style, &options).expect("exports")))
            });
        }
        let html = export::export(&draft, ExportStyle::EdgarHtml, &options)
            .expect("exports")
            .main;
        c.bench_function(&format!("edgar_html_validator/{name}"), |b| {
            b.iter(|| black_box(edgar_validate::validate(&html)))
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
