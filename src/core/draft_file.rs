//! Drafts on disk: pretty, stable `.ron` with a format version, read with clear errors
//! and written atomically by the rules of [`safe_fs`].

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::core::draft::{Draft, FORMAT_VERSION};
use crate::core::safe_fs::{self, ReadError, WriteError, WriteOptions};

mod v1;

/// The largest file Pressroom reads (20 MiB), and so the largest it writes: a save, an
/// export or a recovery copy over it is refused. No real draft comes near this.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;
/// Deep nesting in a hostile file must not exhaust the stack.
pub const RECURSION_LIMIT: usize = 64;

/// Why a file could not be opened as a draft. Every message names the file.
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    pub kind: LoadErrorKind,
}

#[derive(Debug)]
pub enum LoadErrorKind {
    Io(std::io::Error),
    IsFolder,
    /// A FIFO, a device, a socket...: refused before it is opened.
    NotRegular(&'static str),
    TooLarge(u64),
    Empty,
    NotUtf8 {
        line: usize,
        col: usize,
    },
    /// Not RON at all (a text release, say): no position, a hint to import it instead.
    NotADraft,
    Parse {
        line: usize,
        col: usize,
        message: String,
    },
    NewerVersion(u32),
}

impl LoadError {
    /// Line and column (1-based) where the file went wrong, when known.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self.kind {
            LoadErrorKind::Parse { line, col, .. } | LoadErrorKind::NotUtf8 { line, col } => {
                Some((line, col))
            }
            _ => None,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.path.display();
        match &self.kind {
            LoadErrorKind::Io(e) => write!(f, "{p}: {}", ReadError::Io(clone_io(e))),
            LoadErrorKind::IsFolder => write!(f, "{p}: {}", ReadError::IsFolder),
            LoadErrorKind::NotRegular(kind) => write!(f, "{p}: {}", ReadError::NotRegular(kind)),
            LoadErrorKind::TooLarge(n) => write!(
                f,
                "{p}: {}",
                ReadError::TooLarge {
                    size: *n,
                    limit: MAX_FILE_BYTES
                }
            ),
            LoadErrorKind::Empty => write!(f, "{p}: the file is empty"),
            LoadErrorKind::NotUtf8 { line, col } => {
                write!(f, "{p}:{line}:{col}: not UTF-8 text (is it a binary file?)")
            }
            LoadErrorKind::NotADraft => write!(
                f,
                "{p}: is not a Pressroom draft (a draft is a RON structure: `(version: 1, headline: \"...\", ...)`). \
                 To turn a plain-text release into a draft, use `pressroom import` (File > Import Text... in the window)."
            ),
            LoadErrorKind::Parse { line, col, message } => {
                write!(f, "{p}:{line}:{col}: {message}")
            }
            LoadErrorKind::NewerVersion(v) => write!(
                f,
                "{p}: written by a newer Pressroom (draft format version {v}; this one reads up to {FORMAT_VERSION}). Update Pressroom to open it."
            ),
        }
    }
}

/// `io::Error` is not `Clone`; its kind and message are enough for a message.
fn clone_io(e: &std::io::Error) -> std::io::Error {
    match e.raw_os_error() {
        Some(code) => std::io::Error::from_raw_os_error(code),
        None => std::io::Error::new(e.kind(), e.to_string()),
    }
}

impl std::error::Error for LoadError {}

impl LoadErrorKind {
    fn from_read(e: ReadError) -> LoadErrorKind {
        match e {
            ReadError::Io(e) => LoadErrorKind::Io(e),
            ReadError::IsFolder => LoadErrorKind::IsFolder,
            ReadError::NotRegular(kind) => LoadErrorKind::NotRegular(kind),
            ReadError::TooLarge { size, .. } => LoadErrorKind::TooLarge(size),
        }
    }
}

