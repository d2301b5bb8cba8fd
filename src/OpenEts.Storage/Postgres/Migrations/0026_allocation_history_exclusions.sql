-- Allocation: a special circumstance of kind HistoryExclusion lists the historical years left out of an entity's history
-- basis (up to the plan's history.maxExcludedYears), ascending and separated by commas ("2015", "2014,2016"); null for
-- every other kind.
ALTER TABLE allocation_circumstances ADD COLUMN excluded_years TEXT NULL;
