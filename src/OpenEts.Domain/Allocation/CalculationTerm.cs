namespace OpenEts.Domain.Allocation;

/// <summary>One input or factor of a calculation step, with its unit, source and flag.</summary>
/// <remarks>
/// <see cref="Source"/> is the source as an English sentence (the API's, the CLI's and the export's text).
/// <see cref="Code"/> and <see cref="Figures"/> say the same as data, so that a page writes the source in its reader's
/// language: the code names the sentence (<see cref="CalculationSources"/>), the figures fill it in order (years, outputs,
/// numbers as invariant text, a plan figure's source reference). A term stored before codes existed has no code
/// (null) and no figures, and reads by its <see cref="Source"/>.
/// </remarks>
public sealed record CalculationTerm(string Name, decimal Value, string Unit, string Source, bool Unconfirmed = false)
{
    /// <summary>The source's code (<see cref="CalculationSources"/>); null for a term stored before codes existed.</summary>
    public string? Code { get; init; }

    /// <summary>The figures the source's sentence is filled in with, in order; empty when it has none.</summary>
    public IReadOnlyList<string> Figures { get; init; } = [];
}
