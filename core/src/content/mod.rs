//! Content packs: an `article.md` with `+++` TOML front matter, and its figures.
//!
//! Parsing yields the [`Article`]: its metadata, its leaf blocks (title, byline, headings,
//! paragraphs, figure captions) each with a stable id and code-point offsets into the canonical
//! plain text, the HTML the reader paints, and the figures.
//!
//! Why this shape (hard to reverse, because stored annotations point into it):
//! - The canonical text is the blocks' texts joined by [`BLOCK_SEPARATOR`]. Each block's text is
//!   exactly the `textContent` of its element in [`Article::html`], so the UI can map a DOM
//!   selection to (block, offset) and from there to canonical offsets without guessing.
//! - Offsets count Unicode code points, as the W3C Web Annotation model does. The UI converts
//!   from UTF-16 at the boundary (the byline carries a non-BMP emoji).
//! - Block ids come from the structure, not from the wording: headings carry explicit ids
//!   (`{#id}`), other blocks are numbered within their section. A typo fix keeps every id; an
//!   inserted paragraph renumbers only the rest of its section. Anchors never rely on block ids
//!   alone: they store text selectors.

pub(crate) mod builtin;
mod html;
mod model;
mod pack;

pub use builtin::{builtin_article, builtin_article_ids, builtin_figure};
pub use model::{
    article_id_from_iri, article_iri, revision_of, Article, ArticleMeta, Block, BlockKind,
    Container, Figure, Section, BLOCK_SEPARATOR,
};
pub use pack::{parse_article, FigureSource};
