//! Search costs, run by hand: `cargo bench -p margin-core --bench search` (issue 15).
//!
//! The corpus: 200 articles of about 5,000 words each (50 paragraphs of 100 words, a heading
//! every 10), their words drawn from real text — the built-in article, the GNU GPL 3 and chapter
//! 1 of the Vietnamese Debian maintainers' guide (`tests/data/`) — so word frequencies are those
//! of real English and Vietnamese; plus 100,000 highlights with notes of 12 such words, every
//! third with two tags. All in one file-backed store opened as the app opens it.
//!
//! Printed before criterion runs (criterion gives means and medians, not tails):
//! - the time to build the index: the 200 articles' passages (`index_articles`) and the 100,000
//!   highlights (through the triggers, in one import transaction);
//! - p50/p95/p99 over 400 queries of each kind — one word, one word of 7 letters or more (fewer
//!   function words), two words, a quoted phrase of two, the prefix of a word as typed (3
//!   letters, then 5), one word typed without its accents — the words picked at random
//!   positions of the corpus, so common words come up as often as they are common;
//! - the cost of a write with the index: 1,000 durable `create_annotation` calls alternated with
//!   1,000 on the same data without the search triggers, side by side, with the ratio.
//!
//! Targets (issue 15, not asserted): query p95 ≤ 5 ms, prefix p95 ≤ 10 ms, create p99 ≤ 1 ms.

use std::time::{Duration, Instant};

mod common;

use common::spread;
use criterion::{criterion_group, criterion_main, Criterion};
use margin_core::anchor::{AnchorStatus, Anchorer};
use margin_core::content::{builtin_article, parse_article, Article};
use margin_core::search;
use margin_core::store::{AnnotationRow, NewAnnotation, Store};
use tempfile::TempDir;

const ARTICLES: usize = 200;
const HIGHLIGHTS: usize = 100_000;
const QUERIES: usize = 400;

/// A small deterministic generator (xorshift), so every run searches the same corpus.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn words() -> Vec<String> {
    let data = |name: &str| {
        std::fs::read_to_string(
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/").to_string() + name,
        )
        .unwrap()
    };
    let vi = data("maint-guide-vi-1.md");
    let body = vi.split("+++").nth(2).unwrap_or_default().to_string();
    let mut text = builtin_article("korean-war").unwrap().text.clone();
    text.push(' ');
    text.push_str(&data("gpl-3.txt"));
    text.push(' ');
    text.push_str(&body);
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty() && !w.contains('\\'))
        .collect()
}

fn run_of(words: &[String], rng: &mut Rng, n: usize) -> String {
    let at = rng.below(words.len() - n);
    words[at..at + n].join(" ")
}

fn article(i: usize, words: &[String], rng: &mut Rng) -> Article {
    let mut md = format!(
        "+++\nid = \"a{i}\"\ntitle = \"Article {i}\"\nauthor = \"A\"\npublished = 2025-01-01\n\
         updated = 2025-01-01\nsource = \"bench\"\nlanguage = \"en\"\n+++\n\n"
    );
    for p in 0..50 {
        if p % 10 == 0 {
            md.push_str(&format!("## {} {{#h{p}}}\n\n", run_of(words, rng, 4)));
        }
        md.push_str(&run_of(words, rng, 100));
        md.push_str("\n\n");
    }
    parse_article(&md, &|_: &str| None::<Vec<u8>>).unwrap()
}

/// The store with everything indexed, and how long indexing took.
fn corpus(words: &[String]) -> (TempDir, Store, Vec<Article>) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let articles: Vec<Article> = (0..ARTICLES).map(|i| article(i, words, &mut rng)).collect();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(dir.path()).unwrap();
    let refs: Vec<&Article> = articles.iter().collect();
    let t = Instant::now();
    search::index_articles(&mut store, &refs).unwrap();
    let passages = t.elapsed();
    let built = builtin_article("korean-war").unwrap();
    let selectors = spread(&built.text, HIGHLIGHTS);
    let ids: Vec<String> = (0..HIGHLIGHTS)
        .map(|_| uuid::Uuid::now_v7().to_string())
        .collect();
    let notes: Vec<String> = (0..HIGHLIGHTS)
        .map(|_| run_of(words, &mut rng, 12))
        .collect();
    let tags: Vec<Vec<String>> = (0..HIGHLIGHTS)
        .map(|i| {
            if i % 3 == 0 {
                vec!["exam".into(), format!("t{}", i % 50)]
            } else {
                Vec::new()
            }
        })
        .collect();
    let rows: Vec<AnnotationRow<'_>> = (0..HIGHLIGHTS)
        .map(|i| AnnotationRow {
            id: &ids[i],
            legacy_id: None,
            article: &built,
            selectors: &selectors[i],
            status: AnchorStatus::Exact,
            colour: "yellow",
            note: &notes[i],
            tags: &tags[i],
            created: None,
            modified: None,
        })
        .collect();
    let t = Instant::now();
    store.import_annotations(&rows, None).unwrap();
    let highlights = t.elapsed();
    let bytes = std::fs::metadata(dir.path().join("margin.sqlite3")).map_or(0, |m| m.len())
        + std::fs::metadata(dir.path().join("margin.sqlite3-wal")).map_or(0, |m| m.len());
    println!(
        "search index build: {ARTICLES} articles' passages in {passages:?}; \
         {HIGHLIGHTS} highlights (import, triggers) in {highlights:?}; file + WAL {:.1} MB",
        bytes as f64 / 1e6
    );
    (dir, store, articles)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// A Vietnamese word as typed without its accents (the bench's own table of the letters).
