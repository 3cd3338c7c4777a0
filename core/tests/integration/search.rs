//! Search everywhere (issue 15): the article text of every article, highlights (quote, note,
//! tags) and free notes, through one FTS5 index in the real SQLite file. English from the
//! built-in article; Vietnamese from chapter 1 of the Debian New Maintainers' Guide in Vietnamese
//! (Debian package maint-guide-vi 1.2.53, GPL-2.0+, its .txt as Markdown paragraphs:
//! `tests/data/maint-guide-vi-1.md`), which nobody here wrote.

use margin_core::content::{parse_article, Article};
use margin_core::library::Library;
use margin_core::search::{self, fold_for_index, Hit, HitKind};
use margin_core::store::{AnnotationPatch, NewAnnotation, Store};

fn vietnamese() -> Article {
    let src = std::fs::read_to_string(crate::data_path("maint-guide-vi-1.md")).unwrap();
    parse_article(&src, &|_: &str| None::<Vec<u8>>).unwrap()
}

/// A store with both articles' text indexed.
fn setup(library: &Library, vi: &Article) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(dir.path()).unwrap();
    let en = library.get("korean-war").unwrap();
    assert_eq!(search::index_articles(&mut store, &[en, vi]).unwrap(), 2);
    (dir, store)
}

fn find(store: &Store, library: &Library, vi: &Article, q: &str) -> Vec<Hit> {
    let lookup = |id: &str| {
        if id == vi.meta.id {
            Some(vi)
        } else {
            library.get(id).ok()
        }
    };
    search::search(store, &lookup, q, 50).unwrap()
}

/// The snippet's marked words.
fn marked(hit: &Hit) -> Vec<String> {
    let chars: Vec<char> = hit.snippet.chars().collect();
    hit.marks
        .iter()
        .map(|[s, e]| chars[*s..*e].iter().collect())
        .collect()
}

fn cp_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn english_words_phrases_and_prefixes_in_the_article() {
    let library = Library::builtin();
    let vi = vietnamese();
    let (_dir, store) = setup(&library, &vi);
    let en = library.get("korean-war").unwrap();

    let hits = find(&store, &library, &vi, "armistice");
    assert!(hits.len() >= 2, "{hits:?}");
    for h in &hits {
        assert_eq!(
            (h.kind, h.article.as_str()),
            (HitKind::Passage, "korean-war")
        );
        assert_eq!(h.title, en.meta.title);
        assert!(
            marked(h)
                .iter()
                .all(|m| m.eq_ignore_ascii_case("armistice")),
            "{h:?}"
        );
        // The passage to open is the match itself, in the article's code points.
        let word = cp_slice(&en.text, h.start.unwrap(), h.end.unwrap());
        assert!(word.eq_ignore_ascii_case("armistice"), "{word}");
    }

    // A phrase only in that order; words in any order.
    let phrase = find(&store, &library, &vi, "\"parallel 38th\"");
    assert!(phrase.is_empty(), "{phrase:?}");
    let words = find(&store, &library, &vi, "parallel 38th ");
    assert!(!words.is_empty());
    // Prefix as you type.
    let typed = find(&store, &library, &vi, "Panmunj");
    assert!(!typed.is_empty());
    assert!(
        marked(&typed[0])[0].starts_with("Panmunj"),
        "{:?}",
        typed[0]
    );
    // Case and accents are ignored; the article spells it "Lê Tuấn" only in its byline,
    // so try a word of its text with curly punctuation around.
    assert_eq!(
        find(&store, &library, &vi, "KOREAN").len(),
        find(&store, &library, &vi, "korean").len()
    );
}

