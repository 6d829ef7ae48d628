use std::process::ExitCode;

use clap::Parser;
use pressroom::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
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
            eprintln!("pressroom: cannot open the window: {e}");
            ExitCode::from(cli::EXIT_FAILURE)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_file: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!("pressroom: built without the window (the `gui` feature); use a subcommand");
    ExitCode::from(cli::EXIT_FAILURE)
}
