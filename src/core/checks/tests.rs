use super::*;
use crate::core::draft::{About, Contact, Quote, Subheadline};
use chrono::NaiveDate;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

/// A complete release that no rule should complain about.
fn clean() -> Draft {
    let mut d = Draft::default();
    d.company.name = "Acme Widget Corporation".into();
    d.company.ticker = "ACMW".into();
    d.company.exchange = "Nasdaq".into();
    d.contacts = vec![Contact {
        organisation: "Acme Widget Corporation".into(),
        name: "Dana Reyes".into(),
        phone: "+1 (555) 010-0199 ext. 12".into(),
        email: "ir@acme.example".into(),
        ..Contact::default()
    }];
    d.headline = "Acme Widget Opens Dayton Plant".into();
    d.dateline.city = "Dayton".into();
    d.dateline.region = "OH".into();
    d.dateline.date = Some(today());
    d.set_body([
        Block::Paragraph("Acme Widget Corporation (Nasdaq: ACMW) today opened its Dayton plant. It employs 300 people.".into()),
        Block::Quote(Quote {
            text: "Dayton is home.".into(),
            speaker: "Lee Park".into(),
            ..Quote::default()
        }),
    ]);
    d.boilerplate = vec![About {
        text: "Acme Widget Corporation makes widgets.".into(),
        ..About::default()
    }];
    d
}

fn rules(d: &Draft) -> Vec<&'static str> {
    check(d, today(), Style::Edgar)
        .into_iter()
        .map(|f| f.rule)
        .collect()
}

fn fires(d: &Draft, rule: &str) -> bool {
    rules(d).contains(&rule)
}

#[test]
fn a_clean_release_has_no_findings() {
    assert_eq!(check(&clean(), today(), Style::Edgar), vec![]);
}

#[test]
fn forward_looking_words_need_a_safe_harbor() {
    let mut d = clean();
    d.add_block(Block::Paragraph(
        "Sales rose. The Company expects growth in 2027.".into(),
    ));
    let f = check(&d, today(), Style::Edgar);
    let hit = f
        .iter()
        .find(|f| f.rule == "forward-looking-without-safe-harbor")
        .unwrap();
    assert_eq!(hit.severity, Severity::Error);
    assert_eq!(hit.field, FieldRef::Body(d.body[2].id));
    assert_eq!(
        hit.excerpt.as_deref(),
        Some("The Company expects growth in 2027.")
    );
    d.safe_harbor.text = crate::core::safe_harbor::standard_text("Acme", 2026);
    assert!(!fires(&d, "forward-looking-without-safe-harbor"));
    assert!(!fires(&d, "safe-harbor-unneeded"));
}

#[test]
fn forward_looking_in_quotes_and_subheadline_count_but_may_the_month_does_not() {
    let mut d = clean();
    d.body[1].block = Block::Quote(Quote {
        text: "We will grow.".into(),
        speaker: "Lee".into(),
        ..Quote::default()
    });
    assert!(fires(&d, "forward-looking-without-safe-harbor"));
    let mut d = clean();
    d.subheadline = Subheadline::Text("Outlook raised".into());
    assert!(fires(&d, "forward-looking-without-safe-harbor"));
    let mut d = clean();
    d.add_block(Block::Paragraph("The plant opened on May 4, 2025.".into()));
    assert!(!fires(&d, "forward-looking-without-safe-harbor"));
}

#[test]
fn a_safe_harbor_with_nothing_forward_looking_is_a_note() {
    let mut d = clean();
    d.safe_harbor.text = crate::core::safe_harbor::standard_text("Acme", 2026);
    let f = check(&d, today(), Style::Edgar);
    assert_eq!(
        f.iter().map(|f| (f.rule, f.severity)).collect::<Vec<_>>(),
        vec![("safe-harbor-unneeded", Severity::Note)]
    );
}

#[test]
fn an_incomplete_safe_harbor_is_warned_about() {
    let mut d = clean();
    d.safe_harbor.text = "This release contains forward-looking statements.".into();
    let r = rules(&d);
    assert!(r.contains(&"safe-harbor-no-risks"));
    assert!(r.contains(&"safe-harbor-no-filings"));
    assert!(r.contains(&"safe-harbor-no-update-disclaimer"));
    d.safe_harbor.text = crate::core::safe_harbor::standard_text("Acme", 2026);
    let r = rules(&d);
    assert!(!r.iter().any(|r| r.starts_with("safe-harbor-no")));
    d.safe_harbor
        .text
        .push_str(" Neither company undertakes any obligation to update them.");
    d.safe_harbor.text = d
        .safe_harbor
        .text
        .replace("undertakes no obligation", "will update");
    assert!(
        !fires(&d, "safe-harbor-no-update-disclaimer"),
        "a negated obligation counts"
    );
    d.safe_harbor.text = d
        .safe_harbor
        .text
        .replace("Neither company undertakes any", "The company accepts the");
    assert!(fires(&d, "safe-harbor-no-update-disclaimer"));
}