#[test]
fn vietnamese_without_accents_and_đ_and_exact_accents_first() {
    let library = Library::builtin();
    let vi = vietnamese();
    let (_dir, store) = setup(&library, &vi);

    // "dong luc xa hoi" is "Động lực xã hội" (a heading of the guide): đ folded on both sides.
    let hits = find(&store, &library, &vi, "dong luc xa hoi");
    assert!(!hits.is_empty(), "nothing found");
    let first = &hits[0];
    assert_eq!(first.article, "maint-guide-vi-1");
    assert!(first.snippet.contains("Động lực xã hội"), "{first:?}");
    assert_eq!(marked(first)[0], "Động");

    // "dong" also folds đóng, đồng, động…: those spelled exactly as typed come first.
    let hits = find(&store, &library, &vi, "động");
    let exact: Vec<bool> = hits.iter().map(|h| h.exact).collect();
    assert!(exact.contains(&true) && exact.contains(&false), "{exact:?}");
    assert!(
        exact.windows(2).all(|w| w[0] >= w[1]),
        "exact first: {exact:?}"
    );
    for h in hits.iter().filter(|h| h.exact) {
        assert!(h.snippet.to_lowercase().contains("động"), "{h:?}");
    }
    // Typed without accents, the same places are found.
    assert!(find(&store, &library, &vi, "dong").len() >= hits.len());
    // "Đ" capital, in a quoted phrase: "Bắt đầu Đúng cách" is the chapter's title.
    let title = find(&store, &library, &vi, "\"bat dau dung cach\"");
    assert!(
        title.iter().any(|h| h.snippet.contains("Đúng cách")),
        "{title:?}"
    );
}

#[test]
fn highlights_and_notes_are_findable_the_moment_they_are_saved() {
    let library = Library::builtin();
    let vi = vietnamese();
    let (_dir, mut store) = setup(&library, &vi);
    let en = library.get("korean-war").unwrap();
    let q = "Panmunjom";
    let start = en
        .text
        .find(q)
        .map(|b| en.text[..b].chars().count())
        .unwrap();
    let new = NewAnnotation {
        start: start as i64,
        end: (start + q.chars().count()) as i64,
        exact: q.into(),
        colour: "blue".into(),
        note: "Nơi ký hiệp định đình chiến".into(),
        tags: vec!["armistice".into(), "places".into()],
    };
    let made = store.create_annotation(en, &new).unwrap();
    let is_ours = |hits: &[Hit]| {
        hits.iter()
            .any(|h| h.kind == HitKind::Highlight && h.id == made.id)
    };

    let by_note = find(&store, &library, &vi, "dinh chien");
    let hit = by_note
        .iter()
        .find(|h| h.id == made.id)
        .expect("the note is indexed");
    assert_eq!(hit.snippet, "Nơi ký hiệp định đình chiến");
    // Every word that folds to "dinh" or "chien" is marked: định (of hiệp định) too.
    assert_eq!(marked(hit), ["định", "đình", "chiến"]);
    assert_eq!((hit.start, hit.end), (Some(start), Some(start + 9)));
    assert_eq!(hit.colour.as_deref(), Some("blue"));
    assert!(is_ours(&find(&store, &library, &vi, "places")), "by tag");

    // A changed note and tags replace the old words.
    let patch = AnnotationPatch {
        note: Some("Where the talks were held".into()),
        tags: Some(vec!["talks".into()]),
        ..Default::default()
    };
    store.update_annotation(en, &made.id, &patch).unwrap();
    assert!(!is_ours(&find(&store, &library, &vi, "dinh chien")));
    assert!(!is_ours(&find(&store, &library, &vi, "places")));
    assert!(is_ours(&find(&store, &library, &vi, "talks held")));
    // Deleted: gone; undone: back.
    store.delete_annotation(&made.id).unwrap();
    assert!(!is_ours(&find(&store, &library, &vi, "talks held")));
    store.restore_annotation(en, &made.id).unwrap();
    assert!(is_ours(&find(&store, &library, &vi, "talks held")));

    // Free notes, on the article and on a section.
    store
        .save_note(en, None, "Đọc lại phần về đình chiến")
        .unwrap();
    let section = &en.sections[1].id;
    store
        .save_note(en, Some(section), "MacArthur and Truman")
        .unwrap();
    let hits = find(&store, &library, &vi, "doc lai");
    let note = hits.iter().find(|h| h.kind == HitKind::Note).unwrap();
    assert_eq!((note.id.as_str(), note.start), ("", None));
    assert_eq!(marked(note), ["Đọc", "lại"]);
    let hits = find(&store, &library, &vi, "truman macarthur");
    let note = hits.iter().find(|h| h.kind == HitKind::Note).unwrap();
    assert_eq!(&note.id, section);
    assert!(note.start.is_some(), "a section note opens its heading");
    store
        .save_note(en, Some(section), "Something else")
        .unwrap();
    let hits = find(&store, &library, &vi, "truman macarthur");
    assert!(hits.iter().all(|h| h.kind != HitKind::Note), "{hits:?}");
}

