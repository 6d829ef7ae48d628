//! Checks an HTML document against EDGAR's rules for HTML attachments (EDGAR Filer Manual,
//! Volume II, chapter 5): HTML 3.2-era tags and attributes only, no scripts or style
//! sheets, no event handlers, no links out of the filing but to sec.gov, images only as
//! JPEG or GIF files that travel with it, no `data:` URLs, no nested tables, and ASCII
//! only, anything else written as a character reference.
//!
//! Every EDGAR HTML export passes through it (an export that would not pass is an error),
//! and the command line runs it on HTML made elsewhere. Each problem names its line and
//! column (1-based; columns count characters).

use html5gum::{DefaultEmitter, Token, Tokenizer};
use serde::Serialize;

/// One way the document breaks EDGAR's rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub line: usize,
    pub col: usize,
    /// One of the ids in [`RULES`].
    pub rule: &'static str,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.line, self.col, self.rule, self.message
        )
    }
}

/// The rules, each with what breaks it.
pub const RULES: &[(&str, &str)] = &[
    (
        "character",
        "a character outside printable ASCII written as itself (write it as a reference, `&#8212;`), or a control character",
    ),
    (
        "entity",
        "a named reference outside HTML 4's (`&check;`), a number that is no character (`&#0;`, `&#150;`), or one without its `;`",
    ),
    (
        "syntax",
        "HTML that does not read cleanly: a tag or comment left open, a duplicated attribute, a stray `<` or `=`",
    ),
    (
        "tag",
        "an element outside EDGAR's HTML 3.2 set: `script`, `style`, `span`, `thead`, `tbody`, `col`, `form`, `object`, `embed`, `iframe`, ...",
    ),
    (
        "attribute",
        "an attribute the element does not take in EDGAR's HTML (the `style` attribute is allowed everywhere)",
    ),
    ("event-handler", "an `on...` attribute (scripting)"),
    (
        "link",
        "an `<a href>` to anything but a name in the document (`#name`) or sec.gov, or to a `#name` no element has",
    ),
    (
        "external-reference",
        "a style or attribute that loads something from outside the filing (`url(...)`, `@import`, `background`)",
    ),
    ("data-url", "a `data:` URL"),
    (
        "image",
        "an `<img>` whose source is not a `.jpg` or `.gif` file beside the document with an EDGAR file name",
    ),
    ("nested-table", "a table inside a table"),
];

/// At most this many problems of one rule are listed; one more line counts the rest.
const MAX_PER_RULE: usize = 50;

/// Elements EDGAR accepts, each with the attributes it takes besides the ones every
/// element takes ([`GLOBAL_ATTRIBUTES`]).
const ELEMENTS: &[(&str, &[&str])] = &[
    ("html", &["version"]),
    ("head", &[]),
    ("title", &[]),
    ("meta", &["http-equiv", "name", "content", "scheme"]),
    ("body", &["bgcolor", "text", "link", "vlink", "alink"]),
    ("div", &["align"]),
    ("p", &["align"]),
    ("h1", &["align"]),
    ("h2", &["align"]),
    ("h3", &["align"]),
    ("h4", &["align"]),
    ("h5", &["align"]),
    ("h6", &["align"]),
    ("ul", &["type", "compact"]),
    ("ol", &["type", "compact", "start"]),
    ("menu", &["compact"]),
    ("dir", &["compact"]),
    ("li", &["type", "value"]),
    ("dl", &["compact"]),
    ("dt", &[]),
    ("dd", &[]),
    ("address", &[]),
    ("hr", &["align", "noshade", "size", "width"]),
    ("pre", &["width"]),
    ("blockquote", &[]),
    ("center", &[]),
    ("a", &["name", "href", "rel", "rev"]),
    ("br", &["clear"]),
    ("em", &[]),
    ("strong", &[]),
    ("dfn", &[]),
    ("code", &[]),
    ("samp", &[]),
    ("kbd", &[]),
    ("var", &[]),
    ("cite", &[]),
    ("sub", &[]),
    ("sup", &[]),
    ("tt", &[]),
    ("i", &[]),
    ("b", &[]),
    ("big", &[]),
    ("small", &[]),
    ("u", &[]),
    ("strike", &[]),
    ("font", &["size", "color", "face"]),
    (
        "img",
        &[
            "src", "alt", "name", "height", "width", "align", "border", "hspace", "vspace",
        ],
    ),
    (
        "table",
        &[
            "summary",
            "width",
            "border",
            "cellspacing",
            "cellpadding",
            "align",
            "bgcolor",
        ],
    ),
    ("caption", &["align"]),
    ("tr", &["align", "valign", "bgcolor"]),
    (
        "th",
        &[
            "rowspan", "colspan", "align", "valign", "nowrap", "bgcolor", "width", "height",
        ],
    ),
    (
        "td",
        &[
            "rowspan", "colspan", "align", "valign", "nowrap", "bgcolor", "width", "height",
        ],
    ),
];

