-- The registry at scale. Snapshots of the ledger's state (compressed JSON; its SHA-256 is also journalled, by the entry
-- at reference_seq, so a changed or truncated snapshot is detected), an index of which journal entries mention an account
-- or a proposal (history is read from here, paged, instead of from memory), and the idempotency keys of every request
-- (a key older than the in-memory window is still found, and the primary key refuses it twice).
CREATE TABLE registry_snapshots (
    seq bigint PRIMARY KEY,
    reference_seq bigint NOT NULL,
    version integer NOT NULL,
    sha256 text NOT NULL,
    content bytea NOT NULL,
    created_at bigint NOT NULL
);

CREATE TABLE registry_index (
    term text NOT NULL,
    seq bigint NOT NULL,
    PRIMARY KEY (term, seq)
);

CREATE TABLE registry_keys (
    actor text NOT NULL,
    key text NOT NULL,
    seq bigint NOT NULL,
    CONSTRAINT pk_registry_keys PRIMARY KEY (actor, key)
);

-- How far the two indexes above have caught up with the journal (one row); journals older than this migration are
-- indexed once, on the registry's first start.
CREATE TABLE registry_index_state (
    id integer PRIMARY KEY CHECK (id = 1),
    indexed_to bigint NOT NULL
);
