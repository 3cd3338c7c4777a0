//! Opening an article in the reader, and what the reader remembers about it.

use margin_core::content::Article;
use margin_core::store::{
    Annotation, Bookmark, Colour, Note, Preferences, PreferencesPatch, ReadingPosition,
};
use margin_core::Result;
use serde::Serialize;
use tauri::State;

use super::Arg;
use crate::catalogues::{ui_language, UiLanguage};
use crate::state::AppState;

/// The article to show: metadata, blocks with their text and offsets, sections, figures, HTML.
#[tauri::command]
pub async fn get_article(
    state: State<'_, AppState>,
    article_id: Arg<Option<String>>,
) -> Result<Article> {
    let article_id = article_id.0;
    state.article(article_id.as_deref()).cloned()
}

/// Everything the reader paints at start, in one round trip: the article, the preferences, the
/// colours, the reading position and all of the user's highlights, bookmarks and notes on it.
///
/// One call rather than seven because each IPC round trip costs a turn of both event loops,
/// and the highlights must arrive with the article: painted before the first layout, the
/// article is laid out and drawn once instead of twice (docs/performance.md). The UI's language
/// and catalogues come along for the same reason: the first paint is already translated.
#[derive(Serialize)]
pub struct ReaderOpening {
    article: Article,
    preferences: Preferences,
    colours: Vec<Colour>,
    position: Option<ReadingPosition>,
    annotations: Vec<Annotation>,
    bookmarks: Vec<Bookmark>,
    notes: Vec<Note>,
    ui: UiLanguage,
    /// Why nothing can be saved, when the database could only be opened for reading.
    read_only: Option<String>,
}

/// Opens an article in the reader (the default one without an id); see [`ReaderOpening`].
/// `locales` are the webview's `navigator.languages`, which the UI language follows while the
/// preference is `system`.
#[tauri::command]
pub async fn open_reader(
    state: State<'_, AppState>,
    article_id: Arg<Option<String>>,
    locales: Arg<Option<Vec<String>>>,
) -> Result<ReaderOpening> {
    let article_id = article_id.0;
    let locales = locales.0;
    let article = state.article(article_id.as_deref())?;
    state.with_store(|s| {
        let preferences = s.preferences()?;
        Ok(ReaderOpening {
            ui: ui_language(&preferences.language, &locales.unwrap_or_default()),
            preferences,
            colours: s.colours()?,
            position: s.reading_position(article)?,
            annotations: s.annotations(article)?,
            bookmarks: s.bookmarks(article)?,
            notes: s.notes(article)?,
            read_only: s.read_only().map(str::to_string),
            article: article.clone(),
        })
    })
}

/// Changes some preferences and returns all of them.
#[tauri::command]
pub async fn update_preferences(
    state: State<'_, AppState>,
    patch: Arg<PreferencesPatch>,
) -> Result<Preferences> {
    let patch = patch.0;
    state.with_store(|s| s.update_preferences(&patch))
}

/// Remembers where the reader is in an article.
#[tauri::command]
pub async fn save_reading_position(
    state: State<'_, AppState>,
    article_id: Arg<String>,
    position: Arg<ReadingPosition>,
) -> Result<()> {
    let article_id = article_id.0;
    let position = position.0;
    let article = state.article(Some(&article_id))?;
    state.with_store(|s| s.save_reading_position(article, &position))
}
