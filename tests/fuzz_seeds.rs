//! The fuzzers' seed inputs and any crash they found, kept as regression tests: each runs
//! through the same checks as its fuzz target (see fuzz/ and the README).

use std::path::{Path, PathBuf};

use pressroom::core::draft::Style;
use pressroom::core::{draft_file, import, render};

fn seeds(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

#[test]
fn draft_loader_seeds() {
    let files = seeds("draft_loader");
    assert!(!files.is_empty());
    for p in files {
        let bytes = std::fs::read(&p).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        if let Ok(d) = draft_file::parse(text, &p) {
            let again = draft_file::parse(&draft_file::to_ron(&d), &p).unwrap();
            assert_eq!(again, d, "{}", p.display());
        }
    }
}

#[test]
fn importer_seeds() {
    let files = seeds("importer");
    assert!(!files.is_empty());
    for p in files {
        let text = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
        let imported = import::import(&text);
        for style in Style::ALL {
            let width = render::effective_width(&imported.draft, style);
            let out = render::render_as(&imported.draft, style).text;
            assert!(
                out.lines().all(|l| render::text::width(l) <= width),
                "{}",
                p.display()
            );
        }
    }
}
