//! Text primitives shared by every export style: cleaning, ASCII transliteration,
//! sentence spacing, wrapping and centring by display width.

use unicode_width::UnicodeWidthStr;

use crate::core::draft::SentenceSpacing;

/// Display width as a terminal or monospace font shows it.
pub fn width(s: &str) -> usize {
    if is_plain_ascii(s) {
        return s.len();
    }
    UnicodeWidthStr::width(s)
}

/// Printable ASCII only: one column a byte, nothing to clean or convert. Most
/// releases are all this, so it is the fast path everywhere.
fn is_plain_ascii(s: &str) -> bool {
    s.bytes().all(|b| (b' '..=b'~').contains(&b))
}

/// Splits prose into paragraphs at blank lines and joins the lines of each with spaces.
/// Tabs and other control characters are not content: they become spaces or go.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let line: std::borrow::Cow<str> = if is_plain_ascii(line) {
            line.into()
        } else {
            clean_line(line).into()
        };
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line.trim());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Prose as one paragraph: every line break becomes a space.
pub fn one_paragraph(text: &str) -> String {
    paragraphs(text).join(" ")
}

/// Non-empty, trimmed lines, for fields where a newline is the author's line break.
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| clean_line(l).trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// One line of text without control characters (tabs become a space).
pub fn clean_line(s: &str) -> String {
    if is_plain_ascii(s) {
        return s.to_string();
    }
    s.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            c if c.is_control() => None,
            // Zero-width format characters that would otherwise confuse width.
            '\u{200B}' | '\u{FEFF}' | '\u{2028}' | '\u{2029}' => None,
            c => Some(c),
        })
        .collect()
}

/// ASCII for a character, when there is a sensible one. `None` means it must be reported.
pub fn ascii_for(c: char) -> Option<&'static str> {
    let fixed = match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => "-",
        '\u{2014}' | '\u{2015}' => "--",
        '\u{2026}' => "...",
        '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => " ",
        '\u{00AD}' | '\u{200C}' | '\u{200D}' | '\u{2060}' => "",
        '\u{2022}' | '\u{00B7}' | '\u{25AA}' | '\u{25CF}' => "*",
        '\u{2122}' => "(TM)",
        '\u{00AE}' => "(R)",
        '\u{00A9}' => "(C)",
        '\u{20AC}' => "EUR",
        '\u{00A3}' => "GBP",
        '\u{00A5}' => "JPY",
        '\u{00B0}' => " degrees",
        '\u{00BD}' => "1/2",
        '\u{00BC}' => "1/4",
        '\u{00BE}' => "3/4",
        '\u{00D7}' => "x",
        '\u{00A7}' => "Section ",
        _ => "",
    };
    if !fixed.is_empty() || matches!(c, '\u{00AD}' | '\u{200C}' | '\u{200D}' | '\u{2060}') {
        return Some(fixed);
    }
    if c.is_ascii() {
        return None; // callers keep ASCII as it is
    }
    // Only scripts whose letters have an agreed Latin spelling; CJK, emoji and
    // right-to-left scripts get reported rather than turned into guesses.
    let transliterable = matches!(c as u32,
        0x00C0..=0x024F   // Latin-1 letters, Latin Extended A/B
        | 0x0300..=0x036F // combining diacritics (dropped)
        | 0x0370..=0x03FF // Greek
        | 0x0400..=0x04FF // Cyrillic
        | 0x1E00..=0x1EFF // Latin Extended Additional
        | 0x2000..=0x206F // general punctuation
        | 0x20A0..=0x20CF // currency
        | 0x2100..=0x214F // letterlike
        | 0x2150..=0x218F // number forms
        | 0xFF01..=0xFF5E // full-width ASCII
    );
    if !transliterable {
        return None;
    }
    deunicode::deunicode_char(c).filter(|s| s.is_ascii() && !s.contains('['))
}

/// The ASCII form of `s` for EDGAR, and the characters that had none (written as `?`).
pub fn to_ascii(s: &str) -> (String, Vec<char>) {
    if is_plain_ascii(s) {
        return (s.to_string(), Vec::new());
    }
    let mut out = String::with_capacity(s.len());
    let mut missing = Vec::new();
    for c in s.chars() {
        if c.is_ascii() {
            if !c.is_ascii_control() {
                out.push(c);
            } else if c == '\t' {
                out.push(' ');
            }
            continue;
        }
        match ascii_for(c) {
            Some(a) => out.push_str(a),
            None => {
                if !missing.contains(&c) {
                    missing.push(c);
                }
                out.push('?');
            }
        }
    }
    (out, missing)
}

