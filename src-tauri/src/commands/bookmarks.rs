//! Bookmarks on a section or a position.

use margin_core::store::{Bookmark, NewBookmark};
use margin_core::Result;
use tauri::State;

use super::Arg;
use crate::state::AppState;

/// The article's bookmarks in document order.
#[tauri::command]
pub async fn list_bookmarks(
    state: State<'_, AppState>,
    article_id: Arg<String>,
) -> Result<Vec<Bookmark>> {
    let article_id = article_id.0;
    let article = state.article(Some(&article_id))?;
    state.with_store(|s| s.bookmarks(article))
}

/// Bookmarks a section or a position.
#[tauri::command]
pub async fn create_bookmark(
    state: State<'_, AppState>,
    article_id: Arg<String>,
    bookmark: Arg<NewBookmark>,
) -> Result<Bookmark> {
    let article_id = article_id.0;
    let bookmark = bookmark.0;
    let article = state.article(Some(&article_id))?;
    state.with_store(|s| s.create_bookmark(article, &bookmark))
}

/// Changes a bookmark's label.
#[tauri::command]
pub async fn rename_bookmark(
    state: State<'_, AppState>,
    id: Arg<String>,
    label: Arg<String>,
) -> Result<Bookmark> {
    let id = id.0;
    let label = label.0;
    state.with_store(|s| s.rename_bookmark(&id, &label))
}

/// Removes a bookmark.
#[tauri::command]
pub async fn delete_bookmark(state: State<'_, AppState>, id: Arg<String>) -> Result<()> {
    let id = id.0;
    state.with_store(|s| s.delete_bookmark(&id))
}
