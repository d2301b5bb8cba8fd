using OpenEts.Domain.Exchange.Reconciliation;

namespace OpenEts.Application.Exchange;

/// <summary>
/// What an end of day did: the instruments closed (with the next day's reference price), those whose reconciliation
/// found a difference — they were halted and not closed, and each difference is named — and the auctions closed that day
/// (one-way auctions cleared, allowance auctions settled), by kind and number.
/// </summary>
public sealed record EndOfDayReport(
    DateOnly Day, IReadOnlyList<InstrumentClose> Closed, IReadOnlyList<ReconciliationMismatch> Mismatches, IReadOnlyList<ClosedAuction> Auctions)
{
    /// <summary>The instruments halted because their reconciliation did not balance.</summary>
    public IReadOnlyList<string> Halted => [.. Mismatches.Select(m => m.Instrument).Distinct()];
}
