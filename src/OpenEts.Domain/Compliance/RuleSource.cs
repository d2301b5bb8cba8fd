namespace OpenEts.Domain.Compliance;

/// <summary>Where one figure of a plan's compliance rules comes from.</summary>
/// <param name="Field">The figure's path in the rules, camelCase as in the plan document (e.g. <c>offsets.provinceTotalCap</c>).</param>
/// <param name="Reference">The source: the reference section and the public page or document it cites.</param>
/// <param name="Confirmed">
/// True when the figure was read in that source for this year ([confirmed]); false for an inference or a figure confirmed
/// only for another year ([UNCONFIRMED]), which pages and exports flag.
/// </param>
public sealed record RuleSource(string Field, string Reference, bool Confirmed);
