//! Integration tests for margin-core, one binary with a module per concern.

mod anchoring;
mod annotations;
mod backup;
mod content;
mod export;
mod full;
mod open;
mod revisions;
mod schema;
mod search;
mod store;

use std::path::PathBuf;

/// A file under `core/tests/data/`.
pub fn data_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}
