//! Helpers the integration tests share: running the binary, and a sample company profile.
#![allow(dead_code)] // each test file uses its own share of these

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pressroom::core::draft::Company;
use pressroom::core::profiles::Profile;

/// The `pressroom` binary, ready for arguments.
pub fn pressroom() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pressroom"))
}

/// The binary with a private HOME, so user templates and profiles come from `home`.
pub fn pressroom_at(home: &Path) -> Command {
    let mut c = pressroom();
    c.env("HOME", home)
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME");
    c
}

/// One of the example drafts in `examples/`.
pub fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

/// Fails with the command's error output unless it exited 0.
pub fn assert_ok(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A company profile for Acme Widget Corporation.
pub fn acme_profile() -> Profile {
    Profile {
        name: "Acme".into(),
        company: Company {
            name: "Acme Widget Corporation".into(),
            ticker: "ACMW".into(),
            exchange: "Nasdaq".into(),
            ..Default::default()
        },
        ..Default::default()
    }
}
