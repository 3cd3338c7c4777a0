//! Bookmarks: a section, or an exact reading position, with an optional label.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::{new_id, Store, NOW};
use crate::content::{Article, Block};
use crate::error::excerpt;
use crate::{Error, Result};

/// Longest label, in code points.
pub const LABEL_MAX_CHARS: usize = 200;

/// A bookmark as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bookmark {
    /// UUID v7.
    pub id: String,
    /// `section` or `position`.
    pub kind: String,
    /// The section it is in (for a section bookmark, the one it marks).
    pub section_id: String,
    /// The block it points at (the heading, for a section bookmark).
    pub block_id: String,
    /// Code-point offset in the canonical text.
    pub text_offset: i64,
    /// The user's label ('' for none).
    pub label: String,
    /// Creation time.
    pub created_at: String,
}

/// A new bookmark, as the UI sends it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewBookmark {
    /// `section` (then `block_id` may be any block of the section) or `position`.
    pub kind: String,
    /// The block at the bookmarked place.
    pub block_id: String,
    /// For a position bookmark: code-point offset inside that block.
    pub text_offset: Option<i64>,
    /// Optional label.
    #[serde(default)]
    pub label: String,
}

pub(crate) fn check_label(label: &str) -> Result<String> {
    let label = label.trim();
    if label.chars().count() > LABEL_MAX_CHARS {
        return Err(Error::InvalidInput(format!(
            "a bookmark label can have at most {LABEL_MAX_CHARS} characters"
        )));
    }
    Ok(label.to_string())
}

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Bookmark> {
    Ok(Bookmark {
        id: r.get(0)?,
        kind: r.get(1)?,
        section_id: r.get(2)?,
        block_id: r.get(3)?,
        text_offset: r.get(4)?,
        label: super::text(r, 5)?,
        created_at: r.get(6)?,
    })
}

const COLUMNS: &str = "id, kind, section_id, block_id, text_offset, label, created_at";

/// Where a new bookmark points: (section id, block id, text offset). A section bookmark points
/// at the section's target block; a position bookmark's offset must be inside its block.
pub(crate) fn place(
    article: &Article,
    new: &NewBookmark,
    block: &Block,
) -> Result<(String, String, i64)> {
    match new.kind.as_str() {
        "section" => {
            let section = article
                .sections
                .iter()
                .find(|s| s.id == block.section)
                .ok_or_else(|| Error::InvalidInput("that block is in no section".into()))?;
            let target = article.block(&section.target).unwrap_or(block);
            Ok((section.id.clone(), target.id.clone(), target.start as i64))
        }
        "position" => {
            let offset = new.text_offset.ok_or_else(|| {
                Error::InvalidInput("a position bookmark needs text_offset".into())
            })?;
            if offset < block.start as i64 || offset > block.end as i64 {
                return Err(Error::InvalidInput(format!(
                    "offset {offset} is outside block {:?} ({}–{})",
                    block.id, block.start, block.end
                )));
            }
            Ok((block.section.clone(), block.id.clone(), offset))
        }
        other => Err(Error::InvalidInput(format!(
            "unknown bookmark kind {}: use section or position",
            excerpt(other)
        ))),
    }
}

impl Store {
    /// Adds a bookmark after checking that its place exists. Bookmarking a section that already
    /// has a bookmark returns the existing one.
    pub fn create_bookmark(&mut self, article: &Article, new: &NewBookmark) -> Result<Bookmark> {
        let block = article.block(&new.block_id).ok_or_else(|| {
            Error::InvalidInput(format!(
                "no block {} in the article",
                excerpt(&new.block_id)
            ))
        })?;
        let label = check_label(&new.label)?;
        let (section_id, block_id, offset) = place(article, new, block)?;
        if new.kind == "section" {
            let existing = self
                .conn()
                .query_row(
                    &format!(
                        "SELECT {COLUMNS} FROM bookmarks WHERE article_id = ?1 AND kind = 'section'
                         AND section_id = ?2 AND deleted_at IS NULL"
                    ),
                    params![article.meta.id, section_id],
                    read,
                )
                .optional()?;
            if let Some(b) = existing {
                return Ok(b);
            }
        }
        let id = new_id();
        self.write(|tx| {
            tx.execute(
                &format!(
                    "INSERT INTO bookmarks (id, article_id, kind, section_id, block_id, text_offset, label,
                       created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, {NOW}, {NOW})"
                ),
                params![id, article.meta.id, new.kind, section_id, block_id, offset, label],
            )?;
            Ok(())
        })?;
        self.bookmark(&id)
    }

    fn bookmark(&self, id: &str) -> Result<Bookmark> {
        self.conn()
            .query_row(
                &format!("SELECT {COLUMNS} FROM bookmarks WHERE id = ?1 AND deleted_at IS NULL"),
                [id],
                read,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no bookmark with id {}", excerpt(id))))
    }

    /// The article's bookmarks in document order.
    pub fn bookmarks(&self, article: &Article) -> Result<Vec<Bookmark>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM bookmarks WHERE article_id = ?1 AND deleted_at IS NULL
             ORDER BY text_offset, created_at"
        ))?;
        let rows = stmt.query_map([&article.meta.id], read)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Changes a bookmark's label.
    pub fn rename_bookmark(&mut self, id: &str, label: &str) -> Result<Bookmark> {
        let label = check_label(label)?;
        self.bookmark(id)?;
        self.write(|tx| {
            tx.execute(
                &format!("UPDATE bookmarks SET label = ?2, updated_at = {NOW} WHERE id = ?1"),
                params![id, label],
            )?;
            Ok(())
        })?;
        self.bookmark(id)
    }

    /// Removes a bookmark (softly, like highlights).
    pub fn delete_bookmark(&mut self, id: &str) -> Result<()> {
        let changed = self.write(|tx| {
            Ok(tx.execute(
                &format!(
                    "UPDATE bookmarks SET deleted_at = {NOW} WHERE id = ?1 AND deleted_at IS NULL"
                ),
                [id],
            )?)
        })?;
        if changed == 0 {
            return Err(Error::NotFound(format!(
                "no bookmark with id {}",
                excerpt(id)
            )));
        }
        Ok(())
    }
}
