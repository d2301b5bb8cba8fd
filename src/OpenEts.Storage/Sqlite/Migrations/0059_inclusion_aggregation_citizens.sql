-- Carbon inclusion: how many distinct citizens an aggregation's period covers, so that the public statistics withhold a
-- period of fewer citizens than the programme's minimum group as they withhold every other cell (PublicTotals.Suppress).
-- Kept when the period is aggregated; the periods already aggregated are counted from their daily rows.
ALTER TABLE inclusion_aggregations ADD COLUMN citizens INTEGER NOT NULL DEFAULT 0;
UPDATE inclusion_aggregations SET citizens = (
    SELECT COUNT(DISTINCT d.user_id) FROM inclusion_daily d
    WHERE d.programme = inclusion_aggregations.programme AND d.day BETWEEN inclusion_aggregations.period_start AND inclusion_aggregations.period_end);
