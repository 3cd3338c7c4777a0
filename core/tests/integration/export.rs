//! Exports: W3C Web Annotation JSON-LD out and back in (merging by id, anchoring quote-only and
//! unplaceable annotations, refusing bad files whole), and the Markdown export.

use margin_core::anchor::AnchorStatus;
use margin_core::export::{markdown, w3c, w3c::ImportReport};
use margin_core::store::{Annotation, NewAnnotation};
use serde_json::{json, Value};

use crate::annotations::{find, fixture, revised, select, snapshot, Fixture};

const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
const SOURCE: &str = "urn:margin:article:korean-war";

/// A store with three highlights: one with a note and tags, a plain one, one in the byline.
fn annotated() -> (Fixture, Vec<Annotation>) {
    let mut f = fixture();
    let mut noted = select(&f.article, "crossed the 38th Parallel", "green");
    noted.note = "The **invasion**: 75,000 troops.".into();
    noted.tags = vec!["cold war".into(), "1950".into()];
    let plain = select(&f.article, "“The Forgotten War”", "pink");
    let (start, end) = find(&f.article.text, "🗣 Bài viết", 0);
    let byline = NewAnnotation {
        start,
        end,
        exact: "🗣 Bài viết".into(),
        colour: "purple".into(),
        note: String::new(),
        tags: vec!["vi".into()],
    };
    for new in [noted, plain, byline] {
        f.store.create_annotation(&f.article, &new).unwrap();
    }
    let listed = f.store.annotations(&f.article).unwrap();
    (f, listed)
}

fn export(f: &mut Fixture) -> Value {
    w3c::export(&mut f.store, &[&f.article]).unwrap()
}

fn import(f: &mut Fixture, doc: &str) -> margin_core::Result<ImportReport> {
    w3c::import(&mut f.store, &[&f.article], doc)
}

fn report(added: usize, updated: usize, unchanged: usize, orphaned: usize) -> ImportReport {
    ImportReport {
        added,
        updated,
        unchanged,
        orphaned,
        ..Default::default()
    }
}

/// One annotation as another tool might write it.
fn foreign(id: &str, selector: Value, body: Value) -> Value {
    json!({
        "@context": ANNO_CONTEXT,
        "id": id,
        "type": "Annotation",
        "created": "2024-05-01T10:00:00.000Z",
        "body": body,
        "target": { "source": SOURCE, "selector": selector },
    })
}

// --- W3C export --------------------------------------------------------------------------------

#[test]
fn an_empty_store_exports_an_empty_collection() {
    let mut f = fixture();
    let doc = export(&mut f);
    assert_eq!(doc["type"], "AnnotationCollection");
    assert_eq!(doc["@context"][0], ANNO_CONTEXT);
    assert_eq!(doc["total"], 0);
    assert_eq!(doc["first"]["type"], "AnnotationPage");
    assert_eq!(doc["first"]["items"], json!([]));
    // And it imports as nothing.
    let report0 = import(&mut f, &doc.to_string()).unwrap();
    assert_eq!(report0, ImportReport::default());
}

