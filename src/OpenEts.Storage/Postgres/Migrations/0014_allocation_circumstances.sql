-- Allocation: the special circumstances the regulator records for an entity's year before its true-up (guangdong.md
-- §1.2 art. 14–15): kind Closure / Stoppage (months, 1–12) or NewEntrant / CapacityChange (energy, kgce: tce × 1000 as an
-- integer, so neither database compares decimals), with the reference it rests on. One per (jurisdiction, year, entity,
-- kind): a second record replaces the first. Times are Unix ms.
CREATE TABLE allocation_circumstances (
    jurisdiction text NOT NULL,
    year integer NOT NULL,
    organisation_code text NOT NULL,
    kind text NOT NULL,
    months integer NULL,
    energy_kgce bigint NULL,
    reference text NOT NULL,
    recorded_at bigint NOT NULL,
    recorded_by text NOT NULL,
    PRIMARY KEY (jurisdiction, year, organisation_code, kind)
);
