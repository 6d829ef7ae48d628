use super::*;
use crate::core::{draft_file, render};

fn examples() -> Vec<(String, Draft)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .map(|p| (p.display().to_string(), draft_file::load(&p).unwrap()))
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

#[test]
fn importing_an_export_gives_back_the_example_in_both_styles() {
    for (name, d) in examples() {
        for style in Style::ALL {
            let mut draft = d.clone();
            draft.export.style = style;
            // Spelling settings are not printed, so no import can give them back; nor is
            // the page length in newswire text, which has no pages.
            draft.spelling = Default::default();
            if style == Style::Newswire {
                draft.export.page_length = 0;
            }
            let text = render::render_as(&draft, style).text;
            let back = import(&text);
            if back.draft != draft {
                let (a, b) = (draft_file::to_ron(&draft), draft_file::to_ron(&back.draft));
                let diff: Vec<String> = a
                    .lines()
                    .zip(b.lines())
                    .filter(|(x, y)| x != y)
                    .map(|(x, y)| format!("- {x}\n+ {y}"))
                    .collect();
                panic!(
                    "{name} in {style:?} differs:\n{}\nnotes: {:?}",
                    diff.join("\n"),
                    back.notes
                );
            }
        }
    }
}

#[test]
fn datelines_in_the_common_forms() {
    let cases = [
        (
            "Los Angeles, CA, September 15, 2003 - - HemaCare said.",
            "Los Angeles",
            "CA",
            Wire::None,
            DatelineStyle::Full,
        ),
        (
            "LOS ANGELES, Sept. 15, 2003 /PRNewswire/ -- HemaCare said.",
            "Los Angeles",
            "",
            Wire::PrNewswire,
            DatelineStyle::Ap,
        ),
        (
            "ALBANY, N.Y.--(BUSINESS WIRE)--Sept. 15, 2003--HemaCare said.",
            "Albany",
            "NY",
            Wire::BusinessWire,
            DatelineStyle::Ap,
        ),
        (
            "WILLISTON, Vt., Sept. 15, 2003 (GLOBE NEWSWIRE) -- HemaCare said.",
            "Williston",
            "VT",
            Wire::GlobeNewswire,
            DatelineStyle::Ap,
        ),
        (
            "ALBANY, New York -- September 15, 2003 -- HemaCare said.",
            "Albany",
            "New York",
            Wire::None,
            DatelineStyle::CityDash,
        ),
    ];
    for (p, city, region, wire, style) in cases {
        let (d, s, rest) = parse_dateline(p).unwrap_or_else(|| panic!("{p}"));
        assert_eq!(
            (d.city.as_str(), d.region.as_str(), d.wire, s),
            (city, region, wire, style),
            "{p}"
        );
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2003, 9, 15), "{p}");
        assert_eq!(rest, "HemaCare said.", "{p}");
    }
    assert!(
        parse_dateline("Sales rose in the quarter ended June 30, 2026 - - a record.").is_none()
    );
}

#[test]
fn timing_lines() {
    assert_eq!(
        parse_timing("FOR IMMEDIATE RELEASE"),
        Some(Timing::Immediate)
    );
    assert_eq!(
        parse_timing("EMBARGOED UNTIL 8:00 A.M. ET, MARCH 3, 2026"),
        Some(Timing::Embargoed {
            date: NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(),
            time: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
            zone: Some(chrono_tz::America::New_York),
        })
    );
    assert_eq!(
        parse_timing("For release on March 3, 2026"),
        Some(Timing::ReleaseOn(
            NaiveDate::from_ymd_opt(2026, 3, 3).unwrap()
        ))
    );
}

