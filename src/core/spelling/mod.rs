//! Spelling: which words of the draft the dictionary does not know, leaving out the
//! company's own words (its name, ticker, people, places, and the words its profiles list),
//! the user's personal word list and the words ignored in this draft. The window paints
//! squiggles from [`misspelt`]; the Checks panel and `pressroom check` list [`SpellCheck`]'s
//! findings (rule `spelling`, a note).
//!
//! Every text the walk visits is checked (labels, names and contact lines included): the
//! tokenizer leaves out what no dictionary can judge (addresses, numbers, abbreviations,
//! placeholders, other scripts), so a phone number or an email address is never marked.

pub mod dictionaries;
pub mod personal;
pub mod session;
pub mod tokenize;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::core::checks::{Finding, rules};
use crate::core::draft::Draft;
use crate::core::profiles::Profile;
use crate::core::walk::{self, Part, TextRef};
pub use dictionaries::{Available, BUILTIN, Speller};
pub use personal::PersonalList;

/// A word the dictionary does not know: where it is, and the word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Miss {
    pub range: Range<usize>,
    pub word: String,
}

/// Words that count as spelt right whatever the dictionary says, matched without regard
/// to case (and with or without a possessive `'s`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Accepted {
    words: HashSet<String>,
}

fn fold(word: &str) -> String {
    word.replace('\u{2019}', "'").to_lowercase()
}

impl Accepted {
    /// Accepts every word of `text` (a name, a list of words).
    pub fn add_words_of(&mut self, text: &str) {
        for w in tokenize::name_words(text) {
            self.words.insert(fold(w));
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        if self.words.is_empty() {
            return false;
        }
        let f = fold(word);
        self.words.contains(&f) || self.words.contains(tokenize::strip_possessive(&f))
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The parts of a draft whose words are the company's own: names of the company, its
/// people and places.
fn is_name(part: Part) -> bool {
    matches!(
        part,
        Part::CompanyName
            | Part::Ticker
            | Part::Exchange
            | Part::Website
            | Part::City
            | Part::Region
            | Part::Organisation
            | Part::Name
            | Part::Speaker
    )
}

/// Names every release uses that SCOWL's en_US lacks (exchanges and wires).
const RELEASE_WORDS: &[&str] = &[
    "Nasdaq",
    "Newswire",
    "GlobeNewswire",
    "PRNewswire",
    "BusinessWire",
    "Accesswire",
];

/// The words accepted for `draft`: its company's, contacts' and speakers' names and places,
/// the words ignored in it, and (unless left out for a repeatable answer) the company
/// profiles' names and words and the personal word list.
pub fn accepted(draft: &Draft, profiles: &[Profile], personal: &[String]) -> Accepted {
    let mut a = Accepted::default();
    for w in RELEASE_WORDS {
        a.add_words_of(w);
    }
    walk::each_text(draft, |r, t| {
        if is_name(r.part) {
            a.add_words_of(t);
        }
    });
    for w in draft.spelling.ignored.iter().chain(personal) {
        a.add_words_of(w);
    }
    for p in profiles {
        a.add_words_of(&p.name);
        let c = &p.company;
        for t in [
            &c.name,
            &c.ticker,
            &c.exchange,
            &c.website,
            &c.city,
            &c.state,
        ] {
            a.add_words_of(t);
        }
        for c in &p.contacts {
            a.add_words_of(&c.name);
            a.add_words_of(&c.organisation);
        }
        for w in &p.words {
            a.add_words_of(w);
        }
    }
    a
}

/// The words of `text` that `speller` does not know and `accepted` does not hold.
pub fn misspelt(speller: &Speller, accepted: &Accepted, text: &str) -> Vec<Miss> {
    tokenize::tokens(text)
        .into_iter()
        .filter(|r| {
            let w = &text[r.clone()];
            !speller.knows(w) && !accepted.contains(w)
        })
        .map(|r| Miss {
            word: text[r.clone()].to_string(),
            range: r,
        })
        .collect()
}

/// The draft's spelling findings, kept per text so that after a keystroke only the text
/// that changed is checked again; the dictionary's answer for each word is remembered too.
#[derive(Default)]
pub struct SpellCheck {
    lang: String,
    /// Each text as last checked and the words the dictionary did not know in it (before
    /// the accepted words are taken out, so a change to those needs no dictionary).
    texts: HashMap<TextRef, (String, Vec<Miss>)>,
    known: HashMap<String, bool>,
}

/// Words remembered past this many are forgotten (a bound on memory, not a limit).
const KNOWN_LIMIT: usize = 200_000;

impl SpellCheck {
    /// The words of `text` the dictionary does not know.
    fn unknown(&mut self, speller: &Speller, text: &str) -> Vec<Miss> {
        if self.known.len() > KNOWN_LIMIT {
            self.known.clear();
        }
        let mut out = Vec::new();
        for r in tokenize::tokens(text) {
            let w = &text[r.clone()];
            let known = match self.known.get(w) {
                Some(k) => *k,
                None => {
                    let k = speller.knows(w);
                    self.known.insert(w.to_string(), k);
                    k
                }
            };
            if !known {
                out.push(Miss {
                    word: w.to_string(),
                    range: r,
                });
            }
        }
        out
    }

    /// The findings (rule `spelling`, one for each word in each field it is in), in
    /// reading order.
    pub fn findings(
        &mut self,
        draft: &Draft,
        speller: &Speller,
        accepted: &Accepted,
    ) -> Vec<Finding> {
        if self.lang != speller.lang {
            self.lang = speller.lang.clone();
            self.texts.clear();
            self.known.clear();
        }
        let mut seen: HashSet<TextRef> = HashSet::new();
        let mut found: Vec<(TextRef, String)> = Vec::new();
        walk::each_text(draft, |r, text| {
            seen.insert(r);
            let fresh = match self.texts.get(&r) {
                Some((t, _)) => t != text,
                None => true,
            };
            if fresh {
                let unknown = self.unknown(speller, text);
                self.texts.insert(r, (text.to_string(), unknown));
            }
            for m in &self.texts[&r].1 {
                if !accepted.contains(&m.word)
                    && !found
                        .iter()
                        .any(|(f, w)| f.field == r.field && *w == m.word)
                {
                    found.push((r, m.word.clone()));
                }
            }
        });
        // Texts that are gone (a removed paragraph) are forgotten.
        self.texts.retain(|r, _| seen.contains(r));
        found
            .into_iter()
            .map(|(r, word)| finding(draft, r, word, &speller.lang))
            .collect()
    }
}

fn finding(draft: &Draft, r: TextRef, word: String, lang: &str) -> Finding {
    Finding {
        rule: rules::SPELLING.id,
        severity: rules::SPELLING.severity,
        message: format!("\"{word}\" is not in the {lang} dictionary."),
        field: r.field,
        place: draft.field_label(r.field),
        excerpt: Some(word),
    }
}

/// The spelling findings for `draft`, once (as `pressroom check` needs them).
pub fn check(draft: &Draft, speller: &Speller, accepted: &Accepted) -> Vec<Finding> {
    SpellCheck::default().findings(draft, speller, accepted)
}

#[cfg(test)]
mod tests;
