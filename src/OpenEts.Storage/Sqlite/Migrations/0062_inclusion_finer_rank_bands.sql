-- Carbon inclusion: finer rank bands. Migration 0061 banded a month total by its number of digits and first two digits,
-- so a band spanned up to a tenth of its values; at 10 M citizens with log-normal totals the densest band held 379 157
-- citizens, and a rank in it counted up to that many index entries (84 ms median for the band's lowest totals on
-- PostgreSQL; docs/inclusion-speed.md, "Ranking at 10 M citizens"). A band is now the total's number of digits and its
-- first three digits (length × 1000 + leading three digits; a total of up to three digits is its own band), spanning at
-- most a hundredth of its values; a month has a few thousand bands at most. The bands are counted again from the totals.
DROP TRIGGER tr_inclusion_citizen_months_insert;
DROP TRIGGER tr_inclusion_citizen_months_update;

CREATE TRIGGER tr_inclusion_citizen_months_insert AFTER INSERT ON inclusion_citizen_months
BEGIN
    INSERT INTO inclusion_rank_bands (programme, month, band, citizens)
    SELECT NEW.programme, NEW.month, length(CAST(NEW.reduction_mg AS TEXT)) * 1000 + CAST(substr(CAST(NEW.reduction_mg AS TEXT), 1, 3) AS INTEGER), 0
    WHERE NOT EXISTS (SELECT 1 FROM inclusion_rank_bands
                      WHERE programme = NEW.programme AND month = NEW.month AND band = length(CAST(NEW.reduction_mg AS TEXT)) * 1000 + CAST(substr(CAST(NEW.reduction_mg AS TEXT), 1, 3) AS INTEGER));
    UPDATE inclusion_rank_bands SET citizens = citizens + 1
    WHERE programme = NEW.programme AND month = NEW.month
      AND band = length(CAST(NEW.reduction_mg AS TEXT)) * 1000 + CAST(substr(CAST(NEW.reduction_mg AS TEXT), 1, 3) AS INTEGER);
END;

CREATE TRIGGER tr_inclusion_citizen_months_update AFTER UPDATE OF reduction_mg ON inclusion_citizen_months
WHEN length(CAST(OLD.reduction_mg AS TEXT)) * 1000 + CAST(substr(CAST(OLD.reduction_mg AS TEXT), 1, 3) AS INTEGER)
  <> length(CAST(NEW.reduction_mg AS TEXT)) * 1000 + CAST(substr(CAST(NEW.reduction_mg AS TEXT), 1, 3) AS INTEGER)
BEGIN
    UPDATE inclusion_rank_bands SET citizens = citizens - 1
    WHERE programme = OLD.programme AND month = OLD.month
      AND band = length(CAST(OLD.reduction_mg AS TEXT)) * 1000 + CAST(substr(CAST(OLD.reduction_mg AS TEXT), 1, 3) AS INTEGER);
    INSERT INTO inclusion_rank_bands (programme, month, band, citizens)
    SELECT NEW.programme, NEW.month, length(CAST(NEW.reduction_mg AS TEXT)) * 1000 + CAST(substr(CAST(NEW.reduction_mg AS TEXT), 1, 3) AS INTEGER), 0
    WHERE NOT EXISTS (SELECT 1 FROM inclusion_rank_bands
                      WHERE programme = NEW.programme AND month = NEW.month AND band = length(CAST(NEW.reduction_mg AS TEXT)) * 1000 + CAST(substr(CAST(NEW.reduction_mg AS TEXT), 1, 3) AS INTEGER));
    UPDATE inclusion_rank_bands SET citizens = citizens + 1
    WHERE programme = NEW.programme AND month = NEW.month
      AND band = length(CAST(NEW.reduction_mg AS TEXT)) * 1000 + CAST(substr(CAST(NEW.reduction_mg AS TEXT), 1, 3) AS INTEGER);
END;

DELETE FROM inclusion_rank_bands;
INSERT INTO inclusion_rank_bands (programme, month, band, citizens)
SELECT programme, month, length(CAST(reduction_mg AS TEXT)) * 1000 + CAST(substr(CAST(reduction_mg AS TEXT), 1, 3) AS INTEGER), COUNT(*)
FROM inclusion_citizen_months
GROUP BY programme, month, length(CAST(reduction_mg AS TEXT)) * 1000 + CAST(substr(CAST(reduction_mg AS TEXT), 1, 3) AS INTEGER);
