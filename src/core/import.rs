//! Importing a plain-text release into a structured draft.
//!
//! The text is read as blocks (runs of non-blank lines). A release has a fixed shape:
//! a preamble (exhibit label, logo, title, timing, perhaps contacts), the headline and
//! subheadline, the body opening with the dateline, "About" sections, the safe harbor,
//! the end mark, perhaps contacts. Each block is classified by what it says and where it
//! stands; whatever cannot be classified becomes a body paragraph, so no word is lost.
//! The layout found (indents, width, spacing, centring, page breaks) is recorded in the
//! draft so that exporting it gives the original layout back.

use std::path::Path;
use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveTime};
use regex::Regex;

use crate::core::draft::{
    About, Attribution, Block, BodyBlock, Contact, ContactsPlacement, DEFAULT_WIDTH, Dateline,
    DatelineStyle, Draft, EndMark, Layout, Quote, SentenceSpacing, Style, Subheadline, Timing,
    WIDTH_RANGE, Wire,
};
use crate::core::draft_file::{self, LoadError, LoadErrorKind};
use crate::core::release;
use crate::core::render::{self, text};
use crate::core::table::Table;
use crate::core::table::detect::{Detected, detect_tables};
use crate::core::walk;

/// Something the importer guessed, or was unsure about, with the line it concerns.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub draft: Draft,
    pub notes: Vec<Note>,
}

/// Imports a text file, with the size, file type, UTF-8 and "is it a release" checks.
/// Control characters, which the draft cannot keep, are reported as notes.
pub fn import_file(path: &Path) -> Result<Imported, LoadError> {
    let text = draft_file::read_text(path)?;
    if text.contains('\0') {
        return Err(LoadError {
            path: path.to_path_buf(),
            kind: LoadErrorKind::Parse {
                line: 1 + text[..text.find('\0').unwrap_or(0)].matches('\n').count(),
                col: 1,
                message: "this is a binary file, not a text release".into(),
            },
        });
    }
    if looks_like_ron(&text) {
        return Err(LoadError {
            path: path.to_path_buf(),
            kind: LoadErrorKind::Parse {
                line: 1,
                col: 1,
                message: "this is a RON file (a Pressroom draft?), not a plain-text release: open it with File > Open".into(),
            },
        });
    }
    if text.split_whitespace().count() < 3 {
        return Err(LoadError {
            path: path.to_path_buf(),
            kind: if text.trim().is_empty() {
                LoadErrorKind::Empty
            } else {
                LoadErrorKind::Parse {
                    line: 1,
                    col: 1,
                    message: "too short to be a press release".into(),
                }
            },
        });
    }
    let mut imported = import(&text);
    imported.notes.extend(control_character_notes(&text));
    Ok(imported)
}

/// A draft (or other RON) rather than a release: RON as a whole, or a structure that
/// opens with a field, `(version: 1, ...` or `(\n    headline: ...`, even if cut short. A
/// release that opens with "(Updated)" and mentions "version:" later is a release.
fn looks_like_ron(text: &str) -> bool {
    static OPENS_WITH_A_FIELD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\u{FEFF}?(?:\s|//[^\n]*\n)*(?:[A-Z][A-Za-z0-9_]*)?\(\s*[a-z_][a-z0-9_]*\s*:")
            .expect("valid pattern")
    });
    let opening = text.trim_start();
    OPENS_WITH_A_FIELD.is_match(text)
        || ((opening.starts_with('(') || opening.starts_with('['))
            && ron::from_str::<ron::Value>(opening).is_ok())
}

/// At most this many lines get a note of their own; the rest are counted in one.
const CONTROL_NOTES_MAX: usize = 20;

/// A note for each line holding control characters (escape, bell, form feed, a lone
/// carriage return...), which the draft drops: tabs and line ends are not reported.
pub fn control_character_notes(text: &str) -> Vec<Note> {
    let mut notes = Vec::new();
    let mut more = 0;
    for (i, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let found = crate::core::checks::control_characters_in(line);
        if found.is_empty() {
            continue;
        }
        if notes.len() == CONTROL_NOTES_MAX {
            more += 1;
            continue;
        }
        notes.push(Note {
            line: i + 1,
            message: format!(
                "control character{} {} dropped",
                if found.len() > 1 { "s" } else { "" },
                crate::core::checks::code_points(&found)
            ),
        });
    }
    if more > 0 {
        notes.push(Note {
            line: notes.last().map_or(1, |n| n.line),
            message: format!("and {more} more lines with control characters, dropped"),
        });
    }
    notes
}

/// One line of the source: its text (trimmed), indent and display width.
#[derive(Clone, Debug)]
struct Line {
    no: usize,
    indent: usize,
    text: String,
    width: usize,
}

#[derive(Clone, Debug)]
struct Blk {
    lines: Vec<Line>,
    /// A `-more-` / `<PAGE>` break stood before this block.
    page_break_before: bool,
    /// The end mark stood before this block.
    after_end_mark: bool,
    /// The block is a table (with its title lines and footnotes), read as this.
    table: Option<Box<Table>>,
}

impl Blk {
    fn first(&self) -> &Line {
        &self.lines[0]
    }
    fn joined(&self) -> String {
        join_lines(self.lines.iter().map(|l| l.text.as_str()))
    }
    fn line_no(&self) -> usize {
        self.first().no
    }
    fn is_single(&self) -> bool {
        self.lines.len() == 1
    }
}

/// Joins wrapped lines into one paragraph; a word broken at a hyphen is rejoined.
fn join_lines<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for l in lines {
        let l = l.trim();
        // A word broken at its hyphen ("forward-" / "looking") is joined without a space.
        // ("Form 10-" / "Q" too: the export breaks after any hyphen.)
        let broken_word = out.ends_with('-')
            && out[..out.len() - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            && l.chars().next().is_some_and(char::is_alphanumeric);
        if !out.is_empty() && !broken_word {
            out.push(' ');
        }
        out.push_str(l);
    }
    out
}

/// EDGAR's page tag, bare or with the page's number (`<PAGE>  2`).
static PAGE_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^<PAGE>(?:\s+\d{1,4})?$").expect("valid"));
static PAGE_MORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*[-(]\s*more\s*[-)]\s*$").expect("valid"));
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z][\w&.'/-]*(?: [A-Z&][\w&.'/-]*){0,4}):(?: {2,}(.*)|\s*$)").expect("valid")
});
static INLINE_CONTACT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^((?:[A-Z][\w&.'/-]* ){0,3}contacts?|media|investors?|press):\s*(.*)$")
        .expect("valid")
});
/// "FOR FURTHER INFORMATION CONTACT:", "For further information, please contact:".
static FURTHER_INFORMATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(for (?:further|more) information,? (?:please )?contact):(?: {2,}(.*)|\s*$)")
        .expect("valid")
});
/// A contact label without a colon, alone on its line ("Media Contact", "Investors").
static BARE_CONTACT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:(?:Media|Investor|Investors|Press|Financial|Analyst|Company|Agency)(?: Relations)? )?Contacts?|Investors|Media|Press|Investor Relations|Media Relations|CONTACTS?|MEDIA CONTACTS?|INVESTOR CONTACTS?)$")
        .expect("valid")
});
/// A company's name ending in its legal suffix: capitalised words (accents and all, with
/// "of", "de", "&" between), then "Inc.", "S.A.", "N.V.", "AG", "plc", "SE"...
static COMPANY_NAME: LazyLock<Regex> = LazyLock::new(|| {
    let word = r"[\p{Lu}\d][\p{L}\p{N}&'\u{2019}.\-]*";
    let joiner = r"(?:of|de|du|des|la|le|der|von|van|and|&|y|e|for)";
    let suffix = r"(?:Inc\.|Incorporated|Corp\.|Corporation|Co\.|Ltd\.|Limited|plc|PLC|AG|SE|S\.A\.|SA|N\.V\.|NV|A/S|GmbH|S\.p\.A\.|AB|ASA|Oyj|B\.V\.|LLC|L\.P\.|KGaA|S\.A\.B\. de C\.V\.)";
    Regex::new(&format!(
        r"(?P<name>{word}(?:\s+(?:{joiner}\s+)?{word})*?,?\s+{suffix})(?:[\s,;:)]|$)"
    ))
    .expect("valid")
});
static PHONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:phone|tel\.?|telephone|ph\.?):\s*(.+)$").expect("valid"));
static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:e-?mail):\s*(.+)$").expect("valid"));
static BARE_PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\+?[\d(][\d ().-]{6,}\d(?:\s*(?:x|ext\.?)\s*\d+)?$").expect("valid")
});
static BARE_EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[^\s@]+@[^\s@]+\.[^\s@]+$").expect("valid"));
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(Jan(?:uary|\.)|Feb(?:ruary|\.)|March|Mar\.|April|Apr\.|May|June|Jun\.|July|Jul\.|Aug(?:ust|\.)|Sept(?:ember|\.)|Sep\.|Oct(?:ober|\.)|Nov(?:ember|\.)|Dec(?:ember|\.))\s+(\d{1,2}), (\d{4})").expect("valid")
});
static IMMEDIATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:for\s+immediate\s+release|for\s+release:?\s+immediately|immediate\s+release)[.:]?$")
        .expect("valid")
});
/// The words that open the other timing lines, and what follows them.
static TIMING_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(embargoed\s+for\s+release\s+until|embargoed\s+until|embargoed:|under\s+embargo\s+until|hold\s+for\s+release\s+until|not\s+for\s+release\s+(?:before|until)|for\s+release\s+at|for\s+release\s+on|for\s+release:|release\s+at)\s*(.+)$")
        .expect("valid")
});
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\b\.?").expect("valid")
});
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[-*\u{2022}o]|\d+[.)])\s+(.*)$").expect("valid"));
static QUOTE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^"(.+?)([,?!])" (said|added|commented|noted|stated|explained|continued|remarked) ([^"]+)\.$"#).expect("valid")
});
static QUOTE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^([^"]{2,160}?),? (said|added|commented|noted|stated|explained|continued|remarked), "(.+)"$"#).expect("valid")
});
static EXHIBIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^exhibit\s+\d+(\.\d+)?$").expect("valid"));
static TICKER_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((NYSE American|NYSE|Nasdaq|NASDAQ|NasdaqGS|NasdaqGM|AMEX|TSX|OTC|OTCQX|LSE|[A-Z][A-Za-z ]{1,20}):\s?([A-Z][A-Z0-9.]{0,6})\)").expect("valid")
});