#[test]
fn timing_lines_in_other_words_keep_their_zone() {
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    use chrono_tz::America::{Chicago, Los_Angeles, New_York};
    let cases = [
        (
            "EMBARGOED UNTIL 8:00 a.m. ET, Tuesday, May 5, 2026",
            day(5, 5),
            at(8, 0),
            Some(New_York),
        ),
        (
            "HOLD FOR RELEASE UNTIL 4:05 P.M. CDT, THURSDAY, JULY 23, 2026",
            day(7, 23),
            at(16, 5),
            Some(Chicago),
        ),
        (
            "Embargoed for release until 6:00 a.m. Pacific Time, October 14, 2026",
            day(10, 14),
            at(6, 0),
            Some(Los_Angeles),
        ),
        (
            "Not for release before 12 p.m., June 1, 2026",
            day(6, 1),
            at(12, 0),
            None,
        ),
    ];
    for (line, date, time, zone) in cases {
        assert_eq!(
            parse_timing(line),
            Some(Timing::Embargoed { date, time, zone }),
            "{line}"
        );
    }
    assert_eq!(
        parse_timing("FOR RELEASE:  Immediately"),
        Some(Timing::Immediate)
    );
    assert_eq!(
        parse_timing("For release as soon as possible, we hope"),
        None
    );
}

#[test]
fn a_time_without_a_date_is_on_the_datelines_day_and_the_wording_is_kept() {
    let text = "For release at 7:00 a.m. Eastern Time\n\nAcme Wins a Contract\n\n\
        BOSTON, Sept. 21, 2026 /PRNewswire/ -- Acme Corp. won a contract today.\n";
    let d = import(text).draft;
    assert_eq!(
        d.release.timing,
        Timing::Embargoed {
            date: NaiveDate::from_ymd_opt(2026, 9, 21).unwrap(),
            time: NaiveTime::from_hms_opt(7, 0, 0).unwrap(),
            zone: Some(chrono_tz::America::New_York),
        }
    );
    assert_eq!(
        d.release.timing_as_written,
        "For release at 7:00 a.m. Eastern Time"
    );
    let out = render::render(&d).text;
    assert!(
        out.starts_with("For release at 7:00 a.m. Eastern Time\n"),
        "{out}"
    );
}

#[test]
fn a_release_without_a_timing_line_exports_without_one() {
    let text = "Acme Wins a Contract\n\n\
        BOSTON, Sept. 21, 2026 /PRNewswire/ -- Acme Corp. won a contract today.\n";
    let d = import(text).draft;
    assert_eq!(d.export.layout.timing_line, Some(false));
    let out = render::render(&d).text;
    assert!(!out.to_lowercase().contains("release"), "{out}");
    assert!(out.starts_with("Acme Wins a Contract\n"), "{out}");
}

#[test]
fn capitals_get_their_case_back() {
    let body = "HemaCare Corporation announced today. The FDA agreed.";
    assert_eq!(
        restore_case(
            "HEMACARE CORPORATION ANNOUNCES CLOSURE OF BLOOD MANAGEMENT PROGRAMS",
            body
        ),
        "HemaCare Corporation Announces Closure of Blood Management Programs"
    );
    assert_eq!(
        restore_case("THE FDA AND THE ALL-STOCK DEAL", body),
        "The FDA and the All-Stock Deal"
    );
}

#[test]
fn nothing_is_lost_from_unclassifiable_text() {
    let text = "Some words here.\n\nMore words, with no shape at all\nacross two lines.\n";
    let d = import(text).draft;
    let all = format!("{} {:?}", d.headline, d.body);
    for w in ["Some", "words", "here", "More", "shape", "across", "lines"] {
        assert!(all.contains(w), "{w} lost: {all}");
    }
}

#[test]
fn control_characters_are_noted_by_line() {
    let notes = control_character_notes(
        "Acme\u{7} Ships\r\n\tIndented\n\nA lone\rreturn and \u{1b}[2J\u{c}\n",
    );
    let found: Vec<String> = notes.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        found,
        vec![
            "line 1: control character U+0007 dropped",
            "line 4: control characters U+000D, U+001B, U+000C dropped",
        ]
    );
    let many = "\u{7}\n".repeat(30);
    let notes = control_character_notes(&many);
    assert_eq!(notes.len(), CONTROL_NOTES_MAX + 1);
    assert!(notes.last().unwrap().message.contains("10 more lines"));
}

