//! Properties over arbitrary drafts: the file format round-trips and export keeps its promises.

use std::path::Path;

use pressroom::core::draft::*;
use pressroom::core::draft_file;
use pressroom::core::render::{self, text};
use proptest::prelude::*;

mod common;
use common::drafts::{any_block, any_contact, any_date, any_text, any_timing, with_format3_layout};

prop_compose! {
    fn any_draft()(
        timing in any_timing(),
        logo in proptest::option::of(any_text()),
        title in any_text(),
        exhibit in any_text(),
        company in (any_text(), any_text(), any_text(), any_text()),
        contacts in prop::collection::vec(any_contact(), 0..3),
        placement in prop_oneof![Just(ContactsPlacement::Top), Just(ContactsPlacement::EndBeforeMark), Just(ContactsPlacement::EndAfterMark)],
        headline in any_text(),
        sub in prop_oneof![Just(Subheadline::None), any_text().prop_map(Subheadline::Text), prop::collection::vec(any_text(), 0..3).prop_map(Subheadline::Bullets)],
        dateline in (any_text(), any_text(), proptest::option::of(any_date()), 0usize..4, 0usize..4),
        body in prop::collection::vec(any_block(), 0..6),
        abouts in prop::collection::vec((any_text(), any_text()), 0..3),
        safe in (any_text(), any_text(), any::<bool>()),
        mark in 0usize..EndMark::ALL.len(),
        width in 0usize..300,
        spacing in 0usize..3,
        indent in 0usize..40,
        page_length in 0usize..80,
        layout in prop::array::uniform8(proptest::option::of(any::<bool>())),
    ) -> Draft {
        // The format-3 layout choices from numbers drawn already: one more strategy would
        // overflow a test thread's stack.
        let layout3 = (width as u16).wrapping_mul(257) ^ ((page_length as u16) << 3) ^ ((indent as u16) << 9);
        let mut d = Draft {
            version: FORMAT_VERSION,
            release: Release { timing, logo, title, exhibit, ..Release::default() },
            company: Company { name: company.0, ticker: company.1, exchange: company.2, website: company.3, city: String::new(), state: String::new(), ..Company::default() },
            contacts,
            contacts_placement: placement,
            contacts_heading: String::new(),
            headline,
            subheadline: sub,
            dateline: Dateline {
                city: dateline.0,
                region: dateline.1,
                date: dateline.2,
                wire: [Wire::None, Wire::PrNewswire, Wire::BusinessWire, Wire::GlobeNewswire][dateline.3],
                style: [DatelineStyle::Auto, DatelineStyle::Full, DatelineStyle::Ap, DatelineStyle::CityDash][dateline.4],
                as_written: String::new(),
            },
            body: body.into_iter().map(BodyBlock::new).collect(),
            boilerplate: abouts.into_iter().map(|(heading, text)| About { heading, text, ..About::default() }).collect(),
            safe_harbor: SafeHarbor { heading: safe.0, text: safe.1, page_break_before: safe.2 },
            end_mark: EndMark::ALL[mark],
            export: ExportSettings {
                style: Style::Edgar,
                format: FileFormat::Text,
                width,
                sentence_spacing: [SentenceSpacing::AsTyped, SentenceSpacing::One, SentenceSpacing::Two][spacing],
                paragraph_indent: indent,
                page_length,
                layout: Layout {
                    title_spaced: layout[0],
                    headline_centred: layout[1],
                    headings_centred: layout[2],
                    contacts_hanging: layout[3],
                    contacts_spaced: layout[4],
                    indent_paragraphs: layout[5],
                    contact_labels: layout[6],
                    page_tag: layout[7],
                    ..Layout::default()
                },
            },
            spelling: Default::default(),
            comments: Vec::new(),
        };
        d.export.layout = with_format3_layout(d.export.layout, layout3);
        d.assign_ids();
        d
    }
}

