//! Opening the user's database without harming anything that is not Margin's (issue 18).
//!
//! Before Margin writes a byte it makes sure the file is a SQLite database that Margin made:
//! its header says SQLite, its `application_id` is Margin's (or, for databases made before
//! Margin stamped one, it holds only Margin's tables), its schema is not from a newer Margin,
//! and `quick_check` finds it sound. Anything else is an [`OpenProblem`], which the app shows on
//! its recovery screen; the file is left exactly as it was until the user chooses to set it
//! aside ([`set_aside`]), which renames it (never deletes or overwrites it).

use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags};
use serde::Serialize;

use crate::{Error, Result};

/// Margin's mark in the database header (`PRAGMA application_id`): the bytes "Mrgn".
pub const APPLICATION_ID: i32 = 0x4d72_676e;

/// The tables each schema version has (index = `user_version`): an unstamped database must hold
/// exactly those of its version to count as Margin's. A test checks the last against a freshly
/// migrated database.
pub const TABLES_BY_VERSION: &[&[&str]] = &[
    &[],
    &["preferences", "reading_positions"],
    SCHEMA_2_TABLES,
    // Schema 3 rebuilt `annotations` with one more status; the tables are those of 2.
    SCHEMA_2_TABLES,
    // Schema 4 added the search index: its tables and FTS5's shadow tables.
    &[
        "annotation_tags",
        "annotations",
        "bookmarks",
        "colour_meanings",
        "notes",
        "preferences",
        "reading_positions",
        "search_articles",
        "search_items",
        "search_text",
        "search_text_config",
        "search_text_content",
        "search_text_data",
        "search_text_docsize",
        "search_text_idx",
    ],
];

/// The tables schema 2 made (annotations, their tags, colours, bookmarks, notes).
const SCHEMA_2_TABLES: &[&str] = &[
    "annotation_tags",
    "annotations",
    "bookmarks",
    "colour_meanings",
    "notes",
    "preferences",
    "reading_positions",
];

/// Why Margin will not open (or write to) the database file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum OpenProblem {
    /// The path is a folder, a device or a link to nothing.
    NotAFile,
    /// Where the data folder should be there is a file.
    FolderIsAFile,
    /// The file is not a SQLite database (empty, random bytes, a wrong header).
    NotADatabase,
    /// A SQLite database that is damaged (SQLite's own words in `detail`).
    Damaged {
        /// What SQLite said.
        detail: String,
    },
    /// A SQLite database made by another program.
    NotMargins,
    /// Made by a newer Margin: schema `found`, this one knows up to `supported`.
    TooNew {
        /// The file's schema version.
        found: i64,
        /// The newest this build knows.
        supported: i64,
    },
    /// The database file is gone but its write-ahead log (or rollback journal) is there, with
    /// changes that are in no database: a new database would throw them away.
    OnlyLog,
    /// Another program holds the database.
    Locked,
    /// Margin may not write there (a read-only folder or disk, or no permission).
    ReadOnly {
        /// What the system said.
        detail: String,
    },
    /// Anything else SQLite or the file system said.
    Failed {
        /// What was said.
        detail: String,
    },
}

impl OpenProblem {
    /// Whether setting the file aside and starting empty is a fair offer: the file is unusable
    /// as it is. Not for a newer Margin's database, one another program holds, a folder Margin
    /// cannot write, or a data folder that is a file (nothing there to set aside).
    pub fn allows_fresh_start(&self) -> bool {
        matches!(
            self,
            OpenProblem::NotAFile
                | OpenProblem::NotADatabase
                | OpenProblem::Damaged { .. }
                | OpenProblem::NotMargins
                | OpenProblem::OnlyLog
                | OpenProblem::Failed { .. }
        )
    }
}

impl std::fmt::Display for OpenProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenProblem::NotAFile => write!(f, "it is not a file"),
            OpenProblem::FolderIsAFile => write!(f, "its folder is a file"),
            OpenProblem::NotADatabase => write!(f, "it is not a database"),
            OpenProblem::Damaged { detail } => write!(f, "it is damaged ({detail})"),
            OpenProblem::NotMargins => write!(f, "it is another program's database"),
            OpenProblem::TooNew { found, supported } => write!(
                f,
                "it was made by a newer Margin (schema {found}; this one knows up to {supported})"
            ),
            OpenProblem::OnlyLog => write!(
                f,
                "it is missing, but its log of changes is there (Margin has not touched it)"
            ),
            OpenProblem::Locked => write!(f, "another program is using it"),
            OpenProblem::ReadOnly { detail } => write!(f, "Margin cannot write there ({detail})"),
            OpenProblem::Failed { detail } => write!(f, "it could not be opened ({detail})"),
        }
    }
}

fn problem(path: &Path, problem: OpenProblem) -> Error {
    Error::Unopenable {
        path: path.to_path_buf(),
        problem,
    }
}

