use super::*;
use crate::core::draft::ContactsPlacement;
use crate::core::draft::{About, EndMark, SafeHarbor, SentenceSpacing, Wire};
use chrono::NaiveDate;

fn acme() -> Draft {
    let mut d = Draft::default();
    d.release.logo = Some("assets/logo.png".into());
    d.company.name = "Acme Widget Corporation".into();
    d.contacts = vec![Contact {
        organisation: "Acme Widget Corporation".into(),
        name: "Dana Reyes".into(),
        title: "Director of Investor Relations".into(),
        phone: "555-010-0199".into(),
        email: "ir@acmewidget.example".into(),
        ..Contact::default()
    }];
    d.headline = "Acme Widget Corporation Announces Consolidation of Its Eastern Plants".into();
    d.dateline.city = "Dayton".into();
    d.dateline.region = "OH".into();
    d.dateline.date = NaiveDate::from_ymd_opt(2026, 9, 14);
    d.set_body([
        Block::Paragraph("Acme Widget Corporation (Nasdaq: ACMW) today announced that it will consolidate its two eastern plants into one.".into()),
        Block::Quote(Quote {
            text: "This step lets us serve customers faster.".into(),
            speaker: "Lee Park".into(),
            title: "Chief Executive Officer".into(),
            verb: "commented".into(),
            attribution: Attribution::Before,
        }),
    ]);
    d.boilerplate = vec![About {
        text: "Acme Widget Corporation makes widgets.".into(),
        ..About::default()
    }];
    d.safe_harbor = SafeHarbor {
        heading: String::new(),
        text: "This release contains forward-looking statements.".into(),
        page_break_before: true,
    };
    d
}

fn lines(s: &str) -> Vec<&str> {
    s.lines().collect()
}

#[test]
fn edgar_opens_with_logo_title_timing_and_contact_block() {
    let out = render_as(&acme(), Style::Edgar).text;
    let l = lines(&out);
    assert_eq!(l[0], "[LOGO]");
    assert_eq!(l[1..3], ["", ""]);
    assert_eq!(l[3].trim(), "N E W S   R E L E A S E");
    assert!(
        l[3].starts_with("          "),
        "title is centred: {:?}",
        l[3]
    );
    assert_eq!(l[5], "For Immediate Release");
    assert_eq!(l[7], "Contact:  Acme Widget Corporation");
    assert_eq!(l[8], "          Dana Reyes, Director of Investor Relations");
    assert_eq!(l[9], "          Phone: 555-010-0199");
    assert_eq!(l[10], "          Email: ir@acmewidget.example");
}

#[test]
fn edgar_headline_is_capitals_centred_and_followed_by_two_blanks() {
    let out = render_as(&acme(), Style::Edgar).text;
    let l = lines(&out);
    assert_eq!(
        format!("{} {}", l[12].trim(), l[13].trim()),
        "ACME WIDGET CORPORATION ANNOUNCES CONSOLIDATION OF ITS EASTERN PLANTS"
    );
    // Balanced: neither line much longer than the other.
    assert!(
        l[12].trim().len().abs_diff(l[13].trim().len()) <= 8,
        "{:?}",
        &l[12..14]
    );
    for line in &l[12..14] {
        let indent = line.len() - line.trim_start().len();
        let right = 76 - line.len();
        assert!(indent.abs_diff(right) <= 1, "centred: {line:?}");
    }
    assert_eq!(l[14..16], ["", ""]);
    assert!(
        l[16].starts_with("       Dayton, OH, September 14, 2026 - - Acme Widget"),
        "{:?}",
        l[16]
    );
}

#[test]
fn edgar_quote_reads_as_a_paragraph_with_attribution_first() {
    let out = render_as(&acme(), Style::Edgar).text;
    assert!(out.contains("       Chief Executive Officer, Lee Park, commented, \"This step lets us\nserve customers faster.\"")
        || out.contains("       Chief Executive Officer, Lee Park, commented, \"This step lets us serve"), "{out}");
}

