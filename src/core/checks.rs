//! Release checks: what IR staff and their lawyers look for before a release goes out.
//! Each finding has a stable rule id, a severity, a plain-language message and the field
//! it concerns. Checks take today's date as a parameter so they are repeatable.

pub mod rules;
mod tables;

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveTime, TimeZone};
use serde::Serialize;

use crate::core::draft::{Block, Draft, EndMark, FieldRef, HeadlineLength, Style, Timing};
use crate::core::render::{self, text};
use crate::core::walk::{self, TextRef};
use rules::Rule;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    #[serde(skip)]
    pub field: FieldRef,
    /// The field as a person names it when the check ran ("body block 3").
    #[serde(rename = "field")]
    pub place: String,
    /// The word or sentence the finding is about, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
}

/// Words that make a statement forward-looking, matched as whole words in any case.
const FORWARD_LOOKING: &[&str] = &[
    "expect",
    "expects",
    "expected",
    "expecting",
    "expectation",
    "expectations",
    "anticipate",
    "anticipates",
    "anticipated",
    "anticipating",
    "believe",
    "believes",
    "believed",
    "intend",
    "intends",
    "intended",
    "intention",
    "plan",
    "plans",
    "planned",
    "planning",
    "estimate",
    "estimates",
    "estimated",
    "project",
    "projects",
    "projected",
    "projection",
    "projections",
    "forecast",
    "forecasts",
    "forecasted",
    "outlook",
    "guidance",
    "target",
    "targets",
    "targeted",
    "may",
    "will",
    "could",
    "should",
    "would",
];

const NON_GAAP: &[&str] = &[
    "non-gaap",
    "adjusted ebitda",
    "ebitda",
    "adjusted earnings per share",
    "adjusted eps",
    "adjusted net income",
    "adjusted operating income",
    "free cash flow",
    "organic growth",
    "organic revenue",
    "core earnings",
];

/// Runs every check. `style` is the style the release will be exported in.
pub fn check(draft: &Draft, today: NaiveDate, style: Style) -> Vec<Finding> {
    // Only the EDGAR rule needs the render; the table widths need the tables laid out.
    let rendered = if style == Style::Edgar {
        render::render_as(draft, style)
    } else {
        tables::laid_out(draft, style)
    };
    check_rendered(draft, today, style, &rendered)
}

/// The checks, given the draft already rendered in `style` (the preview has it): the
/// EDGAR character rule reads what that render could not print.
pub fn check_rendered(
    draft: &Draft,
    today: NaiveDate,
    style: Style,
    rendered: &render::Rendered,
) -> Vec<Finding> {
    let mut c = Checker {
        draft,
        texts: walk::texts(draft),
        tables: tables::collect(draft),
        out: Vec::new(),
    };
    c.forward_looking();
    c.safe_harbor();
    c.non_gaap();
    c.non_gaap_prominence();
    c.unreadable_figures();
    c.footing();
    c.too_wide(style, rendered);
    c.empty_cells();
    c.tie_out();
    c.period_mismatch();
    c.headline();
    c.contacts();
    c.dateline(today);
    c.timing(today);
    c.placeholders();
    c.out.extend(control_characters(draft));
    c.ticker();
    c.comments();
    c.as_written();
    if style == Style::Edgar {
        for u in rendered.unprintable.iter().cloned() {
            c.push(
                &rules::EDGAR_NON_ASCII,
                u.field,
                format!(
                    "'{}' (U+{:04X}) has no ASCII form, and EDGAR documents must be ASCII; it \
                        would print as '?'",
                    u.ch, u.ch as u32
                ),
                Some(u.ch.to_string()),
            );
        }
    }
    c.completeness();
    c.out.sort_by_key(|f| f.severity);
    c.out
}

/// The prose where statements (and so forward-looking ones) are made: body, quotes,
/// subheadline.
fn statements<'a>(texts: &[(TextRef, &'a str)]) -> impl Iterator<Item = (FieldRef, &'a str)> {
    texts
        .iter()
        .filter(|(r, _)| r.is_statement())
        .map(|&(r, t)| (r.field, t))
}

