//! Text made safe for the Markdown export: quotes and titles escaped so that they read as
//! themselves, notes whose headings sit below the export's own, tags Obsidian takes, YAML
//! strings.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// How the app reads notes (`crate::markdown::render`), so a note exports as the user saw it.
const NOTE_OPTIONS: Options = Options::ENABLE_STRIKETHROUGH.union(Options::ENABLE_TABLES);

/// Escapes one line of plain text so that Markdown (CommonMark, GFM and Obsidian's own
/// `==highlight==`, `%%comment%%`, `$math$` and `#tag`) shows it as the same text. Leading and
/// trailing blanks go (Markdown drops them anyway, or reads them as code or a line break).
pub fn escape_line(line: &str) -> String {
    let chars: Vec<char> = line.trim().chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '$' => true,
            // Inside a word `_` opens and closes nothing: snake_case stays as it is.
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '&' => entity_like(&chars[i + 1..]),
            '=' => i == 0 || prev == Some('=') || next == Some('='),
            '%' => prev == Some('%') || next == Some('%'),
            // A list item or a thematic break at the start of the line; hyphens inside words stay.
            '-' | '+' => i == 0,
            '.' | ')' => i > 0 && chars[..i].iter().all(char::is_ascii_digit),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// True if `rest`, what follows a `&`, would make it an entity or a character reference
/// (`&amp;`, `&#38;`, `&#x26;`).
fn entity_like(rest: &[char]) -> bool {
    let name = rest.strip_prefix(&['#']).unwrap_or(rest);
    let len = name
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    len > 0 && name.get(len) == Some(&';')
}

/// `text` as a blockquote: every line escaped and prefixed with `> `; a blank line stays a
/// paragraph break inside the quote.
pub fn blockquote(text: &str) -> String {
    text.lines()
        .map(|l| match escape_line(l) {
            e if e.is_empty() => ">".to_string(),
            e => format!("> {e}"),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A tag as Obsidian takes it, or `None` if nothing is left (see the module doc of
/// [`super`] for the rule).
pub fn obsidian_tag(tag: &str) -> Option<String> {
    let chars: Vec<char> = tag.trim().trim_start_matches('#').chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let kept = match c {
            '\'' | '’' | '‘' | 'ʼ' => continue,
            '-' | '/' => c,
            '_' if i > 0 && chars[i - 1].is_alphanumeric() => match chars.get(i + 1) {
                Some(n) if n.is_alphanumeric() => '_',
                _ => '-',
            },
            c if c.is_alphanumeric() => c,
            _ => '-',
        };
        let last = out.chars().last();
        if !(matches!(kept, '-' | '/') && (last.is_none() || last == Some(kept))) {
            out.push(kept);
        }
    }
    let out = out.trim_end_matches(['-', '/']);
    if out.is_empty() {
        None
    } else if out.chars().all(char::is_numeric) {
        Some(format!("y{out}"))
    } else {
        Some(out.to_string())
    }
}

/// `tags` made Obsidian's, sorted, without repeats (Obsidian does not tell case apart).
pub fn obsidian_tags<'a>(tags: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    let mut out: Vec<String> = tags.into_iter().filter_map(|t| obsidian_tag(t)).collect();
    out.sort();
    let mut seen = Vec::new();
    out.retain(|t| {
        let key = t.to_lowercase();
        let new = !seen.contains(&key);
        seen.push(key);
        new
    });
    out
}

/// A string as a double-quoted YAML scalar.
pub fn yaml_string(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A user's Markdown note, trimmed, ready to go under a highlight or a section: its headings
/// (ATX or setext, wherever they are) become ATX headings three levels deeper, at least H4, so
/// that none is a title, section or level 3 of the export; and a note that would leave a code
/// block or an HTML block open (swallowing the rest of the export) is exported as a code block.
pub fn note(body: &str) -> String {
    let body = body.trim();
    let mut out = String::with_capacity(body.len() + 16);
    let mut done = 0;
    for (range, level, content) in headings(body) {
        out.push_str(&body[done..range.start]);
        let hashes = "#".repeat((level + 3).min(6));
        match content {
            Some(c) => out.push_str(&format!("{hashes} {}", one_line(&body[c]))),
            None => out.push_str(&hashes),
        }
        if body[range.clone()].ends_with('\n') {
            out.push('\n');
        }
        done = range.end;
    }
    out.push_str(&body[done..]);
    if closes(&out) {
        out
    } else {
        let longest = longest_run(&out, '`');
        let fence = "`".repeat(longest.max(2) + 1);
        format!("{fence}\n{out}\n{fence}")
    }
}

/// Each heading of `md`: its source range, level (1 to 6) and the range of its text.
fn headings(md: &str) -> Vec<(Range<usize>, usize, Option<Range<usize>>)> {
    let mut out = Vec::new();
    let mut open: Option<(Range<usize>, usize, Option<Range<usize>>)> = None;
    for (event, range) in Parser::new_ext(md, NOTE_OPTIONS).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => open = Some((range, level as usize, None)),
            Event::End(TagEnd::Heading(_)) => out.extend(open.take()),
            _ => {
                if let Some((_, _, content)) = open.as_mut() {
                    *content = Some(match content.take() {
                        Some(c) => c.start.min(range.start)..c.end.max(range.end),
                        None => range,
                    });
                }
            }
        }
    }
    out
}

/// A heading's text on one line: each line break, with the container marks (`>`) and the
/// indentation of the line after it, becomes a space.
fn one_line(text: &str) -> String {
    text.lines()
        .enumerate()
        .map(|(i, l)| match i {
            0 => l.trim_end(),
            _ => l.trim_start_matches([' ', '\t', '>']).trim_end(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// True if what follows `md` after a blank line starts afresh: no code or HTML block is left
/// open, nor any container.
fn closes(md: &str) -> bool {
    let probe = format!("{md}\n\nx");
    let at = md.len() + 2;
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(&probe, NOTE_OPTIONS).into_offset_iter() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(t) if range.start == at => return depth == 1 && &*t == "x",
            _ => {}
        }
    }
    false
}

/// The longest run of `c` in `s`.
fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for x in s.chars() {
        run = if x == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_markdown_would_read_as_markup() {
        assert_eq!(
            escape_line("1. a *b* [x] #c"),
            "1\\. a \\*b\\* \\[x\\] \\#c"
        );
        assert_eq!(
            escape_line("- a 2-mile-wide “zone”"),
            "\\- a 2-mile-wide “zone”"
        );
        assert_eq!(
            escape_line("snake_case _x_ ==h== %%c%% a=b"),
            "snake_case \\_x\\_ \\=\\=h\\=\\= \\%\\%c\\%\\% a=b"
        );
        assert_eq!(escape_line("AT&T &amp; 5 & 6"), "AT&T \\&amp; 5 & 6");
        assert_eq!(blockquote("a\n\n b "), "> a\n>\n> b");
    }

    #[test]
    fn makes_tags_obsidian_takes() {
        let cases = [
            ("cold war", Some("cold-war")),
            ("#leaders", Some("leaders")),
            ("who's-who?", Some("whos-who")),
            ("1945", Some("y1945")),
            ("1950-1953", Some("1950-1953")),
            ("nhãn", Some("nhãn")),
            ("snake_case", Some("snake_case")),
            ("_x_", Some("x")),
            ("a / b", Some("a-/-b")),
            ("/a//b/", Some("a/b")),
            ("???", None),
            ("##", None),
        ];
        for (tag, want) in cases {
            assert_eq!(obsidian_tag(tag).as_deref(), want, "{tag}");
        }
        let tags = ["B", "b", "#a", "a"].map(String::from);
        assert_eq!(obsidian_tags(&tags), ["B", "a"]);
    }

    #[test]
    fn quotes_yaml_strings() {
        assert_eq!(yaml_string("a: \"b\" \\ c?"), r#""a: \"b\" \\ c?""#);
        assert_eq!(yaml_string("x\ny\u{7}"), r#""x\ny\u0007""#);
    }

    #[test]
    fn puts_a_notes_headings_below_the_exports() {
        assert_eq!(note("# A\n\ntext\n\nB\n===\n"), "#### A\n\ntext\n\n#### B");
        assert_eq!(note("###### Deep ##"), "###### Deep");
        assert_eq!(note("> Two\n> lines\n> ---"), "> ##### Two lines");
        assert_eq!(note("- # In a list\n- b"), "- #### In a list\n- b");
        assert_eq!(note("`# not` a heading"), "`# not` a heading");
        assert_eq!(note("```\n# code\n```"), "```\n# code\n```");
    }

    #[test]
    fn never_leaves_a_block_open() {
        assert_eq!(note("```\nopen"), "````\n```\nopen\n````");
        assert_eq!(note("<!-- open"), "```\n<!-- open\n```");
        assert_eq!(note("- a\n\n  b"), "- a\n\n  b");
        assert_eq!(note("> q"), "> q");
    }
}
