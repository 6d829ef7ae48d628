//! The pure core: the draft, its file format, its renderings and its edit history.
//! Nothing here knows about egui, so the command line, tests and benchmarks use it directly.

pub mod checks;
pub mod draft;
pub mod draft_file;
pub mod edgar_validate;
pub mod export;
pub mod history;
pub mod import;
pub mod profiles;
pub mod recovery;
pub mod redline;
pub mod release;
pub mod render;
pub mod safe_fs;
pub mod safe_harbor;
pub mod spelling;
pub mod table;
pub mod templates;
pub mod versions;
pub mod walk;
pub mod words;
