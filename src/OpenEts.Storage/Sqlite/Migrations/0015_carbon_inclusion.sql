-- Carbon inclusion (碳普惠): behaviour events (idempotent by source and event id), per-citizen daily rollups, coin lots by
-- day earned, wallets, redemptions, and period aggregations filed as PHCER monitoring reports. Every hot-path read is
-- a primary-key range of one citizen. Days are DateOnly.DayNumber (Beijing days); reductions are whole milligrams;
-- quantities and minutes are thousandths of their unit; times are Unix ms.
CREATE TABLE inclusion_events (
    source TEXT NOT NULL,
    event_id TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id),
    programme TEXT NOT NULL,
    behaviour TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    day INTEGER NOT NULL,
    quantity_milli INTEGER NOT NULL,
    minutes_milli INTEGER NULL,
    reduction_mg INTEGER NOT NULL,
    coins INTEGER NOT NULL,
    refusal TEXT NULL,
    PRIMARY KEY (source, event_id)
) WITHOUT ROWID;
CREATE INDEX ix_inclusion_events_user ON inclusion_events (user_id, occurred_at);

CREATE TABLE inclusion_daily (
    user_id INTEGER NOT NULL,
    programme TEXT NOT NULL,
    day INTEGER NOT NULL,
    behaviour TEXT NOT NULL,
    source TEXT NOT NULL,
    actions INTEGER NOT NULL,
    reduction_mg INTEGER NOT NULL,
    coins INTEGER NOT NULL,
    PRIMARY KEY (user_id, programme, day, behaviour, source)
) WITHOUT ROWID;
CREATE INDEX ix_inclusion_daily_programme_day ON inclusion_daily (programme, day);

CREATE TABLE inclusion_coin_lots (
    user_id INTEGER NOT NULL,
    programme TEXT NOT NULL,
    earned INTEGER NOT NULL,
    available_on INTEGER NOT NULL,
    expires_on INTEGER NULL,
    credited INTEGER NOT NULL,
    remaining INTEGER NOT NULL,
    PRIMARY KEY (user_id, programme, earned),
    CONSTRAINT ck_inclusion_coin_lots_remaining CHECK (remaining >= 0 AND remaining <= credited)
) WITHOUT ROWID;

CREATE TABLE inclusion_wallets (
    user_id INTEGER NOT NULL,
    programme TEXT NOT NULL,
    credited INTEGER NOT NULL,
    redeemed INTEGER NOT NULL,
    expired INTEGER NOT NULL,
    reduction_mg INTEGER NOT NULL,
    actions INTEGER NOT NULL,
    PRIMARY KEY (user_id, programme),
    CONSTRAINT ck_inclusion_wallets_conserved CHECK (redeemed >= 0 AND expired >= 0 AND redeemed + expired <= credited)
) WITHOUT ROWID;

CREATE TABLE inclusion_redemptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id),
    programme TEXT NOT NULL,
    item TEXT NOT NULL,
    coins INTEGER NOT NULL,
    at INTEGER NOT NULL,
    code TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    CONSTRAINT ux_inclusion_redemptions_key UNIQUE (idempotency_key)
);
CREATE INDEX ix_inclusion_redemptions_user ON inclusion_redemptions (user_id, id);

CREATE TABLE inclusion_aggregations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    programme TEXT NOT NULL,
    period_start INTEGER NOT NULL,
    period_end INTEGER NOT NULL,
    reduction_mg INTEGER NOT NULL,
    actions INTEGER NOT NULL,
    claimed_kg INTEGER NOT NULL,
    phcer_project TEXT NOT NULL,
    report_id INTEGER NOT NULL,
    at INTEGER NOT NULL,
    by_user TEXT NOT NULL
);
CREATE INDEX ix_inclusion_aggregations_programme ON inclusion_aggregations (programme, period_start);
