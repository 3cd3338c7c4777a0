//! One annotation's search for its place, step by step (see the module docs of `anchor`): the
//! verbatim occurrences, then approximate matches near the old position, then (for a long quote
//! with nothing found yet) in the whole text, then the part of a trimmed quote that survives.
//! Each step runs only when the ones before it left the answer open.

use std::collections::{HashMap, HashSet};

use memchr::memmem;

use super::myers::{self, Pattern, Sym};
use super::{
    combine, error_budget, AnchorStatus, Anchored, Anchorer, Scorer, MAX_CANDIDATES,
    MIN_FUZZY_SCORE,
};

/// A verbatim match scoring this much (its context mostly intact) is taken without looking for
/// approximate ones.
const TRUSTED_SCORE: f64 = 0.9;

/// A context less similar than this to the stored one says the text beside a candidate is other
/// text: unrelated English aligns with a 32-code-point context at 0.3 to 0.45. (An empty stored
/// context scores exactly 0.5, `NO_CONTEXT`: no evidence either way, so not a contradiction.)
const CONTRADICTED: f64 = 0.5;

/// A quote this long (code points, about six words) that occurs once is its own evidence: a
/// moved sentence keeps none of its context but is still itself.
const LONG_QUOTE: usize = 32;

/// A quote shorter than [`LONG_QUOTE`] placed verbatim keeps at least this much of its stored
/// context on one side: a name or a short phrase recurs, and only its surroundings say which
/// occurrence is the one highlighted.
const SHORT_QUOTE_SIDE: f64 = 0.9;

/// A short quote's place must score this much more than any other place it could be.
const AMBIGUOUS: f64 = 0.05;

/// How far (code points) from the old position the first, local searches reach beyond the
/// quote's own length.
const LOCAL_REACH: usize = 256;

/// A quote shorter than this is never trimmed: what survives of it is too little to identify.
const TRIM_MIN_LEN: usize = 24;

/// An approximate match is trimmed to the surviving part only when what stands where the lost
/// part was differs from it by at least this many code points: fewer is a typo fix.
const LOST_MIN: usize = 4;

/// The side of a trimmed quote that survives keeps its stored context at least this much.
const INTACT: f64 = 0.9;

/// A place an annotation could go.
#[derive(Clone, Copy)]
pub(super) struct Candidate {
    pub(super) status: AnchorStatus,
    pub(super) score: f64,
    /// How much of the stored prefix and suffix the text beside it keeps.
    pub(super) prefix: f64,
    pub(super) suffix: f64,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// The state of one annotation's search.
pub(super) struct Search<'a> {
    text: &'a Anchorer,
    scorer: &'a Scorer<'a>,
    exact: &'a str,
    /// The quote's length in code points.
    len: usize,
    /// The best candidate so far.
    best: Option<Candidate>,
    /// Whether `best` is good enough that no later step can improve on it.
    settled: bool,
    /// The best score a candidate that was turned down reached.
    rejected: f64,
}

impl<'a> Search<'a> {
    pub(super) fn new(text: &'a Anchorer, scorer: &'a Scorer<'a>, exact: &'a str) -> Self {
        Search {
            text,
            scorer,
            exact,
            len: exact.chars().count(),
            best: None,
            settled: false,
            rejected: 0.0,
        }
    }

