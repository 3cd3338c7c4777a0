//! A Markdown export of an article's highlights, notes and bookmarks, grouped by section: each
//! highlight's quote as a blockquote, its note below, its tags as `#tags` (which Obsidian and
//! most notes apps pick up).

use std::fmt::Write;

use crate::content::{Article, Section};
use crate::store::{Annotation, Bookmark, Colour, Note, Store};
use crate::Result;

/// Prefixes every line of `text` with `> `.
fn blockquote(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                ">".to_string()
            } else {
                format!("> {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A tag as a `#hashtag`: spaces become dashes.
fn hashtag(tag: &str) -> String {
    format!("#{}", tag.split_whitespace().collect::<Vec<_>>().join("-"))
}

/// What an article's export is made from.
struct Marks {
    annotations: Vec<Annotation>,
    notes: Vec<Note>,
    bookmarks: Vec<Bookmark>,
    colours: Vec<Colour>,
}

impl Marks {
    /// What a colour means to this user.
    fn meaning(&self, colour: &str) -> String {
        self.colours
            .iter()
            .find(|x| x.name == colour)
            .map_or(colour.to_string(), |x| x.meaning.clone())
    }
}

/// Exports one article's annotations and notes as Markdown.
pub fn export(store: &mut Store, article: &Article) -> Result<String> {
    let marks = Marks {
        annotations: store.annotations(article)?,
        notes: store.notes(article)?,
        bookmarks: store.bookmarks(article)?,
        colours: store.colours()?,
    };
    let m = &article.meta;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", m.title);
    let _ = writeln!(
        out,
        "{} · {} · published {} · updated {}  \nSource: `{}`\n",
        m.author,
        m.source,
        m.published,
        m.updated,
        article.iri()
    );
    if let Some(n) = marks
        .notes
        .iter()
        .find(|n| n.section_id.is_none() && !n.body.trim().is_empty())
    {
        let _ = writeln!(out, "## Notes on the article\n\n{}\n", n.body.trim());
    }
    for section in &article.sections {
        write_section(&mut out, section, &marks);
    }
    let orphans: Vec<_> = marks
        .annotations
        .iter()
        .filter(|a| a.position.is_none())
        .collect();
    if !orphans.is_empty() {
        let _ = writeln!(
            out,
            "## Highlights no longer found in the text\n\nThe article changed and these passages could not be found again.\n"
        );
        for a in orphans {
            write_highlight(&mut out, a, &marks.meaning(&a.colour));
        }
    }
    Ok(out)
}

/// A section's bookmarks, note and highlights under its heading; nothing if it has none.
fn write_section(out: &mut String, section: &Section, marks: &Marks) {
    let here: Vec<_> = marks
        .annotations
        .iter()
        .filter(|a| a.section_id.as_deref() == Some(section.id.as_str()))
        .collect();
    let note = marks.notes.iter().find(|n| {
        n.section_id.as_deref() == Some(section.id.as_str()) && !n.body.trim().is_empty()
    });
    let labels: Vec<String> = marks
        .bookmarks
        .iter()
        .filter(|b| b.section_id == section.id)
        .map(|b| {
            if b.label.is_empty() {
                "🔖 bookmarked".into()
            } else {
                format!("🔖 {}", b.label)
            }
        })
        .collect();
    if here.is_empty() && note.is_none() && labels.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", section.title);
    if !labels.is_empty() {
        let _ = writeln!(out, "{}\n", labels.join(" · "));
    }
    if let Some(n) = note {
        let _ = writeln!(out, "{}\n", n.body.trim());
    }
    for a in here {
        write_highlight(out, a, &marks.meaning(&a.colour));
    }
}

fn write_highlight(out: &mut String, a: &Annotation, meaning: &str) {
    let _ = writeln!(out, "{}\n", blockquote(&a.quote.exact));
    if !a.note.trim().is_empty() {
        let _ = writeln!(out, "{}\n", a.note.trim());
    }
    let mut line = format!("*{} — {}*", a.colour, meaning);
    if !a.tags.is_empty() {
        let tags: Vec<String> = a.tags.iter().map(|t| hashtag(t)).collect();
        let _ = write!(line, " · {}", tags.join(" "));
    }
    let _ = writeln!(out, "{line}\n");
}

#[cfg(test)]
mod tests {
    use super::{blockquote, hashtag};

    #[test]
    fn quotes_every_line_and_makes_hashtags() {
        assert_eq!(blockquote("a\n\nb"), "> a\n>\n> b");
        assert_eq!(hashtag("cold war"), "#cold-war");
    }
}