const ABBREVIATIONS: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "Jr.", "Sr.", "St.", "No.", "vs.", "Prof.", "Gen.", "Lt.", "Rep.",
    "Sen.", "Gov.", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "e.g.", "i.e.", "Mt.",
    "Ft.",
];

/// Sets the space after each sentence to one or two. A sentence ends at `.`, `?` or `!`
/// (perhaps followed by a closing quote or bracket) before a capital, a digit or an opening quote,
/// unless the word is a common abbreviation or a single initial.
pub fn space_sentences(s: &str, spacing: SentenceSpacing) -> String {
    let gap = match spacing {
        SentenceSpacing::AsTyped => return s.to_string(),
        SentenceSpacing::One => " ",
        SentenceSpacing::Two => "  ",
    };
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out = String::with_capacity(s.len() + words.len());
    for (i, word) in words.iter().enumerate() {
        out.push_str(word);
        let Some(next) = words.get(i + 1) else { break };
        out.push_str(if ends_sentence(word, next) { gap } else { " " });
    }
    out
}

/// Whether `word` ends a sentence when `next` follows it (see [`space_sentences`]).
pub fn ends_sentence(word: &str, next: &str) -> bool {
    let core = word.trim_end_matches(['"', '\'', ')', '\u{201D}', '\u{2019}']);
    if !core.ends_with(['.', '?', '!']) {
        return false;
    }
    if ABBREVIATIONS.contains(&core) {
        return false;
    }
    // "8:00 a.m. ET", "5 p.m. Eastern": a time's mark, not a sentence's end.
    if ["a.m.", "p.m.", "A.M.", "P.M."].contains(&core) {
        return false;
    }
    // "J." in "Judi J. Irving", "U.S." before a name stays one space only when it is an initial.
    let letters = core.trim_end_matches('.');
    if letters.chars().count() == 1 && letters.chars().all(char::is_uppercase) {
        return false;
    }
    next.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"'\u{201C}".contains(c))
}

/// Wraps a paragraph to `width` columns with the given first-line and following indents.
/// Never returns a line wider than `width` (long words are broken), whatever the input.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let width = width.max(1);
    // An indent that leaves no room for text is dropped rather than overflow the line;
    // callers keep indents that carry words (labels) well inside the width.
    let first = if self::width(first) + 4 <= width {
        first
    } else {
        ""
    };
    let rest = if self::width(rest) + 4 <= width {
        rest
    } else {
        ""
    };
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .break_words(true);
    let mut out = Vec::new();
    for line in textwrap::wrap(text, options) {
        let line = line.trim_end();
        if self::width(line) <= width {
            out.push(line.to_string());
        } else {
            // textwrap measures char by char; a few sequences (emoji with variation
            // selectors) measure wider as a string. Cut those by the string measure.
            out.extend(hard_split(line, width, rest));
        }
    }
    out
}

fn hard_split(line: &str, max: usize, rest: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in line.chars() {
        current.push(c);
        if width(&current) > max {
            current.pop();
            out.push(current.trim_end().to_string());
            current = format!("{rest}{c}");
            if width(&current) > max {
                current = rest.to_string(); // a character wider than the whole line
            }
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim_end().to_string());
    }
    out
}

/// Centres a line in `width` columns (no trailing spaces).
pub fn centre(line: &str, width: usize) -> String {
    let w = self::width(line);
    let pad = width.saturating_sub(w) / 2;
    format!("{}{}", " ".repeat(pad), line)
}

