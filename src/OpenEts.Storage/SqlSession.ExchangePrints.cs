using OpenEts.Application.Storage;
using OpenEts.Domain.Exchange;

namespace OpenEts.Storage;

// An instrument's public trade prints (成交): its book trades and its listing picks numbered in one series,
// print_sequence 1, 2, 3, … per instrument over exchange_trades and exchange_listing_trades (migration 0068).
internal sealed partial class SqlSession
{
    // The instrument's last print number over both tables (0 before its first); @instrument.
    private const string LastPrintSql = """
        SELECT COALESCE(MAX(p), 0) FROM (
            SELECT MAX(print_sequence) AS p FROM exchange_trades WHERE instrument = @instrument
            UNION ALL SELECT MAX(print_sequence) AS p FROM exchange_listing_trades WHERE instrument = @instrument) AS m
        """;

    // Writes are one at a time (one write transaction), so the last number read here is still the last when the rows go in.
    private Task<long> LastPrintAsync(string instrument) => ExecuteScalarAsync<long>(LastPrintSql, new { instrument });

    async Task<IReadOnlyList<TradePrint>> IExchangeData.TradePrintsAsync(string instrument, DateTimeOffset from, DateTimeOffset to) =>
        [.. (await QueryAsync<PrintRow>("""
            SELECT print_sequence, instrument, at, price_fen, quantity FROM exchange_trades
            WHERE instrument = @instrument AND at >= @from AND at < @to
            UNION ALL
            SELECT print_sequence, instrument, at, price_fen, quantity FROM exchange_listing_trades
            WHERE instrument = @instrument AND at >= @from AND at < @to
            ORDER BY print_sequence
            """, new { instrument, from = Ms(from), to = Ms(to) }).ConfigureAwait(false)).Select(r => r.ToPrint())];

    private sealed class PrintRow
    {
        public long Print_Sequence { get; init; }

        public string Instrument { get; init; } = "";

        public long At { get; init; }

        public long Price_Fen { get; init; }

        public long Quantity { get; init; }

        public TradePrint ToPrint() => new(Print_Sequence, Instrument, SqlSession.At(At), Price_Fen, Quantity);
    }
}
