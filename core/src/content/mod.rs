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

mod builtin;
mod html;

pub use builtin::{builtin_article, builtin_article_ids, builtin_figure};

use html::{escape_attr, escape_text};
use pulldown_cmark::{BlockQuoteKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

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
}

/// The front matter as written; dates are TOML dates.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    title: String,
    author: String,
    published: toml::value::Datetime,
    updated: toml::value::Datetime,
    source: String,
    language: String,
    byline: Option<String>,
    byline_language: Option<String>,
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
        format!("urn:margin:article:{}", self.meta.id)
    }
}

/// Splits `+++` front matter from the Markdown body.
fn split_front_matter(src: &str) -> Result<(&str, &str)> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let rest = src
        .strip_prefix("+++\n")
        .or_else(|| src.strip_prefix("+++\r\n"))
        .ok_or_else(|| Error::Content("the file must start with `+++` front matter".into()))?;
    let end = rest
        .find("\n+++")
        .ok_or_else(|| Error::Content("front matter has no closing `+++`".into()))?;
    let front = &rest[..end + 1];
    let body = rest[end + 4..].trim_start_matches(['\r', '\n']);
    Ok((front, body))
}

fn parse_meta(front: &str) -> Result<ArticleMeta> {
    let fm: FrontMatter =
        toml::from_str(front).map_err(|e| Error::Content(format!("front matter: {e}")))?;
    let valid_id = !fm.id.is_empty()
        && fm
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid_id {
        return Err(Error::Content(format!(
            "article id {:?} must be lowercase letters, digits and dashes",
            fm.id
        )));
    }
    let date = |d: toml::value::Datetime, field: &str| match (d.date, d.time) {
        (Some(date), None) => Ok(date.to_string()),
        _ => Err(Error::Content(format!(
            "front matter: {field} must be a date (YYYY-MM-DD)"
        ))),
    };
    Ok(ArticleMeta {
        published: date(fm.published, "published")?,
        updated: date(fm.updated, "updated")?,
        id: fm.id,
        title: fm.title,
        author: fm.author,
        source: fm.source,
        language: fm.language,
        byline: fm.byline,
        byline_language: fm.byline_language,
    })
}

/// Reads the intrinsic size of an SVG from its root `viewBox`.
fn svg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let text = std::str::from_utf8(bytes).ok()?;
    let root = &text[text.find("<svg")?..];
    let root = &root[..root.find('>')?];
    let at = root.find("viewBox=\"")? + "viewBox=\"".len();
    let value = &root[at..at + root[at..].find('"')?];
    let nums: Vec<f64> = value
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .map(str::parse)
        .collect::<std::result::Result<_, _>>()
        .ok()?;
    match nums[..] {
        [_, _, w, h] if w > 0.0 && h > 0.0 => Some((w.round() as u32, h.round() as u32)),
        _ => None,
    }
}

/// Makes a heading id from its text when it has no explicit `{#id}`.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A leaf block being collected from Markdown events.
#[derive(Default)]
struct Leaf {
    text: String,
    html: String,
    /// Set when the paragraph opens with an image: it is a figure, the rest is its caption.
    figure: Option<(String, String)>,
    in_image: bool,
}

impl Leaf {
    fn push_text(&mut self, t: &str) {
        if self.in_image {
            if let Some((_, alt)) = self.figure.as_mut() {
                alt.push_str(t);
            }
            return;
        }
        self.text.push_str(t);
        self.html.push_str(&escape_text(t));
    }
}

/// Open containers and the HTML collected inside each.
struct Frame {
    container: Container,
    html: String,
    first_heading: Option<String>,
}

struct Builder<'f> {
    article_id: String,
    figure_bytes: &'f dyn Fn(&str) -> Option<&'static [u8]>,
    blocks: Vec<Block>,
    sections: Vec<Section>,
    figures: Vec<Figure>,
    html: String,
    frames: Vec<Frame>,
    section_open: bool,
    paragraph_counter: usize,
    text_len: usize,
}

