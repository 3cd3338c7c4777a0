//! The highlight colours and what each means to this user: a fixed set of names, each with a
//! default meaning the user can rename (stored in `colour_meanings`).

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::{Store, NOW};
use crate::error::excerpt;
use crate::{Error, Result};

/// The colours a highlight can have, with the meaning each has until the user renames it.
pub const COLOURS: [(&str, &str); 5] = [
    ("yellow", "Key idea"),
    ("green", "Fact or date"),
    ("blue", "Context"),
    ("pink", "Question"),
    ("purple", "To remember"),
];

/// Longest colour meaning, in code points.
pub const MEANING_MAX_CHARS: usize = 40;

/// A colour and what it means to this user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Colour {
    /// The colour's name (`yellow`, ...).
    pub name: String,
    /// What it means ("Key idea").
    pub meaning: String,
    /// Whether the user renamed it. While false, `meaning` is core's English default and the UI
    /// shows its own translation of that default instead.
    pub renamed: bool,
}

/// Refuses a colour name Margin does not have.
pub fn check_colour(colour: &str) -> Result<()> {
    if COLOURS.iter().any(|(c, _)| *c == colour) {
        Ok(())
    } else {
        let names: Vec<&str> = COLOURS.iter().map(|(c, _)| *c).collect();
        Err(Error::InvalidInput(format!(
            "unknown colour {}: use one of {}",
            excerpt(colour),
            names.join(", ")
        )))
    }
}

/// Checks a colour and what it is to mean; returns the meaning trimmed.
pub(crate) fn check_meaning<'a>(colour: &str, meaning: &'a str) -> Result<&'a str> {
    check_colour(colour)?;
    let meaning = meaning.trim();
    if meaning.is_empty() || meaning.chars().count() > MEANING_MAX_CHARS {
        return Err(Error::InvalidInput(format!(
            "a colour's meaning must be 1 to {MEANING_MAX_CHARS} characters"
        )));
    }
    Ok(meaning)
}

impl Store {
    /// The colours with their meanings.
    pub fn colours(&self) -> Result<Vec<Colour>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT meaning FROM colour_meanings WHERE colour = ?1")?;
        COLOURS
            .iter()
            .map(|(name, default)| {
                let meaning: Option<String> =
                    stmt.query_row([name], |r| super::text(r, 0)).optional()?;
                Ok(Colour {
                    name: name.to_string(),
                    renamed: meaning.is_some(),
                    meaning: meaning.unwrap_or_else(|| default.to_string()),
                })
            })
            .collect()
    }

    /// Renames what a colour means.
    pub fn rename_colour(&mut self, colour: &str, meaning: &str) -> Result<Vec<Colour>> {
        let meaning = check_meaning(colour, meaning)?;
        self.write(|tx| {
            tx.execute(
                &format!(
                    "INSERT INTO colour_meanings (colour, meaning, created_at, updated_at)
                     VALUES (?1, ?2, {NOW}, {NOW})
                     ON CONFLICT (colour) DO UPDATE SET meaning = excluded.meaning, updated_at = excluded.updated_at"
                ),
                params![colour, meaning],
            )?;
            Ok(())
        })?;
        self.colours()
    }
}
