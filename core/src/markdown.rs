//! Markdown that users write (notes) turned into HTML that is safe to show.
//!
//! pulldown-cmark renders, ammonia sanitises with a short allow-list: no scripts, no event
//! handlers, no styles, no images (nothing may load), links only to http(s) and mailto, and
//! those carry `rel="noopener noreferrer"` (the UI opens none of them inside the app).

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{html, Options, Parser};

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let tags: HashSet<&str> = [
        "p",
        "br",
        "hr",
        "em",
        "strong",
        "del",
        "code",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "li",
        "a",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "sup",
        "sub",
    ]
    .into_iter()
    .collect();
    let mut builder = ammonia::Builder::default();
    builder
        .tags(tags)
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .tag_attributes(
            [("a", ["href", "title"].into_iter().collect())]
                .into_iter()
                .collect(),
        )
        .generic_attributes(HashSet::new());
    builder
});

/// The longest note the UI may ask to see rendered: the longest Margin stores (a free note;
/// a highlight's note is shorter).
pub const RENDER_MAX_CHARS: usize = crate::store::FREE_NOTE_MAX_CHARS;

/// [`render`] for a note the UI sends, refused when it is longer than any note Margin keeps.
pub fn render_note(markdown: &str) -> crate::Result<String> {
    let n = markdown.chars().count();
    if n > RENDER_MAX_CHARS {
        return Err(crate::Error::InvalidInput(format!(
            "the note is {n} characters long; the limit is {RENDER_MAX_CHARS}"
        )));
    }
    Ok(render(markdown))
}

/// Renders Markdown to sanitised HTML.
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    let mut raw = String::new();
    html::push_html(&mut raw, Parser::new_ext(markdown, options));
    SANITIZER.clean(&raw).to_string()
}

#[cfg(test)]
mod tests {
    use super::{render, render_note, RENDER_MAX_CHARS};

    #[test]
    fn a_free_note_as_long_as_margin_keeps_renders_and_a_longer_one_is_refused() {
        let long = "word ".repeat(RENDER_MAX_CHARS / 5);
        assert!(render_note(&long).unwrap().starts_with("<p>word"));
        let err = render_note(&format!("{long}!")).unwrap_err();
        assert_eq!(err.kind(), "invalid_input");
    }

    #[test]
    fn renders_markdown() {
        assert_eq!(render("**key** fact"), "<p><strong>key</strong> fact</p>\n");
        assert!(render("- a\n- b").contains("<li>a</li>"));
    }

    #[test]
    fn strips_every_way_to_run_script_or_load_anything() {
        let payloads = [
            "<script>window.pwned=1</script>",
            "<img src=x onerror=\"window.pwned=1\">",
            "<svg onload=\"window.pwned=1\"></svg>",
            "[click](javascript:window.pwned=1)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=\"https://example.com\"></iframe>",
            "<p style=\"background:url(https://example.com)\">x</p>",
            "![x](https://example.com/track.png)",
            "<object data=x></object><embed src=x>",
            "<form action=x><input></form>",
        ];
        for p in payloads {
            let html = render(p).to_lowercase();
            for bad in [
                "<script",
                "onerror",
                "onload",
                "javascript:",
                "<iframe",
                "style=",
                "<img",
                "<object",
                "<embed",
                "<form",
                "<input",
                "<svg",
            ] {
                assert!(!html.contains(bad), "{p:?} rendered as {html:?}");
            }
        }
    }

    #[test]
    fn links_are_kept_but_inert() {
        let html = render("[Natural Earth](https://www.naturalearthdata.com)");
        assert!(html.contains("href=\"https://www.naturalearthdata.com\""));
        assert!(html.contains("rel=\"noopener noreferrer\""));
    }
}
