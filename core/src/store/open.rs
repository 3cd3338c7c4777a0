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

/// The tables Margin's migrations create; a database without Margin's mark that holds any
/// other table belongs to someone else.
const MARGIN_TABLES: &[&str] = &[
    "preferences",
    "reading_positions",
    "annotations",
    "annotation_tags",
    "colour_meanings",
    "bookmarks",
    "notes",
];

/// Why Margin will not open (or write to) the database file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum OpenProblem {
    /// The path is a folder, a device or a link to nothing.
    NotAFile,
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

impl std::fmt::Display for OpenProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenProblem::NotAFile => write!(f, "it is not a file"),
            OpenProblem::NotADatabase => write!(f, "it is not a database"),
            OpenProblem::Damaged { detail } => write!(f, "it is damaged ({detail})"),
            OpenProblem::NotMargins => write!(f, "it is another program's database"),
            OpenProblem::TooNew { found, supported } => write!(
                f,
                "it was made by a newer Margin (schema {found}; this one knows up to {supported})"
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
        Some(
            ErrorCode::ReadOnly
            | ErrorCode::CannotOpen
            | ErrorCode::PermissionDenied
            | ErrorCode::DiskFull,
        ) => problem(path, OpenProblem::ReadOnly { detail }),
        _ => Error::Database(e),
    }
}

/// The file at `path` as Margin may use it: `Ok(false)` when there is none yet (Margin makes
/// it), `Ok(true)` when a file with a SQLite header is there, else the problem.
pub(crate) fn inspect_file(path: &Path) -> Result<bool> {
    use std::io::Read;
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(Error::Io(e)),
        Ok(_) => {}
    }
    let meta = std::fs::metadata(path).map_err(|_| problem(path, OpenProblem::NotAFile))?;
    if !meta.is_file() {
        return Err(problem(path, OpenProblem::NotAFile));
    }
    let mut header = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|e| classify_io(path, e))?;
    if file.read_exact(&mut header).is_err() || &header != b"SQLite format 3\0" {
        return Err(problem(path, OpenProblem::NotADatabase));
    }
    Ok(true)
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

/// Checks an existing file's connection before anything is written: Margin's, not newer than
/// `supported`, sound. Reads only.
pub(crate) fn check_existing(conn: &Connection, path: &Path, supported: i64) -> Result<()> {
    let read = |sql: &str| {
        conn.query_row(sql, [], |r| r.get::<_, i64>(0))
            .map_err(|e| classify(path, e))
    };
    let app_id = read("PRAGMA application_id")?;
    let version = read("PRAGMA user_version")?;
    if app_id != i64::from(APPLICATION_ID) {
        let mut stmt = conn
            .prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )
            .map_err(|e| classify(path, e))?;
        let tables: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| classify(path, e))?;
        // Before the mark, Margin's databases had only its tables, and a schema version once
        // they had any (tables at version 0 are someone else's, however they are named).
        let ours = app_id == 0
            && tables.iter().all(|t| MARGIN_TABLES.contains(&t.as_str()))
            && (tables.is_empty() || version > 0);
        if !ours {
            return Err(problem(path, OpenProblem::NotMargins));
        }
    }
    if version > supported {
        return Err(problem(
            path,
            OpenProblem::TooNew {
                found: version,
                supported,
            },
        ));
    }
    // A current schema has every table; one that lost a table is damaged, not new.
    if version == supported {
        for table in MARGIN_TABLES {
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
    Ok(())
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
    for (from, to) in sidecars(path).iter().zip(sidecars(&target)) {
        if std::fs::symlink_metadata(from).is_ok() {
            std::fs::rename(from, to)?;
        }
    }
    std::fs::rename(path, &target)?;
    Ok(target)
}

fn sidecars(path: &Path) -> [PathBuf; 3] {
    let with = |ext: &str| {
        let mut s = path.as_os_str().to_owned();
        s.push(ext);
        PathBuf::from(s)
    };
    [with("-wal"), with("-shm"), with("-journal")]
}
