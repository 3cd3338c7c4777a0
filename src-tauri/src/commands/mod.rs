//! The IPC commands, one module per feature; each command is one core call. Errors cross as
//! `{kind, message}`.
//!
//! Commands are `async` so Tauri runs them off the main (UI) thread.

pub mod annotations;
pub mod app;
mod arg;
pub use arg::Arg;
pub mod backups;
pub mod bookmarks;
pub mod notes;
pub mod reader;
pub mod search;
pub mod transfer;
