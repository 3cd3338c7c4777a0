//! A Markdown export of an article's highlights, notes and bookmarks, made to open cleanly in
//! Obsidian and other notes apps:
//!
//! - YAML front matter: `title`, `author`, `source` (the publisher), `published`, `updated`,
//!   `exported` (UTC) and `tags` (every highlight's, cleaned as below);
//! - `# title`, then a citation made from the article's metadata (`Author, “Title”, Source,
//!   8 January 2025 (updated 24 March 2025).`);
//! - `## Notes on the article`, `## Bookmarks` (each with its section, its place for a position
//!   bookmark, and its label), then one `## section` per section with a note or highlights, then
//!   `## Highlights no longer found in the text` for the orphans;
//! - each highlight: its quote as a blockquote, escaped so that it reads as the exact text; a
//!   line with its colour, what the colour means, when it was made (and changed, if later) and
//!   its `#tags`; then its note. The notes' own headings become headings three levels deeper
//!   (H4 at least), so the export's outline stays title, sections, highlights.
//!
//! Tags are made what Obsidian accepts: a leading `#` goes, as do apostrophes (`who's-who` →
//! `whos-who`); letters and digits (any script) stay, and so do `-` and `/`, and `_` between
//! letters or digits; anything else (spaces included) becomes `-`, with no `-` or `/` repeated
//! or at either end. A tag of digits alone, which Obsidian refuses, gets a `y` in front (`1945`
//! → `y1945`: such tags are nearly always years). A tag with nothing left is dropped, and a tag
//! that becomes another one of the same highlight (case aside) is listed once.

mod clean;

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::content::{Article, Section};
use crate::store::{Annotation, Bookmark, Colour, Note, Store};
use crate::Result;

use clean::{blockquote, escape_line, note, obsidian_tags, yaml_string};

pub use clean::obsidian_tag;

/// What an article's export is made from.
struct Marks {
    annotations: Vec<Annotation>,
    notes: Vec<Note>,
    bookmarks: Vec<Bookmark>,
    colours: Vec<Colour>,
}

impl Marks {
    fn of(store: &mut Store, article: &Article) -> Result<Marks> {
        let mut bookmarks = store.bookmarks(article)?;
        bookmarks.sort_by_key(|b| b.text_offset);
        Ok(Marks {
            annotations: store.annotations(article)?,
            notes: store.notes(article)?,
            bookmarks,
            colours: store.colours()?,
        })
    }

    /// What a colour means to this user.
    fn meaning(&self, colour: &str) -> String {
        self.colours
            .iter()
            .find(|x| x.name == colour)
            .map_or(colour.to_string(), |x| x.meaning.clone())
    }

    /// The free note on `section` (`None`: on the article), if it says anything.
    fn note(&self, section: Option<&str>) -> Option<&Note> {
        self.notes
            .iter()
            .find(|n| n.section_id.as_deref() == section && !n.body.trim().is_empty())
    }

    /// Every highlight's tags, as exported.
    fn tags(&self) -> BTreeSet<String> {
        self.annotations
            .iter()
            .flat_map(|a| obsidian_tags(&a.tags))
            .collect()
    }
}

/// Exports one article's annotations, notes and bookmarks as Markdown, dated now.
pub fn export(store: &mut Store, article: &Article) -> Result<String> {
    let now = super::now(store)?;
    export_at(store, article, &now)
}

/// Exports one article as Markdown, its front matter saying it was exported at `exported`
/// (RFC 3339, UTC).
pub fn export_at(store: &mut Store, article: &Article, exported: &str) -> Result<String> {
    export_all_at(store, &[article], exported)
}

