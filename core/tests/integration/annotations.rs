//! Highlights, bookmarks and notes through the public `Store` API, on a temp-file store and the
//! built-in article: round trips, bad input (one test per case: the error's kind, a clear
//! message, and a database left exactly as it was), durability, and re-anchoring on a revision.

use std::path::PathBuf;

use margin_core::anchor::AnchorStatus;
use margin_core::content::{builtin_article, builtin_figure, parse_article, Article};
use margin_core::store::{
    Annotation, AnnotationPatch, Bookmark, Colour, NewAnnotation, NewBookmark, Note, Store,
    FREE_NOTE_MAX_CHARS, LABEL_MAX_CHARS, NOTE_MAX_CHARS, TAGS_MAX, TAG_MAX_CHARS,
};
use margin_core::Error;
use rusqlite::{types::Value, Connection};
use tempfile::TempDir;

use crate::data_path;

pub(crate) fn article() -> Article {
    builtin_article("korean-war").expect("the built-in article parses")
}

pub(crate) fn revised() -> Article {
    let src = std::fs::read_to_string(data_path("korean-war-revised.md")).unwrap();
    parse_article(&src, &builtin_figure).expect("the revised fixture parses")
}

/// A store in its own temp directory, with the article it is used with.
pub(crate) struct Fixture {
    _dir: TempDir,
    pub(crate) path: PathBuf,
    pub(crate) store: Store,
    pub(crate) article: Article,
}

pub(crate) fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("margin.sqlite3");
    let store = Store::open(&path).unwrap();
    Fixture {
        _dir: dir,
        path,
        store,
        article: article(),
    }
}

/// Code-point range of the `nth` occurrence (from 0) of `quote` in `text`.
pub(crate) fn find(text: &str, quote: &str, nth: usize) -> (i64, i64) {
    let (b, _) = text
        .match_indices(quote)
        .nth(nth)
        .unwrap_or_else(|| panic!("occurrence {nth} of {quote:?} is in the text"));
    let start = text[..b].chars().count();
    (start as i64, (start + quote.chars().count()) as i64)
}

/// A selection of the first occurrence of `quote`, as the UI would send it.
pub(crate) fn select(article: &Article, quote: &str, colour: &str) -> NewAnnotation {
    let (start, end) = find(&article.text, quote, 0);
    NewAnnotation {
        start,
        end,
        exact: quote.to_string(),
        colour: colour.to_string(),
        note: String::new(),
        tags: Vec::new(),
    }
}

/// The code points `start..end` of `text`.
pub(crate) fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Everything the user wrote: as the public API lists it, and every row of every table
/// (soft-deleted ones included), read through a second connection.
#[derive(Debug, PartialEq)]
pub(crate) struct Snapshot {
    annotations: Vec<Annotation>,
    bookmarks: Vec<Bookmark>,
    notes: Vec<Note>,
    colours: Vec<Colour>,
    tables: Vec<(&'static str, Vec<Vec<Value>>)>,
}

const TABLES: [&str; 7] = [
    "annotations",
    "annotation_tags",
    "colour_meanings",
    "bookmarks",
    "notes",
    "preferences",
    "reading_positions",
];

pub(crate) fn snapshot(f: &mut Fixture) -> Snapshot {
    let conn = Connection::open(&f.path).unwrap();
    let tables = TABLES
        .iter()
        .map(|t| {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM {t} ORDER BY 1, 2"))
                .unwrap();
            let n = stmt.column_count();
            let rows = stmt
                .query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())
                .unwrap()
                .collect::<rusqlite::Result<Vec<Vec<Value>>>>()
                .unwrap();
            (*t, rows)
        })
        .collect();
    Snapshot {
        annotations: f.store.annotations(&f.article).unwrap(),
        bookmarks: f.store.bookmarks(&f.article).unwrap(),
        notes: f.store.notes(&f.article).unwrap(),
        colours: f.store.colours().unwrap(),
        tables,
    }
}

