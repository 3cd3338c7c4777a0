//! Search everywhere: the text of every article, the user's highlights (quote, note, tags) and
//! free notes, in one FTS5 index inside the user's database (schema 4, `0004_search.sql`).
//!
//! - Case and accents are ignored (`unicode61 remove_diacritics 2`), and đ/Đ, which Unicode
//!   does not decompose, is folded to d on both sides, so "dinh chien" finds "đình chiến".
//! - Highlights and notes are indexed by triggers, in the transaction of the write itself: a
//!   highlight is findable the moment it is saved, and no write path can forget the index.
//!   Article text is indexed from the library by [`index_articles`], per article revision.
//! - Results are ranked by BM25, then those whose words appear with the accents as typed come
//!   first, then they are grouped by article (in the order of each article's best result).
//!   Snippets are cut from the original text, so they keep its accents.

mod index;
mod query;
mod snippet;

pub use index::{index_articles, index_library};
pub use query::{Query, QUERY_MAX_CHARS, QUERY_MAX_TERMS};
pub use snippet::Marked;

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::content::Article;
use crate::store::Store;
use crate::Result;

/// Put by highlight() before a matched word (blanked in the indexed text).
const MARK_OPEN: char = '\u{E000}';
/// Put by highlight() after a matched word.
const MARK_CLOSE: char = '\u{E001}';

/// How many results a search returns when not told.
pub const DEFAULT_LIMIT: usize = 50;
/// The most results one search returns.
pub const MAX_LIMIT: usize = 500;
/// How many of the best BM25 candidates are looked at for exact-accent matches and grouping.
const CANDIDATES: usize = 200;

/// The text as it is indexed: đ/Đ as d/D, the two marker code points as spaces. One code point
/// for one, so offsets into it are offsets into the original. The SQL views in `0004_search.sql`
/// do the same (a test checks they agree).
pub fn fold_for_index(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            MARK_OPEN | MARK_CLOSE => ' ',
            c => c,
        })
        .collect()
}

/// What a result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    /// A block of an article's text (paragraph, heading, caption, list item…).
    Passage,
    /// One of the user's highlights.
    Highlight,
    /// A free note on an article or a section.
    Note,
}

/// Which part of a result the snippet was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// A passage's text, a highlight's quote, a note's text.
    Text,
    /// A highlight's note.
    Note,
    /// A highlight's tags.
    Tags,
}

/// One search result.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// The article it belongs to.
    pub article: String,
    /// That article's title (its id when the library no longer has it).
    pub title: String,
    /// What it is.
    pub kind: HitKind,
    /// The block id of a passage, the annotation id of a highlight, the section id of a note
    /// (`""` for the note on the whole article).
    pub id: String,
    /// Which part the snippet is from.
    pub field: Field,
    /// A few lines of the original text around the first match.
    pub snippet: String,
    /// The matched words in `snippet`, as `[start, end)` code points.
    pub marks: Vec<[usize; 2]>,
    /// Where to go in the article's text (code points): the first match of a passage, a
    /// highlight's range, a section's heading; `None` for an orphaned highlight or a note on
    /// the whole article.
    pub start: Option<usize>,
    /// The end of that range.
    pub end: Option<usize>,
    /// A highlight's colour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    /// Whether every word appears with the accents (and đ) as typed.
    pub exact: bool,
    /// BM25 (lower is better), as FTS5 gives it.
    pub score: f64,
}

/// A candidate as the index returns it.
struct Row {
    kind: String,
    article: String,
    item: String,
    columns: [String; 3],
    score: f64,
}

/// Searches everything for what the user typed (any text: see [`Query`]), at most `limit`
/// results (1–[`MAX_LIMIT`]). `article` gives the articles of the library by id, for passages'
/// text and titles.
pub fn search<'a>(
    store: &Store,
    article: &dyn Fn(&str) -> Option<&'a Article>,
    input: &str,
    limit: usize,
) -> Result<Vec<Hit>> {
    let query = Query::parse(input);
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let limit = limit.clamp(1, MAX_LIMIT);
    let rows = candidates(store, &query, CANDIDATES.max(limit))?;
    let mut hits = Vec::with_capacity(rows.len());
    for row in rows {
        if let Some(hit) = hit(store, article, &query, row)? {
            hits.push(hit);
        }
    }
    // Stable sorts: BM25 order within each.
    hits.sort_by_key(|h| !h.exact);
    hits.truncate(limit);
    Ok(group_by_article(hits))
}

