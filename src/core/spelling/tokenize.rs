//! Which words of a text are checked. Only the words a dictionary can judge are handed to
//! it: web and email addresses, numbers and words with digits ("20th", "Q3", "10-K"),
//! all-capital abbreviations and tickers ("GAAP", "ACME"), `[PLACEHOLDERS]`, single letters
//! and words in scripts other than Latin (CJK, Cyrillic...) are never marked.

use std::ops::Range;

/// A word to check: its bytes in the text.
pub type Token = Range<usize>;

/// The words of `text` to check, in order. Hyphenated compounds come as their parts
/// ("year-over-year" is three words); apostrophes stay inside words ("don't", "company's").
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let placeholders = placeholder_ranges(text);
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                chunk(text, s..i, &placeholders, &mut out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    out
}

/// One run of text between spaces: skipped whole when it is an address, else split into
/// words.
fn chunk(text: &str, range: Range<usize>, placeholders: &[Range<usize>], out: &mut Vec<Token>) {
    let s = &text[range.clone()];
    let trimmed = s.trim_matches(|c: char| !c.is_alphanumeric());
    if is_address(trimmed) {
        return;
    }
    let mut word: Option<usize> = None;
    let bytes_end = range.end;
    for (i, c) in s
        .char_indices()
        .map(|(i, c)| (range.start + i, c))
        .chain(std::iter::once((bytes_end, ' ')))
    {
        if c.is_alphanumeric() || is_apostrophe(c) {
            word.get_or_insert(i);
        } else if let Some(w) = word.take() {
            push_word(text, w..i, placeholders, out);
        }
    }
}

fn push_word(text: &str, mut r: Range<usize>, placeholders: &[Range<usize>], out: &mut Vec<Token>) {
    // Apostrophes around a word are quotation marks ('tis aside).
    while let Some(c) = text[r.clone()].chars().next().filter(|c| is_apostrophe(*c)) {
        r.start += c.len_utf8();
    }
    while let Some(c) = text[r.clone()]
        .chars()
        .next_back()
        .filter(|c| is_apostrophe(*c))
    {
        r.end -= c.len_utf8();
    }
    let w = &text[r.clone()];
    if w.chars().filter(|c| c.is_alphabetic()).count() < 2
        || w.chars().any(|c| c.is_numeric())
        || !w.chars().all(|c| is_latin_letter(c) || is_apostrophe(c))
        || is_abbreviation(w)
        || placeholders
            .iter()
            .any(|p| p.start <= r.start && r.end <= p.end)
    {
        return;
    }
    out.push(r);
}

pub fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Letters of the Latin script (ASCII, Latin-1 and Latin Extended A and B).
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (c.is_alphabetic() && ('\u{C0}'..='\u{24F}').contains(&c))
}

/// All capitals ("GAAP", "ACME", "EBITDA's"): abbreviations and tickers.
fn is_abbreviation(w: &str) -> bool {
    let w = strip_possessive(w);
    w.chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase())
}

/// "company's" -> "company"; "companies'" was cut at the apostrophe already.
pub fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .or_else(|| w.strip_suffix("'S"))
        .or_else(|| w.strip_suffix("\u{2019}S"))
        .unwrap_or(w)
}

/// A web or email address: `name@host`, `https://...`, `www.x`, `acme.com/ir`.
fn is_address(s: &str) -> bool {
    if s.contains('@') || s.contains("://") || s.to_ascii_lowercase().starts_with("www.") {
        return true;
    }
    // host.tld, perhaps with a path: the part before any '/' has dots and ends in a
    // lower-case top-level domain.
    let host = s.split('/').next().unwrap_or("");
    let mut parts = host.split('.');
    let Some(tld) = host.rsplit('.').next() else {
        return false;
    };
    host.contains('.')
        && parts.all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_lowercase())
}

/// The byte ranges of `[PLACEHOLDERS]` (capitals in square brackets, as the checks find them).
fn placeholder_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if !text.contains('[') {
        return out;
    }
    let mut from = 0;
    while let Some(open) = text[from..].find('[').map(|i| from + i) {
        let Some(close) = text[open..].find(']').map(|i| open + i) else {
            break;
        };
        let inner = &text[open + 1..close];
        if crate::core::checks::find_placeholder(&text[open..=close]).is_some()
            && !inner.contains('[')
        {
            out.push(open..close + 1);
        }
        from = close + 1;
    }
    out
}

/// Every word of a name or a list ("Hemalytix Bio-Systems, Inc." gives Hemalytix, Bio,
/// Systems, Inc): the words accepted as the company's own.
pub fn name_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || is_apostrophe(c)))
        .map(|w| w.trim_matches(is_apostrophe))
        .filter(|w| !w.is_empty())
}
