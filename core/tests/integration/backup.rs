//! Backups (issue 18): whole, checked copies; the rotation; restore in one step; a backup before
//! every migration.

use std::path::{Path, PathBuf};

use margin_core::library::Library;
use margin_core::store::backup::{
    self, to_remove, KEEP_DAILY, KEEP_MANUAL, KEEP_SAFETY, KEEP_WEEKLY,
};
use margin_core::store::{Backup, BackupKind, NewAnnotation, Store, DATABASE_FILE};
use margin_core::Error;
use rusqlite::Connection;

fn article() -> &'static margin_core::content::Article {
    static LIBRARY: std::sync::LazyLock<Library> = std::sync::LazyLock::new(Library::builtin);
    LIBRARY.get(LIBRARY.default_id()).unwrap()
}

/// Highlights the article's first `n` characters.
fn highlight(store: &mut Store, n: usize) -> String {
    let article = article();
    let exact: String = article.text.chars().take(n).collect();
    let new = NewAnnotation {
        start: 0,
        end: n as i64,
        exact,
        colour: "yellow".into(),
        note: format!("note {n}"),
        tags: vec![],
    };
    store.create_annotation(article, &new).unwrap().id
}

fn count(store: &mut Store) -> usize {
    store.annotations(article()).unwrap().len()
}

#[test]
fn a_backup_is_one_checked_file_that_restores_what_was_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(dir.path()).unwrap();
    highlight(&mut store, 10);
    let backups = dir.path().join("backups");
    let made = store.backup(&backups, BackupKind::Manual).unwrap();
    assert_eq!(made.kind, BackupKind::Manual);
    assert!(made.path.starts_with(&backups), "{}", made.path.display());
    // One file: no -wal beside it, journal mode DELETE, Margin's mark, sound.
    let names: Vec<String> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec![made.name.clone()]);
    assert_eq!(backup::verify(&made.path).unwrap(), Store::latest_version());
    let mode: String = Connection::open(&made.path)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");

    highlight(&mut store, 20);
    assert_eq!(count(&mut store), 2);
    let before = store.restore(&made.path, &backups).unwrap();
    assert_eq!(before.kind, BackupKind::BeforeRestore);
    assert_eq!(
        count(&mut store),
        1,
        "the restored state has the one highlight"
    );
    // The state before the restore is itself restorable.
    store.restore(&before.path, &backups).unwrap();
    assert_eq!(count(&mut store), 2);
    // And the database stays a sound WAL database that reopens.
    drop(store);
    let mut store = Store::open_in_dir(dir.path()).unwrap();
    assert_eq!(count(&mut store), 2);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn what_is_not_a_whole_margin_backup_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(dir.path()).unwrap();
    highlight(&mut store, 10);
    let backups = dir.path().join("backups");
    let junk = dir.path().join("junk.sqlite3");
    std::fs::write(&junk, b"nothing like a database").unwrap();
    let foreign = dir.path().join("foreign.sqlite3");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE contacts (name TEXT);")
        .unwrap();
    let newer = dir.path().join("newer.sqlite3");
    store.backup_to(&newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let missing = dir.path().join("missing.sqlite3");
    for (file, says) in [
        (&junk, "not a database"),
        (&foreign, "not Margin's database"),
        (&newer, "newer Margin (schema 99"),
        (&missing, "no such file"),
    ] {
        match store.restore(file, &backups) {
            Err(Error::InvalidInput(m)) => assert!(m.contains(says), "{m}"),
            other => panic!("{} was not refused: {other:?}", file.display()),
        }
    }
    assert_eq!(count(&mut store), 1);
    assert!(
        backup::list(&backups).unwrap().is_empty(),
        "no backup before a refused restore"
    );
}

fn named(name: &str) -> Backup {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), b"x").unwrap();
    backup::list(dir.path()).unwrap().remove(0)
}

