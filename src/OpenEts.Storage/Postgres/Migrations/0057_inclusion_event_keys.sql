-- Carbon inclusion: one unpartitioned table of the (source, event id) keys of the raw actions kept, so that finding a
-- repeated event is one primary-key probe, whatever the number of months kept. Since 0039 the primary key of the
-- partitioned inclusion_events had to hold the day, and a repeat was searched for in every month's partition: a probe per
-- month per event, and a unique index on text columns maintained in each partition besides. The key table takes over
-- uniqueness: every raw action is written with its key in the same transaction (a key sent already fails the write), and
-- the events' own primary key goes (a per-event index insert saved; nothing reads the events by it). A key carries its
-- event's Beijing day, so that retention deletes the keys with their events (a BRIN index on day: keys are appended
-- roughly in day order, and the index costs almost nothing to keep). Erasing a citizen deletes their events' keys too.
-- The key columns compare byte-wise (COLLATE "C"): an id's order means nothing, and under a database's linguistic
-- collation (even C.UTF-8, which PostgreSQL 15 does not treat as C) every b-tree comparison of the probe and the insert
-- would call strcoll. Equality is the same either way, and a parameter of the default collation takes the column's.
CREATE TABLE inclusion_event_keys (
    source text COLLATE "C" NOT NULL,
    event_id text COLLATE "C" NOT NULL,
    day bigint NOT NULL,
    PRIMARY KEY (source, event_id)
);
CREATE INDEX ix_inclusion_event_keys_day ON inclusion_event_keys USING brin (day);
INSERT INTO inclusion_event_keys (source, event_id, day)
SELECT source, event_id, min(day) FROM inclusion_events GROUP BY source, event_id;
ALTER TABLE inclusion_events DROP CONSTRAINT inclusion_events_pkey;
