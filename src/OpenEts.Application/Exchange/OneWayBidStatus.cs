namespace OpenEts.Application.Exchange;

/// <summary>Where a bid on a one-way auction stands.</summary>
public enum OneWayBidStatus
{
    /// <summary>Placed: its cash is reserved until the close.</summary>
    Open = 1,

    /// <summary>Its bidder withdrew it before the close; its cash was released.</summary>
    Withdrawn,

    /// <summary>It won all or part of what it asked for at the close, settled.</summary>
    Won,

    /// <summary>It won nothing at the close; its cash was released.</summary>
    Lost,
}