/// Exports several articles as one Markdown file: one front matter (the article's metadata when
/// there is only one, else just the date and the tags), then each article under its `# title`.
pub fn export_all_at(store: &mut Store, articles: &[&Article], exported: &str) -> Result<String> {
    let mut tags = BTreeSet::new();
    let mut bodies = String::new();
    for article in articles {
        let marks = Marks::of(store, article)?;
        tags.extend(marks.tags());
        write_article(&mut bodies, article, &marks);
    }
    let mut out = String::from("---\n");
    if let [article] = articles {
        let m = &article.meta;
        for (key, value) in [
            ("title", &m.title),
            ("author", &m.author),
            ("source", &m.source),
        ] {
            if !value.is_empty() {
                let _ = writeln!(out, "{key}: {}", yaml_string(value));
            }
        }
        for (key, value) in [("published", &m.published), ("updated", &m.updated)] {
            if !value.is_empty() {
                let _ = writeln!(out, "{key}: {}", yaml_date(value));
            }
        }
    }
    let _ = writeln!(out, "exported: {}", yaml_date(&second(exported)));
    if !tags.is_empty() {
        out.push_str("tags:\n");
        for tag in &tags {
            let _ = writeln!(out, "  - {}", yaml_string(tag));
        }
    }
    out.push_str("---\n\n");
    Ok(out + &bodies)
}

/// One article's export, after the front matter.
fn write_article(out: &mut String, article: &Article, marks: &Marks) {
    let _ = writeln!(out, "# {}\n", escape_line(&article.meta.title));
    let _ = writeln!(out, "{}\n", escape_line(&citation(article)));
    if let Some(n) = marks.note(None) {
        let _ = writeln!(out, "## Notes on the article\n\n{}\n", note(&n.body));
    }
    write_bookmarks(out, article, marks);
    for section in &article.sections {
        write_section(out, section, marks);
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
            write_highlight(out, a, marks);
        }
    }
}

/// `Author, “Title”, Source, 8 January 2025 (updated 24 March 2025).`, leaving out what the
/// metadata does not say.
fn citation(article: &Article) -> String {
    let m = &article.meta;
    let mut parts = Vec::new();
    if !m.author.is_empty() {
        parts.push(m.author.clone());
    }
    parts.push(format!("“{}”", m.title));
    if !m.source.is_empty() {
        parts.push(m.source.clone());
    }
    if !m.published.is_empty() {
        let mut date = long_date(&m.published);
        if !m.updated.is_empty() && m.updated != m.published {
            let _ = write!(date, " (updated {})", long_date(&m.updated));
        }
        parts.push(date);
    }
    parts.join(", ") + "."
}

/// The bookmarks, in the order of the text, under `## Bookmarks`; nothing if there are none.
fn write_bookmarks(out: &mut String, article: &Article, marks: &Marks) {
    if marks.bookmarks.is_empty() {
        return;
    }
    out.push_str("## Bookmarks\n\n");
    for b in &marks.bookmarks {
        let section = article
            .sections
            .iter()
            .find(|s| s.id == b.section_id)
            .map_or(b.section_id.as_str(), |s| s.title.as_str());
        let mut item = format!("- **{}**", escape_line(section));
        if b.kind == "position" {
            let _ = write!(item, ", at “{}”", escape_line(&snippet(&article.text, b)));
        }
        if !b.label.is_empty() {
            let _ = write!(item, " — {}", escape_line(&b.label));
        }
        let _ = writeln!(out, "{item}");
    }
    out.push('\n');
}

/// The few words of `text` where a position bookmark is (from the start of the word it is in),
/// to the end of the block at most.
fn snippet(text: &str, b: &Bookmark) -> String {
    const WORDS: usize = 8;
    let chars: Vec<char> = text.chars().collect();
    let mut from = usize::try_from(b.text_offset).unwrap_or(0).min(chars.len());
    while from > 0 && !chars[from - 1].is_whitespace() {
        from -= 1;
    }
    let rest: String = chars[from..].iter().take_while(|&&c| c != '\n').collect();
    let words: Vec<&str> = rest.split_whitespace().collect();
    match words.len() > WORDS {
        true => words[..WORDS].join(" ") + "…",
        false => words.join(" "),
    }
}

