//! Writes the built-in article as one static HTML page for the engine floor of
//! `scripts/bench-app`: the HTML core gives the reader, inside the reader's own layout and
//! stylesheet, its figures as plain lazy images, and no script. What a bare WebKitGTK window needs
//! to show this page is what no reader of this article can beat on the machine.
//! `cargo run -p margin-core --example floor_page -- OUT.html`

use std::path::PathBuf;

fn main() {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: floor_page OUT.html");
        std::process::exit(2);
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let root = root.canonicalize().expect("the workspace folder");
    let article =
        margin_core::content::builtin_article("korean-war").expect("the built-in article");
    let ui = format!("file://{}/ui", root.display());
    let figures = format!("file://{}/assets/articles", root.display());
    // The reader fetches a figure when it nears the viewport; a lazy image is the page's way.
    let body = article
        .html
        .replace("data-figure=\"", &format!("src=\"{figures}/"));
    // The table of contents Margin fills in from the same sections, as plain links.
    let escape = |t: &str| {
        t.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('"', "&quot;")
    };
    let toc: String = article
        .sections
        .iter()
        .map(|s| {
            format!(
                "<li><a href=\"#{}\">{}</a></li>",
                escape(&s.target),
                escape(&s.title)
            )
        })
        .collect();
    let page = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<link rel=\"stylesheet\" href=\"{ui}/styles/app.css\">\n</head>\n\
         <body>\n<div class=\"layout\">\n<nav class=\"toc\" id=\"toc\">\n\
         <h2 class=\"toc-heading\">Contents</h2>\n<ol class=\"toc-list\">{toc}</ol>\n</nav>\n\
         <main class=\"reader\" id=\"main\">\n\
         <article class=\"article\" id=\"article\" lang=\"{lang}\">\n{body}</article>\n\
         </main>\n</div>\n</body>\n</html>\n",
        title = escape(&article.meta.title),
        lang = article.meta.language,
    );
    std::fs::write(&out, page).expect("write the page");
}
