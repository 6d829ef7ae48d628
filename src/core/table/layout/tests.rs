use super::*;
use crate::core::table::model::{ColumnGroup, Negatives, Row, SumPart};

pub(crate) fn operations() -> Table {
    let mut t = Table::new(2);
    t.title = vec![
        "Acme Widgets, Inc.".into(),
        "Condensed Consolidated Statements of Operations".into(),
        "(In thousands, except per share amounts)".into(),
        "(Unaudited)".into(),
    ];
    t.groups = vec![ColumnGroup::new("Three Months Ended\nSeptember 30,", 0, 2)];
    t.headings = vec!["2026".into(), "2025".into()];
    t.push_row(Row::new("Revenue", ["12,345", "11,020"]));
    t.push_row(Row::new("Cost of revenue", ["7,345", "6,920"]).sum(SumPart::Subtracted));
    t.push_row(Row::new("Gross profit", ["5,000", "4,100"]).kind(RowKind::Subtotal));
    t.push_row(Row::heading("Operating expenses:"));
    t.push_row(
        Row::new("Research and development", ["1,200", "1,100"])
            .indent(1)
            .sum(SumPart::Subtracted),
    );
    t.push_row(
        Row::new("Selling, general and administrative", ["2,300", "2,050"])
            .indent(1)
            .sum(SumPart::Subtracted),
    );
    t.push_row(
        Row::new("Restructuring", ["812", "--"])
            .indent(1)
            .sum(SumPart::Subtracted),
    );
    t.push_row(
        Row::new("Total operating expenses", ["4,312", "3,150"])
            .indent(2)
            .kind(RowKind::Subtotal)
            .sum(SumPart::Subtracted),
    );
    t.push_row(Row::new("Operating income", ["688", "950"]).kind(RowKind::Subtotal));
    t.push_row(Row::new("Other income (expense), net", ["(45)", "12"]));
    t.push_row(Row::new("Income before income taxes", ["643", "962"]).kind(RowKind::Subtotal));
    t.push_row(Row::new("Provision for income taxes", ["143", "212"]).sum(SumPart::Subtracted));
    t.push_row(Row::new("Net income", ["500", "750"]).kind(RowKind::Total));
    t.push_row(Row::blank());
    t.push_row(Row::heading("Net income per share:"));
    t.push_row(
        Row::new("Basic", ["0.05", "0.08"])
            .indent(1)
            .unit(Unit::PerShare),
    );
    t.push_row(
        Row::new("Diluted", ["0.05", "(0.07)"])
            .indent(1)
            .unit(Unit::PerShare),
    );
    t.push_row(
        Row::new("Weighted average shares outstanding", ["10,000", "9,870"]).unit(Unit::Shares),
    );
    t.push_row(
        Row::new("Gross margin", ["40.5%", "(3.1)%"])
            .unit(Unit::Percent)
            .sum(SumPart::NotSummed),
    );
    t.footnotes = vec!["(1) Restructuring charges relate to the closure of the blood management programs announced in September.".into()];
    t
}

fn edgar(t: &Table) -> TableText {
    layout(t, Style::Edgar, 80).unwrap()
}

/// The line whose label (trimmed) starts with `label`.
fn line<'a>(out: &'a TableText, label: &str) -> &'a str {
    out.lines
        .iter()
        .find(|l| l.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("no line for {label:?}"))
}

/// Display column just after the end of `needle` in `line`.
fn end_of(line: &str, needle: &str) -> usize {
    let at = line
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {line:?}"));
    text::width(&line[..at + needle.len()])
}

