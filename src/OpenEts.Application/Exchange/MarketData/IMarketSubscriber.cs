namespace OpenEts.Application.Exchange.MarketData;

/// <summary>
/// One live subscriber of an instrument's <see cref="MarketStream"/>: a connection that is offered every update. It must
/// return at once, without waiting for its client (a subscriber that cannot send now keeps the newest update for later),
/// and must not throw: the same thread goes on to offer the update to the next subscribers.
/// </summary>
public interface IMarketSubscriber
{
    /// <summary>Takes <paramref name="update"/>; one older than an update already taken is ignored.</summary>
    void Offer(MarketUpdate update);
}
