//! The redline (blackline) of one draft against another: a word-level comparison of every
//! text the walker visits ([`crate::core::walk`]), field by field, so a change in the
//! contacts shows in the contacts and not as a shifted paragraph; and of every setting that
//! changes what prints (the timing, the dateline's date, the end mark, the export settings
//! and layout choices), each put in words where it prints ([`texts`], `settings.rs`).
//!
//! - Texts are matched by their place ([`TextRef`]: block, contact and section ids are
//!   stable across saves); a text whose place is gone is matched with a similar one of the
//!   same kind near it (an imported release, a copy with other ids), else it was deleted.
//! - Words are compared as tokens (a word, a number such as `1,234.5`, or one punctuation
//!   mark), so white space is never a change: re-wrapping, a double space after a full
//!   stop, a word split across a line with a hyphen (`pro-` / `fitable`).
//! - A moved block (a whole text, or a run of at least [`MOVE_MIN_TOKENS`] tokens deleted
//!   in one place and inserted elsewhere) is shown once, where it now is, as moved.
//!
//! Writers: [`to_text`] (`[+inserted+]`, `[-deleted-]`, `[>moved<]`), [`to_html`] and
//! [`to_docx`] (Word tracked changes).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffTag};

use crate::core::draft::{Draft, FieldRef};
use crate::core::export::html_text::{Charset, push_escaped};
use crate::core::walk::{Part, TextRef};

/// A run of at least this many tokens deleted in one place and inserted in another is a
/// move (a sentence), not a deletion and an insertion.
pub const MOVE_MIN_TOKENS: usize = 3;
/// A text is matched with one at another place when at least this share of its tokens agree.
const SIMILAR_ENOUGH: f32 = 0.5;
/// How many unmatched texts ahead are tried for a match.
const MATCH_WINDOW: usize = 8;
/// The most time one text's comparison may take before a coarser answer is accepted
/// (a hostile 20 MiB paragraph must not hang the window).
const TEXT_DEADLINE: Duration = Duration::from_secs(1);

/// The files a redline is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedlineFormat {
    Text,
    Html,
    /// Word, the changes as tracked changes.
    Docx,
}

impl RedlineFormat {
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            RedlineFormat::Text => &["txt"],
            RedlineFormat::Html => &["html", "htm"],
            RedlineFormat::Docx => &["docx"],
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RedlineFormat::Text => "Redline as text",
            RedlineFormat::Html => "Redline as HTML",
            RedlineFormat::Docx => "Redline as Word (tracked changes)",
        }
    }

    /// The redline in this format; `title` heads the document, Word's tracked changes are
    /// by `author`, now.
    pub fn write(self, r: &Redline, title: &str, author: &str) -> Result<Vec<u8>, String> {
        Ok(match self {
            RedlineFormat::Text => to_text(r).into_bytes(),
            RedlineFormat::Html => to_html(r, title).into_bytes(),
            RedlineFormat::Docx => to_docx(r, title, author, chrono::Utc::now())?,
        })
    }
}

/// What happened to a run of words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Same,
    Inserted,
    Deleted,
    /// Inserted here, deleted elsewhere: shown once, here.
    MovedHere,
    /// Deleted here, inserted elsewhere: not shown (its words show where they went).
    MovedAway,
}

impl Change {
    /// Whether the words are in the old text.
    pub fn in_old(self) -> bool {
        matches!(self, Change::Same | Change::Deleted | Change::MovedAway)
    }
    /// Whether the words are in the new text.
    pub fn in_new(self) -> bool {
        matches!(self, Change::Same | Change::Inserted | Change::MovedHere)
    }
}

/// A token: its text and whether white space came before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub spaced: bool,
    pub text: String,
}

/// A run of tokens with one change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub change: Change,
    pub tokens: Vec<Token>,
}

impl Piece {
    /// The words as they read, single-spaced; `leading` keeps the space before the first.
    pub fn text(&self, leading: bool) -> String {
        let mut s = String::new();
        for (i, t) in self.tokens.iter().enumerate() {
            if t.spaced && (i > 0 || leading) {
                s.push(' ');
            }
            s.push_str(&t.text);
        }
        s
    }
}