const GLOBAL_ATTRIBUTES: &[&str] = &["id", "class", "style", "title", "lang", "dir"];

/// Why some elements people reach for are refused, in a word.
fn refusal(tag: &str) -> &'static str {
    match tag {
        "script" | "noscript" => "scripts are not allowed",
        "style" => "style sheets are not allowed; use style attributes",
        "link" | "base" => "it refers to files outside the filing",
        "thead" | "tbody" | "tfoot" | "col" | "colgroup" => {
            "table sections and column groups are not allowed; put rows straight in the table"
        }
        "form" | "input" | "select" | "textarea" | "button" | "option" | "label" | "fieldset" => {
            "forms are not allowed"
        }
        "object" | "embed" | "applet" | "iframe" | "frame" | "frameset" | "param" | "video"
        | "audio" | "canvas" | "svg" | "math" => "embedded content is not allowed",
        "span" => "it is not HTML 3.2; use font, b or i",
        _ => "it is not among the HTML 3.2 tags EDGAR accepts",
    }
}

/// HTML 4's named character references: the only names EDGAR knows (plus `apos`).
const ENTITIES: &str = "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg \
macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest \
Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml \
ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig \
agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml \
eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml \
quot amp lt gt apos OElig oelig Scaron scaron Yuml circ tilde ensp emsp thinsp zwnj zwj lrm rlm ndash \
mdash lsquo rsquo sbquo ldquo rdquo bdquo dagger Dagger permil lsaquo rsaquo euro fnof Alpha Beta \
Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho Sigma Tau Upsilon Phi \
Chi Psi Omega alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho \
sigmaf sigma tau upsilon phi chi psi omega thetasym upsih piv bull hellip prime Prime oline frasl \
weierp image real trade alefsym larr uarr rarr darr harr crarr lArr uArr rArr dArr hArr forall part \
exist empty nabla isin notin ni prod sum minus lowast radic prop infin ang and or cap cup int there4 \
sim cong asymp ne equiv le ge sub sup nsub sube supe oplus otimes perp sdot lceil rceil lfloor \
rfloor lang rang loz spades clubs hearts diams";

/// Checks the document; no problems means EDGAR takes it.
pub fn validate(html: &[u8]) -> Vec<Problem> {
    let mut v = Validator {
        at: Positions::new(html),
        problems: Vec::new(),
        counts: Vec::new(),
    };
    v.characters(html);
    v.references(html);
    v.markup(html);
    v.finish()
}

/// Line and column of a byte offset.
struct Positions<'a> {
    src: &'a [u8],
    line_starts: Vec<usize>,
}

impl<'a> Positions<'a> {
    fn new(src: &'a [u8]) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(
            src.iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Self { src, line_starts }
    }

    fn of(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.src.len());
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        // Characters, not bytes: UTF-8 continuation bytes do not start one.
        let col = self.src[start..offset]
            .iter()
            .filter(|b| (**b & 0xC0) != 0x80)
            .count();
        (line, col + 1)
    }
}

struct Validator<'a> {
    at: Positions<'a>,
    problems: Vec<Problem>,
    counts: Vec<(&'static str, usize, usize)>,
}

