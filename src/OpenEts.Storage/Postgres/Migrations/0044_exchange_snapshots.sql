-- Snapshots of the exchange's books: every book's settings (reference price, band, best-5-levels limit), phase, halt and
-- resting orders in time priority, after the journal entry seq. The SHA-256 of content is also journalled, by the
-- snapshot.exchange entry at reference_seq, so a changed or truncated snapshot is detected and skipped.
CREATE TABLE exchange_snapshots (
    seq bigint PRIMARY KEY,
    reference_seq bigint NOT NULL,
    version integer NOT NULL,
    sha256 text NOT NULL,
    content bytea NOT NULL,
    created_at bigint NOT NULL
);
