//! The table rules, on a quarterly release built here (Larkspur Robotics; figures invented
//! for these tests) that every rule must pass, then broken one way at a time.

use super::*;
use crate::core::checks::{Finding, Severity, check};
use crate::core::draft::{About, Contact, NonGaapMeasure, Style};
use crate::core::table::{ColumnGroup, Row, SumPart};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, 29).unwrap()
}

const NEW_RULES: &[&str] = &[
    "footing",
    "table-too-wide",
    "table-empty-cell",
    "table-figure-unreadable",
    "non-gaap-prominence",
    "tie-out",
    "period-mismatch",
    "non-gaap-without-reconciliation",
];

fn operations() -> Table {
    let mut t = Table::new(4);
    t.title = vec![
        "Larkspur Robotics, Inc.".into(),
        "Condensed Consolidated Statements of Operations".into(),
        "(In thousands, except per share amounts)".into(),
        "(Unaudited)".into(),
    ];
    t.groups = vec![
        ColumnGroup::new("Three Months Ended\nSeptember 30,", 0, 2),
        ColumnGroup::new("Nine Months Ended\nSeptember 30,", 2, 2),
    ];
    t.headings = vec!["2026".into(), "2025".into(), "2026".into(), "2025".into()];
    let sub = SumPart::Subtracted;
    t.push_row(Row::new(
        "Net sales",
        ["$48,260", "$43,115", "$139,870", "$127,400"],
    ));
    t.push_row(Row::new("Cost of sales", ["27,505", "25,010", "80,120", "74,300"]).sum(sub));
    t.push_row(
        Row::new("Gross profit", ["20,755", "18,105", "59,750", "53,100"]).kind(RowKind::Subtotal),
    );
    t.push_row(
        Row::new(
            "Research and development",
            ["6,120", "5,480", "18,010", "16,200"],
        )
        .sum(sub)
        .indent(1),
    );
    t.push_row(
        Row::new(
            "Selling, general and administrative",
            ["8,395", "7,905", "24,840", "23,100"],
        )
        .sum(sub)
        .indent(1),
    );
    t.push_row(
        Row::new(
            "Total operating expenses",
            ["14,515", "13,385", "42,850", "39,300"],
        )
        .kind(RowKind::Subtotal)
        .sum(sub),
    );
    t.push_row(
        Row::new("Operating income", ["6,240", "4,720", "16,900", "13,800"])
            .kind(RowKind::Subtotal),
    );
    t.push_row(Row::new("Income tax expense", ["1,310", "990", "3,550", "2,900"]).sum(sub));
    t.push_row(
        Row::new("Net income", ["$4,930", "$3,730", "$13,350", "$10,900"]).kind(RowKind::Total),
    );
    t.push_row(Row::blank());
    t.push_row(
        Row::new(
            "Net income per diluted share",
            ["$0.31", "$0.24", "$0.84", "$0.70"],
        )
        .unit(Unit::PerShare),
    );
    t
}

fn reconciliation() -> Table {
    let mut t = Table::new(2);
    t.title = vec![
        "Reconciliation of Net Income to Adjusted EBITDA".into(),
        "(In thousands)".into(),
    ];
    t.groups = vec![ColumnGroup::new("Three Months Ended September 30,", 0, 2)];
    t.headings = vec!["2026".into(), "2025".into()];
    t.push_row(Row::new("Net income", ["$4,930", "$3,730"]));
    t.push_row(Row::new("Interest expense", ["310", "340"]));
    t.push_row(Row::new("Income tax expense", ["1,310", "990"]));
    t.push_row(Row::new(
        "Depreciation and amortization",
        ["2,460", "2,210"],
    ));
    t.push_row(Row::new("Adjusted EBITDA", ["$9,010", "$7,270"]).kind(RowKind::Total));
    t
}

const LEAD: &str = "Larkspur Robotics, Inc. (Nasdaq: LKSP) today reported results for the \
    third quarter ended September 30, 2026.";
const FIGURES: &str = "Net sales for the third quarter were $48.3 million, up 12% from $43.1 \
    million a year earlier. Net income was $4.9 million, or $0.31 per diluted share, compared \
    with $3.7 million, or $0.24 per diluted share, in the third quarter of 2025.";
