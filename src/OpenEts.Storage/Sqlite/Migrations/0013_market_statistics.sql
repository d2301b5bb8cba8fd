-- Published market statistics: cumulative volume (t), turnover (fen; published in 10^4 yuan) and average price (fen/t,
-- null when not published) per market, product and date (yyyy-MM-dd). Imported rows replace the same market, product
-- and date; the journal keeps every import. Times are Unix ms.
CREATE TABLE market_statistics (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    market TEXT NOT NULL,
    product TEXT NOT NULL,
    as_of TEXT NOT NULL,
    volume INTEGER NOT NULL,
    turnover_fen INTEGER NOT NULL,
    average_fen INTEGER NULL,
    source TEXT NOT NULL,
    imported_at INTEGER NOT NULL,
    imported_by TEXT NOT NULL,
    CONSTRAINT ux_market_statistics_row UNIQUE (market, product, as_of),
    CONSTRAINT ck_market_statistics_amounts CHECK (volume >= 0 AND turnover_fen >= 0 AND (average_fen IS NULL OR average_fen >= 0))
);