struct Checker<'a> {
    draft: &'a Draft,
    /// Every text with its place, walked once for all the checks that read text.
    texts: Vec<(TextRef, &'a str)>,
    /// Every table block, read once for the table rules.
    tables: Vec<tables::Facts<'a>>,
    out: Vec<Finding>,
}

impl Checker<'_> {
    /// The timing line and dateline printed as an imported release wrote them must say
    /// what their fields say: the other checks read the fields.
    fn as_written(&mut self) {
        let d = self.draft;
        let written = d.release.timing_as_written.trim();
        let printed = d.export.layout.timing_line != Some(false);
        if !written.is_empty() && printed {
            let says = match crate::core::import::read_timing_line(written, d.dateline.date) {
                None => Some("does not read as a timing line".to_string()),
                Some(t) if t != d.release.timing => Some(format!(
                    "reads as \"{}\", but the timing field says \"{}\"",
                    render::timing_line(&t, false),
                    render::timing_line(&d.release.timing, false)
                )),
                Some(_) => None,
            };
            if let Some(says) = says {
                self.push(
                    &rules::AS_WRITTEN_DIFFERS,
                    FieldRef::Timing,
                    format!("The timing line printed as written {says}."),
                    Some(written.to_string()),
                );
            }
        }
        let written = d.dateline.as_written.trim();
        if !written.is_empty() {
            let says = match crate::core::import::read_dateline(written) {
                None => Some("does not read as a dateline".to_string()),
                Some(read) => {
                    let mut differs = Vec::new();
                    if !read.city.eq_ignore_ascii_case(d.dateline.city.trim()) {
                        differs.push(format!(
                            "the city {} (the field says {})",
                            read.city,
                            d.dateline.city.trim()
                        ));
                    }
                    if read.date.is_some() && read.date != d.dateline.date {
                        let day = |x: Option<chrono::NaiveDate>| {
                            x.map_or("none".to_string(), |x| x.format("%B %-d, %Y").to_string())
                        };
                        differs.push(format!(
                            "the date {} (the field says {})",
                            day(read.date),
                            day(d.dateline.date)
                        ));
                    }
                    (!differs.is_empty()).then(|| format!("names {}", differs.join(" and ")))
                }
            };
            if let Some(says) = says {
                self.push(
                    &rules::AS_WRITTEN_DIFFERS,
                    FieldRef::Dateline,
                    format!("The dateline printed as written {says}."),
                    Some(written.to_string()),
                );
            }
        }
    }

    /// Every comment not yet resolved, on the field it is about.
    fn comments(&mut self) {
        for comment in self.draft.comments.iter().filter(|c| !c.resolved) {
            let by = if comment.author.trim().is_empty() {
                String::new()
            } else {
                format!(" by {}", comment.author.trim())
            };
            let text: String = comment.text.chars().take(80).collect();
            self.push(
                &rules::COMMENT_UNRESOLVED,
                comment.field,
                format!("Unresolved comment{by}: \"{}\"", text.trim()),
                (!comment.quote.is_empty()).then(|| comment.quote.clone()),
            );
        }
    }

    fn push(
        &mut self,
        rule: &'static Rule,
        field: FieldRef,
        message: String,
        excerpt: Option<String>,
    ) {
        self.out.push(Finding {
            rule: rule.id,
            severity: rule.severity,
            message,
            field,
            place: self.draft.field_label(field),
            excerpt,
        });
    }

    fn forward_looking(&mut self) {
        let has_safe_harbor = !self.draft.safe_harbor.text.trim().is_empty();
        let mut found = Vec::new();
        for (field, text) in statements(&self.texts) {
            if let Some((sentence, word)) = first_forward_looking(text) {
                found.push((field, sentence, word));
                if has_safe_harbor {
                    break; // only whether there is one matters
                }
            }
        }
        if has_safe_harbor {
            if found.is_empty() {
                self.push(
                    &rules::SAFE_HARBOR_UNNEEDED,
                    FieldRef::SafeHarbor,
                    "There is a safe-harbor statement but nothing in the release looks \
                        forward-looking."
                        .into(),
                    None,
                );
            }
            return;
        }
        for (field, sentence, word) in found {
            self.push(
                &rules::FORWARD_LOOKING_WITHOUT_SAFE_HARBOR,
                field,
                format!(
                    "\"{}\" looks forward-looking (\"{word}\") but the release has no safe-harbor \
                        statement. Add one (Edit > Insert Safe Harbor) or reword.",
                    shorten(&sentence, 100)
                ),
                Some(sentence),
            );
        }
    }

    fn safe_harbor(&mut self) {
        let text = self.draft.safe_harbor.text.to_lowercase();
        if text.trim().is_empty() {
            return;
        }
        let field = FieldRef::SafeHarbor;
        if !(text.contains("risk") || text.contains("uncertaint")) {
            self.push(
                &rules::SAFE_HARBOR_NO_RISKS,
                field,
                "The safe-harbor statement does not name the risks and uncertainties that could \
                    make results differ."
                    .into(),
                None,
            );
        }
        let filings = [
            "10-k",
            "10-q",
            "risk factors",
            "securities and exchange commission",
            "sec filings",
            "filings with the sec",
        ];
        if !filings.iter().any(|f| text.contains(f)) {
            self.push(
                &rules::SAFE_HARBOR_NO_FILINGS,
                field,
                "The safe-harbor statement does not refer readers to the company's SEC filings \
                    (Form 10-K, Form 10-Q or \"risk factors\")."
                    .into(),
                None,
            );
        }
        // "undertakes no obligation", "neither company undertakes any obligation",
        // "disclaims any duty": a sentence about an obligation or duty, negated.
        let disclaims = sentences(&text).iter().any(|s| {
            (s.contains("obligation") || s.contains("duty"))
                && ["no ", "not ", "neither", "disclaim"]
                    .iter()
                    .any(|n| s.contains(n))
        });
        if !disclaims {
            self.push(
                &rules::SAFE_HARBOR_NO_UPDATE_DISCLAIMER,
                field,
                "The safe-harbor statement does not say the company has no obligation to update \
                    its forward-looking statements."
                    .into(),
                None,
            );
        }
    }

    fn non_gaap(&mut self) {
        let any = |re: &regex::Regex| statements(&self.texts).any(|(_, t)| re.is_match(t));
        if any(&RECONCILED) && any(&GAAP_OR_COMPARABLE) {
            return;
        }
        // The pattern only finds the fields worth the exact, slower look. A table whose
        // rows reconcile the measure from its GAAP measure answers for it.
        let first = statements(&self.texts)
            .filter(|(_, t)| NON_GAAP_ANY.is_match(t))
            .find_map(|(field, text)| {
                let lower = text.to_lowercase();
                NON_GAAP
                    .iter()
                    .filter(|t| contains_phrase(&lower, t))
                    .find(|t| !self.reconciled_by_table(t))
                    .map(|term| (field, term))
            });
        if let Some((field, term)) = first {
            self.push(
                &rules::NON_GAAP_WITHOUT_RECONCILIATION,
                field,
                format!(
                    "\"{term}\" is a non-GAAP measure; Regulation G asks for the most \
                    directly comparable GAAP measure and a reconciliation to it."
                ),
                Some(term.to_string()),
            );
        }
    }

    fn headline(&mut self) {
        let h = text::one_paragraph(&self.draft.headline);
        let f = FieldRef::Headline;
        let len = h.chars().count();
        if len == 0 {
            self.push(
                &rules::HEADLINE_EMPTY,
                f,
                "The headline is empty.".into(),
                None,
            );
            return;
        }
        match HeadlineLength::of(len) {
            HeadlineLength::TooLong => self.push(
                &rules::HEADLINE_TOO_LONG,
                f,
                format!(
                    "The headline is {len} characters. {}",
                    HeadlineLength::TooLong.advice()
                ),
                None,
            ),
            HeadlineLength::Long => self.push(
                &rules::HEADLINE_LONG,
                f,
                format!(
                    "The headline is {len} characters. {}",
                    HeadlineLength::Long.advice()
                ),
                None,
            ),
            HeadlineLength::Fine => {}
        }
        let letters: Vec<char> = h.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() > 3 && letters.iter().all(|c| !c.is_lowercase()) {
            self.push(
                &rules::HEADLINE_ALL_CAPS,
                f,
                "The headline is typed in capitals; type it \
                in title case and let the export capitalise it where the style asks."
                    .into(),
                None,
            );
        }
        if h.ends_with('.') && !h.ends_with("...") {
            self.push(
                &rules::HEADLINE_FULL_STOP,
                f,
                "Headlines do not end with a full stop.".into(),
                None,
            );
        }
    }

    fn contacts(&mut self) {
        let contacts: Vec<_> = self
            .draft
            .contacts
            .iter()
            .enumerate()
            .filter(|(_, c)| !render::contact_lines(c, true).is_empty())
            .collect();
        let first = self
            .draft
            .contacts
            .first()
            .map(|c| c.id)
            .unwrap_or_default();
        if contacts.is_empty() {
            self.push(
                &rules::NO_CONTACT,
                FieldRef::Contact(first),
                "The release has no contact: reporters and investors need someone to call.".into(),
                None,
            );
            return;
        }
        for (i, c) in contacts {
            let f = FieldRef::Contact(c.id);
            let who = if c.name.trim().is_empty() {
                format!("Contact {}", i + 1)
            } else {
                c.name.trim().to_string()
            };
            if c.phone.trim().is_empty() && c.email.trim().is_empty() {
                self.push(
                    &rules::CONTACT_UNREACHABLE,
                    f,
                    format!("{who} has neither a phone number nor an email address."),
                    None,
                );
            }
            let email = c.email.trim();
            if !email.is_empty() && !is_email(email) {
                self.push(
                    &rules::CONTACT_BAD_EMAIL,
                    f,
                    format!("\"{email}\" in {who}'s Email is not an email address."),
                    Some(email.to_string()),
                );
            }
            let phone = c.phone.trim();
            if !phone.is_empty() && !is_phone(phone) {
                self.push(
                    &rules::CONTACT_BAD_PHONE,
                    f,
                    format!("\"{phone}\" in {who}'s Phone is not a phone number."),
                    Some(phone.to_string()),
                );
            }
        }
    }

    fn dateline(&mut self, today: NaiveDate) {
        let d = &self.draft.dateline;
        let f = FieldRef::Dateline;
        if d.city.trim().is_empty() {
            self.push(
                &rules::DATELINE_NO_CITY,
                f,
                "The dateline has no city.".into(),
                None,
            );
        }
        match d.date {
            None => self.push(
                &rules::DATELINE_NO_DATE,
                f,
                "The dateline has no date.".into(),
                None,
            ),
            Some(date) => {
                let days = (date - today).num_days();
                if days.abs() > 7 {
                    let when = if days > 0 { "ahead" } else { "ago" };
                    let message = format!(
                        "The dateline says {} ({} days {when}); is that the day the release \
                         goes out?",
                        render::dateline::full_date(date),
                        days.abs()
                    );
                    self.push(&rules::DATELINE_DATE_FAR, f, message, None);
                }
            }
        }
    }

    fn timing(&mut self, today: NaiveDate) {
        let f = FieldRef::Timing;
        let Timing::Embargoed { date, time, zone } = &self.draft.release.timing else {
            return;
        };
        match zone {
            None => self.push(
                &rules::EMBARGO_NO_ZONE,
                f,
                "The embargo time has no time zone, so nobody knows when it lifts.".into(),
                None,
            ),
            Some(z) => {
                if let Some(eastern) = eastern_time(*z, *date, *time) {
                    let start = NaiveTime::from_hms_opt(16, 0, 0).expect("valid");
                    let end = NaiveTime::from_hms_opt(16, 15, 0).expect("valid");
                    if eastern >= start && eastern <= end {
                        self.push(
                            &rules::RELEASE_IN_CLOSING_WINDOW,
                            f,
                            "The release time falls \
                            between 4:00 and 4:15 p.m. Eastern, when exchanges ask issuers to \
                            hold material news."
                                .into(),
                            None,
                        );
                    }
                }
            }
        }
        if *date < today {
            self.push(
                &rules::EMBARGO_PAST,
                f,
                format!(
                    "The embargo ({}) is already in the past.",
                    render::dateline::full_date(*date)
                ),
                None,
            );
        }
    }

    /// Every placeholder left, once a field: the Checks panel groups the same placeholder
    /// across fields ("[COMPANY] ... (6 places)").
    fn placeholders(&mut self) {
        let mut seen: Vec<(FieldRef, String)> = Vec::new();
        let texts = std::mem::take(&mut self.texts);
        for &(r, text) in &texts {
            if !text.contains('[') {
                continue; // most prose has no brackets at all
            }
            for p in find_placeholders(text) {
                if seen.iter().any(|(f, q)| *f == r.field && *q == p) {
                    continue;
                }
                seen.push((r.field, p.clone()));
                self.push(
                    &rules::PLACEHOLDER_LEFT,
                    r.field,
                    format!("The template placeholder {p} is still in the text."),
                    Some(p),
                );
            }
        }
        self.texts = texts;
    }

    fn ticker(&mut self) {
        let c = &self.draft.company;
        let ticker = c.ticker.trim();
        if ticker.is_empty() {
            return;
        }
        let name = short_name(&c.name);
        let paragraphs: Vec<(FieldRef, &str)> = self
            .draft
            .body
            .iter()
            .filter_map(|b| match &b.block {
                Block::Paragraph(t) => Some((FieldRef::Body(b.id), t.as_str())),
                Block::Quote(q) => Some((FieldRef::Body(b.id), q.text.as_str())),
                _ => None,
            })
            .collect();
        let first = paragraphs
            .iter()
            .find(|(_, t)| !name.is_empty() && t.contains(&name))
            .or(paragraphs.first());
        let Some(&(field, text)) = first else { return };
        if !has_ticker_form(text, ticker) {
            let exchange = if c.exchange.trim().is_empty() {
                "Exchange"
            } else {
                c.exchange.trim()
            };
            let who = if name.is_empty() {
                "the company"
            } else {
                name.as_str()
            };
            let message = format!(
                "The first mention of the company should carry its listing, as in \
                 \"{who} ({exchange}: {ticker})\"."
            );
            self.push(&rules::TICKER_FIRST_MENTION, field, message, None);
        }
    }

    fn completeness(&mut self) {
        let d = self.draft;
        for b in &d.body {
            if let Block::Quote(q) = &b.block
                && !q.text.trim().is_empty()
                && q.speaker.trim().is_empty()
            {
                self.push(
                    &rules::QUOTE_NO_SPEAKER,
                    FieldRef::Body(b.id),
                    "This quote has no speaker.".into(),
                    None,
                );
            }
        }
        if d.boilerplate.iter().all(|a| a.text.trim().is_empty()) {
            self.push(
                &rules::NO_BOILERPLATE,
                FieldRef::About(d.boilerplate.first().map(|a| a.id).unwrap_or_default()),
                "There is no \"About the company\" paragraph.".into(),
                None,
            );
        }
        if d.end_mark == EndMark::None {
            self.push(
                &rules::NO_END_MARK,
                FieldRef::EndMark,
                "There is no end mark (###); editors use it to know the release is complete."
                    .into(),
                None,
            );
        }
    }
}