/// A store holding a bit of everything: a live highlight with a note and tags, a deleted one, a
/// bookmark, two free notes and a renamed colour. Returns (live id, deleted id).
fn seeded() -> (Fixture, String, String) {
    let mut f = fixture();
    let mut new = select(&f.article, "crossed the 38th Parallel", "yellow");
    new.note = "The **invasion**.".into();
    new.tags = vec!["cold war".into(), "1950".into()];
    let live = f.store.create_annotation(&f.article, &new).unwrap().id;
    let gone = select(&f.article, "The Forgotten War", "pink");
    let gone = f.store.create_annotation(&f.article, &gone).unwrap().id;
    f.store.delete_annotation(&gone).unwrap();
    let bookmark = NewBookmark {
        kind: "section".into(),
        block_id: "stalemate-p1".into(),
        text_offset: None,
        label: "Armistice".into(),
    };
    f.store.create_bookmark(&f.article, &bookmark).unwrap();
    f.store
        .save_note(&f.article, None, "Read for the exam.")
        .unwrap();
    f.store
        .save_note(&f.article, Some("casualties"), "Check the figures.")
        .unwrap();
    f.store.rename_colour("green", "Date").unwrap();
    (f, live, gone)
}

/// Runs `act` on a seeded store and checks that it is refused with `kind`, with a message that
/// says `says`, and that the database is exactly as before.
fn refused(
    kind: &str,
    says: &str,
    act: impl FnOnce(&mut Store, &Article, &str, &str) -> Result<(), Error>,
) {
    let (mut f, live, gone) = seeded();
    let before = snapshot(&mut f);
    let err = act(&mut f.store, &f.article, &live, &gone).expect_err("the input is refused");
    assert_eq!(err.kind(), kind, "{err}");
    let message = err.to_string();
    assert!(message.contains(says), "{message:?} should say {says:?}");
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["kind"], kind);
    assert_eq!(json["message"], message);
    assert_eq!(
        snapshot(&mut f),
        before,
        "a refused {kind} changed the database"
    );
}

/// Refuses creating `new` on a seeded store.
fn refused_create(says: &str, edit: impl FnOnce(&Article, &mut NewAnnotation)) {
    refused("invalid_input", says, |store, article, _, _| {
        let mut new = select(article, "the war reached a stalemate", "blue");
        edit(article, &mut new);
        store.create_annotation(article, &new).map(drop)
    });
}

fn patch_colour(c: &str) -> AnnotationPatch {
    AnnotationPatch {
        colour: Some(c.into()),
        ..Default::default()
    }
}

// --- Round trips -------------------------------------------------------------------------------

