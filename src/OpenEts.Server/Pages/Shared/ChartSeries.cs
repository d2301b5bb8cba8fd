namespace OpenEts.Server.Pages.Shared;

/// <summary>One series of a <see cref="ChartSpec"/>: a name and one value per category (null for none).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Data);