#[test]
fn non_gaap_measures_need_a_reconciliation() {
    let mut d = clean();
    d.add_block(Block::Paragraph("Adjusted EBITDA was $4 million.".into()));
    assert!(fires(&d, "non-gaap-without-reconciliation"));
    d.add_block(Block::Paragraph("A reconciliation of adjusted EBITDA to net income, the most directly comparable GAAP measure, appears below.".into()));
    assert!(!fires(&d, "non-gaap-without-reconciliation"));
    let mut d = clean();
    d.add_block(Block::Paragraph(
        "Cash flow was strong; the FREE-standing unit grew.".into(),
    ));
    assert!(!fires(&d, "non-gaap-without-reconciliation"));
}

#[test]
fn headline_rules() {
    let mut d = clean();
    d.headline = String::new();
    assert!(fires(&d, "headline-empty"));
    d.headline = "A".repeat(121);
    assert!(fires(&d, "headline-too-long"));
    assert!(!fires(&d, "headline-long"));
    d.headline = format!("{} b", "Word ".repeat(15));
    assert!(fires(&d, "headline-long"));
    d.headline = "ACME OPENS PLANT".into();
    assert!(fires(&d, "headline-all-caps"));
    d.headline = "Acme opens plant.".into();
    assert!(fires(&d, "headline-full-stop"));
    assert!(!fires(&d, "headline-all-caps"));
}

#[test]
fn contact_rules_flag_the_reference_web_address_in_the_email_line() {
    let mut d = clean();
    d.contacts = vec![Contact {
        organisation: "HemaCare Corporation".into(),
        name: "JoAnn Mannise".into(),
        phone: "877-310-0717".into(),
        email: "www.hemacare.com".into(),
        ..Contact::default()
    }];
    let f = check(&d, today(), Style::Edgar);
    let bad = f.iter().find(|f| f.rule == "contact-bad-email").unwrap();
    assert_eq!(bad.severity, Severity::Error);
    assert!(bad.message.contains("www.hemacare.com"));
    assert!(
        !fires(&d, "contact-bad-phone"),
        "877-310-0717 is a phone number"
    );
    d.contacts[0].phone = "call us".into();
    assert!(fires(&d, "contact-bad-phone"));
    d.contacts[0].phone.clear();
    d.contacts[0].email.clear();
    assert!(fires(&d, "contact-unreachable"));
    d.contacts = vec![Contact::default()];
    assert!(fires(&d, "no-contact"));
}

#[test]
fn email_and_phone_shapes() {
    assert!(is_email("ir@acme.example"));
    assert!(!is_email("www.acme.com"));
    assert!(!is_email("ir@acme"));
    assert!(!is_email("a b@acme.com"));
    assert!(is_phone("877-310-0717"));
    assert!(is_phone("+44 20 7946 0958"));
    assert!(is_phone("(555) 010-0199 x204"));
    assert!(!is_phone("12345"));
    assert!(!is_phone("877-FLOWERS"));
}

#[test]
fn dateline_rules() {
    let mut d = clean();
    d.dateline.city.clear();
    d.dateline.date = None;
    assert!(fires(&d, "dateline-no-city"));
    assert!(fires(&d, "dateline-no-date"));
    let mut d = clean();
    d.dateline.date = NaiveDate::from_ymd_opt(2026, 3, 9);
    assert!(!fires(&d, "dateline-date-far"), "seven days is fine");
    d.dateline.date = NaiveDate::from_ymd_opt(2026, 3, 10);
    assert!(fires(&d, "dateline-date-far"));
    d.dateline.date = NaiveDate::from_ymd_opt(2026, 2, 1);
    assert!(fires(&d, "dateline-date-far"));
}

#[test]
fn embargo_rules() {
    let mut d = clean();
    let date = today();
    d.release.timing = Timing::Embargoed {
        date,
        time: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
        zone: None,
    };
    assert!(fires(&d, "embargo-no-zone"));
    d.release.timing = Timing::Embargoed {
        date,
        time: NaiveTime::from_hms_opt(13, 5, 0).unwrap(),
        zone: Some(chrono_tz::America::Los_Angeles),
    };
    assert!(
        fires(&d, "release-in-closing-window"),
        "1:05 p.m. Pacific is 4:05 p.m. Eastern"
    );
    d.release.timing = Timing::Embargoed {
        date,
        time: NaiveTime::from_hms_opt(16, 30, 0).unwrap(),
        zone: Some(chrono_tz::America::New_York),
    };
    assert!(!fires(&d, "release-in-closing-window"));
    assert!(!fires(&d, "embargo-past"));
    d.release.timing = Timing::Embargoed {
        date: date.pred_opt().unwrap(),
        time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        zone: Some(chrono_tz::America::New_York),
    };
    assert!(fires(&d, "embargo-past"));
}

