//! Free notes on an article or one of its sections.

use margin_core::store::Note;
use margin_core::Result;
use tauri::State;

use crate::state::AppState;

/// The article's free notes.
#[tauri::command]
pub async fn list_notes(state: State<'_, AppState>, article_id: String) -> Result<Vec<Note>> {
    let article = state.article(Some(&article_id))?;
    state.with_store(|s| s.notes(article))
}

/// Saves the note on a section (or on the article, with no section).
#[tauri::command]
pub async fn save_note(
    state: State<'_, AppState>,
    article_id: String,
    section_id: Option<String>,
    body: String,
) -> Result<Note> {
    let article = state.article(Some(&article_id))?;
    state.with_store(|s| s.save_note(article, section_id.as_deref(), &body))
}