#[test]
fn create_list_update_delete_and_restore_round_trip() {
    let mut f = fixture();
    let mut new = select(
        &f.article,
        "the first military action of the Cold War",
        "yellow",
    );
    new.note = "Why *first*?".into();
    new.tags = vec![" cold war ".into(), "1950".into(), "cold war".into()];
    let made = f.store.create_annotation(&f.article, &new).unwrap();
    assert_eq!(made.article_id, "korean-war");
    assert_eq!(made.revision, f.article.revision);
    assert_eq!(made.quote.exact, new.exact);
    assert_eq!(made.quote.prefix.chars().count(), 32);
    assert_eq!(made.quote.suffix.chars().count(), 32);
    assert!(f.article.text.contains(&format!(
        "{}{}{}",
        made.quote.prefix, made.quote.exact, made.quote.suffix
    )));
    let pos = made.position.unwrap();
    assert_eq!((pos.start as i64, pos.end as i64), (new.start, new.end));
    assert_eq!(made.status, AnchorStatus::Exact);
    assert_eq!(made.colour, "yellow");
    assert_eq!(made.note, "Why *first*?");
    // Tags are trimmed, de-duplicated and sorted.
    assert_eq!(made.tags, ["1950", "cold war"]);
    assert_eq!(made.section_id.as_deref(), Some("intro"));
    assert_eq!(made.created_at, made.updated_at);
    assert_eq!(
        uuid::Uuid::parse_str(&made.id).unwrap().get_version_num(),
        7
    );

    assert_eq!(
        f.store.annotations(&f.article).unwrap(),
        std::slice::from_ref(&made)
    );
    assert_eq!(f.store.annotation(&f.article, &made.id).unwrap(), made);

    let patch = AnnotationPatch {
        colour: Some("purple".into()),
        note: None,
        tags: Some(vec!["exam".into()]),
    };
    let changed = f
        .store
        .update_annotation(&f.article, &made.id, &patch)
        .unwrap();
    assert_eq!(changed.colour, "purple");
    assert_eq!(changed.note, made.note, "an absent field stays as it was");
    assert_eq!(changed.tags, ["exam"]);
    assert_eq!(changed.quote, made.quote);
    assert_eq!(changed.created_at, made.created_at);
    assert!(changed.updated_at >= made.updated_at);
    let emptied = AnnotationPatch {
        note: Some(String::new()),
        tags: Some(Vec::new()),
        ..Default::default()
    };
    let changed = f
        .store
        .update_annotation(&f.article, &made.id, &emptied)
        .unwrap();
    assert_eq!((changed.note.as_str(), changed.tags.len()), ("", 0));
    assert_eq!(changed.colour, "purple");
    assert_eq!(
        f.store.annotations(&f.article).unwrap(),
        std::slice::from_ref(&changed)
    );

    f.store.delete_annotation(&made.id).unwrap();
    assert_eq!(f.store.annotations(&f.article).unwrap(), []);
    let err = f.store.annotation(&f.article, &made.id).unwrap_err();
    assert_eq!(err.kind(), "not_found");

    let back = f.store.restore_annotation(&f.article, &made.id).unwrap();
    assert_eq!(back, changed, "a restored highlight is the one deleted");
    assert_eq!(f.store.annotations(&f.article).unwrap(), [changed]);
}

#[test]
fn highlights_are_listed_in_document_order() {
    let mut f = fixture();
    // Made from the end of the text to its start.
    let quotes = [
        "its legacy endures through the demilitarized zone and memorials.",
        "Nearly 40,000 American soldiers died in combat in Korea",
        "For President Truman, this letter was the final straw.",
        "Syngman Rhee",
        "The Korean War erupted on June 25, 1950",
        "The Korean War",
    ];
    for q in quotes {
        f.store
            .create_annotation(&f.article, &select(&f.article, q, "green"))
            .unwrap();
    }
    let listed = f.store.annotations(&f.article).unwrap();
    let got: Vec<&str> = listed.iter().map(|a| a.quote.exact.as_str()).collect();
    let mut want = quotes.to_vec();
    want.reverse();
    assert_eq!(got, want);
    let sections: Vec<&str> = listed
        .iter()
        .map(|a| a.section_id.as_deref().unwrap())
        .collect();
    assert_eq!(
        sections,
        [
            "intro",
            "intro",
            "north-vs-south",
            "no-substitute-for-victory",
            "casualties",
            "conclusion"
        ]
    );
}

#[test]
fn overlapping_highlights_are_both_kept() {
    let mut f = fixture();
    let wide = select(
        &f.article,
        "two young aides at the U.S. State Department divided the Korean Peninsula",
        "yellow",
    );
    let inner = select(&f.article, "U.S. State Department", "pink");
    let same = select(&f.article, "U.S. State Department", "blue");
    let a = f.store.create_annotation(&f.article, &wide).unwrap();
    let b = f.store.create_annotation(&f.article, &inner).unwrap();
    let c = f.store.create_annotation(&f.article, &same).unwrap();
    let listed = f.store.annotations(&f.article).unwrap();
    assert_eq!(listed.len(), 3);
    // Document order, then creation order for the same start.
    let ids: Vec<&str> = listed.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, [a.id.as_str(), b.id.as_str(), c.id.as_str()]);
    assert_eq!(listed[1].position, listed[2].position);
    assert_ne!(listed[1].colour, listed[2].colour);
}

