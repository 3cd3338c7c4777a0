//! Realistic revisions of a text with ground truth, and annotations to re-anchor on them: the
//! revision benchmark of `docs/benchmarks.md`. Shared by the integration test
//! (`integration/revisions.rs`), the bench (`benches/anchoring.rs`) and the side-by-side
//! comparison with the Hypothesis method (`examples/anchor_revisions.rs`), each including this
//! file with `#[path]`.
//!
//! A [`Revision`] keeps, for every code point of the revised text, the offset it had in the
//! original (`None` for new text). Every edit replaces code points through [`Revision::splice`]
//! or moves them with their origins, so the truth follows the edits: an annotation's words in
//! the revised text are the code points whose origin lies inside its original range.

#![allow(dead_code)] // Each includer uses a part.

use std::ops::Range;

use margin_core::anchor::{Anchored, Anchorer, Selectors};

/// SplitMix64: small, deterministic, so every run makes the same revisions.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `percent` / 100.
    pub fn percent(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A text under revision, with where each code point came from.
#[derive(Clone)]
pub struct Revision {
    pub chars: Vec<char>,
    /// `origin[i]`: the original offset of `chars[i]`, `None` for inserted text.
    pub origin: Vec<Option<usize>>,
}

impl Revision {
    pub fn of(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let origin = (0..chars.len()).map(Some).collect();
        Revision { chars, origin }
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// Replaces `range` with `new` (new code points have no origin).
    pub fn splice(&mut self, range: Range<usize>, new: &str) {
        let new: Vec<char> = new.chars().collect();
        let n = new.len();
        self.chars.splice(range.clone(), new);
        self.origin.splice(range, std::iter::repeat_n(None, n));
    }

    /// The blocks of the text (separated by a blank line).
    pub fn paragraphs(&self) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i + 1 < self.chars.len() {
            if self.chars[i] == '\n' && self.chars[i + 1] == '\n' {
                out.push(start..i);
                start = i + 2;
                i += 2;
            } else {
                i += 1;
            }
        }
        out.push(start..self.chars.len());
        out
    }

    /// The sentences of `para`, each with the spaces after it.
    pub fn sentences(&self, para: Range<usize>) -> Vec<Range<usize>> {
        let c = &self.chars;
        let mut out = Vec::new();
        let mut start = para.start;
        let mut i = para.start;
        while i < para.end {
            let ends = matches!(c[i], '.' | '?' | '!');
            let mut j = i + 1;
            while ends && j < para.end && matches!(c[j], '"' | '”' | '’' | ')' | '*') {
                j += 1;
            }
            let next_starts = j < para.end && c[j] == ' ' && j + 1 < para.end && {
                let n = c[j + 1];
                n.is_uppercase() || matches!(n, '"' | '“' | '(') || n.is_ascii_digit()
            };
            if ends && (j == para.end || next_starts) {
                while j < para.end && c[j] == ' ' {
                    j += 1;
                }
                out.push(start..j);
                start = j;
                i = j;
            } else {
                i += 1;
            }
        }
        if start < para.end {
            out.push(start..para.end);
        }
        out
    }

    /// The words (runs of letters, digits and inner apostrophes or hyphens) of `range`.
    pub fn words(&self, range: Range<usize>) -> Vec<Range<usize>> {
        let c = &self.chars;
        let is_word = |i: usize| c[i].is_alphanumeric();
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            if !is_word(i) {
                i += 1;
                continue;
            }
            let start = i;
            while i < range.end
                && (is_word(i)
                    || (matches!(c[i], '\'' | '’' | '-') && i + 1 < range.end && is_word(i + 1)))
            {
                i += 1;
            }
            out.push(start..i);
        }
        out
    }
}

/// The kinds of edit a revision makes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Edit {
    /// A letter changed or two swapped inside a word.
    Typo,
    /// A word replaced by another of the text's words.
    Word,
    /// A punctuation mark changed (straight and curly quotes, commas, dashes).
    Punctuation,
    /// A sentence deleted (and the first of each pair of near-twin sentences, always).
    DeleteSentence,
    /// A sentence moved into another paragraph.
    MoveSentence,
    /// A new paragraph written out of the text's own words.
    InsertParagraph,
    /// One long paragraph rewritten: most words replaced, a sentence gone.
    Rewrite,
}

