//! The SQLite store: pragmas, migrations, preferences, reading positions.

use margin_core::content::builtin_article;
use margin_core::store::{migrations, PreferencesPatch, ReadingPosition, Store, Theme};
use margin_core::Error;
use rusqlite::Connection;

use crate::data_path;

#[test]
fn migrations_validate() {
    migrations().validate().expect("migrations are valid");
}

#[test]
fn open_sets_the_durability_pragmas() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_dir(dir.path()).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert_eq!(store.schema_version().unwrap(), 4);
    drop(store);
    // journal_mode is stored in the file; synchronous is per connection, so check ours.
    let conn = Connection::open(dir.path().join("margin.sqlite3")).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_schema_1_database_opens_and_keeps_its_data() {
    // Made by schema 1 (see core/tests/data/README.md); copied so the fixture stays pristine.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("margin.sqlite3");
    std::fs::copy(data_path("schema-v1.sqlite3"), &path).unwrap();
    let store = Store::open(&path).unwrap();
    let prefs = store.preferences().unwrap();
    assert_eq!(prefs.theme, Theme::Sepia);
    assert_eq!(prefs.font_size.0, 22);
    let article = builtin_article("korean-war").unwrap();
    let pos = store.reading_position(&article).unwrap().unwrap();
    assert_eq!(pos.block_id, "stalemate");
}

#[test]
fn preferences_default_update_and_refuse_bad_values() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(dir.path()).unwrap();
    let prefs = store.preferences().unwrap();
    assert_eq!(prefs.theme, Theme::System);
    assert_eq!(prefs.font_size.0, 19);

    let patch = PreferencesPatch {
        theme: Some("dark".into()),
        font_size: Some(24),
        highlight_colour: None,
        language: None,
        ..PreferencesPatch::default()
    };
    store.update_preferences(&patch).unwrap();
    drop(store);
    let mut store = Store::open_in_dir(dir.path()).unwrap();
    assert_eq!(store.preferences().unwrap().theme, Theme::Dark);
    assert_eq!(store.preferences().unwrap().font_size.0, 24);

    for patch in [
        PreferencesPatch {
            theme: Some("neon".into()),
            font_size: Some(16),
            highlight_colour: None,
            language: None,
            ..PreferencesPatch::default()
        },
        PreferencesPatch {
            theme: Some("light".into()),
            font_size: Some(99),
            highlight_colour: None,
            language: None,
            ..PreferencesPatch::default()
        },
        PreferencesPatch {
            theme: None,
            font_size: Some(-3),
            highlight_colour: None,
            language: None,
            ..PreferencesPatch::default()
        },
        PreferencesPatch {
            theme: Some("light".into()),
            font_size: None,
            highlight_colour: Some("red".into()),
            language: None,
            ..PreferencesPatch::default()
        },
        PreferencesPatch {
            theme: Some("light".into()),
            language: Some("fr".into()),
            ..PreferencesPatch::default()
        },
    ] {
        let err = store.update_preferences(&patch).unwrap_err();
        assert_eq!(err.kind(), "invalid_input", "{err}");
        // Nothing of a refused patch is written, not even its valid half.
        assert_eq!(store.preferences().unwrap().theme, Theme::Dark);
        assert_eq!(store.preferences().unwrap().font_size.0, 24);
    }
}

#[test]
fn the_ui_language_defaults_to_system_is_validated_and_persists() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(dir.path()).unwrap();
    assert_eq!(store.preferences().unwrap().language, "system");
    let err = store
        .update_preferences(&PreferencesPatch {
            language: Some("fr".into()),
            ..PreferencesPatch::default()
        })
        .unwrap_err();
    assert_eq!(err.kind(), "invalid_input");
    assert!(err.to_string().contains("system, en or vi"), "{err}");
    for language in ["vi", "en", "system"] {
        let prefs = store
            .update_preferences(&PreferencesPatch {
                language: Some(language.into()),
                ..PreferencesPatch::default()
            })
            .unwrap();
        assert_eq!(prefs.language, language);
    }
    store
        .update_preferences(&PreferencesPatch {
            language: Some("vi".into()),
            ..PreferencesPatch::default()
        })
        .unwrap();
    drop(store);
    let store = Store::open_in_dir(dir.path()).unwrap();
    assert_eq!(store.preferences().unwrap().language, "vi");
    let json = serde_json::to_value(store.preferences().unwrap()).unwrap();
    assert_eq!(json["language"], "vi");

    // A value this version does not know (written by a newer one) falls back to the default.
    let conn =
        rusqlite::Connection::open(dir.path().join(margin_core::store::DATABASE_FILE)).unwrap();
    conn.execute(
        "UPDATE preferences SET value = 'klingon' WHERE key = 'language'",
        [],
    )
    .unwrap();
    drop(conn);
    assert_eq!(store.preferences().unwrap().language, "system");
}

