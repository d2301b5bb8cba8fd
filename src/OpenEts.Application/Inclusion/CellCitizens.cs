using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>How many distinct citizens a period's statistics cells describe: by behaviour, every earner, and redeemers.</summary>
public sealed record CellCitizens(IReadOnlyDictionary<Behaviour, long> ByBehaviour, long Earners, long Redeemers);
