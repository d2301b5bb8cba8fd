-- Block trades (大宗协议): proposed by one member to a named counterparty, then settled delivery versus payment on the
-- counterparty's acceptance, declined, withdrawn or expired with the trading day. Off the order book: they are not in
-- exchange_trades and do not move the last price or the close. Fen, tonnes, Unix ms.
CREATE TABLE exchange_block_trades (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instrument TEXT NOT NULL REFERENCES exchange_instruments (code),
    proposer_account INTEGER NOT NULL REFERENCES exchange_accounts (id),
    proposer_user TEXT NOT NULL,
    proposer_side TEXT NOT NULL,
    counterparty_account INTEGER NOT NULL REFERENCES exchange_accounts (id),
    price_fen INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    status TEXT NOT NULL,
    proposed_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    accepted_by TEXT NULL,
    buyer_fee_fen INTEGER NOT NULL,
    seller_fee_fen INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL,
    CONSTRAINT ux_exchange_block_trades_key UNIQUE (proposer_user, idempotency_key),
    CONSTRAINT ck_exchange_block_trades_terms CHECK (price_fen > 0 AND quantity > 0 AND proposer_account <> counterparty_account)
);
CREATE INDEX ix_exchange_block_trades_proposer ON exchange_block_trades (proposer_account, id);
CREATE INDEX ix_exchange_block_trades_counterparty ON exchange_block_trades (counterparty_account, id);
CREATE INDEX ix_exchange_block_trades_day ON exchange_block_trades (instrument, status, updated_at);
