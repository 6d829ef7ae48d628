//! The real binary in a real window under Xvfb, driven with xdotool and read back with
//! a screenshot and OCR: what a user would see.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TOOLS: [&str; 5] = ["xvfb-run", "xdotool", "import", "identify", "tesseract"];

/// False (after saying so) when the display tools are missing outside CI; CI must have them.
fn tools_present() -> bool {
    let on_path = |tool: &str| {
        std::env::var_os("PATH")
            .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(tool).is_file()))
    };
    if let Some(missing) = TOOLS.iter().find(|t| !on_path(t)) {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install {missing} (see .ci/run)"
        );
        eprintln!("skipped: {missing} is not installed (see the README's test set-up)");
        return false;
    }
    true
}

/// One X server at a time: two `xvfb-run -a` started together can pick the same display.
static DISPLAY: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Runs a shell script on its own X display with the binary and a private HOME.
fn under_xvfb(home: &Path, script: &str, draft: Option<&Path>) -> Output {
    let _one_at_a_time = DISPLAY.lock().unwrap_or_else(|e| e.into_inner());
    let shared = r#"
        wait_window() {
          for _ in $(seq 1 300); do
            win=$(xdotool search --name "$1" 2>/dev/null | head -1) && [ -n "$win" ] && return 0
            sleep 0.2
          done
          echo "no window titled $1"; return 1
        }
        ocr() { convert "$1" -resize 200% -colorspace Gray -negate "$1.ocr.png" && tesseract "$1.ocr.png" - 2>/dev/null; }
    "#;
    // -noreset: by default the X server resets when its last client goes, and a window
    // started again just after a `kill -9` can find no server to connect to (seen in CI).
    Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1400x900x24 -noreset", "bash", "-c"])
        .arg(format!("set -u\n{shared}\n{script}"))
        .env("BIN", env!("CARGO_BIN_EXE_pressroom"))
        .env("DRAFT", draft.unwrap_or(Path::new("")))
        .env("HOME", home)
        .env("XDG_RUNTIME_DIR", home)
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap()
}

fn text(out: &Output) -> String {
    format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn the_real_window_opens_an_example_draft() {
    if !tools_present() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let shot = home.path().join("window.png");
    let draft = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/earnings-embargoed.ron");
    let script = format!(
        r#"
        "$BIN" "$DRAFT" & pid=$!
        wait_window 'earnings-embargoed.ron' || {{ kill $pid; exit 1; }}
        xdotool getwindowname "$win"
        sleep 2
        import -window "$win" '{shot}'
        identify -format 'colours=%k\n' '{shot}'
        ocr '{shot}'
        kill $pid; wait $pid 2>/dev/null || true
    "#,
        shot = shot.display()
    );
    let out = under_xvfb(home.path(), &script, Some(&draft));
    let all = text(&out);
    assert!(out.status.success(), "{all}");
    assert!(
        all.contains("earnings-embargoed.ron \u{2014} Pressroom"),
        "title: {all}"
    );
    assert!(
        !all.contains('\u{2022}'),
        "a freshly opened draft is not marked unsaved"
    );
    // The form and the preview both drew the draft.
    assert!(all.contains("Northwind Instruments"), "OCR: {all}");
    assert!(
        all.contains("NORTHWIND INSTRUMENTS REPORTS"),
        "preview headline in capitals: {all}"
    );
    if let Ok(copy) = std::env::var("PRESSROOM_SCREENSHOT") {
        std::fs::copy(&shot, copy).unwrap();
    }
}

fn recovery_dir(home: &Path) -> PathBuf {
    home.join(".local/share/pressroom/recovery")
}

#[test]
fn typing_survives_kill_9_and_is_offered_at_the_next_start() {
    if !tools_present() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let shot = home.path().join("restart.png");
    // Type, wait past the autosave interval, type more and kill at once: the first part
    // must come back; the last second or so of typing may not.
    let script = format!(
        r#"
        "$BIN" & pid=$!
        wait_window 'Untitled' || {{ kill $pid; exit 1; }}
        sleep 1
        xdotool windowfocus "$win" 2>/dev/null || true
        xdotool type --delay 30 'Typed before the crash'
        sleep 4.5
        xdotool type --delay 30 ' and after'
        kill -9 $pid; wait $pid 2>/dev/null || true
        echo "--- recovery files:"; ls '{dir}'
        "$BIN" & pid=$!
        wait_window 'Pressroom' || {{ kill $pid; exit 1; }}
        sleep 2
        import -window "$win" '{shot}'
        ocr '{shot}'
        kill $pid; wait $pid 2>/dev/null || true
    "#,
        dir = recovery_dir(home.path()).display(),
        shot = shot.display()
    );
    let out = under_xvfb(home.path(), &script, None);
    let all = text(&out);
    assert!(out.status.success(), "{all}");
    let copies: Vec<_> = std::fs::read_dir(recovery_dir(home.path()))
        .unwrap()
        .collect();
    assert_eq!(copies.len(), 1, "{all}");
    let saved = std::fs::read_to_string(copies[0].as_ref().unwrap().path()).unwrap();
    assert!(saved.contains("Typed before the crash"), "{saved}");
    assert!(
        all.contains("Recover unsaved drafts"),
        "offered at restart: {all}"
    );
    assert!(
        all.contains("Typed before the crash"),
        "the typed text is shown: {all}"
    );
    if let Ok(copy) = std::env::var("PRESSROOM_RECOVERY_SCREENSHOT") {
        std::fs::copy(&shot, copy).unwrap();
    }
}
