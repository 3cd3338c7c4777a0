//! Content packs: `article.md` with `+++` TOML front matter, parsed into an [`Article`].

use std::borrow::Cow;

use pulldown_cmark::{BlockQuoteKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Deserialize;

use super::html::{escape_attr, escape_text};
use super::model::{
    revision_of, Article, ArticleMeta, Block, BlockKind, Container, Figure, Section,
    BLOCK_SEPARATOR,
};
use crate::{Error, Result};

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
    figures_credit: Option<String>,
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
        figures_credit: fm.figures_credit,
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

/// Where a pack's figures come from: resolves `<article id>/figures/<name>` to the figure's
/// bytes. Built-in packs lend bytes from the binary; an imported article brings its own. Any
/// `Fn(&str) -> Option<B>` is one, where `B` is `&'static [u8]`, `Vec<u8>` or a `Cow`.
pub trait FigureSource {
    /// The figure at `path`, if the pack has it.
    fn figure(&self, path: &str) -> Option<Cow<'_, [u8]>>;
}

impl<F, B> FigureSource for F
where
    F: Fn(&str) -> Option<B>,
    B: Into<Cow<'static, [u8]>>,
{
    fn figure(&self, path: &str) -> Option<Cow<'_, [u8]>> {
        self(path).map(Into::into)
    }
}

