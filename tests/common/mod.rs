//! Helpers the integration tests share: running the binary, and a sample company profile.
#![allow(dead_code)] // each test file uses its own share of these

pub mod drafts;

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

/// Every example draft in `examples/`, sorted.
pub fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    v.sort();
    v
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

/// Runs `cmd` to the end, or kills it after `secs` seconds and fails: a hang is a failure,
/// not a test run that never ends.
pub fn output_within(cmd: &mut Command, secs: u64) -> Output {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = stdout.read_to_end(&mut b);
        b
    });
    let err = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = stderr.read_to_end(&mut b);
        b
    });
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed().as_secs() >= secs {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} still running after {secs} s: it hangs");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

/// The command with its address space limited to `bytes` (Unix), so a reader that does not
/// stop at the size limit fails quickly instead of eating the machine's memory.
#[cfg(unix)]
pub fn with_memory_limit(cmd: &mut Command, bytes: u64) -> &mut Command {
    use std::os::unix::process::CommandExt;
    unsafe {
        cmd.pre_exec(move || {
            let lim = libc::rlimit {
                rlim_cur: bytes as libc::rlim_t,
                rlim_max: bytes as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        })
    }
}

/// Makes a FIFO (named pipe) at `path` (Unix).
#[cfg(unix)]
pub fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
}

/// Whether the tests run as root (who can make device nodes and give files away).
#[cfg(unix)]
pub fn is_root() -> bool {
    unsafe { libc::geteuid() == 0 }
}

/// A draft file holding `draft` in `dir`.
pub fn write_draft(dir: &Path, name: &str, draft: &pressroom::core::draft::Draft) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, pressroom::core::draft_file::to_ron(draft)).unwrap();
    p
}

/// LibreOffice, found and ready: a profile folder of its own so runs never share one.
/// `None` (with a message) where `soffice` is not installed; in CI (`CI` set), which installs
/// it through `scripts/test`, its absence is a failure.
pub fn libreoffice() -> Option<tempfile::TempDir> {
    let Ok(status) = Command::new("soffice")
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
    else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install libreoffice-writer-nogui (see scripts/test)"
        );
        eprintln!("skipped: soffice (LibreOffice) is not installed");
        return None;
    };
    assert!(status.success());
    Some(tempfile::tempdir().unwrap())
}

/// A Word document as LibreOffice reads it, as plain text (written beside it as
/// `STEM.txt`). `None` (with a message) when LibreOffice does not finish in 120 s: it is a
/// guest here, so a hang skips the check rather than holding the build.
pub fn libreoffice_text(profile: &Path, docx: &Path) -> Option<String> {
    let txt = libreoffice_convert(profile, docx, "txt:Text (encoded):UTF8", "txt")?;
    let text = std::fs::read_to_string(&txt)
        .unwrap_or_else(|e| panic!("{}: LibreOffice wrote no text: {e}", docx.display()));
    Some(text)
}

/// A document converted by LibreOffice to `filter` (`odt`, `txt:Text (encoded):UTF8`),
/// written beside it as `STEM.EXT`; its path. `None` (with a message) when LibreOffice does
/// not finish in 120 s.
pub fn libreoffice_convert(profile: &Path, doc: &Path, filter: &str, ext: &str) -> Option<PathBuf> {
    let dir = doc.parent().unwrap();
    let mut child = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", filter, "--outdir"])
        .arg(dir)
        .arg(doc)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            eprintln!(
                "skipped: soffice did not finish converting {} in 120 s",
                doc.display()
            );
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    Some(dir.join(doc.file_stem().unwrap()).with_extension(ext))
}
