//! Anchoring: where an annotation sits in an article's canonical text, and where it sits again
//! after the text is revised. Pure: no I/O, no clock.
//!
//! An annotation remembers its passage two ways, as the W3C Web Annotation model does: a
//! [`TextQuoteSelector`] (the passage and up to [`CONTEXT_LEN`] code points on each side) and a
//! [`TextPositionSelector`] (code-point offsets into [`Article::text`](crate::content::Article)).
//! [`describe`] builds both for a range; [`Anchorer::anchor`] finds the passage again, most
//! precise first, as Hypothesis does (`src/annotator/anchoring`):
//!
//! 1. [`AnchorStatus::Exact`]: the position still holds the quote. When the stored prefix and
//!    suffix are still around it too (an unchanged text), that is the answer, at the cost of a few
//!    string comparisons.
//! 2. [`AnchorStatus::Moved`]: the quote occurs verbatim elsewhere. With several occurrences the
//!    one whose context matches best wins, then the one nearest the old position. Context comes
//!    before nearness because a phrase such as "the 38th Parallel" recurs, and an inserted
//!    paragraph moves an annotation farther than the gap between two occurrences.
//! 3. [`AnchorStatus::Fuzzy`]: an approximate match. Myers' bit-parallel algorithm (`myers.rs`;
//!    quotes of any length) finds every place where the quote matches with at most
//!    `max(1, len / 4)` errors (code points inserted, deleted or substituted), so a placed quote
//!    is at least three quarters the same. It looks near the old position first, and in the
//!    whole text only for a quote of 32 code points or more with nothing found near.
//! 4. [`AnchorStatus::Trimmed`]: the quote lost up to a quarter of itself at one end, with that
//!    side's context (a neighbouring sentence deleted or moved); the part that survives,
//!    verbatim beside its intact context and found nowhere else, is what it covers now.
//! 5. [`AnchorStatus::Orphan`]: nowhere. Orphans are shown to the user, never dropped.
//!
//! Every candidate must be backed by the text beside it (`search.rs`): one that contradicts
//! the stored context on both sides is turned down unless the quote is long and occurs once,
//! and a quote under 32 code points needs most of its context on one side and no other place
//! nearly as good. A single word whose sentence was deleted is an orphan, not a highlight on
//! another copy of the word.
//!
//! Every candidate place gets the score Hypothesis gives (`match-quote.js`), from 0 to 1:
//!
//! `score = (50 quote + 20 prefix + 20 suffix + 2 position) / 92`
//!
//! where `quote = 1 - errors / len`; `prefix` and `suffix` are the same similarity between the
//! stored context and the text beside the candidate (best alignment starting at the candidate's
//! edge); an empty stored context scores 1 at that edge of the text and 0.5 elsewhere (no
//! evidence either way); and `position = 1 - |start - old start| / text length` (1 without a
//! position). Hypothesis lets the first kind of match that exists win; here a verbatim match
//! (steps 1-2) wins outright only when its context backs it (intact, or a score of at least
//! 0.9), or when it is long and occurs once. Otherwise the
//! approximate candidates compete with it on score, and win only by scoring strictly higher:
//! when a typo is fixed in "Panmunjom" while a caption keeps the old spelling verbatim, the
//! corrected word between the highlight's own neighbours is the better place. An approximate
//! match must also score at least [`MIN_FUZZY_SCORE`]. Ties go to the length nearest the
//! quote's, then to the place nearest the old position.
//!
//! Why these numbers: the budget of a quarter of the quote covers typo fixes and light
//! rewording but not a sentence rewritten beyond recognition, where attaching the user's note to
//! some other passage would be worse than showing it as an orphan. The threshold (0.75) rejects
//! what a short quote matches by chance (unrelated context still aligns about a third, so a
//! 5-letter quote one error away in foreign surroundings scores about 0.6) and, as a whole
//! quote, a passage split by an inserted paragraph (a fifth of the quote lost and one side's
//! context gone: about 0.73; step 4 then places the part that survives), while a typo fixed in
//! a quote whose context is intact scores above 0.94, and a quote a quarter reworded with its
//! context intact about 0.87.
//!
//! [`Anchorer`] holds the text's code points once, so anchoring many annotations against the
//! same text costs no re-decoding; the free functions are conveniences over it.

mod myers;
mod search;

use std::fmt;

use memchr::memmem;
use serde::{Deserialize, Serialize};

use crate::{Error, Result};
use myers::{Pattern, Sym};
use search::Search;

/// Code points of context kept on each side of a quote.
pub const CONTEXT_LEN: usize = 32;

