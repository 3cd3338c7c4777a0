//! Everything the user made besides highlights, as records a full export carries and another
//! Margin merges (issue 18): bookmarks, free notes, colour meanings, preferences and reading
//! positions. Highlights travel as W3C annotations beside them (`export::full`).
//!
//! Merging is by id (bookmarks), by article and section (notes), by colour, by key, by article:
//! a record replaces what is here only when it is newer (`modified`), so importing on either
//! computer, in any order, ends with the newest of each. Every record is checked as the UI's own
//! writes are before anything is written; one bad record refuses the file.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::bookmarks::{check_label, place};
use super::colours::check_meaning;
use super::notes::check_free_note;
use super::preferences::check_preference;
use super::reading::check_position;
use super::{NewBookmark, ReadingPosition, Store};
use crate::content::{article_id_from_iri, article_iri, Article};
use crate::error::excerpt;
use crate::{Error, Result};

/// A bookmark as exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookmarkRecord {
    /// Its id (a UUID).
    pub id: String,
    /// The article's IRI.
    pub article: String,
    /// `section` or `position`.
    pub kind: String,
    /// The block it points at.
    pub block: String,
    /// Its section: not in the file, found from the block when the record is checked.
    #[serde(skip)]
    pub section: String,
    /// Code-point offset in the article's text.
    pub offset: i64,
    /// The user's label.
    #[serde(default)]
    pub label: String,
    /// When it was made and last changed (RFC 3339).
    pub created: String,
    /// When it last changed.
    pub modified: String,
}

/// A free note as exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteRecord {
    /// The article's IRI.
    pub article: String,
    /// The section, or none for the note on the whole article.
    pub section: Option<String>,
    /// Markdown.
    pub body: String,
    /// When it was first written.
    pub created: String,
    /// When it last changed.
    pub modified: String,
}

/// What a colour means, as the user renamed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColourRecord {
    /// The colour's name (`yellow`…).
    pub colour: String,
    /// Its meaning.
    pub meaning: String,
    /// When it last changed.
    pub modified: String,
}

/// One preference, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreferenceRecord {
    /// Its key (`theme`, `font_size`…).
    pub key: String,
    /// Its value, as text.
    pub value: String,
    /// When it last changed.
    pub modified: String,
}

/// Where the reader left an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PositionRecord {
    /// The article's IRI.
    pub article: String,
    /// The position.
    #[serde(flatten)]
    pub position: ReadingPosition,
    /// When it was saved.
    pub modified: String,
}

/// Everything besides highlights.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extras {
    /// Live bookmarks.
    #[serde(default)]
    pub bookmarks: Vec<BookmarkRecord>,
    /// Free notes.
    #[serde(default)]
    pub notes: Vec<NoteRecord>,
    /// Renamed colours.
    #[serde(default)]
    pub colours: Vec<ColourRecord>,
    /// Preferences.
    #[serde(default)]
    pub preferences: Vec<PreferenceRecord>,
    /// Reading positions.
    #[serde(default)]
    pub positions: Vec<PositionRecord>,
}

/// How many records of each kind an import wrote (new, or newer than what was here).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MergeReport {
    /// Bookmarks added or updated.
    pub bookmarks: usize,
    /// Free notes added or updated.
    pub notes: usize,
    /// Colour meanings, preferences and reading positions added or updated.
    pub settings: usize,
}

/// A timestamp from a file, as the store writes them (UTC, milliseconds), or why not. SQLite
/// reads RFC 3339 with or without a zone offset; anything else is refused.
pub(crate) fn check_time(conn: &rusqlite::Connection, what: &str, s: &str) -> Result<String> {
    let plausible = s.len() >= 19 && s.len() <= 40 && s.as_bytes()[10] == b'T';
    let normal: Option<String> = if plausible {
        conn.query_row("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', ?1)", [s], |r| {
            r.get(0)
        })?
    } else {
        None
    };
    normal.ok_or_else(|| {
        Error::InvalidInput(format!(
            "{what}: {} is not a date and time (RFC 3339, such as 2026-01-31T09:30:00Z)",
            excerpt(s)
        ))
    })
}

