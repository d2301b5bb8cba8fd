namespace OpenEts.Domain.Allocation;

/// <summary>
/// The historical years the historical methods average over, and how many of them an entity may have excluded (years
/// of abnormal production the regulator accepts); the exclusions come with the entity.
/// </summary>
public sealed record PlanHistory(IReadOnlyList<int> Years, int MaxExcludedYears, string Source, bool Unconfirmed = false);
