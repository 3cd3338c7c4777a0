//! Re-anchoring: annotations made on the built-in article, found again in a revised copy of it
//! (`tests/data/korean-war-revised.md`, described in `tests/data/README.md`).

use margin_core::anchor::{describe, reanchor_all, AnchorStatus, Anchorer, Report, Selectors};
use margin_core::content::{builtin_article, builtin_figure, parse_article, Article};

use crate::data_path;

use AnchorStatus::{Exact, Fuzzy, Moved, Orphan, Trimmed};

fn original() -> Article {
    builtin_article("korean-war").expect("the built-in article parses")
}

fn revised() -> Article {
    let src = std::fs::read_to_string(data_path("korean-war-revised.md")).unwrap();
    parse_article(&src, &builtin_figure).expect("the revised fixture parses")
}

/// One highlight: the `nth` occurrence (from 0) of `quote` in the original text, the status it
/// must get on the revised text, and for a fuzzy one the revised passage it must land on.
struct Case {
    what: &'static str,
    quote: &'static str,
    nth: usize,
    want: AnchorStatus,
    lands_on: Option<&'static str>,
}

const fn case(what: &'static str, quote: &'static str, want: AnchorStatus) -> Case {
    Case {
        what,
        quote,
        nth: 0,
        want,
        lands_on: None,
    }
}

