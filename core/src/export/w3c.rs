//! W3C Web Annotation Data Model (JSON-LD) export and import.
//!
//! Shape of an export: an `AnnotationCollection` whose `first` page holds every annotation. Each
//! annotation targets the article's IRI with a `TextQuoteSelector` and, when placed, a
//! `TextPositionSelector` (code points); its note is a `TextualBody` in `text/markdown` with
//! purpose `commenting`, each tag a `TextualBody` with purpose `tagging`, its colour the target's
//! `styleClass`. The text revision the selectors were made on is kept beside them as
//! `margin:revision` (a term of Margin's own namespace, declared in the context).

use std::collections::HashMap;

use serde_json::{json, Value};

use crate::anchor::{AnchorStatus, Anchorer, Selectors, TextPositionSelector, TextQuoteSelector};
use crate::content::{article_id_from_iri, article_iri, Article};
use crate::error::excerpt;
use crate::store::merge::{check_time, CheckedExtras, Extras};
pub use crate::store::ImportReport;
use crate::store::{Annotation, AnnotationRow, Store};
use crate::{Error, Result};

/// The namespace of Margin's own terms in exports.
pub const MARGIN_NS: &str = "urn:margin:ns#";

fn annotation_json(a: &Annotation) -> Value {
    let mut selectors = vec![json!({
        "type": "TextQuoteSelector",
        "exact": a.quote.exact,
        "prefix": a.quote.prefix,
        "suffix": a.quote.suffix,
    })];
    if let Some(p) = &a.position {
        selectors.push(json!({ "type": "TextPositionSelector", "start": p.start, "end": p.end }));
    }
    let mut body = Vec::new();
    if !a.note.is_empty() {
        body.push(json!({
            "type": "TextualBody", "value": a.note, "format": "text/markdown", "purpose": "commenting",
        }));
    }
    for tag in &a.tags {
        body.push(json!({ "type": "TextualBody", "value": tag, "purpose": "tagging" }));
    }
    let mut out = json!({
        "id": format!("urn:uuid:{}", a.id),
        "type": "Annotation",
        "motivation": if a.note.is_empty() { "highlighting" } else { "commenting" },
        "created": a.created_at,
        "modified": a.updated_at,
        "target": {
            "source": article_iri(&a.article_id),
            "selector": selectors,
            "styleClass": a.colour,
            "margin:revision": a.revision,
        },
    });
    if !body.is_empty() {
        out["body"] = Value::Array(body);
    }
    out
}

/// Exports the live annotations of the given articles as one `AnnotationCollection`.
pub fn export(store: &mut Store, articles: &[&Article]) -> Result<Value> {
    let mut items = Vec::new();
    for article in articles {
        for a in store.annotations(article)? {
            items.push(annotation_json(&a));
        }
    }
    Ok(json!({
        "@context": ["http://www.w3.org/ns/anno.jsonld", { "margin": MARGIN_NS }],
        "type": "AnnotationCollection",
        "label": "Margin annotations",
        "generator": { "type": "Software", "name": format!("Margin {}", env!("CARGO_PKG_VERSION")) },
        "total": items.len(),
        "first": { "type": "AnnotationPage", "startIndex": 0, "items": items },
    }))
}

/// One annotation read from JSON, checked but not yet anchored.
struct Incoming {
    id: String,
    /// The id as an earlier Margin stored it, when that was not a UUID.
    legacy_id: Option<String>,
    article_id: String,
    selectors: Selectors,
    colour: String,
    note: String,
    tags: Vec<String>,
    created: Option<String>,
    modified: Option<String>,
}

fn field<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// The most pages a collection may chain (`next`) in one file.
const MAX_PAGES: usize = 100_000;