#[test]
fn a_release_is_told_from_a_draft_by_its_opening_not_its_words() {
    assert!(!looks_like_ron(
        "(Updated) Acme Ships Widget OS version: 2.0\n\nDAYTON -- Acme said."
    ));
    assert!(!looks_like_ron(
        "[LOGO]\n\nNEWS RELEASE\n\nAcme (Nasdaq: ACMW) said."
    ));
    assert!(looks_like_ron(
        "(\n    version: 1,\n    headline: \"cut sho"
    ));
    assert!(looks_like_ron("// A template\n(headline: \"x\")"));
    assert!(looks_like_ron("[\"just\", \"a\", \"list\"]"));
    assert!(looks_like_ron("Draft(headline: \"x\")"));
}

#[test]
fn aligned_amounts_become_a_table_and_spaced_prose_stays_prose() {
    let text = "Acme Declares Dividends\n\n\
        BOSTON, Sept. 21, 2026 /PRNewswire/ -- Acme Corp. declared dividends today.\n\n\
        Common stock                              $0.62\n\
        Series A preferred stock                   0.41\n\
        Series B preferred stock                   0.34\n\n\
        The board met today.  It voted twice.  The dividend is\n\
        the 40th in a row.  Shares rose 2% on the news, to\n\
        $41.20 at the close.  Volume was 1.2 million shares.\n";
    let d = import(text).draft;
    let kinds: Vec<&str> = d.body.iter().map(|b| b.block.kind_name()).collect();
    assert_eq!(kinds, ["Paragraph", "Table", "Paragraph"], "{:?}", d.body);
    let Block::Table(t) = &d.body[1].block else {
        unreachable!()
    };
    assert_eq!(t.rows.len(), 3);
    assert_eq!(t.rows[1].label, "Series A preferred stock");
    let out = render::render(&d).text;
    assert!(
        out.contains("Series A preferred stock                   0.41\n"),
        "{out}"
    );
}

#[test]
fn company_names_keep_their_accents_and_legal_suffix() {
    let cases = [
        (
            "PARIS, March 4, 2027 /PRNewswire/ -- Société Minière du Nord S.A. (Euronext Paris: SMN) rose.",
            "Société Minière du Nord S.A.",
        ),
        (
            "LONDON, March 4, 2027 /PRNewswire/ -- The board of Ashworth & Pryce plc (LSE: APR) met.",
            "Ashworth & Pryce plc",
        ),
        (
            "MUNICH, March 4, 2027 /PRNewswire/ -- Müller Präzisionstechnik SE today opened a plant.",
            "Müller Präzisionstechnik SE",
        ),
        (
            "OSLO, March 4, 2027 /PRNewswire/ -- Fjordkraft Ørsted A/S and others signed.",
            "Fjordkraft Ørsted A/S",
        ),
    ];
    for (para, name) in cases {
        let text = format!("Headline Of The Release\n\n{para}\n");
        assert_eq!(import(&text).draft.company.name, name, "{para}");
    }
}

#[test]
fn a_timing_line_or_dateline_typed_by_hand_is_read_as_import_reads_it() {
    use crate::core::draft::Timing;
    let day = NaiveDate::from_ymd_opt(2026, 5, 5);
    let t = read_timing_line("EMBARGOED UNTIL 9:00 a.m. ET, Tuesday, May 5, 2026", None).unwrap();
    match t {
        Timing::Embargoed { date, time, zone } => {
            assert_eq!(date, day.unwrap());
            assert_eq!(time, chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap());
            assert_eq!(zone, Some(chrono_tz::America::New_York));
        }
        other => panic!("{other:?}"),
    }
    // A time without a date is on the dateline's day; without one, it cannot be read.
    let at = "For release at 7:00 a.m. Eastern Time";
    assert!(
        matches!(read_timing_line(at, day), Some(Timing::Embargoed { date, .. }) if Some(date) == day)
    );
    assert_eq!(read_timing_line(at, None), None);
    assert_eq!(read_timing_line("Quarterly results", day), None);
    let d = read_dateline("SEATTLE, WA / ACCESSWIRE / November 20, 2026 / ").unwrap();
    assert_eq!(d.city, "Seattle");
    assert_eq!(d.date, NaiveDate::from_ymd_opt(2026, 11, 20));
    assert_eq!(read_dateline("Not a dateline at all"), None);
}

