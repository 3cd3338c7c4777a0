//! Highlights with their notes, tags and colours; re-anchored when the article's text changes.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::{check_colour, new_id, text, Store, NOW};
use crate::anchor::{
    describe, AnchorStatus, Anchorer, Selectors, TextPositionSelector, TextQuoteSelector,
};
use crate::content::Article;
use crate::error::excerpt;
use crate::{Error, Result};

/// Longest note, in code points (about ten pages of text).
pub const NOTE_MAX_CHARS: usize = 20_000;
/// Longest tag, in code points.
pub const TAG_MAX_CHARS: usize = 64;
/// Most tags on one highlight.
pub const TAGS_MAX: usize = 32;

/// A highlight as the UI shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Annotation {
    /// UUID v7.
    pub id: String,
    /// The article it belongs to.
    pub article_id: String,
    /// The revision it was last anchored in: its selectors were made for it, except an orphan's,
    /// which keep the context of the last text they were found in.
    pub revision: String,
    /// The quote with its context.
    pub quote: TextQuoteSelector,
    /// Where it is now, in code points of the canonical text; `None` for an orphan.
    pub position: Option<TextPositionSelector>,
    /// How it was found in the current text.
    pub status: AnchorStatus,
    /// Colour name.
    pub colour: String,
    /// Markdown note ('' for none).
    pub note: String,
    /// Tags, sorted.
    pub tags: Vec<String>,
    /// The section it starts in, if placed.
    pub section_id: Option<String>,
    /// Creation time (RFC 3339, UTC).
    pub created_at: String,
    /// Last change (RFC 3339, UTC).
    pub updated_at: String,
}

/// A new highlight, as the UI sends it after the user selected text.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewAnnotation {
    /// Start, in code points of the canonical text.
    pub start: i64,
    /// End (exclusive).
    pub end: i64,
    /// The selected text as the UI saw it; must equal the text at `start..end`.
    pub exact: String,
    /// Colour name.
    pub colour: String,
    /// Optional Markdown note.
    #[serde(default)]
    pub note: String,
    /// Optional tags.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A change to a highlight; absent fields stay as they are.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotationPatch {
    /// New colour name.
    pub colour: Option<String>,
    /// New note.
    pub note: Option<String>,
    /// New set of tags.
    pub tags: Option<Vec<String>>,
}

/// Refuses a note over [`NOTE_MAX_CHARS`].
pub fn check_note(note: &str) -> Result<()> {
    let n = note.chars().count();
    if n > NOTE_MAX_CHARS {
        return Err(Error::InvalidInput(format!(
            "the note is {n} characters long; the limit is {NOTE_MAX_CHARS}"
        )));
    }
    Ok(())
}

/// Trims, de-duplicates, sorts and checks tags (none empty, none too long, not too many).
pub fn clean_tags(tags: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::with_capacity(tags.len());
    for tag in tags {
        let tag = tag.trim();
        if tag.is_empty() {
            return Err(Error::InvalidInput("a tag cannot be empty".into()));
        }
        if tag.chars().count() > TAG_MAX_CHARS {
            return Err(Error::InvalidInput(format!(
                "the tag {} is longer than {TAG_MAX_CHARS} characters",
                excerpt(tag)
            )));
        }
        if tag.chars().any(char::is_control) {
            return Err(Error::InvalidInput(format!(
                "the tag {} contains a control character",
                excerpt(tag)
            )));
        }
        if !out.iter().any(|t| t == tag) {
            out.push(tag.to_string());
        }
    }
    if out.len() > TAGS_MAX {
        return Err(Error::InvalidInput(format!(
            "at most {TAGS_MAX} tags on one highlight"
        )));
    }
    out.sort();
    Ok(out)
}

fn section_of(article: &Article, start: usize) -> Option<String> {
    let i = article.blocks.partition_point(|b| b.end <= start);
    article.blocks.get(i).map(|b| b.section.clone())
}

struct Row {
    id: String,
    article_id: String,
    revision: String,
    quote: TextQuoteSelector,
    position: Option<TextPositionSelector>,
    status: String,
    colour: String,
    note: String,
    created_at: String,
    updated_at: String,
}

const ROW_COLUMNS: &str =
    "id, article_id, article_revision, quote_exact, quote_prefix, quote_suffix,
     position_start, position_end, anchor_status, colour, note, created_at, updated_at";

fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    let start: Option<i64> = r.get(6)?;
    let end: Option<i64> = r.get(7)?;
    Ok(Row {
        id: r.get(0)?,
        article_id: r.get(1)?,
        revision: r.get(2)?,
        quote: TextQuoteSelector {
            exact: text(r, 3)?,
            prefix: text(r, 4)?,
            suffix: text(r, 5)?,
        },
        position: match (start, end) {
            (Some(s), Some(e)) => Some(TextPositionSelector {
                start: s as usize,
                end: e as usize,
            }),
            _ => None,
        },
        status: r.get(8)?,
        colour: text(r, 9)?,
        note: text(r, 10)?,
        created_at: r.get(11)?,
        updated_at: r.get(12)?,
    })
}

fn status_from(s: &str) -> AnchorStatus {
    match s {
        "exact" => AnchorStatus::Exact,
        "moved" => AnchorStatus::Moved,
        "fuzzy" => AnchorStatus::Fuzzy,
        "trimmed" => AnchorStatus::Trimmed,
        _ => AnchorStatus::Orphan,
    }
}

fn status_name(s: AnchorStatus) -> &'static str {
    match s {
        AnchorStatus::Exact => "exact",
        AnchorStatus::Moved => "moved",
        AnchorStatus::Fuzzy => "fuzzy",
        AnchorStatus::Trimmed => "trimmed",
        AnchorStatus::Orphan => "orphan",
    }
}

fn tags_of(tx: &rusqlite::Connection, id: &str) -> Result<Vec<String>> {
    let mut stmt =
        tx.prepare_cached("SELECT tag FROM annotation_tags WHERE annotation_id = ?1 ORDER BY tag")?;
    let tags = stmt
        .query_map([id], |r| text(r, 0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(tags)
}

fn set_tags(tx: &Transaction<'_>, id: &str, tags: &[String]) -> Result<()> {
    tx.execute("DELETE FROM annotation_tags WHERE annotation_id = ?1", [id])?;
    let mut stmt =
        tx.prepare_cached("INSERT INTO annotation_tags (annotation_id, tag) VALUES (?1, ?2)")?;
    for tag in tags {
        stmt.execute(params![id, tag])?;
    }
    Ok(())
}

/// Writes a (re-)anchoring result into a row: new selectors for placed annotations; for orphans,
/// which keep their last selectors so that nothing of them is lost, the status and the revision
/// they were looked for in, so that they are not searched for again on every listing of it.
fn store_anchor(
    tx: &Transaction<'_>,
    id: &str,
    revision: &str,
    selectors: Option<&Selectors>,
    status: AnchorStatus,
) -> Result<()> {
    match selectors {
        Some(s) => {
            let pos = s.position.as_ref();
            // Cached: a re-anchoring pass runs this once per annotation, and preparing it
            // each time cost a fifth of the pass (benches/store.rs).
            tx.prepare_cached(
                "UPDATE annotations SET article_revision = ?2, quote_exact = ?3, quote_prefix = ?4,
                   quote_suffix = ?5, position_start = ?6, position_end = ?7, anchor_status = ?8
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                revision,
                s.quote.exact,
                s.quote.prefix,
                s.quote.suffix,
                pos.map(|p| p.start as i64),
                pos.map(|p| p.end as i64),
                status_name(status)
            ])?;
        }
        None => {
            tx.prepare_cached(
                "UPDATE annotations SET article_revision = ?2, anchor_status = 'orphan',
                   position_start = NULL, position_end = NULL
                 WHERE id = ?1",
            )?
            .execute(params![id, revision])?;
        }
    }
    Ok(())
}

/// Inserts an annotation whose selectors are given (new or imported).
fn insert(tx: &Transaction<'_>, a: &AnnotationRow<'_>) -> Result<()> {
    let pos = a.selectors.position.as_ref();
    tx.execute(
        &format!(
            "INSERT INTO annotations (id, article_id, article_revision, quote_exact, quote_prefix,
               quote_suffix, position_start, position_end, anchor_status, colour, note, created_at,
               updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, coalesce(?12, {NOW}),
                     coalesce(?13, ?12, {NOW}))"
        ),
        params![
            a.id,
            a.article.meta.id,
            a.article.revision,
            a.selectors.quote.exact,
            a.selectors.quote.prefix,
            a.selectors.quote.suffix,
            pos.map(|p| p.start as i64),
            pos.map(|p| p.end as i64),
            status_name(a.status),
            a.colour,
            a.note,
            a.created,
            a.modified,
        ],
    )?;
    set_tags(tx, a.id, a.tags)
}

