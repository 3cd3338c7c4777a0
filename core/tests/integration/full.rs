//! The full export (issue 18): everything the user made moves to another computer in one file,
//! merging by id with the newer version winning; and the W3C import's bounds on what a file may
//! say (pages, totals, a BOM, times, ids, highlights deleted here).

use margin_core::content::Article;
use margin_core::export::{render_at, w3c, Format};
use margin_core::library::Library;
use margin_core::store::{NewBookmark, PreferencesPatch, ReadingPosition, Store};
use margin_core::Error;
use serde_json::{json, Value};

use crate::annotations::select;

fn article() -> &'static Article {
    static LIBRARY: std::sync::LazyLock<Library> = std::sync::LazyLock::new(Library::builtin);
    LIBRARY.get(LIBRARY.default_id()).unwrap()
}

/// A store with one of everything a user makes.
fn a_users_store() -> Store {
    let a = article();
    let mut store = Store::open_in_memory().unwrap();
    let mut new = select(a, "the 38th parallel", "green");
    new.note = "The **line**".into();
    new.tags = vec!["geography".into()];
    store.create_annotation(a, &new).unwrap();
    let section = &a.sections[1];
    let bookmark = |kind: &str, block: &str, offset: Option<i64>| NewBookmark {
        kind: kind.into(),
        block_id: block.into(),
        text_offset: offset,
        label: format!("{kind} mark"),
    };
    store
        .create_bookmark(a, &bookmark("section", &section.target, None))
        .unwrap();
    let block = &a.blocks[3];
    let at = Some(block.start as i64 + 2);
    store
        .create_bookmark(a, &bookmark("position", &block.id, at))
        .unwrap();
    store.save_note(a, None, "On the whole article").unwrap();
    store
        .save_note(a, Some(&section.id), "On a section")
        .unwrap();
    store.rename_colour("green", "Places").unwrap();
    let patch = PreferencesPatch {
        theme: Some("dark".into()),
        font_size: Some(22),
        ..Default::default()
    };
    store.update_preferences(&patch).unwrap();
    let pos = ReadingPosition {
        block_id: block.id.clone(),
        block_fraction: 0.5,
        text_offset: block.start as i64,
        progress: 0.25,
    };
    store.save_reading_position(a, &pos).unwrap();
    store
}

fn full(store: &mut Store) -> String {
    render_at(store, &[article()], Format::Full, "2026-12-03T10:00:00Z").unwrap()
}

fn import(store: &mut Store, text: &str) -> margin_core::Result<w3c::ImportReport> {
    w3c::import(store, &[article()], text)
}

#[test]
fn everything_moves_to_another_computer_and_a_second_import_changes_nothing() {
    let mut here = a_users_store();
    let text = full(&mut here);
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        doc["type"], "AnnotationCollection",
        "a W3C tool still reads it"
    );
    let mut there = Store::open_in_memory().unwrap();
    let report = import(&mut there, &text).unwrap();
    assert_eq!(report.added, 1);
    assert_eq!((report.merged.bookmarks, report.merged.notes), (2, 2));
    // One colour meaning, two preferences, one reading position.
    assert_eq!(report.merged.settings, 4);
    assert_eq!(
        there.extras(&[article()]).unwrap(),
        here.extras(&[article()]).unwrap()
    );
    assert_eq!(
        there.annotations(article()).unwrap(),
        here.annotations(article()).unwrap()
    );
    assert_eq!(there.preferences().unwrap(), here.preferences().unwrap());
    assert_eq!(there.colours().unwrap(), here.colours().unwrap());
    // Exported from there, it is the same file.
    assert_eq!(full(&mut there), text);
    let again = import(&mut there, &text).unwrap();
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 1));
    assert_eq!(again.merged, Default::default());
}

/// The file's text with every `modified` (and bookmark/note `created`) set to `at`.
fn dated(text: &str, at: &str) -> String {
    let mut doc: Value = serde_json::from_str(text).unwrap();
    fn walk(v: &mut Value, at: &str) {
        match v {
            Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    if k == "modified" {
                        *v = at.into();
                    } else {
                        walk(v, at);
                    }
                }
            }
            Value::Array(list) => list.iter_mut().for_each(|v| walk(v, at)),
            _ => {}
        }
    }
    walk(&mut doc, at);
    doc.to_string()
}

