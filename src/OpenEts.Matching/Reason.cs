namespace OpenEts.Matching;

/// <summary>
/// Why an input was rejected, or, for an accepted order, why part of it was cancelled. The numeric values and names
/// are part of the replay output format: append new values, never renumber.
/// </summary>
public enum Reason
{
    None = 0,

    // Rejections: the book is unchanged.
    BadPrice = 1,
    OffTick = 2,
    OutsideBand = 3,
    BadQuantity = 4,
    OffLot = 5,
    TooLarge = 6,
    UnknownOrder = 7,
    NotOwner = 8,
    Halted = 9,
    FokNotFillable = 10,
    DuplicateOrderId = 11,
    BadOrderId = 12,
    BadAccount = 13,
    BadSide = 14,
    BadOrderType = 15,
    NotAllowedInCallPhase = 16,
    SelfTrade = 17,
    NotInCallPhase = 18,
    AlreadyInCallPhase = 19,
    AlreadyHalted = 20,
    NotHalted = 21,
    BadCommand = 22,

    // Accepted, with a remainder cancelled.
    SelfTradePrevented = 100,
    UnfilledRemainderCancelled = 101,

    /// <summary>
    /// The order traded through the most opposite price levels the instrument allows (<see cref="InstrumentSettings.MatchLevels"/>:
    /// the national 挂牌协议's best 5) and would still cross the next one, so its remainder is cancelled rather than rest on a
    /// crossed book.
    /// </summary>
    BeyondBestLevels = 102,
}
