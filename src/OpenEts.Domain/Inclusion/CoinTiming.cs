namespace OpenEts.Domain.Inclusion;

/// <summary>
/// When coins earned on a day can be spent and when they lapse. Ant Forest's energy appears the next day and expires
/// after 72 h (inclusion-dualcontrol-cards.md A3 [confirmed]); the programmes shipped publish neither, so they use 0 and never.
/// </summary>
/// <param name="AvailableAfterDays">Days after the day earned before coins can be spent (0: the same day; 1: the next day).</param>
/// <param name="ExpiryDays">Days coins stay spendable once available, or null for never.</param>
/// <param name="Source">Where the timing was read, or why it is the platform's choice.</param>
/// <param name="Confirmed">True when read in its source.</param>
public sealed record CoinTiming(int AvailableAfterDays, int? ExpiryDays, string Source, bool Confirmed)
{
    /// <summary>The first day coins earned on <paramref name="earned"/> can be spent.</summary>
    public DateOnly AvailableOn(DateOnly earned) => earned.AddDays(AvailableAfterDays);

    /// <summary>The first day coins earned on <paramref name="earned"/> can no longer be spent, or null.</summary>
    public DateOnly? ExpiresOn(DateOnly earned) => ExpiryDays is { } d ? AvailableOn(earned).AddDays(d) : null;
}
