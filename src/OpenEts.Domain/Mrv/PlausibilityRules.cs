using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Mrv;

/// <summary>
/// The plausibility settings (合理性校验): a sector's intensity range and the largest change of total emissions from
/// the year before that passes without a warning. These are platform settings for a regulator to tune, not guideline
/// values; the defaults are in docs/mrv.md.
/// </summary>
/// <param name="Ranges">The intensity range of each sector.</param>
/// <param name="MaxChangePercent">A change of more than this percentage from last year's total is a warning.</param>
public sealed record PlausibilityRules(IReadOnlyDictionary<Sector, IntensityRange> Ranges, decimal MaxChangePercent)
{
    /// <summary>
    /// The defaults: power 0.25–1.50 tCO2/MWh supplied (around the national benchmarks 0.3288–1.146 of
    /// reference/national-ets.md §2.2); cement 0.60–1.20 tCO2/t clinker; steel 0.20–3.00 tCO2/t crude steel;
    /// petrochemical 0.05–0.60 tCO2/t crude oil processed; paper 0.20–2.50 tCO2/t paper; aviation 0.0003–0.0020
    /// tCO2/t·km; a change of more than 20 % from last year.
    /// </summary>
    public static PlausibilityRules Default { get; } = new(
        new Dictionary<Sector, IntensityRange>
        {
            [Sector.Power] = new(OutputKind.ElectricitySupplied, 0.25m, 1.50m),
            [Sector.Cement] = new(OutputKind.Clinker, 0.60m, 1.20m),
            [Sector.Steel] = new(OutputKind.CrudeSteel, 0.20m, 3.00m),
            [Sector.Petrochemical] = new(OutputKind.CrudeOilProcessed, 0.05m, 0.60m),
            [Sector.Paper] = new(OutputKind.Paper, 0.20m, 2.50m),
            [Sector.Aviation] = new(OutputKind.TransportWork, 0.0003m, 0.0020m),
        },
        MaxChangePercent: 20m);
}
