//! The crate's one error type. It crosses the IPC boundary as `{kind, message}`.

use serde::Serialize;

/// Everything that can go wrong in core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input from the user or the UI that core refuses; nothing was changed.
    #[error("{0}")]
    InvalidInput(String),
    /// An id (article, annotation, ...) that does not exist.
    #[error("{0}")]
    NotFound(String),
    /// A content pack that cannot be parsed.
    #[error("content pack: {0}")]
    Content(String),
    /// The SQLite database failed.
    #[error("database: {0}")]
    Database(#[from] rusqlite::Error),
    /// A schema migration failed. Said without the migration's SQL (rusqlite_migration's own
    /// message quotes the whole statement).
    #[error("the database could not be updated to this version of Margin: {}", migration_cause(.0))]
    Migration(#[from] rusqlite_migration::Error),
    /// A file could not be read or written.
    #[error("file: {0}")]
    Io(#[from] std::io::Error),
    /// Margin cannot write its database (a read-only folder or disk, a full disk): nothing was
    /// saved, and what the user typed stays where it is.
    #[error("Margin cannot save: {0}")]
    CannotSave(String),
    /// The database file cannot be used as it is; nothing was written to it.
    #[error("cannot open {}: {problem}", path.display())]
    Unopenable {
        /// The database file.
        path: std::path::PathBuf,
        /// What is wrong with it.
        problem: crate::store::OpenProblem,
    },
}

/// What went wrong in a migration, in SQLite's words, without the SQL it ran.
fn migration_cause(e: &rusqlite_migration::Error) -> String {
    match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => err.to_string(),
        other => excerpt(&other.to_string()),
    }
}

impl Error {
    /// A stable, machine-readable name for the kind of error, for the UI and for tests.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::InvalidInput(_) => "invalid_input",
            Error::NotFound(_) => "not_found",
            Error::Content(_) => "content",
            Error::Database(_) => "database",
            Error::Migration(_) => "migration",
            Error::Io(_) => "io",
            Error::Unopenable { .. } => "unopenable",
            Error::CannotSave(_) => "cannot_save",
        }
    }
}

/// The shape every error takes across IPC: `{ "kind": "...", "message": "..." }`.
impl Serialize for Error {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Error", 2)?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("message", &self.to_string())?;
        s.end()
    }
}

/// How much of a value from outside (an id, a colour, a tag) an error message quotes.
pub const EXCERPT_CHARS: usize = 40;

/// A value from outside as an error message quotes it: in quotes, escaped (so a message is one
/// line whatever it holds), its first [`EXCERPT_CHARS`] characters and, when cut, how long it
/// was. A 5 MB "colour" comes back as 40 characters, not five million.
pub fn excerpt(s: &str) -> String {
    let n = s.chars().count();
    let head: String = s.chars().take(EXCERPT_CHARS).collect();
    if n > EXCERPT_CHARS {
        format!("{head:?}… ({n} characters)")
    } else {
        format!("{head:?}")
    }
}

/// Core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_is_short_one_line_and_says_how_long_the_value_was() {
        assert_eq!(excerpt("pink"), "\"pink\"");
        let huge = "x".repeat(5_000_000);
        let e = excerpt(&huge);
        assert!(e.chars().count() < 80, "{e}");
        assert!(e.ends_with("(5000000 characters)"));
        assert_eq!(excerpt("a\nb\u{1b}[31m"), "\"a\\nb\\u{1b}[31m\"");
    }

    #[test]
    fn a_five_megabyte_colour_is_refused_in_a_short_message() {
        let err = crate::store::check_colour(&"x".repeat(5_000_000)).unwrap_err();
        let message = err.to_string();
        assert!(message.len() < 200, "{} characters", message.len());
        assert!(message.contains("5000000 characters"));
    }
}
