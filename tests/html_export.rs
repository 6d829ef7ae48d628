//! EDGAR HTML, wire HTML and Word: the example releases pinned as snapshots, each output's
//! words checked against the draft's in reading order, the EDGAR HTML validator rule by
//! rule, the logo beside the exhibit, the Word document opened and read back, and (where
//! LibreOffice is installed) Word's text as LibreOffice reads it.

use std::io::Read;
use std::path::{Path, PathBuf};

mod common;
use common::drafts::{any_block, any_contact, any_date, any_text, any_timing, with_format3_layout};
use common::examples;

use pressroom::core::draft::*;
use pressroom::core::draft_file;
use pressroom::core::edgar_validate::{self, Problem};
use pressroom::core::export::{self, ExportError, ExportOptions, ExportStyle, Output};
use pressroom::core::release::{self, Part};
use pressroom::core::render::{self, dateline, text};
use proptest::prelude::*;

fn stem(p: &Path) -> String {
    p.file_stem().unwrap().to_string_lossy().into_owned()
}

fn export_as(d: &Draft, style: ExportStyle) -> Output {
    export::export(d, style, &ExportOptions::default())
        .unwrap_or_else(|e| panic!("{}: {e}", style.name()))
}

fn html_of(d: &Draft, style: ExportStyle) -> String {
    String::from_utf8(export_as(d, style).main).unwrap()
}

