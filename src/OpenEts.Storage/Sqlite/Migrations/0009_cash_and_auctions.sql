-- Cash ledger: members' cash accounts, double-entry movements and reservations; allowance auctions and sealed bids.
-- Money is integer fen (0.01 yuan). Times are Unix ms. The external bank and auction proceeds accounts exist once.
CREATE TABLE cash_accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    organisation_id INTEGER NULL REFERENCES organisations (id),
    balance_fen INTEGER NOT NULL DEFAULT 0,
    reserved_fen INTEGER NOT NULL DEFAULT 0,
    opened_at INTEGER NOT NULL,
    CONSTRAINT ck_cash_accounts_reserved CHECK (reserved_fen >= 0 AND (kind = 'ExternalBank' OR reserved_fen <= balance_fen)),
    CONSTRAINT ck_cash_accounts_sign CHECK ((kind = 'ExternalBank' AND balance_fen <= 0) OR (kind <> 'ExternalBank' AND balance_fen >= 0))
);
CREATE UNIQUE INDEX ux_cash_accounts_organisation ON cash_accounts (organisation_id) WHERE organisation_id IS NOT NULL;
CREATE UNIQUE INDEX ux_cash_accounts_system_kind ON cash_accounts (kind) WHERE organisation_id IS NULL;
INSERT INTO cash_accounts (kind, organisation_id, balance_fen, reserved_fen, opened_at) VALUES ('ExternalBank', NULL, 0, 0, 0);
INSERT INTO cash_accounts (kind, organisation_id, balance_fen, reserved_fen, opened_at) VALUES ('AuctionProceeds', NULL, 0, 0, 0);

CREATE TABLE cash_reservations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES cash_accounts (id),
    amount_fen INTEGER NOT NULL,
    original_fen INTEGER NOT NULL,
    reference TEXT NOT NULL,
    is_open INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    closed_at INTEGER NULL,
    CONSTRAINT ux_cash_reservations_key UNIQUE (idempotency_key),
    CONSTRAINT ck_cash_reservations_amount CHECK (amount_fen >= 0 AND amount_fen <= original_fen)
);
CREATE INDEX ix_cash_reservations_account ON cash_reservations (account_id, is_open);

CREATE TABLE cash_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    from_account INTEGER NOT NULL REFERENCES cash_accounts (id),
    to_account INTEGER NOT NULL REFERENCES cash_accounts (id),
    amount_fen INTEGER NOT NULL,
    kind TEXT NOT NULL,
    reference TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    actor TEXT NOT NULL,
    reservation_id INTEGER NULL REFERENCES cash_reservations (id),
    CONSTRAINT ux_cash_entries_key UNIQUE (idempotency_key),
    CONSTRAINT ck_cash_entries_amount CHECK (amount_fen > 0),
    CONSTRAINT ck_cash_entries_sides CHECK (from_account <> to_account)
);
CREATE INDEX ix_cash_entries_from ON cash_entries (from_account, id);
CREATE INDEX ix_cash_entries_to ON cash_entries (to_account, id);

CREATE TABLE auctions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    jurisdiction TEXT NOT NULL,
    year INTEGER NOT NULL,
    unit_class TEXT NOT NULL,
    volume INTEGER NOT NULL,
    opens_at INTEGER NOT NULL,
    closes_at INTEGER NOT NULL,
    reserve_fen INTEGER NOT NULL,
    rules TEXT NOT NULL,
    reserve_inputs TEXT NOT NULL,
    status TEXT NOT NULL,
    clearing_fen INTEGER NULL,
    sold INTEGER NULL,
    announced_at INTEGER NOT NULL,
    announced_by TEXT NOT NULL,
    cleared_at INTEGER NULL,
    settled_at INTEGER NULL,
    idempotency_key TEXT NOT NULL,
    CONSTRAINT ux_auctions_key UNIQUE (idempotency_key)
);

CREATE TABLE auction_bids (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    auction_id INTEGER NOT NULL REFERENCES auctions (id),
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    account TEXT NOT NULL,
    tonnes INTEGER NOT NULL,
    price_fen INTEGER NOT NULL,
    reservation_id INTEGER NOT NULL REFERENCES cash_reservations (id),
    placed_at INTEGER NOT NULL,
    placed_by TEXT NOT NULL,
    awarded INTEGER NULL,
    delivered INTEGER NOT NULL DEFAULT 0,
    idempotency_key TEXT NOT NULL,
    CONSTRAINT ux_auction_bids_key UNIQUE (idempotency_key)
);
CREATE INDEX ix_auction_bids_auction ON auction_bids (auction_id, id);
CREATE INDEX ix_auction_bids_organisation ON auction_bids (organisation_id);
