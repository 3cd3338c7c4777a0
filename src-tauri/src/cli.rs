//! `margin export` and `margin import`: the same store, without a window or a display.

use std::path::{Path, PathBuf};

use margin_core::content::{builtin_article, builtin_article_ids, Article};
use margin_core::export::{markdown, w3c};
use margin_core::store::{Store, DATABASE_FILE};

use crate::DATA_DIR_ENV;

/// The app's identifier in tauri.conf.json; Tauri names the app-data folder after it.
pub const IDENTIFIER: &str = "app.margin.reader";

const USAGE: &str = "\
Margin — an offline reader for learning from an article.

Usage:
  margin                                    open the reader
  margin export --format w3c|markdown [--out FILE]
                                            write your highlights and notes (to stdout without --out)
  margin import FILE                        add highlights from W3C Web Annotation JSON-LD
  margin check                              check the database file (SQLite integrity_check)
  margin --help | --version

Data folder: $MARGIN_DATA_DIR, or the OS app-data folder (see README).";

/// Whether these arguments ask for the command line rather than the window.
pub fn wants_cli(args: &[String]) -> bool {
    matches!(
        args.first().map(String::as_str),
        Some("export" | "import" | "check" | "--help" | "-h" | "help" | "--version" | "-V")
    )
}

/// The data folder the app would use: `MARGIN_DATA_DIR`, or the OS app-data folder, exactly as
/// Tauri's `app_data_dir()` resolves it (the OS data dir joined with the identifier).
pub fn data_dir() -> Result<PathBuf, String> {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => dirs::data_dir()
            .map(|d| d.join(IDENTIFIER))
            .ok_or_else(|| "cannot find the OS app-data folder; set MARGIN_DATA_DIR".to_string()),
    }
}

fn articles() -> Result<Vec<Article>, String> {
    builtin_article_ids()
        .map(|id| builtin_article(id).map_err(|e| e.to_string()))
        .collect()
}

fn open_store() -> Result<Store, String> {
    let dir = data_dir()?;
    Store::open_in_dir(&dir)
        .map_err(|e| format!("cannot open the database in {}: {e}", dir.display()))
}

/// Writes `text` to `out` (atomically: a temp file renamed into place) or to stdout.
fn emit(text: &str, out: Option<&Path>) -> Result<(), String> {
    match out {
        Some(path) => crate::files::write_atomically(path, text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
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
            other => return Err(format!("unknown argument {other:?}\n\n{USAGE}")),
        }
    }
    let articles = articles()?;
    let mut store = open_store()?;
    let text = match format.as_deref() {
        Some("w3c") => {
            let refs: Vec<&Article> = articles.iter().collect();
            let doc = w3c::export(&mut store, &refs).map_err(|e| e.to_string())?;
            serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())? + "\n"
        }
        Some("markdown") => {
            let mut all = String::new();
            for a in &articles {
                all.push_str(&markdown::export(&mut store, a).map_err(|e| e.to_string())?);
            }
            all
        }
        Some(other) => return Err(format!("unknown format {other:?}: use w3c or markdown")),
        None => {
            return Err(format!(
                "export needs --format w3c or --format markdown\n\n{USAGE}"
            ))
        }
    };
    emit(&text, out.as_deref())
}

fn import(args: &[String]) -> Result<(), String> {
    let [file] = args else {
        return Err(format!("import takes one file\n\n{USAGE}"));
    };
    let json = std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let articles = articles()?;
    let refs: Vec<&Article> = articles.iter().collect();
    let mut store = open_store()?;
    let report = w3c::import(&mut store, &refs, &json).map_err(|e| e.to_string())?;
    println!(
        "imported {file}: {} added, {} updated, {} unchanged, {} orphaned",
        report.added, report.updated, report.unchanged, report.orphaned
    );
    Ok(())
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

/// Runs a command-line invocation and returns the process exit code.
pub fn main(args: &[String]) -> i32 {
    let result = match args.first().map(String::as_str) {
        Some("export") => export(&args[1..]),
        Some("import") => import(&args[1..]),
        Some("check") => check(),
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
