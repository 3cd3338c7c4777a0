-- Schema 3: an annotation can be placed on the part of its quote that survived a revision
-- (`anchor_status` 'trimmed', see core/src/anchor). SQLite cannot change a CHECK constraint in
-- place, so the table is rebuilt with every row as it was. Dropping the old table deletes its
-- tags through ON DELETE CASCADE (foreign keys are on), so they are kept aside and put back.
-- Append-only: never edit a shipped migration.

CREATE TEMP TABLE annotation_tags_kept AS SELECT annotation_id, tag FROM annotation_tags;

CREATE TABLE annotations_v3 (
    id               TEXT PRIMARY KEY NOT NULL,
    article_id       TEXT NOT NULL,
    article_revision TEXT NOT NULL,
    quote_exact      TEXT NOT NULL CHECK (length(quote_exact) > 0),
    quote_prefix     TEXT NOT NULL,
    quote_suffix     TEXT NOT NULL,
    position_start   INTEGER CHECK (position_start >= 0),
    position_end     INTEGER CHECK (position_end > position_start),
    anchor_status    TEXT NOT NULL
                     CHECK (anchor_status IN ('exact', 'moved', 'fuzzy', 'trimmed', 'orphan')),
    colour           TEXT NOT NULL,
    note             TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
) STRICT;
INSERT INTO annotations_v3 SELECT * FROM annotations;
DROP TABLE annotations;
ALTER TABLE annotations_v3 RENAME TO annotations;
CREATE INDEX annotations_by_article ON annotations (article_id, deleted_at);

-- Only tags of annotations that exist: a database once written with foreign keys off could hold
-- others, which the cascade left in place and which would clash with themselves here.
INSERT INTO annotation_tags (annotation_id, tag)
    SELECT annotation_id, tag FROM annotation_tags_kept
    WHERE annotation_id IN (SELECT id FROM annotations);
DROP TABLE annotation_tags_kept;
