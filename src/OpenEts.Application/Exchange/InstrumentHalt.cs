namespace OpenEts.Application.Exchange;

/// <summary>
/// Why a halted instrument is halted, who halted it and when: its latest <c>exchange.instrument.halted</c> journal entry.
/// </summary>
/// <param name="Instrument">The instrument's code.</param>
/// <param name="At">When it was halted.</param>
/// <param name="By">The user name of whoever halted it: the exchange's staff, or whoever ran the end of day that halted it.</param>
/// <param name="ByName">Their display name (the user name when the user is not found).</param>
/// <param name="Reason">The reason given; null when none was (halts before a reason was required).</param>
public sealed record InstrumentHalt(string Instrument, DateTimeOffset At, string By, string ByName, string? Reason)
{
    /// <summary>True when the end of day halted it because it did not reconcile (<see cref="EndOfDay.ReconciliationHaltReason"/>).</summary>
    public bool ByReconciliation => Reason == EndOfDay.ReconciliationHaltReason;
}
