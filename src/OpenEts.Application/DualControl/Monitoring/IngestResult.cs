namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// What a batch of readings did: how many readings and monthly figures it held, how many were new and how many the
/// platform had already (the same value for the same meter and slot). <see cref="Resent"/> is true when the whole
/// batch had been received before under the same id: nothing changed, and <see cref="ReceivedAt"/> says when.
/// </summary>
public sealed record IngestResult(
    string BatchId, int Readings, int NewReadings, int MonthlyFigures, int NewMonthlyFigures, bool Resent, DateTimeOffset ReceivedAt)
{
    /// <summary>Readings the platform already held.</summary>
    public int AlreadyHeld => Readings - NewReadings;
}