/// What a SQLite failure while opening means for the user.
fn classify(path: &Path, e: rusqlite::Error) -> Error {
    let detail = e.to_string();
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            problem(path, OpenProblem::Locked)
        }
        Some(ErrorCode::NotADatabase) => problem(path, OpenProblem::NotADatabase),
        Some(ErrorCode::DatabaseCorrupt) => problem(path, OpenProblem::Damaged { detail }),
        // An I/O error while opening is what a full disk gives (SQLite cannot size its WAL
        // index): Margin cannot write there, whatever the cause.
        Some(
            ErrorCode::ReadOnly
            | ErrorCode::CannotOpen
            | ErrorCode::PermissionDenied
            | ErrorCode::DiskFull
            | ErrorCode::SystemIoFailure,
        ) => problem(path, OpenProblem::ReadOnly { detail }),
        _ => Error::Database(e),
    }
}

/// What a database file's own header says (SQLite's first 100 bytes), read without SQLite.
pub(crate) struct Header {
    pub(crate) application_id: i32,
    pub(crate) user_version: i64,
}

/// The file at `path` as Margin may use it: `Ok(None)` when there is none yet (Margin makes it),
/// its header when a file with SQLite's header is there, else the problem.
pub(crate) fn inspect_file(path: &Path) -> Result<Option<Header>> {
    use std::io::Read;
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // No database, but a log with something in it: those changes belong to a database
            // that was moved or deleted; a new one would discard them.
            if has_log(path) {
                return Err(problem(path, OpenProblem::OnlyLog));
            }
            return Ok(None);
        }
        Err(e) => return Err(Error::Io(e)),
        Ok(_) => {}
    }
    let meta = std::fs::metadata(path).map_err(|_| problem(path, OpenProblem::NotAFile))?;
    if !meta.is_file() {
        return Err(problem(path, OpenProblem::NotAFile));
    }
    let mut header = [0u8; 100];
    let mut file = std::fs::File::open(path).map_err(|e| classify_io(path, e))?;
    if file.read_exact(&mut header).is_err() || &header[..16] != b"SQLite format 3\0" {
        return Err(problem(path, OpenProblem::NotADatabase));
    }
    let int = |at: usize| {
        i32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    Ok(Some(Header {
        application_id: int(68),
        user_version: i64::from(int(60)),
    }))
}

fn classify_io(path: &Path, e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::PermissionDenied {
        problem(
            path,
            OpenProblem::ReadOnly {
                detail: e.to_string(),
            },
        )
    } else {
        Error::Io(e)
    }
}

/// Settles, before any connection that could write, that an existing file is Margin's and not
/// from a newer Margin: from its header; and for a database from before Margin stamped its
/// mark, from its tables and version, read from a copy of the file and its `-wal`/`-journal`
/// (SQLite replays those into whatever it opens read-write; here that is the copy).
pub(crate) fn check_owner(path: &Path, header: &Header, supported: i64) -> Result<()> {
    let mut version = header.user_version;
    if header.application_id != APPLICATION_ID {
        if header.application_id != 0 {
            return Err(problem(path, OpenProblem::NotMargins));
        }
        let (copy_version, tables) = inspect_copy(path)?;
        version = copy_version;
        let expected = usize::try_from(version)
            .ok()
            .and_then(|v| TABLES_BY_VERSION.get(v));
        if expected.is_none_or(|expected| tables != *expected) {
            return Err(problem(path, OpenProblem::NotMargins));
        }
    }
    not_newer(path, version, supported)?;
    Ok(())
}

/// The schema version and the sorted table names of the database at `path`, read from a copy
/// in a temporary folder, so nothing of the original is written, replayed or checkpointed.
fn inspect_copy(path: &Path) -> Result<(i64, Vec<String>)> {
    let (dir, copy) = copy_with_log(path, "inspect")?;
    let result = (|| {
        let conn = Connection::open(&copy).map_err(|e| classify(path, e))?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| classify(path, e))?;
        let sql = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        let mut stmt = conn.prepare(sql).map_err(|e| classify(path, e))?;
        let tables = stmt
            .query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| classify(path, e))?;
        Ok((version, tables))
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// Copies the database at `path` and its `-wal`/`-journal` into a new temporary folder (named
/// with `what`); returns the folder and the copy's path. Nothing of the original is written.
fn copy_with_log(path: &Path, what: &str) -> Result<(PathBuf, PathBuf)> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::env::temp_dir().join(format!("margin-{what}-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let copy = dir.join("db");
    let copied = (|| {
        std::fs::copy(path, &copy)?;
        for (from, to) in sidecars(path).iter().zip(sidecars(&copy)) {
            if from.exists() {
                std::fs::copy(from, to)?;
            }
        }
        Ok::<_, std::io::Error>(())
    })();
    if let Err(e) = copied {
        let _ = std::fs::remove_dir_all(&dir);
        return Err(Error::Io(e));
    }
    Ok((dir, copy))
}

/// Whether the database at `path` has a `-wal` or `-journal` with something in it.
fn has_log(path: &Path) -> bool {
    sidecars(path)
        .iter()
        .filter(|s| !s.to_string_lossy().ends_with("-shm"))
        .any(|s| std::fs::metadata(s).is_ok_and(|m| m.len() > 0))
}

/// Refuses a schema version newer than this build's.
fn not_newer(path: &Path, found: i64, supported: i64) -> Result<()> {
    if found > supported {
        return Err(problem(path, OpenProblem::TooNew { found, supported }));
    }
    Ok(())
}

/// Checks Margin's own database on its connection: the version (a `-wal` may hold a newer one
/// than the header), every table of a current schema, `quick_check`. Returns the version.
pub(crate) fn check_sound(conn: &Connection, path: &Path, supported: i64) -> Result<i64> {
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| classify(path, e))?;
    not_newer(path, version, supported)?;
    // A current schema has every table; one that lost a table is damaged, not new.
    if version == supported {
        let current = TABLES_BY_VERSION.last().copied().unwrap_or_default();
        for table in current {
            let sql = "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1";
            let n: i64 = conn
                .query_row(sql, [table], |r| r.get(0))
                .map_err(|e| classify(path, e))?;
            if n == 0 {
                let detail = format!("the table {table} is missing");
                return Err(problem(path, OpenProblem::Damaged { detail }));
            }
        }
    }
    let verdict: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| classify(path, e))?;
    if verdict != "ok" {
        return Err(problem(path, OpenProblem::Damaged { detail: verdict }));
    }
    Ok(version)
}

