//! Any bytes as a draft file: an error or a draft, never a panic; a draft that loads
//! saves and loads back the same, with no field reported as ignored; every ignored field
//! reported has a name, and a line inside the file when one is given.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use pressroom::core::draft_file;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(opened) = draft_file::parse_reporting(text, Path::new("fuzz.ron")) {
        let lines = text.lines().count().max(1);
        for f in &opened.ignored {
            assert!(!f.name.is_empty(), "{f:?}");
            assert!(
                f.line.is_none_or(|l| l >= 1 && l <= lines),
                "{f:?} in {lines} lines"
            );
        }
        let again =
            draft_file::parse_reporting(&draft_file::to_ron(&opened.draft), Path::new("fuzz.ron"))
                .expect("a saved draft loads");
        assert_eq!(again.draft, opened.draft);
        assert!(again.ignored.is_empty(), "{:?}", again.ignored);
    }
});