fn month_number(m: &str) -> Option<u32> {
    let m = m.trim_end_matches('.').to_lowercase();
    let names = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    names
        .iter()
        .position(|n| m.starts_with(n))
        .map(|i| i as u32 + 1)
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    let c = DATE.captures(s)?;
    NaiveDate::from_ymd_opt(c[3].parse().ok()?, month_number(&c[1])?, c[2].parse().ok()?)
}

/// A time-zone abbreviation as printed in timing lines, to a zone.
fn zone_of(abbrev: &str) -> Option<chrono_tz::Tz> {
    use chrono_tz::{America, Asia, Australia, Europe};
    Some(match abbrev.to_uppercase().as_str() {
        "ET" | "EST" | "EDT" => America::New_York,
        "CT" | "CST" | "CDT" => America::Chicago,
        "MT" | "MST" | "MDT" => America::Denver,
        "PT" | "PST" | "PDT" => America::Los_Angeles,
        "GMT" | "BST" => Europe::London,
        "CET" | "CEST" => Europe::Paris,
        "JST" => Asia::Tokyo,
        "HKT" => Asia::Hong_Kong,
        "AEST" | "AEDT" => Australia::Sydney,
        "UTC" => chrono_tz::UTC,
        _ => return None,
    })
}

/// The zone named after a clock time: an abbreviation ("ET", "EDT") or the words
/// ("Eastern Time", "Pacific Daylight Time").
fn zone_in(after: &str) -> Option<chrono_tz::Tz> {
    use chrono_tz::America;
    let words: Vec<String> = after
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let first = words.first()?;
    let by_name = match first.as_str() {
        "eastern" => Some(America::New_York),
        "central" => Some(America::Chicago),
        "mountain" => Some(America::Denver),
        "pacific" => Some(America::Los_Angeles),
        _ => None,
    };
    by_name.or_else(|| zone_of(first))
}

fn is_end_mark(t: &str) -> Option<EndMark> {
    EndMark::from_text(t)
}

