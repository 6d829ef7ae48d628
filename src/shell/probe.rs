//! A start-up probe for the benchmarks: with `PRESSROOM_EXIT_AFTER_FIRST_FRAME` set, a
//! window prints its resident memory once its first frame is on screen, then closes.
//! Pressroom and the bare window it is measured against use this same code.

use egui::{Context, ViewportCommand};

pub const ENV: &str = "PRESSROOM_EXIT_AFTER_FIRST_FRAME";

pub struct FirstFrameProbe {
    frames: u32,
}

impl FirstFrameProbe {
    pub fn from_env() -> Option<Self> {
        std::env::var_os(ENV).map(|_| Self { frames: 0 })
    }

    /// Call at the end of every frame.
    pub fn after_frame(&mut self, ctx: &Context) {
        self.frames += 1;
        if self.frames == 1 {
            // The first frame is painted before the second begins.
            ctx.request_repaint();
            return;
        }
        if self.frames == 2 {
            println!("first-frame rss_kib={}", resident_kib().unwrap_or(0));
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }
}

/// The process's resident memory, where the system says.
fn resident_kib() -> Option<u64> {
    #[cfg(target_os = "linux")]
    {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}
