//! Arbitrary drafts exported in both styles: never a panic, never a prose line wider than
//! the width, never an EDGAR table line wider than 132 columns (a table that cannot fit is
//! reported, not printed), never a non-ASCII byte in the EDGAR style.
#![no_main]

use arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use pressroom::core::draft::*;
use pressroom::core::render::{self, text};
use pressroom::core::table::{ColumnGroup, Negatives, Row, RowKind, SumPart, Table, Unit};

fn s(u: &mut Unstructured) -> Result<String> {
    u.arbitrary()
}

fn pick<T: Copy>(u: &mut Unstructured, options: &[T]) -> Result<T> {
    Ok(*u.choose(options)?)
}

fn draft(u: &mut Unstructured) -> Result<Draft> {
    let mut d = Draft::default();
    d.release.title = s(u)?;
    d.release.exhibit = s(u)?;
    if u.arbitrary()? {
        d.release.logo = Some(s(u)?);
    }
    let date = chrono::NaiveDate::from_ymd_opt(u.int_in_range(1900..=2100)?, u.int_in_range(1..=12)?, u.int_in_range(1..=28)?)
        .expect("valid date");
    d.release.timing = match u.int_in_range(0..=2)? {
        0 => Timing::Immediate,
        1 => Timing::ReleaseOn(date),
        _ => Timing::Embargoed {
            date,
            time: chrono::NaiveTime::from_hms_opt(u.int_in_range(0..=23)?, u.int_in_range(0..=59)?, 0).expect("valid"),
            zone: if u.arbitrary()? { Some(chrono_tz_new_york()) } else { None },
        },
    };
    d.company.name = s(u)?;
    d.contacts = (0..u.int_in_range(0..=3)?)
        .map(|_| Ok(Contact { role: s(u)?, organisation: s(u)?, name: s(u)?, title: s(u)?, phone: s(u)?, email: s(u)? }))
        .collect::<Result<_>>()?;
    d.contacts_placement = pick(u, &[ContactsPlacement::Top, ContactsPlacement::EndBeforeMark, ContactsPlacement::EndAfterMark])?;
    d.headline = s(u)?;
    d.subheadline = match u.int_in_range(0..=2)? {
        0 => Subheadline::None,
        1 => Subheadline::Text(s(u)?),
        _ => Subheadline::Bullets(u.arbitrary()?),
    };
    d.dateline = Dateline {
        city: s(u)?,
        region: s(u)?,
        date: if u.arbitrary()? { Some(date) } else { None },
        wire: pick(u, &[Wire::None, Wire::PrNewswire, Wire::BusinessWire, Wire::GlobeNewswire])?,
        style: pick(u, &[DatelineStyle::Auto, DatelineStyle::Full, DatelineStyle::Ap, DatelineStyle::CityDash])?,
    };
    let blocks: Vec<Block> = (0..u.int_in_range(0..=8)?)
        .map(|_| {
            Ok(match u.int_in_range(0..=5)? {
                0 => Block::Paragraph(s(u)?),
                1 => Block::Quote(Quote {
                    text: s(u)?,
                    speaker: s(u)?,
                    title: s(u)?,
                    verb: s(u)?,
                    attribution: pick(u, &[Attribution::Before, Attribution::After])?,
                }),
                2 => Block::Bullets(u.arbitrary()?),
                3 => Block::Heading(s(u)?),
                4 => Block::Table(Box::new(table(u)?)),
                _ => Block::PageBreak,
            })
        })
        .collect::<Result<_>>()?;
    d.set_body(blocks);
    d.boilerplate = (0..u.int_in_range(0..=2)?).map(|_| Ok(About { heading: s(u)?, text: s(u)?, ..About::default() })).collect::<Result<_>>()?;
    d.safe_harbor = SafeHarbor { heading: s(u)?, text: s(u)?, page_break_before: u.arbitrary()? };
    d.end_mark = pick(u, &EndMark::ALL)?;
    let b = |u: &mut Unstructured| -> Result<Option<bool>> { u.arbitrary() };
    d.export = ExportSettings {
        style: pick(u, &Style::ALL)?,
        format: pick(u, &[FileFormat::Text, FileFormat::Html, FileFormat::Word])?,
        width: u.int_in_range(0..=300)?,
        sentence_spacing: pick(u, &[SentenceSpacing::AsTyped, SentenceSpacing::One, SentenceSpacing::Two])?,
        paragraph_indent: u.int_in_range(0..=60)?,
        page_length: u.int_in_range(0..=100)?,
        layout: Layout {
            title_spaced: b(u)?,
            headline_centred: b(u)?,
            headings_centred: b(u)?,
            contacts_hanging: b(u)?,
            contacts_spaced: b(u)?,
            contact_labels: b(u)?,
            indent_paragraphs: b(u)?,
            page_tag: b(u)?,
            ..Layout::default()
        },
    };
    Ok(d)
}

fn table(u: &mut Unstructured) -> Result<Table> {
    let columns = u.int_in_range(0..=10)?;
    let mut t = Table::new(columns);
    t.title = u.arbitrary()?;
    t.headings = (0..columns).map(|_| s(u)).collect::<Result<_>>()?;
    t.label_heading = s(u)?;
    if columns > 0 && u.arbitrary()? {
        let first = u.int_in_range(0..=columns - 1)?;
        t.groups.push(ColumnGroup::new(s(u)?, first, u.int_in_range(1..=columns - first)?));
    }
    for _ in 0..u.int_in_range(0..=12)? {
        let cells: Vec<String> = (0..columns).map(|_| s(u)).collect::<Result<_>>()?;
        let row = Row::new(s(u)?, cells)
            .kind(pick(u, &[RowKind::Ordinary, RowKind::Heading, RowKind::Subtotal, RowKind::Total, RowKind::Blank])?)
            .unit(pick(u, &[Unit::Currency, Unit::PerShare, Unit::Shares, Unit::Percent, Unit::Other])?)
            .sum(pick(u, &[SumPart::Added, SumPart::Subtracted, SumPart::NotSummed])?)
            .indent(u.int_in_range(0..=6)?);
        t.push_row(row);
    }
    t.options.negatives = pick(u, &[Negatives::Parentheses, Negatives::Minus])?;
    t.options.dollar_signs = u.arbitrary()?;
    t.options.leader_dots = u.arbitrary()?;
    t.footnotes = u.arbitrary()?;
    t.normalize();
    Ok(t)
}

fn chrono_tz_new_york() -> chrono_tz::Tz {
    chrono_tz::America::New_York
}

fuzz_target!(|data: &[u8]| {
    let Ok(d) = draft(&mut Unstructured::new(data)) else { return };
    for style in Style::ALL {
        let width = render::effective_width(&d, style);
        let r = render::render_as(&d, style);
        let out = r.text;
        for (i, line) in out.lines().enumerate() {
            let in_table = r.tables.iter().any(|(_, lines)| lines.contains(&i));
            let limit = match (in_table, style) {
                (false, _) => width,
                (true, Style::Edgar) => 132,
                (true, Style::Newswire) => usize::MAX, // natural width; past the prose a warning
            };
            assert!(text::width(line) <= limit, "{style:?}: {line:?} is wider than {limit}");
        }
        if style == Style::Edgar {
            assert!(out.bytes().all(|b| b == b'\n' || (32..127).contains(&b)), "non-ASCII in EDGAR");
        }
    }
});
