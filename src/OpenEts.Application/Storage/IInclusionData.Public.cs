using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Storage;

// A programme's sums over all its citizens, for the public statistics.
public partial interface IInclusionData
{
    /// <summary>A programme's daily rows summed over citizens and sources by day and behaviour (Source empty), from <paramref name="from"/> to <paramref name="to"/>.</summary>
    Task<IReadOnlyList<DailyRollup>> ProgrammeDailyAsync(string programme, DateOnly from, DateOnly to);

    /// <summary>
    /// The coins a programme's citizens redeemed in each Beijing month from <paramref name="from"/>'s month on (kept as
    /// redemptions are written): At is the month's first Beijing midnight.
    /// </summary>
    Task<IReadOnlyList<(DateTimeOffset At, long Coins)>> ProgrammeRedemptionsAsync(string programme, DateOnly from);

    /// <summary>A programme's wallets summed (kept as wallets change): citizens with a wallet, coins credited, redeemed and expired, and the reduction.</summary>
    Task<(long Citizens, long Credited, long Redeemed, long Expired, CarbonGrams Reduction)> ProgrammeWalletTotalsAsync(string programme);

    /// <summary>Adds a batch's counted actions to the programme's sums by day and behaviour (the rows' Source is ignored).</summary>
    Task AddProgrammeDailyAsync(string programme, IReadOnlyList<DailyRollup> rows);

    /// <summary>Adds to the programme's wallet sums (<see cref="ProgrammeWalletTotalsAsync"/>): a change of wallets, not their values.</summary>
    Task AddProgrammeTotalsAsync(ProgrammeTotals add);

    /// <summary>The programme's month cells kept so far for the months from <paramref name="from"/> to <paramref name="to"/> (first days).</summary>
    Task<IReadOnlyList<MonthCell>> ProgrammeMonthsAsync(string programme, DateOnly from, DateOnly to);

    /// <summary>Adds citizens and coins to the programme's month cells (creating those that are new).</summary>
    Task AddProgrammeMonthsAsync(string programme, IReadOnlyList<MonthCell> add);

    /// <summary>True when the user redeemed coins in the programme in the Beijing month starting <paramref name="month"/>.</summary>
    Task<bool> RedeemedInMonthAsync(long userId, string programme, DateOnly month);

    /// <summary>
    /// How many distinct citizens a programme's statistics cells in each of <paramref name="periods"/> (Beijing days,
    /// inclusive) describe: by behaviour, all earners, and redeemers (for the minimum group size). One answer per period,
    /// in order, read in one grouped query.
    /// </summary>
    Task<IReadOnlyList<CellCitizens>> ProgrammeCitizensAsync(string programme, IReadOnlyList<(DateOnly From, DateOnly To)> periods);
}
