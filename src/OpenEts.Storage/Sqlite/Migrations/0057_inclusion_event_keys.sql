-- PostgreSQL's 0057 moves the (source, event id) key of raw actions to a table of its own, because its partitioned
-- inclusion_events cannot hold a unique key without the day. SQLite's inclusion_events is not partitioned and its
-- primary key is (source, event_id) already, so nothing changes here.
SELECT 1;
