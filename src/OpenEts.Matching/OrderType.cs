namespace OpenEts.Matching;

/// <summary>Order type. Limit orders are day orders: a book lives for one trading day.</summary>
public enum OrderType
{
    /// <summary>Rests until filled, cancelled or the day ends.</summary>
    Limit = 0,

    /// <summary>Trades at any price up to its protection limit (the band edge when none is given); the rest is cancelled.</summary>
    Market = 1,

    /// <summary>Immediate-or-cancel: fills what it can at its limit, the rest is cancelled.</summary>
    Ioc = 2,

    /// <summary>Fill-or-kill: fills entirely at once at its limit, or is rejected and leaves the book untouched.</summary>
    Fok = 3,
}