/// The lowest score (0 to 1) at which an approximate match is accepted.
pub const MIN_FUZZY_SCORE: f64 = 0.75;

const QUOTE_WEIGHT: f64 = 50.0;
const PREFIX_WEIGHT: f64 = 20.0;
const SUFFIX_WEIGHT: f64 = 20.0;
const POSITION_WEIGHT: f64 = 2.0;
const TOTAL_WEIGHT: f64 = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/// Similarity given to an empty stored context away from the text's edge: no evidence.
const NO_CONTEXT: f64 = 0.5;

/// At most this many approximate matches are scored, best first, so a pathological quote (one
/// code point long in a long text) costs bounded time.
const MAX_CANDIDATES: usize = 1000;

/// Errors an approximate match of a quote `len` code points long may have.
fn error_budget(len: usize) -> usize {
    (len / 4).max(1)
}

/// The passage itself and its context (W3C `TextQuoteSelector`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextQuoteSelector {
    /// The passage, exactly.
    pub exact: String,
    /// Up to [`CONTEXT_LEN`] code points just before it (fewer at the start of the text).
    #[serde(default)]
    pub prefix: String,
    /// Up to [`CONTEXT_LEN`] code points just after it (fewer at the end of the text).
    #[serde(default)]
    pub suffix: String,
}

/// Where the passage was (W3C `TextPositionSelector`): code points, `end` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextPositionSelector {
    /// Offset of the passage's first code point.
    pub start: usize,
    /// Offset just past its last code point.
    pub end: usize,
}

/// What an annotation stores to find its passage again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selectors {
    /// The quote and its context: what anchoring trusts.
    pub quote: TextQuoteSelector,
    /// Where it was; absent for imported annotations that carry only a quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<TextPositionSelector>,
}

/// How an annotation was placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnchorStatus {
    /// Its position still holds its quote.
    Exact,
    /// Its quote was found verbatim at another position (or it had no position).
    Moved,
    /// An approximate match of its quote was found.
    Fuzzy,
    /// Up to a quarter of its quote is gone from one end, with that side's context; the rest
    /// was found verbatim beside its intact context and is what it covers now.
    Trimmed,
    /// It was not found; it keeps its selectors and is shown apart from the text.
    Orphan,
}

/// The outcome of anchoring one annotation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Anchored {
    /// How it was placed.
    pub status: AnchorStatus,
    /// Where it is now; `None` exactly when it is an orphan.
    pub position: Option<TextPositionSelector>,
    /// Confidence from 0 to 1, the place's score (see the module docs): 1 for a passage still
    /// at its position with its context intact; for an orphan, the best score a rejected
    /// candidate reached (0 if none).
    pub score: f64,
}

impl Anchored {
    fn placed(status: AnchorStatus, start: usize, end: usize, score: f64) -> Self {
        Anchored {
            status,
            position: Some(TextPositionSelector { start, end }),
            score,
        }
    }

    fn orphan(score: f64) -> Self {
        Anchored {
            status: AnchorStatus::Orphan,
            position: None,
            score,
        }
    }

    /// The code points `(start, end)` it covers now, if placed.
    pub fn range(&self) -> Option<(usize, usize)> {
        self.position.map(|p| (p.start, p.end))
    }
}

/// How many annotations were placed each way: what a re-anchoring pass tells the user.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Still at their position.
    pub exact: usize,
    /// Found verbatim elsewhere.
    pub moved: usize,
    /// Found approximately.
    pub fuzzy: usize,
    /// Placed on the part of the quote that survives.
    #[serde(default)]
    pub trimmed: usize,
    /// Not found.
    pub orphan: usize,
}

impl Report {
    /// Counts the outcomes.
    pub fn of<'a>(results: impl IntoIterator<Item = &'a Anchored>) -> Self {
        let mut report = Report::default();
        for r in results {
            report.add(r.status);
        }
        report
    }

    /// Counts one more outcome.
    pub fn add(&mut self, status: AnchorStatus) {
        match status {
            AnchorStatus::Exact => self.exact += 1,
            AnchorStatus::Moved => self.moved += 1,
            AnchorStatus::Fuzzy => self.fuzzy += 1,
            AnchorStatus::Trimmed => self.trimmed += 1,
            AnchorStatus::Orphan => self.orphan += 1,
        }
    }

    /// All outcomes counted.
    pub fn total(&self) -> usize {
        self.exact + self.moved + self.fuzzy + self.trimmed + self.orphan
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "exact {}, moved {}, fuzzy {}, trimmed {}, orphan {}",
            self.exact, self.moved, self.fuzzy, self.trimmed, self.orphan
        )
    }
}

