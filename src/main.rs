use std::process::ExitCode;

use clap::Parser;
use pressroom::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return ExitCode::from(cli::usage(e)),
    };
    match cli.command {
        Some(command) => ExitCode::from(cli::run(command)),
        None => open_window(cli.file),
    }
}

#[cfg(feature = "gui")]
fn open_window(file: Option<std::path::PathBuf>) -> ExitCode {
    match pressroom::shell::run(file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            cli::say(&format!("cannot open the window: {e}"));
            ExitCode::from(cli::EXIT_FAILURE)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_file: Option<std::path::PathBuf>) -> ExitCode {
    cli::say("built without the window (the `gui` feature); use a subcommand");
    ExitCode::from(cli::EXIT_FAILURE)
}
