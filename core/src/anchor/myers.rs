//! Bit-parallel approximate string matching over a text's symbols.
//!
//! Reference: Gene Myers, "A fast bit-vector algorithm for approximate string matching based on
//! dynamic programming", Journal of the ACM 46(3), 1999, pp. 395-415. [`advance_block`] is the
//! paper's Figure 7: the pattern's rows are cut into blocks of 64, each block one machine word,
//! and a block hands the horizontal delta of its last row to the next block as a carry. Unlike
//! the paper we advance every block on every column (no band cut-off): the quotes Margin anchors
//! are a few blocks long and the texts a few thousand symbols, so the simple form is fast
//! enough (O(n * ceil(m / 64)) word operations) and easier to trust.
//!
//! The carry into the first block picks the boundary of the dynamic programme:
//! - search ([`Matcher::search`]): row 0 is all zeros, so the pattern may start anywhere; after
//!   column j the score is the fewest edits turning the pattern into a substring ending at j.
//! - anchored ([`Matcher::anchored`]): row 0 is `D[0][j] = j`, so the match starts at the first
//!   symbol fed; after j symbols the score is the edit distance between the pattern and them.
//!   Fed backwards (pattern and text reversed) it finds where a match found by a search starts.
//!
//! Symbols are indices into the text's alphabet (see `AnchorText`), so a table lookup replaces
//! hashing chars; a pattern symbol outside the alphabet matches nothing.

/// A code point as its index in the text's alphabet.
pub(super) type Sym = u32;

const W: usize = 64;

/// A pattern prepared for matching: the paper's `Peq` bit vectors, one row of words per symbol.
pub(super) struct Pattern {
    len: usize,
    blocks: usize,
    alphabet: usize,
    /// `peq[sym * blocks + b]` has bit `i` set when `pattern[64 * b + i] == sym`; the row at
    /// `alphabet` (symbols the text does not have) stays zero.
    peq: Vec<u64>,
    /// The bit of the pattern's last row inside the last block.
    last: u64,
}

impl Pattern {
    /// Prepares `pattern`, a non-empty string of symbols below `alphabet` (others match nothing).
    pub(super) fn new(pattern: &[Sym], alphabet: usize) -> Self {
        debug_assert!(!pattern.is_empty(), "an empty pattern matches everywhere");
        let blocks = pattern.len().div_ceil(W).max(1);
        let mut peq = vec![0u64; (alphabet + 1) * blocks];
        for (i, &s) in pattern.iter().enumerate() {
            if (s as usize) < alphabet {
                peq[s as usize * blocks + i / W] |= 1 << (i % W);
            }
        }
        let last = 1u64 << (pattern.len().saturating_sub(1) % W);
        Pattern {
            len: pattern.len(),
            blocks,
            alphabet,
            peq,
            last,
        }
    }

    /// Number of symbols in the pattern.
    pub(super) fn len(&self) -> usize {
        self.len
    }

    fn eq(&self, sym: Sym) -> &[u64] {
        let row = (sym as usize).min(self.alphabet) * self.blocks;
        &self.peq[row..row + self.blocks]
    }
}

/// One column of Myers' Figure 7 for one block: updates the block's vertical deltas (`pv`, `mv`:
/// the rows where `D[i][j] - D[i-1][j]` is +1, -1) for a text symbol whose match vector is `eq`,
/// given the horizontal delta `hin` entering the block's top row. Returns the horizontal delta
/// leaving the row marked by `high`.
#[inline]
fn advance_block(pv: &mut u64, mv: &mut u64, mut eq: u64, hin: i32, high: u64) -> i32 {
    let (p, m) = (*pv, *mv);
    let xv = eq | m;
    if hin < 0 {
        eq |= 1;
    }
    let xh = ((eq & p).wrapping_add(p) ^ p) | eq;
    let mut ph = m | !(xh | p);
    let mut mh = p & xh;
    let hout = if ph & high != 0 {
        1
    } else if mh & high != 0 {
        -1
    } else {
        0
    };
    ph <<= 1;
    mh <<= 1;
    if hin < 0 {
        mh |= 1;
    } else if hin > 0 {
        ph |= 1;
    }
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    hout
}