    /// Steps 1 and 2: the verbatim occurrences of the quote. `held` is the old start when the
    /// quote is still there. An occurrence whose stored context is still around it, the nearest
    /// if several are, settles the search at the cost of string comparisons; otherwise every
    /// occurrence is scored and the best is kept, ties going to the one nearest the old
    /// position (`held` itself keeps a tie).
    ///
    /// The best is turned down when the text beside it contradicts the stored context on both
    /// sides, unless the quote is long and occurs once, and a short quote is turned down unless
    /// one side keeps most of its context: a single word or a short phrase whose own sentence
    /// was deleted must not jump to another copy of itself.
    pub(super) fn verbatim(&mut self, held: Option<usize>) {
        let finder = memmem::Finder::new(self.exact);
        let n = self.text.len();
        let nearest_intact = |starts: &[usize]| {
            starts
                .iter()
                .copied()
                .filter(|&s| self.text.context_intact(s, s + self.len, self.scorer.quote))
                .min_by_key(|&s| self.scorer.distance(s))
        };
        // Near the old position first: the nearest intact occurrence there is the nearest
        // anywhere, and finding it spares a scan of the whole text. A quote imported without
        // any context is "intact" everywhere and goes to the occurrence nearest its position
        // (or the first), as before issue 17 and as Hypothesis places it: it brings no other
        // evidence, and orphaning every such import would lose more than it saves.
        let local = self.scorer.hint.and_then(|h| {
            let reach = LOCAL_REACH + self.len;
            nearest_intact(&self.text.occurrences(
                &finder,
                h.saturating_sub(reach),
                h.saturating_add(reach),
            ))
        });
        let starts = match local {
            Some(s) => vec![s],
            None => self.text.occurrences(&finder, 0, n),
        };
        let intact = local.or_else(|| nearest_intact(&starts));
        let places = match intact {
            Some(s) => vec![s],
            None => starts.clone(),
        };
        let candidates: Vec<Candidate> = places
            .into_iter()
            .map(|s| {
                let status = if Some(s) == held {
                    AnchorStatus::Exact
                } else {
                    AnchorStatus::Moved
                };
                self.candidate(status, 1.0, s, s + self.len)
            })
            .collect();
        let Some((best, runner_up)) = self.pick(&candidates) else {
            return;
        };
        let unique_and_long = intact.is_none() && starts.len() == 1 && self.len >= LONG_QUOTE;
        if intact.is_none() && !unique_and_long && !self.evidenced(&best, runner_up) {
            self.rejected = self.rejected.max(best.score);
            return;
        }
        self.settled = intact.is_some() || best.score >= TRUSTED_SCORE || unique_and_long;
        self.best = Some(best);
    }

    /// A candidate `start..end` whose quote is `quote_similarity` the same, scored.
    fn candidate(&self, status: AnchorStatus, quote: f64, start: usize, end: usize) -> Candidate {
        let (prefix, suffix) = self.scorer.context(start, end);
        Candidate {
            status,
            score: self.scorer.combine(quote, prefix, suffix, start),
            prefix,
            suffix,
            start,
            end,
        }
    }

    /// The best of `candidates` (ties to the length nearest the quote's, then to the place
    /// nearest the old position) and the best score of a place not overlapping it.
    fn pick(&self, candidates: &[Candidate]) -> Option<(Candidate, f64)> {
        let key = |c: &Candidate| {
            (
                (c.end - c.start).abs_diff(self.len),
                self.scorer.distance(c.start),
            )
        };
        let best = *candidates.iter().reduce(|b, c| {
            if c.score > b.score || (c.score == b.score && key(c) < key(b)) {
                c
            } else {
                b
            }
        })?;
        let runner_up = candidates
            .iter()
            .filter(|c| c.end <= best.start || c.start >= best.end)
            .map(|c| c.score)
            .fold(0.0, f64::max);
        Some((best, runner_up))
    }

    /// Whether the text beside a candidate backs it: some of the stored context on one side
    /// (most of it for a short quote), and for a short quote no other place nearly as good.
    fn evidenced(&self, c: &Candidate, runner_up: f64) -> bool {
        let side = c.prefix.max(c.suffix);
        if self.len >= LONG_QUOTE {
            side >= CONTRADICTED
        } else {
            side >= SHORT_QUOTE_SIDE && c.score - runner_up >= AMBIGUOUS
        }
    }

