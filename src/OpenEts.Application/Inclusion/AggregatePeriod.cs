using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Offsets;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// The programme operator aggregates a period's counted reductions (核证减排量汇总) into a PHCER monitoring report on the
/// programme's PHCER project, through the offsets module's <see cref="SubmitMonitoringReport"/>: the verifier then
/// verifies it and the regulator issues the PHCER (the offsets module's <see cref="VerifyMonitoringReport"/> and
/// <see cref="IssueCredits"/>). A period lies within one calendar year (one vintage) and never overlaps an earlier
/// aggregation of the programme. The tonnes claimed are the reduction rounded down to the kilogram, and a period is
/// filed only when its counted reductions reach <see cref="Minimum"/>: PHCER are issued in whole tonnes, so a report under
/// 1 t could never be verified, and its period, once aggregated, could never be aggregated again.
/// </summary>
public sealed record AggregatePeriod(string Programme, DateOnly PeriodStart, DateOnly PeriodEnd)
{
    public sealed record Form(string? Programme, string? PeriodStart, string? PeriodEnd);

    public static IReadOnlyList<Role> Roles => InclusionRoles.Operators;

    /// <summary>The least a period's counted reductions must hold to be filed: one tonne, the smallest PHCER issued.</summary>
    public static CarbonGrams Minimum { get; } = CarbonGrams.FromMilligrams(1_000_000_000);

    /// <summary>What an aggregation of a period with these counted totals files: their reductions summed.</summary>
    public static CarbonGrams ReductionOf(IEnumerable<BehaviourTotal> totals) => totals.Aggregate(CarbonGrams.Zero, (sum, t) => sum + t.Reduction);

    /// <summary>Whether <paramref name="reduction"/> is below <see cref="Minimum"/>, so that no aggregation files it.</summary>
    public static bool IsUnderMinimum(CarbonGrams reduction) => reduction < Minimum;

    /// <summary>
    /// The period offered to aggregate next on <paramref name="today"/>: from the day after the year's latest aggregation
    /// (or 1 January) to today, so that every counted day not yet filed this year is in it.
    /// </summary>
    public static (DateOnly Start, DateOnly End) Next(DateOnly today, IEnumerable<InclusionAggregation> earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var start = new DateOnly(today.Year, 1, 1);
        foreach (var a in earlier)
        {
            if (a.PeriodEnd.Year == today.Year && a.PeriodEnd >= start)
            {
                start = a.PeriodEnd.AddDays(1);
            }
        }
        return (start > today ? today : start, today);
    }

    /// <summary>
    /// The period the aggregation page shows for the days its address gave (<paramref name="start"/>,
    /// <paramref name="end"/>, yyyy-MM-dd), <paramref name="next"/> being the period it offers (<see cref="Next"/>): a day not
    /// given is the offered one's; a day that does not read, or an end before the start, is named in
    /// <paramref name="errors"/>, and the offered period shown.
    /// </summary>
    public static (DateOnly Start, DateOnly End) Shown(string? start, string? end, (DateOnly Start, DateOnly End) next,
        out IReadOnlyList<FieldError> errors)
    {
        var read = new FieldReader();
        var (from, to) = (read.OptionalDay(start, "periodStart") ?? next.Start, read.OptionalDay(end, "periodEnd") ?? next.End);
        if (read.IsValid && to < from)
        {
            read.FailOf("periodEnd", "Period", $"periodEnd: '{to:yyyy-MM-dd}' is before periodStart, {from:yyyy-MM-dd}");
        }
        errors = read.Errors;
        return read.IsValid ? (from, to) : next;
    }

    public static bool TryParse(Form form, InclusionProgrammes programmes, [NotNullWhen(true)] out AggregatePeriod? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(programmes);
        var read = new FieldReader();
        var programme = read.Programme(programmes, form.Programme);
        var start = read.Date(form.PeriodStart, "periodStart");
        var end = read.Date(form.PeriodEnd, "periodEnd");
        if (read.IsValid && (end < start || end.Year != start.Year))
        {
            read.Fail("periodEnd", "Period", "a period ends on or after its start, in the same year (one vintage)");
        }
        command = read.IsValid ? new AggregatePeriod(programme!, start, end) : null;
        errors = read.Errors;
        return command is not null;
    }
}