#[test]
fn tagged_table_has_caption_markers_and_title() {
    let out = edgar(&operations());
    let l = &out.lines;
    assert_eq!(l[0].trim(), "Acme Widgets, Inc.");
    assert_eq!(l[4], "<TABLE>");
    assert_eq!(l[5], "<CAPTION>");
    assert_eq!(l[6].trim(), "Three Months Ended");
    assert_eq!(l[7].trim(), "September 30,");
    assert!(
        l[8].trim().chars().all(|c| c == '-'),
        "rule under the group: {}",
        l[8]
    );
    assert_eq!(
        l[9].split_whitespace().collect::<Vec<_>>(),
        ["2026", "2025"]
    );
    assert!(l[10].starts_with("<S>"));
    assert_eq!(out.heading_lines, 11);
    assert_eq!(out.row_lines[0], 11);
    assert!(l[11].starts_with("Revenue"));
    // <C> marks where each value column begins: the `$` of the first row stands there.
    let c: Vec<usize> = l[10].match_indices("<C>").map(|(i, _)| i).collect();
    assert_eq!(c.len(), 2);
    assert_eq!(l[11].find('$'), Some(c[0]));
    assert_eq!(l[11].rfind('$'), Some(c[1]));
    let close = l.iter().position(|x| x == "</TABLE>").unwrap();
    assert_eq!(l[close + 1], "");
    assert!(l[close + 2].starts_with("(1) Restructuring"));
    assert!(
        l[close + 3].starts_with("    announced"),
        "footnote hangs: {}",
        l[close + 3]
    );
    assert_eq!(out.footer_lines, 4);
    // Titles are centred over the table.
    let tw = l[11..close].iter().map(|x| x.len()).max().unwrap();
    let t = &l[1];
    let pad = t.len() - t.trim_start().len();
    assert_eq!(pad, (tw - t.trim().len()) / 2);
    assert!(l.iter().all(|x| x.is_ascii()));
}

#[test]
fn numbers_align_on_the_decimal_point_and_parentheses_hang() {
    let out = edgar(&operations());
    let digits = end_of(line(&out, "Revenue"), "12,345");
    assert_eq!(end_of(line(&out, "Other income"), "(45"), digits);
    assert_eq!(end_of(line(&out, "Net income  "), "500"), digits);
    assert_eq!(end_of(line(&out, "Basic"), "$      0"), digits);
    assert_eq!(end_of(line(&out, "Diluted"), "0.05") - 3, digits);
    assert_eq!(end_of(line(&out, "Gross margin"), "40"), digits);
    // Second column: `(0.07)` hangs its `)` after the decimals.
    let second = end_of(line(&out, "Revenue"), "11,020");
    assert_eq!(end_of(line(&out, "Diluted"), "(0"), second);
    assert_eq!(end_of(line(&out, "Diluted"), "(0.07)"), second + 4);
    assert_eq!(end_of(line(&out, "Gross margin"), "(3.1)%"), second + 4);
    // Nil prints as a dash where the digits end.
    assert_eq!(end_of(line(&out, "Restructuring"), "--"), second);
}

#[test]
fn dollar_signs_follow_the_printers_rule() {
    let t = operations();
    let d = dollar_signs(&t);
    let label = |i: usize| t.rows[i].label.as_str();
    let with: Vec<&str> = (0..t.rows.len()).filter(|&i| d[i][0]).map(label).collect();
    // First row, the total, and the first row with numbers after the total; not the
    // subtotals between, never shares or percentages.
    assert_eq!(with, ["Revenue", "Net income", "Basic"]);
    assert_eq!(d.iter().map(|r| r[1]).filter(|x| *x).count(), 3);
    let out = edgar(&t);
    for (row, dollar) in [
        ("Revenue", true),
        ("Cost of revenue", false),
        ("Gross profit", false),
        ("Operating income", false),
        ("Net income  ", true),
        ("Basic", true),
        ("Diluted", false),
        ("Weighted", false),
        ("Gross margin", false),
    ] {
        assert_eq!(
            line(&out, row).matches('$').count(),
            if dollar { 2 } else { 0 },
            "{row}"
        );
    }
    // A share count right after a total does not take the `$`; the next currency row does.
    let mut t2 = Table::new(1);
    t2.push_row(Row::new("Net income", ["5"]).kind(RowKind::Total));
    t2.push_row(Row::new("Shares", ["100"]).unit(Unit::Shares));
    t2.push_row(Row::new("Percent", ["5%"]).unit(Unit::Percent));
    t2.push_row(Row::new("Per share", ["0.05"]).unit(Unit::PerShare));
    t2.push_row(Row::new("Other", ["7"]));
    assert_eq!(
        dollar_signs(&t2),
        vec![
            vec![true],
            vec![false],
            vec![false],
            vec![true],
            vec![false]
        ]
    );
    let mut off = operations();
    off.options.dollar_signs = false;
    assert!(dollar_signs(&off).iter().flatten().all(|x| !x));
    assert!(!edgar(&off).lines.iter().any(|l| l.contains('$')));
}

