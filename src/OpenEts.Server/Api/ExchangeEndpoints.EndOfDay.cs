using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Exchange;
using OpenEts.Application.Files;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Organisations;
using OpenEts.Matching;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Api;

// The end of day: the operator closes a day; the closes are public; a member reads (and exports) its daily report; the
// exchange's staff, the regulator and the auditor export a day's trades.
internal static partial class ExchangeEndpoints
{
    private static void MapEndOfDay(RouteGroupBuilder group)
    {
        group.MapPost("/end-of-day", EndOfDayAsync).RequireAuthorization(Operators)
            .WithSummary("End a trading day (the exchange's staff): day orders expire, each instrument reconciles, closes by its rule and gets "
                + "the next day's reference; one that does not reconcile is halted and the differences are named");
        group.MapGet("/closes", ClosesAsync).AllowAnonymous()
            .WithSummary("The official closes of ?day= (yyyy-MM-dd; default the latest, newest first): open, close, volume, turnover, rule; public");
        group.MapGet("/reports/{day}", ReportAsync).RequireAuthorization(Readers)
            .WithSummary("A member's daily report: your organisation's trades of the day, fees, position and cash, and each client's beside it "
                + "(?account= one of your clients', or any for the exchange's staff, the regulator and the auditor)");
        group.MapGet("/reports/{day}/report.xlsx", ReportXlsxAsync).RequireAuthorization(Readers)
            .WithSummary("The member's daily report as .xlsx");
        group.MapGet("/days/{day}/trades.xlsx", DayTradesXlsxAsync).RequireAuthorization(Supervisors)
            .WithSummary("Every trade of the day with both accounts and fees, as .xlsx (the exchange's staff, the regulator, the auditor)");
    }

    public sealed record EndOfDayInput(string? Day);

    /// <summary>An instrument's official close: prices yuan/t, volume t, turnover yuan; <c>rule</c> the closing rule.</summary>
    public sealed record CloseView(
        string Instrument, string Day, [property: ApiEnum(typeof(ClosingRule))] string Rule, decimal PreviousClose, decimal Open, decimal Close,
        long Volume, decimal Turnover, bool ReferenceKept, int ExpiredOrders, DateTimeOffset ClosedAt);

    /// <summary>A reconciliation difference: fen for cash, tonnes for units.</summary>
    public sealed record MismatchView(string Instrument, string What, long? Trade, long Expected, long Found, string Text);

    /// <summary>
    /// An auction closed on the day: <c>kind</c> <c>oneWay</c> (单向竞价, its instrument) or <c>allowance</c> (有偿发放, its unit
    /// class); tonnes sold, the clearing price in yuan/t (null when nothing sold), winners, and proceeds in yuan before fees.
    /// </summary>
    public sealed record ClosedAuctionView(
        string Kind, long Auction, string Instrument, long Sold, decimal? ClearingPrice,
        int Winners, decimal Proceeds);

    /// <summary>What an end of day did: the closes, the instruments halted, each difference, the auctions closed that day.</summary>
    public sealed record EndOfDayView(
        string Day, IReadOnlyList<CloseView> Closed, IReadOnlyList<string> Halted, IReadOnlyList<MismatchView> Mismatches,
        IReadOnlyList<ClosedAuctionView> Auctions);

    /// <summary>
    /// One trade from the member's side: price, value and fee in yuan; <c>kind</c> how it was made (<c>book</c>,
    /// <c>block</c>, <c>listing</c>, <c>auction</c>), <c>trade</c> its number within that kind.
    /// </summary>
    public sealed record MemberTradeView(
        long Trade, string Instrument, DateTimeOffset At, [property: ApiEnum(typeof(Side))] string Side, decimal Price, long Quantity, decimal Value,
        decimal Fee, [property: ApiEnum(typeof(TradeKind))] string Kind);

    /// <summary>A member's daily report: trades, totals (t, yuan), fees, position and cash; and the same for each of its clients (客户).</summary>
    public sealed record MemberReportView(
        long Account, string Organisation, string Day, IReadOnlyList<MemberTradeView> Trades, long BoughtTonnes, decimal Bought, long SoldTonnes,
        decimal Sold, decimal Fees, IReadOnlyList<PositionLineView> Positions, decimal CashBalance, decimal CashReserved,
        IReadOnlyList<MemberReportView> Clients);