/// "2 errors, 1 warning, 0 notes": the count the status bar, the Checks panel and
/// `pressroom check` all show.
pub fn summary(findings: &[Finding]) -> String {
    let n = |s| findings.iter().filter(|f| f.severity == s).count();
    let plural = |k: usize, word: &str| format!("{k} {word}{}", if k == 1 { "" } else { "s" });
    format!(
        "{}, {}, {}",
        plural(n(Severity::Error), "error"),
        plural(n(Severity::Warning), "warning"),
        plural(n(Severity::Note), "note")
    )
}

/// Sentences, split after `.`, `?` or `!` followed by white space.
pub fn sentences(text: &str) -> Vec<String> {
    let flat = text::one_paragraph(text);
    let mut out = Vec::new();
    let mut start = 0;
    while start < flat.len() {
        let end = sentence_end(&flat, start);
        let s = flat[start..end].trim();
        if !s.is_empty() {
            out.push(s.to_string());
        }
        start = end;
    }
    out
}

/// Where the sentence running at byte `from` ends: just after its `.`, `?` or `!`
/// when white space follows, or at the end of the text.
fn sentence_end(flat: &str, from: usize) -> usize {
    let mut chars = flat[from..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '?' | '!') && chars.peek().is_some_and(|(_, n)| n.is_whitespace()) {
            return from + i + 1;
        }
    }
    flat.len()
}

