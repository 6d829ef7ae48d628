use std::process::ExitCode;

use clap::Parser;
use pressroom::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => ExitCode::from(cli::run(command)),
        None => match pressroom::shell::run(cli.file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("pressroom: cannot open the window: {e}");
                ExitCode::from(cli::EXIT_FAILURE)
            }
        },
    }
}
