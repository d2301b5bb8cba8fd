-- Carbon inclusion: the queue of partners' batches taken in over HTTP and not yet recorded (the server's
-- --inclusion-queue); see PostgreSQL's 0058. AUTOINCREMENT: a deleted batch's number is never given again, so the
-- worker's order is the order of arrival.
CREATE TABLE inclusion_queue (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at INTEGER NOT NULL,
    partner_id INTEGER NOT NULL,
    programme TEXT NOT NULL,
    actions INTEGER NOT NULL CHECK (actions > 0),
    payload BLOB NOT NULL,
    claimed_by TEXT NULL,
    claimed_until INTEGER NULL
);
