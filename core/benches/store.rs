//! Store costs, run by hand: `cargo bench -p margin-core --bench store`.
//!
//! - `store_create_durable`: one highlight created in a file-backed store opened as the app
//!   opens it (WAL, `synchronous=FULL`: every commit is fsynced), everything checked and the row
//!   read back (target: p99 ≤ 1 ms). Criterion reports the mean and median, so before it runs,
//!   2,000 creates are also timed one by one and their percentiles printed.
//! - `store_open_10000_same_revision`: `Store::annotations` for an article with 10,000 stored
//!   highlights on its current text: reading the rows and their tags, the revision check, the
//!   sort (target: 50 ms).
//! - `store_reanchor_1000_revised`: `Store::annotations` on the revised article for 1,000
//!   highlights made on the original: re-anchoring them all and saving the results in one
//!   transaction (target: 100 ms). Each iteration starts from a fresh copy of a prepared
//!   database, so every one re-anchors.
//!
//! The ids start with `store_` so that criterion's saved baselines never mix with those of
//! `benches/anchoring.rs`, which times the anchoring alone. Tests never assert on time; the
//! figures go into `docs/benchmarks.md`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod common;

use common::spread;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use margin_core::anchor::{AnchorStatus, Anchorer};
use margin_core::content::{builtin_article, builtin_figure, parse_article, Article};
use margin_core::store::{AnnotationRow, NewAnnotation, Store};
use tempfile::TempDir;

const COLOURS: [&str; 5] = ["yellow", "green", "blue", "pink", "purple"];

/// A database file in a temp directory holding `n` highlights spread over `article`, every
/// second one with a note, every third with two tags. Written in one import transaction, so
/// preparing 10,000 does not take 10,000 fsyncs.
fn prepared(article: &Article, n: usize) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("margin.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let selectors = spread(&article.text, n);
    let ids: Vec<String> = (0..n).map(|_| uuid::Uuid::now_v7().to_string()).collect();
    let notes: Vec<String> = (0..n)
        .map(|i| {
            if i % 2 == 0 {
                format!("Note {i}: *why* this matters.")
            } else {
                String::new()
            }
        })
        .collect();
    let tags: Vec<Vec<String>> = (0..n)
        .map(|i| {
            if i % 3 == 0 {
                vec!["cold war".into(), format!("t{}", i % 10)]
            } else {
                Vec::new()
            }
        })
        .collect();
    let rows: Vec<AnnotationRow<'_>> = (0..n)
        .map(|i| AnnotationRow {
            id: &ids[i],
            legacy_id: None,
            article,
            selectors: &selectors[i],
            status: AnchorStatus::Exact,
            colour: COLOURS[i % 5],
            note: &notes[i],
            tags: &tags[i],
            created: None,
            modified: None,
        })
        .collect();
    let report = store.import_annotations(&rows, None).unwrap();
    assert_eq!(report.added, n);
    drop(store); // The last connection to close checkpoints the WAL into the file.
    (dir, path)
}

/// A copy of the database at `from` in a new temp directory, opened.
fn copy_of(from: &Path) -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("margin.sqlite3");
    std::fs::copy(from, &path).unwrap();
    let store = Store::open(&path).unwrap();
    (dir, store)
}

/// Selections of words and phrases of the article, cycled through by the create benchmarks.
fn selections(article: &Article) -> Vec<NewAnnotation> {
    let text = Anchorer::new(&article.text);
    spread(&article.text, 64)
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let p = s.position.unwrap();
            NewAnnotation {
                start: p.start as i64,
                end: p.end as i64,
                exact: text.slice(p.start, p.end).unwrap().to_string(),
                colour: COLOURS[i % 5].into(),
                note: if i % 2 == 0 {
                    "A short note.".into()
                } else {
                    String::new()
                },
                tags: if i % 3 == 0 {
                    vec!["exam".into()]
                } else {
                    Vec::new()
                },
            }
        })
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

/// Times 2,000 durable creates one by one, in a fresh file-backed store, and prints their
/// percentiles: criterion's mean and median say nothing about the tail.
fn create_percentiles(article: &Article, new: &[NewAnnotation]) {
    const N: usize = 2_000;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(dir.path()).unwrap();
    let mut times = Vec::with_capacity(N);
    for i in 0..N {
        let sel = &new[i % new.len()];
        let t = Instant::now();
        std::hint::black_box(store.create_annotation(article, sel).unwrap());
        times.push(t.elapsed());
    }
    times.sort();
    let mean = times.iter().sum::<Duration>() / N as u32;
    println!(
        "store_create_durable, {N} creates timed one by one: p50 {:?}  p90 {:?}  p99 {:?}  max {:?}  mean {:?}",
        percentile(&times, 0.50),
        percentile(&times, 0.90),
        percentile(&times, 0.99),
        times[N - 1],
        mean,
    );
}

/// (a) One durable create.
fn bench_create(c: &mut Criterion, original: &Article) {
    let new = selections(original);
    create_percentiles(original, &new);
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(dir.path()).unwrap();
    let mut i = 0;
    c.bench_function("store_create_durable", |b| {
        b.iter(|| {
            i += 1;
            store
                .create_annotation(original, &new[i % new.len()])
                .unwrap()
        })
    });
}

/// (b) Listing 10,000 highlights on the revision they were made on.
fn bench_list(c: &mut Criterion, original: &Article) {
    let (_dir, path) = prepared(original, 10_000);
    let mut store = Store::open(&path).unwrap();
    let listed = store.annotations(original).unwrap();
    let tagged = listed.iter().filter(|a| !a.tags.is_empty()).count();
    println!(
        "open: {} annotations ({tagged} tagged), all {:?}",
        listed.len(),
        listed.iter().all(|a| a.status == AnchorStatus::Exact)
    );
    c.bench_function("store_open_10000_same_revision", |b| {
        b.iter(|| store.annotations(std::hint::black_box(original)).unwrap())
    });
}

/// (c) Re-anchoring 1,000 highlights on the revised text, from un-re-anchored rows each time.
fn bench_reanchor(c: &mut Criterion, original: &Article, revised: &Article) {
    let (_dir, path) = prepared(original, 1_000);
    let (_copy, mut store) = copy_of(&path);
    let listed = store.annotations(revised).unwrap();
    let count = |s: AnchorStatus| listed.iter().filter(|a| a.status == s).count();
    println!(
        "re-anchor: {} annotations onto {} code points: exact {}, moved {}, fuzzy {}, trimmed {}, \
         orphan {}",
        listed.len(),
        revised.text_length,
        count(AnchorStatus::Exact),
        count(AnchorStatus::Moved),
        count(AnchorStatus::Fuzzy),
        count(AnchorStatus::Trimmed),
        count(AnchorStatus::Orphan),
    );
    c.bench_function("store_reanchor_1000_revised", |b| {
        b.iter_batched_ref(
            || copy_of(&path),
            |(_, store)| store.annotations(std::hint::black_box(revised)).unwrap(),
            BatchSize::PerIteration,
        )
    });
}

fn store(c: &mut Criterion) {
    let original = builtin_article("korean-war").unwrap();
    let src = include_str!("../tests/data/korean-war-revised.md");
    let revised = parse_article(src, &builtin_figure).unwrap();
    bench_create(c, &original);
    bench_list(c, &original);
    bench_reanchor(c, &original, &revised);
}

criterion_group!(benches, store);
criterion_main!(benches);
