using OpenEts.Application.Files;
using OpenEts.Domain.Cash;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The exchange's workbooks (.xlsx, or CSV): a day's trades and a member's daily report, shared by the API, the pages
/// and <c>ets exchange export</c>. Money in yuan (exact, from fen), quantities in tonnes, times in Beijing time.
/// </summary>
public static class ExchangeExports
{
    /// <summary>The columns of a trades sheet.</summary>
    public static IReadOnlyList<string> TradeHeader { get; } =
        ["成交号 Trade", "品种 Instrument", "时间 Time (UTC+8)", "价格 Price (元/t)", "数量 Quantity (t)", "金额 Value (元)",
            "买方账户 Buy account", "卖方账户 Sell account", "买方手续费 Buyer fee (元)", "卖方手续费 Seller fee (元)", "类型 Kind"];

    /// <summary>The columns of a member's daily report.</summary>
    public static IReadOnlyList<string> MemberHeader { get; } =
        ["类别 Line", "成交号 Trade", "品种 Instrument", "时间 Time (UTC+8)", "方向 Side", "价格 Price (元/t)", "数量 Quantity (t)",
            "金额 Value (元)", "手续费 Fee (元)", "类型 Kind", "挂单冻结 In open sells (t)", "挂牌冻结 In listings (t)",
            "单向竞价冻结 In auctions (t)", "合计持有 Owned (t)"];

    /// <summary>Writes the trades, one row each, with its kind (<c>book</c>, <c>block</c>, <c>listing</c>, <c>auction</c>).</summary>
    public static void WriteTrades(Stream output, IReadOnlyList<DayTrade> trades, bool csv)
    {
        ArgumentNullException.ThrowIfNull(trades);
        Write(output, TradeHeader, trades.Select(t => (IReadOnlyList<object?>)
            [t.Id, t.Instrument, Beijing(t.At), Yuan(t.PriceFen), t.Quantity, Yuan(t.ValueFen), t.BuyAccount, t.SellAccount,
                Yuan(t.BuyerFeeFen), Yuan(t.SellerFeeFen), KindName(t.Kind)]), csv);
    }

    /// <summary>A trade kind as the exports and the API name it: <c>book</c>, <c>block</c>, <c>listing</c>, <c>auction</c>.</summary>
    public static string KindName(TradeKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>
    /// Writes a member's daily report: a <c>trade</c> row per trade of any kind (its kind in the kind column), then
    /// <c>bought</c>, <c>sold</c> and <c>fees</c> totals, a <c>position</c> row per instrument (free tonnes under quantity,
    /// tonnes in open sells in their own column) and the <c>cash</c> balance.
    /// Then, per client (客户) of the member, a <c>client</c> row (its trading account number under trade, its name under
    /// instrument) followed by the client's own rows, each line prefixed <c>client-</c> (<c>client-trade</c>, …).
    /// </summary>
    public static void WriteMemberReport(Stream output, MemberDayReport report, bool csv)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = Rows(report, "");
        foreach (var client in report.Clients)
        {
            rows.Add(["client", client.Account.Id, client.Organisation, null, null, null, null, null, null, null, null]);
            rows.AddRange(Rows(client, "client-"));
        }
        Write(output, MemberHeader, rows, csv);
    }

    private static List<IReadOnlyList<object?>> Rows(MemberDayReport report, string prefix)
    {
        var rows = new List<IReadOnlyList<object?>>();
        rows.AddRange(report.Trades.Select(t => (IReadOnlyList<object?>)
            [prefix + "trade", t.Trade, t.Instrument, Beijing(t.At), t.Side.ToString().ToLowerInvariant(), Yuan(t.PriceFen), t.Quantity, Yuan(t.ValueFen),
                Yuan(t.FeeFen), KindName(t.Kind), null, null, null, null]));
        rows.Add([prefix + "bought", null, null, null, "buy", null, report.BoughtTonnes, Yuan(report.BoughtFen), null, null, null, null, null, null]);
        rows.Add([prefix + "sold", null, null, null, "sell", null, report.SoldTonnes, Yuan(report.SoldFen), null, null, null, null, null, null]);
        rows.Add([prefix + "fees", null, null, null, null, null, null, null, Yuan(report.FeesFen), null, null, null, null, null]);
        // A position's free tonnes, and those held for its sells on the book, in listings and in one-way auctions: together
        // every tonne the account owns of the instrument, as the page shows them.
        rows.AddRange(report.Positions.Select(p => (IReadOnlyList<object?>)
            [prefix + "position", null, p.Instrument, null, null, null, p.Free, null, null, null, p.InOpenSells, p.InListings, p.InAuctions, p.Owned]));
        rows.Add([prefix + "cash", null, null, null, null, null, null, report.CashBalance, null, null, null, null, null, null]);
        return rows;
    }

    private static void Write(Stream output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows, bool csv)
    {
        if (csv)
        {
            TabularWriter.WriteCsv(output, header, rows);
        }
        else
        {
            TabularWriter.WriteXlsx(output, header, rows);
        }
    }

    private static decimal Yuan(long fen) => Domain.Cash.Yuan.FromFen(fen).Value;

    private static string Beijing(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
