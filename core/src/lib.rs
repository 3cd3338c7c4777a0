//! Margin's domain, free of Tauri and of any webview.
//!
//! - [`content`]: content packs (TOML front matter + Markdown) turned into blocks with stable ids,
//!   the HTML the reader paints, and the canonical plain text that anchors point into.
//! - [`store`]: the user's SQLite file: pragmas at open, append-only migrations, and one module
//!   per table family.
//!
//! Everything here is testable with `cargo test -p margin-core`, without a display.
#![deny(missing_docs)]

pub mod content;
pub mod error;
pub mod store;

pub use error::{Error, Result};
