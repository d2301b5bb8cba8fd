namespace OpenEts.Domain.Mrv;

/// <summary>
/// A plausible range of emission intensity for a sector: tCO2 per unit of <see cref="Output"/> (e.g. per MWh supplied,
/// per t clinker). Outside it, the report gets a warning the verifier must acknowledge.
/// </summary>
/// <param name="Output">The output the intensity is per.</param>
/// <param name="Min">The lowest plausible intensity, tCO2 per output unit.</param>
/// <param name="Max">The highest plausible intensity.</param>
public sealed record IntensityRange(OutputKind Output, decimal Min, decimal Max);