#[test]
fn edgar_about_heading_page_break_safe_harbor_and_end_mark() {
    let out = render_as(&acme(), Style::Edgar).text;
    let l = lines(&out);
    let about = l
        .iter()
        .position(|x| x.trim() == "ABOUT ACME WIDGET CORPORATION")
        .unwrap();
    assert!(l[about].starts_with("             "));
    let more = l.iter().position(|x| x.trim() == "-more-").unwrap();
    assert_eq!(l[more + 1], "<PAGE>");
    assert_eq!(l[more + 2], "");
    assert_eq!(
        l[more + 3],
        "This release contains forward-looking statements."
    );
    assert_eq!(l.last().unwrap().trim(), "###");
    assert!(out.ends_with("###\n"));
}

#[test]
fn newswire_uses_ap_dateline_block_paragraphs_and_no_page_tag() {
    let mut d = acme();
    d.dateline.wire = Wire::PrNewswire;
    let out = render_as(&d, Style::Newswire).text;
    assert!(
        out.contains("\nDAYTON, Ohio, Sept. 14, 2026 /PRNewswire/ -- Acme Widget"),
        "{out}"
    );
    assert!(out.contains("FOR IMMEDIATE RELEASE"));
    assert!(out.contains("Acme Widget Corporation Announces Consolidation of Its Eastern Plants"));
    assert!(!out.contains("<PAGE>"));
    assert!(
        out.contains("-more-"),
        "explicit break before the safe harbor shows"
    );
    assert!(out.contains("\nAbout Acme Widget Corporation\n"));
    assert!(!out.contains("N E W S"));
}

#[test]
fn newswire_keeps_unicode_and_edgar_transliterates() {
    let mut d = acme();
    d.headline = "Acme’s “Zürich” Plant — Now Open".into();
    assert!(
        render_as(&d, Style::Newswire)
            .text
            .contains("Acme’s “Zürich” Plant — Now Open")
    );
    let e = render_as(&d, Style::Edgar);
    assert!(
        e.text.contains("ACME'S \"ZURICH\" PLANT -- NOW OPEN"),
        "{}",
        e.text
    );
    assert!(e.unprintable.is_empty());
}

#[test]
fn edgar_reports_characters_without_ascii() {
    let mut d = acme();
    d.add_block(Block::Paragraph("Listed in 東京.".into()));
    let e = render_as(&d, Style::Edgar);
    assert!(e.text.is_ascii());
    assert_eq!(e.unprintable.len(), 2);
    assert_eq!(e.unprintable[0].field, FieldRef::Body(d.body[2].id));
    assert!(e.unprintable[0].describe(&d).contains("U+6771"));
}

#[test]
fn automatic_page_breaks_fall_between_paragraphs() {
    let mut d = acme();
    d.safe_harbor.page_break_before = false;
    d.export.page_length = 30;
    for i in 0..12 {
        d.add_block(Block::Paragraph(format!("Paragraph {i} says something long enough to need a second line when wrapped at seventy-six columns.")));
    }
    let out = render_as(&d, Style::Edgar).text;
    let l = lines(&out);
    let breaks: Vec<usize> = l
        .iter()
        .enumerate()
        .filter(|(_, x)| x.trim() == "-more-")
        .map(|(i, _)| i)
        .collect();
    assert!(breaks.len() >= 2, "{out}");
    assert!(breaks[0] < 30, "first page holds at most 30 lines");
    for b in breaks {
        assert_eq!(l[b - 1], "", "a blank line precedes -more-");
        assert_eq!(l[b + 1], "<PAGE>");
    }
}

#[test]
fn explicit_page_breaks_do_not_double_up() {
    let mut d = acme();
    d.safe_harbor.page_break_before = false;
    d.add_block(Block::PageBreak);
    d.add_block(Block::PageBreak);
    let out = render_as(&d, Style::Edgar).text;
    assert_eq!(out.matches("<PAGE>").count(), 1, "{out}");
    // A break with nothing before it makes no empty page.
    let mut bare = Draft::default();
    bare.set_body([Block::PageBreak, Block::Paragraph("x".into())]);
    bare.release.title.clear();
    let out = render_as(&bare, Style::Newswire).text;
    assert_eq!(out.matches("-more-").count(), 1, "{out}");
}

