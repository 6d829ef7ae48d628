//! Any bytes as a draft file: an error or a draft, never a panic; a draft that loads
//! saves and loads back the same.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use pressroom::core::draft_file;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(draft) = draft_file::parse(text, Path::new("fuzz.ron")) {
        let again = draft_file::parse(&draft_file::to_ron(&draft), Path::new("fuzz.ron"))
            .expect("a saved draft loads");
        assert_eq!(again, draft);
    }
});