/// One text compared: where it was, where it is, and its pieces in reading order.
#[derive(Clone, Debug, PartialEq)]
pub struct TextDiff {
    pub old: Option<TextRef>,
    pub new: Option<TextRef>,
    /// "headline", "body block 3", "contact 1, phone".
    pub label: String,
    /// The whole text moved (a block moved up or down, or to another place).
    pub moved: bool,
    pub pieces: Vec<Piece>,
}

impl TextDiff {
    /// The place to show: where the text is now, or where it was.
    pub fn at(&self) -> TextRef {
        self.new
            .or(self.old)
            .expect("a text is in one draft or the other")
    }

    /// Whether anything here changed (a move counts).
    pub fn changed(&self) -> bool {
        self.moved || self.pieces.iter().any(|p| p.change != Change::Same)
    }

    /// Whether there is anything to show here (a text moved away shows where it went; a
    /// setting such as a layout choice only when it changed, see [`TextDiff::shown`]).
    pub fn visible(&self) -> bool {
        self.shown() && self.pieces.iter().any(|p| p.change != Change::MovedAway)
    }

    /// Whether the text is shown at all: every text is, and of the settings in words those
    /// that print as words (the timing, the dateline's date, the end mark); the others
    /// ("export settings, width") only when changed.
    pub fn shown(&self) -> bool {
        settings::shown_unchanged(self.at()) || self.changed()
    }
}

/// Counts for the summary line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub insertions: usize,
    pub deletions: usize,
    pub moves: usize,
    /// The places changed as the user sees them, one per label ("contact 1, label" and
    /// "contacts heading" are two, as are the letterhead and the title).
    pub fields: usize,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        if self.insertions + self.deletions + self.moves == 0 {
            return f.write_str("No changes");
        }
        let mut parts = vec![
            n(self.insertions, "insertion", "insertions"),
            n(self.deletions, "deletion", "deletions"),
        ];
        if self.moves > 0 {
            parts.push(n(self.moves, "move", "moves"));
        }
        write!(
            f,
            "{} in {}",
            parts.join(", "),
            n(self.fields, "field", "fields")
        )
    }
}

/// A draft compared with an older one.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Redline {
    /// Every text, in the new draft's reading order; deleted ones where they stood.
    pub texts: Vec<TextDiff>,
}

impl Redline {
    /// Whether the two drafts read the same (white space aside).
    pub fn is_same(&self) -> bool {
        !self.texts.iter().any(TextDiff::changed)
    }

    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        let mut fields = HashSet::new();
        for t in &self.texts {
            let mut any = t.moved;
            if t.moved {
                s.moves += 1;
            }
            for p in &t.pieces {
                match p.change {
                    Change::Inserted => s.insertions += 1,
                    Change::Deleted => s.deletions += 1,
                    Change::MovedHere => s.moves += 1,
                    Change::Same | Change::MovedAway => {}
                }
                any |= matches!(
                    p.change,
                    Change::Inserted | Change::Deleted | Change::MovedHere
                );
            }
            if any {
                fields.insert(t.at());
            }
        }
        s.fields = fields.len();
        s
    }

    /// The positions in [`Redline::texts`] of the texts with a change to show, in order.
    pub fn changes(&self) -> Vec<usize> {
        (0..self.texts.len())
            .filter(|&i| self.texts[i].changed() && self.texts[i].visible())
            .collect()
    }
}

