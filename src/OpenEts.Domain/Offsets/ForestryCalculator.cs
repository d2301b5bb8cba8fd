using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Domain.Offsets;

/// <summary>
/// Forestry carbon sinks (碳汇造林, 森林经营): ΔC = A × G × BEF × (1 + R) × D × CF × 44/12 tCO2e, minus the baseline and
/// leakage; whole tonnes are issued (rounded down) and the methodology's non-permanence buffer is withheld from them
/// (rounded up, as the registry withholds it). Exact decimal arithmetic; the gross and net figures are rounded to 1 kg
/// half away from zero (<see cref="Tonnes.RoundForReport"/>).
/// </summary>
public static class ForestryCalculator
{
    /// <summary>
    /// The largest BEF accepted: a plausibility bound of the platform's, above every species default (1.47–1.63) and the
    /// values a young stand may reach [UNCONFIRMED: no bound in the reference]. A BEF of 1 000 would issue a thousand
    /// times the stand's stem carbon.
    /// </summary>
    public const decimal MaxExpansionFactor = 4m;

    /// <summary>Checks the input: the field at fault and why, or empty.</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(ForestryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<(string, string)>();
        if (input.AreaHectares <= 0)
        {
            errors.Add(("areaHectares", "the area is more than 0 ha"));
        }
        if (input.GrowthPerHectare < 0)
        {
            errors.Add(("growthPerHectare", "growth is 0 or more m³/ha"));
        }
        if (input.ExpansionFactor.Value is < 1 or > MaxExpansionFactor)
        {
            errors.Add(("expansionFactor", "the biomass expansion factor is from 1 to 4"));
        }
        if (input.RootToShoot.Value is < 0 or > 1)
        {
            errors.Add(("rootToShoot", "the root-to-shoot ratio is from 0 to 1"));
        }
        if (input.WoodDensity.Value is <= 0 or > 1.5m)
        {
            errors.Add(("woodDensity", "wood density is more than 0 and at most 1.5 t/m³"));
        }
        if (input.CarbonFraction.Value is <= 0 or > 1)
        {
            errors.Add(("carbonFraction", "the carbon fraction is more than 0 and at most 1"));
        }
        if (input.BaselineTonnes < 0)
        {
            errors.Add(("baselineTonnes", "the baseline is 0 or more tCO2e"));
        }
        if (input.LeakageTonnes < 0)
        {
            errors.Add(("leakageTonnes", "leakage is 0 or more tCO2e"));
        }
        return errors;
    }

    /// <summary>Computes a valid input's reductions with <paramref name="buffer"/> withheld; throws on an invalid one.</summary>
    public static ForestryResult Compute(ForestryInput input, BufferShare buffer)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Check(input) is { Count: > 0 } errors)
        {
            throw new ArgumentException($"invalid forestry input: {errors[0].Message}", nameof(input));
        }
        var biomass = input.AreaHectares * input.GrowthPerHectare * input.ExpansionFactor.Value * (1m + input.RootToShoot.Value)
            * input.WoodDensity.Value;
        var gross = Tonnes.RoundForReport(biomass * input.CarbonFraction.Value * 44m / 12m);
        var exactNet = gross.Value - input.BaselineTonnes - input.LeakageTonnes;
        var net = exactNet <= 0 ? Tonnes.Zero : Tonnes.RoundForReport(exactNet);
        var verified = (long)decimal.Floor(net.Value);
        return new ForestryResult(biomass, gross, net, verified, buffer.WithheldFrom(verified));
    }
}