/// A backup made at noon, `days_ago` days before 2026-12-03 (a Thursday).
fn at(days_ago: i64, kind: &str) -> Backup {
    let day = 20_790 - days_ago; // 2026-12-03 as days since 1970-01-01
    let (y, m, d) = civil(day);
    named(&format!(
        "margin-{y:04}{m:02}{d:02}-120000-0-{kind}.sqlite3"
    ))
}

/// The date of a day number (the inverse the module does not need; here for the test only).
fn civil(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

#[test]
fn names_are_read_back_and_others_are_ignored() {
    let b = named("margin-20261203-094501-0-daily.sqlite3");
    assert_eq!(b.taken_at, "2026-12-03T09:45:01Z");
    assert_eq!(b.kind, BackupKind::Daily);
    assert_eq!(at(0, "manual").taken_at, "2026-12-03T12:00:00Z");
    assert_eq!(at(365, "manual").taken_at, "2025-12-03T12:00:00Z");
    let dir = tempfile::tempdir().unwrap();
    for other in [
        "margin-20261203-094501-0-daily.sqlite3.partial",
        "margin-2026120-094501-0-daily.sqlite3",
        "margin-20261203-094501-0-weekly.sqlite3",
        "margin-20261203-09450x-0-daily.sqlite3",
        "notes.txt",
        DATABASE_FILE,
    ] {
        std::fs::write(dir.path().join(other), b"x").unwrap();
    }
    assert!(backup::list(dir.path()).unwrap().is_empty());
}

#[test]
fn the_rotation_keeps_seven_days_four_weeks_and_the_safety_copies() {
    // Two backups a day for 60 days, a before-migration one every 10 days and a manual one
    // every 4.
    let mut all: Vec<Backup> = Vec::new();
    for day in 0..60 {
        all.push(at(day, "daily"));
        all.push(named(
            &all.last().unwrap().name.replace("-120000-0-", "-080000-0-"),
        ));
        if day % 10 == 0 {
            all.push(named(
                &all.last()
                    .unwrap()
                    .name
                    .replace("-0-daily", "-1-before-migration"),
            ));
        }
        if day % 4 == 0 {
            all.push(at(day, "manual"));
        }
    }
    all.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then(b.name.cmp(&a.name)));
    let gone: Vec<&str> = to_remove(&all).iter().map(|b| b.name.as_str()).collect();
    let kept: Vec<&Backup> = all
        .iter()
        .filter(|b| !gone.contains(&b.name.as_str()))
        .collect();
    let daily: Vec<&str> = kept
        .iter()
        .filter(|b| b.kind == BackupKind::Daily)
        .map(|b| &b.taken_at[..10])
        .collect();
    // Days 0..6 (the newest backup of each), then the newest of each of the 4 weeks before
    // them: the 26th is in the week of the 23rd, which the 27th-29th already stand for, so the
    // weeks are those of the 16th, 9th, 2nd and 26 October, each kept by its Sunday.
    assert_eq!(
        daily,
        [
            "2026-12-03",
            "2026-12-02",
            "2026-12-01",
            "2026-11-30",
            "2026-11-29",
            "2026-11-28",
            "2026-11-27",
            "2026-11-22",
            "2026-11-15",
            "2026-11-08",
            "2026-11-01"
        ]
    );
    assert_eq!(daily.len(), KEEP_DAILY + KEEP_WEEKLY);
    assert!(kept
        .iter()
        .all(|b| b.kind != BackupKind::Daily || b.taken_at.ends_with("12:00:00Z")));
    let safety = kept
        .iter()
        .filter(|b| b.kind == BackupKind::BeforeMigration)
        .count();
    assert_eq!(safety, KEEP_SAFETY);
    // The manual ones are kept by count, the newest first: the daily rule never drops them.
    let manual: Vec<&str> = kept
        .iter()
        .filter(|b| b.kind == BackupKind::Manual)
        .map(|b| &b.taken_at[..10])
        .collect();
    assert_eq!(manual.len(), KEEP_MANUAL);
    assert_eq!((manual[0], manual[9]), ("2026-12-03", "2026-10-28"));
    // The newest is kept whatever it is.
    assert!(to_remove(&all[..1]).is_empty());
}

