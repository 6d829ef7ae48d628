use super::*;
use crate::core::draft::{Block, Contact, Layout};
use proptest::prelude::*;

fn with_body(paragraphs: &[&str]) -> Draft {
    let mut d = Draft {
        headline: "Acme Reports Record Results".into(),
        ..Draft::default()
    };
    d.set_body(paragraphs.iter().map(|p| Block::Paragraph(p.to_string())));
    d
}

/// The changed pieces as (change, text) pairs.
fn changes(r: &Redline) -> Vec<(Change, String)> {
    r.texts
        .iter()
        .flat_map(|t| t.pieces.iter())
        .filter(|p| p.change != Change::Same)
        .map(|p| (p.change, p.text(false)))
        .collect()
}

#[test]
fn equal_drafts_have_no_changes() {
    let d = with_body(&["Acme said.", "More."]);
    let r = compare(&d, &d.clone());
    assert!(r.is_same());
    assert_eq!(r.summary().to_string(), "No changes");
    assert!(r.changes().is_empty());
}

#[test]
fn white_space_rewrapping_and_a_split_word_are_not_changes() {
    let old =
        with_body(&["Revenue rose 12%.  Margins held at a pro-\nfitable level of\n84.2 percent."]);
    let new =
        with_body(&["Revenue rose 12%. Margins held at a profitable\nlevel of 84.2 percent."]);
    let r = compare(&old, &new);
    assert!(r.is_same(), "{:?}", changes(&r));
    // A real hyphenated word is still one word, and a changed one is a change.
    let old = with_body(&["a forward-looking statement"]);
    let new = with_body(&["a forward looking statement"]);
    assert!(!compare(&old, &new).is_same());
}

#[test]
fn a_number_changed_in_a_cell_is_one_word_changed() {
    use crate::core::table::{Row, Table};
    let mut table = Table::new(2);
    table.push_row(Row::new("Revenue", vec!["$1,234.5", "84.2%"]));
    table.push_row(Row::new("Margin", vec!["12.0%", "11.5%"]));
    let mut old = with_body(&[]);
    old.set_body([Block::Table(Box::new(table))]);
    let mut new = old.clone();
    if let Block::Table(t) = &mut new.body[0].block {
        t.rows[0].cells[1] = "84.7%".into();
    }
    let r = compare(&old, &new);
    assert_eq!(
        changes(&r),
        [
            (Change::Deleted, "84.2".to_string()),
            (Change::Inserted, "84.7".to_string())
        ]
    );
    let s = r.summary();
    assert_eq!((s.insertions, s.deletions, s.fields), (1, 1, 1));
    assert_eq!(
        r.summary().to_string(),
        "1 insertion, 1 deletion in 1 field"
    );
    // The cell, not the table: field-aware down to the cell.
    assert_eq!(
        r.texts[r.changes()[0]].label,
        "body block 1, row 1, column 2"
    );
}

#[test]
fn a_sentence_moved_is_shown_once_as_moved() {
    let old = with_body(&["First we grew. Then the board met on Monday. Sales rose."]);
    let new = with_body(&["First we grew. Sales rose. Then the board met on Monday."]);
    let r = compare(&old, &new);
    let visible: Vec<(Change, String)> = changes(&r)
        .into_iter()
        .filter(|(c, _)| *c != Change::MovedAway)
        .collect();
    assert!(
        visible.contains(&(Change::MovedHere, "Then the board met on Monday.".into()))
            || visible.contains(&(Change::MovedHere, "Sales rose.".into())),
        "{visible:?}"
    );
    assert!(
        !visible.iter().any(|(c, _)| *c == Change::Deleted),
        "not shown as a deletion too: {visible:?}"
    );
    assert_eq!(r.summary().moves, 1);
    assert!(to_text(&r).contains("[>"), "{}", to_text(&r));
}

#[test]
fn a_paragraph_moved_to_another_place_is_one_move() {
    let old = with_body(&[
        "Alpha one two three.",
        "Beta four five six.",
        "Gamma seven.",
    ]);
    let mut new = old.clone();
    new.body.swap(0, 2); // same ids, new order
    let r = compare(&old, &new);
    let s = r.summary();
    assert_eq!((s.insertions, s.deletions), (0, 0));
    assert!(s.moves >= 1);
    assert!(r.texts.iter().any(|t| t.moved));
}

