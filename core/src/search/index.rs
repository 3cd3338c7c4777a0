//! Article text in the search index: one row per block, per article revision.

use std::collections::HashMap;

use rusqlite::params;

use super::fold_for_index;
use crate::content::Article;
use crate::library::Library;
use crate::store::Store;
use crate::{Error, Result};

/// [`index_articles`] for every article of the library. On a database that can only be read,
/// nothing is indexed and what is already indexed is searched.
pub fn index_library(store: &mut Store, library: &Library) -> Result<usize> {
    let articles = library.all()?;
    match index_articles(store, &articles) {
        Err(Error::CannotSave(_)) => Ok(0),
        other => other,
    }
}

/// Brings the index's passages up to date with `articles` (the whole library): an article whose
/// revision is not the indexed one has its passages replaced, and passages of articles not in
/// `articles` are dropped. Each article is one transaction. Returns how many articles were
/// (re)indexed: 0 when the index was current, which costs one query per article.
pub fn index_articles(store: &mut Store, articles: &[&Article]) -> Result<usize> {
    let indexed: HashMap<String, String> = {
        let mut stmt = store
            .conn()
            .prepare_cached("SELECT article_id, revision FROM search_articles")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut done = 0;
    for article in articles {
        if indexed.get(&article.meta.id) != Some(&article.revision) {
            store.write(|tx| index_one(tx, article))?;
            done += 1;
        }
    }
    let gone = indexed
        .keys()
        .filter(|id| !articles.iter().any(|a| &&a.meta.id == id));
    for id in gone {
        store.write(|tx| {
            drop_passages(tx, id)?;
            tx.execute("DELETE FROM search_articles WHERE article_id = ?1", [id])?;
            Ok(())
        })?;
    }
    Ok(done)
}

fn drop_passages(tx: &rusqlite::Transaction, article_id: &str) -> Result<()> {
    tx.execute(
        "DELETE FROM search_text WHERE rowid IN
           (SELECT id FROM search_items WHERE kind = 'passage' AND article_id = ?1)",
        [article_id],
    )?;
    tx.execute(
        "DELETE FROM search_items WHERE kind = 'passage' AND article_id = ?1",
        [article_id],
    )?;
    Ok(())
}

fn index_one(tx: &rusqlite::Transaction, article: &Article) -> Result<()> {
    let id = &article.meta.id;
    drop_passages(tx, id)?;
    let mut item = tx.prepare_cached(
        "INSERT INTO search_items (kind, article_id, item) VALUES ('passage', ?1, ?2)",
    )?;
    let mut text = tx.prepare_cached("INSERT INTO search_text (rowid, body) VALUES (?1, ?2)")?;
    for block in article.blocks.iter().filter(|b| !b.text.trim().is_empty()) {
        item.execute(params![id, block.id])?;
        text.execute(params![tx.last_insert_rowid(), fold_for_index(&block.text)])?;
    }
    tx.execute(
        &format!(
            "INSERT INTO search_articles (article_id, revision, indexed_at)
             VALUES (?1, ?2, {now}) ON CONFLICT (article_id) DO UPDATE
             SET revision = excluded.revision, indexed_at = excluded.indexed_at",
            now = crate::store::NOW
        ),
        params![id, article.revision],
    )?;
    Ok(())
}
