//! Strategies for arbitrary drafts' parts, shared by the property tests: text of every kind
//! a user might paste (and HTML's own characters), dates, timings, contacts and blocks.

use chrono::{NaiveDate, NaiveTime};
use pressroom::core::draft::*;
use proptest::prelude::*;

pub fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "\\PC{0,60}",
        2 => any::<String>(),
        1 => prop::collection::vec(
            prop_oneof![
                Just("株式会社".to_string()),
                Just("😀👍🏽👨‍👩‍👧".to_string()),
                Just("e\u{0301}\u{0323}".to_string()),
                Just("שלום עולם مرحبا".to_string()),
                Just("\t\u{7}\r\n".to_string()),
                Just("“quoted” — dash… ’".to_string()),
                Just("x".repeat(500)),
                Just("word".to_string()),
                Just("\n\n".to_string()),
                Just(" ".to_string()),
                Just("<script>&amp;\"'</p>".to_string()),
                Just("&#0; &#150; &check; AT&T <!-- -->".to_string()),
                Just("\u{FFFE}\u{FDD0}\u{85}\u{0}".to_string()),
                Just("www.acme.example ir@acme.example".to_string()),
            ],
            0..12
        ).prop_map(|v| v.concat()),
    ]
}

pub fn any_date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..2100, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

pub fn any_timing() -> impl Strategy<Value = Timing> {
    prop_oneof![
        Just(Timing::Immediate),
        any_date().prop_map(Timing::ReleaseOn),
        (any_date(), 0u32..24, 0u32..60, any::<bool>()).prop_map(|(date, h, m, z)| {
            Timing::Embargoed {
                date,
                time: NaiveTime::from_hms_opt(h, m, 0).unwrap(),
                zone: z.then_some(chrono_tz::America::New_York),
            }
        }),
    ]
}

pub fn any_contact() -> impl Strategy<Value = Contact> {
    (
        any_text(),
        any_text(),
        any_text(),
        any_text(),
        any_text(),
        any_text(),
    )
        .prop_map(|(role, organisation, name, title, phone, email)| Contact {
            role,
            organisation,
            name,
            title,
            phone,
            email,
            ..Contact::default()
        })
}

/// A table of any shape: up to 6 value columns and 8 rows, any text in any cell, any row
/// kind, unit and sum part, a group over some columns.
pub fn any_table() -> impl Strategy<Value = pressroom::core::table::Table> {
    use pressroom::core::table::{ColumnGroup, Row, RowKind, SumPart, Table, Unit};
    let kinds = prop::sample::select(vec![
        RowKind::Ordinary,
        RowKind::Heading,
        RowKind::Subtotal,
        RowKind::Total,
        RowKind::Blank,
    ]);
    let units = prop::sample::select(vec![
        Unit::Currency,
        Unit::PerShare,
        Unit::Shares,
        Unit::Percent,
        Unit::Other,
    ]);
    let sums = prop::sample::select(vec![
        SumPart::Added,
        SumPart::Subtracted,
        SumPart::NotSummed,
    ]);
    (0usize..6).prop_flat_map(move |columns| {
        let row = (
            any_text(),
            prop::collection::vec(any_text(), columns),
            kinds.clone(),
            units.clone(),
            sums.clone(),
            0u8..4,
        )
            .prop_map(|(label, cells, kind, unit, sum, indent)| {
                Row::new(label, cells)
                    .kind(kind)
                    .unit(unit)
                    .sum(sum)
                    .indent(indent)
            });
        (
            prop::collection::vec(any_text(), 0..3),
            prop::collection::vec(any_text(), columns),
            prop::collection::vec(row, 0..8),
            any_text(),
            prop::collection::vec(any_text(), 0..2),
            any::<(bool, bool, bool)>(),
        )
            .prop_map(
                move |(title, headings, rows, group, footnotes, (g, dollars, dots))| {
                    let mut t = Table::new(columns);
                    t.title = title;
                    t.headings = headings;
                    for r in rows {
                        t.push_row(r);
                    }
                    if g && columns > 1 {
                        t.groups.push(ColumnGroup::new(group, 0, 2));
                    }
                    t.footnotes = footnotes;
                    t.options.dollar_signs = dollars;
                    t.options.leader_dots = dots;
                    t.normalize();
                    t
                },
            )
    })
}

pub fn any_block() -> impl Strategy<Value = Block> {
    prop_oneof![
        any_text().prop_map(Block::Paragraph),
        (
            any_text(),
            any_text(),
            any_text(),
            any_text(),
            any::<bool>()
        )
            .prop_map(|(text, speaker, title, verb, before)| {
                Block::Quote(Quote {
                    text,
                    speaker,
                    title,
                    verb,
                    attribution: if before {
                        Attribution::Before
                    } else {
                        Attribution::After
                    },
                })
            }),
        prop::collection::vec(any_text(), 0..4).prop_map(Block::Bullets),
        any_text().prop_map(Block::Heading),
        Just(Block::PageBreak),
        any_table().prop_map(|t| Block::Table(Box::new(t))),
    ]
}
