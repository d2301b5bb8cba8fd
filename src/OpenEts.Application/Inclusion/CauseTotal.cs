namespace OpenEts.Application.Inclusion;

/// <summary>
/// A cause's donations summed: how many citizens gave, how many gifts, how many coins. <paramref name="Suppressed"/>: fewer
/// citizens gave than the programme's minimum group, so the figures are withheld (zero here).
/// </summary>
public sealed record CauseTotal(string Cause, long Donors, long Donations, long Coins, bool Suppressed = false);
