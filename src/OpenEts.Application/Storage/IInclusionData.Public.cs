using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Storage;

// A programme's sums over all its citizens, for the public statistics.
public partial interface IInclusionData
{
    /// <summary>A programme's daily rows summed over citizens and sources by day and behaviour (Source empty), from <paramref name="from"/> to <paramref name="to"/>.</summary>
    Task<IReadOnlyList<DailyRollup>> ProgrammeDailyAsync(string programme, DateOnly from, DateOnly to);

    /// <summary>A programme's redemptions from <paramref name="from"/> (Beijing day) on: when and how many coins only.</summary>
    Task<IReadOnlyList<(DateTimeOffset At, long Coins)>> ProgrammeRedemptionsAsync(string programme, DateOnly from);

    /// <summary>A programme's wallets summed: citizens with a wallet, coins credited, redeemed and expired, and the reduction.</summary>
    Task<(long Citizens, long Credited, long Redeemed, long Expired, CarbonGrams Reduction)> ProgrammeWalletTotalsAsync(string programme);

    /// <summary>
    /// How many distinct citizens a programme's statistics cells in each of <paramref name="periods"/> (Beijing days,
    /// inclusive) describe: by behaviour, all earners, and redeemers (for the minimum group size). One answer per period,
    /// in order, read in one grouped query.
    /// </summary>
    Task<IReadOnlyList<CellCitizens>> ProgrammeCitizensAsync(string programme, IReadOnlyList<(DateOnly From, DateOnly To)> periods);
}
