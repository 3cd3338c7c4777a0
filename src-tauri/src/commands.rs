//! The IPC commands: each maps to one core call. Errors cross as `{kind, message}`.
//!
//! Commands are `async` so Tauri runs them off the main (UI) thread.

use std::path::PathBuf;

use margin_core::content::Article;
use margin_core::store::{Preferences, PreferencesPatch, ReadingPosition, Store, DATABASE_FILE};
use margin_core::{Error, Result};
use serde::Serialize;
use tauri::State;

use crate::AppState;

impl AppState {
    fn article(&self, id: Option<&str>) -> Result<&Article> {
        let id = id.unwrap_or(&self.default_article);
        self.articles
            .get(id)
            .ok_or_else(|| Error::NotFound(format!("no article with id {id:?}")))
    }

    fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        // A panic while holding the lock cannot leave a half-written transaction behind (SQLite
        // rolls it back), so a poisoned lock is still safe to use.
        let mut store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut store)
    }
}

/// The article to show: metadata, blocks with their text and offsets, sections, figures, HTML.
#[tauri::command]
pub async fn get_article(
    state: State<'_, AppState>,
    article_id: Option<String>,
) -> Result<Article> {
    state.article(article_id.as_deref()).cloned()
}

/// The reader's preferences.
#[tauri::command]
pub async fn get_preferences(state: State<'_, AppState>) -> Result<Preferences> {
    state.with_store(|s| s.preferences())
}

/// Changes some preferences and returns all of them.
#[tauri::command]
pub async fn update_preferences(
    state: State<'_, AppState>,
    patch: PreferencesPatch,
) -> Result<Preferences> {
    state.with_store(|s| s.update_preferences(&patch))
}

/// Where the reader left off in an article.
#[tauri::command]
pub async fn get_reading_position(
    state: State<'_, AppState>,
    article_id: String,
) -> Result<Option<ReadingPosition>> {
    let article = state.article(Some(&article_id))?;
    state.with_store(|s| s.reading_position(article))
}

/// Remembers where the reader is in an article.
#[tauri::command]
pub async fn save_reading_position(
    state: State<'_, AppState>,
    article_id: String,
    position: ReadingPosition,
) -> Result<()> {
    let article = state.article(Some(&article_id))?;
    state.with_store(|s| s.save_reading_position(article, &position))
}

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

/// The UI reports errors it caught (uncaught exceptions, CSP violations) so they reach the log.
#[tauri::command]
pub async fn report_ui_error(message: String) -> Result<()> {
    let message: String = message.chars().take(2000).collect();
    eprintln!("margin: UI error: {message}");
    Ok(())
}
