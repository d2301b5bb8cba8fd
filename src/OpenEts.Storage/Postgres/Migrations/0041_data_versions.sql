-- Data versions: counters the database moves itself, by trigger, whenever a row they watch changes, so that a reader
-- keeping something derived from those rows can tell in one lookup that nothing changed since it read them.
-- 'compliance-inputs' watches what a compliance year's inputs are read from (ComplianceInputs.LoadAsync): the covered
-- organisations, which user acts for which organisation, approved emissions, the approved plan's rules and offset
-- projects' facts. Each surrender reads the inputs again only when it moved.
CREATE TABLE data_versions (
    name TEXT NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO data_versions (name, version) VALUES ('compliance-inputs', 0);
CREATE FUNCTION bump_compliance_inputs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'compliance-inputs';
    RETURN NULL;
END $$;
CREATE TRIGGER tr_organisations_compliance_inputs AFTER INSERT OR DELETE OR UPDATE ON organisations
FOR EACH STATEMENT EXECUTE FUNCTION bump_compliance_inputs();
CREATE TRIGGER tr_users_compliance_inputs AFTER INSERT OR DELETE OR UPDATE OF user_name, organisation_id ON users
FOR EACH STATEMENT EXECUTE FUNCTION bump_compliance_inputs();
CREATE TRIGGER tr_mrv_reports_compliance_inputs AFTER INSERT OR DELETE OR UPDATE OF status, approved_kg, organisation_id, year ON mrv_reports
FOR EACH STATEMENT EXECUTE FUNCTION bump_compliance_inputs();
CREATE TRIGGER tr_allocation_plans_compliance_inputs AFTER INSERT OR DELETE OR UPDATE ON allocation_plans
FOR EACH STATEMENT EXECUTE FUNCTION bump_compliance_inputs();
CREATE TRIGGER tr_offset_projects_compliance_inputs AFTER INSERT OR DELETE OR UPDATE ON offset_projects
FOR EACH STATEMENT EXECUTE FUNCTION bump_compliance_inputs();
