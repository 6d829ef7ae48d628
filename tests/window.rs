//! The real binary in a real window under Xvfb: it opens an example draft, shows it
//! in the title, and draws a screenshot with more than a blank window in it.

use std::path::Path;
use std::process::Command;

fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(tool).is_file()))
}

#[test]
fn the_real_window_opens_an_example_draft() {
    let tools = ["xvfb-run", "xdotool", "import", "identify"];
    if let Some(missing) = tools.iter().find(|t| !on_path(t)) {
        // CI installs these; on a developer's machine without them the test says so.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install {missing} (see .ci/run)"
        );
        eprintln!(
            "skipped: {missing} is not installed (apt-get install xvfb xauth xdotool imagemagick)"
        );
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let shot = home.path().join("window.png");
    let draft = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/earnings-embargoed.ron");
    let script = r#"
        "$BIN" "$DRAFT" & pid=$!
        for _ in $(seq 1 150); do
          win=$(xdotool search --name 'earnings-embargoed.ron' 2>/dev/null | head -1) && [ -n "$win" ] && break
          sleep 0.2
        done
        if [ -z "${win:-}" ]; then echo "no window titled after the draft"; kill $pid; exit 1; fi
        xdotool getwindowname "$win"
        sleep 2
        import -window "$win" "$SHOT"
        kill $pid
        wait $pid 2>/dev/null || true
    "#;
    let out = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1400x900x24", "bash", "-c", script])
        .env("BIN", env!("CARGO_BIN_EXE_pressroom"))
        .env("DRAFT", &draft)
        .env("SHOT", &shot)
        .env("HOME", home.path())
        .env("XDG_RUNTIME_DIR", home.path())
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("earnings-embargoed.ron \u{2014} Pressroom"),
        "title: {stdout}"
    );
    assert!(
        !stdout.contains('\u{2022}'),
        "a freshly opened draft is not marked unsaved"
    );
    // A drawn editor has antialiased text in many shades; a blank or black window has a few.
    let colours = Command::new("identify")
        .args(["-format", "%k"])
        .arg(&shot)
        .output()
        .unwrap();
    let n: u32 = String::from_utf8_lossy(&colours.stdout)
        .trim()
        .parse()
        .unwrap_or(0);
    assert!(n > 200, "the screenshot has only {n} colours");
    if let Ok(dir) = std::env::var("PRESSROOM_SCREENSHOT") {
        std::fs::copy(&shot, dir).unwrap();
    }
}
