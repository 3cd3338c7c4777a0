-- Schema 1: what the reader remembers. Append-only: never edit a shipped migration.

-- One row per preference; values are validated by core before they are written.
CREATE TABLE preferences (
    key        TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- Where the reader was in each article. The block id and the fraction of the block above the
-- top of the viewport restore the view; the text offset (code points) survives a revision that
-- renumbers blocks.
CREATE TABLE reading_positions (
    article_id     TEXT PRIMARY KEY NOT NULL,
    block_id       TEXT NOT NULL,
    block_fraction REAL NOT NULL CHECK (block_fraction >= 0 AND block_fraction <= 1),
    text_offset    INTEGER NOT NULL CHECK (text_offset >= 0),
    progress       REAL NOT NULL CHECK (progress >= 0 AND progress <= 1),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
