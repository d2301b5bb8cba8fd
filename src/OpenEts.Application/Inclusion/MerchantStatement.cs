using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// A merchant's page: the listing, its recent confirmed redemptions, and its settlement (结算): codes and coins confirmed
/// in all and by Beijing month (the coins the programme operator owes the merchant for), and the statements in yuan.
/// </summary>
public sealed record MerchantStatement(Merchant Merchant, string Organisation, IReadOnlyList<Voucher> Recent, long Confirmed, long Coins,
    IReadOnlyList<MerchantStatement.Month> ByMonth)
{
    /// <summary>Its settlement statements in yuan, newest first.</summary>
    public IReadOnlyList<MerchantSettlement> Settlements { get; init; } = [];

    /// <summary>True when the reader operates the merchant's programme (or is the regulator) and so may settle it.</summary>
    public bool MaySettle { get; init; }

    /// <summary>How many recent redemptions the page lists.</summary>
    public const int RecentShown = 50;

    /// <summary>One month's settlement: yyyy-MM, codes confirmed, coins.</summary>
    public sealed record Month(string Key, long Confirmed, long Coins);

    /// <summary>Settlement by month (newest first) from when each code was confirmed.</summary>
    public static IReadOnlyList<Month> Months(IEnumerable<(DateTimeOffset At, long Coins)> confirmed) =>
        [.. confirmed.GroupBy(c => PublicTotals.Month(InclusionTime.DayOf(c.At)))
            .OrderByDescending(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Month(g.Key, g.LongCount(), g.Sum(c => c.Coins)))];
}