/// Reads a text file with the checks every loader shares: a regular file (links followed;
/// FIFOs and devices are refused unopened), at most [`MAX_FILE_BYTES`], UTF-8.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let err = |kind| LoadError {
        path: path.to_path_buf(),
        kind,
    };
    let bytes = safe_fs::read_limited(path, MAX_FILE_BYTES)
        .map_err(|e| err(LoadErrorKind::from_read(e)))?;
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(good);
        let line = 1 + text.matches('\n').count();
        let col = 1 + text.rsplit('\n').next().map_or(0, |l| l.chars().count());
        err(LoadErrorKind::NotUtf8 { line, col })
    })
}

/// A field in the file that this build does not know (misspelt, or from a newer
/// Pressroom): it was ignored on reading, so saving the draft would drop it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IgnoredField {
    /// Where it stands in the draft, e.g. `headlne` or `contacts[0].emial`.
    pub path: String,
    /// The field's own name, e.g. `emial`.
    pub name: String,
    /// The line it is on, where it could be found.
    pub line: Option<usize>,
}

impl IgnoredField {
    /// What to tell the user, without the line: "unknown field `emial` (in contacts[1]) ...".
    pub fn message(&self) -> String {
        let within = match self.path.strip_suffix(&self.name) {
            Some(parent) if !parent.is_empty() => {
                format!(" (in {})", parent.trim_end_matches('.'))
            }
            _ => String::new(),
        };
        format!(
            "unknown field `{}`{within} ignored: misspelt, or written by a newer Pressroom? Saving the draft here would drop it",
            self.name
        )
    }
}

impl fmt::Display for IgnoredField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        f.write_str(&self.message())
    }
}

/// A draft as read, with the fields that were in the file but not understood.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub draft: Draft,
    pub ignored: Vec<IgnoredField>,
}

/// Opens a draft file.
pub fn load(path: &Path) -> Result<Draft, LoadError> {
    Ok(load_reporting(path)?.draft)
}

/// Opens a draft file, reporting the fields it ignored (see [`IgnoredField`]).
pub fn load_reporting(path: &Path) -> Result<Opened, LoadError> {
    let text = read_text(path)?;
    parse_reporting(&text, path)
}

/// Parses draft text; `path` only names the source in errors.
pub fn parse(text: &str, path: &Path) -> Result<Draft, LoadError> {
    Ok(parse_reporting(text, path)?.draft)
}

/// Parses draft text, reporting the fields it ignored; `path` only names the source in
/// errors. A leading byte-order mark is skipped.
pub fn parse_reporting(text: &str, path: &Path) -> Result<Opened, LoadError> {
    let err = |kind| LoadError {
        path: path.to_path_buf(),
        kind,
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(err(LoadErrorKind::Empty));
    }
    let options = ron::Options::default().with_recursion_limit(RECURSION_LIMIT);
    let parse_err = |e: ron::error::SpannedError| {
        err(LoadErrorKind::Parse {
            line: e.span.start.line,
            col: e.span.start.col,
            message: message_for(&e.code),
        })
    };

    /// Reads only the version, so a newer file is refused before its fields confuse us.
    #[derive(Deserialize)]
    #[serde(rename = "Draft")]
    struct Probe {
        #[serde(default = "first_version")]
        version: u32,
    }
    fn first_version() -> u32 {
        1
    }
    let probe: Probe = options.from_str(text).map_err(|e| {
        if !starts_like_a_structure(text) {
            return err(LoadErrorKind::NotADraft);
        }
        let mut e = parse_err(e);
        if let LoadErrorKind::Parse { message, .. } = &mut e.kind {
            message
                .push_str(" (a draft is a RON structure: `(version: 2, headline: \"...\", ...)`)");
        }
        e
    })?;
    if probe.version > FORMAT_VERSION {
        return Err(err(LoadErrorKind::NewerVersion(probe.version)));
    }
    let (draft, paths) = migrate(probe.version, text, &options).map_err(parse_err)?;
    Ok(Opened {
        draft,
        ignored: locate_fields(text, paths),
    })
}

