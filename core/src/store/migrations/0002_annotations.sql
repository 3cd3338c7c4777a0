-- Schema 2: highlights with notes and tags, colour meanings, bookmarks, free notes.
-- Append-only: never edit a shipped migration.

-- A highlight (and its note) anchored into an article's text. The selectors are the W3C
-- TextQuoteSelector (exact + 32 code points of prefix/suffix) and TextPositionSelector (code
-- points), valid for `article_revision`; when the article's text changes they are re-anchored and
-- rewritten, and `anchor_status` says how they were found. An orphan keeps its last selectors and
-- a NULL position. Rows are soft-deleted (`deleted_at`) so a delete can be undone.
CREATE TABLE annotations (
    id               TEXT PRIMARY KEY NOT NULL,
    article_id       TEXT NOT NULL,
    article_revision TEXT NOT NULL,
    quote_exact      TEXT NOT NULL CHECK (length(quote_exact) > 0),
    quote_prefix     TEXT NOT NULL,
    quote_suffix     TEXT NOT NULL,
    position_start   INTEGER CHECK (position_start >= 0),
    position_end     INTEGER CHECK (position_end > position_start),
    anchor_status    TEXT NOT NULL CHECK (anchor_status IN ('exact', 'moved', 'fuzzy', 'orphan')),
    colour           TEXT NOT NULL,
    note             TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
) STRICT;
CREATE INDEX annotations_by_article ON annotations (article_id, deleted_at);

CREATE TABLE annotation_tags (
    annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
    tag           TEXT NOT NULL CHECK (length(tag) > 0),
    PRIMARY KEY (annotation_id, tag)
) STRICT;
CREATE INDEX annotation_tags_by_tag ON annotation_tags (tag);

-- What each colour means to this user ("key fact", "question"); defaults live in code.
CREATE TABLE colour_meanings (
    colour     TEXT PRIMARY KEY NOT NULL,
    meaning    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- A bookmark on a section (its heading's block id) or on an exact position (block + offset).
CREATE TABLE bookmarks (
    id          TEXT PRIMARY KEY NOT NULL,
    article_id  TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('section', 'position')),
    section_id  TEXT NOT NULL,
    block_id    TEXT NOT NULL,
    text_offset INTEGER NOT NULL CHECK (text_offset >= 0),
    label       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX bookmarks_by_article ON bookmarks (article_id, deleted_at);

-- Free Markdown notes: one on the article (section_id = '') and one per section.
CREATE TABLE notes (
    article_id TEXT NOT NULL,
    section_id TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (article_id, section_id)
) STRICT;