/// Splits text into tokens (see the module notes).
pub fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut spaced = false;
    let mut i = 0;
    let word = |c: char| c.is_alphanumeric();
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            spaced = true;
            i += 1;
            continue;
        }
        let mut t = String::new();
        if word(c) {
            while i < chars.len() {
                let c = chars[i];
                if word(c) {
                    t.push(c);
                    i += 1;
                    continue;
                }
                let prev = chars[i - 1];
                let next = chars.get(i + 1).copied();
                let joins = match c {
                    '\'' | '\u{2019}' | '-' => next.is_some_and(word),
                    '.' | ',' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                    _ => false,
                };
                if joins {
                    t.push(c);
                    i += 1;
                    continue;
                }
                // A word broken with a hyphen at a line's end: `pro-` / `fitable`.
                if c == '-' && prev.is_alphabetic() {
                    let mut j = i + 1;
                    while j < chars.len() && matches!(chars[j], ' ' | '\t' | '\r') {
                        j += 1;
                    }
                    if chars.get(j) == Some(&'\n') {
                        j += 1;
                        while j < chars.len() && chars[j].is_whitespace() {
                            j += 1;
                        }
                        if chars.get(j).is_some_and(|n| n.is_lowercase()) {
                            i = j;
                            continue;
                        }
                    }
                }
                break;
            }
        } else {
            t.push(c);
            i += 1;
        }
        out.push(Token { spaced, text: t });
        spaced = false;
    }
    out
}

/// A text as the redline reads it: its tokens single-spaced.
pub fn normalise(text: &str) -> String {
    Piece {
        change: Change::Same,
        tokens: tokens(text),
    }
    .text(false)
}

/// A part's name for a label ("phone"), or nothing for a field's main text.
fn part_name(part: Part) -> Option<String> {
    Some(
        match part {
            Part::Text => return None,
            Part::Heading => "heading",
            Part::Item(i) => return Some(format!("item {}", i + 1)),
            Part::Speaker => "speaker",
            Part::SpeakerTitle => "speaker's title",
            Part::Verb => "verb",
            Part::Role => "role",
            Part::Organisation => "organisation",
            Part::Name => "name",
            Part::JobTitle => "title",
            Part::Phone => "phone",
            Part::Email => "email",
            Part::CompanyName => "name",
            Part::Ticker => "ticker",
            Part::Exchange => "exchange",
            Part::Website => "website",
            Part::City => "city",
            Part::Region => "state or region",
            Part::TableTitle(i) => return Some(format!("title line {}", i + 1)),
            Part::GroupLabel(i) => return Some(format!("column group {}", i + 1)),
            Part::LabelHeading => "label heading",
            Part::ColumnHeading(i) => return Some(format!("column {} heading", i + 1)),
            Part::RowLabel(r) => return Some(format!("row {} label", r + 1)),
            Part::Cell { row, column } => {
                return Some(format!("row {}, column {}", row + 1, column + 1));
            }
            Part::Footnote(i) => return Some(format!("footnote {}", i + 1)),
            Part::Letterhead => "letterhead",
            Part::Trailer => "closing line",
            Part::Label => "label",
            Part::ContactsHeading => "contacts heading",
            Part::AsWritten => "as written",
            Part::WireHeader => "wire header",
            Part::HeaderNote => "note under the headline",
            Part::Setting(i) => return Some(format!("setting {}", i + 1)),
        }
        .to_string(),
    )
}

/// Labels texts as [`Draft::field_label`] does, with the positions of a draft's items
/// looked up once (a long release has a thousand blocks).
struct Labels {
    at: HashMap<FieldRef, usize>,
}

impl Labels {
    fn of(d: &Draft) -> Labels {
        let mut at = HashMap::new();
        for (i, c) in d.contacts.iter().enumerate() {
            at.insert(FieldRef::Contact(c.id), i);
        }
        for (i, b) in d.body.iter().enumerate() {
            at.insert(FieldRef::Body(b.id), i);
        }
        for (i, a) in d.boilerplate.iter().enumerate() {
            at.insert(FieldRef::About(a.id), i);
        }
        Labels { at }
    }

    fn label(&self, r: TextRef) -> String {
        let field = match self.at.get(&r.field) {
            Some(i) => format!("{} {}", r.field.section_name(), i + 1),
            None => r.field.section_name().to_string(),
        };
        if let Part::Setting(i) = r.part
            && let Some(s) = settings::Setting::of_index(i)
        {
            // A body block's setting is named after its block: "body block 4, page break".
            return match r.field {
                FieldRef::Body(_) => format!("{field}, {}", s.label()),
                _ => s.label().into_owned(),
            };
        }
        match part_name(r.part) {
            Some(p) => format!("{field}, {p}"),
            None => field,
        }
    }
}

