-- Offset projects (CCER, FFCER, PHCER): the project register, its status history, documents (bytes and SHA-256) and
-- monitoring reports. Details and forestry inputs are JSON documents (decimals written exactly); tonnes claimed are
-- integer kilograms, tonnes verified and issued whole tonnes. Times are Unix ms; dates are yyyy-MM-dd.
CREATE TABLE offset_projects (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    programme TEXT NOT NULL,
    code TEXT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    holding_account TEXT NOT NULL,
    status TEXT NOT NULL,
    category TEXT NOT NULL,
    province TEXT NOT NULL,
    details TEXT NOT NULL,
    submitted_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    return_comment TEXT NULL,
    returned_by TEXT NULL,
    CONSTRAINT ux_offset_projects_programme_code UNIQUE (programme, code)
);
CREATE INDEX ix_offset_projects_organisation ON offset_projects (organisation_id);
CREATE INDEX ix_offset_projects_status ON offset_projects (status);

CREATE TABLE offset_monitoring_reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL REFERENCES offset_projects (id),
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    status TEXT NOT NULL,
    claimed_kg INTEGER NOT NULL,
    forestry TEXT NULL,
    verified INTEGER NULL,
    opinion TEXT NULL,
    verifier_organisation_id INTEGER NULL REFERENCES organisations (id),
    issued_to_owner INTEGER NULL,
    issued_to_buffer INTEGER NULL,
    return_comment TEXT NULL,
    returned_by TEXT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX ix_offset_monitoring_reports_project ON offset_monitoring_reports (project_id);

CREATE TABLE offset_steps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL REFERENCES offset_projects (id),
    report_id INTEGER NULL REFERENCES offset_monitoring_reports (id),
    at INTEGER NOT NULL,
    step TEXT NOT NULL,
    role TEXT NOT NULL,
    user_name TEXT NOT NULL,
    comments TEXT NOT NULL
);
CREATE INDEX ix_offset_steps_project ON offset_steps (project_id, id);

CREATE TABLE offset_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL REFERENCES offset_projects (id),
    report_id INTEGER NULL REFERENCES offset_monitoring_reports (id),
    kind TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at INTEGER NOT NULL
);
CREATE INDEX ix_offset_documents_project ON offset_documents (project_id, id);