    public static CloseView View(InstrumentClose c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var d = c.Close;
        return new CloseView(c.Instrument, FieldReader.DayText(d.Day), ApiDocument.EnumName(d.Rule), Yuan(d.PreviousCloseFen), Yuan(d.OpenFen), Yuan(d.CloseFen),
            d.Volume, Yuan(d.TurnoverFen), d.ReferenceKept, c.ExpiredOrders, c.ClosedAt);
    }

    public static EndOfDayView View(EndOfDayReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new EndOfDayView(FieldReader.DayText(r.Day), [.. r.Closed.Select(View)], r.Halted,
            [.. r.Mismatches.Select(m => new MismatchView(m.Instrument, m.What, m.Trade, m.Expected, m.Found, m.ToString()))],
            [.. r.Auctions.Select(a => new ClosedAuctionView(a.Kind, a.Auction, a.Instrument, a.Sold, a.ClearingPriceFen is { } p ? Yuan(p) : null,
                a.Winners, Yuan(a.ProceedsFen)))]);
    }

    public static MemberReportView View(MemberDayReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new MemberReportView(r.Account.Id, r.Organisation, FieldReader.DayText(r.Day),
            [.. r.Trades.Select(t => new MemberTradeView(t.Trade, t.Instrument, t.At, ApiDocument.EnumName(t.Side), Yuan(t.PriceFen), t.Quantity,
                Yuan(t.ValueFen), Yuan(t.FeeFen), ApiDocument.EnumName(t.Kind)))],
            r.BoughtTonnes, Yuan(r.BoughtFen), r.SoldTonnes, Yuan(r.SoldFen), Yuan(r.FeesFen),
            [.. r.Positions.Select(PositionLineView.Of)], r.CashBalance, r.CashReserved,
            [.. r.Clients.Select(View)]);
    }

    private static async Task<ExchangeCommandResult> EndOfDayAsync(
        EndOfDayInput input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        EndOfDay.TryParse(new(input.Day), out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<Results<Ok<List<CloseView>>, ValidationProblem>> ClosesAsync(ExchangeQueries queries, CancellationToken ct, string? day = null)
    {
        DateOnly? on = null;
        if (day is not null)
        {
            if (EndOfDay.DayError(day, out var d) is { } error)
            {
                return Problems.Fields([error]);
            }
            on = d;
        }
        return TypedResults.Ok((await queries.ClosesAsync(on, ct).ConfigureAwait(false)).Select(View).ToList());
    }

    private static async Task<Results<Ok<MemberReportView>, NotFound, ValidationProblem>> ReportAsync(
        string day, HttpContext http, ExchangeQueries queries, CancellationToken ct, long? account = null)
    {
        if (EndOfDay.DayError(day, out var d) is { } error)
        {
            return Problems.Fields([error]);
        }
        return await queries.MemberReportAsync(http.User.Actor(), d, account, ct).ConfigureAwait(false) is { } report
            ? TypedResults.Ok(View(report))
            : TypedResults.NotFound();
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> ReportXlsxAsync(
        string day, HttpContext http, ExchangeQueries queries, CancellationToken ct, long? account = null)
    {
        if (EndOfDay.DayError(day, out var d) is { } error)
        {
            return Problems.Fields([error]);
        }
        if (await queries.MemberReportAsync(http.User.Actor(), d, account, ct).ConfigureAwait(false) is not { } report)
        {
            return TypedResults.NotFound();
        }
        using var buffer = new MemoryStream();
        ExchangeExports.WriteMemberReport(buffer, report, csv: false);
        return TypedResults.File(buffer.ToArray(), TabularWriter.XlsxContentType,
            string.Create(CultureInfo.InvariantCulture, $"member-report-{report.Account.Id}-{FieldReader.DayText(d)}.xlsx"));
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> DayTradesXlsxAsync(
        string day, HttpContext http, ExchangeQueries queries, CancellationToken ct)
    {
        if (EndOfDay.DayError(day, out var d) is { } error)
        {
            return Problems.Fields([error]);
        }
        if (await queries.DayTradesAsync(http.User.Actor(), d, ct).ConfigureAwait(false) is not { } trades)
        {
            return TypedResults.NotFound();
        }
        using var buffer = new MemoryStream();
        ExchangeExports.WriteTrades(buffer, trades, csv: false);
        return TypedResults.File(buffer.ToArray(), TabularWriter.XlsxContentType, $"exchange-trades-{FieldReader.DayText(d)}.xlsx");
    }
}