#[test]
fn a_highlight_can_span_two_blocks() {
    let mut f = fixture();
    let quote = "remains divided.\n\nNorth Korea vs. South Korea";
    let made = f
        .store
        .create_annotation(&f.article, &select(&f.article, quote, "blue"))
        .unwrap();
    let p = made.position.unwrap();
    let first = f.article.block("intro-p5").unwrap();
    let second = f.article.block("north-vs-south").unwrap();
    assert!(p.start > first.start && p.start < first.end);
    assert_eq!(p.end, second.end);
    // It belongs to the section it starts in.
    assert_eq!(made.section_id.as_deref(), Some("intro"));
    assert_eq!(
        f.store.annotations(&f.article).unwrap()[0].quote.exact,
        quote
    );
}

#[test]
fn a_highlight_in_the_byline_counts_code_points() {
    let mut f = fixture();
    let byline = f.article.block("byline").unwrap().clone();
    let quote = "🗣 Bài viết";
    let new = NewAnnotation {
        start: byline.start as i64,
        end: (byline.start + quote.chars().count()) as i64,
        exact: quote.into(),
        colour: "pink".into(),
        note: "Vietnamese: “Article posted by”".into(),
        tags: vec!["vi".into()],
    };
    // 10 code points, though 13 UTF-16 units and 16 bytes.
    assert_eq!(new.end - new.start, 10);
    let made = f.store.create_annotation(&f.article, &new).unwrap();
    assert_eq!(made.quote.exact, quote);
    assert!(made.quote.prefix.ends_with("Parallel?\n\n"));
    assert!(made.quote.suffix.starts_with(" đăng bởi Lê Tuấn"));
    assert_eq!(made.section_id.as_deref(), Some("intro"));
    let p = made.position.unwrap();
    assert_eq!(slice(&f.article.text, p.start, p.end), quote);

    // Ending one code point early cuts the selection at the emoji's end, not inside it.
    let mut short = new.clone();
    short.start += 1;
    short.exact = " Bài viết".into();
    let made = f.store.create_annotation(&f.article, &short).unwrap();
    assert_eq!(made.quote.prefix.chars().last(), Some('🗣'));

    // Offsets counted in UTF-16 units (as JavaScript would, unconverted) do not match.
    let mut utf16 = new.clone();
    utf16.end = utf16.start + quote.encode_utf16().count() as i64;
    let err = f.store.create_annotation(&f.article, &utf16).unwrap_err();
    assert_eq!(err.kind(), "invalid_input");
    assert_eq!(f.store.annotations(&f.article).unwrap().len(), 2);
}

#[test]
fn a_note_at_the_limit_in_non_bmp_characters_is_accepted() {
    let mut f = fixture();
    let mut new = select(&f.article, "The Korean War", "yellow");
    new.note = "🗣".repeat(NOTE_MAX_CHARS);
    new.tags = (0..TAGS_MAX).map(|i| format!("t{i}")).collect();
    new.tags[0] = "🗣".repeat(TAG_MAX_CHARS);
    let made = f.store.create_annotation(&f.article, &new).unwrap();
    assert_eq!(made.note.chars().count(), NOTE_MAX_CHARS);
    assert_eq!(made.tags.len(), TAGS_MAX);
}

// --- Bad input: one test per case --------------------------------------------------------------

#[test]
fn update_of_an_unknown_id_is_not_found() {
    refused("not_found", "no highlight with id", |s, a, _, _| {
        let id = "0190d3c4-0000-7000-8000-000000000000";
        s.update_annotation(a, id, &patch_colour("green")).map(drop)
    });
}

#[test]
fn update_of_a_deleted_highlight_is_not_found() {
    refused("not_found", "no highlight with id", |s, a, _, gone| {
        s.update_annotation(a, gone, &patch_colour("green"))
            .map(drop)
    });
}

#[test]
fn delete_of_an_unknown_id_is_not_found() {
    refused(
        "not_found",
        "no highlight with id \"nope\"",
        |s, _, _, _| s.delete_annotation("nope"),
    );
}

#[test]
fn delete_of_a_deleted_highlight_is_not_found() {
    refused("not_found", "no highlight with id", |s, _, _, gone| {
        s.delete_annotation(gone)
    });
}