const NINE_MONTHS: &str = "For the nine months, net sales rose 10% to $139.9 million.";

/// A complete third-quarter release whose prose and tables agree.
fn release() -> Draft {
    let mut d = Draft::default();
    d.company.name = "Larkspur Robotics, Inc.".into();
    d.company.ticker = "LKSP".into();
    d.company.exchange = "Nasdaq".into();
    d.contacts = vec![Contact {
        name: "Mara Quist".into(),
        phone: "+1 (555) 010-0123".into(),
        email: "ir@larkspur.example".into(),
        ..Contact::default()
    }];
    d.headline = "Larkspur Robotics Reports Third Quarter 2026 Results".into();
    d.dateline.city = "Pittsburgh".into();
    d.dateline.region = "PA".into();
    d.dateline.date = Some(day());
    d.set_body([
        Block::Paragraph(LEAD.into()),
        Block::Paragraph(FIGURES.into()),
        Block::Paragraph(NINE_MONTHS.into()),
        Block::Table(Box::new(operations())),
    ]);
    d.boilerplate = vec![About {
        text: "Larkspur Robotics builds warehouse robots.".into(),
        ..About::default()
    }];
    d
}

fn findings(d: &Draft, style: Style) -> Vec<Finding> {
    check(d, day(), style)
        .into_iter()
        .filter(|f| NEW_RULES.contains(&f.rule))
        .collect()
}

fn of(d: &Draft, rule: &str) -> Vec<Finding> {
    findings(d, Style::Edgar)
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

fn table_id(d: &Draft) -> FieldRef {
    d.body
        .iter()
        .find(|b| matches!(b.block, Block::Table(_)))
        .map(|b| FieldRef::Body(b.id))
        .unwrap()
}

fn table_mut(d: &mut Draft) -> &mut Table {
    d.body
        .iter_mut()
        .find_map(|b| match &mut b.block {
            Block::Table(t) => Some(&mut **t),
            _ => None,
        })
        .unwrap()
}

fn set_paragraph(d: &mut Draft, i: usize, text: &str) {
    d.body[i].block = Block::Paragraph(text.into());
}

#[test]
fn a_release_whose_tables_foot_and_agree_with_its_prose_has_no_table_findings() {
    let d = release();
    assert_eq!(findings(&d, Style::Edgar), vec![]);
    // A four-column statement is wider than 76 columns of prose: newswire warns of that
    // alone, and not at a width it fits.
    let wide: Vec<_> = findings(&d, Style::Newswire)
        .into_iter()
        .map(|f| f.rule)
        .collect();
    assert_eq!(wide, ["table-too-wide"]);
    let mut d = d;
    d.export.width = 100;
    assert_eq!(findings(&d, Style::Newswire), vec![]);
    // Nor any other finding: the table is content like any other.
    assert_eq!(check(&d, day(), Style::Edgar), vec![]);
}

#[test]
fn a_misfooted_subtotal_is_named_by_table_row_column_and_difference() {
    let mut d = release();
    table_mut(&mut d).set_cell(2, 0, "20,775");
    let f = of(&d, "footing");
    assert_eq!(f.len(), 1, "{f:#?}");
    let f = &f[0];
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.field, table_id(&d));
    assert!(
        f.place
            .contains("Condensed Consolidated Statements of Operations"),
        "{}",
        f.place
    );
    for part in [
        "\"Gross profit\" (row 3)",
        "\"2026\" (Three Months Ended September 30,)",
        "20,775",
        "20,755",
        "difference of 20",
    ] {
        assert!(f.message.contains(part), "{part}: {}", f.message);
    }
    assert_eq!(f.excerpt.as_deref(), Some("20,775"));
}

#[test]
fn an_empty_cell_beside_numbers_is_a_note_but_an_empty_row_is_not() {
    let mut d = release();
    let t = table_mut(&mut d);
    t.set_cell(3, 1, "");
    t.push_row(Row::new("Memo: backlog", ["", "", "", ""]));
    let f = of(&d, "table-empty-cell");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].severity, Severity::Note);
    assert!(
        f[0].message
            .contains("\"Research and development\" (row 4)")
            && f[0]
                .message
                .contains("\"2025\" (Three Months Ended September 30,)"),
        "{}",
        f[0].message
    );
    // A dash is nil, not empty.
    table_mut(&mut d).set_cell(3, 1, "--");
    assert!(of(&d, "table-empty-cell").is_empty());
}

