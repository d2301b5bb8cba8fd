-- Listing the registry's snapshots (every start does, to pick the newest) must not read their bytes. In SQLite a row's
-- columns after the content blob (created_at) sit behind the blob's overflow pages, so the list read every snapshot in
-- full (116 MB and 1.8 s at a 10 M-entry journal); this index holds every listed column and answers the list alone.
CREATE INDEX IF NOT EXISTS ix_registry_snapshots_list ON registry_snapshots (seq, reference_seq, version, sha256, created_at);