impl Store {
    /// Creates a highlight on `article` from a selection, after checking every field.
    pub fn create_annotation(
        &mut self,
        article: &Article,
        new: &NewAnnotation,
    ) -> Result<Annotation> {
        if new.start < 0 || new.end < 0 {
            return Err(Error::InvalidInput("offsets cannot be negative".into()));
        }
        let (start, end) = (new.start as usize, new.end as usize);
        if start >= end {
            return Err(Error::InvalidInput(format!(
                "the selection is empty or reversed (start {start}, end {end})"
            )));
        }
        if end > article.text_length {
            return Err(Error::InvalidInput(format!(
                "the selection ends at {end}, past the end of the text ({})",
                article.text_length
            )));
        }
        let selectors = describe(&article.text, start, end)?;
        if selectors.quote.exact != new.exact {
            return Err(Error::InvalidInput(
                "the selected text does not match the article at that place".into(),
            ));
        }
        check_colour(&new.colour)?;
        check_note(&new.note)?;
        let tags = clean_tags(&new.tags)?;
        let id = new_id();
        self.write(|tx| {
            insert(
                tx,
                &AnnotationRow {
                    id: &id,
                    legacy_id: None,
                    article,
                    selectors: &selectors,
                    status: AnchorStatus::Exact,
                    colour: &new.colour,
                    note: &new.note,
                    tags: &tags,
                    created: None,
                    modified: None,
                },
            )
        })?;
        self.annotation(article, &id)
    }

