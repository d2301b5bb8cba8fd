-- Carbon inclusion: merchants' settlements in yuan. A settlement is what a programme's operator owes a merchant for the
-- redemptions it confirmed in a period, each valued at the programme's yuan per coin; a redemption names the settlement
-- that covers it (set once: the update is conditional on settlement_id IS NULL), so none is settled twice.
-- Money is integer fen (0.01 yuan). Times are Unix ms; days are DateOnly.DayNumber.
CREATE TABLE inclusion_settlements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    merchant_id INTEGER NOT NULL REFERENCES inclusion_merchants (id),
    programme TEXT NOT NULL,
    period_start INTEGER NOT NULL,
    period_end INTEGER NOT NULL CHECK (period_end >= period_start),
    redemptions INTEGER NOT NULL CHECK (redemptions > 0),
    coins INTEGER NOT NULL CHECK (coins > 0),
    amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
    settled_at INTEGER NOT NULL,
    settled_by TEXT NOT NULL
);
CREATE INDEX ix_inclusion_settlements_merchant ON inclusion_settlements (merchant_id, id);

ALTER TABLE inclusion_redemptions ADD COLUMN settlement_id INTEGER NULL REFERENCES inclusion_settlements (id);
ALTER TABLE inclusion_redemptions ADD COLUMN settled_fen INTEGER NULL;
CREATE INDEX ix_inclusion_redemptions_settlement ON inclusion_redemptions (settlement_id);
