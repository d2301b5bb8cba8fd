-- The exchange: listed instruments, trading accounts (a member's registry holding account and its cash account),
-- orders and trades. The order and cancel inputs themselves are the journal's exchange.* entries (the input journal);
-- these tables are what the queries read. Prices and fees are integer fen, quantities tonnes, times Unix ms.
CREATE TABLE exchange_instruments (
    code TEXT PRIMARY KEY,
    unit_class TEXT NOT NULL,
    reference_fen INTEGER NOT NULL,
    tick_fen INTEGER NOT NULL,
    lot INTEGER NOT NULL,
    max_order INTEGER NOT NULL,
    band_bp INTEGER NOT NULL,
    calendar TEXT NOT NULL,
    halted INTEGER NOT NULL DEFAULT 0,
    listed_at INTEGER NOT NULL
);

CREATE TABLE exchange_accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    holding_account TEXT NOT NULL,
    is_open INTEGER NOT NULL,
    opened_at INTEGER NOT NULL,
    CONSTRAINT ux_exchange_accounts_organisation UNIQUE (organisation_id)
);

CREATE TABLE exchange_orders (
    id INTEGER PRIMARY KEY,
    instrument TEXT NOT NULL REFERENCES exchange_instruments (code),
    account_id INTEGER NOT NULL REFERENCES exchange_accounts (id),
    user_name TEXT NOT NULL,
    side TEXT NOT NULL,
    type TEXT NOT NULL,
    price_fen INTEGER NULL,
    quantity INTEGER NOT NULL,
    filled INTEGER NOT NULL,
    resting INTEGER NOT NULL,
    cancelled INTEGER NOT NULL,
    status TEXT NOT NULL,
    reason TEXT NULL,
    reservation_id INTEGER NULL REFERENCES cash_reservations (id),
    placed_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL,
    CONSTRAINT ux_exchange_orders_key UNIQUE (user_name, idempotency_key),
    CONSTRAINT ck_exchange_orders_quantities CHECK (filled >= 0 AND resting >= 0 AND cancelled >= 0 AND filled + resting + cancelled <= quantity)
);
CREATE INDEX ix_exchange_orders_account ON exchange_orders (account_id, id);

CREATE TABLE exchange_trades (
    id INTEGER PRIMARY KEY,
    instrument TEXT NOT NULL REFERENCES exchange_instruments (code),
    at INTEGER NOT NULL,
    price_fen INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    buy_order INTEGER NOT NULL REFERENCES exchange_orders (id),
    sell_order INTEGER NOT NULL REFERENCES exchange_orders (id),
    buy_account INTEGER NOT NULL REFERENCES exchange_accounts (id),
    sell_account INTEGER NOT NULL REFERENCES exchange_accounts (id),
    aggressor TEXT NOT NULL,
    buyer_fee_fen INTEGER NOT NULL,
    seller_fee_fen INTEGER NOT NULL,
    CONSTRAINT ck_exchange_trades_quantity CHECK (quantity > 0 AND price_fen > 0)
);
CREATE INDEX ix_exchange_trades_instrument ON exchange_trades (instrument, at);
CREATE INDEX ix_exchange_trades_buy_account ON exchange_trades (buy_account, id);
CREATE INDEX ix_exchange_trades_sell_account ON exchange_trades (sell_account, id);

INSERT INTO cash_accounts (kind, organisation_id, balance_fen, reserved_fen, opened_at) VALUES ('ExchangeFees', NULL, 0, 0, 0);
