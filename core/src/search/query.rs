//! What the user typed, as an FTS5 query that can only mean "these words".
//!
//! Every input is a search: words are matched in any order, a `"quoted phrase"` in order (an
//! unclosed quote runs to the end), the last word as a prefix while it is being typed (from two
//! letters, when the input does not end in a space or a closing quote). Nothing else has a meaning:
//! `OR`, `NEAR(`, `*`, `-`, `^`, parentheses and colons are text, because every word or phrase
//! is passed to FTS5 as a string literal, which its tokenizer splits like the indexed text.

use super::fold_for_index;
use super::marks::words;

/// At most this many characters of the input are read (more is no longer a query).
pub const QUERY_MAX_CHARS: usize = 1_000;
/// At most this many words and phrases are searched for.
pub const QUERY_MAX_TERMS: usize = 32;

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The FTS5 MATCH expression; empty when the input has nothing to search for.
    pub fts: String,
    /// Each word or phrase as typed, lowercased, to tell exact-accent matches.
    pub typed: Vec<String>,
    /// Each word or phrase as the index sees it, to mark where it matched.
    pub terms: Vec<Term>,
}

/// A word or a phrase of the query, its words folded as the index folds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The words, in order.
    pub words: Vec<String>,
    /// Whether the last word is matched as a prefix (it is still being typed).
    pub prefix: bool,
}

/// A word, or a quoted phrase, as typed; `open` when it ends the input without a space or
/// closing quote after it (still being typed).
struct Raw {
    text: String,
    open: bool,
}

/// Splits `input` into words and quoted phrases.
fn raw_terms(input: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let end_term = |current: &mut String, open: bool, out: &mut Vec<Raw>| {
        if current.chars().any(char::is_alphanumeric) {
            out.push(Raw {
                text: std::mem::take(current),
                open,
            });
        }
        current.clear();
    };
    for c in input.chars().take(QUERY_MAX_CHARS) {
        match c {
            '"' => {
                end_term(&mut current, false, &mut out);
                quoted = !quoted;
            }
            c if !quoted && c.is_whitespace() => end_term(&mut current, false, &mut out),
            c if c.is_control() => current.push(' '),
            c => current.push(c),
        }
    }
    end_term(&mut current, true, &mut out);
    out.truncate(QUERY_MAX_TERMS);
    out
}

impl Query {
    /// Parses what the user typed; never fails.
    pub fn parse(input: &str) -> Query {
        let raw = raw_terms(input);
        let mut fts = Vec::with_capacity(raw.len());
        let mut terms = Vec::with_capacity(raw.len());
        for term in &raw {
            let folded = fold_for_index(&term.text);
            let words: Vec<String> = words(&term.text).into_iter().map(|w| w.2).collect();
            let last = words.last().map_or(0, |w| w.chars().count());
            let prefix = term.open && last >= 2;
            // A string literal: a `"` inside is doubled (none survive `raw_terms`, but the
            // rule is FTS5's, so it is kept here rather than relied on).
            let star = if prefix { "*" } else { "" };
            fts.push(format!("\"{}\"{star}", folded.replace('"', "\"\"")));
            terms.push(Term { words, prefix });
        }
        Query {
            fts: fts.join(" "),
            typed: raw.iter().map(|t| t.text.trim().to_lowercase()).collect(),
            terms,
        }
    }

    /// Whether there is nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.fts.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::Query;

    fn fts(input: &str) -> String {
        Query::parse(input).fts
    }

    #[test]
    fn words_phrases_and_prefixes() {
        assert_eq!(fts("dinh chien"), r#""dinh" "chien"*"#);
        assert_eq!(fts("dinh chien "), r#""dinh" "chien""#);
        assert_eq!(fts(r#""38th parallel" war"#), r#""38th parallel" "war"*"#);
        assert_eq!(fts(r#"war "38th parallel""#), r#""war" "38th parallel""#);
        assert_eq!(fts(r#""đình chi"#), r#""dình chi"*"#);
        assert_eq!(fts("Đà Nẵng"), r#""Dà" "Nẵng"*"#);
        // One letter is too little for a prefix.
        assert_eq!(fts("korea w"), r#""korea" "w""#);
    }

    #[test]
    fn operators_are_text() {
        assert_eq!(fts("NEAR("), r#""NEAR("*"#);
        assert_eq!(fts("a OR b"), r#""a" "OR" "b""#);
        assert_eq!(fts("-war"), r#""-war"*"#);
        assert_eq!(fts("col:war"), r#""col:war"*"#);
        assert_eq!(fts("(a) ^b"), r#""(a)" "^b""#);
    }

    #[test]
    fn nothing_to_search_for() {
        for input in [
            "",
            "   ",
            "*",
            "-",
            "\"",
            "\"\"",
            "((",
            "* - ^",
            "\u{0}\u{7}\n",
        ] {
            assert!(Query::parse(input).is_empty(), "{input:?}");
        }
    }

    #[test]
    fn long_and_odd_input_is_bounded() {
        let long = "war ".repeat(2_500);
        let q = Query::parse(&long);
        assert_eq!(q.terms.len(), super::QUERY_MAX_TERMS);
        assert_eq!(q.typed.len(), super::QUERY_MAX_TERMS);
        let one_word = "x".repeat(10_000);
        assert_eq!(
            Query::parse(&one_word).fts.len(),
            super::QUERY_MAX_CHARS + 3
        );
        assert_eq!(fts("war\u{0}time"), r#""war time"*"#);
    }
}