#[test]
fn the_newer_version_wins_whichever_side_it_is_on() {
    let mut here = a_users_store();
    let old = dated(&full(&mut here), "2020-01-01T00:00:00Z");
    let mut there = Store::open_in_memory().unwrap();
    import(&mut there, &old).unwrap();
    // Changed there after the file's version: an older file does not undo it.
    there.save_note(article(), None, "Rewritten there").unwrap();
    there.rename_colour("green", "Maps").unwrap();
    let report = import(&mut there, &old).unwrap();
    assert_eq!(report.merged, Default::default());
    let notes = there.notes(article()).unwrap();
    assert!(
        notes.iter().any(|n| n.body == "Rewritten there"),
        "{notes:?}"
    );
    // A file newer than both wins.
    let new = dated(&full(&mut here), "2999-01-01T00:00:00.000Z");
    let report = import(&mut there, &new).unwrap();
    assert_eq!(report.merged.notes, 2);
    let notes = there.notes(article()).unwrap();
    assert!(
        notes.iter().any(|n| n.body == "On the whole article"),
        "{notes:?}"
    );
    assert_eq!(there.colours().unwrap(), here.colours().unwrap());
}

#[test]
fn a_highlight_deleted_here_stays_deleted_unless_the_file_is_newer() {
    let mut here = a_users_store();
    let old = dated(&full(&mut here), "2020-01-01T00:00:00Z");
    let id = here.annotations(article()).unwrap()[0].id.clone();
    here.delete_annotation(&id).unwrap();
    let report = import(&mut here, &old).unwrap();
    assert_eq!(report.newer_here, 1, "{report:?}");
    assert_eq!(report.updated, 0);
    assert!(here.annotations(article()).unwrap().is_empty());
    // A version edited after the deletion brings it back, and says so.
    let newer = dated(&old, "2999-01-01T00:00:00Z");
    let report = import(&mut here, &newer).unwrap();
    assert_eq!(report.updated, 1, "{report:?}");
    assert_eq!(here.annotations(article()).unwrap().len(), 1);
}

fn refused(text: &str) -> String {
    let mut store = a_users_store();
    let before = full(&mut store);
    match import(&mut store, text) {
        Err(Error::InvalidInput(m)) => {
            assert_eq!(full(&mut store), before, "a refused file changed something");
            m
        }
        other => panic!("not refused: {other:?}"),
    }
}

#[test]
fn a_bad_record_anywhere_refuses_the_whole_file() {
    let text = full(&mut a_users_store());
    let change = |path: &[&str], value: Value| {
        let mut doc: Value = serde_json::from_str(&text).unwrap();
        let mut at = &mut doc;
        for key in path {
            at = match key.parse::<usize>() {
                Ok(i) => &mut at[i],
                Err(_) => &mut at[*key],
            };
        }
        *at = value;
        doc.to_string()
    };
    let cases = [
        (
            &["margin:data", "bookmarks", "0", "block"][..],
            json!("nope"),
            "bookmark #1: no block",
        ),
        (
            &["margin:data", "bookmarks", "1", "id"][..],
            json!("not-a-uuid"),
            "bookmark #2: its id",
        ),
        (
            &["margin:data", "bookmarks", "0", "modified"][..],
            json!("yesterday"),
            "not a date",
        ),
        (
            &["margin:data", "notes", "1", "section"][..],
            json!("nowhere"),
            "note #2: no section",
        ),
        (
            &["margin:data", "colours", "0", "colour"][..],
            json!("mauve"),
            "colour #1",
        ),
        (
            &["margin:data", "preferences", "0", "value"][..],
            json!("neon"),
            "preference #1",
        ),
        (
            &["margin:data", "preferences", "0", "key"][..],
            json!("shell"),
            "unknown preference",
        ),
        (
            &["margin:data", "positions", "0", "progress"][..],
            json!(7.5),
            "reading position #1",
        ),
        (
            &["margin:data", "positions", "0", "article"][..],
            json!("urn:margin:article:x"),
            "not an article",
        ),
        (
            &["margin:data", "extra"][..],
            json!([]),
            "margin:data: unknown field",
        ),
        (
            &["first", "items", "0", "created"][..],
            json!("31/12/2025"),
            "annotation #1: created",
        ),
    ];
    for (path, value, says) in cases {
        let m = refused(&change(path, value));
        assert!(m.contains(says), "{path:?}: {m}");
    }
}

/// One annotation on the article, as another tool might write it.
fn annotation(id: &str, exact: &str) -> Value {
    json!({
        "type": "Annotation", "id": id,
        "target": { "source": "urn:margin:article:korean-war",
                    "selector": [{ "type": "TextQuoteSelector", "exact": exact }] },
    })
}

#[test]
fn every_page_of_a_collection_is_read_and_a_page_not_in_the_file_is_refused() {
    let a = annotation(
        "urn:uuid:0191b3a4-1111-7000-8000-000000000001",
        "the 38th parallel",
    );
    let b = annotation("urn:uuid:0191b3a4-1111-7000-8000-000000000002", "Cold War");
    let paged = json!({ "type": "AnnotationCollection", "total": 2,
        "first": { "type": "AnnotationPage", "items": [a], "next": { "type": "AnnotationPage", "items": [b] } } });
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(import(&mut store, &paged.to_string()).unwrap().added, 2);

    let elsewhere =
        json!({ "type": "AnnotationCollection", "total": 5, "first": "https://example.org/page1" });
    assert!(refused(&elsewhere.to_string()).contains("is not in the file"));
    let next_elsewhere =
        json!({ "type": "AnnotationPage", "items": [a], "next": "https://example.org/page2" });
    assert!(refused(&next_elsewhere.to_string()).contains("is not in the file"));
    let short = json!({ "type": "AnnotationCollection", "total": 3, "first": { "items": [a] } });
    assert!(refused(&short.to_string()).contains("holds 3 annotations, but the file has 1"));
}

