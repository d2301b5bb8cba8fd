using System.Globalization;

namespace OpenEts.Domain.Mrv;

/// <summary>
/// Plausibility warnings on a computed report (合理性校验): an intensity outside the sector's range, a missing output
/// the intensity needs, and a change of total emissions beyond <see cref="PlausibilityRules.MaxChangePercent"/> from the
/// year before. Each is an <see cref="IssueSeverity.Warning"/> that the verifier acknowledges with a note; errors
/// (unknown fuels, wrong units, negative amounts) come from <see cref="MrvCalculator"/>.
/// </summary>
public static class MrvPlausibility
{
    // An intensity beyond any sector's range by far; a larger one is not computed (its output is all but zero).
    private const decimal MaxIntensity = 1_000_000_000_000_000m;

    /// <summary>The warnings of <paramref name="calculation"/>; <paramref name="lastYearTotal"/> is null for a first report.</summary>
    public static IReadOnlyList<MrvIssue> Check(ReportInput report, ReportCalculation calculation, decimal? lastYearTotal,
        PlausibilityRules rules)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(calculation);
        ArgumentNullException.ThrowIfNull(rules);
        var warnings = new List<MrvIssue>();
        var total = calculation.Total.Value;
        if (rules.Ranges.TryGetValue(report.Sector, out var range))
        {
            var output = report.Outputs.Where(o => o.Kind == range.Output).Sum(o => o.Amount);
            var name = OutputKinds.Name(range.Output, english: true);
            if (output <= 0)
            {
                warnings.Add(Warning("outputs", "NoOutput", $"the report has no {name}, so its intensity cannot be checked"));
            }
            else
            {
                // A vanishing output would make the intensity overflow: it is out of any range, so it is not divided.
                var intensity = output >= 1 || Math.Abs(total) <= output * MaxIntensity ? total / output : (decimal?)null;
                if (intensity is not { } i || i < range.Min || i > range.Max)
                {
                    var unit = MeasureUnits.Symbol(OutputKinds.UnitOf(range.Output));
                    var shown = intensity is { } v ? DerivationText.Number(v) : string.Create(CultureInfo.InvariantCulture, $"over {MaxIntensity:0.#E+0}");
                    warnings.Add(Warning("total", "IntensityOutOfRange", string.Create(CultureInfo.InvariantCulture,
                        $"intensity {shown} tCO2/{unit} of {name} is outside the plausible {range.Min}–{range.Max}")));
                }
            }
        }
        if (lastYearTotal is { } last && last > 0)
        {
            var change = (total - last) / last * 100m;
            if (Math.Abs(change) > rules.MaxChangePercent)
            {
                warnings.Add(Warning("total", "LargeChange", string.Create(CultureInfo.InvariantCulture,
                    $"total emissions changed by {decimal.Round(change, 1, MidpointRounding.AwayFromZero)} % from last year ({DerivationText.Number(last)} t); more than {rules.MaxChangePercent} % needs the verifier's note")));
            }
        }
        return warnings;
    }

    private static MrvIssue Warning(string field, string rule, string message) => new(null, field, rule, IssueSeverity.Warning, message);
}
