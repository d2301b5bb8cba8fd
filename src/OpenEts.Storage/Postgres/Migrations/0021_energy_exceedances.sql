-- Links between the energy dual-control parts: a meter point's permitted daily use (the limit an exceedance is judged
-- against, with its basis), the monitoring exceedances a card was proposed from (one violation per meter and month, so
-- rerunning the proposal proposes nothing twice), and a monitored unit's designated key energy user (Targets).
-- Energy is thousandths of the meter's unit; months are yyyyMM; times are Unix ms.
CREATE TABLE energy_meter_limits (
    meter_id bigint PRIMARY KEY REFERENCES energy_meters (id),
    daily_limit_milli bigint NOT NULL,
    basis text NOT NULL,
    set_at bigint NOT NULL,
    set_by text NOT NULL
);

CREATE TABLE energy_card_monitoring (
    meter_id bigint NOT NULL,
    month bigint NOT NULL,
    violation_id bigint NOT NULL REFERENCES energy_card_violations (id),
    PRIMARY KEY (meter_id, month)
);

CREATE TABLE energy_unit_key_users (
    unit_id bigint PRIMARY KEY REFERENCES energy_units (id),
    key_user_code text NOT NULL,
    linked_at bigint NOT NULL,
    linked_by text NOT NULL
);
CREATE INDEX ix_energy_unit_key_users_code ON energy_unit_key_users (key_user_code);
