//! Free notes on an article or one of its sections.

use margin_core::store::Note;
use margin_core::Result;
use tauri::State;

use super::Arg;
use crate::state::AppState;

/// The article's free notes.
#[tauri::command]
pub async fn list_notes(state: State<'_, AppState>, article_id: Arg<String>) -> Result<Vec<Note>> {
    let article_id = article_id.0;
    let article = state.article(Some(&article_id))?;
    state.with_store(|s| s.notes(article))
}

/// Saves the note on a section (or on the article, with no section).
#[tauri::command]
pub async fn save_note(
    state: State<'_, AppState>,
    article_id: Arg<String>,
    section_id: Arg<Option<String>>,
    body: Arg<String>,
) -> Result<Note> {
    let article_id = article_id.0;
    let section_id = section_id.0;
    let body = body.0;
    let article = state.article(Some(&article_id))?;
    state.with_store(|s| s.save_note(article, section_id.as_deref(), &body))
}
