//! Importing releases laid out in the ways real releases are: each is imported (the draft
//! pinned as a snapshot), exported again in the layout found, and compared with the
//! original the way `layout-compare` does: every word in order, every block matched.

use std::path::{Path, PathBuf};
use std::process::Command;

use pressroom::core::{draft_file, import, render};

mod common;
use common::{assert_ok, pressroom};

fn releases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/releases");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Blank-line separated blocks, each as its words, page markers and end marks included.
fn blocks(s: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in s.lines() {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(words(&cur));
                cur.clear();
            }
        } else {
            cur.push_str(line);
            cur.push('\n');
        }
    }
    if !cur.is_empty() {
        out.push(words(&cur));
    }
    out
}

/// The first-line indent of each block set less than a centred line's.
fn paragraph_indents(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut first = true;
    for line in s.lines() {
        if line.trim().is_empty() {
            first = true;
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        if first && indent < 12 {
            out.push(indent);
        }
        first = false;
    }
    out
}

/// `../shared/tools/layout-compare`, where this checkout has it beside it.
fn layout_compare() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/layout-compare");
    p.is_file().then_some(p)
}

#[test]
fn each_layout_imports_and_exports_back_to_the_same_words_and_blocks() {
    assert!(releases().len() >= 4);
    for path in releases() {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let original = std::fs::read_to_string(&path).unwrap();
        let imported = import::import_file(&path).unwrap();
        insta::assert_snapshot!(
            format!("import-{name}"),
            draft_file::to_ron(&imported.draft)
        );
        let out = render::render(&imported.draft).text;
        assert_eq!(words(&out), words(&original), "{name}: words\n{out}");
        // Paragraph indents, section by section (centred lines aside): as in the source.
        if name.starts_with("indents-") {
            assert_eq!(
                paragraph_indents(&out),
                paragraph_indents(&original),
                "{name}: indents\n{out}"
            );
        }
        // The export reads back as the same draft: nothing drifts on a second round.
        assert_eq!(
            draft_file::to_ron(&import::import(&out).draft),
            draft_file::to_ron(&imported.draft),
            "{name}: imported again from its export"
        );
        assert_eq!(blocks(&out), blocks(&original), "{name}: blocks\n{out}");
        if let Some(tool) = layout_compare() {
            let exported = std::env::temp_dir().join(format!("pressroom-import-{name}.txt"));
            std::fs::write(&exported, &out).unwrap();
            let mut cmd = Command::new("python3");
            cmd.arg(&tool).arg(&path).arg(&exported);
            if imported.draft.export.style == pressroom::core::draft::Style::Edgar {
                cmd.arg("--ascii");
            }
            let res = cmd.output().unwrap();
            assert!(
                res.status.success(),
                "{name}:\n{}",
                String::from_utf8_lossy(&res.stdout)
            );
        }
    }
}

#[test]
fn the_layout_reference_round_trips_through_import_and_export() {
    let reference = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/reference/hemacare-2003-restructuring.txt");
    let Some(tool) = layout_compare().filter(|_| reference.is_file()) else {
        // The reference is not ours to ship; CI has it beside the checkout.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have ../shared beside the checkout"
        );
        eprintln!("skipped: ../shared/reference is not beside this checkout");
        return;
    };
    let imported = import::import_file(&reference).unwrap();
    let out = render::render(&imported.draft).text;
    let exported = std::env::temp_dir().join("pressroom-import-reference.txt");
    std::fs::write(&exported, out).unwrap();
    let res = Command::new("python3")
        .arg(tool)
        .arg(&reference)
        .arg(&exported)
        .arg("--ascii")
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&res.stdout);
    assert!(res.status.success(), "{report}");
    assert!(report.contains("words 100.0%, blocks 14/14"), "{report}");
}

