using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>A programme's counted actions and reduction of one behaviour on one Beijing day, and how many citizens they came from.</summary>
public sealed record DailyBehaviourTotal(DateOnly Day, Behaviour Behaviour, long Actions, CarbonGrams Reduction, long Citizens);