/// The kind of place a text is, for matching texts whose ids differ.
fn kind(r: TextRef) -> (std::mem::Discriminant<FieldRef>, Part) {
    (std::mem::discriminant(&r.field), r.part)
}

/// Compares `new` with `old`.
pub fn compare(old: &Draft, new: &Draft) -> Redline {
    let old_texts = texts(old);
    let new_texts = texts(new);
    let mut new_tokens: Vec<Vec<Token>> = new_texts.iter().map(|(_, t)| tokens(t)).collect();

    // Pair texts: same place first, then a similar text of the same kind nearby.
    let old_at: HashMap<TextRef, usize> = old_texts
        .iter()
        .enumerate()
        .map(|(i, (r, _))| (*r, i))
        .collect();
    let mut pair_of_new: Vec<Option<usize>> = new_texts
        .iter()
        .map(|(r, _)| old_at.get(r).copied())
        .collect();
    // An old text the same as its new one is never read token by token: most texts, in
    // a redline of two versions.
    let mut same_as_new = vec![false; old_texts.len()];
    for (j, i) in pair_of_new.iter().enumerate() {
        if let Some(i) = *i {
            same_as_new[i] = old_texts[i].1 == new_texts[j].1;
        }
    }
    let old_tokens: Vec<Vec<Token>> = old_texts
        .iter()
        .zip(&same_as_new)
        .map(|((_, t), same)| if *same { Vec::new() } else { tokens(t) })
        .collect();
    let has_words = |t: &str| t.chars().any(|c| !c.is_whitespace());
    let mut paired_old = vec![false; old_texts.len()];
    for i in pair_of_new.iter().flatten() {
        paired_old[*i] = true;
    }
    let mut unpaired_old: Vec<usize> = (0..old_texts.len()).filter(|i| !paired_old[*i]).collect();
    let mut last_old = 0;
    for j in 0..new_texts.len() {
        if let Some(i) = pair_of_new[j] {
            last_old = i;
            continue;
        }
        let candidates = unpaired_old
            .iter()
            .enumerate()
            .filter(|(_, i)| **i >= last_old || last_old == 0)
            .filter(|(_, i)| kind(old_texts[**i].0) == kind(new_texts[j].0))
            .take(MATCH_WINDOW);
        let best = candidates
            .map(|(k, &i)| (k, i, similarity(&old_tokens[i], &new_tokens[j])))
            .filter(|(_, _, s)| *s >= SIMILAR_ENOUGH)
            .max_by(|a, b| a.2.total_cmp(&b.2));
        if let Some((k, i, _)) = best {
            pair_of_new[j] = Some(i);
            paired_old[i] = true;
            unpaired_old.remove(k);
            last_old = i;
        }
    }

    // Paired texts out of their old order moved (the longest run in order stayed).
    let order: Vec<(usize, usize)> = pair_of_new
        .iter()
        .enumerate()
        .filter_map(|(j, i)| i.map(|i| (j, i)))
        .collect();
    let stayed = longest_increasing(&order.iter().map(|(_, i)| *i).collect::<Vec<_>>());
    let mut moved_new = vec![false; new_texts.len()];
    for (k, (j, i)) in order.iter().enumerate() {
        if !stayed.contains(&k) && has_words(&new_texts[*j].1) && has_words(&old_texts[*i].1) {
            moved_new[*j] = true;
        }
    }

    // Whole texts deleted in one place and inserted in another with the same words.
    let mut whole_moves: HashMap<usize, usize> = HashMap::new(); // new -> old
    {
        let mut deleted: HashMap<Vec<&str>, Vec<usize>> = HashMap::new();
        for &i in unpaired_old.iter().rev() {
            if !old_tokens[i].is_empty() {
                deleted.entry(keys(&old_tokens[i])).or_default().push(i);
            }
        }
        for j in 0..new_texts.len() {
            if pair_of_new[j].is_none()
                && let Some(list) = deleted.get_mut(&keys(&new_tokens[j]))
                && let Some(i) = list.pop()
            {
                whole_moves.insert(j, i);
            }
        }
    }
    let moved_away: HashSet<usize> = whole_moves.values().copied().collect();

    // The texts in new reading order, a deleted one before the first new text that
    // follows it in the old order.
    let mut out = Vec::with_capacity(new_texts.len() + unpaired_old.len());
    let mut pending = unpaired_old.iter().copied().peekable();
    let (old_labels, new_labels) = (Labels::of(old), Labels::of(new));
    let whole_owned = |change: Change, tokens: Vec<Token>| {
        if tokens.is_empty() {
            Vec::new()
        } else {
            vec![Piece { change, tokens }]
        }
    };
    let whole = |change: Change, t: &[Token]| {
        if t.is_empty() {
            Vec::new()
        } else {
            vec![Piece {
                change,
                tokens: t.to_vec(),
            }]
        }
    };
    let deleted_text = |i: usize| {
        let change = if moved_away.contains(&i) {
            Change::MovedAway
        } else {
            Change::Deleted
        };
        TextDiff {
            old: Some(old_texts[i].0),
            new: None,
            label: old_labels.label(old_texts[i].0),
            moved: false,
            pieces: whole(change, &old_tokens[i]),
        }
    };
    for j in 0..new_texts.len() {
        if let Some(i) = pair_of_new[j] {
            while let Some(&k) = pending.peek() {
                if k > i {
                    break;
                }
                out.push(deleted_text(k));
                pending.next();
            }
        }
        let new_ref = new_texts[j].0;
        let (old_ref, pieces) = match (pair_of_new[j], whole_moves.get(&j)) {
            (Some(i), _) if same_as_new[i] => (
                Some(old_texts[i].0),
                whole_owned(Change::Same, std::mem::take(&mut new_tokens[j])),
            ),
            (Some(i), _) => (
                Some(old_texts[i].0),
                word_diff(&old_tokens[i], &new_tokens[j]),
            ),
            (None, Some(_)) => (None, whole(Change::MovedHere, &new_tokens[j])),
            (None, None) => (None, whole(Change::Inserted, &new_tokens[j])),
        };
        out.push(TextDiff {
            old: old_ref,
            new: Some(new_ref),
            label: new_labels.label(new_ref),
            moved: moved_new[j],
            pieces,
        });
    }
    for k in pending {
        out.push(deleted_text(k));
    }
    let mut redline = Redline { texts: out };
    mark_moved_runs(&mut redline);
    redline
}

