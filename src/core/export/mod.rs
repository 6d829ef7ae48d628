//! Every export style behind one entry point: [`export`] turns a draft into an [`Output`]
//! in an [`ExportStyle`]. The text styles are the renderer's ([`crate::core::render`]); EDGAR
//! HTML, wire HTML and Word are written here, from the same reading order
//! ([`crate::core::release::parts`], through [`flow`]) so their words never drift from the
//! text's.

pub mod docx;
pub mod edgar_html;
pub mod flow;
pub mod html_table;
pub mod html_text;
pub mod logo;
pub mod wire_html;

use std::path::{Path, PathBuf};

use crate::core::draft::{Draft, FileFormat, Style};
use crate::core::edgar_validate::Problem;
use crate::core::render::{self, Unprintable};

/// An export style: the draft's two text styles and the three documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportStyle {
    EdgarText,
    NewswireText,
    EdgarHtml,
    NewswireHtml,
    Docx,
}

impl ExportStyle {
    pub const ALL: [ExportStyle; 5] = [
        ExportStyle::EdgarText,
        ExportStyle::NewswireText,
        ExportStyle::EdgarHtml,
        ExportStyle::NewswireHtml,
        ExportStyle::Docx,
    ];

    /// As a person reads it in a menu.
    pub fn label(self) -> &'static str {
        match self {
            ExportStyle::EdgarText => Style::Edgar.label(),
            ExportStyle::NewswireText => Style::Newswire.label(),
            ExportStyle::EdgarHtml => "EDGAR HTML exhibit",
            ExportStyle::NewswireHtml => "Newswire HTML",
            ExportStyle::Docx => "Word document",
        }
    }

    /// As the command line names it (`--style edgar-html`).
    pub fn name(self) -> &'static str {
        match self {
            ExportStyle::EdgarText => "edgar",
            ExportStyle::NewswireText => "newswire",
            ExportStyle::EdgarHtml => "edgar-html",
            ExportStyle::NewswireHtml => "newswire-html",
            ExportStyle::Docx => "docx",
        }
    }

    /// The style a command-line name stands for.
    pub fn from_name(name: &str) -> Option<ExportStyle> {
        let name = name.trim().to_ascii_lowercase();
        ExportStyle::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The file extension its output takes, without the dot. EDGAR wants `.htm`.
    pub fn extension(self) -> &'static str {
        match self {
            ExportStyle::EdgarText | ExportStyle::NewswireText => "txt",
            ExportStyle::EdgarHtml => "htm",
            ExportStyle::NewswireHtml => "html",
            ExportStyle::Docx => "docx",
        }
    }

    /// Its output is not text (it cannot go to a terminal).
    pub fn is_binary(self) -> bool {
        self == ExportStyle::Docx
    }

    /// The text style whose layout rules it follows (dateline form, title, timing line,
    /// contacts, indents): Word follows the draft's own.
    pub fn text_style(self, draft: &Draft) -> Style {
        match self {
            ExportStyle::EdgarText | ExportStyle::EdgarHtml => Style::Edgar,
            ExportStyle::NewswireText | ExportStyle::NewswireHtml => Style::Newswire,
            ExportStyle::Docx => draft.export.style,
        }
    }
}

impl ExportStyle {
    /// The draft's own export style: its text style and the kind of file it makes.
    pub fn of_draft(draft: &Draft) -> ExportStyle {
        match (draft.export.format, draft.export.style) {
            (FileFormat::Text, s) => s.into(),
            (FileFormat::Html, Style::Edgar) => ExportStyle::EdgarHtml,
            (FileFormat::Html, Style::Newswire) => ExportStyle::NewswireHtml,
            (FileFormat::Word, _) => ExportStyle::Docx,
        }
    }

    /// Makes this the draft's own export style (Word keeps the draft's text layout).
    pub fn set_on(self, draft: &mut Draft) {
        let e = &mut draft.export;
        (e.style, e.format) = match self {
            ExportStyle::EdgarText => (Style::Edgar, FileFormat::Text),
            ExportStyle::NewswireText => (Style::Newswire, FileFormat::Text),
            ExportStyle::EdgarHtml => (Style::Edgar, FileFormat::Html),
            ExportStyle::NewswireHtml => (Style::Newswire, FileFormat::Html),
            ExportStyle::Docx => (e.style, FileFormat::Word),
        };
    }

    /// A text style, laid out in columns (the others are documents).
    pub fn is_text(self) -> bool {
        matches!(self, ExportStyle::EdgarText | ExportStyle::NewswireText)
    }
}

