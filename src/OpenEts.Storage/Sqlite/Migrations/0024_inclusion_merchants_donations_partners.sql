-- Carbon inclusion: merchants that confirm redemption codes (the coins move from the citizen's redemption to the
-- merchant's settlement), donations of coins to a programme's public-good causes, data partners' API keys (only the
-- SHA-256 hash is kept), and an index by day for deleting raw actions past the retention window.
-- Times are Unix ms; days are DateOnly.DayNumber.
ALTER TABLE inclusion_wallets ADD COLUMN donated INTEGER NOT NULL DEFAULT 0 CHECK (donated >= 0);

CREATE TABLE inclusion_merchants (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    programme TEXT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    items TEXT NOT NULL,
    registered_at INTEGER NOT NULL,
    registered_by TEXT NOT NULL,
    CONSTRAINT ux_inclusion_merchants_programme_organisation UNIQUE (programme, organisation_id)
);
CREATE INDEX ix_inclusion_merchants_organisation ON inclusion_merchants (organisation_id);

ALTER TABLE inclusion_redemptions ADD COLUMN merchant_id INTEGER NULL REFERENCES inclusion_merchants (id);
ALTER TABLE inclusion_redemptions ADD COLUMN confirmed_at INTEGER NULL;
CREATE INDEX ix_inclusion_redemptions_code ON inclusion_redemptions (code);
CREATE INDEX ix_inclusion_redemptions_merchant ON inclusion_redemptions (merchant_id, confirmed_at);

CREATE TABLE inclusion_donations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id),
    programme TEXT NOT NULL,
    cause TEXT NOT NULL,
    coins INTEGER NOT NULL CHECK (coins > 0),
    at INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL,
    CONSTRAINT ux_inclusion_donations_key UNIQUE (idempotency_key)
);
CREATE INDEX ix_inclusion_donations_programme ON inclusion_donations (programme, cause);
CREATE INDEX ix_inclusion_donations_user ON inclusion_donations (user_id, id);

CREATE TABLE inclusion_partners (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    programme TEXT NOT NULL,
    behaviours TEXT NOT NULL,
    key_shown TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    issued_at INTEGER NOT NULL,
    issued_by TEXT NOT NULL,
    revoked_at INTEGER NULL,
    CONSTRAINT ux_inclusion_partners_key UNIQUE (key_hash)
);

CREATE INDEX ix_inclusion_events_day ON inclusion_events (day);
