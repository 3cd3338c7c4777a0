//! Backups from Settings, and from the recovery screen: list them, make one now, restore one.
//! The page names a backup by its file name from the list (checked against the backups folder),
//! or asks for the open dialog, shown from here: it never passes a path.

use std::path::PathBuf;

use margin_core::store::{Backup, BackupKind};
use margin_core::Result;
use tauri::{State, WebviewWindow};

use super::transfer::DialogText;
use super::Arg;
use crate::state::AppState;

/// The backups beside the database, newest first.
#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<Backup>> {
    margin_core::store::backup::list(&state.backups_dir())
}

/// Makes a backup now (kept as the day's backup by the rotation).
#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Result<Backup> {
    let dir = state.backups_dir();
    state.with_store(|s| s.backup(&dir, BackupKind::Manual))
}

/// Puts the backup called `name` in place of the user's data, after a backup of what is there
/// (returned). The page reloads afterwards.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, name: Arg<String>) -> Result<Backup> {
    let name = name.0;
    let chosen = state.backup_named(&name)?;
    let dir = state.backups_dir();
    state.with_store(|s| s.restore(&chosen.path, &dir))
}

/// Asks which backup file to restore (the open dialog; a backup brought from another computer,
/// say), then restores it as [`restore_backup`] does. `None`: the user cancelled.
#[tauri::command]
pub async fn restore_backup_file(
    window: WebviewWindow,
    state: State<'_, AppState>,
    dialog: Arg<DialogText>,
) -> Result<Option<Backup>> {
    let dialog = dialog.0;
    let dir = state.backups_dir();
    let asked = super::transfer::file_dialog(&window, &dialog, &["sqlite3", "db"]);
    let Some(path) = super::transfer::pick_file(asked.set_directory(&dir))? else {
        return Ok(None);
    };
    state.with_store(|s| s.restore(&path, &dir)).map(Some)
}

/// From the recovery screen: sets the file Margin could not open aside and puts the backup
/// called `name` in its place. Returns where the old file went.
#[tauri::command]
pub async fn recovery_restore(state: State<'_, AppState>, name: Arg<String>) -> Result<PathBuf> {
    let name = name.0;
    state.start_from_backup(&name)
}
