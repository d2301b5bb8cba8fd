-- Carbon inclusion: the verifier's sample of an aggregation's events. A sample is drawn once per aggregation (seed =
-- SHA-256 of the aggregation's figures; plan and strata as JSON, decimals written exactly) by one verifier organisation,
-- which alone records findings and verifies. Its events are copies (the citizen as the sample's pseudonym; user_id kept
-- only so that erasure can unlink them), so the trail outlives the raw events' retention. An offsets monitoring report
-- filed by an aggregation is verified only through its sample (sample_required). Times are Unix ms; days DayNumber.
CREATE TABLE inclusion_samples (
    aggregation_id bigint PRIMARY KEY REFERENCES inclusion_aggregations (id),
    seed text NOT NULL,
    plan text NOT NULL,
    population bigint NOT NULL,
    size bigint NOT NULL,
    strata text NOT NULL,
    drawn_at bigint NOT NULL,
    drawn_by text NOT NULL,
    verifier_organisation_id bigint NOT NULL REFERENCES organisations (id),
    verified_at bigint NULL,
    projected_mg bigint NULL,
    verified_mg bigint NULL
);

CREATE TABLE inclusion_sample_events (
    aggregation_id bigint NOT NULL REFERENCES inclusion_samples (aggregation_id),
    ordinal bigint NOT NULL,
    rank text NOT NULL,
    behaviour text NOT NULL,
    source text NOT NULL,
    event_id text NOT NULL,
    citizen text NOT NULL,
    user_id bigint NULL,
    occurred_at bigint NOT NULL,
    quantity_milli bigint NOT NULL,
    minutes_milli bigint NULL,
    reduction_mg bigint NOT NULL,
    finding text NULL,
    reason text NULL,
    checked_at bigint NULL,
    checked_by text NULL,
    PRIMARY KEY (aggregation_id, ordinal)
);
CREATE INDEX ix_inclusion_sample_events_user ON inclusion_sample_events (user_id) WHERE user_id IS NOT NULL;

ALTER TABLE offset_monitoring_reports ADD COLUMN sample_required bigint NOT NULL DEFAULT 0;
UPDATE offset_monitoring_reports SET sample_required = 1
WHERE status = 'Submitted' AND id IN (SELECT report_id FROM inclusion_aggregations);
