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
//!   Snippets are cut from the original text, so they keep its accents; the matched words in
//!   them are found by `marks.rs`, which folds words as the index does.

mod index;
mod marks;
mod query;
mod snippet;

pub use index::{index_articles, index_library};
pub use marks::fold_word;
pub use query::{Query, Term, QUERY_MAX_CHARS, QUERY_MAX_TERMS};
pub use snippet::Marked;

use rusqlite::params;
use serde::Serialize;

use crate::content::Article;
use crate::store::Store;
use crate::Result;

/// How many results a search returns when not told.
pub const DEFAULT_LIMIT: usize = 50;
/// The most results one search returns.
pub const MAX_LIMIT: usize = 500;
/// How many of the best BM25 candidates are looked at for exact-accent matches and grouping.
const CANDIDATES: usize = 200;
/// A query that matches more items than this (a very common word: "the", a two-letter prefix)
/// is not ranked: its newest matches come first (see `candidates`). BM25 would cost 5–100 ms
/// a keystroke there, and ranks nothing useful among thousands of items with "the".
pub const RANKED_MAX: usize = 1_000;

/// The text as it is indexed: đ/Đ as d/D (one code point for one). The SQL views in
/// `0004_search.sql` do the same (a test checks they agree).
pub fn fold_for_index(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
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
    /// BM25 (lower is better), as FTS5 gives it; 0 when the query matched too much to rank
    /// (more than [`RANKED_MAX`] items).
    pub score: f64,
}

/// A candidate as the index returns it, with what a highlight or a note holds (a passage's text
/// is the library's).
struct Row {
    kind: String,
    article: String,
    item: String,
    score: f64,
    /// A highlight's quote, note and tags, or a note's text; `None` for a passage, or when the
    /// highlight or note is gone.
    stored: Option<[String; 3]>,
    start: Option<usize>,
    end: Option<usize>,
    colour: Option<String>,
}

/// Searches everything for what the user typed (any text: see [`Query`]), at most `limit`
/// results (1–[`MAX_LIMIT`]). `article` gives the articles of the library by id, for passages'
/// text and titles.
///
/// The best [`CANDIDATES`] by BM25 (the newest, for a query with more than [`RANKED_MAX`]
/// matches) are read; those spelt as typed are put first, the first `limit` kept, marked and
/// grouped.
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
    let mut found = Vec::new();
    for mut row in candidates(store, &query, CANDIDATES.max(limit))? {
        if let Some(original) = original(article(&row.article), &mut row) {
            let all = original.columns.join("\n").to_lowercase();
            let exact = query.typed.iter().all(|t| all.contains(t.as_str()));
            found.push((row, original, exact));
        }
    }
    // Stable sorts: BM25 order within each.
    found.sort_by_key(|(_, _, exact)| !exact);
    found.truncate(limit);
    let mut hits = Vec::with_capacity(found.len());
    for (row, original, exact) in found {
        let title = article(&row.article).map(|a| a.meta.title.clone());
        if let Some(hit) = hit(&query, row, original, exact, title) {
            hits.push(hit);
        }
    }
    Ok(group_by_article(hits))
}

/// The candidates with what they index, joined in one statement; `{matches}` is the subquery
/// of matching rows with their scores. The best `?2` are chosen before the join, so only they
/// are looked up.
const CANDIDATES_SQL: &str = "SELECT i.kind, i.article_id, i.item, m.score,
        coalesce(a.quote_exact, n.body), a.note,
        (SELECT group_concat(tag, ' ') FROM (SELECT tag FROM annotation_tags
           WHERE annotation_id = a.id ORDER BY tag)),
        a.position_start, a.position_end, a.colour, a.id IS NOT NULL OR n.body IS NOT NULL
 FROM (SELECT rowid, score FROM ({matches}) ORDER BY score, rowid DESC LIMIT ?2) m
 JOIN search_items i ON i.id = m.rowid
 LEFT JOIN annotations a ON i.kind = 'highlight' AND a.id = i.item AND a.deleted_at IS NULL
 LEFT JOIN notes n ON i.kind = 'note' AND n.article_id = i.article_id AND n.section_id = i.item
 ORDER BY m.score, m.rowid DESC LIMIT ?2";

/// Every match ranked by BM25. Its LIMIT (never reached: see `candidates`) keeps SQLite from
/// flattening it into the join.
const RANKED: &str = "SELECT rowid, bm25(search_text) AS score FROM search_text
 WHERE search_text MATCH ?1 LIMIT ?3";