/// The items of a page and of every page after it (`next`), when they are in the file. A page
/// that is only named (an IRI) is elsewhere: Margin fetches nothing, so the file is refused
/// rather than imported in part.
fn page_items<'a>(mut page: &'a Value, out: &mut Vec<&'a Value>) -> Result<()> {
    for _ in 0..MAX_PAGES {
        if let Some(iri) = page.as_str() {
            return Err(Error::InvalidInput(format!(
                "the collection's page {} is not in the file; Margin reads no web pages, so save \
                 the whole collection in one file",
                excerpt(iri)
            )));
        }
        out.extend(
            page.get("items")
                .and_then(Value::as_array)
                .into_iter()
                .flatten(),
        );
        match page.get("next") {
            None | Some(Value::Null) => return Ok(()),
            Some(next) => page = next,
        }
    }
    Err(Error::InvalidInput(format!(
        "the collection has more than {MAX_PAGES} pages"
    )))
}

/// Finds the annotations in a collection (every page of it), a page, an array, or a single
/// annotation. A collection that says how many it holds (`total`) must hold that many.
fn items(doc: &Value) -> Result<Vec<&Value>> {
    if let Some(list) = doc.as_array() {
        return Ok(list.iter().collect());
    }
    match field(doc, "type") {
        Some("AnnotationCollection") => {
            // The pages from `first`; a collection that holds its items itself, those.
            let mut found = Vec::new();
            page_items(doc.get("first").unwrap_or(doc), &mut found)?;
            let total = doc.get("total").and_then(Value::as_u64);
            if let Some(total) = total.filter(|&t| t != found.len() as u64) {
                return Err(Error::InvalidInput(format!(
                    "the collection says it holds {total} annotations, but the file has {}",
                    found.len()
                )));
            }
            Ok(found)
        }
        Some("AnnotationPage") => {
            let mut found = Vec::new();
            page_items(doc, &mut found)?;
            Ok(found)
        }
        Some("Annotation") => Ok(vec![doc]),
        _ => Err(Error::InvalidInput(
            "not a W3C Web Annotation document: expected an AnnotationCollection, an AnnotationPage, \
             an Annotation or an array of them"
                .into(),
        )),
    }
}

/// An error about the `n`th annotation of the file.
fn bad(n: usize, why: impl std::fmt::Display) -> Error {
    Error::InvalidInput(format!("annotation #{n}: {why}"))
}

/// A JSON-LD value that may be one object or an array of them, as a list.
fn one_or_many(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one @ Value::Object(_)) => vec![one],
        _ => Vec::new(),
    }
}

fn parse_one(
    v: &Value,
    n: usize,
    known: &HashMap<String, &Article>,
    clock: &rusqlite::Connection,
) -> Result<Incoming> {
    if field(v, "type") != Some("Annotation") {
        return Err(bad(n, "its type is not \"Annotation\""));
    }
    let (id, legacy_id) = parse_id(v, n)?;
    let target = v.get("target").ok_or_else(|| bad(n, "it has no target"))?;
    let source = field(target, "source").ok_or_else(|| bad(n, "its target has no source"))?;
    let article_id = article_id_from_iri(source)
        .filter(|a| known.contains_key(*a))
        .ok_or_else(|| {
            bad(
                n,
                format!(
                    "its target {} is not an article Margin has",
                    excerpt(source)
                ),
            )
        })?
        .to_string();
    let selectors = parse_selectors(target, n)?;
    let colour = field(target, "styleClass").unwrap_or("yellow").to_string();
    crate::store::check_colour(&colour).map_err(|e| bad(n, e))?;
    let (note, tags) = parse_bodies(v, n)?;
    let time = |key: &str| -> Result<Option<String>> {
        field(v, key)
            .map(|s| check_time(clock, key, s).map_err(|e| bad(n, e)))
            .transpose()
    };
    let (created, modified) = (time("created")?, time("modified")?);
    Ok(Incoming {
        id,
        legacy_id,
        article_id,
        selectors,
        colour,
        note,
        tags,
        created,
        modified,
    })
}