#[test]
fn a_byte_order_mark_offsets_and_foreign_ids_import() {
    let mut store = Store::open_in_memory().unwrap();
    let mut one = annotation("https://hypothes.is/a/AbC123", "the 38th parallel");
    one["created"] = json!("2026-01-31T09:30:00+07:00");
    let text = format!("\u{feff}{}", json!([one]));
    let report = import(&mut store, &text).unwrap();
    assert_eq!(report.added, 1);
    let a = &store.annotations(article()).unwrap()[0];
    assert_eq!(
        a.created_at, "2026-01-31T02:30:00.000Z",
        "the offset is made UTC"
    );
    assert!(uuid::Uuid::try_parse(&a.id).is_ok(), "{}", a.id);
    // The same foreign id merges into the same highlight.
    assert_eq!(import(&mut store, &text).unwrap().unchanged, 1);
    let exported = full(&mut store);
    assert!(exported.contains(&format!("\"urn:uuid:{}\"", a.id)));
    assert!(!exported.contains("urn:uuid:http"));
}

#[test]
fn what_no_longer_fits_is_left_out_of_the_export_so_the_file_imports() {
    // A bookmark and a reading position on a block the article no longer has, a preference an
    // older Margin wrote: kept in the store, left out of the full export.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("margin.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let text = full(&mut store);
    drop(store);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "INSERT INTO bookmarks VALUES ('0191b3a4-1111-7000-8000-0000000000bb', 'korean-war',
               'position', 'intro', 'gone-p9', 5, '', '2026-01-01T00:00:00.000Z',
               '2026-01-01T00:00:00.000Z', NULL);
             INSERT INTO reading_positions VALUES ('korean-war', 'gone-p9', 0.5, 10, 0.2,
               '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
             INSERT INTO preferences VALUES ('font_size', '99', '2026-01-01T00:00:00.000Z',
               '2026-01-01T00:00:00.000Z');",
        )
        .unwrap();
    let mut store = Store::open(&path).unwrap();
    let exported = full(&mut store);
    assert_eq!(exported, text, "the stale records were exported");
    assert!(import(&mut Store::open_in_memory().unwrap(), &exported).is_ok());
}

#[test]
fn an_earlier_margins_rows_merge_by_their_old_id_and_their_own_time_format() {
    // Before this version, a non-UUID id was stored as it was, and `modified` as the file wrote
    // it (with an offset). Importing the same file again must merge into that row, and times
    // compare as times: 10:00+07:00 is 03:00Z, earlier than 05:00Z.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("margin.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let mut one = annotation("https://hypothes.is/a/Old1", "the 38th parallel");
    one["modified"] = json!("2026-01-31T05:00:00Z");
    one["body"] =
        json!([{ "type": "TextualBody", "value": "newer in the file", "purpose": "commenting" }]);
    import(&mut store, &json!([one.clone()]).to_string()).unwrap();
    drop(store);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "UPDATE annotations SET id = 'https://hypothes.is/a/Old1', note = 'older here',
               updated_at = '2026-01-31T10:00:00+07:00';",
        )
        .unwrap();
    let mut store = Store::open(&path).unwrap();
    let report = import(&mut store, &json!([one]).to_string()).unwrap();
    assert_eq!((report.added, report.updated), (0, 1), "{report:?}");
    let listed = store.annotations(article()).unwrap();
    assert_eq!(listed.len(), 1, "the old row was doubled");
    assert_eq!(listed[0].note, "newer in the file");
}

#[test]
fn a_file_without_dates_never_brings_back_a_highlight_deleted_here() {
    let mut store = Store::open_in_memory().unwrap();
    let one = annotation(
        "urn:uuid:0191b3a4-1111-7000-8000-000000000009",
        "the 38th parallel",
    );
    let text = json!({ "type": "AnnotationCollection", "items": [one] }).to_string();
    assert_eq!(
        import(&mut store, &text).unwrap().added,
        1,
        "items held by the collection itself"
    );
    let id = store.annotations(article()).unwrap()[0].id.clone();
    store.delete_annotation(&id).unwrap();
    let report = import(&mut store, &text).unwrap();
    assert_eq!(report.newer_here, 1, "{report:?}");
    assert!(store.annotations(article()).unwrap().is_empty());
}