#[test]
fn every_exported_annotation_carries_the_w3c_fields() {
    let (mut f, listed) = annotated();
    let doc = export(&mut f);
    assert_eq!(doc["type"], "AnnotationCollection");
    assert_eq!(doc["@context"][0], ANNO_CONTEXT);
    assert_eq!(doc["@context"][1]["margin"], w3c::MARGIN_NS);
    assert_eq!(doc["total"], 3);
    let items = doc["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), listed.len());
    for (item, a) in items.iter().zip(&listed) {
        assert_eq!(item["type"], "Annotation");
        assert_eq!(item["id"], format!("urn:uuid:{}", a.id));
        assert!(uuid::Uuid::parse_str(item["id"].as_str().unwrap()).is_ok());
        assert_eq!(item["created"], a.created_at.as_str());
        assert_eq!(item["modified"], a.updated_at.as_str());
        let target = &item["target"];
        assert_eq!(target["source"], SOURCE);
        assert_eq!(target["styleClass"], a.colour.as_str());
        assert_eq!(target["margin:revision"], f.article.revision.as_str());
        let p = a.position.unwrap();
        assert_eq!(
            target["selector"],
            json!([
                {
                    "type": "TextQuoteSelector",
                    "exact": a.quote.exact,
                    "prefix": a.quote.prefix,
                    "suffix": a.quote.suffix,
                },
                { "type": "TextPositionSelector", "start": p.start, "end": p.end },
            ])
        );
        let mut want_body = Vec::new();
        if !a.note.is_empty() {
            want_body.push(json!({
                "type": "TextualBody",
                "value": a.note,
                "format": "text/markdown",
                "purpose": "commenting",
            }));
        }
        for tag in &a.tags {
            want_body.push(json!({ "type": "TextualBody", "value": tag, "purpose": "tagging" }));
        }
        // No body at all for a bare highlight.
        let want_body = match want_body.is_empty() {
            true => Value::Null,
            false => Value::Array(want_body),
        };
        assert_eq!(item["body"], want_body);
        let motivation = if a.note.is_empty() {
            "highlighting"
        } else {
            "commenting"
        };
        assert_eq!(item["motivation"], motivation);
    }
    // The byline's selectors count code points: 🗣 is one.
    let byline = f.article.block("byline").unwrap();
    let first = &items[0]["target"]["selector"];
    assert_eq!(first[0]["exact"], "🗣 Bài viết");
    assert_eq!(first[1]["start"], byline.start);
    assert_eq!(first[1]["end"], byline.start + 10);
    assert_eq!(items[1]["body"][0]["format"], "text/markdown");
    assert_eq!(items[1]["body"][1]["value"], "1950");
    assert_eq!(items[1]["body"][2]["value"], "cold war");
    assert_eq!(items[2]["motivation"], "highlighting");
    assert_eq!(items[2]["body"], Value::Null);
}

#[test]
fn export_then_import_into_a_fresh_store_gives_the_same_annotations() {
    let (mut f, listed) = annotated();
    let file = serde_json::to_string_pretty(&export(&mut f)).unwrap();
    let mut fresh = fixture();
    assert_eq!(import(&mut fresh, &file).unwrap(), report(3, 0, 0, 0));
    let imported = fresh.store.annotations(&fresh.article).unwrap();
    // Same ids, quotes, positions, notes, tags, colours and times.
    assert_eq!(imported, listed);

    // A second import of the same file changes nothing.
    let before = snapshot(&mut fresh);
    assert_eq!(import(&mut fresh, &file).unwrap(), report(0, 0, 3, 0));
    assert_eq!(snapshot(&mut fresh), before);
    // Nor does importing it back where it came from.
    let before = snapshot(&mut f);
    assert_eq!(import(&mut f, &file).unwrap(), report(0, 0, 3, 0));
    assert_eq!(snapshot(&mut f), before);
}

#[test]
fn an_import_merges_a_changed_annotation_by_id() {
    let (mut f, listed) = annotated();
    let mut doc = export(&mut f);
    let item = &mut doc["first"]["items"][1];
    item["target"]["styleClass"] = json!("blue");
    item["body"] = json!([{ "type": "TextualBody", "value": "Changed.", "purpose": "commenting" }]);
    item["modified"] = json!("2030-01-01T00:00:00.000Z");
    assert_eq!(
        import(&mut f, &doc.to_string()).unwrap(),
        report(0, 1, 2, 0)
    );
    let now = f.store.annotations(&f.article).unwrap();
    assert_eq!(now.len(), 3);
    assert_eq!(now[1].id, listed[1].id);
    assert_eq!(now[1].colour, "blue");
    assert_eq!(now[1].note, "Changed.");
    assert_eq!(now[1].tags, Vec::<String>::new());
    assert_eq!(now[1].updated_at, "2030-01-01T00:00:00.000Z");
    assert_eq!(now[1].position, listed[1].position);
    assert_eq!((&now[0], &now[2]), (&listed[0], &listed[2]));
}

#[test]
fn a_quote_only_annotation_is_anchored_on_import() {
    let mut f = fixture();
    let quote = "the 38th Parallel";
    // Its context picks the eighth of many occurrences.
    let (start, end) = find(&f.article.text, quote, 7);
    let (s, e) = (start as usize, end as usize);
    let chars: Vec<char> = f.article.text.chars().collect();
    let prefix: String = chars[s - 32..s].iter().collect();
    let suffix: String = chars[e..e + 32].iter().collect();
    let doc = json!([
        foreign(
            "urn:uuid:0190d3c4-aaaa-7000-8000-000000000001",
            json!({ "type": "TextQuoteSelector", "exact": quote, "prefix": prefix, "suffix": suffix }),
            json!({ "type": "TextualBody", "value": "From Hypothesis", "format": "text/plain" }),
        ),
        foreign(
            "urn:uuid:0190d3c4-aaaa-7000-8000-000000000002",
            json!({ "type": "TextQuoteSelector", "exact": "Syngman Rhee (1875-1965)" }),
            json!([]),
        ),
    ]);
    assert_eq!(
        import(&mut f, &doc.to_string()).unwrap(),
        report(2, 0, 0, 0)
    );
    let listed = f.store.annotations(&f.article).unwrap();
    let first = listed
        .iter()
        .find(|a| a.id.ends_with("0001"))
        .expect("imported with its id, without urn:uuid:");
    assert_eq!(first.id, "0190d3c4-aaaa-7000-8000-000000000001");
    assert_eq!(first.status, AnchorStatus::Moved);
    let p = first.position.unwrap();
    assert_eq!((p.start as i64, p.end as i64), (start, end));
    assert_eq!(first.quote.prefix, prefix);
    assert_eq!(first.note, "From Hypothesis");
    assert_eq!(first.colour, "yellow", "no styleClass: the default colour");
    assert_eq!(first.created_at, "2024-05-01T10:00:00.000Z");
    let second = listed.iter().find(|a| a.id.ends_with("0002")).unwrap();
    let (start, end) = find(&f.article.text, "Syngman Rhee (1875-1965)", 0);
    let p = second.position.unwrap();
    assert_eq!((p.start as i64, p.end as i64), (start, end));
    // Its context is filled in from the text.
    assert_eq!(second.quote.prefix.chars().count(), 32);
}

#[test]
fn an_annotation_not_in_the_text_is_imported_as_an_orphan() {
    let mut f = fixture();
    let doc = foreign(
        "urn:uuid:0190d3c4-bbbb-7000-8000-000000000001",
        json!([
            { "type": "TextQuoteSelector", "exact": "a passage from another book entirely", "prefix": "", "suffix": "" },
            { "type": "TextPositionSelector", "start": 100, "end": 136 },
        ]),
        json!([
            { "type": "TextualBody", "value": "Keep me.", "format": "text/markdown", "purpose": "commenting" },
            { "type": "TextualBody", "value": "lost", "purpose": "tagging" },
        ]),
    );
    let file = doc.to_string();
    assert_eq!(import(&mut f, &file).unwrap(), report(1, 0, 0, 1));
    let listed = f.store.annotations(&f.article).unwrap();
    assert_eq!(listed.len(), 1);
    let a = &listed[0];
    assert_eq!(a.status, AnchorStatus::Orphan);
    assert_eq!(a.position, None, "an orphan has no place in the text");
    assert_eq!(a.section_id, None);
    assert_eq!(a.quote.exact, "a passage from another book entirely");
    assert_eq!(a.note, "Keep me.");
    assert_eq!(a.tags, ["lost"]);
    // It exports as an orphan (no position) and a second import changes nothing.
    let out = export(&mut f);
    assert_eq!(
        out["first"]["items"][0]["target"]["selector"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let before = snapshot(&mut f);
    assert_eq!(import(&mut f, &file).unwrap(), report(0, 0, 1, 0));
    assert_eq!(snapshot(&mut f), before);
}

/// Imports `file` into a store with annotations and checks it is refused whole, with a message
/// that says `says`, and changes nothing.
fn refused(file: &str, says: &str) {
    let (mut f, _) = annotated();
    let before = snapshot(&mut f);
    let err = import(&mut f, file).expect_err("the file is refused");
    assert_eq!(err.kind(), "invalid_input", "{err}");
    assert!(err.to_string().contains(says), "{err} should say {says:?}");
    assert_eq!(snapshot(&mut f), before);
}

fn good(n: u32) -> Value {
    foreign(
        &format!("urn:uuid:0190d3c4-cccc-7000-8000-00000000000{n}"),
        json!({ "type": "TextQuoteSelector", "exact": "Dean Acheson" }),
        json!([]),
    )
}

#[test]
fn a_file_that_is_not_json_is_refused() {
    refused(
        "# My highlights\n\n> crossed the 38th Parallel",
        "not valid JSON",
    );
}

#[test]
fn a_file_of_the_wrong_type_is_refused() {
    refused(
        &json!({ "type": "BookmarkList", "items": [] }).to_string(),
        "not a W3C Web Annotation document",
    );
}

#[test]
fn an_item_of_the_wrong_type_is_refused() {
    let mut bad = good(2);
    bad["type"] = json!("Bookmark");
    refused(
        &json!([good(1), bad]).to_string(),
        "annotation #2: its type is not \"Annotation\"",
    );
}

#[test]
fn an_unknown_article_is_refused() {
    let mut bad = good(2);
    bad["target"]["source"] = json!("urn:margin:article:vietnam-war");
    refused(
        &json!([good(1), bad]).to_string(),
        "\"urn:margin:article:vietnam-war\" is not an article Margin has",
    );
}

#[test]
fn a_web_page_target_is_refused() {
    let mut bad = good(1);
    bad["target"]["source"] = json!("https://example.com/korean-war");
    refused(&bad.to_string(), "is not an article Margin has");
}

#[test]
fn an_unknown_colour_is_refused() {
    let mut bad = good(2);
    bad["target"]["styleClass"] = json!("orange");
    refused(
        &json!({ "type": "AnnotationCollection", "first": { "items": [good(1), bad] } })
            .to_string(),
        "unknown colour \"orange\"",
    );
}

#[test]
fn an_empty_exact_is_refused() {
    let mut bad = good(1);
    bad["target"]["selector"]["exact"] = json!("");
    refused(&bad.to_string(), "empty exact");
}

#[test]
fn an_annotation_without_a_quote_is_refused() {
    let mut bad = good(1);
    bad["target"]["selector"] = json!({ "type": "TextPositionSelector", "start": 5, "end": 9 });
    refused(&bad.to_string(), "no TextQuoteSelector");
}

#[test]
fn a_reversed_position_is_refused() {
    let mut bad = good(1);
    bad["target"]["selector"] = json!([
        { "type": "TextQuoteSelector", "exact": "Dean Acheson" },
        { "type": "TextPositionSelector", "start": 9, "end": 5 },
    ]);
    refused(&bad.to_string(), "start < end");
}

#[test]
fn an_oversized_note_in_a_file_is_refused() {
    let mut bad = good(1);
    let note = "x".repeat(margin_core::store::NOTE_MAX_CHARS + 1);
    bad["body"] = json!({ "type": "TextualBody", "value": note });
    refused(&bad.to_string(), "the limit is 20000");
}

// --- Markdown export ---------------------------------------------------------------------------

#[test]
fn markdown_groups_highlights_by_section_and_lists_orphans_apart() {
    let mut f = fixture();
    let mut intro = select(&f.article, "crossed the 38th Parallel", "green");
    intro.note = "The **invasion**.".into();
    intro.tags = vec!["cold war".into(), "1950".into()];
    let across = select(
        &f.article,
        "remains divided.\n\nNorth Korea vs. South Korea",
        "blue",
    );
    let mut casualties = select(
        &f.article,
        "Nearly 40,000 American soldiers died in combat in Korea",
        "yellow",
    );
    casualties.tags = vec!["numbers".into()];
    let mut doomed = select(
        &f.article,
        "For President Truman, this letter was the final straw.",
        "pink",
    );
    doomed.note = "Why this letter?".into();
    for new in [intro, across, casualties, doomed] {
        f.store.create_annotation(&f.article, &new).unwrap();
    }
    f.store
        .save_note(&f.article, Some("casualties"), "Compare with Vietnam.")
        .unwrap();
    f.store.rename_colour("green", "Date").unwrap();

    // On the original text: every highlight under its section.
    let md = markdown::export(&mut f.store, &f.article).unwrap();
    assert!(md.starts_with("---\ntitle: "), "{md}");
    assert!(
        md.contains(&format!("\n# {}\n", f.article.meta.title)),
        "{md}"
    );
    let at = |needle: &str| {
        md.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} in:\n{md}"))
    };
    assert!(at("## Introduction\n") < at("> crossed the 38th Parallel\n"));
    assert!(at("> crossed the 38th Parallel\n") < at("The **invasion**."));
    // Under the quote: its colour, what it means, when it was made, its tags; then its note.
    assert!(at("> crossed the 38th Parallel\n") < at("*green — Date · "));
    assert!(at("*green — Date · ") < at("* · #cold-war #y1950\n"));
    assert!(at("* · #cold-war #y1950\n") < at("The **invasion**."));
    // A quote across two blocks keeps its paragraph break inside the blockquote.
    assert!(md.contains("> remains divided.\n>\n> North Korea vs. South Korea\n"));
    assert!(at("> remains divided.") < at("## “There Is No Substitute"));
    assert!(at("## “There Is No Substitute for Victory”\n") < at("> For President Truman"));
    assert!(at("## Casualties of the Korean War\n") < at("Compare with Vietnam."));
    assert!(at("Compare with Vietnam.") < at("> Nearly 40,000 American soldiers"));
    assert!(md.contains("* · #numbers\n"), "{md}");
    // Sections without anything are left out.
    assert!(!md.contains("## The Korean War Reaches a Stalemate"));
    assert!(!md.contains("## North Korea vs. South Korea"));
    assert!(!md.contains("no longer found"));

    // On the revised text, the reworded sentence's highlight is an orphan, in its own section.
    let revised = revised();
    let md = markdown::export(&mut f.store, &revised).unwrap();
    let orphans = md
        .find("## Highlights no longer found in the text")
        .unwrap_or_else(|| panic!("an orphan section in:\n{md}"));
    let (placed, apart) = md.split_at(orphans);
    assert!(apart.contains("> For President Truman, this letter was the final straw.\n"));
    assert!(apart.contains("Why this letter?"));
    assert!(!placed.contains("final straw"), "{md}");
    assert!(!placed.contains("## “There Is No Substitute for Victory”"));
    assert!(placed.contains("> crossed the 38th Parallel\n"));
}

#[test]
fn render_gives_the_same_text_as_each_format_and_refuses_an_unknown_one() {
    use margin_core::export::{render, render_at, Format};
    let (mut f, _) = annotated();
    let article = f.article.clone();
    let w3c_text = render(&mut f.store, &[&article], "w3c".parse().unwrap()).unwrap();
    let doc: Value = serde_json::from_str(&w3c_text).unwrap();
    assert_eq!(doc, w3c::export(&mut f.store, &[&article]).unwrap());
    assert!(w3c_text.ends_with("}\n"));
    let now = "2025-05-01T10:00:00Z";
    let md = render_at(&mut f.store, &[&article], Format::Markdown, now).unwrap();
    assert_eq!(
        md,
        markdown::export_at(&mut f.store, &article, now).unwrap()
    );
    assert!(md.contains("\nexported: 2025-05-01T10:00:00Z\n"), "{md}");
    // Dated now otherwise, by the store's clock (to the second).
    let md = render(&mut f.store, &[&article], Format::Markdown).unwrap();
    let front = front_matter(&read(&md));
    let exported = front["exported"].as_str().unwrap();
    assert_eq!(exported.len(), "2025-05-01T10:00:00Z".len(), "{exported}");
    assert!(exported > now && exported.ends_with('Z'), "{exported}");
    // Several articles: one front matter without any one article's metadata, each under its H1.
    let md = render_at(&mut f.store, &[&article, &article], Format::Markdown, now).unwrap();
    let r = read(&md);
    assert!(front_matter(&r)["title"].is_badvalue(), "{md}");
    assert_eq!(r.headings_at(1).len(), 2, "{md}");
    let err = "csv".parse::<Format>().unwrap_err();
    assert_eq!(err.kind(), "invalid_input");
    assert_eq!(
        err.to_string(),
        "unknown format \"csv\": use w3c, markdown or full"
    );
}

#[test]
fn an_article_iri_names_its_id_both_ways() {
    use margin_core::content::{article_id_from_iri, article_iri};
    assert_eq!(article_iri("korean-war"), SOURCE);
    assert_eq!(article_id_from_iri(SOURCE), Some("korean-war"));
    assert_eq!(article_id_from_iri("https://example.com/korean-war"), None);
    let (f, _) = annotated();
    assert_eq!(f.article.iri(), SOURCE);
}

// --- Markdown export, read back by a CommonMark parser -----------------------------------------

/// What a CommonMark parser makes of a Markdown export.
#[derive(Debug, Default)]
struct Read {
    /// The YAML front matter's text, if the export starts with one.
    front_matter: Option<String>,
    /// Every heading, with its text.
    headings: Vec<(u8, String)>,
    /// Each top-level blockquote's text: paragraphs joined by a blank line, soft breaks as
    /// newlines; markup that is not plain text shows as `<…>` so that it cannot pass for text.
    quotes: Vec<String>,
    /// Every other paragraph's and list item's text, in order.
    paragraphs: Vec<String>,
}

impl Read {
    /// The words written as `#tags` outside quotes and headings, without their `#`.
    fn tags(&self) -> Vec<String> {
        self.paragraphs
            .iter()
            .flat_map(|p| p.split_whitespace())
            .filter_map(|w| w.strip_prefix('#'))
            .map(str::to_string)
            .collect()
    }

    fn headings_at(&self, level: u8) -> Vec<&str> {
        self.headings
            .iter()
            .filter(|(l, _)| *l == level)
            .map(|(_, t)| t.as_str())
            .collect()
    }

    /// The text of the paragraphs between the H2 `title` and the next H2.
    fn under(&self, md: &str, title: &str) -> Vec<String> {
        let from = md.find(&format!("\n## {title}\n")).expect("the section");
        let rest = &md[from + 1..];
        let end = rest[3..].find("\n## ").map_or(rest.len(), |e| e + 4);
        read(&rest[..end]).paragraphs
    }
}

/// Reads `md` as Obsidian would: CommonMark with YAML front matter, tables and strikethrough.
fn read(md: &str) -> Read {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH;
    let mut out = Read::default();
    let (mut quote_depth, mut in_meta, mut heading) = (0, false, None);
    let mut text = String::new();
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_meta = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_meta = false,
            Event::Text(t) if in_meta => out.front_matter = Some(t.to_string()),
            Event::Start(Tag::BlockQuote(_)) => {
                if quote_depth == 0 {
                    text.clear();
                }
                quote_depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                quote_depth -= 1;
                if quote_depth == 0 {
                    out.quotes.push(std::mem::take(&mut text));
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                if quote_depth > 0 {
                    text.push_str("<h>");
                } else {
                    text.clear();
                }
                heading = Some((level as u8, text.len()));
            }
            Event::End(TagEnd::Heading(_)) => {
                let (level, from) = heading.take().unwrap();
                out.headings.push((level, text[from..].to_string()));
                if quote_depth == 0 {
                    text.clear();
                }
            }
            Event::Start(Tag::Paragraph) if quote_depth > 0 && !text.is_empty() => {
                text.push_str("\n\n");
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item)
                if quote_depth == 0 && heading.is_none() && !text.is_empty() =>
            {
                out.paragraphs.push(std::mem::take(&mut text));
            }
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            Event::Code(c) => text.push_str(&format!("<code {c}>")),
            Event::Html(h) | Event::InlineHtml(h) => text.push_str(&format!("<html {h}>")),
            Event::Start(Tag::Emphasis) if quote_depth > 0 => text.push_str("<em>"),
            Event::Start(Tag::Strong) if quote_depth > 0 => text.push_str("<strong>"),
            Event::Start(Tag::Link { .. }) if quote_depth > 0 => text.push_str("<a>"),
            Event::Start(Tag::List(_)) if quote_depth > 0 => text.push_str("<list>"),
            Event::Start(Tag::Strikethrough | Tag::Table(_)) if quote_depth > 0 => {
                text.push_str("<markup>")
            }
            _ => {}
        }
    }
    out
}

/// Obsidian's rule for a tag (after its `#`): letters, digits, `_`, `-` and `/`, not digits alone.
fn obsidian_tag(tag: &str) -> bool {
    let rule = regex::Regex::new(r"^[\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*$").unwrap();
    rule.is_match(tag)
}

/// The front matter as a YAML mapping.
fn front_matter(r: &Read) -> yaml_rust2::Yaml {
    let text = r.front_matter.as_deref().expect("a YAML front matter");
    let mut docs = yaml_rust2::YamlLoader::load_from_str(text)
        .unwrap_or_else(|e| panic!("the front matter is YAML: {e}\n{text}"));
    assert_eq!(docs.len(), 1, "{text}");
    docs.remove(0)
}

const NOTE_WITH_HEADINGS: &str = "# Essay plan\n\nFirst the *invasion*.\n\nExam question\n=============\n\n## Why 1950?\n\n### Sources\n\n> # A quoted heading\n\n- # A listed heading\n\nWho #led\nit?\n-----";

/// The built-in article with a highlight whose note has headings of every kind and whose tags
/// need cleaning, a plain one, a section note and an article note with headings, and two
/// bookmarks.
fn obsidian_fixture() -> Fixture {
    let mut f = fixture();
    let mut noted = select(&f.article, "crossed the 38th Parallel", "green");
    noted.note = NOTE_WITH_HEADINGS.into();
    noted.tags = [
        "1945",
        "#leaders",
        "leaders",
        "who's-who?",
        "cold war",
        "nhãn",
        "???",
    ]
    .map(String::from)
    .to_vec();
    let mut plain = select(&f.article, "a 2-mile-wide “demilitarized zone”", "pink");
    plain.tags = vec!["dmz".into(), "armistice".into()];
    for new in [noted, plain] {
        f.store.create_annotation(&f.article, &new).unwrap();
    }
    f.store
        .save_note(&f.article, Some("casualties"), "# Section plan\n\nCompare.")
        .unwrap();
    f.store
        .save_note(&f.article, None, "Overall\n-------\n\nA summary.")
        .unwrap();
    let section = margin_core::store::NewBookmark {
        kind: "section".into(),
        block_id: "casualties".into(),
        text_offset: None,
        label: "Read again".into(),
    };
    let position = margin_core::store::NewBookmark {
        kind: "position".into(),
        block_id: "stalemate-p2".into(),
        text_offset: Some(f.article.block("stalemate-p2").unwrap().start as i64 + 4),
        label: String::new(),
    };
    for new in [section, position] {
        f.store.create_bookmark(&f.article, &new).unwrap();
    }
    f
}

#[test]
fn markdown_keeps_notes_headings_below_the_sections_and_tags_obsidian_clean() {
    let mut f = obsidian_fixture();
    let md = markdown::export(&mut f.store, &f.article).unwrap();
    let r = read(&md);
    assert_eq!(r.headings_at(1), [f.article.meta.title.as_str()], "{md}");
    let mut allowed: Vec<&str> = f
        .article
        .sections
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    allowed.extend(["Notes on the article", "Bookmarks"]);
    for h2 in r.headings_at(2) {
        assert!(
            allowed.contains(&h2),
            "{h2:?} is not a section of the export:\n{md}"
        );
    }
    assert!(r.headings_at(3).is_empty(), "{md}");
    // The notes' own headings are all there, deeper than the export's.
    for title in [
        "Essay plan",
        "Exam question",
        "Why 1950?",
        "Sources",
        "A quoted heading",
        "A listed heading",
        "Who #led\nit?",
        "Section plan",
        "Overall",
    ] {
        let found = r
            .headings
            .iter()
            .find(|(_, t)| t.replace(' ', "\n") == title.replace(' ', "\n"));
        let (level, _) = found.unwrap_or_else(|| panic!("{title:?} is a heading of:\n{md}"));
        assert!(*level >= 4, "{title:?} at level {level}");
    }
    let listed = f.store.annotations(&f.article).unwrap();
    // The highlights' quotes, in order, and the one the note has (which keeps its heading).
    let exact = [
        &listed[0].quote.exact,
        "<h>A quoted heading",
        &listed[1].quote.exact,
    ];
    assert_eq!(r.quotes, exact, "{md}");

    let tags = r.tags();
    for tag in &tags {
        assert!(
            obsidian_tag(tag),
            "#{tag} is not a tag Obsidian takes:\n{md}"
        );
    }
    // Digits alone get a `y`; the user's `#`, apostrophes and a trailing `?` go; spaces become
    // dashes; a tag with nothing left is dropped, and one that is another's twin is not repeated.
    assert_eq!(
        tags,
        [
            "cold-war",
            "leaders",
            "nhãn",
            "whos-who",
            "y1945",
            "armistice",
            "dmz"
        ],
        "{md}"
    );
    // What the end-to-end test reads off the command line's export.
    assert!(
        md.contains("\n> a 2-mile-wide “demilitarized zone”\n"),
        "{md}"
    );
    assert!(md.contains("#armistice #dmz"), "{md}");
}

#[test]
fn markdown_starts_with_yaml_front_matter_and_cites_the_article() {
    let mut f = obsidian_fixture();
    let md = markdown::export(&mut f.store, &f.article).unwrap();
    let r = read(&md);
    let yaml = front_matter(&r);
    let m = &f.article.meta;
    assert_eq!(yaml["title"].as_str(), Some(m.title.as_str()));
    assert_eq!(yaml["author"].as_str(), Some("Lê Tuấn"));
    assert_eq!(yaml["source"].as_str(), Some("Pywar"));
    assert_eq!(yaml["published"].as_str(), Some("2025-01-08"));
    assert_eq!(yaml["updated"].as_str(), Some("2025-03-24"));
    assert!(
        yaml["exported"].as_str().is_some_and(|t| t.len() >= 16),
        "{md}"
    );
    let tags: Vec<&str> = yaml["tags"]
        .as_vec()
        .expect("a list of tags")
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert_eq!(
        tags,
        [
            "armistice",
            "cold-war",
            "dmz",
            "leaders",
            "nhãn",
            "whos-who",
            "y1945"
        ]
    );
    assert!(r.paragraphs.contains(
        &"Lê Tuấn, “The Korean War: What Really Happened at the 38th Parallel?”, Pywar, 8 January 2025 (updated 24 March 2025).".to_string()
    ), "{md}");
    assert!(!md.contains("urn:"), "{md}");
    // Each highlight says when it was made.
    let listed = f.store.annotations(&f.article).unwrap();
    for a in &listed {
        let day = &a.created_at[..10];
        assert!(
            r.paragraphs
                .iter()
                .any(|p| p.contains(day) && p.contains(&a.colour)),
            "{day} under the quote in:\n{md}"
        );
    }
    // The bookmarks in their own section, with their section and label.
    let marks = r.under(&md, "Bookmarks");
    assert_eq!(marks.len(), 2, "{md}");
    assert!(
        marks[0].contains("The Korean War Reaches a Stalemate"),
        "{md}"
    );
    assert!(marks[1].contains("Casualties of the Korean War"), "{md}");
    assert!(marks[1].contains("Read again"), "{md}");
}

/// A small article whose text is full of Markdown's special characters.
const ODD: &str = "+++\nid = \"odd\"\ntitle = \"A \\\"quoted\\\" \\\\ title: *stars* [x] #1?\"\nauthor = \"Lê Tuấn\"\npublished = 2025-01-08\nupdated = 2025-01-08\nsource = \"Pywar\"\nlanguage = \"en\"\n+++\n\n## Odd \\*text\\*\n\n1\\. Look at \\*this\\*, snake\\_case, \\#hash, \\[x\\] and \\<b\\>bold\\</b\\> \\| \\`code\\` \\\\ back \\> gt \\&amp; \\$5 \\~\\~no\\~\\~ \\=\\=no\\=\\= \\_x\\_ “curly” well-known.\n\n\\- minus\n\n\\+ plus\n\n\\> quoted\n\n\\# hash\n\n\\=\\=\\=\n\n2\\) paren\n\n\\*\\*\\*\n";

#[test]
fn markdown_escapes_quotes_so_they_read_as_their_exact_text() {
    let mut f = fixture();
    let article =
        margin_core::content::parse_article(ODD, &margin_core::content::builtin_figure).unwrap();
    let whole = "1. Look at *this*, snake_case, #hash, [x] and <b>bold</b> | `code` \\ back > gt &amp; $5 ~~no~~ ==no== _x_ “curly” well-known.";
    assert!(article.text.contains(whole), "{}", article.text);
    let lines = [
        "- minus", "+ plus", "> quoted", "# hash", "===", "2) paren", "***",
    ];
    let mut quotes = vec![whole.to_string(), lines.join("\n\n")];
    quotes.extend(lines.iter().map(|l| l.to_string()));
    for q in &quotes {
        let mut new = select(&article, q, "yellow");
        new.note = "Plain.".into();
        f.store.create_annotation(&article, &new).unwrap();
    }
    let md = markdown::export(&mut f.store, &article).unwrap();
    let r = read(&md);
    let listed = f.store.annotations(&article).unwrap();
    let exact: Vec<&str> = listed.iter().map(|a| a.quote.exact.as_str()).collect();
    assert_eq!(r.quotes, exact, "{md}");
    assert_eq!(r.headings_at(1), [article.meta.title.as_str()], "{md}");
    assert_eq!(r.headings_at(2), ["Odd *text*"], "{md}");
    assert_eq!(
        front_matter(&r)["title"].as_str(),
        Some(article.meta.title.as_str())
    );
    // Typographic quotes and hyphens inside words are left as they are.
    assert!(md.contains("“curly” well-known."), "{md}");
}

// --- Hostile input is bounded (issue 18) ---------------------------------------------------------

#[test]
fn a_position_near_the_end_of_u64_with_a_slightly_wrong_quote_does_not_panic() {
    let (mut f, _) = annotated();
    let doc = foreign(
        "urn:uuid:0190d3c4-dddd-7000-8000-000000000001",
        json!([
            { "type": "TextQuoteSelector", "exact": "crossed the 38th Paralel" },
            { "type": "TextPositionSelector", "start": u64::MAX - 1, "end": u64::MAX },
        ]),
        json!([]),
    );
    let r = import(&mut f, &doc.to_string()).expect("imported");
    assert_eq!(r.added, 1);
}

#[test]
fn long_contexts_are_cut_to_the_characters_nearest_the_quote() {
    let (mut f, _) = annotated();
    let prefix = format!(
        "{}around 75,000 troops from the North Korean People’s Army ",
        "x".repeat(20_000)
    );
    let suffix = format!("—the dividing line{}", "y".repeat(20_000));
    let doc = foreign(
        "urn:uuid:0190d3c4-dddd-7000-8000-000000000002",
        // Not in the text: an orphan keeps the file's quote (a placed one is described anew).
        json!({ "type": "TextQuoteSelector", "exact": "a sentence the article never had", "prefix": prefix, "suffix": suffix }),
        json!([]),
    );
    import(&mut f, &doc.to_string()).expect("imported");
    let a = f
        .store
        .annotations(&f.article)
        .unwrap()
        .into_iter()
        .find(|a| a.id.ends_with("000000000002"))
        .expect("stored");
    assert_eq!(a.quote.prefix.chars().count(), w3c::CONTEXT_MAX_CHARS);
    assert!(
        prefix.ends_with(&a.quote.prefix),
        "the prefix kept is not the end nearest the quote"
    );
    assert_eq!(a.quote.suffix.chars().count(), w3c::CONTEXT_MAX_CHARS);
    assert!(suffix.starts_with(&a.quote.suffix));
}

#[test]
fn a_quote_longer_than_any_article_is_refused() {
    let doc = foreign(
        "urn:uuid:0190d3c4-dddd-7000-8000-000000000003",
        json!({ "type": "TextQuoteSelector", "exact": "z".repeat(w3c::EXACT_MAX_CHARS + 1) }),
        json!([]),
    );
    refused(&doc.to_string(), "the limit is 100000");
}
