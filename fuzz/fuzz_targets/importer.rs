//! Any text as a release: import never panics, and its draft exports in both styles.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pressroom::core::draft::Style;
use pressroom::core::{import, render};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let imported = import::import(&text);
    for style in Style::ALL {
        let _ = render::render_as(&imported.draft, style);
    }
});
