//! Start-up: from launch to the first frame on screen, with a typical draft open, under
//! Xvfb, against a bare eframe window that shows one label; and resident memory at that
//! first frame. `cargo bench --bench startup` (needs Xvfb; skipped without it). Both
//! windows report and close through the same probe (`pressroom::shell::probe`).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use criterion::Criterion;
use pressroom::shell::probe::{self, FirstFrameProbe};

/// Set in the environment of this program run again as the bare window.
const BARE: &str = "PRESSROOM_BENCH_BARE_WINDOW";

/// The yardstick: an eframe window, the size of Pressroom's, with one label.
fn bare_window() {
    struct Bare(Option<FirstFrameProbe>);
    impl eframe::App for Bare {
        fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
            egui::CentralPanel::default().show(ui, |ui| ui.label("Hello"));
            if let Some(p) = &mut self.0 {
                p.after_frame(ui.ctx());
            }
        }
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1280.0, 820.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Bare",
        options,
        Box::new(|_| Ok(Box::new(Bare(FirstFrameProbe::from_env())))),
    )
    .expect("the bare window runs");
}

/// An X server of our own for the runs, stopped when dropped.
struct Xvfb(Child, String);

impl Xvfb {
    fn start() -> Option<Xvfb> {
        let mut child = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1400x900x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let mut line = String::new();
        BufReader::new(child.stdout.take()?)
            .read_line(&mut line)
            .ok()?;
        Some(Xvfb(child, format!(":{}", line.trim())))
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Launches a window and waits for it to report its first frame and close: the time
/// taken, and its resident memory then.
fn launch(command: &mut Command, display: &str, home: &Path) -> (Duration, u64) {
    let start = Instant::now();
    let out = command
        .env("DISPLAY", display)
        .env("HOME", home)
        .env("XDG_RUNTIME_DIR", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env_remove("WAYLAND_DISPLAY")
        .env(probe::ENV, "1")
        .stderr(Stdio::null())
        .output()
        .expect("the window starts");
    let took = start.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let rss = stdout
        .lines()
        .find_map(|l| l.strip_prefix("first-frame rss_kib="))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no first frame reported: {stdout}"));
    (took, rss)
}

fn median(mut v: Vec<u64>) -> u64 {
    v.sort_unstable();
    v[v.len() / 2]
}

fn main() {
    if std::env::var_os(BARE).is_some() {
        bare_window();
        return;
    }
    let Some(xvfb) = Xvfb::start() else {
        eprintln!("startup: skipped, Xvfb is not installed (see the README's test set-up)");
        return;
    };
    let home = tempfile::tempdir().expect("a temporary home");
    let draft = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/earnings-embargoed.ron");
    let me = std::env::current_exe().expect("this program's path");
    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    let mut memory: Vec<(&str, Vec<u64>)> = Vec::new();
    for (name, mut command) in [
        ("bare_eframe_window", {
            let mut c = Command::new(&me);
            c.env(BARE, "1");
            c
        }),
        ("pressroom_with_typical_draft", {
            let mut c = Command::new(env!("CARGO_BIN_EXE_pressroom"));
            c.arg(&draft);
            c
        }),
    ] {
        let mut rss = Vec::new();
        c.bench_function(&format!("startup/{name}"), |b| {
            b.iter_custom(|n| {
                let mut total = Duration::ZERO;
                for _ in 0..n {
                    let (took, kib) = launch(&mut command, &xvfb.1, home.path());
                    total += took;
                    rss.push(kib);
                }
                total
            })
        });
        memory.push((name, rss));
    }
    for (name, rss) in memory.into_iter().filter(|(_, r)| !r.is_empty()) {
        println!(
            "startup/{name}: resident at first frame, median {:.1} MiB",
            median(rss) as f64 / 1024.0
        );
    }
    c.final_summary();
}
