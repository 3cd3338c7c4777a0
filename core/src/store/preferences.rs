//! Reader preferences: theme, font size, highlight colour, the UI's language, and the reading
//! settings (font, line spacing, column width).

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::{Store, NOW};
use crate::error::excerpt;
use crate::{Error, Result};

/// Colour theme. `System` follows the OS (light or dark) and is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the OS.
    #[default]
    System,
    /// Dark text on white.
    Light,
    /// Dark brown on warm paper.
    Sepia,
    /// Light text on near-black.
    Dark,
}

impl Theme {
    fn parse(s: &str) -> Result<Theme> {
        Ok(match s {
            "system" => Theme::System,
            "light" => Theme::Light,
            "sepia" => Theme::Sepia,
            "dark" => Theme::Dark,
            other => {
                return Err(Error::InvalidInput(format!(
                    "unknown theme {}: choose system, light, sepia or dark",
                    excerpt(other)
                )))
            }
        })
    }

    fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Sepia => "sepia",
            Theme::Dark => "dark",
        }
    }
}

/// The languages the UI can be shown in, besides `system` (follow the OS), the default.
pub const LANGUAGES: [&str; 2] = ["en", "vi"];

/// Checks a UI language choice: `system` or one of [`LANGUAGES`].
fn parse_language(s: &str) -> Result<String> {
    if s == "system" || LANGUAGES.contains(&s) {
        Ok(s.to_string())
    } else {
        Err(Error::InvalidInput(format!(
            "unknown language {}: choose system, {}",
            excerpt(s),
            LANGUAGES.join(" or ")
        )))
    }
}

/// A preference that is one of a few words, stored as the word.
pub struct Choice {
    /// Its key in the table, and its field in [`Preferences`] and [`PreferencesPatch`].
    pub key: &'static str,
    /// The words it may be.
    pub choices: &'static [&'static str],
    /// The word until the user picks another.
    pub default: &'static str,
}

impl Choice {
    fn parse(&self, s: &str) -> Result<String> {
        if self.choices.contains(&s) {
            return Ok(s.to_string());
        }
        let (last, rest) = self.choices.split_last().unwrap_or((&"", &[]));
        Err(Error::InvalidInput(format!(
            "unknown {} {}: choose {} or {last}",
            self.key.replace('_', " "),
            excerpt(s),
            rest.join(", ")
        )))
    }
}

/// The reading font: a serif (the default, the article's face), a sans-serif, or OpenDyslexic
/// (bundled with the UI), which some readers with dyslexia find easier.
pub const FONT_FAMILY: Choice = Choice {
    key: "font_family",
    choices: &["serif", "sans", "dyslexic"],
    default: "serif",
};
/// Space between lines.
pub const LINE_SPACING: Choice = Choice {
    key: "line_spacing",
    choices: &["compact", "normal", "relaxed"],
    default: "normal",
};
/// How wide the column of text is.
pub const COLUMN_WIDTH: Choice = Choice {
    key: "column_width",
    choices: &["narrow", "medium", "wide"],
    default: "medium",
};

/// The reader's own reading pace, in words per minute, as the UI learns it (time left).
pub const READING_PACE: std::ops::RangeInclusive<i64> = 80..=700;
/// The pace until the reader's own is known: a typical adult's silent reading.
pub const DEFAULT_READING_PACE: u16 = 230;

fn parse_pace(n: i64) -> Result<u16> {
    if READING_PACE.contains(&n) {
        Ok(n as u16)
    } else {
        Err(Error::InvalidInput(format!(
            "reading pace {n} is outside {}–{} words a minute",
            READING_PACE.start(),
            READING_PACE.end()
        )))
    }
}

/// Body text size in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FontSize(pub u8);

impl FontSize {
    /// Smallest size offered.
    pub const MIN: u8 = 14;
    /// Largest size offered.
    pub const MAX: u8 = 28;

    fn parse(n: i64) -> Result<FontSize> {
        if (i64::from(Self::MIN)..=i64::from(Self::MAX)).contains(&n) {
            Ok(FontSize(n as u8))
        } else {
            Err(Error::InvalidInput(format!(
                "font size {n} is outside {}–{} px",
                Self::MIN,
                Self::MAX
            )))
        }
    }
}

impl Default for FontSize {
    fn default() -> Self {
        FontSize(19)
    }
}

/// All preferences, with defaults for those never set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Preferences {
    /// Colour theme.
    pub theme: Theme,
    /// Body text size.
    pub font_size: FontSize,
    /// The colour the `h` key highlights in: the last one used.
    pub highlight_colour: String,
    /// The UI's language: `system` (follow the OS) or one of [`LANGUAGES`].
    pub language: String,
    /// See [`FONT_FAMILY`].
    pub font_family: String,
    /// See [`LINE_SPACING`].
    pub line_spacing: String,
    /// See [`COLUMN_WIDTH`].
    pub column_width: String,
    /// Words per minute, within [`READING_PACE`].
    pub reading_pace: u16,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            theme: Theme::default(),
            font_size: FontSize::default(),
            highlight_colour: "yellow".to_string(),
            language: "system".to_string(),
            font_family: FONT_FAMILY.default.to_string(),
            line_spacing: LINE_SPACING.default.to_string(),
            column_width: COLUMN_WIDTH.default.to_string(),
            reading_pace: DEFAULT_READING_PACE,
        }
    }
}

