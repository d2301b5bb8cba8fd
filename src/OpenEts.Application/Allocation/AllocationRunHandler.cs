using System.Globalization;
using OpenEts.Application.Auction;
using OpenEts.Application.Identity;
using OpenEts.Application.Mrv;
using OpenEts.Application.Organisations;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Allocation;

/// <summary>
/// Runs pre-allocation and the true-up. Inputs come only from <see cref="MrvQueries"/>; units move only through the
/// registry's use cases (<see cref="IssueUnits"/> for what the issuance account lacks within the plan's cap, the
/// volume the auctions still open offer of it not counted as held (<see cref="AuctionQueries.OfferedAsync"/>),
/// <see cref="AllocateUnits"/> to issue, <see cref="CorrectUnits"/> to withdraw), each journalled by the registry with a
/// key made of the jurisdiction, year, stage and entity, so that a repeated run cannot move units twice. Each entity's
/// result is then stored with its calculation and the run is journalled (<c>allocation.pre-allocated</c>,
/// <c>allocation.trued-up</c>). An entity the registry refuses (no holding account, too few units to withdraw) is
/// reported with the rule and left for a later run; the others go ahead.
/// </summary>
/// <remarks>An entity's holding account is the open holding account whose holder name is the entity's registered name.</remarks>
public sealed class AllocationRunHandler(IStore store, MrvQueries mrv, OrganisationService organisations, RegistryService registry, RegistryCommandHandler units, TimeProvider clock)
{
    /// <summary>
    /// Why a run of <paramref name="jurisdiction"/>'s <paramref name="year"/> is refused before it starts: no approved
    /// plan governs it (<paramref name="approved"/> null). Null when one does. Pages ask it through
    /// <see cref="AllocationQueries.RunRefusalAsync"/> to say so in place of the run's buttons.
    /// </summary>
    internal static AllocationCommandOutcome.Refused? Ungoverned(StoredPlan? approved, IReadOnlyList<StoredPlan> plans, string jurisdiction, int year)
    {
        if (approved is not null)
        {
            return null;
        }
        // A market's registry code (GD) where the plan names its jurisdiction (guangdong): the jurisdiction is what is wrong.
        var known = plans.Select(p => p.Jurisdiction).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return known.Count > 0 && !known.Contains(jurisdiction, StringComparer.OrdinalIgnoreCase)
            ? AllocationCommandOutcome.Refused.Of("UnknownJurisdiction", "jurisdiction",
                $"no allocation plan is for '{jurisdiction}': the plans' jurisdictions are {string.Join(", ", known)}", RefusalKind.Malformed)
            : AllocationCommandOutcome.Refused.Of("NoApprovedPlan", "year",
                $"no approved plan governs {jurisdiction} {year}: approve one first", RefusalKind.Conflict);
    }

