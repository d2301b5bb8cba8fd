namespace OpenEts.Domain.Allocation;

/// <summary>
/// One number of an allocation plan with where it comes from: a benchmark, a factor, a share, a cap. A figure the
/// reference could not confirm is a placeholder (<see cref="Unconfirmed"/>): every page and export that shows it shows
/// the flag, and the regulator replaces it in the plan editor.
/// </summary>
/// <param name="Value">The number, in <see cref="Unit"/> (a fraction for shares and factors, 1 = 100 %).</param>
/// <param name="Source">Where the number was read (document, page, reference section).</param>
/// <param name="Unconfirmed">True for a placeholder or a figure no retrievable source confirms ([UNCONFIRMED]).</param>
public sealed record PlanFigure(decimal Value, string Source, bool Unconfirmed = false)
{
    /// <summary>The unit of <see cref="Value"/> as the plan writes it (e.g. <c>tCO2/MWh</c>, <c>t</c>); null for a pure number.</summary>
    public string? Unit { get; init; }

    /// <summary>Values that differ by year (e.g. the 2023 and 2024 benchmarks of one plan); <see cref="Value"/> for other years.</summary>
    public IReadOnlyDictionary<int, decimal>? Years { get; init; }

    /// <summary>A remark shown with the figure (why it is a placeholder, what it is not).</summary>
    public string? Note { get; init; }

    /// <summary>The value for <paramref name="year"/>: its own when <see cref="Years"/> names it, <see cref="Value"/> otherwise.</summary>
    public decimal For(int year) => Years is { } years && years.TryGetValue(year, out var v) ? v : Value;
}
