//! Export to and import from files the user picked in the OS dialogs.

use std::path::PathBuf;

use margin_core::export::{self, w3c::ImportReport, Format};
use margin_core::Result;
use serde::Serialize;
use tauri::State;

use crate::state::AppState;

/// What an export wrote.
#[derive(Serialize)]
pub struct ExportDone {
    path: PathBuf,
    bytes: usize,
}

/// Writes every highlight to a file the user picked in the save dialog.
#[tauri::command]
pub async fn export_annotations(
    state: State<'_, AppState>,
    format: String,
    path: PathBuf,
) -> Result<ExportDone> {
    let format: Format = format.parse()?;
    let articles = state.library.all()?;
    let text = state.with_store(|s| export::render(s, &articles, format))?;
    crate::files::write_atomically(&path, text.as_bytes())?;
    Ok(ExportDone {
        path,
        bytes: text.len(),
    })
}

/// Imports W3C Web Annotation JSON-LD from a file the user picked in the open dialog.
#[tauri::command]
pub async fn import_annotations(state: State<'_, AppState>, path: PathBuf) -> Result<ImportReport> {
    let json = std::fs::read_to_string(&path)?;
    let articles = state.library.all()?;
    state.with_store(|s| export::w3c::import(s, &articles, &json))
}