#[test]
fn restore_of_an_unknown_id_is_not_found() {
    refused("not_found", "no deleted highlight with id", |s, a, _, _| {
        s.restore_annotation(a, "nope").map(drop)
    });
}

#[test]
fn restore_of_a_highlight_that_is_not_deleted_is_not_found() {
    refused(
        "not_found",
        "no deleted highlight with id",
        |s, a, live, _| s.restore_annotation(a, live).map(drop),
    );
}

#[test]
fn offsets_outside_the_text_are_refused() {
    refused_create("past the end of the text", |a, n| {
        n.start = a.text_length as i64 - 2;
        n.end = a.text_length as i64 + 5;
        n.exact = slice(&a.text, a.text_length - 2, a.text_length);
    });
}

#[test]
fn offsets_wholly_beyond_the_text_are_refused() {
    refused_create("past the end of the text", |a, n| {
        n.start = a.text_length as i64 + 10;
        n.end = a.text_length as i64 + 20;
    });
}

#[test]
fn a_reversed_selection_is_refused() {
    refused_create("reversed (start 20, end 10)", |_, n| {
        n.start = 20;
        n.end = 10;
    });
}

#[test]
fn an_empty_selection_is_refused() {
    refused_create("empty", |_, n| {
        n.end = n.start;
        n.exact = String::new();
    });
}

#[test]
fn negative_offsets_are_refused() {
    refused_create("negative", |_, n| {
        n.start = -4;
        n.end = 3;
    });
}

#[test]
fn a_quote_that_is_not_the_text_at_the_offsets_is_refused() {
    refused_create("does not match the article", |_, n| {
        n.exact = "the war reached a stalemat".into();
    });
}

#[test]
fn a_note_over_the_limit_is_refused() {
    refused_create("the limit is 20000", |_, n| {
        n.note = "x".repeat(NOTE_MAX_CHARS + 1);
    });
}

#[test]
fn a_note_over_the_limit_is_refused_on_update() {
    refused("invalid_input", "the limit is 20000", |s, a, live, _| {
        let patch = AnnotationPatch {
            note: Some("🗣".repeat(NOTE_MAX_CHARS + 1)),
            ..Default::default()
        };
        s.update_annotation(a, live, &patch).map(drop)
    });
}

#[test]
fn an_unknown_colour_is_refused() {
    refused_create("unknown colour \"red\"", |_, n| n.colour = "red".into());
}

#[test]
fn an_unknown_colour_is_refused_on_update() {
    refused(
        "invalid_input",
        "unknown colour \"Yellow\"",
        |s, a, live, _| {
            s.update_annotation(a, live, &patch_colour("Yellow"))
                .map(drop)
        },
    );
}

#[test]
fn an_empty_tag_is_refused() {
    refused_create("a tag cannot be empty", |_, n| {
        n.tags = vec!["ok".into(), String::new()];
    });
}

#[test]
fn a_whitespace_only_tag_is_refused() {
    refused_create("a tag cannot be empty", |_, n| {
        n.tags = vec![" \t ".into()];
    });
}

#[test]
fn a_whitespace_only_tag_is_refused_on_update() {
    refused("invalid_input", "a tag cannot be empty", |s, a, live, _| {
        let patch = AnnotationPatch {
            tags: Some(vec!["fine".into(), "   ".into()]),
            ..Default::default()
        };
        s.update_annotation(a, live, &patch).map(drop)
    });
}

#[test]
fn a_tag_over_the_limit_is_refused() {
    refused_create("longer than 64 characters", |_, n| {
        n.tags = vec!["t".repeat(TAG_MAX_CHARS + 1)];
    });
}

#[test]
fn more_tags_than_the_limit_are_refused() {
    refused_create("at most 32 tags", |_, n| {
        n.tags = (0..=TAGS_MAX).map(|i| format!("tag {i}")).collect();
    });
}

#[test]
fn renaming_an_unknown_colour_is_refused() {
    refused(
        "invalid_input",
        "unknown colour \"orange\"",
        |s, _, _, _| s.rename_colour("orange", "Sources").map(drop),
    );
}

