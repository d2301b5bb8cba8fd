namespace OpenEts.Domain.Offsets;

/// <summary>
/// One parameter of the forestry calculation with where its value comes from: a default (its source, and whether the
/// project's reference confirms it) or a site-specific value the owner measured (its evidence).
/// </summary>
/// <param name="Value">The value, in the unit its name states.</param>
/// <param name="Source">The source of a default, or the evidence of a measured value.</param>
/// <param name="Confirmed">False for a default no retrieved source shows; shown as [UNCONFIRMED] wherever it appears.</param>
public sealed record ForestryParameter(decimal Value, string Source, bool Confirmed)
{
    // A measured value's source is its evidence after this mark: the stored reports keep only the source.
    private const string MeasuredMark = "measured: ";

    /// <summary>A site-specific value with its evidence (the verifier checks it).</summary>
    public static ForestryParameter Measured(decimal value, string evidence) => new(value, MeasuredMark + evidence, true);

    /// <summary>The evidence of a value the owner measured (<see cref="Measured"/>), or null for a default.</summary>
    public string? Evidence() => Source.StartsWith(MeasuredMark, StringComparison.Ordinal) ? Source[MeasuredMark.Length..] : null;
}
