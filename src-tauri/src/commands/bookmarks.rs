//! Bookmarks on a section or a position.

use margin_core::store::{Bookmark, NewBookmark};
use margin_core::Result;
use tauri::State;

use crate::state::AppState;

/// The article's bookmarks in document order.
#[tauri::command]
pub async fn list_bookmarks(
    state: State<'_, AppState>,
    article_id: String,
) -> Result<Vec<Bookmark>> {
    let article = state.article(Some(&article_id))?;
    state.with_store(|s| s.bookmarks(article))
}

/// Bookmarks a section or a position.
#[tauri::command]
pub async fn create_bookmark(
    state: State<'_, AppState>,
    article_id: String,
    bookmark: NewBookmark,
) -> Result<Bookmark> {
    let article = state.article(Some(&article_id))?;
    state.with_store(|s| s.create_bookmark(article, &bookmark))
}

/// Changes a bookmark's label.
#[tauri::command]
pub async fn rename_bookmark(
    state: State<'_, AppState>,
    id: String,
    label: String,
) -> Result<Bookmark> {
    state.with_store(|s| s.rename_bookmark(&id, &label))
}

/// Removes a bookmark.
#[tauri::command]
pub async fn delete_bookmark(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with_store(|s| s.delete_bookmark(&id))
}
