-- Carbon inclusion: the public statistics kept as batches are written, in the batch's own transaction, so that the
-- public page reads a few small rows per programme instead of summing every citizen's daily rows and wallets (which
-- grow with the citizens: at 10 M citizens, millions of daily rows a day).
--   inclusion_programme_daily: the daily rows summed over citizens and sources, by programme, day and behaviour;
--   inclusion_programme_months: per programme and month (the first day's DayNumber), the citizens behind each cell of
--     the statistics — cell = a behaviour (its citizens), '*' (every earner), '+' (redeemers, with the coins redeemed).
--     A citizen count is exact below 1 000 (the largest minimum group a programme may set) and at least 1 000 once
--     there: past that the minimum group no longer needs it, and writers stop counting;
--   inclusion_programme_totals: the wallets summed by programme (citizens with a wallet, coins, reduction, actions).
-- And a partial index of the coin lots that can still lapse, the only older lots a batch reads besides its own days'.
-- Days are DateOnly.DayNumber (days since 0001-01-01); redemption times are Unix ms, bucketed by Beijing month.
CREATE TABLE inclusion_programme_daily (
    programme TEXT NOT NULL,
    day INTEGER NOT NULL,
    behaviour TEXT NOT NULL,
    actions INTEGER NOT NULL,
    reduction_mg INTEGER NOT NULL,
    coins INTEGER NOT NULL,
    PRIMARY KEY (programme, day, behaviour)
) WITHOUT ROWID;

CREATE TABLE inclusion_programme_months (
    programme TEXT NOT NULL,
    month INTEGER NOT NULL,
    cell TEXT NOT NULL,
    citizens INTEGER NOT NULL,
    coins INTEGER NOT NULL,
    PRIMARY KEY (programme, month, cell)
) WITHOUT ROWID;

CREATE TABLE inclusion_programme_totals (
    programme TEXT NOT NULL PRIMARY KEY,
    citizens INTEGER NOT NULL,
    credited INTEGER NOT NULL,
    redeemed INTEGER NOT NULL,
    expired INTEGER NOT NULL,
    reduction_mg INTEGER NOT NULL,
    actions INTEGER NOT NULL,
    donated INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX ix_inclusion_coin_lots_lapsing ON inclusion_coin_lots (user_id, programme) WHERE expires_on IS NOT NULL AND remaining > 0;

INSERT INTO inclusion_programme_daily (programme, day, behaviour, actions, reduction_mg, coins)
SELECT programme, day, behaviour, SUM(actions), SUM(reduction_mg), SUM(coins) FROM inclusion_daily GROUP BY programme, day, behaviour;

INSERT INTO inclusion_programme_months (programme, month, cell, citizens, coins)
SELECT programme, month, behaviour, COUNT(DISTINCT user_id), 0
FROM (SELECT programme, user_id, behaviour, CAST(julianday(date(julianday('0001-01-01') + day, 'start of month')) - julianday('0001-01-01') AS INTEGER) AS month FROM inclusion_daily) d
GROUP BY programme, month, behaviour
UNION ALL
SELECT programme, month, '*', COUNT(DISTINCT user_id), 0
FROM (SELECT programme, user_id, CAST(julianday(date(julianday('0001-01-01') + day, 'start of month')) - julianday('0001-01-01') AS INTEGER) AS month FROM inclusion_daily) d
GROUP BY programme, month
UNION ALL
SELECT programme, month, '+', COUNT(DISTINCT user_id), SUM(coins)
FROM (SELECT programme, user_id, coins, CAST(julianday(date((at + 28800000) / 1000, 'unixepoch', 'start of month')) - julianday('0001-01-01') AS INTEGER) AS month FROM inclusion_redemptions) r
GROUP BY programme, month;

INSERT INTO inclusion_programme_totals (programme, citizens, credited, redeemed, expired, reduction_mg, actions, donated)
SELECT programme, COUNT(*), SUM(credited), SUM(redeemed), SUM(expired), SUM(reduction_mg), SUM(actions), SUM(donated)
FROM inclusion_wallets GROUP BY programme;
