using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.DualControl.Targets;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// The regulator scores a unit's annual assessment (目标责任评价考核): the target points come from the data (the year's
/// intensity fall against the plan's milestone), the measure points from the regulator, one area at a time, each with
/// its evidence. The grade, the veto and the consequences follow from the scheme.
/// </summary>
public sealed record ScoreAssessment(UnitCode Unit, int Year, AssessmentScheme Scheme, IReadOnlyList<MeasureScore> Measures) : IEnergyTargetsCommand
{
    public sealed record Form(string? Unit, int? Year, string? Scheme, IReadOnlyList<MeasureForm>? Measures);

    public sealed record MeasureForm(string? Area, decimal? Points, string? Evidence);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => EnergyTargetsRoles.Regulators;

    /// <summary>The scheme used when the form names none: Ningxia's city scheme.</summary>
    public static AssessmentScheme DefaultScheme => AssessmentSchemes.NingxiaCity;

    /// <summary>
    /// The scheme <paramref name="text"/> names; <see cref="DefaultScheme"/> when it names none, and when it names one not
    /// among <see cref="AssessmentSchemes.All"/>, which <paramref name="read"/> then refuses with the rule
    /// <c>UnknownValue</c>, naming it as typed and the codes.
    /// </summary>
    public static AssessmentScheme ReadScheme(FieldReader read, string? text)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultScheme;
        }
        var code = read.Among(text, "scheme", [.. AssessmentSchemes.All.Select(s => s.Code)]);
        return AssessmentSchemes.All.FirstOrDefault(s => s.Code == code) ?? DefaultScheme;
    }

    /// <summary>The scheme a unit of <paramref name="kind"/> is scored with when none is chosen: the first that fits it.</summary>
    public static AssessmentScheme SchemeFor(UnitKind kind) => AssessmentSchemes.All.FirstOrDefault(s => s.Fits(kind)) ?? DefaultScheme;

    /// <summary>
    /// The scheme the assessment page scores <paramref name="unit"/> with when its address names <paramref name="asked"/>:
    /// that scheme when it fits the unit's kind; else the one that fits (<see cref="SchemeFor"/>), also when nothing is
    /// asked. A scheme no code names is refused by <paramref name="read"/> (<c>UnknownValue</c>, see
    /// <see cref="ReadScheme"/>); one that does not fit the unit is named in <paramref name="unfit"/> (rule
    /// <c>SchemeKind</c>, figures: the scheme asked, the unit, the schemes that fit), as scoring with it would be refused.
    /// </summary>
    public static AssessmentScheme AssessedScheme(FieldReader read, string? asked, TargetUnit? unit, out FieldError? unfit)
    {
        ArgumentNullException.ThrowIfNull(read);
        unfit = null;
        var fitting = unit is null ? DefaultScheme : SchemeFor(unit.Kind);
        if (string.IsNullOrWhiteSpace(asked))
        {
            return fitting;
        }
        var unknown = read.Errors.Count;
        var named = ReadScheme(read, asked);
        if (read.Errors.Count > unknown)
        {
            return fitting;
        }
        if (unit is not null && !named.Fits(unit.Kind))
        {
            var fit = string.Join(", ", AssessmentSchemes.All.Where(s => s.Fits(unit.Kind)).Select(s => s.Name));
            unfit = FieldError.Of("scheme", "SchemeKind", $"scheme: {named.Name} does not assess {unit.Name}'s kind of unit; schemes that fit: {fit}");
            return fitting;
        }
        return named;
    }

    public static bool TryParse(Form form, [NotNullWhen(true)] out ScoreAssessment? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var unit = read.UnitCode(form.Unit, "unit");
        var year = read.TargetYear(form.Year);
        var scheme = ReadScheme(read, form.Scheme);
        var measures = new List<MeasureScore>();
        if (form.Measures is null or { Count: 0 })
        {
            // Scoring with no measures would replace an earlier score with one of measure points 0.
            read.Fail("measures", "Required", $"measures: score the measure areas ({string.Join(", ", scheme.Areas.Select(a => a.Code))}), each with its evidence");
        }
        foreach (var (m, i) in (form.Measures ?? []).Select((m, i) => (m, i)))
        {
            var field = $"measures[{i}]";
            var area = scheme.Area(FieldReader.Text(m.Area));
            if (area is null)
            {
                read.Fail(field + ".area", "UnknownValue", $"{field}.area is one of: {string.Join(", ", scheme.Areas.Select(a => a.Code))}", FieldReader.Text(m.Area),
                    [.. scheme.Areas.Select(a => a.Code)]);
                continue;
            }
            if (m.Points is not { } points || points < 0 || points > area.MaxPoints || decimal.Round(points, 2) != points)
            {
                read.Fail(field + ".points", "Points", $"{field}.points: 0–{area.MaxPoints} for {area.Name}, at most 2 decimals");
                continue;
            }
            var evidence = FieldReader.Text(m.Evidence);
            if (evidence.Length is 0 or > 2000)
            {
                read.Fail(field + ".evidence", "MeasureEvidence", $"{field}.evidence: what the points rest on (1–2000 characters)");
                continue;
            }
            if (measures.Any(x => x.Area == area.Code))
            {
                read.Fail(field + ".area", "DuplicateArea", $"{field}.area: {area.Code} is scored twice");
                continue;
            }
            measures.Add(new MeasureScore(area.Code, points, evidence));
        }
        command = read.IsValid ? new ScoreAssessment(unit, year, scheme, measures) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<EnergyTargetsOutcome> ExecuteAsync(EnergyTargetsWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var plans = await work.Data.LatestPlansAsync().ConfigureAwait(false);
        var plan = plans.Select(p => p.Plan).FirstOrDefault(p => p.Unit(Unit) is not null && p.FirstYear <= Year && Year <= p.LastYear);
        if (plan?.Unit(Unit) is not { } unit || unit.Year(Year) is not { } budget)
        {
            return new EnergyTargetsOutcome.Refused("NoUnitTarget", "unit", $"no adopted plan gives {Unit} a target for {Year}", RefusalKind.Conflict);
        }
        if (!Scheme.Fits(unit.Kind))
        {
            // A city's scheme on a key energy user would give it the city's consequences (officials, the region's reviews).
            var fit = string.Join(", ", AssessmentSchemes.All.Where(s => s.Fits(unit.Kind)).Select(s => s.Code));
            return new EnergyTargetsOutcome.Invalid([FieldError.Of("scheme", "SchemeKind", $"scheme: {Scheme.Code} does not assess {Unit}'s kind of unit; schemes that fit: {fit}")]);
        }
        var book = new EnergyBook(await work.Data.StatisticsAsync(null, Year - 1, Year).ConfigureAwait(false),
            await work.Data.AnnualReportsAsync(Year - 1, Year).ConfigureAwait(false));
        var achieved = book.YearIntensityReduction(unit, Year);
        if (achieved is null)
        {
            return new EnergyTargetsOutcome.Refused("NoYearData", "year",
                $"{Unit} has no full-year figures for both {Year - 1} and {Year}; load them before scoring", RefusalKind.Conflict);
        }
        var completion = Assessment.Completion(budget.IntensityReductionPercent, achieved);
        var result = Assessment.Score(Scheme, completion, Measures.ToDictionary(m => m.Area, m => m.Points));
        var record = new AssessmentRecord(Unit, unit.Name, unit.Kind, Year, Scheme.Code, budget.IntensityReductionPercent, achieved, Measures,
            result, work.Now, work.Actor.UserName);
        await work.Data.SaveAssessmentAsync(record).ConfigureAwait(false);
        await work.JournalAsync("assessment.scored", Unit.Value, new
        {
            unit = Unit.Value,
            year = Year,
            scheme = Scheme.Code,
            completionPercent = result.CompletionPercent,
            targetPoints = result.TargetPoints,
            bonus = result.Bonus,
            measurePoints = result.MeasurePoints,
            total = result.Total,
            grade = result.Grade.ToString(),
            vetoed = result.Vetoed,
            measures = Measures,
        }).ConfigureAwait(false);
        return new EnergyTargetsOutcome.Completed(record);
    }
}