fn keys(t: &[Token]) -> Vec<&str> {
    t.iter().map(|t| t.text.as_str()).collect()
}

/// The share of tokens two texts have in common, in order (0 to 1).
fn similarity(a: &[Token], b: &[Token]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (ka, kb) = (keys(a), keys(b));
    let ops = similar::capture_diff_slices_deadline(
        Algorithm::Myers,
        &ka,
        &kb,
        Some(Instant::now() + TEXT_DEADLINE),
    );
    similar::get_diff_ratio(&ops, ka.len(), kb.len())
}

/// The word-level difference of two texts, as pieces.
fn word_diff(old: &[Token], new: &[Token]) -> Vec<Piece> {
    let (ko, kn) = (keys(old), keys(new));
    let ops = similar::capture_diff_slices_deadline(
        Algorithm::Myers,
        &ko,
        &kn,
        Some(Instant::now() + TEXT_DEADLINE),
    );
    let mut pieces: Vec<Piece> = Vec::new();
    let mut push = |change: Change, tokens: &[Token]| {
        if tokens.is_empty() {
            return;
        }
        match pieces.last_mut() {
            Some(p) if p.change == change => p.tokens.extend_from_slice(tokens),
            _ => pieces.push(Piece {
                change,
                tokens: tokens.to_vec(),
            }),
        }
    };
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            // The new text's spacing: a changed double space is not shown either.
            DiffTag::Equal => push(Change::Same, &new[n]),
            DiffTag::Delete => push(Change::Deleted, &old[o]),
            DiffTag::Insert => push(Change::Inserted, &new[n]),
            DiffTag::Replace => {
                push(Change::Deleted, &old[o]);
                push(Change::Inserted, &new[n]);
            }
        }
    }
    slide_right(&mut pieces);
    pieces
}

