//! The built-in article: front matter, blocks, canonical text and faithfulness to the seed.

use margin_core::content::{
    builtin_article, builtin_figure, parse_article, BlockKind, Container, BLOCK_SEPARATOR,
};
use margin_core::Error;

use crate::data_path;

fn article() -> margin_core::content::Article {
    builtin_article("korean-war").expect("the built-in article parses")
}

#[test]
fn front_matter_carries_the_attribution() {
    let m = article().meta;
    assert_eq!(m.id, "korean-war");
    assert_eq!(
        m.title,
        "The Korean War: What Really Happened at the 38th Parallel?"
    );
    assert_eq!(m.author, "Lê Tuấn");
    assert_eq!(m.published, "2025-01-08");
    assert_eq!(m.updated, "2025-03-24");
    assert_eq!(m.source, "Pywar");
    assert_eq!(m.language, "en");
    assert_eq!(m.byline_language.as_deref(), Some("vi"));
    let credit = m.figures_credit.expect("the pack credits its figures");
    assert!(credit.starts_with("The original article’s pictures were not available."));
    assert!(credit.contains("Made with Natural Earth."), "{credit}");
}

#[test]
fn the_six_sections_are_in_order() {
    let a = article();
    let headings: Vec<&str> = a
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading && b.level == 2)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        headings,
        [
            "North Korea vs. South Korea",
            "The Korean War and the Cold War",
            "“There Is No Substitute for Victory”",
            "The Korean War Reaches a Stalemate",
            "Casualties of the Korean War",
            "Conclusion",
        ]
    );
    let toc: Vec<&str> = a.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(toc.len(), 7, "introduction plus six sections: {toc:?}");
    assert_eq!(toc[0], "Introduction");
    // Only the introduction the parser makes is untitled; the UI translates its title.
    let untitled: Vec<bool> = a.sections.iter().map(|s| s.untitled).collect();
    assert_eq!(untitled, [true, false, false, false, false, false, false]);
    let json = serde_json::to_value(&a.sections[0]).unwrap();
    assert_eq!(json["untitled"], true);
    assert_eq!(json["id"], "intro");
}

#[test]
fn the_revision_is_pinned() {
    // Changes only when the canonical text changes: front matter other than the title and
    // byline (such as the figures' credit) is not text, and stored highlights must not
    // re-anchor because of it.
    assert_eq!(article().revision, "cefecc56d8b8b01a");
}

#[test]
fn block_ids_are_stable_across_runs_and_builds() {
    let ids: Vec<String> = article().blocks.iter().map(|b| b.id.clone()).collect();
    let again: Vec<String> = article().blocks.iter().map(|b| b.id.clone()).collect();
    assert_eq!(ids, again);
    // The pinned list changes only when the article's structure is changed on purpose.
    let pinned = std::fs::read_to_string(data_path("korean-war-block-ids.txt")).unwrap();
    let pinned: Vec<&str> = pinned.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(ids, pinned);
}

#[test]
fn offsets_are_code_points_into_the_canonical_text() {
    let a = article();
    let chars: Vec<char> = a.text.chars().collect();
    assert_eq!(chars.len(), a.text_length);
    for pair in a.blocks.windows(2) {
        let between: String = chars[pair[0].end..pair[1].start].iter().collect();
        assert_eq!(
            between, BLOCK_SEPARATOR,
            "between {} and {}",
            pair[0].id, pair[1].id
        );
    }
    for b in &a.blocks {
        let slice: String = chars[b.start..b.end].iter().collect();
        assert_eq!(slice, b.text, "block {}", b.id);
    }
    assert_eq!(a.blocks.last().unwrap().end, a.text_length);
}

#[test]
fn the_byline_keeps_its_non_bmp_emoji_and_offsets_count_it_once() {
    let a = article();
    let byline = a.block("byline").unwrap();
    assert!(byline.text.starts_with('🗣'));
    assert!(
        !byline.text.contains('👁'),
        "the view counter is not content"
    );
    // One code point, two UTF-16 units: everything after the byline is shifted by one in UTF-16.
    assert_eq!(
        byline.text.chars().count() + 1,
        byline.text.encode_utf16().count()
    );
    let next = &a.blocks[2];
    assert_eq!(next.start, byline.end + 2);
    let utf16_start = a.text.encode_utf16().count()
        - a.text[a.text.find(&next.text).unwrap()..]
            .encode_utf16()
            .count();
    assert_eq!(utf16_start, next.start + 1);
}

/// Lower-cased runs of letters and digits.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn every_word_of_the_seed_is_in_the_article_in_order() {
    let seed = std::fs::read_to_string(data_path("korean-war-38th-parallel.txt")).unwrap();
    // What the source page shows that is not the article: its view counter, its own table of
    // contents line, and its comment form.
    let mut content = String::new();
    for line in seed.lines().map(str::trim) {
        if matches!(line, "Table of Contents" | "Leave a Reply")
            || line.starts_with("Your email address will not be published")
        {
            continue;
        }
        let line = line.split(" | 👁").next().unwrap();
        content.push_str(line);
        content.push('\n');
    }
    let seed_words = words(&content);
    let article_words = words(&article().text);
    let mut at = 0;
    let mut missing = Vec::new();
    for (i, w) in seed_words.iter().enumerate() {
        match article_words[at..].iter().position(|a| a == w) {
            Some(p) => at += p + 1,
            None => missing.push(format!("#{i} {w:?}")),
        }
    }
    assert!(
        missing.is_empty(),
        "seed words missing or out of order: {missing:?}"
    );
    assert!(
        seed_words.len() > 1400,
        "the seed has {} words",
        seed_words.len()
    );
}

