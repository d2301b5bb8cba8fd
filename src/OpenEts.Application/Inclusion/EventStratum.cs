using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>A programme's counted events of one behaviour with a reduction, still kept over a period, and their reductions.</summary>
public sealed record EventStratum(Behaviour Behaviour, long Events, CarbonGrams Reduction);
