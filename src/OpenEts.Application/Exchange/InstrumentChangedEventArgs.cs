namespace OpenEts.Application.Exchange;

/// <summary>An instrument whose book or state a committed exchange command changed.</summary>
public sealed class InstrumentChangedEventArgs(string instrument) : EventArgs
{
    /// <summary>The instrument's code, e.g. <c>GDEA-2017</c>.</summary>
    public string Instrument { get; } = instrument;
}