/// Reads a file of format `version` and brings it up to the current format, one step at
/// a time. The rule: a change that adds, renames or reshapes fields raises
/// [`FORMAT_VERSION`], keeps the old shape in a `vN` module and converts it here.
/// Names a migration still reads (serde `alias`es) are known fields, not ignored ones;
/// the paths of the fields no version knows come back with the draft.
fn migrate(
    version: u32,
    text: &str,
    options: &ron::Options,
) -> Result<(Draft, Vec<String>), ron::error::SpannedError> {
    let mut paths = Vec::new();
    let mut draft: Draft = match version {
        0 | 1 => read_noting_unknown::<v1::DraftV1>(text, options, &mut paths)?.into(),
        _ => read_noting_unknown(text, options, &mut paths)?,
    };
    draft.version = FORMAT_VERSION;
    // Format 3's tables: a hand-edited row may have more cells than headings, and so on.
    for b in &mut draft.body {
        if let crate::core::draft::Block::Table(t) = &mut b.block {
            t.normalize();
        }
    }
    // A hand-edited file may have left an id out or copied one.
    draft.assign_ids();
    Ok((draft, paths))
}

/// Reads `text` as a `T`, noting the path of every field `T` does not have.
fn read_noting_unknown<T: serde::de::DeserializeOwned>(
    text: &str,
    options: &ron::Options,
    paths: &mut Vec<String>,
) -> Result<T, ron::error::SpannedError> {
    let mut de = ron::Deserializer::from_str_with_options(text, options)?;
    let result: Result<T, _> = serde_ignored::deserialize(&mut de, |p| paths.push(field_path(&p)));
    let value = result.map_err(|e| de.span_error(e))?;
    de.end().map_err(|e| de.span_error(e))?;
    Ok(value)
}

/// RON's message, or one for people where RON's speaks to programmers.
fn message_for(code: &ron::error::Error) -> String {
    match code {
        ron::error::Error::ExceededRecursionLimit => format!(
            "nested more than {RECURSION_LIMIT} levels deep; no draft is (is the file damaged?)"
        ),
        other => other.to_string(),
    }
}

/// Whether the text opens as a RON structure would: `(` or `Name(`, after white space,
/// comments and `#![enable(...)]` lines. A text release does not.
fn starts_like_a_structure(text: &str) -> bool {
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("//") {
            rest = r.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.split_once("*/").map_or("", |(_, after)| after);
        } else if rest.starts_with("#!") {
            rest = rest.split_once(']').map_or("", |(_, after)| after);
        } else {
            break;
        }
    }
    let name_end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    rest[name_end..].trim_start().starts_with('(')
}

/// A path as `serde_ignored` reports it, written as a reader would: `contacts[0].emial`.
fn field_path(p: &serde_ignored::Path) -> String {
    use serde_ignored::Path as P;
    match p {
        P::Root => String::new(),
        P::Seq { parent, index } => format!("{}[{index}]", field_path(parent)),
        P::Map { parent, key } => {
            let parent = field_path(parent);
            if parent.is_empty() {
                key.clone()
            } else {
                format!("{parent}.{key}")
            }
        }
        P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
            field_path(parent)
        }
    }
}

/// Finds the line of each ignored field: the n-th `name:` outside strings and comments
/// for the n-th ignored field of that name (fields are reported in file order).
fn locate_fields(text: &str, paths: Vec<String>) -> Vec<IgnoredField> {
    if paths.is_empty() {
        return Vec::new();
    }
    let keys = field_keys(text);
    let mut out: Vec<IgnoredField> = Vec::new();
    for path in paths {
        let name = path.rsplit(['.', ']']).next().unwrap_or(&path).to_string();
        let nth = out.iter().filter(|f| f.name == name).count();
        let line = keys
            .iter()
            .filter(|(k, _)| *k == name)
            .nth(nth)
            .map(|(_, line)| *line);
        out.push(IgnoredField { path, name, line });
    }
    out
}

