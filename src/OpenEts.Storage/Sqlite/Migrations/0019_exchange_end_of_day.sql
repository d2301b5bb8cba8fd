-- The exchange's end of day: per instrument and Beijing trading day (yyyy-MM-dd), the official open and close by the
-- instrument's closing rule, the volume and turnover the rule read, whether the reference was kept, and how many day
-- orders expired. The close is the next day's reference price (exchange_instruments.reference_fen). Fen, tonnes, Unix ms.
CREATE TABLE exchange_closes (
    instrument TEXT NOT NULL REFERENCES exchange_instruments (code),
    day TEXT NOT NULL,
    rule TEXT NOT NULL,
    previous_fen INTEGER NOT NULL,
    open_fen INTEGER NOT NULL,
    close_fen INTEGER NOT NULL,
    volume INTEGER NOT NULL,
    turnover_fen INTEGER NOT NULL,
    reference_kept INTEGER NOT NULL,
    expired_orders INTEGER NOT NULL,
    closed_at INTEGER NOT NULL,
    CONSTRAINT pk_exchange_closes PRIMARY KEY (instrument, day)
);
CREATE INDEX ix_exchange_closes_day ON exchange_closes (day, instrument);
