//! Prints a built-in article's blocks: id, kind, offsets, text. Handy when editing a pack.
//! `cargo run -p margin-core --example blocks [article-id] [--ids]`

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let ids_only = args.iter().any(|a| a == "--ids");
    let id = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or("korean-war", String::as_str);
    let article = match margin_core::content::builtin_article(id) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    for b in &article.blocks {
        if ids_only {
            println!("{}", b.id);
        } else {
            let preview: String = b.text.chars().take(60).collect();
            println!(
                "{:<34} {:?} {:>5}..{:<5} {preview}",
                b.id, b.kind, b.start, b.end
            );
        }
    }
}
