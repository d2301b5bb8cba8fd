-- One-way auctions (单向竞价): a seller's auction (quantity, reserve, minimum bid, window, pricing) whose units sit in the
-- clearing account until the close, and each member's bid with its cash reservation and, once cleared, what it won and
-- paid. The fills settle delivery versus payment; they are not market prints (not in exchange_trades). Fen, tonnes, Unix ms.
CREATE TABLE exchange_auctions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instrument TEXT NOT NULL REFERENCES exchange_instruments (code),
    account_id INTEGER NOT NULL REFERENCES exchange_accounts (id),
    user_name TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    reserve_price_fen INTEGER NOT NULL,
    minimum_bid INTEGER NOT NULL,
    opens_at INTEGER NOT NULL,
    closes_at INTEGER NOT NULL,
    pricing TEXT NOT NULL,
    status TEXT NOT NULL,
    clearing_price_fen INTEGER NULL,
    sold INTEGER NOT NULL,
    announced_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL,
    CONSTRAINT ux_exchange_auctions_key UNIQUE (user_name, idempotency_key),
    CONSTRAINT ck_exchange_auctions_terms CHECK (quantity > 0 AND reserve_price_fen > 0 AND minimum_bid > 0 AND closes_at > opens_at
        AND sold >= 0 AND sold <= quantity)
);

CREATE TABLE exchange_auction_bids (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    auction_id INTEGER NOT NULL REFERENCES exchange_auctions (id),
    account_id INTEGER NOT NULL REFERENCES exchange_accounts (id),
    user_name TEXT NOT NULL,
    price_fen INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    status TEXT NOT NULL,
    won INTEGER NOT NULL,
    paid_price_fen INTEGER NULL,
    reservation_id INTEGER NOT NULL,
    buyer_fee_fen INTEGER NOT NULL,
    seller_fee_fen INTEGER NOT NULL,
    placed_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL,
    CONSTRAINT ux_exchange_auction_bids_key UNIQUE (user_name, idempotency_key),
    CONSTRAINT ck_exchange_auction_bids_terms CHECK (price_fen > 0 AND quantity > 0 AND won >= 0 AND won <= quantity)
);
CREATE INDEX ix_exchange_auction_bids_auction ON exchange_auction_bids (auction_id, id);