/// The article an exported IRI names, if Margin has it.
fn article_of<'a>(
    known: &HashMap<&str, &'a Article>,
    iri: &str,
    what: &str,
) -> Result<&'a Article> {
    article_id_from_iri(iri)
        .and_then(|id| known.get(id).copied())
        .ok_or_else(|| {
            Error::InvalidInput(format!(
                "{what}: {} is not an article Margin has",
                excerpt(iri)
            ))
        })
}

impl Store {
    /// Everything besides highlights, for the articles given.
    pub fn extras(&self, articles: &[&Article]) -> Result<Extras> {
        let mut out = Extras::default();
        for article in articles {
            let iri = article_iri(&article.meta.id);
            self.bookmark_records(&iri, &article.meta.id, &mut out.bookmarks)?;
            let mut stmt = self.conn().prepare_cached(
                "SELECT section_id, body, created_at, updated_at FROM notes WHERE article_id = ?1
                 ORDER BY section_id",
            )?;
            let notes = stmt.query_map([&article.meta.id], |r| {
                let section: String = r.get(0)?;
                Ok(NoteRecord {
                    article: iri.clone(),
                    section: (!section.is_empty()).then_some(section),
                    body: super::text(r, 1)?,
                    created: r.get(2)?,
                    modified: r.get(3)?,
                })
            })?;
            out.notes
                .extend(notes.collect::<rusqlite::Result<Vec<_>>>()?);
            let position = self
                .conn()
                .query_row(
                    "SELECT block_id, block_fraction, text_offset, progress, updated_at
                     FROM reading_positions WHERE article_id = ?1",
                    [&article.meta.id],
                    |r| {
                        Ok(PositionRecord {
                            article: iri.clone(),
                            position: ReadingPosition {
                                block_id: r.get(0)?,
                                block_fraction: r.get(1)?,
                                text_offset: r.get(2)?,
                                progress: r.get(3)?,
                            },
                            modified: r.get(4)?,
                        })
                    },
                )
                .optional()?;
            out.positions.extend(position);
        }
        self.settings_records(&mut out)?;
        Ok(out.importable(articles))
    }

    fn bookmark_records(&self, iri: &str, id: &str, out: &mut Vec<BookmarkRecord>) -> Result<()> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, kind, block_id, text_offset, label, created_at, updated_at FROM bookmarks
             WHERE article_id = ?1 AND deleted_at IS NULL ORDER BY text_offset, created_at",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(BookmarkRecord {
                id: r.get(0)?,
                article: iri.to_string(),
                kind: r.get(1)?,
                block: r.get(2)?,
                section: String::new(),
                offset: r.get(3)?,
                label: r.get(4)?,
                created: r.get(5)?,
                modified: r.get(6)?,
            })
        })?;
        out.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
        Ok(())
    }

    fn settings_records(&self, out: &mut Extras) -> Result<()> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT colour, meaning, updated_at FROM colour_meanings ORDER BY colour",
        )?;
        let colours = stmt.query_map([], |r| {
            Ok(ColourRecord {
                colour: r.get(0)?,
                meaning: r.get(1)?,
                modified: r.get(2)?,
            })
        })?;
        out.colours = colours.collect::<rusqlite::Result<_>>()?;
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT key, value, updated_at FROM preferences ORDER BY key")?;
        let prefs = stmt.query_map([], |r| {
            Ok(PreferenceRecord {
                key: r.get(0)?,
                value: r.get(1)?,
                modified: r.get(2)?,
            })
        })?;
        out.preferences = prefs.collect::<rusqlite::Result<_>>()?;
        Ok(())
    }
}

