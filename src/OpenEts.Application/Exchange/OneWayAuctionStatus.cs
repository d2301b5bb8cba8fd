namespace OpenEts.Application.Exchange;

/// <summary>Where a one-way auction stands.</summary>
public enum OneWayAuctionStatus
{
    /// <summary>Announced: its units are frozen; bids are taken inside its window.</summary>
    Announced = 1,

    /// <summary>Cleared at the close: the winning bids settled, the rest released.</summary>
    Cleared,
}