fn wide(columns: usize, cell: &str) -> Table {
    let mut t = Table::new(columns);
    t.headings = (0..columns).map(|i| format!("Segment {i}")).collect();
    t.push_row(Row::new(
        "Revenue by operating segment",
        vec![cell; columns],
    ));
    t
}

#[test]
fn a_table_wider_than_edgar_allows_is_an_error_and_wider_than_newswire_a_warning() {
    let mut d = release();
    d.add_block(Block::Table(Box::new(wide(10, "1,234,567,890"))));
    let f: Vec<_> = findings(&d, Style::Edgar)
        .into_iter()
        .filter(|f| f.rule == "table-too-wide")
        .collect();
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].severity, Severity::Error);
    assert!(f[0].message.contains("132"), "{}", f[0].message);
    assert_eq!(f[0].field, FieldRef::Body(d.body[4].id));

    let mut d = release();
    d.add_block(Block::Table(Box::new(wide(5, "1,234,567"))));
    assert!(of(&d, "table-too-wide").is_empty(), "fits EDGAR's 132");
    d.export.width = 92; // the statement of operations fits; the segment table does not
    let f: Vec<_> = findings(&d, Style::Newswire)
        .into_iter()
        .filter(|f| f.rule == "table-too-wide")
        .collect();
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].severity, Severity::Warning);
    assert!(
        f[0].message.contains("wider than the release's 92"),
        "{}",
        f[0].message
    );
    assert_eq!(f[0].field, FieldRef::Body(d.body[4].id));
    // The preview's render (tables among the prose) gives what the tables alone give.
    let rendered = render::render_as(&d, Style::Newswire);
    let from_preview: Vec<_> =
        crate::core::checks::check_rendered(&d, day(), Style::Newswire, &rendered)
            .into_iter()
            .filter(|f| f.rule == "table-too-wide")
            .collect();
    assert_eq!(from_preview, f);
}

#[test]
fn a_non_gaap_measure_in_the_headline_or_before_its_gaap_measure_is_a_warning() {
    let mut d = release();
    d.add_block(Block::Table(Box::new(reconciliation())));
    d.headline = "Larkspur Robotics Posts Record Adjusted EBITDA".into();
    let f = of(&d, "non-gaap-prominence");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].field, FieldRef::Headline);
    assert!(
        f[0].message.contains("\"Adjusted EBITDA\""),
        "{}",
        f[0].message
    );

    // GAAP first in the headline is equal prominence.
    d.headline =
        "Larkspur Robotics Reports Net Income of $4.9 Million and Adjusted EBITDA of $9.0 Million"
            .into();
    assert!(of(&d, "non-gaap-prominence").is_empty());

    d.headline = "Larkspur Robotics Reports Third Quarter 2026 Results".into();
    set_paragraph(
        &mut d,
        0,
        "Larkspur Robotics, Inc. (Nasdaq: LKSP) today reported adjusted EBITDA of $9.0 \
         million for the third quarter ended September 30, 2026, and net income of $4.9 million.",
    );
    let f = of(&d, "non-gaap-prominence");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].field, FieldRef::Body(d.body[0].id));

    // Named after net income: fine.
    set_paragraph(
        &mut d,
        0,
        "Larkspur Robotics, Inc. (Nasdaq: LKSP) today reported net income of $4.9 million and \
         adjusted EBITDA of $9.0 million for the third quarter ended September 30, 2026.",
    );
    assert!(of(&d, "non-gaap-prominence").is_empty());

    // Adjusted EPS wants diluted EPS first; "EPS" inside "adjusted EPS" does not count.
    set_paragraph(
        &mut d,
        0,
        "Adjusted EPS was $0.40, compared with diluted EPS of $0.31.",
    );
    let f = of(&d, "non-gaap-prominence");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(f[0].message.contains("Adjusted EPS"), "{}", f[0].message);
}