#[test]
fn a_colour_is_marked_renamed_only_once_the_user_renames_it() {
    let mut f = fixture();
    let before = f.store.colours().unwrap();
    assert!(before.iter().all(|c| !c.renamed), "{before:?}");
    assert_eq!(before[0].meaning, "Key idea");
    let after = f.store.rename_colour("green", "Date").unwrap();
    let green = after.iter().find(|c| c.name == "green").unwrap();
    assert!(green.renamed);
    assert_eq!(green.meaning, "Date");
    assert!(after
        .iter()
        .filter(|c| c.name != "green")
        .all(|c| !c.renamed));
    let json = serde_json::to_value(green).unwrap();
    assert_eq!(json["renamed"], true);
}

#[test]
fn an_empty_colour_meaning_is_refused() {
    refused("invalid_input", "meaning must be 1 to 40", |s, _, _, _| {
        s.rename_colour("yellow", "  ").map(drop)
    });
}

#[test]
fn a_colour_meaning_over_the_limit_is_refused() {
    refused("invalid_input", "meaning must be 1 to 40", |s, _, _, _| {
        s.rename_colour("yellow", &"m".repeat(41)).map(drop)
    });
}

fn position_bookmark(block: &str, offset: i64) -> NewBookmark {
    NewBookmark {
        kind: "position".into(),
        block_id: block.into(),
        text_offset: Some(offset),
        label: String::new(),
    }
}

#[test]
fn a_bookmark_on_an_unknown_block_is_refused() {
    refused("invalid_input", "no block \"nowhere\"", |s, a, _, _| {
        s.create_bookmark(a, &position_bookmark("nowhere", 0))
            .map(drop)
    });
}

#[test]
fn a_bookmark_of_an_unknown_kind_is_refused() {
    refused(
        "invalid_input",
        "unknown bookmark kind \"page\"",
        |s, a, _, _| {
            let mut b = position_bookmark("casualties-p1", 8200);
            b.kind = "page".into();
            s.create_bookmark(a, &b).map(drop)
        },
    );
}

#[test]
fn a_position_bookmark_outside_its_block_is_refused() {
    refused(
        "invalid_input",
        "outside block \"casualties-p1\"",
        |s, a, _, _| {
            let block = a.block("casualties-p1").unwrap();
            s.create_bookmark(a, &position_bookmark(&block.id, block.end as i64 + 1))
                .map(drop)
        },
    );
}

#[test]
fn a_position_bookmark_before_its_block_is_refused() {
    refused(
        "invalid_input",
        "offset -1 is outside block",
        |s, a, _, _| {
            s.create_bookmark(a, &position_bookmark("title", -1))
                .map(drop)
        },
    );
}

#[test]
fn a_position_bookmark_without_an_offset_is_refused() {
    refused("invalid_input", "needs text_offset", |s, a, _, _| {
        let mut b = position_bookmark("casualties-p1", 0);
        b.text_offset = None;
        s.create_bookmark(a, &b).map(drop)
    });
}

#[test]
fn a_bookmark_label_over_the_limit_is_refused() {
    refused("invalid_input", "at most 200 characters", |s, a, _, _| {
        let block = a.block("casualties-p1").unwrap();
        let mut b = position_bookmark(&block.id, block.start as i64);
        b.label = "🔖".repeat(LABEL_MAX_CHARS + 1);
        s.create_bookmark(a, &b).map(drop)
    });
}

#[test]
fn a_note_on_an_unknown_section_is_refused() {
    refused("invalid_input", "no section \"appendix\"", |s, a, _, _| {
        s.save_note(a, Some("appendix"), "Hello").map(drop)
    });
}

#[test]
fn a_note_on_a_block_that_is_not_a_section_is_refused() {
    refused(
        "invalid_input",
        "no section \"casualties-p1\"",
        |s, a, _, _| s.save_note(a, Some("casualties-p1"), "Hello").map(drop),
    );
}

