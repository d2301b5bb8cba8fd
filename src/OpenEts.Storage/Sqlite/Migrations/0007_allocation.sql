-- Allocation: plan versions (the document as checked JSON; an approved version is never updated: a revision is a new
-- version) and the allocations run per jurisdiction, year, entity (credit code) and stage (Pre / Final), in whole
-- allowances, with the calculation as JSON. Times are Unix ms.
CREATE TABLE allocation_plans (
    plan_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    jurisdiction TEXT NOT NULL,
    status TEXT NOT NULL,
    document TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    approved_at INTEGER NULL,
    approved_by TEXT NULL,
    PRIMARY KEY (plan_id, version)
);
CREATE INDEX ix_allocation_plans_jurisdiction ON allocation_plans (jurisdiction, status);

CREATE TABLE allocation_results (
    jurisdiction TEXT NOT NULL,
    year INTEGER NOT NULL,
    organisation_code TEXT NOT NULL,
    stage TEXT NOT NULL,
    plan_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    total INTEGER NOT NULL,
    free INTEGER NOT NULL,
    paid INTEGER NOT NULL,
    calculation TEXT NOT NULL,
    run_at INTEGER NOT NULL,
    run_by TEXT NOT NULL,
    PRIMARY KEY (jurisdiction, year, organisation_code, stage),
    FOREIGN KEY (plan_id, version) REFERENCES allocation_plans (plan_id, version)
);
