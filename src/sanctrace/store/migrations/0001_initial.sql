-- Documents, what was extracted from each, and the entities they resolve into.
CREATE TABLE documents (
    id          TEXT PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE,
    source      TEXT NOT NULL,
    format      TEXT NOT NULL,
    title       TEXT,
    publisher   TEXT,
    author      TEXT,
    published   TEXT,
    url         TEXT,
    language    TEXT,
    model       TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL
);

-- Entities as each document names them; ids are local to the document ("e1").
CREATE TABLE doc_entities (
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id    TEXT NOT NULL,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,
    aliases     TEXT NOT NULL DEFAULT '[]',
    mentions    TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (doc_id, local_id)
);

CREATE TABLE claims (
    id          TEXT PRIMARY KEY,
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    predicate   TEXT NOT NULL,
    subject     TEXT,
    object      TEXT,
    via         TEXT,
    item        TEXT,
    location    TEXT,
    attribution TEXT NOT NULL DEFAULT '[]',
    hedged      INTEGER NOT NULL DEFAULT 0,
    negated     INTEGER NOT NULL DEFAULT 0,
    time_text   TEXT,
    time_start  TEXT,
    time_end    TEXT,
    ev_start    INTEGER NOT NULL,
    ev_end      INTEGER NOT NULL,
    ev_text     TEXT NOT NULL,
    rule        TEXT NOT NULL DEFAULT '',
    confidence  REAL NOT NULL DEFAULT 1.0
);
CREATE INDEX claims_doc ON claims(doc_id);
CREATE INDEX claims_predicate ON claims(predicate);

-- Resolved, cross-document entities: derived from doc_entities and judgements, rebuilt whole.
CREATE TABLE entities (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,
    aliases     TEXT NOT NULL DEFAULT '[]',
    countries   TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

CREATE TABLE entity_members (
    doc_id      TEXT NOT NULL,
    local_id    TEXT NOT NULL,
    entity_id   TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (doc_id, local_id)
);
CREATE INDEX entity_members_entity ON entity_members(entity_id);

-- Analyst decisions: merge two entities or split one; they win over automatic resolution.
CREATE TABLE judgements (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
    a           TEXT NOT NULL,
    b           TEXT,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1
);

-- Sanctions lists: one row per loaded list key (the latest version), designations as JSON.
CREATE TABLE lists (
    key         TEXT PRIMARY KEY,
    source      TEXT NOT NULL,
    format      TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    published   TEXT,
    count       INTEGER NOT NULL,
    loaded_at   TEXT NOT NULL
);

CREATE TABLE designations (
    list        TEXT NOT NULL REFERENCES lists(key) ON DELETE CASCADE,
    list_id     TEXT NOT NULL,
    name        TEXT NOT NULL,
    schema      TEXT NOT NULL,
    data        TEXT NOT NULL,
    PRIMARY KEY (list, list_id)
);

-- Screening results: which designations each resolved entity matched.
CREATE TABLE screening (
    entity_id   TEXT NOT NULL,
    list        TEXT NOT NULL,
    list_id     TEXT NOT NULL,
    name        TEXT NOT NULL,
    score       REAL NOT NULL,
    programs    TEXT NOT NULL DEFAULT '[]',
    explanation TEXT NOT NULL DEFAULT '',
    matched_alias TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (entity_id, list, list_id)
);

CREATE TABLE meta (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL
);