/// Opens `path` for Margin: an existing file without creating anything, a missing one created.
pub(crate) fn connect(path: &Path, exists: bool) -> Result<Connection> {
    let flags = if exists {
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
    };
    Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))
}

/// Opens Margin's database for reading only: as it is, or, when its WAL index (`-shm`) cannot
/// be made there, as an immutable file.
pub(crate) fn connect_read_only(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let readable = |conn: &Connection| {
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
            r.get::<_, i64>(0)
        })
        .is_ok()
    };
    if let Ok(conn) = Connection::open_with_flags(path, flags) {
        if readable(&conn) {
            return Ok(conn);
        }
    }
    // Changes still in a `-wal` (a crash, or a disk that filled up) would be missed by an
    // immutable open: a copy of the database and its log, in a temporary folder, is read
    // instead, with the log replayed into the copy. (The folder stays while Margin runs.)
    if has_log(path) {
        let (_dir, copy) = copy_with_log(path, "read-only")?;
        return Connection::open(&copy).map_err(|e| classify(path, e));
    }
    // A URI names the file: `%`, `?` and `#` in the path are escaped.
    let mut uri = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' | '?' | '#' => uri.push_str(&format!("%{:02X}", c as u32)),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
        .map_err(|e| classify(path, e))
}

/// Maps a failure of the first writes (WAL mode, the migrations) to what it means.
pub(crate) fn first_write_failed(path: &Path, e: Error) -> Error {
    match e {
        Error::Database(e) => classify(path, e),
        Error::Migration(rusqlite_migration::Error::RusqliteError { err, .. }) => {
            classify(path, err)
        }
        other => other,
    }
}

/// Moves the database at `path` (and its `-wal`, `-shm` and `-journal` files) aside, to a name
/// with the time and "damaged" in it, beside the original; nothing is deleted or overwritten.
/// Returns the new name of the database.
pub fn set_aside(path: &Path) -> Result<PathBuf> {
    let stamp: String = Connection::open_in_memory()?.query_row(
        "SELECT strftime('%Y%m%d-%H%M%S', 'now')",
        [],
        |r| r.get(0),
    )?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("margin.sqlite3");
    let target = (0..)
        .map(|n| {
            let suffix = if n == 0 {
                String::new()
            } else {
                format!("-{n}")
            };
            path.with_file_name(format!("{name}.damaged-{stamp}{suffix}"))
        })
        .find(|p| std::fs::symlink_metadata(p).is_err() && !sidecars(p).iter().any(|s| s.exists()))
        .expect("some free name");
    // The database first, then its side files; if any rename fails, every one done is undone,
    // so a database is never left without its `-wal`.
    let mut done: Vec<(PathBuf, PathBuf)> = Vec::new();
    let moves = std::iter::once((path.to_path_buf(), target.clone()))
        .chain(sidecars(path).into_iter().zip(sidecars(&target)));
    for (from, to) in moves {
        if std::fs::symlink_metadata(&from).is_err() {
            continue;
        }
        if let Err(e) = std::fs::rename(&from, &to) {
            for (back_from, back_to) in done.iter().rev() {
                let _ = std::fs::rename(back_to, back_from);
            }
            return Err(Error::Io(e));
        }
        done.push((from, to));
    }
    // Where the first file went (the log, when only a log was there).
    Ok(done.into_iter().next().map_or(target, |(_, to)| to))
}

/// Removes a database file Margin has just created, and its side files, after its first
/// writes failed: an empty file left behind would later read as "not a database".
pub(crate) fn remove_new(path: &Path) {
    for file in std::iter::once(path.to_path_buf()).chain(sidecars(path)) {
        let _ = std::fs::remove_file(file);
    }
}

fn sidecars(path: &Path) -> [PathBuf; 3] {
    let with = |ext: &str| {
        let mut s = path.as_os_str().to_owned();
        s.push(ext);
        PathBuf::from(s)
    };
    [with("-wal"), with("-shm"), with("-journal")]
}