/// The newest matches, unranked (score 0).
const NEWEST: &str = "SELECT rowid, 0.0 AS score FROM search_text
 WHERE search_text MATCH ?1 ORDER BY rowid DESC LIMIT ?3";

/// The best `n` candidates. BM25 needs each term's document frequency, which FTS5 counts by
/// reading the term's whole doclist: 4 ms for "the" in a big library, whatever the query's
/// other words. So first the matches are counted up to [`RANKED_MAX`] (a fraction of a
/// millisecond); a query that matches more lists the newest items first, unranked.
fn candidates(store: &Store, query: &Query, n: usize) -> Result<Vec<Row>> {
    let probe: i64 = store
        .conn()
        .prepare_cached(
            "SELECT count(*) FROM (SELECT rowid FROM search_text WHERE search_text MATCH ?1
         ORDER BY rowid DESC LIMIT ?2)",
        )?
        .query_row(params![query.fts, RANKED_MAX as i64 + 1], |r| r.get(0))?;
    let matches = if probe as usize > RANKED_MAX {
        NEWEST
    } else {
        RANKED
    };
    let sql = CANDIDATES_SQL.replace("{matches}", matches);
    let mut stmt = store.conn().prepare_cached(&sql)?;
    let rows = stmt.query_map(params![query.fts, n as i64, RANKED_MAX as i64 + 1], |r| {
        let text = |i| -> rusqlite::Result<String> {
            match r.get_ref(i)? {
                rusqlite::types::ValueRef::Null => Ok(String::new()),
                _ => crate::store::text(r, i),
            }
        };
        let position = |i| -> rusqlite::Result<Option<usize>> {
            Ok(r.get::<_, Option<i64>>(i)?.map(|v| v as usize))
        };
        let found: bool = r.get(10)?;
        Ok(Row {
            kind: r.get(0)?,
            article: r.get(1)?,
            item: r.get(2)?,
            score: r.get(3)?,
            stored: if found {
                Some([text(4)?, text(5)?, text(6)?])
            } else {
                None
            },
            start: position(7)?,
            end: position(8)?,
            colour: r.get(9)?,
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

fn hit(
    query: &Query,
    row: Row,
    original: Original,
    exact: bool,
    title: Option<String>,
) -> Option<Hit> {
    // The first column where the query's words are (a highlight found by its note: the note).
    let (column, marks) = (0..3).find_map(|i| {
        let marks = marks::marks(&original.columns[i], &query.terms);
        (!marks.is_empty()).then_some((i, marks))
    })?;
    let marked = Marked {
        text: original.columns[column].clone(),
        marks,
    };
    let (mut start, mut end) = (original.start, original.end);
    if original.kind == HitKind::Passage {
        // The passage's own first match, in article offsets.
        if let (Some(block), Some(m)) = (start, marked.marks.first()) {
            (start, end) = (Some(block + m[0]), Some(block + m[1]));
        }
    }
    let cropped = snippet::crop(&marked);
    Some(Hit {
        title: title.unwrap_or_else(|| row.article.clone()),
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
    })
}

/// What a candidate was indexed from; `None` when it is gone (a passage of a block the
/// library's article no longer has, a highlight deleted since).
fn original(article: Option<&Article>, row: &mut Row) -> Option<Original> {
    match row.kind.as_str() {
        "passage" => article.and_then(|a| a.block(&row.item)).map(|b| Original {
            kind: HitKind::Passage,
            columns: [b.text.clone(), String::new(), String::new()],
            start: Some(b.start),
            end: Some(b.end),
            colour: None,
        }),
        "highlight" => Some(Original {
            kind: HitKind::Highlight,
            columns: row.stored.take()?,
            start: row.start,
            end: row.end,
            colour: row.colour.take(),
        }),
        _ => {
            // A note on a section opens at its heading; one on the whole article has no place.
            let range = article.and_then(|a| {
                let s = a.sections.iter().find(|s| s.id == row.item)?;
                a.block(&s.target).map(|b| (b.start, b.end))
            });
            Some(Original {
                kind: HitKind::Note,
                columns: row.stored.take()?,
                start: range.map(|r| r.0),
                end: range.map(|r| r.1),
                colour: None,
            })
        }
    }
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