/// Slides each lone insertion or deletion as far right as it reads the same, so runs
/// start and end where sentences do: `.` `Sales rose` becomes `Sales rose .` (Myers
/// may pick either), and a moved sentence is found whichever way it was cut.
fn slide_right(pieces: &mut Vec<Piece>) {
    for i in 0..pieces.len() {
        let lone = matches!(pieces[i].change, Change::Inserted | Change::Deleted)
            && (i == 0 || pieces[i - 1].change == Change::Same)
            && pieces.get(i + 1).is_some_and(|p| p.change == Change::Same);
        if !lone {
            continue;
        }
        while !pieces[i + 1].tokens.is_empty()
            && pieces[i].tokens[0].text == pieces[i + 1].tokens[0].text
        {
            let first = pieces[i].tokens.remove(0);
            let next = pieces[i + 1].tokens.remove(0);
            pieces[i].tokens.push(next);
            if i > 0 {
                pieces[i - 1].tokens.push(first);
            } else {
                pieces.insert(
                    0,
                    Piece {
                        change: Change::Same,
                        tokens: vec![first],
                    },
                );
                // Everything shifted one place; this run is now at i + 1.
                return slide_right(pieces);
            }
        }
    }
    pieces.retain(|p| !p.tokens.is_empty());
}

/// Runs of [`MOVE_MIN_TOKENS`] or more deleted in one place and inserted with the same
/// words in another (in the same text or another) become a move.
fn mark_moved_runs(r: &mut Redline) {
    let mut deleted: HashMap<Vec<String>, Vec<(usize, usize)>> = HashMap::new();
    for (t, text) in r.texts.iter().enumerate() {
        for (p, piece) in text.pieces.iter().enumerate() {
            if piece.change == Change::Deleted && piece.tokens.len() >= MOVE_MIN_TOKENS {
                let k = piece.tokens.iter().map(|t| t.text.clone()).collect();
                deleted.entry(k).or_default().push((t, p));
            }
        }
    }
    if deleted.is_empty() {
        return;
    }
    let mut moves = Vec::new();
    for (t, text) in r.texts.iter().enumerate() {
        for (p, piece) in text.pieces.iter().enumerate() {
            if piece.change == Change::Inserted && piece.tokens.len() >= MOVE_MIN_TOKENS {
                let k: Vec<String> = piece.tokens.iter().map(|t| t.text.clone()).collect();
                if let Some(from) = deleted.get_mut(&k).and_then(|v| v.pop()) {
                    moves.push((from, (t, p)));
                }
            }
        }
    }
    for ((ft, fp), (tt, tp)) in moves {
        r.texts[ft].pieces[fp].change = Change::MovedAway;
        r.texts[tt].pieces[tp].change = Change::MovedHere;
    }
}

