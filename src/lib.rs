//! Pressroom: structured press-release drafts, rendered to EDGAR and newswire text.
//!
//! [`core`] is pure and knows nothing of egui; [`shell`] is the egui window on top of
//! it; [`cli`] is the headless command line.

pub mod cli;
pub mod core;
#[cfg(feature = "gui")]
pub mod shell;