/// A forward-looking word, with the characters around it that end a word
/// (anything but letters, digits and apostrophes) or the text's ends.
static FORWARD_LOOKING_WORD: LazyLock<regex::Regex> = LazyLock::new(|| {
    let words = FORWARD_LOOKING.join("|");
    regex::Regex::new(&format!(
        r"(?i)(?:^|[^\p{{Alphabetic}}\p{{N}}'])({words})(?:$|[^\p{{Alphabetic}}\p{{N}}'])"
    ))
    .expect("a valid pattern")
});

static RECONCILED: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new("(?i)reconcil").expect("a valid pattern"));
static GAAP_OR_COMPARABLE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new("(?i)gaap|most directly comparable").expect("a valid pattern")
});
/// Matches wherever any [`NON_GAAP`] term could be: a quick first look.
static NON_GAAP_ANY: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new("(?i)non-gaap|ebitda|adjusted|free cash flow|organic|core earnings")
        .expect("a valid pattern")
});

/// The first sentence of a field that reads as forward-looking, and the word that makes it
/// so ("May" before a day is the month).
fn first_forward_looking(text: &str) -> Option<(String, String)> {
    let flat = text::one_paragraph(text);
    let (mut from, mut start) = (0, 0);
    let mut end = sentence_end(&flat, 0);
    while let Some(m) = FORWARD_LOOKING_WORD
        .captures_at(&flat, from)
        .and_then(|c| c.get(1))
    {
        from = m.end();
        while end <= m.start() {
            start = end;
            end = sentence_end(&flat, start);
        }
        // Case folding is looser than lower-casing (the long s folds to s): confirm.
        if !FORWARD_LOOKING.contains(&m.as_str().to_lowercase().as_str()) {
            continue;
        }
        if m.as_str() == "May" {
            let next = flat[m.end()..end]
                .split(|c: char| !(c.is_alphanumeric() || c == '\''))
                .find(|w| !w.is_empty());
            if next.is_some_and(|n| n.chars().all(|c| c.is_ascii_digit())) {
                continue;
            }
        }
        return Some((flat[start..end].trim().to_string(), m.as_str().to_string()));
    }
    None
}

