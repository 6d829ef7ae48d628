//! The structured press-release draft: everything a release needs, as fields.
//!
//! Field order here is the order fields are written to `.ron`, so it follows the
//! reading order of a release: keep it that way for diff-friendly files.

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// The `.ron` format version this build writes. Older files are migrated on load.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct Draft {
    pub version: u32,
    pub release: Release,
    pub company: Company,
    pub contacts: Vec<Contact>,
    pub contacts_placement: ContactsPlacement,
    /// One or more lines; a newline is a line break the author chose.
    pub headline: String,
    pub subheadline: Subheadline,
    pub dateline: Dateline,
    pub body: Vec<Block>,
    pub boilerplate: Vec<About>,
    pub safe_harbor: SafeHarbor,
    pub end_mark: EndMark,
    pub export: ExportSettings,
}

impl Default for Draft {
    fn default() -> Self {
        Self {
            version: FORMAT_VERSION,
            release: Release::default(),
            company: Company::default(),
            contacts: vec![Contact::default()],
            contacts_placement: ContactsPlacement::default(),
            headline: String::new(),
            subheadline: Subheadline::default(),
            dateline: Dateline::default(),
            body: vec![Block::Paragraph(String::new())],
            boilerplate: vec![About::default()],
            safe_harbor: SafeHarbor::default(),
            end_mark: EndMark::default(),
            export: ExportSettings::default(),
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
}

impl Default for Release {
    fn default() -> Self {
        Self {
            timing: Timing::Immediate,
            logo: None,
            title: "NEWS RELEASE".into(),
            exhibit: String::new(),
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
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Contact {
    /// "Investor Contact", "Media Contact"; empty prints plain "Contact".
    pub role: String,
    pub organisation: String,
    pub name: String,
    pub title: String,
    pub phone: String,
    pub email: String,
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
    #[default]
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
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Wire {
    #[default]
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
}

impl Block {
    pub fn kind_name(&self) -> &'static str {
        match self {
            Block::Paragraph(_) => "Paragraph",
            Block::Quote(_) => "Quote",
            Block::Bullets(_) => "Bullet list",
            Block::Heading(_) => "Sub-heading",
            Block::PageBreak => "Page break",
        }
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
    pub style: Style,
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
}

impl Layout {
    pub fn is_style_default(&self) -> bool {
        *self == Layout::default()
    }
}

impl Default for ExportSettings {
    fn default() -> Self {
        Self {
            style: Style::Edgar,
            width: 76,
            sentence_spacing: SentenceSpacing::AsTyped,
            paragraph_indent: 7,
            page_length: 50,
            layout: Layout::default(),
        }
    }
}

impl Draft {
    /// The heading an "About" section prints: its own, or "About <company>".
    pub fn about_heading(&self, about: &About) -> String {
        if !about.heading.trim().is_empty() {
            about.heading.trim().to_string()
        } else if !self.company.name.trim().is_empty() {
            format!("About {}", self.company.name.trim())
        } else {
            "About the Company".into()
        }
    }
}

/// A place in the draft, for messages that point the user at a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldRef {
    Release,
    Company,
    Contact(usize),
    Headline,
    Subheadline,
    Dateline,
    Body(usize),
    About(usize),
    SafeHarbor,
    Export,
}

impl std::fmt::Display for FieldRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FieldRef::Release => write!(f, "release"),
            FieldRef::Company => write!(f, "company"),
            FieldRef::Contact(i) => write!(f, "contact {}", i + 1),
            FieldRef::Headline => write!(f, "headline"),
            FieldRef::Subheadline => write!(f, "subheadline"),
            FieldRef::Dateline => write!(f, "dateline"),
            FieldRef::Body(i) => write!(f, "body block {}", i + 1),
            FieldRef::About(i) => write!(f, "about section {}", i + 1),
            FieldRef::SafeHarbor => write!(f, "safe harbor"),
            FieldRef::Export => write!(f, "export settings"),
        }
    }
}
