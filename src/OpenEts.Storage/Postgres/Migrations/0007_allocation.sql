-- Allocation: plan versions (the document as checked JSON; an approved version is never updated: a revision is a new
-- version) and the allocations run per jurisdiction, year, entity (credit code) and stage (Pre / Final), in whole
-- allowances, with the calculation as JSON. Times are Unix ms.
CREATE TABLE allocation_plans (
    plan_id text NOT NULL,
    version integer NOT NULL,
    jurisdiction text NOT NULL,
    status text NOT NULL,
    document text NOT NULL,
    created_at bigint NOT NULL,
    created_by text NOT NULL,
    updated_at bigint NOT NULL,
    approved_at bigint NULL,
    approved_by text NULL,
    PRIMARY KEY (plan_id, version)
);
CREATE INDEX ix_allocation_plans_jurisdiction ON allocation_plans (jurisdiction, status);

CREATE TABLE allocation_results (
    jurisdiction text NOT NULL,
    year integer NOT NULL,
    organisation_code text NOT NULL,
    stage text NOT NULL,
    plan_id text NOT NULL,
    version integer NOT NULL,
    total bigint NOT NULL,
    free bigint NOT NULL,
    paid bigint NOT NULL,
    calculation text NOT NULL,
    run_at bigint NOT NULL,
    run_by text NOT NULL,
    PRIMARY KEY (jurisdiction, year, organisation_code, stage),
    FOREIGN KEY (plan_id, version) REFERENCES allocation_plans (plan_id, version)
);