#[test]
fn placeholders_left_in_are_errors() {
    let mut d = clean();
    d.add_block(Block::Paragraph(
        "Revenue was [REVENUE], said [CEO NAME].".into(),
    ));
    let f = check(&d, today(), Style::Edgar);
    let p = f.iter().find(|f| f.rule == "placeholder-left").unwrap();
    assert_eq!(p.excerpt.as_deref(), Some("[REVENUE]"));
    let mut d = clean();
    d.add_block(Block::Paragraph("See note [a] and [1].".into()));
    assert!(!fires(&d, "placeholder-left"));
}

#[test]
fn a_placeholder_in_the_letterhead_or_closing_line_is_found_there() {
    for (set, field) in [
        (
            (|d: &mut Draft| d.release.letterhead = "[COMPANY]\n1 Main St".into())
                as fn(&mut Draft),
            FieldRef::Title,
        ),
        (
            |d| d.release.trailer = "SOURCE: [COMPANY]".into(),
            FieldRef::EndMark,
        ),
    ] {
        let mut d = clean();
        assert!(!fires(&d, "placeholder-left"));
        set(&mut d);
        let f = check(&d, today(), Style::Edgar);
        let p = f.iter().find(|f| f.rule == "placeholder-left").unwrap();
        assert_eq!(p.field, field);
    }
}

#[test]
fn the_first_mention_carries_the_ticker() {
    let mut d = clean();
    d.body[0].block =
        Block::Paragraph("Acme Widget Corporation today opened its Dayton plant.".into());
    assert!(fires(&d, "ticker-first-mention"));
    d.body[0].block =
        Block::Paragraph("Acme Widget (NASDAQ:ACMW) today opened its Dayton plant.".into());
    assert!(!fires(&d, "ticker-first-mention"));
    d.company.ticker.clear();
    d.body[0].block = Block::Paragraph("A private company opened a plant.".into());
    assert!(!fires(&d, "ticker-first-mention"));
}

#[test]
fn non_ascii_is_an_error_only_in_the_edgar_style() {
    let mut d = clean();
    d.add_block(Block::Paragraph("Listed in 東京.".into()));
    assert!(fires(&d, "edgar-non-ascii"));
    assert!(
        !check(&d, today(), Style::Newswire)
            .iter()
            .any(|f| f.rule == "edgar-non-ascii")
    );
    let mut d = clean();
    d.add_block(Block::Paragraph("Café “quotes” — fine".into()));
    assert!(
        !fires(&d, "edgar-non-ascii"),
        "transliterable characters are fine"
    );
}

#[test]
fn completeness_rules() {
    let mut d = clean();
    d.add_block(Block::Quote(Quote {
        text: "Great.".into(),
        ..Quote::default()
    }));
    d.boilerplate.clear();
    d.end_mark = EndMark::None;
    let f = check(&d, today(), Style::Edgar);
    let got: Vec<_> = f.iter().map(|f| (f.rule, f.severity)).collect();
    assert!(got.contains(&("quote-no-speaker", Severity::Warning)));
    assert!(got.contains(&("no-boilerplate", Severity::Warning)));
    assert!(got.contains(&("no-end-mark", Severity::Note)));
}

#[test]
fn findings_come_errors_first() {
    let mut d = clean();
    d.end_mark = EndMark::None;
    d.headline.clear();
    let f = check(&d, today(), Style::Edgar);
    assert_eq!(f[0].severity, Severity::Error);
    assert_eq!(f.last().unwrap().severity, Severity::Note);
}

/// The plain reading of the forward-looking rule: split into sentences, split each into
/// words, take the first listed word. The fast scan must agree with it everywhere.
fn forward_looking_by_words(text: &str) -> Option<(String, String)> {
    for sentence in sentences(text) {
        let words: Vec<&str> = sentence
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .collect();
        for (k, w) in words.iter().enumerate() {
            if !FORWARD_LOOKING.contains(&w.to_lowercase().as_str()) {
                continue;
            }
            let month = *w == "May"
                && words
                    .get(k + 1)
                    .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
            if !month {
                return Some((sentence.clone(), w.to_string()));
            }
        }
    }
    None
}

