//! Every check rule, once: its id, severity, the field it points at and what it means in
//! plain words. The checks, the Checks panel, the Help menu, `pressroom check --explain`
//! and the README's table all read this list (a test holds the README to it).

use super::Severity;

#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable id, as `pressroom check` prints it and scripts match it.
    pub id: &'static str,
    pub severity: Severity,
    /// The field its findings point at, as a person names it.
    pub field: &'static str,
    /// When it fires, in a few words (the README's table).
    pub fires_when: &'static str,
    /// What it looks for, why that matters and how to fix it, in plain words.
    pub looks_for: &'static str,
    pub why: &'static str,
    pub fix: &'static str,
}

impl Rule {
    /// The whole explanation, as `pressroom check --explain` prints it.
    pub fn explain(&self) -> String {
        format!(
            "{} ({}; points at the {})\n\nWhat it looks for: {}\n\nWhy it matters: {}\n\nHow to fix it: {}\n",
            self.id,
            self.severity.label(),
            self.field,
            self.looks_for,
            self.why,
            self.fix
        )
    }
}

macro_rules! rules {
    ($($name:ident = $id:literal, $sev:ident, $field:literal, $when:literal,
        looks_for: $looks:literal, why: $why:literal, fix: $fix:literal;)*) => {
        $(pub const $name: Rule = Rule {
            id: $id,
            severity: Severity::$sev,
            field: $field,
            fires_when: $when,
            looks_for: $looks,
            why: $why,
            fix: $fix,
        };)*
        /// Every rule, in the order the README lists them.
        pub const ALL: &[&Rule] = &[$(&$name),*];
    };
}