const CASES: &[Case] = &[
    // Before the first edit: still at their positions.
    case("title", "The Korean War: What Really Happened", Exact),
    case("byline, from its emoji", "🗣 Bài viết", Exact),
    case("byline, its author", "Lê Tuấn vào lúc 08-01-2025", Exact),
    case(
        "title into byline, across blocks",
        "38th Parallel?\n\n🗣 Bài viết",
        Exact,
    ),
    case(
        "first paragraph, before the insertion",
        "crossed the 38th Parallel—the dividing line",
        Exact,
    ),
    // A paragraph went in at the boundary: the end of the first paragraph, three quarters of
    // the quote with its prefix intact, is what it covers now (it was an orphan before trimmed
    // placements existed).
    Case {
        what: "across the block boundary where a paragraph went in",
        quote: "first military action of the Cold War.\n\nBy July 1950",
        nth: 0,
        want: Trimmed,
        lands_on: Some("first military action of the Cold War."),
    },
    // Untouched text after the inserted paragraph: found verbatim, further on.
    case(
        "intro, second paragraph",
        "not merely a regional war but a battle against international communism",
        Moved,
    ),
    case("curly quotes", "“The Forgotten War”", Moved),
    case(
        "paragraph into heading, across blocks",
        "remains divided.\n\nNorth Korea vs. South Korea",
        Moved,
    ),
    case(
        "quotation",
        "the worst possible location to fight this damned war",
        Moved,
    ),
    case(
        "figure caption",
        "Korea divided at the 38th parallel in 1945",
        Moved,
    ),
    case(
        "Syngman Rhee",
        "Syngman Rhee (1875-1965) received reluctant support",
        Moved,
    ),
    Case {
        what: "a repeated phrase, its second occurrence in the paragraph",
        quote: "the 38th Parallel",
        nth: 7,
        want: Moved,
        lands_on: None,
    },
    Case {
        what: "a credit repeated under every figure, the third one",
        quote: "(Source: Collected)",
        nth: 2,
        want: Moved,
        lands_on: None,
    },
    case(
        "demilitarized zone",
        "created a 2-mile-wide “demilitarized zone” that still exists today.",
        Moved,
    ),
    case(
        "casualties",
        "Nearly 40,000 American soldiers died in combat in Korea",
        Moved,
    ),
    case(
        "caption into heading, across blocks",
        "(Source: Collected)\n\nConclusion",
        Moved,
    ),
    case(
        "the end of the text",
        "its legacy endures through the demilitarized zone and memorials.",
        Moved,
    ),
    // A typo fixed inside the highlight.
    Case {
        what: "the show's title, corrected",
        quote: "the iconic television series MASH*, set in a field hospital",
        nth: 0,
        want: Fuzzy,
        lands_on: Some("the iconic television series M*A*S*H, set in a field hospital"),
    },
    Case {
        what: "a romanisation, corrected",
        quote: "began peace talks at Panmunjom. However, fighting continued",
        nth: 0,
        want: Fuzzy,
        lands_on: Some("began peace talks at Panmunjeom. However, fighting continued"),
    },
    Case {
        what: "the corrected word alone, though it stays verbatim in a caption",
        quote: "Panmunjom",
        nth: 0,
        want: Fuzzy,
        lands_on: Some("Panmunjeom"),
    },
    // A typo introduced inside the highlight.
    Case {
        what: "a typo introduced",
        quote: "Thirsty American soldiers were forced to drink water from rice paddies",
        nth: 0,
        want: Fuzzy,
        lands_on: Some("Thirsty American soliders were forced to drink water from rice paddies"),
    },
    Case {
        what: "a whole paragraph with a typo introduced",
        quote:
            "Adding to the challenges, that summer was one of the hottest and driest on record. \
                Thirsty American soldiers were forced to drink water from rice paddies fertilized \
                with human waste, leading to widespread intestinal diseases and other illnesses.",
        nth: 0,
        want: Fuzzy,
        lands_on: Some(
            "Adding to the challenges, that summer was one of the hottest and driest on record. \
             Thirsty American soliders were forced to drink water from rice paddies fertilized \
             with human waste, leading to widespread intestinal diseases and other illnesses.",
        ),
    },
    // A deleted paragraph.
    case(
        "inside the deleted paragraph",
        "a National Security Council report known as NSC-68",
        Orphan,
    ),
    case(
        "the deleted paragraph's last words",
        "“regardless of the strategic or economic value of the lands in question.”",
        Orphan,
    ),
    case(
        "into the deleted paragraph, across blocks",
        "saw staying out of the conflict as unthinkable.\n\n(In fact, in April 1950",
        Orphan,
    ),
    // A sentence moved into another paragraph (back into the previous section).
    case(
        "the moved sentence",
        "Chinese leader Mao Zedong (1893-1976) deployed troops to North Korea and warned the \
         U.S. not to approach the Yalu River border, lest it face all-out war.",
        Moved,
    ),
    case(
        "part of the moved sentence",
        "warned the U.S. not to approach the Yalu River border",
        Moved,
    ),
    // A sentence reworded beyond recognition.
    case(
        "the reworded sentence",
        "For President Truman, this letter was the final straw.",
        Orphan,
    ),
    case(
        "part of the reworded sentence",
        "this letter was the final straw",
        Orphan,
    ),
    case(
        "the reworded sentence's paragraph, whose second half stayed",
        "For President Truman, this letter was the final straw. On April 11, 1951, he relieved \
         General MacArthur of his command for insubordination.",
        Orphan,
    ),
];

/// Code-point range of the `nth` occurrence of `quote` in `text`.
fn find(text: &str, quote: &str, nth: usize) -> (usize, usize) {
    let (b, _) = text
        .match_indices(quote)
        .nth(nth)
        .unwrap_or_else(|| panic!("occurrence {nth} of {quote:?} is in the original"));
    let start = text[..b].chars().count();
    (start, start + quote.chars().count())
}

fn levenshtein(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut next = vec![i + 1; b.len() + 1];
        for j in 1..=b.len() {
            next[j] = (row[j - 1] + usize::from(*ca != b[j - 1]))
                .min(row[j] + 1)
                .min(next[j - 1] + 1);
        }
        row = next;
    }
    row[b.len()]
}

fn annotate(article: &Article) -> Vec<Selectors> {
    CASES
        .iter()
        .map(|c| {
            let (start, end) = find(&article.text, c.quote, c.nth);
            describe(&article.text, start, end).unwrap()
        })
        .collect()
}

