//! The user's SQLite file: everything Margin remembers lives here.
//!
//! - Opened with `journal_mode=WAL` and `synchronous=FULL`: a write the UI was told succeeded is
//!   on disk (WAL fsynced at commit) and survives a kill or a power cut. Thousands of commits a
//!   second is plenty for a person highlighting text.
//! - Schema changes are append-only migrations (rusqlite_migration, tracked in `user_version`).
//!   A shipped migration is never edited; a new one is added after it.
//! - One [`Store`] owns one connection; the app keeps it behind a mutex (see src-tauri). Writes
//!   are short `IMMEDIATE` transactions, so a second process (a CLI export while the app runs)
//!   waits on the busy timeout instead of failing half-way.

mod annotations;
pub mod backup;
mod bookmarks;
mod colours;
pub mod merge;
mod notes;
mod open;
mod preferences;
mod reading;

pub use annotations::{
    check_note, clean_tags, Annotation, AnnotationPatch, AnnotationRow, ImportReport,
    NewAnnotation, NOTE_MAX_CHARS, TAGS_MAX, TAG_MAX_CHARS,
};
pub use backup::{Backup, BackupKind};
pub use bookmarks::{Bookmark, NewBookmark, LABEL_MAX_CHARS};
pub use colours::{check_colour, Colour, COLOURS, MEANING_MAX_CHARS};
pub use notes::{Note, FREE_NOTE_MAX_CHARS};
pub use open::{set_aside, OpenProblem, APPLICATION_ID, TABLES_BY_VERSION};
pub use preferences::{FontSize, Preferences, PreferencesPatch, Theme};
pub use reading::ReadingPosition;

use std::path::Path;
use std::sync::LazyLock;
use std::time::Duration;

use rusqlite::{Connection, Transaction, TransactionBehavior};
use rusqlite_migration::{Migrations, M};

use crate::{Error, Result};

/// The file name of the database inside the data directory.
pub const DATABASE_FILE: &str = "margin.sqlite3";

/// Why a database opened for reading only cannot be saved to.
pub const CANNOT_WRITE: &str =
    "the folder or disk where Margin keeps your data cannot be written to";

/// How many migrations there are: the schema version of a current database.
const MIGRATIONS_COUNT: i64 = 4;

static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::new(vec![
        M::up(include_str!("migrations/0001_reader.sql")),
        M::up(include_str!("migrations/0002_annotations.sql")),
        M::up(include_str!("migrations/0003_trimmed_status.sql")),
        M::up(include_str!("migrations/0004_search.sql")),
    ])
});

/// The migrations, exposed so tests can `validate()` them.
pub fn migrations() -> &'static Migrations<'static> {
    &MIGRATIONS
}

/// An open, migrated database.
pub struct Store {
    conn: Connection,
    /// Why this database can only be read (see [`Store::open_read_only`]); `None` normally.
    read_only: Option<String>,
}

