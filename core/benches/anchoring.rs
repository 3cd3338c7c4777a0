//! Anchoring costs, run by hand: `cargo bench -p margin-core --bench anchoring`.
//!
//! - `open_10000_exact`: opening the article with 10,000 annotations on an unchanged text
//!   (target: 50 ms).
//! - `reanchor_1000_revised`: re-anchoring 1,000 annotations made on the built-in article against
//!   the revised copy in `tests/data/` (target: 100 ms).
//! - `reanchor_1000_mixed`: 1,000 annotations of every length from the revision benchmark
//!   (`tests/support/revisions.rs`) re-anchored on its "mixed" revision of the built-in article
//!   (30 % of paragraphs edited, sentences deleted and moved, paragraphs inserted, one
//!   rewritten). `scripts/bench-anchoring` gives every scenario, beside the Hypothesis method.
//!
//! Both include preparing the text (`Anchorer::new`). Tests never assert on time; the figures go
//! into the docs.

mod common;
#[path = "../tests/support/revisions.rs"]
mod revisions;

use common::spread;
use criterion::{criterion_group, criterion_main, Criterion};
use margin_core::anchor::{Anchorer, Report};
use margin_core::content::{builtin_article, builtin_figure, parse_article};

fn anchoring(c: &mut Criterion) {
    let original = builtin_article("korean-war").unwrap();
    let src = include_str!("../tests/data/korean-war-revised.md");
    let revised = parse_article(src, &builtin_figure).unwrap();

    let many = spread(&original.text, 10_000);
    let report = Report::of(&Anchorer::new(&original.text).anchor_all(&many));
    println!(
        "open: {} annotations on {} code points: {report}",
        many.len(),
        original.text_length
    );
    c.bench_function("open_10000_exact", |b| {
        b.iter(|| Anchorer::new(&original.text).anchor_all(std::hint::black_box(&many)))
    });

    let some = spread(&original.text, 1_000);
    let report = Report::of(&Anchorer::new(&revised.text).anchor_all(&some));
    println!(
        "re-anchor: {} annotations onto {} code points: {report}",
        some.len(),
        revised.text_length
    );
    c.bench_function("reanchor_1000_revised", |b| {
        b.iter(|| Anchorer::new(&revised.text).anchor_all(std::hint::black_box(&some)))
    });

    let mixed = revisions::SCENARIOS
        .iter()
        .find(|s| s.name == "mixed")
        .unwrap()
        .revise(&original.text, 1007)
        .text();
    let notes: Vec<_> = revisions::annotations(&original.text, 1_000, 17)
        .into_iter()
        .map(|n| n.selectors)
        .collect();
    let report = Report::of(&Anchorer::new(&mixed).anchor_all(&notes));
    println!("re-anchor on the mixed revision: {report}");
    c.bench_function("reanchor_1000_mixed", |b| {
        b.iter(|| Anchorer::new(&mixed).anchor_all(std::hint::black_box(&notes)))
    });
}

criterion_group!(benches, anchoring);
criterion_main!(benches);