/// A text prepared for anchoring: its code points decoded once.
#[derive(Debug, Clone)]
pub struct Anchorer {
    text: String,
    /// Byte offset of every code point, then the text's byte length: code point `i` is
    /// `text[bytes[i]..bytes[i + 1]]`.
    bytes: Vec<usize>,
    /// Every code point as its index in `alphabet`.
    syms: Vec<Sym>,
    /// The distinct code points of the text, sorted.
    alphabet: Vec<char>,
    /// The symbol of each ASCII code point (`alphabet.len()` for one the text lacks).
    ascii: [Sym; 128],
}

impl Anchorer {
    /// Prepares `text` (an article's canonical text).
    pub fn new(text: &str) -> Self {
        let bytes = byte_offsets(text);
        // Most code points of most texts are ASCII: a table says which occur, and maps them,
        // without sorting the whole text (this is a measurable part of re-anchoring).
        let mut ascii = [false; 128];
        let mut others: Vec<char> = Vec::new();
        for c in text.chars() {
            match ascii.get_mut(c as usize) {
                Some(seen) => *seen = true,
                None => others.push(c),
            }
        }
        others.sort_unstable();
        others.dedup();
        let alphabet: Vec<char> = (0..128u8)
            .filter(|&b| ascii[b as usize])
            .map(char::from)
            .chain(others)
            .collect();
        // ASCII code points the text lacks map past the alphabet, like any other it lacks.
        let mut ascii = [alphabet.len() as Sym; 128];
        for (i, &c) in alphabet
            .iter()
            .enumerate()
            .take_while(|(_, c)| c.is_ascii())
        {
            ascii[c as usize] = i as Sym;
        }
        let mut prepared = Anchorer {
            text: text.to_string(),
            bytes,
            syms: Vec::new(),
            alphabet,
            ascii,
        };
        prepared.syms = prepared.symbols(text);
        prepared
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in code points.
    pub fn len(&self) -> usize {
        self.syms.len()
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.syms.is_empty()
    }

    /// The code points `start..end`, if that range is inside the text.
    pub fn slice(&self, start: usize, end: usize) -> Option<&str> {
        (start <= end && end <= self.len()).then(|| &self.text[self.bytes[start]..self.bytes[end]])
    }

    /// Selectors for the code points `start..end`; see [`describe`].
    pub fn describe(&self, start: usize, end: usize) -> Result<Selectors> {
        describe_in(&self.text, &self.bytes, start, end)
    }

    /// Finds the passage `selectors` describe; see the module docs for the order and scores.
    pub fn anchor(&self, selectors: &Selectors) -> Anchored {
        let quote = &selectors.quote;
        if quote.exact.is_empty() {
            return Anchored::orphan(0.0);
        }
        let held = selectors
            .position
            .filter(|p| self.slice(p.start, p.end) == Some(quote.exact.as_str()));
        // The common case, an unchanged text, costs a few comparisons of strings.
        if let Some(p) = held {
            if self.context_intact(p.start, p.end, quote) {
                return Anchored::placed(AnchorStatus::Exact, p.start, p.end, 1.0);
            }
        }
        let scorer = Scorer::new(self, selectors);
        let mut search = Search::new(self, &scorer, &quote.exact);
        search.verbatim(held.map(|p| p.start));
        search.fuzzy();
        search.finish()
    }

    /// Anchors every annotation; the results are in the same order.
    pub fn anchor_all(&self, selectors: &[Selectors]) -> Vec<Anchored> {
        selectors.iter().map(|s| self.anchor(s)).collect()
    }

    /// A string as symbols of this text's alphabet (code points it lacks match nothing).
    fn symbols(&self, s: &str) -> Vec<Sym> {
        s.chars()
            .map(|c| match self.ascii.get(c as usize) {
                Some(&sym) => sym,
                None => self
                    .alphabet
                    .binary_search(&c)
                    .unwrap_or(self.alphabet.len()) as Sym,
            })
            .collect()
    }

    /// The code point starting at byte `b` (a char boundary).
    fn char_at_byte(&self, b: usize) -> usize {
        self.bytes.binary_search(&b).unwrap_or_else(|i| i)
    }

    /// Whether the text around `start..end` is still the stored prefix and suffix.
    fn context_intact(&self, start: usize, end: usize, quote: &TextQuoteSelector) -> bool {
        let before = quote.prefix.chars().count();
        let after = quote.suffix.chars().count();
        start >= before
            && self.slice(start - before, start) == Some(quote.prefix.as_str())
            && self.slice(end, end + after) == Some(quote.suffix.as_str())
    }

    /// Where `needle` occurs verbatim with its first code point in `lo..hi`: the code point
    /// of each start, overlapping ones too ("aa" twice in "aaa").
    fn occurrences(&self, needle: &memmem::Finder, lo: usize, hi: usize) -> Vec<usize> {
        let bytes = self.text.as_bytes();
        let hi = hi.min(self.len());
        let mut starts = Vec::new();
        let mut from = self.bytes[lo.min(hi)];
        let stop = self.bytes[hi];
        // An occurrence starting before `stop` ends before this.
        let limit = (stop + needle.needle().len()).min(bytes.len());
        while let Some(i) = needle.find(&bytes[from..limit.max(from)]) {
            if from + i >= stop {
                break;
            }
            let start = self.char_at_byte(from + i);
            starts.push(start);
            from = self.bytes[start + 1];
        }
        starts
    }

    /// `start..end` without the white space at either end (never empty: a quote's surviving
    /// part holds more than white space).
    fn trim_space(&self, mut start: usize, mut end: usize) -> (usize, usize) {
        let space = |i: usize| self.slice(i, i + 1).is_some_and(|c| c.trim().is_empty());
        while end > start + 1 && space(end - 1) {
            end -= 1;
        }
        while end > start + 1 && space(start) {
            start += 1;
        }
        (start, end)
    }

    /// How many code points from `start` on are the same as the start of `quote`.
    fn common_prefix(&self, start: usize, quote: &[char]) -> usize {
        let after = &self.text[self.bytes[start]..];
        after
            .chars()
            .zip(quote)
            .take_while(|(a, b)| a == *b)
            .count()
    }

    /// How many code points before `end` are the same as the end of `quote`.
    fn common_suffix(&self, end: usize, quote: &[char]) -> usize {
        let before = &self.text[..self.bytes[end]];
        before
            .chars()
            .rev()
            .zip(quote.iter().rev())
            .take_while(|(a, b)| a == *b)
            .count()
    }
}

/// Scores candidate places for one annotation against one text.
struct Scorer<'a> {
    text: &'a Anchorer,
    /// The stored quote and context.
    quote: &'a TextQuoteSelector,
    /// The stored prefix, reversed, to align backwards from a candidate's start.
    prefix: Option<Pattern>,
    /// The stored suffix, to align forwards from a candidate's end.
    suffix: Option<Pattern>,
    /// The old start, if the annotation had a position.
    hint: Option<usize>,
}