/// The state of a scan: one column of the dynamic programme, as bit vectors.
pub(super) struct Matcher<'p> {
    pattern: &'p Pattern,
    pv: Vec<u64>,
    mv: Vec<u64>,
    /// `D[m][j]` for the last column fed.
    score: usize,
    /// The carry into the first block: 0 for a search, +1 for an anchored match.
    top: i32,
}

impl<'p> Matcher<'p> {
    /// A scan where the pattern may start at any symbol.
    pub(super) fn search(pattern: &'p Pattern) -> Self {
        Self::new(pattern, 0)
    }

    /// A scan where the pattern starts at the first symbol fed.
    pub(super) fn anchored(pattern: &'p Pattern) -> Self {
        Self::new(pattern, 1)
    }

    fn new(pattern: &'p Pattern, top: i32) -> Self {
        Matcher {
            pattern,
            // Column 0: D[i][0] = i, every vertical delta is +1.
            pv: vec![!0; pattern.blocks],
            mv: vec![0; pattern.blocks],
            score: pattern.len,
            top,
        }
    }

    /// Feeds one text symbol and returns the new `D[m][j]`.
    #[inline]
    pub(super) fn step(&mut self, sym: Sym) -> usize {
        let eq = self.pattern.eq(sym);
        let last_block = self.pattern.blocks - 1;
        let mut carry = self.top;
        for (b, &e) in eq.iter().enumerate() {
            let high = if b == last_block {
                self.pattern.last
            } else {
                1 << (W - 1)
            };
            carry = advance_block(&mut self.pv[b], &mut self.mv[b], e, carry, high);
        }
        // The score never goes below zero; the cast back is exact.
        self.score = (self.score as i64 + i64::from(carry)) as usize;
        self.score
    }
}

/// Where `pattern` matches `text` with at most `k` errors: `(end, errors)` for every end
/// (exclusive) whose error count is no more than its neighbours'. A match usually shows as a
/// dip of ends one error apart; keeping only the bottoms keeps the candidates few.
pub(super) fn search(pattern: &Pattern, text: &[Sym], k: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut m = Matcher::search(pattern);
    // Scores of the previous two columns; column 0 (no text) scores m.
    let (mut before, mut prev) = (usize::MAX, pattern.len);
    for (j, &s) in text.iter().enumerate() {
        let d = m.step(s);
        // `prev` is the score at end j (the column before this one), a bottom if neither
        // neighbour is lower.
        if j > 0 && prev <= k && prev <= before && prev <= d {
            out.push((j, prev));
        }
        before = prev;
        prev = d;
    }
    if !text.is_empty() && prev <= k && prev <= before {
        out.push((text.len(), prev));
    }
    out
}

