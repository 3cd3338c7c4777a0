//! The UI's message catalogues (Fluent `.ftl` sources, embedded in the binary) and the choice of
//! the language the UI is shown in.
//!
//! The reader gets them with `open_reader`, in the same round trip as the article, so the first
//! paint is already in the user's language: fetching them from the page would be a second
//! request before anything could be drawn.

use serde::Serialize;

/// English: the source language, and every other language's fallback.
const EN: &str = include_str!("../../ui/i18n/en.ftl");
/// Vietnamese.
const VI: &str = include_str!("../../ui/i18n/vi.ftl");

/// The languages the UI has, with their catalogues; the first is the default.
const LANGUAGES: [(&str, &str); 2] = [("en", EN), ("vi", VI)];

/// The UI's language and its catalogues, most preferred first: the UI looks a message up in
/// each in turn, so a message Vietnamese lacks still shows, in English.
#[derive(Debug, Serialize)]
pub struct UiLanguage {
    /// `en` or `vi`.
    pub language: String,
    /// FTL sources: `[vi.ftl, en.ftl]` for Vietnamese, `[en.ftl]` for English.
    pub messages: Vec<&'static str>,
}

/// The language to show: the saved preference when it names one Margin has (`en`, `vi`), else
/// the first of the webview's `locales` (`navigator.languages`) whose primary subtag Margin
/// has, else English.
pub fn resolve(preference: &str, locales: &[String]) -> &'static str {
    let known = |tag: &str| LANGUAGES.iter().map(|(l, _)| *l).find(|l| *l == tag);
    known(preference)
        .or_else(|| {
            locales.iter().find_map(|locale| {
                let primary = locale.split(['-', '_']).next().unwrap_or_default();
                known(&primary.to_ascii_lowercase())
            })
        })
        .unwrap_or(LANGUAGES[0].0)
}

/// The resolved language with its catalogues, English last as the fallback.
pub fn ui_language(preference: &str, locales: &[String]) -> UiLanguage {
    let language = resolve(preference, locales);
    let mut messages: Vec<&'static str> = LANGUAGES
        .iter()
        .filter(|(l, _)| *l == language)
        .map(|(_, ftl)| *ftl)
        .collect();
    if language != LANGUAGES[0].0 {
        messages.push(LANGUAGES[0].1);
    }
    UiLanguage {
        language: language.to_string(),
        messages,
    }
}

#[cfg(test)]
mod tests {
    use super::{resolve, ui_language, EN, VI};

    fn hints(tags: &[&str]) -> Vec<String> {
        tags.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn the_saved_preference_wins() {
        assert_eq!(resolve("vi", &hints(&["en-US"])), "vi");
        assert_eq!(resolve("en", &hints(&["vi-VN"])), "en");
    }

    #[test]
    fn system_follows_the_webview_languages() {
        assert_eq!(resolve("system", &hints(&["vi-VN", "en"])), "vi");
        assert_eq!(resolve("system", &hints(&["en-US", "vi"])), "en");
        assert_eq!(resolve("system", &hints(&["VI_vn"])), "vi");
        // The first language Margin has, not the first one listed.
        assert_eq!(resolve("system", &hints(&["fr-FR", "vi"])), "vi");
    }

    #[test]
    fn anything_else_is_english() {
        assert_eq!(resolve("system", &hints(&["fr"])), "en");
        assert_eq!(resolve("system", &[]), "en");
        // A stored value from elsewhere is not a language Margin has.
        assert_eq!(resolve("klingon", &[]), "en");
    }

    #[test]
    fn vietnamese_falls_back_to_english() {
        let vi = ui_language("vi", &[]);
        assert_eq!(vi.language, "vi");
        assert_eq!(vi.messages, [VI, EN]);
        let en = ui_language("system", &hints(&["en-GB"]));
        assert_eq!(en.language, "en");
        assert_eq!(en.messages, [EN]);
        let json = serde_json::to_value(&vi).unwrap();
        assert_eq!(json["language"], "vi");
        assert_eq!(json["messages"][1], EN);
    }
}