#[test]
fn changes_are_shown_in_their_own_field() {
    let mut old = with_body(&["Acme said.", "More text here."]);
    old.contacts = Vec::new();
    old.add_contact(Contact {
        name: "Jane Doe".into(),
        phone: "+1 212 555 0100".into(),
        ..Contact::default()
    });
    let mut new = old.clone();
    new.contacts[0].phone = "+1 212 555 0199".into();
    new.headline = "Acme Posts Record Results".into();
    let r = compare(&old, &new);
    let labels: Vec<&str> = r
        .changes()
        .iter()
        .map(|&i| r.texts[i].label.as_str())
        .collect();
    // Contacts print at the top by default: reading order.
    assert_eq!(labels, ["contact 1, phone", "headline"]);
    assert_eq!(r.summary().fields, 2);
}

#[test]
fn what_an_imported_release_keeps_as_written_is_compared_too() {
    // The letterhead, a contact's label, the timing line's wording and the closing line
    // print, so counsel must see their changes.
    let mut old = with_body(&["Acme said."]);
    old.release.letterhead = "ACME CORPORATION\n100 Main Street".into();
    old.release.timing_as_written = "EMBARGOED UNTIL 8:00 a.m. ET".into();
    old.release.trailer = "SOURCE: Acme Corp.".into();
    old.contacts[0].label = Some("Investors:".into());
    let mut new = old.clone();
    new.release.letterhead = "ACME CORPORATION\n200 Main Street".into();
    new.release.timing_as_written = "EMBARGOED UNTIL 9:00 a.m. ET".into();
    new.release.trailer = "SOURCE: Acme Corporation".into();
    new.contacts[0].label = Some("Media:".into());
    let r = compare(&old, &new);
    let labels: Vec<&str> = r
        .changes()
        .iter()
        .map(|&i| r.texts[i].label.as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "title, letterhead",
            "timing, as written",
            "contact 1, label",
            "end mark, closing line"
        ]
    );
    assert!(changes(&r).contains(&(Change::Inserted, "200".into())));
}

#[test]
fn deleted_and_added_blocks_stand_where_they_were() {
    let old = with_body(&["Kept first.", "Dropped entirely now.", "Kept last."]);
    let mut new = old.clone();
    new.body.remove(1);
    new.add_block(Block::Paragraph("A new closing line.".into()));
    let r = compare(&old, &new);
    let body: Vec<(&str, Vec<Change>)> = r
        .texts
        .iter()
        .filter(|t| matches!(t.at().field, FieldRef::Body(_)))
        .map(|t| {
            (
                t.label.as_str(),
                t.pieces.iter().map(|p| p.change).collect(),
            )
        })
        .collect();
    assert_eq!(body.len(), 4);
    assert_eq!(body[1].1, [Change::Deleted]);
    assert_eq!(body[3].1, [Change::Inserted]);
    let text = to_text(&r);
    assert!(text.contains("[-Dropped entirely now.-]"), "{text}");
    assert!(text.contains("[+A new closing line.+]"), "{text}");
}

#[test]
fn texts_with_other_ids_are_matched_by_their_words() {
    // A release imported from text gets ids of its own.
    let old = with_body(&[
        "Acme reported revenue of $12 million for the quarter.",
        "Other.",
    ]);
    let mut new = with_body(&[
        "Acme reported revenue of $13 million for the quarter.",
        "Other.",
    ]);
    for (k, b) in new.body.iter_mut().enumerate() {
        b.id = crate::core::draft::ItemId(100 + k as u32);
    }
    assert_ne!(old.body[0].id, new.body[0].id);
    let r = compare(&old, &new);
    assert_eq!(
        changes(&r),
        [
            (Change::Deleted, "12".to_string()),
            (Change::Inserted, "13".to_string())
        ]
    );
}

