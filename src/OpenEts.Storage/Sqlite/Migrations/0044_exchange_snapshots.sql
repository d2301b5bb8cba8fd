-- Snapshots of the exchange's books: every book's settings (reference price, band, best-5-levels limit), phase, halt and
-- resting orders in time priority, after the journal entry seq. The SHA-256 of content is also journalled, by the
-- snapshot.exchange entry at reference_seq, so a changed or truncated snapshot is detected and skipped.
CREATE TABLE exchange_snapshots (
    seq INTEGER PRIMARY KEY,
    reference_seq INTEGER NOT NULL,
    version INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    created_at INTEGER NOT NULL
);
-- The listing reads every column but the content from the index alone.
CREATE INDEX ix_exchange_snapshots_list ON exchange_snapshots (seq, reference_seq, version, sha256, created_at);
