using System.Globalization;
using OpenEts.Application.Identity;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// Runs carbon-inclusion commands for a signed-in actor: checks the role, runs the command in one write transaction
/// (its journal entry included), and returns the outcome. Aggregation files its monitoring report through the offsets
/// module's handler inside the same transaction as its own record, so the two commit together or not at all.
/// </summary>
public sealed partial class InclusionCommandHandler(IStore store, InclusionProgrammes programmes, OffsetsCommandHandler offsets,
    OffsetsQueries offsetsQueries, TimeProvider clock)
{
    /// <summary>The programmes the commands run under.</summary>
    public InclusionProgrammes Programmes => programmes;

    /// <summary>
    /// The handler over <paramref name="registry"/> with the shipped programmes, filing PHCER through an offsets handler of
    /// its own (the set-up every process without dependency injection shares: the CLI, a stream worker, the bench).
    /// </summary>
    public static InclusionCommandHandler Over(IStore store, RegistryService registry, TimeProvider clock,
        RegistryCommandHandler? registryCommands = null)
    {
        var queries = new RegistryQueries(registry);
        return new InclusionCommandHandler(store, InclusionProgrammes.Shipped,
            new OffsetsCommandHandler(store, registryCommands ?? new RegistryCommandHandler(registry, store, clock), queries, clock),
            new OffsetsQueries(store, queries), clock);
    }

    /// <summary>Runs one command.</summary>
    public async Task<InclusionCommandOutcome> HandleAsync(Actor actor, IInclusionCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!command.Roles.Contains(actor.Role))
        {
            return new InclusionCommandOutcome.Forbidden(command.Roles);
        }
        var now = clock.GetUtcNow();
        return await store.WriteAsync(s => command.ExecuteAsync(new InclusionWork(s, actor, now, programmes)), ct).ConfigureAwait(false);
    }

    /// <summary>Settles a merchant, as the programme's operator (found through the offsets register) or the regulator.</summary>
    public async Task<InclusionCommandOutcome> SettleAsync(Actor actor, SettleMerchant command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        var operated = await SettleMerchant.OperatedByAsync(actor, programmes, offsetsQueries, ct).ConfigureAwait(false);
        return await HandleAsync(actor, command with { Operated = operated }, ct).ConfigureAwait(false);
    }

    /// <summary>Aggregates a period into a PHCER monitoring report through the offsets module, then records it.</summary>
    public async Task<InclusionCommandOutcome> AggregateAsync(Actor actor, AggregatePeriod command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!AggregatePeriod.Roles.Contains(actor.Role))
        {
            return new InclusionCommandOutcome.Forbidden(AggregatePeriod.Roles);
        }
        var programme = programmes.InForce(command.Programme, command.PeriodEnd);
        if (programme?.PhcerProject is not { } projectCode)
        {
            return new InclusionCommandOutcome.Refused("NoPhcerProject", "programme",
                $"{command.Programme} files no PHCER (its programme data names no PHCER project)", RefusalKind.Conflict);
        }
        var projects = await offsetsQueries.ProjectsAsync(actor, UnitType.Phcer, null, ct).ConfigureAwait(false);
        if (projects.FirstOrDefault(p => p.Project.Code == projectCode) is not { } project)
        {
            return new InclusionCommandOutcome.Refused("NoPhcerProject", "programme", $"PHCER project {projectCode} is not on the register", RefusalKind.Conflict);
        }
        // Before the period is read: its refusals name the counted kilograms and the reports filed, the operator's figures.
        if (project.Project.OrganisationId != actor.OrganisationId)
        {
            return new InclusionCommandOutcome.Refused("NotOwner", "actor", $"only the owner of {project.Project.Reference} may do this", RefusalKind.Forbidden);
        }
        var now = clock.GetUtcNow();
        if (command.PeriodEnd > InclusionTime.DayOf(now))
        {
            // Days not yet lived hold no reductions to verify, and once filed every action of them would be left out of PHCER.
            return InclusionCommandOutcome.Refused.Of("PeriodInFuture", "periodEnd",
                $"periodEnd: {command.PeriodEnd:yyyy-MM-dd} is after today, {InclusionTime.DayOf(now):yyyy-MM-dd}: a period is aggregated once it has been lived", RefusalKind.Conflict);
        }
        // The offsets report and the aggregation record commit together: a failure leaves neither.
        return await store.WriteAsync(async s =>
        {
            var totals = await s.Inclusion.PeriodTotalsAsync(command.Programme, command.PeriodStart, command.PeriodEnd).ConfigureAwait(false);
            var earlier = await s.Inclusion.AggregationsAsync(command.Programme).ConfigureAwait(false);
            if (earlier.FirstOrDefault(a => a.PeriodStart <= command.PeriodEnd && command.PeriodStart <= a.PeriodEnd) is { } overlap)
            {
                return InclusionCommandOutcome.Refused.Of("PeriodAggregated", "periodStart",
                    $"{overlap.PeriodStart:yyyy-MM-dd} – {overlap.PeriodEnd:yyyy-MM-dd} is aggregated already (report {overlap.Report})", RefusalKind.Conflict);
            }
            var reduction = AggregatePeriod.ReductionOf(totals);
            var claimed = decimal.Round(reduction.Tonnes, 3, MidpointRounding.ToZero);
            if (AggregatePeriod.IsUnderMinimum(reduction))
            {
                return InclusionCommandOutcome.Refused.Of("NothingToAggregate", "periodStart",
                    $"the period's counted reductions ({reduction.Kilograms:#,0.###} kg) are under 1 t, the least PHCER issued; a longer period of the same year can be aggregated once it reaches 1 t",
                    RefusalKind.Conflict);
            }
            var filed = await offsets.HandleWithinAsync(s, actor,
                new SubmitMonitoringReport(project.Project.Id, command.PeriodStart, command.PeriodEnd, claimed, null) { SampleRequired = true })
                .ConfigureAwait(false);
            switch (filed)
            {
                case OffsetsCommandOutcome.Completed { Report: { } report }:
                    var saved = await s.Inclusion.InsertAggregationAsync(new InclusionAggregation(0, command.Programme, command.PeriodStart,
                        command.PeriodEnd, reduction, totals.Sum(t => t.Actions), claimed, projectCode, report.Id, now, actor.UserName)
                    {
                        Citizens = await s.Inclusion.PeriodCitizensAsync(command.Programme, command.PeriodStart, command.PeriodEnd).ConfigureAwait(false),
                    }).ConfigureAwait(false);
                    await new InclusionWork(s, actor, now, programmes).JournalAsync("period.aggregated", $"PHCER-{projectCode}", new
                    {
                        programme = programme.Id,
                        periodStart = command.PeriodStart,
                        periodEnd = command.PeriodEnd,
                        reductionGrams = reduction.Grams,
                        claimedTonnes = claimed,
                        report = report.Id,
                        byBehaviour = totals.Select(t => new { behaviour = Behaviours.CodeOf(t.Behaviour), t.Actions, grams = t.Reduction.Grams, t.Citizens }),
                    }).ConfigureAwait(false);
                    return (InclusionCommandOutcome)new InclusionCommandOutcome.Completed(saved);
                case OffsetsCommandOutcome.Refused r:
                    return new InclusionCommandOutcome.Refused(r.Rule, r.Field, r.Message, r.Kind) { Figures = r.Figures };
                case OffsetsCommandOutcome.Forbidden f:
                    return new InclusionCommandOutcome.Forbidden(f.Allowed);
                case OffsetsCommandOutcome.Invalid i:
                    return new InclusionCommandOutcome.Invalid(i.Errors);
                default:
                    return new InclusionCommandOutcome.Refused("NoPhcerProject", "programme", $"PHCER project {projectCode} could not take the report", RefusalKind.Conflict);
            }
        }, ct).ConfigureAwait(false);
    }
}
