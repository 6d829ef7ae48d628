//! Reviewers' comments: kept in the draft file, never in any export, reported by
//! `pressroom check` while unresolved.

mod common;

use chrono::TimeZone;
use pressroom::core::checks::{self, rules};
use pressroom::core::draft::{Block, Comment, Draft, FieldRef, Reply, Style};
use pressroom::core::draft_file;
use pressroom::core::export::{self, ExportOptions, ExportStyle};

use common::{pressroom, write_draft};

fn commented() -> Draft {
    let mut d = Draft {
        headline: "Acme Reports Record Results".into(),
        ..Draft::default()
    };
    let id = d.add_block(Block::Paragraph("Revenue rose 12% to $4 million.".into()));
    let time = chrono::Utc
        .with_ymd_and_hms(2026, 11, 27, 14, 5, 0)
        .unwrap();
    d.comments.push(Comment {
        field: FieldRef::Body(id),
        quote: "12%".into(),
        author: "Counsel".into(),
        time,
        text: "Source for COMMENTWORD figure?".into(),
        replies: vec![Reply {
            author: "CFO".into(),
            time,
            text: "From the 10-Q REPLYWORD.".into(),
        }],
        resolved: false,
    });
    d.comments.push(Comment {
        field: FieldRef::Headline,
        quote: String::new(),
        author: "IR".into(),
        time,
        text: "Done RESOLVEDWORD.".into(),
        replies: Vec::new(),
        resolved: true,
    });
    d
}

#[test]
fn comments_round_trip_through_the_file_and_an_older_file_has_none() {
    let d = commented();
    let text = draft_file::to_ron(&d);
    assert!(text.contains("field: Body("), "{text}");
    assert!(text.contains("resolved: true"));
    let back = draft_file::parse(&text, std::path::Path::new("d.ron")).unwrap();
    assert_eq!(back.comments, d.comments);
    assert_eq!(back.open_comments(), 1);
    // A draft without comments writes no `comments` field at all.
    let plain = draft_file::to_ron(&Draft::default());
    assert!(!plain.contains("comments"));
}

#[test]
fn no_export_prints_a_comment() {
    let d = commented();
    for style in ExportStyle::ALL {
        let out = export::export(&d, style, &ExportOptions::default()).unwrap();
        let bytes = String::from_utf8_lossy(&out.main);
        for word in ["COMMENTWORD", "REPLYWORD", "RESOLVEDWORD"] {
            assert!(!bytes.contains(word), "{} printed {word}", style.name());
        }
    }
}

#[test]
fn unresolved_comments_are_a_warning_on_their_field() {
    let d = commented();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let found: Vec<_> = checks::check(&d, today, Style::Newswire)
        .into_iter()
        .filter(|f| f.rule == rules::COMMENT_UNRESOLVED.id)
        .collect();
    assert_eq!(found.len(), 1, "the resolved one is not reported");
    assert_eq!(found[0].field, d.comments[0].field);
    assert!(
        found[0].message.contains("by Counsel"),
        "{}",
        found[0].message
    );

    let dir = tempfile::tempdir().unwrap();
    let path = write_draft(dir.path(), "d.ron", &d);
    let out = pressroom()
        .args(["check", "--today", "2026-11-27"])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("comment-unresolved"), "{text}");
}

/// Every file inside a `.docx`, as text (the XML parts).
fn docx_parts(bytes: &[u8]) -> Vec<(String, String)> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut b = Vec::new();
            f.read_to_end(&mut b).unwrap();
            (
                f.name().to_string(),
                String::from_utf8_lossy(&b).into_owned(),
            )
        })
        .collect()
}

const WORDS: [&str; 3] = ["COMMENTWORD", "REPLYWORD", "RESOLVEDWORD"];

#[test]
fn the_comments_option_never_reaches_the_text_html_or_edgar_outputs() {
    let d = commented();
    let mut bare = d.clone();
    bare.comments.clear();
    let with = ExportOptions {
        comments: true,
        ..ExportOptions::default()
    };
    for style in ExportStyle::ALL
        .into_iter()
        .filter(|s| *s != ExportStyle::Docx)
    {
        let out = export::export(&d, style, &with).unwrap();
        let text = String::from_utf8_lossy(&out.main);
        for word in WORDS.iter().chain(&["Counsel", "CFO"]) {
            assert!(!text.contains(word), "{} printed {word}", style.name());
        }
        // Byte for byte the release without any comments.
        let plain = export::export(&bare, style, &ExportOptions::default()).unwrap();
        assert_eq!(out.main, plain.main, "{}", style.name());
    }
}

