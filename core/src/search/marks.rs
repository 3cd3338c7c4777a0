//! Which words of a text a query matched, for the marks in a snippet. FTS5 finds the rows;
//! marking them here, on the original text, costs a few microseconds a result where FTS5's
//! highlight() (which must seek the query's doclists again for each row) costs a hundred or
//! more. The words are split and folded as the index's tokenizer does (`unicode61
//! remove_diacritics 2`, đ/Đ as d): letters, digits and private-use characters make words,
//! accents and case are dropped.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::query::Term;

/// A word folded as the index folds it: lowercase, without accents, đ as d.
pub fn fold_word(word: &str) -> String {
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c) || ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// The words of `text`: `[start, end)` in code points, and each folded.
pub fn words(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut word = String::new();
    let mut at = 0;
    for c in text.chars() {
        if is_word_char(c) {
            start.get_or_insert(at);
            word.push(c);
        } else if let Some(s) = start.take() {
            out.push((s, at, fold_word(&word)));
            word.clear();
        }
        at += 1;
    }
    if let Some(s) = start {
        out.push((s, at, fold_word(&word)));
    }
    out
}

/// The places in `text` where a term of the query occurs (a phrase: its words one after the
/// other; the last word of a term still being typed as a prefix), in order, merged where they
/// overlap.
pub fn marks(text: &str, terms: &[Term]) -> Vec<[usize; 2]> {
    let words = words(text);
    let mut found: Vec<[usize; 2]> = Vec::new();
    for term in terms {
        let n = term.words.len();
        if n == 0 || n > words.len() {
            continue;
        }
        for i in 0..=words.len() - n {
            let matches = term.words.iter().enumerate().all(|(k, w)| {
                let text_word = &words[i + k].2;
                if k == n - 1 && term.prefix {
                    text_word.starts_with(w.as_str())
                } else {
                    text_word == w
                }
            });
            if matches {
                found.push([words[i].0, words[i + n - 1].1]);
            }
        }
    }
    found.sort_unstable();
    let mut merged: Vec<[usize; 2]> = Vec::with_capacity(found.len());
    for m in found {
        match merged.last_mut() {
            Some(last) if m[0] <= last[1] => last[1] = last[1].max(m[1]),
            _ => merged.push(m),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Query;

    fn marked(text: &str, input: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        marks(text, &Query::parse(input).terms)
            .iter()
            .map(|[s, e]| chars[*s..*e].iter().collect())
            .collect()
    }

    #[test]
    fn folds_as_the_index_does() {
        assert_eq!(fold_word("ĐÌNH"), "dinh");
        assert_eq!(fold_word("Nguyễn"), "nguyen");
        assert_eq!(fold_word("Trường"), "truong");
        assert_eq!(fold_word("Café"), "cafe");
    }

    #[test]
    fn words_phrases_and_prefixes() {
        let text = "🇰🇷 Hiệp định đình chiến, the 38th Parallel—and Panmunjom.";
        assert_eq!(marked(text, "dinh chien "), ["định", "đình", "chiến"]);
        assert_eq!(marked(text, "\"dinh chien\""), ["đình chiến"]);
        assert_eq!(
            marked(text, "\"38th parallel\" panmun"),
            ["38th Parallel", "Panmunjom"]
        );
        assert_eq!(marked(text, "par "), Vec::<String>::new());
        assert_eq!(marked(text, "NEAR( and"), ["and"]);
    }
}