/// Words as a reader counts them: runs of letters and digits, lower case. Noncharacters,
/// which no output can carry, are not there to split a word.
fn words(s: &str) -> Vec<String> {
    let s: String = s
        .chars()
        .filter(|&c| {
            let n = c as u32;
            !((0xFDD0..=0xFDEF).contains(&n) || (n & 0xFFFE) == 0xFFFE)
        })
        .collect();
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// The text of an HTML document's body: tags stripped, references decoded, a space
/// between one piece of text and the next.
fn html_text(html: &str) -> String {
    use html5gum::{Token, Tokenizer};
    let mut in_body = !html.contains("<body");
    let mut out = String::new();
    for t in Tokenizer::new(html) {
        match t.unwrap() {
            Token::StartTag(t) if t.name == b"body" => in_body = true,
            Token::String(s) if in_body => {
                out.push_str(&String::from_utf8_lossy(&s));
                out.push(' ');
            }
            _ => {}
        }
    }
    out
}

/// The draft's own words in reading order, field by field as the text writer reads them
/// (one-line fields cleaned, prose as paragraphs), with the dateline in the form a style
/// gives it (EDGAR's full one or newswire's AP one) and the title where EDGAR prints it.
/// Built from the release's parts and the text writer's helpers, not from the writers'.
fn draft_words(d: &Draft, style: Style) -> Vec<String> {
    let dateline_style = render::style_dateline(style);
    let mut s = String::new();
    let mut add = |t: &str| {
        s.push_str(t);
        s.push(' ');
    };
    for part in release::parts(d) {
        match part {
            Part::Exhibit(t) => add(&text::clean_line(t)),
            // Newswire prints the title only when the draft asks for it.
            Part::Title(t) => {
                if style == Style::Edgar {
                    add(&text::clean_line(t))
                }
            }
            Part::Logo(_) => {}
            Part::Timing(_) => add(&render::timing_text(&d.release, false)),
            Part::Contacts(cs) => {
                for c in cs {
                    add(&text::clean_line(&c.role));
                    for l in render::contact_lines(c, false) {
                        add(&text::clean_line(&l));
                    }
                }
            }
            Part::Headline(h) => text::lines(h).iter().for_each(|l| add(l)),
            Part::Subheadline(sub) => match sub {
                Subheadline::Text(t) => text::paragraphs(t).iter().for_each(|p| add(p)),
                _ => render::subheadline_items(sub).iter().for_each(|i| add(i)),
            },
            Part::Dateline(dl) => add(&text::one_paragraph(&dateline::dateline_lead(
                dl,
                dateline_style,
            ))),
            Part::Block {
                block, dateline, ..
            } => {
                if let Some(dl) = dateline {
                    add(&text::one_paragraph(&dateline::dateline_lead(
                        dl,
                        dateline_style,
                    )));
                }
                match block {
                    Block::Paragraph(t) => text::paragraphs(t).iter().for_each(|p| add(p)),
                    Block::Quote(q) => render::quote_paragraphs(q)
                        .iter()
                        .for_each(|p| add(&text::one_paragraph(p))),
                    Block::Bullets(items) => {
                        items.iter().for_each(|i| add(&text::one_paragraph(i)))
                    }
                    Block::Heading(h) => add(&text::one_paragraph(h)),
                    Block::PageBreak => {}
                    Block::Table(t) => {
                        // One-line texts, cleaned as every writer cleans them; a group label
                        // or heading may hold line breaks.
                        let mut one = |s: &str| {
                            s.split('\n').for_each(|l| add(&text::clean_line(l)));
                        };
                        t.title.iter().for_each(|l| one(l));
                        t.groups.iter().for_each(|g| one(&g.label));
                        one(&t.label_heading);
                        t.headings.iter().for_each(|h| one(h));
                        // Figures as the table prints them: `1000` is `1,000`, `-5` `(5)`.
                        let cooked = pressroom::core::table::cook(t);
                        for row in &cooked.rows {
                            // A blank row prints nothing, whatever its label says.
                            if row.kind != pressroom::core::table::RowKind::Blank {
                                one(&row.label);
                            }
                            row.cells.iter().for_each(|c| one(&c.text));
                        }
                        t.footnotes
                            .iter()
                            .for_each(|f| add(&text::one_paragraph(f)));
                    }
                }
            }
            Part::About { about, heading } => {
                add(&text::one_paragraph(&heading));
                text::paragraphs(&about.text).iter().for_each(|p| add(p));
            }
            Part::SafeHarbor(sh) => {
                add(&text::one_paragraph(&sh.heading));
                text::paragraphs(&sh.text).iter().for_each(|p| add(p));
            }
            Part::EndMark(m) => add(m.text()),
            Part::Trailer(t) => add(&text::clean_line(t)),
        }
    }
    words(&s)
}

/// The words of a text export, without its page marks (the text's way of breaking a
/// page, not words of the release).
fn text_export_words(d: &Draft, style: Style) -> Vec<String> {
    let text = render::render_as(d, style).text;
    let text: Vec<&str> = text
        .lines()
        .filter(|l| {
            let l = l.trim();
            // Page marks and EDGAR's table tags are the text's markup, not the release's words.
            !matches!(
                l,
                "-more-" | "<PAGE>" | "<TABLE>" | "</TABLE>" | "<CAPTION>"
            ) && !l.starts_with("<S>")
        })
        .collect();
    words(&text.join("\n"))
}

/// Every word of `expected` appears in `got`, in the same order.
fn in_order(expected: &[String], got: &[String]) -> Result<(), String> {
    let mut it = got.iter();
    for (k, w) in expected.iter().enumerate() {
        if !it.any(|g| g == w) {
            return Err(format!(
                "word {k} {w:?} missing or out of order (after {:?})",
                &expected[k.saturating_sub(5)..k]
            ));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Word, read back.

#[derive(Debug, Default)]
struct WordParagraph {
    text: String,
    /// The text with bold runs in `**`, when only some runs are bold.
    marked: String,
    centred: bool,
    right: bool,
    bullet: bool,
    first_line_indent: bool,
    page_break: bool,
    image: bool,
    /// Every run with text is bold / italic.
    bold: bool,
    italic: bool,
}

/// The `.docx` opened as Word opens it: the zip, then `word/document.xml`'s paragraphs.
fn word_paragraphs(docx: &[u8]) -> Vec<WordParagraph> {
    use quick_xml::events::Event;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut paras = Vec::new();
    let mut p: Option<WordParagraph> = None;
    let (mut in_text, mut run_bold, mut run_italic, mut in_rpr) = (false, false, false, false);
    let (mut runs, mut bold_runs, mut italic_runs) = (0, 0, 0);
    let mut this_run_bold = false;
    loop {
        let ev = reader.read_event().expect("well-formed XML");
        let (start, e) = match &ev {
            Event::Start(e) => (true, Some(e.clone())),
            Event::Empty(e) => (false, Some(e.clone())),
            _ => (false, None),
        };
        if let Some(e) = e {
            let attr = |name: &[u8]| {
                e.attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == name)
                    .map(|a| String::from_utf8_lossy(&a.value).into_owned())
            };
            match e.name().as_ref() {
                b"w:p" => {
                    p = Some(WordParagraph::default());
                    (runs, bold_runs, italic_runs) = (0, 0, 0);
                    if !start {
                        paras.push(p.take().unwrap());
                    }
                }
                b"w:r" => (run_bold, run_italic) = (false, false),
                b"w:rPr" => in_rpr = start,
                b"w:b" if in_rpr => run_bold = attr(b"w:val").is_none_or(|v| v != "false"),
                b"w:i" if in_rpr => run_italic = attr(b"w:val").is_none_or(|v| v != "false"),
                b"w:jc" => {
                    if let Some(p) = p.as_mut() {
                        let v = attr(b"w:val").unwrap_or_default();
                        p.centred = v == "center";
                        p.right = v == "right" || v == "end";
                    }
                }
                b"w:numPr" => p.iter_mut().for_each(|p| p.bullet = true),
                b"w:ind" if attr(b"w:firstLine").is_some_and(|v| v != "0") => {
                    p.iter_mut().for_each(|p| p.first_line_indent = true)
                }
                b"w:br" => {
                    if let Some(p) = p.as_mut() {
                        if attr(b"w:type").as_deref() == Some("page") {
                            p.page_break = true;
                        } else {
                            p.text.push('\n');
                            p.marked.push('\n');
                        }
                    }
                }
                b"w:drawing" => p.iter_mut().for_each(|p| p.image = true),
                b"w:t" => {
                    in_text = start;
                    if start {
                        runs += 1;
                        bold_runs += run_bold as usize;
                        italic_runs += run_italic as usize;
                        this_run_bold = run_bold;
                    }
                }
                _ => {}
            }
        }
        match ev {
            Event::Text(t) if in_text => {
                if let Some(p) = p.as_mut() {
                    let t = t.decode().unwrap();
                    p.text.push_str(&t);
                    if this_run_bold {
                        p.marked.push_str(&format!("**{t}**"));
                    } else {
                        p.marked.push_str(&t);
                    }
                }
            }
            Event::GeneralRef(r) if in_text => {
                if let Some(p) = p.as_mut() {
                    let c = match r.resolve_char_ref().unwrap() {
                        Some(c) => c.to_string(),
                        None => match r.decode().unwrap().as_ref() {
                            "amp" => "&".into(),
                            "lt" => "<".into(),
                            "gt" => ">".into(),
                            "quot" => "\"".into(),
                            "apos" => "'".into(),
                            other => panic!("entity {other}"),
                        },
                    };
                    p.text.push_str(&c);
                    p.marked.push_str(&c);
                }
            }
            Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            Event::End(e) if e.name().as_ref() == b"w:rPr" => in_rpr = false,
            Event::End(e) if e.name().as_ref() == b"w:p" => {
                if let Some(mut done) = p.take() {
                    done.bold = runs > 0 && bold_runs == runs;
                    done.italic = runs > 0 && italic_runs == runs;
                    paras.push(done);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    paras
}

/// One line a paragraph: its marks, then its text (line breaks as ` / `).
fn word_summary(paras: &[WordParagraph]) -> String {
    let mut out = String::new();
    for p in paras {
        let marks: Vec<&str> = [
            (p.centred, "centre"),
            (p.right, "right"),
            (p.bold, "bold"),
            (p.italic, "italic"),
            (p.bullet, "bullet"),
            (p.first_line_indent, "indent"),
            (p.page_break, "page-break"),
            (p.image, "image"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, m)| *m)
        .collect();
        let text = if p.bold { &p.text } else { &p.marked };
        out.push_str(&format!(
            "[{}] {}\n",
            marks.join(" "),
            text.replace("****", "").replace('\n', " / ")
        ));
    }
    out
}

fn word_text(paras: &[WordParagraph]) -> String {
    paras
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

// ---------------------------------------------------------------------------------------
// The examples.

#[test]
fn example_exports_match_their_snapshots() {
    for p in examples() {
        let d = draft_file::load(&p).unwrap();
        let stem = stem(&p);
        insta::assert_snapshot!(
            format!("{stem}-edgar-html"),
            html_of(&d, ExportStyle::EdgarHtml)
        );
        insta::assert_snapshot!(
            format!("{stem}-newswire-html"),
            html_of(&d, ExportStyle::NewswireHtml)
        );
        let docx = export_as(&d, ExportStyle::Docx);
        assert!(docx.binary);
        insta::assert_snapshot!(
            format!("{stem}-docx"),
            word_summary(&word_paragraphs(&docx.main))
        );
    }
}

#[test]
fn examples_carry_the_drafts_words_in_reading_order_in_every_output() {
    for p in examples() {
        let d = draft_file::load(&p).unwrap();
        let stem = stem(&p);
        let edgar = draft_words(&d, Style::Edgar);
        let wire = draft_words(&d, Style::Newswire);
        let html = html_of(&d, ExportStyle::EdgarHtml);
        in_order(&edgar, &words(&html_text(&html)))
            .unwrap_or_else(|e| panic!("{stem} EDGAR HTML: {e}"));
        let html = html_of(&d, ExportStyle::NewswireHtml);
        in_order(&wire, &words(&html_text(&html)))
            .unwrap_or_else(|e| panic!("{stem} wire HTML: {e}"));
        let docx = word_paragraphs(&export_as(&d, ExportStyle::Docx).main);
        in_order(&draft_words(&d, d.export.style), &words(&word_text(&docx)))
            .unwrap_or_else(|e| panic!("{stem} Word: {e}"));
    }
}

/// A table's column group labels and headings on one line each: text sets a heading of
/// several lines line by line across the columns ("Three Months Ended  Nine Months Ended",
/// then "September 30,  September 30,"), a document cell by cell, so only one-line headings
/// read in the same order in both.
fn one_line_table_headings(d: &mut Draft) {
    for b in &mut d.body {
        if let Block::Table(t) = &mut b.block {
            for g in &mut t.groups {
                g.label = g.label.replace('\n', " ");
            }
            for h in &mut t.headings {
                *h = h.replace('\n', " ");
            }
        }
    }
}

/// The same words as the text export of the same style, word for word (with the title
/// printed plain in both, since the text exhibit letter-spaces it).
#[test]
fn examples_say_what_the_text_exports_say() {
    for p in examples() {
        let mut d = draft_file::load(&p).unwrap();
        d.export.layout.title_spaced = Some(false);
        one_line_table_headings(&mut d);
        let stem = stem(&p);
        let text_words = |style| text_export_words(&d, style);
        let edgar_html = words(&html_text(&html_of(&d, ExportStyle::EdgarHtml)));
        assert_eq!(
            edgar_html,
            text_words(Style::Edgar),
            "{stem}: EDGAR HTML and text"
        );
        let wire_html = words(&html_text(&html_of(&d, ExportStyle::NewswireHtml)));
        assert_eq!(
            wire_html,
            text_words(Style::Newswire),
            "{stem}: wire HTML and text"
        );
        let docx = words(&word_text(&word_paragraphs(
            &export_as(&d, ExportStyle::Docx).main,
        )));
        assert_eq!(docx, text_words(d.export.style), "{stem}: Word and text");
    }
}

#[test]
fn example_edgar_html_is_ascii_valid_and_links_nothing() {
    for p in examples() {
        let d = draft_file::load(&p).unwrap();
        let html = html_of(&d, ExportStyle::EdgarHtml);
        assert!(html.is_ascii(), "{}", stem(&p));
        assert_eq!(edgar_validate::validate(html.as_bytes()), []);
        assert!(!html.contains("<a "), "EDGAR HTML writes no links");
        assert!(html.lines().all(|l| l.len() < 2000), "one element a line");
    }
}

// ---------------------------------------------------------------------------------------
// EDGAR HTML.

fn earnings() -> Draft {
    draft_file::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/earnings-embargoed.ron"))
        .unwrap()
}

#[test]
fn edgar_html_lays_the_exhibit_out_as_exhibits_are() {
    let html = html_of(&earnings(), ExportStyle::EdgarHtml);
    assert!(html.starts_with("<html>\n<head>\n<title>Northwind Instruments Reports"));
    assert!(html.contains(
        "<p style=\"text-align: center; font-size: 14pt\"><b>Northwind Instruments Reports Fourth Quarter and Full Year 2025 Results</b></p>"
    ));
    assert!(html.contains("<li><i>Full year operating cash flow of $41.7 million</i></li>"));
    assert!(html.contains(
        "<p style=\"text-indent: 0.5in\"><b>Madison, WI, February 26, 2026 (GLOBE NEWSWIRE) - -</b> Northwind Instruments, Inc. (Nasdaq: NWIN)"
    ));
    assert!(html.contains("<b>Investor Contact:</b>"));
    assert!(
        html.contains(
            "<p style=\"text-align: center\"><b>About Northwind Instruments, Inc.</b></p>"
        )
    );
    assert!(html.contains("<p style=\"text-align: center\">###</p>\n</body>"));
    assert!(html.contains("investors@northwind-instruments.example"));
    // The safe harbor's paragraphs are not indented, as in the text exhibit.
    assert!(html.contains("<p>This release contains forward-looking statements"));
}

#[test]
fn edgar_html_writes_unicode_as_references_and_escapes_markup() {
    let mut d = Draft {
        headline:
            "Caf\u{e9} <Holdings> & \"Sons\" \u{2014} \u{682a}\u{5f0f}\u{4f1a}\u{793e} \u{1F600}"
                .into(),
        ..Draft::default()
    };
    d.set_body([Block::Paragraph("Tab\there, bell\u{7} gone; AT&T".into())]);
    let html = html_of(&d, ExportStyle::EdgarHtml);
    assert!(html.is_ascii());
    assert!(html.contains(
        "Caf&#233; &lt;Holdings&gt; &amp; \"Sons\" &#8212; &#26666;&#24335;&#20250;&#31038; &#128512;"
    ), "{html}");
    assert!(html.contains("Tab here, bell gone; AT&amp;T"));
}

#[test]
fn edgar_html_follows_the_drafts_layout_choices() {
    let mut d = earnings();
    d.export.layout.headline_centred = Some(false);
    d.export.layout.contacts_hanging = Some(false);
    d.export.layout.indent_paragraphs = Some(false);
    d.dateline.style = DatelineStyle::CityDash;
    let html = html_of(&d, ExportStyle::EdgarHtml);
    assert!(html.contains("<p style=\"font-size: 14pt\"><b>Northwind"));
    assert!(!html.contains("<table"), "contacts as paragraphs");
    assert!(html.contains("<p>\n<b>Investor Contact:</b><br>\nNorthwind Instruments, Inc.<br>\n"));
    assert!(
        html.contains("<p><b>MADISON, WI -- February 26, 2026 (GLOBE NEWSWIRE) --</b> Northwind")
    );
}

#[test]
fn page_breaks_are_page_breaks_in_edgar_html_and_word_and_nothing_on_the_wire() {
    let mut d = Draft::default();
    d.set_body([
        Block::Paragraph("One.".into()),
        Block::PageBreak,
        Block::Paragraph("Two.".into()),
    ]);
    let html = html_of(&d, ExportStyle::EdgarHtml);
    assert_eq!(html.matches("page-break-after: always").count(), 1);
    let wire = html_of(&d, ExportStyle::NewswireHtml);
    assert!(!wire.contains("page-break") && !wire.contains("more"));
    let word = word_paragraphs(&export_as(&d, ExportStyle::Docx).main);
    let k = word
        .iter()
        .position(|p| p.page_break)
        .expect("a page break");
    assert!(word[k - 1].text.contains("One.") && word[k + 1].text.contains("Two."));
}

// ---------------------------------------------------------------------------------------
// The logo.

fn png_logo(dir: &Path, name: &str, colours: bool) -> PathBuf {
    let img = image::RgbaImage::from_fn(120, 40, |x, y| {
        if colours {
            image::Rgba([(x * 2) as u8, (y * 6) as u8, 90, 255])
        } else if x < 60 {
            image::Rgba([0, 51, 153, 255])
        } else {
            image::Rgba([0, 0, 0, 0])
        }
    });
    let path = dir.join(name);
    img.save(&path).unwrap();
    path
}

fn with_logo(logo: &str) -> Draft {
    let mut d = earnings();
    d.release.logo = Some(logo.into());
    d
}

#[test]
fn a_png_logo_goes_beside_the_exhibit_as_a_gif_or_jpeg_named_after_it() {
    let dir = tempfile::tempdir().unwrap();
    png_logo(dir.path(), "flat.png", false);
    png_logo(dir.path(), "photo.png", true);
    let options = ExportOptions {
        draft_dir: Some(dir.path().to_path_buf()),
        output_stem: Some("ex99-1".into()),
        ..ExportOptions::default()
    };
    let out = export::export(&with_logo("flat.png"), ExportStyle::EdgarHtml, &options).unwrap();
    assert_eq!(out.side_files.len(), 1);
    assert_eq!(out.side_files[0].name, "ex99-1-logo.gif");
    assert_eq!(
        image::guess_format(&out.side_files[0].bytes).unwrap(),
        image::ImageFormat::Gif
    );
    let html = String::from_utf8(out.main).unwrap();
    assert!(html.contains(
        "<p style=\"text-align: center\"><img src=\"ex99-1-logo.gif\" alt=\"Northwind Instruments, Inc. logo\" style=\"max-width: 3in; max-height: 1.25in\"></p>\n<p style=\"text-align: center; font-size: 14pt; letter-spacing: 0.3em\"><b>NEWS RELEASE</b></p>"
    ), "{html}");

    // An absolute path works from anywhere; a photograph becomes a JPEG.
    let abs = dir.path().join("photo.png");
    let out = export::export(
        &with_logo(abs.to_str().unwrap()),
        ExportStyle::EdgarHtml,
        &ExportOptions::default(),
    )
    .unwrap();
    assert_eq!(out.side_files[0].name, "logo.jpg");
    assert_eq!(
        image::guess_format(&out.side_files[0].bytes).unwrap(),
        image::ImageFormat::Jpeg
    );
    assert!(
        String::from_utf8(out.main)
            .unwrap()
            .contains("<img src=\"logo.jpg\"")
    );
}

#[test]
fn a_jpeg_or_gif_logo_travels_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let img = image::RgbImage::from_fn(30, 30, |x, _| image::Rgb([x as u8 * 8, 20, 200]));
    img.save(dir.path().join("logo.jpg")).unwrap();
    let bytes = std::fs::read(dir.path().join("logo.jpg")).unwrap();
    let options = ExportOptions {
        draft_dir: Some(dir.path().to_path_buf()),
        ..ExportOptions::default()
    };
    let out = export::export(&with_logo("logo.jpg"), ExportStyle::EdgarHtml, &options).unwrap();
    assert_eq!(out.side_files[0].name, "logo.jpg");
    assert_eq!(out.side_files[0].bytes, bytes);
}

#[test]
fn no_logo_no_image_and_a_bad_logo_is_an_error_naming_it() {
    let out = export_as(&earnings(), ExportStyle::EdgarHtml);
    assert!(out.side_files.is_empty());
    assert!(!String::from_utf8(out.main).unwrap().contains("<img"));
    // An empty path is no logo either.
    let out = export_as(&with_logo("  "), ExportStyle::EdgarHtml);
    assert!(out.side_files.is_empty());

    for style in [ExportStyle::EdgarHtml, ExportStyle::Docx] {
        let e = export::export(&with_logo("[LOGO FILE]"), style, &ExportOptions::default())
            .unwrap_err();
        assert!(matches!(e, ExportError::Logo { .. }), "{e:?}");
        assert!(
            e.to_string().contains("[LOGO FILE]") && e.to_string().contains("placeholder"),
            "{e}"
        );
        let e = export::export(
            &with_logo("/no/such/logo.png"),
            style,
            &ExportOptions::default(),
        )
        .unwrap_err();
        assert!(
            e.to_string().contains("/no/such/logo.png") && e.to_string().contains("does not exist"),
            "{e}"
        );
    }
    // The text styles print [LOGO] and need no file.
    let out = export_as(&with_logo("[LOGO FILE]"), ExportStyle::EdgarText);
    assert!(String::from_utf8(out.main).unwrap().starts_with("[LOGO]"));
}

#[test]
fn word_embeds_the_logo() {
    let dir = tempfile::tempdir().unwrap();
    let path = png_logo(dir.path(), "flat.png", false);
    let out = export::export(
        &with_logo(path.to_str().unwrap()),
        ExportStyle::Docx,
        &ExportOptions::default(),
    )
    .unwrap();
    assert!(out.side_files.is_empty());
    let paras = word_paragraphs(&out.main);
    assert!(paras[0].image && paras[0].centred, "{:?}", paras[0]);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&out.main)).unwrap();
    let media: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with("word/media/") && !n.ends_with('/'))
        .map(String::from)
        .collect();
    assert_eq!(media.len(), 1, "{media:?}");
    let mut png = Vec::new();
    zip.by_name(&media[0])
        .unwrap()
        .read_to_end(&mut png)
        .unwrap();
    assert_eq!(image::guess_format(&png).unwrap(), image::ImageFormat::Png);
}

// ---------------------------------------------------------------------------------------
// Wire HTML.

#[test]
fn wire_html_is_semantic_with_links_and_the_ap_dateline() {
    let html = html_of(&earnings(), ExportStyle::NewswireHtml);
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")
    );
    assert!(html.contains(
        "<h1>Northwind Instruments Reports Fourth Quarter and Full Year 2025 Results</h1>"
    ));
    assert!(html.contains("<p>MADISON, Wis., Feb. 26, 2026 (GLOBE NEWSWIRE) -- Northwind"));
    assert!(html.contains(
        "Email: <a href=\"mailto:investors@northwind-instruments.example\">investors@northwind-instruments.example</a>"
    ));
    assert!(html.contains("<h3>2026 Outlook</h3>"));
    assert!(
        html.contains("<p><strong>EMBARGOED UNTIL 4:20 P.M. EST, FEBRUARY 26, 2026</strong></p>")
    );
    assert!(!html.contains("<script") && !html.contains("<style"));
    // A web address in prose is a link too.
    let mut d = earnings();
    d.set_body([Block::Paragraph(
        "Details at www.northwind-instruments.example/ir.".into(),
    )]);
    let html = html_of(&d, ExportStyle::NewswireHtml);
    assert!(html.contains(
        "<a href=\"https://www.northwind-instruments.example/ir\">www.northwind-instruments.example/ir</a>.</p>"
    ), "{html}");
}

#[test]
fn wire_html_keeps_utf8_and_follows_the_drafts_dateline_style() {
    let mut d = earnings();
    d.headline = "Caf\u{e9} & \u{682a}\u{5f0f} <b>".into();
    d.dateline.style = DatelineStyle::Full;
    let html = html_of(&d, ExportStyle::NewswireHtml);
    assert!(html.contains("<h1>Caf\u{e9} &amp; \u{682a}\u{5f0f} &lt;b&gt;</h1>"));
    assert!(html.contains("<p>Madison, WI, February 26, 2026 (GLOBE NEWSWIRE) - - Northwind"));
}

#[test]
fn a_wire_html_fragment_is_the_documents_body() {
    let d = earnings();
    let doc = html_of(&d, ExportStyle::NewswireHtml);
    let fragment = String::from_utf8(
        export::export(
            &d,
            ExportStyle::NewswireHtml,
            &ExportOptions {
                fragment: true,
                ..ExportOptions::default()
            },
        )
        .unwrap()
        .main,
    )
    .unwrap();
    let body = doc
        .split_once("<body>\n")
        .unwrap()
        .1
        .strip_suffix("</body>\n</html>\n")
        .unwrap();
    assert_eq!(fragment, body);
    assert!(fragment.starts_with("<p><strong>EMBARGOED"));
}

// ---------------------------------------------------------------------------------------
// Word.

#[test]
fn word_opens_with_real_paragraphs_and_a_bold_centred_headline() {
    let d = earnings();
    let out = export_as(&d, ExportStyle::Docx);
    assert!(out.binary && out.main.starts_with(b"PK"));
    let paras = word_paragraphs(&out.main);
    let headline = paras
        .iter()
        .find(|p| p.text.starts_with("Northwind Instruments Reports"))
        .expect("the headline");
    assert!(headline.bold && headline.centred, "{headline:?}");
    let contact = paras
        .iter()
        .find(|p| p.text.starts_with("Investor Contact:"))
        .unwrap();
    assert_eq!(
        contact.text,
        "Investor Contact:\nNorthwind Instruments, Inc.\nPriya Raman, Vice President, Investor Relations\nPhone: 608-555-0142\nEmail: investors@northwind-instruments.example"
    );
    let bullets = paras.iter().filter(|p| p.bullet).count();
    assert_eq!(bullets, 3, "the subheadline's bullets are a Word list");
    // The safe harbor is the house's text, word for word.
    let safe = paras
        .iter()
        .find(|p| p.text.starts_with("This release contains"))
        .unwrap();
    assert_eq!(
        safe.text,
        text::space_sentences(&d.safe_harbor.text, d.export.sentence_spacing)
    );
    in_order(&draft_words(&d, Style::Edgar), &words(&word_text(&paras))).unwrap();
}

/// LibreOffice reads each example's Word document as the text export's words. Skipped
/// (with a message) where `soffice` is not installed; in CI (`CI` set), which installs it
/// through `scripts/test`, its absence is a failure.
#[test]
fn libreoffice_reads_the_word_documents() {
    let Some(profile) = common::libreoffice() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for p in examples() {
        let mut d = draft_file::load(&p).unwrap();
        d.export.layout.title_spaced = Some(false);
        one_line_table_headings(&mut d);
        let stem = stem(&p);
        let docx = dir.path().join(format!("{stem}.docx"));
        std::fs::write(&docx, export_as(&d, ExportStyle::Docx).main).unwrap();
        let Some(text) = common::libreoffice_text(profile.path(), &docx) else {
            return;
        };
        assert_eq!(
            words(&text),
            text_export_words(&d, d.export.style),
            "{stem}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// The validator, rule by rule.

const CLEAN: &str = r##"<html>
<head>
<title>Acme &amp; Sons</title>
</head>
<body style="font-family: Times New Roman">
<p align="center"><img src="acme-logo.jpg" alt="Acme" width="200"></p>
<p><a name="top"></a><b>Acme</b> &#8212; caf&eacute; &nbsp; AT&T &copy; 2026</p>
<table border="0" cellpadding="2" width="100%">
<caption>Results</caption>
<tr><th align="left">Revenue</th><td align="right" style="border-bottom: 1px solid black">$</td><td align="right">84.2</td></tr>
</table>
<ul><li>One</li></ul>
<p><a href="#top">Back to top</a> <a href="https://www.sec.gov/Archives/edgar/data/1/x.htm">SEC</a></p>
<hr noshade size="1">
<font size="2" color="#000000"><i>Small</i></font>
<!-- a comment -->
</body>
</html>
"##;

fn problems(html: &str) -> Vec<Problem> {
    edgar_validate::validate(html.as_bytes())
}

/// The problems as `(line, col, rule)`.
fn found(html: &str) -> Vec<(usize, usize, &'static str)> {
    problems(html)
        .into_iter()
        .map(|p| (p.line, p.col, p.rule))
        .collect()
}

#[test]
fn a_clean_exhibit_passes() {
    assert_eq!(problems(CLEAN), []);
}

#[test]
fn rule_character() {
    let f = found("<p>ok</p>\n<p>caf\u{e9} \u{2014}\u{7}</p>\n");
    assert_eq!(
        f,
        [
            (2, 7, "character"),
            (2, 9, "character"),
            (2, 10, "character")
        ]
    );
    let p = problems("<p>\u{2014}</p>");
    assert!(p[0].message.contains("&#8212;"), "{}", p[0].message);
    // Not UTF-8 at all (Windows-1252's curly quote).
    assert_eq!(found_bytes(b"<p>\x93q</p>"), [(1, 4, "character")]);
}

fn found_bytes(html: &[u8]) -> Vec<(usize, usize, &'static str)> {
    edgar_validate::validate(html)
        .into_iter()
        .map(|p| (p.line, p.col, p.rule))
        .collect()
}

#[test]
fn rule_entity() {
    let f = found("<p>&check; &#150; &#0;\n&#65 &#xZZ; &#x2014; &amp;</p>");
    assert_eq!(
        f,
        [
            (1, 4, "entity"),
            (1, 12, "entity"),
            (1, 19, "entity"),
            (2, 1, "entity"),
            (2, 6, "entity"),
        ]
    );
}

#[test]
fn rule_syntax() {
    let f = found("<p class=\"a\" class=\"b\">x</p>\n<p>y</p>\n<!-- open");
    assert_eq!(
        f.iter().filter(|(.., r)| *r == "syntax").count(),
        2,
        "{f:?}"
    );
    assert_eq!((f[0].0, f[0].1), (1, 14), "{f:?}");
    assert_eq!(f[1].0, 3, "{f:?}");
}

#[test]
fn rule_tag() {
    let html = "<html>\n<head><style>p { color: red }</style>\n<script>if (a < b) alert(1)</script></head>\n<body><span>x</span>\n<table><thead><tr><td>1</td></tr></thead><col></table>\n<form><iframe src=\"x\"></iframe><object></object><embed src=\"x\"></form></body></html>";
    let f = found(html);
    let tags: Vec<(usize, usize)> = f
        .iter()
        .filter(|(.., r)| *r == "tag")
        .map(|(l, c, _)| (*l, *c))
        .collect();
    assert_eq!(
        tags,
        [
            (2, 7),
            (3, 1),
            (4, 7),
            (5, 8),
            (5, 42),
            (6, 1),
            (6, 7),
            (6, 32),
            (6, 49)
        ],
        "{f:?}"
    );
    // What the script and style hold is not read as tags.
    assert_eq!(f.len(), tags.len(), "{f:?}");
    let p = problems("<script>x</script>");
    assert!(p[0].message.contains("scripts"), "{}", p[0].message);
}

#[test]
fn rule_attribute() {
    assert_eq!(
        found("<p align=\"center\" foo=\"x\">x</p>\n<img src=\"a.gif\" usemap=\"#m\">"),
        [(1, 19, "attribute"), (2, 18, "attribute")]
    );
}

#[test]
fn rule_event_handler() {
    assert_eq!(
        found("<body>\n<p onclick=\"steal()\">x</p>\n<img src=\"a.gif\" ONLOAD=\"x\"></body>"),
        [(2, 4, "event-handler"), (3, 18, "event-handler")]
    );
}

#[test]
fn rule_link() {
    let f = found(
        "<a href=\"https://example.com/\">x</a>\n<a href=\"#nowhere\">y</a> <a href=\"ex99-2.htm\">z</a>\n<a name=\"here\" href=\"#here\">ok</a> <a href=\"http://sec.gov/x\">ok</a> <a href=\"https://www.sec.gov.evil.example/\">no</a>",
    );
    assert_eq!(
        f,
        [
            (1, 4, "link"),
            (2, 4, "link"),
            (2, 29, "link"),
            (3, 73, "link")
        ]
    );
}

#[test]
fn rule_external_reference() {
    assert_eq!(
        found(
            "<body background=\"paper.jpg\">\n<p style=\"background: url(x.gif)\">x</p>\n<div style=\"color: red\">@import</div></body>"
        ),
        [(1, 7, "external-reference"), (2, 4, "external-reference")]
    );
}

#[test]
fn rule_data_url() {
    assert_eq!(
        found(
            "<img src=\"data:image/gif;base64,R0lGOD\">\n<p style=\"background: url('data:image/png;base64,xx')\">x</p>"
        ),
        [(1, 6, "data-url"), (2, 4, "data-url")]
    );
}

#[test]
fn rule_image() {
    assert_eq!(
        found(
            "<img src=\"logo.png\">\n<img src=\"https://cdn.example/logo.jpg\"><img src=\"img/logo.gif\">\n<img alt=\"no source\">"
        ),
        [
            (1, 6, "image"),
            (2, 6, "image"),
            (2, 46, "image"),
            (3, 1, "image")
        ]
    );
}

#[test]
fn rule_nested_table() {
    assert_eq!(
        found(
            "<table><tr><td>\n  <table><tr><td>x</td></tr></table>\n</td></tr></table>\n<table><tr><td>y</td></tr></table>"
        ),
        [(2, 3, "nested-table")]
    );
}

#[test]
fn many_problems_of_one_rule_are_counted_not_listed() {
    let html = format!("<p>{}</p>", "\u{e9}".repeat(80));
    let p = problems(&html);
    assert_eq!(p.len(), 51);
    assert!(p[50].message.contains("30 more"), "{}", p[50].message);
    assert_eq!((p[50].line, p[50].col), (1, 54));
}

#[test]
fn problems_print_with_line_column_and_rule_and_as_json() {
    let p = &problems("<p>\n<script></script>")[0];
    assert_eq!(
        p.to_string(),
        "2:1: tag: <script> is not allowed: scripts are not allowed"
    );
    let json = serde_json::to_value(p).unwrap();
    assert_eq!(json["line"], 2);
    assert_eq!(json["col"], 1);
    assert_eq!(json["rule"], "tag");
}

// ---------------------------------------------------------------------------------------
// Properties over arbitrary drafts (the parts from `tests/common/drafts.rs`).

prop_compose! {
    fn any_draft()(
        timing in any_timing(),
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
        style in prop_oneof![Just(Style::Edgar), Just(Style::Newswire)],
        spacing in 0usize..3,
        layout in prop::array::uniform8(proptest::option::of(any::<bool>())),
        layout3 in any::<u16>(),
    ) -> Draft {
        let mut d = Draft {
            version: FORMAT_VERSION,
            // The logo is a file; its handling has tests of its own.
            release: Release { timing, logo: None, title, exhibit, ..Release::default() },
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
                style,
                format: pressroom::core::draft::FileFormat::Text,
                sentence_spacing: [SentenceSpacing::AsTyped, SentenceSpacing::One, SentenceSpacing::Two][spacing],
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
                ..ExportSettings::default()
            },
            spelling: Default::default(),
            // Comments print in no export; tests/comments.rs holds them to that.
            comments: Vec::new(),
        };
        d.export.layout = with_format3_layout(d.export.layout, layout3);
        d.assign_ids();
        d
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Whatever the draft holds, EDGAR HTML passes EDGAR's rules (the export would refuse
    /// otherwise) and its text holds every word of the draft in reading order.
    #[test]
    fn edgar_html_always_passes_and_keeps_every_word(d in any_draft()) {
        let out = export::export(&d, ExportStyle::EdgarHtml, &ExportOptions::default())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let html = String::from_utf8(out.main).unwrap();
        prop_assert!(html.is_ascii());
        let problems = edgar_validate::validate(html.as_bytes());
        prop_assert!(problems.is_empty(), "{:?}", problems);
        in_order(&draft_words(&d, Style::Edgar), &words(&html_text(&html)))
            .map_err(TestCaseError::fail)?;
    }

    /// Wire HTML and Word keep every word too, in order.
    #[test]
    fn wire_html_and_word_keep_every_word(d in any_draft()) {
        let html = html_of(&d, ExportStyle::NewswireHtml);
        in_order(&draft_words(&d, Style::Newswire), &words(&html_text(&html)))
            .map_err(|e| TestCaseError::fail(format!("wire: {e}")))?;
        let docx = word_paragraphs(&export_as(&d, ExportStyle::Docx).main);
        in_order(&draft_words(&d, d.export.style), &words(&word_text(&docx)))
            .map_err(|e| TestCaseError::fail(format!("Word: {e}")))?;
    }

    /// The validator never panics, whatever bytes it is given.
    #[test]
    fn the_validator_reads_anything(bytes in prop::collection::vec(any::<u8>(), 0..400), text in any_text()) {
        let _ = edgar_validate::validate(&bytes);
        let _ = edgar_validate::validate(text.as_bytes());
    }
}
