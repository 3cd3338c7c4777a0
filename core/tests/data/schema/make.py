#!/usr/bin/env python3
"""Makes the schema fixtures: a Margin database of each shipped schema version, with rows in
every table as the app of that version wrote them (column formats, ids, timestamps), from the
shipped migrations alone. Run once per new schema version and commit the result; a shipped
fixture is never regenerated (core/tests/integration/schema.rs opens each with the current
build). Usage: python3 make.py  (from this folder)"""
import os, sqlite3

HERE = os.path.dirname(os.path.abspath(__file__))
MIGRATIONS = os.path.join(HERE, "../../../src/store/migrations")
T1, T2 = "2025-03-01T08:00:00.000Z", "2025-03-02T09:30:00.000Z"
QUOTE = "The Korean War erupted on June 25, 1950"

ROWS = {
    1: [
        ("INSERT INTO preferences VALUES (?, ?, ?, ?)", [("theme", "sepia", T1, T2), ("font_size", "20", T1, T1)]),
        ("INSERT INTO reading_positions VALUES (?, ?, ?, ?, ?, ?, ?)", [("korean-war", "intro-p2", 0.25, 420, 0.1, T1, T2)]),
    ],
    2: [
        ("INSERT INTO annotations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            ("0191b3a4-0000-7000-8000-000000000001", "korean-war", "old-revision", QUOTE, "", ", when around 75,000 troops from ", 0, 39, "exact", "green", "The **start**", T1, T2, None),
            ("0191b3a4-0000-7000-8000-000000000002", "korean-war", "old-revision", "the Cold War", "first military action of ", ".", 328, 340, "exact", "yellow", "", T1, T1, T2),
        ]),
        ("INSERT INTO annotation_tags VALUES (?, ?)", [("0191b3a4-0000-7000-8000-000000000001", "dates")]),
        ("INSERT INTO colour_meanings VALUES (?, ?, ?, ?)", [("green", "Dates", T1, T2)]),
        ("INSERT INTO bookmarks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            ("0191b3a4-0000-7000-8000-000000000003", "korean-war", "section", "stalemate", "stalemate-p1", 9000, "", T1, T1, None),
        ]),
        ("INSERT INTO notes VALUES (?, ?, ?, ?, ?)", [("korean-war", "", "A note on the whole article", T1, T2)]),
    ],
    3: [
        ("INSERT INTO annotations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            ("0191b3a4-0000-7000-8000-000000000004", "korean-war", "old-revision", "crossed the 38th Parallel", "around 75,000 troops from North ", " into South Korea", 93, 118, "trimmed", "pink", "", T1, T2, None),
        ]),
        ("INSERT INTO annotation_tags VALUES (?, ?)", [("0191b3a4-0000-7000-8000-000000000004", "border")]),
    ],
    # Schema 4 indexes through triggers: these rows reach search_text as the app's writes do.
    4: [
        ("INSERT INTO annotations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            ("0191b3a4-0000-7000-8000-000000000005", "korean-war", "old-revision", "Panmunjom", "talks at ", " in July", 20000, 20009, "exact", "blue", "Hiệp định đình chiến", T1, T2, None),
        ]),
        ("INSERT INTO annotation_tags VALUES (?, ?)", [("0191b3a4-0000-7000-8000-000000000005", "armistice")]),
        ("INSERT INTO notes VALUES (?, ?, ?, ?, ?)", [("korean-war", "stalemate", "Why did the talks take two years?", T1, T2)]),
        # Article text as core indexes it at the first search: a passage per block, per revision.
        ("INSERT INTO search_items (id, kind, article_id, item) VALUES (?, ?, ?, ?)", [(100, "passage", "korean-war", "intro-p1")]),
        ("INSERT INTO search_text (rowid, body) VALUES (?, ?)", [(100, QUOTE + ", when around 75,000 troops")]),
        ("INSERT INTO search_articles VALUES (?, ?, ?)", [("korean-war", "old-revision", T2)]),
    ],
}


def make(version):
    path = os.path.join(HERE, f"v{version}.sqlite3")
    if os.path.exists(path):
        os.remove(path)
    conn = sqlite3.connect(path)
    names = sorted(os.listdir(MIGRATIONS))[:version]
    for name in names:
        conn.executescript(open(os.path.join(MIGRATIONS, name), encoding="utf-8").read())
    for v in range(1, version + 1):
        for sql, rows in ROWS[v]:
            conn.executemany(sql, rows)
    # As the app left it: WAL mode (checkpointed by a clean close), user_version set, stamped
    # with Margin's application_id from schema 3 on (schemas 1 and 2 shipped before the stamp).
    conn.execute(f"PRAGMA user_version = {version}")
    if version >= 3:
        conn.execute(f"PRAGMA application_id = {0x4d72676e}")
    conn.commit()
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()


# Only the versions without a fixture yet: a shipped fixture is never regenerated.
for version in ROWS:
    if not os.path.exists(os.path.join(HERE, f"v{version}.sqlite3")):
        make(version)
