using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Registry;
using OpenEts.Domain.DualControl.Targets;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// The regulator adopts a version of a region's five-year plan and its split (目标分解). The first adoption is version 1;
/// every revision is a new version, and an adopted version is never changed. A plan whose split does not sum, or whose
/// increase is over its cap, is refused with every problem named.
/// </summary>
public sealed record AdoptPlan(TargetPlan Plan) : IEnergyTargetsCommand
{
    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => EnergyTargetsRoles.Regulators;

    public static bool TryParse(PlanDocument form, [NotNullWhen(true)] out AdoptPlan? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        command = form.TryRead(0, out var plan, out errors) ? new AdoptPlan(plan) : null;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<EnergyTargetsOutcome> ExecuteAsync(EnergyTargetsWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Plan.Validate() is { Count: > 0 } problems)
        {
            return new EnergyTargetsOutcome.Refused(problems[0].Rule, "units",
                string.Join("; ", problems.Take(10).Select(p => $"{p.Unit}: {p.Message}")), RefusalKind.Conflict);
        }
        // A unit belongs to one region's plan: the 晴雨表 and the assessment find a unit's targets by its code, and the
        // statistics are loaded per code, so a second plan naming it would rate the same figures against other targets.
        var held = (await work.Data.LatestPlansAsync().ConfigureAwait(false))
            .Where(p => p.Plan.Region != Plan.Region)
            .SelectMany(p => p.Plan.Units.Select(u => (u.Code, p.Plan.Region)))
            .GroupBy(x => x.Code).ToDictionary(g => g.Key, g => g.First().Region);
        var taken = Plan.Units.Select((u, i) => (u.Code, Index: i)).Where(u => held.ContainsKey(u.Code))
            .Select(u => FieldError.Of($"units[{u.Index}].code", "UnitInAnotherPlan",
                $"{u.Code.Value} is already in the plan of region {held[u.Code].Value}; a unit belongs to one region's plan"))
            .ToList();
        if (taken.Count > 0)
        {
            return new EnergyTargetsOutcome.Invalid(taken);
        }
        var latest = await work.Data.LatestPlanAsync(Plan.Region).ConfigureAwait(false);
        var adopted = new PlanVersion(Plan with { Version = (latest?.Plan.Version ?? 0) + 1 }, work.Now, work.Actor.UserName);
        await work.Data.InsertPlanAsync(adopted).ConfigureAwait(false);
        await work.JournalAsync("plan.adopted", Plan.Region.Value, new
        {
            region = Plan.Region.Value,
            version = adopted.Plan.Version,
            supersedes = latest?.Plan.Version,
            name = Plan.Name,
            years = $"{Plan.FirstYear}-{Plan.LastYear}",
            intensityReductionPercent = Plan.IntensityReductionPercent,
            units = Plan.Units.Count,
        }).ConfigureAwait(false);
        return new EnergyTargetsOutcome.Completed(adopted);
    }
}
