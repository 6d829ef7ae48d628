//! The structured press-release draft: everything a release needs, as fields.
//!
//! Field order here is the order fields are written to `.ron`, so it follows the
//! reading order of a release: keep it that way for diff-friendly files.

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::core::table::Table;

/// The `.ron` format version this build writes. Older files are migrated on load
/// (see `draft_file::migrate`); a change that adds, renames or reshapes fields raises it.
///
/// - 1: the first format.
/// - 2: body blocks, contacts and "About" sections carry stable ids (`id: 3`); a body
///   block is `(id: 3, block: Paragraph("..."))`; `NoSubheadline`, `NoWire` and
///   `NoEndMark` are written for what format 1 wrote as `r#None` (and still reads);
///   `export.format` (Text when left out) says whether the draft's style is a text, an
///   HTML or a Word document.
/// - 3: a body block may be a `Table(...)` (a financial table, rows written one a line;
///   see `core::table::model`). A format-2 file reads as it is.
///   `release.timing_as_written` and `dateline.as_written` keep an imported release's
///   timing line and dateline wording until the field is edited; `release.trailer` is a
///   closing line such as `SOURCE: Acme Corp.`; the layout may turn the timing line off
///   (`timing_line`), put it under the contacts, right-align the exhibit label, keep a
///   centred headline's case (`headline_caps`), and indent "About" sections and the safe
///   harbor apart from the body (`indent_about`, `indent_safe_harbor`); a contact may carry
///   its label as written (`label`), and the contacts a heading (`contacts_heading`);
///   `release.letterhead` is centred above the title; `<PAGE>` tags may number their page
///   (`page_numbers`); body sub-headings may be centred title blocks
///   (`body_headings_centred`).
///   `spelling` (left out when empty): the draft's own spelling language and the words
///   ignored in it (*Ignore in this draft*). The company may name its
///   fiscal year end (`fiscal_year_end: (month: 6, day: 30)`, December 31 when left out) and
///   its own non-GAAP measures (`non_gaap_measures: [(measure: "...", gaap: "...")]`).
///   `comments` (left out when there are none): reviewers' comments, each on a field
///   (`field: Body(4)`), optionally on some of its words (`quote`), with author, time,
///   replies and `resolved`.
/// - 4: what import reads from older and plainer releases: the layout may print `-MORE-`
///   in capitals (`more_caps`) and indent the contact details one item a line
///   (`contacts_indent: Some(5)`) and centre lines over a wider line than it wraps at
///   (`centre_width: Some(78)`), and print the end mark at the left (`end_mark_centred:
///   Some(false)`); a table column imported from text may record where its
///   cells stand (`cells: Some(Left)`, `Some(Right)` or `Some(LeftText)`, for dates and
///   words), and a table read from plain columns in an EDGAR exhibit prints without
///   `<TABLE>` tags (`untagged: true`); a headline
///   may hold line breaks (`\n`) as the source broke it. `release.header` and
///   `release.header_note` are a wire's lines over and under the headline (EQS), kept as
///   written; `release.trailer` may hold several lines and blocks (EQS's closing block). All are left out when unset, so a
///   format-3 file reads as it is (`tests/drafts/format-3-earnings.ron` is its test file).
pub const FORMAT_VERSION: u32 = 4;

/// Headlines longer than this many characters are long: newswires suggest about 70.
pub const HEADLINE_SUGGESTED_CHARS: usize = 70;
/// Headlines longer than this are cut by wires and readers.
pub const HEADLINE_MAX_CHARS: usize = 120;
/// The wrap column a new draft uses (the layout reference wraps at 76).
pub const DEFAULT_WIDTH: usize = 76;
/// The wrap columns a draft may ask for; EDGAR caps it further at 80.
pub const WIDTH_RANGE: std::ops::RangeInclusive<usize> = 30..=200;
/// Lines per page the export settings accept (0 turns automatic pages off).
pub const PAGE_LENGTH_RANGE: std::ops::RangeInclusive<usize> = 0..=200;

/// How a headline's length reads: fine, long, or too long.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadlineLength {
    Fine,
    Long,
    TooLong,
}

impl HeadlineLength {
    /// Judges a headline of `chars` characters.
    pub fn of(chars: usize) -> Self {
        if chars > HEADLINE_MAX_CHARS {
            HeadlineLength::TooLong
        } else if chars > HEADLINE_SUGGESTED_CHARS {
            HeadlineLength::Long
        } else {
            HeadlineLength::Fine
        }
    }

