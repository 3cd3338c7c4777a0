//! Opening the database safely (issue 18): what is not Margin's sound database is refused
//! before a byte is written, and a refused file can be set aside intact.

use margin_core::store::{
    set_aside, OpenProblem, Store, APPLICATION_ID, DATABASE_FILE, TABLES_BY_VERSION,
};
use margin_core::Error;
use rusqlite::Connection;

/// Runs SQL on a database file through a plain connection (another program, as far as Margin
/// can tell).
fn sqlite(path: &std::path::Path, sql: &str) {
    Connection::open(path).unwrap().execute_batch(sql).unwrap();
}

fn problem_of(path: &std::path::Path) -> OpenProblem {
    match Store::open(path) {
        Err(Error::Unopenable { problem, .. }) => problem,
        Err(other) => panic!("not an open problem: {other}"),
        Ok(_) => panic!("{} opened", path.display()),
    }
}

#[test]
fn a_new_database_carries_margins_mark_and_an_old_unmarked_one_gets_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let mark = || -> i32 {
        drop(Store::open(&path).unwrap());
        Connection::open(&path)
            .unwrap()
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(mark(), APPLICATION_ID);
    // A database from before the mark: Margin's tables, a schema version, application_id 0.
    sqlite(&path, "PRAGMA application_id = 0;");
    assert_eq!(mark(), APPLICATION_ID);
}

#[test]
fn foreign_newer_and_broken_files_are_refused_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let foreign = dir.path().join("foreign.sqlite3");
    sqlite(&foreign, "CREATE TABLE contacts (name TEXT);");
    let clash = dir.path().join("clash.sqlite3");
    sqlite(&clash, "CREATE TABLE annotations (x INTEGER);");
    let newer = dir.path().join("newer.sqlite3");
    drop(Store::open(&newer).unwrap());
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let junk = dir.path().join("junk.sqlite3");
    std::fs::write(&junk, b"not a database at all, just text").unwrap();
    let empty = dir.path().join("empty.sqlite3");
    std::fs::write(&empty, b"").unwrap();
    let dropped = dir.path().join("dropped.sqlite3");
    drop(Store::open(&dropped).unwrap());
    sqlite(
        &dropped,
        "DROP TABLE annotation_tags; DROP TABLE annotations;",
    );
    let folder = dir.path().join("folder.sqlite3");
    std::fs::create_dir(&folder).unwrap();
    let cases = [
        (&foreign, OpenProblem::NotMargins),
        (&clash, OpenProblem::NotMargins),
        (
            &newer,
            OpenProblem::TooNew {
                found: 99,
                supported: Store::latest_version(),
            },
        ),
        (&junk, OpenProblem::NotADatabase),
        (&empty, OpenProblem::NotADatabase),
        (
            &dropped,
            OpenProblem::Damaged {
                detail: "the table annotation_tags is missing".into(),
            },
        ),
        (&folder, OpenProblem::NotAFile),
    ];
    for (path, expected) in cases {
        let before = std::fs::read(path).ok();
        assert_eq!(problem_of(path), expected, "{}", path.display());
        assert_eq!(
            std::fs::read(path).ok(),
            before,
            "{} was changed",
            path.display()
        );
        let err = Store::open(path).err().unwrap();
        assert_eq!(err.kind(), "unopenable");
    }
}

#[test]
fn set_aside_renames_the_file_and_its_wal_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    std::fs::write(&path, b"damaged").unwrap();
    std::fs::write(dir.path().join(format!("{DATABASE_FILE}-wal")), b"wal").unwrap();
    let first = set_aside(&path).unwrap();
    assert!(!path.exists());
    assert_eq!(std::fs::read(&first).unwrap(), b"damaged");
    let mut wal = first.clone().into_os_string();
    wal.push("-wal");
    assert_eq!(std::fs::read(wal).unwrap(), b"wal");
    std::fs::write(&path, b"again").unwrap();
    let second = set_aside(&path).unwrap();
    assert_ne!(first, second, "the second set-aside overwrote the first");
    assert_eq!(std::fs::read(&first).unwrap(), b"damaged");
    assert_eq!(std::fs::read(&second).unwrap(), b"again");
    assert!(
        Store::open(&path).is_ok(),
        "a fresh database opens where the old one was"
    );
}

#[test]
fn the_latest_version_is_the_number_of_migrations() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join(DATABASE_FILE)).unwrap();
    assert_eq!(store.schema_version().unwrap(), Store::latest_version());
}

#[test]
fn the_last_schema_has_exactly_the_tables_a_fresh_database_gets() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap();
    let tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|t| t.unwrap())
        .collect();
    assert_eq!(tables, *TABLES_BY_VERSION.last().unwrap());
    assert_eq!(TABLES_BY_VERSION.len() as i64 - 1, Store::latest_version());
}

#[test]
fn an_unstamped_database_must_hold_exactly_its_versions_tables() {
    let dir = tempfile::tempdir().unwrap();
    let only_prefs = dir.path().join("prefs.sqlite3");
    sqlite(
        &only_prefs,
        "CREATE TABLE preferences (k TEXT); PRAGMA user_version = 1;",
    );
    let before = std::fs::read(&only_prefs).unwrap();
    assert_eq!(problem_of(&only_prefs), OpenProblem::NotMargins);
    assert_eq!(std::fs::read(&only_prefs).unwrap(), before);
}

