//! A note's Markdown, as a user (or an imported file) writes it: rendered and sanitised, never
//! a panic, and nothing that runs comes out: no script, frame, style, object or form element, no
//! event-handler attribute and no `javascript:`, `vbscript:` or `data:` URL. (Text that only looks like such
//! a tag is escaped: `&lt;` never starts a tag, so only real tags are looked at.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use margin_core::markdown::render_note;

fuzz_target!(|data: &[u8]| {
    let Ok(markdown) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(html) = render_note(markdown) else {
        return;
    };
    for tag in tags(&html) {
        let tag = tag.to_ascii_lowercase();
        let body = tag.trim_start_matches('/');
        let name: String = body
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        assert!(
            ![
                "script", "iframe", "style", "object", "embed", "form", "input", "svg", "math",
                "base", "link", "meta"
            ]
            .contains(&name.as_str()),
            "<{tag}> in {html}"
        );
        for (attribute, value) in attributes(&body[name.len()..]) {
            assert!(!attribute.starts_with("on"), "<{tag}> in {html}");
            if attribute == "href" || attribute == "src" {
                // A URL's scheme as a browser reads it: spaces and control characters out.
                let url: String = value
                    .chars()
                    .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
                    .collect();
                for scheme in ["javascript:", "vbscript:", "data:"] {
                    assert!(!url.starts_with(scheme), "<{tag}> in {html}");
                }
            }
        }
    }
});

/// A tag's attributes after its name, as (name, value): values in double or single quotes, or
/// bare up to the next space. Enough for what ammonia writes.
fn attributes(mut rest: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return out;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(rest.len());
        let name = rest[..end].to_string();
        rest = &rest[end..];
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'');
            let (v, tail) = match quote {
                Some(q) => {
                    let body = &after[1..];
                    let close = body.find(q).unwrap_or(body.len());
                    (&body[..close], body.get(close + 1..).unwrap_or(""))
                }
                None => {
                    let stop = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..stop], &after[stop..])
                }
            };
            value = v.to_string();
            rest = tail;
        }
        out.push((name, value));
    }
}

/// What is between each `<` and the `>` that closes it (a `>` inside a quoted value does not).
fn tags(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = html.chars();
    while let Some(c) = chars.next() {
        if c != '<' {
            continue;
        }
        let (mut tag, mut quote) = (String::new(), None);
        for c in chars.by_ref() {
            match (quote, c) {
                (None, '>') => break,
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                _ => {}
            }
            tag.push(c);
        }
        out.push(tag);
    }
    out
}