/// A scenario: which edits a revision makes.
pub struct Scenario {
    pub name: &'static str,
    kinds: &'static [Edit],
    /// Inserted paragraphs and a rewritten paragraph on top of the per-paragraph edits.
    inserts: usize,
    rewrite: bool,
}

/// The scenarios of the benchmark: each kind of edit on its own over 30% of the paragraphs,
/// then all of them together.
pub const SCENARIOS: &[Scenario] = &[
    Scenario::each("typos", &[Edit::Typo]),
    Scenario::each("words", &[Edit::Word]),
    Scenario::each("punctuation", &[Edit::Punctuation]),
    Scenario::each("deleted sentences", &[Edit::DeleteSentence]),
    Scenario::each("moved sentences", &[Edit::MoveSentence]),
    Scenario {
        name: "inserted paragraphs",
        kinds: &[],
        inserts: 6,
        rewrite: false,
    },
    Scenario {
        name: "rewritten paragraph",
        kinds: &[],
        inserts: 0,
        rewrite: true,
    },
    Scenario {
        name: "mixed",
        kinds: &[
            Edit::Typo,
            Edit::Word,
            Edit::Punctuation,
            Edit::DeleteSentence,
            Edit::MoveSentence,
        ],
        inserts: 3,
        rewrite: true,
    },
];

impl Scenario {
    const fn each(name: &'static str, kinds: &'static [Edit]) -> Self {
        Scenario {
            name,
            kinds,
            inserts: 0,
            rewrite: false,
        }
    }

    /// The revision this scenario makes of `text`, the same for the same seed.
    pub fn revise(&self, text: &str, seed: u64) -> Revision {
        let mut rng = Rng::new(seed);
        let mut doc = Revision::of(text);
        let vocabulary = vocabulary(&doc);
        let paragraphs = doc.paragraphs();
        if self.kinds.contains(&Edit::DeleteSentence) {
            delete_twins(&mut doc);
        }
        if !self.kinds.is_empty() {
            // 30% of the paragraphs of running text (headings and labels are left alone).
            let prose: Vec<usize> = (0..paragraphs.len())
                .filter(|&i| paragraphs[i].len() >= 80)
                .collect();
            for &p in &prose {
                if !rng.percent(30) {
                    continue;
                }
                for _ in 0..1 + usize::from(self.kinds.len() > 1 && rng.percent(40)) {
                    let kind = *rng.pick(self.kinds);
                    edit(&mut doc, p, kind, &mut rng, &vocabulary);
                }
            }
        }
        if self.rewrite {
            let paragraphs = doc.paragraphs();
            let long: Vec<usize> = (0..paragraphs.len())
                .filter(|&i| paragraphs[i].len() >= 300)
                .collect();
            if !long.is_empty() {
                rewrite(&mut doc, *rng.pick(&long), &mut rng, &vocabulary);
            }
        }
        for _ in 0..self.inserts {
            insert_paragraph(&mut doc, &mut rng, &vocabulary);
        }
        doc
    }
}

