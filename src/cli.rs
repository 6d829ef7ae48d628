//! The headless command line, for scripts and CI: export, check, import, new and templates.
//!
//! Files are read and written only through the core's rules (`safe_fs`): an output is
//! never one of the inputs nor anything but a regular file, `-o -` is standard output,
//! drafts are not overwritten without `--force`. What it prints never carries control
//! characters from the user's text, a closed pipe ends it quietly, and an output that
//! cannot be written (even standard error) is a failure status, never a panic.

use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::core::checks::rules;
use crate::core::checks::{self, Severity};
use crate::core::draft::Draft;
use crate::core::draft_file::{self, IgnoredField, MAX_FILE_BYTES};
use crate::core::edgar_validate;
use crate::core::export::{self, ExportOptions, ExportStyle};
use crate::core::safe_fs::{self, Existing, WriteOptions};
use crate::core::{import, profiles, redline, templates, versions};

#[derive(Parser, Debug)]
#[command(
    name = "pressroom",
    version,
    about = "Compose press releases as structured drafts; export EDGAR and newswire text, \
        EDGAR HTML, wire HTML and Word.",
    long_about = "Compose press releases as structured drafts; export EDGAR and newswire text, \
        EDGAR HTML, wire HTML and Word.\n\n\
        With no arguments, opens the editor window. With a FILE, opens that draft in the window.\n\
        Subcommands work without a window, for scripts and CI.\n\n\
        Exit status: 0 success, 1 failure (e.g. cannot write the output, or `check` found an error), \
        2 an input cannot be read or parsed.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A draft (.ron) to open in the editor window.
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Export a draft (to standard output unless -o is given; Word, and EDGAR HTML with a
    /// logo, need -o: the logo is written beside the exhibit).
    Export {
        /// The draft to export (.ron).
        draft: PathBuf,
        /// Export style; without it, the style saved in the draft.
        #[arg(long, value_enum)]
        style: Option<StyleArg>,
        /// Wire HTML: only the body's elements, for pasting into a wire's form.
        #[arg(long)]
        fragment: bool,
        /// Word: the draft's reviewer comments as Word comments (no other style prints them).
        #[arg(long)]
        comments: bool,
        /// Write to this file (atomically; through a link to its target; never over the
        /// draft itself) instead of standard output; `-` is standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Start a draft from a template (and the default or named company profile).
    New {
        /// Template id, as `pressroom templates` lists them.
        #[arg(long, short)]
        template: String,
        /// Company profile to fill in (its file name without .ron); default the chosen default.
        #[arg(long)]
        profile: Option<String>,
        /// Where to write the draft (refuses to overwrite an existing file); `-` is standard output.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// Replace an existing file, keeping the old one as OUT.bak.
        #[arg(long)]
        force: bool,
        /// The day the draft is started (YYYY-MM-DD): its dateline date, and the embargo
        /// the next weekday at 8:00 a.m. Eastern; default today. For repeatable scripts.
        #[arg(long, value_name = "DATE")]
        today: Option<chrono::NaiveDate>,
    },
    /// List the templates, with their placeholders.
    Templates,
    /// Turn a plain-text release into a draft (to standard output unless -o is given).
    Import {
        /// The release as plain text.
        text: PathBuf,
        /// Where to write the draft (.ron; refuses to overwrite an existing file); `-` is standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Replace an existing draft, keeping the old one as OUT.bak.
        #[arg(long)]
        force: bool,
    },
    /// Check a draft for what lawyers and editors look for (exit 1 if any error is found);
    /// or explain a rule (--explain RULE); or check an HTML file against EDGAR's rules
    /// (--edgar-html FILE.htm).
    Check {
        /// The draft to check (.ron).
        #[arg(required_unless_present_any = ["explain", "edgar_html"])]
        draft: Option<PathBuf>,
        /// Print what a rule looks for, why it matters and how to fix it.
        #[arg(long, value_name = "RULE", conflicts_with_all = ["draft", "edgar_html"])]
        explain: Option<String>,
        /// Check an HTML document (a team's Word-to-HTML output, a filing agent's proof)
        /// against EDGAR's rules for HTML: exit 0 clean, 1 problems, 2 unreadable.
        #[arg(long, value_name = "FILE", conflicts_with = "draft")]
        edgar_html: Option<PathBuf>,
        /// The date to check against (YYYY-MM-DD); default today.
        #[arg(long, value_name = "DATE")]
        today: Option<chrono::NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// The style the release will go out in (EDGAR adds the ASCII check); default the draft's.
        #[arg(long, value_enum)]
        style: Option<StyleArg>,
        /// Leave out the spelling findings.
        #[arg(long)]
        no_spelling: bool,
        /// The spelling dictionary (en_US, en_GB, ...); default the draft's, else en_US.
        #[arg(long, value_name = "LANG")]
        dictionary: Option<String>,
        /// Leave out the personal word list and the company profiles' words, so the answer
        /// depends on the draft alone (with --dictionary, the same on every machine).
        #[arg(long)]
        no_personal: bool,
    },
    /// List the versions kept of a draft (one is kept at each save, in NAME.versions/):
    /// number, time, words and label.
    Versions {
        /// The draft (.ron).
        draft: PathBuf,
    },
    /// Compare two drafts (or a plain-text release, imported first) and print the redline:
    /// exit 0 when they read the same, 1 when they differ, 2 when one cannot be read or
    /// the output cannot be written.
    Diff {
        /// The older draft (.ron) or release (.txt); with --version, the draft whose
        /// kept version is the older one.
        old: PathBuf,
        /// The newer draft or release; with --version, default the draft itself.
        #[arg(required_unless_present = "version")]
        new: Option<PathBuf>,
        /// Compare this kept version of OLD (as `pressroom versions OLD` numbers them).
        #[arg(long, value_name = "N")]
        version: Option<u32>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// Write to this file (atomically; never over an input) instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffFormat {
    /// Every text under its field's label, with [+inserted+], [-deleted-] and [>moved<].
    Text,
    /// A blackline page for a browser or Word: insertions underlined, deletions struck.
    Html,
    /// A Word document whose changes are tracked changes, to accept or reject in Word; needs -o.
    Docx,
}

/// How `check` checks spelling.
pub struct SpellingArgs {
    pub enabled: bool,
    pub dictionary: Option<String>,
    pub personal: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One finding a line: `FILE: SEVERITY RULE-ID: MESSAGE`.
    Text,
    /// One JSON object with every finding, for scripts.
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum StyleArg {
    /// EDGAR ASCII exhibit: centred title and headline, indented paragraphs, <PAGE> breaks.
    Edgar,
    /// Newswire plain text: AP dateline, block paragraphs, Unicode kept.
    Newswire,
    /// EDGAR HTML exhibit (.htm), checked against EDGAR's rules before it is written.
    EdgarHtml,
    /// Clean HTML for a wire's submission (.html), UTF-8, links for web and email addresses.
    NewswireHtml,
    /// A Word document (.docx) for counsel's review; needs -o.
    Docx,
}

impl From<StyleArg> for ExportStyle {
    fn from(s: StyleArg) -> ExportStyle {
        match s {
            StyleArg::Edgar => ExportStyle::EdgarText,
            StyleArg::Newswire => ExportStyle::NewswireText,
            StyleArg::EdgarHtml => ExportStyle::EdgarHtml,
            StyleArg::NewswireHtml => ExportStyle::NewswireHtml,
            StyleArg::Docx => ExportStyle::Docx,
        }
    }
}

/// Exit statuses the command line promises.
pub const EXIT_FAILURE: u8 = 1;
pub const EXIT_BAD_INPUT: u8 = 2;

/// User text made safe to print on a terminal: control characters (escape, bell, line
/// breaks...) and bidirectional overrides are shown escaped, as `\u{1b}`.
pub fn terminal_safe(s: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() || is_bidi_control(c);
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| {
            if unsafe_char(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// Unicode's Bidi_Control characters: they reorder what the terminal shows.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// A path for a message, terminal-safe.
fn shown(p: &Path) -> String {
    terminal_safe(&p.display().to_string()).into_owned()
}

/// Prints one message line on standard error, terminal-safe. A standard error that
/// cannot be written (full, closed) is not worth a panic: the exit status still says.
pub fn say(message: &str) {
    let line = format!("pressroom: {}\n", terminal_safe(message));
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// Writes to standard output. A reader that went away (`| head`) ends the output quietly,
/// as `cat` does; any other error is reported and is a failure.
fn to_stdout(bytes: &[u8]) -> Result<(), u8> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            say(&format!("standard output: {e}"));
            Err(EXIT_FAILURE)
        }
    }
}

/// `-o -`, or no `-o` at all: standard output.
fn is_stdout(output: Option<&Path>) -> bool {
    output.is_none_or(|p| p.as_os_str() == "-")
}

/// Writes `bytes` to `output` by the core's rules, or to standard output; the exit status.
fn write_out(output: Option<&Path>, bytes: &[u8], options: &WriteOptions) -> u8 {
    match output {
        Some(out) if !is_stdout(output) => match safe_fs::write(out, bytes, options) {
            Ok(_) => 0,
            Err(e) => {
                say(&e.to_string());
                EXIT_FAILURE
            }
        },
        _ => to_stdout(bytes).err().unwrap_or(0),
    }
}

/// Writes a draft to `output` (refusing an existing file unless `force`, then keeping its
/// `.bak`), or to standard output; the exit status.
fn write_draft(output: Option<&Path>, draft: &Draft, inputs: &[&Path], force: bool) -> u8 {
    match output {
        Some(out) if !is_stdout(output) => {
            let options = WriteOptions {
                inputs,
                existing: if force {
                    Existing::Replace
                } else {
                    Existing::Refuse
                },
                ..WriteOptions::draft(MAX_FILE_BYTES)
            };
            match draft_file::save_with(out, draft, &options) {
                Ok(_) => 0,
                Err(e) => {
                    say(&e.to_string());
                    EXIT_FAILURE
                }
            }
        }
        _ => to_stdout(draft_file::to_ron(draft).as_bytes())
            .err()
            .unwrap_or(0),
    }
}

/// Opens a draft for a command, warning about fields it does not know; `None` (with the
/// error said) when it cannot be read.
fn open_draft(path: &Path) -> Option<Draft> {
    match draft_file::load_reporting(path) {
        Ok(opened) => {
            report_ignored(path, &opened.ignored);
            Some(opened.draft)
        }
        Err(e) => {
            say(&e.to_string());
            None
        }
    }
}

fn report_ignored(path: &Path, ignored: &[IgnoredField]) {
    for f in ignored {
        let at = f.line.map(|l| format!(":{l}")).unwrap_or_default();
        say(&format!("warning: {}{at}: {}", path.display(), f.message()));
    }
}

/// Runs a subcommand; returns the process exit status.
pub fn run(command: Command) -> u8 {
    match command {
        Command::Export {
            draft,
            style,
            fragment,
            comments,
            output,
        } => export(
            draft,
            style.map(ExportStyle::from),
            ExportFlags { fragment, comments },
            output,
        ),
        Command::Check {
            explain: Some(rule),
            ..
        } => explain(&rule),
        Command::Check {
            edgar_html: Some(html),
            format,
            ..
        } => check_edgar_html(&html, format),
        Command::Check {
            draft,
            today,
            format,
            style,
            no_spelling,
            dictionary,
            no_personal,
            ..
        } => match draft {
            Some(draft) => {
                let spelling = SpellingArgs {
                    enabled: !no_spelling,
                    dictionary,
                    personal: !no_personal,
                };
                check(draft, today, format, style.map(ExportStyle::from), spelling)
            }
            None => EXIT_BAD_INPUT, // clap requires one of them
        },
        Command::New {
            template,
            profile,
            output,
            force,
            today,
        } => new_draft(&template, profile.as_deref(), &output, force, today),
        Command::Templates => list_templates(),
        Command::Import {
            text,
            output,
            force,
        } => import_text(&text, output.as_deref(), force),
        Command::Versions { draft } => list_versions(&draft),
        Command::Diff {
            old,
            new,
            version,
            format,
            output,
        } => diff(&old, new.as_deref(), version, format, output.as_deref()),
    }
}

fn list_versions(draft: &Path) -> u8 {
    let index = match versions::History::of(draft).list() {
        Ok(i) => i,
        Err(e) => {
            say(&e.to_string());
            return EXIT_BAD_INPUT;
        }
    };
    if index.versions.is_empty() && !draft.is_file() {
        say(&format!("{}: no such draft", draft.display()));
        return EXIT_BAD_INPUT;
    }
    let mut out = String::new();
    for v in index.versions.iter().rev() {
        let time = v
            .saved
            .with_timezone(&chrono::Local)
            .format("%Y-%m-%d %H:%M");
        out.push_str(&format!(
            "{:>4}  {time}  {:>7} words  {}\n",
            v.number,
            v.words,
            terminal_safe(&v.label)
        ));
    }
    if index.versions.is_empty() {
        say(&format!(
            "{}: no versions kept yet (each save keeps the content it replaces)",
            draft.display()
        ));
    }
    to_stdout(out.as_bytes()).err().unwrap_or(0)
}

/// A draft to compare: a `.txt` release is imported, anything else opened as a draft.
fn compare_input(path: &Path) -> Option<Draft> {
    let is_text = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    if !is_text {
        return open_draft(path);
    }
    match import::import_file(path) {
        Ok(i) => Some(i.draft),
        Err(e) => {
            say(&e.to_string());
            None
        }
    }
}

fn diff(
    old: &Path,
    new: Option<&Path>,
    version: Option<u32>,
    format: DiffFormat,
    output: Option<&Path>,
) -> u8 {
    let (old_draft, old_name) = match version {
        Some(n) => match versions::History::of(old).load(n) {
            Ok(d) => (d, format!("{} version {n}", old.display())),
            Err(e) => {
                say(&format!("version {n} of {}: {e}", old.display()));
                return EXIT_BAD_INPUT;
            }
        },
        None => match compare_input(old) {
            Some(d) => (d, old.display().to_string()),
            None => return EXIT_BAD_INPUT,
        },
    };
    let new = new.unwrap_or(old);
    let Some(new_draft) = compare_input(new) else {
        return EXIT_BAD_INPUT;
    };
    let r = redline::compare(&old_draft, &new_draft);
    let title = format!("{} against {old_name}", new.display());
    let bytes = match format {
        DiffFormat::Text => redline::to_text(&r).into_bytes(),
        DiffFormat::Html => redline::to_html(&r, &title).into_bytes(),
        DiffFormat::Docx if is_stdout(output) => {
            say("a Word redline needs -o FILE.docx");
            return EXIT_BAD_INPUT;
        }
        DiffFormat::Docx => match redline::to_docx(&r, &title, "Pressroom", chrono::Utc::now()) {
            Ok(b) => b,
            Err(e) => {
                say(&format!("cannot make the Word document: {e}"));
                return EXIT_BAD_INPUT;
            }
        },
    };
    let inputs = [old, new];
    let options = WriteOptions {
        inputs: &inputs,
        ..WriteOptions::plain(MAX_FILE_BYTES)
    };
    let bytes = if format == DiffFormat::Text && is_stdout(output) {
        // Line by line, so the line breaks stay and the user's control characters do not.
        String::from_utf8_lossy(&bytes)
            .split_inclusive('\n')
            .map(|l| terminal_safe(l.trim_end_matches('\n')).into_owned() + "\n")
            .collect::<String>()
            .into_bytes()
    } else {
        bytes
    };
    match write_out(output, &bytes, &options) {
        0 if r.is_same() => 0,
        0 => EXIT_FAILURE,
        _ => EXIT_BAD_INPUT,
    }
}

/// Reports a command-line error from clap (or prints `--help` / `--version`); the exit
/// status: 0 for help written, 1 when it could not be written, 2 for a usage error.
pub fn usage(e: clap::Error) -> u8 {
    let to_stdout = !e.use_stderr();
    let printed = e.print().and_then(|()| {
        if to_stdout {
            std::io::stdout().flush()
        } else {
            std::io::stderr().flush()
        }
    });
    match (to_stdout, printed) {
        (true, Ok(())) => 0,
        (true, Err(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        (true, Err(e)) => {
            say(&format!("standard output: {e}"));
            EXIT_FAILURE
        }
        (false, _) => EXIT_BAD_INPUT,
    }
}

fn import_text(path: &Path, output: Option<&Path>, force: bool) -> u8 {
    let imported = match import::import_file(path) {
        Ok(i) => i,
        Err(e) => {
            say(&e.to_string());
            return EXIT_BAD_INPUT;
        }
    };
    for note in &imported.notes {
        say(&format!("{}: {note}", path.display()));
    }
    write_draft(output, &imported.draft, &[path], force)
}

fn load_templates() -> Vec<templates::Template> {
    let (all, problems) = templates::load_all(templates::user_dir().as_deref());
    for p in problems {
        say(&format!("warning: template skipped: {p}"));
    }
    all
}

fn list_templates() -> u8 {
    let mut out = String::new();
    for t in load_templates() {
        // Names, descriptions and placeholders come from the user's files: terminal-safe.
        let from = t
            .source
            .as_ref()
            .map(|p| format!(" ({})", shown(p)))
            .unwrap_or_default();
        out.push_str(&format!(
            "{:<14} {}{from}\n",
            terminal_safe(&t.id),
            terminal_safe(&t.name)
        ));
        out.push_str(&format!("{:<14} {}\n", "", terminal_safe(&t.description)));
        out.push_str(&format!(
            "{:<14} placeholders: {}\n\n",
            "",
            terminal_safe(&t.placeholders().join(" "))
        ));
    }
    to_stdout(out.as_bytes()).err().unwrap_or(0)
}

fn new_draft(
    template: &str,
    profile: Option<&str>,
    output: &Path,
    force: bool,
    today: Option<chrono::NaiveDate>,
) -> u8 {
    let all = load_templates();
    let Some(t) = templates::find(&all, template) else {
        let ids: Vec<&str> = all.iter().map(|t| t.id.as_str()).collect();
        say(&format!(
            "no template named '{template}'; there are: {}",
            ids.join(", ")
        ));
        return EXIT_BAD_INPUT;
    };
    let store = profiles::ProfileStore::default_dir().map(profiles::ProfileStore::new);
    let mut profile_file = None;
    let chosen = match (profile, &store) {
        (Some(slug), Some(store)) => {
            let p = store.dir().join(format!("{slug}.ron"));
            match profiles::load(&p) {
                Ok(loaded) => {
                    profile_file = Some(p);
                    Some(loaded)
                }
                Err(e) => {
                    say(&format!("profile '{slug}': {e}"));
                    return EXIT_BAD_INPUT;
                }
            }
        }
        (Some(slug), None) => {
            say(&format!(
                "profile '{slug}': no config directory on this system"
            ));
            return EXIT_BAD_INPUT;
        }
        (None, Some(store)) => store.default_profile(),
        (None, None) => None,
    };
    let mut draft = t.draft.clone();
    let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
    if let Some(p) = &chosen {
        p.apply(&mut draft, chrono::Datelike::year(&today));
    }
    let draft = templates::dated(draft, today);
    // The template's and profile's own files are inputs: never written over.
    let inputs: Vec<&Path> = t
        .source
        .iter()
        .chain(&profile_file)
        .map(PathBuf::as_path)
        .collect();
    let status = write_draft(Some(output), &draft, &inputs, force);
    if status != 0 {
        return status;
    }
    let left = templates::placeholders(&draft);
    say(&format!(
        "wrote {} from the '{}' template{}; {} placeholders to fill",
        if is_stdout(Some(output)) {
            "standard output".to_string()
        } else {
            output.display().to_string()
        },
        t.id,
        chosen
            .map(|p| format!(" and the '{}' profile", p.name))
            .unwrap_or_default(),
        left.len()
    ));
    0
}

/// The spelling findings of `check`: in the dictionary asked for (or the draft's, or
/// en_US), with the personal word list and the profiles' words unless left out. A word
/// list or profile that cannot be read is reported on standard error and skipped; a
/// dictionary that cannot be loaded is an error.
fn spelling_findings(
    draft: &crate::core::draft::Draft,
    args: &SpellingArgs,
) -> Result<Vec<checks::Finding>, String> {
    use crate::core::spelling::{self, PersonalList, dictionaries};
    let lang = args
        .dictionary
        .clone()
        .or_else(|| draft.spelling.language.clone())
        .unwrap_or_else(|| dictionaries::BUILTIN.into());
    let available = dictionaries::available(&dictionaries::search_dirs());
    let speller = dictionaries::load(&lang, &available).map_err(|e| {
        let langs: Vec<&str> = available.iter().map(|a| a.lang.as_str()).collect();
        format!("spelling: {e} (found: {})", langs.join(", "))
    })?;
    let (mut profiles, mut personal) = (Vec::new(), Vec::new());
    if args.personal {
        if let Some(path) = PersonalList::default_path() {
            match PersonalList::load(&path) {
                Ok(list) => personal = list.words,
                Err(e) => eprintln!(
                    "pressroom: personal word list skipped: {}",
                    terminal_safe(&e)
                ),
            }
        }
        if let Some(dir) = crate::core::profiles::ProfileStore::default_dir() {
            let (list, problems) = crate::core::profiles::ProfileStore::new(dir).list();
            for p in problems {
                eprintln!("pressroom: profile skipped: {}", terminal_safe(&p));
            }
            profiles = list.into_iter().map(|(_, p)| p).collect();
        }
    }
    let accepted = spelling::accepted(draft, &profiles, &personal);
    Ok(spelling::check(draft, &speller, &accepted))
}

/// `check --explain RULE`: the rule's explanation, from the registry.
fn explain(rule: &str) -> u8 {
    match rules::find(rule.trim()) {
        Some(r) => to_stdout(r.explain().as_bytes()).err().unwrap_or(0),
        None => {
            let ids: Vec<&str> = rules::ALL.iter().map(|r| r.id).collect();
            say(&format!(
                "no rule '{}'; the rules are: {}",
                terminal_safe(rule),
                ids.join(", ")
            ));
            EXIT_BAD_INPUT
        }
    }
}

/// `check --edgar-html FILE`: EDGAR's HTML rules on a file made anywhere.
fn check_edgar_html(path: &Path, format: Format) -> u8 {
    let bytes = match safe_fs::read_limited(path, MAX_FILE_BYTES) {
        Ok(b) if b.len() as u64 <= MAX_FILE_BYTES => b,
        Ok(_) => {
            say(&format!(
                "{}: over {}",
                path.display(),
                safe_fs::describe_limit(MAX_FILE_BYTES)
            ));
            return EXIT_BAD_INPUT;
        }
        Err(e) => {
            say(&format!("{}: {e}", path.display()));
            return EXIT_BAD_INPUT;
        }
    };
    let problems = edgar_validate::validate(&bytes);
    let text = match format {
        Format::Text => {
            let file = shown(path);
            let mut t: String = problems
                .iter()
                .map(|p| format!("{file}:{}\n", terminal_safe(&p.to_string())))
                .collect();
            t.push_str(&format!(
                "{file}: {} problem{} for EDGAR\n",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            ));
            t
        }
        Format::Json => {
            let report = serde_json::json!({
                "file": path.display().to_string(),
                "problems": problems,
            });
            format!("{report:#}\n")
        }
    };
    if let Err(status) = to_stdout(text.as_bytes()) {
        return status;
    }
    if problems.is_empty() { 0 } else { EXIT_FAILURE }
}

fn check(
    path: PathBuf,
    today: Option<chrono::NaiveDate>,
    format: Format,
    style: Option<ExportStyle>,
    spelling: SpellingArgs,
) -> u8 {
    let Some(draft) = open_draft(&path) else {
        return EXIT_BAD_INPUT;
    };
    let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let style = style
        .unwrap_or(ExportStyle::of_draft(&draft))
        .text_style(&draft);
    let mut findings = checks::check(&draft, today, style);
    if spelling.enabled {
        match spelling_findings(&draft, &spelling) {
            Ok(f) => findings.extend(f),
            Err(e) => {
                eprintln!("pressroom: {}", terminal_safe(&e));
                return EXIT_BAD_INPUT;
            }
        }
    }
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let errors = count(Severity::Error);
    let text = match format {
        Format::Text => {
            // Every line quotes the user's text: terminal-safe, so an escape sequence in a
            // field cannot retitle or clear the terminal and hide these lines.
            let file = shown(&path);
            let mut t: String = findings
                .iter()
                .map(|f| {
                    format!(
                        "{file}: {} {}: {} [{}]\n",
                        f.severity.label(),
                        f.rule,
                        terminal_safe(&f.message),
                        terminal_safe(&f.place)
                    )
                })
                .collect();
            // The same summary as the window's status bar ("1 error, 2 warnings, 0 notes").
            t.push_str(&format!("{file}: {}\n", checks::summary(&findings)));
            t
        }
        Format::Json => {
            // JSON escapes control characters itself.
            let report = serde_json::json!({
                "file": path.display().to_string(),
                "today": today.to_string(),
                "errors": errors,
                "warnings": count(Severity::Warning),
                "notes": count(Severity::Note),
                "findings": findings,
            });
            format!("{report:#}\n")
        }
    };
    if let Err(status) = to_stdout(text.as_bytes()) {
        return status;
    }
    if errors > 0 { EXIT_FAILURE } else { 0 }
}

/// `pressroom export`'s switches.
struct ExportFlags {
    fragment: bool,
    comments: bool,
}

fn export(
    path: PathBuf,
    style: Option<ExportStyle>,
    flags: ExportFlags,
    output: Option<PathBuf>,
) -> u8 {
    let ExportFlags { fragment, comments } = flags;
    let Some(draft) = open_draft(&path) else {
        return EXIT_BAD_INPUT;
    };
    let style = style.unwrap_or(ExportStyle::of_draft(&draft));
    // Comments go only into Word: refuse rather than quietly leave them out.
    if comments && style != ExportStyle::Docx {
        say(&format!(
            "--comments is for Word (--style docx) only: {} never carries comments",
            style.label()
        ));
        return EXIT_BAD_INPUT;
    }
    let options = ExportOptions {
        fragment,
        comments,
        ..ExportOptions::for_paths(
            Some(&path),
            output.as_deref().filter(|o| !is_stdout(Some(o))),
        )
    };
    let rendered = match export::export(&draft, style, &options) {
        Ok(r) => r,
        Err(e) => {
            say(&format!(
                "{}: cannot export {}: {e}",
                path.display(),
                style.label()
            ));
            return EXIT_FAILURE;
        }
    };
    if is_stdout(output.as_deref()) && (rendered.binary || !rendered.side_files.is_empty()) {
        let why = if rendered.binary {
            "is not text"
        } else {
            "has a logo to write beside it"
        };
        say(&format!(
            "{} {why}: give a file with -o (e.g. -o release.{})",
            style.label(),
            style.extension()
        ));
        return EXIT_BAD_INPUT;
    }
    for u in &rendered.unprintable {
        say(&format!(
            "warning: {}: {}",
            path.display(),
            u.describe(&draft)
        ));
    }
    for f in checks::control_characters(&draft) {
        say(&format!(
            "warning: {}: {}: {}",
            path.display(),
            f.place,
            f.message
        ));
    }
    let inputs = [path.as_path()];
    let options = WriteOptions {
        inputs: &inputs,
        ..WriteOptions::plain(MAX_FILE_BYTES)
    };
    if let Some(dir) = output.as_deref().and_then(Path::parent) {
        for f in &rendered.side_files {
            let status = write_out(Some(&dir.join(&f.name)), &f.bytes, &options);
            if status != 0 {
                return status;
            }
        }
    }
    write_out(output.as_deref(), &rendered.main, &options)
}
