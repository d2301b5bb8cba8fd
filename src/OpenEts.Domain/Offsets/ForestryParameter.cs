namespace OpenEts.Domain.Offsets;

/// <summary>
/// One parameter of the forestry calculation with where its value comes from: a default (its source, and whether the
/// project's reference confirms it), a site-specific value the owner measured (its evidence), or a value the verifier
/// restated in its place (its basis).
/// </summary>
/// <param name="Value">The value, in the unit its name states.</param>
/// <param name="Source">The source of a default, the evidence of a measured value, or the basis of a restated one.</param>
/// <param name="Confirmed">False for a default no retrieved source shows; shown as [UNCONFIRMED] wherever it appears.</param>
public sealed record ForestryParameter(decimal Value, string Source, bool Confirmed)
{
    // A measured value's source is its evidence after this mark: the stored reports keep only the source.
    private const string MeasuredMark = "measured: ";

    // A value the verifier restated: its source is the verifier's basis after this mark.
    private const string RestatedMark = "restated by the verifier: ";

    /// <summary>A site-specific value with its evidence (the verifier checks it).</summary>
    public static ForestryParameter Measured(decimal value, string evidence) => new(value, MeasuredMark + evidence, true);

    /// <summary>A value the verifier found in place of the owner's (核证调整), with the verifier's basis.</summary>
    public static ForestryParameter Restated(decimal value, string basis) => new(value, RestatedMark + basis, true);

    /// <summary>The evidence of a value the owner measured (<see cref="Measured"/>), or null for a default.</summary>
    public string? Evidence() => After(MeasuredMark);

    /// <summary>The verifier's basis for a value it restated (<see cref="Restated"/>), or null.</summary>
    public string? Basis() => After(RestatedMark);

    private string? After(string mark) => Source.StartsWith(mark, StringComparison.Ordinal) ? Source[mark.Length..] : null;
}
