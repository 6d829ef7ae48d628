//! Versions and redlines from the command line: `pressroom versions` and `pressroom diff`.

mod common;

use pressroom::core::draft::{Block, Draft};
use pressroom::core::versions;

use common::{assert_ok, pressroom, write_draft};

fn draft(paragraph: &str) -> Draft {
    let mut d = Draft {
        headline: "Acme Reports Record Results".into(),
        ..Draft::default()
    };
    d.set_body([Block::Paragraph(paragraph.into())]);
    d
}

#[test]
fn versions_lists_the_kept_versions_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("q3.ron");
    for text in [
        "Revenue rose.",
        "Revenue rose 12%.",
        "Revenue rose 12% to $4 million.",
    ] {
        versions::save_keeping_version(&path, &draft(text), 50).unwrap();
    }
    versions::History::of(&path)
        .set_label(1, "sent to counsel")
        .unwrap();
    let out = pressroom().arg("versions").arg(&path).output().unwrap();
    assert_ok(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].trim_start().starts_with("2 "), "{text}");
    assert!(lines[0].contains(" 7 words"), "{text}");
    assert!(lines[1].trim_start().starts_with("1 "), "{text}");
    assert!(lines[1].ends_with("sent to counsel"), "{text}");

    let fresh = write_draft(dir.path(), "new.ron", &draft("x"));
    let out = pressroom().arg("versions").arg(&fresh).output().unwrap();
    assert_ok(&out);
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no versions"));
    let missing = pressroom()
        .args(["versions", "nowhere.ron"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn diff_exits_0_when_equal_1_when_different_2_when_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let old = write_draft(
        dir.path(),
        "old.ron",
        &draft("Revenue rose 12%.  Net income fell."),
    );
    let same = write_draft(
        dir.path(),
        "same.ron",
        &draft("Revenue rose\n12%. Net income fell."),
    );
    let new = write_draft(
        dir.path(),
        "new.ron",
        &draft("Revenue rose 14%. Net income fell."),
    );

    let out = pressroom()
        .arg("diff")
        .arg(&old)
        .arg(&same)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "re-wrapping is not a change");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("No changes"));

    let out = pressroom()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("1 insertion, 1 deletion in 1 field"),
        "{text}"
    );
    assert!(text.contains("Revenue rose [-12-] [+14+]%."), "{text}");

    let html = dir.path().join("redline.html");
    let out = pressroom()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .args(["--format", "html", "-o"])
        .arg(&html)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<del>12</del> <ins>14</ins>"), "{page}");

    // Never over an input.
    let out = pressroom()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .arg("-o")
        .arg(&new)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(std::fs::read_to_string(&new).unwrap().contains("14%"));

    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(headline: ").unwrap();
    let out = pressroom()
        .arg("diff")
        .arg(&old)
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.ron:1:"));
}

#[test]
fn diff_against_a_kept_version_and_a_text_release() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("q3.ron");
    versions::save_keeping_version(&path, &draft("Revenue rose 12%."), 50).unwrap();
    versions::save_keeping_version(&path, &draft("Revenue rose 15%."), 50).unwrap();
    let out = pressroom()
        .arg("diff")
        .arg(&path)
        .args(["--version", "1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[-12-] [+15+]"), "{text}");
    let out = pressroom()
        .arg("diff")
        .arg(&path)
        .args(["--version", "9"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));

    // A text release is imported first; what it lacks shows as deleted.
    let release = dir.path().join("release.txt");
    let exported = pressroom()
        .args(["export", "--style", "newswire"])
        .arg(&path)
        .output()
        .unwrap();
    assert_ok(&exported);
    std::fs::write(&release, &exported.stdout).unwrap();
    let out = pressroom()
        .arg("diff")
        .arg(&release)
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains("[-Revenue") && !text.contains("[+Revenue"),
        "the paragraph is matched, not deleted and inserted: {text}"
    );
}

/// The Word redline's changes are Word's tracked changes, and LibreOffice opens it (where
/// installed; in CI, which installs it through `scripts/test`, its absence is a failure).
#[test]
fn diff_as_word_writes_tracked_changes_that_libreoffice_opens() {
    let dir = tempfile::tempdir().unwrap();
    let old = write_draft(
        dir.path(),
        "old.ron",
        &draft("Revenue rose 12% in the quarter."),
    );
    let new = write_draft(
        dir.path(),
        "new.ron",
        &draft("Revenue rose 14% in the quarter."),
    );
    let out_path = dir.path().join("redline.docx");
    let out = pressroom()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .args(["--format", "docx", "-o"])
        .arg(&out_path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&out_path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let ins = xml.find("<w:ins ").expect("an insertion");
    let del = xml.find("<w:del ").expect("a deletion");
    assert!(
        xml[del..].contains("<w:delText xml:space=\"preserve\">12</w:delText>")
            || xml[del..].contains(">12</w:delText>"),
        "{xml}"
    );
    assert!(xml[ins..].contains(">14</w:t>"), "{xml}");
    assert!(xml.contains("w:author=\"Pressroom\""));
    // Standard output cannot take a Word document.
    let out = pressroom()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .args(["--format", "docx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));

    let Some(profile) = common::libreoffice() else {
        return;
    };
    let Some(text) = common::libreoffice_text(profile.path(), &out_path) else {
        return;
    };
    assert!(text.contains("Revenue rose"), "{text}");
    assert!(
        text.contains("14"),
        "the insertion is in the document: {text}"
    );
}

#[test]
fn diff_shows_an_embargo_moved_and_a_layout_choice_made() {
    use chrono::{NaiveDate, NaiveTime};
    use pressroom::core::draft::{Layout, Timing};
    let embargo = |hour| Timing::Embargoed {
        date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        time: NaiveTime::from_hms_opt(hour, 0, 0).unwrap(),
        zone: Some(chrono_tz::America::New_York),
    };
    let dir = tempfile::tempdir().unwrap();
    let mut d = draft("Revenue rose 12%.");
    d.release.timing = embargo(8);
    let old = write_draft(dir.path(), "old.ron", &d);
    d.release.timing = embargo(9);
    let later = write_draft(dir.path(), "later.ron", &d);
    let diff = |a: &std::path::Path, b: &std::path::Path| {
        pressroom().arg("diff").arg(a).arg(b).output().unwrap()
    };

    let out = diff(&old, &old);
    assert_eq!(out.status.code(), Some(0));
    let out = diff(&old, &later);
    assert_eq!(
        out.status.code(),
        Some(1),
        "an embargo an hour later prints"
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("1 insertion, 1 deletion in 1 field"),
        "{text}"
    );
    assert!(
        text.contains("[timing]\nEmbargoed Until [-8-] [+9+]:00 a.m. EST, November 20, 2026"),
        "{text}"
    );

    let choice = Layout::CHOICES
        .iter()
        .find(|c| c.name == "Timing line under the contacts")
        .unwrap();
    *(choice.field)(&mut d.export.layout) = Some(true);
    let laid_out = write_draft(dir.path(), "laid-out.ron", &d);
    let out = diff(&later, &laid_out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a layout choice changes the print"
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "[export settings, Timing line under the contacts]\n\
             Timing line under the contacts: [-as the style-] [+on+]"
        ),
        "{text}"
    );
}