/// The annotation's id as Margin keeps it: a UUID (`urn:uuid:…` or bare), or for any other IRI
/// (Hypothesis's `https://hypothes.is/a/…`, say) the UUID v5 of that IRI, so the same
/// annotation imported again merges into the same one.
fn parse_id(v: &Value, n: usize) -> Result<(String, Option<String>)> {
    let raw_id = field(v, "id").ok_or_else(|| bad(n, "it has no id"))?;
    let trimmed = raw_id.trim();
    if trimmed.is_empty() || trimmed.len() > 2000 || trimmed.chars().any(char::is_control) {
        return Err(bad(n, format!("its id {} is not usable", excerpt(raw_id))));
    }
    let bare = trimmed.strip_prefix("urn:uuid:").unwrap_or(trimmed);
    match uuid::Uuid::try_parse(bare) {
        Ok(id) => Ok((id.hyphenated().to_string(), None)),
        Err(_) => {
            let id = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, trimmed.as_bytes());
            Ok((id.hyphenated().to_string(), Some(bare.to_string())))
        }
    }
}

/// The longest quote an imported annotation may have (a whole long article fits).
pub const EXACT_MAX_CHARS: usize = 100_000;
/// How much of an imported prefix or suffix is kept: the characters nearest the quote. Margin
/// writes 32; a longer context adds nothing to finding the quote and costs time.
pub const CONTEXT_MAX_CHARS: usize = 256;

/// The last `n` characters of `s`.
fn last_chars(s: &str, n: usize) -> String {
    let count = s.chars().count();
    s.chars().skip(count.saturating_sub(n)).collect()
}

/// The target's TextQuoteSelector (required) and TextPositionSelector (optional); other
/// selector types are ignored. A quote over [`EXACT_MAX_CHARS`] is refused; contexts are cut to
/// the [`CONTEXT_MAX_CHARS`] nearest the quote.
fn parse_selectors(target: &Value, n: usize) -> Result<Selectors> {
    let mut quote = None;
    let mut position = None;
    for s in one_or_many(target.get("selector")) {
        match field(s, "type") {
            Some("TextQuoteSelector") => {
                let exact = field(s, "exact").unwrap_or_default();
                if exact.is_empty() {
                    return Err(bad(n, "its TextQuoteSelector has an empty exact"));
                }
                let len = exact.chars().count();
                if len > EXACT_MAX_CHARS {
                    let why = format!(
                        "its quote is {len} characters long; the limit is {EXACT_MAX_CHARS}"
                    );
                    return Err(bad(n, &why));
                }
                quote = Some(TextQuoteSelector {
                    exact: exact.to_string(),
                    prefix: last_chars(field(s, "prefix").unwrap_or_default(), CONTEXT_MAX_CHARS),
                    suffix: field(s, "suffix")
                        .unwrap_or_default()
                        .chars()
                        .take(CONTEXT_MAX_CHARS)
                        .collect(),
                });
            }
            Some("TextPositionSelector") => {
                let start = s.get("start").and_then(Value::as_u64);
                let end = s.get("end").and_then(Value::as_u64);
                match (start, end) {
                    (Some(start), Some(end)) if start < end => {
                        position = Some(TextPositionSelector {
                            start: start as usize,
                            end: end as usize,
                        })
                    }
                    _ => return Err(bad(n, "its TextPositionSelector needs start < end")),
                }
            }
            _ => {}
        }
    }
    let quote = quote.ok_or_else(|| bad(n, "it has no TextQuoteSelector"))?;
    Ok(Selectors { quote, position })
}

/// The note (every non-tagging body, joined by blank lines) and the tags, both checked.
fn parse_bodies(v: &Value, n: usize) -> Result<(String, Vec<String>)> {
    let mut note = String::new();
    let mut tags = Vec::new();
    for b in one_or_many(v.get("body")) {
        let value = field(b, "value").unwrap_or_default();
        match field(b, "purpose") {
            Some("tagging") => tags.push(value.to_string()),
            _ if !value.is_empty() => {
                if !note.is_empty() {
                    note.push_str("\n\n");
                }
                note.push_str(value);
            }
            _ => {}
        }
    }
    crate::store::check_note(&note).map_err(|e| bad(n, e))?;
    let tags = crate::store::clean_tags(&tags).map_err(|e| bad(n, e))?;
    Ok((note, tags))
}

