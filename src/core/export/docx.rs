//! The release as a Word document (`.docx`), for counsel's review and for wires that take
//! Word: real paragraphs, the logo, a bold centred headline, the contact block, lists as
//! Word lists, bold headings, the safe harbor in the house's own words, page breaks as
//! page breaks. Built with `docx-rs`; the layout choices (dateline form, title, timing
//! line, indents) are those of the draft's own text style.

use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, BreakType, Docx, IndentLevel, Level, LevelJc,
    LevelText, LineSpacing, NumberFormat, Numbering, NumberingId, Paragraph, Pic, Run, RunFonts,
    SpecialIndentType, Start, Table, TableAlignmentType, TableCell, TableCellBorder,
    TableCellBorderPosition, TableRow,
};

use super::ExportError;
use super::flow::{self, Item, Prose, Rules};
use crate::core::draft::Draft;
use crate::core::table::{Cooked, RowKind};

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

mod comments;

/// The document's bytes; `logo` is a PNG with its width and height in pixels. With
/// `with_comments`, the draft's comments go in as Word comments (see [`comments`]).
pub fn write(
    draft: &Draft,
    rules: &Rules,
    logo: Option<(Vec<u8>, u32, u32)>,
    with_comments: bool,
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
    let mut parts = Vec::with_capacity(draft.body.len() * 2 + 16);
    // Which parts each field printed, for anchoring comments (only when asked for).
    let mut spans = comments::Spans::default();
    flow::flow_fields(draft, rules, |field, item| {
        let start = parts.len();
        let shape = with_comments.then(|| comments::Shape::of(&item));
        match item {
            Item::Table(t) => parts.extend(table_parts(&t)),
            item => parts.extend(
                item_paragraphs(item, rules, &mut logo)
                    .into_iter()
                    .map(|p| Part::Paragraph(Box::new(p))),
            ),
        }
        if let Some(shape) = shape {
            spans.record(field, shape, start..parts.len());
        }
    });
    let threads = if with_comments {
        comments::anchor(draft, &spans, &mut parts)
    } else {
        Vec::new()
    };
    for p in parts {
        doc = match p {
            Part::Paragraph(p) => doc.add_paragraph(*p),
            Part::Table(t) => doc.add_table(*t),
        };
    }
    let mut xml = doc.build();
    if !threads.is_empty() {
        comments::finish(&mut xml, &threads).map_err(ExportError::Docx)?;
    }
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out)
        .map_err(|e| ExportError::Docx(e.to_string()))?;
    Ok(out.into_inner())
}

/// What a Word body holds: paragraphs and tables.
enum Part {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

/// Half-points: table text at 10 pt, as statements are set.
const TABLE_SIZE: usize = 20;

/// A financial table: the title centred above, a Word table (`$` and figure each in a
/// cell of their own, as printers set them, a single rule over a subtotal's figures and a
/// double one under a total's), footnotes below.
fn table_parts(t: &Cooked) -> Vec<Part> {
    let mut parts = Vec::new();
    let last_title = t.title.len();
    for (k, line) in t.title.iter().enumerate() {
        let mut p = Paragraph::new()
            .add_run(run(line).bold())
            .align(AlignmentType::Center)
            .keep_next(true);
        if k + 1 == last_title {
            p = p.line_spacing(LineSpacing::new().after(120));
        } else {
            p = p.line_spacing(LineSpacing::new().after(0));
        }
        parts.push(Part::Paragraph(Box::new(p)));
    }
    let n = t.columns();
    let small = |s: &str| run(s).size(TABLE_SIZE);
    let para = |r: Run| {
        Paragraph::new()
            .add_run(r)
            .line_spacing(LineSpacing::new().after(0))
    };
    let lines_para = |ls: &[String]| {
        let mut r = Run::new().size(TABLE_SIZE);
        for (k, l) in ls.iter().enumerate() {
            if k > 0 {
                r = r.add_break(BreakType::TextWrapping);
            }
            r = r.add_text(xml_text(l));
        }
        para(r).align(AlignmentType::Center)
    };
    let empty = || TableCell::new().add_paragraph(para(Run::new()));
    let border = |pos, kind| {
        TableCellBorder::new(pos)
            .border_type(kind)
            .size(if kind == BorderType::Double { 6 } else { 4 })
    };
    let mut rows = Vec::new();
    if !t.groups.is_empty() {
        let mut cells = vec![empty()];
        let mut c = 0;
        for (label, cols) in &t.groups {
            while c < cols.start {
                cells.push(empty().grid_span(2));
                c += 1;
            }
            cells.push(
                TableCell::new()
                    .add_paragraph(lines_para(label))
                    .grid_span(cols.len() * 2)
                    .set_border(border(TableCellBorderPosition::Bottom, BorderType::Single)),
            );
            c = cols.end;
        }
        while c < n {
            cells.push(empty().grid_span(2));
            c += 1;
        }
        rows.push(TableRow::new(cells));
    }
    if t.has_headings() {
        let mut cells = vec![TableCell::new().add_paragraph(para(small(&t.label_heading)))];
        for h in &t.headings {
            cells.push(TableCell::new().add_paragraph(lines_para(h)).grid_span(2));
        }
        rows.push(TableRow::new(cells));
    }
    for row in &t.rows {
        let indent = i32::from(row.indent) * 240;
        let label = para(small(&row.label)).indent(Some(indent), None, None, None);
        if matches!(row.kind, RowKind::Heading | RowKind::Blank) {
            rows.push(TableRow::new(vec![
                TableCell::new().add_paragraph(label).grid_span(1 + 2 * n),
            ]));
            continue;
        }
        let mut cells = vec![TableCell::new().add_paragraph(label)];
        for cell in &row.cells {
            let mut dollar =
                TableCell::new().add_paragraph(para(small(if cell.dollar { "$" } else { "" })));
            let mut figure =
                TableCell::new().add_paragraph(para(small(&cell.text)).align(if cell.number {
                    AlignmentType::Right
                } else {
                    AlignmentType::Center
                }));
            if !cell.text.is_empty() && matches!(row.kind, RowKind::Subtotal | RowKind::Total) {
                for c in [&mut dollar, &mut figure] {
                    *c = std::mem::take(c)
                        .set_border(border(TableCellBorderPosition::Top, BorderType::Single));
                    if row.kind == RowKind::Total {
                        *c = std::mem::take(c).set_border(border(
                            TableCellBorderPosition::Bottom,
                            BorderType::Double,
                        ));
                    }
                }
            }
            cells.push(dollar);
            cells.push(figure);
        }
        rows.push(TableRow::new(cells));
    }
    parts.push(Part::Table(Box::new(
        Table::without_borders(rows).align(TableAlignmentType::Center),
    )));
    for f in &t.footnotes {
        parts.push(Part::Paragraph(Box::new(spaced(
            Paragraph::new().add_run(small(f)),
        ))));
    }
    // Space after the table before the next paragraph.
    parts.push(Part::Paragraph(Box::new(para(Run::new()))));
    parts
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
        // Tables are not paragraphs: `write` hands them to `table_parts`.
        Item::Table(_) => Vec::new(),
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
