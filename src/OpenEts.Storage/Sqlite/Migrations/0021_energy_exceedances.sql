-- Links between the energy dual-control parts: a meter point's permitted daily use (the limit an exceedance is judged
-- against, with its basis), the monitoring exceedances a card was proposed from (one violation per meter and month, so
-- rerunning the proposal proposes nothing twice), and a monitored unit's designated key energy user (Targets).
-- Energy is thousandths of the meter's unit; months are yyyyMM; times are Unix ms.
CREATE TABLE energy_meter_limits (
    meter_id INTEGER PRIMARY KEY REFERENCES energy_meters (id),
    daily_limit_milli INTEGER NOT NULL,
    basis TEXT NOT NULL,
    set_at INTEGER NOT NULL,
    set_by TEXT NOT NULL
);

CREATE TABLE energy_card_monitoring (
    meter_id INTEGER NOT NULL,
    month INTEGER NOT NULL,
    violation_id INTEGER NOT NULL REFERENCES energy_card_violations (id),
    PRIMARY KEY (meter_id, month)
);

CREATE TABLE energy_unit_key_users (
    unit_id INTEGER PRIMARY KEY REFERENCES energy_units (id),
    key_user_code TEXT NOT NULL,
    linked_at INTEGER NOT NULL,
    linked_by TEXT NOT NULL
);
CREATE INDEX ix_energy_unit_key_users_code ON energy_unit_key_users (key_user_code);
