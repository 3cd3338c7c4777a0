//! Every shipped schema (issue 18): a database of each version, as that version of Margin left
//! it with rows in every table (`tests/data/schema/`, made by its `make.py`), opens with this
//! build, is migrated after a backup, and keeps every row.

use std::collections::BTreeMap;
use std::path::Path;

use margin_core::library::Library;
use margin_core::search::{self, HitKind};
use margin_core::store::{backup, BackupKind, Store, APPLICATION_ID, DATABASE_FILE};
use rusqlite::Connection;

/// Every row of every table, as text, by table (sorted), read through a plain connection.
fn rows(path: &Path) -> BTreeMap<String, Vec<String>> {
    let conn = Connection::open(path).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = BTreeMap::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let n = stmt.column_count();
        let mut list: Vec<String> = stmt
            .query_map([], |r| {
                let cells: Vec<String> = (0..n)
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect();
                Ok(cells.join(" | "))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        list.sort();
        out.insert(table, list);
    }
    out
}

#[test]
fn a_database_of_every_shipped_schema_opens_and_keeps_every_row() {
    let library = Library::builtin();
    let article = library.get(library.default_id()).unwrap();
    for version in 1..=Store::latest_version() {
        let fixture = crate::data_path(&format!("schema/v{version}.sqlite3"));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DATABASE_FILE);
        std::fs::copy(&fixture, &path).unwrap();
        let before = rows(&path);
        assert!(
            before.values().all(|r| !r.is_empty()),
            "v{version}: a table without rows"
        );

        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), Store::latest_version());
        drop(store);
        let after = rows(&path);
        for (table, old) in &before {
            assert_eq!(
                &after[table], old,
                "v{version}: the rows of {table} changed"
            );
        }
        let stamp: i32 = Connection::open(&path)
            .unwrap()
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap();
        assert_eq!(stamp, APPLICATION_ID);
        let backups = backup::list(&dir.path().join(backup::BACKUP_DIR)).unwrap();
        let migrated = version < Store::latest_version();
        assert_eq!(
            backups.len(),
            usize::from(migrated),
            "v{version}: {backups:?}"
        );
        if migrated {
            assert_eq!(backups[0].kind, BackupKind::BeforeMigration);
            assert_eq!(backup::verify(&backups[0].path).unwrap(), version);
        }

        // And the reader sees it.
        store = Store::open(&path).unwrap();
        let prefs = store.preferences().unwrap();
        assert_eq!(prefs.font_size.0, 20, "v{version}");
        assert!(
            store.reading_position(article).unwrap().is_some(),
            "v{version}"
        );
        if version >= 2 {
            let live = store.annotations(article).unwrap();
            // v3 adds a live one whose status was 'trimmed' (it is re-anchored here), v4 one
            // more with a Vietnamese note.
            let want = [0, 0, 1, 2, 3][version as usize];
            assert_eq!(
                live.len(),
                want,
                "v{version}: the deleted one stays deleted"
            );
            let first = live
                .iter()
                .find(|a| a.quote.exact == "The Korean War erupted on June 25, 1950")
                .unwrap();
            assert!(first.position.is_some(), "v{version}: not placed again");
            assert_eq!(first.tags, ["dates"]);
            if version >= 3 {
                let trimmed = live.iter().find(|a| a.id.ends_with("0004")).unwrap();
                assert_eq!(trimmed.tags, ["border"], "the rebuilt table kept its tags");
            }
            assert_eq!(store.bookmarks(article).unwrap().len(), 1);
            let notes = if version >= 4 { 2 } else { 1 };
            assert_eq!(store.notes(article).unwrap().len(), notes);
            assert!(store
                .colours()
                .unwrap()
                .iter()
                .any(|c| c.meaning == "Dates"));
            searchable(&mut store, &library, version);
        }
    }
}

/// What a migrated database held is in the search index (schema 4 indexed it, and a v4
/// database's triggers did), and the article's text joins it at the first search.
fn searchable(store: &mut Store, library: &Library, version: i64) {
    let find =
        |store: &Store, q: &str| search::search(store, &|id| library.get(id).ok(), q, 20).unwrap();
    let hits = find(store, "erupted start");
    assert!(
        hits.iter()
            .any(|h| h.kind == HitKind::Highlight && h.id.ends_with("0001")),
        "v{version}: {hits:?}"
    );
    assert!(find(store, "\"whole article\"")
        .iter()
        .any(|h| h.kind == HitKind::Note && h.id.is_empty()));
    if version >= 4 {
        let hits = find(store, "dinh chien");
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].snippet, "Hiệp định đình chiến");
    }
    let articles = library.all().unwrap();
    assert_eq!(search::index_articles(store, &articles).unwrap(), 1);
    let hits = find(store, "erupted");
    let passage = hits.iter().find(|h| h.kind == HitKind::Passage).unwrap();
    assert_eq!(passage.article, "korean-war");
    assert!(passage.snippet.contains("erupted"), "{passage:?}");
}
