namespace OpenEts.Domain.Mrv;

/// <summary>
/// A production output of the year (产量), e.g. t clinker or MWh supplied. <see cref="Detail"/> qualifies it where the
/// template asks (steel process, paper grade, power unit category).
/// </summary>
public sealed record ProductionOutput(OutputKind Kind, decimal Amount, MeasureUnit Unit, string? Detail = null);
