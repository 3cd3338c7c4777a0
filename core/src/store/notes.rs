//! Free Markdown notes: one on the whole article and one per section.

use rusqlite::params;
use serde::Serialize;

use super::{Store, NOW};
use crate::content::Article;
use crate::error::excerpt;
use crate::{Error, Result};

/// Longest free note, in code points.
pub const FREE_NOTE_MAX_CHARS: usize = 100_000;

/// A free note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// The section it belongs to; `None` for the note on the whole article.
    pub section_id: Option<String>,
    /// Markdown.
    pub body: String,
    /// Last saved (RFC 3339, UTC).
    pub updated_at: String,
}

/// Checks a free note: its section (`None`: the whole article) exists, its length is allowed.
pub(crate) fn check_free_note(
    article: &Article,
    section_id: Option<&str>,
    body: &str,
) -> Result<()> {
    if let Some(id) = section_id {
        if !article.sections.iter().any(|s| s.id == id) {
            return Err(Error::InvalidInput(format!(
                "no section {} in the article",
                excerpt(id)
            )));
        }
    }
    let n = body.chars().count();
    if n > FREE_NOTE_MAX_CHARS {
        return Err(Error::InvalidInput(format!(
            "the note is {n} characters long; the limit is {FREE_NOTE_MAX_CHARS}"
        )));
    }
    Ok(())
}

impl Store {
    /// The article's free notes (only those ever written).
    pub fn notes(&self, article: &Article) -> Result<Vec<Note>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT section_id, body, updated_at FROM notes WHERE article_id = ?1 ORDER BY section_id",
        )?;
        let rows = stmt.query_map([&article.meta.id], |r| {
            let section: String = r.get(0)?;
            Ok(Note {
                section_id: (!section.is_empty()).then_some(section),
                body: super::text(r, 1)?,
                updated_at: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Saves the note on a section (or, with `None`, on the article) and returns it.
    pub fn save_note(
        &mut self,
        article: &Article,
        section_id: Option<&str>,
        body: &str,
    ) -> Result<Note> {
        check_free_note(article, section_id, body)?;
        let key = section_id.unwrap_or("");
        let updated_at: String = self.write(|tx| {
            Ok(tx.query_row(
                &format!(
                    "INSERT INTO notes (article_id, section_id, body, created_at, updated_at)
                     VALUES (?1, ?2, ?3, {NOW}, {NOW})
                     ON CONFLICT (article_id, section_id) DO UPDATE SET body = excluded.body,
                       updated_at = excluded.updated_at
                     RETURNING updated_at"
                ),
                params![article.meta.id, key, body],
                |r| r.get(0),
            )?)
        })?;
        Ok(Note {
            section_id: section_id.map(str::to_string),
            body: body.to_string(),
            updated_at,
        })
    }
}
