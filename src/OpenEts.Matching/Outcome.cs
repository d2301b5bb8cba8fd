namespace OpenEts.Matching;

/// <summary>
/// The single outcome of one input. For an accepted order input: <see cref="Filled"/> traded by this input,
/// <see cref="Resting"/> left on the book, <see cref="Cancelled"/> removed by this input (IOC/market remainder,
/// self-trade prevention, an amend down or a cancel). Its trades are the last <see cref="TradeCount"/> entries
/// appended to the caller's <see cref="TradeBuffer"/>.
/// </summary>
public readonly record struct Outcome(
    long Sequence,
    long OrderId,
    OutcomeStatus Status,
    Reason Reason,
    long Filled,
    long Resting,
    long Cancelled,
    int TradeCount)
{
    public bool IsAccepted => Status == OutcomeStatus.Accepted;

    internal static Outcome Reject(long sequence, long orderId, Reason reason) =>
        new(sequence, orderId, OutcomeStatus.Rejected, reason, 0, 0, 0, 0);
}