#[test]
fn word_carries_the_comments_only_when_asked() {
    let d = commented();
    let off = export::export(&d, ExportStyle::Docx, &ExportOptions::default()).unwrap();
    for (name, xml) in docx_parts(&off.main) {
        for word in WORDS {
            assert!(!xml.contains(word), "{name} has {word} with the option off");
        }
    }
    let on = ExportOptions {
        comments: true,
        ..ExportOptions::default()
    };
    let on = export::export(&d, ExportStyle::Docx, &on).unwrap();
    let parts = docx_parts(&on.main);
    let comments = &parts
        .iter()
        .find(|(n, _)| n == "word/comments.xml")
        .expect("word/comments.xml")
        .1;
    for word in WORDS {
        assert!(comments.contains(word), "{word} missing: {comments}");
    }
    let document = &parts
        .iter()
        .find(|(n, _)| n == "word/document.xml")
        .unwrap()
        .1;
    for word in WORDS {
        assert!(!document.contains(word), "{word} in the release's own text");
    }
}

#[test]
fn cli_export_comments_is_for_word_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_draft(dir.path(), "d.ron", &commented());
    for style in ["edgar", "newswire", "edgar-html", "newswire-html"] {
        let out = pressroom()
            .args(["export", "--comments", "--style", style])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{style}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--comments is for Word"), "{err}");
        assert!(out.stdout.is_empty(), "{style}: nothing written");
    }
    // The draft's own style (EDGAR text) is refused too.
    let out = pressroom()
        .args(["export", "--comments"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));

    let docx = dir.path().join("counsel.docx");
    let out = pressroom()
        .args(["export", "--comments", "--style", "docx", "-o"])
        .arg(&docx)
        .arg(&path)
        .output()
        .unwrap();
    common::assert_ok(&out);
    let parts = docx_parts(&std::fs::read(&docx).unwrap());
    let comments = &parts
        .iter()
        .find(|(n, _)| n == "word/comments.xml")
        .unwrap()
        .1;
    assert!(comments.contains("COMMENTWORD") && comments.contains("REPLYWORD"));
    // Without the flag, none.
    let out = pressroom()
        .args(["export", "--style", "docx", "-o"])
        .arg(&docx)
        .arg(&path)
        .output()
        .unwrap();
    common::assert_ok(&out);
    for (name, xml) in docx_parts(&std::fs::read(&docx).unwrap()) {
        assert!(!xml.contains("COMMENTWORD"), "{name}");
    }
}

/// The exported comments as LibreOffice reads them: converted to ODT, each
/// `office:annotation` with its author, initials, text and resolved mark.
#[test]
fn libreoffice_reads_the_word_comments() {
    use std::io::Read;
    let Some(profile) = common::libreoffice() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("counsel.docx");
    let on = ExportOptions {
        comments: true,
        ..ExportOptions::default()
    };
    std::fs::write(
        &docx,
        export::export(&commented(), ExportStyle::Docx, &on)
            .unwrap()
            .main,
    )
    .unwrap();
    let Some(odt) = common::libreoffice_convert(profile.path(), &docx, "odt", "odt") else {
        return;
    };
    let bytes = std::fs::read(&odt)
        .unwrap_or_else(|e| panic!("LibreOffice wrote no ODT from {}: {e}", docx.display()));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut content = String::new();
    zip.by_name("content.xml")
        .unwrap()
        .read_to_string(&mut content)
        .unwrap();
    let annotations: Vec<&str> = content
        .split("<office:annotation ")
        .skip(1)
        .map(|a| &a[..a.find("</office:annotation>").unwrap_or(a.len())])
        .collect();
    assert_eq!(annotations.len(), 3, "two comments and a reply: {content}");
    let of = |word: &str| {
        *annotations
            .iter()
            .find(|a| a.contains(word))
            .unwrap_or_else(|| panic!("no annotation says {word}: {content}"))
    };
    assert!(of("COMMENTWORD").contains("<dc:creator>Counsel</dc:creator>"));
    assert!(of("REPLYWORD").contains("<dc:creator>CFO</dc:creator>"));
    assert!(of("COMMENTWORD").contains("2026-11-27T14:05:00"));
    assert!(of("COMMENTWORD").contains("<meta:creator-initials>C</meta:creator-initials>"));
    assert!(of("RESOLVEDWORD").contains("<dc:creator>IR</dc:creator>"));
    // Resolved in Pressroom, resolved in the reader.
    assert!(of("RESOLVEDWORD").contains("loext:resolved=\"true\""));
    assert!(of("COMMENTWORD").contains("loext:resolved=\"false\""));
    // The quoted words are the comment's range: it ends right after "12%".
    assert!(
        content.contains("</office:annotation>12%<office:annotation-end"),
        "{content}"
    );
}
