//! Bit-parallel approximate string matching over a text's symbols.
//!
//! Reference: Gene Myers, "A fast bit-vector algorithm for approximate string matching based on
//! dynamic programming", Journal of the ACM 46(3), 1999, pp. 395-415. [`advance_block`] is the
//! paper's Figure 7: the pattern's rows are cut into blocks of 64, each block one machine word,
//! and a block hands the horizontal delta of its last row to the next block as a carry. The
//! search ([`search`]) advances only the band of blocks that can still hold a cell within the
//! error budget (the paper's section 4, after Ukkonen); [`Matcher`] advances every block, for
//! the short anchored alignments that measure context and find where a match starts.
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

    /// The match vector of `sym` for a pattern of one block.
    #[inline(always)]
    fn eq1(&self, sym: Sym) -> u64 {
        self.peq[(sym as usize).min(self.alphabet)]
    }

    #[inline(always)]
    fn eq(&self, sym: Sym) -> &[u64] {
        let row = (sym as usize).min(self.alphabet) * self.blocks;
        &self.peq[row..row + self.blocks]
    }
}

/// One column of Myers' Figure 7 for one block: updates the block's vertical deltas (`pv`, `mv`:
/// the rows where `D[i][j] - D[i-1][j]` is +1, -1) for a text symbol whose match vector is `eq`,
/// given the horizontal delta `hin` entering the block's top row. Returns the horizontal delta
/// leaving the row marked by `high`.
// Always inlined: the release profile optimises for size ("s"), which otherwise leaves these
// per-symbol calls out of line and doubles the cost of a search.
#[inline(always)]
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
    #[cfg(test)]
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
    #[inline(always)]
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
///
/// Banded (Ukkonen's cut-off, Myers' paper section 4): only the blocks down to the last one
/// that can still hold a cell within `k` are advanced. A block below it is taken to hold the
/// column's value at the band's bottom plus one per row (vertical deltas all +1), which
/// over-estimates only cells already above `k`; it is brought back, in that state, as soon as
/// the band's bottom comes within reach. A quote of a few blocks whose budget is a quarter of
/// its length thus costs about one block per text symbol away from its matches.
pub(super) fn search(pattern: &Pattern, text: &[Sym], k: usize) -> Vec<(usize, usize)> {
    if pattern.blocks == 1 {
        // Most quotes fit one word: the same programme in two registers.
        let (mut pv, mut mv, mut score) = (!0u64, 0u64, pattern.len);
        return bottoms(pattern.len, text, k, |s| {
            let hout = advance_block(&mut pv, &mut mv, pattern.eq1(s), 0, pattern.last);
            score = (score as i64 + i64::from(hout)) as usize;
            Some(score)
        });
    }
    let mut band = Band::new(pattern, k);
    bottoms(pattern.len, text, k, |s| band.step(s))
}