impl Extras {
    /// Only the records an import would take: the store can hold some that no longer fit (a
    /// reading position or bookmark on a block a revised article lost, a preference an older
    /// Margin wrote), and one such record would make the whole file refused on import.
    fn importable(mut self, articles: &[&Article]) -> Extras {
        let known: HashMap<&str, &Article> =
            articles.iter().map(|a| (a.meta.id.as_str(), *a)).collect();
        let fits = |iri: &str| article_of(&known, iri, "").ok();
        self.bookmarks.retain(|b| {
            fits(&b.article).is_some_and(|a| check_bookmark(a, &mut b.clone()).is_ok())
        });
        self.notes.retain(|n| {
            fits(&n.article)
                .is_some_and(|a| check_free_note(a, n.section.as_deref(), &n.body).is_ok())
        });
        self.colours
            .retain(|c| check_meaning(&c.colour, &c.meaning).is_ok());
        self.preferences
            .retain(|p| check_preference(&p.key, &p.value).is_ok());
        self.positions
            .retain(|p| fits(&p.article).is_some_and(|a| check_position(a, &p.position).is_ok()));
        self
    }
}

/// Extras read from a file, every record checked and its times made the store's.
pub struct CheckedExtras(Extras);

impl Extras {
    /// Checks every record against the articles Margin has, as the UI's writes are checked,
    /// and writes its times as the store does. One bad record refuses them all.
    pub fn check(mut self, articles: &[&Article]) -> Result<CheckedExtras> {
        let known: HashMap<&str, &Article> =
            articles.iter().map(|a| (a.meta.id.as_str(), *a)).collect();
        let clock = rusqlite::Connection::open_in_memory()?;
        let time = |what: &str, s: &mut String| -> Result<()> {
            *s = check_time(&clock, what, s)?;
            Ok(())
        };
        for (n, b) in self.bookmarks.iter_mut().enumerate() {
            let what = format!("bookmark #{}", n + 1);
            let article = article_of(&known, &b.article, &what)?;
            check_bookmark(article, b).map_err(|e| Error::InvalidInput(format!("{what}: {e}")))?;
            time(&what, &mut b.created)?;
            time(&what, &mut b.modified)?;
        }
        for (n, note) in self.notes.iter_mut().enumerate() {
            let what = format!("note #{}", n + 1);
            let article = article_of(&known, &note.article, &what)?;
            check_free_note(article, note.section.as_deref(), &note.body)
                .map_err(|e| Error::InvalidInput(format!("{what}: {e}")))?;
            time(&what, &mut note.created)?;
            time(&what, &mut note.modified)?;
        }
        for (n, c) in self.colours.iter_mut().enumerate() {
            let what = format!("colour #{}", n + 1);
            c.meaning = check_meaning(&c.colour, &c.meaning)
                .map_err(|e| Error::InvalidInput(format!("{what}: {e}")))?
                .to_string();
            time(&what, &mut c.modified)?;
        }
        for (n, p) in self.preferences.iter_mut().enumerate() {
            let what = format!("preference #{}", n + 1);
            check_preference(&p.key, &p.value)
                .map_err(|e| Error::InvalidInput(format!("{what}: {e}")))?;
            time(&what, &mut p.modified)?;
        }
        for (n, p) in self.positions.iter_mut().enumerate() {
            let what = format!("reading position #{}", n + 1);
            let article = article_of(&known, &p.article, &what)?;
            check_position(article, &p.position)
                .map_err(|e| Error::InvalidInput(format!("{what}: {e}")))?;
            time(&what, &mut p.modified)?;
        }
        Ok(CheckedExtras(self))
    }
}

/// Checks a bookmark record as `create_bookmark` checks the UI's, and that its id is a UUID.
fn check_bookmark(article: &Article, b: &mut BookmarkRecord) -> Result<()> {
    let id = uuid::Uuid::try_parse(&b.id)
        .map_err(|_| Error::InvalidInput(format!("its id {} is not a UUID", excerpt(&b.id))))?;
    b.id = id.hyphenated().to_string();
    let block = article.block(&b.block).ok_or_else(|| {
        Error::InvalidInput(format!("no block {} in the article", excerpt(&b.block)))
    })?;
    b.label = check_label(&b.label)?;
    let new = NewBookmark {
        kind: b.kind.clone(),
        block_id: b.block.clone(),
        text_offset: Some(b.offset),
        label: b.label.clone(),
    };
    let (section, block_id, offset) = place(article, &new, block)?;
    b.section = section;
    b.block = block_id;
    b.offset = offset;
    Ok(())
}