struct Builder<'f> {
    article_id: String,
    figure_source: &'f dyn FigureSource,
    /// The leaf block being read, between its start and end events.
    leaf: Option<Leaf>,
    /// The explicit `{#id}` of the heading being read.
    heading_id: Option<String>,
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
            untitled: false,
        });
    }

    /// Opens the introduction: the section of the text before the first heading, which has no
    /// heading of its own.
    fn open_intro(&mut self) {
        self.open_section("intro", "Introduction", "title");
        if let Some(section) = self.sections.last_mut() {
            section.untitled = true;
        }
    }

    fn heading(&mut self, level: HeadingLevel, explicit: Option<String>, leaf: Leaf) -> Result<()> {
        let level = level as u8;
        let id = explicit.unwrap_or_else(|| slug(&leaf.text));
        if level == 2 && self.frames.is_empty() {
            self.open_section(&id, &leaf.text, &id);
        } else if !self.section_open {
            self.open_intro();
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
            self.open_intro();
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
        let bytes = self
            .figure_source
            .figure(&path)
            .ok_or_else(|| Error::Content(format!("figure {path:?} is not in the pack")))?;
        let (width, height) = svg_size(&bytes)
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

impl<'f> Builder<'f> {
    fn new(article_id: String, figure_source: &'f dyn FigureSource) -> Self {
        Builder {
            article_id,
            figure_source,
            leaf: None,
            heading_id: None,
            blocks: Vec::new(),
            sections: Vec::new(),
            figures: Vec::new(),
            html: String::new(),
            frames: Vec::new(),
            section_open: false,
            paragraph_counter: 0,
            text_len: 0,
        }
    }
}

impl Builder<'_> {
    /// The title and byline come from the front matter but are blocks like any other, so they
    /// can be highlighted and so the byline's emoji keeps the offset conversion honest.
    fn header(&mut self, meta: &ArticleMeta) -> Result<()> {
        self.open_intro();
        self.html.push_str(&format!(
            "<header class=\"article-header\">\n<h1 id=\"title\" data-block=\"title\" tabindex=\"-1\">{}</h1>\n",
            escape_text(&meta.title)
        ));
        self.add_block("title".into(), BlockKind::Title, 1, meta.title.clone())?;
        if let Some(byline) = &meta.byline {
            let lang = meta
                .byline_language
                .as_deref()
                .map(|l| format!(" lang=\"{}\"", escape_attr(l)))
                .unwrap_or_default();
            self.html.push_str(&format!(
                "<p class=\"byline\" id=\"byline\" data-block=\"byline\"{lang}>{}</p>\n",
                escape_text(byline)
            ));
            self.add_block("byline".into(), BlockKind::Byline, 0, byline.clone())?;
        }
        self.html.push_str("</header>\n");
        Ok(())
    }

    /// Takes one Markdown event of the body.
    fn event(&mut self, event: Event<'_>) -> Result<()> {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) => match self.leaf.as_mut() {
                Some(l) => {
                    l.push_text(&t);
                    Ok(())
                }
                None => Err(Error::Content(format!("text outside a block: {t:?}"))),
            },
            Event::SoftBreak => {
                if let Some(l) = self.leaf.as_mut() {
                    // A break right after a figure's image starts its caption.
                    if !(l.figure.is_some() && l.text.is_empty()) {
                        l.push_text(" ");
                    }
                }
                Ok(())
            }
            // The only inline HTML a pack may use: <q> marks spoken quotations for styling.
            Event::InlineHtml(h) if &*h == "<q>" || &*h == "</q>" => self.inline_tag(&h),
            other => Err(unsupported(&other)),
        }
    }

    fn start(&mut self, tag: Tag<'_>) -> Result<()> {
        match tag {
            Tag::Paragraph | Tag::Heading { .. } if self.leaf.is_some() => {
                return Err(Error::Content("nested blocks are not supported".into()));
            }
            Tag::Paragraph => self.leaf = Some(Leaf::default()),
            Tag::Heading { id, .. } => {
                self.heading_id = id.map(|id| id.to_string());
                self.leaf = Some(Leaf::default());
            }
            Tag::BlockQuote(kind) => {
                let container = match kind {
                    Some(BlockQuoteKind::Tip | BlockQuoteKind::Note) => Container::Aside,
                    Some(other) => {
                        return Err(Error::Content(format!("unsupported alert kind {other:?}")))
                    }
                    None => Container::Quote,
                };
                self.frames.push(Frame {
                    container,
                    html: String::new(),
                    first_heading: None,
                });
            }
            Tag::Image { dest_url, .. } => match self.leaf.as_mut() {
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
            Tag::Emphasis => self.inline_tag("<em>")?,
            Tag::Strong => self.inline_tag("<strong>")?,
            other => return Err(unsupported(&Event::Start(other))),
        }
        Ok(())
    }

    fn end(&mut self, tag: TagEnd) -> Result<()> {
        match tag {
            TagEnd::Paragraph => {
                let l = self
                    .leaf
                    .take()
                    .ok_or_else(|| Error::Content("unbalanced paragraph".into()))?;
                self.paragraph(l)
            }
            TagEnd::Heading(level) => {
                let l = self
                    .leaf
                    .take()
                    .ok_or_else(|| Error::Content("unbalanced heading".into()))?;
                let explicit = self.heading_id.take();
                self.heading(level, explicit, l)
            }
            TagEnd::BlockQuote(_) => {
                self.close_container();
                Ok(())
            }
            TagEnd::Image => {
                if let Some(l) = self.leaf.as_mut() {
                    l.in_image = false;
                }
                Ok(())
            }
            TagEnd::Emphasis => self.inline_tag("</em>"),
            TagEnd::Strong => self.inline_tag("</strong>"),
            other => Err(unsupported(&Event::End(other))),
        }
    }

    fn inline_tag(&mut self, tag: &str) -> Result<()> {
        match self.leaf.as_mut() {
            Some(l) if !l.in_image => {
                l.html.push_str(tag);
                Ok(())
            }
            _ => Err(Error::Content(format!("{tag} outside a block"))),
        }
    }

    /// Closes the last section and makes the article.
    fn finish(mut self, meta: ArticleMeta) -> Result<Article> {
        if !self.frames.is_empty() {
            return Err(Error::Content("unclosed quotation or aside".into()));
        }
        if self.section_open {
            self.html.push_str("</section>\n");
        }
        let text = self
            .blocks
            .iter()
            .map(|bl| bl.text.as_str())
            .collect::<Vec<_>>()
            .join(BLOCK_SEPARATOR);
        Ok(Article {
            revision: revision_of(&text),
            text_length: self.text_len,
            meta,
            blocks: self.blocks,
            sections: self.sections,
            figures: self.figures,
            html: self.html,
            text,
        })
    }
}

fn unsupported(event: &Event<'_>) -> Error {
    Error::Content(format!("unsupported Markdown: {event:?}"))
}

/// Parses a content pack's `article.md`. `figures` resolves `<id>/figures/<name>` to the
/// figure's bytes, so that a figure the text names but the pack lacks is an error here, not a
/// broken image later.
pub fn parse_article(src: &str, figures: &dyn FigureSource) -> Result<Article> {
    let (front, body) = split_front_matter(src)?;
    let meta = parse_meta(front)?;
    let mut b = Builder::new(meta.id.clone(), figures);
    b.header(&meta)?;
    let options = Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_GFM;
    for event in Parser::new_ext(body, options) {
        b.event(event)?;
    }
    b.finish(meta)
}
