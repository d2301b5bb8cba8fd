-- Carbon inclusion: the verifier's sample of an aggregation's events. A sample is drawn once per aggregation (seed =
-- SHA-256 of the aggregation's figures; plan and strata as JSON, decimals written exactly) by one verifier organisation,
-- which alone records findings and verifies. Its events are copies (the citizen as the sample's pseudonym; user_id kept
-- only so that erasure can unlink them), so the trail outlives the raw events' retention. An offsets monitoring report
-- filed by an aggregation is verified only through its sample (sample_required). Times are Unix ms; days DayNumber.
CREATE TABLE inclusion_samples (
    aggregation_id INTEGER PRIMARY KEY REFERENCES inclusion_aggregations (id),
    seed TEXT NOT NULL,
    plan TEXT NOT NULL,
    population INTEGER NOT NULL,
    size INTEGER NOT NULL,
    strata TEXT NOT NULL,
    drawn_at INTEGER NOT NULL,
    drawn_by TEXT NOT NULL,
    verifier_organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    verified_at INTEGER NULL,
    projected_mg INTEGER NULL,
    verified_mg INTEGER NULL
);

CREATE TABLE inclusion_sample_events (
    aggregation_id INTEGER NOT NULL REFERENCES inclusion_samples (aggregation_id),
    ordinal INTEGER NOT NULL,
    rank TEXT NOT NULL,
    behaviour TEXT NOT NULL,
    source TEXT NOT NULL,
    event_id TEXT NOT NULL,
    citizen TEXT NOT NULL,
    user_id INTEGER NULL,
    occurred_at INTEGER NOT NULL,
    quantity_milli INTEGER NOT NULL,
    minutes_milli INTEGER NULL,
    reduction_mg INTEGER NOT NULL,
    finding TEXT NULL,
    reason TEXT NULL,
    checked_at INTEGER NULL,
    checked_by TEXT NULL,
    PRIMARY KEY (aggregation_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX ix_inclusion_sample_events_user ON inclusion_sample_events (user_id) WHERE user_id IS NOT NULL;

ALTER TABLE offset_monitoring_reports ADD COLUMN sample_required INTEGER NOT NULL DEFAULT 0;
UPDATE offset_monitoring_reports SET sample_required = 1
WHERE status = 'Submitted' AND id IN (SELECT report_id FROM inclusion_aggregations);
