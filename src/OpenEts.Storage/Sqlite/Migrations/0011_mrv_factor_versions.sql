-- MRV: factor corrections the regulator published, one row per new version of the factor library, applied in seq order
-- on top of the shipped defaults. The corrected value is decimal text (exact); times are Unix ms.
CREATE TABLE mrv_factor_versions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    version TEXT NOT NULL UNIQUE,
    published_at INTEGER NOT NULL,
    published_by TEXT NOT NULL,
    notes TEXT NOT NULL,
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    year INTEGER NOT NULL,
    value TEXT NOT NULL,
    source TEXT NOT NULL
);