#[test]
fn subtotals_get_a_rule_and_totals_a_double_rule() {
    let out = edgar(&operations());
    let l = &out.lines;
    let at = |label: &str| {
        l.iter()
            .position(|x| x.trim_start().starts_with(label))
            .unwrap()
    };
    let gp = at("Gross profit");
    let cols: Vec<usize> = l[10].match_indices("<C>").map(|(i, _)| i).collect();
    for i in [gp - 1, at("Net income  ") - 1] {
        assert_eq!(l[i].split_whitespace().count(), 2, "{}", l[i]);
        assert!(l[i].trim().chars().all(|c| c == '-' || c == ' '));
        assert_eq!(l[i].find('-'), Some(cols[0]));
    }
    let below = &l[at("Net income  ") + 1];
    assert!(below.trim().chars().all(|c| c == '=' || c == ' ') && below.contains("=="));
    assert_eq!(below.find('='), Some(cols[0]));
    // An ordinary row has no rule above it.
    assert!(!l[at("Cost of revenue") - 1].contains("--"));
    // A rule only over the cells a subtotal has.
    let mut t = Table::new(2);
    t.push_row(Row::new("a", ["1", "2"]));
    t.push_row(Row::new("b", ["1", ""]).kind(RowKind::Subtotal));
    let out = edgar(&t);
    let rule = &out.lines[out.row_lines[1]];
    assert_eq!(rule.split_whitespace().count(), 1, "{rule}");
}

fn wide(columns: usize, cell: &str, label: &str) -> Table {
    let mut t = Table::new(columns);
    t.headings = (0..columns).map(|i| format!("Q{i}")).collect();
    t.push_row(Row::new(label, vec![cell; columns]));
    t.push_row(Row::new("Short", vec![cell; columns]).indent(1));
    t.push_row(Row::new(label, vec![cell; columns]).kind(RowKind::Total));
    t
}

#[test]
fn wide_tables_wrap_labels_to_fit_132_columns() {
    let label = "Net increase (decrease) in cash, cash equivalents and restricted cash held by consolidated variable interest entities";
    let t = wide(6, "(1,234,567.89)", label);
    let natural = layout(&t, Style::Newswire, 80).unwrap();
    assert!(
        natural.width > EDGAR_TABLE_WIDTH,
        "the test needs a table too wide unwrapped"
    );
    let out = edgar(&t);
    assert!(out.lines.iter().all(|l| l.len() <= EDGAR_TABLE_WIDTH));
    assert_eq!(out.width, EDGAR_TABLE_WIDTH);
    let first = out.row_lines[0];
    assert!(out.lines[first].starts_with("Net increase"));
    assert!(
        !out.lines[first].contains("1,234"),
        "numbers stand on the last line"
    );
    let cont = &out.lines[first + 1];
    assert!(
        cont.starts_with("   ") && !cont.starts_with("    "),
        "continuation +3: {cont:?}"
    );
    let words: Vec<&str> = out.lines[first..out.row_lines[1]]
        .iter()
        .flat_map(|l| l.split_whitespace())
        .filter(|w| !w.contains("1,234") && *w != "$")
        .collect();
    assert_eq!(words.join(" "), label);
    assert!(out.lines[out.row_lines[1] - 1].contains("(1,234,567.89)"));
    // Newswire keeps its natural width and says it is wider than the prose.
    assert!(natural.wider_than_prose && natural.lines.iter().any(|l| l.starts_with(label)));
}

