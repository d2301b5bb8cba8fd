using OpenEts.Domain.Exchange;

namespace OpenEts.Application.Exchange;

/// <summary>An instrument as listed: its figures, whether it is halted, when it was listed.</summary>
public sealed record ListedInstrument(Instrument Instrument, bool Halted, DateTimeOffset ListedAt);
