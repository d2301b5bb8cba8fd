-- Carbon inclusion: what an aggregation filed, kept as filed. The verifier's sample and the aggregation's trail read the
-- period's daily sums and counted events as they stood at the time of reading, so an action counted later on a day of the
-- period (it earns its coins and is left out of PHCER, rule InAggregatedPeriod) entered the sample's claims, its
-- population and the trail's daily sums, which then no longer matched the report filed. Now:
-- - inclusion_aggregation_days holds the period's daily sums by behaviour as the aggregation read them, in its transaction;
-- - inclusion_late_events names each action counted on a day of a period already aggregated, with that aggregation, so
--   the sample's frame leaves it out.
-- Aggregations filed before this migration take the daily sums as they stand now: what was counted later is not known.
CREATE TABLE inclusion_aggregation_days (
    aggregation_id INTEGER NOT NULL REFERENCES inclusion_aggregations (id),
    day INTEGER NOT NULL,
    behaviour TEXT NOT NULL,
    actions INTEGER NOT NULL,
    reduction_mg INTEGER NOT NULL,
    citizens INTEGER NOT NULL,
    PRIMARY KEY (aggregation_id, day, behaviour)
) WITHOUT ROWID;

INSERT INTO inclusion_aggregation_days (aggregation_id, day, behaviour, actions, reduction_mg, citizens)
SELECT a.id, d.day, d.behaviour, SUM(d.actions), SUM(d.reduction_mg), COUNT(DISTINCT d.user_id)
FROM inclusion_aggregations a JOIN inclusion_daily d ON d.programme = a.programme AND d.day BETWEEN a.period_start AND a.period_end
GROUP BY a.id, d.day, d.behaviour;

CREATE TABLE inclusion_late_events (
    source TEXT NOT NULL,
    event_id TEXT NOT NULL,
    aggregation_id INTEGER NOT NULL REFERENCES inclusion_aggregations (id),
    PRIMARY KEY (source, event_id)
) WITHOUT ROWID;