impl Builder<'_> {
    fn current_section(&self) -> String {
        self.sections
            .last()
            .map(|s| s.id.clone())
            .unwrap_or_default()
    }

    fn container(&self) -> Container {
        self.frames.last().map_or(Container::Body, |f| f.container)
    }

    fn out(&mut self) -> &mut String {
        match self.frames.last_mut() {
            Some(frame) => &mut frame.html,
            None => &mut self.html,
        }
    }

    fn add_block(&mut self, id: String, kind: BlockKind, level: u8, text: String) -> Result<()> {
        if id.is_empty() || self.blocks.iter().any(|b| b.id == id) {
            return Err(Error::Content(format!(
                "block id {id:?} is empty or used twice"
            )));
        }
        if text.trim().is_empty() {
            return Err(Error::Content(format!("block {id:?} has no text")));
        }
        if !self.blocks.is_empty() {
            self.text_len += BLOCK_SEPARATOR.chars().count();
        }
        let start = self.text_len;
        self.text_len += text.chars().count();
        self.blocks.push(Block {
            id,
            kind,
            level,
            container: self.container(),
            section: self.current_section(),
            text,
            start,
            end: self.text_len,
        });
        Ok(())
    }

    fn open_section(&mut self, id: &str, title: &str, target: &str) {
        if self.section_open {
            self.html.push_str("</section>\n");
        }
        let label = if id == "intro" {
            format!(r#"aria-label="{}""#, escape_attr(title))
        } else {
            format!(r#"aria-labelledby="{}""#, escape_attr(id))
        };
        self.html.push_str(&format!(
            "<section class=\"section\" id=\"section-{}\" data-section=\"{}\" {label}>\n",
            escape_attr(id),
            escape_attr(id)
        ));
        self.section_open = true;
        self.paragraph_counter = 0;
        self.sections.push(Section {
            id: id.to_string(),
            title: title.to_string(),
            target: target.to_string(),
        });
    }

    fn heading(&mut self, level: HeadingLevel, explicit: Option<String>, leaf: Leaf) -> Result<()> {
        let level = level as u8;
        let id = explicit.unwrap_or_else(|| slug(&leaf.text));
        if level == 2 && self.frames.is_empty() {
            self.open_section(&id, &leaf.text, &id);
        } else if !self.section_open {
            self.open_section("intro", "Introduction", "title");
        }
        if let Some(frame) = self.frames.last_mut() {
            frame.first_heading.get_or_insert_with(|| id.clone());
        }
        let html = format!(
            "<h{level} id=\"{0}\" data-block=\"{0}\" tabindex=\"-1\">{1}</h{level}>\n",
            escape_attr(&id),
            leaf.html
        );
        self.out().push_str(&html);
        self.add_block(id, BlockKind::Heading, level, leaf.text)
    }

    fn paragraph(&mut self, leaf: Leaf) -> Result<()> {
        if !self.section_open {
            self.open_section("intro", "Introduction", "title");
        }
        if let Some((src, alt)) = leaf.figure {
            return self.figure(src, alt, leaf.text.trim_end().to_string(), leaf.html);
        }
        self.paragraph_counter += 1;
        let id = format!("{}-p{}", self.current_section(), self.paragraph_counter);
        let html = format!(
            "<p id=\"{0}\" data-block=\"{0}\">{1}</p>\n",
            escape_attr(&id),
            leaf.html
        );
        self.out().push_str(&html);
        self.add_block(id, BlockKind::Paragraph, 0, leaf.text)
    }

    fn figure(
        &mut self,
        src: String,
        alt: String,
        caption: String,
        caption_html: String,
    ) -> Result<()> {
        let name = src
            .strip_prefix("figures/")
            .filter(|n| !n.contains('/') && n.ends_with(".svg"))
            .ok_or_else(|| Error::Content(format!("figure {src:?} must be figures/<name>.svg")))?;
        let path = format!("{}/figures/{name}", self.article_id);
        let bytes = (self.figure_bytes)(&path)
            .ok_or_else(|| Error::Content(format!("figure {path:?} is not in the pack")))?;
        let (width, height) = svg_size(bytes)
            .ok_or_else(|| Error::Content(format!("figure {path:?} has no usable viewBox")))?;
        if alt.trim().is_empty() {
            return Err(Error::Content(format!("figure {path:?} needs alt text")));
        }
        let id = format!("fig-{}", name.trim_end_matches(".svg"));
        let caption_id = format!("{id}-caption");
        let html = format!(
            "<figure class=\"figure\" id=\"{id}\">\
             <img class=\"figure-image\" data-figure=\"{path}\" alt=\"{alt}\" width=\"{width}\" height=\"{height}\" loading=\"lazy\" decoding=\"async\">\
             <figcaption id=\"{cid}\" data-block=\"{cid}\">{caption_html}</figcaption></figure>\n",
            id = escape_attr(&id),
            path = escape_attr(&path),
            alt = escape_attr(&alt),
            cid = escape_attr(&caption_id),
            caption_html = caption_html.trim_end(),
        );
        self.out().push_str(&html);
        self.figures.push(Figure {
            id,
            path,
            alt,
            caption: caption_id.clone(),
            width,
            height,
        });
        self.add_block(caption_id, BlockKind::Caption, 0, caption)
    }

    fn close_container(&mut self) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        let html = match frame.container {
            Container::Aside => {
                let label = frame
                    .first_heading
                    .map(|h| format!(" aria-labelledby=\"{}\"", escape_attr(&h)))
                    .unwrap_or_default();
                format!("<aside class=\"callout\"{label}>\n{}</aside>\n", frame.html)
            }
            _ => format!(
                "<blockquote class=\"quote\">\n{}</blockquote>\n",
                frame.html
            ),
        };
        self.out().push_str(&html);
    }
}