#[test]
fn a_free_note_over_the_limit_is_refused() {
    refused("invalid_input", "the limit is 100000", |s, a, _, _| {
        s.save_note(a, None, &"n".repeat(FREE_NOTE_MAX_CHARS + 1))
            .map(drop)
    });
}

// --- Bookmarks and notes -----------------------------------------------------------------------

#[test]
fn bookmarks_and_notes_round_trip() {
    let mut f = fixture();
    let block = f.article.block("casualties-p2").unwrap().clone();
    let at = f
        .store
        .create_bookmark(
            &f.article,
            &position_bookmark(&block.id, block.start as i64 + 5),
        )
        .unwrap();
    assert_eq!(at.section_id, "casualties");
    let section = NewBookmark {
        kind: "section".into(),
        block_id: "stalemate-p2".into(),
        text_offset: None,
        label: "  Armistice ".into(),
    };
    let marked = f.store.create_bookmark(&f.article, &section).unwrap();
    assert_eq!(marked.block_id, "stalemate");
    assert_eq!(marked.label, "Armistice");
    // A section is bookmarked once.
    let again = f.store.create_bookmark(&f.article, &section).unwrap();
    assert_eq!(again, marked);
    let renamed = f.store.rename_bookmark(&at.id, "Losses").unwrap();
    assert_eq!(renamed.label, "Losses");
    let note = f
        .store
        .save_note(&f.article, Some("stalemate"), "Two years of talks.")
        .unwrap();
    let whole = f.store.save_note(&f.article, None, "🗣 Notes").unwrap();
    drop(f.store);

    let mut store = Store::open(&f.path).unwrap();
    assert_eq!(
        store.bookmarks(&f.article).unwrap(),
        [marked.clone(), renamed]
    );
    assert_eq!(store.notes(&f.article).unwrap(), [whole, note]);
    store.delete_bookmark(&at.id).unwrap();
    assert_eq!(store.bookmarks(&f.article).unwrap(), [marked]);
    let err = store.delete_bookmark(&at.id).unwrap_err();
    assert_eq!(err.kind(), "not_found");
}

// --- Durability ---------------------------------------------------------------------------------

#[test]
fn fifty_highlights_survive_closing_and_reopening() {
    const N: usize = 50;
    let mut f = fixture();
    let words: Vec<(usize, usize)> = {
        // Every 7th word of the text, so the highlights are spread out.
        let mut spans = Vec::new();
        let mut start = None;
        for (i, c) in f.article.text.chars().enumerate() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    spans.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        spans.into_iter().step_by(7).take(N).collect()
    };
    assert_eq!(words.len(), N);
    let mut made = Vec::new();
    for (i, (start, end)) in words.into_iter().enumerate() {
        let new = NewAnnotation {
            start: start as i64,
            end: end as i64,
            exact: slice(&f.article.text, start, end),
            colour: ["yellow", "green", "blue", "pink", "purple"][i % 5].into(),
            note: format!("note {i}"),
            tags: vec![format!("n{}", i % 3)],
        };
        made.push(f.store.create_annotation(&f.article, &new).unwrap());
    }
    drop(f.store);

    let mut store = Store::open(&f.path).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let listed = store.annotations(&f.article).unwrap();
    assert_eq!(listed.len(), N);
    made.sort_by_key(|a| a.position.unwrap().start);
    assert_eq!(listed, made);
}

// --- Re-anchoring -------------------------------------------------------------------------------

/// (quote, nth occurrence in the original, status on the revised text, note).
const MOVES: &[(&str, usize, AnchorStatus, &str)] = &[
    (
        "The Korean War: What Really Happened",
        0,
        AnchorStatus::Exact,
        "the title",
    ),
    ("🗣 Bài viết", 0, AnchorStatus::Exact, "the byline"),
    (
        "the worst possible location to fight this damned war",
        0,
        AnchorStatus::Moved,
        "after the inserted paragraph",
    ),
    (
        "the iconic television series MASH*, set in a field hospital",
        0,
        AnchorStatus::Fuzzy,
        "a typo fixed",
    ),
    (
        "a National Security Council report known as NSC-68",
        0,
        AnchorStatus::Orphan,
        "the **deleted** paragraph",
    ),
    (
        "For President Truman, this letter was the final straw.",
        0,
        AnchorStatus::Orphan,
        "the reworded sentence",
    ),
];