/// The bytes of a database and its side files.
fn fingerprint(path: &std::path::Path) -> Vec<Option<Vec<u8>>> {
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|ext| {
            let mut p = path.as_os_str().to_owned();
            p.push(ext);
            std::fs::read(std::path::PathBuf::from(p)).ok()
        })
        .collect()
}

#[test]
fn a_foreign_database_with_a_pending_wal_is_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("foreign.sqlite3");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;
         CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann'), ('Bo');",
    )
    .unwrap();
    // As if its program had crashed: no close, so no checkpoint; the rows are only in -wal.
    std::mem::forget(conn);
    let before = fingerprint(&path);
    assert!(
        before[1].as_ref().is_some_and(|wal| !wal.is_empty()),
        "no pending WAL to test with"
    );
    assert_eq!(problem_of(&path), OpenProblem::NotMargins);
    assert_eq!(
        fingerprint(&path),
        before,
        "the refused database or its WAL changed"
    );
}

#[test]
fn a_database_opened_for_reading_only_reads_and_refuses_every_write_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    drop(Store::open(&path).unwrap());
    let before = std::fs::read(&path).unwrap();
    let mut store = Store::open_read_only(&path, "the disk is read-only").unwrap();
    assert_eq!(store.read_only(), Some("the disk is read-only"));
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let library = margin_core::library::Library::builtin();
    let article = library.get(library.default_id()).unwrap();
    assert!(store.annotations(article).unwrap().is_empty());
    match store.save_note(article, None, "typed") {
        Err(e @ Error::CannotSave(_)) => {
            assert_eq!(e.kind(), "cannot_save");
            assert_eq!(e.to_string(), "Margin cannot save: the disk is read-only");
        }
        other => panic!("a write on a read-only store: {other:?}"),
    }
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // Not Margin's, or not there: refused as on a normal open.
    let foreign = dir.path().join("foreign.sqlite3");
    sqlite(&foreign, "CREATE TABLE contacts (name TEXT);");
    assert!(matches!(
        Store::open_read_only(&foreign, "x"),
        Err(Error::Unopenable {
            problem: OpenProblem::NotMargins,
            ..
        })
    ));
    assert!(Store::open_read_only(&dir.path().join("none.sqlite3"), "x").is_err());
}

#[test]
fn a_log_without_its_database_is_left_alone_and_set_aside_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let store = Store::open(&path).unwrap();
    // While the store is open its -wal holds the schema; a copy of it alone is a log whose
    // database is gone.
    let lonely = tempfile::tempdir().unwrap();
    let db = lonely.path().join(DATABASE_FILE);
    let wal = lonely.path().join(format!("{DATABASE_FILE}-wal"));
    std::fs::copy(dir.path().join(format!("{DATABASE_FILE}-wal")), &wal).unwrap();
    drop(store);
    let bytes = std::fs::read(&wal).unwrap();
    assert!(!bytes.is_empty());
    assert_eq!(problem_of(&db), OpenProblem::OnlyLog);
    assert!(OpenProblem::OnlyLog.allows_fresh_start());
    assert!(!db.exists(), "a database was made beside the log");
    assert_eq!(std::fs::read(&wal).unwrap(), bytes, "the log changed");
    let moved = set_aside(&db).unwrap();
    assert!(
        moved.to_string_lossy().ends_with("-wal"),
        "{}",
        moved.display()
    );
    assert_eq!(std::fs::read(&moved).unwrap(), bytes);
    drop(Store::open(&db).unwrap());
    // An empty log is nothing to keep: a new database is made.
    let empty = tempfile::tempdir().unwrap();
    std::fs::write(empty.path().join(format!("{DATABASE_FILE}-wal")), b"").unwrap();
    drop(Store::open(&empty.path().join(DATABASE_FILE)).unwrap());
}

#[test]
fn a_row_whose_text_is_not_utf8_does_not_stop_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let library = margin_core::library::Library::builtin();
    let article = library.get(library.default_id()).unwrap();
    let mut store = Store::open(&path).unwrap();
    let exact: String = article.text.chars().take(12).collect();
    let new = margin_core::store::NewAnnotation {
        start: 0,
        end: 12,
        exact,
        colour: "yellow".into(),
        note: "fine".into(),
        tags: vec!["tag".into()],
    };
    store.create_annotation(article, &new).unwrap();
    store.save_note(article, None, "fine").unwrap();
    drop(store);
    // Another program writes bytes that are not UTF-8 into text columns.
    sqlite(
        &path,
        "UPDATE annotations SET note = CAST(x'6f6bff21' AS TEXT);
         UPDATE annotation_tags SET tag = CAST(x'74ff' AS TEXT);
         UPDATE notes SET body = CAST(x'ff' AS TEXT);",
    );
    let mut store = Store::open(&path).unwrap();
    let listed = store.annotations(article).unwrap();
    assert_eq!(listed[0].note, "ok\u{fffd}!");
    assert_eq!(listed[0].tags, ["t\u{fffd}"]);
    assert_eq!(store.notes(article).unwrap()[0].body, "\u{fffd}");
}
