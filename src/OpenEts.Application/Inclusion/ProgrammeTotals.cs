using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// A programme's wallets summed (the public headline), kept as they change: citizens with a wallet, coins credited,
/// redeemed, expired and donated, the reduction and the actions counted. Used as an increment too.
/// </summary>
public sealed record ProgrammeTotals(string Programme, long Citizens, long Credited, long Redeemed, long Expired, CarbonGrams Reduction, long Actions,
    long Donated)
{
    /// <summary>Nothing: the totals of a programme no one has joined, or an increment that changes nothing.</summary>
    public static ProgrammeTotals None(string programme) => new(programme, 0, 0, 0, 0, CarbonGrams.Zero, 0, 0);

    /// <summary>True when adding these changes nothing.</summary>
    public bool IsNone => Citizens == 0 && Credited == 0 && Redeemed == 0 && Expired == 0 && Reduction == CarbonGrams.Zero && Actions == 0
        && Donated == 0;
}
