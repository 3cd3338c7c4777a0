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
use margin_core::store::{backup, Backup, OpenProblem, Store, DATABASE_FILE};
use margin_core::{Error, Result};

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
    /// The user's database; `None` while it cannot be opened (the recovery screen shows why,
    /// from `trouble`). Private: every command goes through [`AppState::with_store`].
    store: Mutex<Option<Store>>,
    /// Why the database could not be opened (the file and the problem), until it is.
    trouble: Mutex<Option<Trouble>>,
    /// Where the database lives.
    pub data_dir: PathBuf,
    /// When `run()` started: the origin of the startup trace.
    pub started: Instant,
    /// How long after `started` the state was ready (database open); traced.
    pub state_ready: Duration,
}

impl AppState {
    /// Opens the database in the data folder. A database that cannot be opened is not an
    /// error here: the app starts anyway and the reader shows the recovery screen. No article
    /// is parsed yet: the reader's first `open_reader` parses the one it shows.
    pub fn build(started: Instant) -> Result<AppState, String> {
        let data_dir = data_dir()?;
        for removed in crate::files::clean_pending(&data_dir) {
            eprintln!(
                "margin: removed {}, left by an interrupted write",
                removed.display()
            );
        }
        let (store, trouble) = match open(&data_dir) {
            Ok(store) => (Some(store), None),
            Err(t) => {
                eprintln!("margin: {}", t.clone().error());
                (None, Some(t))
            }
        };
        Ok(AppState {
            library: Library::builtin(),
            store: Mutex::new(store),
            trouble: Mutex::new(trouble),
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

    /// Runs `f` with the store locked; while the database cannot be opened, says why.
    pub fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        // A panic while holding the lock cannot leave a half-written transaction behind (SQLite
        // rolls it back), so a poisoned lock is still safe to use.
        let mut store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        match store.as_mut() {
            Some(store) => f(store),
            None => Err(self.trouble().map_or_else(
                || Error::NotFound("no database is open".into()),
                Trouble::error,
            )),
        }
    }

    /// Why the database could not be opened, while it is not.
    pub fn trouble(&self) -> Option<Trouble> {
        self.trouble
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Tries to open the database again (after the user set the old one aside, or after
    /// another program let it go); on success the reader can start.
    pub fn reopen(&self) -> Result<()> {
        let mut store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        if store.is_some() {
            return Ok(()); // open already: nothing to retry
        }
        let mut trouble = self.trouble.lock().unwrap_or_else(|e| e.into_inner());
        match open(&self.data_dir) {
            Ok(opened) => {
                *store = Some(opened);
                *trouble = None;
                Ok(())
            }
            Err(t) => {
                *trouble = Some(t.clone());
                Err(t.error())
            }
        }
    }
}

impl AppState {
    /// Where the backups are (`backups` beside the database).
    pub fn backups_dir(&self) -> PathBuf {
        self.data_dir.join(backup::BACKUP_DIR)
    }

    /// The backup of this name in the backups folder: the page names a backup, never a path.
    pub fn backup_named(&self, name: &str) -> Result<Backup> {
        backup::list(&self.backups_dir())?
            .into_iter()
            .find(|b| b.name == name)
            .ok_or_else(|| {
                let name = margin_core::error::excerpt(name);
                Error::NotFound(format!("there is no backup called {name}"))
            })
    }

    /// The day's backup, if none was made today (see `Store::daily_backup`); the app asks at
    /// start and every hour. A failure is logged: it must not stop the reader.
    pub fn daily_backup(&self) {
        let dir = self.backups_dir();
        // Nothing can be written where a database is only read.
        let made = self.with_store(|store| match store.read_only() {
            Some(_) => Ok(None),
            None => store.daily_backup(&dir),
        });
        match made {
            Ok(Some(made)) => eprintln!("margin: backed up to {}", made.path.display()),
            // No database open (the recovery screen says why): nothing to back up.
            Ok(None) | Err(Error::Unopenable { .. }) => {}
            Err(e) => eprintln!("margin: the daily backup failed: {e}"),
        }
    }

    /// Sets the unopenable database aside and opens an empty one, all under the store's lock:
    /// refused when a database is open, or when the problem (checked again now) does not allow
    /// it. Returns where the old file went.
    pub fn start_fresh(&self) -> Result<PathBuf> {
        self.replace_unopenable(|_| Ok(()))
    }

    /// As [`AppState::start_fresh`], but the backup called `name` takes the old file's place.
    pub fn start_from_backup(&self, name: &str) -> Result<PathBuf> {
        let chosen = self.backup_named(name)?;
        backup::verify(&chosen.path)?;
        // Copied beside the database before anything is moved (a full disk fails here, with
        // the old file still in place), then renamed into the place the old one leaves: the
        // database file is whole or absent. A copy left by a crash is removed at the next start.
        let partial = self.data_dir.join(format!("{DATABASE_FILE}.restoring"));
        let copied = std::fs::copy(&chosen.path, &partial)
            .and_then(|_| std::fs::File::open(&partial)?.sync_all());
        if let Err(e) = copied {
            let _ = std::fs::remove_file(&partial);
            return Err(e.into());
        }
        let moved = self.replace_unopenable(|db| Ok(std::fs::rename(&partial, db)?));
        let _ = std::fs::remove_file(&partial);
        moved
    }

    /// Sets the unopenable database aside (if its problem allows), lets `put` place a new file
    /// at its path (or nothing, for an empty start), and opens what is there, under the store's
    /// lock. Returns where the old file went.
    fn replace_unopenable(
        &self,
        put: impl FnOnce(&std::path::Path) -> Result<()>,
    ) -> Result<PathBuf> {
        let mut store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        let mut trouble = self.trouble.lock().unwrap_or_else(|e| e.into_inner());
        if store.is_some() {
            return Err(Error::InvalidInput(
                "the database is open: nothing to set aside".into(),
            ));
        }
        // Again now, not as it was at start: the file may have changed meanwhile.
        let now = match open(&self.data_dir) {
            Ok(opened) => {
                *store = Some(opened);
                *trouble = None;
                return Err(Error::InvalidInput(
                    "the database opens now: nothing was set aside".into(),
                ));
            }
            Err(t) => t,
        };
        if !now.problem.allows_fresh_start() {
            let refusal = Error::InvalidInput(format!(
                "{} is not set aside ({}): Margin keeps it as it is",
                now.path.display(),
                now.problem
            ));
            *trouble = Some(now);
            return Err(refusal);
        }
        let moved = margin_core::store::set_aside(&now.path)?;
        eprintln!(
            "margin: moved {} to {}",
            now.path.display(),
            moved.display()
        );
        put(&now.path)?;
        match open(&self.data_dir) {
            Ok(opened) => {
                *store = Some(opened);
                *trouble = None;
                Ok(moved)
            }
            Err(t) => {
                *trouble = Some(t.clone());
                Err(t.error())
            }
        }
    }
}

/// The database file Margin could not open, and why.
#[derive(Debug, Clone)]
pub struct Trouble {
    pub path: PathBuf,
    pub problem: OpenProblem,
}

impl Trouble {
    /// As the error every command that needs the store returns meanwhile.
    pub fn error(self) -> Error {
        Error::Unopenable {
            path: self.path,
            problem: self.problem,
        }
    }
}

/// Opens the store in `dir`; any failure is a trouble with the database file. A database in a
/// folder or on a disk Margin cannot write is opened for reading only, when it can be.
fn open(dir: &std::path::Path) -> Result<Store, Trouble> {
    Store::open_in_dir_or_read_only(dir).map_err(|e| match e {
        Error::Unopenable { path, problem } => Trouble { path, problem },
        other => Trouble {
            path: dir.join(DATABASE_FILE),
            problem: OpenProblem::Failed {
                detail: other.to_string(),
            },
        },
    })
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