#[test]
fn the_reading_position_round_trips_and_is_validated() {
    let dir = tempfile::tempdir().unwrap();
    let article = builtin_article("korean-war").unwrap();
    let mut store = Store::open_in_dir(dir.path()).unwrap();
    assert_eq!(store.reading_position(&article).unwrap(), None);
    let block = article.block("casualties").unwrap();
    let pos = ReadingPosition {
        block_id: block.id.clone(),
        block_fraction: 0.25,
        text_offset: block.start as i64,
        progress: 0.8,
    };
    store.save_reading_position(&article, &pos).unwrap();
    drop(store);
    let mut store = Store::open_in_dir(dir.path()).unwrap();
    assert_eq!(store.reading_position(&article).unwrap(), Some(pos.clone()));

    let bad = [
        ReadingPosition {
            block_id: "nope".into(),
            ..pos.clone()
        },
        ReadingPosition {
            block_fraction: 1.5,
            ..pos.clone()
        },
        ReadingPosition {
            progress: f64::NAN,
            ..pos.clone()
        },
        ReadingPosition {
            text_offset: -1,
            ..pos.clone()
        },
        ReadingPosition {
            text_offset: article.text_length as i64 + 1,
            ..pos.clone()
        },
    ];
    for b in bad {
        match store.save_reading_position(&article, &b) {
            Err(Error::InvalidInput(_)) => {}
            other => panic!("{b:?}: expected invalid input, got {other:?}"),
        }
    }
    assert_eq!(store.reading_position(&article).unwrap(), Some(pos));
}

#[test]
fn errors_cross_ipc_as_kind_and_message() {
    let err = Error::InvalidInput("font size 99 is outside 14–28 px".into());
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["kind"], "invalid_input");
    assert_eq!(json["message"], "font size 99 is outside 14–28 px");
}

#[test]
fn a_schema_2_database_opens_and_keeps_its_data() {
    // Made by schema 2 (see core/tests/data/README.md); copied so the fixture stays pristine.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("margin.sqlite3");
    std::fs::copy(data_path("schema-v2.sqlite3"), &path).unwrap();
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let article = builtin_article("korean-war").unwrap();

    let annotations = store.annotations(&article).unwrap();
    assert_eq!(annotations.len(), 1);
    let a = &annotations[0];
    assert_eq!(a.id, "0195f4a2-6c38-7b3e-9d41-2a7c5e8f1b09");
    assert_eq!(
        a.quote.exact,
        "two young aides at the U.S. State Department"
    );
    assert_eq!(a.colour, "blue");
    assert_eq!(
        a.note,
        "Dean Rusk and Charles Bonesteel, with a *National Geographic* map."
    );
    assert_eq!(a.tags, ["1945"]);
    assert_eq!(a.created_at, "2025-04-02T09:15:00.000Z");
    assert_eq!(a.section_id.as_deref(), Some("north-vs-south"));
    // Its position (code points, after the byline's emoji) still holds its quote.
    let p = a.position.expect("placed");
    let text: String = article
        .text
        .chars()
        .skip(p.start)
        .take(p.end - p.start)
        .collect();
    assert_eq!(text, a.quote.exact);

    let bookmarks = store.bookmarks(&article).unwrap();
    assert_eq!(bookmarks.len(), 1);
    assert_eq!(bookmarks[0].kind, "section");
    assert_eq!(bookmarks[0].section_id, "stalemate");
    assert_eq!(bookmarks[0].label, "Armistice talks");
    assert_eq!(
        bookmarks[0].text_offset,
        article.block("stalemate").unwrap().start as i64
    );

    let notes = store.notes(&article).unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].section_id.as_deref(), Some("north-vs-south"));
    assert_eq!(notes[0].body, "A line drawn in one night, on a map.");
}

#[test]
fn reading_settings_default_are_validated_and_persist() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(dir.path()).unwrap();
    let prefs = store.preferences().unwrap();
    assert_eq!(
        (
            prefs.font_family.as_str(),
            prefs.line_spacing.as_str(),
            prefs.column_width.as_str()
        ),
        ("serif", "normal", "medium")
    );
    let err = store
        .update_preferences(&PreferencesPatch {
            font_family: Some("sans".into()),
            column_width: Some("huge".into()),
            ..PreferencesPatch::default()
        })
        .unwrap_err();
    assert_eq!(err.kind(), "invalid_input");
    assert!(err.to_string().contains("narrow, medium or wide"), "{err}");
    // Nothing of the refused patch was written.
    assert_eq!(store.preferences().unwrap().font_family, "serif");
    store
        .update_preferences(&PreferencesPatch {
            font_family: Some("sans".into()),
            line_spacing: Some("relaxed".into()),
            column_width: Some("wide".into()),
            ..PreferencesPatch::default()
        })
        .unwrap();
    drop(store);
    let store = Store::open_in_dir(dir.path()).unwrap();
    let json = serde_json::to_value(store.preferences().unwrap()).unwrap();
    assert_eq!(json["font_family"], "sans");
    assert_eq!(json["line_spacing"], "relaxed");
    assert_eq!(json["column_width"], "wide");
    assert_eq!(json["reading_pace"], 230);
}

#[test]
fn the_reading_pace_is_kept_within_its_range() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(dir.path()).unwrap();
    for bad in [0, 79, 701, -5] {
        let err = store
            .update_preferences(&PreferencesPatch {
                reading_pace: Some(bad),
                ..PreferencesPatch::default()
            })
            .unwrap_err();
        assert_eq!(err.kind(), "invalid_input", "{bad}");
    }
    let prefs = store
        .update_preferences(&PreferencesPatch {
            reading_pace: Some(312),
            ..PreferencesPatch::default()
        })
        .unwrap();
    assert_eq!(prefs.reading_pace, 312);
}
