namespace OpenEts.Domain.Mrv;

/// <summary>
/// A parameter the company measured (实测值), which overrides the default for its line, with its evidence (a lab
/// report number or document) and the measurement rule it satisfies (e.g. "GB/T 213 per batch").
/// </summary>
public sealed record MeasuredValue(ParameterKind Parameter, decimal Value, string Evidence, string Rule);
