namespace OpenEts.Domain.Exchange;

/// <summary>One continuous-trading session of a day, in Beijing time (UTC+8): opens at <see cref="Opens"/>, closes at <see cref="Closes"/> (exclusive).</summary>
public sealed record TradingSession(TimeOnly Opens, TimeOnly Closes)
{
    /// <summary>True when <paramref name="time"/> (Beijing time) is within the session. A close of 00:00 means midnight at the end of the day.</summary>
    public bool Contains(TimeOnly time) =>
        time >= Opens && (Closes == TimeOnly.MinValue || time < Closes);
}
