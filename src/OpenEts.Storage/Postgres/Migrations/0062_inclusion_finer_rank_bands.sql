-- Carbon inclusion: finer rank bands. Migration 0061 banded a month total by its number of digits and first two digits,
-- so a band spanned up to a tenth of its values; at 10 M citizens with log-normal totals the densest band held 379 157
-- citizens, and a rank in it counted up to that many index entries (84 ms median for the band's lowest totals on
-- PostgreSQL; docs/inclusion-speed.md, "Ranking at 10 M citizens"). A band is now the total's number of digits and its
-- first three digits (length × 1000 + leading three digits; a total of up to three digits is its own band), spanning at
-- most a hundredth of its values; a month has a few thousand bands at most. The bands are counted again from the totals.
-- The trigger of 0061 computes bands through inclusion_rank_band, replaced here.
CREATE OR REPLACE FUNCTION inclusion_rank_band(mg bigint) RETURNS bigint LANGUAGE sql IMMUTABLE
AS $$ SELECT length(CAST(mg AS text)) * 1000 + CAST(substr(CAST(mg AS text), 1, 3) AS bigint) $$;

DELETE FROM inclusion_rank_bands;
INSERT INTO inclusion_rank_bands (programme, month, band, citizens)
SELECT programme, month, inclusion_rank_band(reduction_mg), COUNT(*)
FROM inclusion_citizen_months
GROUP BY programme, month, inclusion_rank_band(reduction_mg);