/// The distinct words of three letters or more.
fn vocabulary(doc: &Revision) -> Vec<String> {
    let mut words: Vec<String> = doc
        .words(0..doc.chars.len())
        .into_iter()
        .filter(|w| w.len() >= 3)
        .map(|w| doc.chars[w].iter().collect())
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Applies one edit of `kind` to paragraph `p` (an index; the paragraph count does not change).
fn edit(doc: &mut Revision, p: usize, kind: Edit, rng: &mut Rng, vocabulary: &[String]) {
    let para = doc.paragraphs()[p].clone();
    match kind {
        Edit::Typo => {
            let words: Vec<_> = doc
                .words(para)
                .into_iter()
                .filter(|w| w.len() >= 4)
                .collect();
            if let Some(w) = (!words.is_empty()).then(|| rng.pick(&words).clone()) {
                let i = w.start + 1 + rng.below(w.len() - 2);
                if rng.percent(50) {
                    let swapped: String = [doc.chars[i + 1], doc.chars[i]].iter().collect();
                    doc.splice(i..i + 2, &swapped);
                } else {
                    let letter = (b'a' + rng.below(26) as u8) as char;
                    doc.splice(i..i + 1, &letter.to_string());
                }
            }
        }
        Edit::Word => {
            let words = doc.words(para);
            if !words.is_empty() {
                let w = rng.pick(&words).clone();
                let new = rng.pick(vocabulary).clone();
                doc.splice(w, &new);
            }
        }
        Edit::Punctuation => punctuation(doc, para, rng),
        Edit::DeleteSentence => {
            let sentences = doc.sentences(para);
            if sentences.len() >= 2 {
                doc.splice(rng.pick(&sentences).clone(), "");
            }
        }
        Edit::MoveSentence => move_sentence(doc, p, rng),
        Edit::InsertParagraph | Edit::Rewrite => unreachable!("not per paragraph"),
    }
}

fn punctuation(doc: &mut Revision, para: Range<usize>, rng: &mut Rng) {
    let marks: Vec<usize> = para
        .filter(|&i| matches!(doc.chars[i], ',' | '"' | '“' | '”' | '\'' | '’' | '—' | ';'))
        .collect();
    let Some(&i) = (!marks.is_empty()).then(|| rng.pick(&marks)) else {
        return;
    };
    let new = match doc.chars[i] {
        ',' if rng.percent(50) => "",
        ',' => ";",
        ';' => ",",
        '"' => {
            let opening = i == 0 || doc.chars[i - 1] == ' ';
            if opening {
                "“"
            } else {
                "”"
            }
        }
        '“' | '”' => "\"",
        '\'' => "’",
        '’' => "'",
        _ => " - ",
    };
    doc.splice(i..i + 1, new);
}

fn move_sentence(doc: &mut Revision, p: usize, rng: &mut Rng) {
    let paragraphs = doc.paragraphs();
    let sentences = doc.sentences(paragraphs[p].clone());
    if sentences.len() < 2 {
        return;
    }
    let moving = rng.pick(&sentences).clone();
    // Into another paragraph of prose, before one of its sentences.
    let others: Vec<usize> = (0..paragraphs.len())
        .filter(|&i| i != p && paragraphs[i].len() >= 80)
        .collect();
    if others.is_empty() {
        return;
    }
    let target = paragraphs[*rng.pick(&others)].clone();
    let to = rng.pick(&doc.sentences(target)).start;
    // The sentence without its spaces moves; the spaces that separated it stay behind, except
    // one: the one after it, or before it when it ended its paragraph.
    let mut body = moving.clone();
    while doc.chars[body.end - 1] == ' ' {
        body.end -= 1;
    }
    let mut removal = moving.clone();
    if body.end == moving.end {
        while removal.start > 0 && doc.chars[removal.start - 1] == ' ' {
            removal.start -= 1;
        }
    }
    let chars: Vec<char> = doc.chars[body.clone()].to_vec();
    let origin: Vec<Option<usize>> = doc.origin[body].to_vec();
    doc.splice(removal.clone(), "");
    let to = if to >= removal.end {
        to - removal.len()
    } else {
        to
    };
    doc.splice(to..to, " ");
    doc.chars.splice(to..to, chars);
    doc.origin.splice(to..to, origin);
}

/// Deletes every sentence of 40 code points or more that has a near twin (a figure caption
/// repeating it, say): a highlight on it must not land on the twin.
fn delete_twins(doc: &mut Revision) {
    let text = doc.text();
    let mut twins = Vec::new();
    for para in doc.paragraphs() {
        for s in doc.sentences(para) {
            if s.len() < 40 {
                continue;
            }
            let middle: String = doc.chars[s.start + 10..s.start + 40].iter().collect();
            if text.matches(middle.as_str()).count() >= 2 {
                twins.push(s);
            }
        }
    }
    // The first of each pair is deleted (the body comes before its caption); backwards, so
    // earlier ranges stay valid.
    let mut seen = std::collections::HashSet::new();
    let firsts: Vec<Range<usize>> = twins
        .into_iter()
        .filter(|s| seen.insert(doc.chars[s.start + 10..s.start + 40].to_vec()))
        .collect();
    for s in firsts.into_iter().rev() {
        doc.splice(s, "");
    }
}

/// Replaces three words in five and deletes one sentence of paragraph `p`.
fn rewrite(doc: &mut Revision, p: usize, rng: &mut Rng, vocabulary: &[String]) {
    let para = doc.paragraphs()[p].clone();
    let sentences = doc.sentences(para.clone());
    if sentences.len() >= 2 {
        doc.splice(rng.pick(&sentences).clone(), "");
    }
    let para = doc.paragraphs()[p].clone();
    for w in doc.words(para).into_iter().rev() {
        if rng.percent(60) {
            let new = rng.pick(vocabulary).clone();
            doc.splice(w, &new);
        }
    }
}

/// A new paragraph of two to four sentences made of the text's words (its names included)
/// before a random paragraph.
fn insert_paragraph(doc: &mut Revision, rng: &mut Rng, vocabulary: &[String]) {
    let mut para = String::new();
    for s in 0..2 + rng.below(3) {
        if s > 0 {
            para.push(' ');
        }
        let words: Vec<&str> = (0..8 + rng.below(13))
            .map(|_| rng.pick(vocabulary).as_str())
            .collect();
        let sentence = words.join(" ");
        let mut first = sentence.chars();
        let head: String = first
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .collect();
        para.push_str(&head);
        para.push_str(first.as_str());
        para.push('.');
    }
    let paragraphs = doc.paragraphs();
    let at = paragraphs[1 + rng.below(paragraphs.len() - 1)].start;
    doc.splice(at..at, &format!("{para}\n\n"));
}

/// What a highlight covers, as a user would make it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Span {
    /// One word that occurs at least three times ("Truman", "South").
    RepeatedWord,
    /// Any one word.
    Word,
    /// Two or three words.
    FewWords,
    /// Four to fifteen words.
    Phrase,
    /// A whole sentence.
    Sentence,
    /// The end of one sentence and the start of the next.
    AcrossSentences,
}