/// The best anchored match of `pattern` against a prefix of `text` of at most `max_len`
/// symbols: `(length, errors)` with the fewest errors, ties going to the length nearest the
/// pattern's. `text` may be an iterator running backwards, with `pattern` reversed.
pub(super) fn best_prefix(
    pattern: &Pattern,
    text: impl Iterator<Item = Sym>,
    max_len: usize,
) -> (usize, usize) {
    let mut m = Matcher::anchored(pattern);
    let mut best: (usize, usize) = (0, pattern.len);
    for (t, s) in text.take(max_len).enumerate() {
        let len = t + 1;
        let d = m.step(s);
        if d < best.1 || (d == best.1 && len.abs_diff(pattern.len) < best.0.abs_diff(pattern.len)) {
            best = (len, d);
        }
    }
    best
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A small deterministic generator (SplitMix64), so failures replay.
    pub(crate) struct Rng(u64);

    impl Rng {
        pub(crate) fn new(seed: u64) -> Self {
            Rng(seed)
        }

        pub(crate) fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }

        pub(crate) fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// Text symbols for a string, with the alphabet they index (sorted, distinct chars).
    fn symbols(text: &[char]) -> (Vec<Sym>, Vec<char>) {
        let mut alphabet = text.to_vec();
        alphabet.sort_unstable();
        alphabet.dedup();
        let syms = text
            .iter()
            .map(|c| alphabet.binary_search(c).unwrap() as Sym)
            .collect();
        (syms, alphabet)
    }

    fn pattern_symbols(pattern: &[char], alphabet: &[char]) -> Vec<Sym> {
        pattern
            .iter()
            .map(|c| alphabet.binary_search(c).unwrap_or(alphabet.len()) as Sym)
            .collect()
    }

    /// The textbook dynamic programme: the last row `D[m][0..=n]`. With `anchored` the first
    /// row is `j` (edit distance to a text prefix), else 0 (a match may start anywhere).
    fn naive_last_row(pattern: &[char], text: &[char], anchored: bool) -> Vec<usize> {
        let n = text.len();
        let mut row: Vec<usize> = (0..=n).map(|j| if anchored { j } else { 0 }).collect();
        for (i, &p) in pattern.iter().enumerate() {
            let mut next = vec![i + 1; n + 1];
            for j in 1..=n {
                let subst = row[j - 1] + usize::from(p != text[j - 1]);
                next[j] = subst.min(row[j] + 1).min(next[j - 1] + 1);
            }
            row = next;
        }
        row
    }

    fn levenshtein(a: &[char], b: &[char]) -> usize {
        *naive_last_row(a, b, true).last().unwrap()
    }

    const ALPHABETS: &[&[char]] = &[
        &['a', 'b'],
        &['a', 'b', 'c', 'd'],
        &['a', 'é', '🗣', ' ', '\n', 'Z'],
        &['x', 'y', 'z', '—', '“', '”', '😀', '𝔘', 'q', 'r', 's', 't'],
    ];

    fn random_string(rng: &mut Rng, alphabet: &[char], len: usize) -> Vec<char> {
        (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect()
    }

    /// A pattern that is usually a mutated piece of the text, so matches exist at low error
    /// counts, and sometimes plain random (with a char the text may lack).
    fn random_pattern(rng: &mut Rng, text: &[char], alphabet: &[char], len: usize) -> Vec<char> {
        if rng.below(4) == 0 || text.len() < len {
            let mut p = random_string(rng, alphabet, len);
            if rng.below(2) == 0 {
                p[0] = '∅';
            }
            return p;
        }
        let at = rng.below(text.len() - len + 1);
        let mut p = text[at..at + len].to_vec();
        for _ in 0..rng.below(len / 8 + 2) {
            let i = rng.below(p.len());
            match rng.below(3) {
                0 => p[i] = alphabet[rng.below(alphabet.len())],
                1 if p.len() > 1 => {
                    p.remove(i);
                }
                _ => p.insert(i, alphabet[rng.below(alphabet.len())]),
            }
        }
        p
    }

    #[test]
    fn both_modes_agree_with_the_dynamic_programme_on_random_strings() {
        let mut rng = Rng::new(0x5eed);
        // Lengths around the 64-bit block edges, where carries between blocks matter.
        let lengths = [1, 2, 3, 7, 31, 63, 64, 65, 100, 127, 128, 129, 200];
        for round in 0..600 {
            let alphabet = ALPHABETS[round % ALPHABETS.len()];
            let n = rng.below(300);
            let text = random_string(&mut rng, alphabet, n);
            let len = lengths[rng.below(lengths.len())];
            let pattern = random_pattern(&mut rng, &text, alphabet, len);
            let (syms, text_alphabet) = symbols(&text);
            let psyms = pattern_symbols(&pattern, &text_alphabet);
            let prepared = Pattern::new(&psyms, text_alphabet.len());
            for anchored in [false, true] {
                let want = naive_last_row(&pattern, &text, anchored);
                let mut m = if anchored {
                    Matcher::anchored(&prepared)
                } else {
                    Matcher::search(&prepared)
                };
                let mut got = vec![pattern.len()];
                got.extend(syms.iter().map(|&s| m.step(s)));
                assert_eq!(
                    got,
                    want,
                    "round {round}, anchored {anchored}, pattern {:?}, text {:?}",
                    pattern.iter().collect::<String>(),
                    text.iter().collect::<String>()
                );
            }
        }
    }

    #[test]
    fn search_reports_the_bottoms_within_the_budget() {
        let mut rng = Rng::new(42);
        for round in 0..300 {
            let alphabet = ALPHABETS[round % ALPHABETS.len()];
            let n = 1 + rng.below(250);
            let text = random_string(&mut rng, alphabet, n);
            let len = 1 + rng.below(150);
            let pattern = random_pattern(&mut rng, &text, alphabet, len);
            let k = rng.below(len / 3 + 2);
            let (syms, text_alphabet) = symbols(&text);
            let prepared = Pattern::new(
                &pattern_symbols(&pattern, &text_alphabet),
                text_alphabet.len(),
            );
            let row = naive_last_row(&pattern, &text, false);
            let want: Vec<(usize, usize)> = (1..=text.len())
                .filter(|&j| {
                    row[j] <= k && row[j] <= row[j - 1] && (j == text.len() || row[j] <= row[j + 1])
                })
                .map(|j| (j, row[j]))
                .collect();
            assert_eq!(search(&prepared, &syms, k), want, "round {round}");
        }
    }

    #[test]
    fn a_search_match_starts_where_the_reversed_anchored_match_ends() {
        let mut rng = Rng::new(7);
        for round in 0..300 {
            let alphabet = ALPHABETS[round % ALPHABETS.len()];
            let n = 50 + rng.below(250);
            let text = random_string(&mut rng, alphabet, n);
            let len = 1 + rng.below(140);
            let pattern = random_pattern(&mut rng, &text, alphabet, len);
            let k = len / 4 + 1;
            let (syms, text_alphabet) = symbols(&text);
            let forward = Pattern::new(
                &pattern_symbols(&pattern, &text_alphabet),
                text_alphabet.len(),
            );
            let reversed: Vec<char> = pattern.iter().rev().copied().collect();
            let backward = Pattern::new(
                &pattern_symbols(&reversed, &text_alphabet),
                text_alphabet.len(),
            );
            for (end, errors) in search(&forward, &syms, k) {
                let (t, d) = best_prefix(
                    &backward,
                    syms[..end].iter().rev().copied(),
                    pattern.len() + k,
                );
                assert_eq!(d, errors, "round {round}, end {end}");
                assert_eq!(levenshtein(&pattern, &text[end - t..end]), errors);
                // No other start does better, and the chosen length is nearest the pattern's:
                // the edit distance to text[end - t..end] for every t, in one table.
                let window = end.min(pattern.len() + k);
                let back: Vec<char> = text[end - window..end].iter().rev().copied().collect();
                let all = naive_last_row(&reversed, &back, true);
                for (len, &other) in all.iter().enumerate() {
                    assert!(other >= errors);
                    if other == errors {
                        assert!(t.abs_diff(pattern.len()) <= len.abs_diff(pattern.len()));
                    }
                }
            }
        }
    }

    #[test]
    fn a_symbol_the_text_lacks_matches_nothing() {
        let text: Vec<char> = "abcabc".chars().collect();
        let (syms, alphabet) = symbols(&text);
        let pattern = pattern_symbols(&['a', '🗣', 'c'], &alphabet);
        let prepared = Pattern::new(&pattern, alphabet.len());
        assert_eq!(search(&prepared, &syms, 1), vec![(3, 1), (6, 1)]);
        assert_eq!(search(&prepared, &syms, 0), vec![]);
    }
}