#[test]
fn html_marks_and_escapes() {
    let old = with_body(&["Profit <rose> & fell."]);
    let new = with_body(&["Profit <rose> & grew."]);
    let html = to_html(&compare(&old, &new), "Q3 & Q4");
    assert!(html.contains("<del>fell</del>"), "{html}");
    assert!(html.contains("<ins>grew</ins>"), "{html}");
    assert!(html.contains("&lt;rose&gt; &amp;"), "{html}");
    assert!(html.contains("<title>Q3 &amp; Q4</title>"));
}

const WORDS: &[&str] = &[
    "Acme",
    "revenue",
    "rose",
    "12%",
    "$1,234.5",
    "the",
    "board",
    "said",
    ".",
    ",",
    "quarter",
    "record",
    "forward-looking",
    "Company's",
    "(",
    ")",
    "é",
    "net",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(WORDS),
            prop::sample::select(&[" ", "  ", "\n", "", " \n "][..]),
        ),
        0..24,
    )
    .prop_map(|v| v.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

fn draft_strategy() -> impl Strategy<Value = Draft> {
    (
        text_strategy(),
        prop::collection::vec(text_strategy(), 0..6),
        // Settings too: an embargo's hour, an end mark, a layout choice, a page break.
        prop::option::of(7u32..10),
        0..crate::core::draft::EndMark::ALL.len(),
        prop::option::of((0..Layout::CHOICES.len(), any::<bool>())),
        prop::option::of(0usize..6),
    )
        .prop_map(|(h, body, hour, mark, choice, page_break)| {
            let mut d = Draft {
                headline: h,
                ..Draft::default()
            };
            let mut blocks: Vec<Block> = body.into_iter().map(Block::Paragraph).collect();
            if let Some(at) = page_break {
                blocks.insert(at.min(blocks.len()), Block::PageBreak);
            }
            d.set_body(blocks);
            if let Some(hour) = hour {
                d.release.timing = crate::core::draft::Timing::Embargoed {
                    date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
                    time: chrono::NaiveTime::from_hms_opt(hour, 0, 0).unwrap(),
                    zone: Some(chrono_tz::America::New_York),
                };
            }
            d.end_mark = crate::core::draft::EndMark::ALL[mark];
            if let Some((k, on)) = choice {
                *(Layout::CHOICES[k].field)(&mut d.export.layout) = Some(on);
            }
            d
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Applying the redline's edits to OLD gives NEW, white space normalised.
    #[test]
    fn applying_the_edits_to_old_gives_new(
        old in draft_strategy(),
        new in draft_strategy(),
        shuffle in any::<bool>(),
    ) {
        let mut new = new;
        if shuffle {
            // Same ids as OLD's blocks, some kept, so matching by place is exercised too.
            new.body = old.body.iter().rev().cloned().chain(new.body).collect();
            new.assign_ids();
        }
        let r = compare(&old, &new);
        // White space normalised away: tokens only.
        let words = |t: &str| -> Vec<String> { tokens(t).into_iter().map(|t| t.text).collect() };
        let got: Vec<(TextRef, Vec<String>)> = apply(&old, &r)
            .expect("the edits fit OLD")
            .into_iter()
            .map(|(at, t)| (at, words(&t)))
            .collect();
        let want: Vec<(TextRef, Vec<String>)> = texts(&new)
            .into_iter()
            .map(|(at, t)| (at, words(&t)))
            .collect();
        prop_assert_eq!(got, want);
        prop_assert_eq!(r.is_same(), compare(&new, &old).is_same());
    }
}

// Settings that change what prints without being text: each shows, in words, in its own
// labelled entry; unchanged, they show nothing.

use crate::core::draft::{
    Attribution, ContactsPlacement, DatelineStyle, EndMark, FileFormat, Quote, SentenceSpacing,
    Style, Timing, Wire,
};
use chrono::{NaiveDate, NaiveTime};

fn embargoed(date: (i32, u32, u32), hour: u32) -> Timing {
    Timing::Embargoed {
        date: NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap(),
        time: NaiveTime::from_hms_opt(hour, 0, 0).unwrap(),
        zone: Some(chrono_tz::America::New_York),
    }
}

/// The labels of the entries with a change to show, in order.
fn changed_labels(r: &Redline) -> Vec<String> {
    r.changes()
        .iter()
        .map(|&i| r.texts[i].label.clone())
        .collect()
}

/// `new` made from `old` by `edit`: compared both ways, and the old one with itself.
fn compare_edit(old: &Draft, edit: impl FnOnce(&mut Draft)) -> Redline {
    let mut new = old.clone();
    edit(&mut new);
    assert!(compare(old, &old.clone()).is_same());
    let r = compare(old, &new);
    assert_eq!(r.is_same(), compare(&new, old).is_same());
    r
}

#[test]
fn an_embargo_moved_by_an_hour_or_a_day_shows_under_timing() {
    let mut old = with_body(&["Acme said."]);
    old.release.timing = embargoed((2026, 11, 20), 8);
    let r = compare_edit(&old, |d| d.release.timing = embargoed((2026, 11, 20), 9));
    assert_eq!(changed_labels(&r), ["timing"]);
    assert_eq!(
        changes(&r),
        [
            (Change::Deleted, "8".to_string()),
            (Change::Inserted, "9".to_string())
        ]
    );
    assert_eq!(
        r.summary().to_string(),
        "1 insertion, 1 deletion in 1 field"
    );
    let text = to_text(&r);
    assert!(
        text.contains("[timing]\nEmbargoed Until [-8-] [+9+]:00 a.m. EST"),
        "{text}"
    );

    let r = compare_edit(&old, |d| d.release.timing = embargoed((2026, 11, 21), 8));
    assert_eq!(changed_labels(&r), ["timing"]);
    assert!(changes(&r).contains(&(Change::Inserted, "21".into())));

    let r = compare_edit(&old, |d| d.release.timing = Timing::Immediate);
    assert!(changes(&r).contains(&(Change::Inserted, "For Immediate Release".into())));

    // Where the timing prints: after the title, before the company and the headline.
    let at = |r: &Redline, label: &str| r.texts.iter().position(|t| t.label == label);
    assert!(at(&r, "title") < at(&r, "timing"));
    assert!(at(&r, "timing") < at(&r, "headline"));
}

#[test]
fn a_timing_line_turned_off_shows_as_no_timing_line_and_as_the_choice() {
    let old = with_body(&["Acme said."]);
    let timing_line = Layout::CHOICES
        .iter()
        .position(|c| c.name == "Timing line printed")
        .unwrap();
    let r = compare_edit(&old, |d| {
        *(Layout::CHOICES[timing_line].field)(&mut d.export.layout) = Some(false);
    });
    assert_eq!(
        changed_labels(&r),
        ["timing", "export settings, Timing line printed"]
    );
    assert!(changes(&r).contains(&(Change::Inserted, "no timing line".into())));
}

#[test]
fn the_datelines_date_wire_and_style_show_under_the_dateline() {
    let mut old = with_body(&["Acme said."]);
    old.dateline.date = NaiveDate::from_ymd_opt(2026, 11, 20);
    let r = compare_edit(&old, |d| {
        d.dateline.date = NaiveDate::from_ymd_opt(2026, 11, 21)
    });
    assert_eq!(changed_labels(&r), ["dateline, date"]);
    assert_eq!(
        changes(&r),
        [
            (Change::Deleted, "20".to_string()),
            (Change::Inserted, "21".to_string())
        ]
    );
    let r = compare_edit(&old, |d| d.dateline.date = None);
    assert!(changes(&r).contains(&(Change::Inserted, "no date".into())));
    let r = compare_edit(&old, |d| d.dateline.wire = Wire::BusinessWire);
    assert_eq!(changed_labels(&r), ["dateline, wire"]);
    let r = compare_edit(&old, |d| d.dateline.style = DatelineStyle::Ap);
    assert_eq!(changed_labels(&r), ["dateline, style"]);
    // Before the body it leads.
    let at = |label: &str| r.texts.iter().position(|t| t.label == label).unwrap();
    assert!(at("dateline, style") < at("body block 1"));
}

#[test]
fn every_end_mark_reads_apart_from_every_other() {
    let old = with_body(&["Acme said."]);
    let r = compare_edit(&old, |d| d.end_mark = EndMark::Thirty);
    assert_eq!(changed_labels(&r), ["end mark"]);
    let text = to_text(&r);
    assert!(text.contains("[end mark]\n[-###-][+-30-+]\n"), "{text}");
    // "###" and "# # #" differ only in white space, which is never a change by itself.
    for a in EndMark::ALL {
        for b in EndMark::ALL {
            let mut from = old.clone();
            from.end_mark = a;
            let mut to = old.clone();
            to.end_mark = b;
            assert_eq!(compare(&from, &to).is_same(), a == b, "{a:?} against {b:?}");
        }
    }
    // With the contacts after the end mark, the end mark reads before them.
    let mut old = old.clone();
    old.contacts_placement = ContactsPlacement::EndAfterMark;
    let r = compare_edit(&old, |d| d.end_mark = EndMark::None);
    let at = |label: &str| r.texts.iter().position(|t| t.label == label).unwrap();
    assert!(at("end mark") < at("contact 1, name"));
    assert!(at("safe harbor") < at("end mark"));
}

#[test]
fn the_contacts_placement_shows() {
    let old = with_body(&["Acme said."]);
    let r = compare_edit(&old, |d| {
        d.contacts_placement = ContactsPlacement::EndAfterMark
    });
    assert!(changed_labels(&r).contains(&"contacts, placement".to_string()));
    let text = to_text(&r);
    assert!(
        text.contains("[contacts, placement]\n[-at-][+after+] the [-top-] [+end mark+]"),
        "{text}"
    );
}

#[test]
fn every_export_setting_shows_in_its_own_entry_at_the_end() {
    let old = with_body(&["Acme said."]);
    type Edit = fn(&mut Draft);
    let edits: [(Edit, &str); 6] = [
        (
            |d| d.export.style = Style::Newswire,
            "export settings, style",
        ),
        (
            |d| d.export.format = FileFormat::Html,
            "export settings, file format",
        ),
        (|d| d.export.width = 70, "export settings, width"),
        (
            |d| d.export.sentence_spacing = SentenceSpacing::Two,
            "export settings, sentence spacing",
        ),
        (
            |d| d.export.paragraph_indent = 5,
            "export settings, paragraph indent",
        ),
        (|d| d.export.page_length = 0, "export settings, page length"),
    ];
    for (edit, label) in edits {
        let r = compare_edit(&old, edit);
        assert_eq!(changed_labels(&r), [label]);
        // After everything the release prints.
        let at = r.changes()[0];
        assert!(
            r.texts[at..]
                .iter()
                .all(|t| t.at().field == FieldRef::Export),
            "{label}"
        );
    }
    let r = compare_edit(&old, |d| d.export.width = 70);
    assert_eq!(
        changes(&r),
        [
            (Change::Deleted, "76".to_string()),
            (Change::Inserted, "70".to_string())
        ]
    );
}

#[test]
fn every_layout_choice_shows_under_its_name() {
    let old = with_body(&["Acme said."]);
    for choice in Layout::CHOICES {
        for value in [Some(true), Some(false)] {
            let r = compare_edit(&old, |d| *(choice.field)(&mut d.export.layout) = value);
            let label = format!("export settings, {}", choice.name);
            let labels = changed_labels(&r);
            assert_eq!(labels.last(), Some(&label), "{labels:?}");
            // Only turning the timing line off changes another entry (the timing's).
            let others = if value == Some(false) && choice.name == "Timing line printed" {
                2
            } else {
                1
            };
            assert_eq!(labels.len(), others, "{labels:?}");
            let on = if value == Some(true) { "on" } else { "off" };
            assert!(
                changes(&r).contains(&(Change::Inserted, on.to_string())),
                "{:?}",
                changes(&r)
            );
        }
    }
    // The measures (contact indent, centring width) likewise.
    for measure in Layout::MEASURES {
        let r = compare_edit(&old, |d| *(measure.field)(&mut d.export.layout) = Some(7));
        let label = format!("export settings, {}", measure.name);
        assert_eq!(changed_labels(&r), [label]);
        assert!(changes(&r).contains(&(Change::Inserted, "7".to_string())));
    }
    // Set the same way in both: nothing.
    let mut set = old.clone();
    for choice in Layout::CHOICES {
        *(choice.field)(&mut set.export.layout) = Some(true);
    }
    for measure in Layout::MEASURES {
        *(measure.field)(&mut set.export.layout) = Some(9);
    }
    assert!(compare(&set, &set.clone()).is_same());
    // A blackline shows the settings nobody changed only where they print as words.
    let text = to_text(&compare(&old, &old.clone()));
    assert!(!text.contains("export settings"), "{text}");
    assert!(!text.contains("[contacts, placement]"), "{text}");
    assert!(text.contains("[timing]\nFor Immediate Release\n"), "{text}");
    assert!(text.contains("[end mark]\n###\n"), "{text}");
}

#[test]
fn a_page_break_and_a_quotes_attribution_show_in_their_block() {
    let old = with_body(&["First.", "Second."]);
    let r = compare_edit(&old, |d| {
        d.body.insert(
            1,
            crate::core::draft::BodyBlock {
                id: crate::core::draft::ItemId(900),
                block: Block::PageBreak,
            },
        );
    });
    assert_eq!(changed_labels(&r), ["body block 2, page break"]);
    let at = |label: &str| r.texts.iter().position(|t| t.label == label).unwrap();
    assert!(at("body block 1") < at("body block 2, page break"));
    assert!(at("body block 2, page break") < at("body block 3"));

    let mut old = with_body(&[]);
    old.set_body([Block::Quote(Quote {
        text: "We grew.".into(),
        speaker: "Jane Doe".into(),
        ..Quote::default()
    })]);
    let r = compare_edit(&old, |d| {
        if let Block::Quote(q) = &mut d.body[0].block {
            q.attribution = Attribution::Before;
        }
    });
    assert_eq!(changed_labels(&r), ["body block 1, attribution"]);
    let r = compare_edit(&old, |d| d.safe_harbor.page_break_before = true);
    assert_eq!(changed_labels(&r), ["safe harbor, page break before"]);
    let r = compare_edit(&old, |d| d.release.logo = Some("art/acme.png".into()));
    assert_eq!(changed_labels(&r), ["logo"]);
}

#[test]
fn settings_show_in_html_and_word_too() {
    let mut old = with_body(&["Acme said."]);
    old.release.timing = embargoed((2026, 11, 20), 8);
    let r = compare_edit(&old, |d| {
        d.release.timing = embargoed((2026, 11, 20), 9);
        d.end_mark = EndMark::Thirty;
    });
    let html = to_html(&r, "v2");
    assert!(html.contains("<del>8</del> <ins>9</ins>"), "{html}");
    assert!(html.contains(">end mark</div>"), "{html}");
    let bytes = to_docx(&r, "v2", "Counsel", chrono::Utc::now()).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains(">timing</w:t>"), "{xml}");
    assert!(xml.contains(">-30-</w:t>"), "{xml}");
    assert!(xml.contains(">9</w:t>"), "{xml}");
    assert!(
        !xml.contains("export settings"),
        "unchanged, so not shown: {xml}"
    );
    assert!(
        !html.contains("export settings"),
        "unchanged, so not shown: {html}"
    );
}

#[test]
fn the_summary_counts_every_place_changed() {
    let mut old = with_body(&["Acme said."]);
    old.contacts[0].label = Some("Investors:".into());
    old.contacts_heading = "Contacts".into();
    old.release.letterhead = "ACME CORPORATION".into();
    let r = compare_edit(&old, |d| {
        d.contacts[0].label = Some("Media:".into());
        d.contacts_heading = "Contact".into();
        d.release.letterhead = "ACME CORP".into();
        d.release.title = "PRESS RELEASE".into();
        d.headline = "Acme Posts Record Results".into();
    });
    // The contacts' heading and the first contact's label share a field, as do the
    // letterhead and the title: five places all the same.
    assert_eq!(changed_labels(&r).len(), 5, "{:?}", changed_labels(&r));
    assert_eq!(r.summary().fields, 5);
}
