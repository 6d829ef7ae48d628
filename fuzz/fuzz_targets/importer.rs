//! Any text as a release: import never panics, and its draft exports in both styles; the
//! control-character notes point at lines of the text; messages quoting it are terminal-safe.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pressroom::cli::terminal_safe;
use pressroom::core::draft::Style;
use pressroom::core::{checks, import, render};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let imported = import::import(&text);
    for style in Style::ALL {
        let _ = render::render_as(&imported.draft, style);
    }
    let lines = text.split('\n').count();
    for note in import::control_character_notes(&text) {
        assert!(note.line >= 1 && note.line <= lines, "{note}");
    }
    let _ = checks::control_characters(&imported.draft);
    let safe = terminal_safe(&text);
    assert!(!safe.chars().any(char::is_control), "{safe:?}");
});