rules! {
    FORWARD_LOOKING_WITHOUT_SAFE_HARBOR = "forward-looking-without-safe-harbor", Error, "body block",
        "expect, anticipate, believe, plan, outlook, guidance, will, may, ... in the body, quotes or subheadline, and no safe harbor",
        looks_for: "Words that make a statement about the future (expect, anticipate, believe, plan, estimate, outlook, guidance, target, will, may, could, should, would) in the subheadline, the body or a quote, in a release with no safe-harbor statement.",
        why: "The Private Securities Litigation Reform Act protects forward-looking statements only when they come with meaningful cautionary language; without it, a missed forecast can be sued on.",
        fix: "Add a safe-harbor statement (Edit > Insert Safe Harbor), or reword the sentence so it states facts rather than expectations.";
    SAFE_HARBOR_UNNEEDED = "safe-harbor-unneeded", Note, "safe harbor",
        "a safe harbor, and nothing forward-looking",
        looks_for: "A safe-harbor statement in a release where no sentence reads as forward-looking.",
        why: "Boilerplate that protects nothing lengthens the release; some houses keep it anyway.",
        fix: "Remove the safe harbor, or keep it if house style always includes it.";
    SAFE_HARBOR_NO_RISKS = "safe-harbor-no-risks", Warning, "safe harbor",
        "the safe harbor does not name risks",
        looks_for: "A safe-harbor statement that never mentions risks or uncertainties.",
        why: "The statute's protection needs meaningful cautionary statements identifying factors that could make results differ.",
        fix: "Say that the statements are subject to risks and uncertainties, and name the important ones or where they are described.";
    SAFE_HARBOR_NO_FILINGS = "safe-harbor-no-filings", Warning, "safe harbor",
        "the safe harbor does not refer to the 10-K/10-Q or risk factors",
        looks_for: "A safe-harbor statement that does not point readers to the company's SEC filings (Form 10-K, Form 10-Q, \"Risk Factors\").",
        why: "Referring to the risk factors in the latest filings is how releases make their cautionary language meaningful without repeating it.",
        fix: "Add a sentence referring readers to the risk factors in the latest Form 10-K and later Forms 10-Q.";
    SAFE_HARBOR_NO_UPDATE_DISCLAIMER = "safe-harbor-no-update-disclaimer", Warning, "safe harbor",
        "the safe harbor does not disclaim a duty to update",
        looks_for: "A safe-harbor statement that does not say the company has no obligation to update its forward-looking statements.",
        why: "Without the disclaimer, readers may argue the company must correct a forecast when circumstances change.",
        fix: "Add \"The company undertakes no obligation to update any forward-looking statement, except as required by law.\"";
    NON_GAAP_WITHOUT_RECONCILIATION = "non-gaap-without-reconciliation", Warning, "body block",
        "adjusted EBITDA, free cash flow, organic growth, ... with no reconciliation to GAAP (Regulation G)",
        looks_for: "A non-GAAP measure (adjusted EBITDA, adjusted EPS, free cash flow, organic growth, core earnings, ...) in a release that never mentions a reconciliation to GAAP.",
        why: "Regulation G requires every public non-GAAP measure to come with the most directly comparable GAAP measure and a reconciliation to it.",
        fix: "Add the comparable GAAP measure and a reconciliation (usually a table), or a sentence pointing to it.";
    HEADLINE_EMPTY = "headline-empty", Error, "headline",
        "",
        looks_for: "A release with no headline.",
        why: "Wires, EDGAR indexes and readers all lead with the headline.",
        fix: "Write a headline that says what happened.";
    HEADLINE_TOO_LONG = "headline-too-long", Warning, "headline",
        ">120",
        looks_for: "A headline longer than 120 characters.",
        why: "Wires, terminals and search results cut long headlines, often mid-word.",
        fix: "Move detail into the subheadline or the first paragraph.";
    HEADLINE_LONG = "headline-long", Note, "headline",
        ">70",
        looks_for: "A headline longer than the about 70 characters newswires suggest.",
        why: "Short headlines show whole on wire feeds and in news readers.",
        fix: "Shorten it if you can; the subheadline can carry the rest.";
    HEADLINE_ALL_CAPS = "headline-all-caps", Note, "headline",
        "",
        looks_for: "A headline typed in capitals.",
        why: "The export capitalises headlines where the style asks for it; typed capitals lose the case the other styles need.",
        fix: "Type the headline in title case.";
    HEADLINE_FULL_STOP = "headline-full-stop", Note, "headline",
        "",
        looks_for: "A headline ending with a full stop.",
        why: "Headlines are not sentences; a full stop looks like a slip.",
        fix: "Remove the full stop.";
    NO_CONTACT = "no-contact", Error, "contact",
        "",
        looks_for: "A release with no contact person.",
        why: "Reporters and investors need someone to call; wires ask for one.",
        fix: "Add a contact with a name, phone and email, or apply a company profile.";
    CONTACT_UNREACHABLE = "contact-unreachable", Warning, "contact",
        "",
        looks_for: "A contact with neither a phone number nor an email address.",
        why: "A name alone cannot be reached.",
        fix: "Add a phone number or an email address.";
    CONTACT_BAD_EMAIL = "contact-bad-email", Error, "contact",
        "",
        looks_for: "An Email line that is not an email address (a web address, a name, two addresses).",
        why: "A reader who writes to it gets a bounce; the layout reference itself has this slip.",
        fix: "Put one address of the form name@example.com in the Email field.";
    CONTACT_BAD_PHONE = "contact-bad-phone", Error, "contact",
        "",
        looks_for: "A Phone line that is not 7 to 15 digits with the usual separators (and perhaps an extension).",
        why: "A number that cannot be dialled is no contact.",
        fix: "Type the number as it is dialled, e.g. (310) 555-0100 or +44 20 7946 0000.";
    DATELINE_NO_CITY = "dateline-no-city", Error, "dateline",
        "",
        looks_for: "A dateline without a city.",
        why: "The dateline says where the news comes from; wires require it.",
        fix: "Fill in the city (and state or country) in the Dateline section.";
    DATELINE_NO_DATE = "dateline-no-date", Error, "dateline",
        "",
        looks_for: "A dateline without a date.",
        why: "The dateline says when the news was released; wires and EDGAR readers rely on it.",
        fix: "Set the date in the Dateline section.";
    DATELINE_DATE_FAR = "dateline-date-far", Warning, "dateline",
        "more than 7 days from today",
        looks_for: "A dateline date more than seven days before or after today.",
        why: "A date left over from an earlier release is a common and visible mistake.",
        fix: "Set the date the release goes out.";
    EMBARGO_NO_ZONE = "embargo-no-zone", Error, "timing",
        "",
        looks_for: "An embargo time without a time zone.",
        why: "Nobody can tell when an embargo without a zone lifts.",
        fix: "Choose the time zone of the embargo (Eastern for US markets).";
    EMBARGO_PAST = "embargo-past", Error, "timing",
        "",
        looks_for: "An embargo date that has already passed.",
        why: "An embargo in the past is no embargo, and usually a date left from an earlier release.",
        fix: "Set the embargo to when the news may be published, or make the release immediate.";
    RELEASE_IN_CLOSING_WINDOW = "release-in-closing-window", Warning, "timing",
        "4:00-4:15 p.m. Eastern",
        looks_for: "A release time between 4:00 and 4:15 p.m. Eastern.",
        why: "Exchanges ask issuers to hold material news during the closing window, while closing prices are set.",
        fix: "Release after 4:15 p.m. Eastern (4:30 is usual) or before the market opens.";
    PLACEHOLDER_LEFT = "placeholder-left", Error, "field holding it",
        "`[REVENUE]`, `[CEO NAME]` still in the text",
        looks_for: "A template placeholder in square capitals, such as [REVENUE] or [CEO NAME], still in the text.",
        why: "A release that goes out with a placeholder is a public embarrassment and sometimes a correction.",
        fix: "Replace each placeholder with the real text; the finding names the field.";
    TICKER_FIRST_MENTION = "ticker-first-mention", Warning, "body block",
        "a listed company's first mention lacks `(Exchange: TICKER)`",
        looks_for: "A company with a ticker whose first mention in the body lacks the \"(Exchange: TICKER)\" form.",
        why: "Wires and financial sites link the release to the stock through it.",
        fix: "Write the first mention as \"Acme Corp. (Nasdaq: ACME)\".";
    EDGAR_NON_ASCII = "edgar-non-ascii", Error, "field holding it",
        "a character with no ASCII form (EDGAR style)",
        looks_for: "In the EDGAR style, a character with no ASCII form (curly quotes, dashes and accents are transliterated; symbols such as the euro sign or CJK are not).",
        why: "EDGAR ASCII documents may hold printable ASCII only; the character would print as '?'.",
        fix: "Spell the character out (EUR for the euro sign), or export in the newswire style.";
    QUOTE_NO_SPEAKER = "quote-no-speaker", Warning, "body block",
        "",
        looks_for: "A quote without a speaker.",
        why: "An unattributed quote cannot be used by reporters.",
        fix: "Fill in the speaker's name and title.";
    NO_BOILERPLATE = "no-boilerplate", Warning, "about section",
        "",
        looks_for: "A release with no \"About the company\" paragraph.",
        why: "Reporters and investors read it to know who the company is; wires expect it.",
        fix: "Write one, or apply the company profile that holds it.";
    CONTROL_CHARACTERS = "control-characters", Warning, "field holding it",
        "a field holds control characters (escape, bell, form feed, ...), which exports drop",
        looks_for: "Control characters (escape, bell, form feed and the like, often pasted from other programs) in any text field.",
        why: "No export prints them: they are dropped without a trace, and text around them may read differently than it was typed.",
        fix: "Retype the text around them; the finding names the field and the characters.";
    SPELLING = "spelling", Note, "field holding it",
        "a word the dictionary does not know (not the company's own words, your word list or words ignored in the draft)",
        looks_for: "Words the spelling dictionary (en_US unless the draft or the settings choose another) does not know, leaving out the company's own words (its name, ticker, people and places, and the words its profiles list), your personal word list and the words ignored in this draft. Addresses, numbers, words with digits, abbreviations in capitals and [PLACEHOLDERS] are never marked.",
        why: "A misspelt word in a release filed with the SEC stays on EDGAR for ever.",
        fix: "Right-click the word in the form: pick a suggestion, add the word to your dictionary, or ignore it in this draft. Product names belong in the company profile's words.";
    FOOTING = "footing", Warning, "table",
        "a subtotal or total that is not the sum of the rows it sums",
        looks_for: "In every value column of every table, each subtotal and total against the rows it sums (by each row's sum part: added, subtracted or not summed), within one unit of its last decimal place. The finding names the table, row and column, and the difference.",
        why: "A misfooted table is the classic restatement embarrassment, and no wire portal or word processor checks it.",
        fix: "Correct the figure that is wrong, or the row's sum part (Subtracted for costs printed positive; Not summed for memo, per-share and share rows).";
    TABLE_TOO_WIDE = "table-too-wide", Error, "table",
        "a table wider than EDGAR's 132 columns (EDGAR) or than the width (newswire, warning)",
        looks_for: "A table that cannot fit EDGAR's 132 columns for tables even with its labels wrapped (EDGAR style: an error, and EDGAR export refuses it); in the newswire style, a table wider than the release's width (a warning: wires print it at its natural width).",
        why: "EDGAR rejects or mangles lines past 132 columns; in newswire text a wide table wraps in narrow readers and its columns no longer line up.",
        fix: "Drop or merge columns, shorten labels and headings, or split the table in two.";
    TABLE_EMPTY_CELL = "table-empty-cell", Note, "table",
        "an empty cell in a row that has numbers in other columns",
        looks_for: "An empty cell in a table row whose other columns hold numbers; a value column with no heading among headed ones (said once, not row by row).",
        why: "An empty cell is usually a figure not yet typed; nil is printed as a dash.",
        fix: "Type the figure, or a dash (--) when the amount is nil.";
    TABLE_FIGURE_UNREADABLE = "table-figure-unreadable", Warning, "table",
        "a cell that looks like a figure but cannot be read as one (136,0701)",
        looks_for: "A table cell of digits and figure marks (, . ( ) $ % -) that does not read as a number: misplaced thousands separators, two decimal points, a sign in the middle.",
        why: "A slip in a figure prints as typed, and the table no longer foots; the footing check would otherwise point at the total rather than at the slip.",
        fix: "Retype the figure (1,234 or (1,234) or 12.5%); subtotals that sum it are not footed until it reads.";
    NON_GAAP_PROMINENCE = "non-gaap-prominence", Warning, "headline or body block",
        "a non-GAAP measure in the headline, or named before its GAAP measure (C&DI 102.10)",
        looks_for: "A non-GAAP measure (adjusted EBITDA, EBITDA, adjusted EPS, free cash flow, adjusted or non-GAAP gross margin, operating income, net income, and the company profile's own) in the headline or subheadline without its comparable GAAP measure named before it there, or named in the body before its comparable GAAP measure (net income; diluted EPS; cash from operations; gross margin; operating income).",
        why: "Regulation S-K Item 10(e) and the SEC staff's C&DI 102.10 ask that a non-GAAP measure never be more prominent than its comparable GAAP measure; a non-GAAP headline, or a non-GAAP measure named first, is the staff's first example of undue prominence.",
        fix: "Name the GAAP measure first, with equal or greater prominence (\"Net income of $9.8 million; adjusted EBITDA of $18.1 million\"), or move the non-GAAP measure out of the headline.";
    TIE_OUT = "tie-out", Warning, "body block",
        "a figure in the prose that disagrees with its line item in a table",
        looks_for: "A figure in the headline, subheadline or body (\"net sales of $12.5 million\", \"up 9%\", \"$0.18 per diluted share\") next to the name of a table's row (its label's words or a built-in synonym), compared with the row after the table's scale (\"In thousands\") and the prose's rounding; a change (\"up 9%\", \"increased $2.1 million\") is compared with the row's current and prior columns. Sentences about the future and ranges are skipped. The README says exactly when a figure belongs to a row.",
        why: "Text and tables drifting apart between drafts is how corrections get issued; no wire or word processor catches it.",
        fix: "Make the sentence and the table agree; the finding names the sentence and the table's row and column.";
    PERIOD_MISMATCH = "period-mismatch", Warning, "headline, first paragraph or table",
        "the period reported is not the latest ended before the dateline, or not the tables' period",
        looks_for: "The period the headline and first paragraph report (\"third quarter 2026\", \"Q3 2026\", \"fiscal 2026\", \"nine months ended September 30, 2026\"; periods named after \"compared with\", \"from\" and the like are comparisons, not checked) against the latest quarter or fiscal year ended before the dateline date (from the company's fiscal year end, December 31 unless the profile says otherwise), and each dated table's current columns against it.",
        why: "A release reused from last year with last year's period left in the headline or a table is an easy, public mistake.",
        fix: "Correct the period in the text or the table's column headings, or set the company's fiscal year end in its profile.";
    AS_WRITTEN_DIFFERS = "as-written-differs", Warning, "timing or dateline",
        "the timing line or dateline printed as written says another date, time or place than its fields",
        looks_for: "An imported release's timing line or dateline, printed as written, read again as import reads it and compared with the timing (date, time, zone) and the dateline's city and date that the other checks use; also a wording that no longer reads as a timing line or dateline at all.",
        why: "The checks (an embargo in the past, a stale dateline, the period reported) read the fields; if the printed wording says something else, a wrong date can go out unchecked.",
        fix: "Edit the wording (Timing line as written, Dateline as written: the fields follow what it says), or set the fields and press Use the style's wording.";
    COMMENT_UNRESOLVED = "comment-unresolved", Warning, "field commented on",
        "a reviewer's comment is not resolved",
        looks_for: "A reviewer's comment (Review > Comments) that has not been resolved.",
        why: "A release should not go out with open questions from counsel, the CFO or the disclosure committee.",
        fix: "Answer the comment, change the text if needed, and mark it resolved.";
    NO_END_MARK = "no-end-mark", Note, "end mark",
        "",
        looks_for: "A release without an end mark (###, -30-).",
        why: "Editors use the end mark to know they have the whole release.",
        fix: "Choose an end mark under End mark and export.";
}

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.id == id)
}

/// The README's table of rules, as Markdown (a test keeps the README equal to it).
/// One row a rule; "fires when" falls back to what the rule looks for.
pub fn markdown_table() -> String {
    let mut out = String::from("| rule | severity | fires when |\n|---|---|---|\n");
    for r in ALL {
        let when = if r.fires_when.is_empty() {
            r.looks_for
        } else {
            r.fires_when
        };
        out.push_str(&format!("| {} | {} | {when} |\n", r.id, r.severity.label()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_every_rule_is_explained() {
        let mut ids: Vec<&str> = ALL.iter().map(|r| r.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), ALL.len());
        for r in ALL {
            assert!(!r.looks_for.is_empty() && !r.why.is_empty() && !r.fix.is_empty());
            assert!(r.explain().contains(r.why));
        }
        assert_eq!(find("headline-empty"), Some(&HEADLINE_EMPTY));
        assert_eq!(find("no-such-rule"), None);
    }
}