    /// Step 3: approximate matches, first within a window around the old position (what a
    /// typo fixed inside the quote needs), then in the whole text, but only for a long quote
    /// for which nothing has been found yet (see below). An approximate match must reach
    /// [`MIN_FUZZY_SCORE`], be backed by its context as a verbatim one is, and beat the
    /// verbatim candidate strictly.
    pub(super) fn fuzzy(&mut self) {
        if self.settled {
            return;
        }
        let alphabet = self.text.alphabet.len();
        let quote = self.text.symbols(self.exact);
        let reversed: Vec<Sym> = quote.iter().rev().copied().collect();
        let (forward, backward) = (
            Pattern::new(&quote, alphabet),
            Pattern::new(&reversed, alphabet),
        );
        let patterns = (&forward, &backward);
        let n = self.text.syms.len();
        let whole = (0, n);
        let window = self.scorer.hint.map(|h| {
            let reach = self.len + LOCAL_REACH;
            (
                h.saturating_sub(reach).min(n),
                h.saturating_add(reach).min(n),
            )
        });
        if let Some(w) = window.filter(|&w| w != whole) {
            self.fuzzy_in(patterns, w);
            // A verbatim place that its context backs is beaten only by an edited copy of the
            // quote with better context, which is the passage edited where it was: near the
            // old position, in the window just searched. And a short quote edited is looked
            // for only there: far from it, a look-alike of a few words is as likely chance.
            if self.best.is_some() || self.len < LONG_QUOTE {
                return;
            }
        }
        self.fuzzy_in(patterns, whole);
    }

    /// The approximate matches ending within `lo..hi`.
    fn fuzzy_in(&mut self, (forward, backward): (&Pattern, &Pattern), (lo, hi): (usize, usize)) {
        let m = self.len;
        let k = error_budget(m);
        let syms = &self.text.syms;
        // From far enough before the window that a match ending in it is seen whole.
        let lo = lo.saturating_sub(m + k);
        let mut hits = myers::search(forward, &syms[lo..hi], k);
        // Fewest errors first, so the scan can stop once no candidate left can win.
        // Saturating: an imported position may be anywhere up to u64::MAX.
        let expected_end = self.scorer.hint.map(|h| h.saturating_add(m));
        hits.sort_by_key(|&(end, errors)| {
            (errors, expected_end.map_or(0, |e| (lo + end).abs_diff(e)))
        });
        let floor = self
            .best
            .map_or(MIN_FUZZY_SCORE, |b| b.score.max(MIN_FUZZY_SCORE));
        let mut seen = HashSet::new();
        let mut found: Vec<Candidate> = Vec::new();
        let mut top: f64 = 0.0;
        for &(end, errors) in hits.iter().take(MAX_CANDIDATES) {
            let end = lo + end;
            let quote_similarity = 1.0 - errors as f64 / m as f64;
            let bound = combine(quote_similarity, 1.0, 1.0, 1.0);
            // Below the floor, or short of the best found by more than the margin that
            // decides between places: nothing left can change the outcome.
            if bound < floor || bound + AMBIGUOUS < top {
                break;
            }
            // Where does the match ending here start? Align the reversed quote backwards.
            let (len, _) = myers::best_prefix(backward, syms[..end].iter().rev().copied(), m + k);
            let start = end - len;
            if len == 0 || !seen.insert((start, end)) {
                continue;
            }
            let c = self.candidate(AnchorStatus::Fuzzy, quote_similarity, start, end);
            top = top.max(c.score);
            found.push(c);
        }
        let Some((f, runner_up)) = self.pick(&found) else {
            return;
        };
        if f.score < floor || !self.evidenced(&f, runner_up) {
            self.rejected = self.rejected.max(f.score);
        } else if self.best.is_none_or(|b| f.score > b.score) {
            self.best = Some(f);
        }
    }

    /// The outcome: the best candidate, else the surviving part of a trimmed quote, else an
    /// orphan carrying the best score turned down.
    pub(super) fn finish(self) -> Anchored {
        let best = match self.best {
            Some(f) if f.status == AnchorStatus::Fuzzy => Some(self.trim_fuzzy(f).unwrap_or(f)),
            Some(c) => Some(c),
            None => self.trimmed().map(|t| t.place),
        };
        match best {
            Some(c) => Anchored::placed(c.status, c.start, c.end, c.score),
            None => Anchored::orphan(self.rejected),
        }
    }

