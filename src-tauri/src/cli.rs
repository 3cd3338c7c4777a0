//! `margin export` and `margin import`: the same store, without a window or a display.

use std::path::{Path, PathBuf};

use margin_core::export::{self, w3c, Format};
use margin_core::library::Library;
use margin_core::store::{backup, BackupKind, Store, DATABASE_FILE};

use crate::state::data_dir;

const USAGE: &str = "\
Margin — an offline reader for learning from an article.

Usage:
  margin                                    open the reader
  margin export --format w3c|markdown|full [--out FILE]
                                            write your highlights and notes (to stdout without
                                            --out); full: everything you made, for another computer
  margin import FILE                        add highlights from W3C Web Annotation JSON-LD, and
                                            everything else from a full export (newer wins)
  margin search QUERY [--limit N]          search every article, highlight and note; one JSON
                                            object per result (article, kind, snippet…)
  margin check                              check the database file (SQLite integrity_check)
  margin backup [--out FILE]                back up your data now (into the backups folder
                                            beside the database without --out)
  margin backups                            list the backups, newest first
  margin restore FILE                       put a backup in place of your data (what is there
                                            now is backed up first)
  margin --help | --version

Data folder: $MARGIN_DATA_DIR, or the OS app-data folder (see README).";

/// Whether these arguments ask for the command line rather than the window.
pub fn wants_cli(args: &[String]) -> bool {
    matches!(
        args.first().map(String::as_str),
        Some(
            "export"
                | "import"
                | "search"
                | "check"
                | "backup"
                | "backups"
                | "restore"
                | "--help"
                | "-h"
                | "help"
                | "--version"
                | "-V"
        )
    )
}

fn open_store() -> Result<Store, String> {
    let dir = data_dir()?;
    // Where Margin cannot write (a read-only folder, a full disk) the database is still read:
    // check, export and backup --out work; what writes says it cannot save.
    Store::open_in_dir_or_read_only(&dir)
        .map_err(|e| format!("cannot open the database in {}: {e}", dir.display()))
}

/// Writes `text` to `out` (atomically: a temp file renamed into place) or to stdout. Never into
/// the data folder: an export must not land on the database it was made from.
fn emit(text: &str, out: Option<&Path>) -> Result<(), String> {
    match out {
        Some(path) => {
            crate::files::refuse_data_dir(path, &data_dir()?).map_err(|e| e.to_string())?;
            crate::files::write_atomically(path, text.as_bytes(), &data_dir()?)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

fn export(args: &[String]) -> Result<(), String> {
    let mut format = None;
    let mut out = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--format" => format = it.next().cloned(),
            "--out" | "-o" => out = it.next().map(PathBuf::from),
            other => {
                let other = margin_core::error::excerpt(other);
                return Err(format!("unknown argument {other}\n\n{USAGE}"));
            }
        }
    }
    let format: Format = match format {
        Some(name) => name
            .parse()
            .map_err(|e: margin_core::Error| e.to_string())?,
        None => {
            return Err(format!(
                "export needs --format w3c or --format markdown\n\n{USAGE}"
            ))
        }
    };
    let library = Library::builtin();
    let articles = library.all().map_err(|e| e.to_string())?;
    let mut store = open_store()?;
    let text = export::render(&mut store, &articles, format).map_err(|e| e.to_string())?;
    emit(&text, out.as_deref())
}

fn import(args: &[String]) -> Result<(), String> {
    let [file] = args else {
        return Err(format!("import takes one file\n\n{USAGE}"));
    };
    let json = crate::files::read_import(Path::new(file), crate::files::MAX_IMPORT_BYTES)
        .map_err(|e| format!("cannot import {file}: {e}"))?;
    let library = Library::builtin();
    let articles = library.all().map_err(|e| e.to_string())?;
    let mut store = open_store()?;
    let report = w3c::import(&mut store, &articles, &json).map_err(|e| e.to_string())?;
    println!(
        "imported {file}: {} added, {} updated, {} unchanged, {} newer here (kept), {} orphaned",
        report.added, report.updated, report.unchanged, report.newer_here, report.orphaned
    );
    let m = report.merged;
    if m.bookmarks + m.notes + m.settings > 0 {
        println!(
            "and {} bookmarks, {} free notes, {} settings and reading positions",
            m.bookmarks, m.notes, m.settings
        );
    }
    Ok(())
}

/// `margin search QUERY [--limit N]`: the words after `search` (other than the limit) are the
/// query, as if typed in the search box; one JSON object per result, nothing when none.
fn search(args: &[String]) -> Result<(), String> {
    use margin_core::search;
    let mut words = Vec::new();
    let mut limit = search::DEFAULT_LIMIT;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == "--limit" || arg == "-n" {
            let n = it.next().ok_or("--limit needs a number")?;
            limit = n
                .parse()
                .ok()
                .filter(|n| (1..=search::MAX_LIMIT).contains(n))
                .ok_or_else(|| {
                    let n = margin_core::error::excerpt(n);
                    format!(
                        "--limit takes a number from 1 to {}, not {n}",
                        search::MAX_LIMIT
                    )
                })?;
        } else {
            words.push(arg.as_str());
        }
    }
    if words.is_empty() {
        return Err(format!("search needs something to look for\n\n{USAGE}"));
    }
    let library = Library::builtin();
    let mut store = open_store()?;
    search::index_library(&mut store, &library).map_err(|e| e.to_string())?;
    let hits = search::search(&store, &|id| library.get(id).ok(), &words.join(" "), limit)
        .map_err(|e| e.to_string())?;
    let mut out = String::new();
    for hit in hits {
        out.push_str(&serde_json::to_string(&hit).map_err(|e| e.to_string())?);
        out.push('\n');
    }
    emit(&out, None)
}