impl Store {
    /// Opens the database file at `path` (creating it, stamped as Margin's, if there is none)
    /// and migrates it to the latest schema. A file that is not Margin's sound database, or
    /// one from a newer Margin, is refused with [`Error::Unopenable`] before anything is
    /// written to it (see `open.rs`).
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists | std::io::ErrorKind::NotADirectory => {
                    Error::Unopenable {
                        path: path.to_path_buf(),
                        problem: OpenProblem::FolderIsAFile,
                    }
                }
                _ => Error::Io(e),
            })?;
        }
        let header = open::inspect_file(path)?;
        if let Some(header) = &header {
            open::check_owner(path, header, Self::latest_version())?;
        }
        let created = header.is_none();
        let conn = open::connect(path, !created)?;
        let opened = (|| {
            if !created {
                let version = open::check_sound(&conn, path, Self::latest_version())?;
                if version > 0 && version < Self::latest_version() {
                    // No update without its backup. Not being able to write one is not damage:
                    // the database is sound, so it is never offered to be set aside for it.
                    let dir = backup::dir_for(path);
                    backup::take(&conn, &dir, BackupKind::BeforeMigration).map_err(|e| {
                        Error::Unopenable {
                            path: path.to_path_buf(),
                            problem: OpenProblem::ReadOnly {
                                detail: format!("the backup before updating it failed: {e}"),
                            },
                        }
                    })?;
                    let _ = backup::prune(&dir);
                }
            }
            Self::setup(conn)
        })()
        .map_err(|e| open::first_write_failed(path, e));
        if opened.is_err() && created {
            open::remove_new(path);
        }
        opened
    }

    /// The schema version this build migrates to.
    pub fn latest_version() -> i64 {
        MIGRATIONS_COUNT
    }

    /// Opens `DATABASE_FILE` inside `dir`.
    pub fn open_in_dir(dir: &Path) -> Result<Store> {
        Self::open(&dir.join(DATABASE_FILE))
    }

    /// Opens Margin's database at `path` for reading only, when it cannot be written (a
    /// read-only folder or disk): the same checks as [`Store::open`] first, then every write
    /// is refused with [`Error::CannotSave`] saying `why`. Needs the current schema (an older
    /// one cannot be read without migrating it). A WAL database whose `-shm` cannot be made is
    /// read as immutable: what a crash left in its `-wal` is not shown then.
    pub fn open_read_only(path: &Path, why: &str) -> Result<Store> {
        let header = open::inspect_file(path)?.ok_or_else(|| Error::Unopenable {
            path: path.to_path_buf(),
            problem: OpenProblem::ReadOnly {
                detail: why.to_string(),
            },
        })?;
        open::check_owner(path, &header, Self::latest_version())?;
        let conn = open::connect_read_only(path)?;
        let version = open::check_sound(&conn, path, Self::latest_version())?;
        if version != Self::latest_version() {
            return Err(Error::Unopenable {
                path: path.to_path_buf(),
                problem: OpenProblem::ReadOnly {
                    detail: why.to_string(),
                },
            });
        }
        conn.busy_timeout(Duration::from_secs(5))?;
        Ok(Store {
            conn,
            read_only: Some(why.to_string()),
        })
    }

    /// Opens `DATABASE_FILE` in `dir` as [`Store::open`] does, or, where Margin cannot write
    /// (a read-only folder or disk, a full disk), for reading only when it can
    /// ([`Store::open_read_only`]); otherwise the first error.
    pub fn open_in_dir_or_read_only(dir: &Path) -> Result<Store> {
        match Self::open_in_dir(dir) {
            Err(Error::Unopenable {
                path,
                problem: OpenProblem::ReadOnly { detail },
            }) => Self::open_read_only(&path, CANNOT_WRITE).map_err(|_| Error::Unopenable {
                path,
                problem: OpenProblem::ReadOnly { detail },
            }),
            other => other,
        }
    }

    /// Why this database can only be read, if it can.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// An in-memory database, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(mut conn: Connection) -> Result<Store> {
        conn.busy_timeout(Duration::from_secs(5))?;
        // journal_mode answers with a row, so it is queried rather than executed.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        MIGRATIONS.to_latest(&mut conn)?;
        let stamped: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        if stamped != APPLICATION_ID {
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        Ok(Store {
            conn,
            read_only: None,
        })
    }

    /// The schema version (`user_version`).
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Runs `PRAGMA integrity_check` and returns its verdict (`"ok"` when sound).
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// Runs `f` in a short IMMEDIATE transaction: it takes the write lock up front, so it never
    /// fails half-way on a lock, and either all of `f` is committed or nothing is.
    /// On a database that can only be read, or when the disk refuses the write (full,
    /// read-only), the error is [`Error::CannotSave`].
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        if let Some(why) = &self.read_only {
            return Err(Error::CannotSave(why.clone()));
        }
        let run = || {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = f(&tx)?;
            tx.commit()?;
            Ok(value)
        };
        run().map_err(cannot_save)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// A write the disk refused, as the user should hear it; any other error as it is.
fn cannot_save(e: Error) -> Error {
    use rusqlite::ErrorCode;
    let code = match &e {
        Error::Database(d) => d.sqlite_error_code(),
        _ => None,
    };
    match code {
        Some(ErrorCode::DiskFull) => Error::CannotSave("the disk is full".into()),
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            Error::CannotSave(CANNOT_WRITE.into())
        }
        _ => e,
    }
}

/// A text column as text even when its bytes are not UTF-8 (another program wrote them, or the
/// disk damaged them): the bad bytes read as U+FFFD, so one such row does not stop the reader
/// from opening (issue 18). What is on disk is left as it is until the user changes that row.
pub(crate) fn text(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<String> {
    match r.get_ref(i)? {
        rusqlite::types::ValueRef::Text(bytes) => Ok(String::from_utf8_lossy(bytes).into_owned()),
        _ => r.get(i),
    }
}

/// A new time-ordered id (UUID v7): sorts by creation, unique across machines.
pub(crate) fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// The timestamp format every table uses: UTC, RFC 3339 with milliseconds.
pub(crate) const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
