//! An article's Markdown source with front matter, as a content pack holds it: parsed into the
//! content model, or refused; never a panic. What it gives holds together: every block's offsets
//! name its own text in the canonical text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use margin_core::content::parse_article;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let no_figures = |_: &str| None::<Vec<u8>>;
    let Ok(article) = parse_article(src, &no_figures) else {
        return;
    };
    let chars: Vec<char> = article.text.chars().collect();
    for block in &article.blocks {
        assert!(
            block.start <= block.end && block.end <= chars.len(),
            "{}",
            block.id
        );
        let text: String = chars[block.start..block.end].iter().collect();
        assert_eq!(text, block.text, "block {}", block.id);
    }
});