/// Parses a content pack's `article.md`. `figure_bytes` resolves `<id>/figures/<name>` to the
/// figure's bytes, so that a figure the text names but the pack lacks is an error here, not a
/// broken image later.
pub fn parse_article(
    src: &str,
    figure_bytes: &dyn Fn(&str) -> Option<&'static [u8]>,
) -> Result<Article> {
    let (front, body) = split_front_matter(src)?;
    let meta = parse_meta(front)?;
    let mut b = Builder {
        article_id: meta.id.clone(),
        figure_bytes,
        blocks: Vec::new(),
        sections: Vec::new(),
        figures: Vec::new(),
        html: String::new(),
        frames: Vec::new(),
        section_open: false,
        paragraph_counter: 0,
        text_len: 0,
    };

    // The title and byline come from the front matter but are blocks like any other, so they can
    // be highlighted and so the byline's emoji keeps the offset conversion honest.
    b.open_section("intro", "Introduction", "title");
    b.html.push_str(&format!(
        "<header class=\"article-header\">\n<h1 id=\"title\" data-block=\"title\" tabindex=\"-1\">{}</h1>\n",
        escape_text(&meta.title)
    ));
    b.add_block("title".into(), BlockKind::Title, 1, meta.title.clone())?;
    if let Some(byline) = &meta.byline {
        let lang = meta
            .byline_language
            .as_deref()
            .map(|l| format!(" lang=\"{}\"", escape_attr(l)))
            .unwrap_or_default();
        b.html.push_str(&format!(
            "<p class=\"byline\" id=\"byline\" data-block=\"byline\"{lang}>{}</p>\n",
            escape_text(byline)
        ));
        b.add_block("byline".into(), BlockKind::Byline, 0, byline.clone())?;
    }
    b.html.push_str("</header>\n");

    let options = Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_GFM;
    let mut leaf: Option<Leaf> = None;
    let mut pending_heading_id: Option<String> = None;
    for event in Parser::new_ext(body, options) {
        match event {
            Event::Start(Tag::Paragraph) | Event::Start(Tag::Heading { .. }) if leaf.is_some() => {
                return Err(Error::Content("nested blocks are not supported".into()));
            }
            Event::Start(Tag::Paragraph) => leaf = Some(Leaf::default()),
            Event::Start(Tag::Heading { id, .. }) => {
                pending_heading_id = id.map(|id| id.to_string());
                leaf = Some(Leaf::default());
            }
            Event::End(TagEnd::Paragraph) => {
                let l = leaf
                    .take()
                    .ok_or_else(|| Error::Content("unbalanced paragraph".into()))?;
                b.paragraph(l)?;
            }
            Event::Start(Tag::BlockQuote(kind)) => b.frames.push(Frame {
                container: match kind {
                    Some(BlockQuoteKind::Tip | BlockQuoteKind::Note) => Container::Aside,
                    Some(other) => {
                        return Err(Error::Content(format!("unsupported alert kind {other:?}")))
                    }
                    None => Container::Quote,
                },
                html: String::new(),
                first_heading: None,
            }),
            Event::End(TagEnd::BlockQuote(_)) => b.close_container(),
            Event::Start(Tag::Image { dest_url, .. }) => match leaf.as_mut() {
                Some(l) if l.text.is_empty() && l.figure.is_none() => {
                    l.figure = Some((dest_url.to_string(), String::new()));
                    l.in_image = true;
                }
                _ => {
                    return Err(Error::Content(
                        "an image must open its own paragraph".into(),
                    ))
                }
            },
            Event::End(TagEnd::Image) => {
                if let Some(l) = leaf.as_mut() {
                    l.in_image = false;
                }
            }
            Event::Text(t) | Event::Code(t) => match leaf.as_mut() {
                Some(l) => l.push_text(&t),
                None => return Err(Error::Content(format!("text outside a block: {t:?}"))),
            },
            Event::SoftBreak => {
                if let Some(l) = leaf.as_mut() {
                    // A break right after a figure's image starts its caption.
                    if !(l.figure.is_some() && l.text.is_empty()) {
                        l.push_text(" ");
                    }
                }
            }
            Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) => {
                let tag = if matches!(event, Event::Start(_)) {
                    "<em>"
                } else {
                    "</em>"
                };
                inline_tag(&mut leaf, tag)?;
            }
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => {
                let tag = if matches!(event, Event::Start(_)) {
                    "<strong>"
                } else {
                    "</strong>"
                };
                inline_tag(&mut leaf, tag)?;
            }
            // The only inline HTML a pack may use: <q> marks spoken quotations for styling.
            Event::InlineHtml(h) if &*h == "<q>" || &*h == "</q>" => inline_tag(&mut leaf, &h)?,
            Event::End(TagEnd::Heading(level)) => {
                let l = leaf
                    .take()
                    .ok_or_else(|| Error::Content("unbalanced heading".into()))?;
                let explicit = pending_heading_id.take();
                b.heading(level, explicit, l)?;
            }
            other => {
                return Err(Error::Content(format!("unsupported Markdown: {other:?}")));
            }
        }
    }
    if !b.frames.is_empty() {
        return Err(Error::Content("unclosed quotation or aside".into()));
    }
    if b.section_open {
        b.html.push_str("</section>\n");
    }

    let text = b
        .blocks
        .iter()
        .map(|bl| bl.text.as_str())
        .collect::<Vec<_>>()
        .join(BLOCK_SEPARATOR);
    Ok(Article {
        revision: revision_of(&text),
        text_length: b.text_len,
        meta,
        blocks: b.blocks,
        sections: b.sections,
        figures: b.figures,
        html: b.html,
        text,
    })
}

fn inline_tag(leaf: &mut Option<Leaf>, tag: &str) -> Result<()> {
    match leaf.as_mut() {
        Some(l) if !l.in_image => {
            l.html.push_str(tag);
            Ok(())
        }
        _ => Err(Error::Content(format!("{tag} outside a block"))),
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