fn candidates(store: &Store, query: &Query, n: usize) -> Result<Vec<Row>> {
    let sql = format!(
        "SELECT i.kind, i.article_id, i.item,
                highlight(search_text, 0, '{MARK_OPEN}', '{MARK_CLOSE}'),
                highlight(search_text, 1, '{MARK_OPEN}', '{MARK_CLOSE}'),
                highlight(search_text, 2, '{MARK_OPEN}', '{MARK_CLOSE}'),
                bm25(search_text)
         FROM search_text JOIN search_items i ON i.id = search_text.rowid
         WHERE search_text MATCH ?1 ORDER BY rank LIMIT ?2"
    );
    let mut stmt = store.conn().prepare_cached(&sql)?;
    let rows = stmt.query_map(params![query.fts, n as i64], |r| {
        let column = |i| -> rusqlite::Result<String> {
            Ok(r.get::<_, Option<String>>(i)?.unwrap_or_default())
        };
        Ok(Row {
            kind: r.get(0)?,
            article: r.get(1)?,
            item: r.get(2)?,
            columns: [column(3)?, column(4)?, column(5)?],
            score: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The original text of a candidate, column by column, and where it is in its article.
struct Original {
    kind: HitKind,
    columns: [String; 3],
    start: Option<usize>,
    end: Option<usize>,
    colour: Option<String>,
}

fn hit<'a>(
    store: &Store,
    article: &dyn Fn(&str) -> Option<&'a Article>,
    query: &Query,
    row: Row,
) -> Result<Option<Hit>> {
    let found = article(&row.article);
    let Some(original) = original(store, found, &row)? else {
        return Ok(None);
    };
    let Some(column) = (0..3).find(|&i| row.columns[i].contains(MARK_OPEN)) else {
        return Ok(None);
    };
    let marked = snippet::unmark(&row.columns[column], &original.columns[column]);
    let (mut start, mut end) = (original.start, original.end);
    if original.kind == HitKind::Passage {
        // The passage's own first match, in article offsets.
        if let (Some(block), Some(m)) = (start, marked.marks.first()) {
            (start, end) = (Some(block + m[0]), Some(block + m[1]));
        }
    }
    let all = original.columns.join("\n").to_lowercase();
    let exact = query.terms.iter().all(|t| all.contains(t.as_str()));
    let cropped = snippet::crop(&marked);
    Ok(Some(Hit {
        title: found.map_or_else(|| row.article.clone(), |a| a.meta.title.clone()),
        article: row.article,
        kind: original.kind,
        id: row.item,
        field: [Field::Text, Field::Note, Field::Tags][column],
        snippet: cropped.text,
        marks: cropped.marks,
        start,
        end,
        colour: original.colour,
        exact,
        score: row.score,
    }))
}

/// Reads what a candidate was indexed from; `None` when it is gone (a passage of a block the
/// library's article no longer has).
fn original(store: &Store, article: Option<&Article>, row: &Row) -> Result<Option<Original>> {
    let section_range = |section: &str| {
        let a = article?;
        let s = a.sections.iter().find(|s| s.id == section)?;
        a.block(&s.target).map(|b| (b.start, b.end))
    };
    match row.kind.as_str() {
        "passage" => Ok(article.and_then(|a| a.block(&row.item)).map(|b| Original {
            kind: HitKind::Passage,
            columns: [b.text.clone(), String::new(), String::new()],
            start: Some(b.start),
            end: Some(b.end),
            colour: None,
        })),
        "highlight" => highlight(store, &row.item),
        _ => {
            let body: Option<String> = store
                .conn()
                .query_row(
                    "SELECT body FROM notes WHERE article_id = ?1 AND section_id = ?2",
                    params![row.article, row.item],
                    |r| crate::store::text(r, 0),
                )
                .optional()?;
            let range = section_range(&row.item);
            Ok(body.map(|body| Original {
                kind: HitKind::Note,
                columns: [body, String::new(), String::new()],
                start: range.map(|r| r.0),
                end: range.map(|r| r.1),
                colour: None,
            }))
        }
    }
}

fn highlight(store: &Store, id: &str) -> Result<Option<Original>> {
    let mut stmt = store.conn().prepare_cached(
        "SELECT quote_exact, note, position_start, position_end, colour,
                coalesce((SELECT group_concat(tag, ' ') FROM (SELECT tag FROM annotation_tags
                          WHERE annotation_id = a.id ORDER BY tag)), '')
         FROM annotations a WHERE id = ?1 AND deleted_at IS NULL",
    )?;
    Ok(stmt
        .query_row([id], |r| {
            Ok(Original {
                kind: HitKind::Highlight,
                columns: [
                    crate::store::text(r, 0)?,
                    crate::store::text(r, 1)?,
                    crate::store::text(r, 5)?,
                ],
                start: r.get::<_, Option<i64>>(2)?.map(|v| v as usize),
                end: r.get::<_, Option<i64>>(3)?.map(|v| v as usize),
                colour: Some(r.get(4)?),
            })
        })
        .optional()?)
}

/// Groups results by article, articles in the order of their best result.
fn group_by_article(hits: Vec<Hit>) -> Vec<Hit> {
    let mut order: Vec<&str> = Vec::new();
    for h in &hits {
        if !order.contains(&h.article.as_str()) {
            order.push(&h.article);
        }
    }
    let rank: Vec<usize> = hits
        .iter()
        .map(|h| order.iter().position(|a| *a == h.article).unwrap_or(0))
        .collect();
    let mut indexed: Vec<(usize, Hit)> = rank.into_iter().zip(hits).collect();
    indexed.sort_by_key(|(r, _)| *r);
    indexed.into_iter().map(|(_, h)| h).collect()
}
