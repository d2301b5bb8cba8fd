namespace OpenEts.Domain.Mrv;

/// <summary>
/// A parameter the company measured (实测值), which overrides the default for its line, with its evidence (a lab
/// report number or document) and the measurement rule it satisfies (e.g. "GB/T 213 per batch").
/// </summary>
/// <param name="Parameter">Which parameter it replaces.</param>
/// <param name="Value">In the parameter's unit (GJ/t or GJ/10⁴Nm³, tC/GJ, a fraction).</param>
/// <param name="Evidence">The lab report number or document.</param>
/// <param name="Rule">The measurement rule it satisfies.</param>
/// <param name="AdjustedBy">Null for the company's own value; for a value the verifier set (核查调整), who set it and why.</param>
public sealed record MeasuredValue(ParameterKind Parameter, decimal Value, string Evidence, string Rule, string? AdjustedBy = null);