impl<'a> Scorer<'a> {
    fn new(text: &'a Anchorer, selectors: &'a Selectors) -> Self {
        let alphabet = text.alphabet.len();
        let prepare = |syms: Vec<Sym>| (!syms.is_empty()).then(|| Pattern::new(&syms, alphabet));
        let mut prefix = text.symbols(&selectors.quote.prefix);
        prefix.reverse();
        Scorer {
            text,
            quote: &selectors.quote,
            prefix: prepare(prefix),
            suffix: prepare(text.symbols(&selectors.quote.suffix)),
            hint: selectors.position.map(|p| p.start),
        }
    }

    /// How much the text before `start` and after `end` keeps of the stored prefix and suffix.
    fn context(&self, start: usize, end: usize) -> (f64, f64) {
        let syms = &self.text.syms;
        let prefix = match &self.prefix {
            None if start == 0 => 1.0,
            None => NO_CONTEXT,
            Some(p) => context_similarity(p, syms[..start].iter().rev().copied()),
        };
        let suffix = match &self.suffix {
            None if end == syms.len() => 1.0,
            None => NO_CONTEXT,
            Some(p) => context_similarity(p, syms[end..].iter().copied()),
        };
        (prefix, suffix)
    }

    /// The score from its parts, the position term computed from `start`.
    fn combine(&self, quote_similarity: f64, prefix: f64, suffix: f64, start: usize) -> f64 {
        let position = match self.hint {
            None => 1.0,
            // A hint beyond the text (a hostile import, a text much shortened) is as far as
            // can be, not worse: the score stays within 0..1 (found by fuzzing).
            Some(_) => {
                let len = self.text.syms.len().max(1) as f64;
                (1.0 - self.distance(start) as f64 / len).max(0.0)
            }
        };
        combine(quote_similarity, prefix, suffix, position)
    }

    /// How far `start` is from the old start (0 without one).
    fn distance(&self, start: usize) -> usize {
        self.hint.map_or(0, |h| h.abs_diff(start))
    }
}