/// The positions (in `seq`) of one longest strictly increasing subsequence.
fn longest_increasing(seq: &[usize]) -> HashSet<usize> {
    let mut tails: Vec<usize> = Vec::new(); // positions in seq
    let mut prev = vec![usize::MAX; seq.len()];
    for (k, &v) in seq.iter().enumerate() {
        let at = tails.partition_point(|&t| seq[t] < v);
        if at > 0 {
            prev[k] = tails[at - 1];
        }
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut out = HashSet::new();
    let mut k = tails.last().copied();
    while let Some(i) = k {
        out.insert(i);
        k = (prev[i] != usize::MAX).then_some(prev[i]);
    }
    out
}

/// Applies the redline's edits to the old draft's texts: the new draft's texts (by place,
/// in reading order, normalised). `None` when the edits do not fit the old draft (they
/// were made from another). For tests and for trusting a redline read from elsewhere.
pub fn apply(old: &Draft, r: &Redline) -> Option<Vec<(TextRef, String)>> {
    let old_texts: HashMap<TextRef, Cow<'_, str>> = texts(old).into_iter().collect();
    let mut out = Vec::new();
    for t in &r.texts {
        let mut source = match t.old {
            Some(at) => tokens(old_texts.get(&at)?),
            None => Vec::new(),
        }
        .into_iter();
        let mut made: Vec<Token> = Vec::new();
        for p in &t.pieces {
            if p.change.in_old() {
                for tok in &p.tokens {
                    if source.next()?.text != tok.text {
                        return None;
                    }
                }
            }
            if p.change.in_new() {
                made.extend(p.tokens.iter().cloned());
            }
        }
        if source.next().is_some() {
            return None;
        }
        if let Some(at) = t.new {
            out.push((at, normalise_tokens(made)));
        } else if !made.is_empty() {
            return None;
        }
    }
    Some(out)
}

fn normalise_tokens(tokens: Vec<Token>) -> String {
    Piece {
        change: Change::Same,
        tokens,
    }
    .text(false)
}

/// The redline as text: a summary line, then every text under its label, with
/// `[+inserted+]`, `[-deleted-]` and `[>moved here<]`.
pub fn to_text(r: &Redline) -> String {
    let mut out = format!("{}\n", r.summary());
    for t in r.texts.iter().filter(|t| t.visible()) {
        let mark = if t.moved { " (moved)" } else { "" };
        let _ = write!(out, "\n[{}{mark}]\n", t.label);
        for (k, p) in t.pieces.iter().enumerate() {
            let text = p.text(k > 0);
            let (space, words) = match text.strip_prefix(' ') {
                Some(w) => (" ", w),
                None => ("", text.as_str()),
            };
            match p.change {
                Change::Same => out.push_str(&text),
                Change::Inserted => {
                    let _ = write!(out, "{space}[+{words}+]");
                }
                Change::Deleted => {
                    let _ = write!(out, "{space}[-{words}-]");
                }
                Change::MovedHere => {
                    let _ = write!(out, "{space}[>{words}<]");
                }
                Change::MovedAway => {}
            }
        }
        out.push('\n');
    }
    out
}

/// The redline as a page counsel can open in any browser or in Word: insertions
/// underlined in blue, deletions struck through in red, moves double-underlined in green.
pub fn to_html(r: &Redline, title: &str) -> String {
    let mut out =
        String::from("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>");
    push_escaped(&mut out, title, Charset::Utf8);
    out.push_str(
        "</title>\n<style>\n\
         body { font-family: Georgia, serif; max-width: 44em; margin: 2em auto; line-height: 1.5; }\n\
         .label { font: 0.75em sans-serif; color: #666; margin: 1.2em 0 0; }\n\
         p { margin: 0.2em 0; white-space: pre-wrap; }\n\
         ins { color: #0645ad; text-decoration: underline; }\n\
         del { color: #b00020; text-decoration: line-through; }\n\
         ins.moved { color: #1b7a1b; text-decoration: underline double; }\n\
         </style>\n</head>\n<body>\n<h1>",
    );
    push_escaped(&mut out, title, Charset::Utf8);
    out.push_str("</h1>\n<p class=\"summary\">");
    push_escaped(&mut out, &r.summary().to_string(), Charset::Utf8);
    out.push_str("</p>\n");
    for t in r.texts.iter().filter(|t| t.visible()) {
        out.push_str("<div class=\"label\">");
        push_escaped(&mut out, &t.label, Charset::Utf8);
        if t.moved {
            out.push_str(" (moved)");
        }
        out.push_str("</div>\n<p>");
        for (k, p) in t.pieces.iter().enumerate() {
            let text = p.text(k > 0);
            let (space, words) = match text.strip_prefix(' ') {
                Some(w) => (" ", w),
                None => ("", text.as_str()),
            };
            out.push_str(space);
            let (open, close) = match p.change {
                Change::Same => ("", ""),
                Change::Inserted => ("<ins>", "</ins>"),
                Change::Deleted => ("<del>", "</del>"),
                Change::MovedHere => ("<ins class=\"moved\" title=\"moved here\">", "</ins>"),
                Change::MovedAway => continue,
            };
            out.push_str(open);
            push_escaped(&mut out, words, Charset::Utf8);
            out.push_str(close);
        }
        out.push_str("</p>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

mod docx;
pub use docx::to_docx;
mod settings;
pub use settings::texts;

#[cfg(test)]
mod tests;