/// A section's note and highlights under its heading; nothing if it has neither.
fn write_section(out: &mut String, section: &Section, marks: &Marks) {
    let here: Vec<_> = marks
        .annotations
        .iter()
        .filter(|a| a.position.is_some() && a.section_id.as_deref() == Some(section.id.as_str()))
        .collect();
    let section_note = marks.note(Some(&section.id));
    if here.is_empty() && section_note.is_none() {
        return;
    }
    let _ = writeln!(out, "## {}\n", escape_line(&section.title));
    if let Some(n) = section_note {
        let _ = writeln!(out, "{}\n", note(&n.body));
    }
    for a in here {
        write_highlight(out, a, marks);
    }
}

/// A highlight: its quote; its colour, dates and tags; its note.
fn write_highlight(out: &mut String, a: &Annotation, marks: &Marks) {
    let _ = writeln!(out, "{}\n", blockquote(&a.quote.exact));
    let (created, updated) = (minute(&a.created_at), minute(&a.updated_at));
    let mut about = format!("{} — {} · {created}", a.colour, marks.meaning(&a.colour));
    if updated != created {
        let _ = write!(about, ", updated {updated}");
    }
    let mut line = format!("*{}*", escape_line(&about));
    let tags = obsidian_tags(&a.tags);
    if !tags.is_empty() {
        let tags: Vec<String> = tags.iter().map(|t| format!("#{t}")).collect();
        let _ = write!(line, " · {}", tags.join(" "));
    }
    let _ = writeln!(out, "{line}\n");
    if !a.note.trim().is_empty() {
        let _ = writeln!(out, "{}\n", note(&a.note));
    }
}

/// `2025-05-01T10:00:00.000Z` as `2025-05-01 10:00 UTC`; anything else as it is.
fn minute(time: &str) -> String {
    match (time.get(..10), time.get(11..16), time.get(10..11)) {
        (Some(day), Some(hm), Some("T")) => format!("{day} {hm} UTC"),
        _ => time.to_string(),
    }
}

/// An RFC 3339 time to the second: `2025-05-01T10:00:00.123Z` → `2025-05-01T10:00:00Z`.
fn second(time: &str) -> String {
    match (time.get(..19), time.ends_with('Z')) {
        (Some(s), true) if time.len() > 20 => format!("{s}Z"),
        _ => time.to_string(),
    }
}

/// A date or time as a bare YAML value when it has the shape of one (Obsidian reads it as a
/// date), else as a quoted string.
fn yaml_date(value: &str) -> String {
    let shaped = value.len() >= 10
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-:.+".contains(c))
        && value.as_bytes()[4] == b'-'
        && value.as_bytes()[7] == b'-';
    match shaped {
        true => value.to_string(),
        false => yaml_string(value),
    }
}

/// `2025-01-08` as `8 January 2025`; anything else as it is.
fn long_date(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = date.split('-').collect();
    let (year, month, day) = match parts[..] {
        [y, m, d] if y.len() == 4 => (y, m.parse::<usize>(), d.parse::<u32>()),
        _ => return date.to_string(),
    };
    match (month, day) {
        (Ok(m @ 1..=12), Ok(d @ 1..=31)) => format!("{d} {} {year}", MONTHS[m - 1]),
        _ => date.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{long_date, minute, second, yaml_date};

    #[test]
    fn writes_dates_for_people_and_for_yaml() {
        assert_eq!(long_date("2025-01-08"), "8 January 2025");
        assert_eq!(long_date("2025-13-08"), "2025-13-08");
        assert_eq!(long_date("soon"), "soon");
        assert_eq!(minute("2025-05-01T10:00:59.123Z"), "2025-05-01 10:00 UTC");
        assert_eq!(second("2025-05-01T10:00:59.123Z"), "2025-05-01T10:00:59Z");
        assert_eq!(second("2025-05-01T10:00:59Z"), "2025-05-01T10:00:59Z");
        assert_eq!(yaml_date("2025-01-08"), "2025-01-08");
        assert_eq!(yaml_date("8 Jan: 2025"), "\"8 Jan: 2025\"");
    }
}
