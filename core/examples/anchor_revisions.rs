//! The revision benchmark, Margin and the Hypothesis method side by side (`scripts/bench-anchoring`
//! runs it): 1,000 annotations per text, re-anchored on each scenario's revision by Margin's
//! anchorer here and by `scripts/anchoring/hypothesis.mjs` (npm `approx-string-match` with a
//! scorer written after Hypothesis's `match-quote`) in Node, on the same data in the same run.
//! Both are judged against the ground truth the generator tracked (`tests/support/revisions.rs`).
//!
//! `cargo run --release -p margin-core --example anchor_revisions -- [--no-hypothesis] [--show KIND] [--only SCENARIO]`
//! where `--show wrong` (or `missed`) also lists Margin's placements of that kind, and
//! `--only SCENARIO` ("deleted sentences") runs one scenario.

#[path = "../tests/support/revisions.rs"]
mod revisions;

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use margin_core::anchor::{Anchored, Anchorer, Report};
use revisions::{annotations, judge, texts, Annotation, Revision, Score, Verdict, SCENARIOS};
use serde_json::{json, Value};

/// Annotations per text.
const ANNOTATIONS: usize = 1000;
/// Timed runs per engine and scenario (after one untimed); the median is reported.
const RUNS: usize = 7;

/// Where an engine placed each annotation (code points), `None` for an orphan.
type Placements = Vec<Option<(usize, usize)>>;

struct Case {
    text: &'static str,
    scenario: &'static str,
    doc: Revision,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let hypothesis = !args.iter().any(|a| a == "--no-hypothesis");
    let show = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1))
        .map(String::as_str);
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .map(String::as_str);

    let mut cases = Vec::new();
    let mut sets = Vec::new();
    for (t, (name, text)) in texts().into_iter().enumerate() {
        let notes = annotations(&text, ANNOTATIONS, 17 + t as u64);
        for (s, scenario) in SCENARIOS.iter().enumerate() {
            if only.is_some_and(|o| o != scenario.name) {
                continue;
            }
            cases.push(Case {
                text: name,
                scenario: scenario.name,
                doc: scenario.revise(&text, 1000 * (t as u64 + 1) + s as u64),
            });
        }
        sets.push((name, text, notes));
    }

    let theirs = hypothesis.then(|| run_hypothesis(&sets, &cases));
    println!(
        "{ANNOTATIONS} annotations per text; times are the median of {RUNS} runs over all of them\n"
    );
    println!(
        "{:<11} {:<20} {:<10} {:>7} {:>6} {:>6} {:>7} {:>9} {:>7}",
        "text", "scenario", "engine", "correct", "wrong", "missed", "orphans", "ms", "speed"
    );
    let mut totals = [Score::default(), Score::default()];
    for (i, case) in cases.iter().enumerate() {
        let notes = &sets.iter().find(|s| s.0 == case.text).unwrap().2;
        let (results, ms) = run_margin(case, notes);
        let ours = score_margin(case, notes, &results, show);
        let report = Report::of(&results);
        add(&mut totals[0], ours);
        print_row(case, "Margin", ours, ms, None);
        if let Some(theirs) = &theirs {
            let (placements, their_ms) = &theirs[i];
            let s = score_placements(&case.doc, notes, placements);
            add(&mut totals[1], s);
            print_row(case, "Hypothesis", s, *their_ms, Some(their_ms / ms));
        }
        println!("{:<32} Margin's statuses: {report}", "");
    }
    println!("\ntotal Margin:     {:?}", totals[0]);
    if hypothesis {
        println!("total Hypothesis: {:?}", totals[1]);
    }
}

fn add(total: &mut Score, s: Score) {
    total.correct += s.correct;
    total.wrong += s.wrong;
    total.missed += s.missed;
    total.correct_orphans += s.correct_orphans;
}