fn strip_accents(s: &str) -> String {
    const FROM: [(&str, char); 7] = [
        ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("èéẻẽẹêềếểễệ", 'e'),
        ("ìíỉĩị", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("ùúủũụưừứửữự", 'u'),
        ("ỳýỷỹỵ", 'y'),
        ("đ", 'd'),
    ];
    s.chars()
        .map(|c| {
            let lower = c.to_lowercase().next().unwrap_or(c);
            FROM.iter()
                .find(|(set, _)| set.contains(lower))
                .map_or(c, |&(_, plain)| plain)
        })
        .collect()
}

/// The queries of one kind, made from random positions of the corpus.
fn queries(kind: &str, words: &[String], rng: &mut Rng) -> Vec<String> {
    (0..QUERIES)
        .map(|_| {
            let one = run_of(words, rng, 1);
            match kind {
                "one word" => format!("{one} "),
                "two words" => format!("{} ", run_of(words, rng, 2)),
                "phrase" => format!("\"{}\"", run_of(words, rng, 2)),
                "prefix 3" => one.chars().take(3).collect(),
                "prefix 5" => one.chars().take(5).collect(),
                "long word" => loop {
                    let w = run_of(words, rng, 1);
                    if w.chars().count() >= 7 {
                        break format!("{w} ");
                    }
                },
                _ => format!("{} ", strip_accents(&one)),
            }
        })
        .collect()
}

fn query_percentiles(store: &Store, articles: &[Article], words: &[String]) {
    let lookup = |id: &str| articles.iter().find(|a| a.meta.id == id);
    let mut rng = Rng(42);
    for kind in [
        "one word",
        "two words",
        "phrase",
        "prefix 3",
        "prefix 5",
        "no accents",
    ] {
        let mut times = Vec::with_capacity(QUERIES);
        let mut found = 0;
        for q in queries(kind, words, &mut rng) {
            let t = Instant::now();
            found += std::hint::black_box(search::search(store, &lookup, &q, 50).unwrap()).len();
            times.push(t.elapsed());
        }
        times.sort();
        println!(
            "search {kind:<10} x{QUERIES}: p50 {:?}  p95 {:?}  p99 {:?}  max {:?}  ({:.1} results each)",
            percentile(&times, 0.50),
            percentile(&times, 0.95),
            percentile(&times, 0.99),
            times[times.len() - 1],
            found as f64 / QUERIES as f64
        );
    }
}

/// Durable creates with the index and without (the same schema with the search triggers
/// dropped), alternated so both see the same machine, and their percentiles side by side.
fn write_cost() {
    const N: usize = 1_000;
    let article = builtin_article("korean-war").unwrap();
    let text = Anchorer::new(&article.text);
    let new: Vec<NewAnnotation> = spread(&article.text, 64)
        .into_iter()
        .map(|s| {
            let p = s.position.unwrap();
            NewAnnotation {
                start: p.start as i64,
                end: p.end as i64,
                exact: text.slice(p.start, p.end).unwrap().to_string(),
                colour: "green".into(),
                note: "A short note on why this matters.".into(),
                tags: vec!["exam".into()],
            }
        })
        .collect();
    let (with_dir, without_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut with = Store::open_in_dir(with_dir.path()).unwrap();
    drop(Store::open_in_dir(without_dir.path()).unwrap());
    let conn = rusqlite::Connection::open(without_dir.path().join("margin.sqlite3")).unwrap();
    for t in [
        "highlight_insert",
        "highlight_update",
        "highlight_delete",
        "tag_insert",
        "tag_delete",
    ] {
        conn.execute_batch(&format!("DROP TRIGGER search_{t}"))
            .unwrap();
    }
    drop(conn);
    let mut without = Store::open_in_dir(without_dir.path()).unwrap();
    let (mut a, mut b) = (Vec::with_capacity(N), Vec::with_capacity(N));
    for i in 0..N {
        let sel = &new[i % new.len()];
        for (store, times) in [(&mut with, &mut a), (&mut without, &mut b)] {
            let t = Instant::now();
            std::hint::black_box(store.create_annotation(&article, sel).unwrap());
            times.push(t.elapsed());
        }
    }
    a.sort();
    b.sort();
    for (name, t) in [("with the index", &a), ("without it", &b)] {
        println!(
            "create_annotation {name:<14} x{N}: p50 {:?}  p99 {:?}  max {:?}",
            percentile(t, 0.5),
            percentile(t, 0.99),
            t[N - 1]
        );
    }
    let ratio = |p| percentile(&a, p).as_secs_f64() / percentile(&b, p).as_secs_f64();
    println!(
        "create_annotation with/without the index: p50 {:.2}x  p99 {:.2}x",
        ratio(0.5),
        ratio(0.99)
    );
}

fn benches(c: &mut Criterion) {
    let words = words();
    let (_dir, store, articles) = corpus(&words);
    query_percentiles(&store, &articles, &words);
    write_cost();
    let lookup = |id: &str| articles.iter().find(|a| a.meta.id == id);
    let mut group = c.benchmark_group("search");
    for (name, q) in [
        ("word_common", "the "),
        ("word_rare", "armistice "),
        ("two_words", "software freedom "),
        ("phrase", "\"38th parallel\""),
        ("prefix_2", "co"),
        ("prefix_4", "free"),
        ("vi_no_accents", "phat trien "),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| search::search(&store, &lookup, q, 50).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches_group, benches);
criterion_main!(benches_group);
