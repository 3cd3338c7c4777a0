//! Writes a W3C Web Annotation file with N quote-only highlights spread over the built-in article
//! (no TextPositionSelector: importing has to find each one), for scripts/bench-app.
//! `cargo run -p margin-core --example bench_import -- 1000 > file.jsonld`

use margin_core::anchor::describe;
use margin_core::content::builtin_article;
use serde_json::json;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let article = builtin_article("korean-war").expect("built-in article");
    let len = article.text_length;
    let colours = ["yellow", "green", "blue", "pink", "purple"];
    let mut items = Vec::with_capacity(n);
    for i in 0..n {
        // Evenly spread starts; 24-code-point quotes inside one block.
        let start = i * (len - 30) / n;
        let Some(block) = article.blocks.iter().find(|b| b.end > start) else {
            continue;
        };
        let start = start.max(block.start);
        let end = (start + 24).min(block.end);
        if end <= start {
            continue;
        }
        let s = describe(&article.text, start, end).expect("selectors");
        items.push(json!({
            "id": format!("urn:uuid:00000000-0000-7000-8000-{i:012}"),
            "type": "Annotation",
            "motivation": "highlighting",
            "target": {
                "source": article.iri(),
                "selector": [{
                    "type": "TextQuoteSelector",
                    "exact": s.quote.exact, "prefix": s.quote.prefix, "suffix": s.quote.suffix,
                }],
                "styleClass": colours[i % colours.len()],
            },
        }));
    }
    let doc = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "total": items.len(),
        "first": { "type": "AnnotationPage", "items": items },
    });
    println!("{}", serde_json::to_string_pretty(&doc).expect("json"));
}