fn contains_phrase(haystack: &str, phrase: &str) -> bool {
    haystack.match_indices(phrase).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + phrase.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
    })
}

pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !s.chars().any(|c| c.is_whitespace() || c == ',' || c == ';')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// A phone number: 7 to 15 digits with the usual separators, and perhaps an extension.
pub fn is_phone(s: &str) -> bool {
    let lower = s.to_lowercase();
    let main = ["ext.", "ext", " x"]
        .iter()
        .find_map(|sep| lower.split_once(sep).map(|(m, _)| m.to_string()))
        .unwrap_or(lower);
    let digits = main.chars().filter(|c| c.is_ascii_digit()).count();
    (7..=15).contains(&digits)
        && main
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().//".contains(c))
}

/// A template placeholder: capitals, digits and spaces in square brackets, e.g. `[CEO NAME]`.
pub fn find_placeholder(text: &str) -> Option<String> {
    find_placeholders(text).into_iter().next()
}

/// Every template placeholder in `text`, in order.
pub fn find_placeholders(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('[') {
        let after = &rest[start + 1..];
        let Some(end) = after.find(']') else { break };
        let inner = &after[..end];
        let letters = inner.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2
            && inner
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || " _-/&.,'$%".contains(c))
        {
            found.push(format!("[{inner}]"));
        }
        rest = &after[end + 1..];
    }
    found
}

