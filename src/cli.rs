//! The headless command line, for scripts and CI: export, check, import, new and templates.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::core::checks::{self, Severity};
use crate::core::draft::Style;
use crate::core::{draft_file, import, profiles, render, templates};

#[derive(Parser, Debug)]
#[command(
    name = "pressroom",
    version,
    about = "Compose press releases as structured drafts; export EDGAR and newswire text.",
    long_about = "Compose press releases as structured drafts; export EDGAR and newswire text.\n\n\
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
    /// Export a draft as formatted text (to standard output unless -o is given).
    Export {
        /// The draft to export (.ron).
        draft: PathBuf,
        /// Text style; without it, the style saved in the draft.
        #[arg(long, value_enum)]
        style: Option<StyleArg>,
        /// Write to this file (atomically) instead of standard output.
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
        /// Where to write the draft (refuses to overwrite an existing file).
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
    },
    /// List the templates, with their placeholders.
    Templates,
    /// Turn a plain-text release into a draft (to standard output unless -o is given).
    Import {
        /// The release as plain text.
        text: PathBuf,
        /// Where to write the draft (.ron).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Check a draft for what lawyers and editors look for (exit 1 if any error is found).
    Check {
        /// The draft to check (.ron).
        draft: PathBuf,
        /// The date to check against (YYYY-MM-DD); default today.
        #[arg(long, value_name = "DATE")]
        today: Option<chrono::NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// The style the release will go out in (EDGAR adds the ASCII check); default the draft's.
        #[arg(long, value_enum)]
        style: Option<StyleArg>,
    },
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
}

impl From<StyleArg> for Style {
    fn from(s: StyleArg) -> Style {
        match s {
            StyleArg::Edgar => Style::Edgar,
            StyleArg::Newswire => Style::Newswire,
        }
    }
}

/// Exit statuses the command line promises.
pub const EXIT_FAILURE: u8 = 1;
pub const EXIT_BAD_INPUT: u8 = 2;

/// Writes `text` to `output` atomically, or to standard output; the exit status.
fn write_out(output: Option<&std::path::Path>, text: &str) -> u8 {
    let written = match output {
        Some(out) => draft_file::write_atomically(out, text.as_bytes())
            .map_err(|e| format!("{}: cannot write: {e}", out.display())),
        None => std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .map_err(|e| format!("standard output: {e}")),
    };
    match written {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("pressroom: {e}");
            EXIT_FAILURE
        }
    }
}

/// Runs a subcommand; returns the process exit status.
pub fn run(command: Command) -> u8 {
    match command {
        Command::Export {
            draft,
            style,
            output,
        } => export(draft, style.map(Style::from), output),
        Command::Check {
            draft,
            today,
            format,
            style,
        } => check(draft, today, format, style.map(Style::from)),
        Command::New {
            template,
            profile,
            output,
        } => new_draft(&template, profile.as_deref(), &output),
        Command::Templates => list_templates(),
        Command::Import { text, output } => import_text(&text, output.as_deref()),
    }
}

fn import_text(path: &std::path::Path, output: Option<&std::path::Path>) -> u8 {
    let imported = match import::import_file(path) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("pressroom: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    for note in &imported.notes {
        eprintln!("pressroom: {}: {note}", path.display());
    }
    let text = draft_file::to_ron(&imported.draft);
    write_out(output, &text)
}

fn load_templates() -> Vec<templates::Template> {
    let (all, problems) = templates::load_all(templates::user_dir().as_deref());
    for p in problems {
        eprintln!("pressroom: warning: template skipped: {p}");
    }
    all
}

