namespace OpenEts.Domain.Mrv;

/// <summary>
/// Where a figure came from: every number in a report can be traced to a default (its table, row, guideline and
/// year), a measurement (its document and the rule it satisfies), the company's own entry, or a formula over other
/// figures. A report prints the tree of its total from these.
/// </summary>
public abstract record Provenance
{
    private Provenance()
    {
    }

    /// <summary>A default from a published table. <see cref="Confirmed"/> is false for [UNCONFIRMED] values.</summary>
    public sealed record Default(string Guideline, string Table, string Row, int Year, bool Confirmed) : Provenance;

    /// <summary>
    /// A value the company measured, with its evidence (lab report number, document) and measurement rule;
    /// <see cref="AdjustedBy"/> names the verifier (and the reason) when verification set the value instead.
    /// </summary>
    public sealed record Measured(string Evidence, string Rule, string? AdjustedBy = null) : Provenance;

    /// <summary>A value entered in the report (activity data), with where it was entered (line, sheet row).</summary>
    public sealed record Reported(string Where) : Provenance;

    /// <summary>A value computed by <see cref="Formula"/> (written as in the guideline) from <see cref="Inputs"/>.</summary>
    public sealed record Computed(string Formula, IReadOnlyList<Figure> Inputs) : Provenance;
}