#[test]
fn quotations_asides_and_figures_have_their_structure() {
    let a = article();
    let quotes: Vec<&str> = a
        .blocks
        .iter()
        .filter(|b| b.container == Container::Quote)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(quotes.len(), 3);
    assert!(quotes[0].contains("Dean Acheson"));
    assert!(quotes[1].contains("If we let Korea fall"));
    assert!(quotes[2].contains("There is no substitute for victory"));
    assert_eq!(a.html.matches("<q>").count(), 4);

    let aside: Vec<&str> = a
        .blocks
        .iter()
        .filter(|b| b.container == Container::Aside)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(aside[0], "Did You Know?");
    assert!(aside[1].contains("MASH*"));

    let figures: Vec<&str> = a.figures.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        figures,
        [
            "korean-war/figures/korea-1945-division.svg",
            "korean-war/figures/war-movements-1950-1951.svg",
            "korean-war/figures/armistice-1953.svg",
            "korean-war/figures/human-cost.svg",
        ]
    );
    for f in &a.figures {
        let caption = a.block(&f.caption).unwrap();
        assert_eq!(caption.kind, BlockKind::Caption);
        assert!(
            caption.text.contains("(Source: Collected)"),
            "{}",
            caption.text
        );
        assert!(f.alt.len() > 40, "alt text of {}", f.id);
        assert!(f.width > 0 && f.height > 0);
        assert!(builtin_figure(&f.path).is_some());
        assert_eq!(
            a.html
                .matches(&format!("data-block=\"{}\"", f.caption))
                .count(),
            1
        );
    }
    // Each figure sits where the seed put its picture: right after the paragraph before it.
    let before = |fig: &str| {
        let i = a
            .blocks
            .iter()
            .position(|b| b.id == format!("fig-{fig}-caption"))
            .unwrap();
        a.blocks[i - 1].text.clone()
    };
    assert!(before("korea-1945-division").starts_with("Since the early 20th century"));
    assert!(before("war-movements-1950-1951")
        .starts_with("President Harry Truman (1884-1972) declared"));
    assert!(before("armistice-1953").starts_with("Finally, after more than two years"));
    assert!(before("human-cost").starts_with("Nearly 40,000 American soldiers"));
}

#[test]
fn every_block_is_in_the_html_once() {
    let a = article();
    for b in &a.blocks {
        assert_eq!(
            a.html.matches(&format!("data-block=\"{}\"", b.id)).count(),
            1,
            "{}",
            b.id
        );
    }
    assert!(
        !a.html.contains("style="),
        "no inline styles: the CSP forbids them"
    );
}

fn no_figures(_: &str) -> Option<&'static [u8]> {
    None
}

const FRONT: &str = "+++\nid = \"t\"\ntitle = \"T\"\nauthor = \"A\"\npublished = 2025-01-01\nupdated = 2025-01-02\nsource = \"S\"\nlanguage = \"en\"\n+++\n";

fn parse(body: &str) -> Result<margin_core::content::Article, Error> {
    parse_article(&format!("{FRONT}{body}"), &no_figures)
}

#[test]
fn a_small_pack_parses_and_numbers_its_blocks_by_section() {
    let a =
        parse("Intro.\n\n## One {#one}\n\nFirst.\n\nSecond *with* `code`.\n\n## Two\n\nThird.\n")
            .unwrap();
    let ids: Vec<&str> = a.blocks.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(
        ids,
        ["title", "intro-p1", "one", "one-p1", "one-p2", "two", "two-p1"]
    );
    assert_eq!(a.block("one-p2").unwrap().text, "Second with code.");
    assert_eq!(
        a.text,
        "T\n\nIntro.\n\nOne\n\nFirst.\n\nSecond with code.\n\nTwo\n\nThird."
    );
}

#[test]
fn text_is_escaped_in_the_html() {
    let a = parse("5 < 6 & \"x\" <q>said</q>\n").unwrap();
    assert!(
        a.html.contains("5 &lt; 6 &amp; \"x\" <q>said</q>"),
        "{}",
        a.html
    );
    assert_eq!(a.block("intro-p1").unwrap().text, "5 < 6 & \"x\" said");
}

#[test]
fn bad_packs_are_refused_with_a_clear_error() {
    let cases = [
        ("no front matter", "Just text\n".to_string()),
        (
            "bad id",
            FRONT.replace("id = \"t\"", "id = \"Bad Id\"") + "x\n",
        ),
        (
            "unknown field",
            FRONT.replace("language", "colour = \"red\"\nlanguage") + "x\n",
        ),
        (
            "date with time",
            FRONT.replace("2025-01-01", "2025-01-01T10:00:00") + "x\n",
        ),
        ("code block", format!("{FRONT}```\ncode\n```\n")),
        ("raw html", format!("{FRONT}<script>alert(1)</script>\n")),
        (
            "inline html",
            format!("{FRONT}a <img src=x onerror=alert(1)> b\n"),
        ),
        (
            "missing figure",
            format!("{FRONT}![alt text](figures/none.svg)\nCaption\n"),
        ),
        ("list", format!("{FRONT}- one\n- two\n")),
    ];
    for (what, src) in cases {
        match parse_article(&src, &no_figures) {
            Err(Error::Content(message)) => assert!(!message.is_empty(), "{what}"),
            other => panic!("{what}: expected a content error, got {other:?}"),
        }
    }
}