#[test]
fn a_job_title_naming_a_department_is_a_title_not_an_organisation() {
    let items = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let c = contact_from(&items(&[
        "Margaret L. Olsen",
        "Director of Investor Relations",
        "(920) 555-0118",
    ]));
    assert_eq!(
        (c.organisation.as_str(), c.name.as_str(), c.title.as_str()),
        ("", "Margaret L. Olsen", "Director of Investor Relations")
    );
    // An agency under a person is still an organisation.
    let c = contact_from(&items(&["Blue Hill Communications", "Dana Reyes"]));
    assert_eq!(
        (c.organisation.as_str(), c.name.as_str()),
        ("Blue Hill Communications", "Dana Reyes")
    );
}

#[test]
fn a_fiscal_year_end_named_in_the_text_is_the_companys() {
    let release = |para: &str| {
        format!(
            "FOR IMMEDIATE RELEASE\n\nAcme Reports Results\n\nDAYTON, Ohio, March 11, 2027 -- {para}\n\n###\n"
        )
    };
    let d = import(&release(
        "Acme Corp. (NYSE: ACM) today reported results for the fiscal year ended June 30, 2026.",
    ))
    .draft;
    assert_eq!(
        (
            d.company.fiscal_year_end.month,
            d.company.fiscal_year_end.day
        ),
        (6, 30)
    );
    // A quarter's end, or no end named, leaves December 31.
    for para in [
        "Acme Corp. (NYSE: ACM) today reported results for the quarter ended June 30, 2026.",
        "Acme Corp. (NYSE: ACM) today reported results for fiscal 2026.",
    ] {
        let d = import(&release(para)).draft;
        assert!(d.company.fiscal_year_end.is_december_31(), "{para}");
    }
}

#[test]
fn an_end_mark_at_the_left_margin_stays_there_and_a_centred_one_centred() {
    let release = |mark: &str| {
        format!(
            "FOR IMMEDIATE RELEASE\n\nAcme Reports Results\n\nDAYTON, Ohio, March 11, 2027 /PRNewswire/ -- Acme Corp. (NYSE: ACM) today reported results.\n\n{mark}\n"
        )
    };
    let d = import(&release("###")).draft;
    assert_eq!(d.export.layout.end_mark_centred, Some(false));
    let out = render::render(&d).text;
    assert_eq!(out.trim_end().lines().last(), Some("###"), "{out}");
    let d = import(&release(&format!("{}###", " ".repeat(36)))).draft;
    assert_eq!(d.export.layout.end_mark_centred, None);
    let out = render::render(&d).text;
    let last = out.trim_end().lines().last().unwrap();
    assert!(last.starts_with("    ") && last.trim() == "###", "{out}");
}

#[test]
fn an_eqs_release_names_its_issuer_in_the_header_and_its_site_is_not_the_wires() {
    let source = "EQS-News: Brunnhalde Energie SE / Key word(s): AGM\nBrunnhalde Energie SE: Shareholders Approve Dividend\n\n27.05.2027 / 18:00 CET/CEST\nThe issuer is solely responsible for the content of this announcement.\n\nFreiburg, 27 May 2027 - The Annual General Meeting of Brunnhalde Energie SE approved a dividend of EUR 0.80 per share. See www.brunnhalde.example for the votes.\n\nArchive at www.eqs-news.com\n";
    let d = import(source).draft;
    assert_eq!(d.company.name, "Brunnhalde Energie SE");
    assert_eq!(d.company.website, "www.brunnhalde.example");
}
