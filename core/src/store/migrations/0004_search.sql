-- Schema 4: search everywhere (core/src/search). One FTS5 index over the article text, the
-- highlights (quote, note, tags) and the free notes, in this file so it is backed up, restored and
-- moved with what it indexes. Append-only: never edit a shipped migration.
--
-- `unicode61 remove_diacritics 2` folds case and accents, but not đ/Đ (a letter of its own to
-- Unicode, not d with a mark), so the indexed text has đ/Đ replaced by d/D; the query is folded the
-- same way in core (which also marks the matched words in snippets, on the original text).
--
-- A row of `search_text` is one searchable thing; `search_items` says what it is. Its INTEGER
-- PRIMARY KEY is the FTS rowid, so the link survives VACUUM (a plain rowid may not), and the
-- unique key finds the row to replace on every write without scanning the index.
CREATE TABLE search_items (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('passage', 'highlight', 'note')),
    article_id TEXT NOT NULL,
    -- the block id of a passage, the annotation id of a highlight, the section id of a note
    -- ('' for the note on the whole article)
    item       TEXT NOT NULL,
    UNIQUE (kind, article_id, item)
) STRICT;

-- body: a passage's text, a highlight's quote, a note's text; note and tags: a highlight's.
CREATE VIRTUAL TABLE search_text USING fts5 (
    body, note, tags,
    tokenize = 'unicode61 remove_diacritics 2',
    -- prefix indexes for search as you type (core asks for a prefix from two letters on)
    prefix = '2 3'
);

-- What a highlight contributes to the index, folded as above. Tags in tag order, space-joined.
CREATE VIEW search_highlights AS
SELECT a.id AS id, a.article_id AS article_id,
       replace(replace(a.quote_exact, 'đ', 'd'), 'Đ', 'D') AS body,
       replace(replace(a.note, 'đ', 'd'), 'Đ', 'D') AS note,
       replace(replace(coalesce((
           SELECT group_concat(tag, ' ') FROM (
               SELECT tag FROM annotation_tags WHERE annotation_id = a.id ORDER BY tag)), ''),
           'đ', 'd'), 'Đ', 'D') AS tags
FROM annotations a WHERE a.deleted_at IS NULL;

CREATE VIEW search_notes AS
SELECT article_id, section_id,
       replace(replace(body, 'đ', 'd'), 'Đ', 'D') AS body
FROM notes;

-- Highlights: indexed on insert; on a change of what is searched (or of its article, or a
-- delete/undo) its row is replaced. Re-anchoring moves positions only and touches no index row.
CREATE TRIGGER search_highlight_insert AFTER INSERT ON annotations
WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO search_items (kind, article_id, item) VALUES ('highlight', new.article_id, new.id);
    INSERT INTO search_text (rowid, body, note, tags)
        SELECT last_insert_rowid(), body, note, tags FROM search_highlights WHERE id = new.id;
END;

CREATE TRIGGER search_highlight_update
AFTER UPDATE OF article_id, quote_exact, note, deleted_at ON annotations BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT id FROM search_items
        WHERE kind = 'highlight' AND article_id = old.article_id AND item = old.id);
    DELETE FROM search_items
        WHERE kind = 'highlight' AND article_id = old.article_id AND item = old.id;
    INSERT INTO search_items (kind, article_id, item)
        SELECT 'highlight', new.article_id, new.id WHERE new.deleted_at IS NULL;
    INSERT INTO search_text (rowid, body, note, tags)
        SELECT last_insert_rowid(), body, note, tags FROM search_highlights
        WHERE id = new.id AND new.deleted_at IS NULL;
END;

CREATE TRIGGER search_highlight_delete AFTER DELETE ON annotations BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT id FROM search_items
        WHERE kind = 'highlight' AND article_id = old.article_id AND item = old.id);
    DELETE FROM search_items
        WHERE kind = 'highlight' AND article_id = old.article_id AND item = old.id;
END;

-- A tag added or removed rewrites the tags of its highlight's row (if it has one).
CREATE TRIGGER search_tag_insert AFTER INSERT ON annotation_tags BEGIN
    UPDATE search_text SET tags = (SELECT tags FROM search_highlights WHERE id = new.annotation_id)
    WHERE rowid = (SELECT i.id FROM search_items i JOIN annotations a
        ON i.kind = 'highlight' AND i.article_id = a.article_id AND i.item = a.id
        WHERE a.id = new.annotation_id);
END;

CREATE TRIGGER search_tag_delete AFTER DELETE ON annotation_tags BEGIN
    UPDATE search_text SET tags = coalesce(
        (SELECT tags FROM search_highlights WHERE id = old.annotation_id), '')
    WHERE rowid = (SELECT i.id FROM search_items i JOIN annotations a
        ON i.kind = 'highlight' AND i.article_id = a.article_id AND i.item = a.id
        WHERE a.id = old.annotation_id);
END;

-- Free notes: one row per (article, section).
CREATE TRIGGER search_note_insert AFTER INSERT ON notes BEGIN
    INSERT INTO search_items (kind, article_id, item) VALUES ('note', new.article_id, new.section_id);
    INSERT INTO search_text (rowid, body)
        SELECT last_insert_rowid(), body FROM search_notes
        WHERE article_id = new.article_id AND section_id = new.section_id;
END;

CREATE TRIGGER search_note_update AFTER UPDATE ON notes BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT id FROM search_items
        WHERE kind = 'note' AND article_id = old.article_id AND item = old.section_id);
    DELETE FROM search_items
        WHERE kind = 'note' AND article_id = old.article_id AND item = old.section_id;
    INSERT INTO search_items (kind, article_id, item) VALUES ('note', new.article_id, new.section_id);
    INSERT INTO search_text (rowid, body)
        SELECT last_insert_rowid(), body FROM search_notes
        WHERE article_id = new.article_id AND section_id = new.section_id;
END;

CREATE TRIGGER search_note_delete AFTER DELETE ON notes BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT id FROM search_items
        WHERE kind = 'note' AND article_id = old.article_id AND item = old.section_id);
    DELETE FROM search_items
        WHERE kind = 'note' AND article_id = old.article_id AND item = old.section_id;
END;

-- What the reader already holds, indexed now. Article text is indexed by core from the library
-- (it is not in this file for built-in articles), keyed by revision in `search_articles`.
INSERT INTO search_items (kind, article_id, item)
    SELECT 'highlight', article_id, id FROM search_highlights;
INSERT INTO search_text (rowid, body, note, tags)
    SELECT i.id, h.body, h.note, h.tags FROM search_highlights h JOIN search_items i
    ON i.kind = 'highlight' AND i.article_id = h.article_id AND i.item = h.id;
INSERT INTO search_items (kind, article_id, item)
    SELECT 'note', article_id, section_id FROM notes;
INSERT INTO search_text (rowid, body)
    SELECT i.id, n.body FROM search_notes n JOIN search_items i
    ON i.kind = 'note' AND i.article_id = n.article_id AND i.item = n.section_id;

-- The revision of each article whose passages are in the index.
CREATE TABLE search_articles (
    article_id TEXT PRIMARY KEY NOT NULL,
    revision   TEXT NOT NULL,
    indexed_at TEXT NOT NULL
) STRICT;