/// The control characters in `text` that exports drop without a trace, each once, in
/// order: every one but line breaks (`\n`, and `\r` before one) and tabs (they become spaces).
pub fn control_characters_in(text: &str) -> Vec<char> {
    // Nearly every text has none: a byte scan says so without decoding (C0 controls and
    // DEL are single bytes; C1 controls are 0xC2 0x80..=0x9F).
    let b = text.as_bytes();
    let suspect = |i: usize| match b[i] {
        b'\n' | b'\r' | b'\t' => false,
        c if c < 0x20 || c == 0x7f => true,
        0xC2 => b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
        _ => false,
    };
    if !(0..b.len()).any(suspect) {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let line_end = c == '\n' || (c == '\r' && chars.peek() == Some(&'\n'));
        if c.is_control() && !line_end && c != '\t' && !found.contains(&c) {
            found.push(c);
        }
    }
    found
}

/// `U+001B, U+0007` for a list of characters.
pub fn code_points(chars: &[char]) -> String {
    chars
        .iter()
        .map(|c| format!("U+{:04X}", *c as u32))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Rule `control-characters` (warning): text holding control characters (escape,
/// bell, form feed...), which no export prints: they are dropped, so say so. One finding a
/// field.
pub fn control_characters(d: &Draft) -> Vec<Finding> {
    let mut by_field: Vec<(FieldRef, Vec<char>)> = Vec::new();
    walk::each_text(d, |r, text| {
        for c in control_characters_in(text) {
            match by_field.iter_mut().find(|(f, _)| *f == r.field) {
                Some((_, found)) if !found.contains(&c) => found.push(c),
                Some(_) => {}
                None => by_field.push((r.field, vec![c])),
            }
        }
    });
    by_field
        .into_iter()
        .map(|(field, found)| Finding {
            rule: rules::CONTROL_CHARACTERS.id,
            severity: rules::CONTROL_CHARACTERS.severity,
            message: format!(
                "The text holds control character{} {}, which exports drop; retype the text \
                 around {}.",
                if found.len() > 1 { "s" } else { "" },
                code_points(&found),
                if found.len() > 1 { "them" } else { "it" },
            ),
            field,
            place: d.field_label(field),
            excerpt: Some(
                found
                    .iter()
                    .map(|c| c.escape_unicode().to_string())
                    .collect(),
            ),
        })
        .collect()
}

/// The name as prose uses it: without ", Inc." and the like.
fn short_name(name: &str) -> String {
    let mut n = name.trim().to_string();
    for suffix in [
        ", Inc.",
        " Inc.",
        ", Inc",
        " Corporation",
        " Corp.",
        ", Ltd.",
        " Ltd.",
        " plc",
        " N.V.",
        " S.A.",
        " AG",
        " LLC",
        " Co.",
    ] {
        if let Some(stripped) = n.strip_suffix(suffix) {
            n = stripped.trim().to_string();
            break;
        }
    }
    n
}

/// `(Nasdaq: HEMA)`, `(NYSE:HEMA)`, `(NASDAQ: HEMA; TSX: HEM)` and the like.
fn has_ticker_form(text: &str, ticker: &str) -> bool {
    text.split('(').skip(1).any(|after| {
        let inside = after.split(')').next().unwrap_or("");
        inside.split([';', ',']).any(|part| {
            part.split_once(':').is_some_and(|(ex, t)| {
                !ex.trim().is_empty() && t.trim().eq_ignore_ascii_case(ticker)
            })
        })
    })
}

fn eastern_time(zone: chrono_tz::Tz, date: NaiveDate, time: NaiveTime) -> Option<NaiveTime> {
    let local = zone.from_local_datetime(&date.and_time(time)).earliest()?;
    Some(local.with_timezone(&chrono_tz::America::New_York).time())
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}...", s.chars().take(max).collect::<String>().trim_end())
    }
}

#[cfg(test)]
mod tests;
