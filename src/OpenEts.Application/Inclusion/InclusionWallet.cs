using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// A citizen's totals in one programme: coins credited, redeemed, expired and donated (held = credited − redeemed −
/// expired − donated, in the lots), reduction and actions counted. Kept with every write so that a statement reads one row.
/// </summary>
public sealed record InclusionWallet(long UserId, string Programme, long Credited, long Redeemed, long Expired, CarbonGrams Reduction, long Actions,
    long Donated = 0)
{
    /// <summary>Coins held (spendable, pending or lapsed-not-yet-moved).</summary>
    public long Held => Credited - Redeemed - Expired - Donated;
}