    /// One sentence on what the length means, for tooltips and hints.
    pub fn advice(self) -> String {
        match self {
            HeadlineLength::Fine => {
                format!("Newswires suggest about {HEADLINE_SUGGESTED_CHARS} characters.")
            }
            HeadlineLength::Long => {
                format!(
                    "Longer than the {HEADLINE_SUGGESTED_CHARS} or so characters newswires suggest."
                )
            }
            HeadlineLength::TooLong => format!(
                "Too long: wires and readers cut headlines past {HEADLINE_MAX_CHARS} characters."
            ),
        }
    }
}

/// A body block's, contact's or "About" section's identity within its draft: kept through
/// moves, inserts, undo and saving, so comments, checks and redlines can point at it
/// wherever it goes. 0 means "not yet given one" (the draft gives it one on load).
#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord,
)]
#[serde(transparent)]
pub struct ItemId(pub u32);

impl ItemId {
    /// Not yet given an id (profiles keep contacts and sections without one).
    pub fn is_unset(&self) -> bool {
        self.0 == 0
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct Draft {
    pub version: u32,
    pub release: Release,
    pub company: Company,
    pub contacts: Vec<Contact>,
    pub contacts_placement: ContactsPlacement,
    /// A heading printed over the contacts ("Contacts"), as an imported release had one.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub contacts_heading: String,
    /// One or more lines; a newline is a line break the author chose.
    pub headline: String,
    pub subheadline: Subheadline,
    pub dateline: Dateline,
    pub body: Vec<BodyBlock>,
    pub boilerplate: Vec<About>,
    pub safe_harbor: SafeHarbor,
    pub end_mark: EndMark,
    pub export: ExportSettings,
    #[serde(default, skip_serializing_if = "DraftSpelling::is_empty")]
    pub spelling: DraftSpelling,
    /// Reviewers' comments: kept with the draft, never printed by any export.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
}

/// The draft's own spelling settings: its language (the window's default when `None`) and
/// the words ignored in it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct DraftSpelling {
    /// A Hunspell dictionary's name, such as "en_GB".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ignored: Vec<String>,
}

impl DraftSpelling {
    pub fn is_empty(&self) -> bool {
        self.language.is_none() && self.ignored.is_empty()
    }
}

/// A reviewer's comment on a field, or on some words of it, with its replies.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Comment {
    pub field: FieldRef,
    /// The words commented on; empty for the field as a whole.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
    #[serde(default)]
    pub author: String,
    pub time: chrono::DateTime<chrono::Utc>,
    #[serde(default)]
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<Reply>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub resolved: bool,
}

/// A reply in a comment's thread.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Reply {
    #[serde(default)]
    pub author: String,
    pub time: chrono::DateTime<chrono::Utc>,
    #[serde(default)]
    pub text: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Draft {
    /// How many comments are still open (not resolved).
    pub fn open_comments(&self) -> usize {
        self.comments.iter().filter(|c| !c.resolved).count()
    }

    /// How many open comments point at `field`.
    pub fn open_comments_on(&self, field: FieldRef) -> usize {
        self.comments
            .iter()
            .filter(|c| !c.resolved && c.field == field)
            .count()
    }
}