#[test]
fn the_company_profile_adds_its_own_non_gaap_measures() {
    let mut d = release();
    let said = "Adjusted operating cash flow was $7.5 million, and net cash provided by \
        operating activities was $6.8 million.";
    set_paragraph(&mut d, 2, said);
    assert!(
        of(&d, "non-gaap-prominence").is_empty(),
        "not a built-in measure"
    );
    d.company.non_gaap_measures = vec![NonGaapMeasure {
        measure: "Adjusted operating cash flow".into(),
        gaap: "net cash provided by operating activities".into(),
    }];
    assert_eq!(of(&d, "non-gaap-prominence").len(), 1);
    set_paragraph(
        &mut d,
        2,
        "Net cash provided by operating activities was $6.8 million, and adjusted operating \
         cash flow was $7.5 million.",
    );
    assert!(of(&d, "non-gaap-prominence").is_empty());
}

#[test]
fn a_reconciliation_table_satisfies_the_reconciliation_rule() {
    let mut d = release();
    d.add_block(Block::Paragraph("Adjusted EBITDA was $9.0 million.".into()));
    assert_eq!(of(&d, "non-gaap-without-reconciliation").len(), 1);
    d.add_block(Block::Table(Box::new(reconciliation())));
    assert!(of(&d, "non-gaap-without-reconciliation").is_empty());
    // A table with the measure but not the GAAP measure reconciles nothing.
    let mut t = reconciliation();
    t.rows.remove(0);
    let last = d.body.len() - 1;
    d.body[last].block = Block::Table(Box::new(t));
    assert_eq!(of(&d, "non-gaap-without-reconciliation").len(), 1);
}

#[test]
fn figures_that_disagree_with_the_table_are_named_with_sentence_and_cell() {
    let mut d = release();
    set_paragraph(
        &mut d,
        1,
        &FIGURES.replace("$48.3 million", "$48.9 million"),
    );
    let f = of(&d, "tie-out");
    assert_eq!(f.len(), 1, "{f:#?}");
    let f = &f[0];
    assert_eq!(f.field, FieldRef::Body(d.body[1].id));
    assert!(
        f.excerpt
            .as_deref()
            .unwrap()
            .starts_with("Net sales for the third quarter")
    );
    for part in [
        "$48.9 million",
        "\"Net sales\" (row 1)",
        "\"2026\" (Three Months Ended September 30,)",
        "$48,260 (in thousands)",
    ] {
        assert!(f.message.contains(part), "{part}: {}", f.message);
    }

    // The prior year's figure is compared with the prior year's column.
    let mut d = release();
    set_paragraph(&mut d, 1, &FIGURES.replace("$3.7 million", "$3.9 million"));
    let f = of(&d, "tie-out");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(
        f[0].message.contains("\"Net income\"") && f[0].message.contains("\"2025\""),
        "{}",
        f[0].message
    );

    // Earnings per share, by its synonym.
    let mut d = release();
    set_paragraph(&mut d, 1, &FIGURES.replace("$0.31 per", "$0.33 per"));
    let f = of(&d, "tie-out");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(
        f[0].message.contains("\"Net income per diluted share\""),
        "{}",
        f[0].message
    );

    // A change: 12% is right for the quarter (11.9%), 15% is not.
    let mut d = release();
    set_paragraph(&mut d, 1, &FIGURES.replace("up 12%", "up 15%"));
    let f = of(&d, "tie-out");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(f[0].message.contains("11.9%"), "{}", f[0].message);

    // The nine months' change is read against the nine-month columns (9.8%).
    let mut d = release();
    set_paragraph(
        &mut d,
        2,
        "For the nine months, net sales rose 12% to $139.9 million.",
    );
    let f = of(&d, "tie-out");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(f[0].message.contains("Nine Months"), "{}", f[0].message);
}

#[test]
fn tie_out_leaves_other_line_items_forecasts_and_ranges_alone() {
    let mut d = release();
    for (i, text) in [
        (1, "Service net sales were $5.0 million."),
        (
            2,
            "Larkspur expects net sales of $190 million to $200 million in 2027.",
        ),
    ] {
        set_paragraph(&mut d, i, text);
    }
    d.add_block(Block::Paragraph("Net sales were $48 million.".into()));
    d.add_block(Block::Paragraph(
        "The Company's net sales of $48,260,000 were a record.".into(),
    ));
    assert!(of(&d, "tie-out").is_empty(), "{:#?}", of(&d, "tie-out"));
}

