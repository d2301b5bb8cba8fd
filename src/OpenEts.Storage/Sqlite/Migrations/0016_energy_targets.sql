-- Energy dual control (能耗双控), targets side: adopted plan versions (insert only; the body is the plan's JSON),
-- regional monthly or quarterly statistics, designated key energy users, their annual energy reports, and scored
-- assessments (the body holds measures, evidence and result). Energy is whole kgce; output whole yuan; times Unix ms.
CREATE TABLE energy_plans (
    region TEXT NOT NULL,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    first_year INTEGER NOT NULL,
    last_year INTEGER NOT NULL,
    adopted_at INTEGER NOT NULL,
    adopted_by TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (region, version)
) WITHOUT ROWID;

CREATE TABLE energy_statistics (
    region TEXT NOT NULL,
    year INTEGER NOT NULL,
    first_month INTEGER NOT NULL,
    months INTEGER NOT NULL,
    energy_kg INTEGER NOT NULL,
    output_yuan INTEGER NOT NULL,
    at INTEGER NOT NULL,
    by_user TEXT NOT NULL,
    PRIMARY KEY (region, year, first_month, months),
    CONSTRAINT ck_energy_statistics_period CHECK (months IN (1, 3) AND first_month BETWEEN 1 AND 12 AND first_month + months <= 13)
) WITHOUT ROWID;
CREATE INDEX ix_energy_statistics_year ON energy_statistics (year);

CREATE TABLE energy_key_users (
    code TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    city TEXT NOT NULL,
    organisation_id INTEGER NULL REFERENCES organisations (id),
    designated_at INTEGER NOT NULL,
    by_user TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE energy_annual_reports (
    key_user TEXT NOT NULL REFERENCES energy_key_users (code),
    year INTEGER NOT NULL,
    energy_kg INTEGER NOT NULL,
    value_added_yuan INTEGER NOT NULL,
    at INTEGER NOT NULL,
    by_user TEXT NOT NULL,
    PRIMARY KEY (key_user, year)
) WITHOUT ROWID;

CREATE TABLE energy_assessments (
    unit TEXT NOT NULL,
    year INTEGER NOT NULL,
    scheme TEXT NOT NULL,
    grade TEXT NOT NULL,
    total_centi INTEGER NOT NULL,
    vetoed INTEGER NOT NULL,
    body TEXT NOT NULL,
    at INTEGER NOT NULL,
    by_user TEXT NOT NULL,
    PRIMARY KEY (unit, year)
) WITHOUT ROWID;
