//! Highlights, their colours, and the Markdown preview of their notes.

use margin_core::store::{Annotation, AnnotationPatch, Colour, NewAnnotation};
use margin_core::Result;
use tauri::State;

use super::Arg;
use crate::state::AppState;

/// The article's highlights in document order (orphans last), re-anchored if the text changed.
#[tauri::command]
pub async fn list_annotations(
    state: State<'_, AppState>,
    article_id: Arg<String>,
) -> Result<Vec<Annotation>> {
    let article_id = article_id.0;
    let article = state.article(Some(&article_id))?;
    state.with_store(|s| s.annotations(article))
}

/// Highlights a selection; returns the stored highlight once it is durably committed.
#[tauri::command]
pub async fn create_annotation(
    state: State<'_, AppState>,
    article_id: Arg<String>,
    annotation: Arg<NewAnnotation>,
) -> Result<Annotation> {
    let article_id = article_id.0;
    let annotation = annotation.0;
    let article = state.article(Some(&article_id))?;
    state.with_store(|s| s.create_annotation(article, &annotation))
}

/// Changes a highlight's colour, note or tags.
#[tauri::command]
pub async fn update_annotation(
    state: State<'_, AppState>,
    article_id: Arg<String>,
    id: Arg<String>,
    patch: Arg<AnnotationPatch>,
) -> Result<Annotation> {
    let article_id = article_id.0;
    let id = id.0;
    let patch = patch.0;
    let article = state.article(Some(&article_id))?;
    state.with_store(|s| s.update_annotation(article, &id, &patch))
}

/// Deletes a highlight (softly: `restore_annotation` undoes it).
#[tauri::command]
pub async fn delete_annotation(state: State<'_, AppState>, id: Arg<String>) -> Result<()> {
    let id = id.0;
    state.with_store(|s| s.delete_annotation(&id))
}

/// Undoes a delete.
#[tauri::command]
pub async fn restore_annotation(
    state: State<'_, AppState>,
    article_id: Arg<String>,
    id: Arg<String>,
) -> Result<Annotation> {
    let article_id = article_id.0;
    let id = id.0;
    let article = state.article(Some(&article_id))?;
    state.with_store(|s| s.restore_annotation(article, &id))
}

/// Renames what a colour means.
#[tauri::command]
pub async fn rename_colour(
    state: State<'_, AppState>,
    colour: Arg<String>,
    meaning: Arg<String>,
) -> Result<Vec<Colour>> {
    let colour = colour.0;
    let meaning = meaning.0;
    state.with_store(|s| s.rename_colour(&colour, &meaning))
}

/// Renders a note's Markdown to sanitised HTML for the preview (a highlight's note or a free
/// note, so up to the longer free-note limit).
#[tauri::command]
pub async fn render_markdown(markdown: Arg<String>) -> Result<String> {
    let markdown = markdown.0;
    margin_core::markdown::render_note(&markdown)
}

/// Renders many notes at once (the panel's list, the printed notes), in the order given: one
/// call for the list instead of one per note.
#[tauri::command]
pub async fn render_notes(notes: Arg<Vec<String>>) -> Result<Vec<String>> {
    let notes = notes.0;
    notes
        .iter()
        .map(|note| margin_core::markdown::render_note(note))
        .collect()
}
