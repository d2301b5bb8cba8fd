-- MRV: annual emission reports, monitoring plans, reporting deadlines. Emissions are integer kilograms (Tonnes, 1 kg);
-- lines, outputs, plan sources and the verification are JSON documents (decimals written exactly). Times are Unix ms.
CREATE TABLE mrv_reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    year INTEGER NOT NULL,
    status TEXT NOT NULL,
    sector TEXT NOT NULL,
    region TEXT NOT NULL,
    input TEXT NOT NULL,
    reported_kg INTEGER NOT NULL,
    factor_version TEXT NOT NULL,
    submitted_at INTEGER NULL,
    late INTEGER NOT NULL DEFAULT 0,
    verifier_organisation_id INTEGER NULL REFERENCES organisations (id),
    verification TEXT NULL,
    verified_kg INTEGER NULL,
    approved_kg INTEGER NULL,
    approved_at INTEGER NULL,
    return_comment TEXT NULL,
    returned_by TEXT NULL,
    updated_at INTEGER NOT NULL,
    CONSTRAINT ux_mrv_reports_organisation_year UNIQUE (organisation_id, year)
);
CREATE INDEX ix_mrv_reports_year_status ON mrv_reports (year, status);
CREATE INDEX ix_mrv_reports_verifier ON mrv_reports (verifier_organisation_id);

CREATE TABLE mrv_monitoring_plans (
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    year INTEGER NOT NULL,
    sources TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, year)
);

-- Dates (yyyy-MM-dd, China Standard Time, inclusive) by jurisdiction (the report's region code) and reporting year.
CREATE TABLE mrv_deadlines (
    jurisdiction TEXT NOT NULL,
    year INTEGER NOT NULL,
    reports_due TEXT NOT NULL,
    verification_due TEXT NOT NULL,
    PRIMARY KEY (jurisdiction, year)
);
-- Guangdong 2017: 粤发改气候函〔2018〕758号 (reference/guangdong.md §1.4a).
INSERT INTO mrv_deadlines (jurisdiction, year, reports_due, verification_due) VALUES ('guangdong', 2017, '2018-03-15', '2018-05-05');
