using OpenEts.Application.Allocation;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;

namespace OpenEts.Application.Demo;

/// <summary>
/// Seeds the demo's allocation plan once: the shipped Guangdong 2017 plan (plans/guangdong-2017.json), imported by the
/// demo regulator as a draft, for the regulator to review (its flagged placeholders), approve, and run.
/// </summary>
public sealed class DemoAllocation(IStore store, AllocationCommandHandler plans)
{
    /// <summary>The demo plan.</summary>
    public const string PlanId = "guangdong-2017";

    /// <summary>Imports the demo plan when no plan is stored. Returns true when it seeded.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        if ((await store.ReadAsync(s => s.Allocation.ListPlansAsync(), ct).ConfigureAwait(false)).Count > 0)
        {
            return false;
        }
        var regulator = await DemoActors.FindAsync(store, "regulator", ct).ConfigureAwait(false);
        return await plans.HandleAsync(regulator, new ImportPlan(PlanJson.Shipped(PlanId)), ct).ConfigureAwait(false) switch
        {
            AllocationCommandOutcome.Completed => true,
            var other => throw new InvalidOperationException($"Demo plan seeding was refused: {other}"),
        };
    }
}