impl CheckedExtras {
    /// Writes what is new or newer, in the caller's transaction.
    pub(crate) fn merge(&self, tx: &Transaction) -> Result<MergeReport> {
        let mut report = MergeReport::default();
        // Checked: every IRI names an article Margin has.
        let id_of = |iri: &str| article_id_from_iri(iri).unwrap_or_default().to_string();
        for b in &self.0.bookmarks {
            report.bookmarks += merge_bookmark(tx, &id_of(&b.article), b)?;
        }
        for n in &self.0.notes {
            report.notes += tx.execute(
                "INSERT INTO notes (article_id, section_id, body, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (article_id, section_id) DO UPDATE SET body = excluded.body,
                   updated_at = excluded.updated_at WHERE excluded.updated_at > notes.updated_at",
                params![
                    id_of(&n.article),
                    n.section.as_deref().unwrap_or(""),
                    n.body,
                    n.created,
                    n.modified
                ],
            )?;
        }
        report.settings = self.merge_settings(tx)?;
        Ok(report)
    }

    /// Colour meanings, preferences and reading positions: how many were written.
    fn merge_settings(&self, tx: &Transaction) -> Result<usize> {
        let id_of = |iri: &str| article_id_from_iri(iri).unwrap_or_default().to_string();
        let mut written = 0;
        for c in &self.0.colours {
            written += tx.execute(
                "INSERT INTO colour_meanings (colour, meaning, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?3)
                 ON CONFLICT (colour) DO UPDATE SET meaning = excluded.meaning,
                   updated_at = excluded.updated_at
                 WHERE excluded.updated_at > colour_meanings.updated_at",
                params![c.colour, c.meaning, c.modified],
            )?;
        }
        for p in &self.0.preferences {
            written += tx.execute(
                "INSERT INTO preferences (key, value, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value,
                   updated_at = excluded.updated_at WHERE excluded.updated_at > preferences.updated_at",
                params![p.key, p.value, p.modified],
            )?;
        }
        for p in &self.0.positions {
            let pos = &p.position;
            written += tx.execute(
                "INSERT INTO reading_positions
                   (article_id, block_id, block_fraction, text_offset, progress, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
                 ON CONFLICT (article_id) DO UPDATE SET block_id = excluded.block_id,
                   block_fraction = excluded.block_fraction, text_offset = excluded.text_offset,
                   progress = excluded.progress, updated_at = excluded.updated_at
                 WHERE excluded.updated_at > reading_positions.updated_at",
                params![
                    id_of(&p.article),
                    pos.block_id,
                    pos.block_fraction,
                    pos.text_offset,
                    pos.progress,
                    p.modified
                ],
            )?;
        }
        Ok(written)
    }
}

/// Adds or updates one bookmark (1 if written). A newer record brings back a bookmark deleted
/// here before it changed; a section bookmark where this Margin has one for that section
/// already (made here under another id) is not doubled.
fn merge_bookmark(tx: &Transaction, article_id: &str, b: &BookmarkRecord) -> Result<usize> {
    if b.kind == "section" {
        let twin: Option<String> = tx
            .query_row(
                "SELECT id FROM bookmarks WHERE article_id = ?1 AND kind = 'section'
                   AND section_id = ?2 AND deleted_at IS NULL AND id != ?3",
                params![article_id, b.section, b.id],
                |r| r.get(0),
            )
            .optional()?;
        if twin.is_some() {
            return Ok(0);
        }
    }
    Ok(tx.execute(
        "INSERT INTO bookmarks (id, article_id, kind, section_id, block_id, text_offset, label,
           created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (id) DO UPDATE SET article_id = excluded.article_id, kind = excluded.kind,
           section_id = excluded.section_id, block_id = excluded.block_id,
           text_offset = excluded.text_offset, label = excluded.label,
           updated_at = excluded.updated_at, deleted_at = NULL
         WHERE excluded.updated_at > bookmarks.updated_at
           AND (bookmarks.deleted_at IS NULL OR bookmarks.deleted_at < excluded.updated_at)",
        params![
            b.id, article_id, b.kind, b.section, b.block, b.offset, b.label, b.created, b.modified
        ],
    )?)
}
