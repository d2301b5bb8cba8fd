-- Data versions: counters the database moves itself, by trigger, whenever a row they watch changes, so that a reader
-- keeping something derived from those rows can tell in one lookup that nothing changed since it read them.
-- 'compliance-inputs' watches what a compliance year's inputs are read from (ComplianceInputs.LoadAsync): the covered
-- organisations, which user acts for which organisation, approved emissions, the approved plan's rules and offset
-- projects' facts. Each surrender reads the inputs again only when it moved.
CREATE TABLE data_versions (
    name TEXT NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL
);
INSERT INTO data_versions (name, version) VALUES ('compliance-inputs', 0);
CREATE TRIGGER tr_organisations_compliance_inputs_insert AFTER INSERT ON organisations
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'compliance-inputs'; END;
CREATE TRIGGER tr_organisations_compliance_inputs_delete AFTER DELETE ON organisations
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'compliance-inputs'; END;
CREATE TRIGGER tr_organisations_compliance_inputs_update AFTER UPDATE ON organisations
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'compliance-inputs'; END;
CREATE TRIGGER tr_users_compliance_inputs_insert AFTER INSERT ON users
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'compliance-inputs'; END;
CREATE TRIGGER tr_users_compliance_inputs_delete AFTER DELETE ON users
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'compliance-inputs'; END;
CREATE TRIGGER tr_users_compliance_inputs_update AFTER UPDATE OF user_name, organisation_id ON users
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'compliance-inputs'; END;
CREATE TRIGGER tr_mrv_reports_compliance_inputs_insert AFTER INSERT ON mrv_reports
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'compliance-inputs'; END;
CREATE TRIGGER tr_mrv_reports_compliance_inputs_delete AFTER DELETE ON mrv_reports
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'compliance-inputs'; END;
CREATE TRIGGER tr_mrv_reports_compliance_inputs_update AFTER UPDATE OF status, approved_kg, organisation_id, year ON mrv_reports
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'compliance-inputs'; END;
CREATE TRIGGER tr_allocation_plans_compliance_inputs_insert AFTER INSERT ON allocation_plans
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'compliance-inputs'; END;
CREATE TRIGGER tr_allocation_plans_compliance_inputs_delete AFTER DELETE ON allocation_plans
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'compliance-inputs'; END;
CREATE TRIGGER tr_allocation_plans_compliance_inputs_update AFTER UPDATE ON allocation_plans
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'compliance-inputs'; END;
CREATE TRIGGER tr_offset_projects_compliance_inputs_insert AFTER INSERT ON offset_projects
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'compliance-inputs'; END;
CREATE TRIGGER tr_offset_projects_compliance_inputs_delete AFTER DELETE ON offset_projects
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'compliance-inputs'; END;
CREATE TRIGGER tr_offset_projects_compliance_inputs_update AFTER UPDATE ON offset_projects
BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'compliance-inputs'; END;
