-- The registry at scale. Snapshots of the ledger's state (compressed JSON; its SHA-256 is also journalled, by the entry
-- at reference_seq, so a changed or truncated snapshot is detected), an index of which journal entries mention an account
-- or a proposal (history is read from here, paged, instead of from memory), and the idempotency keys of every request
-- (a key older than the in-memory window is still found, and the primary key refuses it twice).
CREATE TABLE registry_snapshots (
    seq INTEGER PRIMARY KEY,
    reference_seq INTEGER NOT NULL,
    version INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE registry_index (
    term TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (term, seq)
) WITHOUT ROWID;

CREATE TABLE registry_keys (
    actor TEXT NOT NULL,
    key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (actor, key)
) WITHOUT ROWID;

-- How far the two indexes above have caught up with the journal (one row); journals older than this migration are
-- indexed once, on the registry's first start.
CREATE TABLE registry_index_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_to INTEGER NOT NULL
);