#[test]
fn listing_on_a_revised_text_reanchors_once_and_keeps_orphans() {
    let mut f = fixture();
    let revised = revised();
    let mut made = Vec::new();
    for (i, (quote, nth, _, note)) in MOVES.iter().enumerate() {
        let (start, end) = find(&f.article.text, quote, *nth);
        let new = NewAnnotation {
            start,
            end,
            exact: quote.to_string(),
            colour: "green".into(),
            note: note.to_string(),
            tags: vec![format!("case {i}")],
        };
        made.push(f.store.create_annotation(&f.article, &new).unwrap());
    }

    let listed = f.store.annotations(&revised).unwrap();
    assert_eq!(listed.len(), MOVES.len(), "nothing is dropped");
    for (i, (quote, _, want, note)) in MOVES.iter().enumerate() {
        let before = &made[i];
        let a = listed
            .iter()
            .find(|a| a.id == before.id)
            .unwrap_or_else(|| panic!("{quote:?} is listed"));
        assert_eq!(a.status, *want, "{quote:?}");
        assert_eq!(a.note, *note);
        assert_eq!(a.tags, [format!("case {i}")]);
        assert_eq!(a.colour, "green");
        assert_eq!(a.created_at, before.created_at);
        match want {
            AnchorStatus::Orphan => {
                assert_eq!(a.position, None);
                assert_eq!(a.section_id, None);
                // Its quote and context stay what the user highlighted.
                assert_eq!(a.quote, before.quote);
            }
            _ => {
                let p = a.position.unwrap();
                assert_eq!(slice(&revised.text, p.start, p.end), a.quote.exact);
                assert_eq!(a.revision, revised.revision);
                assert!(revised.text.contains(&format!(
                    "{}{}{}",
                    a.quote.prefix, a.quote.exact, a.quote.suffix
                )));
                if *want == AnchorStatus::Fuzzy {
                    assert_eq!(
                        a.quote.exact,
                        "the iconic television series M*A*S*H, set in a field hospital"
                    );
                } else {
                    assert_eq!(a.quote.exact, *quote);
                }
            }
        }
    }
    // Placed ones in document order, orphans last.
    let statuses: Vec<AnchorStatus> = listed.iter().map(|a| a.status).collect();
    assert_eq!(
        statuses,
        [
            AnchorStatus::Exact,
            AnchorStatus::Exact,
            AnchorStatus::Moved,
            AnchorStatus::Fuzzy,
            AnchorStatus::Orphan,
            AnchorStatus::Orphan
        ]
    );

    // The result was saved: every row, orphans included, is marked as anchored in the revised
    // text, so listing again is read-only. It succeeds, and returns the same, while another
    // connection holds the write lock (a write would wait out the busy timeout and fail).
    let watcher = Connection::open(&f.path).unwrap();
    watcher.execute_batch("BEGIN IMMEDIATE").unwrap();
    assert_eq!(f.store.annotations(&revised).unwrap(), listed);
    watcher.execute_batch("ROLLBACK").unwrap();
    drop(f.store);
    let mut store = Store::open(&f.path).unwrap();
    watcher.execute_batch("BEGIN IMMEDIATE").unwrap();
    assert_eq!(store.annotations(&revised).unwrap(), listed);
    watcher.execute_batch("ROLLBACK").unwrap();
    let revisions: Vec<String> = watcher
        .prepare("SELECT DISTINCT article_revision FROM annotations")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(revisions, std::slice::from_ref(&revised.revision));

    // Back on the original text, the orphans' quotes are found again.
    let back = store.annotations(&f.article).unwrap();
    assert_eq!(back.len(), MOVES.len());
    assert!(back.iter().all(|a| a.position.is_some()), "{back:#?}");
}