/// A change to some preferences, as the UI sends it. Values are checked by core, so that a bad
/// value gets a clear error rather than a deserialisation failure.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreferencesPatch {
    /// New theme name.
    pub theme: Option<String>,
    /// New font size in px.
    pub font_size: Option<i64>,
    /// New default highlight colour.
    pub highlight_colour: Option<String>,
    /// New UI language (`system`, `en`, `vi`).
    pub language: Option<String>,
    /// New reading font (see [`FONT_FAMILY`]).
    pub font_family: Option<String>,
    /// New line spacing (see [`LINE_SPACING`]).
    pub line_spacing: Option<String>,
    /// New column width (see [`COLUMN_WIDTH`]).
    pub column_width: Option<String>,
    /// The reading pace learnt, in words per minute.
    pub reading_pace: Option<i64>,
}

impl Preferences {
    /// The field a [`Choice`] sets.
    fn choice_mut(&mut self, choice: &Choice) -> &mut String {
        match choice.key {
            "font_family" => &mut self.font_family,
            "line_spacing" => &mut self.line_spacing,
            _ => &mut self.column_width,
        }
    }
}

impl PreferencesPatch {
    /// The reading settings this patch changes, checked: (key, value) for each one set.
    fn choices(&self) -> Result<Vec<(&'static str, String)>> {
        [
            (&FONT_FAMILY, &self.font_family),
            (&LINE_SPACING, &self.line_spacing),
            (&COLUMN_WIDTH, &self.column_width),
        ]
        .into_iter()
        .filter_map(|(choice, value)| value.as_deref().map(|v| Ok((choice.key, choice.parse(v)?))))
        .collect()
    }
}

/// Checks one stored preference (key and value as text), as `update_preferences` would.
pub(crate) fn check_preference(key: &str, value: &str) -> Result<()> {
    let number = || {
        value
            .parse::<i64>()
            .map_err(|_| Error::InvalidInput(format!("{key} {} is not a number", excerpt(value))))
    };
    match key {
        "theme" => Theme::parse(value).map(drop),
        "font_size" => FontSize::parse(number()?).map(drop),
        "highlight_colour" => super::check_colour(value),
        "language" => parse_language(value).map(drop),
        "reading_pace" => parse_pace(number()?).map(drop),
        _ => match [&FONT_FAMILY, &LINE_SPACING, &COLUMN_WIDTH]
            .into_iter()
            .find(|c| c.key == key)
        {
            Some(choice) => choice.parse(value).map(drop),
            None => Err(Error::InvalidInput(format!(
                "unknown preference {}",
                excerpt(key)
            ))),
        },
    }
}

impl Store {
    /// Reads all preferences.
    pub fn preferences(&self) -> Result<Preferences> {
        let get = |key: &str| -> Result<Option<String>> {
            Ok(self
                .conn()
                .query_row("SELECT value FROM preferences WHERE key = ?1", [key], |r| {
                    r.get(0)
                })
                .optional()?)
        };
        let mut prefs = Preferences::default();
        // A value an older or newer version wrote that this one does not understand falls back
        // to the default rather than making the reader unusable.
        if let Some(theme) = get("theme")? {
            prefs.theme = Theme::parse(&theme).unwrap_or_default();
        }
        if let Some(size) = get("font_size")? {
            prefs.font_size = size
                .parse()
                .ok()
                .and_then(|n| FontSize::parse(n).ok())
                .unwrap_or_default();
        }
        if let Some(colour) = get("highlight_colour")? {
            if super::check_colour(&colour).is_ok() {
                prefs.highlight_colour = colour;
            }
        }
        if let Some(language) = get("language")? {
            if let Ok(language) = parse_language(&language) {
                prefs.language = language;
            }
        }
        if let Some(pace) = get("reading_pace")?.and_then(|v| v.parse().ok()) {
            prefs.reading_pace = parse_pace(pace).unwrap_or(DEFAULT_READING_PACE);
        }
        for choice in [&FONT_FAMILY, &LINE_SPACING, &COLUMN_WIDTH] {
            if let Some(value) = get(choice.key)?.and_then(|v| choice.parse(&v).ok()) {
                *prefs.choice_mut(choice) = value;
            }
        }
        Ok(prefs)
    }

    /// Validates and applies a patch; on any invalid value nothing is written.
    pub fn update_preferences(&mut self, patch: &PreferencesPatch) -> Result<Preferences> {
        let theme = patch.theme.as_deref().map(Theme::parse).transpose()?;
        let font_size = patch.font_size.map(FontSize::parse).transpose()?;
        if let Some(colour) = &patch.highlight_colour {
            super::check_colour(colour)?;
        }
        let language = patch.language.as_deref().map(parse_language).transpose()?;
        let mut choices = patch.choices()?;
        if let Some(pace) = patch.reading_pace {
            choices.push(("reading_pace", parse_pace(pace)?.to_string()));
        }
        self.write(|tx| {
            let put = |key: &str, value: String| -> Result<()> {
                tx.execute(
                    &format!(
                        "INSERT INTO preferences (key, value, created_at, updated_at)
                         VALUES (?1, ?2, {NOW}, {NOW})
                         ON CONFLICT (key) DO UPDATE SET value = excluded.value,
                                                         updated_at = excluded.updated_at"
                    ),
                    params![key, value],
                )?;
                Ok(())
            };
            if let Some(theme) = theme {
                put("theme", theme.as_str().to_string())?;
            }
            if let Some(size) = font_size {
                put("font_size", size.0.to_string())?;
            }
            if let Some(colour) = &patch.highlight_colour {
                put("highlight_colour", colour.clone())?;
            }
            if let Some(language) = language {
                put("language", language)?;
            }
            for (key, value) in choices {
                put(key, value)?;
            }
            Ok(())
        })?;
        self.preferences()
    }
}