proptest::proptest! {
    #[test]
    fn the_forward_looking_scan_agrees_with_the_plain_reading(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "May", "may", "MAY", "expects", "expect", "Expectations", "willing", "will", "won't",
            "plan's", "5", "2026", "the", "Company", "U.S.", "Mr.", " ", "  ", ". ", "? ", "!",
            "\n", "\n\n", "\t", ",", "'", "(", ")", "e\u{301}", "\u{17F}hould", "x7", "-",
        ]), 0..30)
    ) {
        let text: String = parts.concat();
        proptest::prop_assert_eq!(first_forward_looking(&text), forward_looking_by_words(&text));
    }
}

#[test]
fn sentences_split_after_end_punctuation_before_white_space() {
    assert_eq!(
        sentences("We grew 5.2%. Will it last?  Yes!\nU.S. sales rose"),
        [
            "We grew 5.2%.",
            "Will it last?",
            "Yes!",
            "U.S.",
            "sales rose"
        ]
    );
}

#[test]
fn control_characters_are_a_warning_naming_the_field() {
    let mut d = clean();
    d.headline = "Acme\u{7} Opens Plant".into();
    let id = d.add_block(Block::Paragraph(
        "Line one\r\nline two\twith a tab\u{1b}[2J\u{c}".into(),
    ));
    let found: Vec<_> = check(&d, today(), Style::Newswire)
        .into_iter()
        .filter(|f| f.rule == "control-characters")
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(found[0].field, FieldRef::Headline);
    assert!(found[0].message.contains("U+0007"), "{}", found[0].message);
    assert_eq!(found[1].field, FieldRef::Body(id));
    assert!(
        found[1].message.contains("U+001B, U+000C"),
        "line breaks and tabs are not reported: {}",
        found[1].message
    );
    assert!(
        check(&clean(), today(), Style::Newswire)
            .iter()
            .all(|f| f.rule != "control-characters")
    );
}

#[test]
fn every_placeholder_left_is_named_once_a_field() {
    let mut d = clean();
    d.headline = "[COMPANY] Reports [QUARTER] [YEAR] Results, [COMPANY] Says".into();
    let named: Vec<String> = check(&d, today(), Style::Edgar)
        .into_iter()
        .filter(|f| f.rule == "placeholder-left" && f.field == FieldRef::Headline)
        .filter_map(|f| f.excerpt)
        .collect();
    assert_eq!(named, ["[COMPANY]", "[QUARTER]", "[YEAR]"]);
}

#[test]
fn a_timing_line_or_dateline_printed_as_written_must_say_what_its_fields_say() {
    let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let mut d = clean();
    d.release.timing = Timing::Embargoed {
        date: day,
        time: chrono::NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
        zone: Some(chrono_tz::America::New_York),
    };
    d.release.timing_as_written = "EMBARGOED UNTIL 8:00 a.m. ET, Tuesday, December 1, 2026".into();
    d.dateline.city = "Seattle".into();
    d.dateline.date = Some(day);
    d.dateline.as_written = "SEATTLE, WA / ACCESSWIRE / December 1, 2026 / ".into();
    assert!(!fires(&d, "as-written-differs"), "they agree");
    // The wording edited by hand to another day: the checks would read the wrong one.
    d.release.timing_as_written = "EMBARGOED UNTIL 8:00 a.m. ET, Tuesday, May 5, 2026".into();
    let f = check(&d, today(), Style::Newswire);
    let found: Vec<_> = f
        .iter()
        .filter(|f| f.rule == "as-written-differs")
        .collect();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].field, FieldRef::Timing);
    assert!(
        found[0].message.contains("May 5, 2026"),
        "{}",
        found[0].message
    );
    // Not printed at all: nothing to disagree.
    d.export.layout.timing_line = Some(false);
    assert!(!fires(&d, "as-written-differs"));
    d.export.layout.timing_line = None;
    d.release.timing_as_written = "EMBARGOED UNTIL 8:00 a.m. ET, Tuesday, December 1, 2026".into();
    // The dateline's place changed in its wording only.
    d.dateline.as_written = "BELLEVUE, WA / ACCESSWIRE / December 1, 2026 / ".into();
    let f = check(&d, today(), Style::Newswire);
    let found: Vec<_> = f
        .iter()
        .filter(|f| f.rule == "as-written-differs")
        .collect();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].field, FieldRef::Dateline);
    assert!(
        found[0].message.contains("Bellevue"),
        "{}",
        found[0].message
    );
    // Wording that is no dateline at all is said too.
    d.dateline.as_written = "Somewhere nice".into();
    assert!(fires(&d, "as-written-differs"));
}
