namespace OpenEts.Domain.Allocation;

/// <summary>An entity's approved emissions (t) and outputs (by plan product id) of one historical year.</summary>
public sealed record HistoryYear(int Year, decimal Emissions, IReadOnlyDictionary<string, decimal> Outputs);
