//! What the user typed, as an FTS5 query that can only mean "these words".
//!
//! Every input is a search: words are matched in any order, a `"quoted phrase"` in order (an
//! unclosed quote runs to the end), the last word as a prefix while it is being typed (from two
//! letters, when the input does not end in a space or a closing quote). Nothing else has a meaning:
//! `OR`, `NEAR(`, `*`, `-`, `^`, parentheses and colons are text, because every word or phrase
//! is passed to FTS5 as a string literal, which its tokenizer splits like the indexed text.

use super::fold_for_index;

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
    pub terms: Vec<String>,
}

/// A word, or a quoted phrase; `open` when it ends the input without a space or closing quote
/// after it (still being typed).
struct Term {
    text: String,
    open: bool,
}

/// Splits `input` into words and quoted phrases.
fn terms(input: &str) -> Vec<Term> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let end_term = |current: &mut String, open: bool, out: &mut Vec<Term>| {
        if current.chars().any(char::is_alphanumeric) {
            out.push(Term {
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
        let terms = terms(input);
        let mut fts = Vec::with_capacity(terms.len());
        for term in &terms {
            let folded = fold_for_index(&term.text);
            let last_word = folded.split_whitespace().last().unwrap_or("");
            let prefix =
                term.open && last_word.chars().filter(|c| c.is_alphanumeric()).count() >= 2;
            // A string literal: a `"` inside is doubled (none survive `terms`, but the rule is
            // FTS5's, so it is kept here rather than relied on).
            let literal = format!(
                "\"{}\"{}",
                folded.replace('"', "\"\""),
                if prefix { "*" } else { "" }
            );
            fts.push(literal);
        }
        Query {
            fts: fts.join(" "),
            terms: terms.iter().map(|t| t.text.trim().to_lowercase()).collect(),
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
        let one_word = "x".repeat(10_000);
        assert_eq!(
            Query::parse(&one_word).fts.len(),
            super::QUERY_MAX_CHARS + 3
        );
        assert_eq!(fts("war\u{0}time"), r#""war time"*"#);
    }
}