impl From<Style> for ExportStyle {
    fn from(style: Style) -> Self {
        match style {
            Style::Edgar => ExportStyle::EdgarText,
            Style::Newswire => ExportStyle::NewswireText,
        }
    }
}

/// What an export needs besides the draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Wire HTML: only the body's elements, for pasting into a wire's form; otherwise a
    /// whole document.
    pub fragment: bool,
    /// The folder a relative logo path is read from (the draft's own folder).
    pub draft_dir: Option<PathBuf>,
    /// The name the main output gets, without its extension ("ex99-1"): the logo written
    /// beside it is named after it ("ex99-1-logo.jpg"). Without one, "logo".
    pub output_stem: Option<String>,
    /// Word: the draft's comments as Word comments (off by default; no other style ever
    /// prints them).
    pub comments: bool,
}

impl ExportOptions {
    /// Options for a draft at `draft` (if saved) exported to `output` (if a file).
    pub fn for_paths(draft: Option<&Path>, output: Option<&Path>) -> Self {
        Self {
            fragment: false,
            draft_dir: draft.and_then(|p| p.parent()).map(Path::to_path_buf),
            output_stem: output
                .and_then(|p| p.file_stem())
                .map(|s| s.to_string_lossy().into_owned()),
            comments: false,
        }
    }
}

/// A file that goes beside the main output (the EDGAR exhibit's logo).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SideFile {
    /// A bare file name, no folder: write it in the main output's folder.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What an export wrote.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Output {
    pub main: Vec<u8>,
    /// `main` is not text (Word): it needs a file, never standard output.
    pub binary: bool,
    /// Files the main output refers to by name, to be written beside it.
    pub side_files: Vec<SideFile>,
    /// Characters the style could not print (EDGAR text writes them as `?`).
    pub unprintable: Vec<Unprintable>,
}

impl Output {
    fn text(text: String) -> Self {
        Self {
            main: text.into_bytes(),
            ..Self::default()
        }
    }
}

/// Why an export wrote nothing.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportError {
    /// The draft's logo cannot be used: `path` as the draft gives it (or as found).
    Logo { path: String, problem: String },
    /// The EDGAR HTML written would not pass EDGAR's rules (a bug: it is never written).
    Invalid(Vec<Problem>),
    /// The Word document could not be put together.
    Docx(String),
    /// A table cannot be printed in the style (EDGAR's 132 columns): its name in the form
    /// ("Body block 4 (Table)") and why.
    TableTooWide { table: String, why: String },
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportError::Logo { path, problem } => write!(f, "logo '{path}' {problem}"),
            ExportError::Invalid(problems) => {
                write!(
                    f,
                    "the EDGAR HTML would not pass EDGAR's rules ({} problem{}):",
                    problems.len(),
                    if problems.len() == 1 { "" } else { "s" }
                )?;
                for p in problems.iter().take(10) {
                    write!(f, "\n  {p}")?;
                }
                Ok(())
            }
            ExportError::Docx(e) => write!(f, "the Word document could not be written: {e}"),
            ExportError::TableTooWide { table, why } => write!(
                f,
                "{table}: {why}, so it cannot be filed as EDGAR text (nothing was written; \
                 drop or shorten columns, shorten labels, or split the table)"
            ),
        }
    }
}

impl std::error::Error for ExportError {}

/// Exports the draft in the given style.
pub fn export(
    draft: &Draft,
    style: ExportStyle,
    options: &ExportOptions,
) -> Result<Output, ExportError> {
    let rules = flow::Rules::for_draft(draft, style.text_style(draft));
    match style {
        ExportStyle::EdgarText | ExportStyle::NewswireText => {
            let r = render::render_as(draft, style.text_style(draft));
            // Never a line cut, wrapped or wider than EDGAR allows: nothing at all instead.
            if let Some((field, e)) = r.too_wide.first() {
                return Err(ExportError::TableTooWide {
                    table: draft.table_label(*field),
                    why: e.to_string(),
                });
            }
            let mut out = Output::text(r.text);
            out.unprintable = r.unprintable;
            Ok(out)
        }
        ExportStyle::EdgarHtml => {
            let mut side_files = Vec::new();
            let logo_name = match load_logo(draft, options)? {
                Some(l) => {
                    let (ext, bytes) = logo::for_edgar(&l)?;
                    let name = logo_file_name(options.output_stem.as_deref(), ext);
                    side_files.push(SideFile {
                        name: name.clone(),
                        bytes,
                    });
                    Some(name)
                }
                None => None,
            };
            let html = edgar_html::write(draft, &rules, logo_name.as_deref());
            let problems = crate::core::edgar_validate::validate(html.as_bytes());
            if !problems.is_empty() {
                return Err(ExportError::Invalid(problems));
            }
            Ok(Output {
                side_files,
                ..Output::text(html)
            })
        }
        ExportStyle::NewswireHtml => Ok(Output::text(wire_html::write(
            draft,
            &rules,
            options.fragment,
        ))),
        ExportStyle::Docx => {
            let logo = match load_logo(draft, options)? {
                Some(l) => Some(logo::for_word(&l)?),
                None => None,
            };
            Ok(Output {
                main: docx::write(draft, &rules, logo, options.comments)?,
                binary: true,
                ..Output::default()
            })
        }
    }
}