#[test]
fn contacts_at_the_end_with_roles_share_a_hanging_indent() {
    let mut d = acme();
    d.contacts.push(Contact {
        role: "Media Contact".into(),
        name: "Sam Ode".into(),
        phone: "555-010-0100".into(),
        ..Contact::default()
    });
    d.contacts[0].role = "Investor Contact".into();
    d.contacts_placement = ContactsPlacement::EndAfterMark;
    d.end_mark = EndMark::Thirty;
    let out = render_as(&d, Style::Edgar).text;
    let l = lines(&out);
    let mark = l.iter().position(|x| x.trim() == "-30-").unwrap();
    assert!(l[mark + 2].starts_with("Investor Contact:  Acme"), "{out}");
    assert!(out.contains("\nMedia Contact:     Sam Ode\n"), "{out}");
    assert!(out.contains("\n                   Phone: 555-010-0100"));
}

#[test]
fn quote_after_attribution_moves_the_full_stop() {
    let q = Quote {
        text: "We are pleased.\n\nMore to come.".into(),
        speaker: "Lee Park".into(),
        title: "CEO".into(),
        ..Quote::default()
    };
    assert_eq!(
        quote_paragraphs(&q),
        vec![
            "\"We are pleased,\" said Lee Park, CEO.",
            "\"More to come.\""
        ]
    );
}

#[test]
fn embargo_and_release_on_timing_lines() {
    let date = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let t = Timing::Embargoed {
        date,
        time: NaiveTime::from_hms_opt(16, 5, 0).unwrap(),
        zone: Some(chrono_tz::America::New_York),
    };
    assert_eq!(
        timing_line(&t, false),
        "Embargoed Until 4:05 p.m. EST, March 2, 2026"
    );
    assert_eq!(
        timing_line(&Timing::ReleaseOn(date), true),
        "FOR RELEASE ON MARCH 2, 2026"
    );
}

#[test]
fn sentence_spacing_setting_reaches_the_export() {
    let mut d = acme();
    d.set_body([Block::Paragraph("One. Two. Three.".into())]);
    d.dateline = Default::default();
    d.export.sentence_spacing = SentenceSpacing::Two;
    assert!(
        render_as(&d, Style::Edgar)
            .text
            .contains("One.  Two.  Three.")
    );
}

#[test]
fn an_empty_draft_renders_without_panicking() {
    let out = render_as(&Draft::default(), Style::Edgar).text;
    assert!(out.contains("For Immediate Release"));
    assert!(out.trim_end().ends_with("###"));
    render_as(&Draft::default(), Style::Newswire);
}

#[test]
fn the_render_says_where_each_field_begins() {
    let d = acme();
    for style in Style::ALL {
        let r = render_as(&d, style);
        let lines: Vec<&str> = r.text.lines().collect();
        let at = |f: FieldRef| lines[r.first_line_of(f).unwrap_or_else(|| panic!("{f:?}"))];
        assert!(
            at(FieldRef::Headline)
                .to_uppercase()
                .contains("ACME WIDGET"),
            "{style:?}"
        );
        let first = at(FieldRef::Body(d.body[0].id)).to_uppercase();
        assert!(first.contains("DAYTON"), "{style:?}: the dateline leads");
        assert!(
            at(FieldRef::Body(d.body[1].id)).contains("Lee Park"),
            "{style:?}: the quote"
        );
        // Newswire puts the "Contact:" label on a line of its own.
        let contact = r
            .first_line_of(FieldRef::Contact(d.contacts[0].id))
            .expect("contact");
        assert!(
            lines[contact..contact + 2]
                .join(" ")
                .contains("Acme Widget"),
            "{style:?}"
        );
        assert_eq!(
            r.first_line_of(FieldRef::Body(crate::core::draft::ItemId(999))),
            None
        );
        let starts: Vec<usize> = r.fields.iter().map(|(_, l)| *l).collect();
        assert!(
            starts.windows(2).all(|w| w[0] <= w[1]),
            "in order: {:?}",
            r.fields
        );
    }
}

#[test]
fn the_end_mark_never_stands_alone_on_a_page() {
    // Fill the first page so that the end mark alone would go over it.
    for page_length in 20..40 {
        let mut d = acme();
        d.export.page_length = page_length;
        d.safe_harbor = SafeHarbor::default();
        d.boilerplate.clear();
        for i in 0..3 {
            d.add_block(Block::Paragraph(format!("Paragraph {i} is long enough to need a second line when it is wrapped at seventy-six columns.")));
        }
        let out = render_as(&d, Style::Edgar).text;
        let pages: Vec<&str> = out.split("<PAGE>").collect();
        let last = pages.last().unwrap().trim();
        assert_ne!(last, "###", "page length {page_length}:\n{out}");
    }
}