#[test]
fn the_revised_fixture_parses_with_the_same_figures() {
    let (a, b) = (original(), revised());
    assert_ne!(a.revision, b.revision);
    assert_eq!(a.meta.id, b.meta.id);
    let figures = |x: &Article| x.figures.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
    assert_eq!(figures(&a), figures(&b));
}

#[test]
fn annotations_on_the_original_find_their_passages_in_the_revision() {
    let (original, revised) = (original(), revised());
    let selectors = annotate(&original);
    let results = reanchor_all(&revised.text, &selectors);
    let text = Anchorer::new(&revised.text);

    let mut wrong = Vec::new();
    for ((c, s), r) in CASES.iter().zip(&selectors).zip(&results) {
        let placed = r.range().map(|(a, b)| text.slice(a, b).unwrap());
        println!(
            "{:<7} {:.3} {:<62} {:?}",
            format!("{:?}", r.status),
            r.score,
            c.what,
            placed
        );
        if r.status != c.want {
            wrong.push(format!("{}: {:?}, want {:?}", c.what, r.status, c.want));
            continue;
        }
        match r.status {
            Exact | Moved => {
                assert_eq!(placed, Some(c.quote), "{}", c.what);
                // The right occurrence: the one still between the same words, unless the
                // sentence itself moved.
                let (a, b) = r.range().unwrap();
                let around = text.describe(a, b).unwrap().quote;
                assert!(
                    around.prefix == s.quote.prefix
                        || around.suffix == s.quote.suffix
                        || c.what.contains("moved sentence"),
                    "{}: {around:?}",
                    c.what
                );
            }
            Fuzzy => {
                let placed = placed.unwrap();
                assert_eq!(Some(placed), c.lands_on, "{}", c.what);
                let budget = (c.quote.chars().count() / 4).max(1);
                assert!(levenshtein(placed, c.quote) <= budget, "{}", c.what);
            }
            Trimmed => assert_eq!(placed, c.lands_on, "{}", c.what),
            Orphan => assert_eq!(r.position, None),
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");

    let report = Report::of(&results);
    println!("re-anchored {} annotations: {report}", report.total());
    assert_eq!(report.total(), CASES.len());
    // The counts tests/data/README.md gives.
    assert_eq!(
        report,
        Report {
            exact: 5,
            moved: 14,
            fuzzy: 5,
            trimmed: 1,
            orphan: 6
        }
    );
}

#[test]
fn every_annotation_on_the_original_is_exact_on_the_original() {
    let original = original();
    let text = Anchorer::new(&original.text);
    for (c, s) in CASES.iter().zip(annotate(&original)) {
        let r = text.anchor(&s);
        assert_eq!(r.status, Exact, "{}", c.what);
        assert_eq!(r.score, 1.0);
    }
}

#[test]
fn a_quote_only_annotation_is_placed_by_its_context() {
    // As an import would bring it: no position, only the quote and its context.
    let (original, revised) = (original(), revised());
    let (start, end) = find(&original.text, "the 38th Parallel", 7);
    let mut s = describe(&original.text, start, end).unwrap();
    s.position = None;
    let r = Anchorer::new(&revised.text).anchor(&s);
    assert_eq!(r.status, Moved);
    let (a, b) = r.range().unwrap();
    let around = Anchorer::new(&revised.text).describe(a, b).unwrap().quote;
    assert_eq!(around, s.quote);
}

#[test]
fn a_position_far_beyond_the_text_keeps_the_score_between_0_and_1() {
    // Found by fuzzing (scripts/fuzz, target anchoring): a hint of 16,842,752 on a short text
    // gave a score of -143.8. The quote itself is in the text and must still be found.
    let text = "The Korean War erupted on June 25, 1950, when around 75,000 troops crossed.";
    let mut s = describe(text, 4, 14).unwrap();
    s.position = Some(margin_core::anchor::TextPositionSelector {
        start: 16_842_752,
        end: 10,
    });
    let r = Anchorer::new(text).anchor(&s);
    assert!((0.0..=1.0).contains(&r.score), "score {}", r.score);
    assert_eq!(r.range(), Some((4, 14)));
}
