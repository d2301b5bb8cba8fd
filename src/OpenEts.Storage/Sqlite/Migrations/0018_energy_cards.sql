-- Polluter red/yellow cards (环保红黄牌): violations recorded by officers with their evidence, cards proposed by a
-- jurisdiction's rules and confirmed, lifted, escalated or dismissed, and the quarterly public lists as published.
-- Days are DateOnly.DayNumber (Beijing days); decimals (measured values, limits, fines) are exact text; times are Unix ms.
CREATE TABLE energy_card_violations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    rules TEXT NOT NULL,
    kind TEXT NOT NULL,
    observed_on INTEGER NOT NULL,
    parameter TEXT NULL,
    measured TEXT NULL,
    limit_value TEXT NULL,
    unit TEXT NULL,
    fine_yuan TEXT NULL,
    serious INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX ix_energy_card_violations_org ON energy_card_violations (organisation_id, id);

CREATE TABLE energy_cards (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    violation_id INTEGER NOT NULL REFERENCES energy_card_violations (id),
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    rules TEXT NOT NULL,
    colour TEXT NOT NULL,
    status TEXT NOT NULL,
    trigger_text TEXT NOT NULL,
    proposed_at INTEGER NOT NULL,
    confirmed_on INTEGER NULL,
    confirmed_by TEXT NULL,
    confirm_evidence TEXT NULL,
    deadline INTEGER NULL,
    ended_on INTEGER NULL,
    ended_by TEXT NULL,
    end_evidence TEXT NULL,
    escalated_from INTEGER NULL REFERENCES energy_cards (id)
);
CREATE INDEX ix_energy_cards_org ON energy_cards (organisation_id, id);

CREATE TABLE energy_card_lists (
    jurisdiction TEXT NOT NULL,
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL,
    due INTEGER NOT NULL,
    rows_json TEXT NOT NULL,
    published_at INTEGER NOT NULL,
    published_by TEXT NOT NULL,
    PRIMARY KEY (jurisdiction, year, quarter)
);
