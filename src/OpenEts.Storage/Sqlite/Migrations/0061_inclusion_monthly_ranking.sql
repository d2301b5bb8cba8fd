-- Carbon inclusion: each citizen's reduction by programme and month, kept as batches are written, so that a citizen's
-- rank in their programme's month is read without summing anyone's daily rows:
--   inclusion_citizen_months: one row per citizen, programme and month (the first day's DayNumber), the reduction in mg;
--     its index (programme, month, reduction_mg, user_id) reads the top of a month in order and counts a range of totals;
--   inclusion_rank_bands: how many citizens' totals fall in each band of a month — a band is the total's number of
--     digits and its first two digits (length × 100 + leading two digits; a one-digit total is its own band), kept by
--     the triggers below. A rank is the citizens of the bands above (a few hundred rows at most) plus those above the
--     citizen within their own band (one index range no wider than a tenth of the totals' magnitude), however many
--     citizens the programme has (docs/inclusion.md, "Ranking").
-- A band's row is added by INSERT … WHERE NOT EXISTS, not INSERT OR IGNORE: a trigger's conflict clause gives way to the
-- statement that fired it, and the month totals are written by an upsert (ON CONFLICT DO UPDATE), under which OR IGNORE
-- would fail on a band that already has its row.
CREATE TABLE inclusion_citizen_months (
    user_id INTEGER NOT NULL,
    programme TEXT NOT NULL,
    month INTEGER NOT NULL,
    reduction_mg INTEGER NOT NULL,
    PRIMARY KEY (user_id, programme, month)
) WITHOUT ROWID;
CREATE INDEX ix_inclusion_citizen_months_rank ON inclusion_citizen_months (programme, month, reduction_mg, user_id);

CREATE TABLE inclusion_rank_bands (
    programme TEXT NOT NULL,
    month INTEGER NOT NULL,
    band INTEGER NOT NULL,
    citizens INTEGER NOT NULL,
    PRIMARY KEY (programme, month, band)
) WITHOUT ROWID;

CREATE TRIGGER tr_inclusion_citizen_months_insert AFTER INSERT ON inclusion_citizen_months
BEGIN
    INSERT INTO inclusion_rank_bands (programme, month, band, citizens)
    SELECT NEW.programme, NEW.month, length(CAST(NEW.reduction_mg AS TEXT)) * 100 + CAST(substr(CAST(NEW.reduction_mg AS TEXT), 1, 2) AS INTEGER), 0
    WHERE NOT EXISTS (SELECT 1 FROM inclusion_rank_bands
                      WHERE programme = NEW.programme AND month = NEW.month AND band = length(CAST(NEW.reduction_mg AS TEXT)) * 100 + CAST(substr(CAST(NEW.reduction_mg AS TEXT), 1, 2) AS INTEGER));
    UPDATE inclusion_rank_bands SET citizens = citizens + 1
    WHERE programme = NEW.programme AND month = NEW.month
      AND band = length(CAST(NEW.reduction_mg AS TEXT)) * 100 + CAST(substr(CAST(NEW.reduction_mg AS TEXT), 1, 2) AS INTEGER);
END;

CREATE TRIGGER tr_inclusion_citizen_months_update AFTER UPDATE OF reduction_mg ON inclusion_citizen_months
WHEN length(CAST(OLD.reduction_mg AS TEXT)) * 100 + CAST(substr(CAST(OLD.reduction_mg AS TEXT), 1, 2) AS INTEGER)
  <> length(CAST(NEW.reduction_mg AS TEXT)) * 100 + CAST(substr(CAST(NEW.reduction_mg AS TEXT), 1, 2) AS INTEGER)
BEGIN
    UPDATE inclusion_rank_bands SET citizens = citizens - 1
    WHERE programme = OLD.programme AND month = OLD.month
      AND band = length(CAST(OLD.reduction_mg AS TEXT)) * 100 + CAST(substr(CAST(OLD.reduction_mg AS TEXT), 1, 2) AS INTEGER);
    INSERT INTO inclusion_rank_bands (programme, month, band, citizens)
    SELECT NEW.programme, NEW.month, length(CAST(NEW.reduction_mg AS TEXT)) * 100 + CAST(substr(CAST(NEW.reduction_mg AS TEXT), 1, 2) AS INTEGER), 0
    WHERE NOT EXISTS (SELECT 1 FROM inclusion_rank_bands
                      WHERE programme = NEW.programme AND month = NEW.month AND band = length(CAST(NEW.reduction_mg AS TEXT)) * 100 + CAST(substr(CAST(NEW.reduction_mg AS TEXT), 1, 2) AS INTEGER));
    UPDATE inclusion_rank_bands SET citizens = citizens + 1
    WHERE programme = NEW.programme AND month = NEW.month
      AND band = length(CAST(NEW.reduction_mg AS TEXT)) * 100 + CAST(substr(CAST(NEW.reduction_mg AS TEXT), 1, 2) AS INTEGER);
END;

INSERT INTO inclusion_citizen_months (user_id, programme, month, reduction_mg)
SELECT user_id, programme, month, SUM(reduction_mg)
FROM (SELECT user_id, programme, reduction_mg,
          CAST(julianday(date(julianday('0001-01-01') + day, 'start of month')) - julianday('0001-01-01') AS INTEGER) AS month
      FROM inclusion_daily) d
GROUP BY user_id, programme, month;