    /// <summary>Runs <paramref name="run"/> as <paramref name="actor"/>.</summary>
    public async Task<AllocationCommandOutcome> HandleAsync(Actor actor, IAllocationRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(run);
        if (!run.Roles.Contains(actor.Role))
        {
            return new AllocationCommandOutcome.Forbidden(run.Roles);
        }
        var (stored, plans, done, circumstances) = await store.ReadAsync(async s => (
            await AllocationQueries.ApprovedVersionAsync(s, run.Jurisdiction, run.Year).ConfigureAwait(false),
            await s.Allocation.ListPlansAsync().ConfigureAwait(false),
            await s.Allocation.ListAllocationsAsync(run.Jurisdiction, run.Year).ConfigureAwait(false),
            await s.Allocation.ListCircumstancesAsync(run.Jurisdiction, run.Year).ConfigureAwait(false)), ct).ConfigureAwait(false);
        if (Ungoverned(stored, plans, run.Jurisdiction, run.Year) is { } ungoverned)
        {
            return ungoverned;
        }
        var plan = stored!.Plan;
        var unitClass = UnitClass.Allowance(plan.RegistryCode, run.Year);
        // The regulator's special circumstances (closures, stoppages, new entrants, added capacity) count at the true-up;
        // history exclusions at both stages.
        var entities = (await AllocationInputs.ReadAsync(mrv, organisations, plan, run.Year, ct).ConfigureAwait(false))
            .Select(e => SpecialCircumstance.Apply(e, circumstances, run.Stage)).ToList();
        var (accounts, issuance) = await registry.QueryAsync((l, _) => (
            l.Accounts.Where(a => a.Kind == AccountKind.Holding && a.State != AccountState.Closed)
                .GroupBy(a => a.HolderName).ToDictionary(g => g.Key, g => g.First().Number),
            l.IssuanceAccount), ct).ConfigureAwait(false);
        if (issuance is not { } issuanceAccount)
        {
            return new AllocationCommandOutcome.Refused("RegistryNotInitialised", "registry", "the registry has no issuance account yet", RefusalKind.Conflict);
        }
        var items = new List<AllocationRunItem>();
        var records = new List<AllocationRecord>();
        var now = clock.GetUtcNow();
        var todo = new List<(EntityInput Entity, EntityAllocation Result, long Movement)>();
        foreach (var entity in entities)
        {
            var earlier = done.Where(r => r.Organisation == entity.Code).ToList();
            if (earlier.Any(r => r.Stage == run.Stage))
            {
                var previous = earlier.First(r => r.Stage == run.Stage);
                items.Add(new AllocationRunItem(entity.Code, entity.Name, null, 0, true, true, null, $"done {previous.RunAt:yyyy-MM-dd} by {previous.RunBy}"));
                continue;
            }
            if (run.Stage == AllocationStage.Final && entity.Verified is null)
            {
                items.Add(new AllocationRunItem(entity.Code, entity.Name, null, 0, false, false, "NoApprovedReport",
                    $"no approved {run.Year} report yet: left for a later run"));
                continue;
            }
            var result = AllocationCalculator.Allocate(plan, run.Year, entity, run.Stage);
            var pre = earlier.FirstOrDefault(r => r.Stage == AllocationStage.Pre)?.Allocation.Free.Value ?? 0;
            var movement = run.Stage == AllocationStage.Pre ? result.Free.Value : result.Free.Value - pre;
            todo.Add((entity, result, movement));
        }
        var needed = todo.Sum(t => Math.Max(0, t.Movement));
        var held = await registry.QueryAsync((l, _) => l.QuantityHeld(issuanceAccount, unitClass).Value, ct).ConfigureAwait(false);
        // The auctions still open are delivered from the issuance account at their close: what they offer is not the run's
        // to draw on, or the auction fails at its close and releases every bid.
        var offered = await store.ReadAsync(s => AuctionQueries.OfferedAsync(s, unitClass), ct).ConfigureAwait(false);
        var free = Math.Max(0, held - offered);
        if (needed > free)
        {
            var issue = needed - free;
            var issued = await registry.QueryAsync((l, _) => l.TotalIssued(unitClass).Value, ct).ConfigureAwait(false);
            if (plan.Cap is { } cap && issued + issue > cap.Covered.For(run.Year))
            {
                var limit = cap.Covered.For(run.Year);
                return offered > 0 && issued + Math.Max(0, needed - held) <= limit
                    ? AllocationCommandOutcome.Refused.Of("AuctionVolumeHeld", "year",
                        $"the issuance account holds {held:N0} t of {unitClass}, {offered:N0} t of it offered by auctions still open; the run needs {needed:N0} t, and issuing the {issue:N0} t it lacks would pass the plan's cap for covered entities ({limit:N0} t)",
                        RefusalKind.Conflict)
                    : AllocationCommandOutcome.Refused.Of("CapExceeded", "year",
                        $"issuing {issue} more {unitClass} would pass the plan's cap for covered entities ({limit} t)", RefusalKind.Conflict);
            }
            var command = new IssueUnits(unitClass, AllowanceCount.From(issue), Key(run, "issue-" + issued.ToString(CultureInfo.InvariantCulture)));
            if (await units.HandleAsync(actor, command, ct).ConfigureAwait(false) is not RegistryCommandOutcome.Completed)
            {
                return AllocationCommandOutcome.Refused.Of("IssueRefused", "year", $"the registry refused to issue {issue} {unitClass}", RefusalKind.Conflict);
            }
        }
        foreach (var (entity, result, movement) in todo)
        {
            if (!accounts.TryGetValue(entity.Name, out var account))
            {
                items.Add(new AllocationRunItem(entity.Code, entity.Name, null, movement, false, false, "NoHoldingAccount",
                    $"{entity.Name} has no open holding account in the registry"));
                continue;
            }
            IRegistryCommand? move = movement switch
            {
                > 0 => new AllocateUnits(account, unitClass, AllowanceCount.From(movement), Key(run, entity.Code)),
                < 0 => new CorrectUnits(account, issuanceAccount, unitClass, AllowanceCount.From(-movement), null,
                    $"多退少补 {run.Year}: final allocation under {plan.Id} v{stored.Version} is {-movement} below the pre-allocation", Key(run, entity.Code)),
                _ => null,
            };
            var outcome = move is null ? null : await units.HandleAsync(actor, move, ct).ConfigureAwait(false);
            if (outcome is RegistryCommandOutcome.Refused refused)
            {
                items.Add(new AllocationRunItem(entity.Code, entity.Name, account.ToString(), movement, false, false, refused.Reason.ToString(), refused.Message));
                continue;
            }
            items.Add(new AllocationRunItem(entity.Code, entity.Name, account.ToString(), movement, true, false, null, null));
            records.Add(new AllocationRecord(run.Jurisdiction, run.Year, entity.Code, run.Stage, plan.Id, stored.Version, result, now, actor.UserName));
        }
        var summary = new AllocationRun(run.Stage, run.Jurisdiction, run.Year, plan.Id, stored.Version, items);
        var kind = run.Stage == AllocationStage.Pre ? "allocation.pre-allocated" : "allocation.trued-up";
        if (records.Count > 0)
        {
            await store.WriteAsync(async s =>
            {
                await s.Allocation.SaveAllocationsAsync(records).ConfigureAwait(false);
                await s.Journal.AppendAsync(now, actor.UserName, kind, $"{run.Jurisdiction}/{run.Year}", Json.Serialize(new
                {
                    plan = plan.Id,
                    version = stored.Version,
                    unitClass = unitClass.ToString(),
                    issued = summary.Issued,
                    withdrawn = summary.Withdrawn,
                    entities = records.Select(r => new { code = r.Organisation, total = r.Allocation.Total.Value, free = r.Allocation.Free.Value }),
                })).ConfigureAwait(false);
                return 0;
            }, ct).ConfigureAwait(false);
        }
        return new AllocationCommandOutcome.Completed(kind, stored, summary);
    }

    private static IdempotencyKey Key(IAllocationRun run, string what) =>
        IdempotencyKey.From($"allocation-{run.Jurisdiction}-{run.Year}-{run.Stage.ToString().ToLowerInvariant()}-{what}");
}
