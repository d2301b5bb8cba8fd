-- Carbon inclusion's ingestion rewrites a citizen's wallet on every batch that counts one of their actions, and their
-- daily rollup on each further action of the same day, behaviour and source. With full pages every such update puts the
-- new row version on another page, so each index of the table gets a new entry as well; with room left on the page the
-- update stays on it (a heap-only tuple) and no index is touched, since none of the updated columns is indexed. The
-- setting applies to pages written from now on.
ALTER TABLE inclusion_wallets SET (fillfactor = 70);
ALTER TABLE inclusion_daily SET (fillfactor = 80);
