//! Drafts on disk: pretty, stable `.ron` with a format version, read with clear errors
//! and written atomically.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::core::draft::{Draft, FORMAT_VERSION};

mod v1;

/// Larger files are refused before they are read: no real draft comes near this.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;
/// Deep nesting in a hostile file must not exhaust the stack.
const RECURSION_LIMIT: usize = 64;

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
    TooLarge(u64),
    Empty,
    NotUtf8 {
        line: usize,
        col: usize,
    },
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
            LoadErrorKind::Io(e) => write!(f, "{p}: cannot read: {e}"),
            LoadErrorKind::IsFolder => write!(f, "{p}: is a folder, not a file"),
            LoadErrorKind::TooLarge(n) => write!(
                f,
                "{p}: is {:.1} MB; files over {} MB are refused",
                *n as f64 / 1e6,
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            LoadErrorKind::Empty => write!(f, "{p}: the file is empty"),
            LoadErrorKind::NotUtf8 { line, col } => {
                write!(f, "{p}:{line}:{col}: not UTF-8 text (is it a binary file?)")
            }
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

impl std::error::Error for LoadError {}

/// Reads a text file with the size limit and UTF-8 check every loader shares.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let err = |kind| LoadError {
        path: path.to_path_buf(),
        kind,
    };
    let meta = std::fs::metadata(path).map_err(|e| err(LoadErrorKind::Io(e)))?;
    if meta.is_dir() {
        return Err(err(LoadErrorKind::IsFolder));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(err(LoadErrorKind::TooLarge(meta.len())));
    }
    let bytes = std::fs::read(path).map_err(|e| err(LoadErrorKind::Io(e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(err(LoadErrorKind::TooLarge(bytes.len() as u64)));
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(good);
        let line = 1 + text.matches('\n').count();
        let col = 1 + text.rsplit('\n').next().map_or(0, |l| l.chars().count());
        err(LoadErrorKind::NotUtf8 { line, col })
    })
}

/// Opens a draft file.
pub fn load(path: &Path) -> Result<Draft, LoadError> {
    let text = read_text(path)?;
    parse(&text, path)
}

/// Parses draft text; `path` only names the source in errors.
pub fn parse(text: &str, path: &Path) -> Result<Draft, LoadError> {
    let err = |kind| LoadError {
        path: path.to_path_buf(),
        kind,
    };
    if text.trim().is_empty() {
        return Err(err(LoadErrorKind::Empty));
    }
    let options = ron::Options::default().with_recursion_limit(RECURSION_LIMIT);
    let parse_err = |e: ron::error::SpannedError| {
        err(LoadErrorKind::Parse {
            line: e.span.start.line,
            col: e.span.start.col,
            message: e.code.to_string(),
        })
    };

    /// Reads only the version, so a newer file is refused before its fields confuse us.
    #[derive(Deserialize)]
    struct Probe {
        #[serde(default = "first_version")]
        version: u32,
    }
    fn first_version() -> u32 {
        1
    }
    let probe: Probe = options.from_str(text).map_err(|e| {
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
    migrate(probe.version, text, &options).map_err(parse_err)
}

/// Reads a file of format `version` and brings it up to the current format, one step at
/// a time. The rule: a change that adds, renames or reshapes fields raises
/// [`FORMAT_VERSION`], keeps the old shape in a `vN` module and converts it here.
fn migrate(
    version: u32,
    text: &str,
    options: &ron::Options,
) -> Result<Draft, ron::error::SpannedError> {
    let mut draft: Draft = match version {
        0 | 1 => options.from_str::<v1::DraftV1>(text)?.into(),
        _ => options.from_str(text)?,
    };
    draft.version = FORMAT_VERSION;
    // A hand-edited file may have left an id out or copied one.
    draft.assign_ids();
    Ok(draft)
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

/// Saves a draft atomically, keeping the previous version as `NAME.ron.bak`.
pub fn save(path: &Path, draft: &Draft) -> std::io::Result<()> {
    let text = to_ron(draft);
    if path.is_file() {
        let mut bak = path.as_os_str().to_owned();
        bak.push(".bak");
        std::fs::copy(path, PathBuf::from(bak))?;
    }
    write_atomically(path, text.as_bytes())?;
    // Read it back: a save that cannot be read is no save.
    let back = std::fs::read(path)?;
    if back != text.as_bytes() {
        return Err(std::io::Error::other(format!(
            "{}: the file read back differs from what was written",
            path.display()
        )));
    }
    Ok(())
}

/// Writes a file so that it is either the complete old or the complete new content,
/// even if the machine stops half way: temporary file, fsync, rename, fsync the folder.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".pressroom-")
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    #[cfg(unix)]
    {
        // The rename is durable only once the folder itself is on disk.
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
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
