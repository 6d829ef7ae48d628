//! The redline as a Word document whose changes are Word's own tracked changes
//! (`w:ins` / `w:del`), so counsel accepts or rejects them in Word. A moved run is a
//! deletion where it was and an insertion where it went (as Word shows a move it cannot
//! pair): Accept All gives the new draft's words, Reject All the old one's.

use chrono::{DateTime, Utc};
use docx_rs::{Delete, Docx, Insert, Paragraph, Run};

use super::{Change, Redline};

/// Label paragraphs are small and grey; the text is the body size.
const LABEL_SIZE: usize = 16;
const TITLE_SIZE: usize = 28;

/// The redline as a `.docx`, its changes by `author` at `date`.
pub fn to_docx(
    r: &Redline,
    title: &str,
    author: &str,
    date: DateTime<Utc>,
) -> Result<Vec<u8>, String> {
    let date = date.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut doc = Docx::new()
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(title).bold().size(TITLE_SIZE)))
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(r.summary().to_string())));
    for t in &r.texts {
        // Moved-away words are shown here too: Word's tracked changes must undo to the old text.
        if t.pieces.is_empty() || !t.shown() {
            continue;
        }
        let mark = if t.moved { " (moved)" } else { "" };
        doc = doc.add_paragraph(
            Paragraph::new().add_run(
                Run::new()
                    .add_text(format!("{}{mark}", t.label))
                    .size(LABEL_SIZE)
                    .color("666666"),
            ),
        );
        let mut p = Paragraph::new();
        for (k, piece) in t.pieces.iter().enumerate() {
            let text = piece.text(k > 0);
            // The space before a change is not part of it (as in the HTML).
            let text = match text.strip_prefix(' ') {
                Some(words) if piece.change != Change::Same => {
                    p = p.add_run(Run::new().add_text(" "));
                    words.to_string()
                }
                _ => text,
            };
            p = match piece.change {
                Change::Same => p.add_run(Run::new().add_text(text)),
                Change::Inserted | Change::MovedHere => p.add_insert(
                    Insert::new(Run::new().add_text(text))
                        .author(author)
                        .date(date.clone()),
                ),
                Change::Deleted | Change::MovedAway => p.add_delete(
                    Delete::new()
                        .add_run(Run::new().add_delete_text(text))
                        .author(author)
                        .date(date.clone()),
                ),
            };
        }
        doc = doc.add_paragraph(p);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}
