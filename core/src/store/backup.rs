//! Backups of the user's database (issue 18): whole copies made with SQLite's online backup
//! API into a `backups` folder beside the database, each checked after it is written.
//!
//! - **When**: once a day while Margin is in use (the app asks at start and every hour), before
//!   every migration, before every restore, and when the user asks (`margin backup`, Settings).
//! - **Kept**: of the daily backups, the newest of each of the last 7 days that have one and
//!   of each of the last 4 weeks before those; the newest [`KEEP_MANUAL`] the user made; the
//!   newest [`KEEP_SAFETY`] made before a migration and before a restore. The newest backup of
//!   all is never removed.
//! - **Made safely**: written to a `.partial` name, checked (`quick_check`, Margin's mark, the
//!   schema), fsynced, then renamed into place: a backup that exists is whole. Each is a single
//!   file (rollback journal, no `-wal`), so it can be copied, mailed or opened read-only.
//! - **Restored** through the same API into the open connection, in one transaction: a crash
//!   half-way leaves the database as it was.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, MAIN_DB};

use serde::Serialize;

use super::open::{self, APPLICATION_ID};
use super::Store;
use crate::{Error, Result};

/// The folder, beside the database, that holds the backups.
pub const BACKUP_DIR: &str = "backups";
/// How many days have their newest backup kept.
pub const KEEP_DAILY: usize = 7;
/// How many weeks, before those days, have their newest backup kept.
pub const KEEP_WEEKLY: usize = 4;
/// How many backups made before a migration (and, apart, before a restore) are kept.
pub const KEEP_SAFETY: usize = 4;
/// How many backups the user asked for are kept.
pub const KEEP_MANUAL: usize = 10;

const PREFIX: &str = "margin-";
const SUFFIX: &str = ".sqlite3";

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// The day's backup, made while Margin is in use.
    Daily,
    /// Asked for by the user.
    Manual,
    /// Made just before the schema was migrated.
    BeforeMigration,
    /// The state just before a backup was restored over it.
    BeforeRestore,
}

impl BackupKind {
    const ALL: [BackupKind; 4] = [
        BackupKind::Daily,
        BackupKind::Manual,
        BackupKind::BeforeMigration,
        BackupKind::BeforeRestore,
    ];

    fn tag(self) -> &'static str {
        match self {
            BackupKind::Daily => "daily",
            BackupKind::Manual => "manual",
            BackupKind::BeforeMigration => "before-migration",
            BackupKind::BeforeRestore => "before-restore",
        }
    }

    /// How many of this kind are kept, for the kinds kept by count (not daily ones).
    fn kept(self) -> usize {
        match self {
            BackupKind::Daily => 0,
            BackupKind::Manual => KEEP_MANUAL,
            BackupKind::BeforeMigration | BackupKind::BeforeRestore => KEEP_SAFETY,
        }
    }
}

/// One backup in the backups folder.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Backup {
    /// The file name (the UI names a backup by it; never a path).
    pub name: String,
    /// When it was made, UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    pub taken_at: String,
    /// Why it was made.
    pub kind: BackupKind,
    /// Its size in bytes.
    pub bytes: u64,
    /// Where it is.
    #[serde(skip)]
    pub path: PathBuf,
}

