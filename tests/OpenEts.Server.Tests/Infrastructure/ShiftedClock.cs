namespace OpenEts.Server.Tests.Infrastructure;

/// <summary>The system clock moved forward by <see cref="Offset"/>: a test advances time without sleeping.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; private set; }

    public void Advance(TimeSpan by) => Offset += by;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
