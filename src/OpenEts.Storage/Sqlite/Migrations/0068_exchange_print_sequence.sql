-- An instrument's public trade prints (成交) are numbered in one series over its book trades and its listing picks
-- (挂牌点选), 1, 2, 3, … per instrument in the order they were stored, so that no two prints of an instrument share a
-- number (the book's trade numbers and the picks' listing-trade numbers are two series). A new trade or pick takes the
-- instrument's last print number + 1 over both tables; trades stored before this migration are numbered by time, then
-- book trades before picks of the same millisecond, then by their own number.
ALTER TABLE exchange_trades ADD COLUMN print_sequence INTEGER;
ALTER TABLE exchange_listing_trades ADD COLUMN print_sequence INTEGER;
-- Each trade and pick stored so far, with its number among the instrument's prints (kind 0: a book trade, 1: a pick).
CREATE TEMP TABLE exchange_prints_0068 AS
SELECT kind, id, ROW_NUMBER() OVER (PARTITION BY instrument ORDER BY at, kind, id) AS n
FROM (SELECT 0 AS kind, id, instrument, at FROM exchange_trades
      UNION ALL SELECT 1 AS kind, id, instrument, at FROM exchange_listing_trades) AS u;
UPDATE exchange_trades SET print_sequence = p.n FROM exchange_prints_0068 AS p WHERE p.kind = 0 AND p.id = exchange_trades.id;
UPDATE exchange_listing_trades SET print_sequence = p.n FROM exchange_prints_0068 AS p WHERE p.kind = 1 AND p.id = exchange_listing_trades.id;
DROP TABLE exchange_prints_0068;
CREATE UNIQUE INDEX ux_exchange_trades_print ON exchange_trades (instrument, print_sequence);
CREATE UNIQUE INDEX ux_exchange_listing_trades_print ON exchange_listing_trades (instrument, print_sequence);
-- An allowance auction whose close could not deliver (status Failed) keeps why: the registry's refusal, in words.
ALTER TABLE auctions ADD COLUMN failure TEXT;