/// Imports W3C Web Annotation JSON into the store: every annotation is checked first (one bad
/// one refuses the whole file, and nothing is written), then anchored in the current text of its
/// article, then added, or merged into the annotation with the same id. Importing the same file
/// twice changes nothing the second time.
pub fn import(store: &mut Store, articles: &[&Article], json: &str) -> Result<ImportReport> {
    prepare(articles, json)?.apply(store)
}

/// An import read and anchored, not yet written: [`prepare`] does the work that takes time
/// without the store, so the app holds the store's lock only for [`Prepared::apply`]'s writes.
pub struct Prepared<'a> {
    known: HashMap<String, &'a Article>,
    incoming: Vec<Incoming>,
    placed: Vec<(Selectors, AnchorStatus)>,
    /// A full export's bookmarks, notes and settings (`margin:data`), checked.
    extras: Option<CheckedExtras>,
}

/// The member of a collection that holds a full export's other data.
pub const EXTRAS_MEMBER: &str = "margin:data";

/// A full export's other data, if the document has it, checked.
fn extras(doc: &Value, articles: &[&Article]) -> Result<Option<CheckedExtras>> {
    let Some(data) = doc.get(EXTRAS_MEMBER) else {
        return Ok(None);
    };
    let extras: Extras = serde_json::from_value(data.clone())
        .map_err(|e| Error::InvalidInput(format!("{EXTRAS_MEMBER}: {e}")))?;
    extras.check(articles).map(Some)
}

/// Reads a W3C file (a UTF-8 byte order mark is allowed) and anchors every annotation in it;
/// refuses the file whole on any error.
pub fn prepare<'a>(articles: &[&'a Article], json: &str) -> Result<Prepared<'a>> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let doc: Value = serde_json::from_str(json)
        .map_err(|e| Error::InvalidInput(format!("the file is not valid JSON: {e}")))?;
    let known: HashMap<String, &Article> =
        articles.iter().map(|a| (a.meta.id.clone(), *a)).collect();
    let clock = rusqlite::Connection::open_in_memory()?;
    let incoming = items(&doc)?
        .into_iter()
        .enumerate()
        .map(|(i, v)| parse_one(v, i + 1, &known, &clock))
        .collect::<Result<Vec<_>>>()?;
    let extras = extras(&doc, articles)?;

    let mut anchorers: HashMap<&str, Anchorer> = HashMap::new();
    let mut placed = Vec::with_capacity(incoming.len());
    for inc in &incoming {
        let article = known[&inc.article_id];
        let anchorer = anchorers
            .entry(article.meta.id.as_str())
            .or_insert_with(|| Anchorer::new(&article.text));
        let found = anchorer.anchor(&inc.selectors);
        // An orphan keeps the file's quote, but not its position: that names no place in this
        // text, and a stored position would list it as placed.
        let selectors = match found.position {
            Some(p) => anchorer.describe(p.start, p.end)?,
            None => Selectors {
                quote: inc.selectors.quote.clone(),
                position: None,
            },
        };
        placed.push((selectors, found.status));
    }
    Ok(Prepared {
        known,
        incoming,
        placed,
        extras,
    })
}

impl Prepared<'_> {
    /// Writes the prepared annotations, merging by id, in one transaction.
    pub fn apply(&self, store: &mut Store) -> Result<ImportReport> {
        let rows: Vec<AnnotationRow<'_>> = self
            .incoming
            .iter()
            .zip(&self.placed)
            .map(|(inc, (selectors, status))| AnnotationRow {
                id: &inc.id,
                legacy_id: inc.legacy_id.as_deref(),
                article: self.known[&inc.article_id],
                selectors,
                status: *status,
                colour: &inc.colour,
                note: &inc.note,
                tags: &inc.tags,
                created: inc.created.as_deref(),
                modified: inc.modified.as_deref(),
            })
            .collect();
        store.import_annotations(&rows, self.extras.as_ref())
    }
}