/// The draft's logo, read, if it has one.
fn load_logo(draft: &Draft, options: &ExportOptions) -> Result<Option<logo::Logo>, ExportError> {
    match draft.release.logo.as_deref().map(str::trim) {
        Some(path) if !path.is_empty() => logo::load(path, options.draft_dir.as_deref()).map(Some),
        _ => Ok(None),
    }
}

/// The logo's file name beside the exhibit: the exhibit's name and "-logo", within EDGAR's
/// file-name rule (at most 32 characters of letters, digits, `.`, `-` and `_`).
fn logo_file_name(stem: Option<&str>, ext: &str) -> String {
    let mut clean = String::new();
    for c in stem.unwrap_or("").chars() {
        let c = if c.is_ascii_alphanumeric() || c == '_' {
            c.to_ascii_lowercase()
        } else {
            '-'
        };
        if !(c == '-' && clean.ends_with('-')) {
            clean.push(c);
        }
    }
    let stem = clean.trim_matches(['-', '_']);
    let suffix = format!("logo.{ext}");
    if stem.is_empty() {
        return suffix;
    }
    let room = 32 - suffix.len() - 1;
    let stem: String = stem.chars().take(room).collect();
    format!("{}-{suffix}", stem.trim_end_matches(['-', '_']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_by_name_extension_and_kind() {
        for s in ExportStyle::ALL {
            assert_eq!(ExportStyle::from_name(s.name()), Some(s));
        }
        assert_eq!(
            ExportStyle::from_name("EDGAR-HTML"),
            Some(ExportStyle::EdgarHtml)
        );
        assert_eq!(ExportStyle::from_name("pdf"), None);
        assert_eq!(ExportStyle::EdgarHtml.extension(), "htm");
        assert_eq!(ExportStyle::NewswireHtml.extension(), "html");
        assert!(ExportStyle::Docx.is_binary() && !ExportStyle::EdgarHtml.is_binary());
        assert_eq!(
            ExportStyle::from(Style::Newswire),
            ExportStyle::NewswireText
        );
    }

    #[test]
    fn logo_names_follow_edgar_file_names() {
        assert_eq!(logo_file_name(None, "gif"), "logo.gif");
        assert_eq!(logo_file_name(Some("ex99-1"), "jpg"), "ex99-1-logo.jpg");
        assert_eq!(
            logo_file_name(Some("Q4 2025 Release (final)"), "jpg"),
            "q4-2025-release-final-logo.jpg"
        );
        let long = logo_file_name(Some(&"x".repeat(80)), "jpg");
        assert!(long.len() <= 32, "{long}");
        for name in [long, logo_file_name(Some("__"), "gif")] {
            assert!(
                crate::core::edgar_validate::edgar_image_name(&name).is_ok(),
                "{name}"
            );
        }
    }

    #[test]
    fn options_from_the_draft_and_output_paths() {
        let o = ExportOptions::for_paths(
            Some(Path::new("/drafts/q4/release.ron")),
            Some(Path::new("/out/ex99-1.htm")),
        );
        assert_eq!(o.draft_dir.as_deref(), Some(Path::new("/drafts/q4")));
        assert_eq!(o.output_stem.as_deref(), Some("ex99-1"));
        assert!(!o.fragment);
        assert_eq!(
            ExportOptions::for_paths(None, None),
            ExportOptions::default()
        );
    }

    #[test]
    fn text_styles_are_the_renderers() {
        let d = Draft {
            headline: "Caf\u{e9} \u{1F600}".into(),
            ..Draft::default()
        };
        let out = export(&d, ExportStyle::EdgarText, &ExportOptions::default()).unwrap();
        let r = render::render_as(&d, Style::Edgar);
        assert_eq!(out.main, r.text.into_bytes());
        assert_eq!(out.unprintable, r.unprintable);
        assert!(!out.binary && out.side_files.is_empty());
    }
}
