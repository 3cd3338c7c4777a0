//! Where the reader left off in each article.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::{Store, NOW};
use crate::content::Article;
use crate::error::excerpt;
use crate::{Error, Result};

/// A reading position, as the UI saves and restores it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadingPosition {
    /// The block at the top of the viewport.
    pub block_id: String,
    /// How much of that block is scrolled above the top, 0..=1.
    pub block_fraction: f64,
    /// Code-point offset in the canonical text of the first visible character, roughly.
    pub text_offset: i64,
    /// Reading progress through the whole article, 0..=1.
    pub progress: f64,
}

/// Checks that a reading position fits `article`.
pub(crate) fn check_position(article: &Article, pos: &ReadingPosition) -> Result<()> {
    if article.block(&pos.block_id).is_none() {
        return Err(Error::InvalidInput(format!(
            "no block {} in article {:?}",
            excerpt(&pos.block_id),
            article.meta.id
        )));
    }
    let in_unit = |x: f64| (0.0..=1.0).contains(&x);
    if !in_unit(pos.block_fraction) || !in_unit(pos.progress) {
        return Err(Error::InvalidInput(
            "block_fraction and progress must be between 0 and 1".into(),
        ));
    }
    if pos.text_offset < 0 || pos.text_offset as usize > article.text_length {
        return Err(Error::InvalidInput(format!(
            "text offset {} is outside the article (0–{})",
            pos.text_offset, article.text_length
        )));
    }
    Ok(())
}

impl Store {
    /// The saved position in `article`, if any and if it still fits the article's text.
    pub fn reading_position(&self, article: &Article) -> Result<Option<ReadingPosition>> {
        let pos = self
            .conn()
            .query_row(
                "SELECT block_id, block_fraction, text_offset, progress
                 FROM reading_positions WHERE article_id = ?1",
                [&article.meta.id],
                |r| {
                    Ok(ReadingPosition {
                        block_id: r.get(0)?,
                        block_fraction: r.get(1)?,
                        text_offset: r.get(2)?,
                        progress: r.get(3)?,
                    })
                },
            )
            .optional()?;
        // After a revision the block may be gone: fall back to the block holding the offset.
        Ok(pos.map(|mut p| {
            if article.block(&p.block_id).is_none() {
                let offset = usize::try_from(p.text_offset).unwrap_or(0);
                if let Some(b) = article.blocks.iter().rev().find(|b| b.start <= offset) {
                    p.block_id = b.id.clone();
                    p.block_fraction = 0.0;
                }
            }
            p
        }))
    }

    /// Validates `pos` against `article` and saves it.
    pub fn save_reading_position(
        &mut self,
        article: &Article,
        pos: &ReadingPosition,
    ) -> Result<()> {
        check_position(article, pos)?;
        self.write(|tx| {
            tx.execute(
                &format!(
                    "INSERT INTO reading_positions
                       (article_id, block_id, block_fraction, text_offset, progress, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, {NOW}, {NOW})
                     ON CONFLICT (article_id) DO UPDATE SET
                       block_id = excluded.block_id, block_fraction = excluded.block_fraction,
                       text_offset = excluded.text_offset, progress = excluded.progress,
                       updated_at = excluded.updated_at"
                ),
                params![
                    article.meta.id,
                    pos.block_id,
                    pos.block_fraction,
                    pos.text_offset,
                    pos.progress
                ],
            )?;
            Ok(())
        })
    }
}