/// Words as layout-compare counts them: runs of letters and digits.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn save_then_load_gives_back_the_same_draft(d in any_draft()) {
        let text = draft_file::to_ron(&d);
        let back = draft_file::parse(&text, Path::new("p.ron")).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, d);
    }

    #[test]
    fn export_never_exceeds_its_width(d in any_draft()) {
        for style in Style::ALL {
            let width = render::effective_width(&d, style);
            let r = render::render_as(&d, style);
            for (i, line) in r.text.lines().enumerate() {
                // Prose within the width; tables within EDGAR's 132 columns (newswire
                // tables run at their natural width: past the prose is a warning).
                let limit = match (r.tables.iter().any(|(_, l)| l.contains(&i)), style) {
                    (false, _) => width,
                    (true, Style::Edgar) => 132,
                    (true, Style::Newswire) => usize::MAX,
                };
                prop_assert!(text::width(line) <= limit, "{:?} line wider than {}: {:?}", style, limit, line);
                prop_assert!(!line.contains('\t'));
            }
        }
    }

    /// The preview's cached render is the export, whatever came before it through the cache:
    /// an unrelated draft, the same draft with its blocks moved, at another width or
    /// indent, and the same again.
    #[test]
    fn a_cached_render_is_the_export(
        a in any_draft(),
        other in prop::collection::vec(any_block(), 0..4),
        turn in 0usize..4,
        width in 20usize..120,
        indent in 0usize..12,
    ) {
        let mut b = Draft::default();
        b.set_body(other);
        let mut moved = a.clone();
        let n = moved.body.len().max(1);
        moved.body.rotate_left(turn % n);
        let mut narrower = moved.clone();
        narrower.export.width = width;
        let mut indented = moved.clone();
        indented.export.paragraph_indent = indent;
        let mut cache = render::RenderCache::default();
        for d in [&a, &b, &moved, &narrower, &indented, &a, &a] {
            for style in Style::ALL {
                prop_assert_eq!(render::render_cached(d, style, &mut cache), render::render_as(d, style));
            }
        }
    }

    /// The same for long prose, where width, indent and sentence spacing change every line.
    #[test]
    fn a_cached_render_of_long_prose_is_the_export(
        body in prop::collection::vec(
            prop::collection::vec("[A-Za-z]{1,9}[.,]?|caf\u{e9}|\u{682a}\u{5f0f}|Mr\\.", 10..60)
                .prop_map(|w| Block::Paragraph(w.join(" "))),
            1..5,
        ),
        widths in (30usize..90, 30usize..90),
        indents in (0usize..10, 0usize..10),
        turn in 0usize..5,
    ) {
        let mut a = Draft::default();
        a.set_body(body);
        let mut changed = vec![a.clone(), a.clone(), a.clone(), a.clone()];
        changed[0].export.width = widths.0;
        changed[1].export.width = widths.1;
        changed[2].export.paragraph_indent = indents.0;
        changed[3].export.paragraph_indent = indents.1;
        changed[3].export.sentence_spacing = SentenceSpacing::Two;
        let n = changed[3].body.len();
        changed[3].body.rotate_left(turn % n);
        let mut cache = render::RenderCache::default();
        for style in Style::ALL {
            for d in std::iter::once(&a).chain(&changed).chain([&a]) {
                prop_assert_eq!(render::render_cached(d, style, &mut cache), render::render_as(d, style));
            }
        }
    }

    #[test]
    fn edgar_is_printable_ascii(d in any_draft()) {
        let out = render::render_as(&d, Style::Edgar).text;
        prop_assert!(out.bytes().all(|b| b == b'\n' || (32..127).contains(&b)), "{:?}", out);
    }

    #[test]
    fn edgar_keeps_every_word_of_the_body(
        body in prop::collection::vec(
            prop::collection::vec("[A-Za-z0-9]{1,15}[,.]?", 0..40).prop_map(|w| w.join(" ")),
            1..5,
        )
    ) {
        let mut d = Draft::default();
        d.set_body(body.iter().cloned().map(Block::Paragraph));
        let out = render::render_as(&d, Style::Edgar).text;
        let expected: Vec<String> = body.iter().flat_map(|p| words(p)).collect();
        let got = words(&out);
        // The body's words appear in order in the export.
        let mut it = got.iter();
        for w in &expected {
            prop_assert!(it.any(|g| g == w), "lost {:?}", w);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Import never panics, whatever the text, and keeps every word of plain prose.
    #[test]
    fn import_never_panics(text in any_text()) {
        let _ = pressroom::core::import::import(&text);
    }

    /// Prose that import cannot place stays paragraphs: exported again, every word is there,
    /// in order, and none is added (no timing line, title or end mark the text did not have).
    #[test]
    fn import_keeps_every_word_of_prose(
        paras in prop::collection::vec(
            prop::collection::vec(
                prop_oneof![
                    4 => "[a-z]{1,9}",
                    2 => "[A-Z][a-z]{1,9}",
                    1 => "[0-9]{1,4}",
                    1 => "[a-z]{2,8}[.,;:]",
                    1 => Just("--".to_string()),
                ],
                1..40,
            ),
            1..7,
        ),
        wrap_at in 30usize..100,
    ) {
        // Each paragraph wrapped at some width, as a release's text would be.
        let text = paras
            .iter()
            .map(|p| text::wrap(&p.join(" "), wrap_at, "", "").join("\n"))
            .collect::<Vec<_>>()
            .join("\n\n");
        let d = pressroom::core::import::import(&text).draft;
        let out = render::render(&d).text;
        prop_assert_eq!(words(&out), words(&text), "exported:\n{}", out);
    }

    #[test]
    fn import_of_any_export_never_panics(d in any_draft()) {
        for style in Style::ALL {
            let out = render::render_as(&d, style).text;
            let _ = pressroom::core::import::import(&out);
        }
    }
}
