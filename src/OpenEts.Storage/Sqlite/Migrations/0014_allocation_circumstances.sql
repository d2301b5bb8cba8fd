-- Allocation: the special circumstances the regulator records for an entity's year before its true-up (guangdong.md
-- §1.2 art. 14–15): kind Closure / Stoppage (months, 1–12) or NewEntrant / CapacityChange (energy, kgce: tce × 1000 as an
-- integer, so neither database compares decimals), with the reference it rests on. One per (jurisdiction, year, entity,
-- kind): a second record replaces the first. Times are Unix ms.
CREATE TABLE allocation_circumstances (
    jurisdiction TEXT NOT NULL,
    year INTEGER NOT NULL,
    organisation_code TEXT NOT NULL,
    kind TEXT NOT NULL,
    months INTEGER NULL,
    energy_kgce INTEGER NULL,
    reference TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    recorded_by TEXT NOT NULL,
    PRIMARY KEY (jurisdiction, year, organisation_code, kind)
);
