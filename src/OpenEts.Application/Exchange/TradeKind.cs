namespace OpenEts.Application.Exchange;

/// <summary>How a trade was made: each kind settles delivery versus payment and pays the exchange's fees.</summary>
public enum TradeKind
{
    /// <summary>Matched on the order book (挂牌协议 / continuous trading).</summary>
    Book = 1,

    /// <summary>A block trade (大宗协议), accepted by its counterparty.</summary>
    Block,

    /// <summary>A pick of a listing (挂牌点选).</summary>
    Listing,

    /// <summary>A winning bid of a one-way auction (单向竞价), settled at its close.</summary>
    Auction,
}