impl Validator<'_> {
    fn report(&mut self, offset: usize, rule: &'static str, message: String) {
        let count = match self.counts.iter_mut().find(|(r, ..)| *r == rule) {
            Some((_, n, _)) => {
                *n += 1;
                *n
            }
            None => {
                self.counts.push((rule, 1, offset));
                1
            }
        };
        if count <= MAX_PER_RULE {
            let (line, col) = self.at.of(offset);
            self.problems.push(Problem {
                line,
                col,
                rule,
                message,
            });
        } else if count == MAX_PER_RULE + 1
            && let Some(c) = self.counts.iter_mut().find(|(r, ..)| *r == rule)
        {
            c.2 = offset;
        }
    }

    fn finish(mut self) -> Vec<Problem> {
        for (rule, n, first_unlisted) in std::mem::take(&mut self.counts) {
            if n > MAX_PER_RULE {
                let (line, col) = self.at.of(first_unlisted);
                self.problems.push(Problem {
                    line,
                    col,
                    rule,
                    message: format!("{} more of these from here on", n - MAX_PER_RULE),
                });
            }
        }
        self.problems.sort_by_key(|p| (p.line, p.col));
        self.problems
    }

    /// Raw characters: printable ASCII, tab, newline, carriage return and form feed only.
    fn characters(&mut self, src: &[u8]) {
        let mut i = 0;
        while i < src.len() {
            let b = src[i];
            if b < 0x80 {
                if (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F {
                    self.report(
                        i,
                        "character",
                        format!("control character U+{b:04X} is not allowed"),
                    );
                }
                i += 1;
                continue;
            }
            let len = match b {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF7 => 4,
                _ => 1,
            };
            let end = (i + len).min(src.len());
            match std::str::from_utf8(&src[i..end]) {
                Ok(s) => {
                    let c = s.chars().next().unwrap_or('?');
                    let n = c as u32;
                    self.report(
                        i,
                        "character",
                        format!("'{c}' (U+{n:04X}) is not ASCII; write it as &#{n};"),
                    );
                    i = end;
                }
                Err(_) => {
                    self.report(
                        i,
                        "character",
                        format!("byte 0x{b:02X} is not ASCII (nor UTF-8)"),
                    );
                    i += 1;
                }
            }
        }
    }

    /// Character references, where they are written: a name HTML 4 knows, a number that is
    /// a character HTML lets a document carry, and the closing `;`.
    fn references(&mut self, src: &[u8]) {
        let mut i = 0;
        while let Some(k) = src[i..].iter().position(|&b| b == b'&') {
            let at = i + k;
            i = at + 1;
            let rest = &src[i..];
            if rest.first() == Some(&b'#') {
                let hex = matches!(rest.get(1), Some(b'x' | b'X'));
                let digits_from = if hex { 2 } else { 1 };
                let digits = rest[digits_from..]
                    .iter()
                    .take_while(|b| {
                        if hex {
                            b.is_ascii_hexdigit()
                        } else {
                            b.is_ascii_digit()
                        }
                    })
                    .count();
                let end = digits_from + digits;
                let text = String::from_utf8_lossy(&rest[..end.min(rest.len())]).into_owned();
                if digits == 0 {
                    self.report(
                        at,
                        "entity",
                        format!("'&{text}' is not a character reference; write & as &amp;"),
                    );
                    continue;
                }
                if rest.get(end) != Some(&b';') {
                    self.report(at, "entity", format!("'&{text}' needs its closing ';'"));
                }
                let digits = &text[digits_from..];
                let n = u32::from_str_radix(digits, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
                let ok = char::from_u32(n).is_some_and(|c| {
                    let nonchar = (0xFDD0..=0xFDEF).contains(&n) || (n & 0xFFFE) == 0xFFFE;
                    (!c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\x0C')) && !nonchar
                });
                if !ok {
                    self.report(
                        at,
                        "entity",
                        format!("'&{text};' is not a character a document may carry"),
                    );
                }
            } else {
                let name = rest
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                if name == 0 || rest.get(name) != Some(&b';') {
                    // A bare '&' ("AT&T") is text; browsers and EDGAR read it as such.
                    continue;
                }
                let name = std::str::from_utf8(&rest[..name]).unwrap_or_default();
                if !ENTITIES.split_ascii_whitespace().any(|e| e == name) {
                    self.report(
                        at,
                        "entity",
                        format!("'&{name};' is not an HTML 4 character reference EDGAR knows; use a number (&#N;)"),
                    );
                }
            }
        }
    }

    /// Tags, attributes, links, images and nesting, read by an HTML tokenizer.
    fn markup(&mut self, src: &[u8]) {
        // Non-ASCII bytes are reported already; as '?' they keep every offset in place.
        let ascii: Vec<u8> = src
            .iter()
            .map(|&b| if b < 0x80 { b } else { b'?' })
            .collect();
        let mut emitter = DefaultEmitter::<usize>::new_with_span();
        // The text of script, style and title elements is text, not tags.
        emitter.naively_switch_states(true);
        let tokens = Tokenizer::new_with_emitter(ascii.as_slice(), emitter);
        let mut table_depth = 0usize;
        let mut names: Vec<String> = Vec::new();
        let mut internal_links: Vec<(usize, String)> = Vec::new();
        for token in tokens {
            let Ok(token) = token;
            match token {
                Token::StartTag(tag) => {
                    let name = String::from_utf8_lossy(&tag.name).into_owned();
                    let at = tag.span.start;
                    let allowed = ELEMENTS.iter().find(|(e, _)| *e == name).map(|(_, a)| *a);
                    match allowed {
                        None => self.report(
                            at,
                            "tag",
                            format!("<{name}> is not allowed: {}", refusal(&name)),
                        ),
                        Some(attrs) => {
                            for (attr, value) in &tag.attributes {
                                let attr_name = String::from_utf8_lossy(attr).into_owned();
                                let value_text = String::from_utf8_lossy(&value.value).into_owned();
                                let at = value.span.start;
                                if attr_name.starts_with("on") {
                                    self.report(
                                        at,
                                        "event-handler",
                                        format!("<{name} {attr_name}>: event handlers (scripts) are not allowed"),
                                    );
                                    continue;
                                }
                                if !attrs.contains(&attr_name.as_str())
                                    && !GLOBAL_ATTRIBUTES.contains(&attr_name.as_str())
                                {
                                    let rule = if attr_name == "background" {
                                        "external-reference"
                                    } else {
                                        "attribute"
                                    };
                                    self.report(
                                        at,
                                        rule,
                                        format!(
                                            "<{name}> does not take the attribute '{attr_name}'"
                                        ),
                                    );
                                    continue;
                                }
                                self.attribute_value(&name, &attr_name, &value_text, at);
                                if attr_name == "id" || (attr_name == "name" && name == "a") {
                                    names.push(value_text.clone());
                                }
                                if name == "a"
                                    && attr_name == "href"
                                    && let Some(target) = value_text.trim().strip_prefix('#')
                                {
                                    internal_links.push((at, target.to_string()));
                                }
                            }
                            if name == "img" && !tag.attributes.contains_key(b"src".as_slice()) {
                                self.report(at, "image", "<img> without a src".into());
                            }
                        }
                    }
                    if name == "table" {
                        if table_depth > 0 {
                            self.report(
                                at,
                                "nested-table",
                                "a table inside a table is not allowed".into(),
                            );
                        }
                        table_depth += 1;
                    }
                }
                Token::EndTag(tag) => {
                    if tag.name == b"table" {
                        table_depth = table_depth.saturating_sub(1);
                    }
                }
                Token::Error(e) => {
                    use html5gum::Error as E;
                    match e.value {
                        // Reported by `characters` and `references`, at the character itself.
                        E::ControlCharacterInInputStream
                        | E::UnexpectedNullCharacter
                        | E::NoncharacterInInputStream
                        | E::SurrogateInInputStream
                        | E::AbsenceOfDigitsInNumericCharacterReference
                        | E::CharacterReferenceOutsideUnicodeRange
                        | E::ControlCharacterReference
                        | E::MissingSemicolonAfterCharacterReference
                        | E::NoncharacterCharacterReference
                        | E::NullCharacterReference
                        | E::SurrogateCharacterReference
                        | E::UnknownNamedCharacterReference => {}
                        other => self.report(
                            e.span.start,
                            "syntax",
                            format!("the HTML does not read cleanly here ({other})"),
                        ),
                    }
                }
                Token::String(_) | Token::Comment(_) | Token::Doctype(_) => {}
            }
        }
        for (at, target) in internal_links {
            if !names.contains(&target) {
                self.report(
                    at,
                    "link",
                    format!("the link to #{target} points at a name no element has"),
                );
            }
        }
    }

    /// What an allowed attribute's value may say.
    fn attribute_value(&mut self, element: &str, attr: &str, value: &str, at: usize) {
        let lower = value.trim().to_ascii_lowercase();
        if lower.starts_with("data:") || (attr == "style" && lower.contains("data:")) {
            self.report(
                at,
                "data-url",
                format!("<{element} {attr}>: data: URLs are not allowed"),
            );
            return;
        }
        match (element, attr) {
            ("a", "href") => {
                if !lower.starts_with('#') && !is_sec_gov(&lower) {
                    self.report(
                        at,
                        "link",
                        format!("the link to '{}' leaves the filing; only #names in the document and sec.gov are allowed", value.trim()),
                    );
                }
            }
            ("img", "src") => {
                if let Err(why) = edgar_image_name(value.trim()) {
                    self.report(
                        at,
                        "image",
                        format!("<img src=\"{}\">: {why}", value.trim()),
                    );
                }
            }
            (_, "style") => {
                for bad in [
                    "url(",
                    "@import",
                    "expression(",
                    "behavior:",
                    "-moz-binding",
                ] {
                    if lower.contains(bad) {
                        self.report(
                            at,
                            "external-reference",
                            format!(
                                "<{element} style>: '{bad}' loads something from outside the filing"
                            ),
                        );
                        break;
                    }
                }
            }
            _ => {
                if lower.starts_with("javascript:") || lower.starts_with("vbscript:") {
                    self.report(
                        at,
                        "event-handler",
                        format!("<{element} {attr}>: scripts are not allowed"),
                    );
                }
            }
        }
    }
}

/// A link into the SEC's own site.
fn is_sec_gov(href: &str) -> bool {
    ["https://", "http://"].iter().any(|scheme| {
        href.strip_prefix(scheme).is_some_and(|rest| {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            host == "sec.gov" || host == "www.sec.gov"
        })
    })
}

/// EDGAR's file-name rule for a graphic in the submission: at most 32 characters, a
/// letter or digit first, then letters, digits, `.`, `-` and `_`, ending `.jpg` or `.gif`.
pub fn edgar_image_name(name: &str) -> Result<(), &'static str> {
    if name.is_empty() {
        return Err("an image needs a file name");
    }
    if name.contains(':') || name.contains('/') || name.contains('\\') {
        return Err("an image must be a file beside the document, named without a path or address");
    }
    let lower = name.to_ascii_lowercase();
    if !(lower.ends_with(".jpg") || lower.ends_with(".gif")) {
        return Err("EDGAR takes only .jpg and .gif images");
    }
    let first_ok = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let chars_ok = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if name.len() > 32 || !first_ok || !chars_ok {
        return Err(
            "EDGAR file names are at most 32 letters, digits, '.', '-' and '_', starting with a letter or digit",
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let src = "ab\ncd\u{e9}f\ng".as_bytes();
        let p = Positions::new(src);
        assert_eq!(p.of(0), (1, 1));
        assert_eq!(p.of(3), (2, 1));
        assert_eq!(p.of(7), (2, 4), "é is one column");
        assert_eq!(p.of(src.len() - 1), (3, 1));
    }

    #[test]
    fn every_rule_is_listed_once() {
        let mut ids: Vec<&str> = RULES.iter().map(|(id, _)| *id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len());
    }

    #[test]
    fn edgar_file_names() {
        assert!(edgar_image_name("ex99-1_logo.jpg").is_ok());
        assert!(edgar_image_name("LOGO.GIF").is_ok());
        assert!(edgar_image_name("logo.png").is_err());
        assert!(edgar_image_name("img/logo.jpg").is_err());
        assert!(edgar_image_name("-logo.jpg").is_err());
        assert!(edgar_image_name(&format!("{}.jpg", "a".repeat(29))).is_err());
        assert!(edgar_image_name(&format!("{}.jpg", "a".repeat(28))).is_ok());
    }
}
