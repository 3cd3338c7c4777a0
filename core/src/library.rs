//! The catalogue of articles Margin can open: the built-in packs now, the user's stored
//! imports next. Each is parsed the first time it is asked for, not when the library is made,
//! so that starting the app costs nothing per article; the parse is kept for the process's life
//! (an article's text does not change while it runs).

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::content::{builtin, builtin_figure, parse_article, Article};
use crate::error::excerpt;
use crate::{Error, Result};

/// Where an article's source comes from.
enum Source {
    /// A pack embedded in the binary: its `article.md`.
    Builtin(&'static str),
}

struct Entry {
    id: &'static str,
    source: Source,
    /// The parsed article, or why it did not parse (kept so the error is the same every time).
    parsed: OnceLock<std::result::Result<Article, String>>,
}

impl Entry {
    fn article(&self) -> Result<&Article> {
        let parsed = self.parsed.get_or_init(|| match self.source {
            Source::Builtin(src) => parse_article(src, &builtin_figure).map_err(|e| match e {
                Error::Content(why) => why,
                other => other.to_string(),
            }),
        });
        parsed
            .as_ref()
            .map_err(|why| Error::Content(format!("article {:?}: {why}", self.id)))
    }
}

/// The articles by id, in catalogue order; the first is the one Margin opens by default.
pub struct Library {
    entries: Vec<Entry>,
}

impl Library {
    /// The articles built into the binary. Parses nothing yet.
    pub fn builtin() -> Library {
        let entries = builtin::ARTICLES
            .iter()
            .map(|&(id, src)| Entry {
                id,
                source: Source::Builtin(src),
                parsed: OnceLock::new(),
            })
            .collect();
        Library { entries }
    }

    /// The ids of every article, in catalogue order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.id)
    }

    /// The id of the article Margin opens when none is named ("" in an empty library).
    pub fn default_id(&self) -> &str {
        self.entries.first().map_or("", |e| e.id)
    }

    /// The article with this id, parsed on first use. `NotFound` for an id the library lacks;
    /// `Content` if its pack does not parse.
    pub fn get(&self, id: &str) -> Result<&Article> {
        self.entries
            .iter()
            .find(|e| e.id == id)
            .ok_or_else(|| Error::NotFound(format!("no article with id {}", excerpt(id))))?
            .article()
    }

    /// Every article, in catalogue order (exports and imports need them all).
    pub fn all(&self) -> Result<Vec<&Article>> {
        self.entries.iter().map(Entry::article).collect()
    }

    /// The bytes of a figure by its path `<article id>/figures/<name>`.
    pub fn figure(&self, path: &str) -> Option<Cow<'_, [u8]>> {
        builtin_figure(path).map(Cow::Borrowed)
    }
}

#[cfg(test)]
mod tests {
    use super::Library;

    #[test]
    fn parses_on_first_use_and_refuses_unknown_ids() {
        let library = Library::builtin();
        assert_eq!(library.default_id(), "korean-war");
        assert!(
            library.entries[0].parsed.get().is_none(),
            "parsed too early"
        );
        let article = library.get("korean-war").unwrap();
        assert_eq!(article.meta.id, "korean-war");
        assert!(library.entries[0].parsed.get().is_some());
        // The same parse every time.
        assert!(std::ptr::eq(article, library.get("korean-war").unwrap()));
        assert_eq!(library.get("nope").unwrap_err().kind(), "not_found");
        assert_eq!(library.all().unwrap().len(), library.ids().count());
        assert!(library
            .figure("korean-war/figures/human-cost.svg")
            .is_some());
        assert!(library.figure("korean-war/figures/nope.svg").is_none());
    }
}