/// How much of a stored context the text beside a candidate keeps: 1 - edits / context length,
/// for the best alignment starting at the candidate's edge (`text` runs away from it).
fn context_similarity(context: &Pattern, text: impl Iterator<Item = Sym>) -> f64 {
    // A longer stretch than twice the context cannot align better than none at all.
    let (_, errors) = myers::best_prefix(context, text, 2 * context.len());
    1.0 - errors as f64 / context.len() as f64
}

fn combine(quote: f64, prefix: f64, suffix: f64, position: f64) -> f64 {
    (QUOTE_WEIGHT * quote
        + PREFIX_WEIGHT * prefix
        + SUFFIX_WEIGHT * suffix
        + POSITION_WEIGHT * position)
        / TOTAL_WEIGHT
}

fn byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect()
}

fn describe_in(text: &str, bytes: &[usize], start: usize, end: usize) -> Result<Selectors> {
    let len = bytes.len() - 1;
    if start > end {
        return Err(Error::InvalidInput(format!(
            "the selection starts at {start}, after its end at {end}"
        )));
    }
    if start == end {
        return Err(Error::InvalidInput(format!(
            "the selection is empty (it starts and ends at {start})"
        )));
    }
    if end > len {
        return Err(Error::InvalidInput(format!(
            "the selection ends at {end}, beyond the text's {len} code points"
        )));
    }
    let slice = |a: usize, b: usize| text[bytes[a]..bytes[b]].to_string();
    Ok(Selectors {
        quote: TextQuoteSelector {
            exact: slice(start, end),
            prefix: slice(start.saturating_sub(CONTEXT_LEN), start),
            suffix: slice(end, (end + CONTEXT_LEN).min(len)),
        },
        position: Some(TextPositionSelector { start, end }),
    })
}

/// Selectors for the code points `start..end` (end exclusive) of `text`: the quote with up to
/// [`CONTEXT_LEN`] code points of context each side, and the position. Fails with
/// [`Error::InvalidInput`] when the range is reversed, empty or runs past the text.
pub fn describe(text: &str, start: usize, end: usize) -> Result<Selectors> {
    describe_in(text, &byte_offsets(text), start, end)
}

/// Finds the passage `selectors` describe in `text`. To anchor many annotations against one
/// text, build an [`Anchorer`] once instead.
pub fn anchor(text: &str, selectors: &Selectors) -> Anchored {
    Anchorer::new(text).anchor(selectors)
}