/// Breaks a headline into the fewest lines that fit `max`, then evens them out: the
/// narrowest width that still needs no more lines gives the most balanced break.
pub fn balanced_lines(text: &str, max: usize) -> Vec<String> {
    let plain = |w: usize| wrap(text, w, "", "");
    let target = plain(max);
    let mut lo = 8usize.min(max);
    let mut hi = max;
    // Binary search: the line count only grows as the width shrinks.
    while lo < hi {
        let mid = (lo + hi) / 2;
        if plain(mid).len() <= target.len() {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    let balanced = plain(hi);
    if balanced.len() <= target.len() {
        balanced
    } else {
        target
    }
}

/// Letter-spaces a title: `NEWS RELEASE` becomes `N E W S   R E L E A S E`.
pub fn letter_spaced(title: &str) -> String {
    title
        .split_whitespace()
        .map(|word| {
            let chars: Vec<String> = word.chars().map(String::from).collect();
            chars.join(" ")
        })
        .collect::<Vec<_>>()
        .join("   ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_within_width_and_indents_first_line() {
        let text = "HemaCare announced today a restructuring intended to achieve sustained profitability after a long review.";
        let lines = wrap(text, 40, "       ", "");
        assert!(lines[0].starts_with("       HemaCare"));
        assert!(!lines[1].starts_with(' '));
        assert!(lines.iter().all(|l| width(l) <= 40), "{lines:?}");
    }

    #[test]
    fn breaks_a_word_longer_than_the_line() {
        let word = "x".repeat(500);
        let lines = wrap(&word, 76, "", "");
        assert_eq!(lines.len(), 7);
        assert!(lines.iter().all(|l| width(l) <= 76));
        assert_eq!(lines.concat(), word);
    }

    #[test]
    fn wide_characters_count_double() {
        let text = "株式会社".repeat(30);
        let lines = wrap(&text, 20, "", "");
        assert!(lines.iter().all(|l| width(l) <= 20));
        assert_eq!(width(&lines[0]), 20);
    }

    #[test]
    fn hyphenated_words_may_break_at_the_hyphen() {
        let lines = wrap("these are the forward-looking statements", 26, "", "");
        assert_eq!(lines[0], "these are the forward-");
        assert_eq!(lines[1], "looking statements");
    }

    #[test]
    fn centres_by_display_width() {
        assert_eq!(centre("###", 77), format!("{}###", " ".repeat(37)));
        assert_eq!(centre("日本", 10), "   日本");
        assert_eq!(centre(&"x".repeat(90), 80), "x".repeat(90));
    }

    #[test]
    fn headline_lines_are_balanced() {
        let lines = balanced_lines(
            "HEMACARE CORPORATION ANNOUNCES CLOSURE OF BLOOD MANAGEMENT PROGRAMS",
            60,
        );
        assert_eq!(lines.len(), 2);
        let (a, b) = (width(&lines[0]) as i64, width(&lines[1]) as i64);
        assert!((a - b).abs() <= 10, "{lines:?}");
        assert_eq!(balanced_lines("SHORT HEADLINE", 60), vec!["SHORT HEADLINE"]);
    }

    #[test]
    fn letter_spacing_matches_the_exhibit_title() {
        assert_eq!(letter_spaced("NEWS RELEASE"), "N E W S   R E L E A S E");
        assert_eq!(letter_spaced("  PRESS  "), "P R E S S");
    }

    #[test]
    fn transliterates_typography_and_accents() {
        let (a, missing) = to_ascii("“Café” — it’s 50% … €5 ™ naïve Ñandú\u{00A0}x");
        assert_eq!(a, "\"Cafe\" -- it's 50% ... EUR5 (TM) naive Nandu x");
        assert!(missing.is_empty());
    }

    #[test]
    fn decomposed_accents_lose_only_the_mark() {
        let (a, missing) = to_ascii("Cafe\u{0301} Zu\u{0308}rich");
        assert_eq!(a, "Cafe Zurich");
        assert!(missing.is_empty());
    }

    #[test]
    fn reports_what_has_no_ascii_form() {
        let (a, missing) = to_ascii("Tokyo 東京 😀 ok");
        assert_eq!(a, "Tokyo ?? ? ok");
        assert_eq!(missing, vec!['東', '京', '😀']);
    }

    #[test]
    fn sentence_spacing_one_and_two() {
        let s = "Sales rose 5%. The Company expects more.  Mr. Smith agreed. It is in the U.S. market. \"Yes.\" He left.";
        assert_eq!(
            space_sentences(s, SentenceSpacing::Two),
            "Sales rose 5%.  The Company expects more.  Mr. Smith agreed.  It is in the U.S. market.  \"Yes.\"  He left."
        );
        assert_eq!(
            space_sentences(s, SentenceSpacing::One),
            "Sales rose 5%. The Company expects more. Mr. Smith agreed. It is in the U.S. market. \"Yes.\" He left."
        );
        assert_eq!(space_sentences(s, SentenceSpacing::AsTyped), s);
    }

    #[test]
    fn a_time_of_day_does_not_end_a_sentence() {
        assert_eq!(
            space_sentences(
                "The call is at 8:00 a.m. ET today. Dial in.",
                SentenceSpacing::Two
            ),
            "The call is at 8:00 a.m. ET today.  Dial in."
        );
        assert!(!ends_sentence("p.m.", "Eastern"));
        assert!(ends_sentence("today.", "Dial"));
    }

    #[test]
    fn initials_do_not_end_sentences() {
        assert_eq!(
            space_sentences("Judi J. Irving spoke.", SentenceSpacing::Two),
            "Judi J. Irving spoke."
        );
    }

    #[test]
    fn paragraphs_split_at_blank_lines_and_drop_controls() {
        let p = paragraphs("one\ntwo\u{7}\tthree\n\n\nfour\n");
        assert_eq!(p, vec!["one two three", "four"]);
    }
}
