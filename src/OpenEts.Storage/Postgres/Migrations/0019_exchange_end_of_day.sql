-- The exchange's end of day: per instrument and Beijing trading day (yyyy-MM-dd), the official open and close by the
-- instrument's closing rule, the volume and turnover the rule read, whether the reference was kept, and how many day
-- orders expired. The close is the next day's reference price (exchange_instruments.reference_fen). Fen, tonnes, Unix ms.
CREATE TABLE exchange_closes (
    instrument text NOT NULL REFERENCES exchange_instruments (code),
    day text NOT NULL,
    rule text NOT NULL,
    previous_fen bigint NOT NULL,
    open_fen bigint NOT NULL,
    close_fen bigint NOT NULL,
    volume bigint NOT NULL,
    turnover_fen bigint NOT NULL,
    reference_kept bigint NOT NULL,
    expired_orders bigint NOT NULL,
    closed_at bigint NOT NULL,
    CONSTRAINT pk_exchange_closes PRIMARY KEY (instrument, day)
);
CREATE INDEX ix_exchange_closes_day ON exchange_closes (day, instrument);
