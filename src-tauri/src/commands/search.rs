//! Search everywhere: the articles' text, highlights and notes.

use margin_core::search::{self, Hit, DEFAULT_LIMIT};
use margin_core::Result;
use tauri::State;

use super::Arg;
use crate::state::AppState;

/// What the user typed, searched everywhere (any text is a search; see core's `search`). The
/// library's text is indexed first where it is not yet (once per article revision).
#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    query: Arg<String>,
    limit: Arg<Option<usize>>,
) -> Result<Vec<Hit>> {
    let (query, limit) = (query.0, limit.0.unwrap_or(DEFAULT_LIMIT));
    let library = &state.library;
    state.with_store(|s| {
        search::index_library(s, library)?;
        search::search(s, &|id| library.get(id).ok(), &query, limit)
    })
}