#[test]
fn the_period_reported_must_be_the_latest_ended_and_the_tables() {
    // Last year's quarter left in the headline.
    let mut d = release();
    d.headline = "Larkspur Robotics Reports Third Quarter 2025 Results".into();
    let f = of(&d, "period-mismatch");
    let headline: Vec<_> = f.iter().filter(|f| f.field == FieldRef::Headline).collect();
    assert_eq!(headline.len(), 1, "{f:#?}");
    assert!(
        headline[0].message.contains("last year's release"),
        "{}",
        headline[0].message
    );
    // The table, for 2026, agrees with the first paragraph: no finding at it.
    assert!(!f.iter().any(|f| f.field == table_id(&d)), "{f:#?}");

    // "Q3 2026" is the same quarter; a comparison with last year's is no claim.
    let mut d = release();
    d.headline = "Larkspur Robotics Reports Q3 2026 Results".into();
    set_paragraph(
        &mut d,
        0,
        &format!("{LEAD} Net sales grew compared with the third quarter of 2025."),
    );
    assert!(
        of(&d, "period-mismatch").is_empty(),
        "{:#?}",
        of(&d, "period-mismatch")
    );

    // Stale tables: a column for 2025 under a release for 2026.
    let mut d = release();
    let t = table_mut(&mut d);
    t.headings = vec!["2025".into(), "2024".into(), "2025".into(), "2024".into()];
    let f = of(&d, "period-mismatch");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].field, table_id(&d));
    assert!(
        f[0].message.contains("September 30, 2025"),
        "{}",
        f[0].message
    );
}

#[test]
fn the_fiscal_year_end_decides_which_period_is_latest() {
    let mut d = release();
    table_mut(&mut d).groups.clear();
    d.headline = "Larkspur Robotics Reports First Quarter Fiscal 2027 Results".into();
    set_paragraph(
        &mut d,
        0,
        "Larkspur Robotics, Inc. (Nasdaq: LKSP) today reported results.",
    );
    d.company.fiscal_year_end = FiscalYearEnd { month: 6, day: 30 };
    assert!(
        of(&d, "period-mismatch").is_empty(),
        "{:#?}",
        of(&d, "period-mismatch")
    );
    d.headline = "Larkspur Robotics Reports Fiscal 2025 Results".into();
    let f = of(&d, "period-mismatch");
    assert!(
        f.iter()
            .any(|f| f.field == FieldRef::Headline && f.message.contains("June 30, 2026")),
        "{f:#?}"
    );
}

#[test]
fn periods_are_read_in_their_usual_forms() {
    let dec = FiscalYearEnd::default();
    let ends = |s: &str, fye| -> Vec<(Option<u32>, String)> {
        periods_in(s, fye)
            .into_iter()
            .map(|(_, p)| (p.months, p.end.to_string()))
            .collect()
    };
    assert_eq!(
        ends("third quarter 2026", dec),
        [(Some(3), "2026-09-30".into())]
    );
    assert_eq!(ends("Q3 2026", dec), [(Some(3), "2026-09-30".into())]);
    assert_eq!(ends("fiscal 2026", dec), [(Some(12), "2026-12-31".into())]);
    assert_eq!(
        ends("the nine months ended September 30, 2026", dec),
        [(Some(9), "2026-09-30".into())]
    );
    assert_eq!(
        ends("Fourth Quarter and Full Year 2025", dec),
        [
            (Some(3), "2025-12-31".into()),
            (Some(12), "2025-12-31".into())
        ]
    );
    assert_eq!(
        ends(
            "the fourth quarter and full year ended December 31, 2025",
            dec
        ),
        [
            (Some(3), "2025-12-31".into()),
            (Some(12), "2025-12-31".into())
        ]
    );
    let june = FiscalYearEnd { month: 6, day: 30 };
    assert_eq!(
        ends("first quarter of fiscal 2027", june),
        [(Some(3), "2026-09-30".into())]
    );
    let retail = FiscalYearEnd { month: 1, day: 31 };
    assert_eq!(
        quarter_end(retail, 3, 2026).unwrap().to_string(),
        "2025-10-31"
    );
    assert!(ends("May 4, 2025", dec).is_empty());
}