/// The bottoms within `k` of the scores `step` gives for each text symbol (`None`: above k).
#[inline(always)]
fn bottoms(
    len: usize,
    text: &[Sym],
    k: usize,
    mut step: impl FnMut(Sym) -> Option<usize>,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Scores of the previous two columns; column 0 (no text) scores m. A column whose last
    // row is outside the band scores more than k, which `k + 1` stands for in the comparisons.
    let unknown = k.saturating_add(1);
    let (mut before, mut prev) = (usize::MAX, len.min(unknown));
    for (j, &s) in text.iter().enumerate() {
        let d = step(s).unwrap_or(unknown);
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

/// The state of a banded search: the active blocks' deltas and the value at each one's last
/// row.
struct Band<'p> {
    pattern: &'p Pattern,
    pv: Vec<u64>,
    mv: Vec<u64>,
    /// `D` at the last row of each active block, for the current column.
    bottom: Vec<usize>,
    /// Index of the last active block.
    last: usize,
    k: usize,
}

impl<'p> Band<'p> {
    fn new(pattern: &'p Pattern, k: usize) -> Self {
        let blocks = pattern.blocks;
        debug_assert!(blocks > 1, "one-block patterns take the register path");
        // Column 0: D[i][0] = i. Rows up to k can be within the budget.
        let last = (k / W).min(blocks - 1);
        Band {
            pattern,
            pv: vec![!0; blocks],
            mv: vec![0; blocks],
            bottom: (0..blocks).map(|b| Self::height_to(pattern, b)).collect(),
            last,
            k,
        }
    }

    /// Rows from the top of the pattern to the last row of block `b`.
    fn height_to(pattern: &Pattern, b: usize) -> usize {
        ((b + 1) * W).min(pattern.len)
    }

    /// Feeds one text symbol; returns `D[m][j]` when the pattern's last row is in the band.
    #[inline(always)]
    fn step(&mut self, sym: Sym) -> Option<usize> {
        if self.last == 0 {
            return self.step_first(sym);
        }
        let eq = self.pattern.eq(sym);
        let final_block = self.pattern.blocks - 1;
        let high = |b: usize| {
            if b == final_block {
                self.pattern.last
            } else {
                1 << (W - 1)
            }
        };
        let mut carry = 0;
        for (b, &e) in eq.iter().enumerate().take(self.last + 1) {
            carry = advance_block(&mut self.pv[b], &mut self.mv[b], e, carry, high(b));
            self.bottom[b] = (self.bottom[b] as i64 + i64::from(carry)) as usize;
        }
        let y = self.last;
        let was = (self.bottom[y] as i64 - i64::from(carry)) as usize;
        if !self.widen(eq, carry, was) {
            // Narrow: a block whose last row exceeds the budget by a block's height holds no
            // cell within it.
            while self.last > 0 && self.bottom[self.last] >= self.k + W {
                self.last -= 1;
            }
        }
        (self.last == final_block).then(|| self.bottom[final_block])
    }

    /// [`Band::step`] while only the first block is active, as it is away from any match: that
    /// block advanced without the general loop (a search spends most symbols here).
    #[inline(always)]
    fn step_first(&mut self, sym: Sym) -> Option<usize> {
        let eq = self.pattern.eq(sym);
        let carry = advance_block(&mut self.pv[0], &mut self.mv[0], eq[0], 0, 1 << (W - 1));
        let was = self.bottom[0];
        self.bottom[0] = (was as i64 + i64::from(carry)) as usize;
        self.widen(eq, carry, was);
        (self.last == self.pattern.blocks - 1).then(|| self.bottom[self.last])
    }

    /// Brings the block below the band in when it can reach the budget: only if the band's
    /// bottom was within it in the previous column (`was`) and a diagonal (a match in the next
    /// block's first row) or a falling value (`carry` < 0) enters it. Returns whether it did.
    #[inline(always)]
    fn widen(&mut self, eq: &[u64], carry: i32, was: usize) -> bool {
        let y = self.last;
        let final_block = self.pattern.blocks - 1;
        if y == final_block || was > self.k || (eq[y + 1] & 1 == 0 && carry >= 0) {
            return false;
        }
        let next = y + 1;
        let high = if next == final_block {
            self.pattern.last
        } else {
            1 << (W - 1)
        };
        self.pv[next] = !0;
        self.mv[next] = 0;
        let rows = Self::height_to(self.pattern, next) - Self::height_to(self.pattern, y);
        let hout = advance_block(
            &mut self.pv[next],
            &mut self.mv[next],
            eq[next],
            carry,
            high,
        );
        self.bottom[next] = ((was + rows) as i64 + i64::from(hout)) as usize;
        self.last = next;
        true
    }
}

/// The best anchored match of `pattern` against a prefix of `text` of at most `max_len`
/// symbols: `(length, errors)` with the fewest errors, ties going to the length nearest the
/// pattern's. `text` may be an iterator running backwards, with `pattern` reversed.
pub(super) fn best_prefix(
    pattern: &Pattern,
    text: impl Iterator<Item = Sym>,
    max_len: usize,
) -> (usize, usize) {
    let mut best: (usize, usize) = (0, pattern.len);
    let (mut pv, mut mv, mut score) = (!0u64, 0u64, pattern.len);
    let mut m = (pattern.blocks > 1).then(|| Matcher::anchored(pattern));
    for (t, s) in text.take(max_len).enumerate() {
        let len = t + 1;
        let d = match &mut m {
            Some(m) => m.step(s),
            // One block (every context): two registers, no allocation.
            None => {
                let hout = advance_block(&mut pv, &mut mv, pattern.eq1(s), 1, pattern.last);
                score = (score as i64 + i64::from(hout)) as usize;
                score
            }
        };
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
        // Patterns up to five blocks long, so the band widens and narrows across blocks.
        for round in 0..1500 {
            let alphabet = ALPHABETS[round % ALPHABETS.len()];
            let n = 1 + rng.below(400);
            let text = random_string(&mut rng, alphabet, n);
            let len = 1 + rng.below(320);
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
