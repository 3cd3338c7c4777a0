//! Snippets: the original text (with its accents and its đ) cut to a few lines around its first
//! matched word.

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