impl Backup {
    /// The day it was made, as days since 1970-01-01.
    fn day(&self) -> i64 {
        let digits = &self.name[PREFIX.len()..PREFIX.len() + 8];
        let n = |r: std::ops::Range<usize>| digits[r].parse::<i64>().unwrap_or(0);
        days_from_civil(n(0..4), n(4..6), n(6..8))
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Reads a backup's file name, `margin-YYYYMMDD-HHMMSS-N-<kind>.sqlite3` (N tells apart two
/// backups of the same second): when it was made and why.
fn parse_name(name: &str) -> Option<(String, BackupKind)> {
    let core = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (date, time, rest) = (core.get(..8)?, core.get(9..15)?, core.get(16..)?);
    let (n, tag) = rest.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(date) && digits(time) && digits(n)) || &core[8..9] != "-" || &core[15..16] != "-" {
        return None;
    }
    let kind = BackupKind::ALL.into_iter().find(|k| k.tag() == tag)?;
    let (y, mo, d) = (&date[0..4], &date[4..6], &date[6..8]);
    let (h, mi, sec) = (&time[0..2], &time[2..4], &time[4..6]);
    Some((format!("{y}-{mo}-{d}T{h}:{mi}:{sec}Z"), kind))
}

/// The backups in `dir`, newest first. A folder that is not there holds none.
pub fn list(dir: &Path) -> Result<Vec<Backup>> {
    let entries = match std::fs::read_dir(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        other => other?,
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((taken_at, kind)) = parse_name(&name) else {
            continue;
        };
        let meta = entry.metadata()?;
        if meta.is_file() {
            found.push(Backup {
                name,
                taken_at,
                kind,
                bytes: meta.len(),
                path: entry.path(),
            });
        }
    }
    // Names sort as times; a same-second "-n" sorts after its first.
    found.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then(b.name.cmp(&a.name)));
    Ok(found)
}

/// The week of a day (days since 1970-01-01, a Thursday), weeks starting on Monday.
fn week_of(day: i64) -> i64 {
    (day + 3).div_euclid(7)
}

/// Which of `backups` (newest first) the rotation removes: see the module's rules.
pub fn to_remove(backups: &[Backup]) -> Vec<&Backup> {
    let mut keep = vec![false; backups.len()];
    if let Some(newest) = keep.first_mut() {
        *newest = true;
    }
    let mut days: Vec<i64> = Vec::new();
    let mut weeks: Vec<i64> = Vec::new();
    for (i, backup) in backups
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == BackupKind::Daily)
    {
        let day = backup.day();
        if days.contains(&day) {
            continue; // an older backup of a day already kept
        }
        if days.len() < KEEP_DAILY {
            days.push(day);
            keep[i] = true;
            continue;
        }
        let week = week_of(day);
        let covered = weeks.contains(&week) || days.iter().any(|&d| week_of(d) == week);
        if !covered && weeks.len() < KEEP_WEEKLY {
            weeks.push(week);
            keep[i] = true;
        }
    }
    for kind in BackupKind::ALL {
        (0..backups.len())
            .filter(|&i| backups[i].kind == kind)
            .take(kind.kept())
            .for_each(|i| keep[i] = true);
    }
    backups
        .iter()
        .zip(keep)
        .filter(|(_, k)| !k)
        .map(|(b, _)| b)
        .collect()
}

/// Removes what the rotation does not keep; returns how many were removed.
pub fn prune(dir: &Path) -> Result<usize> {
    let all = list(dir)?;
    let gone = to_remove(&all);
    for backup in &gone {
        std::fs::remove_file(&backup.path)?;
    }
    Ok(gone.len())
}

