//! Getting annotations out of Margin and back in.
//!
//! - [`w3c`]: W3C Web Annotation JSON-LD (an `AnnotationCollection`), the interchange format;
//!   [`w3c::import`] reads it back and merges by id.
//! - [`markdown`]: a readable export grouped by section, for notes apps such as Obsidian: YAML
//!   front matter, a citation, escaped quotes, tags Obsidian takes.
//!
//! An article is named by its IRI `urn:margin:article:<id>` ([`crate::content::article_iri`]),
//! never by a file path, so an export made on one machine imports on another whatever the OS.

pub mod markdown;
pub mod w3c;

use std::str::FromStr;

use crate::content::Article;
use crate::error::excerpt;
use crate::store::Store;
use crate::{Error, Result};

/// An export format, as the UI and the command line name it (`w3c`, `markdown`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// W3C Web Annotation JSON-LD.
    W3c,
    /// Markdown grouped by section.
    Markdown,
    /// Everything the user made: the W3C collection with Margin's other data beside it
    /// (`margin:data`: bookmarks, free notes, colour meanings, preferences, reading positions),
    /// for another computer; imported by the same import, merging by id.
    Full,
}

impl FromStr for Format {
    type Err = Error;

    fn from_str(s: &str) -> Result<Format> {
        match s {
            "w3c" => Ok(Format::W3c),
            "markdown" => Ok(Format::Markdown),
            "full" => Ok(Format::Full),
            other => Err(Error::InvalidInput(format!(
                "unknown format {}: use w3c, markdown or full",
                excerpt(other)
            ))),
        }
    }
}

impl Format {
    /// The file name extension an export in this format takes.
    pub fn extension(self) -> &'static str {
        match self {
            Format::W3c | Format::Full => "jsonld",
            Format::Markdown => "md",
        }
    }
}

/// The text of an export of `articles` in `format`: one JSON-LD collection for all of them, or
/// one Markdown file with all of them, dated now.
pub fn render(store: &mut Store, articles: &[&Article], format: Format) -> Result<String> {
    let now = now(store)?;
    render_at(store, articles, format, &now)
}

/// [`render`] as if it were `exported` (RFC 3339, UTC): the date the Markdown export gives.
pub fn render_at(
    store: &mut Store,
    articles: &[&Article],
    format: Format,
    exported: &str,
) -> Result<String> {
    match format {
        Format::W3c | Format::Full => {
            let mut doc = w3c::export(store, articles)?;
            if format == Format::Full {
                doc["label"] = "Margin: everything".into();
                let extras =
                    serde_json::to_value(store.extras(articles)?).map_err(std::io::Error::from)?;
                doc[w3c::EXTRAS_MEMBER] = extras;
            }
            // Writing a JSON value to a string cannot fail; the conversion keeps it an error
            // rather than a panic all the same.
            let text = serde_json::to_string_pretty(&doc).map_err(std::io::Error::from)?;
            Ok(text + "\n")
        }
        Format::Markdown => markdown::export_all_at(store, articles, exported),
    }
}

/// Now, in RFC 3339 (UTC, to the second), from the clock the store dates everything by.
fn now(store: &Store) -> Result<String> {
    let sql = "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";
    Ok(store.conn().query_row(sql, [], |r| r.get(0))?)
}