/// Re-anchors every annotation against `text` (typically a revised article); the results are
/// in the same order. Count them with [`Report::of`].
pub fn reanchor_all(text: &str, selectors: &[Selectors]) -> Vec<Anchored> {
    Anchorer::new(text).anchor_all(selectors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn levenshtein(a: &str, b: &str) -> usize {
        let (a, b) = (chars(a), chars(b));
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut next = vec![i + 1; b.len() + 1];
            for j in 1..=b.len() {
                next[j] = (row[j - 1] + usize::from(*ca != b[j - 1]))
                    .min(row[j] + 1)
                    .min(next[j - 1] + 1);
            }
            row = next;
        }
        row[b.len()]
    }

    const TEXT: &str =
        "🗣 Bài viết đăng bởi Lê Tuấn\n\nThe Korean War erupted on June 25, 1950, when \
        around 75,000 troops crossed the 38th Parallel. This invasion marked the first military \
        action of the Cold War.\n\nBy July 1950, U.S. forces had entered the conflict. After \
        phases of fighting along the 38th Parallel, the war reached a stalemate.";

    fn at(text: &str, needle: &str) -> (usize, usize) {
        let b = text.find(needle).expect("needle in text");
        let start = text[..b].chars().count();
        (start, start + needle.chars().count())
    }

    fn describe_str(text: &str, needle: &str) -> Selectors {
        let (s, e) = at(text, needle);
        describe(text, s, e).unwrap()
    }

    #[test]
    fn describe_rejects_reversed_empty_and_overlong_ranges() {
        let len = TEXT.chars().count();
        for (start, end, says) in [
            (5, 4, "after its end"),
            (7, 7, "empty"),
            (0, len + 1, "beyond the text"),
            (len + 3, len + 5, "beyond the text"),
        ] {
            let err = describe(TEXT, start, end).unwrap_err();
            assert_eq!(err.kind(), "invalid_input", "{start}..{end}");
            assert!(err.to_string().contains(says), "{start}..{end}: {err}");
        }
        assert!(describe(TEXT, 0, len).is_ok());
        assert!(describe("", 0, 0).is_err());
    }

    #[test]
    fn describe_counts_code_points_and_never_splits_one() {
        // The emoji is one code point (two UTF-16 units, four UTF-8 bytes).
        let s = describe(TEXT, 0, 1).unwrap();
        assert_eq!(s.quote.exact, "🗣");
        assert_eq!(s.quote.prefix, "");
        assert_eq!(chars(&s.quote.suffix).len(), CONTEXT_LEN);
        assert!(s.quote.suffix.starts_with(" Bài viết"));
        let s = describe(TEXT, 2, 5).unwrap();
        assert_eq!(s.quote.exact, "Bài");
        assert_eq!(s.quote.prefix, "🗣 ");
        assert_eq!(s.position, Some(TextPositionSelector { start: 2, end: 5 }));
    }

    #[test]
    fn context_is_shorter_at_the_edges_of_the_text() {
        let len = TEXT.chars().count();
        let s = describe(TEXT, len - 10, len).unwrap();
        assert_eq!(s.quote.exact, "stalemate.");
        assert_eq!(s.quote.suffix, "");
        assert_eq!(chars(&s.quote.prefix).len(), CONTEXT_LEN);
        let s = describe(TEXT, len - 10, len - 1).unwrap();
        assert_eq!(s.quote.suffix, ".");
        let s = describe("short text", 6, 10).unwrap();
        assert_eq!(
            (
                s.quote.prefix.as_str(),
                s.quote.exact.as_str(),
                s.quote.suffix.as_str()
            ),
            ("short ", "text", "")
        );
    }

    #[test]
    fn every_described_range_anchors_exactly_on_the_same_text() {
        let text = Anchorer::new(TEXT);
        let mut rng = myers::tests::Rng::new(1);
        for _ in 0..500 {
            let start = rng.below(text.len());
            let end = start + 1 + rng.below(text.len() - start);
            let s = text.describe(start, end).unwrap();
            let a = text.anchor(&s);
            assert_eq!(a.status, AnchorStatus::Exact);
            assert_eq!(a.range(), Some((start, end)));
        }
    }

    #[test]
    fn a_quote_pushed_along_by_an_insertion_moves() {
        let s = describe_str(TEXT, "This invasion marked the first military action");
        let revised = TEXT.replace(
            "\n\nThe Korean War",
            "\n\nA new paragraph.\n\nThe Korean War",
        );
        let a = anchor(&revised, &s);
        assert_eq!(a.status, AnchorStatus::Moved);
        let (start, end) = at(&revised, "This invasion marked the first military action");
        assert_eq!(a.range(), Some((start, end)));
        // Its context is intact; only the position term is short of 1.
        assert!(a.score > 0.99 && a.score < 1.0, "{}", a.score);
    }

    #[test]
    fn a_repeated_quote_follows_its_context_before_nearness() {
        // The second "the 38th Parallel" was highlighted; then a paragraph went in between the
        // two, so the old position is now nearer the first occurrence than the second.
        let b = TEXT.rfind("the 38th Parallel").unwrap();
        let start = TEXT[..b].chars().count();
        let s = describe(TEXT, start, start + 17).unwrap();
        let filler = "Filler text. ".repeat(20);
        let revised = TEXT.replace("By July 1950", &format!("{filler}\n\nBy July 1950"));
        let a = anchor(&revised, &s);
        assert_eq!(a.status, AnchorStatus::Moved);
        let b = revised.rfind("the 38th Parallel").unwrap();
        let want = revised[..b].chars().count();
        assert_eq!(a.range(), Some((want, want + 17)));
        let first = revised.find("the 38th Parallel").unwrap();
        assert!(start.abs_diff(revised[..first].chars().count()) < start.abs_diff(want));
    }

    #[test]
    fn identical_occurrences_go_to_the_one_nearest_the_old_position() {
        let text = "x abc x abc x abc x";
        let s = Selectors {
            quote: TextQuoteSelector {
                exact: "abc".into(),
                prefix: "x ".into(),
                suffix: " x".into(),
            },
            position: Some(TextPositionSelector { start: 9, end: 12 }),
        };
        assert_eq!(anchor(text, &s).range(), Some((8, 11)));
        assert_eq!(anchor(text, &s).status, AnchorStatus::Moved);
    }

    #[test]
    fn a_quote_without_position_is_placed_by_its_context() {
        let text = "one cat here. two cat there. three cat everywhere.";
        let s = Selectors {
            quote: TextQuoteSelector {
                exact: "cat".into(),
                prefix: "two ".into(),
                suffix: " there".into(),
            },
            position: None,
        };
        let a = anchor(text, &s);
        assert_eq!(a.status, AnchorStatus::Moved);
        assert_eq!(a.range(), Some((18, 21)));
    }

    #[test]
    fn a_typo_fixed_inside_the_quote_anchors_fuzzily_on_the_fixed_text() {
        let original = TEXT.replace("military", "militray");
        let s = describe_str(&original, "the first militray action of the Cold War");
        let a = anchor(TEXT, &s);
        assert_eq!(a.status, AnchorStatus::Fuzzy);
        let (start, end) = at(TEXT, "the first military action of the Cold War");
        assert_eq!(a.range(), Some((start, end)));
        assert!(a.score > 0.95, "{}", a.score);
    }

    #[test]
    fn a_long_quote_with_several_edits_anchors_fuzzily() {
        // Longer than one 64-bit block, edited in three places.
        let quote = "The Korean War erupted on June 25, 1950, when around 75,000 troops crossed \
            the 38th Parallel. This invasion marked the first military action";
        let s = describe_str(TEXT, quote);
        let revised = TEXT
            .replace("erupted", "broke out")
            .replace("75,000", "seventy-five thousand")
            .replace("This invasion", "The invasion");
        let a = anchor(&revised, &s);
        assert_eq!(a.status, AnchorStatus::Fuzzy);
        let placed = Anchorer::new(&revised)
            .slice(a.range().unwrap().0, a.range().unwrap().1)
            .unwrap()
            .to_string();
        assert!(placed.starts_with("The Korean War broke out"), "{placed}");
        assert!(placed.ends_with("first military action"), "{placed}");
    }

    #[test]
    fn a_rewritten_passage_is_an_orphan() {
        let s = describe_str(
            TEXT,
            "This invasion marked the first military action of the Cold War.",
        );
        let revised = TEXT.replace(
            "This invasion marked the first military action of the Cold War.",
            "Nobody in Washington had expected an attack that summer.",
        );
        let a = anchor(&revised, &s);
        assert_eq!(a.status, AnchorStatus::Orphan);
        assert_eq!(a.range(), None);
        assert!(a.score < MIN_FUZZY_SCORE);
    }

    #[test]
    fn a_short_quote_is_not_placed_on_a_chance_look_alike() {
        // "Seoul" is gone; "Soul" elsewhere is one error away but in foreign surroundings.
        let original = "The army took Seoul in June. Meanwhile the band played on.";
        let s = describe_str(original, "Seoul");
        let revised = "The army advanced in June. Meanwhile the Soul band played on.";
        assert_eq!(anchor(revised, &s).status, AnchorStatus::Orphan);
    }

    #[test]
    fn a_quote_that_lost_its_end_keeps_the_part_still_there() {
        // The highlight ran on into a sentence that was deleted; the next paragraph starts
        // where it was. The rest must not be stretched over that paragraph's first words.
        let original = TEXT.replace(
            "Cold War.\n\nBy July",
            "Cold War. A new war began.\n\nBy July",
        );
        let s = describe_str(
            &original,
            "This invasion marked the first military action of the Cold War. A new war",
        );
        let a = anchor(TEXT, &s);
        assert_eq!(a.status, AnchorStatus::Trimmed);
        let (start, end) = at(
            TEXT,
            "This invasion marked the first military action of the Cold War.",
        );
        assert_eq!(a.range(), Some((start, end)));
        // Losing more than a quarter is an orphan.
        let s = describe_str(
            &original,
            "the first military action of the Cold War. A new war began.",
        );
        assert_eq!(anchor(TEXT, &s).status, AnchorStatus::Orphan);
    }

    #[test]
    fn a_typo_fixed_in_the_last_word_is_not_trimmed_off() {
        let original = TEXT.replace("stalemate.", "stalmate.");
        let s = describe_str(
            &original,
            "along the 38th Parallel, the war reached a stalmate.",
        );
        let a = anchor(TEXT, &s);
        assert_eq!(a.status, AnchorStatus::Fuzzy);
        assert_eq!(
            a.range(),
            Some(at(
                TEXT,
                "along the 38th Parallel, the war reached a stalemate."
            ))
        );
    }

    #[test]
    fn empty_quotes_and_positions_past_the_end_do_not_panic() {
        let empty = Selectors {
            quote: TextQuoteSelector {
                exact: String::new(),
                prefix: String::new(),
                suffix: String::new(),
            },
            position: Some(TextPositionSelector { start: 0, end: 0 }),
        };
        assert_eq!(anchor(TEXT, &empty).status, AnchorStatus::Orphan);
        let mut s = describe_str(TEXT, "stalemate");
        s.position = Some(TextPositionSelector {
            start: 10_000,
            end: 9_000,
        });
        assert_eq!(anchor(TEXT, &s).status, AnchorStatus::Moved);
        assert_eq!(anchor("", &s).status, AnchorStatus::Orphan);
        assert_eq!(anchor("🗣", &s).status, AnchorStatus::Orphan);
    }

    #[test]
    fn fuzzy_placements_stay_within_the_error_budget_on_random_edits() {
        let mut rng = myers::tests::Rng::new(99);
        let words = [
            "war", "Korea", "the", "38th", "Parallel", "🗣", "Lê", "peace", "—", "\n\n",
        ];
        for round in 0..200 {
            let original: String = (0..80)
                .map(|_| words[rng.below(words.len())])
                .collect::<Vec<_>>()
                .join(" ");
            let text = Anchorer::new(&original);
            let start = rng.below(text.len() - 20);
            let end = start + 5 + rng.below(60.min(text.len() - start - 5));
            let s = text.describe(start, end).unwrap();
            // A few random code-point edits anywhere in the text.
            let mut revised = chars(&original);
            for _ in 0..1 + rng.below(6) {
                let i = rng.below(revised.len());
                match rng.below(3) {
                    0 => revised[i] = 'x',
                    1 => {
                        revised.remove(i);
                    }
                    _ => revised.insert(i, 'y'),
                }
            }
            let revised: String = revised.into_iter().collect();
            let a = anchor(&revised, &s);
            let placed = a.range().map(|(start, end)| {
                Anchorer::new(&revised)
                    .slice(start, end)
                    .unwrap()
                    .to_string()
            });
            match a.status {
                AnchorStatus::Exact | AnchorStatus::Moved => {
                    assert_eq!(
                        placed.as_deref(),
                        Some(s.quote.exact.as_str()),
                        "round {round}"
                    )
                }
                AnchorStatus::Fuzzy => {
                    let placed = placed.unwrap();
                    let d = levenshtein(&placed, &s.quote.exact);
                    assert!(
                        d >= 1 && d <= error_budget(chars(&s.quote.exact).len()),
                        "round {round}"
                    );
                    assert!(a.score >= MIN_FUZZY_SCORE);
                }
                AnchorStatus::Trimmed => {
                    // Verbatim from one end of the quote, three quarters of it or more
                    // before the white space at the cut is dropped.
                    let placed = placed.unwrap();
                    let quote = s.quote.exact.trim();
                    assert!(
                        quote.starts_with(&placed) || quote.ends_with(&placed),
                        "round {round}"
                    );
                    let whole = chars(&s.quote.exact).len();
                    let space = s.quote.exact.chars().filter(|c| c.is_whitespace()).count();
                    assert!(
                        4 * (chars(&placed).len() + space) >= 3 * whole,
                        "round {round}"
                    );
                }
                AnchorStatus::Orphan => assert!(placed.is_none()),
            }
        }
    }

    #[test]
    fn selectors_and_outcomes_serialise_in_the_w3c_shape() {
        let s = describe(TEXT, 2, 5).unwrap();
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "quote": {"exact": "Bài", "prefix": "🗣 ", "suffix": " viết đăng bởi Lê Tuấn\n\nThe Kore"},
                "position": {"start": 2, "end": 5}
            })
        );
        // An imported annotation may carry only a quote.
        let imported: Selectors = serde_json::from_str(r#"{"quote": {"exact": "Bài"}}"#).unwrap();
        assert_eq!(imported.position, None);
        assert_eq!(anchor(TEXT, &imported).status, AnchorStatus::Moved);
        let orphan = serde_json::to_value(Anchored::orphan(0.0)).unwrap();
        assert_eq!(orphan["status"], "orphan");
        assert_eq!(orphan["position"], serde_json::Value::Null);
    }

    #[test]
    fn the_report_counts_each_status() {
        let results = [
            Anchored::placed(AnchorStatus::Exact, 0, 1, 1.0),
            Anchored::placed(AnchorStatus::Exact, 1, 2, 1.0),
            Anchored::placed(AnchorStatus::Moved, 3, 4, 1.0),
            Anchored::placed(AnchorStatus::Fuzzy, 3, 4, 0.8),
            Anchored::placed(AnchorStatus::Trimmed, 5, 9, 0.7),
            Anchored::orphan(0.1),
        ];
        let r = Report::of(&results);
        assert_eq!(
            r,
            Report {
                exact: 2,
                moved: 1,
                fuzzy: 1,
                trimmed: 1,
                orphan: 1
            }
        );
        assert_eq!(r.total(), 6);
        assert_eq!(
            r.to_string(),
            "exact 2, moved 1, fuzzy 1, trimmed 1, orphan 1"
        );
    }
}
