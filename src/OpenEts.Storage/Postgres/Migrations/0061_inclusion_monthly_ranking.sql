-- Carbon inclusion: each citizen's reduction by programme and month, kept as batches are written, so that a citizen's
-- rank in their programme's month is read without summing anyone's daily rows:
--   inclusion_citizen_months: one row per citizen, programme and month (the first day's DayNumber), the reduction in mg;
--     its index (programme, month, reduction_mg, user_id) reads the top of a month in order and counts a range of totals;
--   inclusion_rank_bands: how many citizens' totals fall in each band of a month — a band is the total's number of
--     digits and its first two digits (length × 100 + leading two digits; a one-digit total is its own band), kept by
--     the trigger below. A rank is the citizens of the bands above (a few hundred rows at most) plus those above the
--     citizen within their own band (one index range no wider than a tenth of the totals' magnitude), however many
--     citizens the programme has (docs/inclusion.md, "Ranking").
CREATE TABLE inclusion_citizen_months (
    user_id bigint NOT NULL,
    programme text NOT NULL,
    month bigint NOT NULL,
    reduction_mg bigint NOT NULL,
    PRIMARY KEY (user_id, programme, month)
);
CREATE INDEX ix_inclusion_citizen_months_rank ON inclusion_citizen_months (programme, month, reduction_mg, user_id);

CREATE TABLE inclusion_rank_bands (
    programme text NOT NULL,
    month bigint NOT NULL,
    band bigint NOT NULL,
    citizens bigint NOT NULL,
    PRIMARY KEY (programme, month, band)
);

CREATE FUNCTION inclusion_rank_band(mg bigint) RETURNS bigint LANGUAGE sql IMMUTABLE
AS $$ SELECT length(CAST(mg AS text)) * 100 + CAST(substr(CAST(mg AS text), 1, 2) AS bigint) $$;

CREATE FUNCTION inclusion_citizen_months_band() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF inclusion_rank_band(OLD.reduction_mg) = inclusion_rank_band(NEW.reduction_mg) THEN
            RETURN NULL;
        END IF;
        UPDATE inclusion_rank_bands SET citizens = citizens - 1
        WHERE programme = OLD.programme AND month = OLD.month AND band = inclusion_rank_band(OLD.reduction_mg);
    END IF;
    INSERT INTO inclusion_rank_bands (programme, month, band, citizens)
    VALUES (NEW.programme, NEW.month, inclusion_rank_band(NEW.reduction_mg), 1)
    ON CONFLICT (programme, month, band) DO UPDATE SET citizens = inclusion_rank_bands.citizens + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER tr_inclusion_citizen_months_band AFTER INSERT OR UPDATE OF reduction_mg ON inclusion_citizen_months
FOR EACH ROW EXECUTE FUNCTION inclusion_citizen_months_band();

INSERT INTO inclusion_citizen_months (user_id, programme, month, reduction_mg)
SELECT user_id, programme, (date_trunc('month', date '0001-01-01' + day::integer)::date - date '0001-01-01')::bigint, SUM(reduction_mg)
FROM inclusion_daily
GROUP BY user_id, programme, (date_trunc('month', date '0001-01-01' + day::integer)::date - date '0001-01-01')::bigint;
