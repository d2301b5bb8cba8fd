using OpenEts.Domain.Mrv;
using OpenEts.Domain.Quantities;

namespace OpenEts.Application.Mrv;

/// <summary>
/// A report computed and checked: the calculator's result with the current factor library, plus a warning for each line
/// whose source is not in the company's monitoring plan. Every command and read computes a report through here.
/// </summary>
public static class MrvReview
{
    /// <summary>The rule of a line whose source the monitoring plan does not list.</summary>
    public const string NotInMonitoringPlan = "NotInMonitoringPlan";

    /// <summary>The shipped factor library, before any published correction (<see cref="MrvFactors"/>).</summary>
    public static FactorLibrary CurrentLibrary => DefaultFactors.Library;

    /// <summary>
    /// Computes <paramref name="input"/>, checks its plausibility (the sector's intensity range; the change from
    /// <paramref name="lastYearTotal"/>, the company's approved total of the year before, when there is one) and checks it
    /// against <paramref name="plan"/> (when there is one).
    /// </summary>
    public static ReportCalculation Check(ReportInput input, MonitoringPlan? plan, decimal? lastYearTotal = null, FactorLibrary? library = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var calculation = MrvCalculator.Calculate(input, library ?? CurrentLibrary);
        var plausibility = MrvPlausibility.Check(input, calculation, lastYearTotal, PlausibilityRules.Default);
        var missing = plan is null ? [] : input.Lines.Where(l => !plan.Covers(l)).Select(l => new MrvIssue(l.Id, "material", NotInMonitoringPlan,
            IssueSeverity.Warning, $"line {l.Id}: source {l.Kind} '{l.Material}' is not in the {input.Year} monitoring plan"));
        return calculation with { Issues = [.. calculation.Issues, .. plausibility, .. missing] };
    }

    /// <summary>
    /// <see cref="Check"/> with what the store holds for the company and year: its monitoring plan, and its approved total
    /// of the year before.
    /// </summary>
    /// <remarks>
    /// The factor library is the one in force (<see cref="MrvFactors.Current"/>), or the published version
    /// <paramref name="version"/> names, so that a report verified or approved before a correction still shows the
    /// figures it was decided on.
    /// </remarks>
    public static async Task<ReportCalculation> CheckAsync(Storage.IMrvData data, long organisationId, ReportInput input, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(input);
        var plan = await data.FindPlanAsync(organisationId, input.Year).ConfigureAwait(false);
        var last = await data.FindReportAsync(organisationId, input.Year - 1).ConfigureAwait(false);
        var library = MrvFactors.AtVersion(await data.ListFactorVersionsAsync().ConfigureAwait(false), version);
        return Check(input, plan, last?.Approved?.Value, library);
    }

    /// <summary>The total for the report: the exact sum rounded to 1 kg; a net export (negative sum) counts as zero.</summary>
    public static Tonnes Total(ReportCalculation calculation)
    {
        ArgumentNullException.ThrowIfNull(calculation);
        return Tonnes.RoundForReport(Math.Max(0m, calculation.Total.Value));
    }

    /// <summary>The key a verifier acknowledges a warning by: its rule and line (<c>Rule:LineId</c>, <c>Rule:-</c> for the report).</summary>
    public static string WarningKey(MrvIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return issue.Rule + ":" + (issue.LineId ?? "-");
    }

    /// <summary>The warnings of <paramref name="calculation"/>.</summary>
    public static IReadOnlyList<MrvIssue> Warnings(ReportCalculation calculation)
    {
        ArgumentNullException.ThrowIfNull(calculation);
        return [.. calculation.Issues.Where(i => i.Severity == IssueSeverity.Warning)];
    }

    /// <summary>True when a figure in <paramref name="figure"/>'s derivation is a default not yet confirmed ([UNCONFIRMED]).</summary>
    public static bool RestsOnUnconfirmed(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure.Source switch
        {
            Provenance.Default d => !d.Confirmed,
            Provenance.Computed c => c.Inputs.Any(RestsOnUnconfirmed),
            _ => false,
        };
    }

    /// <summary><paramref name="input"/> with the adjusted lines' amounts replaced.</summary>
    public static ReportInput Adjusted(ReportInput input, IReadOnlyList<LineAdjustment> adjustments,
        IReadOnlyList<OutputAdjustment>? outputs = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(adjustments);
        var byLine = adjustments.ToDictionary(a => a.LineId, StringComparer.Ordinal);
        var byOutput = (outputs ?? []).ToDictionary(o => o.Index);
        return input with
        {
            Lines = [.. input.Lines.Select(l => byLine.TryGetValue(l.Id, out var a) ? l with { Amount = a.Amount } : l)],
            Outputs = [.. input.Outputs.Select((o, i) => byOutput.TryGetValue(i, out var a) ? o with { Amount = a.Amount } : o)],
        };
    }

    /// <summary>
    /// The report with the verifier's measured parameters in place: each replaces the line's measured value of that
    /// parameter (or the default), keeps the measurement rule it replaces, and names <paramref name="verifier"/> and the
    /// reason, so the derivation shows who set it.
    /// </summary>
    public static ReportInput WithParameters(ReportInput input, IReadOnlyList<ParameterAdjustment> parameters, string verifier)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0)
        {
            return input;
        }
        return input with
        {
            Lines = [.. input.Lines.Select(l =>
            {
                var mine = parameters.Where(p => p.LineId == l.Id).ToList();
                if (mine.Count == 0)
                {
                    return l;
                }
                var measured = l.Measured.Where(m => mine.All(p => p.Parameter != m.Parameter)).ToList();
                measured.AddRange(mine.Select(p => new MeasuredValue(p.Parameter, p.Value, p.Evidence,
                    l.Measured.FirstOrDefault(m => m.Parameter == p.Parameter)?.Rule ?? "verification", $"{verifier}: {p.Reason}")));
                return l with { Measured = measured };
            })],
        };
    }

    /// <summary>The report as verified: <paramref name="input"/> with every adjustment of <paramref name="verification"/>.</summary>
    public static ReportInput Verified(ReportInput input, Verification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        return WithParameters(Adjusted(input, verification.Adjustments, verification.OutputAdjustments), verification.ParameterAdjustments,
            verification.Verifier);
    }
}