#[test]
fn what_is_not_a_release_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.txt", Vec::new()),
        ("binary.txt", vec![0u8, 159, 146, 150, 0, 1, 2, 3]),
        ("latin1.txt", b"Caf\xe9 au lait, a release?".to_vec()),
        ("nul.txt", b"Some words\0 and a NUL byte here".to_vec()),
    ];
    for (name, bytes) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let e = import::import_file(&p).unwrap_err().to_string();
        assert!(e.contains(name), "{e}");
        let out = pressroom().args(["import"]).arg(&p).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(name));
    }
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "word ".repeat(10 * 1024 * 1024)).unwrap();
    let e = import::import_file(&big).unwrap_err().to_string();
    assert!(e.contains("big.txt") && e.contains("refused"), "{e}");
}

#[test]
fn import_on_the_command_line_writes_a_draft_and_reports_its_guesses() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("imported.ron");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/releases/citydash-edgar.txt");
    let out = pressroom()
        .arg("import")
        .arg(&src)
        .arg("-o")
        .arg(&out_path)
        .output()
        .unwrap();
    assert_ok(&out);
    let d = draft_file::load(&out_path).unwrap();
    assert_eq!(d.company.ticker, "GPKB");
    assert_eq!(d.dateline.city, "Burlington");
}

/// Lines of the source that come back exactly (`=`) or with their words and case but not
/// their indent (`~`, centred lines: the source centres at another width than it wraps).
fn comes_back(name: &str, want: &[&str]) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/releases/{name}.txt"));
    let original = std::fs::read_to_string(&path).unwrap();
    let out = render::render(&import::import_file(&path).unwrap().draft).text;
    for w in want {
        let (exact, line) = w.split_at(1);
        assert!(
            original.lines().any(|l| l == line),
            "{name}: not in the source: {line}"
        );
        let found = if exact == "=" {
            out.lines().any(|l| l == line)
        } else {
            out.lines().any(|l| l.trim() == line.trim())
        };
        assert!(found, "{name}: {line:?} did not come back\n{out}");
    }
}

#[test]
fn older_exhibits_keep_their_contact_indent_marks_spacing_wrap_and_headline_lines() {
    comes_back(
        "edgar-1990s-letterhead",
        &[
            "=     Walter J. Kaminski",
            "=     Vice President, Finance",
            "=     (815) 555-0142",
            // Two spaces after a sentence, and the source's line breaks.
            "=     Net sales for the year rose 12 percent to $61.8 million.  Orders from",
            "=     The company said its order backlog at year end stood at $22.4",
            "=million, compared with $17.9 million a year earlier.",
            // Centred over the width the source centres at, wider than it wraps.
            "=                                    -MORE-",
            "=                        MIDLAND TOOL & DIE CORPORATION",
            "=                                 NEWS RELEASE",
            "~                    MIDLAND TOOL & DIE REPORTS HIGHER",
            "~                       FISCAL 1997 EARNINGS",
        ],
    );
    comes_back(
        "edgar-1990s-two-pages",
        &[
            "=     Margaret L. Olsen",
            "=     Director of Investor Relations",
            "=     The mill employs 140 people.  The company said it will offer",
            "~                     CONTINENTAL PAPERBOARD TO CLOSE",
            "~                          KAUKAUNA MILL",
        ],
    );
}

#[test]
fn eqs_releases_keep_their_header_and_closing_block() {
    comes_back(
        "wire-eqs-header-footer",
        &[
            "=Vestergaard Logistik AG: Nine-Month Revenue Up 8 Percent",
            "=20.11.2026 / 07:30 CET/CEST",
            "=The issuer is solely responsible for the content of this announcement.",
            "=              Am Sandtorkai 41",
            "=EQS News ID:  2051187",
            "=End of News   EQS News Service",
        ],
    );
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/releases/wire-eqs-header-footer.txt");
    let d = import::import_file(&path).unwrap().draft;
    assert!(
        d.release
            .header
            .starts_with("EQS-News: Vestergaard Logistik AG / Key word(s)")
    );
    assert!(
        d.release
            .header_note
            .starts_with("20.11.2026 / 07:30 CET/CEST\n")
    );
    assert!(
        d.release
            .trailer
            .ends_with("End of News   EQS News Service")
    );
    assert_eq!(
        d.headline,
        "Vestergaard Logistik AG: Nine-Month Revenue Up 8 Percent"
    );
    assert_eq!(d.contacts[0].name, "Jana Krüger");
}
