-- Carbon inclusion: the queue of partners' batches taken in over HTTP and not yet recorded (the server's
-- --inclusion-queue). One row a batch, its checked actions in one compact JSON value, written by the partner API without
-- the writers' lock and deleted by the worker once RecordActions has recorded them. The payload is stored uncompressed
-- and out of line (EXTERNAL): it is read once and deleted, so compressing each megabyte on the way in would cost the
-- request more than the disk it saves. A worker claims the batches it reads for a while (claimed_by, claimed_until), so
-- that the workers of several servers never record the same batch at once; a claim that runs out (its worker died) is
-- taken by the next.
CREATE TABLE inclusion_queue (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    received_at bigint NOT NULL,
    partner_id bigint NOT NULL,
    programme text NOT NULL,
    actions integer NOT NULL CHECK (actions > 0),
    payload bytea NOT NULL,
    claimed_by text NULL,
    claimed_until bigint NULL
);
ALTER TABLE inclusion_queue ALTER COLUMN payload SET STORAGE EXTERNAL;
