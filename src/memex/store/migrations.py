"""Schema migrations: an ordered list of functions; PRAGMA user_version records how many ran."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable

MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = []
migration = MIGRATIONS.append


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run SQL statements one by one (executescript would COMMIT our BEGIN IMMEDIATE)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""


@migration
def m001_initial(conn: sqlite3.Connection) -> None:
    run_script(conn, """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO meta VALUES ('seq', '0');

    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,          -- absolute folder or file path
        added_at REAL NOT NULL
    );

    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        path TEXT NOT NULL UNIQUE,          -- absolute path
        content_hash TEXT NOT NULL,         -- sha256 of the file bytes
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        parser TEXT NOT NULL,
        title TEXT,
        note_date TEXT,                     -- ISO date: front matter, file name or mtime
        metadata TEXT NOT NULL DEFAULT '{}',-- JSON: tags, links, aliases, warnings
        indexed_at REAL NOT NULL
    );
    CREATE INDEX documents_hash ON documents(content_hash);
    CREATE INDEX documents_source ON documents(source_id);
    CREATE INDEX documents_date ON documents(note_date);

    CREATE TABLE chunks (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL,            -- sha256 of text: unchanged chunks keep their vectors
        heading_path TEXT NOT NULL DEFAULT '[]',
        page INTEGER, start_line INTEGER, end_line INTEGER,
        start_char INTEGER, end_char INTEGER,
        n_tokens INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX chunks_doc ON chunks(doc_id, ordinal);
    CREATE INDEX chunks_hash ON chunks(text_hash);

    CREATE TABLE embeddings (
        chunk_id INTEGER NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
        embedder TEXT NOT NULL,
        vector BLOB NOT NULL,               -- float32 little-endian
        seq INTEGER NOT NULL,               -- meta.seq of the writing transaction
        PRIMARY KEY (chunk_id, embedder)
    );
    CREATE INDEX embeddings_seq ON embeddings(embedder, seq);

    -- removed vectors, so a vector cache built at seq N can catch up instead of rebuilding
    CREATE TABLE tombstones (
        seq INTEGER NOT NULL,
        chunk_id INTEGER NOT NULL,
        embedder TEXT NOT NULL
    );
    CREATE INDEX tombstones_seq ON tombstones(embedder, seq);

    CREATE TABLE tags (doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, tag TEXT NOT NULL);
    CREATE INDEX tags_tag ON tags(tag);
    CREATE TABLE links (doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, target TEXT NOT NULL);
    CREATE INDEX links_target ON links(target);

    CREATE TABLE failures (
        path TEXT PRIMARY KEY,
        source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        at REAL NOT NULL
    );

    -- title and heading path are indexed with the text: a query naming a note's title finds it
    CREATE VIRTUAL TABLE chunks_fts USING fts5(
        title, headings, text,
        tokenize = 'porter unicode61 remove_diacritics 2'
    );
    """)


@migration
def m002_exclusions(conn: sqlite3.Connection) -> None:
    # `memex remove FILE` inside a source folder: remembered so the next sync doesn't bring it back.
    conn.execute("CREATE TABLE exclusions (path TEXT PRIMARY KEY, added_at REAL NOT NULL)")


@migration
def m003_audit(conn: sqlite3.Connection) -> None:
    # Who did what through the API/MCP, and which documents an answer drew on; never note text.
    run_script(conn, """
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,                   -- unix time
        actor TEXT NOT NULL,                -- e.g. "api:127.0.0.1", "mcp:stdio"
        action TEXT NOT NULL,               -- e.g. "ask", "add_source", "upload", "delete_document"
        target TEXT,                        -- path or id acted on; for ask, a hash of the question
        status TEXT NOT NULL DEFAULT 'ok',  -- "ok" or "error"
        doc_ids TEXT NOT NULL DEFAULT '[]', -- JSON list of document ids returned or changed
        detail TEXT NOT NULL DEFAULT '{}'   -- JSON: counts, error message; no note text
    );
    CREATE INDEX audit_at ON audit(at);
    """)


@migration
def m004_threads(conn: sqlite3.Connection) -> None:
    # Conversation memory for `memex chat`: a thread is an ordered list of turns.
    run_script(conn, """
    CREATE TABLE threads (
        id TEXT PRIMARY KEY,                -- short random id shown to the user
        title TEXT NOT NULL,                -- the first question
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL
    );
    CREATE TABLE turns (
        id INTEGER PRIMARY KEY,
        thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        result TEXT NOT NULL DEFAULT '{}',  -- JSON: the ask --json contract of the answer
        at REAL NOT NULL
    );
    CREATE INDEX turns_thread ON turns(thread_id, id);
    """)


@migration
def m005_languages(conn: sqlite3.Connection) -> None:
    # The language each note and chunk is written in (ISO 639-1, or 'und' when it can't be told);
    # NULL = indexed before languages were detected (sync fills it in). Used by `--lang`, status,
    # the automatic embedder choice and language-aware fusion.
    run_script(conn, """
    ALTER TABLE documents ADD COLUMN lang TEXT;
    ALTER TABLE chunks ADD COLUMN lang TEXT;
    CREATE INDEX documents_lang ON documents(lang);
    """)


@migration
def m006_fts_stems(conn: sqlite3.Connection) -> None:
    # BM25 for every language (memex/language/analyzer.py): a fourth FTS column, `stems`, holds the Snowball
    # stems of non-English text and the character pairs of CJK/Thai runs; the other columns are unchanged.
    # Rebuilt from the chunks table (chunks of an older home have no language yet: sync re-indexes each
    # note once its language is detected).
    import json

    from memex.language.analyzer import fts_row

    conn.execute("DROP TABLE chunks_fts")
    conn.execute("CREATE VIRTUAL TABLE chunks_fts USING fts5(title, headings, text, stems, "
                 "tokenize = 'porter unicode61 remove_diacritics 2')")
    rows = conn.execute("SELECT c.id, coalesce(d.title, ''), c.heading_path, c.text, c.lang FROM chunks c "
                        "JOIN documents d ON d.id = c.doc_id ORDER BY c.id").fetchall()
    conn.executemany("INSERT INTO chunks_fts(rowid, title, headings, text, stems) VALUES (?,?,?,?,?)",
                     [(r[0], *fts_row(r[1], " ".join(json.loads(r[2])), r[3], r[4])) for r in rows])


@migration
def m007_media_times(conn: sqlite3.Connection) -> None:
    # Audio transcripts: where a chunk is spoken, in seconds from the start of the recording.
    conn.execute("ALTER TABLE chunks ADD COLUMN start_s REAL")
    conn.execute("ALTER TABLE chunks ADD COLUMN end_s REAL")
    # An image or recording that failed is not parsed again (an hour of speech-to-text) until its bytes or
    # the OCR/speech engines change; `failures` still holds the reason shown by `memex status`.
    conn.execute("CREATE TABLE media_failures (path TEXT PRIMARY KEY, size INTEGER NOT NULL, "
                 "mtime_ns INTEGER NOT NULL, engines TEXT NOT NULL, reason TEXT NOT NULL)")


@migration
def m008_vector_backends(conn: sqlite3.Connection) -> None:
    # Server vector backends (pgvector, Qdrant) keep a payload copy (path, tags, date) per chunk for
    # filters. A move changes a document's path without touching its vectors, so it is logged here with
    # a new seq; backends apply it when they catch up. home_id names this store's collection on a server.
    run_script(conn, """
    CREATE TABLE payload_log (seq INTEGER NOT NULL, doc_id INTEGER NOT NULL);
    CREATE INDEX payload_log_seq ON payload_log(seq);
    CREATE TRIGGER documents_moved AFTER UPDATE OF path ON documents WHEN old.path != new.path BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'seq';
        INSERT INTO payload_log(seq, doc_id) SELECT CAST(value AS INTEGER), new.id FROM meta WHERE key = 'seq';
    END;
    INSERT INTO meta(key, value) VALUES ('home_id', lower(hex(randomblob(8))));
    """)


@migration
def m009_graph(conn: sqlite3.Connection) -> None:
    # The note graph (issue 12): derived from documents/chunks/embeddings, rebuilt by `memex check --repair`.
    # No foreign keys on purpose: the graph update runs after a sync and cleans up deleted documents itself
    # (it needs their old names to re-resolve links that pointed at them).
    run_script(conn, """
    CREATE TABLE graph_state (
        doc_id INTEGER PRIMARY KEY,         -- a document whose graph rows below are current
        content_hash TEXT NOT NULL,
        path TEXT NOT NULL,
        updated_at REAL NOT NULL
    );
    CREATE TABLE graph_names (              -- what a link to a note may say: file stem, title, aliases
        doc_id INTEGER NOT NULL,
        name TEXT NOT NULL,                 -- normalised (links.name_key)
        display TEXT NOT NULL               -- as written
    );
    CREATE INDEX graph_names_name ON graph_names(name);
    CREATE INDEX graph_names_doc ON graph_names(doc_id);

    CREATE TABLE graph_links (
        src INTEGER NOT NULL,               -- the linking document
        target TEXT NOT NULL,               -- as written, e.g. "Deployment runbook#Rollback"
        name TEXT NOT NULL,                 -- normalised target name used for resolution
        dst INTEGER,                        -- resolved document; NULL = unresolved placeholder
        kind TEXT NOT NULL,                 -- link | embed | mdlink | property
        anchor TEXT,                        -- heading or ^block id
        alias TEXT,                         -- [[target|alias]]
        context TEXT                        -- the sentence or property holding the link
    );
    CREATE INDEX graph_links_src ON graph_links(src);
    CREATE INDEX graph_links_dst ON graph_links(dst);
    CREATE INDEX graph_links_name ON graph_links(name);

    CREATE TABLE graph_entities (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,           -- normalised surface form
        name TEXT NOT NULL,                 -- as first seen
        kind TEXT NOT NULL,                 -- person | org | place | project | id | name
        canonical INTEGER,                  -- merged alias -> entity it stands for (NULL: itself)
        df INTEGER NOT NULL DEFAULT 0       -- notes mentioning it (kept current by the graph update)
    );
    CREATE INDEX graph_entities_canonical ON graph_entities(canonical);
    CREATE TABLE graph_mentions (
        doc_id INTEGER NOT NULL,
        entity INTEGER NOT NULL,
        count INTEGER NOT NULL,
        strong INTEGER NOT NULL,            -- 0: only seen where any word is capitalised (a line start)
        chunk_id INTEGER,                   -- first chunk that mentions it
        context TEXT,                       -- the first sentence that mentions it
        PRIMARY KEY (doc_id, entity)
    );
    CREATE INDEX graph_mentions_entity ON graph_mentions(entity);

    CREATE TABLE graph_semantic (
        src INTEGER NOT NULL,
        dst INTEGER NOT NULL,
        score REAL NOT NULL,                -- note-level similarity
        pair REAL NOT NULL,                 -- cosine of the connecting passage pair
        src_chunk INTEGER NOT NULL,
        dst_chunk INTEGER NOT NULL,
        PRIMARY KEY (src, dst)
    );
    CREATE INDEX graph_semantic_dst ON graph_semantic(dst);

    CREATE TABLE graph_statements (         -- dated sentences with values, for contradiction detection
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL,
        chunk_id INTEGER NOT NULL,
        text TEXT NOT NULL,                 -- exact text from the chunk (a quote)
        terms TEXT NOT NULL,                -- JSON: subject words
        slots TEXT NOT NULL,                -- JSON: {type: [values]}
        date TEXT,                          -- when it was stated / took effect (ISO)
        cue INTEGER NOT NULL,               -- 1: says something changed ("moved to", "now", "from X to Y")
        stale_by INTEGER                    -- a later statement that contradicts it (the later one wins)
    );
    CREATE INDEX graph_statements_doc ON graph_statements(doc_id);
    CREATE TABLE graph_statement_terms (term TEXT NOT NULL, stmt INTEGER NOT NULL);
    CREATE INDEX graph_statement_terms_term ON graph_statement_terms(term);

    CREATE TABLE insights (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,           -- stable identity: kind + what it is about
        kind TEXT NOT NULL,                 -- connection | resurface | cluster | contradiction
        title TEXT NOT NULL,
        notes TEXT NOT NULL,                -- JSON list of paths
        evidence TEXT NOT NULL,             -- JSON list of {path, quote, location}
        score REAL NOT NULL,
        created REAL NOT NULL,
        seen_seq INTEGER NOT NULL DEFAULT 0 -- the insight run that last found it
    );
    CREATE INDEX insights_kind ON insights(kind, created);
    CREATE TABLE insight_dismissals (key TEXT PRIMARY KEY, at REAL NOT NULL);
    """)


@migration
def m010_content_dates(conn: sqlite3.Connection) -> None:
    # Dates from the content (ingest/dates.py): where a note's date came from ("front matter", "file name",
    # "text", ..., "mtime" as the last resort) and, per chunk, the range of dates its statements carry and
    # the dated entry in force where it starts. Rows written before this have NULLs; the next sync re-reads
    # those files. `context` is what every passage of a note is searched and embedded with (title, aliases,
    # an informative file name: ingest/context.py).
    run_script(conn, """
    ALTER TABLE documents ADD COLUMN date_source TEXT;
    ALTER TABLE documents ADD COLUMN context TEXT;
    ALTER TABLE chunks ADD COLUMN date_start TEXT;
    ALTER TABLE chunks ADD COLUMN date_end TEXT;
    ALTER TABLE chunks ADD COLUMN date_carried TEXT;
    CREATE INDEX chunks_dates ON chunks(date_start, date_end);
    """)


@migration
def m011_statement_lookups(conn: sqlite3.Connection) -> None:
    # `ask` reads the stale marks of the chunks it quotes (agents/replaced.py): by the stale statement's chunk, or
    # by the chunk of the statement that replaced it and back through stale_by. Without these, each lookup scans
    # every statement of the home.
    run_script(conn, """
    CREATE INDEX IF NOT EXISTS graph_statements_chunk ON graph_statements(chunk_id);
    CREATE INDEX IF NOT EXISTS graph_statements_stale ON graph_statements(stale_by) WHERE stale_by IS NOT NULL;
    """)
