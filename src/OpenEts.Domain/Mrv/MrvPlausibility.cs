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
                var intensity = total / output;
                if (intensity < range.Min || intensity > range.Max)
                {
                    var unit = MeasureUnits.Symbol(OutputKinds.UnitOf(range.Output));
                    warnings.Add(Warning("total", "IntensityOutOfRange", string.Create(CultureInfo.InvariantCulture,
                        $"intensity {DerivationText.Number(intensity)} tCO2/{unit} of {name} is outside the plausible {range.Min}–{range.Max}")));
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
