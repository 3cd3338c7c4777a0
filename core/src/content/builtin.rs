//! The content packs built into the binary. Margin needs no file outside itself to show them.

use super::{parse_article, Article};
use crate::error::excerpt;
use crate::{Error, Result};

/// (article id, article.md) of every built-in pack.
pub(crate) const ARTICLES: &[(&str, &str)] = &[(
    "korean-war",
    include_str!("../../../assets/articles/korean-war/article.md"),
)];

/// (path inside the packs, bytes) of every built-in figure.
const FIGURES: &[(&str, &[u8])] = &[
    (
        "korean-war/figures/korea-1945-division.svg",
        include_bytes!("../../../assets/articles/korean-war/figures/korea-1945-division.svg"),
    ),
    (
        "korean-war/figures/war-movements-1950-1951.svg",
        include_bytes!("../../../assets/articles/korean-war/figures/war-movements-1950-1951.svg"),
    ),
    (
        "korean-war/figures/armistice-1953.svg",
        include_bytes!("../../../assets/articles/korean-war/figures/armistice-1953.svg"),
    ),
    (
        "korean-war/figures/human-cost.svg",
        include_bytes!("../../../assets/articles/korean-war/figures/human-cost.svg"),
    ),
];

/// Ids of the built-in articles, the first being the one Margin opens.
pub fn builtin_article_ids() -> impl Iterator<Item = &'static str> {
    ARTICLES.iter().map(|(id, _)| *id)
}

/// Parses a built-in article.
pub fn builtin_article(id: &str) -> Result<Article> {
    let (_, src) = ARTICLES
        .iter()
        .find(|(a, _)| *a == id)
        .ok_or_else(|| Error::NotFound(format!("no article with id {}", excerpt(id))))?;
    parse_article(src, &builtin_figure)
}

/// The bytes of a built-in figure, by its path `<article id>/figures/<name>`.
pub fn builtin_figure(path: &str) -> Option<&'static [u8]> {
    FIGURES.iter().find(|(p, _)| *p == path).map(|(_, b)| *b)
}
