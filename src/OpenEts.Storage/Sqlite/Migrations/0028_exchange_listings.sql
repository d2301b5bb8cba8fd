-- Click-on-listing (挂牌点选): a member's listing (side, price, quantity, minimum take) with what it froze (a sell's units in
-- the clearing account, a buy's cash reservation), and each pick of it, settled delivery versus payment. Off the order
-- book: picks are not in exchange_trades. Fen, tonnes, Unix ms.
CREATE TABLE exchange_listings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instrument TEXT NOT NULL REFERENCES exchange_instruments (code),
    account_id INTEGER NOT NULL REFERENCES exchange_accounts (id),
    user_name TEXT NOT NULL,
    side TEXT NOT NULL,
    price_fen INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    minimum_take INTEGER NOT NULL,
    taken INTEGER NOT NULL,
    status TEXT NOT NULL,
    posted_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    reservation_id INTEGER NULL,
    idempotency_key TEXT NOT NULL,
    CONSTRAINT ux_exchange_listings_key UNIQUE (user_name, idempotency_key),
    CONSTRAINT ck_exchange_listings_terms CHECK (price_fen > 0 AND quantity > 0 AND minimum_take > 0 AND taken >= 0 AND taken <= quantity)
);
CREATE INDEX ix_exchange_listings_open ON exchange_listings (status, instrument, id);
CREATE INDEX ix_exchange_listings_account ON exchange_listings (account_id, id);

CREATE TABLE exchange_listing_trades (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    listing_id INTEGER NOT NULL REFERENCES exchange_listings (id),
    instrument TEXT NOT NULL REFERENCES exchange_instruments (code),
    at INTEGER NOT NULL,
    price_fen INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    buy_account INTEGER NOT NULL REFERENCES exchange_accounts (id),
    sell_account INTEGER NOT NULL REFERENCES exchange_accounts (id),
    buy_user TEXT NOT NULL,
    taker_account INTEGER NOT NULL REFERENCES exchange_accounts (id),
    buyer_fee_fen INTEGER NOT NULL,
    seller_fee_fen INTEGER NOT NULL,
    CONSTRAINT ck_exchange_listing_trades_terms CHECK (price_fen > 0 AND quantity > 0 AND buy_account <> sell_account)
);
CREATE INDEX ix_exchange_listing_trades_day ON exchange_listing_trades (instrument, at);
CREATE INDEX ix_exchange_listing_trades_buyer ON exchange_listing_trades (buy_account, id);
CREATE INDEX ix_exchange_listing_trades_seller ON exchange_listing_trades (sell_account, id);