#[test]
fn whatever_is_typed_is_a_search_never_an_error() {
    let library = Library::builtin();
    let vi = vietnamese();
    let (_dir, store) = setup(&library, &vi);
    let long = "war ".repeat(2_500);
    let one_word = "x".repeat(10_000);
    let cases: &[(&str, bool)] = &[
        ("\"38th Parallel", true), // unbalanced quote: the rest is a phrase
        ("38th Parallel\"", true),
        ("NEAR(", true),           // the article says "near"
        ("NEAR(korea war", false), // the phrase "near korea", and war
        ("*", false),
        ("-", false),
        ("-war", true),
        ("OR", true), // the word "or" is in the article
        ("AND NOT", true),
        ("korea AND", true),
        ("war:", true),
        ("body:war", false),
        ("^war", true),
        ("(korea)", true),
        ("{korea war}", true),
        ("korea\u{0}war", false),
        ("\u{1}\u{7}\u{1b}[0m", false),
        ("\u{E000}korea\u{E001}", false), // private-use characters are part of a word to unicode61
        (long.as_str(), true),
        (one_word.as_str(), false),
        ("'; DROP TABLE annotations; --", false),
        ("\\", false),
        ("\u{301}", false),
        ("🇰🇷", false),
    ];
    for (input, some) in cases {
        let hits = search::search(&store, &|id| library.get(id).ok(), input, 20)
            .unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(!hits.is_empty(), *some, "{input:?}: {} results", hits.len());
    }
    // And nothing was changed by them.
    assert!(!find(&store, &library, &vi, "armistice").is_empty());
}

#[test]
fn results_are_grouped_by_article_and_the_index_follows_revisions() {
    let library = Library::builtin();
    let vi = vietnamese();
    let (_dir, mut store) = setup(&library, &vi);
    let en = library.get("korean-war").unwrap();
    // "Debian" and "Korea" appear in different articles; "the" in the English only.
    let hits = find(&store, &library, &vi, "debian");
    assert!(hits.iter().all(|h| h.article == "maint-guide-vi-1"));
    let mixed = find(&store, &library, &vi, "chi");
    let articles: Vec<&str> = mixed.iter().map(|h| h.article.as_str()).collect();
    let mut runs = articles.clone();
    runs.dedup();
    let mut distinct = runs.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(runs.len(), distinct.len(), "one run per article: {runs:?}");

    // Indexed once; again only when an article's revision changes; gone when it leaves.
    assert_eq!(search::index_articles(&mut store, &[en, &vi]).unwrap(), 0);
    let src = std::fs::read_to_string(crate::data_path("maint-guide-vi-1.md")).unwrap();
    let revised = parse_article(
        &src.replace("Động lực xã hội", "Động lực cộng đồng"),
        &|_: &str| None::<Vec<u8>>,
    )
    .unwrap();
    assert_eq!(
        search::index_articles(&mut store, &[en, &revised]).unwrap(),
        1
    );
    let lookup = |id: &str| {
        if id == revised.meta.id {
            Some(&revised)
        } else {
            library.get(id).ok()
        }
    };
    let after = search::search(&store, &lookup, "cong dong", 20).unwrap();
    assert!(after
        .iter()
        .any(|h| h.id == "s1-1" && h.snippet.contains("cộng đồng")));
    // The heading's old words are gone from the index (a paragraph still has them).
    let old = search::search(&store, &lookup, "\"dong luc xa hoi\"", 20).unwrap();
    assert!(
        !old.is_empty() && old.iter().all(|h| h.id != "s1-1"),
        "{old:?}"
    );
    assert_eq!(search::index_articles(&mut store, &[en]).unwrap(), 0);
    assert!(search::search(&store, &lookup, "debian", 20)
        .unwrap()
        .is_empty());
}

#[test]
fn the_index_folds_as_core_does() {
    // The SQL views of the migration and `fold_for_index` must agree, or snippets lose
    // their accents (they fall back to the indexed text).
    let library = Library::builtin();
    let en = library.get("korean-war").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(dir.path()).unwrap();
    let body = "Đà Nẵng, đình chiến, Ðumb";
    store.save_note(en, None, body).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(dir.path().join("margin.sqlite3")).unwrap();
    let indexed: String = conn
        .query_row("SELECT body FROM search_text", [], |r| r.get(0))
        .unwrap();
    assert_eq!(indexed, fold_for_index(body));
    assert_eq!(indexed.chars().count(), body.chars().count());
}
