-- Per meter and Beijing month: the sums of its day rollups, kept with them in the same transaction, so that a year's data
-- quality reads about 12 rows per meter instead of 365.
CREATE TABLE energy_meter_months (
    meter_id bigint NOT NULL,
    month integer NOT NULL,
    received bigint NOT NULL,
    off_time bigint NOT NULL,
    total_milli bigint NOT NULL,
    PRIMARY KEY (meter_id, month)
);

INSERT INTO energy_meter_months (meter_id, month, received, off_time, total_milli)
SELECT meter_id, month, SUM(received), SUM(off_time), SUM(total_milli) FROM energy_meter_days GROUP BY meter_id, month;
