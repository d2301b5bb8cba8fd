namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// One row of a readings file (<see cref="ReadingFile"/>): its row number in the file (the header is row 1), the reading
/// as a form, and the value cell as typed when it is not a number (its form's value is then null).
/// </summary>
public sealed record FileReading(int Row, IngestReadings.ReadingForm Reading, string? UnreadValue = null);
