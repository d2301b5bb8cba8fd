using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>A programme's counted actions, reduction and coins of one behaviour over a period, and how many citizens took part.</summary>
public sealed record BehaviourTotal(Behaviour Behaviour, long Actions, CarbonGrams Reduction, long Coins, long Citizens);