#[test]
fn cells_with_placeholders_are_found_and_scales_are_read_from_titles() {
    let mut d = release();
    table_mut(&mut d).set_cell(0, 0, "[Q3 NET SALES]");
    let f: Vec<_> = check(&d, day(), Style::Edgar)
        .into_iter()
        .filter(|f| f.rule == "placeholder-left")
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].field, table_id(&d));
    assert_eq!(scale_of(&operations()), 3);
    let mut t = operations();
    t.title[2] = "(In millions of U.S. dollars)".into();
    assert_eq!(scale_of(&t), 6);
    t.title.clear();
    assert_eq!(scale_of(&t), 0);
    assert_eq!(grouped(Amount::new(-123456789, 2)), "-1,234,567.89");
}

/// The shipped earnings example with the statements its prose cites (figures invented to
/// agree with it): its sentences are the usual forms, and none may be misread.
#[test]
fn the_earnings_example_with_agreeing_tables_has_no_table_findings() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/earnings-embargoed.ron");
    let mut d = crate::core::draft_file::load(&path).unwrap();
    let mut t = Table::new(4);
    t.title = vec![
        "Northwind Instruments, Inc.".into(),
        "Condensed Consolidated Statements of Operations".into(),
        "(In thousands, except per share amounts)".into(),
    ];
    t.groups = vec![
        ColumnGroup::new("Three Months Ended December 31,", 0, 2),
        ColumnGroup::new("Year Ended December 31,", 2, 2),
    ];
    t.headings = vec!["2025".into(), "2024".into(), "2025".into(), "2024".into()];
    let sub = SumPart::Subtracted;
    t.push_row(Row::new(
        "Revenue",
        ["$84,215", "$75,902", "$318,540", "$292,210"],
    ));
    t.push_row(
        Row::new(
            "Cost of revenue",
            ["45,392", "42,280", "172,650", "163,400"],
        )
        .sum(sub),
    );
    t.push_row(
        Row::new("Gross profit", ["38,823", "33,622", "145,890", "128,810"])
            .kind(RowKind::Subtotal),
    );
    t.push_row(
        Row::new("Gross margin", ["46.1%", "44.3%", "45.8%", "44.1%"])
            .unit(Unit::Percent)
            .sum(SumPart::NotSummed),
    );
    t.push_row(
        Row::new(
            "Operating expenses",
            ["26,100", "24,300", "102,300", "95,600"],
        )
        .sum(sub),
    );
    t.push_row(
        Row::new("Operating income", ["12,723", "9,322", "43,590", "33,210"])
            .kind(RowKind::Subtotal),
    );
    t.push_row(Row::new("Income tax expense", ["2,905", "2,110", "10,480", "7,900"]).sum(sub));
    t.push_row(
        Row::new("Net income", ["$9,818", "$7,212", "$33,110", "$25,310"]).kind(RowKind::Total),
    );
    t.push_row(
        Row::new(
            "Diluted net income per share",
            ["$0.61", "$0.45", "$2.06", "$1.58"],
        )
        .unit(Unit::PerShare),
    );
    d.add_block(Block::Table(Box::new(t.clone())));
    let mut b = Table::new(2);
    b.title = vec![
        "Condensed Consolidated Balance Sheets".into(),
        "(In thousands)".into(),
    ];
    b.headings = vec!["December 31,\n2025".into(), "December 31,\n2024".into()];
    b.push_row(Row::new(
        "Cash and cash equivalents",
        ["$96,412", "$71,030"],
    ));
    d.add_block(Block::Table(Box::new(b)));
    let day = d.dateline.date.unwrap();
    let f: Vec<_> = check(&d, day, Style::Edgar)
        .into_iter()
        .filter(|f| NEW_RULES.contains(&f.rule))
        .collect();
    assert_eq!(f, vec![]);

    // And each figure is read: a wrong one in each sentence is found.
    for (from, to) in [
        ("$84.2 million, up 11%", "$84.2 million, up 13%"),
        ("compared with $75.9 million", "compared with $74.9 million"),
        ("Gross margin was 46.1%", "Gross margin was 46.6%"),
        ("up from 44.3%", "up from 43.3%"),
        ("or $0.45 per diluted share", "or $0.47 per diluted share"),
        ("revenue rose 9%", "revenue rose 7%"),
        (
            "net income was $33.1 million",
            "net income was $31.1 million",
        ),
    ] {
        let mut wrong = d.clone();
        crate::core::walk::each_text_mut(&mut wrong, |_, text| {
            if text.contains(from) {
                *text = text.replace(from, to);
            }
        });
        assert_ne!(wrong, d, "{from}");
        let f: Vec<_> = check(&wrong, day, Style::Edgar)
            .into_iter()
            .filter(|f| f.rule == "tie-out")
            .collect();
        assert_eq!(f.len(), 1, "{to}: {f:#?}");
    }
}

