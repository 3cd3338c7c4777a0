//! The app's state and where the user's data lives.
//!
//! State is one [`AppState`]: the [`Library`] of articles (read-only, each parsed the first time
//! it is opened) and the [`Store`] behind a `Mutex`. One connection owned by the app, rather
//! than a pool, because SQLite serialises writers anyway, every command is a short transaction,
//! and a single owner makes "this write is committed before the UI hears success" easy to see.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use margin_core::content::Article;
use margin_core::library::Library;
use margin_core::store::{Store, DATABASE_FILE};
use margin_core::Result;

/// The environment variable that overrides the data directory (tests, portable installs).
pub const DATA_DIR_ENV: &str = "MARGIN_DATA_DIR";

/// The app's identifier in tauri.conf.json; Tauri names the app-data folder after it.
pub const IDENTIFIER: &str = "app.margin.reader";

/// The data folder named by `MARGIN_DATA_DIR`, if it is set (and not empty).
pub fn data_dir_override() -> Option<PathBuf> {
    std::env::var_os(DATA_DIR_ENV)
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
}

/// The data folder the app and the command line use: `MARGIN_DATA_DIR`, or the OS app-data
/// folder exactly as Tauri's `app_data_dir()` resolves it (the OS data dir joined with the
/// identifier), so the CLI finds the app's database without a Tauri app to ask.
pub fn data_dir() -> Result<PathBuf, String> {
    match data_dir_override() {
        Some(dir) => Ok(dir),
        None => dirs::data_dir()
            .map(|d| d.join(IDENTIFIER))
            .ok_or_else(|| "cannot find the OS app-data folder; set MARGIN_DATA_DIR".to_string()),
    }
}

/// Everything the commands share.
pub struct AppState {
    /// The articles Margin can open.
    pub library: Library,
    /// The user's database.
    pub store: Mutex<Store>,
    /// Where the database lives.
    pub data_dir: PathBuf,
    /// When `run()` started: the origin of the startup trace.
    pub started: Instant,
    /// How long after `started` the state was ready (database open); traced.
    pub state_ready: Duration,
}

impl AppState {
    /// Opens the database in the data folder. No article is parsed yet: the reader's first
    /// `open_reader` parses the one it shows.
    pub fn build(started: Instant) -> Result<AppState, String> {
        let data_dir = data_dir()?;
        let store = Store::open_in_dir(&data_dir).map_err(|e| {
            format!(
                "cannot open {}: {e}",
                data_dir.join(DATABASE_FILE).display()
            )
        })?;
        Ok(AppState {
            library: Library::builtin(),
            store: Mutex::new(store),
            data_dir,
            started,
            state_ready: started.elapsed(),
        })
    }

    /// The article with this id, or the default one.
    pub fn article(&self, id: Option<&str>) -> Result<&Article> {
        self.library
            .get(id.unwrap_or_else(|| self.library.default_id()))
    }

    /// Runs `f` with the store locked.
    pub fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        // A panic while holding the lock cannot leave a half-written transaction behind (SQLite
        // rolls it back), so a poisoned lock is still safe to use.
        let mut store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut store)
    }
}

#[cfg(test)]
mod tests {
    use super::IDENTIFIER;

    #[test]
    fn the_identifier_matches_the_tauri_config() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
        assert_eq!(conf["identifier"], IDENTIFIER);
    }
}
