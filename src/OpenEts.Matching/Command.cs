namespace OpenEts.Matching;

/// <summary>
/// One input to a book. Plain data: the book validates it and answers with an <see cref="Outcome"/>, so a journal of
/// commands replays to the same book. Prices are fen per tonne, quantities whole tonnes.
/// </summary>
/// <param name="Sequence">Caller's sequence number (e.g. journal position); echoed in the outcome and trades.</param>
/// <param name="PriceFen">Limit price; for a market order the protection limit, or <see cref="NoPrice"/> for the band
/// edge (an explicit 0 is a price, and is refused as <see cref="Reason.BadPrice"/>).</param>
/// <param name="Quantity">Order quantity; for an amend the new open (remaining) quantity.</param>
public readonly record struct Command(
    CommandKind Kind,
    long Sequence,
    long OrderId,
    long Account,
    Side Side,
    OrderType Type,
    long PriceFen,
    long Quantity)
{
    /// <summary>
    /// "No price": a market order without a protection limit (it sweeps at most to the band edge). Distinct from every
    /// price a caller can send, so 0 stays a bad price.
    /// </summary>
    public const long NoPrice = long.MinValue;

    public static Command New(long sequence, long orderId, long account, Side side, OrderType type, long priceFen, long quantity) =>
        new(CommandKind.New, sequence, orderId, account, side, type, priceFen, quantity);

    public static Command Limit(long sequence, long orderId, long account, Side side, long priceFen, long quantity) =>
        new(CommandKind.New, sequence, orderId, account, side, OrderType.Limit, priceFen, quantity);

    public static Command Cancel(long sequence, long orderId, long account) =>
        new(CommandKind.Cancel, sequence, orderId, account, Side.Buy, OrderType.Limit, 0, 0);

    public static Command Amend(long sequence, long orderId, long account, long priceFen, long quantity) =>
        new(CommandKind.Amend, sequence, orderId, account, Side.Buy, OrderType.Limit, priceFen, quantity);

    public static Command Halt(long sequence) => Control(CommandKind.Halt, sequence);

    public static Command Resume(long sequence) => Control(CommandKind.Resume, sequence);

    public static Command OpenAuction(long sequence) => Control(CommandKind.OpenAuction, sequence);

    public static Command Uncross(long sequence) => Control(CommandKind.Uncross, sequence);

    private static Command Control(CommandKind kind, long sequence) =>
        new(kind, sequence, 0, 0, Side.Buy, OrderType.Limit, 0, 0);
}