#[test]
fn each_page_break_says_why_it_is_there() {
    let mut d = acme();
    d.export.page_length = 20;
    let id = d.add_block(Block::PageBreak);
    d.add_block(Block::Paragraph("After the break.".into()));
    let r = render_as(&d, Style::Edgar);
    let lines: Vec<&str> = r.text.lines().collect();
    assert!(!r.page_breaks.is_empty());
    for (line, _) in &r.page_breaks {
        assert_eq!(lines[*line].trim(), "-more-");
    }
    let causes: Vec<BreakCause> = r.page_breaks.iter().map(|(_, c)| *c).collect();
    assert!(causes.contains(&BreakCause::PageLength(20)), "{causes:?}");
    assert!(
        causes.contains(&BreakCause::Explicit(FieldRef::Body(id))),
        "{causes:?}"
    );
    assert!(
        BreakCause::PageLength(20)
            .explain(&d)
            .contains("Page length")
    );
    assert!(
        BreakCause::Explicit(FieldRef::Body(id))
            .explain(&d)
            .contains("body block")
    );
}

// ---- Tables -------------------------------------------------------------------------

fn with_table(rows: usize) -> Draft {
    let mut d = acme();
    let mut t = crate::core::table::layout::tests::operations();
    while t.rows.len() < rows {
        let n = t.rows.len();
        t.push_row(crate::core::table::Row::new(
            format!("Line item {n}"),
            ["1,000", "900"],
        ));
    }
    d.add_block(Block::Table(Box::new(t)));
    d.add_block(Block::Paragraph("After the table.".into()));
    d
}

#[test]
fn edgar_prints_a_tagged_table_within_132_columns_and_prose_within_the_width() {
    let d = with_table(0);
    let r = render_as(&d, Style::Edgar);
    assert_eq!(r.tables.len(), 1, "{}", r.text);
    let all = lines(&r.text);
    let (field, range) = r.tables[0].clone();
    assert_eq!(field, FieldRef::Body(d.body[2].id));
    let table: Vec<&str> = all[range.clone()].to_vec();
    assert!(table.iter().any(|l| l.trim() == "<TABLE>"), "{table:#?}");
    assert!(table.iter().any(|l| l.trim() == "</TABLE>"));
    assert!(
        table
            .iter()
            .any(|l| l.contains("Net income") && l.contains('$'))
    );
    let width = effective_width(&d, Style::Edgar);
    for (i, l) in all.iter().enumerate() {
        let limit = if range.contains(&i) { 132 } else { width };
        assert!(text::width(l) <= limit, "line {i} too wide: {l:?}");
    }
    // The paragraph after the table follows it with one blank line.
    let after = all
        .iter()
        .position(|l| l.contains("After the table."))
        .unwrap();
    assert_eq!(after, range.end + 1, "{}", r.text);
}

#[test]
fn newswire_prints_the_table_untagged_in_unicode() {
    let d = with_table(0);
    let r = render_as(&d, Style::Newswire);
    assert_eq!(r.tables.len(), 1);
    assert!(!r.text.contains("<TABLE>"));
    // Restructuring's nil in the prior year: an em dash in Unicode, `--` in EDGAR.
    let line = |r: &Rendered| {
        lines(&r.text)
            .into_iter()
            .find(|l| l.trim_start().starts_with("Restructuring"))
            .unwrap()
            .to_string()
    };
    assert!(line(&r).contains('\u{2014}'), "{}", line(&r));
    assert!(line(&render_as(&d, Style::Edgar)).ends_with("--"));
}

#[test]
fn a_table_that_fits_a_page_moves_whole_to_the_next() {
    let mut d = with_table(0);
    let whole = render_as(&d, Style::Edgar);
    let table_lines = whole.tables[0].1.len();
    // A page that holds the table, but not after what comes before it.
    let before = whole.tables[0].1.start;
    d.export.page_length = table_lines + 8;
    assert!(before + table_lines + 2 > d.export.page_length);
    let r = render_as(&d, Style::Edgar);
    assert_eq!(r.tables.len(), 1, "not split: {}", r.text);
    let start = r.tables[0].1.start;
    let mark = r
        .page_breaks
        .iter()
        .rev()
        .find(|(l, _)| *l < start)
        .unwrap()
        .0;
    let all = lines(&r.text);
    assert!(all[mark..start].iter().all(|l| !l.contains("Revenue")));
    assert_eq!(r.tables[0].1.len(), table_lines);
}

