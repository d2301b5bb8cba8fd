-- Online energy monitoring of key energy users (重点用能单位能耗在线监测): monitored units (organisations of the
-- covered-entity list), meter points, readings keyed (meter, slot) in a compact table written in bulk, per-meter daily
-- rollups kept as readings arrive (data quality over a year reads 365 rows a meter), monthly figures, received batches
-- (idempotency), faults and calibrations. Slots are Unix seconds; days are DateOnly.DayNumber (Beijing days); months
-- are yyyyMM; energy is thousandths of the meter's unit; times are Unix ms.
CREATE TABLE energy_units (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    region TEXT NOT NULL,
    monitored_from INTEGER NOT NULL,
    registered_at INTEGER NOT NULL,
    registered_by TEXT NOT NULL,
    CONSTRAINT ux_energy_units_organisation UNIQUE (organisation_id)
);
CREATE INDEX ix_energy_units_region ON energy_units (region);

CREATE TABLE energy_meters (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id INTEGER NOT NULL REFERENCES energy_units (id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    unit TEXT NOT NULL,
    cadence TEXT NOT NULL,
    monitored_from INTEGER NOT NULL,
    CONSTRAINT ux_energy_meters_code UNIQUE (code)
);
CREATE INDEX ix_energy_meters_unit ON energy_meters (unit_id);

CREATE TABLE energy_readings (
    meter_id INTEGER NOT NULL,
    slot INTEGER NOT NULL,
    value_milli INTEGER NOT NULL,
    offset_s INTEGER NOT NULL,
    PRIMARY KEY (meter_id, slot)
) WITHOUT ROWID;

CREATE TABLE energy_meter_days (
    meter_id INTEGER NOT NULL,
    day INTEGER NOT NULL,
    month INTEGER NOT NULL,
    received INTEGER NOT NULL,
    off_time INTEGER NOT NULL,
    total_milli INTEGER NOT NULL,
    PRIMARY KEY (meter_id, day)
) WITHOUT ROWID;

CREATE TABLE energy_monthly (
    meter_id INTEGER NOT NULL,
    month INTEGER NOT NULL,
    value_milli INTEGER NOT NULL,
    at INTEGER NOT NULL,
    on_time INTEGER NOT NULL,
    PRIMARY KEY (meter_id, month)
) WITHOUT ROWID;

CREATE TABLE energy_reading_batches (
    sender INTEGER NOT NULL,
    batch_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    readings INTEGER NOT NULL,
    monthly INTEGER NOT NULL,
    new_readings INTEGER NOT NULL,
    new_monthly INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    received_by TEXT NOT NULL,
    PRIMARY KEY (sender, batch_id)
) WITHOUT ROWID;

CREATE TABLE energy_meter_faults (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meter_id INTEGER NOT NULL REFERENCES energy_meters (id),
    reported_on INTEGER NOT NULL,
    description TEXT NOT NULL,
    reported_at INTEGER NOT NULL,
    reported_by TEXT NOT NULL,
    repaired_on INTEGER NULL,
    repair_note TEXT NULL,
    repaired_at INTEGER NULL,
    repaired_by TEXT NULL
);
CREATE INDEX ix_energy_meter_faults_meter ON energy_meter_faults (meter_id);

CREATE TABLE energy_meter_calibrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meter_id INTEGER NOT NULL REFERENCES energy_meters (id),
    calibrated_on INTEGER NOT NULL,
    replaced INTEGER NOT NULL,
    certificate TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX ix_energy_meter_calibrations_meter ON energy_meter_calibrations (meter_id);
