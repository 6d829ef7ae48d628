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
