-- Exchange order-entry rules. A pick of a listing (挂牌点选) carries its picker's idempotency key: the same key from the
-- same user picks once, and a repeat (a double click, a retried request) returns the first pick; picks made before keep
-- NULL. And an instrument's T+1 resale restriction (1 = units bought on a trading day cannot be sold until the next
-- trading day; 0 = off, the default: the national rule was not retrieved, trading.md §5.1 [UNCONFIRMED]).
ALTER TABLE exchange_listing_trades ADD COLUMN taker_user text NULL;
ALTER TABLE exchange_listing_trades ADD COLUMN idempotency_key text NULL;
CREATE UNIQUE INDEX ux_exchange_listing_trades_key ON exchange_listing_trades (taker_user, idempotency_key);
ALTER TABLE exchange_instruments ADD COLUMN resale_next_day bigint NOT NULL DEFAULT 0;