/// One annotation of the benchmark: its original range and selectors.
pub struct Annotation {
    pub span: Span,
    pub range: Range<usize>,
    pub selectors: Selectors,
}

/// `n` annotations on `text`, of every length, spread over the text.
pub fn annotations(text: &str, n: usize, seed: u64) -> Vec<Annotation> {
    let mut rng = Rng::new(seed);
    let doc = Revision::of(text);
    let anchorer = Anchorer::new(text);
    let prose: Vec<Range<usize>> = doc
        .paragraphs()
        .into_iter()
        .filter(|p| p.len() >= 80)
        .collect();
    let words = doc.words(0..doc.chars.len());
    let repeated = repeated_names(&doc, &words);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let span = match rng.below(20) {
            0..=1 => Span::RepeatedWord,
            2..=3 => Span::Word,
            4..=6 => Span::FewWords,
            7..=11 => Span::Phrase,
            12..=15 => Span::Sentence,
            _ => Span::AcrossSentences,
        };
        let range = match span {
            Span::RepeatedWord => rng.pick(&repeated).clone(),
            Span::Word => rng.pick(&words).clone(),
            Span::FewWords => run_of_words(&words, &mut rng, 2, 3),
            Span::Phrase => run_of_words(&words, &mut rng, 4, 15),
            Span::Sentence => {
                let para = rng.pick(&prose).clone();
                let s = rng.pick(&doc.sentences(para)).clone();
                trim_end(&doc, s)
            }
            Span::AcrossSentences => {
                match across(&doc, prose[rng.below(prose.len())].clone(), &mut rng) {
                    Some(r) => r,
                    None => continue,
                }
            }
        };
        let selectors = anchorer.describe(range.start, range.end).unwrap();
        out.push(Annotation {
            span,
            range,
            selectors,
        });
    }
    out
}

/// Capitalised words that occur three times or more.
fn repeated_names(doc: &Revision, words: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut counts = std::collections::HashMap::<&[char], usize>::new();
    for w in words {
        *counts.entry(&doc.chars[w.clone()]).or_default() += 1;
    }
    words
        .iter()
        .filter(|w| doc.chars[w.start].is_uppercase() && counts[&doc.chars[(*w).clone()]] >= 3)
        .cloned()
        .collect()
}

fn run_of_words(words: &[Range<usize>], rng: &mut Rng, min: usize, max: usize) -> Range<usize> {
    let count = min + rng.below(max - min + 1);
    let first = rng.below(words.len() - count);
    words[first].start..words[first + count - 1].end
}

fn trim_end(doc: &Revision, mut r: Range<usize>) -> Range<usize> {
    while r.len() > 1 && doc.chars[r.end - 1] == ' ' {
        r.end -= 1;
    }
    r
}

