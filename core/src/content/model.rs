//! The content model: an [`Article`] with its metadata, leaf blocks, sections and figures.

use serde::Serialize;

/// What every article IRI starts with; the article's id follows.
const ARTICLE_IRI_PREFIX: &str = "urn:margin:article:";

/// The IRI that names an article in exports, `urn:margin:article:<id>`: stable across machines,
/// operating systems and revisions, unlike a file path.
pub fn article_iri(id: &str) -> String {
    format!("{ARTICLE_IRI_PREFIX}{id}")
}

/// The article id an IRI names, if it is an article IRI.
pub fn article_id_from_iri(iri: &str) -> Option<&str> {
    iri.strip_prefix(ARTICLE_IRI_PREFIX)
}

/// What separates two blocks in the canonical plain text.
pub const BLOCK_SEPARATOR: &str = "\n\n";

/// An article's metadata, from its front matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleMeta {
    /// Stable identifier, `[a-z0-9-]+`; the article's IRI is `urn:margin:article:<id>`.
    pub id: String,
    /// The title.
    pub title: String,
    /// The author as credited by the source.
    pub author: String,
    /// Publication date, `YYYY-MM-DD`.
    pub published: String,
    /// Date of the source's last update, `YYYY-MM-DD`.
    pub updated: String,
    /// Who published it.
    pub source: String,
    /// BCP 47 language tag of the text.
    pub language: String,
    /// The byline as the source printed it, if kept.
    pub byline: Option<String>,
    /// Language of the byline, when it differs from the article's.
    pub byline_language: Option<String>,
    /// Where the figures come from, when they are not the source's own (shown in the About
    /// view). Not part of the text.
    pub figures_credit: Option<String>,
}

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The article's title (from the front matter).
    Title,
    /// The byline (from the front matter).
    Byline,
    /// A heading; see [`Block::level`].
    Heading,
    /// A paragraph.
    Paragraph,
    /// A figure's caption.
    Caption,
}

/// What a block sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Container {
    /// The article's running text.
    Body,
    /// A quotation (Markdown `>`).
    Quote,
    /// An aside such as "Did You Know?" (a GitHub-style alert, `> [!TIP]`).
    Aside,
}

/// A leaf block of text: the unit the DOM and the canonical text agree on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// Stable id, also the element's `id` and `data-block` in the HTML.
    pub id: String,
    /// What it is.
    pub kind: BlockKind,
    /// Heading level 1-6; 0 for other blocks.
    pub level: u8,
    /// What it sits in.
    pub container: Container,
    /// Id of the section it belongs to.
    pub section: String,
    /// Its plain text, equal to its element's `textContent`.
    pub text: String,
    /// Offset of its first code point in the canonical text.
    pub start: usize,
    /// Offset just past its last code point in the canonical text.
    pub end: usize,
}

/// A section of the article: the introduction, then one per level-2 heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// Section id (the heading's id; `intro` for the text before the first heading).
    pub id: String,
    /// The title shown in the table of contents.
    pub title: String,
    /// Id of the block the table of contents jumps to.
    pub target: String,
    /// True for the introduction the parser makes for the text before the first heading: its
    /// `title` is core's English "Introduction", which the UI shows in its own language. False
    /// for sections made from a heading.
    pub untitled: bool,
}

/// A figure with its caption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// Element id of the `<figure>`.
    pub id: String,
    /// Path of the image inside the pack, `<article id>/figures/<name>`.
    pub path: String,
    /// Text alternative for the image.
    pub alt: String,
    /// Id of the caption block.
    pub caption: String,
    /// Intrinsic width (from the SVG's viewBox), so the reader reserves the box before loading.
    pub width: u32,
    /// Intrinsic height.
    pub height: u32,
}

/// A parsed article.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// Front matter.
    pub meta: ArticleMeta,
    /// Identifies this wording of the text: annotations remember it to know when to re-anchor.
    pub revision: String,
    /// Leaf blocks in document order.
    pub blocks: Vec<Block>,
    /// Sections in document order.
    pub sections: Vec<Section>,
    /// Figures in document order.
    pub figures: Vec<Figure>,
    /// The HTML of the article body; every block element carries `data-block`.
    pub html: String,
    /// The canonical plain text.
    #[serde(skip)]
    pub text: String,
    /// Length of the canonical text in code points.
    pub text_length: usize,
}

impl Article {
    /// The block with this id.
    pub fn block(&self, id: &str) -> Option<&Block> {
        self.blocks.iter().find(|b| b.id == id)
    }

    /// The article's IRI, stable across machines and revisions.
    pub fn iri(&self) -> String {
        article_iri(&self.meta.id)
    }
}

/// A short, stable fingerprint of a wording of the text (FNV-1a, 64 bits, as hex). Not a
/// security hash: it only tells one revision of a built-in text from another.
pub fn revision_of(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.as_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}
