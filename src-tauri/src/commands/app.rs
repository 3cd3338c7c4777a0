//! The app itself: what the About view shows, and what the UI reports about its own start-up
//! and errors.

use std::path::PathBuf;

use margin_core::store::{backup, Backup, OpenProblem, DATABASE_FILE};
use margin_core::Result;
use serde::Serialize;
use tauri::State;

use super::Arg;
use crate::catalogues::{ui_language, UiLanguage};
use crate::state::AppState;

/// What the About view shows about the app itself.
#[derive(Serialize)]
pub struct AppInfo {
    name: &'static str,
    version: &'static str,
    data_dir: PathBuf,
    database: PathBuf,
}

/// Name, version and where the user's data lives.
#[tauri::command]
pub async fn get_app_info(state: State<'_, AppState>) -> Result<AppInfo> {
    Ok(AppInfo {
        name: "Margin",
        version: env!("CARGO_PKG_VERSION"),
        data_dir: state.data_dir.clone(),
        database: state.data_dir.join(DATABASE_FILE),
    })
}

/// The UI reports that the article, its figures' boxes and every highlight are painted and a
/// frame has been rendered. With `MARGIN_TRACE_STARTUP=1` this prints one line to stderr with
/// the time since the process started (scripts/bench-app reads it) and the webview's own marks
/// (milliseconds after navigation: scripts evaluated, data received, painted, frame); otherwise
/// nothing.
#[tauri::command]
pub async fn startup_ready(
    state: State<'_, AppState>,
    webview_ms: Arg<f64>,
    marks: Arg<Option<Vec<(String, f64)>>>,
) -> Result<()> {
    let webview_ms = webview_ms.0;
    let marks = marks.0;
    if std::env::var_os("MARGIN_TRACE_STARTUP").is_some_and(|v| v == "1") {
        let ms = state.started.elapsed().as_secs_f64() * 1000.0;
        let marks: Vec<String> = marks
            .unwrap_or_default()
            .iter()
            .map(|(name, at)| format!("{name} {at:.0}"))
            .collect();
        let state_ms = state.state_ready.as_secs_f64() * 1000.0;
        eprintln!(
            "margin: ready {ms:.1} ms after start (state {state_ms:.0} ms; webview: {webview_ms:.1} ms after navigation; {})",
            marks.join(", ")
        );
    }
    Ok(())
}

/// The UI reports errors it caught (uncaught exceptions, CSP violations) so they reach the log:
/// as data, one line each, escaped and cut, so a page cannot write lines of its own.
#[tauri::command]
pub async fn report_ui_error(message: Arg<String>) -> Result<()> {
    let message = message.0;
    eprintln!("margin: UI error: {}", ui_report(&message));
    Ok(())
}

/// A UI report as the log takes it: at most 2,000 characters, control characters escaped.
fn ui_report(message: &str) -> String {
    message
        .chars()
        .take(2000)
        .flat_map(char::escape_debug)
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_ui_report_is_one_escaped_line() {
        let forged = "boom\nmargin: ready 1.0 ms after start\u{1b}[2J";
        let line = super::ui_report(forged);
        assert!(!line.contains('\n') && !line.contains('\u{1b}'), "{line}");
        assert!(line.starts_with("boom\\nmargin: ready"));
        assert_eq!(super::ui_report(&"x".repeat(10_000)).len(), 2000);
    }
}

/// What the recovery screen shows: the database file Margin could not open, why, and the UI's
/// catalogues (which otherwise come with the article).
#[derive(Serialize)]
pub struct RecoveryStatus {
    path: PathBuf,
    #[serde(flatten)]
    problem: OpenProblem,
    /// Whether *Start with an empty database* is offered (core decides, not the page).
    can_start_fresh: bool,
    /// The backups that could take the file's place (only where starting fresh is offered),
    /// newest first.
    backups: Vec<Backup>,
    ui: UiLanguage,
}

/// Why the database could not be opened, or `None` when it is open. `locales` as for
/// `open_reader`: with no database there is no saved language, so the OS's is used.
#[tauri::command]
pub async fn recovery_status(
    state: State<'_, AppState>,
    locales: Arg<Option<Vec<String>>>,
) -> Result<Option<RecoveryStatus>> {
    let locales = locales.0;
    let Some(trouble) = state.trouble() else {
        return Ok(None);
    };
    let can_start_fresh = trouble.problem.allows_fresh_start();
    let backups = if can_start_fresh {
        // An unreadable backups folder must not hide the screen: it offers none then.
        backup::list(&state.backups_dir()).unwrap_or_default()
    } else {
        Vec::new()
    };
    Ok(Some(RecoveryStatus {
        path: trouble.path,
        can_start_fresh,
        backups,
        problem: trouble.problem,
        ui: ui_language("system", &locales.unwrap_or_default()),
    }))
}

/// The user chose to start with an empty database: the file Margin could not open is moved
/// aside beside it (renamed with the time, never deleted), and a new one is made. Returns where
/// the old one went. Refused unless the problem allows it (see `OpenProblem::allows_fresh_start`).
#[tauri::command]
pub async fn recovery_start_fresh(state: State<'_, AppState>) -> Result<PathBuf> {
    state.start_fresh()
}

/// Tries to open the database again (another program may have let it go).
#[tauri::command]
pub async fn recovery_retry(state: State<'_, AppState>) -> Result<()> {
    state.reopen()
}

/// Quits Margin (the recovery screen's way out).
#[tauri::command]
pub async fn quit(app: tauri::AppHandle) -> Result<()> {
    app.exit(0);
    Ok(())
}

/// Turns caret browsing on or off (F7); `false` where the engine has none.
#[tauri::command]
pub async fn set_caret_browsing(window: tauri::WebviewWindow, on: Arg<bool>) -> Result<bool> {
    Ok(crate::webview::set_caret_browsing(&window, on.0))
}
