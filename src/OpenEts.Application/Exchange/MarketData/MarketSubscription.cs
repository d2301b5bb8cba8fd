namespace OpenEts.Application.Exchange.MarketData;

/// <summary>
/// A subscriber's place in an instrument's <see cref="MarketStream"/>, with the state it starts from. Disposing it ends
/// the subscription: no update is offered after <see cref="Dispose"/> returns, other than one already being offered.
/// </summary>
public sealed class MarketSubscription : IDisposable
{
    private Action? _leave;

    internal MarketSubscription(MarketUpdate first, Action leave)
    {
        First = first;
        _leave = leave;
    }

    /// <summary>The instrument's state when the subscription began, computed after the subscriber was added.</summary>
    public MarketUpdate First { get; }

    public void Dispose() => Interlocked.Exchange(ref _leave, null)?.Invoke();
}
