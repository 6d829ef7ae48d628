//! Review: the redline of two versions of the 50,000-word draft that differ in 1% of their
//! words (budget 50 ms), and opening the Versions list with 200 versions (budget 100 ms).
//! benches/README.md has the figures.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pressroom::core::draft::{Draft, FieldRef};
use pressroom::core::versions::History;
use pressroom::core::{draft_file, redline, walk};
use pressroom::shell::versions_window::VersionsView;

mod common;
use common::draft_of;

/// `d` with one body word in every hundred replaced.
fn one_percent_changed(d: &Draft) -> Draft {
    let mut d = d.clone();
    let mut n = 0usize;
    walk::each_text_mut(&mut d, |r, t| {
        if !matches!(r.field, FieldRef::Body(_)) {
            return;
        }
        let words: Vec<String> = t
            .split(' ')
            .map(|w| {
                n += 1;
                if n.is_multiple_of(100) {
                    format!("changed{n}")
                } else {
                    w.to_string()
                }
            })
            .collect();
        *t = words.join(" ");
    });
    d
}

fn benchmarks(c: &mut Criterion) {
    let old = draft_of(50_000);
    let new = one_percent_changed(&old);
    let r = redline::compare(&old, &new);
    let s = r.summary();
    assert!(s.insertions > 400 && s.deletions > 400, "{s}");
    c.bench_function("redline/huge_1pct", |b| {
        b.iter(|| black_box(redline::compare(&old, &new)))
    });

    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("q3.ron");
    draft_file::save(&path, &draft_of(0)).expect("saves");
    let history = History::of(&path);
    let base = draft_file::to_ron(&draft_of(0));
    for i in 0..200 {
        let bytes = format!("{base}// {i}\n");
        history
            .keep(bytes.as_bytes(), chrono::Utc::now(), 200)
            .expect("keeps");
    }
    assert_eq!(history.list().expect("lists").versions.len(), 200);
    c.bench_function("versions_list/200", |b| {
        b.iter(|| {
            let view = VersionsView::new(path.clone(), history.list().expect("lists"));
            let rows: Vec<String> = (0..view.index.versions.len())
                .map(|k| view.row_text(k))
                .collect();
            black_box(rows)
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
    targets = benchmarks
}
criterion_main!(benches);
