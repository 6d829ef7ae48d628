//! The headless command line: `pressroom export`, for scripts and CI.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::core::draft::Style;
use crate::core::{draft_file, render};

#[derive(Parser, Debug)]
#[command(
    name = "pressroom",
    version,
    about = "Compose press releases as structured drafts; export EDGAR and newswire text.",
    long_about = "Compose press releases as structured drafts; export EDGAR and newswire text.\n\n\
        With no arguments, opens the editor window. With a FILE, opens that draft in the window.\n\
        Subcommands work without a window, for scripts and CI.\n\n\
        Exit status: 0 success, 1 failure (e.g. cannot write the output), 2 an input cannot be read or parsed.",
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

/// Runs a subcommand; returns the process exit status.
pub fn run(command: Command) -> u8 {
    match command {
        Command::Export {
            draft,
            style,
            output,
        } => export(draft, style.map(Style::from), output),
    }
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
        eprintln!("pressroom: warning: {}: {u}", path.display());
    }
    let written = match &output {
        Some(out) => draft_file::write_atomically(out, rendered.text.as_bytes())
            .map_err(|e| format!("{}: cannot write: {e}", out.display())),
        None => std::io::stdout()
            .lock()
            .write_all(rendered.text.as_bytes())
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
