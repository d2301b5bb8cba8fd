-- Carbon inclusion: the coins a cap cut, kept on the day's row. A counted action past a coin cap of its programme keeps its
-- reduction and earns fewer coins (or none); the recording's answer named the coins cut (CoinsCut) at the time, and the
-- citizen's page could say only that the cap was reached. Each daily row (citizen, programme, day, behaviour, source) now
-- adds up the coins its actions were cut by, so the page and the citizen's download say how many. Rows recorded before
-- this migration hold 0: what was cut then is not known. A constant default adds the column without rewriting the table,
-- and an update of it touches no index, as 0054 intends.
ALTER TABLE inclusion_daily ADD COLUMN coins_cut bigint NOT NULL DEFAULT 0;
