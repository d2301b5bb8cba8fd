namespace OpenEts.Domain.Mrv;

/// <summary>
/// The emissions of one report line (tCO2; negative for exported electricity or heat), with the derivation in
/// <see cref="Figure.Source"/>.
/// </summary>
public sealed record LineEmission(string LineId, SourceKind Kind, Figure Emissions);
