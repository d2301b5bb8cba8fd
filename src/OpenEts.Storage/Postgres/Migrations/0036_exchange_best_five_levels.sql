-- An instrument's national best-5-levels rule (挂牌协议: an order trades at the counterparty's price within the best 5
-- price levels of the other side; trading.md §5.1 [confirmed]): 1 = on, 0 = off, the default. The operator switches it
-- (exchange.instrument.rules-set), and the journal entry rebuilds the book under it on replay.
ALTER TABLE exchange_instruments ADD COLUMN best_five_levels bigint NOT NULL DEFAULT 0;
