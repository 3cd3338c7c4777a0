//! Margin's domain, free of Tauri and of any webview.
//!
//! - [`anchor`]: W3C text selectors for a passage, and finding it again (exact, moved, fuzzy or
//!   orphan) in a revised text.
//! - [`content`]: content packs (TOML front matter + Markdown) turned into blocks with stable ids,
//!   the HTML the reader paints, and the canonical plain text that anchors point into.
//! - [`library`]: the catalogue of articles by id, each parsed on first use.
//! - [`export`]: W3C Web Annotation JSON-LD and Markdown out, JSON-LD back in.
//! - [`store`]: the user's SQLite file: pragmas at open, append-only migrations, and one module
//!   per table family.
//!
//! Everything here is testable with `cargo test -p margin-core`, without a display.
#![deny(missing_docs)]

pub mod anchor;
pub mod content;
pub mod error;
pub mod export;
pub mod library;
pub mod markdown;
pub mod search;
pub mod store;

pub use error::{Error, Result};
