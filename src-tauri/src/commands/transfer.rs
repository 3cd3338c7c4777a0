//! Export to and import from files the user picks. The OS save and open dialogs are shown from
//! here, by the dialog plugin's Rust API: the page asks for an export or an import and never
//! names a path, so a script in the webview cannot make Margin write or read a file of its
//! choosing. The page only supplies the dialogs' words, in the UI's language.

use std::path::PathBuf;

use margin_core::export::{self, w3c::ImportReport, Format};
use margin_core::{Error, Result};
use serde::{Deserialize, Serialize};
use tauri::{State, WebviewWindow};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};

use super::Arg;
use crate::files::{read_import, refuse_data_dir, write_atomically, MAX_IMPORT_BYTES};
use crate::state::AppState;

/// The longest dialog title or file-type name the page may pass.
const MAX_DIALOG_TEXT: usize = 200;

/// What the page says in a dialog: its title and the name of the file type.
#[derive(Deserialize)]
pub struct DialogText {
    title: String,
    file_type: String,
}

/// What an export wrote.
#[derive(Serialize)]
pub struct ExportDone {
    path: PathBuf,
    bytes: usize,
}

/// A file dialog over the window, with the page's words cut to a sane length.
pub(super) fn file_dialog(
    window: &WebviewWindow,
    text: &DialogText,
    extensions: &[&str],
) -> FileDialogBuilder<tauri::Wry> {
    let short = |s: &str| s.chars().take(MAX_DIALOG_TEXT).collect::<String>();
    window
        .dialog()
        .file()
        .set_parent(window)
        .set_title(short(&text.title))
        .add_filter(short(&text.file_type), extensions)
}

fn picked(path: tauri_plugin_dialog::FilePath) -> Result<PathBuf> {
    path.into_path()
        .map_err(|e| Error::InvalidInput(format!("the dialog gave no local file: {e}")))
}

/// Shows `dialog` as an open dialog; the local file the user picked, or `None` if cancelled.
pub(super) fn pick_file(dialog: FileDialogBuilder<tauri::Wry>) -> Result<Option<PathBuf>> {
    dialog.blocking_pick_file().map(picked).transpose()
}

/// Asks where to write every highlight (the save dialog), then writes the file there, whole or
/// not at all. `None`: the user cancelled.
#[tauri::command]
pub async fn export_annotations(
    window: WebviewWindow,
    state: State<'_, AppState>,
    format: Arg<String>,
    dialog: Arg<DialogText>,
) -> Result<Option<ExportDone>> {
    let format = format.0;
    let dialog = dialog.0;
    let format: Format = format.parse()?;
    let ext = format.extension();
    let chosen = file_dialog(&window, &dialog, &[ext])
        .set_file_name(format!("margin-highlights.{ext}"))
        .blocking_save_file();
    let Some(chosen) = chosen else {
        return Ok(None);
    };
    let path = picked(chosen)?;
    refuse_data_dir(&path, &state.data_dir)?;
    let articles = state.library.all()?;
    let text = state.with_store(|s| export::render(s, &articles, format))?;
    write_atomically(&path, text.as_bytes(), &state.data_dir)?;
    Ok(Some(ExportDone {
        path,
        bytes: text.len(),
    }))
}

/// Asks which W3C Web Annotation file to import (the open dialog), then imports it. `None`: the
/// user cancelled.
#[tauri::command]
pub async fn import_annotations(
    window: WebviewWindow,
    state: State<'_, AppState>,
    dialog: Arg<DialogText>,
) -> Result<Option<ImportReport>> {
    let dialog = dialog.0;
    let Some(path) = pick_file(file_dialog(&window, &dialog, &["jsonld", "json"]))? else {
        return Ok(None);
    };
    let json = read_import(&path, MAX_IMPORT_BYTES)?;
    let articles = state.library.all()?;
    // Anchoring takes the time; it runs before the store is locked, so the UI's writes do not
    // wait on it. Only the writes hold the lock.
    let prepared = export::w3c::prepare(&articles, &json)?;
    state.with_store(|s| prepared.apply(s)).map(Some)
}
