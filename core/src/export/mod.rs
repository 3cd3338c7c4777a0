//! Getting annotations out of Margin and back in.
//!
//! - [`w3c`]: W3C Web Annotation JSON-LD (an `AnnotationCollection`), the interchange format;
//!   [`w3c::import`] reads it back and merges by id.
//! - [`markdown`]: a readable export grouped by section, for notes apps such as Obsidian.
//!
//! An article is named by its IRI `urn:margin:article:<id>`, never by a file path, so an export
//! made on one machine imports on another whatever the OS.

pub mod markdown;
pub mod w3c;