/// Checks that `path` is a whole backup of Margin's database that this build can open, without
/// writing to it: Margin's mark, a schema no newer than this build's, `quick_check` ok.
/// Returns its schema version.
pub fn verify(path: &Path) -> Result<i64> {
    let refuse = |problem: &str| {
        Error::InvalidInput(format!(
            "{} is not a backup Margin can restore: {problem}",
            path.display()
        ))
    };
    let header = open::inspect_file(path)
        .map_err(|e| refuse(&e.to_string()))?
        .ok_or_else(|| refuse("there is no such file"))?;
    if header.application_id != APPLICATION_ID {
        return Err(refuse("it is not Margin's database"));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > Store::latest_version() {
        return Err(refuse(&format!(
            "it was made by a newer Margin (schema {version}; this one knows up to {})",
            Store::latest_version()
        )));
    }
    let verdict: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if verdict != "ok" {
        return Err(refuse(&format!("it is damaged ({verdict})")));
    }
    Ok(version)
}

/// A free name in `dir` for a backup of `kind` made now.
fn new_name(dir: &Path, kind: BackupKind) -> Result<PathBuf> {
    let stamp: String = Connection::open_in_memory()?.query_row(
        "SELECT strftime('%Y%m%d-%H%M%S', 'now')",
        [],
        |r| r.get(0),
    )?;
    let path = (0..)
        .map(|n| dir.join(format!("{PREFIX}{stamp}-{n}-{}{SUFFIX}", kind.tag())))
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .expect("some free name");
    Ok(path)
}

/// Copies the database behind `src` into `dest` (replacing it: the caller chose the name),
/// through a checked `.partial` file; see the module's rules.
pub(crate) fn write_copy(src: &Connection, dest: &Path) -> Result<()> {
    let mut partial = dest.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let _ = std::fs::remove_file(&partial);
    let done = (|| {
        src.backup(MAIN_DB, &partial, None)?;
        {
            let copy = Connection::open(&partial)?;
            let _mode: String = copy.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
            // A database from before Margin stamped its mark is still Margin's (its owner was
            // settled on opening); its backups carry the mark.
            copy.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        verify(&partial)?;
        std::fs::File::open(&partial)?.sync_all()?;
        std::fs::rename(&partial, dest)?;
        if let Some(dir) = dest.parent() {
            // The rename itself is durable once the folder is synced (not possible everywhere).
            let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(())
    })();
    if done.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    done
}

/// Makes a backup of `kind` from `src` into `dir` (created if needed); returns it.
pub(crate) fn take(src: &Connection, dir: &Path, kind: BackupKind) -> Result<Backup> {
    std::fs::create_dir_all(dir)?;
    let path = new_name(dir, kind)?;
    write_copy(src, &path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (taken_at, kind) = parse_name(&name).expect("a name new_name made");
    let bytes = std::fs::metadata(&path)?.len();
    Ok(Backup {
        name,
        taken_at,
        kind,
        bytes,
        path,
    })
}

/// Removes `.partial` files an interrupted backup left in `dir`.
pub fn clean_partials(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(PREFIX) && name.ends_with(".partial") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

impl Store {
    /// Makes a backup of `kind` into `dir` and applies the rotation; returns the new backup.
    pub fn backup(&self, dir: &Path, kind: BackupKind) -> Result<Backup> {
        let made = take(&self.conn, dir, kind)?;
        // The backup is made; a rotation that fails only leaves an older one behind.
        let _ = prune(dir);
        Ok(made)
    }

    /// The day's backup: made when `dir` holds no daily backup from today (UTC).
    /// Returns the backup made, if one was.
    pub fn daily_backup(&self, dir: &Path) -> Result<Option<Backup>> {
        clean_partials(dir);
        let today: String = self
            .conn
            .query_row("SELECT strftime('%Y-%m-%d', 'now')", [], |r| r.get(0))?;
        let done = list(dir)?
            .iter()
            .any(|b| b.kind == BackupKind::Daily && b.taken_at.starts_with(&today));
        if done {
            return Ok(None);
        }
        self.backup(dir, BackupKind::Daily).map(Some)
    }

    /// Copies the database into `dest`, a file the user chose (replaced if it is there).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        write_copy(&self.conn, dest)
    }

    /// Replaces everything in the database with the backup at `file`, after a backup of the
    /// current state into `dir` (returned). The backup is checked first; an older schema is
    /// migrated. One transaction: if anything fails, the database is as it was.
    ///
    /// The backup is opened read-only once and held open from the check to the copy: a file
    /// that goes meanwhile cannot turn into an empty database restored over the user's data,
    /// and the rotation runs only after the copy (it could otherwise remove the very backup
    /// being restored).
    pub fn restore(&mut self, file: &Path, dir: &Path) -> Result<Backup> {
        verify(file)?;
        let source = Connection::open_with_flags(
            file,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let before = take(&self.conn, dir, BackupKind::BeforeRestore)?;
        {
            let copy = rusqlite::backup::Backup::new(&source, &mut self.conn)?;
            copy.run_to_completion(256, std::time::Duration::ZERO, None)?;
        }
        drop(source);
        let _mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        super::MIGRATIONS.to_latest(&mut self.conn)?;
        // Made and restored: a rotation that fails now only leaves an extra backup behind.
        let _ = prune(dir);
        Ok(before)
    }
}

/// The backups folder for the database at `path`.
pub fn dir_for(path: &Path) -> PathBuf {
    path.parent()
        .unwrap_or_else(|| Path::new("."))
        .join(BACKUP_DIR)
}