/// Every `identifier:` in RON text outside strings, chars and comments, with its line.
fn field_keys(text: &str) -> Vec<(&str, usize)> {
    let b = text.as_bytes();
    let mut keys = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < b.len() {
        match b[i] {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    if i < b.len() && b[i] == b'\n' {
                        line += 1;
                    }
                    i += 1;
                }
                i += 1;
            }
            b'\'' => {
                // A char literal; an unclosed one ends at the line's end (kept for counting).
                i += 1;
                while i < b.len() && b[i] != b'\'' && b[i] != b'\n' {
                    if b[i] == b'\\' && b.get(i + 1).is_some_and(|c| *c != b'\n') {
                        i += 1;
                    }
                    i += 1;
                }
                if b.get(i) == Some(&b'\'') {
                    i += 1;
                }
            }
            b'r' if b.get(i + 1).is_some_and(|c| *c == b'"' || *c == b'#') => {
                // Raw string r#"..."#: skip to the quote followed by as many hashes.
                let mut j = i + 1;
                while j < b.len() && b[j] == b'#' {
                    j += 1;
                }
                if b.get(j) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let hashes = j - i - 1;
                let close: Vec<u8> = std::iter::once(b'"')
                    .chain(std::iter::repeat_n(b'#', hashes))
                    .collect();
                let body = &b[j + 1..];
                let len = body
                    .windows(close.len())
                    .position(|w| w == close.as_slice())
                    .unwrap_or(body.len());
                line += body[..len].iter().filter(|c| **c == b'\n').count();
                i = j + 1 + len + close.len();
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                    if b[i] == b'\n' {
                        line += 1;
                    }
                    i += 1;
                }
                i += 2;
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                let mut j = i;
                while j < b.len() && (b[j] == b' ' || b[j] == b'\t') {
                    j += 1;
                }
                if b.get(j) == Some(&b':') && b.get(j + 1) != Some(&b':') {
                    keys.push((&text[start..i], line));
                }
            }
            _ => i += 1,
        }
    }
    keys
}

/// The `.ron` text of a draft: pretty, fields in declaration order, `\n` line ends on every OS.
pub fn to_ron(draft: &Draft) -> String {
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(false)
        // Apostrophes and line breaks as they are, not `\'` and `\n`.
        .escape_strings(false);
    let mut text = ron::ser::to_string_pretty(draft, config)
        .expect("a draft holds only strings, numbers, dates and enums, which RON can always write");
    text.push('\n');
    text
}

/// Saves a draft atomically, keeping the previous version as `NAME.ron.bak`, by the rules
/// of [`safe_fs::write`]: refused over [`MAX_FILE_BYTES`] (the file is left as it was).
pub fn save(path: &Path, draft: &Draft) -> std::io::Result<()> {
    save_with(path, draft, &WriteOptions::draft(MAX_FILE_BYTES))?;
    Ok(())
}

/// Saves a draft by the given rules (the limit is never above [`MAX_FILE_BYTES`]), then
/// reads it back: a save that cannot be read is no save. Returns the file written.
pub fn save_with(
    path: &Path,
    draft: &Draft,
    options: &WriteOptions,
) -> Result<PathBuf, WriteError> {
    let text = to_ron(draft);
    let options = WriteOptions {
        limit: options.limit.min(MAX_FILE_BYTES),
        ..options.clone()
    };
    let target = safe_fs::write(path, text.as_bytes(), &options)?;
    let back = safe_fs::read_limited(&target, MAX_FILE_BYTES);
    if !back.as_ref().is_ok_and(|b| b == text.as_bytes()) {
        return Err(WriteError {
            path: path.to_path_buf(),
            kind: safe_fs::WriteErrorKind::Io(std::io::Error::other(
                "the file read back differs from what was written",
            )),
        });
    }
    Ok(target)
}

