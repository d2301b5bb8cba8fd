-- Energy dual control (能耗双控), targets side: adopted plan versions (insert only; the body is the plan's JSON),
-- regional monthly or quarterly statistics, designated key energy users, their annual energy reports, and scored
-- assessments (the body holds measures, evidence and result). Energy is whole kgce; output whole yuan; times Unix ms.
CREATE TABLE energy_plans (
    region text NOT NULL,
    version bigint NOT NULL,
    name text NOT NULL,
    first_year bigint NOT NULL,
    last_year bigint NOT NULL,
    adopted_at bigint NOT NULL,
    adopted_by text NOT NULL,
    body text NOT NULL,
    PRIMARY KEY (region, version)
);

CREATE TABLE energy_statistics (
    region text NOT NULL,
    year bigint NOT NULL,
    first_month bigint NOT NULL,
    months bigint NOT NULL,
    energy_kg bigint NOT NULL,
    output_yuan bigint NOT NULL,
    at bigint NOT NULL,
    by_user text NOT NULL,
    PRIMARY KEY (region, year, first_month, months),
    CONSTRAINT ck_energy_statistics_period CHECK (months IN (1, 3) AND first_month BETWEEN 1 AND 12 AND first_month + months <= 13)
);
CREATE INDEX ix_energy_statistics_year ON energy_statistics (year);

CREATE TABLE energy_key_users (
    code text NOT NULL PRIMARY KEY,
    name text NOT NULL,
    city text NOT NULL,
    organisation_id bigint NULL REFERENCES organisations (id),
    designated_at bigint NOT NULL,
    by_user text NOT NULL
);

CREATE TABLE energy_annual_reports (
    key_user text NOT NULL REFERENCES energy_key_users (code),
    year bigint NOT NULL,
    energy_kg bigint NOT NULL,
    value_added_yuan bigint NOT NULL,
    at bigint NOT NULL,
    by_user text NOT NULL,
    PRIMARY KEY (key_user, year)
);

CREATE TABLE energy_assessments (
    unit text NOT NULL,
    year bigint NOT NULL,
    scheme text NOT NULL,
    grade text NOT NULL,
    total_centi bigint NOT NULL,
    vetoed bigint NOT NULL,
    body text NOT NULL,
    at bigint NOT NULL,
    by_user text NOT NULL,
    PRIMARY KEY (unit, year)
);