#[test]
fn a_table_longer_than_a_page_splits_at_a_row_and_repeats_its_headings() {
    let mut d = with_table(60);
    d.export.page_length = 40;
    let r = render_as(&d, Style::Edgar);
    assert!(r.tables.len() >= 2, "{}", r.text);
    let all = lines(&r.text);
    let rows = |range: &Range<usize>| {
        all[range.clone()]
            .iter()
            .filter(|l| l.contains("Line item"))
            .count()
    };
    let mut total = 0;
    for (_, range) in &r.tables {
        let part = &all[range.clone()];
        // Each part is a whole tagged table with the column headings again.
        assert_eq!(part.iter().filter(|l| l.trim() == "<TABLE>").count(), 1);
        assert_eq!(part.iter().filter(|l| l.trim() == "</TABLE>").count(), 1);
        assert!(
            part.iter()
                .any(|l| l.contains("2026") && l.contains("2025"))
        );
        total += rows(range);
    }
    assert_eq!(total, 60 - d_rows_before_fill(), "every row once");
    // No page is longer than the page length.
    let mut page = 0;
    for l in &all {
        if l.trim() == "<PAGE>" {
            page = 0;
        }
        page += 1;
        assert!(page <= 40, "a page runs over:\n{}", r.text);
    }
}

/// Rows in `operations()` before `with_table` fills it up with line items.
fn d_rows_before_fill() -> usize {
    crate::core::table::layout::tests::operations().rows.len()
}

#[test]
fn a_table_too_wide_for_edgar_is_not_printed_and_is_reported() {
    let mut d = acme();
    let mut t = crate::core::table::Table::new(14);
    t.headings = (0..14).map(|i| format!("Heading {i} long")).collect();
    t.push_row(crate::core::table::Row::new(
        "Revenue",
        (0..14)
            .map(|i| format!("{},234,567", i + 1))
            .collect::<Vec<_>>(),
    ));
    let id = d.add_block(Block::Table(Box::new(t)));
    let r = render_as(&d, Style::Edgar);
    assert_eq!(r.too_wide.len(), 1);
    assert_eq!(r.too_wide[0].0, FieldRef::Body(id));
    assert!(r.text.contains("[TABLE NOT PRINTED"), "{}", r.text);
    assert!(lines(&r.text).iter().all(|l| text::width(l) <= 80));
    // Newswire prints it at its natural width.
    let n = render_as(&d, Style::Newswire);
    assert!(n.too_wide.is_empty() && n.tables.len() == 1);
}

#[test]
fn the_preview_cache_gives_the_same_table_text() {
    let d = with_table(0);
    let mut cache = RenderCache::default();
    let a = render_cached(&d, Style::Edgar, &mut cache);
    let b = render_cached(&d, Style::Edgar, &mut cache);
    assert_eq!(a, b);
    assert_eq!(a, render_as(&d, Style::Edgar));
}

#[test]
fn a_letterhead_line_too_long_for_the_page_is_broken_and_each_piece_centred() {
    let mut d = acme();
    let long =
        "MIDLAND TOOL & DIE CORPORATION OF NORTHERN ILLINOIS, A SUBSIDIARY OF MIDWEST HOLDINGS";
    d.release.letterhead = format!("{long}\n2200 Industrial Parkway");
    let out = render(&d).text;
    let head: Vec<&str> = lines(&out)
        .into_iter()
        .take_while(|l| !l.contains("N E W S"))
        .filter(|l| !l.trim().is_empty() && !l.contains("[LOGO"))
        .collect();
    assert_eq!(head.len(), 3, "{head:?}");
    for l in &head {
        assert!(l.len() <= d.export.width, "{l:?} is wider than the page");
        let left = l.len() - l.trim_start().len();
        assert!(left > 0, "centred: {l:?}");
    }
    assert_eq!(
        head.iter()
            .map(|l| l.trim())
            .collect::<Vec<_>>()
            .join(" ")
            .replace("  ", " "),
        format!("{long} 2200 Industrial Parkway")
    );
}