/// Writes a file (an export, a profile) atomically by the rules of [`safe_fs::write`]:
/// through links, never over what is not a regular file, refused over [`MAX_FILE_BYTES`].
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    safe_fs::write(path, bytes, &WriteOptions::plain(MAX_FILE_BYTES))?;
    Ok(())
}

/// What a file held when it was read or written, to notice another program changing it:
/// its length and CRC-32. Stable across builds, so recovery copies can keep it.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fingerprint {
    pub len: u64,
    pub crc32: u32,
}

impl Fingerprint {
    pub fn of_bytes(bytes: &[u8]) -> Fingerprint {
        Fingerprint {
            len: bytes.len() as u64,
            crc32: crc32fast::hash(bytes),
        }
    }

    /// The file's fingerprint now; `None` when there is no regular file to read.
    pub fn of_file(path: &Path) -> Option<Fingerprint> {
        let (mut file, _) = safe_fs::open_regular(path).ok()?;
        let mut hasher = crc32fast::Hasher::new();
        let mut len = 0u64;
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            match file.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    hasher.update(&buf[..n]);
                    len += n as u64;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        Some(Fingerprint {
            len,
            crc32: hasher.finalize(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::draft::{Block, Timing};
    use chrono::{NaiveDate, NaiveTime};

    fn sample() -> Draft {
        let mut d = Draft {
            headline: "Acme Reports Record Results".into(),
            ..Draft::default()
        };
        d.set_body([Block::Paragraph("Acme said.".into()), Block::PageBreak]);
        d
    }

    #[test]
    fn round_trips_through_ron() {
        let mut d = sample();
        d.release.timing = Timing::Embargoed {
            date: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            time: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
            zone: Some(chrono_tz::America::New_York),
        };
        let text = to_ron(&d);
        assert_eq!(parse(&text, Path::new("x.ron")).unwrap(), d);
    }

    #[test]
    fn fields_left_out_take_their_defaults() {
        let d = parse("(headline: \"Hi\")", Path::new("x.ron")).unwrap();
        assert_eq!(d.headline, "Hi");
        assert_eq!(d.version, FORMAT_VERSION);
        assert_eq!(d.export, Draft::default().export);
    }

    #[test]
    fn newer_version_is_refused_by_name() {
        let e = parse("(version: 9, headline: \"Hi\")", Path::new("q3.ron")).unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("q3.ron") && msg.contains("newer Pressroom") && msg.contains('9'),
            "{msg}"
        );
    }

    #[test]
    fn parse_errors_name_file_line_and_column() {
        let e = parse(
            "(\n  headline: \"Hi\",\n  body: [Nonsense],\n)",
            Path::new("bad.ron"),
        )
        .unwrap_err();
        assert_eq!(e.position().map(|p| p.0), Some(3), "{e}");
        assert!(e.to_string().starts_with("bad.ron:3:"), "{e}");
    }

    #[test]
    fn wrong_types_and_non_drafts_are_errors() {
        assert!(parse("(headline: 5)", Path::new("a.ron")).is_err());
        assert!(parse("[1, 2, 3]", Path::new("a.ron")).is_err());
        assert!(
            parse("", Path::new("a.ron"))
                .unwrap_err()
                .to_string()
                .contains("empty")
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!("(body: {}{})", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse(&deep, Path::new("deep.ron")).is_err());
    }

    #[test]
    fn save_is_atomic_and_keeps_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        let mut d = sample();
        save(&path, &d).unwrap();
        d.headline = "Second".into();
        save(&path, &d).unwrap();
        assert_eq!(load(&path).unwrap().headline, "Second");
        let bak = load(&dir.path().join("d.ron.bak")).unwrap();
        assert_eq!(bak.headline, "Acme Reports Record Results");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".tmp")
            })
            .collect();
        assert!(leftovers.is_empty());
    }

