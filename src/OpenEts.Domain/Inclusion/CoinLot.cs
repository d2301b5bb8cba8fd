namespace OpenEts.Domain.Inclusion;

/// <summary>
/// The coins a user earned on one day in one programme: credited, still held (<paramref name="Remaining"/>), and the
/// days they become spendable and lapse. Spending and expiry reduce <paramref name="Remaining"/>; credited never changes
/// except by more earnings on the same day.
/// </summary>
public sealed record CoinLot(DateOnly Earned, DateOnly AvailableOn, DateOnly? ExpiresOn, long Credited, long Remaining)
{
    /// <summary>True when spendable on <paramref name="today"/>.</summary>
    public bool SpendableOn(DateOnly today) => AvailableOn <= today && !LapsedOn(today);

    /// <summary>True when lapsed on <paramref name="today"/>.</summary>
    public bool LapsedOn(DateOnly today) => ExpiresOn is { } e && e <= today;
}
