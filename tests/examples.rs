//! The shipped example drafts: each loads, is stored in the canonical format, and its
//! exports in both styles are pinned as snapshots.

use std::path::Path;

use pressroom::core::draft::Style;
use pressroom::core::{draft_file, render};

mod common;
use common::examples;

#[test]
fn there_are_at_least_three_examples() {
    assert!(examples().len() >= 3);
}

#[test]
fn examples_are_in_canonical_form() {
    for p in examples() {
        let text = std::fs::read_to_string(&p).unwrap();
        let draft = draft_file::parse(&text, &p).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            draft_file::to_ron(&draft),
            text,
            "{} is not as Pressroom writes it",
            p.display()
        );
    }
}

#[test]
fn example_exports_match_their_snapshots() {
    for p in examples() {
        let draft = draft_file::load(&p).unwrap();
        let stem = p.file_stem().unwrap().to_string_lossy().to_string();
        for style in Style::ALL {
            let out = render::render_as(&draft, style);
            assert!(out.unprintable.is_empty(), "{stem}: {:?}", out.unprintable);
            let name = format!(
                "{stem}-{}",
                match style {
                    Style::Edgar => "edgar",
                    Style::Newswire => "newswire",
                }
            );
            insta::assert_snapshot!(name, out.text);
        }
    }
}

#[test]
fn examples_have_no_check_errors_on_their_release_day() {
    for p in examples() {
        let draft = draft_file::load(&p).unwrap();
        let day = draft.dateline.date.expect("examples are dated");
        let errors: Vec<_> = pressroom::core::checks::check(&draft, day, draft.export.style)
            .into_iter()
            .filter(|f| f.severity == pressroom::core::checks::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", p.display());
    }
}

#[test]
fn a_format_1_draft_loads_as_the_current_format() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let old_path = root.join("tests/drafts/format-1-earnings.ron");
    let old_text = std::fs::read_to_string(&old_path).unwrap();
    assert!(old_text.contains("version: 1,") && !old_text.contains("id:"));
    let old = draft_file::load(&old_path).unwrap();
    let current = draft_file::load(&root.join("examples/earnings-embargoed.ron")).unwrap();
    // Migrated: the current version, every block, contact and section numbered.
    assert_eq!(old, current);
    assert_eq!(old.version, pressroom::core::draft::FORMAT_VERSION);
}

/// Format 4 only adds fields left out when unset: a format-3 draft reads as it is.
#[test]
fn a_format_3_draft_loads_as_the_current_format() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let old_path = root.join("tests/drafts/format-3-earnings.ron");
    let old_text = std::fs::read_to_string(&old_path).unwrap();
    assert!(old_text.contains("version: 3,"));
    let old = draft_file::load(&old_path).unwrap();
    let current = draft_file::load(&root.join("examples/earnings-embargoed.ron")).unwrap();
    assert_eq!(old, current);
    assert_eq!(old.version, pressroom::core::draft::FORMAT_VERSION);
    // Saved again, only the version line differs from the format-3 file.
    let text = draft_file::to_ron(&old);
    assert_eq!(
        text.replacen(
            &format!("version: {},", pressroom::core::draft::FORMAT_VERSION),
            "version: 3,",
            1
        ),
        old_text,
        "a format-3 draft gains nothing but its version when saved again"
    );
}

#[test]
fn a_format_2_draft_loads_as_the_current_format() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let old_path = root.join("tests/drafts/format-2-earnings.ron");
    let old_text = std::fs::read_to_string(&old_path).unwrap();
    assert!(old_text.contains("version: 2,") && old_text.contains("id:"));
    let old = draft_file::load(&old_path).unwrap();
    let current = draft_file::load(&root.join("examples/earnings-embargoed.ron")).unwrap();
    assert_eq!(old, current);
    assert_eq!(old.version, pressroom::core::draft::FORMAT_VERSION);
    // Saved again, it is written in the current format and reads back equal.
    let text = draft_file::to_ron(&old);
    assert!(text.contains(&format!(
        "version: {},",
        pressroom::core::draft::FORMAT_VERSION
    )));
    assert_eq!(draft_file::parse(&text, &old_path).unwrap(), old);
}