impl Default for Draft {
    fn default() -> Self {
        Self {
            version: FORMAT_VERSION,
            release: Release::default(),
            company: Company::default(),
            contacts: vec![Contact {
                id: ItemId(1),
                ..Contact::default()
            }],
            contacts_placement: ContactsPlacement::default(),
            contacts_heading: String::new(),
            headline: String::new(),
            subheadline: Subheadline::default(),
            dateline: Dateline::default(),
            body: vec![BodyBlock {
                id: ItemId(2),
                block: Block::Paragraph(String::new()),
            }],
            boilerplate: vec![About {
                id: ItemId(3),
                ..About::default()
            }],
            safe_harbor: SafeHarbor::default(),
            end_mark: EndMark::default(),
            export: ExportSettings::default(),
            spelling: DraftSpelling::default(),
            comments: Vec::new(),
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct Release {
    pub timing: Timing,
    /// Path to the letterhead image; text exports print a `[LOGO]` line in its place.
    pub logo: Option<String>,
    pub title: String,
    /// For example "EXHIBIT 99.1" when the release is filed with an 8-K.
    pub exhibit: String,
    /// The timing line as an imported release wrote it ("EMBARGOED UNTIL 8:00 a.m. ET,
    /// Tuesday, May 5, 2026"): printed instead of the style's own wording until the
    /// timing is edited. `timing` keeps what it means, for the checks.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub timing_as_written: String,
    /// A closing line after everything else, as written ("SOURCE: Acme Corp.").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub trailer: String,
    /// Lines centred above the title (company name, street, city), as older exhibits
    /// print a letterhead in text; empty for none.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub letterhead: String,
    /// Lines a wire prints right over the headline, as written (EQS: `EQS-News: Acme AG /
    /// Key word(s): Quarterly / Interim Statement`); empty for none.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub header: String,
    /// A block a wire prints under the headline, as written (EQS: `20.11.2026 / 07:30
    /// CET/CEST` and `The issuer is solely responsible for the content of this
    /// announcement.`); empty for none.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub header_note: String,
}

impl Default for Release {
    fn default() -> Self {
        Self {
            timing: Timing::Immediate,
            logo: None,
            title: "NEWS RELEASE".into(),
            exhibit: String::new(),
            timing_as_written: String::new(),
            trailer: String::new(),
            letterhead: String::new(),
            header: String::new(),
            header_note: String::new(),
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub enum Timing {
    #[default]
    Immediate,
    /// Not to be published before this moment. A missing zone is a mistake the checks report.
    Embargoed {
        date: NaiveDate,
        time: NaiveTime,
        zone: Option<Tz>,
    },
    ReleaseOn(NaiveDate),
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Company {
    pub name: String,
    pub ticker: String,
    /// As written in the `(Exchange: TICKER)` form, e.g. "Nasdaq" or "NYSE".
    pub exchange: String,
    pub website: String,
    pub city: String,
    pub state: String,
    /// The last day of the company's fiscal year (December 31 unless set): the checks
    /// work out which quarter or year a release should report from it.
    #[serde(skip_serializing_if = "FiscalYearEnd::is_december_31")]
    pub fiscal_year_end: FiscalYearEnd,
    /// The company's own non-GAAP measures, each with its most directly comparable GAAP
    /// measure, beyond the ones the checks know (adjusted EBITDA, free cash flow, ...).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub non_gaap_measures: Vec<NonGaapMeasure>,
}

/// A month and day: the end of a fiscal year, `(month: 6, day: 30)`.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(default)]
pub struct FiscalYearEnd {
    pub month: u32,
    pub day: u32,
}

impl Default for FiscalYearEnd {
    fn default() -> Self {
        Self { month: 12, day: 31 }
    }
}

impl FiscalYearEnd {
    pub fn is_december_31(&self) -> bool {
        *self == Self::default()
    }
}

/// A non-GAAP measure a company reports, named as its releases name it, and the GAAP
/// measure it must come after and be reconciled from.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[serde(default)]
pub struct NonGaapMeasure {
    /// "adjusted operating cash flow"
    pub measure: String,
    /// "net cash provided by operating activities"
    pub gaap: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Contact {
    #[serde(skip_serializing_if = "ItemId::is_unset")]
    pub id: ItemId,
    /// "Investor Contact", "Media Contact"; empty prints plain "Contact".
    pub role: String,
    pub organisation: String,
    pub name: String,
    pub title: String,
    pub phone: String,
    pub email: String,
    /// The label as an imported release printed it ("Media Contact", "Investors:",
    /// "FOR FURTHER INFORMATION CONTACT:"), colon and all; empty derives it from the role.
    /// `Some("")` prints no label (a second organisation under the first's label).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ContactsPlacement {
    /// Under the timing line, as in EDGAR exhibits.
    #[default]
    Top,
    /// After the safe harbor, before the end mark.
    EndBeforeMark,
    /// After the end mark, as newswires print them.
    EndAfterMark,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub enum Subheadline {
    /// Written `NoSubheadline`: RON would need `r#None` for a variant called `None`.
    #[default]
    #[serde(rename = "NoSubheadline", alias = "None")]
    None,
    Text(String),
    Bullets(Vec<String>),
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Dateline {
    pub city: String,
    /// State (postal code or name) or country.
    pub region: String,
    pub date: Option<NaiveDate>,
    pub wire: Wire,
    pub style: DatelineStyle,
    /// The dateline as an imported release wrote it, with the separator after it
    /// (`SEATTLE, WA / ACCESSWIRE / November 20, 2026 / `): printed instead of the form
    /// `style` makes until the dateline is edited.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub as_written: String,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Wire {
    #[default]
    #[serde(rename = "NoWire", alias = "None")]
    None,
    PrNewswire,
    BusinessWire,
    GlobeNewswire,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DatelineStyle {
    /// Whatever the export style uses: `Full` for EDGAR, `Ap` for newswire.
    #[default]
    Auto,
    /// `Los Angeles, CA, September 15, 2003 - -`
    Full,
    /// `LOS ANGELES, Sept. 15, 2003 /PRNewswire/ --`
    Ap,
    /// `LOS ANGELES, California -- September 15, 2003 --`
    CityDash,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(String),
    Quote(Quote),
    Bullets(Vec<String>),
    Heading(String),
    PageBreak,
    /// A financial table (boxed: it is much larger than the other blocks).
    Table(Box<Table>),
}

/// A body block with its stable id.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct BodyBlock {
    pub id: ItemId,
    pub block: Block,
}

impl BodyBlock {
    /// A block not yet given an id: [`Draft::add_block`] or loading gives it one.
    pub fn new(block: Block) -> Self {
        Self {
            id: ItemId::default(),
            block,
        }
    }
}

/// The kinds of body block a writer can add, in the order the form offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Quote,
    Bullets,
    Heading,
    PageBreak,
    Table,
}

impl BlockKind {
    pub const ALL: [BlockKind; 6] = [
        BlockKind::Paragraph,
        BlockKind::Quote,
        BlockKind::Bullets,
        BlockKind::Heading,
        BlockKind::Table,
        BlockKind::PageBreak,
    ];

    pub fn label(self) -> &'static str {
        match self {
            BlockKind::Paragraph => "Paragraph",
            BlockKind::Quote => "Quote",
            BlockKind::Bullets => "Bullet list",
            BlockKind::Heading => "Sub-heading",
            BlockKind::PageBreak => "Page break",
            BlockKind::Table => "Table",
        }
    }

    /// A new, empty block of this kind (a bullet list starts with one empty item).
    pub fn new_block(self) -> Block {
        match self {
            BlockKind::Paragraph => Block::Paragraph(String::new()),
            BlockKind::Quote => Block::Quote(Quote::default()),
            BlockKind::Bullets => Block::Bullets(vec![String::new()]),
            BlockKind::Heading => Block::Heading(String::new()),
            BlockKind::PageBreak => Block::PageBreak,
            BlockKind::Table => Block::Table(Box::new(Table::starter())),
        }
    }
}

impl Block {
    pub fn kind(&self) -> BlockKind {
        match self {
            Block::Paragraph(_) => BlockKind::Paragraph,
            Block::Quote(_) => BlockKind::Quote,
            Block::Bullets(_) => BlockKind::Bullets,
            Block::Heading(_) => BlockKind::Heading,
            Block::PageBreak => BlockKind::PageBreak,
            Block::Table(_) => BlockKind::Table,
        }
    }

    pub fn kind_name(&self) -> &'static str {
        self.kind().label()
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct Quote {
    pub text: String,
    pub speaker: String,
    pub title: String,
    /// "said", "commented", "added".
    pub verb: String,
    pub attribution: Attribution,
}

impl Default for Quote {
    fn default() -> Self {
        Self {
            text: String::new(),
            speaker: String::new(),
            title: String::new(),
            verb: "said".into(),
            attribution: Attribution::After,
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Attribution {
    /// `Title, Name, commented, "..."`
    Before,
    /// `"...," said Name, Title.`
    #[default]
    After,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct About {
    #[serde(skip_serializing_if = "ItemId::is_unset")]
    pub id: ItemId,
    /// Empty means "About <company name>".
    pub heading: String,
    pub text: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct SafeHarbor {
    pub heading: String,
    pub text: String,
    pub page_break_before: bool,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum EndMark {
    #[default]
    Hashes,
    Thirty,
    End,
    #[serde(rename = "NoEndMark", alias = "None")]
    None,
    /// `# # #`, as some wires and house styles print it.
    SpacedHashes,
    /// `- 30 -`
    SpacedThirty,
    /// `-end-`
    TightEnd,
}

impl EndMark {
    pub const ALL: [EndMark; 7] = [
        EndMark::Hashes,
        EndMark::SpacedHashes,
        EndMark::Thirty,
        EndMark::SpacedThirty,
        EndMark::End,
        EndMark::TightEnd,
        EndMark::None,
    ];

    pub fn text(self) -> &'static str {
        match self {
            EndMark::Hashes => "###",
            EndMark::SpacedHashes => "# # #",
            EndMark::Thirty => "-30-",
            EndMark::SpacedThirty => "- 30 -",
            EndMark::End => "- end -",
            EndMark::TightEnd => "-end-",
            EndMark::None => "",
        }
    }

    /// The end mark a line holds, if it is one.
    pub fn from_text(line: &str) -> Option<EndMark> {
        let t = line.trim();
        EndMark::ALL
            .into_iter()
            .find(|m| *m != EndMark::None && m.text().eq_ignore_ascii_case(t))
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Style {
    #[default]
    Edgar,
    Newswire,
}

impl Style {
    pub const ALL: [Style; 2] = [Style::Edgar, Style::Newswire];

    pub fn label(self) -> &'static str {
        match self {
            Style::Edgar => "EDGAR ASCII exhibit",
            Style::Newswire => "Newswire plain text",
        }
    }
}

/// The kind of file the draft's style makes.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FileFormat {
    /// Plain text laid out in columns (EDGAR ASCII, newswire text).
    #[default]
    Text,
    /// HTML: the EDGAR exhibit or the wire's.
    Html,
    /// A Word document.
    Word,
}

impl FileFormat {
    pub fn is_text(&self) -> bool {
        *self == FileFormat::Text
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SentenceSpacing {
    /// Whatever the author typed.
    #[default]
    AsTyped,
    One,
    Two,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct ExportSettings {
    /// The text style whose layout the draft follows (and prints, in a text export).
    pub style: Style,
    /// The kind of file the draft's style makes: with `style`, the draft's own export style.
    #[serde(skip_serializing_if = "FileFormat::is_text")]
    pub format: FileFormat,
    /// Wrap column. EDGAR never goes past 80 whatever this says.
    pub width: usize,
    pub sentence_spacing: SentenceSpacing,
    /// First-line indent of body paragraphs in the EDGAR style.
    pub paragraph_indent: usize,
    /// Lines per page before an automatic `-more-` / `<PAGE>` break (EDGAR). 0 turns them off.
    pub page_length: usize,
    /// Where the layout differs from the style's own (an imported release keeps its source's).
    #[serde(skip_serializing_if = "Layout::is_style_default")]
    pub layout: Layout,
}

/// Layout choices that override the export style's. `None` means "as the style does it".
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(default)]
pub struct Layout {
    /// `N E W S   R E L E A S E` rather than `NEWS RELEASE`.
    pub title_spaced: Option<bool>,
    /// Headline in capitals, balanced and centred.
    pub headline_centred: Option<bool>,
    /// "About" and safe-harbor headings centred in capitals.
    pub headings_centred: Option<bool>,
    /// `Contact:  ` with the details under a hanging indent, rather than one item a line.
    pub contacts_hanging: Option<bool>,
    /// A blank line between one contact and the next.
    pub contacts_spaced: Option<bool>,
    /// `Phone:` and `Email:` before a contact's number and address.
    pub contact_labels: Option<bool>,
    /// Body paragraphs with a first-line indent.
    pub indent_paragraphs: Option<bool>,
    /// EDGAR's `<PAGE>` tag under each `-more-`.
    pub page_tag: Option<bool>,
    /// The timing line printed at all (a wire release may open with its headline).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timing_line: Option<bool>,
    /// The timing line under the contacts rather than above them (older EDGAR exhibits).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timing_after_contacts: Option<bool>,
    /// The exhibit label at the right margin, as filing agents place it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exhibit_right: Option<bool>,
    /// A centred headline in capitals; `Some(false)` keeps the headline's own case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline_caps: Option<bool>,
    /// "About" paragraphs with a first-line indent (unset: as body paragraphs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indent_about: Option<bool>,
    /// Safe-harbor paragraphs with a first-line indent (unset: none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indent_safe_harbor: Option<bool>,
    /// `<PAGE>  2` rather than `<PAGE>`: each page tag numbers its page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_numbers: Option<bool>,
    /// Body sub-headings centred, each of their lines kept ("RECONCILIATION OF ...",
    /// "(In thousands)", "(Unaudited)").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_headings_centred: Option<bool>,
    /// The page-continuation mark in capitals, `-MORE-`, as older exhibits print it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub more_caps: Option<bool>,
    /// Contact details under `FOR FURTHER INFORMATION CONTACT:` indented this far, one item
    /// a line (older EDGAR exhibits indent them five spaces).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contacts_indent: Option<u8>,
    /// The width centred lines (letterhead, title, headline, `-MORE-`, the end mark) are
    /// centred over, when wider than the wrap width (unset: the wrap width).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub centre_width: Option<u8>,
    /// The end mark centred (unset: centred); `Some(false)` prints it at the left margin,
    /// as many wire releases do.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_mark_centred: Option<bool>,
}

impl Layout {
    pub fn is_style_default(&self) -> bool {
        *self == Layout::default()
    }

    /// Every layout choice, in the order a release prints what it governs, with its name
    /// for the form: one list, so a choice added to `Layout` is offered once it is here.
    pub const CHOICES: &'static [LayoutChoice] = &[
        LayoutChoice {
            name: "Exhibit label at the right margin",
            unset: "off",
            field: |l| &mut l.exhibit_right,
        },
        LayoutChoice {
            name: "Title letter-spaced (N E W S)",
            unset: "",
            field: |l| &mut l.title_spaced,
        },
        LayoutChoice {
            name: "Timing line printed",
            unset: "on",
            field: |l| &mut l.timing_line,
        },
        LayoutChoice {
            name: "Timing line under the contacts",
            unset: "off",
            field: |l| &mut l.timing_after_contacts,
        },
        LayoutChoice {
            name: "Contacts under a hanging label",
            unset: "",
            field: |l| &mut l.contacts_hanging,
        },
        LayoutChoice {
            name: "Blank line between contacts",
            unset: "",
            field: |l| &mut l.contacts_spaced,
        },
        LayoutChoice {
            name: "Phone: and Email: before the details",
            unset: "",
            field: |l| &mut l.contact_labels,
        },
        LayoutChoice {
            name: "Headline centred",
            unset: "",
            field: |l| &mut l.headline_centred,
        },
        LayoutChoice {
            name: "Centred headline in capitals",
            unset: "on",
            field: |l| &mut l.headline_caps,
        },
        LayoutChoice {
            name: "Body paragraphs indented",
            unset: "",
            field: |l| &mut l.indent_paragraphs,
        },
        LayoutChoice {
            name: "Body sub-headings centred",
            unset: "off",
            field: |l| &mut l.body_headings_centred,
        },
        LayoutChoice {
            name: "About and safe harbor headings centred",
            unset: "",
            field: |l| &mut l.headings_centred,
        },
        LayoutChoice {
            name: "About paragraphs indented",
            unset: "as body paragraphs",
            field: |l| &mut l.indent_about,
        },
        LayoutChoice {
            name: "Safe harbor paragraphs indented",
            unset: "off",
            field: |l| &mut l.indent_safe_harbor,
        },
        LayoutChoice {
            name: "<PAGE> tag under -more-",
            unset: "",
            field: |l| &mut l.page_tag,
        },
        LayoutChoice {
            name: "<PAGE> tags numbered",
            unset: "off",
            field: |l| &mut l.page_numbers,
        },
        LayoutChoice {
            name: "-MORE- in capitals",
            unset: "off",
            field: |l| &mut l.more_caps,
        },
        LayoutChoice {
            name: "End mark centred",
            unset: "on",
            field: |l| &mut l.end_mark_centred,
        },
    ];

    /// The layout's measures, in columns, each unset (as the style) or set.
    pub const MEASURES: &'static [LayoutMeasure] = &[
        LayoutMeasure {
            name: "Contact details indented (columns)",
            unset: "as the style",
            start: 5,
            field: |l| &mut l.contacts_indent,
        },
        LayoutMeasure {
            name: "Centred over (columns)",
            unset: "the width",
            start: 78,
            field: |l| &mut l.centre_width,
        },
    ];
}

/// One of [`Layout`]'s measures, for the form.
pub struct LayoutMeasure {
    pub name: &'static str,
    /// What unset means.
    pub unset: &'static str,
    /// The value a measure starts from when the user sets it.
    pub start: u8,
    pub field: fn(&mut Layout) -> &mut Option<u8>,
}

/// One of [`Layout`]'s choices, for the form.
pub struct LayoutChoice {
    /// What the choice does, as the form names it.
    pub name: &'static str,
    /// What leaving it to the style means when no style sets it (empty: every style
    /// sets it; see `render::style_layout`).
    pub unset: &'static str,
    /// The choice in a layout.
    pub field: fn(&mut Layout) -> &mut Option<bool>,
}

impl Default for ExportSettings {
    fn default() -> Self {
        Self {
            style: Style::Edgar,
            format: FileFormat::Text,
            width: DEFAULT_WIDTH,
            sentence_spacing: SentenceSpacing::AsTyped,
            paragraph_indent: 7,
            page_length: 50,
            layout: Layout::default(),
        }
    }
}

impl Draft {
    /// The heading an "About" section prints: its own, or "About <company name>".
    pub fn about_heading(&self, about: &About) -> String {
        if !about.heading.trim().is_empty() {
            about.heading.trim().to_string()
        } else if !self.company.name.trim().is_empty() {
            format!("About {}", self.company.name.trim())
        } else {
            "About the Company".into()
        }
    }

    /// Every id in use, in no particular order.
    fn ids(&self) -> impl Iterator<Item = ItemId> + '_ {
        let contacts = self.contacts.iter().map(|c| c.id);
        let body = self.body.iter().map(|b| b.id);
        let abouts = self.boilerplate.iter().map(|a| a.id);
        contacts.chain(body).chain(abouts)
    }

    /// An id no item of this draft has.
    pub fn fresh_id(&self) -> ItemId {
        ItemId(self.ids().map(|i| i.0).max().unwrap_or(0) + 1)
    }

    /// Gives every item without an id (or with one another item already has) a fresh
    /// one: after loading an older file, a hand-edited one or a template.
    pub fn assign_ids(&mut self) {
        let mut seen = std::collections::HashSet::new();
        let mut next = self.fresh_id().0;
        let mut fix = |id: &mut ItemId| {
            if id.0 == 0 || !seen.insert(*id) {
                *id = ItemId(next);
                seen.insert(*id);
                next += 1;
            }
        };
        self.contacts.iter_mut().for_each(|c| fix(&mut c.id));
        self.body.iter_mut().for_each(|b| fix(&mut b.id));
        self.boilerplate.iter_mut().for_each(|a| fix(&mut a.id));
    }

    /// Adds a body block at the end, with a fresh id; returns the id.
    pub fn add_block(&mut self, block: Block) -> ItemId {
        let id = self.fresh_id();
        self.body.push(BodyBlock { id, block });
        id
    }

    /// Replaces the body with these blocks, each with a fresh id.
    pub fn set_body(&mut self, blocks: impl IntoIterator<Item = Block>) {
        self.body.clear();
        for b in blocks {
            self.add_block(b);
        }
    }

    /// Adds a contact at the end, with a fresh id.
    pub fn add_contact(&mut self, mut contact: Contact) -> ItemId {
        contact.id = self.fresh_id();
        let id = contact.id;
        self.contacts.push(contact);
        id
    }

    /// Adds an "About" section at the end, with a fresh id.
    pub fn add_about(&mut self, mut about: About) -> ItemId {
        about.id = self.fresh_id();
        let id = about.id;
        self.boilerplate.push(about);
        id
    }

    /// Where a body block, contact or "About" section stands now (0-based), if it still exists.
    pub fn position(&self, field: FieldRef) -> Option<usize> {
        match field {
            FieldRef::Contact(id) => self.contacts.iter().position(|c| c.id == id),
            FieldRef::Body(id) => self.body.iter().position(|b| b.id == id),
            FieldRef::About(id) => self.boilerplate.iter().position(|a| a.id == id),
            _ => None,
        }
    }

    /// A field as a person names it: "headline", "body block 3", "contact 2".
    pub fn field_label(&self, field: FieldRef) -> String {
        let unset = matches!(field, FieldRef::Contact(id) | FieldRef::Body(id) | FieldRef::About(id) if id.is_unset());
        let at = |name: &str| match self.position(field) {
            Some(i) => format!("{name} {}", i + 1),
            // A finding about a list with nothing in it ("There is no About paragraph").
            None if unset => name.to_string(),
            None => format!("{name} (removed)"),
        };
        match field {
            FieldRef::Contact(_) => at("contact"),
            FieldRef::About(_) => at("about section"),
            FieldRef::Body(_) => at("body block"),
            other => other.section_name().to_string(),
        }
    }

    /// A table block named for messages: "body block 4, table \"Statements of Operations\""
    /// (its first title line with words, or its position alone).
    pub fn table_label(&self, field: FieldRef) -> String {
        let place = self.field_label(field);
        // The statement's name: a title line with words that is not the company's name or a
        // note in parentheses; the company usually comes first, so a later line is preferred.
        let title = self.body.iter().find_map(|b| match (&b.block, field) {
            (Block::Table(t), FieldRef::Body(id)) if b.id == id => {
                let names: Vec<&str> = t
                    .title
                    .iter()
                    .map(|l| l.trim())
                    .filter(|l| !l.eq_ignore_ascii_case(self.company.name.trim()))
                    .filter(|l| l.chars().any(char::is_alphabetic) && !l.starts_with('('))
                    .collect();
                let named = |l: &&&str| {
                    let l = l.to_lowercase();
                    STATEMENT_WORDS.iter().any(|w| l.contains(w))
                };
                names
                    .iter()
                    .find(named)
                    .or(names.get(1))
                    .or(names.first())
                    .copied()
            }
            _ => None,
        });
        match title {
            Some(t) => format!("{place}, table \"{t}\""),
            None => format!("{place}, a table"),
        }
    }
}

/// Words a table's title uses for what the table is ("Statements of Operations").
const STATEMENT_WORDS: &[&str] = &[
    "statement",
    "balance sheet",
    "reconciliation",
    "results",
    "cash flow",
    "segment",
    "summary",
    "schedule",
    "data",
    "table",
    "dividend",
];

/// A place in the draft, for messages that point the user at a field. Body blocks,
/// contacts and "About" sections are named by their stable id, not their position.
/// Comments keep it in the draft file (`Body(4)`, `Headline`).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldRef {
    Exhibit,
    Logo,
    Title,
    /// The timing line: immediate release, an embargo or a release date.
    Timing,
    Company,
    Contact(ItemId),
    Headline,
    Subheadline,
    Dateline,
    Body(ItemId),
    About(ItemId),
    SafeHarbor,
    EndMark,
    /// Style, width, spacing, indents and page length.
    Export,
}

impl FieldRef {
    /// The field's name where its position does not matter (see [`Draft::field_label`]).
    pub fn section_name(self) -> &'static str {
        match self {
            FieldRef::Exhibit => "exhibit label",
            FieldRef::Logo => "logo",
            FieldRef::Title => "title",
            FieldRef::Timing => "timing",
            FieldRef::Company => "company",
            FieldRef::Contact(_) => "contact",
            FieldRef::Headline => "headline",
            FieldRef::Subheadline => "subheadline",
            FieldRef::Dateline => "dateline",
            FieldRef::Body(_) => "body block",
            FieldRef::About(_) => "about section",
            FieldRef::SafeHarbor => "safe harbor",
            FieldRef::EndMark => "end mark",
            FieldRef::Export => "export settings",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_layout_choice_is_offered_once() {
        // Setting each choice in turn must touch a field no other choice touches, and all
        // of them together must set every field `Layout` has (a new field not listed here
        // would be left unset, and this would fail).
        let mut all = Layout::default();
        for (i, c) in Layout::CHOICES.iter().enumerate() {
            let mut one = Layout::default();
            *(c.field)(&mut one) = Some(true);
            assert_ne!(one, Layout::default(), "{} sets a field", c.name);
            assert_eq!(*(c.field)(&mut all), None, "{} is listed twice", c.name);
            *(c.field)(&mut all) = Some(true);
            assert!(!c.name.is_empty(), "choice {i} has a name");
        }
        for m in Layout::MEASURES {
            assert_eq!(*(m.field)(&mut all), None, "{} is listed twice", m.name);
            *(m.field)(&mut all) = Some(5);
        }
        let every = format!("{all:?}");
        assert!(!every.contains("None"), "every field is offered: {every}");
    }

    #[test]
    fn ids_are_unique_and_survive_moves() {
        let mut d = Draft::default();
        let a = d.add_block(Block::Heading("A".into()));
        let b = d.add_block(Block::PageBreak);
        assert_ne!(a, b);
        d.body.swap(1, 2);
        assert_eq!(d.position(FieldRef::Body(a)), Some(2));
        assert_eq!(d.field_label(FieldRef::Body(b)), "body block 2");
        // A finding on an empty list names the list's kind, not a removed item.
        let empty = Draft {
            boilerplate: Vec::new(),
            ..Draft::default()
        };
        assert_eq!(
            empty.field_label(FieldRef::About(ItemId::default())),
            "about section"
        );
        assert_eq!(
            empty.field_label(FieldRef::About(ItemId(77))),
            "about section (removed)"
        );
        d.body.remove(0);
        assert_eq!(d.position(FieldRef::Body(a)), Some(1));
    }

    #[test]
    fn missing_and_repeated_ids_are_replaced() {
        let mut d = Draft::default();
        d.body.push(BodyBlock::new(Block::PageBreak));
        d.body.push(d.body[0].clone());
        d.contacts.push(Contact::default());
        d.assign_ids();
        let mut ids: Vec<ItemId> = d.ids().collect();
        assert!(ids.iter().all(|i| i.0 != 0));
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "every id once");
        assert_eq!(
            d.body[0].id,
            Draft::default().body[0].id,
            "the first keeps its id"
        );
    }

    #[test]
    fn headline_lengths_are_judged_in_one_place() {
        assert_eq!(
            HeadlineLength::of(HEADLINE_SUGGESTED_CHARS),
            HeadlineLength::Fine
        );
        assert_eq!(
            HeadlineLength::of(HEADLINE_SUGGESTED_CHARS + 1),
            HeadlineLength::Long
        );
        assert_eq!(HeadlineLength::of(HEADLINE_MAX_CHARS), HeadlineLength::Long);
        assert_eq!(
            HeadlineLength::of(HEADLINE_MAX_CHARS + 1),
            HeadlineLength::TooLong
        );
    }
}
