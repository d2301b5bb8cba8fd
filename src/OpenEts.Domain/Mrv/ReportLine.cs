namespace OpenEts.Domain.Mrv;

/// <summary>
/// One line of a report: an emission source with its activity amount. <see cref="Material"/> names the fuel,
/// carbonate or grid region in the factor library's codes (e.g. "raw-coal", "natural-gas").
/// </summary>
/// <param name="Id">The line's id in the report (unique within it; e.g. "L1" or the sheet row).</param>
/// <param name="Kind">Which formula applies.</param>
/// <param name="Material">The factor library's code of the fuel or material.</param>
/// <param name="Amount">Consumption, production or electricity/heat amount; never negative.</param>
/// <param name="Unit">The unit of <paramref name="Amount"/>.</param>
/// <param name="Measured">Measured parameters that replace defaults, at most one per parameter.</param>
public sealed record ReportLine(
    string Id, SourceKind Kind, string Material, decimal Amount, MeasureUnit Unit, IReadOnlyList<MeasuredValue> Measured)
{
    /// <summary>A line with no measured parameters.</summary>
    public ReportLine(string id, SourceKind kind, string material, decimal amount, MeasureUnit unit)
        : this(id, kind, material, amount, unit, [])
    {
    }
}