    /// Step 4: a quote that lost up to a quarter of itself at one end, with that side's
    /// context (a neighbouring sentence moved or deleted). What survives must be verbatim, at
    /// least three quarters of the quote, beside its intact stored context, and the only such
    /// place in the text; it is placed with [`AnchorStatus::Trimmed`].
    fn trimmed(&self) -> Option<Trim> {
        let m = self.len;
        if m < TRIM_MIN_LEN {
            return None;
        }
        let quote: Vec<char> = self.exact.chars().collect();
        let keep = (3 * m).div_ceil(4);
        let head: String = quote[..keep].iter().collect();
        let tail: String = quote[m - keep..].iter().collect();
        let text = self.text;
        // (start, end) -> (whether the head is what survives, code points of the quote kept);
        // a periodic quote can find the same range from both ends.
        let mut places = HashMap::new();
        let n = text.len();
        for s in text.occurrences(&memmem::Finder::new(&head), 0, n) {
            let kept = text.common_prefix(s, &quote);
            let (prefix, _) = self.scorer.context(s, s + kept);
            if kept < m && prefix >= INTACT {
                places.insert((s, s + kept), (true, kept));
            }
        }
        for s in text.occurrences(&memmem::Finder::new(&tail), 0, n) {
            let end = s + keep;
            let kept = text.common_suffix(end, &quote);
            let (_, suffix) = self.scorer.context(end - kept, end);
            if kept < m && suffix >= INTACT {
                places.insert((end - kept, end), (false, kept));
            }
        }
        let mut places = places.into_iter();
        let ((start, end), (head_kept, kept)) = places.next()?;
        if places.next().is_some() {
            return None;
        }
        // The white space where the lost part began is not part of what survives.
        let (start, end) = text.trim_space(start, end);
        let lost = if head_kept {
            quote[kept..].to_vec()
        } else {
            quote[..m - kept].to_vec()
        };
        let similarity = (end - start) as f64 / m as f64;
        Some(Trim {
            place: self.candidate(AnchorStatus::Trimmed, similarity, start, end),
            head_kept,
            lost,
        })
    }

    /// An approximate match made of the surviving part of a trimmed quote and, where its lost
    /// part was, other text (the next paragraph's first words, say) or nothing is placed on the
    /// surviving part alone, as trimmed, when the stored context on that side is gone as well.
    /// A lost part that the text still mostly has, or that differs by fewer than [`LOST_MIN`]
    /// code points (a typo fixed in the last word), keeps the approximate match.
    fn trim_fuzzy(&self, f: Candidate) -> Option<Candidate> {
        let t = self.trimmed()?;
        let p = t.place;
        // The lost side's context must be gone too: after a word replaced at the end of the
        // quote the stored suffix follows the approximate match, and that match is the better.
        let (aligned, rest, lost_side) = if t.head_kept {
            (f.start.abs_diff(p.start) <= 1, (p.end, f.end), f.suffix)
        } else {
            (f.end.abs_diff(p.end) <= 1, (f.start, p.start), f.prefix)
        };
        if !aligned {
            return None;
        }
        // Empty when the approximate match is the surviving part itself, the lost part
        // counted as errors: then it is the trimmed placement whatever follows it.
        let filler: Vec<char> = match rest.0 < rest.1 {
            true => self.text.slice(rest.0, rest.1)?.chars().collect(),
            false => Vec::new(),
        };
        if !filler.is_empty() && lost_side >= CONTRADICTED {
            return None;
        }
        // A few code points apart is a typo fixed at the end of the quote, not a lost part.
        let apart = edit_distance(&t.lost, &filler);
        (apart >= LOST_MIN && 2 * apart >= t.lost.len()).then_some(p)
    }
}

/// What survives of a trimmed quote.
struct Trim {
    /// Where it is.
    place: Candidate,
    /// Whether the start of the quote survives (else its end).
    head_kept: bool,
    /// The code points of the quote that are gone.
    lost: Vec<char>,
}

/// The Levenshtein distance between two short strings of code points.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substituted = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substituted.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}
