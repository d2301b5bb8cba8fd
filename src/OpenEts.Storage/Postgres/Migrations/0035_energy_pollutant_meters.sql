-- Pollutant meters in online monitoring: a meter point measuring a pollutant's emission concentration or load names the
-- pollutant (SO2, NOx, COD, ...); energy meters leave it empty.
ALTER TABLE energy_meters ADD COLUMN pollutant text;