    /// A draft whose `.ron` text is exactly `len` bytes.
    fn draft_of_len(len: usize) -> Draft {
        let mut d = Draft::default();
        d.set_body([Block::Paragraph(String::new())]);
        let base = to_ron(&d).len();
        d.body[0].block = Block::Paragraph("x".repeat(len - base));
        assert_eq!(to_ron(&d).len(), len);
        d
    }

    #[test]
    fn what_save_writes_at_the_limit_opens_and_one_byte_more_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.ron");
        let at_limit = draft_of_len(MAX_FILE_BYTES as usize);
        save(&path, &at_limit).unwrap();
        assert_eq!(load(&path).unwrap(), at_limit, "what was saved opens");
        let over = draft_of_len(MAX_FILE_BYTES as usize + 1);
        let e = save(&path, &over).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::FileTooLarge);
        let msg = e.to_string();
        assert!(
            msg.contains("big.ron") && msg.contains("20 MiB") && !msg.contains(" MB"),
            "{msg}"
        );
        assert_eq!(load(&path).unwrap(), at_limit, "the file is as it was");
        // An export over the limit is refused the same way.
        let e = write_atomically(
            &dir.path().join("out.txt"),
            &vec![b'x'; MAX_FILE_BYTES as usize + 1],
        )
        .unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::FileTooLarge);
        assert!(!dir.path().join("out.txt").exists());
        write_atomically(
            &dir.path().join("out.txt"),
            &vec![b'x'; MAX_FILE_BYTES as usize],
        )
        .unwrap();
    }

    #[test]
    fn reading_over_the_limit_says_mib() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.ron");
        std::fs::write(&path, vec![b' '; MAX_FILE_BYTES as usize + 1]).unwrap();
        let msg = load(&path).unwrap_err().to_string();
        assert!(
            msg.contains("20971521 bytes") && msg.contains("over 20 MiB are refused"),
            "{msg}"
        );
    }

    #[test]
    fn unknown_fields_are_reported_with_their_line() {
        let text = "(\n    version: 1,\n    headlne: \"Misspelt\",\n    contacts: [\n        (name: \"Jo\"),\n        (name: \"Al\", emial: \"al@acme.example\", note: \"x: y\"),\n    ],\n    body: [Quote((text: \"Hi\", spekaer: \"Jo\"))],\n    future_field: Some([1, 2]),\n)\n";
        let opened = parse_reporting(text, Path::new("typo.ron")).unwrap();
        let found: Vec<(&str, &str, Option<usize>)> = opened
            .ignored
            .iter()
            .map(|f| (f.path.as_str(), f.name.as_str(), f.line))
            .collect();
        assert_eq!(
            found,
            vec![
                ("headlne", "headlne", Some(3)),
                ("contacts[1].emial", "emial", Some(6)),
                ("contacts[1].note", "note", Some(6)),
                ("body[0].spekaer", "spekaer", Some(8)),
                ("future_field", "future_field", Some(9)),
            ]
        );
        assert!(
            opened.ignored[1]
                .to_string()
                .starts_with("line 6: unknown field `emial`"),
            "{}",
            opened.ignored[1]
        );
        assert_eq!(opened.draft.contacts[1].name, "Al");
        let clean = parse_reporting(&to_ron(&sample()), Path::new("ok.ron")).unwrap();
        assert!(clean.ignored.is_empty(), "{:?}", clean.ignored);
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let text = format!("\u{FEFF}{}", to_ron(&sample()));
        assert_eq!(parse(&text, Path::new("bom.ron")).unwrap(), sample());
    }

    #[test]
    fn messages_are_for_people() {
        let deep = format!("(body: {}{})", "[".repeat(500), "]".repeat(500));
        let msg = parse(&deep, Path::new("deep.ron")).unwrap_err().to_string();
        assert!(msg.contains("nested more than 64 levels"), "{msg}");
        assert!(!msg.contains("serde_stacker"), "{msg}");
        let msg = parse(
            "ACME REPORTS RESULTS\n\nDAYTON, Ohio -- Acme said.",
            Path::new("rel.txt"),
        )
        .unwrap_err()
        .to_string();
        assert!(
            msg.contains("rel.txt: is not a Pressroom draft") && msg.contains("pressroom import"),
            "{msg}"
        );
        let msg = parse("(headline: 5)", Path::new("a.ron"))
            .unwrap_err()
            .to_string();
        assert!(!msg.contains("Probe"), "{msg}");
    }

    #[test]
    fn a_fingerprint_is_stable_and_sees_changes() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("q3.ron");
        std::fs::write(&p, "abc").unwrap();
        let f = Fingerprint::of_file(&p).unwrap();
        assert_eq!(f, Fingerprint::of_bytes(b"abc"));
        assert_eq!(
            f.crc32, 0x3524_41C2,
            "CRC-32 of abc, the same in every build"
        );
        std::fs::write(&p, "abd").unwrap();
        assert_ne!(Fingerprint::of_file(&p), Some(f));
        assert_eq!(Fingerprint::of_file(&dir.path().join("none.ron")), None);
    }

    #[cfg(unix)]
    #[test]
    fn save_keeps_a_shared_drafts_mode_and_its_hard_links() {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.ron");
        save(&path, &sample()).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        if mode(&path) != 0o640 {
            eprintln!("skipped: this file system does not keep Unix modes");
            return;
        }
        let ir_group = dir.path().join("ir-group-copy.ron");
        std::fs::hard_link(&path, &ir_group).unwrap();
        let mut d = sample();
        d.headline = "Second".into();
        save(&path, &d).unwrap();
        assert_eq!(
            mode(&path),
            0o640,
            "a draft shared with the group stays readable"
        );
        assert_eq!(mode(&dir.path().join("shared.ron.bak")), 0o640);
        assert_eq!(
            load(&ir_group).unwrap().headline,
            "Second",
            "the links stay one file"
        );
        assert_eq!(std::fs::metadata(&path).unwrap().nlink(), 2);
    }

    #[test]
    fn unreadable_inputs_are_named_errors() {
        let dir = tempfile::tempdir().unwrap();
        let e = load(dir.path()).unwrap_err();
        assert!(matches!(e.kind, LoadErrorKind::IsFolder));
        let e = load(&dir.path().join("missing.ron")).unwrap_err();
        assert!(e.to_string().contains("missing.ron"));
        let bin = dir.path().join("bin.ron");
        std::fs::write(&bin, b"(headline: \"ok\"\n\xff\xfe)").unwrap();
        let e = load(&bin).unwrap_err();
        assert_eq!(e.position(), Some((2, 1)), "{e}");
    }

    #[test]
    fn drafts_are_written_without_raw_identifiers_or_needless_escapes() {
        let mut d = sample();
        d.headline = "Acme's \"Best\" Quarter".into();
        d.body[0].block = Block::Paragraph("One.\n\nTwo's.".into());
        let text = to_ron(&d);
        assert!(!text.contains("r#None"), "{text}");
        assert!(!text.contains("\\'"), "{text}");
        assert!(text.contains("subheadline: NoSubheadline"), "{text}");
        assert!(text.contains("end_mark: Hashes"), "{text}");
        assert_eq!(parse(&text, Path::new("x.ron")).unwrap(), d);
        // Format 1's names still load.
        let old = "(version: 1, subheadline: r#None, dateline: (wire: r#None), end_mark: r#None)";
        let d = parse(old, Path::new("old.ron")).unwrap();
        assert_eq!(d.subheadline, crate::core::draft::Subheadline::None);
        assert_eq!(d.end_mark, crate::core::draft::EndMark::None);
    }
}