    /// One live annotation by id.
    pub fn annotation(&self, article: &Article, id: &str) -> Result<Annotation> {
        let row = self
            .conn()
            .query_row(
                &format!(
                    "SELECT {ROW_COLUMNS} FROM annotations WHERE id = ?1 AND deleted_at IS NULL"
                ),
                [id],
                read_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no highlight with id {}", excerpt(id))))?;
        self.to_annotation(article, row)
    }

    fn to_annotation(&self, article: &Article, row: Row) -> Result<Annotation> {
        let tags = tags_of(self.conn(), &row.id)?;
        Ok(Annotation {
            section_id: row
                .position
                .as_ref()
                .and_then(|p| section_of(article, p.start)),
            id: row.id,
            article_id: row.article_id,
            revision: row.revision,
            quote: row.quote,
            position: row.position,
            status: status_from(&row.status),
            colour: row.colour,
            note: row.note,
            tags,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }

    /// All live annotations of `article`, in document order, orphans last. Those made on another
    /// revision of the text are re-anchored first and the result is saved, so this work is done
    /// once per revision.
    pub fn annotations(&mut self, article: &Article) -> Result<Vec<Annotation>> {
        let mut rows = self.live_rows(article)?;
        self.reanchor_stale(article, &mut rows)?;
        let mut tags = self.tags_by_annotation(article)?;
        let mut out: Vec<Annotation> = rows
            .into_iter()
            .map(|row| Annotation {
                section_id: row
                    .position
                    .as_ref()
                    .and_then(|p| section_of(article, p.start)),
                tags: tags.remove(&row.id).unwrap_or_default(),
                status: status_from(&row.status),
                id: row.id,
                article_id: row.article_id,
                revision: row.revision,
                quote: row.quote,
                position: row.position,
                colour: row.colour,
                note: row.note,
                created_at: row.created_at,
                updated_at: row.updated_at,
            })
            .collect();
        out.sort_by_key(|a| {
            (
                a.position.as_ref().map_or(usize::MAX, |p| p.start),
                a.created_at.clone(),
            )
        });
        Ok(out)
    }

    fn live_rows(&self, article: &Article) -> Result<Vec<Row>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {ROW_COLUMNS} FROM annotations WHERE article_id = ?1 AND deleted_at IS NULL"
        ))?;
        let rows = stmt.query_map([&article.meta.id], read_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Re-anchors the rows made on another revision of the text, saves their new anchors, and
    /// updates `rows` to match.
    fn reanchor_stale(&mut self, article: &Article, rows: &mut [Row]) -> Result<()> {
        let stale: Vec<usize> = (0..rows.len())
            .filter(|&i| rows[i].revision != article.revision)
            .collect();
        if stale.is_empty() {
            return Ok(());
        }
        let anchorer = Anchorer::new(&article.text);
        let mut updates = Vec::with_capacity(stale.len());
        for &i in &stale {
            let row = &rows[i];
            let old = Selectors {
                quote: row.quote.clone(),
                position: row.position,
            };
            let found = anchorer.anchor(&old);
            let selectors = match found.position {
                Some(p) => Some(anchorer.describe(p.start, p.end)?),
                None => None,
            };
            updates.push((i, selectors, found.status));
        }
        let revision = article.revision.clone();
        // A database that can only be read is shown re-anchored, and anchored again next time.
        if self.read_only().is_none() {
            self.write(|tx| {
                for (i, selectors, status) in &updates {
                    store_anchor(tx, &rows[*i].id, &revision, selectors.as_ref(), *status)?;
                }
                Ok(())
            })?;
        }
        for (i, selectors, status) in updates {
            let row = &mut rows[i];
            row.status = status_name(status).to_string();
            row.revision = revision.clone();
            match selectors {
                Some(s) => {
                    row.quote = s.quote;
                    row.position = s.position;
                }
                None => row.position = None,
            }
        }
        Ok(())
    }

    /// The tags of every live annotation of the article, in one query rather than one per
    /// highlight.
    fn tags_by_annotation(&self, article: &Article) -> Result<HashMap<String, Vec<String>>> {
        let mut tags: HashMap<String, Vec<String>> = HashMap::new();
        let mut stmt = self.conn().prepare_cached(
            "SELECT t.annotation_id, t.tag FROM annotation_tags t
             JOIN annotations a ON a.id = t.annotation_id
             WHERE a.article_id = ?1 AND a.deleted_at IS NULL ORDER BY t.tag",
        )?;
        let pairs = stmt.query_map([&article.meta.id], |r| {
            Ok((r.get::<_, String>(0)?, text(r, 1)?))
        })?;
        for pair in pairs {
            let (id, tag) = pair?;
            tags.entry(id).or_default().push(tag);
        }
        Ok(tags)
    }

    /// Changes a highlight's colour, note or tags.
    pub fn update_annotation(
        &mut self,
        article: &Article,
        id: &str,
        patch: &AnnotationPatch,
    ) -> Result<Annotation> {
        if let Some(c) = &patch.colour {
            check_colour(c)?;
        }
        if let Some(n) = &patch.note {
            check_note(n)?;
        }
        let tags = patch.tags.as_deref().map(clean_tags).transpose()?;
        self.annotation(article, id)?;
        self.write(|tx| {
            tx.execute(
                &format!(
                    "UPDATE annotations SET colour = coalesce(?2, colour), note = coalesce(?3, note),
                       updated_at = {NOW} WHERE id = ?1"
                ),
                params![id, patch.colour, patch.note],
            )?;
            if let Some(tags) = &tags {
                set_tags(tx, id, tags)?;
            }
            Ok(())
        })?;
        self.annotation(article, id)
    }

    /// Deletes a highlight softly: it disappears but can be restored (undo).
    pub fn delete_annotation(&mut self, id: &str) -> Result<()> {
        let changed = self.write(|tx| {
            Ok(tx.execute(
                &format!("UPDATE annotations SET deleted_at = {NOW} WHERE id = ?1 AND deleted_at IS NULL"),
                [id],
            )?)
        })?;
        if changed == 0 {
            return Err(Error::NotFound(format!(
                "no highlight with id {}",
                excerpt(id)
            )));
        }
        Ok(())
    }

    /// Brings back a deleted highlight.
    pub fn restore_annotation(&mut self, article: &Article, id: &str) -> Result<Annotation> {
        let changed = self.write(|tx| {
            Ok(tx.execute(
                "UPDATE annotations SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                [id],
            )?)
        })?;
        if changed == 0 {
            return Err(Error::NotFound(format!(
                "no deleted highlight with id {}",
                excerpt(id)
            )));
        }
        self.annotation(article, id)
    }
}

/// An annotation to write, already checked and anchored: a new highlight, or an imported one.
pub struct AnnotationRow<'a> {
    /// Its id (an import keeps the file's, so a second import merges instead of duplicating).
    pub id: &'a str,
    /// The id an earlier Margin stored for the same annotation, if it differs (a non-UUID id
    /// from another tool was kept as it was; it is now a UUID v5 of it).
    pub legacy_id: Option<&'a str>,
    /// The article it targets.
    pub article: &'a Article,
    /// Selectors in the article's current text (or the imported ones, for an orphan).
    pub selectors: &'a Selectors,
    /// How it was anchored.
    pub status: AnchorStatus,
    /// Colour name (checked).
    pub colour: &'a str,
    /// Note (checked).
    pub note: &'a str,
    /// Tags (cleaned).
    pub tags: &'a [String],
    /// `created` from the file, if any.
    pub created: Option<&'a str>,
    /// `modified` from the file, if any.
    pub modified: Option<&'a str>,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// New annotations.
    pub added: usize,
    /// Annotations that existed (same id) and were changed.
    pub updated: usize,
    /// Annotations that existed and already said the same.
    pub unchanged: usize,
    /// Annotations changed or deleted here after the file's version of them: kept as they are.
    pub newer_here: usize,
    /// Of the added and updated, how many could not be placed in the text (kept as orphans).
    pub orphaned: usize,
    /// What a full export brought besides highlights.
    pub merged: super::merge::MergeReport,
}

/// The id an imported annotation merges into: its own, or, when only that exists here, the id
/// an earlier Margin stored for it (a non-UUID id kept as it was in the file).
fn merge_id<'a>(tx: &Transaction<'_>, row: &AnnotationRow<'a>) -> Result<&'a str> {
    let exists = |id: &str| -> Result<bool> {
        Ok(tx
            .query_row("SELECT 1 FROM annotations WHERE id = ?1", [id], |_| Ok(()))
            .optional()?
            .is_some())
    };
    match row.legacy_id {
        Some(old) if !exists(row.id)? && exists(old)? => Ok(old),
        _ => Ok(row.id),
    }
}

/// Whether the annotation `id` was changed or deleted here after the file's version of it
/// (`modified`, else `created`). Times are compared as times (`julianday`): earlier imports
/// stored a file's own format, offsets included. With no date at all the file's version is not
/// newer than a deletion.
fn newer_here(
    tx: &Transaction<'_>,
    id: &str,
    row: &AnnotationRow<'_>,
    deleted: bool,
) -> Result<bool> {
    let Some(at) = row.modified.or(row.created) else {
        return Ok(deleted);
    };
    Ok(tx.query_row(
        "SELECT coalesce(julianday(updated_at) > julianday(?2)
                  OR coalesce(julianday(deleted_at) >= julianday(?2), 0), 0)
         FROM annotations WHERE id = ?1",
        params![id, at],
        |r| r.get(0),
    )?)
}

