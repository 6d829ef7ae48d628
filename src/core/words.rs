//! The one word count: words of the release's own text, as a reader counts them.
//!
//! A word is a run of letters and digits; an apostrophe or hyphen between two of them
//! keeps the word going ("Company's", "forward-looking"), and so does a full stop or comma
//! between two digits ("84.2", "1,234"). Counted: headline, subheadline, the dateline's
//! place, body (quotes with their attribution), "About" sections and safe harbor. Not
//! counted: the letterhead, title, exhibit label, timing line, contacts, page marks, end mark
//! and closing line, which are page furniture rather than the release, nor the dateline's
//! date, which a new draft fills in itself (so an untouched draft counts no words).

use crate::core::draft::{Draft, FieldRef};
use crate::core::walk::{self, Part, TextRef};

/// Whether a piece of text is the release's own (see the module notes).
pub fn is_release_text(r: TextRef) -> bool {
    // The dateline as written repeats its place, counted once as the city and region.
    r.part != Part::AsWritten
        && matches!(
            r.field,
            FieldRef::Headline
                | FieldRef::Subheadline
                | FieldRef::Dateline
                | FieldRef::Body(_)
                | FieldRef::About(_)
                | FieldRef::SafeHarbor
        )
}

/// The words of the draft's release text.
pub fn count(d: &Draft) -> usize {
    let mut n = 0;
    walk::each_text(d, |r, t| {
        if is_release_text(r) {
            n += count_in(t);
        }
    });
    n
}

/// The words in one text.
pub fn count_in(text: &str) -> usize {
    if text.is_ascii() {
        return count_bytes(text.as_bytes());
    }
    let chars: Vec<char> = text.chars().collect();
    let mut n = 0;
    let mut in_word = false;
    for (i, &c) in chars.iter().enumerate() {
        if c.is_alphanumeric() {
            if !in_word {
                n += 1;
                in_word = true;
            }
        } else if in_word && joins(c, chars.get(i.wrapping_sub(1)), chars.get(i + 1)) {
            // stays in the word
        } else {
            in_word = false;
        }
    }
    n
}

/// Whether `c`, between `before` and `after`, joins them into one word.
fn joins(c: char, before: Option<&char>, after: Option<&char>) -> bool {
    let (Some(&b), Some(&a)) = (before, after) else {
        return false;
    };
    match c {
        '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}' => {
            b.is_alphanumeric() && a.is_alphanumeric()
        }
        '.' | ',' => b.is_ascii_digit() && a.is_ascii_digit(),
        _ => false,
    }
}

/// The same count for ASCII text, byte by byte: most releases are ASCII, and a long one is
/// counted on every keystroke.
fn count_bytes(b: &[u8]) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for i in 0..b.len() {
        let c = b[i];
        if c.is_ascii_alphanumeric() {
            if !in_word {
                n += 1;
                in_word = true;
            }
        } else if in_word {
            let before = b[i - 1]; // in a word, so i > 0
            let after = b.get(i + 1).copied().unwrap_or(b' ');
            in_word = match c {
                b'\'' | b'-' => before.is_ascii_alphanumeric() && after.is_ascii_alphanumeric(),
                b'.' | b',' => before.is_ascii_digit() && after.is_ascii_digit(),
                _ => false,
            };
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::draft::Block;

    #[test]
    fn words_are_runs_of_letters_and_digits_joined_inside() {
        assert_eq!(count_in("The Company's forward-looking outlook"), 4);
        assert_eq!(count_in("Revenue of $84.2 million, up 1,234 units."), 7);
        assert_eq!(count_in("- - -more- ### 'quoted' end."), 3);
        assert_eq!(count_in("Café “naïve” résumé — 東京"), 4);
        assert_eq!(count_in("l\u{2019}entreprise"), 1);
        assert_eq!(count_in(""), 0);
    }

    #[test]
    fn an_empty_draft_has_no_words_and_furniture_is_not_counted() {
        let mut d = Draft::default();
        assert_eq!(count(&d), 0, "title and timing line are not the release");
        d.contacts[0].name = "Dana Reyes".into();
        d.release.exhibit = "EXHIBIT 99.1".into();
        assert_eq!(count(&d), 0);
        d.headline = "Acme Opens Plant".into();
        d.dateline.city = "Dayton".into();
        d.dateline.date = chrono::NaiveDate::from_ymd_opt(2026, 3, 2);
        d.set_body([
            Block::Paragraph("It employs 300 people.".into()),
            Block::PageBreak,
        ]);
        d.safe_harbor.text = "Plans may change.".into();
        // 3 + Dayton + 4 + 3 (the date is not counted)
        assert_eq!(count(&d), 3 + 1 + 4 + 3);
    }

    proptest::proptest! {
        #[test]
        fn ascii_is_counted_as_the_general_rule_counts_it(
            text in "[ a-zA-Z0-9.,'\\-\t$]{0,60}"
        ) {
            let chars: Vec<char> = text.chars().collect();
            let mut n = 0;
            let mut in_word = false;
            for (i, &c) in chars.iter().enumerate() {
                if c.is_alphanumeric() {
                    n += usize::from(!in_word);
                    in_word = true;
                } else {
                    in_word = in_word && joins(c, chars.get(i.wrapping_sub(1)), chars.get(i + 1));
                }
            }
            proptest::prop_assert_eq!(count_bytes(text.as_bytes()), n);
        }
    }
}