fn list_templates() -> u8 {
    let mut out = String::new();
    for t in load_templates() {
        let from = t
            .source
            .as_ref()
            .map(|p| format!(" ({})", p.display()))
            .unwrap_or_default();
        out.push_str(&format!("{:<14} {}{from}\n", t.id, t.name));
        out.push_str(&format!("{:<14} {}\n", "", t.description));
        out.push_str(&format!(
            "{:<14} placeholders: {}\n\n",
            "",
            t.placeholders().join(" ")
        ));
    }
    if let Err(e) = std::io::stdout().lock().write_all(out.as_bytes()) {
        eprintln!("pressroom: standard output: {e}");
        return EXIT_FAILURE;
    }
    0
}

fn new_draft(template: &str, profile: Option<&str>, output: &std::path::Path) -> u8 {
    let all = load_templates();
    let Some(t) = templates::find(&all, template) else {
        let ids: Vec<&str> = all.iter().map(|t| t.id.as_str()).collect();
        eprintln!(
            "pressroom: no template named '{template}'; there are: {}",
            ids.join(", ")
        );
        return EXIT_BAD_INPUT;
    };
    let store = profiles::ProfileStore::default_dir().map(profiles::ProfileStore::new);
    let chosen = match (profile, &store) {
        (Some(slug), Some(store)) => match profiles::load(&store.dir().join(format!("{slug}.ron")))
        {
            Ok(p) => Some(p),
            Err(e) => {
                eprintln!("pressroom: profile '{slug}': {e}");
                return EXIT_BAD_INPUT;
            }
        },
        (Some(slug), None) => {
            eprintln!("pressroom: profile '{slug}': no config directory on this system");
            return EXIT_BAD_INPUT;
        }
        (None, Some(store)) => store.default_profile(),
        (None, None) => None,
    };
    let mut draft = t.draft.clone();
    let year = chrono::Datelike::year(&chrono::Local::now().date_naive());
    if let Some(p) = &chosen {
        p.apply(&mut draft, year);
    }
    if output.exists() {
        eprintln!(
            "pressroom: {} already exists; not overwriting it",
            output.display()
        );
        return EXIT_FAILURE;
    }
    if let Err(e) = draft_file::save(output, &draft) {
        eprintln!("pressroom: {}: cannot write: {e}", output.display());
        return EXIT_FAILURE;
    }
    let left = templates::placeholders(&draft);
    eprintln!(
        "pressroom: wrote {} from the '{}' template{}; {} placeholders to fill",
        output.display(),
        t.id,
        chosen
            .map(|p| format!(" and the '{}' profile", p.name))
            .unwrap_or_default(),
        left.len()
    );
    0
}

fn check(
    path: PathBuf,
    today: Option<chrono::NaiveDate>,
    format: Format,
    style: Option<Style>,
) -> u8 {
    let draft = match draft_file::load(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("pressroom: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let findings = checks::check(&draft, today, style.unwrap_or(draft.export.style));
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let errors = count(Severity::Error);
    let text = match format {
        Format::Text => {
            let mut t: String = findings
                .iter()
                .map(|f| {
                    format!(
                        "{}: {} {}: {} [{}]\n",
                        path.display(),
                        f.severity.label(),
                        f.rule,
                        f.message,
                        f.place
                    )
                })
                .collect();
            t.push_str(&format!(
                "{}: {errors} errors, {} warnings, {} notes\n",
                path.display(),
                count(Severity::Warning),
                count(Severity::Note)
            ));
            t
        }
        Format::Json => {
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
    if let Err(e) = std::io::stdout().lock().write_all(text.as_bytes()) {
        eprintln!("pressroom: standard output: {e}");
        return EXIT_FAILURE;
    }
    if errors > 0 { EXIT_FAILURE } else { 0 }
}

fn export(path: PathBuf, style: Option<Style>, output: Option<PathBuf>) -> u8 {
    let draft = match draft_file::load(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("pressroom: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    let style = style.unwrap_or(draft.export.style);
    let rendered = render::render_as(&draft, style);
    for u in &rendered.unprintable {
        eprintln!(
            "pressroom: warning: {}: {}",
            path.display(),
            u.describe(&draft)
        );
    }
    write_out(output.as_deref(), &rendered.text)
}