/// The last 20 to 60% of a sentence and the first 20 to 60% of the next, at word edges.
fn across(doc: &Revision, para: Range<usize>, rng: &mut Rng) -> Option<Range<usize>> {
    let sentences = doc.sentences(para);
    if sentences.len() < 2 {
        return None;
    }
    let i = rng.below(sentences.len() - 1);
    let (a, b) = (sentences[i].clone(), sentences[i + 1].clone());
    let (wa, wb) = (doc.words(a.clone()), doc.words(b.clone()));
    if wa.len() < 3 || wb.len() < 3 {
        return None;
    }
    let keep_a = (wa.len() * (20 + rng.below(41)) / 100).max(1);
    let keep_b = (wb.len() * (20 + rng.below(41)) / 100).max(1);
    Some(wa[wa.len() - keep_a].start..wb[keep_b - 1].end)
}

/// How one placement compares with the truth.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Verdict {
    /// Placed on the annotation's own words.
    Correct,
    /// Placed on other words: the worst outcome.
    Wrong,
    /// Orphaned though at least three quarters of its words survive together.
    Missed,
    /// Orphaned, and its words are gone.
    CorrectOrphan,
}

/// The share of an annotation's code points that must survive, together, for an orphan to be a
/// miss.
const SURVIVES: f64 = 0.75;

/// Judges `placed` (a range in the revised text, `None` for an orphan) for the annotation at
/// `original` in the original text. A placement is correct when at least half of what it
/// covers is the annotation's own code points and it covers at least half of those that
/// survive.
pub fn judge(doc: &Revision, original: &Range<usize>, placed: Option<Range<usize>>) -> Verdict {
    let own = |i: usize| doc.origin[i].is_some_and(|o| original.contains(&o));
    let surviving: Vec<usize> = (0..doc.chars.len()).filter(|&i| own(i)).collect();
    match placed {
        None => {
            if largest_cluster(&surviving) as f64 >= SURVIVES * original.len() as f64 {
                Verdict::Missed
            } else {
                Verdict::CorrectOrphan
            }
        }
        Some(p) => {
            let overlap = p.clone().filter(|&i| i < doc.chars.len() && own(i)).count();
            if overlap > 0 && 2 * overlap >= p.len() && 2 * overlap >= surviving.len() {
                Verdict::Correct
            } else {
                Verdict::Wrong
            }
        }
    }
}

/// The most code points that lie together (gaps of at most 3 between neighbours).
fn largest_cluster(positions: &[usize]) -> usize {
    let mut best = 0;
    let mut run = 0;
    for (i, &p) in positions.iter().enumerate() {
        run = if i > 0 && p - positions[i - 1] <= 4 {
            run + 1
        } else {
            1
        };
        best = best.max(run);
    }
    best
}

/// Counts of each verdict.
#[derive(Default, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Score {
    pub correct: usize,
    pub wrong: usize,
    pub missed: usize,
    pub correct_orphans: usize,
}

impl Score {
    pub fn add(&mut self, v: Verdict) {
        match v {
            Verdict::Correct => self.correct += 1,
            Verdict::Wrong => self.wrong += 1,
            Verdict::Missed => self.missed += 1,
            Verdict::CorrectOrphan => self.correct_orphans += 1,
        }
    }
}

/// Judges every outcome of Margin's anchorer.
pub fn score(doc: &Revision, annotations: &[Annotation], results: &[Anchored]) -> Score {
    let mut s = Score::default();
    for (a, r) in annotations.iter().zip(results) {
        s.add(judge(doc, &a.range, r.range().map(|(b, e)| b..e)));
    }
    s
}

/// The texts of the benchmark: the built-in article and a long text nobody here wrote (the GNU
/// GPL, version 3, as Debian ships it in `/usr/share/common-licenses/GPL-3`), both as
/// `(name, text)`.
pub fn texts() -> Vec<(&'static str, String)> {
    let article = margin_core::content::builtin_article("korean-war").unwrap();
    let gpl = include_str!("../data/gpl-3.txt");
    vec![("korean-war", article.text), ("gpl-3", paragraphs_of(gpl))]
}

/// A plain-text file as an imported article's canonical text: its paragraphs (lines joined)
/// separated by a blank line.
fn paragraphs_of(file: &str) -> String {
    file.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}
