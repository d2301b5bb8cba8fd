-- PostgreSQL's 0054 leaves room on the pages of inclusion_wallets and inclusion_daily so that ingestion's updates of
-- them touch no index; SQLite has no such setting (its b-tree rows are rewritten in place), so nothing changes here.
SELECT 1;