#[test]
fn the_fiscal_year_end_and_own_measures_are_optional_in_files() {
    use crate::core::draft::Company;
    let plain: Company = ron::from_str(r#"(name: "Larkspur Robotics, Inc.")"#).unwrap();
    assert_eq!(plain.fiscal_year_end, FiscalYearEnd { month: 12, day: 31 });
    assert!(plain.non_gaap_measures.is_empty());
    let written = ron::to_string(&plain).unwrap();
    assert!(
        !written.contains("fiscal_year_end") && !written.contains("non_gaap"),
        "{written}"
    );
    let june: Company = ron::from_str(
        r#"(fiscal_year_end: (month: 6, day: 30), non_gaap_measures: [(measure: "adjusted operating cash flow", gaap: "net cash provided by operating activities")])"#,
    )
    .unwrap();
    assert_eq!(june.fiscal_year_end, FiscalYearEnd { month: 6, day: 30 });
    assert_eq!(june.non_gaap_measures.len(), 1);
    let back: Company = ron::from_str(&ron::to_string(&june).unwrap()).unwrap();
    assert_eq!(back, june);
}

#[test]
fn a_figure_for_the_flow_between_the_columns_agrees() {
    // Research and development grew from 5,480 to 6,120 (in thousands): $0.6 million more.
    let mut d = release();
    d.add_block(Block::Paragraph(
        "The Company added $0.6 million of research and development spending.".into(),
    ));
    assert!(of(&d, "tie-out").is_empty(), "{:#?}", of(&d, "tie-out"));
    // Neither the figure nor the change: still reported.
    let mut d = release();
    d.add_block(Block::Paragraph(
        "The Company added $0.9 million of research and development spending.".into(),
    ));
    assert_eq!(of(&d, "tie-out").len(), 1, "{:#?}", of(&d, "tie-out"));
}

#[test]
fn a_figure_that_does_not_read_is_named_and_the_total_above_it_is_not_blamed() {
    let mut d = release();
    table_mut(&mut d).rows[0].cells[1] = "43,1150".into(); // Net sales, 2025: a slip
    assert!(super::figure_slip("43,1150"));
    let slips = of(&d, "table-figure-unreadable");
    assert_eq!(slips.len(), 1, "{:#?}", findings(&d, Style::Edgar));
    assert!(slips[0].message.contains("Net sales") && slips[0].message.contains("43,1150"));
    let footing = of(&d, "footing");
    assert!(
        footing.iter().all(|f| !f
            .message
            .contains("\"Gross profit\" (row 3) under \"2025\"")),
        "{footing:#?}"
    );
    // Text meant as text is not a slip.
    for text in [
        "n/m",
        "n/a",
        "*",
        "see note 3",
        "1,234",
        "(812)",
        "--",
        "12.5%",
    ] {
        assert!(!super::figure_slip(text), "{text}");
    }
}

#[test]
fn a_column_without_a_heading_among_headed_ones_is_said_once() {
    let mut d = release();
    let t = table_mut(&mut d);
    t.rows[0].cells.push("999".into());
    t.normalize(); // as loading a hand-edited file does: a fifth column, no heading
    let notes = of(&d, "table-empty-cell");
    assert_eq!(notes.len(), 1, "{notes:#?}");
    assert!(notes[0].message.contains("Column 5 has no heading"));
}
