-- Carbon inclusion: raw actions partitioned by Beijing month (declarative range partitioning on day, a
-- DateOnly.DayNumber), so that the retention job drops a whole expired month at once instead of deleting it row by row,
-- and each month's indexes stay the size of a month. PostgreSQL needs the partition key in every unique key, so the
-- primary key becomes (source, event_id, day); RecordActions still finds a repeated (source, event_id) in any month
-- before it writes (writers are serialised), so an event counts once whatever time it is resent with.
-- No foreign key to users: it cost a trigger call per row on the hottest insert, and the user id is read from users
-- in the same write transaction (users are never deleted; erasure disables them).
ALTER TABLE inclusion_events RENAME TO inclusion_events_unpartitioned;
ALTER TABLE inclusion_events_unpartitioned RENAME CONSTRAINT inclusion_events_pkey TO inclusion_events_unpartitioned_pkey;
ALTER INDEX ix_inclusion_events_user RENAME TO ix_inclusion_events_unpartitioned_user;
ALTER INDEX ix_inclusion_events_day RENAME TO ix_inclusion_events_unpartitioned_day;

CREATE TABLE inclusion_events (
    source text NOT NULL,
    event_id text NOT NULL,
    user_id bigint NOT NULL,
    programme text NOT NULL,
    behaviour text NOT NULL,
    occurred_at bigint NOT NULL,
    day bigint NOT NULL,
    quantity_milli bigint NOT NULL,
    minutes_milli bigint NULL,
    reduction_mg bigint NOT NULL,
    coins bigint NOT NULL,
    refusal text NULL,
    PRIMARY KEY (source, event_id, day)
) PARTITION BY RANGE (day);
CREATE INDEX ix_inclusion_events_user ON inclusion_events (user_id, occurred_at);
CREATE INDEX ix_inclusion_events_day ON inclusion_events (day);

-- Creates the month partitions (inclusion_events_2026m11: days of 2026-11-01 to 2026-11-30) covering first_day to
-- last_day that do not exist yet; returns how many it created. Called before every batch is written.
CREATE FUNCTION inclusion_events_partitions(first_day bigint, last_day bigint) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    epoch constant date := date '0001-01-01';
    month date := date_trunc('month', epoch + first_day::integer)::date;
    next date;
    name text;
    created integer := 0;
BEGIN
    WHILE month <= epoch + last_day::integer LOOP
        next := (month + interval '1 month')::date;
        name := 'inclusion_events_' || to_char(month, 'YYYY"m"MM');
        IF to_regclass(quote_ident(name)) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF inclusion_events FOR VALUES FROM (%s) TO (%s)', name, month - epoch, next - epoch);
            created := created + 1;
        END IF;
        month := next;
    END LOOP;
    RETURN created;
END $$;

-- Drops the month partitions whose every day is before first_kept; returns the rows they held.
CREATE FUNCTION inclusion_events_drop_before(first_kept bigint) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    epoch constant date := date '0001-01-01';
    part record;
    rows bigint;
    dropped bigint := 0;
BEGIN
    FOR part IN
        SELECT c.relname AS name, to_date(substr(c.relname, 18), 'YYYY"m"MM') AS month
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'inclusion_events'::regclass AND c.relname ~ '^inclusion_events_[0-9]{4}m[0-9]{2}$'
    LOOP
        IF (part.month + interval '1 month')::date - epoch <= first_kept THEN
            EXECUTE format('SELECT count(*) FROM %I', part.name) INTO rows;
            EXECUTE format('DROP TABLE %I', part.name);
            dropped := dropped + rows;
        END IF;
    END LOOP;
    RETURN dropped;
END $$;

SELECT inclusion_events_partitions(MIN(day), MAX(day)) FROM inclusion_events_unpartitioned HAVING COUNT(*) > 0;
INSERT INTO inclusion_events (source, event_id, user_id, programme, behaviour, occurred_at, day, quantity_milli, minutes_milli,
    reduction_mg, coins, refusal)
SELECT source, event_id, user_id, programme, behaviour, occurred_at, day, quantity_milli, minutes_milli, reduction_mg, coins, refusal
FROM inclusion_events_unpartitioned;
DROP TABLE inclusion_events_unpartitioned;