/// `N E W S   R E L E A S E` back to `NEWS RELEASE`, if the line is letter-spaced.
fn unspace_title(t: &str) -> Option<String> {
    let words: Vec<&str> = t
        .split("   ")
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect();
    let spaced = !words.is_empty()
        && words
            .iter()
            .all(|w| w.split(' ').all(|c| c.chars().count() == 1))
        && t.chars().filter(|c| !c.is_whitespace()).count() >= 4;
    spaced.then(|| {
        words
            .iter()
            .map(|w| w.replace(' ', ""))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

fn is_title(t: &str) -> bool {
    let plain = unspace_title(t)
        .unwrap_or_else(|| t.trim().to_string())
        .to_uppercase();
    matches!(plain.as_str(), "NEWS RELEASE" | "PRESS RELEASE" | "NEWS")
}

/// A timing line in one of the forms releases write: what it means, as a [`Timing`]
/// (a line that names a time but no date takes the dateline's date later: see
/// [`Reader::layout`]). The wording itself is kept by the caller.
fn parse_timing(t: &str) -> Option<Timing> {
    let t = t.trim();
    if IMMEDIATE.is_match(t) {
        return Some(Timing::Immediate);
    }
    if let Some(c) = TIMING_WORDS.captures(t) {
        let rest = c.get(2).map_or("", |m| m.as_str());
        let date = parse_date(&title_case_month(rest));
        if let Some(tc) = CLOCK.captures(rest) {
            let mut h: u32 = tc[1].parse().ok()?;
            let m: u32 = tc.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?;
            if tc[3].eq_ignore_ascii_case("p") && h != 12 {
                h += 12;
            } else if tc[3].eq_ignore_ascii_case("a") && h == 12 {
                h = 0;
            }
            let after = &rest[tc.get(0).expect("whole match").end()..];
            return Some(Timing::Embargoed {
                // No date on the line: the release's own day, filled in from the dateline.
                date: date.unwrap_or(NaiveDate::MIN),
                time: NaiveTime::from_hms_opt(h, m, 0)?,
                zone: zone_in(after),
            });
        }
        return date.map(Timing::ReleaseOn);
    }
    None
}

/// "FEBRUARY 26, 2026" to "February 26, 2026" so the date pattern finds it.
fn title_case_month(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads the dateline at the start of a paragraph: the dateline, its style, and the
/// paragraph text after it.
fn parse_dateline(p: &str) -> Option<(Dateline, DatelineStyle, String)> {
    let head: String = p.chars().take(200).collect();
    if let Some(found) = other_wire_dateline(p) {
        return Some(found);
    }
    // Business Wire: CITY, State--(BUSINESS WIRE)--Month D, YYYY--text
    if let Some(i) = head.find("--(BUSINESS WIRE)--") {
        let place = &head[..i];
        let after = &p[i + "--(BUSINESS WIRE)--".len()..];
        let (date, rest) = match DATE.find(after) {
            Some(m) if m.start() == 0 => (parse_date(m.as_str()), &after[m.end()..]),
            _ => (None, after),
        };
        let rest = rest.trim_start_matches("--").trim_start();
        let (city, region) = split_place(place);
        let d = Dateline {
            city: city_case(&city),
            region: postal(&region),
            date,
            wire: Wire::BusinessWire,
            style: DatelineStyle::Ap,
            as_written: String::new(),
        };
        return Some((d, DatelineStyle::Ap, rest.to_string()));
    }
    let m = DATE.find(&head)?;
    let before = &head[..m.start()];
    if before.split_whitespace().count() > 8 || before.contains('"') {
        return None;
    }
    let after_date = &p[m.end()..];
    let (wire, after_wire) = take_wire(after_date);
    let sep = [" - - ", " -- ", " \u{2014} ", "-- ", " - "]
        .iter()
        .find_map(|s| after_wire.strip_prefix(s).map(|r| (*s, r)));
    let (sep, rest) = sep?;
    let (place, style) = if let Some(place) = before.strip_suffix(" -- ") {
        (place, DatelineStyle::CityDash)
    } else {
        let place = before.trim_end().trim_end_matches(',');
        if sep.contains("- -") {
            (place, DatelineStyle::Full)
        } else {
            (place, DatelineStyle::Ap)
        }
    };
    let (city, region) = split_place(place);
    if city.is_empty() || city.split_whitespace().count() > 5 {
        return None;
    }
    let upper_city = city.chars().any(char::is_alphabetic) && city == city.to_uppercase();
    let d = Dateline {
        city: if upper_city { city_case(&city) } else { city },
        region: if style == DatelineStyle::Ap {
            postal(&region)
        } else {
            region
        },
        date: parse_date(m.as_str()),
        wire: wire.unwrap_or(Wire::None),
        style,
        as_written: String::new(),
    };
    Some((d, style, rest.trim_start().to_string()))
}

/// Datelines of wires the draft has no form for, read for their place and date (the
/// wording is kept as written): Accesswire (`SEATTLE, WA / ACCESSWIRE / November 20, 2026 /`),
/// Newsfile (`Toronto, Ontario--(Newsfile Corp. - November 20, 2026) -`) and the European
/// day-first form EQS and others use (`Munich, 20 November 2026 -`).
fn other_wire_dateline(p: &str) -> Option<(Dateline, DatelineStyle, String)> {
    static FORMS: LazyLock<[Regex; 3]> = LazyLock::new(|| {
        [
            r"^(?P<place>[^/\n]{2,60}?) / ACCESSWIRE / (?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4}) / ",
            r"^(?P<place>[^()\n]{2,60}?)\s?--\s?\(Newsfile Corp\. - (?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})\) - ",
            r"^(?P<place>[A-Z][\w.' -]{1,40}(?:, [A-Z][\w.' -]{1,30})?), (?P<day>\d{1,2})\.? (?P<month>[A-Z][a-z]+) (?P<year>\d{4}) (?:[-\u{2013}\u{2014}]|--) ",
        ]
        .map(|f| Regex::new(f).expect("valid"))
    });
    for form in FORMS.iter() {
        let Some(c) = form.captures(p) else { continue };
        let date = match c.name("date") {
            Some(d) => parse_date(d.as_str()),
            None => NaiveDate::from_ymd_opt(
                c["year"].parse().ok()?,
                month_number(&c["month"]).filter(|_| c["month"].len() >= 3)?,
                c["day"].parse().ok()?,
            ),
        };
        let date = Some(date?);
        let (city, region) = split_place(&c["place"]);
        let upper = city.chars().any(char::is_alphabetic) && city == city.to_uppercase();
        let d = Dateline {
            city: if upper { city_case(&city) } else { city },
            region,
            date,
            wire: Wire::None,
            style: DatelineStyle::Ap,
            as_written: String::new(),
        };
        let rest = p[c.get(0).expect("whole match").end()..].to_string();
        return Some((d, DatelineStyle::Ap, rest));
    }
    None
}

fn take_wire(s: &str) -> (Option<Wire>, &str) {
    for (tag, wire) in [
        (" /PRNewswire/", Wire::PrNewswire),
        (" (GLOBE NEWSWIRE)", Wire::GlobeNewswire),
        (" (BUSINESS WIRE)", Wire::BusinessWire),
    ] {
        if let Some(rest) = s.strip_prefix(tag) {
            return (Some(wire), rest);
        }
    }
    (None, s)
}

fn split_place(place: &str) -> (String, String) {
    match place.split_once(", ") {
        Some((c, r)) => (
            c.trim().to_string(),
            r.trim().trim_end_matches(',').to_string(),
        ),
        None => (place.trim().to_string(), String::new()),
    }
}

/// "LOS ANGELES" to "Los Angeles" (the AP form prints it in capitals again).
fn city_case(c: &str) -> String {
    c.split(' ')
        .map(|w| {
            let lower = w.to_lowercase();
            let mut chars = lower.chars();
            match chars.next() {
                Some(f) => f.to_uppercase().collect::<String>() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// An AP state abbreviation back to its postal code ("Calif." to "CA").
fn postal(region: &str) -> String {
    crate::core::render::dateline::AP_STATES
        .iter()
        .find(|(_, ap)| *ap == region)
        .map_or_else(|| region.to_string(), |(code, _)| code.to_string())
}

/// The quote forms the exporter writes, read back into a quote block.
fn parse_quote(p: &str) -> Option<Quote> {
    // Attribution too long for a name, or quotation marks inside: not one of our forms.
    let quote = |text: String, speaker: String, title: String, verb: &str, attribution| {
        (speaker.split_whitespace().count() <= 6 && !text.contains('"')).then(|| Quote {
            text,
            speaker,
            title,
            verb: verb.to_string(),
            attribution,
        })
    };
    if let Some(c) = QUOTE_AFTER.captures(p) {
        let text = format!("{}{}", &c[1], if &c[2] == "," { "." } else { &c[2] });
        let (speaker, title) = match c[4].split_once(", ") {
            Some((s, t)) => (s.to_string(), t.to_string()),
            None => (c[4].to_string(), String::new()),
        };
        return quote(text, speaker, title, &c[3], Attribution::After);
    }
    if let Some(c) = QUOTE_BEFORE.captures(p) {
        let (title, speaker) = match c[1].rsplit_once(", ") {
            Some((t, s)) => (t.to_string(), s.to_string()),
            None => (String::new(), c[1].to_string()),
        };
        return quote(c[3].to_string(), speaker, title, &c[2], Attribution::Before);
    }
    None
}

/// What the words of a block look like, for telling headings from prose.
fn looks_like_heading(b: &Blk) -> bool {
    let t = b.joined();
    let lower = t.to_lowercase();
    // "About Acme, Inc." ends with a full stop that belongs to the name.
    let name_stop = [
        " inc.", " corp.", " co.", " ltd.", " n.v.", " s.a.", " l.p.", " plc.",
    ]
    .iter()
    .any(|s| lower.ends_with(s));
    b.lines.len() <= 2
        && t.chars().count() <= 90
        && (name_stop || !t.ends_with(['.', ',', ';', ':']))
        && t.split_whitespace().count() <= 12
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A block set in from the margin on every line, short of the far edge: centred by
/// eye (typewritten releases centre roughly), not a paragraph.
fn is_centred(b: &Blk, width: usize) -> bool {
    b.lines.len() <= 4
        && b.lines
            .iter()
            .all(|l| l.indent >= 8 && l.indent + l.width + 4 <= width.max(60) + 4 && l.width <= 64)
}

/// Short centred lines that are not a sentence: a title over a table or a section.
fn is_centred_title_block(b: &Blk, width: usize) -> bool {
    b.table.is_none()
        && is_centred(b, width)
        && b.lines.iter().all(|l| {
            l.width <= 64
                && !l.text.ends_with(['.', ',', ';', ':'])
                && l.text.split_whitespace().count() <= 12
        })
}

fn is_about_heading(t: &str) -> bool {
    let lower = t.trim().to_lowercase();
    lower.starts_with("about ") && t.split_whitespace().count() <= 10
}

fn is_safe_harbor_heading(t: &str) -> bool {
    let lower = t.to_lowercase();
    (lower.contains("forward-looking")
        || lower.contains("forward looking")
        || lower.contains("safe harbor")
        || lower.contains("cautionary"))
        && t.split_whitespace().count() <= 10
}

fn is_safe_harbor_text(t: &str) -> bool {
    let lower = t.to_lowercase();
    let opening: String = lower.chars().take(300).collect();
    (opening.contains("forward-looking statement") || opening.contains("forward looking statement"))
        && (lower.contains("securities litigation reform act")
            || lower.contains("risks")
            || lower.contains("uncertaint"))
}

/// Restores the case of a line printed in capitals: words the body spells some way keep
/// that spelling; the rest take title case.
fn restore_case(caps: &str, body: &str) -> String {
    if caps.chars().any(char::is_lowercase) {
        return caps.to_string();
    }
    const SMALL: &[&str] = &[
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
        "or", "per", "the", "to", "vs.", "with",
    ];
    // How the body spells capitalised words and acronyms ("HemaCare", "FDA").
    let mut known: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    for w in body.split(|c: char| c.is_whitespace() || "(),;:\"".contains(c)) {
        let mixed =
            w.chars().any(char::is_lowercase) && w.chars().next().is_some_and(char::is_uppercase);
        let acronym = w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.chars().any(char::is_lowercase);
        if mixed {
            known.insert(w.to_uppercase(), w);
        } else if acronym {
            known.entry(w.to_uppercase()).or_insert(w);
        }
    }
    caps.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && SMALL.contains(&lower.as_str()) {
                return lower;
            }
            if let Some(k) = known.get(&w.to_uppercase()) {
                return k.to_string();
            }
            if !w.chars().any(char::is_alphabetic) {
                return w.to_string();
            }
            // Title case each part of a hyphenated word: ALL-STOCK to All-Stock.
            lower
                .split('-')
                .map(|part| {
                    let mut c = part.chars();
                    match c.next() {
                        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                        None => String::new(),
                    }
                })
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Imports release text. Never fails: what it cannot place becomes body text.
///
/// The phases, in order: lines into blocks (page marks and the end mark taken out), the
/// preamble (exhibit, logo, title, timing, contacts), where the end matter starts, the
/// headline and subheadline, the body with its "About" sections and safe harbor, the
/// contacts at the end, the company, and last the layout the source was written in.
pub fn import(source: &str) -> Imported {
    let mut blocks = split_blocks(read_lines(source), exact_tables(source));
    let trailer = take_trailer(&mut blocks.blocks);
    let (header, header_note) = take_wire_header(&mut blocks.blocks);
    let mut r = Reader::new(source, blocks);
    r.d.release.trailer = trailer;
    r.d.release.header = header;
    r.d.release.header_note = header_note;
    r.preamble();
    r.find_end_matter();
    r.headline_and_subheadline();
    r.body();
    r.end_matter();
    r.company();
    r.fiscal_year_end();
    r.layout();
    // Whitespace inside paragraphs is the export's to set.
    normalise_spaces(&mut r.d);
    untagged_tables_in_edgar(&mut r.d);
    as_printed_at_width(&mut r.d);
    keep_headline_breaks(&mut r.d, &r.headline_lines);
    automatic_pages(&mut r.d);
    r.d.assign_ids();
    Imported {
        draft: r.d,
        notes: r.notes,
    }
}

/// A headline of several lines that the export would break elsewhere keeps the source's
/// line breaks (as `\n` in the headline, which the export keeps), when that prints them.
fn keep_headline_breaks(d: &mut Draft, lines: &[String]) {
    let printed = |d: &Draft| {
        let r = render::render(d);
        let Some(at) = r.first_line_of(crate::core::draft::FieldRef::Headline) else {
            return false;
        };
        // The wire's header stands over the headline in its block.
        let over = d.release.header.lines().count();
        let out: Vec<&str> = r.text.lines().skip(at + over).take(lines.len()).collect();
        out.len() == lines.len() && out.iter().zip(lines).all(|(o, l)| o.trim() == l.trim())
    };
    if lines.len() < 2 || printed(d) {
        return;
    }
    // The headline's words (their case restored) regrouped as the source's lines.
    let words: Vec<&str> = d.headline.split_whitespace().collect();
    let counts: Vec<usize> = lines.iter().map(|l| l.split_whitespace().count()).collect();
    if counts.iter().sum::<usize>() != words.len() {
        return;
    }
    let mut at = 0;
    let broken: Vec<String> = counts
        .iter()
        .map(|&n| {
            let line = words[at..at + n].join(" ");
            at += n;
            line
        })
        .collect();
    let mut with_breaks = d.clone();
    with_breaks.headline = broken.join("\n");
    if printed(&with_breaks) {
        *d = with_breaks;
    }
}

/// Page breaks that fall where EDGAR's automatic pages of some common length would put
/// them are automatic ones: the draft keeps paging as it is edited. Read as explicit page
/// breaks until a page length gives exactly the same export.
fn automatic_pages(d: &mut Draft) {
    let explicit_breaks = d.body.iter().any(|b| matches!(b.block, Block::PageBreak));
    if d.export.style != Style::Edgar || !explicit_breaks {
        return;
    }
    let explicit = render::render(d).text;
    for keep_safe_harbor_break in [false, true] {
        let mut auto = d.clone();
        auto.body.retain(|b| !matches!(b.block, Block::PageBreak));
        auto.safe_harbor.page_break_before &= keep_safe_harbor_break;
        for len in [
            50, 60, 55, 66, 58, 54, 56, 62, 64, 45, 48, 52, 57, 59, 61, 63, 65, 70,
        ] {
            auto.export.page_length = len;
            if render::render(&auto).text == explicit {
                *d = auto;
                return;
            }
        }
    }
}

/// Every line of the source, tabs expanded and cleaned, with its indent and width.
fn read_lines(source: &str) -> Vec<Line> {
    source
        .lines()
        .enumerate()
        .map(|(i, raw)| {
            let expanded = raw.replace('\t', "        ");
            let cleaned = text::clean_line(&expanded);
            let trimmed = cleaned.trim();
            Line {
                no: i + 1,
                indent: cleaned.chars().take_while(|c| *c == ' ').count(),
                width: text::width(trimmed),
                text: trimmed.to_string(),
            }
        })
        .collect()
}

/// The source's blank-line-separated blocks, with page markers and the end mark taken
/// out and remembered.
struct Blocks {
    blocks: Vec<Blk>,
    end_mark: EndMark,
    page_breaks: usize,
    /// The `<PAGE>` tags number their pages (`<PAGE>  2`).
    numbered_pages: bool,
    /// The end mark stood at the left margin.
    end_mark_flush: bool,
}

/// A closing `SOURCE: Company` line (as wires print it), the last line of all: taken out
/// and kept as written.
fn take_trailer(blocks: &mut Vec<Blk>) -> String {
    static SOURCE_LINE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^SOURCE:?\s+\S.{0,118}$").expect("valid"));
    let footer = take_wire_footer(blocks);
    if !footer.is_empty() {
        return footer;
    }
    let Some(last) = blocks.last() else {
        return String::new();
    };
    // A line of its own (the export prints it so); run on with the contacts it is theirs.
    if !last.is_single() || !SOURCE_LINE.is_match(&last.first().text) {
        return String::new();
    }
    let text = last.first().text.clone();
    blocks.pop();
    text
}

/// Tables read from plain columns print without `<TABLE>` tags when the draft is an EDGAR
/// exhibit, as they stood; in a newswire draft (never tagged) the mark is dropped.
fn untagged_tables_in_edgar(d: &mut Draft) {
    if d.export.style == Style::Edgar {
        return;
    }
    for b in &mut d.body {
        if let Block::Table(t) = &mut b.block
            && let Some(l) = &mut t.text_layout
        {
            l.untagged = false;
            if *l == Default::default() {
                t.text_layout = None;
            }
        }
    }
}

/// A block's lines as written, each with its indent.
fn lines_as_written(b: &Blk) -> String {
    b.lines
        .iter()
        .map(|l| format!("{}{}", " ".repeat(l.indent), l.text))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A wire's closing block of several paragraphs, from its dissemination line to its last
/// line (EQS: `20.11.2026 CET/CEST Dissemination of a Corporate News, transmitted by EQS
/// News ...` ... `End of News   EQS News Service`): taken out whole, as written.
fn take_wire_footer(blocks: &mut Vec<Blk>) -> String {
    static DISSEMINATION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\d{2}\.\d{2}\.\d{4} .*(Dissemination of|transmitted by)").expect("valid")
    });
    let last_says_end = blocks
        .last()
        .is_some_and(|b| b.lines.iter().any(|l| l.text.starts_with("End of News")));
    let Some(k) = blocks
        .iter()
        .rposition(|b| DISSEMINATION.is_match(&b.joined()))
        .filter(|_| last_says_end)
    else {
        return String::new();
    };
    let footer: Vec<String> = blocks[k..].iter().map(lines_as_written).collect();
    blocks.truncate(k);
    footer.join("\n\n")
}

/// A wire's header over the headline, in the headline's block, and the block under the
/// headline that gives the time of dissemination (EQS), taken out as written.
fn take_wire_header(blocks: &mut Vec<Blk>) -> (String, String) {
    static EQS_HEADER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^EQS-[\w-]+(?: [\w-]+)?: \S").expect("valid"));
    static DISSEMINATED_AT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\d{2}\.\d{2}\.\d{4} / \d{1,2}:\d{2}\b").expect("valid"));
    let Some(first) = blocks.first_mut() else {
        return (String::new(), String::new());
    };
    if first.lines.len() < 2 || !EQS_HEADER.is_match(&first.first().text) {
        return (String::new(), String::new());
    }
    // Its first line, and the lines a narrower export hung under it (see `HEADER_HANG`).
    let more = first.lines[1..first.lines.len() - 1]
        .iter()
        .take_while(|l| l.indent > 0)
        .count();
    let header = first
        .lines
        .drain(..=more)
        .map(|l| l.text)
        .collect::<Vec<_>>()
        .join(" ");
    let note = match blocks.get(1) {
        Some(b) if DISSEMINATED_AT.is_match(&b.first().text) && b.table.is_none() => {
            let note = lines_as_written(b);
            blocks.remove(1);
            note
        }
        _ => String::new(),
    };
    (header, note)
}

/// Lines kept as written (a wire's header and closing block) as the export prints them at
/// the width found, so that importing the export gives the same draft.
fn as_printed_at_width(d: &mut Draft) {
    let width = render::effective_width(d, d.export.style);
    let printed = |s: &str| {
        s.split("\n\n")
            .map(|b| render::trailer_lines(b, width).join("\n"))
            .filter(|b| !b.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    d.release.header = d
        .release
        .header
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    d.release.header_note = printed(&d.release.header_note);
    d.release.trailer = printed(&d.release.trailer);
}

/// The tables in the source that lay out again line for line (the others stay text, so
/// their words are kept as paragraphs).
fn exact_tables(source: &str) -> Vec<Detected> {
    detect_tables(source)
        .into_iter()
        .filter(|t| t.exact)
        .collect()
}

fn split_blocks(lines: Vec<Line>, tables: Vec<Detected>) -> Blocks {
    let mut out = Blocks {
        blocks: Vec::new(),
        end_mark: EndMark::None,
        page_breaks: 0,
        numbered_pages: false,
        end_mark_flush: false,
    };
    let mut current: Vec<Line> = Vec::new();
    let mut page_break = false;
    let mut after_end = false;
    let flush =
        |current: &mut Vec<Line>, blocks: &mut Vec<Blk>, page_break: &mut bool, after_end: bool| {
            if !current.is_empty() {
                blocks.push(Blk {
                    lines: std::mem::take(current),
                    page_break_before: std::mem::take(page_break),
                    after_end_mark: after_end,
                    table: None,
                });
            }
        };
    let mut tables = tables.into_iter().peekable();
    let mut lines = lines.into_iter().peekable();
    while let Some(l) = lines.next() {
        // A table found in the source is one block, blank rows and footnotes included.
        if let Some(t) = tables.next_if(|t| t.lines.start + 1 == l.no) {
            flush(&mut current, &mut out.blocks, &mut page_break, after_end);
            let mut table_lines = vec![l];
            while let Some(next) = lines.next_if(|n| n.no <= t.lines.end) {
                table_lines.push(next);
            }
            table_lines.retain(|l| !l.text.is_empty());
            let mut table = t.table;
            if !t.tagged {
                // Plain columns print plain in EDGAR too (see `untagged_tables_in_edgar`).
                table.text_layout.get_or_insert_default().untagged = true;
            }
            out.blocks.push(Blk {
                lines: table_lines,
                page_break_before: std::mem::take(&mut page_break),
                after_end_mark: after_end,
                table: Some(Box::new(table)),
            });
            continue;
        }
        if l.text.is_empty() {
            flush(&mut current, &mut out.blocks, &mut page_break, after_end);
        } else if PAGE_MORE.is_match(&l.text) || PAGE_TAG.is_match(&l.text) {
            out.numbered_pages |= PAGE_TAG.is_match(&l.text) && l.text.len() > "<PAGE>".len();
            flush(&mut current, &mut out.blocks, &mut page_break, after_end);
            if !page_break {
                out.page_breaks += 1;
            }
            page_break = true;
        } else if let Some(mark) = is_end_mark(&l.text).filter(|_| out.end_mark == EndMark::None) {
            flush(&mut current, &mut out.blocks, &mut page_break, after_end);
            out.end_mark = mark;
            out.end_mark_flush = l.indent == 0;
            after_end = true;
        } else {
            current.push(l);
        }
    }
    flush(&mut current, &mut out.blocks, &mut page_break, after_end);
    out
}

/// The import in progress: the blocks, the block being read, and what has been found.
struct Reader<'a> {
    source: &'a str,
    blocks: Vec<Blk>,
    page_breaks: usize,
    numbered_pages: bool,
    /// The next block to read, and where the end matter (trailing contacts) starts.
    i: usize,
    end: usize,
    d: Draft,
    notes: Vec<Note>,
    layout: Layout,
    title_found: bool,
    title_spaced: bool,
    timing_found: bool,
    tail_contacts: Option<FoundContacts>,
    /// The prose that spells names and acronyms, for giving capitalised lines their case
    /// back; blocks in capitals (headings) say nothing about case.
    body_text: String,
    /// The widest line, to judge centring by.
    width_guess: usize,
    /// First-line indents of body paragraphs, to find the usual one.
    indents: Vec<usize>,
    /// ... and of "About" and safe-harbor paragraphs, which may differ from the body's.
    about_indents: Vec<usize>,
    safe_indents: Vec<usize>,
    /// Where in the body centred title blocks were read as headings.
    centred_headings: Vec<usize>,
    /// The headline's lines as the source broke them.
    headline_lines: Vec<String>,
}

impl<'a> Reader<'a> {
    fn new(source: &'a str, b: Blocks) -> Self {
        let d = Draft {
            body: Vec::new(),
            boilerplate: Vec::new(),
            contacts: Vec::new(),
            end_mark: b.end_mark,
            ..Draft::default()
        };
        let width_guess = b
            .blocks
            .iter()
            .flat_map(|b| b.lines.iter())
            .map(|l| l.indent + l.width)
            .max()
            .unwrap_or(DEFAULT_WIDTH);
        Self {
            source,
            end: b.blocks.len(),
            blocks: b.blocks,
            page_breaks: b.page_breaks,
            numbered_pages: b.numbered_pages,
            i: 0,
            d,
            notes: Vec::new(),
            layout: Layout {
                // Every style centres the end mark: say so only where the source did not.
                end_mark_centred: b.end_mark_flush.then_some(false),
                ..Layout::default()
            },
            title_found: false,
            timing_found: false,
            title_spaced: false,
            tail_contacts: None,
            body_text: String::new(),
            width_guess,
            headline_lines: Vec::new(),
            indents: Vec::new(),
            about_indents: Vec::new(),
            safe_indents: Vec::new(),
            centred_headings: Vec::new(),
        }
    }

    fn note(&mut self, line: usize, message: impl Into<String>) {
        self.notes.push(Note {
            line,
            message: message.into(),
        });
    }

    /// Takes contacts found at `found` into the draft, with the layout they were written in.
    fn take_contacts(&mut self, found: FoundContacts, placement: ContactsPlacement) {
        let mut contacts = found.contacts;
        keep_labels_as_written(&mut contacts, &found.labels);
        self.d.contacts.extend(contacts);
        self.d.contacts_heading = found.heading;
        self.layout.contact_labels = found.bare.then_some(false);
        self.layout.contacts_hanging = Some(found.hanging);
        self.layout.contacts_spaced = Some(found.spaced);
        if found.indent > 0 {
            self.layout.contacts_indent = Some(found.indent.min(40) as u8);
        }
        self.d.contacts_placement = placement;
    }

    /// The preamble: exhibit label, logo, title, timing, contacts.
    fn preamble(&mut self) {
        self.d.release.title = "NEWS RELEASE".into();
        while self.i < self.blocks.len() {
            let b = &self.blocks[self.i];
            let t = b.joined();
            if b.is_single() && EXHIBIT.is_match(&t) {
                // Filing agents set the label against the right margin.
                let l = b.first();
                let right = l.indent >= 24 && l.indent + l.width + 8 >= self.width_guess;
                self.layout.exhibit_right = right.then_some(true);
                self.d.release.exhibit = t;
            } else if b.is_single() && t.eq_ignore_ascii_case("[LOGO]") {
                self.d.release.logo = Some("[LOGO FILE]".into());
                let line = b.line_no();
                self.note(
                    line,
                    "a logo stood here: choose its image file (Release > Logo image)",
                );
            } else if !self.title_found
                && self.d.release.letterhead.is_empty()
                && (2..=5).contains(&b.lines.len())
                && is_centred(b, self.width_guess.max(60))
                && self
                    .blocks
                    .get(self.i + 1)
                    .is_some_and(|n| n.is_single() && is_title(&n.joined()))
            {
                // Company name and address centred over the title: the letterhead, not
                // the headline.
                let lines: Vec<&str> = b.lines.iter().map(|l| l.text.as_str()).collect();
                self.d.release.letterhead = lines.join("\n");
            } else if b.is_single() && is_title(&t) {
                self.title_found = true;
                self.title_spaced = unspace_title(&t).is_some();
                self.d.release.title = unspace_title(&t).unwrap_or(t).to_uppercase();
            } else if b.is_single()
                && !self.timing_found
                && let Some(timing) = parse_timing(&t)
            {
                self.d.release.timing = timing;
                // Kept as written; [`Reader::layout`] drops it where the style writes the same.
                self.d.release.timing_as_written = t;
                self.timing_found = true;
                if !self.d.contacts.is_empty() {
                    self.layout.timing_after_contacts = Some(true);
                }
            } else if let Some(found) = contact_blocks(&self.blocks, self.i) {
                self.i = found.next;
                self.take_contacts(found, ContactsPlacement::Top);
                continue;
            } else {
                break;
            }
            self.i += 1;
        }
    }

    /// Where the end matter starts: contacts after the body (before or after the end mark).
    fn find_end_matter(&mut self) {
        let i = self.i;
        for k in i..self.blocks.len() {
            let first = &self.blocks[k].first().text;
            let labelled = LABEL.is_match(first)
                || INLINE_CONTACT_LABEL.is_match(first)
                || FURTHER_INFORMATION.is_match(first)
                || BARE_CONTACT_LABEL.is_match(first);
            if labelled
                && k > i + 1
                && let Some(found) = contact_blocks(&self.blocks, k)
                && found.next == self.blocks.len()
            {
                self.end = k;
                self.tail_contacts = Some(found);
                break;
            }
        }
        self.body_text = self.blocks[(i + 1).min(self.end)..self.end]
            .iter()
            .map(Blk::joined)
            .filter(|t| t.chars().any(char::is_lowercase))
            .collect::<Vec<_>>()
            .join(" ");
    }

    /// Headline: the next block; then the subheadline until the dateline paragraph.
    fn headline_and_subheadline(&mut self) {
        if self.i < self.end {
            let b = &self.blocks[self.i];
            let centred = is_centred(b, self.width_guess.max(60));
            let caps = !b.joined().chars().any(char::is_lowercase);
            self.layout.headline_centred = Some(centred);
            // A centred headline in its own case keeps it.
            if centred && !caps {
                self.layout.headline_caps = Some(false);
            }
            self.d.headline = restore_case(&b.joined(), &self.body_text);
            self.headline_lines = b.lines.iter().map(|l| l.text.clone()).collect();
            self.i += 1;
        }
        let mut sub_items: Vec<String> = Vec::new();
        let mut sub_bullets = false;
        while self.i < self.end {
            let b = &self.blocks[self.i];
            if parse_dateline(&b.joined()).is_some() || b.table.is_some() {
                break;
            }
            // A subheadline is short, and stands before the first real paragraph.
            let bullets = bullet_items(b);
            let short = b.joined().split_whitespace().count() <= 40 && b.lines.len() <= 4;
            if self.i + 1 >= self.end || !(short || bullets.is_some()) {
                break;
            }
            match bullets {
                Some(items) => {
                    sub_bullets = true;
                    sub_items.extend(items);
                }
                None => sub_items.push(b.joined()),
            }
            self.i += 1;
        }
        if !sub_items.is_empty() {
            let line = self.blocks[self.i - 1].line_no();
            self.note(
                line,
                "the text between the headline and the dateline was read as the subheadline",
            );
            self.d.subheadline = if sub_bullets {
                Subheadline::Bullets(sub_items)
            } else {
                Subheadline::Text(sub_items.join("\n\n"))
            };
        }
    }

    /// Body, "About" sections and safe harbor.
    fn body(&mut self) {
        let mut dateline_seen = false;
        let mut section = Section::Body;
        let mut headings_centred = None;
        while self.i < self.end {
            let i = self.i;
            let b = &self.blocks[i];
            let t = b.joined();
            let d = &mut self.d;
            if b.page_break_before
                && !matches!(section, Section::SafeHarbor)
                && (is_safe_harbor_heading(&t) || is_safe_harbor_text(&t))
            {
                d.safe_harbor.page_break_before = true;
            } else if b.page_break_before {
                d.body.push(BodyBlock::new(Block::PageBreak));
            }
            // A table in the body is a table block; in an "About" section or the safe harbor
            // (which hold prose only) it stays text.
            if let Some(t) = &b.table
                && section == Section::Body
            {
                d.body.push(BodyBlock::new(Block::Table(t.clone())));
                self.i += 1;
                continue;
            }
            if looks_like_heading(b) && is_about_heading(&t) {
                headings_centred.get_or_insert(is_centred(b, self.width_guess.max(60)));
                let heading = restore_case(&t, &self.body_text);
                d.boilerplate.push(About {
                    heading,
                    ..About::default()
                });
                section = Section::About;
            } else if looks_like_heading(b)
                && is_safe_harbor_heading(&t)
                && d.safe_harbor.text.is_empty()
            {
                headings_centred.get_or_insert(is_centred(b, self.width_guess.max(60)));
                d.safe_harbor.heading = restore_case(&t, &self.body_text);
                section = Section::SafeHarbor;
            } else if section != Section::SafeHarbor
                && d.safe_harbor.text.is_empty()
                && is_safe_harbor_text(&t)
                && (section == Section::About || !d.body.is_empty())
            {
                self.notes.push(Note {
                    line: b.line_no(),
                    message: "read as the safe harbor by its wording (it has no heading)".into(),
                });
                section = Section::SafeHarbor;
                d.safe_harbor.text = t;
                if b.lines.len() > 1 || b.first().indent > 0 {
                    self.safe_indents.push(b.first().indent);
                }
            } else {
                match section {
                    Section::About => {
                        let a = d.boilerplate.last_mut().expect("an About section is open");
                        if !a.text.is_empty() {
                            a.text.push_str("\n\n");
                        }
                        a.text.push_str(&t);
                        if b.first().indent > 0 {
                            self.indents.push(b.first().indent);
                        }
                        if b.lines.len() > 1 || b.first().indent > 0 {
                            self.about_indents.push(b.first().indent);
                        }
                    }
                    Section::SafeHarbor => {
                        if !d.safe_harbor.text.is_empty() {
                            d.safe_harbor.text.push_str("\n\n");
                        }
                        d.safe_harbor.text.push_str(&t);
                        if b.lines.len() > 1 || b.first().indent > 0 {
                            self.safe_indents.push(b.first().indent);
                        }
                    }
                    Section::Body => {
                        let mut para = t.clone();
                        if !dateline_seen && let Some((dl, _, rest)) = parse_dateline(&t) {
                            d.dateline = dl;
                            // Kept as written; [`Reader::layout`] drops it where the style
                            // writes the same.
                            if let Some(lead) = t.strip_suffix(rest.as_str()) {
                                d.dateline.as_written = lead.to_string();
                            }
                            para = rest;
                            dateline_seen = true;
                        }
                        if let Some(items) = bullet_items(b) {
                            d.body.push(BodyBlock::new(Block::Bullets(items)));
                        } else if dateline_seen
                            && para == t
                            && is_centred_title_block(b, self.width_guess.max(60))
                        {
                            // "RECONCILIATION OF ..." / "(In thousands)" / "(Unaudited)":
                            // centred lines, each kept.
                            let lines: Vec<&str> =
                                b.lines.iter().map(|l| l.text.as_str()).collect();
                            self.centred_headings.push(d.body.len());
                            d.body
                                .push(BodyBlock::new(Block::Heading(lines.join("\n"))));
                        } else if looks_like_heading(b)
                            && b.first().indent == 0
                            && para == t
                            && self
                                .blocks
                                .get(i + 1)
                                .is_some_and(|n| !looks_like_heading(n))
                        {
                            d.body.push(BodyBlock::new(Block::Heading(t)));
                        } else {
                            // Lines set in columns (a table read as text) say nothing of how
                            // paragraphs are indented.
                            let columns = b.lines.iter().any(|l| l.text.contains("   "));
                            if (b.lines.len() > 1 || b.first().indent > 0) && !columns {
                                self.indents.push(b.first().indent);
                            }
                            match parse_quote(&para) {
                                Some(q) => {
                                    self.notes.push(Note {
                                        line: b.line_no(),
                                        message: format!("read as a quote by {}", q.speaker),
                                    });
                                    d.body.push(BodyBlock::new(Block::Quote(q)));
                                }
                                None => d.body.push(BodyBlock::new(Block::Paragraph(para))),
                            }
                        }
                    }
                }
            }
            self.i += 1;
        }
        self.layout.headings_centred = headings_centred;
        if !dateline_seen {
            self.note(
                1,
                "no dateline found: the first paragraph keeps whatever opens it",
            );
        }
    }

    /// Contacts after the body; a note when there were none anywhere.
    fn end_matter(&mut self) {
        if let Some(found) = self.tail_contacts.take() {
            let placement = if found.after_end_mark {
                ContactsPlacement::EndAfterMark
            } else {
                ContactsPlacement::EndBeforeMark
            };
            self.take_contacts(found, placement);
        }
        if self.d.contacts.is_empty() {
            self.d.contacts.push(Contact::default());
            self.note(1, "no contact block found");
        }
    }

    /// The company's fiscal year end, where the release names it ("for the fiscal year
    /// ended January 31, 1997"): the period checks reckon quarters from it.
    fn fiscal_year_end(&mut self) {
        static ENDED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?i)\bfiscal\s+year\s+(?:ended|ending|ends|that\s+ended)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})\b",
            )
            .expect("valid pattern")
        });
        let found = self.d.body.iter().find_map(|b| match &b.block {
            Block::Paragraph(p) => ENDED
                .captures(p)
                .map(|c| (c[1].to_string(), c[2].to_string())),
            _ => None,
        });
        let Some((month, day)) = found else {
            return;
        };
        let month = crate::core::render::dateline::MONTHS
            .iter()
            .position(|m| m.eq_ignore_ascii_case(&month))
            .map(|i| i as u32 + 1);
        let (Some(month), Ok(day)) = (month, day.parse::<u32>()) else {
            return;
        };
        // A real day of that month (February 29 stands for a leap year's last day).
        if NaiveDate::from_ymd_opt(2024, month, day).is_none() {
            return;
        }
        let end = crate::core::draft::FiscalYearEnd { month, day };
        if !end.is_december_31() {
            self.d.company.fiscal_year_end = end;
            let name = crate::core::render::dateline::MONTHS[month as usize - 1];
            self.note(1, format!("fiscal year taken to end {name} {day}"));
        }
    }

    /// Company: name and listing from the first "(Exchange: TICKER)", else from "About".
    fn company(&mut self) {
        let d = &mut self.d;
        let first_para = d.body.iter().find_map(|b| match &b.block {
            Block::Paragraph(p) => Some(p.clone()),
            _ => None,
        });
        if let Some(p) = &first_para
            && let Some(c) = TICKER_FORM.captures(p)
        {
            let before = p[..c.get(0).expect("whole match").start()].trim_end();
            let name = before.rsplit(['.', ';']).next().unwrap_or(before).trim();
            // A name with its legal suffix ("Société Minière S.A.") right before the listing.
            let name = COMPANY_NAME
                .captures_iter(before)
                .filter_map(|c| c.name("name"))
                .find(|m| m.end() == before.len())
                .map_or(name, |m| m.as_str());
            if name.split_whitespace().count() <= 8 {
                d.company.name = name.to_string();
                self.notes.push(Note {
                    line: 1,
                    message: format!("company taken to be \"{name}\" ({}: {})", &c[1], &c[2]),
                });
            }
            d.company.exchange = c[1].to_string();
            d.company.ticker = c[2].to_string();
        }
        // An EQS header names the issuer: `EQS-News: Acme AG / Key word(s): ...`.
        if d.company.name.is_empty()
            && let Some(issuer) = d
                .release
                .header
                .split_once(':')
                .filter(|(wire, _)| wire.trim_start().starts_with("EQS"))
                .and_then(|(_, rest)| rest.split('/').next())
                .map(str::trim)
                .filter(|n| !n.is_empty() && n.split_whitespace().count() <= 8)
        {
            d.company.name = issuer.to_string();
            self.notes.push(Note {
                line: 1,
                message: format!("company taken to be \"{issuer}\" (the EQS header)"),
            });
        }
        // No listing: the first name with a legal suffix the opening paragraph mentions.
        if d.company.name.is_empty()
            && let Some(m) = first_para
                .as_deref()
                .and_then(|p| COMPANY_NAME.captures(p))
                .and_then(|c| c.name("name"))
        {
            d.company.name = m.as_str().to_string();
            self.notes.push(Note {
                line: 1,
                message: format!("company taken to be \"{}\"", m.as_str()),
            });
        }
        for a in &mut d.boilerplate {
            let named = a.heading.get(6..).unwrap_or("").trim().to_string();
            if d.company.name.is_empty() {
                d.company.name = named.clone();
            }
            if a.heading
                .eq_ignore_ascii_case(&format!("About {}", d.company.name))
            {
                a.heading.clear(); // the default heading, derived from the company name
            }
        }
        d.company.city = d.dateline.city.clone();
        d.company.state = d.dateline.region.clone();
        d.company.website = website(&self.source.to_lowercase(), &d.contacts);
    }

    /// Centred title blocks in the body are centred headings, their lines kept, when every
    /// body heading is centred; beside flush-left headings they go back to paragraphs.
    fn body_headings(&mut self, layout: &mut Layout) {
        if self.centred_headings.is_empty() {
            return;
        }
        let flush = self.d.body.iter().enumerate().any(|(i, b)| {
            matches!(b.block, Block::Heading(_)) && !self.centred_headings.contains(&i)
        });
        if !flush {
            layout.body_headings_centred = Some(true);
            return;
        }
        for &i in &self.centred_headings {
            if let Block::Heading(h) = &self.d.body[i].block {
                let joined = join_lines(h.lines());
                self.d.body[i].block = Block::Paragraph(joined);
            }
        }
    }

    /// The timing line as found: none at all, or its wording where the style would write it
    /// otherwise; a time without a date is on the dateline's day.
    fn timing(&mut self, style: Style, layout: &mut Layout) {
        let release = &mut self.d.release;
        if !self.timing_found {
            layout.timing_line = Some(false);
            return;
        }
        if let Timing::Embargoed { date, .. } = &mut release.timing
            && *date == NaiveDate::MIN
        {
            match self.d.dateline.date {
                Some(day) => *date = day,
                None => {
                    release.timing = Timing::Immediate;
                    self.notes.push(Note {
                        line: 1,
                        message: "the timing line names a time but no date: read as immediate"
                            .into(),
                    });
                }
            }
        }
        let own = render::timing_line(&release.timing, style == Style::Newswire);
        if same_words_and_marks(&own, &release.timing_as_written) {
            release.timing_as_written.clear();
        }
    }

    /// The layout the source was written in: style, indent, width, spacing, and where it
    /// differs from the style's own.
    fn layout(&mut self) {
        let mut layout = self.layout;
        let edgar = self.title_spaced
            || self.page_breaks > 0 && self.source.contains("<PAGE>")
            || !self.d.release.letterhead.is_empty()
            || self.indents.iter().any(|i| *i > 0);
        let style = if edgar { Style::Edgar } else { Style::Newswire };
        self.timing(style, &mut layout);
        let (d, source) = (&mut self.d, self.source);
        d.export.style = style;
        // A newswire export prints a title only when told it is not letter-spaced, so
        // the title is recorded whenever it was found, unless it is EDGAR's own.
        if self.title_found && !(edgar && self.title_spaced) {
            layout.title_spaced = Some(self.title_spaced);
        }
        if !self.title_found && edgar {
            d.release.title.clear(); // EDGAR prints a title: none was there
        }
        let mode = most_common(&self.indents);
        if let Some(m) = mode.filter(|m| *m > 0) {
            d.export.paragraph_indent = m;
        }
        self.body_headings(&mut layout);
        let d = &mut self.d;
        let body_indented = mode.unwrap_or(0) > 0;
        layout.indent_paragraphs = Some(body_indented);
        // Sections set apart from the body's indent keep their own.
        if let Some(about) = most_common(&self.about_indents)
            && (about > 0) != body_indented
        {
            layout.indent_about = Some(about > 0);
        }
        if let Some(safe) = most_common(&self.safe_indents).filter(|i| *i > 0) {
            layout.indent_safe_harbor = Some(true);
            if !body_indented {
                d.export.paragraph_indent = safe; // the one indent the draft has
            }
        }
        let page_tags = source.lines().any(|l| PAGE_TAG.is_match(l.trim()));
        if self.numbered_pages && page_tags {
            layout.page_numbers = Some(true);
        }
        // `-MORE-` in capitals when every mark is so written.
        let marks: Vec<&str> = source
            .lines()
            .map(str::trim)
            .filter(|l| PAGE_MORE.is_match(l))
            .collect();
        if !marks.is_empty() && marks.iter().all(|m| *m == "-MORE-") {
            layout.more_caps = Some(true);
        }
        if self.page_breaks > 0 {
            layout.page_tag = Some(page_tags);
        }
        d.export.sentence_spacing = sentence_spacing(source);
        d.export.width = infer_width(&self.blocks, d.export.sentence_spacing);
        let most = if edgar {
            render::EDGAR_MAX_WIDTH
        } else {
            *WIDTH_RANGE.end()
        };
        layout.centre_width = infer_centre_width(&self.blocks, source, d.export.width, most);
        d.export.page_length = 0; // page breaks were read as explicit ones
        // Record only where the source differs from the style's own layout, as the
        // renderer has it.
        let own = render::style_layout(style);
        for (found, own) in [
            (&mut layout.headline_centred, own.headline_centred),
            (&mut layout.headings_centred, own.headings_centred),
            (&mut layout.contacts_hanging, own.contacts_hanging),
            (&mut layout.contacts_spaced, own.contacts_spaced),
            (&mut layout.contact_labels, own.contact_labels),
            (&mut layout.indent_paragraphs, own.indent_paragraphs),
            (&mut layout.page_tag, own.page_tag),
        ] {
            if *found == own {
                *found = None;
            }
        }
        d.export.layout = layout;
        if d.dateline.style == render::style_dateline(style) {
            d.dateline.style = DatelineStyle::Auto;
        }
        // Spaces aside: the export sets sentence spacing (after "Oct." too) itself.
        let written = std::mem::take(&mut d.dateline.as_written);
        let own = render::dateline::dateline_lead(&d.dateline, render::style_dateline(style));
        if !same_words_and_marks(&own, &written) {
            d.dateline.as_written = written;
        }
    }
}

#[derive(PartialEq, Clone, Copy)]
enum Section {
    Body,
    About,
    SafeHarbor,
}

/// The same text but for runs of spaces (and a trailing space).
fn same_words_and_marks(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace()) && a.ends_with(' ') == b.ends_with(' ')
}

fn most_common(v: &[usize]) -> Option<usize> {
    let mut counts = std::collections::BTreeMap::new();
    for x in v {
        *counts.entry(*x).or_insert(0) += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(x, n)| (*n, std::cmp::Reverse(*x)))
        .map(|(x, _)| x)
}

/// How the source spaces its sentences: two spaces where most sentence ends inside a line
/// (as the export finds them: not after "Mr.", an initial or "a.m.") have two.
fn sentence_spacing(source: &str) -> SentenceSpacing {
    let (mut one, mut two) = (0, 0);
    for line in source.lines() {
        let words: Vec<&str> = line.split(' ').collect();
        let mut k = 0;
        while k < words.len() {
            let gap = words[k + 1..].iter().take_while(|w| w.is_empty()).count();
            let Some(next) = words.get(k + 1 + gap) else {
                break;
            };
            if !words[k].is_empty() && text::ends_sentence(words[k], next) {
                match gap {
                    0 => one += 1,
                    1 => two += 1,
                    _ => {}
                }
            }
            k += 1 + gap;
        }
    }
    if two > 0 && two >= one {
        SentenceSpacing::Two
    } else {
        SentenceSpacing::One
    }
}

/// The wrap width the source was written at: the widths its line breaks allow, with the
/// common settings preferred.
fn infer_width(blocks: &[Blk], spacing: SentenceSpacing) -> usize {
    let mut lo = 30;
    let mut hi = 200;
    // Tables are laid out to their own columns, not the prose width.
    let blocks: Vec<&Blk> = blocks.iter().filter(|b| b.table.is_none()).collect();
    for b in &blocks {
        // A label at the right margin is set again at the width found, wherever it stood.
        if b.is_single()
            && b.first().indent > 0
            && b.first().text.to_uppercase().starts_with("EXHIBIT")
        {
            continue;
        }
        for l in &b.lines {
            lo = lo.max(l.indent + l.width);
        }
    }
    // Only wrapped prose tells where the line ended: after the first line, flush left.
    let wrapped: Vec<&&Blk> = blocks
        .iter()
        .filter(|b| b.lines.len() >= 2 && b.lines[1..].iter().all(|l| l.indent == 0))
        .collect();
    for b in &wrapped {
        for pair in b.lines.windows(2) {
            let (a, n) = (&pair[0], &pair[1]);
            if a.text.ends_with('-') {
                continue; // a word broken at its hyphen: part of it would have fitted
            }
            let next_word = n.text.split_whitespace().next().map_or(0, text::width);
            // A break the next word would have fitted before at every width the lines
            // allow is the author's (a contact's lines), not a wrap.
            if a.indent + a.width + next_word >= lo {
                hi = hi.min(a.indent + a.width + next_word);
            }
        }
    }
    if lo > 100 {
        return DEFAULT_WIDTH; // paragraphs on one line each, as wires take them: the usual width
    }
    let hi = hi.max(lo);
    // The widths releases are commonly wrapped at, the usual first.
    const COMMON: [usize; 9] = [DEFAULT_WIDTH, 72, 80, 70, 78, 75, 74, 65, 60];
    let chosen = COMMON
        .into_iter()
        .find(|w| (lo..=hi).contains(w))
        .unwrap_or(lo.clamp(*WIDTH_RANGE.start(), *WIDTH_RANGE.end()));
    // Paragraphs wrapped by hand may break where no one width breaks them all: a narrower
    // width that gives more of them back line for line wins, down to the widest line
    // that is not a wrapped paragraph's (it must still fit).
    let others = blocks
        .iter()
        .filter(|b| !wrapped.iter().any(|w| std::ptr::eq(**w, **b)))
        .filter(|b| !(b.is_single() && b.first().text.to_uppercase().starts_with("EXHIBIT")))
        .flat_map(|b| b.lines.iter())
        .map(|l| l.indent + l.width)
        .max()
        .unwrap_or(0);
    let floor = others.max(lo.saturating_sub(12)).max(*WIDTH_RANGE.start());
    let given_back = |width: usize| {
        wrapped
            .iter()
            .filter(|b| {
                let joined = b.lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>();
                let spaced = text::space_sentences(&joined.join(" "), spacing);
                let first = " ".repeat(b.first().indent);
                let want = b
                    .lines
                    .iter()
                    .map(|l| format!("{}{}", " ".repeat(l.indent), l.text));
                text::wrap(&spaced, width, &first, "").into_iter().eq(want)
            })
            .count()
    };
    if wrapped.len() >= 3 && floor < chosen {
        let here = given_back(chosen);
        // Of equals, a common width (the one importing the export finds again), else the widest.
        let common = |w: usize| {
            std::cmp::Reverse(COMMON.iter().position(|&c| c == w).unwrap_or(COMMON.len()))
        };
        if let Some((w, n)) = (floor..chosen)
            .map(|w| (w, given_back(w)))
            .max_by_key(|&(w, n)| (n, common(w), w))
            && n > here
        {
            return w;
        }
    }
    chosen
}

/// The width the source centres its lines over (letterhead, title, headline, `-MORE-`, the
/// end mark), when a wider one than `width` centres more of them: older exhibits centre
/// over the whole line and wrap short of it. Of equals the narrowest (so that importing the
/// export finds it again).
fn infer_centre_width(blocks: &[Blk], source: &str, width: usize, most: usize) -> Option<u8> {
    let mut centred: Vec<(usize, usize)> = blocks
        .iter()
        .filter(|b| b.table.is_none() && !(b.is_single() && EXHIBIT.is_match(&b.first().text)))
        .filter(|b| b.lines.iter().all(|l| l.indent >= 8))
        .flat_map(|b| b.lines.iter().map(|l| (l.indent, l.width)))
        .collect();
    for raw in source.lines() {
        let t = raw.trim();
        let indent = raw.len() - raw.trim_start().len();
        if indent >= 8 && (PAGE_MORE.is_match(t) || is_end_mark(t).is_some()) {
            centred.push((indent, text::width(t)));
        }
    }
    if centred.len() < 3 {
        return None;
    }
    let fits = |w: usize| {
        centred
            .iter()
            .filter(|&&(indent, n)| w.saturating_sub(n) / 2 == indent)
            .count()
    };
    let here = fits(width);
    let (best, n) = (width + 1..=most.min(u8::MAX as usize))
        .map(|w| (w, fits(w)))
        .max_by_key(|&(w, n)| (n, std::cmp::Reverse(w)))?;
    (n > here && 2 * n > centred.len()).then_some(best as u8)
}

fn website(lower: &str, contacts: &[Contact]) -> String {
    // A wire's own address ("Archive at www.eqs-news.com") is not the company's.
    const WIRES: [&str; 7] = [
        "eqs-news.",
        "eqs.com",
        "prnewswire.",
        "businesswire.",
        "globenewswire.",
        "accesswire.",
        "newsfilecorp.",
    ];
    let from_text = lower
        .split(|c: char| c.is_whitespace() || "()<>,;\"".contains(c))
        .filter(|w| !WIRES.iter().any(|wire| w.contains(wire)))
        .find(|w| w.starts_with("www.") && w.len() > 6)
        .map(|w| w.trim_end_matches('.').to_string());
    from_text
        .or_else(|| {
            contacts
                .iter()
                .find_map(|c| c.email.split_once('@').map(|(_, dom)| format!("www.{dom}")))
        })
        .unwrap_or_default()
}

fn bullet_items(b: &Blk) -> Option<Vec<String>> {
    if !BULLET.is_match(&b.first().text) {
        return None;
    }
    let mut items: Vec<String> = Vec::new();
    for l in &b.lines {
        match BULLET.captures(&l.text) {
            Some(c) if l.indent <= b.first().indent => items.push(c[1].to_string()),
            _ => match items.last_mut() {
                Some(last) => *last = join_lines([last.as_str(), l.text.as_str()].into_iter()),
                None => return None,
            },
        }
    }
    // "o" is a bullet only in a list of them: alone it is a word ("o" in a name, a typo).
    let letter_marker = b.first().text.starts_with("o ");
    (items.len() >= 2 || b.lines.len() == 1 && !letter_marker).then_some(items)
}

struct FoundContacts {
    /// Each contact's label as printed ("" under the label of the one before).
    labels: Vec<String>,
    /// A heading over them all ("Contacts").
    heading: String,
    /// Phone numbers and addresses stood without `Phone:` / `Email:` before them.
    bare: bool,
    contacts: Vec<Contact>,
    next: usize,
    hanging: bool,
    spaced: bool,
    after_end_mark: bool,
    /// The items under a label of their own, one a line, all indented this far (older
    /// exhibits: five spaces under `FOR FURTHER INFORMATION CONTACT:`); 0 when flush left.
    indent: usize,
}

/// Reads the contact blocks starting at block `start`: a labelled block, and the
/// unlabelled or labelled ones that follow it.
fn contact_blocks(blocks: &[Blk], start: usize) -> Option<FoundContacts> {
    let mut contacts = Vec::new();
    let mut k = start;
    let mut hanging = false;
    let mut blocks_used = 0;
    let mut hang_at = 0;
    let mut labels = Vec::new();
    let mut heading = String::new();
    while k < blocks.len() {
        let b = &blocks[k];
        let first = &b.first().text;
        // "FOR RELEASE:  Immediately" reads like a label, but it is the timing line.
        if b.is_single() && parse_timing(first).is_some() {
            break;
        }
        let labelled = LABEL
            .captures(first)
            .or_else(|| INLINE_CONTACT_LABEL.captures(first))
            .or_else(|| FURTHER_INFORMATION.captures(first))
            .or_else(|| BARE_CONTACT_LABEL.captures(first));
        // "Contacts" alone over labelled contacts is their heading.
        if k == start
            && b.is_single()
            && heading.is_empty()
            && labelled
                .as_ref()
                .is_some_and(|c| c.get(2).is_none_or(|m| m.as_str().trim().is_empty()))
            && blocks.get(k + 1).is_some_and(|n| {
                let t = &n.first().text;
                !n.is_single()
                    && (LABEL.is_match(t)
                        || INLINE_CONTACT_LABEL.is_match(t)
                        || BARE_CONTACT_LABEL.is_match(t))
            })
        {
            heading = first.clone();
            k += 1;
            continue;
        }
        let reachable = b.lines.iter().any(|l| {
            PHONE.is_match(&l.text)
                || EMAIL.is_match(&l.text)
                || BARE_PHONE.is_match(&l.text)
                || BARE_EMAIL.is_match(&l.text)
        });
        // A block after a contact with no label of its own, set where the details are: a
        // second organisation under the same label.
        let aligned = if hang_at > 0 {
            b.first().indent >= hang_at
        } else {
            b.first().indent == blocks[k - 1.min(k)].first().indent
        };
        let continues =
            labelled.is_none() && k > start && !contacts.is_empty() && aligned && reachable;
        if labelled.is_none() && !continues {
            break;
        }
        // The label as printed: up to its colon, or the whole line when it has none.
        let (label, role, first_item) = match &labelled {
            Some(c) => {
                let whole = c.get(0).expect("whole match");
                let item = c.get(2).map_or("", |m| m.as_str()).trim().to_string();
                let label = match first[..whole.end()].find(':') {
                    Some(colon) => first[..=colon].to_string(),
                    None => first[..whole.end()].trim().to_string(),
                };
                // "For further information, please contact:" names no role.
                let role = if FURTHER_INFORMATION.is_match(first) {
                    String::new()
                } else {
                    c[1].to_string()
                };
                (label, role, item)
            }
            None => (String::new(), String::new(), b.first().text.clone()),
        };
        if labelled.is_some() && !first_item.is_empty() {
            hanging = true;
            hang_at = b
                .lines
                .get(1)
                .map_or(first.find(&first_item).unwrap_or(10), |l| l.indent);
        }
        let mut items: Vec<String> = Vec::new();
        if !first_item.is_empty() {
            items.push(first_item);
        }
        items.extend(b.lines[1..].iter().map(|l| l.text.clone()));
        // One block may hold several contacts one after another (no blank line between).
        for (g, group) in split_contacts(&items).into_iter().enumerate() {
            let mut c = contact_from(&group);
            if contacts.is_empty() || !group.is_empty() {
                labels.push(if g == 0 { label.clone() } else { String::new() });
                let role_clean = role.trim_end_matches(':').to_string();
                // "Contact" is what the export prints for a contact without a role.
                c.role = if role_clean == "Contact" {
                    String::new()
                } else {
                    role_clean
                };
                contacts.push(c);
            }
        }
        blocks_used += 1;
        k += 1;
    }
    if contacts.is_empty()
        || contacts
            .iter()
            .all(|c| c.phone.is_empty() && c.email.is_empty() && c.name.is_empty())
    {
        return None;
    }
    // Roles after the first plain "Contacts:" label are blank in our model too.
    let bare = blocks[start..k]
        .iter()
        .flat_map(|b| b.lines.iter())
        .any(|l| BARE_PHONE.is_match(&l.text) || BARE_EMAIL.is_match(&l.text));
    // Items under a label line, each on a line of its own at one indent.
    let first_block = &blocks[start];
    let under: Vec<&Line> = first_block.lines.iter().skip(1).collect();
    let indent = match under.first() {
        Some(l) if !hanging && blocks_used == 1 && under.iter().all(|m| m.indent == l.indent) => {
            l.indent
        }
        _ => 0,
    };
    Some(FoundContacts {
        labels,
        heading,
        bare,
        indent,
        spaced: blocks_used > 1 || contacts.len() == 1,
        contacts,
        next: k,
        hanging,
        after_end_mark: blocks[start].after_end_mark,
    })
}

/// Gives the contacts whose label the export would print otherwise their label as the
/// source printed it (a colon or none, "Contact" once over two organisations).
fn keep_labels_as_written(contacts: &mut [Contact], written: &[String]) {
    let printed = |cs: &[Contact]| {
        let shown: Vec<&Contact> = cs.iter().filter(|c| release::contact_has_text(c)).collect();
        render::contact_labels(&shown)
    };
    let want: Vec<String> = contacts
        .iter()
        .zip(written)
        .filter(|(c, _)| release::contact_has_text(c))
        .map(|(_, w)| w.clone())
        .collect();
    if printed(contacts) == want {
        return;
    }
    let derived = printed(contacts);
    let mut shown = 0;
    for (c, w) in contacts.iter_mut().zip(written) {
        if !release::contact_has_text(c) {
            continue;
        }
        if derived.get(shown) != Some(w) {
            c.label = Some(w.clone());
        }
        shown += 1;
    }
    if printed(contacts) != want {
        for (c, w) in contacts.iter_mut().zip(written) {
            c.label = Some(w.clone());
        }
    }
}

/// Splits a run of contact lines into one list per person: a new person starts after
/// an email or phone line when a name-like line follows.
fn split_contacts(items: &[String]) -> Vec<Vec<String>> {
    let mut groups: Vec<Vec<String>> = vec![Vec::new()];
    let mut seen_reach = false;
    for it in items {
        let reach = PHONE.is_match(it)
            || EMAIL.is_match(it)
            || BARE_PHONE.is_match(it)
            || BARE_EMAIL.is_match(it);
        if seen_reach && !reach {
            groups.push(Vec::new());
            seen_reach = false;
        }
        seen_reach |= reach;
        groups
            .last_mut()
            .expect("one group at least")
            .push(it.clone());
    }
    groups
}

fn contact_from(items: &[String]) -> Contact {
    let mut c = Contact::default();
    let mut plain = Vec::new();
    for it in items {
        if let Some(m) = PHONE.captures(it) {
            c.phone = m[1].trim().to_string();
        } else if let Some(m) = EMAIL.captures(it) {
            c.email = m[1].trim().to_string();
        } else if BARE_EMAIL.is_match(it) && c.email.is_empty() {
            c.email = it.clone();
        } else if BARE_PHONE.is_match(it) && c.phone.is_empty() {
            c.phone = it.clone();
        } else {
            plain.push(it.clone());
        }
    }
    // The export prints organisation, then "name, title": keep the source's order, and
    // read two lines as name and title when the first is a person and the second is not
    // an organisation.
    let org_like = |s: &str| {
        let l = s.to_lowercase();
        [
            "inc",
            "corp",
            "company",
            "group",
            "holdings",
            "llc",
            "ltd",
            "bancorp",
            "partners",
            "relations",
            "communications",
            "plc",
            "bank",
        ]
        .iter()
        .any(|w| l.split(|c: char| !c.is_alphanumeric()).any(|x| x == *w))
    };
    // A job title names a department without being one ("Director of Investor Relations").
    let title_like = |s: &str| {
        let first = s.split_whitespace().next().unwrap_or("").to_lowercase();
        [
            "director",
            "vice",
            "senior",
            "executive",
            "chief",
            "head",
            "manager",
            "president",
            "treasurer",
            "secretary",
            "controller",
            "general",
        ]
        .contains(&first.trim_end_matches(','))
    };
    let (org, who) = match plain.len() {
        0 => (None, None),
        1 => (None, Some(plain[0].clone())),
        2 if !org_like(&plain[0])
            && (title_like(&plain[1]) || !org_like(&plain[1]))
            && !plain[0].contains(',') =>
        {
            (None, Some(format!("{}, {}", plain[0], plain[1])))
        }
        _ => (Some(plain[0].clone()), Some(plain[1..].join(", "))),
    };
    if let Some(o) = org {
        c.organisation = o;
    }
    if let Some(w) = who {
        match w.split_once(", ") {
            Some((n, t)) => {
                c.name = n.to_string();
                c.title = t.to_string();
            }
            None => c.name = w,
        }
    }
    c
}

/// Collapses runs of spaces in prose fields (paragraph breaks, "\n\n", stay): the
/// export sets sentence spacing itself.
fn normalise_spaces(d: &mut Draft) {
    walk::each_text_mut(d, |r, s| {
        if r.is_wrapped_prose() && s.contains("  ") {
            *s = s
                .split("\n\n")
                .map(|p| {
                    p.split(' ')
                        .filter(|w| !w.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
                .join("\n\n");
        }
    });
}

/// What a timing line typed by hand means ("EMBARGOED UNTIL 9:00 a.m. ET, Tuesday, May 5,
/// 2026"), as import reads it; a time without a date is on `day` (the dateline's). `None`
/// when the line is not one of the forms import knows.
pub fn read_timing_line(line: &str, day: Option<NaiveDate>) -> Option<Timing> {
    match parse_timing(line)? {
        Timing::Embargoed { date, time, zone } if date == NaiveDate::MIN => {
            Some(Timing::Embargoed {
                date: day?,
                time,
                zone,
            })
        }
        t => Some(t),
    }
}

/// The place and date a dateline typed by hand names (`SEATTLE, WA / ACCESSWIRE / November
/// 20, 2026 /`), as import reads it; `None` when it is not a dateline import knows.
pub fn read_dateline(line: &str) -> Option<Dateline> {
    // The reader finds a dateline at the start of a paragraph: give it one.
    let paragraph = format!("{} Words follow.", line.trim_end());
    parse_dateline(&paragraph).map(|(d, _, _)| d)
}

#[cfg(test)]
mod tests;
