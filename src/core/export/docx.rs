//! The release as a Word document (`.docx`), for counsel's review and for wires that take
//! Word: real paragraphs, the logo, a bold centred headline, the contact block, lists as
//! Word lists, bold headings, the safe harbor in the house's own words, page breaks as
//! page breaks. Built with `docx-rs`; the layout choices (dateline form, title, timing
//! line, indents) are those of the draft's own text style.

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, IndentLevel, Level, LevelJc, LevelText,
    LineSpacing, NumberFormat, Numbering, NumberingId, Paragraph, Pic, Run, RunFonts,
    SpecialIndentType, Start,
};

use super::ExportError;
use super::flow::{self, Item, Prose, Rules};
use crate::core::draft::Draft;

/// Half-points: 12 pt body text, 14 pt headline and title.
const BODY_SIZE: usize = 24;
const HEADLINE_SIZE: usize = 28;
/// Twentieths of a point: the space after a paragraph, a first-line indent of half an inch.
const AFTER: u32 = 200;
const INDENT: i32 = 720;
/// The widest the logo is drawn, in EMU (two and a half inches).
const LOGO_MAX_WIDTH: u32 = 2_286_000;
const EMU_PER_PX: u32 = 9525;
/// The list definition of bullets (docx-rs keeps 1 for its own numbered list).
const BULLETS: usize = 2;

/// The document's bytes; `logo` is a PNG with its width and height in pixels.
pub fn write(
    draft: &Draft,
    rules: &Rules,
    logo: Option<(Vec<u8>, u32, u32)>,
) -> Result<Vec<u8>, ExportError> {
    let font = "Times New Roman";
    let mut doc = Docx::new()
        .default_fonts(
            RunFonts::new()
                .ascii(font)
                .hi_ansi(font)
                .cs(font)
                .east_asia(font),
        )
        .default_size(BODY_SIZE)
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("\u{2022}"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(720),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS));
    let mut logo = logo;
    let mut paragraphs = Vec::with_capacity(draft.body.len() * 2 + 16);
    flow::flow(draft, rules, |item| {
        paragraphs.extend(item_paragraphs(item, rules, &mut logo))
    });
    for p in paragraphs {
        doc = doc.add_paragraph(p);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut out)
        .map_err(|e| ExportError::Docx(e.to_string()))?;
    Ok(out.into_inner())
}

/// Text Word's XML can carry: no control characters or noncharacters.
fn xml_text(s: &str) -> String {
    s.chars()
        .filter(|&c| !c.is_control() && c != '\u{FFFE}' && c != '\u{FFFF}')
        .collect()
}

fn run(s: &str) -> Run {
    Run::new().add_text(xml_text(s))
}

fn spaced(p: Paragraph) -> Paragraph {
    p.line_spacing(LineSpacing::new().after(AFTER))
}

fn lines_run(lines: &[String], bold: bool) -> Run {
    let mut r = Run::new();
    for (k, l) in lines.iter().enumerate() {
        if k > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        r = r.add_text(xml_text(l));
    }
    if bold { r.bold() } else { r }
}

fn item_paragraphs(
    item: Item,
    rules: &Rules,
    logo: &mut Option<(Vec<u8>, u32, u32)>,
) -> Vec<Paragraph> {
    let centre = |p: Paragraph, yes: bool| {
        if yes {
            p.align(AlignmentType::Center)
        } else {
            p
        }
    };
    match item {
        Item::Exhibit(label) => vec![spaced(
            Paragraph::new()
                .add_run(run(&label).bold())
                .align(AlignmentType::Right),
        )],
        Item::Logo(_) => match logo.take() {
            Some((png, w, h)) => {
                let (mut wx, mut hx) = (w.max(1) * EMU_PER_PX, h.max(1) * EMU_PER_PX);
                if wx > LOGO_MAX_WIDTH {
                    hx = (hx as u64 * LOGO_MAX_WIDTH as u64 / wx as u64).max(1) as u32;
                    wx = LOGO_MAX_WIDTH;
                }
                let pic = Pic::new_with_dimensions(png, w, h)
                    .id("rIdImageLogo")
                    .size(wx, hx);
                vec![spaced(
                    Paragraph::new()
                        .add_run(Run::new().add_image(pic))
                        .align(AlignmentType::Center),
                )]
            }
            None => Vec::new(),
        },
        Item::Title(title) => {
            let mut r = run(&title).bold().size(HEADLINE_SIZE);
            if rules.title_spaced {
                r = r.character_spacing(60);
            }
            vec![spaced(
                Paragraph::new().add_run(r).align(AlignmentType::Center),
            )]
        }
        Item::Timing(line) => vec![spaced(Paragraph::new().add_run(run(&line).bold()))],
        Item::Contacts(entries) => entries
            .iter()
            .map(|e| {
                let mut p = Paragraph::new();
                if !e.label.is_empty() {
                    p = p.add_run(run(&e.label).bold());
                    if !e.lines.is_empty() {
                        p = p.add_run(Run::new().add_break(BreakType::TextWrapping));
                    }
                }
                spaced(p.add_run(lines_run(&e.lines, false)))
            })
            .collect(),
        Item::Headline(lines) => vec![spaced(centre(
            Paragraph::new()
                .add_run(lines_run(&lines, true).size(HEADLINE_SIZE))
                .keep_next(true),
            rules.headline_centred,
        ))],
        Item::Subheadline(t) => vec![spaced(centre(
            Paragraph::new().add_run(run(&t).italic()),
            rules.headline_centred,
        ))],
        Item::SubheadlineBullets(items) => bullets(&items, true),
        Item::Paragraph { lead, text, prose } => {
            let mut p = Paragraph::new();
            if rules.indent_paragraphs && matches!(prose, Prose::Body | Prose::Quote | Prose::About)
            {
                p = p.indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None);
            }
            if let Some(lead) = lead {
                p = p.add_run(run(&lead).bold());
            }
            if !text.is_empty() {
                p = p.add_run(run(&text));
            }
            vec![spaced(p)]
        }
        Item::Bullets(items) => bullets(&items, false),
        Item::Heading(h) => vec![spaced(
            Paragraph::new().add_run(run(&h).bold()).keep_next(true),
        )],
        Item::SectionHeading(h) => vec![spaced(centre(
            Paragraph::new().add_run(run(&h).bold()).keep_next(true),
            rules.headings_centred,
        ))],
        Item::PageBreak => vec![Paragraph::new().add_run(Run::new().add_break(BreakType::Page))],
        Item::EndMark(mark) => vec![spaced(
            Paragraph::new()
                .add_run(run(mark))
                .align(AlignmentType::Center),
        )],
    }
}

/// A Word list, one bulleted paragraph an item; the last keeps the space after.
fn bullets(items: &[String], italic: bool) -> Vec<Paragraph> {
    let n = items.len();
    items
        .iter()
        .enumerate()
        .map(|(k, i)| {
            let r = if italic { run(i).italic() } else { run(i) };
            let p = Paragraph::new()
                .add_run(r)
                .numbering(NumberingId::new(BULLETS), IndentLevel::new(0));
            if k + 1 == n {
                spaced(p)
            } else {
                p.line_spacing(LineSpacing::new().after(60))
            }
        })
        .collect()
}
