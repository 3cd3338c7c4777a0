//! The IPC commands: each maps to one core call. Errors cross as `{kind, message}`.
//!
//! Commands are `async` so Tauri runs them off the main (UI) thread.

use std::path::PathBuf;

use margin_core::content::Article;
use margin_core::export::w3c::ImportReport;
use margin_core::store::{
    Annotation, AnnotationPatch, Bookmark, Colour, NewAnnotation, NewBookmark, Note, Preferences,
    PreferencesPatch, ReadingPosition, Store, DATABASE_FILE,
};
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

/// Everything the reader paints at start, in one round trip: the article, the preferences, the
/// colours, the reading position and all of the user's highlights, bookmarks and notes on it.
///
/// One call rather than seven because each IPC round trip costs a turn of both event loops,
/// and the highlights must arrive with the article: painted before the first layout, the
/// article is laid out and drawn once instead of twice (docs/performance.md).
#[derive(Serialize)]
pub struct ReaderOpening {
    article: Article,
    preferences: Preferences,
    colours: Vec<Colour>,
    position: Option<ReadingPosition>,
    annotations: Vec<Annotation>,
    bookmarks: Vec<Bookmark>,
    notes: Vec<Note>,
}

/// Opens an article in the reader (the default one without an id); see [`ReaderOpening`].
#[tauri::command]
pub async fn open_reader(
    state: State<'_, AppState>,
    article_id: Option<String>,
) -> Result<ReaderOpening> {
    let article = state.article(article_id.as_deref())?;
    state.with_store(|s| {
        Ok(ReaderOpening {
            preferences: s.preferences()?,
            colours: s.colours()?,
            position: s.reading_position(article)?,
            annotations: s.annotations(article)?,
            bookmarks: s.bookmarks(article)?,
            notes: s.notes(article)?,
            article: article.clone(),
        })
    })
}

/// Changes some preferences and returns all of them.
#[tauri::command]
pub async fn update_preferences(
    state: State<'_, AppState>,
    patch: PreferencesPatch,
) -> Result<Preferences> {
    state.with_store(|s| s.update_preferences(&patch))
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

/// The UI reports that the article, its figures' boxes and every highlight are painted and a
/// frame has been rendered. With `MARGIN_TRACE_STARTUP=1` this prints one line to stderr with
/// the time since the process started (scripts/bench-app reads it) and the webview's own marks
/// (milliseconds after navigation: scripts evaluated, data received, painted, frame); otherwise
/// nothing.
#[tauri::command]
pub async fn startup_ready(
    state: State<'_, AppState>,
    webview_ms: f64,
    marks: Option<Vec<(String, f64)>>,
) -> Result<()> {
    if std::env::var_os("MARGIN_TRACE_STARTUP").is_some_and(|v| v == "1") {
        let ms = state.started.elapsed().as_secs_f64() * 1000.0;
        let marks: Vec<String> = marks
            .unwrap_or_default()
            .iter()
            .map(|(name, at)| format!("{name} {at:.0}"))
            .collect();
        let state_ms = state.state_ready.as_secs_f64() * 1000.0;
        eprintln!(
            "margin: ready {ms:.1} ms after start (state {state_ms:.0} ms; webview: {webview_ms:.1} ms after navigation; {})",
            marks.join(", ")
        );
    }
    Ok(())
}

/// The UI reports errors it caught (uncaught exceptions, CSP violations) so they reach the log.
#[tauri::command]
pub async fn report_ui_error(message: String) -> Result<()> {
    let message: String = message.chars().take(2000).collect();
    eprintln!("margin: UI error: {message}");
    Ok(())
}

// --- Highlights -------------------------------------------------------------------------------

/// The article's highlights in document order (orphans last), re-anchored if the text changed.
#[tauri::command]
pub async fn list_annotations(
    state: State<'_, AppState>,
    article_id: String,
) -> Result<Vec<Annotation>> {
    let article = state.article(Some(&article_id))?;
    state.with_store(|s| s.annotations(article))
}

/// Highlights a selection; returns the stored highlight once it is durably committed.
#[tauri::command]
pub async fn create_annotation(
    state: State<'_, AppState>,
    article_id: String,
    annotation: NewAnnotation,
) -> Result<Annotation> {
    let article = state.article(Some(&article_id))?;
    state.with_store(|s| s.create_annotation(article, &annotation))
}

/// Changes a highlight's colour, note or tags.
#[tauri::command]
pub async fn update_annotation(
    state: State<'_, AppState>,
    article_id: String,
    id: String,
    patch: AnnotationPatch,
) -> Result<Annotation> {
    let article = state.article(Some(&article_id))?;
    state.with_store(|s| s.update_annotation(article, &id, &patch))
}

/// Deletes a highlight (softly: `restore_annotation` undoes it).
#[tauri::command]
pub async fn delete_annotation(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with_store(|s| s.delete_annotation(&id))
}

/// Undoes a delete.
#[tauri::command]
pub async fn restore_annotation(
    state: State<'_, AppState>,
    article_id: String,
    id: String,
) -> Result<Annotation> {
    let article = state.article(Some(&article_id))?;
    state.with_store(|s| s.restore_annotation(article, &id))
}

/// Renames what a colour means.
#[tauri::command]
pub async fn rename_colour(
    state: State<'_, AppState>,
    colour: String,
    meaning: String,
) -> Result<Vec<Colour>> {
    state.with_store(|s| s.rename_colour(&colour, &meaning))
}

/// Renders a note's Markdown to sanitised HTML for the preview.
#[tauri::command]
pub async fn render_markdown(markdown: String) -> Result<String> {
    margin_core::store::check_note(&markdown)?;
    Ok(margin_core::markdown::render(&markdown))
}

// --- Bookmarks --------------------------------------------------------------------------------

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

// --- Free notes -------------------------------------------------------------------------------

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

// --- Export and import ------------------------------------------------------------------------

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
    let articles: Vec<&Article> = state.articles.values().collect();
    let text = state.with_store(|s| match format.as_str() {
        "w3c" => {
            let doc = margin_core::export::w3c::export(s, &articles)?;
            Ok(serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n")
        }
        "markdown" => {
            let mut all = String::new();
            for a in &articles {
                all.push_str(&margin_core::export::markdown::export(s, a)?);
            }
            Ok(all)
        }
        other => Err(Error::InvalidInput(format!(
            "unknown export format {other:?}"
        ))),
    })?;
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
    let articles: Vec<&Article> = state.articles.values().collect();
    state.with_store(|s| margin_core::export::w3c::import(s, &articles, &json))
}
