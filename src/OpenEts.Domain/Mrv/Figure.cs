namespace OpenEts.Domain.Mrv;

/// <summary>
/// A number with its unit and its provenance. Values are exact decimals; nothing is rounded until reporting
/// (docs/mrv.md, "Rounding").
/// </summary>
/// <param name="Value">The exact value, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit of the value.</param>
/// <param name="Source">Where the value came from.</param>
/// <param name="Name">What the figure is (e.g. "NCV", "emissions"), for the derivation tree.</param>
public sealed record Figure(string Name, decimal Value, MeasureUnit Unit, Provenance Source);
