//! Snippets: the words FTS5 matched, marked on the original text (with its accents and its đ),
//! cut to a few lines around the first match.

use super::{fold_for_index, MARK_CLOSE, MARK_OPEN};

/// How many code points of context a snippet keeps before its first mark, at most.
const BEFORE: usize = 60;
/// How long a snippet is, at most, in code points (ellipses aside).
const LENGTH: usize = 200;

/// A piece of text with the matched words marked: `marks` are `[start, end)` code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// The text.
    pub text: String,
    /// The matched words, in order, as code point ranges of `text`.
    pub marks: Vec<[usize; 2]>,
}

/// Takes highlight()'s output for a column (the indexed text with markers around matches) and
/// the original text it was indexed from, and returns the original with the marks. The indexed
/// text is the original with one code point replaced by one (see `fold_for_index`), so the
/// offsets carry over; if the two do not agree (the original changed under the index), the
/// indexed text is shown rather than marks in the wrong places.
pub fn unmark(highlighted: &str, original: &str) -> Marked {
    let mut plain = String::with_capacity(highlighted.len());
    let mut marks = Vec::new();
    let mut at = 0;
    let mut open = None;
    for c in highlighted.chars() {
        match c {
            MARK_OPEN => open = Some(at),
            MARK_CLOSE => {
                if let Some(start) = open.take() {
                    if start < at {
                        marks.push([start, at]);
                    }
                }
            }
            c => {
                plain.push(c);
                at += 1;
            }
        }
    }
    let text = if fold_for_index(original) == plain {
        original.to_string()
    } else {
        plain
    };
    Marked { text, marks }
}

/// Cuts `marked` to at most `LENGTH` code points starting a little before its first mark, at word
/// boundaries, with "…" where text was cut.
pub fn crop(marked: &Marked) -> Marked {
    let chars: Vec<char> = marked.text.chars().collect();
    if chars.len() <= LENGTH {
        return marked.clone();
    }
    let first = marked.marks.first().map_or(0, |m| m[0]);
    let mut start = first.saturating_sub(BEFORE);
    if start > 0 {
        // Begin at a word: after the first space at or past `start` (but not past the mark).
        if let Some(space) = chars[start..first].iter().position(|c| c.is_whitespace()) {
            start += space + 1;
        }
    }
    let mut end = (start + LENGTH).min(chars.len());
    if end < chars.len() {
        if let Some(space) = chars[start..end].iter().rposition(|c| c.is_whitespace()) {
            if start + space > first {
                end = start + space;
            }
        }
    }
    let lead = usize::from(start > 0);
    let mut text = String::new();
    if start > 0 {
        text.push('…');
    }
    text.extend(&chars[start..end]);
    if end < chars.len() {
        text.push('…');
    }
    let marks = marked
        .marks
        .iter()
        .filter(|m| m[0] >= start && m[1] <= end)
        .map(|m| [m[0] - start + lead, m[1] - start + lead])
        .collect();
    Marked { text, marks }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hl(s: &str) -> String {
        s.replace('[', &MARK_OPEN.to_string())
            .replace(']', &MARK_CLOSE.to_string())
    }

    #[test]
    fn marks_land_on_the_original_with_its_accents() {
        let m = unmark(
            &hl("Hiệp dịnh [dình chiến] 1953"),
            "Hiệp định đình chiến 1953",
        );
        assert_eq!(m.text, "Hiệp định đình chiến 1953");
        assert_eq!(m.marks, vec![[10, 20]]);
        let marked: String = m.text.chars().skip(10).take(10).collect();
        assert_eq!(marked, "đình chiến");
    }

    #[test]
    fn emoji_and_a_changed_original() {
        let m = unmark(&hl("🇰🇷 [Seoul] fell"), "🇰🇷 Seoul fell");
        assert_eq!(m.marks, vec![[3, 8]]);
        let m = unmark(&hl("[Seoul] fell"), "Pusan held");
        assert_eq!(m.text, "Seoul fell");
    }

    #[test]
    fn crops_around_the_first_mark_at_word_boundaries() {
        let words: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
        let text = words.join(" ");
        let start = text.find("w50").unwrap();
        let m = Marked {
            marks: vec![[start, start + 3]],
            text,
        };
        let c = crop(&m);
        assert!(
            c.text.starts_with('…') && c.text.ends_with('…'),
            "{}",
            c.text
        );
        assert!(c.text.chars().count() <= LENGTH + 2);
        let [s, e] = c.marks[0];
        let marked: String = c.text.chars().skip(s).take(e - s).collect();
        assert_eq!(marked, "w50");
        assert!(c.text[3..].starts_with('w'), "starts at a word: {}", c.text);
    }
}