fn print_row(case: &Case, engine: &str, s: Score, ms: f64, slower: Option<f64>) {
    let speed = slower.map_or(String::new(), |x| format!("{x:.1}x"));
    println!(
        "{:<11} {:<20} {:<10} {:>7} {:>6} {:>6} {:>7} {:>9.2} {:>7}",
        case.text,
        case.scenario,
        engine,
        s.correct,
        s.wrong,
        s.missed,
        s.correct_orphans,
        ms,
        speed
    );
}

/// Re-anchors every annotation with Margin's anchorer (preparing the text included): the
/// results and the median time in milliseconds.
fn run_margin(case: &Case, notes: &[Annotation]) -> (Vec<Anchored>, f64) {
    let text = case.doc.text();
    let selectors: Vec<_> = notes.iter().map(|n| n.selectors.clone()).collect();
    let mut results = Anchorer::new(&text).anchor_all(&selectors);
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let t0 = Instant::now();
        results = Anchorer::new(&text).anchor_all(std::hint::black_box(&selectors));
        times.push(t0.elapsed().as_secs_f64() * 1000.0);
    }
    (results, median(times))
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn score_margin(
    case: &Case,
    notes: &[Annotation],
    results: &[Anchored],
    show: Option<&str>,
) -> Score {
    let mut s = Score::default();
    let text: Vec<char> = case.doc.chars.clone();
    for (n, r) in notes.iter().zip(results) {
        let verdict = judge(&case.doc, &n.range, r.range().map(|(a, b)| a..b));
        s.add(verdict);
        let kind = match verdict {
            Verdict::Wrong => "wrong",
            Verdict::Missed => "missed",
            _ => continue,
        };
        if show == Some(kind) {
            let placed = r
                .range()
                .map_or(String::new(), |(a, b)| text[a..b].iter().collect());
            println!(
                "  {kind} {:?} {:?} score {:.3} {:?}\n    quote  {:?}\n    placed {:?}",
                n.span, r.status, r.score, r.position, n.selectors.quote.exact, placed
            );
        }
    }
    s
}

fn score_placements(
    doc: &Revision,
    notes: &[Annotation],
    placed: &[Option<(usize, usize)>],
) -> Score {
    let mut s = Score::default();
    for (n, p) in notes.iter().zip(placed) {
        s.add(judge(doc, &n.range, p.map(|(a, b)| a..b)));
    }
    s
}

/// Runs the Hypothesis method in Node on every case: per case, the placements (code points)
/// and the median time in milliseconds.
fn run_hypothesis(
    sets: &[(&str, String, Vec<Annotation>)],
    cases: &[Case],
) -> Vec<(Placements, f64)> {
    let input = json!({
        "runs": RUNS,
        "texts": sets.iter().map(|(name, text, notes)| json!({
            "name": name,
            "original": text,
            "annotations": notes.iter().map(|n| {
                let q = &n.selectors.quote;
                json!({"exact": q.exact, "prefix": q.prefix, "suffix": q.suffix,
                       "start": n.range.start, "end": n.range.end})
            }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "cases": cases.iter().map(|c| json!({"text": c.text, "revised": c.doc.text()})).collect::<Vec<_>>(),
    });
    let dir = std::env::temp_dir().join(format!("margin-anchoring-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (inp, out) = (dir.join("in.json"), dir.join("out.json"));
    std::fs::write(&inp, input.to_string()).unwrap();
    let script =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scripts/anchoring/hypothesis.mjs");
    let status = Command::new("node")
        .arg(&script)
        .arg(&inp)
        .arg(&out)
        .status();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!(
            "node {} failed (npm ci installs approx-string-match)",
            script.display()
        );
        std::process::exit(1);
    }
    let output: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    output["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let placements = c["placements"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    p.as_array().map(|r| {
                        (
                            r[0].as_u64().unwrap() as usize,
                            r[1].as_u64().unwrap() as usize,
                        )
                    })
                })
                .collect();
            (placements, c["ms"].as_f64().unwrap())
        })
        .collect()
}