#[test]
fn an_interrupted_backup_leaves_no_backup_and_its_partial_file_is_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_dir(dir.path()).unwrap();
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    let partial = backups.join("margin-20261203-094501-0-daily.sqlite3.partial");
    std::fs::write(&partial, b"half a copy").unwrap();
    let made = store
        .daily_backup(&backups)
        .unwrap()
        .expect("a backup today");
    assert!(!partial.exists());
    assert_eq!(backup::list(&backups).unwrap(), vec![made]);
    assert!(store.daily_backup(&backups).unwrap().is_none(), "one a day");
}

/// A database of schema 1 (the first shipped schema), made by running its migration alone.
fn schema_one(path: &Path) {
    let conn = Connection::open(path).unwrap();
    let sql = include_str!("../../src/store/migrations/0001_reader.sql");
    conn.execute_batch(sql).unwrap();
    conn.execute_batch(
        "INSERT INTO preferences VALUES ('theme', 'dark', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
         PRAGMA user_version = 1;",
    )
    .unwrap();
}

#[test]
fn a_migration_is_preceded_by_a_backup_of_the_old_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join(DATABASE_FILE);
    schema_one(&path);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), Store::latest_version());
    let list = backup::list(&dir.path().join("backups")).unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0].kind, BackupKind::BeforeMigration);
    assert_eq!(backup::verify(&list[0].path).unwrap(), 1);
    // Opening again migrates nothing and backs up nothing more.
    drop(store);
    drop(Store::open(&path).unwrap());
    assert_eq!(backup::list(&dir.path().join("backups")).unwrap().len(), 1);
}

#[test]
fn restoring_the_oldest_kept_safety_backup_restores_it_and_not_an_empty_database() {
    // The review's case: the backup made before a restore must not rotate away the very
    // backup being restored (which SQLite would then have opened as a new, empty file).
    let dir = tempfile::tempdir().unwrap();
    let backups = dir.path().join("backups");
    let mut store = Store::open_in_dir(dir.path()).unwrap();
    highlight(&mut store, 10);
    let one = store.backup(&backups, BackupKind::Manual).unwrap();
    highlight(&mut store, 20);
    let first = store.restore(&one.path, &backups).unwrap(); // holds the two highlights
    for _ in 1..margin_core::store::backup::KEEP_SAFETY {
        store.restore(&one.path, &backups).unwrap();
    }
    let safety = |b: &Backup| b.kind == BackupKind::BeforeRestore;
    let kept: Vec<Backup> = backup::list(&backups)
        .unwrap()
        .into_iter()
        .filter(safety)
        .collect();
    assert_eq!(kept.len(), KEEP_SAFETY);
    assert_eq!(
        kept.last().unwrap().name,
        first.name,
        "the oldest kept is the first"
    );
    store.restore(&first.path, &backups).unwrap();
    assert_eq!(count(&mut store), 2, "the restored backup's two highlights");
}

#[test]
fn an_old_schema_whose_backup_cannot_be_made_is_not_migrated_nor_offered_to_be_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    schema_one(&path);
    std::fs::write(dir.path().join("backups"), b"a file where the folder goes").unwrap();
    let before = std::fs::read(&path).unwrap();
    match Store::open(&path) {
        Err(Error::Unopenable { problem, .. }) => {
            assert!(!problem.allows_fresh_start(), "{problem:?}");
            assert!(
                problem.to_string().contains("backup before updating"),
                "{problem}"
            );
        }
        other => panic!("opened or failed otherwise: {:?}", other.err()),
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "migrated without a backup"
    );
}