/// Adds or merges one imported annotation into `report`. The newer version wins: one changed
/// or deleted here after the file's version is kept; otherwise the file's is written (and a
/// highlight deleted here before it comes back).
fn import_row(
    tx: &Transaction<'_>,
    row: &AnnotationRow<'_>,
    report: &mut ImportReport,
) -> Result<()> {
    let id = merge_id(tx, row)?;
    let existing = tx
        .query_row(
            &format!("SELECT {ROW_COLUMNS}, deleted_at FROM annotations WHERE id = ?1"),
            [id],
            |r| Ok((read_row(r)?, r.get::<_, Option<String>>(13)?)),
        )
        .optional()?;
    let orphan = row.status == AnchorStatus::Orphan;
    let Some((old, deleted)) = existing else {
        insert(tx, row)?;
        report.added += 1;
        report.orphaned += usize::from(orphan);
        return Ok(());
    };
    let same = deleted.is_none()
        && old.article_id == row.article.meta.id
        && old.colour == row.colour
        && old.note == row.note
        && tags_of(tx, id)? == row.tags
        && old.quote == row.selectors.quote
        && old.position == row.selectors.position;
    if same {
        report.unchanged += 1;
        return Ok(());
    }
    if newer_here(tx, id, row, deleted.is_some())? {
        report.newer_here += 1;
        return Ok(());
    }
    // A file's version without `modified` dates from its `created`: a later change here is
    // then newer than it, and the same file imported again is not.
    tx.execute(
        &format!(
            "UPDATE annotations SET article_id = ?2, colour = ?3, note = ?4,
               updated_at = coalesce(?5, ?6, {NOW}), deleted_at = NULL WHERE id = ?1"
        ),
        params![
            id,
            row.article.meta.id,
            row.colour,
            row.note,
            row.modified,
            row.created
        ],
    )?;
    set_tags(tx, id, row.tags)?;
    let placed = (!orphan).then_some(row.selectors);
    store_anchor(tx, id, &row.article.revision, placed, row.status)?;
    report.updated += 1;
    report.orphaned += usize::from(orphan);
    Ok(())
}

impl Store {
    /// Adds or merges imported annotations, and with a full export everything else in it, in
    /// one transaction: all or nothing.
    pub fn import_annotations(
        &mut self,
        rows: &[AnnotationRow<'_>],
        extras: Option<&super::merge::CheckedExtras>,
    ) -> Result<ImportReport> {
        self.write(|tx| {
            let mut report = ImportReport::default();
            for row in rows {
                import_row(tx, row, &mut report)?;
            }
            if let Some(extras) = extras {
                report.merged = extras.merge(tx)?;
            }
            Ok(report)
        })
    }
}
