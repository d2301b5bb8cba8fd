namespace OpenEts.Server.Pages.Shared;

/// <summary>
/// One series of a <see cref="ChartSpec"/>: a name, one value per category (null for none), and optionally its colour
/// (<paramref name="Color"/>) or one colour per category (<paramref name="Colors"/>), so that a sector keeps its colour
/// from chart to chart.
/// </summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Data, string? Color = null, IReadOnlyList<string>? Colors = null);
