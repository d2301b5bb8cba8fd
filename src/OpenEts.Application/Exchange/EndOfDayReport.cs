using OpenEts.Domain.Exchange.Reconciliation;

namespace OpenEts.Application.Exchange;

/// <summary>
/// What an end of day did: the instruments closed (with the next day's reference price), and those whose reconciliation
/// found a difference — they were halted and not closed, and each difference is named.
/// </summary>
public sealed record EndOfDayReport(DateOnly Day, IReadOnlyList<InstrumentClose> Closed, IReadOnlyList<ReconciliationMismatch> Mismatches)
{
    /// <summary>The instruments halted because their reconciliation did not balance.</summary>
    public IReadOnlyList<string> Halted => [.. Mismatches.Select(m => m.Instrument).Distinct()];
}