fn check() -> Result<(), String> {
    let dir = data_dir()?;
    let store = open_store()?;
    let verdict = store.integrity_check().map_err(|e| e.to_string())?;
    let version = store.schema_version().map_err(|e| e.to_string())?;
    println!(
        "{}: {verdict} (schema {version})",
        dir.join(DATABASE_FILE).display()
    );
    if verdict == "ok" {
        Ok(())
    } else {
        Err("the database is damaged; keep a copy of it before doing anything else".into())
    }
}

fn backup_now(args: &[String]) -> Result<(), String> {
    let out = match args {
        [] => None,
        [flag, file] if flag == "--out" || flag == "-o" => Some(PathBuf::from(file)),
        _ => return Err(format!("backup takes at most --out FILE\n\n{USAGE}")),
    };
    let dir = data_dir()?;
    let store = open_store()?;
    match out {
        Some(path) => {
            crate::files::refuse_data_dir(&path, &dir).map_err(|e| e.to_string())?;
            store
                .backup_to(&path)
                .map_err(|e| format!("cannot back up to {}: {e}", path.display()))?;
            println!("{}", path.display());
        }
        None => {
            let made = store
                .backup(&dir.join(backup::BACKUP_DIR), BackupKind::Manual)
                .map_err(|e| format!("cannot back up: {e}"))?;
            println!("{}", made.path.display());
        }
    }
    Ok(())
}

fn list_backups() -> Result<(), String> {
    let dir = data_dir()?.join(backup::BACKUP_DIR);
    for b in backup::list(&dir).map_err(|e| e.to_string())? {
        let kind = serde_json::to_value(b.kind).unwrap_or_default();
        let kind = kind.as_str().unwrap_or_default();
        println!(
            "{}  {kind:<16} {:>9} B  {}",
            b.taken_at,
            b.bytes,
            b.path.display()
        );
    }
    Ok(())
}

fn restore(args: &[String]) -> Result<(), String> {
    let [file] = args else {
        return Err(format!("restore takes one backup file\n\n{USAGE}"));
    };
    let dir = data_dir()?;
    let mut store = open_store()?;
    let before = store
        .restore(Path::new(file), &dir.join(backup::BACKUP_DIR))
        .map_err(|e| e.to_string())?;
    println!(
        "restored {file}; what was there before is in {}",
        before.path.display()
    );
    Ok(())
}

/// Runs a command-line invocation and returns the process exit code.
pub fn main(args: &[String]) -> i32 {
    let result = match args.first().map(String::as_str) {
        Some("export") => export(&args[1..]),
        Some("import") => import(&args[1..]),
        Some("search") => search(&args[1..]),
        Some("check") => check(),
        Some("backup") => backup_now(&args[1..]),
        Some("backups") => list_backups(),
        Some("restore") => restore(&args[1..]),
        Some("--version" | "-V") => {
            println!("margin {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        _ => {
            println!("{USAGE}");
            Ok(())
        }
    };
    match result {
        Ok(()) => 0,
        Err(message) => {
            eprintln!("margin: {message}");
            2
        }
    }
}