#[test]
fn a_table_that_cannot_fit_is_refused_with_the_width_needed() {
    let t = wide(9, "(1,234,567.89)", "Revenue from contracts");
    let err = layout(&t, Style::Edgar, 80).unwrap_err();
    assert_eq!(err.limit, 132);
    // Narrowest label column: "contracts" on a continuation line (3 + 9), then 9 columns
    // of 16 (`$ ` and `(1,234,567.89)`) and their gaps.
    assert_eq!(err.needed, 12 + 2 + 9 * 16 + 8 * 2);
    assert!(err.to_string().contains("132"));
    // Newswire prints it anyway.
    assert!(layout(&t, Style::Newswire, 80).is_ok());
}

#[test]
fn edgar_is_ascii_and_reports_what_has_no_ascii_form() {
    let mut t = Table::new(1);
    t.title = vec!["Société Générale — Résultats".into()];
    t.push_row(Row::new("Café sales", ["1"]));
    t.push_row(Row::new("東京 office", ["2"]));
    let out = edgar(&t);
    assert!(out.lines.iter().all(|l| l.is_ascii()));
    assert!(out.lines[0].contains("Societe Generale -- Resultats"));
    assert_eq!(out.unprintable, vec!['東', '京']);
    let news = layout(&t, Style::Newswire, 80).unwrap();
    assert!(news.unprintable.is_empty());
    assert!(news.lines.iter().any(|l| l.contains("東京 office")));
}

#[test]
fn newswire_has_no_tags_and_prints_unicode_dash_and_minus() {
    let mut t = operations();
    let out = layout(&t, Style::Newswire, 80).unwrap();
    assert!(!out.lines.iter().any(|l| l.contains('<')));
    assert_eq!(out.heading_lines, 8);
    assert!(line(&out, "Restructuring").ends_with('\u{2014}'));
    assert!(line(&out, "Other income").contains("(45)"));
    t.options.negatives = Negatives::Minus;
    let out = layout(&t, Style::Newswire, 80).unwrap();
    assert!(line(&out, "Other income").contains("\u{2212}45"));
    let out = edgar(&t);
    assert!(line(&out, "Other income").contains(" -45"));
    assert!(line(&out, "Diluted").contains("-0.07"));
}

#[test]
fn wide_characters_count_two_columns() {
    let mut t = Table::new(1);
    t.push_row(Row::new("株式会社", ["1,000"]));
    t.push_row(Row::new("Abc", ["2"]));
    let out = layout(&t, Style::Newswire, 80).unwrap();
    let a = text::width(&out.lines[0]);
    let b = text::width(&out.lines[1]);
    assert_eq!(a, b, "{:?}", out.lines);
    assert_eq!(out.lines[0].chars().count() + 4, a);
}

#[test]
fn leader_dots_run_from_label_towards_the_numbers() {
    let mut t = operations();
    t.options.leader_dots = true;
    let out = edgar(&t);
    let rev = line(&out, "Revenue");
    assert!(rev.starts_with("Revenue ....."), "{rev}");
    assert!(rev.contains(".  $"), "two spaces before the column: {rev}");
    let longest = line(&out, "Selling, general and administrative");
    assert!(longest.contains("administrative .."), "{longest}");
    assert!(!line(&out, "Operating expenses:").contains(".."));
}

#[test]
fn slices_of_rows_repeat_the_headings_with_the_same_columns() {
    let t = operations();
    let full = edgar(&t);
    let part = layout_rows(&t, Style::Edgar, 80, 5..9).unwrap();
    assert_eq!(
        part.lines[..part.heading_lines],
        full.lines[..full.heading_lines]
    );
    let body = &full.lines[full.row_lines[5]..full.row_lines[9]];
    assert_eq!(&part.lines[part.heading_lines..part.lines.len() - 1], body);
    assert_eq!(part.lines.last().unwrap(), "</TABLE>");
    assert_eq!(part.row_lines.len(), 4);
    assert_eq!(part.footer_lines, 1, "footnotes go with the last part only");
}
