-- The journal partitioned by sequence range (declarative range partitioning, no extension), so that a journal of tens
-- of millions of entries is kept as tables of 1 000 000 entries each: their indexes stay the size of one partition, and
-- an old partition can be archived and detached whole (docs/registry.md, "PostgreSQL growth and archiving").
-- Partition k holds entries k·width + 1 to (k + 1)·width and is named by its first entry (journal_000001000001).
-- The store attaches the next partition ahead of need (journal_extend_partitions, called by the writer once per width).
-- The primary key (seq) is the partition key, so it stays unique across partitions; the two indexes and the
-- append-only trigger are defined on the parent and so hold on every partition, present and future.
ALTER TABLE journal RENAME TO journal_unpartitioned;
ALTER TABLE journal_unpartitioned RENAME CONSTRAINT journal_pkey TO journal_unpartitioned_pkey;
ALTER INDEX ix_journal_subject RENAME TO ix_journal_unpartitioned_subject;
ALTER INDEX ix_journal_actor RENAME TO ix_journal_unpartitioned_actor;
ALTER TRIGGER tr_journal_append_only ON journal_unpartitioned RENAME TO tr_journal_unpartitioned_append_only;

CREATE TABLE journal (
    seq bigint NOT NULL,
    at bigint NOT NULL,
    actor text NOT NULL,
    kind text NOT NULL,
    subject text NOT NULL,
    payload text NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL,
    CONSTRAINT journal_pkey PRIMARY KEY (seq)
) PARTITION BY RANGE (seq);
CREATE INDEX ix_journal_subject ON journal (subject, seq);
CREATE INDEX ix_journal_actor ON journal (actor, seq);
-- A row trigger on the parent is cloned to every partition, attached now or later: an UPDATE or DELETE through the
-- parent or straight on a partition is refused alike.
CREATE TRIGGER tr_journal_append_only BEFORE UPDATE OR DELETE ON journal
FOR EACH ROW EXECUTE FUNCTION journal_append_only();

-- Entries per partition (one row). A new width applies to the partitions attached after the change.
CREATE TABLE journal_partitioning (
    id integer PRIMARY KEY CHECK (id = 1),
    width bigint NOT NULL CHECK (width > 0)
);
INSERT INTO journal_partitioning (id, width) VALUES (1, 1000000);

-- Attaches empty partitions after the last one until they cover every entry up to upto + width (one partition ahead
-- of need), and returns the entry from which the writer must call again. Each partition is created on its own and then
-- attached: ATTACH PARTITION takes only a SHARE UPDATE EXCLUSIVE lock on the journal, so neither readers (a
-- verification's long read) nor the writer's own inserts wait for it, where CREATE TABLE … PARTITION OF would take an
-- ACCESS EXCLUSIVE lock.
CREATE FUNCTION journal_extend_partitions(upto bigint) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    step bigint := (SELECT width FROM journal_partitioning WHERE id = 1);
    next_from bigint;
    name text;
BEGIN
    SELECT COALESCE(MAX(substring(pg_get_expr(c.relpartbound, c.oid) FROM 'TO \(''?([0-9]+)''?\)')::bigint), 1)
    INTO next_from
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'journal'::regclass;
    WHILE next_from <= upto + step LOOP
        name := 'journal_' || lpad(next_from::text, 12, '0');
        EXECUTE format('CREATE TABLE %I (LIKE journal)', name);
        EXECUTE format('ALTER TABLE journal ATTACH PARTITION %I FOR VALUES FROM (%s) TO (%s)', name, next_from, next_from + step);
        next_from := next_from + step;
    END LOOP;
    RETURN next_from - step;
END $$;

-- The existing entries move in sequence order, in this migration's one transaction: a failure leaves the journal as it
-- was. Minutes for millions of entries (every row and its three index entries are written again).
SELECT journal_extend_partitions(COALESCE(MAX(seq), 0)) FROM journal_unpartitioned;
INSERT INTO journal (seq, at, actor, kind, subject, payload, prev_hash, hash)
SELECT seq, at, actor, kind, subject, payload, prev_hash, hash FROM journal_unpartitioned ORDER BY seq;
DROP TABLE journal_unpartitioned;
ANALYZE journal;
