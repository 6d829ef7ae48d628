use super::*;
use crate::core::draft::{Block, Contact};
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
    )
        .prop_map(|(h, body)| {
            let mut d = Draft {
                headline: h,
                ..Draft::default()
            };
            d.set_body(body.into_iter().map(Block::Paragraph));
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
        let want: Vec<(TextRef, Vec<String>)> = walk::texts(&new)
            .into_iter()
            .map(|(at, t)| (at, words(t)))
            .collect();
        prop_assert_eq!(got, want);
        prop_assert_eq!(r.is_same(), compare(&new, &old).is_same());
    }
}
