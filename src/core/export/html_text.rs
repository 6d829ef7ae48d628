//! Text into HTML: escaping for both HTML writers, and the links of wire HTML.
//!
//! What is dropped everywhere: control characters (a tab or newline becomes a space first)
//! and Unicode noncharacters, which HTML forbids even as character references. Everything
//! else is kept: EDGAR HTML writes any non-ASCII character as a numeric reference
//! (`&#8212;`), wire HTML keeps UTF-8.

/// How a writer spells characters outside ASCII.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Charset {
    /// Printable ASCII only; everything else as `&#N;` (EDGAR).
    Ascii,
    /// UTF-8 as it is (wire HTML).
    Utf8,
}

/// Whether HTML can carry the character at all (as itself or as a reference).
fn carries(c: char) -> bool {
    let n = c as u32;
    let nonchar = (0xFDD0..=0xFDEF).contains(&n) || (n & 0xFFFE) == 0xFFFE;
    !c.is_control() && !nonchar
}

/// Appends `s` to `out` escaped as HTML text.
pub fn push_escaped(out: &mut String, s: &str, charset: Charset) {
    push(out, s, charset, false);
}

/// Appends `s` to `out` escaped as an attribute value in double quotes.
pub fn push_attribute(out: &mut String, s: &str, charset: Charset) {
    push(out, s, charset, true);
}

fn push(out: &mut String, s: &str, charset: Charset, attribute: bool) {
    // The usual release is plain ASCII with nothing to escape: copy it whole.
    if s.bytes().all(|b| {
        (b' '..=b'~').contains(&b) && !matches!(b, b'&' | b'<' | b'>') && !(attribute && b == b'"')
    }) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if !carries(c) => {}
            c if c.is_ascii() || charset == Charset::Utf8 => out.push(c),
            c => {
                use std::fmt::Write;
                let _ = write!(out, "&#{};", c as u32);
            }
        }
    }
}

/// `s` escaped, as a new string.
pub fn escaped(s: &str, charset: Charset) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    push_escaped(&mut out, s, charset);
    out
}

/// Appends `s` escaped as UTF-8 HTML text, with every web address and email address in it
/// made a link (`https://` added to a bare `www.` address, `mailto:` to an email).
/// One pass over the text; punctuation that ends a sentence stays outside the link.
pub fn push_linked(out: &mut String, s: &str) {
    let mut rest = s;
    while !rest.is_empty() {
        // The next word, with the spaces before it.
        let start = rest
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len());
        push_escaped(out, &rest[..start], Charset::Utf8);
        rest = &rest[start..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        rest = &rest[end..];
        let lead = word.len() - word.trim_start_matches(['(', '"', '\'', '[', '<']).len();
        let core = word[lead..].trim_end_matches([
            '.', ',', ';', ':', '!', '?', ')', '"', '\'', ']', '>', '\u{201D}', '\u{2019}',
        ]);
        let tail = &word[lead + core.len()..];
        match link_target(core) {
            Some(href) => {
                push_escaped(out, &word[..lead], Charset::Utf8);
                out.push_str("<a href=\"");
                push_attribute(out, &href, Charset::Utf8);
                out.push_str("\">");
                push_escaped(out, core, Charset::Utf8);
                out.push_str("</a>");
                push_escaped(out, tail, Charset::Utf8);
            }
            None => push_escaped(out, word, Charset::Utf8),
        }
    }
}

/// Where a word links to, if it is a web address or an email address.
fn link_target(word: &str) -> Option<String> {
    let lower = word.to_ascii_lowercase();
    for scheme in ["https://", "http://"] {
        if lower.starts_with(scheme) && is_host(&word[scheme.len()..]) {
            return Some(word.to_string());
        }
    }
    if lower.starts_with("www.") && is_host(word) {
        return Some(format!("https://{word}"));
    }
    let (local, domain) = word.split_once('@')?;
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "._%+-'".contains(c));
    (local_ok && is_domain(domain)).then(|| format!("mailto:{word}"))
}

/// A host name (with a dot and no spaces), perhaps followed by a path.
fn is_host(s: &str) -> bool {
    let host = s.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    is_domain(host)
}

/// `example.com`: labels of letters, digits and hyphens, at least two, the last no digit-only.
fn is_domain(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|t| t.chars().any(|c| c.is_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_escaping_writes_references_for_everything_past_ascii() {
        assert_eq!(
            escaped(
                "A & B <c> \"d\" \u{2014} caf\u{e9} \u{1F600}",
                Charset::Ascii
            ),
            "A &amp; B &lt;c&gt; \"d\" &#8212; caf&#233; &#128512;"
        );
        let mut attr = String::new();
        push_attribute(&mut attr, "say \"hi\" & \u{e9}", Charset::Ascii);
        assert_eq!(attr, "say &quot;hi&quot; &amp; &#233;");
        assert_eq!(
            escaped("caf\u{e9} \u{2014}", Charset::Utf8),
            "caf\u{e9} \u{2014}"
        );
    }

    #[test]
    fn control_characters_and_noncharacters_go() {
        assert_eq!(
            escaped(
                "a\u{7}b\tc\u{85}d\u{FFFE}e\u{FDD0}f\u{10FFFF}",
                Charset::Ascii
            ),
            "ab cdef"
        );
    }

    #[test]
    fn web_and_email_addresses_become_links() {
        let mut out = String::new();
        push_linked(
            &mut out,
            "See www.acme.example/ir. Write to ir@acme.example, or (https://acme.example/x?a=1&b=2).",
        );
        assert_eq!(
            out,
            "See <a href=\"https://www.acme.example/ir\">www.acme.example/ir</a>. \
             Write to <a href=\"mailto:ir@acme.example\">ir@acme.example</a>, or \
             (<a href=\"https://acme.example/x?a=1&amp;b=2\">https://acme.example/x?a=1&amp;b=2</a>)."
        );
    }

    #[test]
    fn words_that_only_look_like_addresses_stay_text() {
        for s in [
            "3.5%",
            "@home",
            "a@b",
            "$84.2 million",
            "e.g.",
            "U.S.",
            "x@1.2",
        ] {
            let mut out = String::new();
            push_linked(&mut out, s);
            assert!(!out.contains("<a"), "{s}: {out}");
        }
    }
}
