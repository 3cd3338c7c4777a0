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
    assert!(
        md.starts_with(&format!("# {}\n", f.article.meta.title)),
        "{md}"
    );
    assert!(md.contains(SOURCE));
    let at = |needle: &str| {
        md.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} in:\n{md}"))
    };
    assert!(at("## Introduction\n") < at("> crossed the 38th Parallel\n"));
    assert!(at("> crossed the 38th Parallel\n") < at("The **invasion**."));
    assert!(at("The **invasion**.") < at("*green — Date* · #1950 #cold-war"));
    // A quote across two blocks keeps its paragraph break inside the blockquote.
    assert!(md.contains("> remains divided.\n>\n> North Korea vs. South Korea\n"));
    assert!(at("> remains divided.") < at("## “There Is No Substitute"));
    assert!(at("## “There Is No Substitute for Victory”\n") < at("> For President Truman"));
    assert!(at("## Casualties of the Korean War\n") < at("Compare with Vietnam."));
    assert!(at("Compare with Vietnam.") < at("> Nearly 40,000 American soldiers"));
    assert!(md.contains("*yellow — Key idea* · #numbers"));
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
    use margin_core::export::{render, Format};
    let (mut f, _) = annotated();
    let article = f.article.clone();
    let w3c_text = render(&mut f.store, &[&article], "w3c".parse().unwrap()).unwrap();
    let doc: Value = serde_json::from_str(&w3c_text).unwrap();
    assert_eq!(doc, w3c::export(&mut f.store, &[&article]).unwrap());
    assert!(w3c_text.ends_with("}\n"));
    let md = render(&mut f.store, &[&article], Format::Markdown).unwrap();
    assert_eq!(md, markdown::export(&mut f.store, &article).unwrap());
    let err = "csv".parse::<Format>().unwrap_err();
    assert_eq!(err.kind(), "invalid_input");
    assert_eq!(
        err.to_string(),
        "unknown format \"csv\": use w3c or markdown"
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
