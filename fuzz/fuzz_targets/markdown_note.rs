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
    for tag in html.split('<').skip(1) {
        let tag = tag
            .split('>')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches('/')
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
        for attribute in tag.split_whitespace().skip(1) {
            assert!(!attribute.starts_with("on"), "<{tag}> in {html}");
            // A URL's scheme as a browser reads it: quotes, spaces and control characters out.
            if let Some(url) = attribute
                .strip_prefix("href=")
                .or(attribute.strip_prefix("src="))
            {
                let url: String = url
                    .chars()
                    .filter(|c| !c.is_ascii_whitespace() && !c.is_control() && *c != '"')
                    .collect();
                for scheme in ["javascript:", "vbscript:", "data:"] {
                    assert!(!url.starts_with(scheme), "<{tag}> in {html}");
                }
            }
        }
    }
});
